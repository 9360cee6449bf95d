"""Verifying the signatures of a PDF (pyHanko): who signed which field and when, whether the
signed bytes are intact, what the file gained after each signature, whether the certificate
chains to the trust roots given, and which fields are still unsigned.

Why a verdict per signature with its reason: a pack is signed by several parties one after
another, so every signature but the last covers an earlier revision, and what came after it (a
later signature filling its field: fine; a changed page: not) is what a reader must be told. A
signature in an algorithm pyHanko does not implement (the Ukrainian DSTU 4145 / GOST 34.311 of
many КЕП tools) is reported as unchecked, never as valid, never as a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509

from dcity_docs.errors import InputError
from dcity_docs.signing.reading import field_states, open_reader, read_pdf

__all__ = ["PdfReport", "SignatureReport", "load_trust_roots", "verify_pdf"]

#: Ukraine's state cryptography arc (DSTU 4145 signatures, GOST 34.311 and Kupyna digests).
_UA_ARC = "1.2.804.2.1.1.1"


@dataclass
class SignatureReport:
    """One signature of a PDF, and what is wrong with it (``problems`` empty: valid)."""

    field: str
    signer: str = ""
    subject: str = ""
    signing_time: datetime | None = None
    timestamp: datetime | None = None
    intact: bool = False
    valid: bool = False
    trusted: bool | None = None  # None: no trust roots were given
    coverage: str = ""
    problems: list[str] = field(default_factory=list)
    unsupported: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class PdfReport:
    """Every signature of one PDF and the signature fields nobody has signed yet."""

    path: Path
    signatures: list[SignatureReport]
    unsigned: list[str]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)


def load_trust_roots(paths: list[Path]) -> list[x509.Certificate]:
    """Trust roots from PEM (one or more certificates) or DER files."""
    roots: list[x509.Certificate] = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from None
        try:
            roots += x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data else [x509.load_der_x509_certificate(data)]
        except ValueError:
            raise InputError(f"{path} is not a certificate (PEM or DER)") from None
    return roots


def _name(cert) -> str:  # noqa: ANN001 - asn1crypto certificate
    subject = cert.subject.native
    return str(subject.get("common_name") or cert.subject.human_friendly)


def _unsupported(embedded) -> str | None:  # noqa: ANN001
    """The algorithm of a signature pyHanko cannot check, named, or None."""
    try:
        info = embedded.signer_info
        digest = info["digest_algorithm"]["algorithm"].dotted
        signature = info["signature_algorithm"]["algorithm"].dotted
    except (KeyError, ValueError, AttributeError):
        return "an unreadable signature algorithm"
    if digest.startswith(_UA_ARC) or signature.startswith(_UA_ARC):
        return f"Ukrainian DSTU 4145 / GOST 34.311 ({signature}, digest {digest})"
    from asn1crypto.algos import DigestAlgorithmId, SignedDigestAlgorithmId

    if digest not in DigestAlgorithmId._map or signature not in SignedDigestAlgorithmId._map:  # noqa: SLF001
        return f"the algorithm {signature} (digest {digest})"
    return None


def _coverage(status, embedded, revisions: int) -> str:  # noqa: ANN001
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return "covers the whole file"
    revision = embedded.signed_revision + 1
    level = status.modification_level
    added = {
        ModificationLevel.NONE: "nothing that changes the document",
        ModificationLevel.LTA_UPDATES: "validation data and timestamps",
        ModificationLevel.FORM_FILLING: "form filling and later signatures",
        ModificationLevel.ANNOTATIONS: "annotations",
    }.get(level, "changes to the document") if level is not None else "changes it could not analyse"
    return f"covers revision {revision} of {revisions}; added after it: {added}"


def _check(embedded, context, revisions: int, roots_given: bool) -> SignatureReport:  # noqa: ANN001
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    report = SignatureReport(field=str(embedded.field_name))
    try:
        cert = embedded.signer_cert
        report.signer, report.subject = _name(cert), cert.subject.human_friendly.replace("\n", ", ")
    except Exception:  # noqa: BLE001 - a signature without a readable signer certificate
        report.problems.append("no readable signer certificate")
        return report
    report.signing_time = embedded.self_reported_timestamp
    unsupported = _unsupported(embedded)
    if unsupported:
        report.unsupported = unsupported
        report.problems.append(f"not checked: dcity-docs cannot verify {unsupported}; "
                               "check it with a КЕП tool that does")
        return report
    try:
        status = validate_pdf_signature(
            embedded, signer_validation_context=context,
            key_usage_settings=KeyUsageConstraints(key_usage={"non_repudiation", "digital_signature"},
                                                   match_all_key_usages=False))
    except Exception as exc:  # noqa: BLE001 - pyHanko could not process it: reported, never valid
        report.problems.append(f"cannot be validated: {type(exc).__name__}: {exc}")
        return report
    report.intact, report.valid = bool(status.intact), bool(status.valid)
    report.signing_time = status.signer_reported_dt or report.signing_time
    if status.timestamp_validity is not None:
        report.timestamp = status.timestamp_validity.timestamp
        if not (status.timestamp_validity.intact and status.timestamp_validity.valid):
            report.problems.append("the timestamp token is not valid")
    report.coverage = _coverage(status, embedded, revisions)
    if not report.intact:
        report.problems.append("not intact: the signed bytes were changed after signing")
    elif not report.valid:
        report.problems.append("the signature value does not match the signer's certificate")
    if status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        report.problems.append("does not cover its whole revision of the file")
    level = status.modification_level
    if report.intact and status.coverage != SignatureCoverageLevel.ENTIRE_FILE and (
            level is None or level > ModificationLevel.FORM_FILLING):
        report.problems.append("the document was changed after it was signed")
    if roots_given:
        report.trusted = bool(status.trusted)
        if not report.trusted:
            why = status.trust_problem_indic
            report.problems.append("the certificate does not chain to the trust roots given"
                                   + (f" ({why.name.lower().replace('_', ' ')})" if why is not None else ""))
    return report


@contextmanager
def _quiet() -> Iterator[None]:
    """pyHanko logs every failed path search with a traceback; the report says it in one line."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def verify_pdf(pdf: Path, trust_roots: list[x509.Certificate] | None = None) -> PdfReport:
    """Check every signature of ``pdf``; trust is judged only when ``trust_roots`` are given."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko_certvalidator import ValidationContext

    pdf = Path(pdf)
    data = read_pdf(pdf)
    reader = open_reader(pdf, data)
    roots = [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in trust_roots or []]
    report = PdfReport(pdf, [], [])
    try:
        embedded = reader.embedded_regular_signatures
    except Exception as exc:  # noqa: BLE001 - a broken signature dictionary
        raise InputError(f"{pdf}: cannot read its signatures: {exc}") from None
    revisions = reader.xrefs.total_revisions
    for signature in embedded:
        # A context per signature: pyHanko keeps per-validation state in it.
        context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
        with _quiet():
            report.signatures.append(_check(signature, context, revisions, bool(roots)))
    signed = {s.field for s in report.signatures}
    report.unsigned = [name for name, done in field_states(reader).items() if not done and name not in signed]
    if not report.signatures:
        report.problems.append("no signatures")
    return report

"""Signing one signature field of a PDF: PAdES baseline B-B, or B-T with a timestamp authority
(pyHanko), as an incremental update, so the signatures already in the file stay valid and each
party signs after the other.

Why the checks come first: a wrong passphrase, a certificate out of its validity, a key that is
not the certificate's, a field that does not exist or is signed already, a file that is not a
PDF, a draft: each is a one-line :class:`InputError` before anything is written. The signed
file goes to a temporary name beside the output and is renamed into place, so the input (and
the output, when it is the input) is never left half-written.
"""

from __future__ import annotations

import io
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from dcity_docs.errors import DcityError, InputError, OutputError
from dcity_docs.files import refuse_link, temp_file
from dcity_docs.pdf.watermark import find_watermark_font
from dcity_docs.signing.reading import field_states, open_reader, read_pdf

__all__ = ["Credentials", "is_marked_draft", "load_pkcs12", "sign_field", "signature_fields_of"]

#: What pdf finishing puts on a draft: the stamp is a form XObject named /DcWm0, /DcWm1... drawn
#: as a watermark artifact (:func:`dcity_docs.pdf.watermark.add_watermark`).
_STAMP_NAME = re.compile(rb"/DcWm\d+\b")
_ARTIFACT = re.compile(rb"/Subtype\s*/Watermark\b")
_DRAFT_WORDS = re.compile(r"\b(DRAFT|AGREED FORM|ПРОЄКТ|ПРОЕКТ)\b")


@dataclass(frozen=True)
class Credentials:
    """A signer's key and certificate (and the chain the PKCS#12 file brings), checked: the key
    is the certificate's and the certificate is valid now."""

    key: object
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string()


def load_pkcs12(path: Path, passphrase: bytes | None, *, now: datetime | None = None) -> Credentials:
    """Read a PKCS#12 (.p12/.pfx) file; every way it can be unusable is one clear message."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase or None)
    except ValueError:
        if not _looks_like_pkcs12(data):
            raise InputError(f"{path} is not a PKCS#12 (.p12/.pfx) file") from None
        raise InputError(f"{path}: wrong passphrase (or the file is damaged)") from None
    except Exception as exc:  # cryptography: an algorithm it does not know (a DSTU 4145 key)
        raise InputError(f"{path}: cannot read the key: {exc}") from None
    if key is None:
        raise InputError(f"{path} holds no private key")
    if cert is None:
        others = "; ".join(c.subject.rfc4514_string() for c in extra) or "none"
        raise InputError(f"{path}: the private key does not belong to any certificate in the file ({others})")
    der = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(*der) != cert.public_key().public_bytes(*der):
        raise InputError(f"{path}: the private key does not belong to the certificate "
                         f"({cert.subject.rfc4514_string()})")
    now = now or datetime.now(timezone.utc)
    if now < cert.not_valid_before_utc:
        raise InputError(f"{path}: the certificate ({cert.subject.rfc4514_string()}) is not valid yet: "
                         f"valid from {cert.not_valid_before_utc:%Y-%m-%d %H:%M} UTC")
    if now > cert.not_valid_after_utc:
        raise InputError(f"{path}: the certificate ({cert.subject.rfc4514_string()}) expired on "
                         f"{cert.not_valid_after_utc:%Y-%m-%d %H:%M} UTC")
    return Credentials(key, cert, tuple(extra))


def _looks_like_pkcs12(data: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        pfx["auth_safe"]["content_type"].native  # noqa: B018 - parsing is the check
        return True
    except Exception:  # noqa: BLE001 - any failure to parse: not a PKCS#12 file
        return False


def signature_fields_of(pdf: Path) -> dict[str, bool]:
    """The signature fields of a PDF by name: True where the field is signed."""
    data = read_pdf(pdf)
    return field_states(open_reader(pdf, data))


def is_marked_draft(pdf: Path) -> bool:
    """Whether dcity-docs marked the PDF as not final: the ПРОЄКТ / DRAFT stamp pdf finishing
    draws on every page of a draft, or DRAFT / AGREED FORM in its keywords or title."""
    data = read_pdf(pdf)
    return _draft(open_reader(pdf, data), data)


def _draft(reader, data: bytes) -> bool:  # noqa: ANN001
    if _STAMP_NAME.search(data) and _ARTIFACT.search(data):
        return True  # uncompressed content/resources (qpdf keeps page dictionaries plain)
    try:
        for page_ref in _pages(reader):
            resources = page_ref.get("/Resources")
            xobjects = resources.get_object().get("/XObject") if resources is not None else None
            if xobjects is not None and any(str(k).startswith("/DcWm") for k in xobjects.get_object().keys()):
                return True
    except (KeyError, AttributeError, TypeError):
        pass
    info = reader.trailer_view.get("/Info")
    if info is not None:
        info = info.get_object()
        for key in ("/Keywords", "/Title", "/Subject"):
            if key in info and _DRAFT_WORDS.search(str(info[key]).upper()):
                return True
    return False


def _pages(reader):  # noqa: ANN001, ANN202
    """The page dictionaries, walking the page tree (each node once)."""
    stack, seen = [reader.root["/Pages"]], set()
    while stack:
        node = stack.pop()
        ref = getattr(node, "idnum", None)
        node = node.get_object()
        if ref is not None:
            if ref in seen:
                continue
            seen.add(ref)
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            stack.extend(reversed(list(node.raw_get("/Kids").get_object())) if "/Kids" in node else [])
        else:
            yield node


def _stamp_font(text: str, folder: Path) -> Path:
    """The watermark's font cut down to ``text`` and scaled to 1000 units per em, in ``folder``.
    Why scaled: pyHanko writes a TrueType font's glyph widths in the font's own units, which PDF
    reads as thousandths of an em, so a 2048-unit font (Liberation, DejaVu) is drawn twice as
    wide; cut down first, because scaling a whole font takes seconds."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(str(find_watermark_font()))
    options = subset.Options()
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "FFTM NOT subset" and the like
    subsetter.subset(font)
    if font["head"].unitsPerEm != 1000:
        scale_upem(font, 1000)
    path = folder / "stamp.ttf"
    font.save(str(path))
    return path


_TIME_FORMAT = "%Y-%m-%d %H:%M:%S %Z"


def _stamp_style(font: Path):  # noqa: ANN202 - a pyhanko TextStampStyle
    """The visible signature: the signer's name and the signing time, in an embedded font with
    Cyrillic (PDF/A wants every font embedded; pyHanko's default is a standard Courier)."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    return TextStampStyle(stamp_text="%(signer)s\n%(ts)s",
                          text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(font))),
                          background=None, border_width=0, timestamp_format=_TIME_FORMAT)


def _same_producer(writer) -> None:  # noqa: ANN001 - a pyHanko IncrementalPdfFileWriter
    """pyHanko writes "its own name" as the XMP producer but appends it to the info dictionary's
    (``LibreOffice 7.4; pyHanko 0.38.0``); PDF/A wants the two to agree, so the info dictionary
    gets pyHanko's name alone, which pyHanko then keeps."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata.model import VENDOR

    info_ref = writer._info  # noqa: SLF001 - the writer's info dictionary, None if the file has none
    if info_ref is None or "/Metadata" not in writer.root:
        return
    info = info_ref.get_object()
    if str(info.get("/Producer", "")) != VENDOR:
        info["/Producer"] = generic.TextStringObject(VENDOR)
        writer.update_container(info)


def sign_field(
    pdf: Path,
    field: str,
    credentials: Credentials,
    *,
    out: Path | None = None,
    timestamp_url: str | None = None,
    force: bool = False,
) -> Path:
    """Sign ``field`` of ``pdf`` into ``out`` (default: the file itself, replaced once the signed
    file is whole). Returns the path written."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields as sig_fields
    from pyhanko.sign import signers
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.timestamps import HTTPTimeStamper, TimestampRequestError
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    pdf = Path(pdf)
    data = read_pdf(pdf)
    reader = open_reader(pdf, data)
    fields = field_states(reader)
    if field not in fields:
        known = ", ".join(sorted(fields)) or "none"
        raise InputError(f"{pdf} has no signature field {field!r} (its signature fields: {known})")
    if fields[field]:
        raise InputError(f"{pdf}: the field {field!r} is already signed")
    if not force and _draft(reader, data):
        raise InputError(f"{pdf} is marked as a draft (ПРОЄКТ / DRAFT or AGREED FORM): only the final "
                         "document is signed (render it from a record at stage 'signed'), or pass --force")

    der = serialization.Encoding.DER
    cert = asn1_x509.Certificate.load(credentials.certificate.public_bytes(der))
    key = asn1_keys.PrivateKeyInfo.load(credentials.key.private_bytes(  # type: ignore[attr-defined]
        der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    chain = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in credentials.chain]
    signer = signers.SimpleSigner(signing_cert=cert, signing_key=key,
                                  cert_registry=SimpleCertificateStore.from_certs(chain))
    meta = signers.PdfSignatureMetadata(field_name=field, md_algorithm="sha256",
                                        subfilter=sig_fields.SigSeedSubFilter.PADES)
    timestamper = HTTPTimeStamper(timestamp_url, timeout=30) if timestamp_url else None
    name = credentials.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    signer_name = str(name[0].value) if name else credentials.subject

    dest = Path(out) if out is not None else pdf
    tmp_name = None
    fonts = tempfile.TemporaryDirectory(prefix="dcity-sign-")
    try:
        font = _stamp_font(signer_name + "0123456789-: UTCZ+", Path(fonts.name))
        pdf_signer = signers.PdfSigner(meta, signer=signer, timestamper=timestamper, stamp_style=_stamp_style(font))
        dest.parent.mkdir(parents=True, exist_ok=True)
        refuse_link(dest)
        fd, tmp_name = temp_file(dest.parent, dest.name)
        with os.fdopen(fd, "wb") as handle:
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
            _same_producer(writer)
            pdf_signer.sign_pdf(writer, existing_fields_only=True, output=handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, pdf.stat().st_mode & 0o777)
        os.replace(tmp_name, dest)
        tmp_name = None
    except OSError as exc:
        if isinstance(exc, TimestampRequestError):
            raise InputError(f"the timestamp authority {timestamp_url} did not give a timestamp: {exc}") from None
        raise OutputError(f"cannot write {dest}: {exc.strerror or exc}") from None
    except (TimestampRequestError, SigningError) as exc:
        raise InputError(f"cannot sign {pdf}: {exc}") from None
    except DcityError:
        raise
    except Exception as exc:  # noqa: BLE001 - pyHanko's or the TSA's failure, as one line
        if timestamp_url and "imestamp" in f"{type(exc).__name__} {exc}":
            raise InputError(f"the timestamp authority {timestamp_url} did not give a timestamp: {exc}") from None
        raise InputError(f"cannot sign {pdf}: {type(exc).__name__}: {exc}") from None
    finally:
        fonts.cleanup()
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
    return dest

"""The documents the tool makes, which ventures each applies to, and writing them to disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .catalogs import Bi, Catalogs, catalogs_for
from .drafting import memorandum
from .drafting.base import Draft, Mode, context_for
from .drafting.common import page_labels
from .drafting.base import Writer
from .errors import DocumentNotApplicable
from .models import Record
from .rendering import compiled, write_atomic
from .resources import templates_dir

MODES: tuple[Mode, ...] = ("uk", "en", "bilingual")


@dataclass(frozen=True)
class DocumentType:
    key: str
    draft: Callable[[Record, Catalogs], Draft]
    template: str

    def applies_to(self, record: Record) -> str | None:
        """None when the document can be made for this record, else the reason it cannot."""
        return None


@dataclass(frozen=True)
class SiteAnnexType(DocumentType):
    def applies_to(self, record: Record) -> str | None:
        if record.venture.placement != "ukraine" or record.site is None:
            return (
                f"{record.id}: the site-protection annex applies only to production placed in "
                f"Ukraine; this venture is placed abroad ({record.venture.country})"
            )
        return None


def _registry() -> dict[str, DocumentType]:
    docs: list[DocumentType] = [
        DocumentType("memorandum", memorandum.draft, "agreements/memorandum.docx"),
    ]
    try:  # documents added as their wording lands
        from .drafting import jv_agreement

        docs.append(DocumentType("jv-agreement", jv_agreement.draft, "agreements/jv-agreement.docx"))
    except ImportError:
        pass
    try:
        from .drafting import site_annex

        docs.append(
            SiteAnnexType(
                "site-protection-annex", site_annex.draft, "agreements/site-protection-annex.docx"
            )
        )
    except ImportError:
        pass
    return {d.key: d for d in docs}


DOCUMENTS = _registry()


def document_type(key: str) -> DocumentType:
    try:
        return DOCUMENTS[key]
    except KeyError:
        raise DocumentNotApplicable(f"unknown document {key!r}; known: {', '.join(DOCUMENTS)}") from None


def applicable(record: Record) -> list[str]:
    return [key for key, doc in DOCUMENTS.items() if doc.applies_to(record) is None]


def file_name(record: Record, key: str, mode: str, suffix: str) -> str:
    # record.id matches ^[A-Z0-9][A-Z0-9-]{2,31}$, so the name can never leave the folder.
    return f"{record.id}_{key}_{mode}.{suffix}"


def draft_document(record: Record, key: str, catalogs: Catalogs | None = None) -> Draft:
    doc = document_type(key)
    reason = doc.applies_to(record)
    if reason:
        raise DocumentNotApplicable(reason)
    return doc.draft(record, catalogs or catalogs_for())


def docx_bytes(record: Record, key: str, mode: Mode, catalogs: Catalogs | None = None,
               templates: Path | None = None) -> bytes:
    """One document in one language of output, as the bytes of a .docx file."""
    catalogs = catalogs or catalogs_for()
    draft = draft_document(record, key, catalogs)
    return draft_bytes(record, draft, document_type(key).template, mode, catalogs, templates)


def draft_bytes(record: Record, draft: Draft, template_name: str, mode: Mode, catalogs: Catalogs,
                templates: Path | None = None) -> bytes:
    """Lay a finished draft out in one language of output with the named template."""
    labels = page_labels(Writer(catalogs, "footer"))
    template = compiled((templates or templates_dir()) / template_name)
    return template.render(context_for(draft, mode, labels), document_properties(record, draft, mode))


def document_properties(record: Record, draft: Draft, mode: Mode) -> dict[str, str]:
    """Title, subject, author and language for Word's document properties (and the PDF's)."""
    def pick(value: "Bi") -> str:
        return value[mode] if mode != "bilingual" else f"{value.uk} / {value.en}"

    lang = "uk" if mode == "bilingual" else mode
    return {
        "title": pick(draft.title),
        "subject": pick(draft.subject),
        "author": record.ministry.name[lang],
        "language": LANGUAGE_TAGS[mode],
        "identifier": record.id,
        "keywords": "Defence City",
        "created": f"{record.dates.agreement.isoformat()}T00:00:00Z",
    }


LANGUAGE_TAGS = {"uk": "uk-UA", "en": "en-GB", "bilingual": "uk-UA"}


def render_documents(record: Record, keys: Iterable[str], modes: Iterable[str], formats: Iterable[str],
                     out_dir: Path, catalogs: Catalogs | None = None) -> list[Path]:
    """Write each document in each language; returns the paths written.

    ``catalogs``: the wording to use (default: the project's own), e.g. a translator's copy of
    the locales folder being previewed.
    """
    formats = list(formats)
    written: list[Path] = []
    docx_paths: list[Path] = []
    for key in keys:
        for mode in modes:
            data = docx_bytes(record, key, mode, catalogs)  # type: ignore[arg-type]
            path = out_dir / file_name(record, key, mode, "docx")
            write_atomic(path, data)
            docx_paths.append(path)
            if "docx" in formats:
                written.append(path)
    if "pdf" in formats:
        from .conversion import convert_to_pdf

        written += convert_to_pdf(docx_paths, out_dir)
        for path in docx_paths:
            if "docx" not in formats:
                path.unlink(missing_ok=True)
    return written

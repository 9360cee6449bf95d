"""The documents the tool makes, which ventures each applies to, and writing them to disk."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from dcity_docs.wording.catalogs import Bi, Catalogs, catalogs_for
from dcity_docs.documents import jv_agreement, memorandum, site_annex
from dcity_docs.draft.base import Draft, Mode, context_for
from dcity_docs.documents.common import page_labels
from dcity_docs.draft.base import Writer

from dcity_docs.pdf import pdfs
from dcity_docs.pdf.signature_fields import signers
from dcity_docs.errors import DocumentNotApplicable, InputError, OutputError, TemplateProblem
from dcity_docs.record.models import Record
from dcity_docs.layout.rendering import compiled, staging_folder, write_atomic
from dcity_docs.resources import templates_dir

if TYPE_CHECKING:
    from pikepdf import Pdf

    from dcity_docs.conversion.converters import Converter

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
        DocumentType("jv-agreement", jv_agreement.draft, "agreements/jv-agreement.docx"),
        SiteAnnexType("site-protection-annex", site_annex.draft, "agreements/site-protection-annex.docx"),
    ]
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
    """Lay a finished draft out in one language of output with the named template.

    ``templates``: a folder of the user's templates (``--templates``); those it holds replace the
    bundled ones of the same name, the others are taken from the bundle.
    """
    labels = page_labels(Writer(catalogs, "footer"))
    template = compiled(template_file(template_name, templates))
    return template.render(context_for(draft, mode, labels), document_properties(record, draft, mode))


# --- the user's own templates (--templates DIR) ----------------------------------------------

MAX_TEMPLATE_BYTES = 50_000_000
"""The most a user's template may unpack to; the bundled ones are well under a megabyte."""


def bundled_template_names() -> list[str]:
    """``agreements/....docx`` names a user's templates folder may override."""
    root = templates_dir()
    return sorted(p.relative_to(root).as_posix() for p in (root / "agreements").glob("*.docx"))


def template_file(name: str, templates: Path | None = None) -> Path:
    """The template ``name`` (``agreements/memorandum.docx``): the user's copy in ``templates`` if
    there is one (checked: a sound .docx of sensible size), else the bundled one."""
    if templates is not None:
        user = Path(templates) / name
        if user.is_file():
            check_template_file(user)
            return user
    return templates_dir() / name


_checked_templates: dict[tuple[str, int, int], None] = {}


def check_template_file(path: Path) -> None:
    """A user's template must be a whole .docx (zip) archive with word/document.xml, unpacking to
    at most :data:`MAX_TEMPLATE_BYTES`; raises :class:`TemplateProblem` saying what is wrong."""
    import zipfile
    import zlib

    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateProblem(f"template {path} cannot be read: {exc.strerror}") from None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key in _checked_templates:
        return
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            size = sum(i.file_size for i in infos)
            if size > MAX_TEMPLATE_BYTES:
                raise TemplateProblem(f"template {path} unpacks to {size:,} bytes; a template may be at most "
                                      f"{MAX_TEMPLATE_BYTES:,}")
            if "word/document.xml" not in {i.filename for i in infos}:
                raise TemplateProblem(f"template {path} is not a Word document (no word/document.xml in it)")
            bad = zf.testzip()
            if bad is not None:
                raise TemplateProblem(f"template {path} is damaged ({bad} fails its checksum)")
    except TemplateProblem:
        raise
    except zipfile.BadZipFile:
        raise TemplateProblem(f"template {path} is not a .docx file (not a zip archive)") from None
    except (RuntimeError, NotImplementedError, zlib.error, EOFError, OSError, ValueError) as exc:
        raise TemplateProblem(f"template {path} cannot be read as a .docx file: {exc}") from None
    _checked_templates[key] = None


def check_templates_dir(folder: Path) -> list[Path]:
    """Check a ``--templates`` folder: ``agreements/*.docx`` named like bundled templates, each a
    sound .docx. Returns the templates it overrides; raises :class:`InputError` (a typo in a name
    would otherwise silently fall back to the bundled template) or :class:`TemplateProblem`."""
    folder = Path(folder)
    agreements = folder / "agreements"
    found = sorted(agreements.glob("*.docx")) if agreements.is_dir() else []
    known = bundled_template_names()
    if not found:
        raise InputError(f"{folder}: no templates in it; put Word templates in {agreements}/ named as the "
                         f"bundled ones: {', '.join(Path(n).name for n in known)}")
    unknown = [p for p in found if f"agreements/{p.name}" not in known]
    if unknown:
        raise InputError(f"{', '.join(str(p) for p in unknown)}: not the name of a template dcity-docs uses; "
                         f"the names are: {', '.join(Path(n).name for n in known)}")
    for path in found:
        check_template_file(path)
    return found


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
                     out_dir: Path, catalogs: Catalogs | None = None, *, pdfa: bool = False,
                     templates: Path | None = None, timeout: float = 120,
                     converter: "Converter | None" = None) -> list[Path]:
    """Write each document in each language; returns the paths written.

    ``converter``: who makes the PDFs (default: a LibreOffice process; see :mod:`conversion`).

    ``catalogs``: the wording to use (default: the project's own), e.g. a translator's copy of
    the locales folder being previewed. PDFs are converted and finished (metadata, outline,
    draft watermark) in a hidden folder and only then moved into ``out_dir``, so an interrupted
    run never leaves an unmarked draft behind.
    """
    catalogs = catalogs or catalogs_for()
    formats = list(formats)
    modes = list(modes)
    drafts = {key: draft_document(record, key, catalogs) for key in keys}
    written: list[Path] = []
    if "pdf" not in formats:
        # Every document is rendered before any is written: a template that fails (a user's
        # --templates) leaves no file behind, not the languages that came before the failure.
        rendered = [(out_dir / file_name(record, key, mode, "docx"),
                     draft_bytes(record, draft, DOCUMENTS[key].template, mode, catalogs, templates))  # type: ignore[arg-type]
                    for key, draft in drafts.items() for mode in modes]
        for path, data in rendered:
            write_atomic(path, data)
            written.append(path)
        return written

    from dcity_docs.conversion.converters import convert_to_pdf

    staging = staging_folder(out_dir, record.id)
    try:
        made: list[tuple[Path, str, str]] = []
        for key, draft in drafts.items():
            for mode in modes:
                path = staging / file_name(record, key, mode, "docx")
                write_atomic(path, draft_bytes(record, draft, DOCUMENTS[key].template, mode, catalogs, templates))  # type: ignore[arg-type]
                made.append((path, key, mode))
        pdf_paths = {p.stem: p for p in convert_to_pdf([p for p, _, _ in made], staging, timeout=timeout, pdfa=pdfa,
                                                       converter=converter)}
        for path, key, mode in made:
            finish_pdf(pdf_paths[path.stem], record, drafts[key], mode)  # type: ignore[arg-type]
        for path, _, _ in made:
            for suffix in ("docx", "pdf"):
                if suffix not in formats:
                    continue
                source = path.with_suffix(f".{suffix}")
                target = out_dir / source.name
                os.replace(source, target)
                written.append(target)
    except OSError as exc:
        raise OutputError(f"cannot write into {out_dir}: {exc.strerror}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sorted(written)


def fixed_date(record: Record) -> dt.datetime:
    """PDF dates come from the record, never from the clock (reproducible output)."""
    return dt.datetime.combine(record.dates.agreement, dt.time(0, 0), tzinfo=dt.timezone.utc)


def _bilingual_entries(bookmarks: list[pdfs.Bookmark]) -> list[pdfs.Bookmark]:
    """LibreOffice bookmarks both columns' headings; pair them as «1. Предмет / Subject»
    (pointing where the Ukrainian heading is)."""
    entries: list[pdfs.Bookmark] = []
    index = 0
    while index < len(bookmarks):
        item = bookmarks[index]
        if index + 1 < len(bookmarks):
            number, _, rest = bookmarks[index + 1].title.partition(" ")
            if item.title.split(" ", 1)[0] == number and number.endswith("."):
                entries.append(item._replace(title=f"{item.title} / {rest}"))
                index += 2
                continue
        entries.append(item)
        index += 1
    return entries


def finish_pdf(pdf: Path, record: Record, draft: Draft, mode: Mode, *, keep_open: bool = False,
               signature_fields: bool = True) -> Pdf | None:
    """Metadata (title, subject, author, language), a readable outline, an empty signature field
    over each signatory's line (unless ``signature_fields`` is false) and, on drafts, the
    diagonal ПРОЄКТ / DRAFT watermark on every page: all in one read and one write of the
    file (:func:`pdfs.finish`; ``keep_open`` returns the document, still open, for a merge)."""
    props = document_properties(record, draft, mode)
    mark = draft.draft_mark
    return pdfs.finish(
        pdf,
        keep_open=keep_open,
        title=props["title"],
        subject=props["subject"],
        author=props["author"],
        language=LANGUAGE_TAGS[mode],
        keywords=props["keywords"],
        fixed_date=fixed_date(record),
        outline=_bilingual_entries if mode == "bilingual" else None,
        watermark=None if mark is None else (mark[mode] if mode != "bilingual" else f"{mark.uk} / {mark.en}"),
        signature_fields=signers(record, draft, mode) if signature_fields else (),
    )

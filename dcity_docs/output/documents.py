"""Drafting the documents of the registry and writing them to disk."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from dcity_docs.language.hyphenation import Exceptions
from dcity_docs.language.langs import LANG_TAGS
from dcity_docs.language.typography import join_bilingual
from dcity_docs.wording.catalogs import Bi, Catalogs, catalogs_for
from dcity_docs.documents.registry import DOCUMENTS, document_type, file_name, issued
from dcity_docs.draft.base import Draft, Mode, context_for
from dcity_docs.documents import site_annex
from dcity_docs.documents.common import page_labels
from dcity_docs.draft.base import Writer

from dcity_docs.pdf.outline import Bookmark
from dcity_docs.errors import DocumentNotApplicable
from dcity_docs.files import FolderLock, make_private_folder
from dcity_docs.record.models import Record
from dcity_docs.layout.rendering import compiled
from dcity_docs.layout.templates import template_file
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.pipeline import PdfFinish, Planned, converter_ready, make

if TYPE_CHECKING:

    pass

MODES: tuple[Mode, ...] = ("uk", "en", "bilingual")


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
                templates: Path | None = None, edit: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Lay a finished draft out in one language of output with the named template.

    ``templates``: a folder of the user's templates (``--templates``); those it holds replace the
    bundled ones of the same name, the others are taken from the bundle. ``edit``: a change to
    each filled-in XML part (see :meth:`CompiledTemplate.render`).
    """
    labels = page_labels(Writer(catalogs, "footer"))
    template = compiled(template_file(template_name, templates))
    return template.render(context_for(draft, mode, labels, hyphenation_rules(record, catalogs)),
                           document_properties(record, draft, mode), edit)


def hyphenation_rules(record: Record, catalogs: Catalogs) -> Exceptions:
    """What this record's documents add to the hyphenation rules: the words of the parties' names
    never break (names are written as the register has them), and the defined terms may, less
    any that begins such a word: «Міністерство» is a term, and also the first word of
    «Міністерство оборони України»."""
    names = [record.ministry.name.uk, record.ministry.name.en, record.venture.name.uk, record.venture.name.en,
             *(n for h in record.shareholders for n in (h.name.uk, h.name.en))]
    words = frozenset(w.lower() for name in names for w in re.findall(r"[^\W\d_]+", name))
    terms = frozenset(s for s in catalogs.term_stems if not any(w.startswith(s) for w in words))
    return Exceptions(terms, words)


def document_properties(record: Record, draft: Draft, mode: Mode) -> dict[str, str]:
    """Title, subject, author and language for Word's document properties (and the PDF's)."""
    def pick(value: "Bi") -> str:
        return value[mode] if mode != "bilingual" else join_bilingual(value.uk, value.en, one_if_same=False)

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


LANGUAGE_TAGS = {**LANG_TAGS, "bilingual": LANG_TAGS["uk"]}


def planned(record: Record, key: str, draft: Draft, mode: Mode, options: OutputOptions, *,
            template: str | None = None, keep_open: bool = False) -> Planned:
    """One document in one language, ready for the output pipeline: its DOCX bytes and how its
    PDF is finished. ``template``: another template than the document's own (the pack cover)."""
    catalogs = options.wording
    name = template or DOCUMENTS[key].template
    return Planned(file_name(record, key, mode, "docx", draft.copy)[: -len(".docx")],
                   draft_bytes(record, draft, name, mode, catalogs, options.templates),
                   pdf_finish(record, draft, mode), keep_open=keep_open,
                   info={"record": record, "document": key, "mode": mode, "draft": draft,
                         "signature_fields": options.signature_fields},
                   marking=marking(record, key), copy=draft.copy)


def planned_issue(record: Record, key: str, draft: Draft, modes: Iterable[str], options: OutputOptions,
                  *, keep_open: Callable[[Draft, str], bool] = lambda draft, mode: False) -> list[Planned]:
    """Every file a drafted document is issued as: each numbered copy (see ``Entry.copies``), or
    the one draft, in each language. ``keep_open(copy, mode)``: which PDFs stay open once finished."""
    return [planned(record, key, copy, mode, options, keep_open=keep_open(copy, mode))  # type: ignore[arg-type]
            for copy in issued(record, key, draft, options.wording) for mode in modes]


def marking(record: Record, key: str) -> str:
    """The classification of a document: the site annex's is the site's, every other is public."""
    if key == site_annex.KEY and record.site is not None:
        return record.site.classification
    return "public"


def render_documents(record: Record, keys: Iterable[str], modes: Iterable[str], out_dir: Path,
                     options: OutputOptions | None = None) -> list[Path]:
    """Write each document in each language, as the options ask; returns the paths written.

    Every document is drafted and rendered before any file is written: a template that fails
    (a user's --templates) leaves no file behind. PDFs are converted and finished (metadata,
    outline, draft mark) in a hidden folder and only then moved into ``out_dir``, so an
    interrupted run never leaves an unmarked draft behind.
    """
    with converter_ready(options or OutputOptions()) as options:  # LibreOffice starts while we draft
        drafts = {key: draft_document(record, key, options.wording) for key in keys}
        modes = list(modes)
        items = [item for key, draft in drafts.items() for item in planned_issue(record, key, draft, modes, options)]
        if any(item.restricted for item in items):
            make_private_folder(out_dir)  # a folder made for a restricted document is 0700
        with FolderLock(out_dir, shared=True):  # never with a batch clearing the folder's leftovers
            written = make(items, out_dir, options, label=record.id)
    return sorted(written) if options.pdf else written


def fixed_date(record: Record) -> dt.datetime:
    """PDF dates come from the record, never from the clock (reproducible output)."""
    return dt.datetime.combine(record.dates.agreement, dt.time(0, 0), tzinfo=dt.timezone.utc)


def _bilingual_entries(bookmarks: list[Bookmark]) -> list[Bookmark]:
    """LibreOffice bookmarks both columns' headings; pair them as «1. Предмет / Subject»
    (pointing where the Ukrainian heading is)."""
    entries: list[Bookmark] = []
    index = 0
    while index < len(bookmarks):
        item = bookmarks[index]
        if index + 1 < len(bookmarks):
            number, _, rest = bookmarks[index + 1].title.partition(" ")
            if item.title.split(" ", 1)[0] == number and number.endswith("."):
                entries.append(item._replace(title=join_bilingual(item.title, rest, one_if_same=False)))
                index += 2
                continue
        entries.append(item)
        index += 1
    return entries


def pdf_finish(record: Record, draft: Draft, mode: Mode) -> PdfFinish:
    """Metadata (title, subject, author, language), a readable outline and, on drafts, the
    diagonal ПРОЄКТ / DRAFT mark on every page."""
    props = document_properties(record, draft, mode)
    mark = draft.draft_mark
    return PdfFinish(
        title=props["title"],
        subject=props["subject"],
        author=props["author"],
        language=LANGUAGE_TAGS[mode],
        keywords=props["keywords"],
        fixed_date=fixed_date(record),
        outline=_bilingual_entries if mode == "bilingual" else None,
        watermark=None if mark is None else (
            mark[mode] if mode != "bilingual" else join_bilingual(mark.uk, mark.en, one_if_same=False)),
    )

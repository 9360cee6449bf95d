"""Every document the tool drafts, one entry each: the one place a document's identity is written.

The CLI's choices, the output's file and template names, which ventures a document applies to,
the translators' names and groups of catalog contexts (``translation.i18n``) and the annex
numbers are all derived from :data:`ENTRIES`. Adding a document is one drafting module plus one
entry here (and its Word template ``templates/agreements/<key>.docx``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from dcity_docs.documents import common, cover, jv_agreement, memorandum, shareholders_agreement, site_annex
from dcity_docs.draft.base import Draft
from dcity_docs.errors import DocumentNotApplicable
from dcity_docs.record.models import Record
from dcity_docs.wording.catalogs import Catalogs

Role = Literal["document", "cover"]


def always(record: Record) -> str | None:
    """The rule of a document every venture has."""
    return None


def unnumbered(record: Record, draft: Draft, catalogs: Catalogs) -> tuple[Draft, ...]:
    """The copies of a document issued as one unnumbered file: none."""
    return ()


@dataclass(frozen=True)
class Entry:
    """One document: who it is to the user, the output, the templates and the translators."""

    key: str
    """``jv-agreement``: the CLI's choice, ``Draft.key``, output file names (``{id}_{key}_{mode}``)."""
    context: str
    """The prefix of its catalog contexts (``jv-agreement|capital``); the key when the same."""
    translator_name: str
    """What translators are told the document is (``Document: …`` in every message's comment)."""
    template_title: str
    """The title ``tools/build_templates.py`` gives its bare Word template."""
    draft: Callable[..., Draft]
    """``draft(record, catalogs)``; the cover's also takes the titles of the pack's documents."""
    role: Role = "document"
    """``document``: drafted from a record alone, a CLI choice and part of every pack it applies
    to; ``cover``: the cover sheet a pack puts before its documents."""
    applies_to: Callable[[Record], str | None] = always
    """None when the document can be made for a record, else the reason it cannot."""
    annex_no: str | None = None
    """Its number where it is an annex to another document."""
    copies: Callable[[Record, Draft, Catalogs], tuple[Draft, ...]] = unnumbered
    """``copies(record, draft, catalogs)``: the numbered copies a drafted document is issued in,
    each with its ``Draft.copy`` and its own number on every page, each made as its own file in
    every language (a restricted annex); none: the draft is one unnumbered file."""

    @property
    def template(self) -> str:
        """Its bundled Word template, relative to the templates folder."""
        return f"agreements/{self.key}.docx"

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other names its catalog contexts may be given under: its key where that differs."""
        return (self.key,) if self.key != self.context else ()


ENTRIES: tuple[Entry, ...] = (
    Entry(
        key=memorandum.KEY,
        context="memorandum",
        translator_name="memorandum of understanding",
        template_title="Memorandum of understanding",
        draft=memorandum.draft,
    ),
    Entry(
        key=jv_agreement.KEY,
        context="jv-agreement",
        translator_name="joint-venture agreement",
        template_title="Joint-venture agreement",
        draft=jv_agreement.draft,
    ),
    Entry(
        key=site_annex.KEY,
        context="annex",
        translator_name="site-protection annex to the joint-venture agreement",
        template_title="Site-protection annex",
        draft=site_annex.draft,
        applies_to=site_annex.applies_to,
        annex_no=common.SITE_ANNEX_NO,
        copies=site_annex.copies,
    ),
    Entry(
        key=shareholders_agreement.KEY,
        context="shareholders-agreement",
        translator_name="shareholders’ agreement (corporate agreement between the shareholders only)",
        template_title="Shareholders’ agreement",
        draft=shareholders_agreement.draft,
    ),
    Entry(
        key=cover.KEY,
        context="cover",
        translator_name="cover sheet of the document pack",
        template_title="Cover sheet of a document pack",
        draft=cover.draft,
        role="cover",
    ),
)
"""In the order a pack holds them (and its cover lists them)."""

BY_KEY: dict[str, Entry] = {entry.key: entry for entry in ENTRIES}

DOCUMENTS: dict[str, Entry] = {entry.key: entry for entry in ENTRIES if entry.role == "document"}
"""The documents drafted from a record alone, in pack order: the CLI's choices."""

COVER: Entry = next(entry for entry in ENTRIES if entry.role == "cover")


def document_type(key: str) -> Entry:
    """The document named ``key``; raises :class:`DocumentNotApplicable` for an unknown name."""
    try:
        return DOCUMENTS[key]
    except KeyError:
        raise DocumentNotApplicable(f"unknown document {key!r}; known: {', '.join(DOCUMENTS)}") from None


def applicable(record: Record) -> list[str]:
    """The documents that can be made for this record, in pack order."""
    return [key for key, doc in DOCUMENTS.items() if doc.applies_to(record) is None]


def issued(record: Record, key: str, draft: Draft, catalogs: Catalogs) -> tuple[Draft, ...]:
    """What a drafted document is issued as: each of its numbered copies, or the draft itself."""
    return BY_KEY[key].copies(record, draft, catalogs) or (draft,)


def file_name(record: Record, key: str, mode: str, suffix: str, copy: int | None = None) -> str:
    """``DC-2026-014_jv-agreement_bilingual.docx``: the name the record contract gives a file;
    a numbered copy's ends in its number (``DC-2026-014_site-protection-annex_uk_copy-2.docx``)."""
    # record.id matches ^[A-Z0-9][A-Z0-9-]{2,31}$, so the name can never leave the folder.
    numbered = "" if copy is None else f"_copy-{copy}"
    return f"{record.id}_{key}_{mode}{numbered}.{suffix}"

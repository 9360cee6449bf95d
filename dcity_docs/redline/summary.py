"""The change summary of a comparison, in both languages: a draft (``{id}_changes.docx/.pdf``)
and plain text (stdout).

Each changed clause by its number and section, with the old and new wording of what changed in it
(``EUR 12,500,000.00 → EUR 14,000,000.00``); clauses, rows and signature blocks added and removed;
documents new in or gone from the new version. A restricted document (the site annex) is
summarised by its number of changes only: its wording stays in its own, restricted redline.
"""

from __future__ import annotations

from typing import Callable

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Block, Draft, TextPart, Writer
from dcity_docs.language.langs import Lang
from dcity_docs.redline.compare import Comparison, DocumentChanges
from dcity_docs.redline.matching import BlockChange, RowChange
from dcity_docs.redline.words import diff, hunks
from dcity_docs.wording.catalogs import Bi, Catalogs

KEY = "changes"
DASH = "—"


def _changes(old: str, new: str) -> str:
    return "; ".join(f"{o or DASH} → {n or DASH}" for o, n in hunks(diff(old, new)))




def _where(w: Writer, change: BlockChange) -> Bi:
    block = change.new or change.old
    assert block is not None
    if block.kind == "heading":
        # TRANSLATORS: in the change summary, where a change is; {no}: the section's number.
        return w.T("redline|summary", "Heading of section {no}", no=block.num.rstrip("."))
    if change.section is None:
        return w.T("redline|summary", "Preamble")
    if block.num:
        # TRANSLATORS: {no}: the clause's number (5.3); {section_no}, {section_heading}: its section's number
        # and heading.
        return w.T("redline|summary", "Clause {no} (section {section_no} “{section_heading}”)",
                   no=block.num.rstrip("."), section_no=change.section_no, section_heading=change.section)
    # TRANSLATORS: an unnumbered paragraph (a definition, a list item) of a section.
    return w.T("redline|summary", "Section {section_no} “{section_heading}”, a paragraph",
               section_no=change.section_no, section_heading=change.section)


def _block_line(w: Writer, change: BlockChange) -> Bi:
    where = _where(w, change)
    old, new = change.old, change.new
    if old is None:
        assert new is not None
        # TRANSLATORS: {where}: a clause or paragraph (see above); {text}: the start of its wording.
        return w.T("redline|summary", "{where}: added: {text}", where=where, text=_start(new))
    if new is None:
        return w.T("redline|summary", "{where}: removed: {text}", where=where, text=_start(old))
    if old.text == new.text:
        # TRANSLATORS: a clause whose wording is the same but whose number changed.
        return w.T("redline|summary", "{where}: renumbered (formerly {old})", where=where,
                   old=old.num.rstrip("."))
    # TRANSLATORS: {changes}: each change as «old → new», separated by semicolons.
    return w.T("redline|summary", "{where}: {changes}", where=where,
               changes=lambda lang: _changes(old.text[lang], new.text[lang]))


def _start(block: Block, words: int = 12) -> Callable[[Lang], str]:
    def start(lang: Lang) -> str:
        parts = block.text[lang].split()
        return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
    return start


def _row_line(w: Writer, change: RowChange) -> Bi:
    def first(row: list[Bi]) -> Callable[[Lang], str]:
        return lambda lang: " ".join(cell[lang] for cell in row[:2] if cell[lang])

    signature = change.kind == "signature"
    if change.old is None:
        assert change.new is not None
        if signature:
            return w.T("redline|summary", "Signature block added: {row}", row=first(change.new[1:]))
        return w.T("redline|summary", "Table row added: {row}", row=first(change.new))
    if change.new is None:
        if signature:
            return w.T("redline|summary", "Signature block removed: {row}", row=first(change.old[1:]))
        return w.T("redline|summary", "Table row removed: {row}", row=first(change.old))
    old, new = change.old, change.new

    def cells(lang: Lang) -> str:
        return "; ".join(_changes(o[lang], n[lang]) for o, n in zip(old, new) if o[lang] != n[lang])

    if signature:
        return w.T("redline|summary", "Signature block: {changes}", changes=cells)
    return w.T("redline|summary", "Table row {row}: {changes}", row=first(new), changes=cells)


def _document(w: Writer, doc: DocumentChanges) -> None:
    title = (doc.new or doc.old).title  # type: ignore[union-attr]
    w.heading(doc.key, title)
    if doc.status == "added":
        w.para(w.T("redline|summary", "This document is new in this version."))
    elif doc.status == "removed":
        w.para(w.T("redline|summary", "This document is not part of this version."))
    if doc.restricted:
        count = len(doc.merged.blocks) + len(doc.merged.rows)
        # TRANSLATORS: the site annex is restricted: the summary gives no wording of it.
        w.para(w.T("redline|summary", "Changes: {count}. This document is restricted: what changed is shown "
                   "only in its own redline.", count=str(count)))
        return
    if doc.status != "changed":
        return
    for change in doc.merged.blocks:
        w.para(_block_line(w, change))
    for row in doc.merged.rows:
        w.para(_row_line(w, row))


def summary_draft(comparison: Comparison, catalogs: Catalogs) -> Draft:
    """The summary as a draft, for a Word template like any document."""
    w = Writer(catalogs, KEY)
    old, new = comparison.old.record, comparison.new.record
    title = w.T("redline|summary", "Changes between two versions")
    w.title(title)
    w.subtitle(w.T("redline|summary", "Venture {id}: {old} → {new}", id=new.id,
                   old=comparison.old.origin.name, new=comparison.new.origin.name))
    if old.stage != new.stage:
        w.para(w.T("redline|summary", "Stage: {old} → {new}", old=c.stage_name(w, old.stage),
                   new=c.stage_name(w, new.stage)))
    changed = comparison.changed
    if not changed:
        w.para(w.T("redline|summary", "The two versions give the same documents: nothing has changed."))
    for doc in changed:
        _document(w, doc)
    draft = c.finish(w, new, title=title, subject=title,
                     reference=w.T("footer", "{id} · Changes between two versions", id=new.id))
    return draft


def summary_text(draft: Draft) -> str:
    """The summary as plain text: the Ukrainian, then the English."""
    blocks = [b for part in draft.parts if isinstance(part, TextPart) for b in part.blocks]
    out = []
    for lang in ("uk", "en"):
        for b in blocks:
            out.append(f"{b.num} {b.text[lang]}".strip() if b.kind == "heading" else b.text[lang])
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"

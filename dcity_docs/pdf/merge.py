"""Merging PDFs into one pack, each part under a bookmark of its own with its outline nested."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pikepdf
from pikepdf import Array, Name, OutlineItem, Pdf, String

from dcity_docs.errors import InputError
from dcity_docs.pdf.files import _open, _save
from dcity_docs.pdf.marking import apply_marking
from dcity_docs.pdf.metadata import _apply_metadata, _pdfa_id
from dcity_docs.pdf.outline import Bookmark, _item, _Node, _outline
from dcity_docs.pdf.signature_fields import collect_signature_fields

__all__ = ["merge_pdfs"]


def merge_pdfs(
    parts: Sequence[tuple[str, Path | Pdf]],
    out: Path,
    *,
    title: str,
    subject: str | None = None,
    author: str | None = None,
    language: str | None = None,
    keywords: str | None = None,
    fixed_date: datetime | None = None,
    marking: str | None = None,
    classification: str | None = None,
) -> None:
    """Concatenate PDFs into ``out`` with one top-level bookmark per part.

    Each part's own outline is nested under its bookmark.  ``language``
    defaults to the first part's ``/Lang``.  If every part claims the same
    PDF/A level, the result keeps the first part's output intent and the
    claim (it is not re-validated here).  Dates: the first part's
    ``/CreationDate`` unless ``fixed_date`` is given. ``marking``: a classification marking
    printed at the top and bottom of every page (a pack holding a restricted document);
    ``classification``: its level, in the document information (``/Classification``).
    """
    if not parts:
        raise InputError("nothing to merge")
    # Open until the merged file is written; a part may be a document already open.
    docs = [(name, part if isinstance(part, Pdf) else _open(part)) for name, part in parts]
    merged = Pdf.new()
    tops: list[OutlineItem] = []
    for name, doc in docs:
        offset = len(merged.pages)
        tree = _outline(doc)
        with warnings.catch_warnings():  # the parts' signature fields: collect_signature_fields below
            warnings.simplefilter("ignore", getattr(pikepdf, "PageCopyWarning", UserWarning))
            merged.pages.extend(doc.pages)
        top = OutlineItem(name, Array([merged.pages[offset].obj, Name.Fit]))
        top.children.extend(_items(merged, tree, offset))
        tops.append(top)
    with merged.open_outline() as outline:
        outline.root.extend(tops)
    collect_signature_fields(merged)  # the parts' signature fields, once per signer
    stamps = apply_marking(merged, marking) if marking else []  # open until the file is written
    if classification:
        merged.docinfo[Name("/Classification")] = String(classification)
    first = docs[0][1]
    if language is None and Name.Lang in first.Root:
        language = str(first.Root[Name.Lang])
    for key in (Name.CreationDate, Name.Creator, Name.Producer):
        value = first.docinfo.get(key)
        if isinstance(value, String):
            merged.docinfo[key] = String(str(value))
    claims = {_pdfa_id(doc) for _, doc in docs}
    pdfa = claims.pop() if len(claims) == 1 else None
    intents = first.Root.get(Name.OutputIntents)
    if pdfa is not None and intents is not None:
        merged.Root[Name.OutputIntents] = merged.copy_foreign(intents if intents.is_indirect else first.make_indirect(intents))
    else:
        pdfa = None
    merged.Root[Name.PageMode] = Name.UseOutlines
    _apply_metadata(
        merged,
        title=title,
        subject=subject,
        author=author,
        language=language,
        keywords=keywords,
        fixed_date=fixed_date,
        pdfa=pdfa,
    )
    version = max(doc.pdf_version for _, doc in docs)
    _save(merged, Path(out), min_version=version)
    del stamps


def _items(out: Pdf, nodes: list[_Node], offset: int) -> list[OutlineItem]:
    """A part's outline, pointing at its pages in the merged file; entries without a page keep
    their title and their children."""
    items = []
    for node in nodes:
        if node.page is None:
            item = OutlineItem(node.title)
        else:
            item = _item(out, Bookmark(node.title, node.page, node.view), offset)
        item.children.extend(_items(out, node.children, offset))
        items.append(item)
    return items

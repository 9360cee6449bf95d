"""A PDF's outline (bookmarks): reading it as a tree with every destination resolved to a
page, and writing top-level entries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, String

from dcity_docs.errors import InputError
from dcity_docs.pdf.files import _open, _read, _save

__all__ = ["Bookmark", "add_outline", "outline_titles"]


class Bookmark(NamedTuple):
    """An outline entry: title, 0-based page, and where on the page (the rest of a PDF
    destination, e.g. ``("/XYZ", 70.85, 98.1, 0)``; empty: the whole page)."""

    title: str
    page: int
    view: tuple[Any, ...] = ()


def add_outline(pdf: Path, entries: Iterable[tuple[str, int] | Bookmark], *, replace: bool = False) -> None:
    """Add top-level bookmarks ``(title, 0-based page index)``, after any the file has.

    ``replace`` drops the existing outline first.  The viewer is asked to show
    the outline pane when the file opens.
    """
    pdf = Path(pdf)
    doc = _open(pdf)
    _apply_outline(doc, list(entries), replace, pdf)
    _save(doc, pdf)


def _apply_outline(doc: Pdf, marks: Sequence[tuple[str, int] | Bookmark], replace: bool, pdf: Path) -> None:
    entries = [Bookmark(*mark) for mark in marks]
    pages = len(doc.pages)
    for entry in entries:
        if not 0 <= entry.page < pages:
            raise InputError(f"outline entry {entry.title!r} points at page {entry.page}, but {pdf} has {pages} pages")
    with doc.open_outline() as outline:
        if replace:
            outline.root.clear()
        outline.root.extend(_item(doc, entry, 0) for entry in entries)
    if entries:
        doc.Root[Name.PageMode] = Name.UseOutlines


def _item(doc: Pdf, entry: Bookmark, offset: int) -> OutlineItem:
    """An outline item pointing at ``doc``'s page ``offset + entry.page``, at the same place."""
    page = doc.pages[offset + entry.page].obj
    return OutlineItem(entry.title, Array([page, *entry.view]) if entry.view else Array([page, Name.Fit]))


class _Node(NamedTuple):
    title: str
    page: int | None  # None: no destination in this file
    view: tuple[Any, ...]
    children: list[_Node]


def _outline(doc: Pdf) -> list[_Node]:
    """The outline as a tree, every destination resolved to a page index."""
    outlines = doc.Root.get(Name.Outlines)
    if not isinstance(outlines, Dictionary):
        return []
    pages = {page.obj.objgen: index for index, page in enumerate(doc.pages)}
    seen: set[tuple[int, int]] = set()

    def target(item: Dictionary) -> tuple[int | None, tuple[Any, ...]]:
        dest = item.get(Name.Dest)
        action = item.get(Name.A)
        if dest is None and isinstance(action, Dictionary) and action.get(Name.S) == Name.GoTo:
            dest = action.get(Name.D)
        if isinstance(dest, (Name, String)):
            dest = _named_destination(doc, dest)
        if isinstance(dest, Dictionary):
            dest = dest.get(Name.D)
        if isinstance(dest, Array) and len(dest) and isinstance(dest[0], Dictionary):
            return pages.get(dest[0].objgen), tuple(dest[1:])
        return None, ()

    def walk(item: Any) -> list[_Node]:
        nodes: list[_Node] = []
        while isinstance(item, Dictionary) and item.objgen not in seen:
            if item.is_indirect:
                seen.add(item.objgen)
            page, view = target(item)
            nodes.append(_Node(str(item.get(Name.Title, "")), page, view, walk(item.get(Name.First))))
            item = item.get(Name.Next)
        return nodes

    return walk(outlines.get(Name.First))


def _named_destination(doc: Pdf, name: Name | String) -> Any:
    if isinstance(name, Name):
        dests = doc.Root.get(Name.Dests)
        return dests.get(name) if isinstance(dests, Dictionary) else None
    names = doc.Root.get(Name.Names)
    tree = names.get(Name.Dests) if isinstance(names, Dictionary) else None
    if not isinstance(tree, Dictionary):
        return None
    return pikepdf.NameTree(tree).get(str(name))


def _bookmarks(doc: Pdf) -> list[Bookmark]:
    """The top-level outline entries that point at a page of the file."""
    return [Bookmark(n.title, n.page, n.view) for n in _outline(doc) if n.page is not None]


def outline_titles(pdf: Path) -> list[Any]:
    """The outline as nested lists of titles: ``["A", ["A.1", "A.2"], "B"]``."""

    def walk(items: list[Any]) -> list[Any]:
        out: list[Any] = []
        for item in items:
            out.append(walk(item) if isinstance(item, list) else str(item.title))
        return out

    return walk(_read(pdf).outline)

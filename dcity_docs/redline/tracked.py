"""A laid-out merged draft turned into Word tracked changes (``w:ins`` / ``w:del``).

The Word template laid every slot out as a token inside a run. Each such run is replaced here by
runs of the same formatting: unchanged words as they are, deleted words in ``w:del`` (as
``w:delText``), inserted words in ``w:ins``. A paragraph all of whose slots are new (or gone) is a
wholly inserted (deleted) paragraph, its paragraph mark included; a table row all of whose slots
are new (gone) is an inserted (deleted) row. lxml writes the XML.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from dcity_docs.redline.matching import TOKEN_CLOSE, TOKEN_OPEN, Slot
from dcity_docs.redline.words import Piece, diff

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "dcity-docs"
_TOKEN = re.compile(f"{TOKEN_OPEN}(\\d+){TOKEN_CLOSE}")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Revisions:
    """Author, date and the next revision id of one document."""

    date: str
    author: str = AUTHOR
    next_id: int = 1

    def mark(self, tag: str) -> etree._Element:
        element = etree.Element(w(tag))
        element.set(w("id"), str(self.next_id))
        element.set(w("author"), self.author)
        element.set(w("date"), self.date)
        self.next_id += 1
        return element


def _slots_in(element: etree._Element, slots: list[Slot]) -> list[Slot]:
    return [slots[int(m)] for t in element.iter(w("t")) if t.text for m in _TOKEN.findall(t.text)]


def _whole(element: etree._Element, slots: list[Slot]) -> str | None:
    """``insert`` / ``delete`` when every slot in ``element`` is new / gone, else None."""
    found = _slots_in(element, slots)
    if found and all(s.inserted for s in found):
        return "insert"
    if found and all(s.deleted for s in found):
        return "delete"
    return None


def _pieces(text: str, slots: list[Slot]) -> Iterator[Piece]:
    """A run's text with its tokens: literal text unchanged, each slot as its word diff."""
    position = 0
    for m in _TOKEN.finditer(text):
        if m.start() > position:
            yield ("equal", text[position:m.start()])
        slot = slots[int(m.group(1))]
        if slot.old is None:
            yield ("insert", slot.new or "")
        elif slot.new is None:
            yield ("delete", slot.old)
        else:
            yield from diff(slot.old, slot.new)
        position = m.end()
    if position < len(text):
        yield ("equal", text[position:])


def _run(props: etree._Element | None, child: etree._Element) -> etree._Element:
    run = etree.Element(w("r"))
    if props is not None:
        run.append(copy.deepcopy(props))
    run.append(child)
    return run


def _text_run(props: etree._Element | None, tag: str, text: str) -> etree._Element:
    """A run of ``text`` in ``w:t`` or ``w:delText``, each U+2011 as Word's own
    ``w:noBreakHyphen`` (as the layout writes it, see layout.rendering)."""
    run = etree.Element(w("r"))
    if props is not None:
        run.append(copy.deepcopy(props))
    for index, part in enumerate(text.split("\u2011")):
        if index:
            run.append(etree.Element(w("noBreakHyphen")))
        if part:
            run.append(_text(tag, part))
    return run


def _text(tag: str, text: str) -> etree._Element:
    element = etree.Element(w(tag))
    element.text = text
    element.set(XML_SPACE, "preserve")
    return element


def _expand_run(run: etree._Element, slots: list[Slot], revisions: Revisions, whole: str | None) -> list[etree._Element]:
    """What replaces one run: runs of its formatting, the changed ones inside w:ins / w:del."""
    props = run.find(w("rPr"))
    out: list[etree._Element] = []
    for child in run:
        if child.tag == w("rPr"):
            continue
        if child.tag == w("t") and child.text and TOKEN_OPEN in child.text:
            pieces = [(op, text) for op, text in _pieces(child.text, slots) if text]
        elif child.tag == w("t"):
            pieces = [("equal", child.text or "")]
        else:
            pieces = []
            out.append(_run(props, copy.deepcopy(child)))
        for op, text in pieces:
            if whole is not None and op == "equal":
                op = whole
            if op == "equal":
                out.append(_text_run(props, "t", text))
            elif op == "insert":
                wrapper = revisions.mark("ins")
                wrapper.append(_text_run(props, "t", text))
                out.append(wrapper)
            else:
                wrapper = revisions.mark("del")
                wrapper.append(_text_run(props, "delText", text))
                out.append(wrapper)
    if whole is not None:  # the other children of a wholly inserted or deleted paragraph's runs
        wrapped = []
        for element in out:
            if element.tag == w("r"):
                wrapper = revisions.mark("ins" if whole == "insert" else "del")
                wrapper.append(element)
                element = wrapper
            wrapped.append(element)
        out = wrapped
    return out


def _mark_paragraph(paragraph: etree._Element, whole: str, revisions: Revisions) -> None:
    """The paragraph mark itself inserted or deleted (``w:pPr/w:rPr/w:ins``)."""
    props = paragraph.find(w("pPr"))
    if props is None:
        props = etree.Element(w("pPr"))
        paragraph.insert(0, props)
    run_props = props.find(w("rPr"))
    if run_props is None:
        run_props = etree.SubElement(props, w("rPr"))
    run_props.insert(0, revisions.mark("ins" if whole == "insert" else "del"))


def _mark_row(row: etree._Element, whole: str, revisions: Revisions) -> None:
    props = row.find(w("trPr"))
    if props is None:
        props = etree.Element(w("trPr"))
        position = 1 if row.find(w("tblPrEx")) is not None else 0
        row.insert(position, props)
    props.append(revisions.mark("ins" if whole == "insert" else "del"))


def _paragraph(paragraph: etree._Element, slots: list[Slot], revisions: Revisions, whole: str | None) -> None:
    own = whole or _whole(paragraph, slots)
    if own is None and not any(TOKEN_OPEN in (t.text or "") for t in paragraph.iter(w("t"))):
        return
    for run in [r for r in paragraph.iter(w("r"))]:
        parent = run.getparent()
        if parent is None or parent.tag in (w("ins"), w("del")):
            continue
        index = parent.index(run)
        parent.remove(run)
        for offset, element in enumerate(_expand_run(run, slots, revisions, own)):
            parent.insert(index + offset, element)
    if own is not None:
        _mark_paragraph(paragraph, own, revisions)


def mark_changes(xml: bytes, slots: list[Slot], date: str) -> bytes:
    """document.xml with every token replaced by its tracked changes (unchanged without tokens)."""
    if TOKEN_OPEN.encode() not in xml:
        return xml
    root = etree.fromstring(xml)
    revisions = Revisions(date)
    done: set[etree._Element] = set()
    for row in root.iter(w("tr")):
        whole = _whole(row, slots)
        if whole is None:
            continue
        if any(inner.tag == w("tbl") for inner in row.iter() if inner is not row):
            continue  # a row holding a table: its inner rows are marked instead
        _mark_row(row, whole, revisions)
        for paragraph in row.iter(w("p")):
            _paragraph(paragraph, slots, revisions, whole)
            done.add(paragraph)
    for paragraph in list(root.iter(w("p"))):
        if paragraph not in done:
            _paragraph(paragraph, slots, revisions, None)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

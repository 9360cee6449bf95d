"""The classification marking of a merged pack («Для службового користування» / "RESTRICTED"),
printed at the top and bottom of every page so that no page taken out of the pack, the cover
included, leaves its marking behind. Drawn like the draft stamp: once per page size with fpdf2,
as a form XObject drawn over each page."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import pikepdf
from pikepdf import Pdf

from dcity_docs.errors import InputError
from dcity_docs.pdf.watermark import _blank_page, _draw_on_every_page, cached_drawing, find_watermark_font

__all__ = ["apply_marking"]

_MARKING_OPEN = b"/Artifact <</Type /Pagination /Subtype /Header>> BDC\nq\n"
_SIZE = 9.0  # points: readable, clear of the text block (the templates' margins are ~2 cm)
_EDGE = 16.0  # points from the top and bottom edges to the baseline


@functools.lru_cache(maxsize=16)
def _marking_pdf(text: str, width: float, height: float, font: str) -> bytes:
    """A one-page PDF, ``width`` x ``height`` pt, with ``text`` centred at its top and bottom
    (drawn once, then from the cache on disk)."""
    return cached_drawing("marking", (text, round(width, 3), round(height, 3), _SIZE, _EDGE), font,
                          lambda: _draw_marking(text, width, height, font))


def _draw_marking(text: str, width: float, height: float, font: str) -> bytes:
    doc = _blank_page(width, height, font, "dcitymark")
    size = _SIZE
    doc.set_font("dcitymark", size=size)
    while doc.get_string_width(text) > width - 2 * _EDGE and size > 5:
        size -= 0.5
        doc.set_font("dcitymark", size=size)
    text_width = doc.get_string_width(text)
    doc.set_text_color(0, 0, 0)
    for baseline in (_EDGE + size * 0.7, height - _EDGE):
        doc.text((width - text_width) / 2, baseline, text)
    return bytes(doc.output())


@functools.lru_cache(maxsize=16)
def _marking_form(text: str, width: float, height: float, font: str) -> tuple[Pdf, pikepdf.Stream]:
    stamp = Pdf.open(io.BytesIO(_marking_pdf(text, width, height, font)))
    return stamp, stamp.pages[0].as_form_xobject()


def apply_marking(doc: Pdf, text: str, font: Path | None = None) -> list[Pdf]:
    """Print ``text`` at the top and bottom of every page of the open ``doc`` (an embedded font
    with Cyrillic glyphs, so text extraction finds it). Returns the stamps' documents, which must
    stay open until ``doc`` is written."""
    if not text.strip():
        raise InputError("marking text is empty")
    font_path = str(Path(font) if font is not None else find_watermark_font())
    return _draw_on_every_page(doc, lambda w, h: _marking_form(text, w, h, font_path), "/DcMark", _MARKING_OPEN)

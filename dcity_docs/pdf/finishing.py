"""Finishing a PDF LibreOffice wrote: metadata, outline and watermark in one read and one write
(one pikepdf pass)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from pikepdf import Pdf

from dcity_docs.pdf.files import _open, _save
from dcity_docs.pdf.metadata import _apply_metadata, _pdfa_id
from dcity_docs.pdf.outline import Bookmark, _apply_outline, _bookmarks
from dcity_docs.pdf.watermark import _apply_watermark, _watermark_font

__all__ = ["finish"]


def finish(
    pdf: Path,
    *,
    title: str,
    subject: str,
    author: str,
    language: str,
    keywords: str | None = None,
    fixed_date: datetime | None = None,
    outline: Callable[[list[Bookmark]], Sequence[tuple[str, int] | Bookmark]] | None = None,
    watermark: str | None = None,
    font: Path | None = None,
    keep_open: bool = False,
    edits: Sequence[Callable[[Pdf], None]] = (),
) -> Pdf | None:
    """:func:`set_metadata`, then :func:`add_outline` (``replace=True``) with the entries
    ``outline`` makes from the file's own top-level bookmarks (none: the outline is left as it
    is), then :func:`add_watermark`, then each of ``edits`` on the open document, in one read and
    one write of the file. Objects nothing
    refers to any more (the replaced outline) are left out of the file.

    ``keep_open``: return the finished document, still open, for :func:`merge_pdfs` (which then
    need not read the file again); the caller closes it.
    """
    pdf = Path(pdf)
    font_path = _watermark_font(watermark, font, 0.55, 0.3) if watermark is not None else None
    doc = _open(pdf)
    stamps: list[Pdf] = []  # the stamps' documents stay open until the file is written
    entries = outline(_bookmarks(doc)) if outline is not None else []
    _apply_metadata(
        doc,
        title=title,
        subject=subject,
        author=author,
        language=language,
        keywords=keywords,
        fixed_date=fixed_date,
        pdfa=_pdfa_id(doc),
    )
    if entries:
        _apply_outline(doc, entries, True, pdf)
    if watermark is not None and font_path is not None:
        stamps = _apply_watermark(doc, watermark, font_path, 0.55, 0.3)
    for edit in edits:
        edit(doc)
    _save(doc, pdf, close=not keep_open)
    del stamps
    return doc if keep_open else None

"""The text of a PDF (pypdf), compared the way a reader would: where headings are."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from dcity_docs.pdf.files import _read

__all__ = ["find_headings", "normalise_text", "page_texts", "pdf_text"]

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SOFT = re.compile("[\u00ad\u200c\u200d\ufeff]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})


def normalise_text(text: str, *, keep_lines: bool = False) -> str:
    """NFC, one kind of apostrophe, no soft hyphens, whitespace runs collapsed.

    With ``keep_lines`` line breaks are kept (as single ``\\n``), otherwise
    they become spaces too.
    """
    text = unicodedata.normalize("NFC", text)
    text = _SOFT.sub("", text).translate(_APOSTROPHES)
    text = _SPACES.sub(" ", text)
    if keep_lines:
        lines = (ln.strip() for ln in text.splitlines())
        return "\n".join(ln for ln in lines if ln)
    return " ".join(text.split())


def page_texts(pdf: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in _read(pdf).pages]


def pdf_text(pdf: Path) -> str:
    """The extracted text of all pages, one page after another."""
    return "\n".join(page_texts(pdf))


def find_headings(
    pdf: Path, headings: Sequence[str], *, in_order: bool = True, start_page: int = 0
) -> list[tuple[str, int]]:
    """Find the page (0-based) on which each heading first appears.

    Comparison ignores case, whitespace differences (line breaks included),
    soft hyphens and the kind of apostrophe.  An occurrence at the start of a
    line is preferred over one inside running text (a cross-reference).

    With ``in_order`` (the default) the headings are taken to be in document
    order: each is looked for after the previous one found, so a heading
    repeated in a table of contents or cited earlier does not win.  Pass
    ``start_page`` to skip front matter.  Headings that are not found are left
    out of the result.
    """
    texts = [normalise_text(t, keep_lines=True).casefold() for t in page_texts(pdf)]
    found: list[tuple[str, int]] = []
    pos = (start_page, 0)  # (page, offset on that page)
    for heading in headings:
        words = normalise_text(heading).casefold().split()
        if not words:
            continue
        body = r"\s+".join(re.escape(w) for w in words)
        hit = None
        origin = pos if in_order else (start_page, 0)
        for pattern in (re.compile(r"(?:^|(?<=\n))" + body), re.compile(body)):
            hit = _search_pages(texts, pattern, origin)
            if hit is not None:
                break
        if hit is None:
            continue
        page, end = hit
        found.append((heading, page))
        if in_order:
            pos = (page, end)
    return found


def _search_pages(texts: list[str], pattern: re.Pattern[str], origin: tuple[int, int]) -> tuple[int, int] | None:
    page, offset = origin
    for index in range(max(page, 0), len(texts)):
        match = pattern.search(texts[index], offset if index == page else 0)
        if match:
            return index, match.end()
    return None

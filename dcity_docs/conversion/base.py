"""What every converter shares: the :class:`Converter` contract, the check that a PDF is whole,
and where a converter puts a document's PDF in the staging folder.

Who converts is a :class:`Converter`: :class:`~dcity_docs.conversion.soffice.SofficeConverter`
(the default) starts LibreOffice for each call; :class:`~dcity_docs.conversion.unoserver.UnoserverPool`
sends each document to long-lived LibreOffice processes run by ``unoserver``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

__all__ = ["Converter", "balanced", "conversion_cost", "is_complete_pdf", "largest_first"]

# How much of LibreOffice's output an error message quotes.
_OUTPUT_TAIL = 1500


def is_complete_pdf(path: Path) -> bool:
    """True if ``path`` is a non-empty file that starts with ``%PDF`` and ends with ``%%EOF``.

    The end check catches a file cut short by a killed process.
    """
    try:
        size = path.stat().st_size
        if size < 16:
            return False
        with path.open("rb") as fh:
            if fh.read(5) != b"%PDF-":
                return False
            fh.seek(max(0, size - 1024))
            return b"%%EOF" in fh.read()
    except OSError:
        return False


def conversion_cost(docx: Path) -> int:
    """How long a document takes LibreOffice, roughly: the size of its text part unpacked (what
    it lays out). A DOCX file's own size says little (fonts, styles and the packing weigh as much
    as the text); a file that cannot be read counts by its size."""
    try:
        with zipfile.ZipFile(docx) as zf:
            return zf.getinfo("word/document.xml").file_size
    except (OSError, KeyError, zipfile.BadZipFile):
        try:
            return docx.stat().st_size
        except OSError:
            return 0


def largest_first(files: Sequence[Path]) -> list[Path]:
    """The documents in the order workers should take them: the longest first, so that what is
    left at the end, when one worker may finish alone, is short (ties keep the order given)."""
    return sorted(files, key=conversion_cost, reverse=True)


def balanced(items: Sequence[Path], n: int) -> list[list[Path]]:
    """Split into ``n`` chunks (none empty) of near-equal work: the longest document first to the
    chunk with the least so far (by :func:`conversion_cost`), so that no worker is left converting
    alone at the end. Each chunk keeps the order given."""
    n = max(1, min(n, len(items)))
    if n == 1:
        return [list(items)]
    position = {id(f): i for i, f in enumerate(items)}
    costs = {id(f): conversion_cost(f) for f in items}
    chunks: list[list[Path]] = [[] for _ in range(n)]
    loads = [0] * n
    for f in sorted(items, key=lambda f: costs[id(f)], reverse=True):
        k = min(range(n), key=lambda i: (loads[i], len(chunks[i]), i))
        chunks[k].append(f)
        loads[k] += costs[id(f)] or 1
    return [sorted(c, key=lambda f: position[id(f)]) for c in chunks]


def pdf_problem(path: Path) -> str | None:
    """What is wrong with a PDF a converter returned (None: it opens and has pages). Every PDF is
    checked before it is finished, merged or placed: a converter answering a page-less or broken
    file must be a clear error, not a traceback later (or an empty document delivered).

    A converter that converts one document at a time checks each as it comes (in its thread,
    while the others convert); the answer is kept for that very file (device, inode, size and
    modification time, which a rename keeps), so the check :func:`convert_to_pdf` makes of every
    PDF afterwards costs nothing for it: opening a tagged PDF of a long agreement takes about
    0.07 s, which a batch would otherwise spend after each window, with LibreOffice idle."""
    try:
        st = path.stat()
    except OSError:
        return "not a whole PDF file"
    key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    if key in _CHECKED:
        return _CHECKED[key]
    problem = _pdf_problem(path)
    if len(_CHECKED) >= 4096:
        _CHECKED.clear()
    _CHECKED[key] = problem
    return problem


_CHECKED: dict[tuple[int, int, int, int], str | None] = {}


def _pdf_problem(path: Path) -> str | None:
    if not is_complete_pdf(path):
        return "not a whole PDF file"
    import pikepdf

    try:  # counting only: pushing inherited attributes down every page (qpdf's default) is
        # most of the time a tagged PDF of a long agreement takes to open
        with pikepdf.open(path, inherit_page_attributes=False) as pdf:
            pages = len(pdf.pages)
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        return f"a PDF that does not open ({' '.join(str(exc).split())[:200]})"
    return None if pages else "a PDF without pages"


def _expected(staging: Path, docx: Path) -> Path:
    return staging / (docx.stem + ".pdf")


def _names(files: Sequence[Path]) -> str:
    return ", ".join(str(f) for f in files)


class Converter:
    """Who turns DOCX into PDF. :func:`convert_to_pdf` checks the inputs, gives the converter a
    staging folder and moves the PDFs into place; the converter only has to write
    ``staging / (stem + ".pdf")`` for every file, or raise :class:`ConversionError` naming the
    files it could not convert (:class:`EnvironmentProblem` when it cannot work at all)."""

    def check(self) -> None:
        """Raise :class:`EnvironmentProblem` early (before any folder is made) if it cannot work."""

    def sends_in_clear(self) -> bool:
        """Whether a document may travel unencrypted to another host (then a restricted one is
        refused before anything is sent). LibreOffice on this machine: never."""
        return False

    def convert(self, files: Sequence[Path], staging: Path, *, timeout: float, pdfa: bool, workers: int) -> None:
        raise NotImplementedError

    def reach(self, timeout: float = 30.0, workers: int = 1) -> None:
        """Get ready for the first conversion now, while the caller drafts (reach the servers, or
        start ``workers`` LibreOffice processes); never raises: what is wrong is found and
        reported by the conversion itself. :meth:`close` releases what this holds."""

    def close(self) -> None:
        """Release what the converter holds (nothing for these two: servers are not ours to stop)."""

"""Where the signature fields go: the last page is read first, then the last three, the whole
file only when a signer's line is not among them (a template may print the signature lines
anywhere)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from dcity_docs.errors import TemplateProblem
from dcity_docs.pdf import signature_fields
from dcity_docs.pdf.signature_fields import Signer, find_signature_lines

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")

MINISTER = Signer("ministry", "Ivan Petrenko", ("Ivan PETRENKO",))
PARTNER = Signer("shareholder-1", "Soren Jensen", ("Soren JENSEN",))


def _pdf(path: Path, pages: int, lines: dict[int, list[str]]) -> Path:
    """A PDF of ``pages`` pages with text, and on page ``k`` (0-based) the lines ``lines[k]``."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Clause {number + 1}. The Parties agree as follows. " * 8)
        for text in lines.get(number, []):
            pdf.ln(12)
            pdf.cell(0, 6, text)
    pdf.output(str(path))
    return path


def test_lines_on_the_last_page(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "a.pdf", 8, {7: ["__________ Ivan PETRENKO", "__________ Soren JENSEN"]})
    spots = find_signature_lines(pdf, [MINISTER, PARTNER])
    assert [(s.field, s.page) for s in spots] == [("ministry", 7), ("shareholder-1", 7)]
    assert spots[0].rect[1] > spots[1].rect[1]  # the Ministry's line is above the partner's


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int | None]]:
    """The first and last page (1-based; None: to the end) of every read of the text layer."""
    reads: list[tuple[int, int | None]] = []
    real = signature_fields._candidate_lines

    def spy(pdf: Path, first_page: int = 1, last_page: int | None = None) -> list:
        reads.append((first_page, last_page))
        return real(pdf, first_page, last_page)

    monkeypatch.setattr(signature_fields, "_candidate_lines", spy)
    return reads


def test_lines_on_the_last_page_need_only_that_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _pdf(tmp_path / "a.pdf", 8, {7: ["__________ Ivan PETRENKO", "__________ Soren JENSEN"]})
    reads = _reads(monkeypatch)
    find_signature_lines(pdf, [MINISTER, PARTNER])
    assert reads == [(8, 8)]


def test_a_block_that_begins_on_the_page_before_the_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _pdf(tmp_path / "d.pdf", 8, {6: ["__________ Ivan PETRENKO"], 7: ["__________ Soren JENSEN"]})
    reads = _reads(monkeypatch)
    spots = find_signature_lines(pdf, [MINISTER, PARTNER])
    assert [(s.field, s.page) for s in spots] == [("ministry", 6), ("shareholder-1", 7)]
    assert reads == [(8, 8), (6, 7)]  # the last page, then the two before it; never the whole file


def test_a_one_page_document_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _pdf(tmp_path / "e.pdf", 1, {0: ["__________ Ivan PETRENKO"]})
    reads = _reads(monkeypatch)
    assert [s.page for s in find_signature_lines(pdf, [MINISTER])] == [0]
    assert reads == [(1, 1)]


def test_a_line_before_the_last_pages_is_found_in_the_whole_file(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _pdf(tmp_path / "b.pdf", 8, {1: ["__________ Ivan PETRENKO"], 7: ["__________ Soren JENSEN"]})
    reads = _reads(monkeypatch)
    spots = find_signature_lines(pdf, [MINISTER, PARTNER])
    assert [(s.field, s.page) for s in spots] == [("ministry", 1), ("shareholder-1", 7)]
    assert reads == [(8, 8), (6, 7), (1, 5)]  # every page read once


def test_a_line_that_is_nowhere(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "c.pdf", 6, {5: ["__________ Soren JENSEN"]})
    with pytest.raises(TemplateProblem, match="no signature line for ministry"):
        find_signature_lines(pdf, [MINISTER, PARTNER])
    assert [s.field for s in find_signature_lines(pdf, [MINISTER, PARTNER], strict=False)] == ["shareholder-1"]

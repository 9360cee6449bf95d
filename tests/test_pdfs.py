"""PDF post-processing on PDFs made by real LibreOffice from python-docx documents."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from pypdf import PdfReader, PdfWriter

from dcity_docs.pdf import watermark
from dcity_docs.conversion.convert import convert_to_pdf
from dcity_docs.conversion.locating import find_soffice
from dcity_docs.errors import EnvironmentProblem, InputError
from dcity_docs.pdf.merge import merge_pdfs
from dcity_docs.pdf.metadata import set_metadata
from dcity_docs.pdf.outline import add_outline, outline_titles
from dcity_docs.pdf.reading import find_headings, normalise_text, pdf_text
from dcity_docs.pdf.watermark import add_watermark


def _have_soffice() -> bool:
    try:
        find_soffice()
    except EnvironmentProblem:
        return False
    return True


pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not _have_soffice(), reason="LibreOffice (soffice) not installed"),
]

UK_HEADINGS = ["1. Предмет договору", "2. Ціна договору", "3. Відповідальність сторін"]
EN_HEADINGS = ["1. Subject of the Agreement", "2. Price", "3. Liability of the Parties"]


def _contract(path: Path, headings: list[str], body: str) -> Path:
    """One heading per page, so pages are known."""
    doc = Document()
    for i, heading in enumerate(headings):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(heading, level=1)
        doc.add_paragraph(body)
    doc.save(str(path))
    return path


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Four PDFs from one LibreOffice call: uk and en contracts, a bare annex, a copy of uk."""
    src = tmp_path_factory.mktemp("docx")
    uk_body = "Міністерство оборони України погоджує проєкт; п’ять примірників мають однакову силу."
    docs = [
        _contract(src / "uk.docx", UK_HEADINGS, uk_body),
        _contract(src / "en.docx", EN_HEADINGS, "The Ministry of Defence of Ukraine approves the draft."),
        src / "annex.docx",
        src / "uk-copy.docx",
    ]
    annex = Document()
    annex.add_paragraph("Додаток 1. Перелік майна / Annex 1. List of property")
    annex.save(str(docs[2]))
    shutil.copy(docs[0], docs[3])
    out = convert_to_pdf(docs, tmp_path_factory.mktemp("pdf"), timeout=60)
    return {p.stem: p for p in out}


@pytest.fixture
def pdf(sources: dict[str, Path], tmp_path: Path):
    """A fresh copy of one source PDF."""

    def copy(name: str) -> Path:
        dest = tmp_path / f"{name}.pdf"
        shutil.copy(sources[name], dest)
        return dest

    return copy


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_text_extraction(sources: dict[str, Path]) -> None:
    text = normalise_text(pdf_text(sources["uk"]), keep_lines=False)
    assert "Міністерство оборони України" in text
    assert "проєкт" in text
    assert "п'ять" in text  # apostrophes are normalised
    assert "п’ять" in pdf_text(sources["uk"])  # and the original one survives extraction


def test_set_metadata(pdf) -> None:
    path = pdf("uk")
    before = PdfReader(path).metadata
    set_metadata(
        path,
        title="Договір про створення спільного підприємства",
        subject="Проєкт договору",
        author="Міністерство оборони України",
        language="uk-UA",
        keywords="договір, СП",
    )
    reader = PdfReader(path)
    meta = reader.metadata
    assert meta["/Title"] == "Договір про створення спільного підприємства"
    assert meta["/Subject"] == "Проєкт договору"
    assert meta["/Author"] == "Міністерство оборони України"
    assert meta["/Keywords"] == "договір, СП"
    assert meta["/CreationDate"] == before["/CreationDate"]  # kept; no current time added
    assert "/ModDate" not in meta
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "uk-UA"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "Договір про створення спільного підприємства" in xmp
    assert "<pdf:Keywords>договір, СП</pdf:Keywords>" in xmp
    assert "<rdf:li>uk-UA</rdf:li>" in xmp
    assert reader.outline  # LibreOffice's bookmarks survive
    assert _no_temp_files(path.parent)


def test_metadata_escapes_xml(pdf) -> None:
    path = pdf("en")
    set_metadata(path, title="A & B <Ltd>", subject="s", author="ТОВ «Ромашка»", language="en-GB")
    xmp = PdfReader(path).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "A &amp; B &lt;Ltd&gt;" in xmp


def test_fixed_date_makes_output_byte_identical(pdf) -> None:
    """uk and uk-copy came from two conversions of the same DOCX."""
    first, second = pdf("uk"), pdf("uk-copy")
    assert first.read_bytes() != second.read_bytes()  # LibreOffice: dates and /ID differ
    when = datetime(2026, 3, 1, tzinfo=timezone.utc)
    for path in (first, second):
        set_metadata(path, title="T", subject="S", author="A", language="uk-UA", fixed_date=when)
        watermark._stamp_pdf.cache_clear()  # make the stamp afresh each time
        watermark._stamp_form.cache_clear()
        add_watermark(path, "ПРОЄКТ / DRAFT")
    assert first.read_bytes() == second.read_bytes()
    assert PdfReader(first).metadata["/CreationDate"] == "D:20260301000000Z"


def test_watermark_on_every_page(pdf) -> None:
    path = pdf("uk")
    pages_before = [p.extract_text() for p in PdfReader(path).pages]
    add_watermark(path, "ПРОЄКТ / DRAFT")
    reader = PdfReader(path)
    assert len(reader.pages) == len(pages_before) == 3
    for before, page in zip(pages_before, reader.pages):
        text = page.extract_text()
        assert "DRAFT" in text and "ПРОЄКТ" in text
        assert before.strip()[:40] in text  # the page's own text is still there
        content = page.get_contents().get_data()
        assert b"/Artifact" in content and b"/Watermark" in content
    for page in reader.pages:  # the stamp: a form XObject with its own embedded Cyrillic font
        stamps = [x.get_object() for name, x in page["/Resources"]["/XObject"].items() if name.startswith("/DcWm")]
        assert len(stamps) == 1
        fonts = {str(f.get_object()["/BaseFont"]) for f in stamps[0]["/Resources"]["/Font"].values()}
        assert any("LiberationSans" in f or "DejaVuSans" in f for f in fonts)
    assert _no_temp_files(path.parent)


def test_watermark_on_rotated_and_odd_pages(pdf, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(pdf("en")))
    writer.pages[0].rotate(90)
    writer.add_blank_page(width=300, height=200)
    path = tmp_path / "odd.pdf"
    writer.write(path)
    add_watermark(path, "DRAFT")
    for page in PdfReader(path).pages:
        assert "DRAFT" in page.extract_text()


def test_watermark_needs_a_font(pdf, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(watermark.WATERMARK_FONT_ENV, str(tmp_path / "missing.ttf"))
    with pytest.raises(EnvironmentProblem):
        add_watermark(pdf("en"), "DRAFT")
    monkeypatch.delenv(watermark.WATERMARK_FONT_ENV)
    monkeypatch.setattr(watermark, "WATERMARK_FONTS", ())
    with pytest.raises(EnvironmentProblem, match="fonts-liberation2"):
        add_watermark(pdf("en"), "DRAFT")


def test_find_headings_and_outline(pdf) -> None:
    path = pdf("uk")
    found = find_headings(path, UK_HEADINGS + ["4. Немає такого розділу"])
    assert found == [(h, i) for i, h in enumerate(UK_HEADINGS)]
    # Case, spacing and line breaks do not matter.
    assert find_headings(path, ["2.   ЦІНА\nдоговору"]) == [("2.   ЦІНА\nдоговору", 1)]
    add_outline(path, [("Ціна", 1), ("Відповідальність", 2)], replace=True)
    assert outline_titles(path) == ["Ціна", "Відповідальність"]
    reader = PdfReader(path)
    assert [reader.get_destination_page_number(o) for o in reader.outline] == [1, 2]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_add_outline_appends_by_default(pdf) -> None:
    path = pdf("en")
    add_outline(path, [("Signatures", 2)])
    assert outline_titles(path) == EN_HEADINGS + ["Signatures"]
    with pytest.raises(InputError, match="page 7"):
        add_outline(path, [("Nowhere", 7)])


def test_outline_for_pdf_without_bookmarks(pdf) -> None:
    path = pdf("annex")
    assert outline_titles(path) == []
    entries = find_headings(path, ["Annex 1. List of property"])
    assert entries == [("Annex 1. List of property", 0)]
    add_outline(path, entries)
    assert outline_titles(path) == ["Annex 1. List of property"]


def test_find_headings_in_order_skips_earlier_mentions(tmp_path: Path) -> None:
    # A "contents" page that names both headings, then the headings themselves.
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.set_font("helvetica", size=12)
    for lines in (["Contents", "1. Scope", "2. Price"], ["1. Scope", "text"], ["See 2. Price below", "2. Price"]):
        doc.add_page()
        for line in lines:
            doc.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "toc.pdf"
    path.write_bytes(bytes(doc.output()))
    assert find_headings(path, ["1. Scope", "2. Price"], start_page=1) == [("1. Scope", 1), ("2. Price", 2)]
    assert find_headings(path, ["1. Scope", "2. Price"]) == [("1. Scope", 0), ("2. Price", 0)]


def test_merge_one_bookmark_per_part(sources: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "package.pdf"
    parts = [
        ("Договір (українською)", sources["uk"]),
        ("Agreement (English)", sources["en"]),
        ("Додаток 1 / Annex 1", sources["annex"]),
    ]
    merge_pdfs(parts, out, title="Пакет документів / Document package", language="uk-UA", author="MoD")
    reader = PdfReader(out)
    assert len(reader.pages) == 3 + 3 + 1
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top] == [name for name, _ in parts]
    assert [reader.get_destination_page_number(item) for item in top] == [0, 3, 6]
    assert outline_titles(out) == [
        parts[0][0],
        UK_HEADINGS,
        parts[1][0],
        EN_HEADINGS,
        parts[2][0],
    ]
    meta = reader.metadata
    assert meta["/Title"] == "Пакет документів / Document package"
    assert reader.trailer["/Root"]["/Lang"] == "uk-UA"
    assert "/ID" in reader.trailer
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfaid" not in xmp  # the parts are not PDF/A, so neither is the package
    text = pdf_text(out)
    assert "Міністерство оборони України" in text and "The Ministry of Defence" in text
    assert _no_temp_files(tmp_path)


def test_merge_needs_parts(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        merge_pdfs([], tmp_path / "x.pdf", title="x")


def test_the_stamp_is_drawn_once_then_read_from_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A legal officer's next render of a draft does not load fpdf2 again: the stamp's bytes come
    from the cache, and they are the bytes it would draw."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    font = str(watermark.find_watermark_font())
    watermark._stamp_pdf.cache_clear()
    drawn = watermark._stamp_pdf("ПРОЄКТ / DRAFT", 595.3, 841.9, font, 0.55, 0.3)
    assert drawn == watermark._draw_stamp("ПРОЄКТ / DRAFT", 595.3, 841.9, font, 0.55, 0.3)
    assert len(list((tmp_path / "cache" / "dcity-docs" / "stamps").glob("*.pdf"))) == 1

    def no_drawing(*args: object) -> bytes:
        raise AssertionError("drawn again instead of read from the cache")

    monkeypatch.setattr(watermark, "_draw_stamp", no_drawing)
    watermark._stamp_pdf.cache_clear()
    assert watermark._stamp_pdf("ПРОЄКТ / DRAFT", 595.3, 841.9, font, 0.55, 0.3) == drawn
    with pytest.raises(AssertionError, match="drawn again"):  # another text is another stamp
        watermark._stamp_pdf("ПОГОДЖЕНА РЕДАКЦІЯ / AGREED FORM", 595.3, 841.9, font, 0.55, 0.3)
    watermark._stamp_pdf.cache_clear()


def test_the_marking_is_drawn_once_then_read_from_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A restricted venture's pack is marked on every page: the marking's drawing, like the
    stamp's, comes from the cache the second time, with the bytes it would draw."""
    from dcity_docs.pdf import marking

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    font = str(watermark.find_watermark_font())
    marking._marking_pdf.cache_clear()
    text = "Для службового користування / RESTRICTED"
    drawn = marking._marking_pdf(text, 595.3, 841.9, font)
    assert drawn == marking._draw_marking(text, 595.3, 841.9, font)
    assert len(list((tmp_path / "cache" / "dcity-docs" / "stamps").glob("*.pdf"))) == 1

    def no_drawing(*args: object) -> bytes:
        raise AssertionError("drawn again instead of read from the cache")

    monkeypatch.setattr(marking, "_draw_marking", no_drawing)
    marking._marking_pdf.cache_clear()
    assert marking._marking_pdf(text, 595.3, 841.9, font) == drawn
    with pytest.raises(AssertionError, match="drawn again"):  # another page size is another drawing
        marking._marking_pdf(text, 841.9, 595.3, font)
    marking._marking_pdf.cache_clear()

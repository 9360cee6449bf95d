"""The batch report and the portfolio register: contents, totals per currency, the chart,
wording from the catalogs, layout-only templates, byte-identical output."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from docx import Document
from docx.enum.section import WD_ORIENT
from PIL import Image

from dcity_docs.output.results import BatchResult, DocumentHash, RecordResult, VentureSummary
from dcity_docs.reports.reports import (
    CHART_NAME,
    TEMPLATES,
    batch_report_docx,
    chart_png,
    portfolio_register_docx,
    portfolio_totals,
)
from dcity_docs.wording.catalogs import Bi
from dcity_docs.resources import locales_dir, templates_dir



def text_of(docx: bytes) -> str:
    """Every paragraph, tables included (as tests/readback.py reads a file)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(docx))
    return "\n".join(Paragraph(p, doc).text for p in doc.element.body.iter(qn("w:p")))


def venture(vid: str, *, placement: str = "ukraine", country: str = "UA", stage: str = "signed",
            amount: str = "100.00", currency: str = "EUR") -> VentureSummary:
    return VentureSummary(vid, f"Підприємство {vid}", f"Venture {vid}", stage, placement, country,
                          ("drones", "missiles"), Decimal(amount), currency)


VENTURES = [
    venture("DC-2026-001", stage="negotiation", amount="12500000.00", currency="EUR"),
    venture("DC-2026-002", stage="agreed", amount="8400000.00", currency="GBP"),
    venture("DC-2026-003", amount="1000000.50", currency="EUR"),
    venture("DC-2026-004", placement="abroad", country="NO", amount="150000000.00", currency="NOK"),
    venture("DC-2026-005", placement="abroad", country="DK", stage="agreed", amount="250000.00", currency="EUR"),
]


# --- totals ---------------------------------------------------------------------------------------


def test_totals_are_per_currency_and_never_add_two_currencies() -> None:
    totals = portfolio_totals(VENTURES)
    assert totals.all.ventures == 5
    assert dict(totals.all.capital) == {"EUR": Decimal("13750000.50"), "GBP": Decimal("8400000.00"),
                                        "NOK": Decimal("150000000.00")}
    ukraine, abroad = totals.placement
    assert (ukraine.key, ukraine.ventures) == ("ukraine", 3)
    assert dict(ukraine.capital) == {"EUR": Decimal("13500000.50"), "GBP": Decimal("8400000.00")}
    assert (abroad.key, abroad.ventures, dict(abroad.capital)) == (
        "abroad", 2, {"EUR": Decimal("250000.00"), "NOK": Decimal("150000000.00")})
    assert [(t.key, t.ventures) for t in totals.stage] == [("negotiation", 1), ("agreed", 2), ("signed", 2)]
    assert [(t.key, t.ventures) for t in totals.country] == [("DK", 1), ("NO", 1), ("UA", 3)]


def test_the_register_shows_each_currency_on_its_own_and_no_mixed_sum() -> None:
    text = text_of(portfolio_register_docx(VENTURES))
    assert "13\u00a0500\u00a0000,50\u00a0EUR" in text and "EUR 13,500,000.50" in text
    assert "8\u00a0400\u00a0000,00\u00a0GBP" in text and "GBP 8,400,000.00" in text
    assert "NOK 150,000,000.00" in text
    assert "21,900,000.50" not in text and "21\u00a0900\u00a0000,50" not in text  # EUR + GBP, never
    assert "Суми капіталу в різних валютах ніколи не додаються" in text


def test_the_register_lists_every_venture_with_its_stage_placement_country_and_products() -> None:
    text = text_of(portfolio_register_docx(VENTURES))
    for v in VENTURES:
        assert v.id in text and v.name_en in text and v.name_uk in text
    for words in ("на стадії переговорів", "under negotiation", "за кордоном", "abroad", "Норвегія", "Norway",
                  "Данія", "Denmark", "дрони", "drones", "ракетні комплекси", "missiles",
                  "Підсумки за розміщенням виробництва", "Totals by stage", "Totals by country of production"):
        assert words in text, words
    assert "{{" not in text and "{%" not in text


# --- the chart ------------------------------------------------------------------------------------


def _chart_of(docx: bytes) -> tuple[bytes, float]:
    doc = Document(io.BytesIO(docx))
    [shape] = doc.inline_shapes
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip  # noqa: SLF001
    part = doc.part.related_parts[blip.embed]
    assert shape._inline.docPr.get("name") == CHART_NAME  # noqa: SLF001
    return part.blob, shape.width / shape.height


def test_the_chart_is_a_picture_in_the_register_drawn_at_the_template_s_size() -> None:
    docx = portfolio_register_docx(VENTURES)
    png, ratio = _chart_of(docx)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    assert image.width > 1500  # the real chart, not the template's placeholder
    assert abs(image.width / image.height - ratio) < 0.01
    assert b"Software" not in png[:200]
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        document = zf.read("word/document.xml").decode("utf-8")
    assert 'descr="Кількість спільних підприємств за розміщенням' in document


def test_register_and_chart_are_byte_identical_from_run_to_run() -> None:
    assert portfolio_register_docx(VENTURES) == portfolio_register_docx(list(reversed(VENTURES)))
    groups = [(Bi("А", "A"), [(Bi("б", "b"), 2)])]
    assert chart_png(groups, Bi("к", "n"), 4, 2) == chart_png(groups, Bi("к", "n"), 4, 2)


def test_an_empty_register_still_renders() -> None:
    text = text_of(portfolio_register_docx([]))
    assert "У реєстрі немає жодного спільного підприємства." in text
    assert "There is no venture in the register." in text


def test_the_register_is_landscape_a4_and_the_batch_report_portrait() -> None:
    register = Document(io.BytesIO(portfolio_register_docx(VENTURES))).sections[0]
    assert register.orientation == WD_ORIENT.LANDSCAPE and register.page_width > register.page_height
    report = Document(io.BytesIO(batch_report_docx(BatchResult(Path("out"))))).sections[0]
    assert report.page_width < report.page_height


# --- the batch report -----------------------------------------------------------------------------


def test_the_batch_report_names_documents_skipped_packs_and_every_error() -> None:
    result = BatchResult(Path("out"), [
        RecordResult("in/a.yaml", "made", "DC-2026-001", (DocumentHash("DC-2026-001_memorandum_uk.docx", "ab" * 32),),
                     venture=VENTURES[0]),
        RecordResult("in/b.yaml", "skipped", "DC-2026-002", (DocumentHash("x.docx", "cd" * 32),), venture=VENTURES[1]),
        RecordResult("reg.xlsx:7", "failed", problems=("reg.xlsx:7: stage: 'done' is not allowed",
                                                       "reg.xlsx:7: venture.country: 'XX' is not a country")),
    ])
    text = text_of(batch_report_docx(result))
    assert "DC-2026-001_memorandum_uk.docx" in text and "ab" * 32 in text
    assert "in/b.yaml" in text and "x.docx" not in text  # skipped: listed, its files were not made now
    assert "reg.xlsx:7: stage: 'done' is not allowed" in text
    assert "reg.xlsx:7: venture.country: 'XX' is not a country" in text
    assert "Записів у пакеті: 3." in text and "Records that failed: 1." in text
    assert batch_report_docx(result) == batch_report_docx(result)


def test_sections_without_rows_say_so() -> None:
    text = text_of(batch_report_docx(BatchResult(Path("out"))))
    assert text.count("Немає.") == 3 and text.count("None.") == 3


# --- wording and templates ------------------------------------------------------------------------


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_report_templates_hold_layout_only_no_wording(key: str) -> None:
    with zipfile.ZipFile(templates_dir() / TEMPLATES[key]) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    texts = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    assert _JINJA.sub("", texts).replace("/", "").strip() == ""


def test_report_wording_is_translated_with_ukrainian_typography() -> None:
    with (locales_dir() / "uk" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="uk")
    messages = [m for m in catalog if m.id and str(m.context).startswith("report|")]
    assert {str(m.context) for m in messages} == {"report|batch", "report|portfolio"}
    assert len(messages) > 40
    for m in messages:
        assert m.string and not m.fuzzy, m.id
        assert "'" not in m.string and '"' not in m.string, m.string  # ’ and « » only

"""Builds the layout-only Word templates of the batch reports in templates/reports/.

* ``batch-report.docx`` (A4 portrait): what a batch made, skipped and could not make.
* ``portfolio-register.docx`` (A4 landscape): every venture in one bilingual table, totals by
  placement, stage and country, and a chart (a picture whose bytes dcity-docs replaces at render
  time; its size in the template is the size of the chart).

Like tools/build_templates.py: styles, tables and Jinja structure only, never wording (every text
comes from the catalogs through dcity_docs/reports.py). A legal officer may restyle the templates
in Word or LibreOffice; this script makes their first version and can reset them.

    python tools/build_report_templates.py
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_templates as bt  # noqa: E402  (same folder: shared styles and helpers)
from dcity_docs.language.langs import LANG_TAGS  # noqa: E402  (build_templates put the repository on the path)

ROOT = bt.ROOT
MONO = "Liberation Mono"
CHART_NAME = "dcity-chart"  # dcity_docs/reports.py finds the chart picture by this name
CHART_CM = (25.0, 8.4)


# --- styles ---------------------------------------------------------------------------------------


def _report_styles(doc) -> None:
    bt._styles(doc)
    styles = doc.styles

    def derived(name: str, base: str, *, italic=None, bold=None, size=None, font=None, align=None,
                after=None, keep=False):
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles[base]
        if italic is not None:
            st.font.italic = italic
        if bold is not None:
            st.font.bold = bold
        if size is not None:
            st.font.size = Pt(size)
        if font is not None:
            bt._plain_style(st)
            fonts = st.element.get_or_add_rPr().find(qn("w:rFonts"))
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attr), font)
        if align is not None:
            st.paragraph_format.alignment = align
        if after is not None:
            st.paragraph_format.space_after = Pt(after)
        if keep:
            st.paragraph_format.keep_with_next = True
        return st

    derived("DC Title En", "Title", italic=True, after=2)
    derived("DC Subtitle En", "Subtitle", italic=True)
    derived("DC Body En", "Body Text", italic=True, after=6)
    derived("DC Body Uk", "Body Text", after=0, keep=True)
    derived("DC Table En", "DC Table", italic=True)
    derived("DC Table Head En", "DC Table Head", italic=True)
    derived("DC Hash", "DC Table", size=7, font=MONO)
    derived("DC Chart", "Normal", align=WD_ALIGN_PARAGRAPH.CENTER, after=2, keep=True)
    derived("DC Caption", "DC Table", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    # The title's two languages stay together on the page.
    styles["Title"].paragraph_format.keep_with_next = True


def _page(doc, landscape: bool) -> None:
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(1.5)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.header_distance = section.footer_distance = Cm(0.9)


def _footer(doc) -> None:
    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    fp = footer.paragraphs[0]
    fp.style = doc.styles["DC Footer"]
    run = fp.add_run("{{ footer.ref }}")
    bt._lang_run(run, LANG_TAGS["uk"])
    bt._page_paragraph(footer, "uk", LANG_TAGS["uk"])
    bt._page_paragraph(footer, "en", LANG_TAGS["en"])


# --- building blocks ------------------------------------------------------------------------------


def _both(container, expr: str, style: str, en_style: str) -> None:
    """``expr.uk`` then, where it differs, ``expr.en`` underneath, each tagged with its language."""
    bt._para(container, "{{ %s.uk }}" % expr, style, LANG_TAGS["uk"])
    bt._tag(container, "{%%p if %s.en %%}" % expr)
    bt._para(container, "{{ %s.en }}" % expr, en_style, LANG_TAGS["en"])
    bt._tag(container, "{%p endif %}")


def _lines(cell, expr: str, style: str, en_style: str) -> None:
    """A table cell holding a list of lines, each ``{uk, en}`` (``en`` empty: one line only)."""
    bt._tag(cell, "{%%p for l in %s %%}" % expr)
    _both(cell, "l", style, en_style)
    bt._tag(cell, "{%p endfor %}")


def _heading(doc, expr: str) -> None:
    """One heading paragraph, «Українською / In English» (one bookmark per heading in the PDF)."""
    p = doc.add_paragraph(style="Heading 1")
    bt._lang_run(p.add_run("{{ %s.uk }}" % expr), LANG_TAGS["uk"])
    p.add_run("{%% if %s.en %%} / {%% endif %%}" % expr)
    bt._lang_run(p.add_run("{{ %s.en }}" % expr), LANG_TAGS["en"])


def _paras(doc, expr: str) -> None:
    bt._tag(doc, "{%%p for p in %s %%}" % expr)
    _both(doc, "p", "DC Body Uk", "DC Body En")
    bt._tag(doc, "{%p endfor %}")


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def _table(doc, expr: str, widths: list[float], *, styles: list[str] | None = None, foot: bool = False) -> None:
    """``expr.head`` (list of cells), one row per ``expr.rows[i].cells``, optionally ``expr.foot``.

    Every cell is a list of lines (see :func:`_lines`); ``styles`` names the body style per column.
    """
    ncols = len(widths)
    styles = styles or ["DC Table"] * ncols
    layout = ["head", "for", "row", "endfor"] + (["foot"] if foot else [])
    table = doc.add_table(rows=len(layout), cols=ncols)
    bt._grid_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r_index, what in enumerate(layout):
        row = table.rows[r_index]
        for col in range(ncols):
            cell = bt._clear(row.cells[col])
            if what == "head":
                _lines(cell, "%s.head[%d]" % (expr, col), "DC Table Head", "DC Table Head En")
            elif what == "foot":
                _lines(cell, "%s.foot[%d]" % (expr, col), "DC Table Head", "DC Table Head En")
            elif what == "row":
                en = "DC Table En" if styles[col] == "DC Table" else styles[col]
                _lines(cell, "r.cells[%d]" % col, styles[col], en)
    bt._para(bt._clear(table.rows[1].cells[0]), "{%%tr for r in %s.rows %%}" % expr)
    bt._para(bt._clear(table.rows[3].cells[0]), "{%tr endfor %}")
    _repeat_header(table.rows[0])
    bt._widths(table, widths)


def _section(doc, expr: str, widths: list[float], **table_options) -> None:
    """Heading, notes, then the table, or the ``empty`` text where there are no rows."""
    _heading(doc, "%s.heading" % expr)
    _paras(doc, "%s.notes" % expr)
    bt._tag(doc, "{%%p if %s.rows %%}" % expr)
    _table(doc, expr, widths, **table_options)
    bt._tag(doc, "{%p else %}")
    _both(doc, "%s.empty" % expr, "Body Text", "DC Body En")
    bt._tag(doc, "{%p endif %}")


def _title(doc) -> None:
    bt._para(doc, "{{ title.uk }}", "Title", LANG_TAGS["uk"])
    bt._para(doc, "{{ title.en }}", "DC Title En", LANG_TAGS["en"])
    bt._para(doc, "{{ subtitle.uk }}", "Subtitle", LANG_TAGS["uk"]).paragraph_format.space_after = Pt(0)
    bt._para(doc, "{{ subtitle.en }}", "DC Subtitle En", LANG_TAGS["en"])


def _placeholder_png(width: int = 300, height: int = 100) -> bytes:
    """A plain white PNG of the chart's shape; replaced by the real chart at render time."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff" * (width * 3) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def _chart(doc) -> None:
    p = doc.add_paragraph(style="DC Chart")
    run = p.add_run()
    run.add_picture(io.BytesIO(_placeholder_png()), width=Cm(CHART_CM[0]), height=Cm(CHART_CM[1]))
    doc_pr = p._p.find(".//" + qn("wp:docPr"))
    doc_pr.set("name", CHART_NAME)
    doc_pr.set("descr", "{{ chart.alt }}")
    _both(doc, "chart.caption", "DC Caption", "DC Caption")


# --- the two templates ----------------------------------------------------------------------------


def _new(landscape: bool):
    doc = Document()
    _page(doc, landscape)
    _report_styles(doc)
    bt._hyphenation(doc)
    _footer(doc)
    return doc


def build_batch_report() -> bytes:
    doc = _new(landscape=False)
    _title(doc)
    _paras(doc, "intro")
    # Usable width 17 cm.
    _section(doc, "made", [2.9, 6.1, 8.0], styles=["DC Table", "DC Table", "DC Hash"])
    _section(doc, "skipped", [2.9, 10.6, 3.5])
    _section(doc, "failed", [4.6, 12.4])
    doc.core_properties.title = "Batch report"
    return _save(doc)


def build_portfolio_register() -> bytes:
    doc = _new(landscape=True)
    _title(doc)
    _paras(doc, "intro")
    # Usable width 26.7 cm.
    _section(doc, "ventures", [1.0, 3.0, 5.1, 2.9, 2.9, 3.1, 4.6, 4.1], foot=True)
    bt._tag(doc, "{%p for t in totals %}")
    _section(doc, "t", [9.0, 4.0, 8.0], foot=True)
    bt._tag(doc, "{%p endfor %}")
    _heading(doc, "chart.heading")
    _chart(doc)
    doc.core_properties.title = "Portfolio register"
    return _save(doc)


def _save(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return bt._fix_cells(out.getvalue())


TEMPLATES = {
    "batch-report": build_batch_report,
    "portfolio-register": build_portfolio_register,
}


def main() -> int:
    target = ROOT / "templates" / "reports"
    target.mkdir(parents=True, exist_ok=True)
    for key, build in TEMPLATES.items():
        (target / f"{key}.docx").write_bytes(build())
        print(target / f"{key}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())

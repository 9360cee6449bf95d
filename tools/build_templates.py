"""Builds the layout-only Word templates in templates/agreements/ (run after changing the layout).

The committed .docx files are the source a legal officer restyles in Word or LibreOffice; this
script only produced their first version and can reset them. They hold styles and Jinja
placeholders for the structure (parts, blocks, tables), never wording: the wording comes from the
gettext catalogs at render time.

    python tools/build_templates.py
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from dcity_docs.documents.registry import BY_KEY, ENTRIES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dcity_docs.language.langs import LANG_TAGS  # noqa: E402  (the run language tags the documents use)

FONT = "Liberation Serif"  # metric-compatible with Times New Roman, full Cyrillic

DOCUMENTS = {entry.key: entry.template_title for entry in ENTRIES}


def _lang_run(run, lang: str) -> None:
    rpr = run._r.get_or_add_rPr()
    el = OxmlElement("w:lang")
    el.set(qn("w:val"), lang)
    rpr.append(el)


def _para(container, text: str, style: str | None = None, lang: str | None = None, bold=False):
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if lang:
            _lang_run(run, lang)
    return p


def _tag(container, text: str):
    """A paragraph holding only a Jinja block tag ({%p ... %} removes the paragraph itself)."""
    return container.add_paragraph(text)


def _styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.08

    def para_style(name, base="Normal", size=None, bold=None, align=None, before=None, after=None,
                   keep=False, indent=None, first=None, caps=False, italic=None):
        try:
            st = styles[name]
        except KeyError:
            st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles[base]
        _plain_style(st)
        f = st.font
        f.name = FONT
        if size:
            f.size = Pt(size)
        if bold is not None:
            f.bold = bold
        if italic is not None:
            f.italic = italic
        f.all_caps = caps or None
        f.color.rgb = RGBColor(0, 0, 0)
        pf = st.paragraph_format
        if align is not None:
            pf.alignment = align
        if before is not None:
            pf.space_before = Pt(before)
        if after is not None:
            pf.space_after = Pt(after)
        if keep:
            pf.keep_with_next = True
        if indent is not None:
            pf.left_indent = Cm(indent)
        if first is not None:
            pf.first_line_indent = Cm(first)
        return st

    para_style("Title", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=6)
    para_style("Subtitle", size=11, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    para_style("Heading 1", size=11, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=10, after=4, keep=True)
    para_style("Body Text", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=4)
    para_style("DC Clause", base="Body Text", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=4)
    para_style("DC Place Date", align=WD_ALIGN_PARAGRAPH.LEFT, after=12)
    para_style("DC Details", align=WD_ALIGN_PARAGRAPH.LEFT, after=1, indent=0.5)
    para_style("DC After Table", size=4, after=6)
    para_style("DC Table", size=9.5, align=WD_ALIGN_PARAGRAPH.LEFT, after=2)
    para_style("DC Table Head", base="DC Table", bold=True)
    # Signature blocks keep together with each other (and, through the last clause's own keep,
    # with the text before them): no page holds only signatures.
    para_style("DC Signature", size=10.5, align=WD_ALIGN_PARAGRAPH.LEFT, after=2, keep=True)
    para_style("DC Signature Party", base="DC Signature", bold=True)
    para_style("DC Marking", size=10, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, after=0)
    para_style("DC Footer", size=8.5, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    for name in ("Title", "Subtitle", "Heading 1", "DC Signature", "DC Table", "DC Marking", "DC Footer"):
        ppr = styles[name].element.get_or_add_pPr()
        ppr.insert_element_before(OxmlElement("w:suppressAutoHyphens"), *_PPR_AFTER_HYPHENS)
    # Headings carry an outline level so Word's navigation pane and PDF bookmarks find them.
    h1 = styles["Heading 1"].element.get_or_add_pPr()
    for old in h1.findall(qn("w:outlineLvl")):
        h1.remove(old)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "0")
    h1.insert_element_before(outline, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


# Word refuses elements out of schema order, so each insertion names what must follow it.
_PPR_AFTER_HYPHENS = (
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)


_PPR_AFTER_KEEP_NEXT = ("w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
                        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
                        *_PPR_AFTER_HYPHENS)


def _plain_style(style) -> None:
    """Drop python-docx defaults that fight a legal layout: theme fonts, borders, letter spacing."""
    el = style.element
    for ppr in el.findall(qn("w:pPr")):
        for child in ppr.findall(qn("w:pBdr")):
            ppr.remove(child)
    rpr = el.get_or_add_rPr()
    for tag in ("w:rFonts", "w:spacing", "w:color", "w:kern"):
        for child in rpr.findall(qn(tag)):
            rpr.remove(child)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    rpr.insert(0, fonts)


def _no_split(table) -> None:
    """A signature block never breaks across pages."""
    for row in table.rows:
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))


def _hyphenation(doc) -> None:
    """No automatic hyphenation: the installed patterns differ between machines and split words
    against the orthography («значе-ння», "De-fence"). Words break only at the soft hyphens the
    drafting puts in running text (dcity_docs.language.hyphenation); none in capitals either."""
    settings = doc.settings.element
    auto = OxmlElement("w:autoHyphenation")
    auto.set(qn("w:val"), "false")
    caps = OxmlElement("w:doNotHyphenateCaps")
    anchor = settings.find(qn("w:defaultTabStop"))
    if anchor is not None:
        anchor.addnext(auto)
    else:
        settings.insert(0, auto)
    auto.addnext(caps)  # schema order: autoHyphenation, consecutiveHyphenLimit, hyphenationZone, doNotHyphenateCaps


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")


def _grid_borders(table) -> None:
    table.style = table.part.document.styles["Table Grid"]


def _cell_margins(table, left_right_cm: float) -> None:
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(left_right_cm * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tbl_pr.insert_element_before(mar, "w:tblLook")


def _widths(table, widths_cm: list[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(width * 567)))


def _clear(cell):
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


#: Stands in a paragraph's properties for ``{% if b.keep %}<w:keepNext/>{% endif %}`` until
#: :func:`_fix_cells` writes the Jinja in (python-docx cannot hold a tag inside ``w:pPr``).
_KEEP_MARK = "DC-KEEP-WITH-NEXT"


def _keep_if_marked(p) -> None:
    """The block's paragraph keeps with the next one when the draft says so (``b.keep``: the last
    blocks before the signatures, so that no page holds only signature blocks)."""
    ppr = p._p.get_or_add_pPr()
    mark = OxmlElement("w:keepNext")
    mark.set(qn("w:val"), _KEEP_MARK)
    ppr.insert_element_before(mark, *_PPR_AFTER_KEEP_NEXT)


def _block_paragraphs(cell, field: str, lang: str) -> None:
    """Paragraphs for one block, one styled variant per kind (title, heading, clause, ...)."""
    _tag(cell, "{%p if b.kind == 'title' %}")
    _para(cell, "{{ b.%s }}" % field, "Title", lang)
    _tag(cell, "{%p elif b.kind == 'subtitle' %}")
    _para(cell, "{{ b.%s }}" % field, "Subtitle", lang)
    _tag(cell, "{%p elif b.kind == 'place_date' %}")
    _para(cell, "{{ b.%s }}" % field, "DC Place Date", lang)
    _tag(cell, "{%p elif b.kind == 'heading' %}")
    _para(cell, "{{ b.num }} {{ b.%s }}" % field, "Heading 1", lang)
    _tag(cell, "{%p elif b.kind == 'detail' %}")
    _keep_if_marked(_para(cell, "{{ b.%s }}" % field, "DC Details", lang))
    _tag(cell, "{%p elif b.kind == 'clause' %}")
    _keep_if_marked(_para(cell, "{{ b.num }} {{ b.%s }}" % field, "DC Clause", lang))
    _tag(cell, "{%p else %}")
    _keep_if_marked(_para(cell, "{{ b.%s }}" % field, "Body Text", lang))
    _tag(cell, "{%p endif %}")


def _table_part(doc, fields: list[str], langs: list[str]) -> None:
    """The shares and contributions table: head row, one row per shareholder, total row."""
    ncols = 4
    table = doc.add_table(rows=5, cols=ncols)
    _grid_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = table.rows
    for col in range(ncols):
        for r_index, (row_expr, style) in enumerate(
            [("part.head", "DC Table Head"), (None, None), ("r.cells", "DC Table"), (None, None),
             ("part.foot", "DC Table Head")]
        ):
            cell = _clear(rows[r_index].cells[col])
            if row_expr is None:
                continue
            for field, lang in zip(fields, langs):
                suffix = f".{field}" if field else ""
                _para(cell, "{{ %s[%d]%s }}" % (row_expr, col, suffix), style, lang)
    _para(_clear(rows[1].cells[0]), "{%tr for r in part.rows %}")
    _para(_clear(rows[3].cells[0]), "{%tr endfor %}")
    _widths(table, [5.2, 2.0, 4.2, 5.6])
    _para(doc, "", "DC After Table")  # breathing space before the next clause


def _signature_part(doc, fields: list[str], langs: list[str]) -> None:
    """One block per signatory, never split across pages. Bilingual: the labels in both languages
    side by side and under them one signature line across both columns («______ Рустем УМЄРОВ /
    Rustem Umerov»), so that one signature executes both texts."""
    if len(fields) > 1:
        table = doc.add_table(rows=4, cols=2)
        _no_borders(table)
        _no_split(table)
        _para(_clear(table.rows[0].cells[0]), "{%tr for s in part.signatories %}")
        _para(_clear(table.rows[3].cells[0]), "{%tr endfor %}")
        for cell, field, lang in zip(table.rows[1].cells, fields, langs):
            _clear(cell)
            for expr, style in (("s.party", "DC Signature Party"), ("s.entity", "DC Signature"),
                                ("s.position", "DC Signature")):
                _para(cell, "{{ %s.%s }}" % (expr, field), style, lang)
            _para(cell, "", "DC Signature")
        _widths(table, [8.5, 8.5])
        joint = table.rows[2].cells[0].merge(table.rows[2].cells[1])
        _clear(joint)
        _para(joint, "{{ s.line.both }}", "DC Signature", langs[0])
        _para(joint, "{{ s.seal.uk }}", "DC Signature", langs[0])
        return
    table = doc.add_table(rows=3, cols=2)
    _no_borders(table)
    _no_split(table)
    _para(_clear(table.rows[0].cells[0]), "{%tr for s in part.signatories %}")
    _para(_clear(table.rows[2].cells[0]), "{%tr endfor %}")
    left, right = table.rows[1].cells
    _clear(left)
    _clear(right)
    lang = langs[0]
    _para(left, "{{ s.party }}", "DC Signature Party", lang)
    _para(left, "{{ s.entity }}", "DC Signature", lang)
    _para(left, "{{ s.position }}", "DC Signature", lang)
    _para(right, "", "DC Signature")
    _para(right, "{{ s.line }}", "DC Signature", lang)
    _para(right, "{{ s.seal }}", "DC Signature", lang)
    _widths(table, [8.5, 8.5])


def _field_run(paragraph, instr: str, lang: str | None) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def _page_paragraph(container, prefix: str, lang_expr: str):
    p = container.add_paragraph(style="DC Footer")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = p.add_run("{{ footer.%s_page }} " % prefix)
    _lang_run(run, lang_expr)
    _field_run(p, "PAGE", None)
    run2 = p.add_run(" {{ footer.%s_of }} " % prefix)
    _lang_run(run2, lang_expr)
    _field_run(p, "NUMPAGES", None)
    return p


def _header_footer(doc) -> None:
    section = doc.sections[0]
    header = section.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    hp.style = doc.styles["DC Marking"]
    run = hp.add_run("{{ header.marking }}")
    _lang_run(run, "{{ doc.lang_tag }}")
    p2 = _para(header, "{{ header.draft }}", "DC Marking", "{{ doc.lang_tag }}")
    p2.runs[0].font.color.rgb = RGBColor(0xA0, 0x10, 0x10)

    footer = section.footer
    footer.is_linked_to_previous = False
    fp = footer.paragraphs[0]
    fp.style = doc.styles["DC Footer"]
    run = fp.add_run("{{ footer.ref }}")
    _lang_run(run, "{{ doc.lang_tag }}")
    _tag(footer, "{%p if bilingual %}")
    _page_paragraph(footer, "uk", LANG_TAGS["uk"])
    _page_paragraph(footer, "en", LANG_TAGS["en"])
    _tag(footer, "{%p else %}")
    _page_paragraph(footer, "one", "{{ doc.lang_tag }}")
    _tag(footer, "{%p endif %}")


def build(doc_key: str) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = Cm(2.5)
    section.right_margin = Cm(1.5)
    section.top_margin = Cm(2.0)
    section.bottom_margin = Cm(2.0)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)
    _styles(doc)
    _hyphenation(doc)
    _header_footer(doc)

    body = doc
    # python-docx starts with one empty paragraph; reuse it for the first tag.
    first = body.paragraphs[0] if body.paragraphs else body.add_paragraph()
    first.add_run("{%p if not bilingual %}")

    # --- one language --------------------------------------------------------------------
    _tag(body, "{%p for part in parts %}")
    _tag(body, "{%p if part.kind == 'text' %}")
    _tag(body, "{%p for b in part.blocks %}")
    _block_paragraphs(body, "text", "{{ doc.lang_tag }}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p elif part.kind == 'table' %}")
    _table_part(body, [""], ["{{ doc.lang_tag }}"])
    _tag(body, "{%p elif part.kind == 'signatures' %}")
    _signature_part(body, [""], ["{{ doc.lang_tag }}"])
    _tag(body, "{%p endif %}")
    _tag(body, "{%p endfor %}")

    # --- bilingual: Ukrainian left, English right, one row per block ----------------------
    _tag(body, "{%p else %}")
    _tag(body, "{%p for part in parts %}")
    _tag(body, "{%p if part.kind == 'text' %}")
    table = body.add_table(rows=3, cols=2)
    _no_borders(table)
    _cell_margins(table, 0.25)
    _para(_clear(table.rows[0].cells[0]), "{%tr for b in part.blocks %}")
    _para(_clear(table.rows[2].cells[0]), "{%tr endfor %}")
    _block_paragraphs(_clear(table.rows[1].cells[0]), "uk", LANG_TAGS["uk"])
    _block_paragraphs(_clear(table.rows[1].cells[1]), "en", LANG_TAGS["en"])
    _widths(table, [8.5, 8.5])
    _tag(body, "{%p elif part.kind == 'table' %}")
    _table_part(body, ["uk", "en"], [LANG_TAGS["uk"], LANG_TAGS["en"]])
    _tag(body, "{%p elif part.kind == 'signatures' %}")
    _signature_part(body, ["uk", "en"], [LANG_TAGS["uk"], LANG_TAGS["en"]])
    _tag(body, "{%p endif %}")
    _tag(body, "{%p endfor %}")
    _tag(body, "{%p endif %}")

    doc.core_properties.title = DOCUMENTS[doc_key]
    out = io.BytesIO()
    doc.save(out)
    return _fix_cells(out.getvalue())


def _fix_cells(data: bytes) -> bytes:
    """Every table cell needs at least one paragraph; python-docx leaves the ones we emptied bare."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "word/document.xml":
                blob = blob.replace(b"<w:tcPr/></w:tc>", b"<w:tcPr/><w:p/></w:tc>")
                import re

                blob = re.sub(rb"(<w:tcPr>(?:(?!</w:tcPr>).)*</w:tcPr>)</w:tc>", rb"\1<w:p/></w:tc>", blob)
                blob = re.sub(rb'<w:keepNext w:val="%s"/>' % _KEEP_MARK.encode(),
                              b"{% if b.keep %}<w:keepNext/>{% endif %}", blob)
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, blob)
    return out.getvalue()


def main() -> int:
    for key in DOCUMENTS:
        target = ROOT / "templates" / BY_KEY[key].template
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(build(key))
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Pages a lawyer accepts: one signature block per party under both texts, kept with the last
clause; no line break inside an identifier, a date or an amount; the stage marks. Read back from
the fixtures' packs (DOCX with python-docx, PDF with poppler's pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from conftest import FIXTURE_DIR
from dcity_docs.cli import cli
from dcity_docs.documents.registry import applicable, file_name
from dcity_docs.draft.base import SignaturePart
from dcity_docs.language.dates import format_date
from dcity_docs.language.hyphenation import points
from dcity_docs.language.money import format_iban, format_money
from dcity_docs.language.typography import NB_HYPHEN, NBSP, unbreakable
from dcity_docs.output.documents import draft_document, hyphenation_rules
from dcity_docs.record.loading import load_record
from dcity_docs.wording.catalogs import catalogs_for
from orthography import orthography_allows
from readback import STAGE_MARKS, stage_marks

pytestmark = pytest.mark.libreoffice

if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
    pytest.skip("LibreOffice is not installed", allow_module_level=True)

STEMS = ["DC-2026-014", "DC-2026-021", "DC-2026-030"]
RULE = "_" * 8


@pytest.fixture(scope="module")
def packs(fixture_packs: Path) -> Path:
    return fixture_packs  # the fixtures' packs, made once a run (conftest)


def _signed_documents(stem: str) -> list[str]:
    record = load_record(FIXTURE_DIR / f"{stem}.yaml")
    return [key for key in applicable(record)
            if any(isinstance(p, SignaturePart) for p in draft_document(record, key).parts)]


CASES = [(stem, key) for stem in STEMS for key in _signed_documents(stem)]


def _file(packs: Path, stem: str, key: str, mode: str, suffix: str) -> Path:
    """A document's file in the pack: of a numbered annex, copy No. 1 (the others differ in its number)."""
    record = load_record(FIXTURE_DIR / f"{stem}.yaml")
    return packs / record.id / file_name(record, key, mode, suffix, draft_document(record, key).copy)


def _signature_table(path: Path):
    doc = Document(str(path))
    tables = [t for t in doc.tables if RULE in "\n".join(c.text for r in t.rows for c in r.cells)]
    assert len(tables) == 1, f"{path.name}: {len(tables)} tables of signature blocks"
    return doc, tables[0]


def _has_keep_next(p: Paragraph) -> bool:
    """Keep-with-next set on the paragraph itself or through its style (and the style's bases)."""
    ppr = p._p.pPr
    if ppr is not None and ppr.find(qn("w:keepNext")) is not None:
        return ppr.find(qn("w:keepNext")).get(qn("w:val"), "true") not in ("0", "false")
    style = p.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
        style = style.base_style
    return False


def _direct_keep_next(p: Paragraph) -> bool:
    ppr = p._p.pPr
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


@pytest.mark.parametrize("stem,key", CASES)
def test_bilingual_block_is_one_line_under_both_texts(packs: Path, stem: str, key: str) -> None:
    record = load_record(FIXTURE_DIR / f"{stem}.yaml")
    draft = draft_document(record, key)
    items = next(p for p in draft.parts if isinstance(p, SignaturePart)).items
    _, table = _signature_table(_file(packs, stem, key, "bilingual", "docx"))
    assert len(table._tbl.tblGrid.findall(qn("w:gridCol"))) == 2
    rows = table.rows
    line_rows = [i for i, row in enumerate(rows) if RULE in row.cells[0].text]
    assert len(line_rows) == len(items)  # one signature line per party, not one per column
    for index, item in zip(line_rows, items):
        tc = rows[index]._tr.tc_lst
        assert len(tc) == 1 and tc[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
        line = rows[index].cells[0].paragraphs[0].text
        assert len(re.findall(r"_{8,}", rows[index].cells[0].text)) == 1
        # both names after the one rule: «______ Рустем УМЄРОВ / Rustem Umerov»
        assert line.startswith(item.line.uk) and line.endswith(item.line.en.lstrip("_ "))
        labels = rows[index - 1]._tr.tc_lst
        assert len(labels) == 2  # the labels in both languages side by side, above the one line
        uk, en = (Paragraph(p, None).text for p in (labels[0].findall(qn("w:p"))[0], labels[1].findall(qn("w:p"))[0]))
        assert (uk, en) == (item.party.uk, item.party.en)


@pytest.mark.parametrize("mode", ["uk", "en", "bilingual"])
@pytest.mark.parametrize("stem,key", CASES)
def test_blocks_keep_together_and_with_the_last_clause(packs: Path, stem: str, key: str, mode: str) -> None:
    record = load_record(FIXTURE_DIR / f"{stem}.yaml")
    doc, table = _signature_table(_file(packs, stem, key, mode, "docx"))
    for row in table.rows:
        trpr = row._tr.trPr
        assert trpr is not None and trpr.find(qn("w:cantSplit")) is not None  # no block split across pages
    signature_paragraphs = [Paragraph(p, doc) for p in table._tbl.iter(qn("w:p"))]
    assert all(_has_keep_next(p) for p in signature_paragraphs if p.text)
    body = list(doc.element.body.iter(qn("w:p")))
    first = body.index(next(table._tbl.iter(qn("w:p"))))
    before = [Paragraph(p, doc) for p in body[:first] if Paragraph(p, doc).text.strip()]
    # the heading of the signatures keeps with them, and so does the last clause before it
    tail = []
    for p in reversed(before):
        tail.append(p)
        if p.style.name != "Heading 1":
            break
    assert tail[-1].style.name != "Heading 1"
    assert all(_has_keep_next(p) for p in tail)
    assert _direct_keep_next(tail[-1])
    # ... and only they: a clause further up runs on freely
    assert not any(_direct_keep_next(p) for p in before[:-len(tail) - 2])


@pytest.mark.parametrize("mode", ["uk", "en", "bilingual"])
@pytest.mark.parametrize("stem,key", CASES)
def test_no_page_holds_only_signatures(packs: Path, stem: str, key: str, mode: str) -> None:
    record = load_record(FIXTURE_DIR / f"{stem}.yaml")
    draft = draft_document(record, key)
    part_index = next(i for i, p in enumerate(draft.parts) if isinstance(p, SignaturePart))
    last = [b for b in draft.parts[part_index - 1].blocks if b.kind != "heading"][-1]
    lang = "uk" if mode == "bilingual" else mode
    words = re.sub(r"\s+", " ", last.text[lang].replace(NBSP, " ")).split(" ")[-2:]
    pdf = _file(packs, stem, key, mode, "pdf")
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    with_signatures = [i for i, page in enumerate(pages) if RULE in page]
    assert len(with_signatures) == 1, f"signature blocks spread over pages {with_signatures}"
    # spaces do not count: a word hyphenated at a line end reads «pre vail.» in the text layer
    page = re.sub(r"[\s\u00ad-]+", "", pages[with_signatures[0]])
    assert re.sub(r"[\s\u00ad-]+", "", "".join(words)) in page  # the last clause stands on the page of the signatures


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def _pdftotext(path: Path, *extra: str) -> str:
    return subprocess.run(["pdftotext", *extra, "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.mark.parametrize("mode", ["uk", "en", "bilingual"])
@pytest.mark.parametrize("stem", STEMS)
def test_identifiers_never_break(packs: Path, stem: str, mode: str) -> None:
    record = load_record(FIXTURE_DIR / f"{stem}.yaml")
    docx = packs / record.id / f"{record.id}_jv-agreement_{mode}.docx"
    xml = _document_xml(docx)
    number = record.agreement_no
    first, *rest = number.split("-")
    # the agreement number's hyphens are Word's no-break hyphens, never a plain «-» in the text
    assert re.search(rf"<w:t[^>]*>[^<]*{re.escape(number)}", xml) is None
    assert re.search(rf"{first}</w:t><w:noBreakHyphen/><w:t[^>]*>{rest[0]}", xml)
    text = "\n".join(Paragraph(p, None).text for p in Document(str(docx)).element.body.iter(qn("w:p")))
    for holder in record.shareholders:
        if holder.bank is not None:
            assert format_iban(holder.bank.iban).replace(" ", NBSP) in text
    langs = ["uk", "en"] if mode == "bilingual" else [mode]
    for lang in langs:  # «15 жовтня 2026 р.», "15 October 2026": one unit
        assert format_date(record.dates.agreement, lang).replace(" ", NBSP) in text
    if "en" in langs:  # "EUR 12,500,000.00" stays on one line
        amount = format_money(record.venture.capital.amount, record.venture.capital.currency, "en")
        assert amount.split(" (")[0].replace(" ", NBSP) in text
    pdf = packs / record.id / f"{record.id}_jv-agreement_{mode}.pdf"
    plain = _pdftotext(pdf)
    assert number in plain and NB_HYPHEN not in plain  # a text search of the PDF finds the plain id
    lines = [" ".join(line.replace(NBSP, " ").split()) for line in plain.splitlines()]
    for holder in record.shareholders:
        if holder.bank is not None:  # the whole IBAN on one line (its last digit no longer wraps)
            assert any(format_iban(holder.bank.iban) in line for line in lines), format_iban(holder.bank.iban)


def test_unbreakable_joins_what_must_stay_on_one_line() -> None:
    assert unbreakable("IBAN: UA22 3052 9900 0002 6001 2345 6789 0,") == (
        f"IBAN: UA22{NBSP}3052{NBSP}9900{NBSP}0002{NBSP}6001{NBSP}2345{NBSP}6789{NBSP}0,")
    assert unbreakable("від 15 жовтня 2026 р. № 220/1/15") == f"від 15{NBSP}жовтня{NBSP}2026 р. №{NBSP}220/1/15"
    assert unbreakable("EUR 12,500,000.00 (twelve million euros)") == f"EUR{NBSP}12,500,000.00 (twelve million euros)"
    assert unbreakable("(дванадцять) євро 00 центів") == f"(дванадцять) євро{NBSP}00{NBSP}центів"
    assert unbreakable("No. DC-2026-014 of I. Kovalenko") == (
        f"No.{NBSP}DC{NB_HYPHEN}2026{NB_HYPHEN}014 of I.{NBSP}Kovalenko")
    # ordinary words keep their hyphens and spaces: only codes and particulars are joined
    assert unbreakable("a joint-venture in 10 days") == "a joint-venture in 10 days"


@pytest.mark.parametrize("stem", STEMS)
def test_pages_carry_the_mark_of_the_stage(packs: Path, stem: str) -> None:
    record = load_record(FIXTURE_DIR / f"{stem}.yaml")
    for mode in ("uk", "en", "bilingual"):
        pdf = packs / record.id / f"{record.id}_jv-agreement_{mode}.pdf"
        for page in _pdftotext(pdf).split("\f")[:-1]:
            assert stage_marks(page) == STAGE_MARKS[record.stage], (mode, record.stage)


_HYPHENS = "-\u00ad\u2010"
_EDGE = "()[]«»„“”\"‘’,.;:!?…"


def _pdf_lines(pdf: Path) -> list[list[list[str]]]:
    """The words of each line of each text block of the PDF (poppler's ``-bbox-layout``)."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"], check=True,
                           capture_output=True).stdout
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    root = etree.fromstring(xhtml)
    return [[[w.text or "" for w in line.iterfind("h:word", ns)] for line in block.iterfind("h:line", ns)]
            for block in root.iterfind(".//h:block", ns)]


@pytest.mark.parametrize("mode", ["uk", "en", "bilingual"])
def test_lines_break_inside_a_word_only_where_our_rules_allow(packs: Path, mode: str) -> None:
    """LibreOffice, with automatic hyphenation off, breaks a word only at our soft hyphens: every
    line that ends in a hyphen inside a word ends at one of them, in a lower-case word, at a point
    the orthography allows; or at a hyphen the word itself has («будь-яких»)."""
    record = load_record(FIXTURE_DIR / "DC-2026-014.yaml")
    docx = packs / record.id / f"{record.id}_jv-agreement_{mode}.docx"
    text = "\n".join(Paragraph(p, None).text for p in Document(str(docx)).element.body.iter(qn("w:p")))
    words = set(re.findall(r"[\w’'-]+", text))
    rules = hyphenation_rules(record, catalogs_for())
    names = [record.ministry.name.uk, record.venture.name.uk, *(h.name.uk for h in record.shareholders)]
    taken = 0
    for block in _pdf_lines(packs / record.id / f"{record.id}_jv-agreement_{mode}.pdf"):
        for line, after in zip(block, block[1:]):
            if not line or not after or line[-1][-1:] not in _HYPHENS or len(line[-1]) < 2:
                continue
            left, right = line[-1][:-1].lstrip(_EDGE), after[0].rstrip(_EDGE)
            if f"{left}-{right}" in words:
                continue  # the word's own hyphen
            word = left + right
            assert word in words, f"{mode}: «{left}-» / «{right}» is no word of the document"
            lang = "uk" if re.search("[а-яіїєґ]", word) else "en"
            assert word == word.lower() or (lang == "uk" and points(word, lang, rules)), \
                f"{mode}: a capitalised word (not a defined term) breaks: {left}-{right}"
            assert not any(word.lower() in name.lower().split() for name in names), f"{mode}: a name breaks: {word}"
            assert len(left) in points(word, lang, rules), f"{mode}: {left}-{right} is not one of our points"
            if lang == "uk":
                assert orthography_allows(word, len(left)), f"{mode}: {left}-{right}"
            taken += 1
    assert taken > 20, f"{mode}: only {taken} lines end inside a word: are the soft hyphens in the layout?"

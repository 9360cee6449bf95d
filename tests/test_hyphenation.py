"""Hyphenation points of our own (issue 18): Ukrainian words break only where the orthography
allows, English by the en_GB patterns, never a name, a code, a word in capitals or a heading; the
templates turn automatic hyphenation off. Read back from the DOCX (python-docx and its XML)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from conftest import FIXTURE_DIR
from orthography import orthography_allows
from dcity_docs.language.hyphenation import SOFT_HYPHEN, Exceptions, chosen, hyphenate, points, term_stems
from dcity_docs.output.documents import MODES, docx_bytes
from dcity_docs.output.options import OutputOptions
from dcity_docs.record.loading import load_record
from dcity_docs.redline.compare import compare, read_version, redline_docx
from dcity_docs.resources import templates_dir
from dcity_docs.wording.catalogs import catalogs_for

STEMS = ["DC-2026-014", "DC-2026-021", "DC-2026-030"]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

# --- the module, word by word ----------------------------------------------------------------


def _breaks(word: str, lang: str = "uk") -> set[str]:
    return {f"{word[:p]}-{word[p:]}" for p in points(word, lang)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("значення", {"зна-чення", "значен-ня"}),
        ("знання", {"знан-ня"}),
        ("кількість", {"кіль-кість"}),
        ("підприємство", {"під-приємство", "підприєм-ство"}),
        ("м’ясо", {"м’я-со"}),
        ("бар’єр", {"бар’-єр"}),
        ("джерело", {"дже-рело", "джере-ло"}),
        ("роз’єднання", {"роз’-єднання", "роз’єд-нання", "роз’єднан-ня"}),
        ("обов’язковий", {"обов’-язковий", "обов’яз-ковий", "обов’язко-вий"}),
        ("невідкладно", {"не-відкладно", "невід-кладно", "невідклад-но"}),
        ("передбачений", {"пе-редбачений", "перед-бачений", "передба-чений", "передбаче-ний"}),
        ("компетентними", {"ком-петентними", "компе-тентними", "компетент-ними", "компетентни-ми"}),
        ("експортний", {"екс-портний", "експорт-ний"}),
    ],
)
def test_ukrainian_words_break_only_at_their_points(word: str, expected: set[str]) -> None:
    assert _breaks(word) == expected
    assert all(orthography_allows(word, p) for p in points(word, "uk"))


@pytest.mark.parametrize(
    "word",
    ["ходжу", "підживляти", "надзвичайний", "розорати", "або", "мова", "шия"],
)
def test_ukrainian_never_at_a_doubtful_point(word: str) -> None:
    """дж/дз (one sound or a prefix's end), a prefix before a vowel (роз-орати, never ро-зорати),
    short words: a line that does not break is acceptable, a wrong break is not."""
    assert not any(b.startswith(("пі-", "на-", "ро-", "хо-")) for b in _breaks(word)), _breaks(word)
    assert "дж" not in {word[p - 1:p + 1] for p in points(word, "uk")}
    assert "дз" not in {word[p - 1:p + 1] for p in points(word, "uk")}


def test_english_by_the_british_patterns() -> None:
    assert _breaks("agreement", "en") == {"agree-ment"}
    assert "share-holders" in _breaks("shareholders", "en")
    for word in ("appointed", "requested", "certificate"):  # nothing carried shorter than 4 letters
        assert all(len(b.split("-")[1]) >= 4 for b in _breaks(word, "en")), _breaks(word, "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Defence Minister Kovalenko Danforge Ukraine Agreement", "en"),
        ("Міністерство Підприємство Коваленко Київ Договір", "uk"),
        ("ТОВ ПРОЄКТ МАЙДАНЧИК DRAFT AGREEMENT", "uk"),
        ("DC\u20112026\u2011014 UA223052990000026001234567890 info@polissia-armoury.ua www.example.com "
         "220/1/15 оборонно-промисловий т.п. 12,500,000.00 44710005", "uk"),
        ("non-exclusive 2026 e-mail 15\u00a0жовтня\u00a02026 ТОВ\u00a0«Поліська»", "en"),
    ],
)
def test_names_capitals_and_identifiers_are_never_hyphenated(text: str, lang: str) -> None:
    assert hyphenate(text, lang) == text  # type: ignore[arg-type]


def test_punctuation_stays_outside_and_the_text_reads_the_same() -> None:
    text = "(далі – «значення»), кількість; the “agreement”, shareholders."
    assert hyphenate(text, "uk").replace(SOFT_HYPHEN, "") == text
    assert "«зна\u00adчен\u00adня»)," in hyphenate(text, "uk")


# --- the documents, read back ----------------------------------------------------------------


def _settings(path: Path) -> str:
    return zipfile.ZipFile(path).read("word/settings.xml").decode("utf-8")


@pytest.mark.parametrize("path", sorted(templates_dir().rglob("*.docx")), ids=lambda p: p.name)
def test_templates_turn_automatic_hyphenation_off(path: Path) -> None:
    settings = etree.fromstring(_settings(path).encode("utf-8"))
    auto = settings.findall(f"{{{W}}}autoHyphenation")
    assert len(auto) == 1 and auto[0].get(f"{{{W}}}val") in ("false", "0", "off")
    assert settings.find(f"{{{W}}}doNotHyphenateCaps") is not None


_NO_BREAK_STYLES = {"Title", "Subtitle", "Heading 1", "DC Place Date", "DC Details", "DC Signature",
                    "DC Signature Party", "DC Table", "DC Table Head", "DC Marking", "DC Footer"}
_RUNNING_STYLES = {"DC Clause", "Body Text"}


def _marked_text(p: etree._Element) -> str:
    """The paragraph's text with each ``w:softHyphen`` as «|» (and ``w:noBreakHyphen`` as «-»)."""
    out: list[str] = []
    for el in p.iter(f"{{{W}}}t", f"{{{W}}}softHyphen", f"{{{W}}}noBreakHyphen"):
        if el.tag == f"{{{W}}}t":
            assert SOFT_HYPHEN not in (el.text or ""), "a raw U+00AD in a w:t"
            out.append(el.text or "")
        else:
            out.append("|" if el.tag.endswith("softHyphen") else "-")
    return "".join(out)


def _paragraphs(data: bytes) -> list[tuple[str, str, str, str]]:
    """(style, language of the first run, text with «|» marks, python-docx text) of each paragraph."""
    doc = Document(io.BytesIO(data))
    rows = []
    for p in doc.element.body.iter(qn("w:p")):
        paragraph = Paragraph(p, doc)
        style = paragraph.style.name if paragraph.style is not None else ""
        lang = p.find(f".//{{{W}}}lang")
        rows.append((style, lang.get(f"{{{W}}}val") if lang is not None else "", _marked_text(p), paragraph.text))
    return rows


@pytest.fixture(scope="module")
def documents() -> dict[tuple[str, str, str], bytes]:
    out = {}
    for stem in STEMS:
        record = load_record(FIXTURE_DIR / f"{stem}.yaml")
        for mode in MODES:
            out[(stem, "jv-agreement", mode)] = docx_bytes(record, "jv-agreement", mode)
        out[(stem, "memorandum", "bilingual")] = docx_bytes(record, "memorandum", "bilingual")
    return out


def test_running_text_has_soft_hyphens_in_both_languages(documents: dict[tuple[str, str, str], bytes]) -> None:
    for (stem, key, mode), data in documents.items():
        langs = {lang[:2] for style, lang, marked, _ in _paragraphs(data) if style in _RUNNING_STYLES and "|" in marked}
        want = {"uk", "en"} if mode == "bilingual" else {mode}
        assert langs == want, (stem, key, mode, langs)


def test_no_soft_hyphen_in_headings_titles_tables_signatures(documents: dict[tuple[str, str, str], bytes]) -> None:
    for name, data in documents.items():
        for style, _, marked, _ in _paragraphs(data):
            if style in _NO_BREAK_STYLES or not style:
                assert "|" not in marked, (name, style, marked)
            # python-docx reads the words whole, without any soft hyphen
        for style, _, marked, text in _paragraphs(data):
            assert text == marked.replace("|", ""), (name, style)
        for part in zipfile.ZipFile(io.BytesIO(data)).namelist():
            if part.endswith(".xml"):
                assert SOFT_HYPHEN not in zipfile.ZipFile(io.BytesIO(data)).read(part).decode("utf-8"), (name, part)


_WORD = re.compile(r"[^\s\u00a0]+")


def _is_term(word: str) -> bool:
    """A form of one of the wording's defined terms (the stems the catalogs give)."""
    return any(word.lower().startswith(stem) for stem in catalogs_for().term_stems)


def test_only_lower_case_words_and_defined_terms_break_and_only_where_allowed(
        documents: dict[tuple[str, str, str], bytes]) -> None:
    seen = capitalised = 0
    for name, data in documents.items():
        for _, lang, marked, _ in _paragraphs(data):
            for token in _WORD.findall(marked):
                if "|" not in token:
                    continue
                word = token.strip("()[]«»„“”\"‘’,.;:!?…")
                plain = word.replace("|", "")
                assert plain.replace("’", "").isalpha(), f"{name}: a code or a sign breaks: {token}"
                assert plain == plain.lower() or (lang.startswith("uk") and _is_term(plain)), \
                    f"{name}: a capitalised word (not a defined term) or an abbreviation breaks: {token}"
                capitalised += plain != plain.lower()
                if lang.startswith("uk"):
                    at = [m.start() - i for i, m in enumerate(re.finditer(r"\|", word))]
                    for p in at:
                        assert orthography_allows(plain, p), f"{name}: {plain[:p]}-{plain[p:]}"
                    seen += 1
    assert seen > 1000  # the check ran on the documents' words, not on nothing
    assert capitalised > 50  # the defined terms («Підприємством», «Учасників») break too


def test_full_width_text_gets_fewer_points_than_a_column() -> None:
    word = "відповідальності"  # 16 letters: every point in a column
    assert chosen(word, points(word, "uk")) == points(word, "uk")
    assert chosen(word, points(word, "uk"), narrow=False) == (5, 11)  # across a page the two nearest its thirds: відпо-, -ності
    assert set(chosen(word, points(word, "uk"), narrow=False)) <= set(points(word, "uk"))
    assert chosen("значення", points("значення", "uk"), narrow=False) == (3,)  # nearest the middle: зна-чення
    assert chosen("знання", points("знання", "uk"), narrow=False) == ()  # under seven letters: none
    text = "зобов’язання щодо забезпечення конфіденційності"
    assert hyphenate(text, "uk", narrow=False).count(SOFT_HYPHEN) < hyphenate(text, "uk").count(SOFT_HYPHEN)
    assert hyphenate(text, "uk", narrow=False).replace(SOFT_HYPHEN, "") == text


def test_single_language_documents_have_at_most_two_points_a_word_and_columns_more(
        documents: dict[tuple[str, str, str], bytes]) -> None:
    """Read back: across the page no word of under seven letters breaks and none at more than two
    points; a bilingual document's columns keep every point (some word there has three or more)."""
    most = {}
    for (stem, key, mode), data in documents.items():
        counts = [token.count("|") for _, _, marked, _ in _paragraphs(data) for token in _WORD.findall(marked)]
        short = [token for _, _, marked, _ in _paragraphs(data) for token in _WORD.findall(marked)
                 if "|" in token and len(token.strip("()[]«»„“”\"‘’,.;:!?…").replace("|", "")) < 7]
        most[mode] = max(most.get(mode, 0), max(counts))
        if mode != "bilingual":
            assert not short, (stem, key, mode, short[:5])
    assert most["uk"] <= 2 and most["en"] <= 2 and most["bilingual"] >= 3, most


def test_legal_form_stays_with_the_name(documents: dict[tuple[str, str, str], bytes]) -> None:
    text = "\n".join(t for _, _, _, t in _paragraphs(documents[("DC-2026-014", "jv-agreement", "bilingual")]))
    assert "ТОВ\u00a0«" in text and "LLC\u00a0“" in text
    assert not re.search(r"\b(?:ТОВ|LLC) [«“]", text)


def test_redline_has_the_soft_hyphens_of_the_unchanged_text_and_no_raw_ones(tmp_path: Path) -> None:
    data = yaml.safe_load((FIXTURE_DIR / "DC-2026-014.yaml").read_text(encoding="utf-8"))
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    data["disputes"]["forum"] = "scc" if data["disputes"]["forum"] != "scc" else "icc"  # a clause's words change
    new = tmp_path / "new.json"
    new.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    options = OutputOptions(formats=("docx",))
    comparison = compare(read_version(old, options), read_version(new, options), options=options)
    change = next(c for c in comparison.changed if c.key == "jv-agreement")
    xml = zipfile.ZipFile(io.BytesIO(redline_docx(comparison, change, "bilingual", options))).read("word/document.xml")
    root = etree.fromstring(xml)
    assert root.find(f".//{{{W}}}ins") is not None and root.find(f".//{{{W}}}softHyphen") is not None
    for el in root.iter(f"{{{W}}}t", f"{{{W}}}delText"):
        assert SOFT_HYPHEN not in (el.text or "")


def test_commands_that_do_not_render_never_load_pyphen() -> None:
    code = ("import sys, dcity_docs.cli, dcity_docs.output.documents, dcity_docs.draft.base; "
            "print('pyphen' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_defined_terms_break_and_the_names_that_look_like_them_do_not() -> None:
    """A defined term that never breaks leaves loose lines in a narrow column; a name never breaks."""
    stems = catalogs_for().term_stems
    assert {"підприємств", "учасник", "сторон", "ліцензіар", "майданчик", "корпоративн"} <= stems
    marked = hyphenate("Підприємством Учасників Сторонами Ліцензіара Корпоративного Майданчику", "uk", Exceptions(stems))
    assert marked.replace(SOFT_HYPHEN, "-") == "Під-приєм-ством Уча-сни-ків Сто-ро-на-ми Лі-цен-зіа-ра Кор-по-ра-тив-но-го Май-дан-чи-ку"
    names = "Сторонюк Учасниченко Коваленко Підприємствович Київ України Defence"
    assert hyphenate(names, "uk", Exceptions(stems)) == names
    # a word of a party's name never breaks, wherever it stands
    assert hyphenate("обмеженою відповідальністю", "uk", Exceptions(stems, frozenset({"обмеженою"}))) == \
        "обмеженою від\u00adпо\u00adві\u00adдаль\u00adні\u00adстю"
    assert hyphenate("Підприємством", "uk") == "Підприємством"  # without the catalogs' terms: none
    assert term_stems(["Продукція", "Санкції", "Кінцева дата", "Дата", "Держава-агресор"]) == {"продукці", "санкці", "кінцев"}


def test_no_word_of_a_partys_name_breaks_anywhere(documents: dict[tuple[str, str, str], bytes]) -> None:
    """«Міністерство оборони України», «Товариство з обмеженою відповідальністю «…»», “Danforge
    Defence A/S”: as the register writes them, whole, even where such a word stands alone."""
    checked = 0
    for (stem, key, mode), data in documents.items():
        record = load_record(FIXTURE_DIR / f"{stem}.yaml")
        names = [record.ministry.name, record.venture.name, *(h.name for h in record.shareholders)]
        words = {w.lower() for n in names for text in (n.uk, n.en) for w in re.findall(r"[^\W\d_]+", text)}
        for _, _, marked, _ in _paragraphs(data):
            for token in _WORD.findall(marked):
                plain = token.strip("()[]«»„“”\"‘’,.;:!?…").replace("|", "")
                if plain.lower() in words:
                    checked += 1
                    assert "|" not in token, f"{stem} {key} {mode}: a word of a name breaks: {token}"
    assert checked > 100
    assert hyphenate("обмеженою", "uk") != "обмеженою"  # such a word breaks when it is no name's

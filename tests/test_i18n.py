"""The translators' workflow: extraction settings and comments, update, check, stats, safety.

Every test that changes a catalog works on a copy of ``locales/``; the real catalogs are only read.
The copies start from a clean baseline (fresh extraction, update, and a stand-in translation for
anything still being translated), so each test sees exactly the problem it introduces.
"""

from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import io
import zipfile
from pathlib import Path
from typing import Callable

import pytest
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.pofile import write_po
from docx import Document
from lxml import etree

from dcity_docs.translation import extraction, i18n
from dcity_docs.wording.catalogs import Catalogs
from dcity_docs.cli import run
from dcity_docs.output.documents import docx_bytes
from dcity_docs.errors import TemplateProblem
from dcity_docs.record.loading import load_record
from dcity_docs.language.langs import LANGS
from dcity_docs.resources import locales_dir, templates_dir
from readback import docx_text

REPO = Path(__file__).resolve().parent.parent
PACKAGE = extraction.source_root()
LOCALES = locales_dir()
EXAMPLE = REPO / "fixtures" / "DC-2026-014.yaml"
SUBTITLE = ("memorandum|title", "on the establishment of the joint venture “{venture}”")
COMMANDS = ["extract", "update", "compile", "check", "stats"]


def _msgfmt() -> str:
    program = shutil.which("msgfmt")
    assert program, "GNU gettext's msgfmt is not on PATH; tools/setup.sh installs it"
    return program


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real catalogs that passes check: fresh .pot, updated .po files, and the
    source text standing in for any translation still in progress (or broken) on main."""
    root = tmp_path_factory.mktemp("baseline") / "locales"
    shutil.copytree(LOCALES, root, ignore=shutil.ignore_patterns("*.mo"))
    i18n.write_template(root)
    i18n.update(root)
    for lang in LANGS:
        path = i18n.po_path(root, lang)
        catalog = i18n.read_catalog(path, lang)
        for message in catalog:
            if not message.id:
                continue
            text = message.string or ""
            broken = bool(text) and bool(i18n.placeholder_problems(message.id, text)
                                         or i18n.markup_problems(message.id, text))
            if message.fuzzy or broken or (lang == "uk" and not text):
                message.string = message.id if lang == "uk" else ""
                message.flags.discard("fuzzy")
                message.previous_id = []
        path.write_bytes(i18n.catalog_bytes(catalog))
    problems = i18n.check(root)
    assert not problems, "\n".join(map(str, problems))
    return root


@pytest.fixture
def locales(baseline: Path, tmp_path: Path) -> Path:
    root = tmp_path / "locales"
    shutil.copytree(baseline, root)
    return root


def _edit(root: Path, lang: str, context: str, msgid: str, **changes: object) -> None:
    path = i18n.po_path(root, lang)
    catalog = i18n.read_catalog(path, lang)
    message = catalog.get(msgid, context=context)
    assert message is not None, (context, msgid)
    for name, value in changes.items():
        if name == "fuzzy":
            message.flags.add("fuzzy")
        else:
            setattr(message, name, value)
    path.write_bytes(i18n.catalog_bytes(catalog))


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = run(["i18n", "check", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# --- extraction ----------------------------------------------------------------------------------


def test_babel_cfg_has_the_settings_extract_uses() -> None:
    method_map, options = parse_mapping_cfg((REPO / "babel.cfg").open())
    assert method_map == extraction.METHOD_MAP
    (pattern, _method), = method_map
    assert options[pattern]["keywords"] == parse_keywords(extraction.KEYWORD_SPECS)
    assert options[pattern]["add_comments"] == list(extraction.COMMENT_TAGS)


def test_pybabel_with_babel_cfg_finds_the_same_messages(tmp_path: Path) -> None:
    out = tmp_path / "pybabel.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "-k", "T:1c,2", "-c", "TRANSLATORS:", "-s", "-o", str(out), "."],
                   cwd=REPO, check=True, capture_output=True)
    theirs = {(m.context, m.id): m for m in i18n.read_catalog(out) if m.id}
    ours = {(m.context, m.id): m for m in i18n.extract() if m.id}
    assert theirs.keys() == ours.keys()
    for key, message in theirs.items():
        assert message.locations == ours[key].locations, key
        # pybabel has the source's notes only; ours adds document, clause and placeholders first
        assert " ".join(ours[key].auto_comments).endswith(" ".join(message.auto_comments)), key


def test_every_message_has_a_context_and_translator_comments() -> None:
    catalog = i18n.extract()
    for message in catalog:
        if not message.id:
            continue
        assert message.context, f"{message.locations}: {message.id!r} has no context"
        assert message.auto_comments[0].startswith("Document: "), message.id
        for name in dict.fromkeys(re.findall(r"\{([a-z_][a-z0-9_]*)\}", message.id)):
            assert any(c.startswith(f"{{{name}}}: ") for c in message.auto_comments), (name, message.id)
            assert extraction.BRACE_FLAG in message.flags


def test_every_placeholder_and_document_is_described() -> None:
    """A developer who adds a placeholder or a document describes it in i18n.py."""
    warnings = extraction.extraction_warnings(i18n.extract())
    assert not warnings, "\n".join(warnings)


def test_a_placeholder_described_in_one_context_keeps_its_meaning_elsewhere() -> None:
    """{place} is the place of signing in the place-and-date line and where an event happens only
    in the force-majeure clause: given twice in PLACEHOLDERS, the second description had replaced
    the first in every message (the translators read that the place of signing was an event's)."""
    catalog = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in i18n.extract() if m.id}
    signing = [m for (ctx, _), m in catalog.items() if ctx == "place-date"]
    assert signing and all("place of signing" in " ".join(m.auto_comments) for m in signing)
    assert not any("event" in " ".join(m.auto_comments).split("{place}:")[1][:60] for m in signing)
    event = [m for (ctx, _), m in catalog.items() if ctx == "jv-agreement|force-majeure" and "{place}" in str(m.id)]
    assert event and all("where an event happens" in " ".join(m.auto_comments) for m in event)


def test_a_module_split_into_a_package_keeps_its_messages_in_place(tmp_path: Path) -> None:
    """The .pot lists a package's messages where its module stood, in the order its __init__ reads
    them: splitting a module must not reorder the catalogs (their text is in every pack's hash)."""
    def clause(name: str) -> str:
        return f'def {name}(w):\n    return w.T("jv-agreement|{name}", "{name.title()} clause")\n'

    whole = tmp_path / "whole" / "documents"
    whole.mkdir(parents=True)
    (whole / "agreement.py").write_text(clause("zeta") + clause("alpha") + clause("draft"))
    (whole / "annex.py").write_text(clause("annex"))
    split = tmp_path / "split" / "documents"
    (split / "agreement").mkdir(parents=True)
    (split / "agreement" / "zeta.py").write_text(clause("zeta"))
    (split / "agreement" / "alpha.py").write_text(clause("alpha"))
    (split / "agreement" / "__init__.py").write_text(
        "from documents.agreement import zeta, alpha\n" + clause("draft"))
    (split / "annex.py").write_text(clause("annex"))

    def order(root: Path) -> list[str]:
        return [m.id for m in i18n.extract(root) if m.id]

    assert order(tmp_path / "whole") == ["Zeta clause", "Alpha clause", "Draft clause", "Annex clause"]
    assert order(tmp_path / "split") == order(tmp_path / "whole")


def test_an_undescribed_placeholder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "drafting").mkdir()
    (tmp_path / "drafting" / "new.py").write_text(
        'def draft(w):\n'
        '    # TRANSLATORS: a clause about something new.\n'
        '    return w.T("jv-agreement|capital", "The {mystery} of {venture}", mystery=1, venture=2)\n'
    )
    catalog = i18n.extract(tmp_path)
    message = catalog.get("The {mystery} of {venture}", context="jv-agreement|capital")
    assert message.auto_comments == [
        "Document: joint-venture agreement; clause: capital.",
        "{mystery}: NOT DESCRIBED YET.",
        "{venture}: the venture's name.",
        "a clause about something new.",
    ]
    assert message.locations == [("dcity_docs/drafting/new.py", 3)]
    warnings = extraction.extraction_warnings(catalog)
    assert len(warnings) == 1 and "{mystery}" in warnings[0] and "PLACEHOLDERS" in warnings[0]


@pytest.mark.parametrize("context, expected", [
    ("jv-agreement|capital", "Document: joint-venture agreement; clause: capital."),
    ("memorandum|title", "Document: memorandum of understanding; clause: title."),
    ("annex|site", "Document: site-protection annex to the joint-venture agreement; clause: site."),
    ("party", "Document: all documents (shared wording); clause: party."),
])
def test_context_becomes_a_comment(context: str, expected: str) -> None:
    assert extraction.describe_context(context) == expected


def test_committed_pot_carries_the_comments() -> None:
    text = i18n.pot_path(LOCALES).read_text(encoding="utf-8")
    assert "#. Document: memorandum of understanding; clause: title.\n" in text
    assert "#. {venture}: the venture's name.\n" in text


# --- the committed catalogs ------------------------------------------------------------------------


def test_msgfmt_accepts_every_committed_catalog() -> None:
    msgfmt = _msgfmt()
    for path in [i18n.pot_path(LOCALES)] + [i18n.po_path(LOCALES, lang) for lang in LANGS]:
        result = subprocess.run([msgfmt, "--check", "-o", os.devnull, str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_check_passes_on_main() -> None:
    """Also what CI relies on: check regenerates the .pot and fails if it differs."""
    result = subprocess.run([sys.executable, "-m", "dcity_docs", "i18n", "check"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_templates_carry_no_wording() -> None:
    """Wording is only in the catalogs; a Word template holds layout and Jinja tags only."""
    templates = sorted((templates_dir() / "agreements").glob("*.docx"))
    assert templates
    found = [line for path in templates for line in typed_wording(path)]
    assert not found, "\n".join(found)


def test_typed_wording_in_a_template_is_found(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("{{ b.num }} {{ b.text }}")
    doc.add_paragraph("{%p if bilingual %}")
    doc.add_paragraph("______ / – ({{ s.line }})")
    doc.add_paragraph("{{ s.party }} Signed on behalf of")
    path = tmp_path / "t.docx"
    doc.save(str(path))
    found = typed_wording(path)
    assert len(found) == 1 and "Signed on behalf of" in found[0]


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def typed_wording(path: Path) -> list[str]:
    """Visible text of the body, headers and footers outside Jinja tags, paragraph by paragraph
    (tags may be split over runs); field results (the "1" of a PAGE field) are not typed text."""
    found = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                continue
            root = etree.fromstring(zf.read(name))
            for para in root.iter(W + "p"):
                text = _visible_text(para)
                rest = "".join(ch for ch in _JINJA.sub("", text) if not (
                    ch.isspace() or ch == "_" or unicodedata.category(ch).startswith("P")))
                if rest:
                    found.append(f"{path.name} {name}: {text!r}")
    return found


def _visible_text(para: etree._Element) -> str:
    parts = []
    fields: list[str] = []  # complex fields: "code" until separate, then "result" until end
    for el in para.iter(W + "t", W + "fldChar"):
        if next(el.iterancestors(W + "p")) is not para:
            continue  # a nested paragraph (text box) is visited on its own
        if el.tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                fields.append("code")
            elif kind == "separate" and fields:
                fields[-1] = "result"
            elif kind == "end" and fields:
                fields.pop()
            continue
        if "result" in fields or any(True for _ in el.iterancestors(W + "fldSimple")):
            continue
        parts.append(el.text or "")
    return "".join(parts)


# --- check ---------------------------------------------------------------------------------------


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)


def _broken_placeholder(root: Path) -> None:
    _edit(root, "uk", *SUBTITLE, string="про створення спільного підприємства «{venture_name}»")


def _fuzzy(root: Path) -> None:
    _edit(root, "uk", *SUBTITLE, fuzzy=True)


def _untranslated(root: Path) -> None:
    _edit(root, "uk", *SUBTITLE, string="")


def _obsolete(root: Path) -> None:
    _append(i18n.po_path(root, "uk"),
            '\n#~ msgctxt "memorandum|title"\n#~ msgid "on the founding of the venture"\n'
            '#~ msgstr "про заснування підприємства"\n')


def _stale_pot(root: Path) -> None:
    catalog = i18n.read_catalog(i18n.pot_path(root))
    catalog.delete(SUBTITLE[1], context=SUBTITLE[0])
    i18n.pot_path(root).write_bytes(i18n.catalog_bytes(catalog))


def _pot_comment_edited(root: Path) -> None:
    catalog = i18n.read_catalog(i18n.pot_path(root))
    catalog.get(SUBTITLE[1], context=SUBTITLE[0]).auto_comments.append("A note typed into the .pot.")
    i18n.pot_path(root).write_bytes(i18n.catalog_bytes(catalog))


def _po_behind_pot(root: Path) -> None:
    path = i18n.po_path(root, "uk")
    catalog = i18n.read_catalog(path, "uk")
    catalog.delete(SUBTITLE[1], context=SUBTITLE[0])
    path.write_bytes(i18n.catalog_bytes(catalog))


def _syntax_error(root: Path) -> None:
    _append(i18n.po_path(root, "en"), '\nmsgctxt "memorandum|title"\nmsgid "Broken\nmsgstr ""\n')


SUBTITLE_RE = r'\[memorandum\|title\] "on the establishment of the joint venture “\{venture\}”": '


@pytest.mark.parametrize("breakage, expected", [
    (_broken_placeholder, r"uk/LC_MESSAGES/messages\.po:\d+: " + SUBTITLE_RE + r"placeholders differ: "
     r"the source has \{venture\}, the translation has \{venture_name\}"),
    (_broken_placeholder, r"uk/LC_MESSAGES/messages\.po:\d+: " + SUBTITLE_RE + r"msgfmt: "),
    (_fuzzy, r"uk/LC_MESSAGES/messages\.po:\d+: " + SUBTITLE_RE + r"marked fuzzy"),
    (_untranslated, r"uk/LC_MESSAGES/messages\.po:\d+: " + SUBTITLE_RE + r"not translated"),
    (_obsolete, r'uk/LC_MESSAGES/messages\.po:\d+: \[memorandum\|title\] "on the founding of the '
     r'venture": obsolete entry \(#~\) left in the file'),
    (_stale_pot, r"dcity_docs/documents/memorandum\.py:\d+: " + SUBTITLE_RE + r"in the source but not "
     r"in .*messages\.pot, which is out of date; run 'dcity-docs i18n extract'"),
    (_stale_pot, r"uk/LC_MESSAGES/messages\.po:\d+: " + SUBTITLE_RE + r"not in the \.pot any more"),
    (_pot_comment_edited, r"messages\.pot:\d+: " + SUBTITLE_RE + r"translator comments or flags changed "
     r"in the source; the \.pot is out of date"),
    (_po_behind_pot, r"messages\.pot:\d+: " + SUBTITLE_RE + r"missing from uk/LC_MESSAGES/messages\.po, "
     r"which is out of date with the \.pot; run 'dcity-docs i18n update'"),
    (_syntax_error, r"en/LC_MESSAGES/messages\.po:\d+: .*msgfmt: "),
], ids=["placeholder", "placeholder-msgfmt", "fuzzy", "untranslated", "obsolete", "stale-pot",
        "stale-pot-po-ahead", "stale-pot-comment", "po-behind-pot", "syntax"])
def test_check_fails_naming_the_message_and_the_problem(
    locales: Path, capsys: pytest.CaptureFixture[str], breakage: Callable[[Path], None], expected: str
) -> None:
    _msgfmt()
    assert _check(capsys, "--locales", str(locales))[0] == 0
    breakage(locales)
    code, output = _check(capsys, "--locales", str(locales))
    assert code == 1, output
    assert re.search(expected, output, re.M), output
    assert "Error: " in output and "problem(s) in the catalogs" in output


def _tool_headers_rewritten(root: Path, babel_version: str) -> None:
    """What another Babel release (or a clock, or Poedit) writes into the headers, and nothing else."""
    written = {"Generated-By": f"Babel {babel_version}", "POT-Creation-Date": "2031-07-04 12:00+0200",
               "PO-Revision-Date": "2031-07-04 12:00+0200"}
    for path in [i18n.pot_path(root), *(i18n.po_path(root, lang) for lang in LANGS)]:
        lines = []
        for line in path.read_text(encoding="utf-8").split("\n"):
            key = line[1:].split(":", 1)[0]
            if line.startswith('"') and key in written:
                line = f'"{key}: {written[key]}\\n"'
                if key == "Generated-By":
                    lines.append('"X-Generator: Poedit 3.5\\n"')
            lines.append(line)
        path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("babel_version", ["2.14.0", "2.19.0", "3.0.0"])
def test_check_ignores_the_headers_tools_write_for_themselves(
    locales: Path, capsys: pytest.CaptureFixture[str], babel_version: str
) -> None:
    _tool_headers_rewritten(locales, babel_version)
    pot = i18n.pot_path(locales).read_text(encoding="utf-8")
    assert f"Generated-By: Babel {babel_version}" in pot and "X-Generator: Poedit" in pot
    assert _check(capsys, "--locales", str(locales))[0] == 0
    # ... while a real change of one message still fails it
    catalog = i18n.read_catalog(i18n.pot_path(locales))
    message = catalog.get(SUBTITLE[1], context=SUBTITLE[0])
    catalog.delete(SUBTITLE[1], context=SUBTITLE[0])
    catalog.add(SUBTITLE[1] + " (changed)", None, message.locations, auto_comments=message.auto_comments,
                flags=message.flags, context=SUBTITLE[0])
    i18n.pot_path(locales).write_bytes(i18n.catalog_bytes(catalog))
    code, output = _check(capsys, "--locales", str(locales))
    assert code == 1 and "no longer in the source; the .pot is out of date" in output, output


def test_check_reads_messages_not_line_wrapping(locales: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Babel release that wraps long lines at another width writes other bytes, the same catalog."""
    for path in [i18n.pot_path(locales), *(i18n.po_path(locales, lang) for lang in LANGS)]:
        catalog = i18n.read_catalog(path, None if path.suffix == ".pot" else path.parent.parent.name)
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=60, sort_output=False, include_previous=False, ignore_obsolete=True)
        assert buffer.getvalue() != path.read_bytes()
        path.write_bytes(buffer.getvalue())
    assert _check(capsys, "--locales", str(locales))[0] == 0


def test_check_without_msgfmt_uses_babel(locales: Path) -> None:
    assert i18n.check(locales, use_msgfmt=False) == []
    _broken_placeholder(locales)
    problems = [str(p) for p in i18n.check(locales, use_msgfmt=False)]
    assert any("placeholders differ" in p for p in problems), problems
    assert not any(": msgfmt: " in p for p in problems), problems


@pytest.mark.parametrize("translation, problem", [
    ("«{venture.name}»", "placeholder {venture.name} is not a plain name"),
    ("«{venture[0]}»", "placeholder {venture[0]} is not a plain name"),
    ("«{venture!r}»", "placeholder {venture!r} is not a plain name"),
    ("«{venture:>10}»", "placeholder {venture:>10} is not a plain name"),
    ("«{venture}» {venture}", "placeholders differ: the source has {venture}, the translation has "
     "{venture} ×2"),
    ("«{venture}", None),
    ("«{venture}» }", "malformed placeholder"),
    ("<b>«{venture}»</b>", "markup differs: the source has none, the translation has </b>, <b>"),
    ("«{venture}» {% if x %}", "not a plain name"),
    ("«{venture}» {{ x }}", "template syntax {{ }} in the translation"),
])
def test_placeholder_and_markup_rules(translation: str, problem: str | None) -> None:
    found = i18n.placeholder_problems(SUBTITLE[1], translation) + i18n.markup_problems(SUBTITLE[1], translation)
    if problem is None:
        assert found == []
    else:
        assert any(problem in f for f in found), found


# --- update --------------------------------------------------------------------------------------


def _a_memorandum_clause(source: Path) -> str:
    """A clause of the memorandum written as one string literal, without placeholders."""
    code = (source / "documents" / "memorandum.py").read_text(encoding="utf-8")
    for message in i18n.extract(source):
        if (message.id and message.context.startswith("memorandum|") and "{" not in message.id
                and len(message.id) > 40 and code.count(f'"{message.id}"') == 1):
            return message.id
    raise AssertionError("no single-literal clause found in memorandum.py")


def test_a_changed_english_clause_marks_exactly_that_entry_fuzzy(
    locales: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "src" / "dcity_docs"
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("__pycache__"))
    args = ["--locales", str(locales), "--source", str(source)]
    assert _check(capsys, *args)[0] == 0

    old = _a_memorandum_clause(source)
    new = old.rstrip(".") + ", in any event."
    path = source / "documents" / "memorandum.py"
    path.write_text(path.read_text(encoding="utf-8").replace(f'"{old}"', f'"{new}"'), encoding="utf-8")
    code, output = _check(capsys, *args)
    assert code == 1 and "which is out of date; run 'dcity-docs i18n extract'" in output

    assert run(["i18n", "extract", *args]) == 0
    assert run(["i18n", "update", "--locales", str(locales)]) == 0
    assert run(["i18n", "update", "--locales", str(locales)]) == 0  # twice: nothing is lost
    capsys.readouterr()
    uk = i18n.read_catalog(i18n.po_path(locales, "uk"), "uk")
    fuzzy = [m for m in uk if m.id and m.fuzzy]
    assert [m.id for m in fuzzy] == [new]
    assert fuzzy[0].previous_id == [old]
    assert fuzzy[0].string  # the old translation, kept for review
    assert "#| msgid " in i18n.po_path(locales, "uk").read_text(encoding="utf-8")
    en = i18n.read_catalog(i18n.po_path(locales, "en"), "en")
    assert not [m for m in en if m.id and m.fuzzy]
    assert not uk.obsolete and uk.get(old, context=fuzzy[0].context) is None

    code, output = _check(capsys, *args)
    assert code == 1
    problems = [line for line in output.splitlines() if not line.startswith("Error: ")]
    assert len(problems) == 1 and "marked fuzzy" in problems[0] and _short(new) in problems[0]


def _short(text: str) -> str:
    return text[:40]


def test_update_of_an_up_to_date_catalog_changes_nothing(locales: Path) -> None:
    before = {lang: i18n.po_path(locales, lang).read_bytes() for lang in LANGS}
    assert i18n.update(locales) == {"uk": 0, "en": 0}
    assert {lang: i18n.po_path(locales, lang).read_bytes() for lang in LANGS} == before


# --- stats, compile, help ------------------------------------------------------------------------


def test_stats_names_each_locale_and_document(locales: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _untranslated(locales)
    assert run(["i18n", "stats", "--locales", str(locales)]) == 0
    out = capsys.readouterr().out
    for word in ["uk", "en", "memorandum", "jv-agreement", "annex", "shared", "translated", "fuzzy",
                 "untranslated"]:
        assert re.search(rf"(^|\s){re.escape(word)}(\s|$|\()", out, re.M), (word, out)
    assert re.search(r"^  memorandum +\d+ +0 +1 +\d+ +\d+\.\d%$", out, re.M), out
    data = i18n.stats(locales)
    assert data["uk"]["memorandum"].untranslated == 1
    assert data["uk"]["all"].total == sum(c.total for k, c in data["uk"].items() if k != "all")


def test_compile_writes_mo_files_that_git_ignores(locales: Path) -> None:
    assert run(["i18n", "compile", "--locales", str(locales)]) == 0
    with i18n.po_path(locales, "uk").with_suffix(".mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    assert compiled.pgettext(*SUBTITLE) != SUBTITLE[1]  # translated
    assert "*.mo" in (REPO / ".gitignore").read_text().split()


@pytest.mark.parametrize("command", [None] + COMMANDS)
def test_help_of_each_i18n_command_has_an_example(command: str | None,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["i18n"] + ([command] if command else []) + ["--help"]) == 0
    assert "Example" in capsys.readouterr().out


# --- a translation can never run code --------------------------------------------------------------


@pytest.mark.parametrize("payload, rendered", [
    ("{venture.__class__}", None),
    ("{0}", None),
    ("{% for %}", None),
    ("{{ 7*7 }}", "{ 7*7 }"),  # "{{" is an escaped brace: a literal, never an expression
    ("<w:t>", "<w:t>"),
])
def test_a_translation_cannot_reach_code_or_template_syntax(
    locales: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], payload: str,
    rendered: str | None,
) -> None:
    _edit(locales, "uk", *SUBTITLE, string=f"про створення спільного підприємства «{{venture}}» {payload}")
    code, output = _check(capsys, "--locales", str(locales))
    assert code == 1 and re.search(SUBTITLE_RE, output), output

    record = load_record(EXAMPLE)
    if rendered is None:
        with pytest.raises(TemplateProblem, match="not a plain name"):
            docx_bytes(record, "memorandum", "uk", catalogs=Catalogs(locales))
        return
    path = tmp_path / "memorandum.docx"
    path.write_bytes(docx_bytes(record, "memorandum", "uk", catalogs=Catalogs(locales)))
    line = next(p for p in docx_text(path).splitlines() if p.startswith("про створення"))
    assert line.endswith(f"» {rendered}")
    assert "49" not in line and "<class" not in line


def test_render_previews_a_copy_of_the_catalogs(locales: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    _edit(locales, "uk", *SUBTITLE, string="про створення СП «{venture}» (чернетка перекладача)")
    out = tmp_path / "preview"
    assert run(["render", "memorandum", str(EXAMPLE), "-l", "uk", "-o", str(out),
                "--locales", str(locales)]) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 1
    assert "(чернетка перекладача)" in docx_text(Path(written[0]))

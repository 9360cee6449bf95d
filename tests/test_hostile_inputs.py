"""Hostile inputs: what a red team tried, by class, through the commands a user runs.

Every class: ``validate``, ``render``, ``pack`` and ``batch`` answer with ``FILE:LINE: field: message``
lines (every problem of a record at once), exit 1, never a traceback, never a hang; a batch goes on
with its other inputs. A record that ``validate`` passes renders.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE_DIR, REPO, assert_problem, line_no, mutate, run_validate, write_record, yaml_data
from dcity_docs.errors import Problem, RecordInvalid, printable
from dcity_docs.record.loading import load_record
from dcity_docs.record.registers import MAX_CELL_CHARS, read_register, validate_row
from dcity_docs.record.workbooks import MAX_PART_BYTES

REGISTER = FIXTURE_DIR / "register.xlsx"
HUGE = "9" * 5000  # over Python's 4,300 digits for int <-> str


def cli(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """The real command in a process of its own, its output as the terminal would get the bytes."""
    result = subprocess.run([sys.executable, "-m", "dcity_docs", *[os.fsencode(a) if isinstance(a, Path) else a
                                                                  for a in args]],
                            cwd=REPO, capture_output=True, timeout=timeout)
    assert b"Traceback" not in result.stdout + result.stderr, result.stderr.decode(errors="replace")
    return result


def text_of(output: bytes) -> str:
    return output.decode("utf-8", errors="backslashreplace")


def no_controls(output: bytes) -> None:
    """Nothing the terminal would act on: no control character but the line ends."""
    shown = output.decode("utf-8")  # also: every byte is UTF-8
    bad = [ch for ch in shown if unicodedata.category(ch) in ("Cc", "Cf", "Cs") and ch != "\n"]
    assert not bad, f"control characters reached the output: {bad!r}"


# --- shares are printed as given ---------------------------------------------------------------


@pytest.mark.parametrize("first,second", [("50.005", "49.995"), ("33.3333", "66.6667"), ("51.000", "49")])
def test_a_share_with_more_decimals_than_printed_is_refused(example_text, tmp_path, first, second):
    text = mutate(mutate(example_text, 'share_percent: "51"', f'share_percent: "{first}"'),
                  'share_percent: "49"', f'share_percent: "{second}"')
    path = write_record(tmp_path, text)
    result = run_validate(path)
    line = line_no(text, f'share_percent: "{first}"')
    assert_problem(result, path, line, "shareholders.0.share_percent", r"more than 2 decimal places")
    if "." in second:
        assert_problem(result, path, line_no(text, f'"{second}"'), "shareholders.1.share_percent",
                       r"more than 2 decimal places")


def test_shares_with_two_decimals_still_pass(example_text, tmp_path):
    text = mutate(mutate(example_text, 'share_percent: "51"', 'share_percent: "50.01"'),
                  'share_percent: "49"', 'share_percent: "49.99"')
    assert run_validate(write_record(tmp_path, text)).exit_code == 0


def test_a_register_share_with_three_decimals_is_refused(tmp_path):
    rows = _fixture_csv_rows()
    rows[1]["shareholders.0.share_percent"] = "40.005"
    rows[1]["shareholders.1.share_percent"] = "34.995"
    register = _write_csv(tmp_path / "register.csv", rows)
    items = list(read_register(register))
    with pytest.raises(RecordInvalid) as caught:
        validate_row(items[1])
    assert any(p.path == "shareholders.0.share_percent" and "decimal places" in p.message
               for p in caught.value.problems)
    validate_row(items[0])  # the other rows are unaffected


def test_the_schema_says_how_many_decimals_a_share_has():
    from jsonschema import Draft202012Validator

    schema = json.loads(cli("schema").stdout)
    share = schema["$defs"]["Shareholder"]["properties"]["share_percent"]
    assert "two decimal places" in share["description"]
    data = yaml_data((FIXTURE_DIR / "DC-2026-014.yaml").read_text(encoding="utf-8"))
    data["shareholders"][0]["share_percent"] = "50.005"
    errors = list(Draft202012Validator(schema).iter_errors(data))
    assert [tuple(e.absolute_path)[:3] for e in errors] == [("shareholders", 0, "share_percent")]


# --- one form of every text (NFC) --------------------------------------------------------------


DECOMPOSED_WOMAN = "Коваленко Ірина Андрі\u0456\u0308вна"  # «ї» typed as «і» + COMBINING DIAERESIS


def test_a_decomposed_name_is_read_composed_and_declined_as_written(example_text, tmp_path):
    from dcity_docs.output.documents import docx_bytes
    from readback import docx_text

    text = mutate(example_text, "Коваленко Ірина Петрівна", DECOMPOSED_WOMAN)
    record = load_record(write_record(tmp_path, text))
    name = record.shareholders[0].signatory.name.uk
    assert name == unicodedata.normalize("NFC", DECOMPOSED_WOMAN) and "\u0308" not in name
    document = tmp_path / "memorandum.docx"
    document.write_bytes(docx_bytes(record, "memorandum", "uk"))
    words = docx_text(document)
    assert "Коваленко Ірини Андріївни" in words  # a woman's -ко surname does not decline
    assert "Коваленка" not in words and "\u0308" not in words


def test_every_text_and_key_of_json_and_registers_is_composed(example_text, tmp_path):
    data = yaml_data(example_text)
    data["venture"]["name"]["uk"] = unicodedata.normalize("NFD", data["venture"]["name"]["uk"] + " й")
    path = write_record(tmp_path, json.dumps(data, ensure_ascii=False), "rec.json")
    assert load_record(path).venture.name.uk == unicodedata.normalize("NFC", data["venture"]["name"]["uk"])

    tagged = write_record(tmp_path, example_text.replace("uk: Данфордж", "uk: !!str Данфордж и\u0306", 1))
    assert "й" in load_record(tagged).venture.name.uk and "\u0306" not in load_record(tagged).venture.name.uk

    rows = _fixture_csv_rows()
    rows[0]["venture.name.uk"] = unicodedata.normalize("NFD", "Спільне підприємство «Їжак»")
    register = _write_csv(tmp_path / "register.csv", rows)
    record = validate_row(next(iter(read_register(register))))
    assert record.venture.name.uk == "Спільне підприємство «Їжак»"


def test_two_keys_that_differ_only_in_their_unicode_form_are_one_key_twice(example_text, tmp_path):
    text = example_text.replace("stage:", "\"ї\": 1\n\"\u0456\u0308\": 2\nstage:", 1)
    path = write_record(tmp_path, text)
    result = run_validate(path)
    assert_problem(result, path, line_no(text, "\u0456\u0308"), "", r"duplicate key 'ї'")


# --- characters the fonts cannot print ---------------------------------------------------------


@pytest.mark.parametrize("where,old,char", [
    ("venture.name.en", "Danforge", "😀"),
    ("ministry.address.uk", "Повітрофлотська", "\U0001d518"),  # MATHEMATICAL FRAKTUR CAPITAL U
    ("shareholders.1.signatory.name.en", "Søren", "中"),
    ("site.codename.en", "Heather", "\ufdfd"),
], ids=["emoji", "fraktur", "cjk", "arabic-ligature"])
def test_a_character_no_font_of_the_documents_has_is_refused_by_name(example_text, tmp_path, where, old, char):
    text = example_text.replace(old, old + char, 1)
    path = write_record(tmp_path, text)
    result = run_validate(path)
    code = f"U+{ord(char):04X}"
    found = assert_problem(result, path, line_no(text, old + char), where,
                           rf"{re.escape(code)}, {re.escape(unicodedata.name(char))}\)")
    assert "cannot print" in found


def test_every_character_the_fixtures_print_is_printable():
    for fixture in FIXTURE_DIR.glob("*.yaml"):
        load_record(fixture)  # the fixtures' «», ’, ø, NBSP, № stay allowed


def test_the_shipped_character_set_matches_the_installed_fonts():
    fonts = Path("/usr/share/fonts/truetype/liberation2")
    if not (fonts / "LiberationSerif-Regular.ttf").is_file():
        pytest.skip("fonts-liberation2 not installed: validation uses the shipped set")
    result = subprocess.run([sys.executable, str(REPO / "tools" / "make_printable.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_validation_needs_neither_fonts_nor_libreoffice(example_text, tmp_path):
    """The character set is data: a run without fontTools on the path validates all the same."""
    path = write_record(tmp_path, example_text.replace("Danforge", "Danforge😀", 1))
    code = ("import sys; sys.modules['fontTools'] = None\n"
            "from dcity_docs.cli import run\n"
            f"sys.exit(run(['validate', {str(path)!r}]))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PATH": "/nonexistent"})
    assert result.returncode == 1 and "U+1F600" in result.stderr, result.stderr


# --- texts the documents can lay out -----------------------------------------------------------


def test_an_unbreakable_word_is_refused_quickly(example_text, tmp_path):
    word = "Z" * 100_000
    text = example_text.replace("Danforge", word, 1)
    path = write_record(tmp_path, text)
    result = run_validate(path)  # within the validate time bound
    found = assert_problem(result, path, line_no(text, word), "venture.name.en",
                           r"a word of 100,00\d characters .* at most 60 characters")
    assert len(found) < 400  # the word is not printed back


@pytest.mark.parametrize("field,old,size,pattern", [
    ("venture.name.en", "Danforge", 301, r"is 3\d\d characters long; a name may be at most 300"),
    ("shareholders.1.signatory.name.en", "Søren", 305, r"a name may be at most 300"),
    ("ministry.address.en", "Povitroflotska", 2001, r"is 2,\d{3} characters long; a text may be at most 2,000"),
])
def test_names_and_texts_longer_than_an_agreement_holds_are_refused(example_text, tmp_path, field, old, size,
                                                                     pattern):
    filler = " ".join(["word"] * (size // 5 + 1))
    text = example_text.replace(old, f"{old} {filler}", 1)
    path = write_record(tmp_path, text)
    assert_problem(run_validate(path), path, line_no(text, filler), field, pattern)


def test_no_break_spaces_do_not_split_a_word(example_text, tmp_path):
    joined = "\u00a0".join(["Defence"] * 10)  # 79 characters that cannot break
    text = example_text.replace("Danforge", joined, 1)
    path = write_record(tmp_path, text)
    assert_problem(run_validate(path), path, line_no(text, joined), "venture.name.en", r"a word of 79 characters")


def test_the_schema_gives_the_limits():
    schema = json.loads(cli("schema").stdout)
    name = schema["$defs"]["BiName"]["properties"]["en"]
    text = schema["$defs"]["BiText"]["properties"]["en"]
    assert (name["maxLength"], text["maxLength"]) == (300, 2000)
    assert re.search(name["pattern"], "a" * 60) and not re.search(name["pattern"], "a" * 61)
    assert schema["$defs"]["Venture"]["properties"]["name"] == {"$ref": "#/$defs/BiName"}


needs_soffice = pytest.mark.skipif(
    subprocess.run(["sh", "-c", "command -v soffice || command -v libreoffice"], capture_output=True).returncode,
    reason="LibreOffice not installed")


@needs_soffice
def test_a_record_at_every_limit_validates_and_renders_as_pdf(example_text, tmp_path):
    """What validate passes renders: 60-character words, 300-character names, in the PDF."""
    name = " ".join(["Q" * 60] * 4)
    address = " ".join(["W" * 60] * 32)
    text = mutate(mutate(example_text, "en: Danforge Defence Ukraine", f"en: {name}"),
                  "en: 6 Povitroflotska Street, Kyiv, 03168, Ukraine", f"en: {address}")
    path = write_record(tmp_path, text)
    assert run_validate(path).exit_code == 0
    started = time.monotonic()
    result = cli("render", "memorandum", path, "-l", "en", "-f", "pdf", "-o", tmp_path / "out", timeout=300)
    assert result.returncode == 0, text_of(result.stderr)
    assert time.monotonic() - started < 300
    assert list((tmp_path / "out").glob("*.pdf"))


# --- numbers beyond Python's int <-> str limit -------------------------------------------------


@pytest.mark.parametrize("old,new,field", [
    ("ukrainian_jobs: 180", f"ukrainian_jobs: {HUGE}", "venture.ukrainian_jobs"),
    ('share_percent: "51"', f"share_percent: {HUGE}", "shareholders.0.share_percent"),
    ("term_years: 10", f"term_years: !!int '{HUGE}'", "dates.term_years"),
    ("shelter_capacity: 220", f"shelter_capacity: 0x{'f' * 4000}", "site.protection.shelter_capacity"),
    ("incident_notice_hours: 2", f"incident_notice_hours: {HUGE}.5e3", "site.protection.incident_notice_hours"),
], ids=["int", "percent", "tagged", "hex", "float"])
def test_a_number_of_thousands_of_digits_is_one_problem_among_all(example_text, tmp_path, old, new, field):
    text = mutate(mutate(example_text, old, new), 'amount: "12500000.00"', 'amount: "-1"')
    path = write_record(tmp_path, text)
    result = run_validate(path)
    line = line_no(text, new)
    assert_problem(result, path, line, field, r"is a number of [0-9,]+ characters; a number in a record has at most 100")
    assert_problem(result, path, line_no(text, '"-1"'), "venture.capital.amount", r"negative")
    assert len(result.stderr) < 3000


def test_json_numbers_of_thousands_of_digits_and_a_long_key(example_text, tmp_path):
    data = yaml_data(example_text)
    data["venture"]["ukrainian_jobs"] = 0
    text = json.dumps(data, indent=2).replace('"ukrainian_jobs": 0', f'"ukrainian_jobs": {HUGE}')
    text = text.replace('"term_years": 10', f'"term_years": {HUGE}.0')
    path = write_record(tmp_path, text, "rec.json")
    result = run_validate(path)
    assert_problem(result, path, line_no(text, f'"ukrainian_jobs": {HUGE}'), "venture.ukrainian_jobs",
                   r"number of 5,000 characters")
    assert_problem(result, path, line_no(text, HUGE + ".0"), "dates.term_years", r"number of 5,002 characters")
    key = write_record(tmp_path, example_text.replace("stage:", f"{HUGE}: 1\nstage:", 1), "key.yaml")
    assert run_validate(key).exit_code == 1


@pytest.mark.parametrize("command", [["validate"], ["render", "memorandum"], ["pack"]])
def test_render_and_pack_refuse_a_huge_number_like_validate(example_text, tmp_path, command):
    path = write_record(tmp_path, mutate(example_text, "ukrainian_jobs: 180", f"ukrainian_jobs: {HUGE}"))
    extra = ["-o", str(tmp_path / "out")] if command[0] != "validate" else []
    result = cli(*command, path, *extra, *(["-f", "docx"] if command[0] != "validate" else []))
    assert result.returncode == 1
    assert f"{path}:".encode() in result.stderr and b"venture.ukrainian_jobs: is a number of 5,000" in result.stderr


@pytest.mark.parametrize("column,value,pattern", [
    ("venture.ukrainian_jobs", HUGE, r"number of 5,000 characters"),
    ("shareholders.0.share_percent", HUGE, r"more than 0 and at most 100"),
    ("venture.capital.amount", HUGE, r"too large"),
])
def test_a_csv_cell_of_thousands_of_digits_is_a_problem_of_its_row(tmp_path, column, value, pattern):
    rows = _fixture_csv_rows()
    rows[1][column] = value
    items = list(read_register(_write_csv(tmp_path / "register.csv", rows)))
    assert len(items) == 3
    with pytest.raises(RecordInvalid) as caught:
        validate_row(items[1])
    found = [str(p) for p in caught.value.problems if p.path == column]
    assert found and re.search(pattern, found[0]) and len(found[0]) < 400, found
    validate_row(items[0]), validate_row(items[2])


def test_an_xlsx_number_cell_of_thousands_of_digits_refuses_that_register_only(tmp_path):
    broken = tmp_path / "huge.xlsx"
    _rewrite_part(REGISTER, broken, "xl/worksheets/sheet1.xml",
                  lambda xml: re.sub(rb"(<c r=\"K3\" t=\"n\">)<v>[0-9]+</v>",
                                     lambda m: m.group(1) + b"<v>" + HUGE.encode() + b"</v>", xml, count=1))
    items = list(read_register(broken))
    assert len(items) == 1 and isinstance(items[0], RecordInvalid)
    (problem,) = items[0].problems
    assert problem.line == 3 and "holds a number of more than 100 characters" in problem.message
    result = cli("batch", FIXTURE_DIR / "DC-2026-030.yaml", broken, "-o", tmp_path / "out", "-f", "docx", "-j", "1")
    assert result.returncode == 1
    assert (tmp_path / "out" / "DC-2026-030" / "manifest.json").is_file()
    assert f"{broken}:3: cell ".encode() in result.stderr


# --- broken and oversized registers ------------------------------------------------------------


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.999])
def test_a_truncated_worksheet_is_one_error_for_its_register(tmp_path, cut):
    broken = tmp_path / "broken.xlsx"
    _rewrite_part(REGISTER, broken, "xl/worksheets/sheet1.xml", lambda xml: xml[: int(len(xml) * cut)])
    items = list(read_register(broken))
    assert len(items) == 1 and isinstance(items[0], RecordInvalid)
    assert re.search(r"damaged: its part xl/worksheets/sheet1.xml is not whole XML", str(items[0]))
    result = cli("batch", broken, FIXTURE_DIR / "DC-2026-030.yaml", "-o", tmp_path / "out", "-f", "docx", "-j", "1")
    assert result.returncode == 1
    assert f"{broken}: the workbook is damaged".encode() in result.stderr
    assert (tmp_path / "out" / "DC-2026-030" / "manifest.json").is_file()


@pytest.mark.parametrize("damage", ["crc", "shared-strings-cut", "not-zip", "doctype"])
def test_other_damage_to_a_workbook_is_one_clear_error(tmp_path, damage):
    broken = tmp_path / "broken.xlsx"
    if damage == "crc":
        data = bytearray(REGISTER.read_bytes())
        with zipfile.ZipFile(REGISTER) as archive:
            info = archive.getinfo("xl/worksheets/sheet1.xml")
        at = info.header_offset  # the local header: 30 bytes, then its own name and extra field
        start = at + 30 + int.from_bytes(data[at + 26:at + 28], "little") + int.from_bytes(data[at + 28:at + 30], "little")
        data[start + info.compress_size // 2] ^= 0xFF
        broken.write_bytes(bytes(data))
    elif damage == "shared-strings-cut":
        _rewrite_part(_shared_strings_xlsx(tmp_path / "whole.xlsx"), broken, "xl/sharedStrings.xml",
                      lambda xml: xml[: len(xml) // 3])
    elif damage == "not-zip":
        broken.write_bytes(REGISTER.read_bytes()[: 2000])
    else:
        _rewrite_part(REGISTER, broken, "xl/workbook.xml",
                      lambda xml: b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + xml)
    items = list(read_register(broken))
    assert len(items) == 1 and isinstance(items[0], RecordInvalid), items
    assert str(items[0]).startswith(f"{broken}")
    assert "Traceback" not in str(items[0])


def test_a_zip_bomb_register_is_refused_before_it_is_unpacked(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    size = MAX_PART_BYTES + 2**20
    _rewrite_part(_shared_strings_xlsx(tmp_path / "whole.xlsx", "BOMB"), bomb, "xl/sharedStrings.xml",
                  lambda xml: xml, huge=(b"BOMB", size))
    assert bomb.stat().st_size < 200_000  # small on disk
    tracemalloc.start()
    try:
        items = list(read_register(bomb))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], RecordInvalid)
    assert re.search(r"part xl/sharedStrings.xml unpacks to [0-9,]+ bytes; a part of a register may be at most",
                     str(items[0]))
    assert peak < 20 * 2**20, f"{peak:,} bytes"


def test_a_cell_over_the_cell_limit_is_refused_before_openpyxl_reads_it(tmp_path):
    big = tmp_path / "big.xlsx"
    _rewrite_part(_shared_strings_xlsx(tmp_path / "whole.xlsx", "BIG"), big, "xl/sharedStrings.xml",
                  lambda xml: xml, huge=(b"BIG", 4 * MAX_CELL_CHARS))
    items = list(read_register(big))
    assert len(items) == 1 and isinstance(items[0], RecordInvalid)
    assert re.search(r"shared string #\d+ .* holds more than 10,000 characters", str(items[0]))


# --- what reaches the terminal -----------------------------------------------------------------


FAKE = "\x1b[2J\x1b[H\rDC-2026-014.yaml: ok (DC-2026-014)\x07"


def test_a_key_with_escape_sequences_is_shown_escaped(example_text, tmp_path):
    data = yaml_data(example_text)
    data[FAKE] = "x"
    data["venture"]["name"]["en"] = "Danforge\u202eecnefeD"  # a direction override
    path = write_record(tmp_path, json.dumps(data, ensure_ascii=True, indent=2), "rec.json")
    result = cli("validate", path)
    assert result.returncode == 1
    no_controls(result.stderr)
    shown = text_of(result.stderr)
    assert "\\x1b[2J\\x1b[H\\x0dDC-2026-014.yaml: ok (DC-2026-014)\\x07: unknown field" in shown
    assert "venture.name.en: contains an invisible control character U+202E" in shown


@pytest.mark.parametrize("name", [b"evil\x1b[2J\r.yaml", b"bad-\xff\xfe-utf8.yaml", b"line\nbreak.yaml"])
def test_file_names_with_controls_or_bytes_that_are_not_utf8(example_text, tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / os.fsdecode(name)
    good.write_text(example_text, encoding="utf-8")
    bad = folder / os.fsdecode(b"z-" + name)
    bad.write_text(mutate(example_text, "term_years: 10", "term_years: 0"), encoding="utf-8")
    escaped = printable(os.fsdecode(name))
    for command in (["validate", folder], ["batch", folder, "-o", tmp_path / "out", "-f", "docx", "-j", "1"]):
        result = cli(*command)
        assert result.returncode == 1, text_of(result.stderr)
        no_controls(result.stdout)
        no_controls(result.stderr)
        assert f"z-{escaped}:".encode() in result.stderr
    assert f"{escaped}: ok (DC-2026-014)".encode() in cli("validate", good).stdout


def test_a_problem_is_always_one_clean_line():
    problem = Problem("a\x1b]0;title\x07.yaml", 3, "k\r\n", "bad \udcff value\u2028next")
    shown = str(problem)
    assert shown == "a\\x1b]0;title\\x07.yaml:3: k\\x0d\\x0a: bad \\xff value\\u2028next"
    assert str(RecordInvalid([problem, problem])).count("\n") == 1


# --- -j ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["0", "1000", "65"])
def test_jobs_are_bounded(tmp_path, jobs):
    result = cli("batch", FIXTURE_DIR / "DC-2026-014.yaml", "-o", tmp_path / "out", "-j", jobs)
    assert result.returncode == 2
    assert re.search(rb"-j.*is not between 1 and \d+ \(4 per CPU, at most 64", result.stderr)
    assert not (tmp_path / "out").exists()


# --- pipes and devices ---------------------------------------------------------------------------


def test_a_fifo_in_a_folder_is_refused_by_name_and_the_rest_is_done(example_text, tmp_path):
    folder = tmp_path / "in"
    write_record(folder, example_text, "DC-2026-014.yaml")
    os.mkfifo(folder / "pipe.yaml")
    result = cli("validate", folder, timeout=60)
    assert result.returncode == 1
    assert f"{folder / 'pipe.yaml'}: is a named pipe (FIFO), not a record file".encode() in result.stderr
    assert b"DC-2026-014.yaml: ok (DC-2026-014)" in result.stdout
    result = cli("batch", folder, "-o", tmp_path / "out", "-f", "docx", "-j", "1", timeout=120)
    assert result.returncode == 1
    assert b"pipe.yaml: is a named pipe" in result.stderr
    assert (tmp_path / "out" / "DC-2026-014" / "manifest.json").is_file()


@pytest.mark.parametrize("name", ["rec.yaml", "rec.json", "register.csv", "register.xlsx"])
def test_a_fifo_named_directly_never_hangs(tmp_path, name):
    pipe = tmp_path / name
    os.mkfifo(pipe)
    commands: list[list[Any]] = [["batch", pipe, FIXTURE_DIR / "DC-2026-030.yaml", "-o", tmp_path / "out",
                                  "-f", "docx", "-j", "1"]]
    if not name.startswith("register"):
        commands += [["validate", pipe], ["render", "memorandum", pipe, "-o", tmp_path / "r"],
                     ["pack", pipe, "-o", tmp_path / "p", "-f", "docx"]]
    for command in commands:
        result = cli(*command, timeout=90)
        assert result.returncode == 1, text_of(result.stderr)
        assert f"{pipe}: is a named pipe (FIFO), not a ".encode() in result.stderr
    assert (tmp_path / "out" / "DC-2026-030" / "manifest.json").is_file()


# --- helpers -------------------------------------------------------------------------------------


def _fixture_csv_rows() -> list[dict[str, str]]:
    with (FIXTURE_DIR / "register.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _shared_strings_xlsx(path: Path, marker: str | None = None) -> Path:
    """The fixture register as Excel writes it: every text in xl/sharedStrings.xml (openpyxl writes
    inline strings), with ``marker`` as the last venture's English name."""
    from openpyxl.utils import get_column_letter
    from xml.sax.saxutils import escape

    rows = _fixture_csv_rows()
    if marker:
        rows[-1]["venture.name.en"] = marker
    table = [list(rows[0])] + [[row[k] for k in rows[0]] for row in rows]
    strings: dict[str, int] = {}
    cells = []
    for r, values in enumerate(table, start=1):
        row = "".join(f'<c r="{get_column_letter(c)}{r}" t="s"><v>{strings.setdefault(v, len(strings))}</v></c>'
                      for c, v in enumerate(values, start=1) if v)
        cells.append(f'<row r="{r}">{row}</row>')
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{_PKG}/content-types"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{_PKG}/relationships"><Relationship Id="r1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets><sheet name="Register" sheetId="1" '
        'r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}/relationships">'
        f'<Relationship Id="r1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="r2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(cells)}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text)
    return path


def test_the_hand_made_workbook_with_shared_strings_is_a_good_register(tmp_path):
    """The helper above makes what Excel makes: the same ventures as the fixture register."""
    made = [validate_row(item) for item in read_register(_shared_strings_xlsx(tmp_path / "r.xlsx"))]
    assert made == [validate_row(item) for item in read_register(REGISTER)]


def _rewrite_part(source: Path, target: Path, part: str, change: Any,
                  huge: tuple[bytes, int] | None = None) -> None:
    """Copy the workbook ``source`` with one part changed; ``huge`` (marker, size) streams a part
    in which the marker is repeated to ``size`` bytes, so that a bomb is made without the memory."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename != part:
                new.writestr(info, data)
            elif huge is None:
                new.writestr(info.filename, change(data))
            else:
                marker, size = huge
                before, after = data.split(marker, 1)
                with new.open(info.filename, "w", force_zip64=True) as stream:
                    stream.write(before)
                    block = b"A" * 2**20
                    left = size
                    while left > 0:
                        stream.write(block[: min(left, len(block))])
                        left -= len(block)
                    stream.write(after)

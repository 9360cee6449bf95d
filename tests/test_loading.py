"""Reading record files safely: encodings, YAML hazards, JSON, size, files and folders."""

from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import (
    HANG_SECONDS,
    assert_problem,
    line_no,
    mutate,
    problem_lines,
    run_validate,
    to_json,
    write_record,
    yaml_data,
)
from dcity_docs.record import loading
from dcity_docs.errors import RecordInvalid
from dcity_docs.record.loading import (
    MAX_RECORD_BYTES,
    Source,
    decode,
    load_record,
    parse_text,
    read_source,
    record_files,
    validate_source,
)


def _only_problem(path: Path | str, pattern: str, line: int | None = None) -> str:
    """Validate ``path``; exactly one problem without a field path, matching ``pattern``."""
    result = run_validate(path)
    assert_problem(result, path, line, "", pattern)
    assert len(problem_lines(result.stderr, path)) == 1, result.stderr
    return result.stderr


# --- YAML hazards -------------------------------------------------------------------------


def test_duplicate_key_is_refused_with_its_line(example_text, tmp_path):
    text = mutate(example_text, "stage: negotiation ", "stage: negotiation\nstage: signed ")
    path = write_record(tmp_path, text)
    _only_problem(path, r"duplicate key 'stage'", line_no(text, "stage: signed"))


def test_duplicate_key_in_flow_mapping_is_refused_with_its_line(example_text, tmp_path):
    text = mutate(example_text, '{scheme: dk.cvr, number: "39170000"}',
                  '{scheme: dk.cvr, number: "39170000", scheme: ua.edrpou}')
    path = write_record(tmp_path, text)
    _only_problem(path, r"duplicate key 'scheme'", line_no(text, "scheme: ua.edrpou}"))


def test_anchor_is_refused(example_text, tmp_path):
    text = mutate(example_text, "seat: {uk: Відень, en: Vienna}", "seat: &vienna {uk: Відень, en: Vienna}")
    path = write_record(tmp_path, text)
    _only_problem(path, r"YAML anchors \(&name\) are not allowed", line_no(text, "&vienna"))


def test_alias_is_refused(example_text, tmp_path):
    text = mutate(example_text, "prevailing_language: uk", "prevailing_language: *lang")
    path = write_record(tmp_path, text)
    _only_problem(path, r"YAML aliases \(\*name\) are not allowed", line_no(text, "*lang"))


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = write_record(tmp_path, "\n".join(lines) + "\n")
    start = time.monotonic()
    _only_problem(path, r"not allowed", 1)
    assert time.monotonic() - start < HANG_SECONDS


@pytest.mark.parametrize(
    "value",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        "!!python/object/apply:subprocess.call [[touch, '{marker}']]",
        "!!python/name:os.system",
        '!!python/object/new:os.system ["touch {marker}"]',
        "!custom {marker}",
        "!!binary aGk=",
    ],
    ids=["apply-os-system", "apply-subprocess", "name", "new", "local-tag", "binary"],
)
def test_tags_are_refused_and_never_executed(example_text, tmp_path, value):
    marker = tmp_path / "executed"
    text = mutate(example_text, "id: DC-2026-014 ", f"id: {value.format(marker=marker)} ")
    path = write_record(tmp_path, text)
    _only_problem(path, r"YAML tag .* is not allowed", line_no(text, "id: !"))
    with pytest.raises(RecordInvalid):
        load_record(path)
    assert not marker.exists(), "a YAML tag ran a command"


def test_tag_on_the_whole_document_is_refused(tmp_path):
    marker = tmp_path / "executed"
    path = write_record(tmp_path, f'!!python/object/apply:os.system ["touch {marker}"]\n')
    _only_problem(path, r"YAML tag .*python/object/apply:os\.system is not allowed", 1)
    assert not marker.exists()


def test_standard_tags_are_accepted(example_text, tmp_path):
    text = mutate(example_text, "id: DC-2026-014 ", "id: !!str DC-2026-014 ")
    text = mutate(text, 'edrpou: "00034022"', "edrpou: !!str 00034022")
    result = run_validate(write_record(tmp_path, text))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    "text,name",
    [("[" * 300_000, "deep.yaml"), ("a: " + "{a: " * 150_000, "deep-map.yaml"),
     ("- " * 300_000, "deep-block.yaml"), ("[" * 300_000, "deep.json"), ('{"a": ' * 150_000, "deep-map.json")],
    ids=["flow-seq", "flow-map", "block-seq", "json-array", "json-object"],
)
def test_deep_nesting_is_refused_quickly(tmp_path, text, name):
    path = write_record(tmp_path, text, name)
    start = time.monotonic()
    result = run_validate(path)
    assert result.exit_code == 1
    assert "nests more than" in result.stderr
    assert time.monotonic() - start < HANG_SECONDS


def test_non_text_key_is_refused(example_text, tmp_path):
    text = mutate(example_text, "  term_years: 10", "  term_years: 10\n  2027: 11")
    path = write_record(tmp_path, text)
    _only_problem(path, r"key 2027 must be text", line_no(text, "2027: 11"))


def test_syntax_error_has_its_line(example_text, tmp_path):
    text = mutate(example_text, "prevailing_language: uk", "prevailing_language: [uk")
    path = write_record(tmp_path, text)
    result = run_validate(path)
    assert result.exit_code == 1
    [problem] = problem_lines(result.stderr, path)
    assert "invalid YAML" in problem


def test_two_documents_in_one_file_are_refused(example_text, tmp_path):
    text = example_text + "---\n" + example_text
    path = write_record(tmp_path, text)
    _only_problem(path, r"invalid YAML", line_no(text, "---"))


@pytest.mark.parametrize(
    "text,pattern",
    [("", r"empty file"), ("  \n\n\t\n", r"empty file"), ("# only a comment\n", r"must be a mapping"),
     ("- DC-2026-014\n- DC-2026-021\n", r"must be a mapping"), ("just words\n", r"must be a mapping"),
     ("null\n", r"must be a mapping")],
    ids=["empty", "whitespace", "comment", "list", "scalar", "null"],
)
def test_empty_or_not_a_mapping(tmp_path, text, pattern):
    path = write_record(tmp_path, text)
    _only_problem(path, pattern, 1 if "mapping" in pattern else None)


# --- encodings and line ends ---------------------------------------------------------------


def test_utf8_bom_is_accepted(example_text, tmp_path):
    path = write_record(tmp_path, codecs.BOM_UTF8 + example_text.encode("utf-8"))
    assert run_validate(path).exit_code == 0


def test_crlf_is_accepted_and_lines_stay_right(example_text, tmp_path):
    path = write_record(tmp_path, example_text.replace("\n", "\r\n").encode("utf-8"))
    assert run_validate(path).exit_code == 0

    bad = mutate(example_text, 'edrpou: "00034022"', 'edrpou: "00034023"')
    path = write_record(tmp_path, bad.replace("\n", "\r\n").encode("utf-8"), "crlf-bad.yaml")
    result = run_validate(path)
    assert_problem(result, path, line_no(bad, "00034023"), "ministry.edrpou", r"not a valid EDRPOU")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_accepted(example_text, tmp_path, codec):
    # Python's "utf-16" codec writes its own BOM; the -le/-be codecs do not.
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    bad = mutate(example_text, "region: UA-18", "region: UA-99")
    path = write_record(tmp_path, bom + example_text.encode(codec))
    assert run_validate(path).exit_code == 0
    path = write_record(tmp_path, bom + bad.encode(codec), "bad.yaml")
    assert_problem(run_validate(path), path, line_no(bad, "UA-99"), "site.region", r"ISO 3166-2:UA")


@pytest.mark.parametrize("codec,order", [("utf-16-le", "little-endian"), ("utf-16-be", "big-endian")])
def test_utf16_without_bom_is_refused_naming_the_encoding(example_text, tmp_path, codec, order):
    path = write_record(tmp_path, example_text.encode(codec))
    _only_problem(path, rf"UTF-16 \({order}\) text without a byte-order mark \(BOM\); save the file as UTF-8")


def test_windows_1251_is_refused_by_name(example_text, tmp_path):
    path = write_record(tmp_path, example_text.encode("cp1251", errors="replace"))
    stderr = _only_problem(path, r"not UTF-8 text.*Windows-1251.*save the file as UTF-8",
                           line_no(example_text, "Данфордж Дефенс Юкрейн"))
    assert "Windows-1251" in stderr and "UTF-8" in stderr


def test_a_western_8_bit_file_is_not_called_windows_1251(example_text, tmp_path):
    """Danish text in Windows-1252 is not UTF-8, but nothing in it suggests Cyrillic."""
    text = example_text.replace("Данфордж Дефенс Юкрейн", "Søren Ærø").split("ministry:")[0]
    path = write_record(tmp_path, text.encode("cp1252", errors="replace"))
    stderr = _only_problem(path, r"not UTF-8 text$", line_no(text, "Søren Ærø"))
    assert "Windows-1251" not in stderr


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 8, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"PK\x03\x04\x14\x00\x06\x00"],
    ids=["all-bytes", "png", "xlsx-zip"],
)
def test_binary_junk_is_refused(tmp_path, data):
    _only_problem(write_record(tmp_path, data), r"binary data, not a text record")


def test_decode_directly():
    assert decode(codecs.BOM_UTF8 + "id: Київ".encode(), "f") == "id: Київ"
    assert decode("id: Київ".encode("utf-16"), "f") == "id: Київ"
    with pytest.raises(RecordInvalid, match="Windows-1251"):
        decode("id: Київ".encode("cp1251"), "f")


# --- size, missing files, folders ---------------------------------------------------------


def test_file_over_the_size_limit_is_refused_by_size(example_text, tmp_path):
    padding = "#" + "x" * 99 + "\n"
    text = example_text + padding * (MAX_RECORD_BYTES // len(padding) + 1)
    path = write_record(tmp_path, text)
    assert path.stat().st_size > MAX_RECORD_BYTES
    _only_problem(path, r"file is [0-9,]+ bytes; a record may be at most 1,000,000")


def test_a_device_is_not_read_at_all():
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero here")
    _only_problem(zero, r"is a character device, not a record file: only regular files are read")


def test_missing_file(tmp_path):
    path = tmp_path / "DC-2026-999.yaml"
    result = run_validate(path)
    assert result.exit_code == 1
    assert f"{path}: no such file" in result.stderr


def test_folder_validates_every_record_inside(example_text, fixture_dir, tmp_path):
    folder = tmp_path / "batch"
    for fixture in fixture_dir.glob("*.yaml"):
        write_record(folder, fixture.read_text(encoding="utf-8"), fixture.name)
    write_record(folder, to_json(example_text), "DC-2026-014.json")
    bad_text = mutate(example_text, "term_years: 10", "term_years: 0")
    bad = write_record(folder, bad_text, "z-bad.YML")
    write_record(folder, "not a record", "README.txt")
    (folder / "sub").mkdir()

    result = run_validate(folder)

    assert result.exit_code == 1
    assert result.stdout.count(": ok (") == 4
    assert f"{folder / 'DC-2026-014.json'}: ok (DC-2026-014)" in result.stdout
    assert_problem(result, bad, line_no(bad_text, "term_years: 0"), "dates.term_years", r"at least 1")
    assert "README" not in result.output
    assert record_files([folder]) == sorted(record_files([folder]))


def test_record_files_keeps_files_and_expands_folders(fixture_dir, tmp_path):
    single = tmp_path / "x.yaml"
    assert record_files([single, fixture_dir]) == [single] + sorted(fixture_dir.glob("*.yaml"))


# --- JSON ---------------------------------------------------------------------------------


def test_json_form_of_the_example_is_valid(example_text, tmp_path):
    path = write_record(tmp_path, to_json(example_text), "DC-2026-014.json")
    result = run_validate(path)
    assert result.exit_code == 0, result.stderr
    assert load_record(path) == load_record(write_record(tmp_path, example_text))


def test_json_error_reports_field_path_and_line(example_text, tmp_path):
    data = yaml_data(example_text)
    data["shareholders"][1]["bank"]["iban"] = "DK5100400440116243"
    data["venture"]["capital"]["amount"] = 12500000.0
    text = json.dumps(data, ensure_ascii=False, indent=2)
    path = write_record(tmp_path, text, "rec.json")
    result = run_validate(path)
    assert_problem(result, path, line_no(text, "DK5100400440116243"), "shareholders.1.bank.iban",
                   r"not a valid IBAN")
    assert_problem(result, path, line_no(text, "12500000.0"), "venture.capital.amount", r"floating-point")
    assert len(problem_lines(result.stderr, path)) == 2


def test_json_duplicate_key_has_its_line(example_text, tmp_path):
    text = to_json(example_text)
    text = mutate(text, '  "stage": "negotiation",\n', '  "stage": "negotiation",\n  "stage": "signed",\n')
    path = write_record(tmp_path, text, "rec.json")
    _only_problem(path, r"duplicate key 'stage'", line_no(text, '"signed"'))


def test_json_syntax_error_has_its_line(example_text, tmp_path):
    text = mutate(to_json(example_text), '"prevailing_language": "uk"', '"prevailing_language": "uk",')
    path = write_record(tmp_path, text, "rec.json")
    _only_problem(path, r"invalid JSON", len(text.splitlines()))


# --- the Source helper ---------------------------------------------------------------------


def test_line_of_falls_back_to_the_nearest_parent(example_text):
    source = parse_text(example_text, "rec.yaml")
    assert source.line_of(("dates", "term_years")) == line_no(example_text, "term_years:")
    # a field that is not in the file is reported on its parent's line
    assert source.line_of(("site", "protection", "missing")) == line_no(example_text, "  protection:")
    assert source.line_of(("shareholders", 1)) == line_no(example_text, "uk: Данфордж Дефенс А/С") - 1
    assert Source("f", {}).line_of(("a",)) is None


def test_yaml_values_are_plain_python(example_text):
    source = parse_text(example_text, "rec.yaml")
    assert type(source.data) is dict
    assert type(source.data["shareholders"]) is list
    assert type(source.data["id"]) is str
    assert source.data["dates"]["memorandum"] == "2026-09-01"  # dates stay text until validated


def test_read_source_refuses_a_folder(tmp_path):
    with pytest.raises(RecordInvalid, match="is a folder"):
        read_source(tmp_path)


def test_size_limit_is_a_module_setting(monkeypatch, example_text, tmp_path):
    monkeypatch.setattr(loading, "MAX_RECORD_BYTES", 1000)
    path = write_record(tmp_path, example_text)
    with pytest.raises(RecordInvalid, match="at most 1,000"):
        load_record(path)


# --- the bad-input corpus, extended --------------------------------------------------------------
# Each case: exit 1 (or 0 where the file is a valid record in a legitimate form), one clear line
# per problem, no traceback, and fast (run_validate bounds every call; the real command below is
# timed as a whole).

HUGE = 50 * 1024 * 1024


def _sparse(path: Path, head: bytes, size: int) -> Path:
    """A file of ``size`` bytes made in no time: ``head``, then a hole."""
    with path.open("wb") as fh:
        fh.write(head)
        fh.truncate(size)
    return path


def test_a_50_megabyte_file_is_refused_by_its_size_without_being_read(example_text, tmp_path):
    path = _sparse(tmp_path / "huge.yaml", example_text.encode("utf-8"), HUGE)
    started = time.monotonic()
    _only_problem(path, rf"file is {HUGE:,} bytes; a record may be at most 1,000,000")
    assert time.monotonic() - started < 2


def _nodes(value, path=()):
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, path + (index,))


def _wrong_values(path, value):
    """Values of the wrong type for the node at ``path`` (each must be refused on its own)."""
    if isinstance(value, bool):
        return {"text": "true", "number": 1, "list": [value]}
    if isinstance(value, int):
        return {"text": str(value), "decimal": float(value), "true": True, "list": [value]}
    if isinstance(value, str):
        wrong = {"list": [value], "mapping": {"value": value}, "true": True}
        if path[-1] != "share_percent":  # a whole-number percentage is valid (51)
            wrong["number"] = 7
        return wrong
    if isinstance(value, list):
        return {"text": "x", "mapping": {"first": "x"}}
    return {"text": "x", "list": ["x"]}


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _dotted(path):
    return ".".join(str(p) for p in path)


def _problems(data) -> list[str]:
    """The problem lines for ``data`` (validated as the CLI does, without the YAML parse)."""
    try:
        validate_source(Source("rec.json", data, {(): 1}))
    except RecordInvalid as exc:
        return [str(p) for p in exc.problems]
    return []


def test_wrong_types_everywhere_are_refused_one_line_each(example_text):
    """Every field of the example, one at a time, given a value of each wrong type: exactly one
    problem, on that field, in words (no pydantic 'Input should ...'). The command's side of it
    (lines, exit code) is the corpus test below; parsing 300 files would only add time."""
    base = yaml_data(example_text)
    cases = []
    for path, value in _nodes(base):
        if path:
            cases += [(path, kind, wrong) for kind, wrong in _wrong_values(path, value).items()]
    cases += [(("disputes", "arbitrators"), repr(v), v) for v in (True, 3.0, "3", 2)]
    assert len(cases) > 300
    accepted, wrong_lines = [], []
    for path, kind, wrong in cases:
        data = json.loads(json.dumps(base))
        _set(data, path, wrong)
        lines = _problems(data)
        if not lines:
            accepted.append((_dotted(path), kind))
        elif len(lines) != 1 or not lines[0].startswith(f"rec.json:1: {_dotted(path)}: ") or "Input should" in lines[0]:
            wrong_lines.append((_dotted(path), kind, lines))
    assert not accepted, f"wrong types accepted: {accepted}"
    assert not wrong_lines, "\n".join(map(str, wrong_lines))


def test_unknown_fields_anywhere_are_refused_naming_them(example_text):
    base = yaml_data(example_text)
    mappings = [path for path, value in _nodes(base) if isinstance(value, dict)]
    assert len(mappings) >= 25
    for path in mappings:
        data = json.loads(json.dumps(base))
        target = data
        for key in path:
            target = target[key]
        target["colour"] = "red"
        assert _problems(data) == [f"rec.json:1: {_dotted(path + ('colour',))}: unknown field (not in the record "
                                   "contract; check the spelling)"], path


@pytest.mark.parametrize(
    "old,new,field",
    [
        ("memorandum: 2026-09-01", "memorandum: 2026-02-30", "dates.memorandum"),
        ("memorandum: 2026-09-01", "memorandum: 2025-02-29", "dates.memorandum"),
        ("memorandum: 2026-09-01", "memorandum: 2026-13-01", "dates.memorandum"),
        ("memorandum: 2026-09-01", "memorandum: 2026-00-10", "dates.memorandum"),
        ("memorandum: 2026-09-01", "memorandum: 2026-04-31", "dates.memorandum"),
        ("memorandum: 2026-09-01", "memorandum: 0000-01-01", "dates.memorandum"),
        ("agreement: 2026-10-15", 'agreement: "2026-06-31"', "dates.agreement"),
    ],
    ids=["feb-30", "feb-29-2025", "month-13", "month-0", "apr-31", "year-0", "quoted-jun-31"],
)
def test_impossible_dates_are_refused_with_their_line(example_text, tmp_path, old, new, field):
    text = mutate(example_text, old, new)
    path = write_record(tmp_path, text)
    result = run_validate(path)
    assert_problem(result, path, line_no(text, new), field, r"not a real date")
    assert len(problem_lines(result.stderr, path)) == 1


def test_json_with_escaped_characters_beyond_u_ffff_is_read_right(example_text, tmp_path):
    """json.dumps writes 😀 as a surrogate pair of escapes; the record holds the character (which
    the documents' fonts cannot print: it is refused as that one character, not as two halves)."""
    data = yaml_data(example_text)
    data["venture"]["name"]["en"] = "Danforge 😀 Defence"
    path = write_record(tmp_path, json.dumps(data, ensure_ascii=True, indent=2), "escaped.json")
    assert "\\ud83d\\ude00" in path.read_text()
    result = run_validate(path)
    assert_problem(result, path, line_no(path.read_text(), "Danforge \\ud83d"), "venture.name.en",
                   r"contains '😀' \(U\+1F600, GRINNING FACE\), which the documents' fonts")
    assert "U+D83D" not in result.stderr


@pytest.mark.parametrize("escape,shown", [("\\ud800", "U+D800"), ("\\uffff", "U+FFFF"), ("\\ufffe", "U+FFFE")])
def test_escapes_that_are_no_character_are_refused(example_text, tmp_path, escape, shown):
    text = mutate(example_text, "en: Danforge Defence Ukraine", f'en: "Danforge {escape} Defence"')
    path = write_record(tmp_path, text)
    result = run_validate(path)
    assert_problem(result, path, line_no(text, "en: \"Danforge"), "venture.name.en", rf"{re.escape(shown)}, which is not a character")


def _corpus(example_text: str, folder: Path) -> dict[str, tuple[int, str]]:
    """name -> (number of problem lines, pattern one of them matches) for every class of bad input."""
    folder.mkdir()
    example = example_text.encode("utf-8")
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    wrong_types = example_text
    for old, new in (("ukrainian_jobs: 180", 'ukrainian_jobs: "many"'), ("term_years: 10", "term_years: [10]"),
                     ("guarded_perimeter: true", "guarded_perimeter: 1"), ('edrpou: "00034022"', "edrpou: 34022"),
                     ("products: [drones, artillery_ammunition]", "products: drones")):
        wrong_types = mutate(wrong_types, old, new)
    unknown = mutate(example_text, "stage: negotiation ", "stage: negotiation\nnotes: x\nstatus: y ")
    files = {
        "invalid-yaml.yaml": (mutate(example_text, "prevailing_language: uk", "prevailing_language: [uk"),
                              1, r"invalid YAML"),
        "duplicate-key.yaml": (mutate(example_text, "stage: negotiation ", "stage: negotiation\nstage: signed "),
                               1, r"duplicate key 'stage'"),
        "alias-bomb.yaml": ("\n".join(lines) + "\n", 1, r"YAML anchors \(&name\) are not allowed"),
        "binary.yaml": (bytes(range(256)) * 8, 1, r"binary data, not a text record"),
        "windows-1251.yaml": (example_text.encode("cp1251", errors="replace"), 1, r"Windows-1251.*save the file as UTF-8"),
        "utf-16-no-bom.yaml": (example_text.encode("utf-16-le"), 1, r"UTF-16 \(little-endian\).*save the file as UTF-8"),
        "wrong-types.yaml": (wrong_types, 5, r"venture\.ukrainian_jobs: must be a whole number"),
        "unknown-fields.yaml": (unknown, 2, r"notes: unknown field"),
        "empty.yaml": ("", 1, r"empty file"),
        "python-tag.yaml": (mutate(example_text, "id: DC-2026-014 ", "id: !!python/object/apply:os.system [ls] "),
                            1, r"YAML tag .* is not allowed"),
        "impossible-date.yaml": (mutate(example_text, "memorandum: 2026-09-01", "memorandum: 2026-02-30"),
                                 1, r"dates\.memorandum: '2026-02-30' is not a real date"),
        "crlf-bad.yaml": (mutate(example_text, "region: UA-18", "region: UA-99").replace("\n", "\r\n").encode(),
                          1, r"site\.region: the value given is not"),
        "invalid.json": ('{"id": "DC-2026-014",', 1, r"invalid JSON"),
        "deep.json": ("[" * 100_000, 1, r"nests more than"),
    }
    expected = {}
    for name, (content, count, pattern) in files.items():
        write_record(folder, content, name)
        expected[name] = (count, pattern)
    _sparse(folder / "huge.yaml", example, HUGE)
    expected["huge.yaml"] = (1, rf"file is {HUGE:,} bytes")
    return expected


def _run_command(*args: str | Path) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "dcity_docs", *map(str, args)], capture_output=True,
                            text=True, timeout=60)
    return result, time.monotonic() - started


def test_the_whole_corpus_through_the_real_command(example_text, tmp_path):
    """The installed entry point (not click's test runner): exit 1, one line per problem, no
    traceback, every class of bad input in one run, in seconds."""
    folder = tmp_path / "corpus"
    expected = _corpus(example_text, folder)
    files = sorted(folder.iterdir())

    result, elapsed = _run_command("validate", *files)

    assert result.returncode == 1, result.stderr
    assert elapsed < HANG_SECONDS, f"took {elapsed:.1f} s"
    assert "Traceback" not in result.stderr + result.stdout
    stderr = result.stderr.splitlines()
    assert stderr[-1] == f"Error: {len(files)} of {len(files)} record(s) invalid"
    for line in stderr[:-1]:
        assert any(line.startswith(f"{path}:") for path in files), f"a line that names no file: {line!r}"
    for name, (count, pattern) in expected.items():
        lines = problem_lines(result.stderr, folder / name)
        assert len(lines) == count, (name, lines)
        assert any(re.search(pattern, line) for line in lines), (name, lines)


def test_legitimate_forms_of_a_valid_record_through_the_real_command(example_text, tmp_path):
    """UTF-8 with a BOM, Windows line ends (CRLF), both, JSON, JSON with a BOM, UTF-16 with a BOM."""
    folder = tmp_path / "legit"
    example = example_text.encode("utf-8")
    crlf = example_text.replace("\n", "\r\n").encode("utf-8")
    json_text = to_json(example_text).encode("utf-8")
    for name, data in {"bom.yaml": codecs.BOM_UTF8 + example, "crlf.yaml": crlf,
                       "bom-crlf.yaml": codecs.BOM_UTF8 + crlf, "record.json": json_text,
                       "bom.json": codecs.BOM_UTF8 + json_text, "crlf.json": json_text.replace(b"\n", b"\r\n"),
                       "utf-16.yaml": example_text.encode("utf-16")}.items():
        write_record(folder, data, name)

    result, elapsed = _run_command("validate", folder)

    assert result.returncode == 0, result.stderr
    assert elapsed < HANG_SECONDS, f"took {elapsed:.1f} s"
    assert result.stderr == ""
    assert result.stdout.count(": ok (DC-2026-014)") == 7

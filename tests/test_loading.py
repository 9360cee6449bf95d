"""Reading record files safely: encodings, YAML hazards, JSON, size, files and folders."""

from __future__ import annotations

import codecs
import json
import time
from pathlib import Path

import pytest

from conftest import (
    assert_problem,
    line_no,
    mutate,
    problem_lines,
    run_validate,
    to_json,
    write_record,
    yaml_data,
)
from dcity_docs import loading
from dcity_docs.errors import RecordInvalid
from dcity_docs.loading import (
    MAX_RECORD_BYTES,
    Source,
    decode,
    load_record,
    parse_text,
    read_source,
    record_files,
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
    assert time.monotonic() - start < 2


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
    assert time.monotonic() - start < 3


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


def test_utf16_without_bom_is_refused(example_text, tmp_path):
    path = write_record(tmp_path, example_text.encode("utf-16-le"))
    _only_problem(path, r"binary data, not a text record")


def test_windows_1251_is_refused_by_name(example_text, tmp_path):
    path = write_record(tmp_path, example_text.encode("cp1251", errors="replace"))
    stderr = _only_problem(path, r"not UTF-8 text.*Windows-1251.*save the file as UTF-8",
                           line_no(example_text, "Данфордж Дефенс Юкрейн"))
    assert "Windows-1251" in stderr and "UTF-8" in stderr


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


def test_a_device_is_not_read_forever():
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero here")
    _only_problem(zero, r"over 1,000,000 bytes")


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

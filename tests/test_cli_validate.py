"""``dcity-docs validate`` end to end, and the help and version of the command line."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

import dcity_docs
from conftest import (
    CONTRACT_EXAMPLE,
    assert_problem,
    line_no,
    mutate,
    problem_lines,
    run_validate,
    to_json,
    write_record,
)
from dcity_docs.cli import cli

FIXTURES = ["DC-2026-014.yaml", "DC-2026-021.yaml", "DC-2026-030.yaml"]


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_is_valid(fixture_dir, name):
    path = fixture_dir / name
    result = run_validate(path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{path}: ok ({name.removesuffix('.yaml')})\n"
    assert result.stderr == ""


def test_all_fixtures_at_once(fixture_dir):
    result = run_validate(*(fixture_dir / n for n in FIXTURES))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count(": ok (") == 3


def test_contract_example_is_valid_unchanged():
    if not CONTRACT_EXAMPLE.is_file():
        pytest.skip(f"the shared contract is not beside the project ({CONTRACT_EXAMPLE})")
    result = run_validate(CONTRACT_EXAMPLE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{CONTRACT_EXAMPLE}: ok (DC-2026-014)\n"


def test_fixture_014_is_the_contract_example(fixture_dir, example_text):
    assert (fixture_dir / "DC-2026-014.yaml").read_text(encoding="utf-8") == example_text


def test_json_form_of_the_example_is_valid(example_text, tmp_path):
    path = write_record(tmp_path, to_json(example_text), "DC-2026-014.json")
    result = run_validate(path)
    assert result.exit_code == 0, result.stderr
    assert f"{path}: ok (DC-2026-014)" in result.stdout


def test_mix_of_valid_and_invalid_files(example_text, fixture_dir, tmp_path):
    bad_text = mutate(example_text, "bic: PBANUA2X", "bic: PBAN")
    bad = write_record(tmp_path, bad_text, "bad.yaml")
    missing = tmp_path / "missing.yaml"
    good = [fixture_dir / "DC-2026-021.yaml", fixture_dir / "DC-2026-030.yaml"]

    result = run_validate(good[0], bad, missing, good[1])

    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{good[0]}: ok (DC-2026-021)", f"{good[1]}: ok (DC-2026-030)"]
    assert_problem(result, bad, line_no(bad_text, "bic: PBAN}"), "shareholders.0.bank.bic", r"not a valid BIC")
    assert f"{missing}: no such file" in result.stderr
    assert "2 of 4 record(s) invalid" in result.stderr


def test_every_problem_line_has_the_form_file_line_path_message(example_text, tmp_path):
    text = mutate(example_text, "term_years: 10", "term_years: 0")
    text = mutate(text, "region: UA-18", "region: UA-99")
    path = write_record(tmp_path, text)
    result = run_validate(path)
    lines = problem_lines(result.stderr, path)
    assert len(lines) == 2
    for line in lines:
        rest = line[len(str(path)) :]
        assert rest.startswith(":")
        number, field_path, message = rest[1:].split(": ", 2)
        assert number.isdigit() and field_path and message


def test_validate_needs_a_file():
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _all_commands(command, prefix + (name,))


def test_every_command_help_has_an_example():
    commands = list(_all_commands(cli))
    assert {("validate",), ("schema",)} <= {path for path, _ in commands}
    for path, _command in commands:
        result = CliRunner().invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Example" in result.output, f"'dcity-docs {' '.join(path)} --help' shows no example"


def test_top_level_help_has_an_example():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "validate" in result.output


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert dcity_docs.__version__ in result.output
    assert "dcity-docs" in result.output

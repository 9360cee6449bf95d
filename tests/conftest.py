"""Shared test helpers: the contract example, the fixtures folder, and safe text mutations.

Bad records are made by mutating the contract example's *text* (not its parsed data), so that the
line of every bad value is known and the test can check the ``FILE:LINE: field.path: message``
report exactly. ``mutate`` insists that what it replaces occurs exactly once: if the example
changes, a test fails loudly instead of silently testing an unchanged (valid) record.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["guards"]  # the loopback listener and the leak checks every test runs under

REPO = Path(__file__).resolve().parent.parent
FIXTURE_DIR = REPO / "fixtures"
# The contract lives beside the project (../shared/contract); the fixture DC-2026-014 is a copy.
CONTRACT_EXAMPLE = REPO.parent / "shared" / "contract" / "venture.example.yaml"


# --- plain helpers (also offered as fixtures of the same name below) -------------------------


def write_record(tmp_path: Path, text: str | bytes, name: str = "rec.yaml") -> Path:
    """Write a record into ``tmp_path`` (text as UTF-8 with LF line ends, bytes as they are)."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="\n")
    return path


def mutate(text: str, old: str, new: str) -> str:
    """Replace ``old`` by ``new``; ``old`` must occur exactly once."""
    count = text.count(old)
    assert count == 1, f"{old!r} occurs {count} times in the text, expected exactly once"
    return text.replace(old, new)


def line_no(text: str, needle: str) -> int:
    """1-based number of the one line of ``text`` containing ``needle`` (asserted unique)."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) == 1, f"{needle!r} is on lines {hits} of the text, expected exactly one"
    return hits[0]


def example_source_text() -> str:
    path = CONTRACT_EXAMPLE if CONTRACT_EXAMPLE.is_file() else FIXTURE_DIR / "DC-2026-014.yaml"
    return path.read_text(encoding="utf-8")


def yaml_data(text: str) -> Any:
    """Plain data of a YAML text (YAML 1.2, as the project reads it), dates as ISO strings."""
    from ruamel.yaml import YAML

    return iso_dates(YAML(typ="safe", pure=True).load(text))


def iso_dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [iso_dates(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def to_json(text: str) -> str:
    """The JSON form of a YAML record (two-space indent, so every field has its own line)."""
    return json.dumps(yaml_data(text), ensure_ascii=False, indent=2)


def problem_lines(stderr: str, file: Path | str) -> list[str]:
    """The ``FILE...`` problem lines of a validate run (without the closing summary line)."""
    return [line for line in stderr.splitlines() if line.startswith(str(file))]


HANG_SECONDS = 30
"""A robustness bound, not a benchmark (speed is measured in benchmarks/): an input that would
hang or blow up the parser takes minutes; a loaded 2-core CI machine may take several seconds for
a normal one. Every "refused quickly" test uses this one bound."""
VALIDATE_SECONDS = HANG_SECONDS


def run_validate(*paths: Path | str):
    """``dcity-docs validate PATHS`` through click's test runner; never a traceback, never slow."""
    import time

    from click.testing import CliRunner

    from dcity_docs.cli import cli

    started = time.monotonic()
    result = CliRunner().invoke(cli, ["validate", *[str(p) for p in paths]])
    elapsed = time.monotonic() - started
    # A robustness bound, not a benchmark: no input may keep validation busy for long.
    assert elapsed < VALIDATE_SECONDS, f"validate took {elapsed:.1f} s"
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def assert_problem(result, file: Path | str, line: int | None, field: str, pattern: str) -> str:
    """Exit 1 and a ``FILE:LINE: field: message`` line whose message matches ``pattern``."""
    assert result.exit_code == 1, (result.exit_code, result.output)
    where = f"{file}:{line}" if line else f"{file}"
    prefix = f"{where}: {field}: " if field else f"{where}: "
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(prefix)]
    assert lines, f"no line starting with {prefix!r} in stderr:\n{result.stderr}"
    matching = [ln for ln in lines if re.search(pattern, ln[len(prefix) :], re.IGNORECASE)]
    assert matching, f"no message matching {pattern!r} in:\n" + "\n".join(lines)
    return matching[0]


# --- fixtures ----------------------------------------------------------------------------


@pytest.fixture
def example_text() -> str:
    """The contract example (venture.example.yaml), exactly as the legal officers' template."""
    return example_source_text()


@pytest.fixture
def fixture_dir() -> Path:
    return FIXTURE_DIR


@pytest.fixture(name="write_record")
def _write_record_fixture():
    return write_record


@pytest.fixture(name="mutate")
def _mutate_fixture():
    return mutate


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The tool's cache (stamps) goes to a folder of the test run, never the user's home; commands
    run as subprocesses inherit it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def fixture_packs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``dcity-docs pack`` of the three fixtures, DOCX and PDF, made once for every module that
    reads them back (packs, page layout): LibreOffice converts them once a run, not once a module.
    Read only: a test that changes a pack makes its own."""
    from click.testing import CliRunner

    from dcity_docs.cli import cli

    out = tmp_path_factory.mktemp("fixture-packs")
    stems = ["DC-2026-014", "DC-2026-021", "DC-2026-030"]
    result = CliRunner().invoke(cli, ["pack", *(str(FIXTURE_DIR / f"{s}.yaml") for s in stems), "-o", str(out)])
    assert result.exit_code == 0, result.output + result.stderr
    return out

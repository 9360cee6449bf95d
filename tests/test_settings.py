"""The environment is read in one place (dcity_docs/settings.py)."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from dcity_docs import settings

PACKAGE = Path(settings.__file__).resolve().parent


def test_only_settings_reads_the_environment() -> None:
    readers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
                if isinstance(node.value, ast.Name) and node.value.id == "os":
                    parent_reads = path.name == "settings.py"
                    if not parent_reads:
                        readers.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    # passing the environment on to a child process (dict(os.environ), {**os.environ}) is allowed
    allowed = {r for r in readers if _copies_environment(PACKAGE / r.split(":")[0], int(r.split(":")[1]))}
    assert sorted(set(readers) - allowed) == []


def _copies_environment(path: Path, line: int) -> bool:
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    return "{**os.environ" in text or "dict(os.environ" in text or "os.environ.copy()" in text


def test_values_are_stripped_and_empty_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(settings.SOFFICE, "  /opt/lo/soffice ")
    assert settings.value(settings.SOFFICE) == "/opt/lo/soffice"
    monkeypatch.setenv(settings.SOFFICE, "   ")
    assert settings.value(settings.SOFFICE) is None
    with pytest.raises(KeyError):
        settings.value("HOME")


@pytest.mark.parametrize(("raw", "expected"), [
    ("0", dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)),
    ("1767225600", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)),
    ("yesterday", None), ("-5", None), ("", None),
])
def test_source_date_epoch(monkeypatch: pytest.MonkeyPatch, raw: str, expected: dt.datetime | None) -> None:
    monkeypatch.setenv(settings.SOURCE_DATE_EPOCH, raw)
    assert settings.source_date_epoch() == expected

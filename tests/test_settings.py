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


CHART = """
from dcity_docs.reports.reports import chart_png
from dcity_docs.wording.catalogs import Bi
assert chart_png([(Bi("Область", "Region"), [(Bi("Київ", "Kyiv"), 2)])], Bi("к", "n"), 4, 2).startswith(b"\\x89PNG")
"""


@pytest.mark.parametrize("chosen", [False, True])
def test_a_chart_leaves_nothing_in_the_home_folder(tmp_path: Path, chosen: bool) -> None:
    """matplotlib makes ~/.config/matplotlib on import: the tool points it into its own cache,
    unless the user chose a folder for it."""
    import os
    import subprocess
    import sys

    home, cache, mine = tmp_path / "home", tmp_path / "cache", tmp_path / "mine"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "MPLCONFIGDIR"}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(cache), XDG_CONFIG_HOME="")
    if chosen:
        env["MPLCONFIGDIR"] = str(mine)
    run = subprocess.run([sys.executable, "-c", CHART], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert list(home.rglob("*")) == []
    assert (mine if chosen else cache / "dcity-docs" / "matplotlib").is_dir()
    assert not (cache / "dcity-docs" / "matplotlib").exists() if chosen else not mine.exists()


def test_the_code_names_no_shared_folder_but_libreoffices_pipe_folder() -> None:
    """Temporary files go through :mod:`tempfile` (so into ``$TMPDIR``, which the tests make
    private and check), the home folder only through settings.cache_dir: the one fixed folder in
    the code is LibreOffice's own for its sockets."""
    named = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}"
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and node.value.startswith(("/tmp", "/var/tmp", "~"))):
                named.append(f"{where}: {node.value}")
            if isinstance(node, ast.Attribute) and node.attr in ("home", "expanduser", "gettempdir"):
                named.append(f"{where}: .{node.attr}")
    assert [n.split(":", 1)[0] + ":" + n.split(": ", 1)[1] for n in named] == [
        "conversion/locating.py:.expanduser",  # a path the user configured
        "conversion/processes.py:/tmp",  # OSL_PIPE_FOLDER
        "pdf/watermark.py:.expanduser",  # a path the user configured
        "settings.py:.home",  # cache_dir
    ], named

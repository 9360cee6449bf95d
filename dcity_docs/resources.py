"""Where the bundled templates and catalogs are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # In a wheel the top-level folders are installed inside the package (see pyproject.toml);
    # in a source checkout or an editable install they sit beside it.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found near {_PACKAGE}")


def templates_dir() -> Path:
    return _find("templates")


def locales_dir() -> Path:
    return _find("locales")


def data_dir() -> Path:
    return _PACKAGE / "data"

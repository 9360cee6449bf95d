"""The one place the tool reads its environment.

Each variable is read when it is needed (a test or an embedding program may set it at any time),
and only here, so that a reader finds every setting the tool takes from outside in one file.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from dcity_docs.errors import InputError

SOFFICE = "DCITY_SOFFICE"
"""The LibreOffice program to run (else PATH and the usual install locations)."""
UNO_PYTHON = "DCITY_UNO_PYTHON"
"""A Python that can ``import uno``, for local unoserver servers."""
WATERMARK_FONT = "DCITY_WATERMARK_FONT"
"""A TrueType font with Cyrillic glyphs for the draft stamp."""
CONVERTER = "DCITY_CONVERTER"
"""The ``--converter`` of every command that converts (``soffice`` or ``unoserver://...``)."""
PROGRAMME = "DCITY_PROGRAMME"
"""The ``--programme`` file of every command that reads records (else the bundled one)."""
P12_PASSPHRASE = "DCITY_P12_PASSPHRASE"
"""The passphrase of the PKCS#12 file of `dcity-docs sign` (never taken on the command line)."""
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
"""The reproducible-builds date for files that have no record date (the batch reports)."""

TEMPLATE_SECONDS = "DCITY_TEMPLATE_SECONDS"
"""How long the Jinja code of one user template (``--templates``) may run for one document."""
TEMPLATE_MEMORY_MB = "DCITY_TEMPLATE_MEMORY_MB"
"""How much memory (MB) the Jinja code of one user template may take for one document."""

ALL = (SOFFICE, UNO_PYTHON, WATERMARK_FONT, CONVERTER, PROGRAMME, P12_PASSPHRASE, SOURCE_DATE_EPOCH,
       TEMPLATE_SECONDS, TEMPLATE_MEMORY_MB)

DEFAULT_TEMPLATE_SECONDS = 20.0
"""The bundled templates render a document in well under a second; a user's may take this long."""
DEFAULT_TEMPLATE_MEMORY_MB = 512
"""The bundled templates need a few MB for a document; a user's may take this much more."""


def value(name: str) -> str | None:
    """The variable's value, stripped; None when unset or empty."""
    text = (secret(name) or "").strip()
    return text or None


def secret(name: str) -> str | None:
    """The variable's value exactly as set (a passphrase may be empty or end in a space); None
    when unset."""
    if name not in ALL:
        raise KeyError(f"{name} is not a setting of dcity-docs")
    return os.environ.get(name)


def template_seconds() -> float:
    """:data:`TEMPLATE_SECONDS` (a positive number of seconds), else
    :data:`DEFAULT_TEMPLATE_SECONDS`."""
    return _positive(TEMPLATE_SECONDS, DEFAULT_TEMPLATE_SECONDS, float)


def template_memory_mb() -> int:
    """:data:`TEMPLATE_MEMORY_MB` (a positive whole number of MB), else
    :data:`DEFAULT_TEMPLATE_MEMORY_MB`."""
    return int(_positive(TEMPLATE_MEMORY_MB, DEFAULT_TEMPLATE_MEMORY_MB, int))


def _positive(name: str, default: float, kind: type) -> float:
    text = value(name)
    if text is None:
        return default
    try:
        number = kind(text)
    except ValueError:
        number = 0
    if not 0 < number < 10**9:
        raise InputError(f"{name}={text!r}: not a positive {'whole ' if kind is int else ''}number")
    return number


def cache_dir() -> Path:
    """Where the tool keeps what it can make again (``$XDG_CACHE_HOME/dcity-docs``, else
    ``~/.cache/dcity-docs``): nothing there is ever restricted or needed."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "dcity-docs"


MATPLOTLIB_CONFIG = "MPLCONFIGDIR"
"""matplotlib's folder for its settings and font list (the user's choice, if set)."""


def keep_matplotlib_in_cache() -> None:
    """matplotlib makes ``~/.config/matplotlib`` when it is imported: unless the user chose its
    folder, point it into the tool's cache first, so a register's charts leave nothing in the home
    folder outside :func:`cache_dir`. (Read by matplotlib only on its first import.)"""
    if not os.environ.get(MATPLOTLIB_CONFIG, "").strip():
        os.environ[MATPLOTLIB_CONFIG] = str(cache_dir() / "matplotlib")


def source_date_epoch() -> datetime | None:
    """``$SOURCE_DATE_EPOCH`` as a UTC datetime, or None if unset or not a whole number."""
    text = value(SOURCE_DATE_EPOCH)
    if text is None or not text.isdigit():
        return None
    return datetime.fromtimestamp(int(text), tz=timezone.utc)

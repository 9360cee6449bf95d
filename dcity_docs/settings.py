"""The one place the tool reads its environment.

Each variable is read when it is needed (a test or an embedding program may set it at any time),
and only here, so that a reader finds every setting the tool takes from outside in one file.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

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

ALL = (SOFFICE, UNO_PYTHON, WATERMARK_FONT, CONVERTER, PROGRAMME, P12_PASSPHRASE, SOURCE_DATE_EPOCH)


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


def cache_dir() -> Path:
    """Where the tool keeps what it can make again (``$XDG_CACHE_HOME/dcity-docs``, else
    ``~/.cache/dcity-docs``): nothing there is ever restricted or needed."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "dcity-docs"


def source_date_epoch() -> datetime | None:
    """``$SOURCE_DATE_EPOCH`` as a UTC datetime, or None if unset or not a whole number."""
    text = value(SOURCE_DATE_EPOCH)
    if text is None or not text.isdigit():
        return None
    return datetime.fromtimestamp(int(text), tz=timezone.utc)

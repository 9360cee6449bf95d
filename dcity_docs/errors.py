"""One error hierarchy; the CLI maps each class to an exit code in one place."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

_ESCAPED = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Categories shown as escapes: controls (an ESC can clear a terminal, a CR overwrite a line with a
fake "ok"), invisible format characters and direction overrides (they reorder what is shown),
surrogates (bytes of a file name that are not UTF-8), private and unassigned code points."""


def printable(text: str, *, newlines: bool = False) -> str:
    """``text`` safe to show on a terminal or in a log line: every character of the categories in
    ``_ESCAPED`` written as an escape (``\\x1b``, ``\\u202e``), a byte that was not UTF-8 (kept by
    Python as a surrogate, U+DC80-U+DCFF) as ``\\xff``. Line breaks stay only with ``newlines``."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch == "\n" and newlines:
            out.append(ch)
            continue
        if unicodedata.category(ch) not in _ESCAPED:
            out.append(ch)
            continue
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return "".join(out)


MAX_SHOWN = 60
"""A value quoted in a message is cut here: a 100,000-character value must not fill the screen."""


def brief(value: Any, limit: int = MAX_SHOWN) -> str:
    """``repr(value)`` for a message, cut to about ``limit`` characters (a huge number by its size)."""
    if isinstance(value, str) and len(value) > limit:
        shown = repr(value[:limit])
        return f"{shown[:-1]}…{shown[-1]} ({len(value):,} characters)"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 3 * limit:
        return f"a number of about {int(value.bit_length() * 0.30103):,} digits"
    text = repr(value)
    return text if len(text) <= limit + 2 else text[:limit] + "…"


class DcityError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class InputError(DcityError):
    """The user's input (a record, a register, an option value) is wrong."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One problem in one record, printed as ``FILE:LINE: field.path: message``."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.path}:" if self.path else ""
        # The one place a problem becomes text: file names, keys and values come from the input.
        return printable(f"{where}:{field} {self.message}")


class RecordInvalid(InputError):
    """A record broke one or more rules; every problem is kept, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DocumentNotApplicable(InputError):
    """The document does not exist for this venture (e.g. a site annex for production abroad)."""


class OutputError(DcityError):
    """Output could not be written (read-only folder, disk full)."""

    exit_code = 1


class ConversionError(DcityError):
    """LibreOffice ran but did not produce a usable PDF."""

    exit_code = 1


class TemplateProblem(DcityError):
    """A template is broken or refers to something that does not exist."""

    exit_code = 1


class EnvironmentProblem(DcityError):
    """Something outside the project is missing (LibreOffice, fonts)."""

    exit_code = 3


class CatalogCheckFailed(DcityError):
    """The translation catalogs failed ``dcity-docs i18n check``; the problems were printed."""

    exit_code = 1

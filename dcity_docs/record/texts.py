"""What a text of the record must be for the documents to print it: characters the documents'
fonts have, and words, names and texts short enough to be laid out.

A record that ``validate`` passes must render. A character missing from the fonts prints as a
blank gap in the PDF; a single unbreakable word of 100,000 characters makes LibreOffice lay out
for ever. The limits are far above any real agreement's texts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from dcity_docs.resources import data_dir

MAX_WORD_CHARS = 60
"""The longest word (characters between spaces where a line may break): a table cell or a line of
the agreements cannot hold a longer one (the longest Ukrainian words have about 30 letters)."""
MAX_NAME_CHARS = 300
"""The longest name of a venture, a party, a signatory or a site."""
MAX_TEXT_CHARS = 2000
"""The longest other text (an address, a position, a power of attorney's authority)."""

# Where a line may break: spaces, but not the no-break ones (U+00A0, U+2007, U+202F), which the
# wording uses to keep "51 %" or "12 500 000,00" together.
BREAKING_SPACES = " \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000"
_WORD = re.compile(f"[^{BREAKING_SPACES}]{{{MAX_WORD_CHARS + 1},}}")
WORD_PATTERN = f"^(?![\\s\\S]*[^{BREAKING_SPACES}]{{{MAX_WORD_CHARS + 1}}})"
"""The same rule as a JSON Schema pattern (ECMA 262): no run of more than MAX_WORD_CHARS
characters without a breaking space."""


@lru_cache(maxsize=1)
def printable_code_points() -> frozenset[int]:
    """The code points every font of the documents prints (dcity_docs/data/printable.json, made
    from the fonts' character maps by tools/make_printable.py), read once."""
    data = json.loads((data_dir() / "printable.json").read_text(encoding="utf-8"))
    return frozenset(point for first, last in data["ranges"] for point in range(first, last + 1))


@lru_cache(maxsize=1)
def font_names() -> str:
    data = json.loads((data_dir() / "printable.json").read_text(encoding="utf-8"))
    families = dict.fromkeys(name.split("-")[0].replace("Liberation", "Liberation ") for name in data["fonts"])
    return " and ".join(families)


def only_printable(value: str) -> str:
    """Refuse the first character that the documents' fonts cannot print, by code point and name."""
    printable = printable_code_points()
    for ch in value:
        if ord(ch) not in printable:
            name = unicodedata.name(ch, "a character without a name")
            raise ValueError(f"contains {ch!r} (U+{ord(ch):04X}, {name}), which the documents' fonts "
                             f"({font_names()}) cannot print: it would be a blank gap in the PDF; "
                             "remove it or write it in letters")
    return value


def bounded(limit: int, what: str) -> Callable[[str], str]:
    """A validator refusing a text over ``limit`` characters or with a word over MAX_WORD_CHARS."""

    def check(value: str) -> str:
        word = _WORD.search(value)
        if word:
            shown = word.group()[:20]
            raise ValueError(f"has a word of {len(word.group()):,} characters («{shown}…»); a word may be at "
                             f"most {MAX_WORD_CHARS} characters: the documents cannot break a longer one "
                             "across lines (put spaces between its parts)")
        if len(value) > limit:
            raise ValueError(f"is {len(value):,} characters long; {what} may be at most {limit:,}")
        return value

    check.__name__ = f"_at_most_{limit}"
    return check


def schema_rules(limit: int, what: str) -> dict[str, object]:
    """The JSON Schema of a text of at most ``limit`` characters."""
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": limit,
        "pattern": WORD_PATTERN,
        "description": f"{what}: at most {limit:,} characters, no word over {MAX_WORD_CHARS} characters, "
                       f"only characters the documents' fonts ({font_names()}) print (no emoji)",
    }


def plain_string(value: Any) -> Any:
    """YAML turns ``yes``/``12``/``2026-01-01`` into other types; texts must be written as text."""
    if isinstance(value, bool) or isinstance(value, (int, float, dt.date)):
        raise ValueError("must be text; put it in quotes")
    return value

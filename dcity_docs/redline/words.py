"""The word-level difference of two texts (difflib over words, numbers, spaces and signs).

A number with its group and decimal separators (``12,500,000.00``, ``12 500 000,00``) is one word,
so a changed amount shows as one changed figure, not as changed digits.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "insert", "delete"]
Piece = tuple[Op, str]

_WORDS = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*|\w+(?:[’'\-]\w+)*|\s+|[^\w\s]", re.UNICODE)


def words(text: str) -> list[str]:
    """``text`` cut into words, numbers, runs of space and single signs (joined they give it back)."""
    return _WORDS.findall(text)


def diff(old: str, new: str) -> list[Piece]:
    """Pieces that give ``new`` from the equal and inserted ones and ``old`` from the equal and
    deleted ones; a deletion always comes before the insertion that replaces it. A space alone
    between two changes is folded into them, so a changed phrase reads as one change."""
    a, b = words(old), words(new)
    raw: list[tuple[str, list[str], list[str]]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        raw.append((tag, a[i1:i2], b[j1:j2]))
    merged: list[tuple[str, list[str], list[str]]] = []
    for index, (tag, left, right) in enumerate(raw):
        between = 0 < index < len(raw) - 1 and tag == "equal" and all(w.isspace() for w in left)
        if between and raw[index - 1][0] != "equal" and raw[index + 1][0] != "equal":
            tag = "replace"
        if merged and tag != "equal" and merged[-1][0] != "equal":
            _, dl, dr = merged.pop()
            left, right, tag = dl + left, dr + right, "replace"
        merged.append((tag, list(left), list(right)))
    pieces: list[Piece] = []
    for tag, left, right in merged:
        if tag == "equal":
            pieces.append(("equal", "".join(left)))
            continue
        if left:
            pieces.append(("delete", "".join(left)))
        if right:
            pieces.append(("insert", "".join(right)))
    return pieces


def accepted(pieces: list[Piece]) -> str:
    return "".join(text for op, text in pieces if op != "delete")


def rejected(pieces: list[Piece]) -> str:
    return "".join(text for op, text in pieces if op != "insert")


def hunks(pieces: list[Piece]) -> list[tuple[str, str]]:
    """Each change as (old wording, new wording), one side empty for a pure insertion or deletion."""
    out: list[tuple[str, str]] = []
    pending: list[str] = ["", ""]
    for op, text in pieces + [("equal", "")]:
        if op == "equal":
            if pending[0] or pending[1]:
                out.append((pending[0].strip(), pending[1].strip()))
            pending = ["", ""]
        else:
            pending[0 if op == "delete" else 1] += text
    return out

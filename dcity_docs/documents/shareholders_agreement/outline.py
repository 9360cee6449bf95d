"""The agreement's outline: its key and its sections in the order they are drafted
(cross-references are computed from it)."""

from __future__ import annotations

from dcity_docs.draft.base import Sections

KEY = "shareholders-agreement"

SECTIONS = Sections(
    ("nature", "governance", "transfers", "deadlock", "default", "information", "covenants", "law",
     "final", "signatures")
)

"""The agreement's outline: its sections in the order they are drafted.

Its time limits are terms (record.terms, with the programme's defaults), not constants here.
"""

from __future__ import annotations

from dcity_docs.draft.base import Sections

KEY = "jv-agreement"

#: The sections in the order they are drafted; cross-references are computed from it.
SECTIONS = Sections(
    (
        "definitions",
        "conditions",
        "establishment",
        "placement",
        "capital",
        "governance",
        "employment",
        "export",
        "compliance",
        "ministry",
        "licence",
        "warranties",
        "liability",
        "force-majeure",
        "confidentiality",
        "term",
        "law",
        "disputes",
        "languages",
        "notices",
        "general",
        "details",
        "signatures",
    )
)

"""The agreement's outline: its sections in the order they are drafted, and the fixed time limits.

Time limits that are not in the record are fixed drafting choices, the same for every venture, so
that the agreement never invents a term per record.
"""

from __future__ import annotations

from dcity_docs.draft.base import Sections

KEY = "jv-agreement"

#: Days from the agreement to filing for registration of the venture.
FILING_DAYS = 30
#: Days from the registration of the venture within which contributions are made in full
#: (within the six months of the Law of Ukraine on limited liability companies).
CONTRIBUTION_DAYS = 90
#: Months after the agreement after which any party may terminate if the venture is not registered.
REGISTRATION_MONTHS = 6
#: Days within which a party notifies the others of a change in its details.
DETAILS_CHANGE_DAYS = 10

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

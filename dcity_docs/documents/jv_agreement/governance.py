"""Section Management of the Venture: general meeting, unanimous matters, director, share transfers."""

from __future__ import annotations

from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer


def _largest_holder(record: Record) -> int | None:
    """Index of the shareholder with the largest share, or None where two or more tie."""
    top = max(h.share_percent for h in record.shareholders)
    holders = [i for i, h in enumerate(record.shareholders) if h.share_percent == top]
    return holders[0] if len(holders) == 1 else None


def governance(w: Writer, record: Record) -> None:
    w.heading("governance", w.T("jv-agreement|governance", "Management of the Venture"))
    w.clause(
        w.T(
            "jv-agreement|governance",
            "The supreme body of the Venture is the general meeting of its shareholders, at which "
            "each Shareholder has a number of votes in proportion to its share in the charter capital.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|governance",
            "The general meeting takes decisions by a majority of the votes of all the Shareholders, "
            "unless this Agreement or the law requires a greater majority.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|governance",
            "The following decisions require the votes of all the Shareholders: (a) amending the "
            "charter of the Venture; (b) changing the charter capital of the Venture or admitting a "
            "new shareholder; (c) approving the money value of a non-monetary contribution; "
            "(d) approving the annual business plan and budget of the Venture; (e) disposing of, or "
            "granting third parties licences for, technology or intellectual property of the Venture; "
            "(f) changing the Products or the placement of production; (g) distributing profits; "
            "(h) the reorganisation or liquidation of the Venture.",
        )
    )
    if record.venture.placement == "ukraine":
        w.clause(w.T("jv-agreement|governance", "The sole executive body of the Venture is its director."))
    else:
        # TRANSLATORS: {country}: the country of placement (uk genitive, after «законодавства»).
        w.clause(
            w.T(
                "jv-agreement|governance",
                "The director and any other management bodies of the Venture are formed in "
                "accordance with the laws of {country}.",
                country=c.country(record.venture.country, "genitive"),
            )
        )
    largest = _largest_holder(record)
    if largest is not None:
        # TRANSLATORS: {n}: the number of the shareholder with the largest share; uk «за поданням
        # Учасника {n}» (genitive).
        w.clause(
            w.T(
                "jv-agreement|governance",
                "The director of the Venture is appointed and dismissed by the general meeting on the "
                "nomination of Shareholder {n}, which holds the largest share in the charter capital.",
                n=str(largest + 1),
            )
        )
    else:
        w.clause(
            w.T(
                "jv-agreement|governance",
                "The director of the Venture is appointed and dismissed by a unanimous decision of the "
                "general meeting.",
            )
        )
    w.clause(
        w.T(
            "jv-agreement|governance",
            "A Shareholder may transfer all or part of its share to a third party only with the prior "
            "written consent of the other Shareholders and of the Ministry; the other Shareholders have "
            "a pre-emptive right to acquire it as provided by law and the charter of the Venture.",
        )
    )
    if record.venture.placement == "ukraine":
        w.clause(
            w.T(
                "jv-agreement|governance",
                "The Shareholders shall procure that the charter of the Venture reproduces the "
                "provisions of this Section.",
            )
        )
    else:
        w.clause(
            w.T(
                "jv-agreement|governance",
                "The Shareholders shall procure that the constitutional documents of the Venture "
                "reproduce the provisions of this Section as far as the laws of {country} permit.",
                country=c.country(record.venture.country, "genitive"),
            )
        )

"""Governance: the director, the supervisory board and its seats, quorum and reserved matters."""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer
from dcity_docs.record.models import Record
from dcity_docs.record.terms import Terms, seats_of
from dcity_docs.documents.shareholders_agreement.figures import pct
from dcity_docs.wording.catalogs import Bi


def governance(w: Writer, record: Record, t: Terms) -> None:
    w.heading("governance", w.T("shareholders-agreement|governance", "Governance"))
    if t.director_nominated_by == "largest_shareholder":
        # TRANSLATORS: clause Governance, director.
        w.clause(w.T("shareholders-agreement|governance", "The director of the Venture is appointed on the nomination of the "
                     "Shareholder holding the largest share."))
    else:
        w.clause(w.T("shareholders-agreement|governance", "The director of the Venture is appointed on the joint nomination "
                     "of all the Shareholders."))
    if t.board_seats:
        seats = seats_of(t, len(record.shareholders))
        # TRANSLATORS: clause Governance, supervisory board; {members}: e.g. «3 (три) особи».
        w.clause(w.T("shareholders-agreement|governance", "The Venture has a supervisory board of {members}.",
                     members=c.count(t.board_seats, "person", "genitive")))
        for i, n in enumerate(seats):
            # TRANSLATORS: {term}: «Учасник 1»; {members}: the members it nominates («2 (дві) особи»).
            w.clause(w.T("shareholders-agreement|governance", "{term} nominates {members} of the supervisory board.",
                         term=c.shareholder_term(w, i), members=c.count(n, "person", "accusative")))
        if t.board_chair == "largest_shareholder":
            w.clause(w.T("shareholders-agreement|governance", "The chair of the supervisory board is nominated by the "
                         "Shareholder holding the largest share."))
        else:
            w.clause(w.T("shareholders-agreement|governance", "The supervisory board elects its chair from among its members."))
    # TRANSLATORS: clause Governance, quorum; {percent}: e.g. «10 (десять) відсотків».
    w.clause(w.T("shareholders-agreement|governance", "A general meeting is quorate only if every Shareholder holding at least "
                 "{percent} of the votes is present or represented.", percent=pct(t.quorum_percent)))
    # TRANSLATORS: clause Governance, reserved matters; {percent}: the reserved majority.
    w.clause(w.T("shareholders-agreement|governance", "The following reserved matters require at least {percent} of the votes "
                 "of all the Shareholders: {matters}.", percent=pct(t.reserved_majority_percent),
                 matters=c.joined([matter_name(w, m.value) for m in t.reserved_matters])))


def matter_name(w: Writer, key: str) -> Bi:
    names = {
        # TRANSLATORS: a reserved matter, in a list after a colon (lower case).
        "charter_changes": w.T("shareholders-agreement|matter", "amending the constitutional documents"),
        "capital_changes": w.T("shareholders-agreement|matter", "changing the capital"),
        "business_plan": w.T("shareholders-agreement|matter", "approving the business plan and budget"),
        "major_transactions": w.T("shareholders-agreement|matter", "major transactions"),
        "related_party_transactions": w.T("shareholders-agreement|matter", "transactions with related parties"),
        "new_shareholders": w.T("shareholders-agreement|matter", "admitting new shareholders"),
        "reorganisation": w.T("shareholders-agreement|matter", "reorganisation"),
        "winding_up": w.T("shareholders-agreement|matter", "winding up"),
        "dividends": w.T("shareholders-agreement|matter", "distributing profits"),
        "director": w.T("shareholders-agreement|matter", "appointing and dismissing the director"),
    }
    return names[key]

"""Default: the default events and the call option they give the other Shareholders."""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer
from dcity_docs.record.terms import Terms
from dcity_docs.documents.shareholders_agreement.figures import pct


def default(w: Writer, t: Terms) -> None:
    w.heading("default", w.T("shareholders-agreement|default", "Default"))
    events = {
        # TRANSLATORS: a default event, in a list after a colon; {period}: the cure period in days.
        "material_breach": w.T("shareholders-agreement|default", "a material breach of this Agreement not cured within {period} "
                               "of notice", period=c.count(t.cure_days, "day", "genitive")),
        "insolvency": w.T("shareholders-agreement|default", "its insolvency"),
        "sanctions": w.T("shareholders-agreement|default", "its listing under sanctions"),
        "change_of_control": w.T("shareholders-agreement|default", "a change of its control without the others’ consent"),
    }
    w.clause(w.T("shareholders-agreement|default", "A Shareholder is in default on: {events}.",
                 events=c.joined([events[e.value] for e in t.default_events])))
    # TRANSLATORS: clause Default, call option; {discount}: e.g. «20 (двадцять) відсотків».
    w.clause(w.T("shareholders-agreement|default", "The other Shareholders may then buy the share of the defaulting Shareholder "
                 "at its fair value, fixed by an independent valuer, less {discount}.",
                 discount=pct(t.default_discount_percent)))

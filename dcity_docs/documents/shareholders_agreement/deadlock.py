"""Deadlock: what counts as one, escalation, mediation and the way out."""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer
from dcity_docs.record.terms import Terms
from dcity_docs.documents.shareholders_agreement.figures import en_words, uk_words
from dcity_docs.wording.catalogs import Bi


def deadlock(w: Writer, t: Terms) -> None:
    w.heading("deadlock", w.T("shareholders-agreement|deadlock", "Deadlock"))
    # TRANSLATORS: clause Deadlock; {meetings}: e.g. «2 (двох)» meetings in a row (genitive).
    w.clause(w.T("shareholders-agreement|deadlock", "A deadlock exists where a reserved matter is not carried at {meetings} "
                 "general meetings in a row.", meetings=Bi(*(
                     f"{n} ({words})" for n, words in ((t.deadlock_meetings, uk_words(t.deadlock_meetings)),
                                                       (t.deadlock_meetings, en_words(t.deadlock_meetings))))))
    )
    # TRANSLATORS: clause Deadlock, the way out; {escalation} and {mediation}: periods in days.
    w.clause(w.T("shareholders-agreement|deadlock", "The matter is first referred to the chief executives of the Shareholders "
                 "for {escalation}, and then to mediation for {mediation}.",
                 escalation=c.count(t.escalation_days, "day", "accusative"),
                 mediation=c.count(t.mediation_days, "day", "accusative")))
    ways = {
        "buy_sell": w.T("shareholders-agreement|deadlock", "If mediation fails, any Shareholder may offer to buy the shares of "
                        "the others at a stated price, and the others must either sell at that price or buy "
                        "the offeror’s share at it."),
        "put_call": w.T("shareholders-agreement|deadlock", "If mediation fails, the Shareholder holding the largest share may "
                        "buy, and each other Shareholder may require it to buy, the other shares at fair value "
                        "fixed by an independent valuer."),
        "winding_up": w.T("shareholders-agreement|deadlock", "If mediation fails, the Shareholders shall vote to wind up the "
                          "Venture."),
    }
    w.clause(ways[t.deadlock_resolution])

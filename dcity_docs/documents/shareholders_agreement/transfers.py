"""Transfers of shares: lock-up, pre-emption, tag-along, drag-along, change of control."""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer
from dcity_docs.record.terms import Terms
from dcity_docs.documents.shareholders_agreement.figures import pct


def transfers(w: Writer, t: Terms) -> None:
    w.heading("transfers", w.T("shareholders-agreement|transfers", "Transfers of Shares"))
    if t.lock_up_years:
        # TRANSLATORS: clause Transfers, lock-up; {period}: e.g. «3 (трьох) років» (genitive).
        w.clause(w.T("shareholders-agreement|transfers", "No Shareholder shall transfer its share within {period} of the "
                     "registration of the Venture.", period=c.count(t.lock_up_years, "year", "genitive")))
    if t.pre_emption:
        w.clause(w.T("shareholders-agreement|transfers", "On any transfer of a share the other Shareholders have a right of "
                     "pre-emption in proportion to their shares."))
    # TRANSLATORS: clause Transfers, tag-along; {percent}: the share sold.
    w.clause(w.T("shareholders-agreement|transfers", "Where a Shareholder sells more than {percent} of the capital, the "
                 "other Shareholders may sell their shares to the same buyer on the same terms (tag-along).",
                 percent=pct(t.tag_along_percent)))
    # TRANSLATORS: clause Transfers, drag-along; {percent}: the share of the sellers.
    w.clause(w.T("shareholders-agreement|transfers", "Shareholders holding at least {percent} of the capital who accept an "
                 "offer for all the shares may require the other Shareholders to sell on the same terms "
                 "(drag-along).", percent=pct(t.drag_along_percent)))
    if t.change_of_control_is_transfer:
        w.clause(w.T("shareholders-agreement|transfers", "A change of control of a Shareholder is treated as a transfer of "
                     "its share."))

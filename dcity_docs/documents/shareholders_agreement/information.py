"""Information and dividends: management and annual accounts, audit access, dividend policy."""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer
from dcity_docs.record.terms import Terms
from dcity_docs.documents.shareholders_agreement.figures import pct


def information(w: Writer, t: Terms) -> None:
    w.heading("information", w.T("shareholders-agreement|information", "Information and Dividends"))
    # TRANSLATORS: clause Information; {days}: days after the end of each month.
    w.clause(w.T("shareholders-agreement|information", "The Venture gives each Shareholder its management accounts within "
                 "{days} of the end of each month and its audited annual accounts within {months} of the "
                 "end of each financial year.",
                 days=c.count(t.monthly_accounts_days, "day", "genitive"),
                 months=c.count(t.annual_accounts_months, "month", "genitive")))
    if t.audit_access:
        w.clause(w.T("shareholders-agreement|information", "Each Shareholder may have the books of the Venture examined by an "
                     "auditor of its choice at its own expense."))
    # TRANSLATORS: clause Dividends; {percent}: the share of the distributable profit paid out.
    w.clause(w.T("shareholders-agreement|information", "The Shareholders shall vote to distribute each year {percent} of the "
                 "distributable profit, as far as the law permits.", percent=pct(t.dividend_percent)))

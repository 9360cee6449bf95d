"""Non-competition and non-solicitation within the Products."""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer
from dcity_docs.record.terms import Terms


def covenants(w: Writer, t: Terms) -> None:
    w.heading("covenants", w.T("shareholders-agreement|covenants", "Non-Competition and Non-Solicitation"))
    # TRANSLATORS: clause Non-compete; {period}: the years after a Shareholder ceases to hold a share
    # (uk «протягом 2 (двох) років», genitive).
    w.clause(w.T("shareholders-agreement|covenants", "While it holds a share and for {period} after, no Shareholder shall "
                 "carry on a business competing with the Venture in the Products.",
                 period=c.count(t.non_compete_years, "year", "genitive")))
    w.clause(w.T("shareholders-agreement|covenants", "While it holds a share and for {period} after, no Shareholder shall "
                 "solicit the employees of the Venture.",
                 period=c.count(t.non_solicit_years, "year", "genitive")))

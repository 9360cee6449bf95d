"""Nature of the Agreement: a corporate agreement under Ukrainian law, or subject to the law of
the country of incorporation for a venture placed abroad; the Ministry is not a party."""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer
from dcity_docs.record.models import Record


def nature(w: Writer, record: Record) -> None:
    w.heading("nature", w.T("shareholders-agreement|nature", "Nature of the Agreement"))
    if record.venture.placement == "ukraine":
        # TRANSLATORS: clause Nature (Ukrainian law): a corporate agreement under art. 7 of the Law
        # «Про товариства з обмеженою та додатковою відповідальністю».
        w.clause(w.T("shareholders-agreement|nature",
                     "This Agreement is a corporate agreement within the meaning of Article 7 of the Law "
                     "of Ukraine “On Limited and Additional Liability Companies”. It is made in writing "
                     "and is gratuitous."))
        w.clause(w.T("shareholders-agreement|nature",
                     "Nothing in this Agreement obliges a Shareholder to vote on the instructions of the "
                     "Venture’s bodies; any such provision would be void."))
        w.clause(w.T("shareholders-agreement|nature",
                     "Where this Agreement and the charter of the Venture differ, the Shareholders shall "
                     "exercise their rights so as to give effect to this Agreement and shall amend the charter."))
    else:
        # TRANSLATORS: clause Nature (venture abroad); {country}: the country of incorporation (uk genitive).
        w.clause(w.T("shareholders-agreement|nature",
                     "The corporate matters of the Venture are governed by the laws of {country}; the "
                     "provisions of this Agreement apply as far as those laws permit.",
                     country=c.country(record.venture.country, "genitive")))
        w.clause(w.T("shareholders-agreement|nature",
                     "Where this Agreement and the articles of association of the Venture differ, the "
                     "Shareholders shall exercise their rights so as to give effect to this Agreement and "
                     "shall amend the articles of association."))
    w.clause(w.T("shareholders-agreement|nature",
                 "The Ministry is not a party to this Agreement; the undertakings between the Ministry and "
                 "the Shareholders are set out in the Joint Venture Agreement alone."))

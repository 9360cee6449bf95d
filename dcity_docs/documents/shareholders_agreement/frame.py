"""The frame around the Shareholders' bargain: the title and the parties (the shareholders only),
the closing sections (governing law and disputes, final provisions, signatures) and the document's
properties.

Its wording stands first in the catalogs, as it did when the agreement was one module.
"""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Draft, Writer
from dcity_docs.record.models import Record
from dcity_docs.wording.catalogs import Bi


def instrument(w: Writer) -> Bi:
    """How the agreement names itself in its own clauses."""
    return w.T("shareholders-agreement|instrument", "this Agreement")


def title_and_parties(w: Writer, record: Record, venture: Bi) -> None:
    w.title(w.T("shareholders-agreement|title", "SHAREHOLDERS’ AGREEMENT"))
    # TRANSLATORS: subtitle under the title; {venture} is the venture's name.
    w.subtitle(w.T("shareholders-agreement|title", "in respect of “{venture}” (the “Venture”)", venture=venture))
    w.place_date(c.place_and_date(w, record, record.dates.agreement))
    w.para(w.T("shareholders-agreement|preamble", "The parties to this Agreement are the shareholders of the Venture:"))
    c.numbered_parties(w, [c.shareholder_intro(w, h, i) for i, h in enumerate(record.shareholders)])
    # TRANSLATORS: closes the list of parties; the Ministry is not a party to this agreement.
    w.para(w.T("shareholders-agreement|preamble", "each a “Shareholder” and together the “Shareholders”, have agreed as follows:"))


def closing(w: Writer, record: Record, instrument: Bi) -> None:
    """Governing law and disputes, final provisions and the shareholders' signatures."""
    w.heading("law", w.T("shareholders-agreement|law", "Governing Law and Disputes"))
    w.clause(w.T("shareholders-agreement|law", "This Agreement shall be governed by and construed in accordance with {law}.",
                 law=c.governing_law(w, record)))
    for clause in c.dispute_clauses(w, record, instrument):
        w.clause(clause)
    w.heading("final", w.T("shareholders-agreement|final", "Final Provisions"))
    w.clause(w.T("shareholders-agreement|final", "This Agreement is made in the Ukrainian and English languages, in {copies}, "
                 "one for each Shareholder.",
                 copies=c.count(len(record.shareholders), "copy", "locative")))
    w.clause(c.prevailing_clause(w, record))
    w.heading("signatures", w.T("shareholders-agreement|signatures", "Signatures of the Shareholders"))
    w.signatures(c.signature_blocks(w, record)[1:])  # the shareholders' blocks, not the Ministry's


def finish(w: Writer, record: Record, venture: Bi) -> Draft:
    return c.finish(
        w, record,
        title=w.T("shareholders-agreement|title", "Shareholders’ Agreement"),
        subject=w.T("shareholders-agreement|title", "Joint venture “{venture}”", venture=venture),
        # TRANSLATORS: the footer of every page; {id}: the venture's register number.
        reference=w.T("footer", "{id} · Shareholders’ Agreement", id=record.id),
    )

"""Joint-venture agreement (Договір про створення спільного підприємства).

The binding agreement that follows the memorandum: the shareholders establish the venture (a
limited liability company in Ukraine, a private company limited by shares abroad), make the contributions
stated in a shares table, create jobs for citizens of Ukraine and comply with export control; the
Ministry, which holds no share, provides and protects the production site where production is
placed in Ukraine (the particulars of the site appear only in the site-protection annex, never
here) or supports cooperation with the authorities of the country of placement. Governance,
transfers, deadlock and exit are the shareholders' agreement's (documents.shareholders_agreement),
to which :mod:`.governance` refers; this agreement carries no voting undertakings.

One module per group of sections, named after them: :mod:`.parties` (title, preamble,
definitions), :mod:`.conditions` (conditions precedent and closing), :mod:`.establishment`
(establishment, placement and products), :mod:`.capital`, :mod:`.governance`, :mod:`.undertakings`
(employment, export control, the Ministry), :mod:`.compliance` (sanctions and anti-corruption),
:mod:`.licence` (technology licence and IP), :mod:`.warranties` (warranties, liability),
:mod:`.force_majeure`, :mod:`.boilerplate` (confidentiality, governing law, languages, notices),
:mod:`.termination` (term and termination), :mod:`.disputes` (dispute resolution), :mod:`.general`
(general provisions), :mod:`.details` (the Parties' details); :mod:`.outline` has the table of
sections and the fixed time limits. :func:`draft` puts them together and drafts the signatures.
"""

from __future__ import annotations

from dcity_docs.wording.catalogs import Catalogs
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Draft, Writer
from dcity_docs.documents.jv_agreement.outline import (
    KEY,
    SECTIONS,
)

# In the order the agreement reads: the catalogs list the agreement's wording in this order, then
# this module's own (translation.i18n.source_files), so keep new modules in reading order here.
from dcity_docs.documents.jv_agreement import (  # noqa: I001 - reading order, not alphabetical
    parties,
    conditions,
    establishment,
    capital,
    governance,
    undertakings,
    compliance,
    licence,
    warranties,
    force_majeure,
    boilerplate,
    termination,
    disputes,
    general,
    details,
)
from dcity_docs.documents.jv_agreement.capital import capital_kinds
from dcity_docs.documents.jv_agreement.undertakings import EU_MEMBER_STATES, export_regime

__all__ = [
    "EU_MEMBER_STATES",
    "KEY",
    "SECTIONS",
    "capital_kinds",
    "draft",
    "export_regime",
]


def draft(record: Record, catalogs: Catalogs) -> Draft:
    capital.check_contributions(record)
    w = Writer(catalogs, KEY, SECTIONS)
    venture = c.value(record.venture.name)
    instrument = w.T("jv-agreement|instrument", "this Agreement")

    parties.title_and_preamble(w, record, venture)
    parties.definitions(w, record)
    conditions.conditions(w, record)
    establishment.establishment(w, record, venture)
    establishment.placement(w, record)
    capital.capital(w, record)
    governance.governance(w, record)
    undertakings.employment(w, record)
    undertakings.export(w, record)
    compliance.compliance(w, record)
    undertakings.ministry(w, record)
    licence.licence(w, record)
    warranties.warranties(w, record)
    warranties.liability(w, record)
    force_majeure.force_majeure(w, record)
    boilerplate.confidentiality(w, record, instrument)
    termination.term(w, record)
    boilerplate.law(w, record)
    disputes.disputes(w, record, instrument)
    boilerplate.languages(w, record)
    boilerplate.notices(w, record)
    general.general(w, record)
    details.details(w, record)
    w.heading("signatures", w.T("jv-agreement|signatures", "Signatures of the Parties"))
    w.signatures(c.signature_blocks(w, record))

    return c.finish(
        w,
        record,
        title=w.T("jv-agreement|title", "Joint Venture Agreement"),
        # TRANSLATORS: the document's subject in its properties; {venture}: the venture's name.
        subject=w.T("jv-agreement|title", "Joint venture “{venture}”", venture=venture),
        # TRANSLATORS: the footer of every page; {id}: the venture's register number.
        reference=w.T("footer", "{id} · Joint Venture Agreement", id=record.id),
    )

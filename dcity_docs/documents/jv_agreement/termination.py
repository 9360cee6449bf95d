"""Section Term and Termination: entry into force and term, what happens when the term runs past
the end of the Defence City regime, the termination events (the registration long-stop, breach,
insolvency, sanctions, an unresolved deadlock, loss of Defence City status, prolonged force
majeure) and what termination brings about (exit, licences, premises, what survives)."""

from __future__ import annotations

import datetime as dt

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.outline import SECTIONS
from dcity_docs.draft.base import Writer

FORCE_MAJEURE = "force-majeure"
"""The key of the force majeure section (cited by its number)."""


def term_end(record: Record) -> dt.date:
    """The last day of the agreement's term (the anniversary of its date, 29 February → 28)."""
    start = record.dates.agreement
    year = start.year + record.dates.term_years
    try:
        return start.replace(year=year)
    except ValueError:
        return start.replace(year=year, day=28)


def _force_majeure(w: Writer) -> Bi:
    """The force majeure section, by its number."""
    # TRANSLATORS: a reference to a section by number, e.g. "Section 12" (uk instrumental, after
    # «передбаченому»: «розділом 12»).
    return w.T("jv-agreement|term", "Section {section}", section=SECTIONS.no(FORCE_MAJEURE))


def term(w: Writer, record: Record) -> None:
    w.heading("term", w.T("jv-agreement|term", "Term and Termination"))
    t = record.terms
    in_ukraine = record.venture.placement == "ukraine"
    # TRANSLATORS: no date is given: the Agreement binds once the last Party has signed it.
    # {term}: "10 (ten) years" (uk accusative, after «строком на»: «10 (десять) років»).
    w.clause(
        w.T(
            "jv-agreement|term",
            "This Agreement shall enter into force on the date on which it has been signed by all the "
            "Parties and is concluded for a term of {term}.",
            term=c.count(record.dates.term_years, "year", "accusative"),
        )
    )
    regime = t.defence_city_regime_ends
    if in_ukraine and regime is not None and regime < term_end(record):
        # TRANSLATORS: the term runs past the end of the Defence City regime. {date}: its last day;
        # {section}: the number of the section on the Ministry's undertakings; {period}: "90 (ninety)
        # calendar days" (uk genitive, after «протягом»).
        w.clause(
            w.T(
                "jv-agreement|term",
                "The Defence City regime ends on {date}, before the end of the term of this Agreement. "
                "This Agreement remains in force after that date; the undertakings of the Ministry "
                "under Section {section} that depend on the regime continue only as far as the laws "
                "of Ukraine then in force allow. The Parties shall negotiate in good faith the "
                "amendments that the end of the regime requires; if they have not agreed them within "
                "{period} of that date, any Shareholder may terminate this Agreement by written "
                "notice to the other Parties.",
                date=c.date(regime),
                section=SECTIONS.no("ministry"),
                period=c.count(t.return_days, "calendar_day", "genitive"),
            )
        )
    events = [
        w.T("jv-agreement|term", "by written agreement of all the Parties;"),
        # TRANSLATORS: a termination event; {months}: "6 (six) months" (uk genitive, after «протягом»).
        w.T(
            "jv-agreement|term",
            "by any Party, by written notice to the other Parties, if the Venture has not been "
            "registered within {months} of the Closing Date;",
            months=c.count(t.registration_months, "month", "genitive"),
        ),
        w.T("jv-agreement|term", "on the liquidation of the Venture;"),
        # TRANSLATORS: a termination event; {period}: "30 (thirty) calendar days" (uk genitive).
        w.T(
            "jv-agreement|term",
            "by any Party, by written notice to the other Parties, if another Party commits a material "
            "breach of this Agreement and does not remedy it within {period} of receiving written "
            "notice of the breach;",
            period=c.count(t.cure_days, "calendar_day", "genitive"),
        ),
        w.T(
            "jv-agreement|term",
            "by the other Parties, by written notice, if a Shareholder is declared bankrupt or "
            "insolvent, if bankruptcy, insolvency or liquidation proceedings are opened in respect "
            "of it, or if it makes an arrangement with its creditors generally, under the law that "
            "applies to it;",
        ),
        w.T(
            "jv-agreement|term",
            "by the other Parties, by written notice, if a Shareholder, a person controlling it or "
            "its beneficial owner becomes subject to sanctions of Ukraine, the European Union, the "
            "United Kingdom or the United States that prevent the performance of this Agreement;",
        ),
        # TRANSLATORS: a termination event; {period}: the escalation and mediation periods added up,
        # "90 (ninety) calendar days" (uk genitive, after «протягом»).
        w.T(
            "jv-agreement|term",
            "by any Shareholder, by written notice to the other Parties, if a deadlock within the "
            "meaning of the shareholders’ agreement between the Shareholders (the “Shareholders’ "
            "Agreement”) is not resolved by escalation and mediation "
            "within {period} of its notification, nor afterwards by the procedure that the "
            "Shareholders’ Agreement then provides;",
            period=c.count(t.escalation_days + t.mediation_days, "calendar_day", "genitive"),
        ),
    ]
    if in_ukraine:
        events.append(
            w.T(
                "jv-agreement|term",
                "by any Party, by written notice to the other Parties, if the Venture loses its "
                "status in the Defence City programme under the laws of Ukraine;",
            )
        )
    # TRANSLATORS: a termination event; {reference}: the force majeure section (uk instrumental:
    # «розділом 12»).
    events.append(
        w.T(
            "jv-agreement|term",
            "by any Party, as provided in {reference}, if force majeure continues for longer than the "
            "period stated there.",
            reference=_force_majeure(w),
        )
    )
    lettered = [e.map(lambda s, lang, i=i: f"{c.UK_LETTERS[i]}) {s}" if lang == "uk" else f"({chr(ord('a') + i)}) {s}")
                for i, e in enumerate(events)]
    # TRANSLATORS: introduces the list of termination events; {events}: the events, each "(a) …;".
    w.clause(
        w.T(
            "jv-agreement|term",
            "This Agreement may be terminated before the end of its term: {events}",
            events=Bi(" ".join(e.uk for e in lettered), " ".join(e.en for e in lettered)),
        )
    )
    consequences(w, record)


def consequences(w: Writer, record: Record) -> None:
    """What termination brings about: exit, the licences, the premises, what survives."""
    t = record.terms
    w.clause(
        w.T(
            "jv-agreement|term",
            "On termination of this Agreement a Shareholder that wishes to leave the Venture shall do "
            "so by the exit mechanism of the Shareholders’ Agreement (transfer of its share to the "
            "other Shareholders at fair value or, failing that, winding up of the Venture), and the "
            "Shareholders shall exercise their votes so that the mechanism is carried out.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|term",
            "Licences of technology or intellectual property that a Shareholder has granted to the "
            "Venture continue or end on the terms of the licence concerned; in the absence of such "
            "terms, the licence of a Shareholder that leaves the Venture ends when it ceases to be a "
            "shareholder, and the Shareholders shall procure that the Venture stops using the "
            "licensed technology and returns its technical documentation.",
        )
    )
    where = (
        w.T("jv-agreement|term", "the premises and the Site")
        if record.venture.placement == "ukraine"
        else w.T("jv-agreement|term", "the premises")
    )
    # TRANSLATORS: {what}: "the premises and the Site" (uk accusative); {period}: "90 (ninety)
    # calendar days" (uk genitive, after «протягом»).
    w.clause(
        w.T(
            "jv-agreement|term",
            "Where the Venture is wound up on termination, the Shareholders shall procure that it "
            "returns {what} made available to it within {period} of termination, in the condition in "
            "which they were received, fair wear and tear excepted.",
            what=where,
            period=c.count(t.return_days, "calendar_day", "genitive"),
        )
    )
    # TRANSLATORS: {confidentiality}, {law}, {disputes}: numbers of the sections on
    # confidentiality, governing law and disputes.
    w.clause(
        w.T(
            "jv-agreement|term",
            "Termination of this Agreement does not affect the rights and obligations that accrued "
            "before it, nor Sections {confidentiality}, {law} and {disputes}, which survive it.",
            confidentiality=SECTIONS.no("confidentiality"),
            law=SECTIONS.no("law"),
            disputes=SECTIONS.no("disputes"),
        )
    )

"""The closing provisions: Confidentiality and Classified Information; Term, Amendment and
Termination; Governing Law; Languages and Copies; Notices. (Dispute Resolution, one shared clause,
is drafted in :func:`dcity_docs.documents.jv_agreement.draft`.)"""

from __future__ import annotations

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.outline import DETAILS_CHANGE_DAYS, REGISTRATION_MONTHS, REMEDY_DAYS, SECTIONS
from dcity_docs.draft.base import Writer


def confidentiality(w: Writer, record: Record, instrument: Bi) -> None:
    w.heading("confidentiality", w.T("jv-agreement|confidentiality", "Confidentiality and Classified Information")
    )
    # TRANSLATORS: {instrument}: "this Agreement" (uk genitive: «цього Договору»).
    w.clause(
        w.T(
            "jv-agreement|confidentiality",
            "Each Party shall keep confidential the terms of {instrument} and all information received "
            "from another Party in connection with it, and shall not disclose them to third parties "
            "without that Party’s prior written consent, save to its professional advisers bound by a "
            "duty of confidentiality or as required by law.",
            instrument=instrument,
        )
    )
    w.clause(
        w.T(
            "jv-agreement|confidentiality",
            "Information constituting a State secret of Ukraine shall be created, used, transferred "
            "and protected only in accordance with the Law of Ukraine “On State Secrets”, by persons "
            "holding security clearance of the appropriate level.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|confidentiality",
            "Classified information of Ukraine may be provided to a Party or person of another State "
            "only in accordance with the international agreements of Ukraine on the mutual protection "
            "of classified information and the laws of Ukraine.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|confidentiality",
            "Other information with restricted access, including official information marked "
            "“RESTRICTED”, shall be handled in accordance with the laws of Ukraine on information with "
            "restricted access.",
        )
    )
    if record.venture.placement == "ukraine":
        w.clause(
            w.T(
                "jv-agreement|confidentiality",
                "The Annex shall be handled in accordance with the restriction marking, if any, that "
                "it bears.",
            )
        )
    w.clause(
        w.T(
            "jv-agreement|confidentiality",
            "The obligations under this Section survive the expiry or termination of this Agreement.",
        )
    )


def term(w: Writer, record: Record) -> None:
    w.heading("term", w.T("jv-agreement|term", "Term, Amendment and Termination"))
    # TRANSLATORS: {date}: the agreement's date; {term}: "10 (ten) years" (uk accusative, after
    # «строком на»: «10 (десять) років»).
    w.clause(
        w.T(
            "jv-agreement|term",
            "This Agreement shall enter into force on the date of its signing by the Parties ({date}) "
            "and is concluded for a term of {term}.",
            date=c.date(record.dates.agreement),
            term=c.count(record.dates.term_years, "year", "accusative"),
        )
    )
    w.clause(
        w.T(
            "jv-agreement|term",
            "This Agreement, including its term, may be amended only in writing signed by all the "
            "Parties.",
        )
    )
    # TRANSLATORS: {months}: "6 (six) months" (uk genitive, after «протягом»); {period}: "60 (sixty)
    # calendar days" (uk genitive, after «протягом»).
    w.clause(
        w.T(
            "jv-agreement|term",
            "This Agreement may be terminated before the end of its term: (a) by written agreement of "
            "all the Parties; (b) by any Party, by written notice to the other Parties, if the "
            "Registration Date has not occurred within {months} of the date of this Agreement; (c) on "
            "the liquidation of the Venture; (d) by any Party, by written notice to the other Parties, "
            "if another Party commits a material breach of this Agreement and does not remedy it "
            "within {period} of receiving written notice of the breach.",
            months=c.count(REGISTRATION_MONTHS, "month", "genitive"),
            period=c.count(REMEDY_DAYS, "calendar_day", "genitive"),
        )
    )
    # TRANSLATORS: {confidentiality}, {law}, {disputes}: numbers of the sections on
    # confidentiality, governing law and disputes.
    w.clause(
        w.T(
            "jv-agreement|term",
            "Termination of this Agreement does not affect the rights and obligations that arose "
            "before it, nor Sections {confidentiality}, {law} and {disputes}, which remain in force.",
            confidentiality=SECTIONS.no("confidentiality"),
            law=SECTIONS.no("law"),
            disputes=SECTIONS.no("disputes"),
        )
    )


def law(w: Writer, record: Record) -> None:
    w.heading("law", w.T("jv-agreement|law", "Governing Law"))
    # TRANSLATORS: {law}: "the laws of Ukraine" as translated under the "law" context (uk
    # genitive: «законодавства України»).
    first = w.clause(
        w.T(
            "jv-agreement|law",
            "This Agreement shall be governed by and construed in accordance with {law}.",
            law=c.governing_law(w, record),
        )
    )
    if record.governing_law != record.venture.country:
        # TRANSLATORS: where the governing law is not that of the country of placement. {clause}:
        # the number of the previous clause (11.1); {country}: the country of placement (uk
        # genitive, after «законодавством»).
        w.clause(
            w.T(
                "jv-agreement|law",
                "Notwithstanding clause {clause}, the establishment of the Venture and the corporate "
                "relations within it are governed by the laws of {country}, and export control and "
                "the protection of classified information are governed by the laws that apply to "
                "them mandatorily.",
                clause=c.ref(first),
                country=c.country(record.venture.country, "genitive"),
            )
        )


def languages(w: Writer, record: Record) -> None:
    w.heading("languages", w.T("jv-agreement|languages", "Languages and Copies"))
    # TRANSLATORS: {copies}: "3 (three) copies" (uk locative: «у 3 (трьох) примірниках»).
    w.clause(
        w.T(
            "jv-agreement|languages",
            "This Agreement is made in the Ukrainian and English languages, in {copies}, one for each "
            "Party; both texts have equal legal force.",
            copies=c.count(len(record.shareholders) + 1, "copy", "locative"),
        )
    )
    w.clause(c.prevailing_clause(w, record))


def notices(w: Writer) -> None:
    w.heading("notices", w.T("jv-agreement|notices", "Notices"))
    # TRANSLATORS: {section}: the number of the section with the Parties' details.
    w.clause(
        w.T(
            "jv-agreement|notices",
            "Notices and other communications under this Agreement shall be made in writing in the "
            "Ukrainian and English languages and delivered by hand, by courier or by registered post "
            "to the addresses of the Parties given in Section {section}.",
            section=SECTIONS.no("details"),
        )
    )
    w.clause(
        w.T(
            "jv-agreement|notices",
            "A notice is deemed received on the day of its delivery to the addressee’s address, as "
            "confirmed by a signed receipt or by a record of the courier or postal service.",
        )
    )
    # TRANSLATORS: {period}: "10 (ten) calendar days" (uk genitive, after «протягом»).
    w.clause(
        w.T(
            "jv-agreement|notices",
            "A Party shall notify the other Parties in writing of any change in its details within "
            "{period} of the change; until so notified, notices sent to its previous address are "
            "deemed duly given.",
            period=c.count(DETAILS_CHANGE_DAYS, "calendar_day", "genitive"),
        )
    )
    w.clause(
        w.T(
            "jv-agreement|notices",
            "Notices containing information with restricted access shall be sent only by the means "
            "permitted for such information by the laws of Ukraine.",
        )
    )

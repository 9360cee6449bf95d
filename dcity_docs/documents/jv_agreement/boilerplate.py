"""The closing provisions: Confidentiality and Classified Information; Governing Law; Languages
and Copies; Notices. (Term and Termination, Dispute Resolution and General Provisions have their
own modules.)"""

from __future__ import annotations

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.outline import SECTIONS
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


def notices(w: Writer, record: Record) -> None:
    w.heading("notices", w.T("jv-agreement|notices", "Notices"))
    # TRANSLATORS: {section}: the number of the section with the Parties' details.
    first = w.clause(
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
    emails = [record.ministry.email] + [h.email for h in record.shareholders]
    if any(emails):
        # TRANSLATORS: {section}: the Parties' details; {clause}: the clause on delivery by hand,
        # courier or post.
        w.clause(
            w.T(
                "jv-agreement|notices",
                "A notice may also be sent by e-mail to the e-mail address of the addressee given in "
                "Section {section}. It is deemed received when it enters the addressee’s mail server "
                "or, if that happens on a day that is not a working day at the addressee’s place or "
                "after the end of its working hours, on the next working day there. A Party for which "
                "no e-mail address is given there receives notices only as provided in clause {clause}.",
                section=SECTIONS.no("details"),
                clause=c.ref(first),
            )
        )
    # TRANSLATORS: {period}: "10 (ten) calendar days" (uk genitive, after «протягом»).
    w.clause(
        w.T(
            "jv-agreement|notices",
            "A Party shall notify the other Parties in writing of any change in its details within "
            "{period} of the change; until so notified, notices sent to its previous address are "
            "deemed duly given.",
            period=c.count(record.terms.details_change_days, "calendar_day", "genitive"),
        )
    )
    w.clause(
        w.T(
            "jv-agreement|notices",
            "Notices containing information with restricted access shall be sent only by the means "
            "permitted for such information by the laws of Ukraine.",
        )
    )

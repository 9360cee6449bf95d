"""Memorandum of understanding: intent to set up the venture. Binding only in its sections on
confidentiality, governing law and disputes, and its final provisions (term, languages, costs); the
rest records intentions, and it is not a preliminary contract under art. 635 of the Civil Code of
Ukraine. The companies are the "Prospective Shareholders" («майбутні учасники»)."""

from __future__ import annotations

from dcity_docs.wording.catalogs import Catalogs
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Draft, Sections, Writer

KEY = "memorandum"

#: The sections in the order they are drafted; cross-references are computed from it.
SECTIONS = Sections(
    ("subject", "ministry", "shareholders", "confidentiality", "nature", "law", "final", "signatures")
)


def draft(record: Record, catalogs: Catalogs) -> Draft:
    w = Writer(catalogs, KEY, SECTIONS)
    venture = c.value(record.venture.name)
    instrument = w.T("memorandum|instrument", "this Memorandum")

    w.title(w.T("memorandum|title", "MEMORANDUM OF UNDERSTANDING"))
    # TRANSLATORS: subtitle under the title; {venture} is the venture's name.
    w.subtitle(w.T("memorandum|title", "on the establishment of the joint venture “{venture}”", venture=venture))
    w.place_date(c.place_and_date(w, record, record.dates.memorandum))

    w.para(w.T("memorandum|preamble", "The parties to this Memorandum are:"))
    c.party_list(w, record, c.prospective_term)
    # TRANSLATORS: closes the list of parties in the preamble of the memorandum.
    w.para(w.T("memorandum|preamble", "each a “Party” and together the “Parties”."))
    # TRANSLATORS: the first recital, which defines the Venture before the recitals use it (a
    # sentence in English, an item after «беручи до уваги:» in Ukrainian); {venture}: the venture's name.
    first = w.T(
        "memorandum|preamble",
        "The Parties intend to establish the joint venture “{venture}” (the “Venture”).",
        venture=venture,
    )
    purposes = [c.purpose_recital(w, purpose, record) for purpose in record.venture.purposes]
    c.recitals(w, [first, *purposes, c.programme_recital(w)])
    # TRANSLATORS: closes the preamble of the memorandum; it records an understanding, not an agreement.
    w.para(w.T("memorandum|preamble", "THE PARTIES HAVE REACHED the following understanding:"))

    w.heading("subject", w.T("memorandum|subject", "Subject of the Memorandum"))
    # TRANSLATORS: {products}: a list such as "unmanned aerial vehicles (drones) and artillery
    # ammunition"; {placement}: "in Ukraine" or "in Norway".
    w.clause(
        w.T(
            "memorandum|subject",
            "The Parties intend to establish the Venture for the development and production of "
            "{products} {placement}.",
            products=c.products(w, record),
            placement=c.placement(w, record),
        )
    )
    w.clause(
        w.T(
            "memorandum|subject",
            "The Parties intend the charter capital of the Venture to be {capital}, held as "
            "follows: {shares}.",
            capital=c.money(record.venture.capital.amount, record.venture.capital.currency),
            shares=c.shares_summary(w, record),
        )
    )
    w.clause(
        w.T(
            "memorandum|subject",
            "The Parties intend the Venture to create {jobs} for citizens of Ukraine.",
            jobs=c.count(record.venture.ukrainian_jobs, "job"),
        )
    )
    w.clause(
        w.T(
            "memorandum|subject",
            "The Parties intend to negotiate in good faith and to sign the Joint Venture Agreement "
            "setting out the terms of the Venture in full.",
        )
    )

    w.heading("ministry", w.T("memorandum|ministry", "Intentions of the Ministry"))
    w.clause(
        w.T(
            "memorandum|ministry",
            "The Ministry intends to sign the Joint Venture Agreement on behalf of the State within "
            "its powers under the laws of Ukraine.",
        )
    )
    if record.venture.placement == "ukraine":
        w.clause(
            w.T(
                "memorandum|ministry",
                "The Ministry intends to identify and make available a safe production site in Ukraine "
                "for the Venture, taking account of the security situation.",
            )
        )
        w.clause(
            w.T(
                "memorandum|ministry",
                "The Ministry intends, within its competence, to take measures to protect the "
                "Venture’s production in Ukraine, including its coordination with air defence, on "
                "terms set out in a site-protection annex to the Joint Venture Agreement.",
            )
        )
    else:
        w.clause(
            w.T(
                "memorandum|ministry",
                "The Ministry intends to support the Venture’s cooperation with the competent "
                "authorities of {country} in connection with production placed there.",
                country=c.country(record.venture.country, "genitive"),
            )
        )

    w.heading("shareholders", w.T("memorandum|shareholders", "Intentions of the Prospective Shareholders"))
    w.clause(
        w.T(
            "memorandum|shareholders",
            "Each Prospective Shareholder intends to make the contribution to the Venture stated "
            "against its name in the Joint Venture Agreement.",
        )
    )
    w.clause(
        w.T(
            "memorandum|shareholders",
            "The Prospective Shareholders intend to give the Venture access to the technology and "
            "expertise needed for production, in compliance with the export control laws that apply "
            "to each of them.",
        )
    )

    w.heading("confidentiality", w.T("memorandum|confidentiality", "Confidentiality"))
    w.clause(
        w.T(
            "memorandum|confidentiality",
            "Each Party shall keep confidential all information received from another "
            "Party in connection with {instrument} and shall not disclose it to third parties "
            "without that Party’s prior written consent, save as required by law.",
            instrument=instrument,
        )
    )
    w.clause(
        w.T(
            "memorandum|confidentiality",
            "Information constituting State secrets or restricted information of Ukraine shall be "
            "handled only in accordance with the laws of Ukraine on the protection of such information.",
        )
    )
    # TRANSLATORS: {period}: "3 (three) years" (uk genitive, after «протягом»).
    w.clause(
        w.T(
            "memorandum|confidentiality",
            "The obligations under this Section survive the end of this Memorandum, for whatever "
            "reason, for {period}.",
            period=c.count(record.terms.memorandum_confidentiality_years, "year", "genitive"),
        )
    )

    w.heading("nature", w.T("memorandum|nature", "Legal Nature of the Memorandum"))
    # TRANSLATORS: which sections bind, stated once. {confidentiality}, {law}, {final}: the numbers
    # of the sections on confidentiality, governing law and disputes, and the final provisions.
    w.clause(
        w.T(
            "memorandum|nature",
            "Only Sections {confidentiality} (confidentiality), {law} (governing law and disputes) and "
            "{final} (term, languages and costs) of this Memorandum are legally binding on the "
            "Parties. The other Sections record the Parties’ intentions only: they create no "
            "obligation to conclude the Joint Venture Agreement or to contribute to the capital of the "
            "Venture, and no Party is liable to another for breaking off negotiations or for not "
            "concluding the Joint Venture Agreement.",
            confidentiality=SECTIONS.no("confidentiality"),
            law=SECTIONS.no("law"),
            final=SECTIONS.no("final"),
        )
    )
    w.clause(
        w.T(
            "memorandum|nature",
            "This Memorandum is not a preliminary contract within the meaning of Article 635 of the "
            "Civil Code of Ukraine.",
        )
    )

    w.heading("law", w.T("memorandum|law", "Governing Law and Disputes"))
    w.clause(
        w.T(
            "memorandum|law",
            "This Memorandum shall be governed by and construed in accordance with {law}.",
            law=c.governing_law(w, record),
        )
    )
    for clause in c.dispute_clauses(w, record, instrument):
        w.clause(clause)

    w.heading("final", w.T("memorandum|final", "Final Provisions"))
    w.clause(
        w.T(
            "memorandum|final",
            "This Memorandum shall enter into force on the date of its signing by all the Parties "
            "and shall remain in effect until the Joint Venture Agreement is signed or until any "
            "Party notifies the others in writing that it withdraws.",
        )
    )
    w.clause(
        w.T(
            "memorandum|final",
            "This Memorandum is made in the Ukrainian and English languages, in {copies}, one for each "
            "Party.",
            copies=c.count(len(record.shareholders) + 1, "copy", "locative"),
        )
    )
    w.clause(c.prevailing_clause(w, record))
    w.clause(
        w.T(
            "memorandum|final",
            "Each Party bears its own costs of negotiating and preparing this Memorandum and "
            "the Joint Venture Agreement.",
        )
    )

    w.heading("signatures", w.T("memorandum|signatures", "Signatures of the Parties"))
    w.signatures(c.signature_blocks(w, record, c.prospective_term))

    return c.finish(
        w,
        record,
        title=w.T("memorandum|title", "Memorandum of Understanding"),
        subject=w.T("memorandum|title", "Joint venture “{venture}”", venture=venture),
        reference=w.T("footer", "{id} · Memorandum of Understanding", id=record.id),
    )

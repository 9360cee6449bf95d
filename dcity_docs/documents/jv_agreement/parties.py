"""Title, parties and recitals (the preamble), and Section 1: Definitions and Interpretation."""

from __future__ import annotations

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.outline import SECTIONS
from dcity_docs.draft.base import Writer


def title_and_preamble(w: Writer, record: Record, venture: Bi) -> None:
    # TRANSLATORS: the agreement's title; {number} is its number (DC-2026-014). Keep a no-break
    # space in «№ DC-…».
    w.title(w.T("jv-agreement|title", "JOINT VENTURE AGREEMENT No. {number}", number=record.agreement_no))
    # TRANSLATORS: subtitle under the title; {venture} is the venture's name.
    w.subtitle(
        w.T("jv-agreement|title", "on the establishment of the joint venture “{venture}”", venture=venture)
    )
    w.place_date(c.place_and_date(w, record, record.dates.agreement))

    w.para(w.T("jv-agreement|preamble", "The parties to this Agreement are:"))
    c.party_list(w, record)
    terms = [c.shareholder_term(w, i) for i in range(len(record.shareholders))]
    if len(terms) > 1:
        # TRANSLATORS: closes the list of parties in the preamble of the agreement. {shareholders}
        # lists the shareholders' defined terms («Учасник 1 і Учасник 2»).
        w.para(
            w.T(
                "jv-agreement|preamble",
                "each a “Party” and together the “Parties”, and {shareholders} together the "
                "“Shareholders”.",
                shareholders=c.joined(terms),
            )
        )
    else:
        # TRANSLATORS: closes the list of parties where there is only one shareholder.
        w.para(w.T("jv-agreement|preamble", "each a “Party” and together the “Parties”."))
    # TRANSLATORS: the first recital (a sentence in English, an item after «беручи до уваги:» in
    # Ukrainian); {date}: the date the memorandum was signed; {venture}: the venture's name. It
    # defines the term “Venture” («Підприємство»).
    first = w.T(
        "jv-agreement|preamble",
        "The Parties signed the Memorandum of Understanding on the establishment of the joint venture "
        "“{venture}” (the “Venture”) on {date}.",
        venture=venture,
        date=c.date(record.dates.memorandum),
    )
    purposes = [c.purpose_recital(w, purpose, record) for purpose in record.venture.purposes]
    c.recitals(w, [first, *purposes, c.programme_recital(w)])
    # TRANSLATORS: closes the preamble before Section 1 (English drafting: "IT IS AGREED as follows:").
    w.para(w.T("jv-agreement|preamble", "IT IS AGREED as follows:"))


def definitions(w: Writer, record: Record) -> None:
    in_ukraine = record.venture.placement == "ukraine"
    w.heading("definitions", w.T("jv-agreement|definitions", "Definitions and Interpretation"))
    w.clause(w.T("jv-agreement|definitions", "In this Agreement the following terms have the following meanings:"))
    items: list[Bi] = []
    if in_ukraine:
        items.append(
            w.T(
                "jv-agreement|definitions",
                "“Registration Date” means the date of state registration of the Venture in Ukraine;",
            )
        )
        # TRANSLATORS: a definition; {section}: the number of the section on the Ministry's
        # undertakings. The site's codename and location are never given in the agreement.
        items.append(
            w.T(
                "jv-agreement|definitions",
                "“Site” means the safe production site in Ukraine that the Ministry provides for the "
                "Venture’s production under Section {section};",
                section=SECTIONS.no("ministry"),
            )
        )
        # TRANSLATORS: a definition; {annex_no}: the annex's number ("1"). The annex's own title is
        # «Про захист виробничого майданчика» / “Site Protection”. Keep a no-break space in «№ 1».
        items.append(
            w.T(
                "jv-agreement|definitions",
                "“Annex” means Annex No. {annex_no} “Site Protection” to this Agreement;",
                annex_no=c.SITE_ANNEX_NO,
            )
        )
    else:
        # TRANSLATORS: a definition; {placement}: "in Norway" («у Норвегії»).
        items.append(
            w.T(
                "jv-agreement|definitions",
                "“Registration Date” means the date of registration of the Venture {placement};",
                placement=c.placement(w, record),
            )
        )
    items[-1] = c.last_item(items[-1])
    for item in items:
        w.para(item)
    w.clause(
        w.T(
            "jv-agreement|definitions",
            "Terms defined in the preamble and elsewhere in this Agreement have the meanings given "
            "to them there.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|definitions",
            "Headings are for convenience only and do not affect the interpretation of this "
            "Agreement. References to Sections and clauses are to Sections and clauses of this "
            "Agreement, and words in the singular include the plural and vice versa.",
        )
    )

"""Section Technology Licence and Intellectual Property: for each shareholder whose contribution is
a technology licence, the licence it grants the venture (field: the Products; territory, term and
exclusivity from the terms); for a contribution of intellectual property rights, their transfer;
then, where any technology is contributed, sublicensing, know-how and training, improvements and
their licence back, and the licence when its licensor leaves or the agreement ends; for every
venture, background and foreground IP and employees' inventions (the law of Ukraine for a venture
there). A shareholder that contributes no technology grants no licence.

The venture is not a party: the licensor concludes the licence agreement with it and the
shareholders procure what the venture does.
"""

from __future__ import annotations

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import ContributionKind, Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.outline import SECTIONS
from dcity_docs.draft.base import Writer



def licensors(record: Record) -> list[int]:
    """Indexes of the shareholders whose contribution includes a technology licence."""
    return [i for i, h in enumerate(record.shareholders)
            if ContributionKind.technology_licence in h.contribution.kind]


def _territory(w: Writer, record: Record) -> Bi:
    if record.terms.licence_territory == "worldwide":
        # TRANSLATORS: clause: licence (territory, worldwide).
        return w.T("jv-agreement|licence", "throughout the world")
    # TRANSLATORS: clause: licence (territory); {country}: the country of placement (uk genitive).
    return w.T("jv-agreement|licence", "in the territory of {country}", country=c.country(record.venture.country, "genitive"))


def _term(w: Writer, record: Record) -> Bi:
    years = record.terms.licence_term_years
    if not years:
        # TRANSLATORS: clause: licence (term, as long as the agreement).
        return w.T("jv-agreement|licence", "for the term of this Agreement")
    # TRANSLATORS: clause: licence (term); {years}: "5 (five) years" (uk accusative after «на»:
    # «на 5 (п’ять) років»).
    return w.T("jv-agreement|licence", "for {years} from the date of the licence agreement, but not beyond the term of this "
               "Agreement", years=c.count(years, "year", "accusative"))


def _grant(w: Writer, record: Record, i: int) -> None:
    t = record.terms
    values = {
        "term": c.shareholder_term(w, i),
        "n": str(i + 1),
        "products": c.products(w, record),
        "territory": _territory(w, record),
        "duration": _term(w, record),
        "section": SECTIONS.no("capital"),
    }
    if t.licence_exclusive:
        # TRANSLATORS: clause: licence (grant, exclusive). {term}: «Учасник 2» (nominative); {n}:
        # the shareholder's number (uk «Технологія Учасника {n}»); {products}: the Products (uk
        # genitive); {territory}, {duration}: as drafted; {section}: the section on contributions.
        # «виключна ліцензія»: Article 1108 of the Civil Code of Ukraine.
        text = w.T(
            "jv-agreement|licence",
            "As its contribution under Section {section}, {term} shall grant the Venture an exclusive "
            "licence to use its technology, including the know-how, technical documentation, "
            "inventions, utility models, industrial designs and software that embody it (the "
            "“Technology of Shareholder {n}”), for the development, production, maintenance, repair and sale "
            "of {products} (the field of the licence), {territory}, {duration}. Within the field and "
            "the territory {term} shall neither use that technology itself nor grant licences of it "
            "to others.",
            **values,
        )
    else:
        # TRANSLATORS: clause: licence (grant, non-exclusive); placeholders as for the exclusive one.
        text = w.T(
            "jv-agreement|licence",
            "As its contribution under Section {section}, {term} shall grant the Venture a "
            "non-exclusive licence to use its technology, including the know-how, technical "
            "documentation, inventions, utility models, industrial designs and software that embody "
            "it (the “Technology of Shareholder {n}”), for the development, production, maintenance, repair "
            "and sale of {products} (the field of the licence), {territory}, {duration}. {term} may "
            "continue to use that technology itself and grant licences of it to others.",
            **values,
        )
    w.clause(text)


def _form(w: Writer, record: Record) -> None:
    if record.governing_law == "UA":
        # TRANSLATORS: clause: licence (form), under the law of Ukraine.
        text = w.T(
            "jv-agreement|licence",
            "Each licence under this Section is granted by a licence agreement in writing between the "
            "Licensor and the Venture in accordance with Articles 1108 and 1109 of the Civil Code of "
            "Ukraine, on the terms of this Section, within the time for making contributions; the "
            "Shareholders shall procure that the Venture concludes it. “Licensor” means a Shareholder "
            "that grants a licence under this Section.",
        )
    else:
        # TRANSLATORS: clause: licence (form), under a foreign governing law.
        text = w.T(
            "jv-agreement|licence",
            "Each licence under this Section is granted by a licence agreement in writing between the "
            "Licensor and the Venture, on the terms of this Section, within the time for making "
            "contributions; the Shareholders shall procure that the Venture concludes it. "
            "“Licensor” means a Shareholder that grants a licence under this Section.",
        )
    w.clause(text)


def _sublicensing(w: Writer, record: Record) -> None:
    if record.terms.licence_sublicensing:
        # TRANSLATORS: clause: licence (sublicences allowed).
        text = w.T(
            "jv-agreement|licence",
            "The Venture may grant sublicences to its subcontractors, for the making of components of "
            "the Products for the Venture only, without the consent of the Licensor. The Shareholders "
            "shall procure that the Venture notifies the Licensor of each sublicence in writing, that "
            "each sublicence binds the subcontractor to confidentiality and ends with the licence, "
            "and that the Venture remains liable to the Licensor for its subcontractors.",
        )
    else:
        # TRANSLATORS: clause: licence (no sublicence without consent).
        text = w.T(
            "jv-agreement|licence",
            "The Venture may not grant sublicences without the prior written consent of the Licensor; "
            "the Shareholders shall procure that it grants none.",
        )
    w.clause(text)


def _know_how(w: Writer, record: Record) -> None:
    t = record.terms
    # TRANSLATORS: clause: licence (know-how and training). {days}: "60 (sixty) calendar days" (uk
    # genitive, after «протягом»); {training}: "30 (thirty) working days" (uk genitive, after «до»);
    # {period}: "60 (sixty) calendar days" (uk genitive).
    w.clause(
        w.T(
            "jv-agreement|licence",
            "Within {days} of its licence agreement each Licensor shall hand over to the Venture, "
            "under a transfer and acceptance certificate, the know-how and technical documentation needed "
            "to produce the Products with its technology, and shall train the Venture’s staff in "
            "their use for up to {training} at no further charge. If a Licensor fails to do so, any "
            "other Shareholder may require it in writing to do so within {period}; a failure to do so "
            "within that time is a material breach of this Agreement.",
            days=c.count(t.know_how_days, "calendar_day", "genitive"),
            training=c.count(t.training_days, "working_day", "genitive"),
            period=c.count(record.terms.cure_days, "calendar_day", "genitive"),
        )
    )


def _improvements(w: Writer, record: Record) -> None:
    # TRANSLATORS: clause: licence (improvements and their licence back). {days}: "30 (thirty)
    # calendar days" (uk genitive, after «протягом»).
    w.clause(
        w.T(
            "jv-agreement|licence",
            "Improvements to a Licensor’s technology made by the Venture belong to the Venture. The "
            "Shareholders shall procure that the Venture discloses each such improvement to the "
            "Licensor in writing within {days} of its creation and grants the Licensor a "
            "non-exclusive, royalty-free licence to use it outside the field of the licence (the "
            "licence back). Improvements that a Licensor makes to its technology shall be disclosed "
            "to the Venture within the same time and form part of the Venture’s licence at no "
            "further charge.",
            days=c.count(record.terms.improvement_notice_days, "calendar_day", "genitive"),
        )
    )


def _ending(w: Writer, record: Record) -> None:
    months = record.terms.licence_run_off_months
    if months:
        # TRANSLATORS: clause: licence (when the licensor leaves or the agreement ends). {months}:
        # "12 (twelve) months" (uk accusative after «ще»: «ще 12 (дванадцять) місяців»).
        text = w.T(
            "jv-agreement|licence",
            "If a Licensor ceases to be a Shareholder, or this Agreement ends, each licence of that "
            "Licensor continues for {months} from that date, so that the Venture can complete the "
            "orders it has accepted, and then ends; the Venture may continue to maintain and repair "
            "the Products delivered before then. Improvements and intellectual property of the "
            "Venture are not affected.",
            months=c.count(months, "month", "accusative"),
        )
    else:
        # TRANSLATORS: clause: licence (when the licensor leaves or the agreement ends, no run-off).
        text = w.T(
            "jv-agreement|licence",
            "If a Licensor ceases to be a Shareholder, or this Agreement ends, each licence of that "
            "Licensor ends on that date; the Venture may continue to maintain and repair the Products "
            "delivered before then. Improvements and intellectual property of the Venture are not "
            "affected.",
        )
    w.clause(text)


def _transfers(w: Writer, record: Record) -> None:
    for i, holder in enumerate(record.shareholders):
        if ContributionKind.intellectual_property not in holder.contribution.kind:
            continue
        # TRANSLATORS: clause: licence (a contribution of intellectual property rights). {term}:
        # «Учасник 1» (nominative).
        w.clause(
            w.T(
                "jv-agreement|licence",
                "{term} shall transfer to the Venture the property rights in intellectual property "
                "that make up its contribution by a contract in writing on the transfer of exclusive "
                "property rights in intellectual property, within the time for making contributions; "
                "the Shareholders shall procure that the Venture concludes it.",
                term=c.shareholder_term(w, i),
            )
        )


def _background_foreground(w: Writer) -> None:
    w.clause(
        w.T(
            "jv-agreement|licence",
            "Intellectual property that a Party holds on the date of this Agreement or creates "
            "independently of the Venture (background intellectual property) remains that Party’s; "
            "this Agreement grants no right in it other than the licences under this Section. "
            "Intellectual property created by the Venture, or for it by its employees and "
            "contractors (foreground intellectual property), belongs to the Venture unless the "
            "Shareholders agree otherwise in writing.",
        )
    )


def _employees(w: Writer, record: Record) -> None:
    if record.venture.placement == "ukraine":
        # TRANSLATORS: clause: licence (employees' inventions), venture in Ukraine: Article 9 of the
        # Law of Ukraine «Про охорону прав на винаходи і корисні моделі» (service inventions).
        text = w.T(
            "jv-agreement|licence",
            "The right to obtain a patent for an invention or utility model created by an employee "
            "of the Venture in the performance of his or her duties or on the Venture’s instructions "
            "(a service invention) belongs to the Venture as employer, and the employee is entitled "
            "to remuneration, in accordance with Article 9 of the Law of Ukraine “On the Protection of "
            "Rights to Inventions and Utility Models”. The Shareholders shall procure that the "
            "Venture’s employment contracts and contracts with its contractors so provide.",
        )
    else:
        # TRANSLATORS: clause: licence (employees' inventions), venture abroad; {country}: the
        # country of placement (uk genitive).
        text = w.T(
            "jv-agreement|licence",
            "The rights in inventions and other results created by employees of the Venture in the "
            "performance of their duties belong to the Venture, and the employees are remunerated, "
            "as the laws of {country} provide. The Shareholders shall procure that the Venture’s "
            "employment contracts and contracts with its contractors so provide.",
            country=c.country(record.venture.country, "genitive"),
        )
    w.clause(text)


def licence(w: Writer, record: Record) -> None:
    w.heading("licence", w.T("jv-agreement|licence", "Technology Licence and Intellectual Property"))
    granting = licensors(record)
    for i in granting:
        _grant(w, record, i)
    if granting:
        _form(w, record)
        _sublicensing(w, record)
        _know_how(w, record)
        _improvements(w, record)
        _ending(w, record)
    _transfers(w, record)
    _background_foreground(w)
    _employees(w, record)

"""The parties' undertakings: Employment of Citizens of Ukraine; Export Control and Technology
Transfer; Undertakings of the Ministry (the Site, its protection, or support abroad)."""

from __future__ import annotations

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.outline import SECTIONS
from dcity_docs.draft.base import Writer

#: Member States of the European Union (ISO 3166-1 alpha-2), whose partners are bound by their
#: national war-materiel licensing (which applies Council Common Position 2008/944/CFSP) and by
#: Regulation (EU) 2021/821 on dual-use items with their national export control laws.
EU_MEMBER_STATES = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)


def employment(w: Writer, record: Record) -> None:
    w.heading("employment", w.T("jv-agreement|employment", "Employment of Citizens of Ukraine"))
    if record.venture.ukrainian_jobs:
        # TRANSLATORS: clause: employment (the jobs undertaking). {jobs}: "180 (one hundred and
        # eighty) jobs" (uk genitive: «180 (ста вісімдесяти) робочих місць»); {section}: the number
        # of the section on force majeure.
        w.clause(
            w.T(
                "jv-agreement|employment",
                "The Shareholders shall use reasonable endeavours to procure that the Venture creates "
                "{jobs} for citizens of Ukraine and maintains them for the term of this Agreement. "
                "The undertaking is measured once a year, by the average number of jobs held by "
                "citizens of Ukraine in the calendar year; a shortfall in a year is not a breach of "
                "this Agreement if the Shareholders have used reasonable endeavours, or to the extent "
                "that it results from force majeure under Section {section}.",
                jobs=c.count(record.venture.ukrainian_jobs, "job", "genitive"),
                section=SECTIONS.no("force-majeure"),
            )
        )
    # TRANSLATORS: {country}: the country of placement (uk genitive: «трудового законодавства України»).
    w.clause(
        w.T(
            "jv-agreement|employment",
            "The Shareholders shall procure that the Venture employs citizens of Ukraine on terms no "
            "less favourable than those of other employees doing comparable work, in accordance with "
            "the labour laws of {country}.",
            country=c.country(record.venture.country, "genitive"),
        )
    )
    w.clause(
        w.T(
            "jv-agreement|employment",
            "The Shareholders shall ensure that the Venture informs the Ministry in writing, by "
            "1 March of each year, of the number of jobs held by citizens of Ukraine as at "
            "31 December of the previous year.",
        )
    )


def export_regime(w: Writer, code: str) -> Bi:
    """The export control regime a partner or a venture abroad is bound by (uk genitive)."""
    if code in EU_MEMBER_STATES:
        # TRANSLATORS: the export control regime of an EU member State, military goods as well as
        # dual-use items, in the genitive in Ukrainian (after «дотримується», «відповідно до»);
        # {country}: the State (uk genitive). The Common Position binds the State, so the partner is
        # bound through the national war-materiel licensing that applies it. Keep a no-break space
        # before «р.».
        return w.T(
            "jv-agreement|export-regime",
            "the laws of {country} on the licensing of exports of military technology and equipment, "
            "which apply the common rules of Council Common Position 2008/944/CFSP of 8 December 2008 "
            "defining common rules governing control of exports of military technology and equipment, "
            "and Regulation (EU) 2021/821 of the European Parliament and of the Council of 20 May 2021 "
            "setting up a Union regime for the control of exports, brokering, technical assistance, "
            "transit and transfer of dual-use items, together with the export control laws of {country} "
            "on dual-use items",
            country=c.country(code, "genitive"),
        )
    if code == "GB":
        # TRANSLATORS: the United Kingdom's export control regime, in the genitive in Ukrainian;
        # the English titles of the Act and the Order stay in brackets.
        return w.T(
            "jv-agreement|export-regime",
            "the Export Control Act 2002 and the Export Control Order 2008 of the United Kingdom",
        )
    if code == "NO":
        # TRANSLATORS: Norway's export control act (lov 18. desember 1987 nr. 93), in the genitive
        # in Ukrainian. Keep no-break spaces in «1987 р.» and «№ 93».
        return w.T(
            "jv-agreement|export-regime",
            "the Norwegian Act of 18 December 1987 No. 93 relating to control of the export of "
            "strategic goods, services, technology, etc. (the Export Control Act)",
        )
    # TRANSLATORS: any other State's export control laws, in the genitive in Ukrainian;
    # {country}: the State (uk genitive: «законодавства Швейцарії про експортний контроль»).
    return w.T(
        "jv-agreement|export-regime",
        "the export control laws of {country}",
        country=c.country(code, "genitive"),
    )


def export(w: Writer, record: Record) -> None:
    w.heading("export", w.T("jv-agreement|export", "Export Control and Technology Transfer"))
    w.clause(
        w.T(
            "jv-agreement|export",
            "Each Party shall comply with the export control laws that apply to it in performing this "
            "Agreement, including when goods, technology, technical data or services are transferred "
            "to or from the Venture.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|export",
            "International transfers of military and dual-use goods from or to Ukraine, including "
            "the transfer of technology, shall be carried out in accordance with the Law of Ukraine "
            "“On State Control over International Transfers of Military and Dual-Use Goods” and only "
            "under the permits or opinions of the State Service for Export Control of Ukraine.",
        )
    )
    for i, holder in enumerate(record.shareholders):
        if holder.country == "UA":
            continue
        # TRANSLATORS: a foreign shareholder's own export control regime. {term}: «Учасник 2»
        # (nominative); {regime}: the regime, in the genitive in Ukrainian.
        w.clause(
            w.T(
                "jv-agreement|export",
                "{term} shall also comply with {regime}.",
                term=c.shareholder_term(w, i),
                regime=export_regime(w, holder.country),
            )
        )
    if record.venture.placement == "abroad":
        # TRANSLATORS: {regime}: the export control regime of the country of placement, in the
        # genitive in Ukrainian (after «відповідно до»).
        w.clause(
            w.T(
                "jv-agreement|export",
                "The Shareholders shall ensure that the Venture obtains, for its production and "
                "exports, every licence and permit required under {regime}.",
                regime=export_regime(w, record.venture.country),
            )
        )
    w.clause(
        w.T(
            "jv-agreement|export",
            "No Party is obliged to transfer technology, technical data or goods to the Venture before "
            "the licences and permits required for the transfer have been granted, and no Party is in "
            "breach of this Agreement to the extent that a delay or failure to transfer results from "
            "the refusal, suspension or revocation of such a licence or permit or from a delay in its "
            "issue.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|export",
            "The Shareholders shall ensure that the Venture does not re-export, re-transfer or "
            "otherwise make available to third parties any goods, technology or technical data "
            "received from a Party without the permits required by law and the prior written "
            "consent of that Party.",
        )
    )


def ministry(w: Writer, record: Record) -> None:
    w.heading("ministry", w.T("jv-agreement|ministry", "Undertakings of the Ministry"))
    w.clause(
        w.T(
            "jv-agreement|ministry",
            "By signing this Agreement the Ministry confirms that the Venture is a project of the "
            "Defence City programme and undertakes, within the powers conferred on it by the laws of "
            "Ukraine, to support the establishment and operation of the Venture, including in its "
            "dealings with the public authorities of Ukraine.",
        )
    )
    if record.venture.placement == "ukraine":
        w.clause(
            w.T(
                "jv-agreement|ministry",
                "The Ministry shall provide the Venture with the Site for the term of this Agreement, "
                "having selected it with regard to the security situation. The legal basis and terms "
                "of the Venture’s use of the Site shall be set out in a separate agreement concluded "
                "in accordance with the laws of Ukraine.",
            )
        )
        w.clause(
            w.T(
                "jv-agreement|ministry",
                "The Ministry shall, within its competence, take the measures to protect the "
                "Venture’s production at the Site set out in the Annex, which forms an integral part "
                "of this Agreement.",
            )
        )
        w.clause(
            w.T(
                "jv-agreement|ministry",
                "Where the security situation so requires, the Ministry may, after consulting the "
                "Shareholders, offer the Venture another production site; a change of site shall be "
                "recorded by an amendment to the Annex.",
            )
        )
    else:
        # TRANSLATORS: {country}: the country of placement (uk genitive, after «органами»).
        w.clause(
            w.T(
                "jv-agreement|ministry",
                "The Ministry shall support the Venture’s cooperation with the competent authorities "
                "of {country} in connection with the production placed there, including on export "
                "control and government orders.",
                country=c.country(record.venture.country, "genitive"),
            )
        )
    w.clause(
        w.T(
            "jv-agreement|ministry",
            "The Ministry performs its undertakings within the powers and budget allocations provided "
            "by the laws of Ukraine. They do not constitute a State guarantee of the obligations of "
            "the Venture or of the Shareholders.",
        )
    )

"""Sections on the venture itself: Establishment of the Venture; Placement of Production and Products."""

from __future__ import annotations

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.outline import SECTIONS
from dcity_docs.draft.base import Writer


def establishment(w: Writer, record: Record, venture: Bi) -> None:
    country = record.venture.country
    w.heading("establishment", w.T("jv-agreement|establishment", "Establishment of the Venture"))
    if record.venture.placement == "ukraine":
        # TRANSLATORS: {venture}: the venture's name. The Law of Ukraine is cited by its Ukrainian
        # title «Про товариства з обмеженою та додатковою відповідальністю». The name with its legal
        # form: full «Товариство з обмеженою відповідальністю «…»», short «ТОВ «…»».
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "The Shareholders shall establish the Venture as a limited liability company in "
                "accordance with the Civil Code of Ukraine and the Law of Ukraine “On Limited and "
                "Additional Liability Companies”, under the full name Limited Liability Company "
                "“{venture}” and the short name LLC “{venture}”.",
                venture=venture,
            )
        )
        # TRANSLATORS: {period}: "30 (thirty) calendar days" (uk genitive, after «протягом»); the
        # Closing Date is defined in Section Conditions Precedent and Closing.
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "The Shareholders shall approve the charter of the Venture in accordance with this "
                "Agreement and shall file the documents for the state registration of the Venture "
                "within {period} of the Closing Date.",
                period=c.count(record.terms.filing_days, "calendar_day", "genitive"),
            )
        )
    else:
        # TRANSLATORS: production abroad; {country}: the country of incorporation (uk genitive, after
        # «законодавства»); {venture}: the venture's name. No Ukrainian legal form or its definition.
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "The Shareholders shall establish the Venture under the laws of {country} as a "
                "private company limited by shares, in a legal form that those laws provide, under "
                "the name “{venture}”.",
                country=c.country(country, "genitive"),
                venture=venture,
            )
        )
        # TRANSLATORS: {period}: "30 (thirty) calendar days" (uk genitive); {placement}: "in
        # Norway" («у Норвегії»).
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "The Shareholders shall approve the constitutional documents of the Venture in "
                "accordance with this Agreement and shall apply for the registration of the Venture "
                "{placement} within {period} of the Closing Date.",
                placement=c.placement(w, record),
                period=c.count(record.terms.filing_days, "calendar_day", "genitive"),
            )
        )
    w.clause(
        w.T(
            "jv-agreement|establishment",
            "The Shareholders shall determine the registered office of the Venture on its "
            "registration.",
        )
    )
    if record.venture.placement == "ukraine":
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "In the event of any inconsistency between the charter of the Venture and this "
                "Agreement, this Agreement shall prevail as between the Parties, and the Shareholders "
                "shall procure the amendments to the charter needed to bring it into line with this "
                "Agreement.",
            )
        )
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "The Ministry is not a shareholder in the Venture and makes no contribution to its "
                "charter capital; its rights and obligations are those set out in this Agreement.",
            )
        )
    else:
        # TRANSLATORS: a venture abroad; {country}: the country of incorporation (uk genitive).
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "In the event of any inconsistency between the articles of association of the Venture "
                "and this Agreement, this Agreement shall prevail as between the Parties as far as the "
                "laws of {country} permit, and the Shareholders shall procure the amendments to the "
                "articles of association needed to bring them into line with this Agreement.",
                country=c.country(country, "genitive"),
            )
        )
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "The Ministry is not a shareholder in the Venture and makes no contribution to its "
                "share capital; its rights and obligations are those set out in this Agreement.",
            )
        )


def placement(w: Writer, record: Record) -> None:
    w.heading("placement", w.T("jv-agreement|placement", "Placement of Production and Products"))
    # TRANSLATORS: {products}: a list such as "unmanned aerial vehicles (drones) and artillery
    # ammunition" (uk genitive, after «виробництво»). Defines the term “Products”.
    w.clause(
        w.T(
            "jv-agreement|placement",
            "The Shareholders shall procure that the Venture develops and produces {products} (the "
            "“Products”).",
            products=c.products(w, record),
        )
    )
    site = record.site
    if record.venture.placement == "ukraine":
        if site is not None and site.classification == "secret":
            w.clause(
                w.T(
                    "jv-agreement|placement",
                    "The Venture’s production shall be placed in Ukraine at the Site. The particulars "
                    "of the Site and of its protection constitute a State secret; they are set out "
                    "only in a separate document referred to in the Annex and handled in accordance "
                    "with the Law of Ukraine “On State Secrets”.",
                )
            )
        else:
            w.clause(
                w.T(
                    "jv-agreement|placement",
                    "The Venture’s production shall be placed in Ukraine at the Site. The particulars "
                    "of the Site, including its designation, location and protection measures, are "
                    "set out only in the Annex.",
                )
            )
    else:
        # TRANSLATORS: {placement}: "in Norway" («у Норвегії»).
        w.clause(
            w.T(
                "jv-agreement|placement",
                "The Venture’s production shall be placed {placement}.",
                placement=c.placement(w, record),
            )
        )
    # TRANSLATORS: {section}: the number of the section on export control.
    w.clause(
        w.T(
            "jv-agreement|placement",
            "The Venture may supply the Products to the security and defence forces of Ukraine and, "
            "subject to Section {section}, to customers in partner States.",
            section=SECTIONS.no("export"),
        )
    )
    w.clause(
        w.T(
            "jv-agreement|placement",
            "Any change to the Products or to the placement of production requires a unanimous "
            "decision of the Shareholders and the prior written consent of the Ministry.",
        )
    )

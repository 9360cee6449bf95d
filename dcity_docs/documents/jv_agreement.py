"""Joint-venture agreement (Договір про створення спільного підприємства).

The binding agreement that follows the memorandum: the shareholders establish the venture (a
limited liability company under the law of the country of placement), make the contributions
stated in a shares table, create jobs for citizens of Ukraine and comply with export control; the
Ministry, which holds no share, provides and protects the production site where production is
placed in Ukraine (the particulars of the site appear only in the site-protection annex, never
here) or supports cooperation with the authorities of the country of placement.

Time limits that are not in the record are fixed drafting choices (constants below), the same for
every venture, so that the agreement never invents a term per record.
"""

from __future__ import annotations

from decimal import Decimal

from dcity_docs.language import formatting
from dcity_docs.wording.catalogs import Bi, Catalogs
from dcity_docs.errors import InputError
from dcity_docs.record.models import ContributionKind, Record, Shareholder
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Draft, Writer

KEY = "jv-agreement"

#: Days from the agreement to filing for registration of the venture.
FILING_DAYS = 30
#: Days from the registration of the venture within which contributions are made in full
#: (within the six months of the Law of Ukraine on limited liability companies).
CONTRIBUTION_DAYS = 90
#: Months after the agreement after which any party may terminate if the venture is not registered.
REGISTRATION_MONTHS = 6
#: Days a party in material breach has to remedy it after notice.
REMEDY_DAYS = 60
#: Days within which a party notifies the others of a change in its details.
DETAILS_CHANGE_DAYS = 10

#: Member States of the European Union (ISO 3166-1 alpha-2), whose partners are bound by
#: Regulation (EU) 2021/821 on dual-use items as well as their national export control laws.
EU_MEMBER_STATES = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)

#: The sections in the order they are drafted; cross-references are computed from it.
SECTIONS = (
    "definitions",
    "establishment",
    "placement",
    "capital",
    "governance",
    "employment",
    "export",
    "ministry",
    "confidentiality",
    "term",
    "law",
    "disputes",
    "languages",
    "notices",
    "details",
    "signatures",
)


def section_no(key: str) -> str:
    """The number of a section, for cross-references made before or after it is drafted."""
    return str(SECTIONS.index(key) + 1)


def _heading(w: Writer, key: str, text: Bi) -> None:
    w.heading(text)
    if str(w.section) != section_no(key):  # pragma: no cover - a programming error
        raise AssertionError(f"section {key!r} drafted as {w.section}, expected {section_no(key)}")


def _ref(num: str) -> str:
    """A clause number as it is cited in running text: «4.2», not «4.2.»."""
    return num.rstrip(".")


def _capitalised(text: Bi) -> Bi:
    """First letter upper-case in both languages (a list of kinds at the start of a table cell)."""
    return text.map(lambda s, _lang: s[:1].upper() + s[1:])


def _last_item(text: Bi) -> Bi:
    """The last item of a list of definitions ends with a full stop, not a semicolon."""
    return text.map(lambda s, _lang: s[:-1] + "." if s.endswith(";") else s)


def capital_kinds(holder: Shareholder) -> list[ContributionKind]:
    """Kinds that can be valued contributions to charter capital (art. 115(2) Civil Code of Ukraine).

    ``workforce`` is an undertaking (jobs, making employees available), not property with a money
    value, so it is worded in a clause of its own and never in the table.
    """
    return [k for k in holder.contribution.kind if k is not ContributionKind.workforce]


def _check_contributions(record: Record) -> None:
    for i, holder in enumerate(record.shareholders):
        if not capital_kinds(holder):
            raise InputError(
                f"{record.id}: shareholders[{i}].contribution.kind: 'workforce' alone cannot be a "
                "contribution to charter capital (art. 115(2) of the Civil Code of Ukraine: money, "
                "securities, property or property rights with a money value); add the kind of "
                "property or right that the valued contribution consists of"
            )


def _largest_holder(record: Record) -> int | None:
    """Index of the shareholder with the largest share, or None where two or more tie."""
    top = max(h.share_percent for h in record.shareholders)
    holders = [i for i, h in enumerate(record.shareholders) if h.share_percent == top]
    return holders[0] if len(holders) == 1 else None


# --- preamble -----------------------------------------------------------------------------


def _title_and_preamble(w: Writer, record: Record, venture: Bi) -> None:
    # TRANSLATORS: the agreement's title; {number} is its number (DC-2026-014). Keep a no-break
    # space in «№ DC-…».
    w.title(w.T("jv-agreement|title", "AGREEMENT No. {number}", number=record.agreement_no))
    # TRANSLATORS: subtitle under the title; {venture} is the venture's name.
    w.subtitle(
        w.T("jv-agreement|title", "on the establishment of the joint venture “{venture}”", venture=venture)
    )
    w.place_date(c.date(record.dates.agreement))

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
                "“Shareholders”, taking into account:",
                shareholders=c.joined(terms),
            )
        )
    else:
        # TRANSLATORS: closes the list of parties where there is only one shareholder.
        w.para(w.T("jv-agreement|preamble", "each a “Party” and together the “Parties”, taking into account:"))
    # TRANSLATORS: the first recital; {date}: the date the memorandum was signed; {venture}: the
    # venture's name. It defines the term “Venture” («Підприємство»).
    w.para(
        w.T(
            "jv-agreement|preamble",
            "the Memorandum of Understanding on the establishment of the joint venture “{venture}” "
            "(the “Venture”) signed by the Parties on {date};",
            venture=venture,
            date=c.date(record.dates.memorandum),
        )
    )
    for purpose in record.venture.purposes:
        w.para(c.purpose_recital(w, purpose, record))
    w.para(
        w.T(
            "jv-agreement|preamble",
            "the Defence City programme of the Government of Ukraine for joint defence production "
            "with partner States,",
        )
    )
    w.para(w.T("jv-agreement|preamble", "have agreed as follows:"))


# --- sections -----------------------------------------------------------------------------


def _definitions(w: Writer, record: Record) -> None:
    in_ukraine = record.venture.placement == "ukraine"
    _heading(w, "definitions", w.T("jv-agreement|definitions", "Definitions and Interpretation"))
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
                section=section_no("ministry"),
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
    items[-1] = _last_item(items[-1])
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


def _establishment(w: Writer, record: Record, venture: Bi) -> None:
    country = record.venture.country
    _heading(w, "establishment", w.T("jv-agreement|establishment", "Establishment of the Venture"))
    if record.venture.placement == "ukraine":
        # TRANSLATORS: {venture}: the venture's name. The Law of Ukraine is cited by its Ukrainian
        # title «Про товариства з обмеженою та додатковою відповідальністю».
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "The Shareholders shall establish the Venture as a limited liability company in "
                "accordance with the Civil Code of Ukraine and the Law of Ukraine “On Limited and "
                "Additional Liability Companies”, under the name “{venture}”.",
                venture=venture,
            )
        )
        # TRANSLATORS: {period}: "30 (thirty) calendar days" (uk genitive, after «протягом»).
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "The Shareholders shall approve the charter of the Venture in accordance with this "
                "Agreement and shall file the documents for the state registration of the Venture "
                "within {period} of the date of this Agreement.",
                period=c.count(FILING_DAYS, "calendar_day", "genitive"),
            )
        )
    else:
        # TRANSLATORS: production abroad; {country}: the country of placement (uk genitive, after
        # «законодавства»); {venture}: the venture's name. The legal form is kept neutral.
        w.clause(
            w.T(
                "jv-agreement|establishment",
                "The Shareholders shall establish the Venture under the laws of {country} as a "
                "company whose shareholders bear the risk of losses connected with its activities "
                "within the value of their contributions, under the name “{venture}”.",
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
                "{placement} within {period} of the date of this Agreement.",
                placement=c.placement(w, record),
                period=c.count(FILING_DAYS, "calendar_day", "genitive"),
            )
        )
    w.clause(
        w.T(
            "jv-agreement|establishment",
            "The Shareholders shall determine the registered office of the Venture on its "
            "registration.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|establishment",
            "In the event of any inconsistency between the charter of the Venture and this "
            "Agreement, this Agreement shall prevail as between the Parties, and the Shareholders "
            "shall vote for the amendments to the charter needed to bring it into line with this "
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


def _placement(w: Writer, record: Record) -> None:
    _heading(w, "placement", w.T("jv-agreement|placement", "Placement of Production and Products"))
    # TRANSLATORS: {products}: a list such as "unmanned aerial vehicles (drones) and artillery
    # ammunition" (uk genitive, after «виробництво»). Defines the term “Products”.
    w.clause(
        w.T(
            "jv-agreement|placement",
            "The Venture shall develop and produce {products} (the “Products”).",
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
            section=section_no("export"),
        )
    )
    w.clause(
        w.T(
            "jv-agreement|placement",
            "Any change to the Products or to the placement of production requires a unanimous "
            "decision of the Shareholders and the prior written consent of the Ministry.",
        )
    )


def _kinds(w: Writer, holder: Shareholder) -> Bi:
    """The kinds of a valued contribution, as a table cell: «Ліцензія на технологію та обладнання».

    Joined with the catalog's own conjunction (uk «та»), not babel's «і», which clashes with a
    vowel on both sides («технологію і обладнання»).
    """
    names = [c.contribution_kind(w, k) for k in capital_kinds(holder)]
    if len(names) == 1:
        return _capitalised(names[0])
    head = Bi(", ".join(n.uk for n in names[:-1]), ", ".join(n.en for n in names[:-1]))
    # TRANSLATORS: joins the kinds of one contribution in the shares table; {items}: all but the
    # last, separated by commas; {last}: the last one. uk: «{items} та {last}» (not «і», which
    # clashes with vowels: «технологію і обладнання»).
    return _capitalised(w.T("jv-agreement|capital-table", "{items} and {last}", items=head, last=names[-1]))


def _capital(w: Writer, record: Record) -> None:
    capital = record.venture.capital
    in_ukraine = record.venture.placement == "ukraine"
    country = c.country(record.venture.country, "genitive")
    _heading(w, "capital", w.T("jv-agreement|capital", "Charter Capital and Contributions"))
    # TRANSLATORS: {capital}: the amount in figures and words («12 500 000,00 (дванадцять
    # мільйонів п’ятсот тисяч) євро 00 центів»).
    w.clause(
        w.T(
            "jv-agreement|capital",
            "The charter capital of the Venture shall be {capital}.",
            capital=c.money(capital.amount, capital.currency),
        )
    )
    table_clause = w.clause(
        w.T(
            "jv-agreement|capital",
            "The shares of the Shareholders in the charter capital, their contributions and the "
            "money value of each contribution are as follows:",
        )
    )
    head = [
        # TRANSLATORS: column headings of the shares and contributions table.
        w.T("jv-agreement|capital-table", "Shareholder"),
        w.T("jv-agreement|capital-table", "Share"),
        w.T("jv-agreement|capital-table", "Contribution"),
        w.T("jv-agreement|capital-table", "Money value of the contribution"),
    ]
    rows = [
        [
            c.value(h.name),
            c.percent(h.share_percent),
            _kinds(w, h),
            c.money(h.contribution.value.amount, h.contribution.value.currency),
        ]
        for h in record.shareholders
    ]
    total_share = sum((h.share_percent for h in record.shareholders), Decimal(0))
    foot = [
        # TRANSLATORS: the total row of the shares and contributions table.
        w.T("jv-agreement|capital-table", "Total"),
        c.percent(total_share),
        Bi("", ""),
        c.money(capital.amount, capital.currency),
    ]
    w.table(head, rows, foot)

    if in_ukraine and capital.currency != "UAH":
        w.clause(
            w.T(
                "jv-agreement|capital",
                "The charter of the Venture shall state the charter capital and the contributions in "
                "hryvnias, converted at the official exchange rate of the National Bank of Ukraine on "
                "the date on which the Shareholders approve the charter; the Shareholders’ shares in "
                "per cent shall be as stated in this Agreement.",
            )
        )
    kinds = {k for h in record.shareholders for k in capital_kinds(h)}
    non_monetary = kinds - {ContributionKind.money}
    if non_monetary:
        # TRANSLATORS: {clause}: the number of the clause with the shares table (4.2); {country}:
        # the country of placement (uk genitive, after «законодавство»).
        w.clause(
            w.T(
                "jv-agreement|capital",
                "The money value of each non-monetary contribution stated in clause {clause} has been "
                "agreed by all the Shareholders. Where the laws of {country} require that value to be "
                "confirmed by a valuer or approved by the general meeting, the Shareholders shall "
                "ensure that this is done before the contribution is made.",
                clause=_ref(table_clause),
                country=country,
            )
        )
    period = c.count(CONTRIBUTION_DAYS, "calendar_day", "genitive")
    if in_ukraine:
        # TRANSLATORS: {period}: "90 (ninety) calendar days" (uk genitive, after «протягом»).
        w.clause(
            w.T(
                "jv-agreement|capital",
                "Each Shareholder shall make its contribution in full within {period} of the "
                "Registration Date.",
                period=period,
            )
        )
    else:
        # TRANSLATORS: {country}: the country of placement (uk genitive); {period}: "90 (ninety)
        # calendar days" (uk genitive, after «протягом»).
        w.clause(
            w.T(
                "jv-agreement|capital",
                "Each Shareholder shall make its contribution in full within the time required by the "
                "laws of {country} and in any event within {period} of the Registration Date.",
                country=country,
                period=period,
            )
        )
    if ContributionKind.money in kinds:
        w.clause(
            w.T(
                "jv-agreement|capital",
                "Monetary contributions shall be paid to the current account of the Venture.",
            )
        )
    if non_monetary:
        w.clause(
            w.T(
                "jv-agreement|capital",
                "A non-monetary contribution is made by transferring the property or property rights "
                "concerned to the Venture under an act of acceptance and transfer signed by the "
                "Shareholder and the Venture.",
            )
        )
    for i, holder in enumerate(record.shareholders):
        if ContributionKind.workforce not in holder.contribution.kind:
            continue
        term = c.shareholder_term(w, i)
        if in_ukraine:
            # TRANSLATORS: a shareholder's undertaking to provide staff, which is not a contribution
            # to charter capital. {term}: the shareholder's defined term («Учасник 1», nominative).
            text = w.T(
                "jv-agreement|capital",
                "In addition to its contribution, {term} undertakes to provide the Venture with a "
                "qualified workforce, including by making its qualified employees available to work "
                "for the Venture with their consent and in accordance with labour law. This "
                "undertaking is not a contribution to the charter capital of the Venture within the "
                "meaning of Article 115(2) of the Civil Code of Ukraine, has no money value and does "
                "not increase that Shareholder’s share in the charter capital.",
                term=term,
            )
        else:
            # TRANSLATORS: as above, for a venture abroad. {term}: «Учасник 1» (nominative).
            text = w.T(
                "jv-agreement|capital",
                "In addition to its contribution, {term} undertakes to provide the Venture with a "
                "qualified workforce, including by making its qualified employees available to work "
                "for the Venture with their consent and in accordance with labour law. This "
                "undertaking is not a contribution to the charter capital of the Venture, has no "
                "money value and does not increase that Shareholder’s share in the charter capital.",
                term=term,
            )
        w.clause(text)


def _governance(w: Writer, record: Record) -> None:
    _heading(w, "governance", w.T("jv-agreement|governance", "Management of the Venture"))
    w.clause(
        w.T(
            "jv-agreement|governance",
            "The supreme body of the Venture is the general meeting of its shareholders, at which "
            "each Shareholder has a number of votes in proportion to its share in the charter capital.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|governance",
            "The general meeting takes decisions by a majority of the votes of all the Shareholders, "
            "unless this Agreement or the law requires a greater majority.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|governance",
            "The following decisions require the votes of all the Shareholders: (a) amending the "
            "charter of the Venture; (b) changing the charter capital of the Venture or admitting a "
            "new shareholder; (c) approving the money value of a non-monetary contribution; "
            "(d) approving the annual business plan and budget of the Venture; (e) disposing of, or "
            "granting third parties licences for, technology or intellectual property of the Venture; "
            "(f) changing the Products or the placement of production; (g) distributing profits; "
            "(h) the reorganisation or liquidation of the Venture.",
        )
    )
    if record.venture.placement == "ukraine":
        w.clause(w.T("jv-agreement|governance", "The sole executive body of the Venture is its director."))
    else:
        # TRANSLATORS: {country}: the country of placement (uk genitive, after «законодавства»).
        w.clause(
            w.T(
                "jv-agreement|governance",
                "The director and any other management bodies of the Venture are formed in "
                "accordance with the laws of {country}.",
                country=c.country(record.venture.country, "genitive"),
            )
        )
    largest = _largest_holder(record)
    if largest is not None:
        # TRANSLATORS: {n}: the number of the shareholder with the largest share; uk «за поданням
        # Учасника {n}» (genitive).
        w.clause(
            w.T(
                "jv-agreement|governance",
                "The director of the Venture is appointed and dismissed by the general meeting on the "
                "nomination of Shareholder {n}, which holds the largest share in the charter capital.",
                n=str(largest + 1),
            )
        )
    else:
        w.clause(
            w.T(
                "jv-agreement|governance",
                "The director of the Venture is appointed and dismissed by a unanimous decision of the "
                "general meeting.",
            )
        )
    w.clause(
        w.T(
            "jv-agreement|governance",
            "A Shareholder may transfer all or part of its share to a third party only with the prior "
            "written consent of the other Shareholders and of the Ministry; the other Shareholders have "
            "a pre-emptive right to acquire it as provided by law and the charter of the Venture.",
        )
    )
    w.clause(
        w.T(
            "jv-agreement|governance",
            "The charter of the Venture shall reproduce the provisions of this Section.",
        )
    )


def _employment(w: Writer, record: Record) -> None:
    _heading(w, "employment", w.T("jv-agreement|employment", "Employment of Citizens of Ukraine"))
    if record.venture.ukrainian_jobs:
        # TRANSLATORS: {jobs}: "180 (one hundred and eighty) jobs" (uk genitive: «180 (ста
        # вісімдесяти) робочих місць»).
        w.clause(
            w.T(
                "jv-agreement|employment",
                "The Shareholders shall ensure that the Venture creates {jobs} for citizens of Ukraine "
                "and maintains them for the term of this Agreement.",
                jobs=c.count(record.venture.ukrainian_jobs, "job", "genitive"),
            )
        )
    # TRANSLATORS: {country}: the country of placement (uk genitive: «трудового законодавства України»).
    w.clause(
        w.T(
            "jv-agreement|employment",
            "Citizens of Ukraine shall be employed by the Venture on terms no less favourable than "
            "those of other employees doing comparable work, in accordance with the labour laws of "
            "{country}.",
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
        # TRANSLATORS: the export control regime of an EU member State, in the genitive in
        # Ukrainian (after «дотримується», «відповідно до»); {country}: the State (uk genitive).
        # Keep a no-break space before «р.».
        return w.T(
            "jv-agreement|export-regime",
            "Regulation (EU) 2021/821 of the European Parliament and of the Council of 20 May 2021 "
            "setting up a Union regime for the control of exports, brokering, technical assistance, "
            "transit and transfer of dual-use items, and the export control laws of {country}",
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


def _export(w: Writer, record: Record) -> None:
    _heading(w, "export", w.T("jv-agreement|export", "Export Control and Technology Transfer"))
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
            "under the permits or conclusions of the State Service for Export Control of Ukraine.",
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
    w.clause(
        w.T(
            "jv-agreement|export",
            "The property rights in intellectual property created by the Venture belong to the "
            "Venture unless the Shareholders agree otherwise. The property rights in technology "
            "licensed to the Venture by a Shareholder remain with that Shareholder.",
        )
    )


def _ministry(w: Writer, record: Record) -> None:
    _heading(w, "ministry", w.T("jv-agreement|ministry", "Undertakings of the Ministry"))
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


def _confidentiality(w: Writer, record: Record, instrument: Bi) -> None:
    _heading(
        w, "confidentiality", w.T("jv-agreement|confidentiality", "Confidentiality and Classified Information")
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


def _term(w: Writer, record: Record) -> None:
    _heading(w, "term", w.T("jv-agreement|term", "Term, Amendment and Termination"))
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
            confidentiality=section_no("confidentiality"),
            law=section_no("law"),
            disputes=section_no("disputes"),
        )
    )


def _law(w: Writer, record: Record) -> None:
    _heading(w, "law", w.T("jv-agreement|law", "Governing Law"))
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
                clause=_ref(first),
                country=c.country(record.venture.country, "genitive"),
            )
        )


def _languages(w: Writer, record: Record) -> None:
    _heading(w, "languages", w.T("jv-agreement|languages", "Languages and Copies"))
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


def _notices(w: Writer) -> None:
    _heading(w, "notices", w.T("jv-agreement|notices", "Notices"))
    # TRANSLATORS: {section}: the number of the section with the Parties' details.
    w.clause(
        w.T(
            "jv-agreement|notices",
            "Notices and other communications under this Agreement shall be made in writing in the "
            "Ukrainian and English languages and delivered by hand, by courier or by registered post "
            "to the addresses of the Parties given in Section {section}.",
            section=section_no("details"),
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


def _detail_lines(w: Writer, address: Bi, label: Bi, number: str, bank: tuple[str, str] | None) -> None:
    # TRANSLATORS: a line of a Party's details: its address.
    w.detail(w.T("jv-agreement|details", "Address: {address}", address=c.value(address)))
    # TRANSLATORS: a line of a Party's details: {label} is the name of its registration number
    # ("EDRPOU code", "CVR number"), {number} the number as the record gives it.
    w.detail(w.T("jv-agreement|details", "{label}: {number}", label=_capitalised(label), number=number))
    if bank is not None:
        iban, bic = bank
        # TRANSLATORS: a line of a Party's details: {iban} printed in groups of four.
        w.detail(w.T("jv-agreement|details", "IBAN: {iban}", iban=formatting.format_iban(iban)))
        # TRANSLATORS: a line of a Party's details: the bank's BIC (SWIFT code) as given.
        w.detail(w.T("jv-agreement|details", "BIC: {bic}", bic=bic))


def _details(w: Writer, record: Record) -> None:
    _heading(w, "details", w.T("jv-agreement|details", "Details of the Parties"))
    ministry = record.ministry
    # TRANSLATORS: first line of a Party's details: {term} is its defined term ("Ministry",
    # "Shareholder 1"), {name} its name.
    w.clause(
        w.T(
            "jv-agreement|details",
            "{term}: {name}",
            term=w.T("jv-agreement|details", "Ministry"),
            name=c.value(ministry.name),
        )
    )
    # The ministry's details are its name, address and EDRPOU code: the record has no bank details
    # for it, and none are invented.
    _detail_lines(w, ministry.address, c.registration_label(w, "ua.edrpou"), ministry.edrpou, None)
    for i, holder in enumerate(record.shareholders):
        w.clause(
            w.T(
                "jv-agreement|details",
                "{term}: {name}",
                term=c.shareholder_term(w, i),
                name=c.value(holder.name),
            )
        )
        bank = (holder.bank.iban, holder.bank.bic) if holder.bank is not None else None
        _detail_lines(
            w,
            holder.address,
            c.registration_label(w, holder.registration.scheme),
            holder.registration.number,
            bank,
        )


# --- the document -------------------------------------------------------------------------


def draft(record: Record, catalogs: Catalogs) -> Draft:
    _check_contributions(record)
    w = Writer(catalogs, KEY)
    venture = c.value(record.venture.name)
    instrument = w.T("jv-agreement|instrument", "this Agreement")

    _title_and_preamble(w, record, venture)
    _definitions(w, record)
    _establishment(w, record, venture)
    _placement(w, record)
    _capital(w, record)
    _governance(w, record)
    _employment(w, record)
    _export(w, record)
    _ministry(w, record)
    _confidentiality(w, record, instrument)
    _term(w, record)
    _law(w, record)
    _heading(w, "disputes", w.T("jv-agreement|disputes", "Dispute Resolution"))
    w.clause(c.disputes_clause(w, record, instrument))
    _languages(w, record)
    _notices(w)
    _details(w, record)
    _heading(w, "signatures", w.T("jv-agreement|signatures", "Signatures of the Parties"))
    w.signatures(c.signature_blocks(w, record))

    return Draft(
        key=KEY,
        title=w.T("jv-agreement|title", "Joint-Venture Agreement"),
        parts=w.parts,
        # TRANSLATORS: the document's subject in its properties; {venture}: the venture's name.
        subject=w.T("jv-agreement|title", "Joint venture “{venture}”", venture=venture),
        # TRANSLATORS: the footer of every page; {id}: the venture's register number.
        reference=w.T("footer", "{id} · Joint-Venture Agreement", id=record.id),
        headings=w.headings,
        draft_mark=c.draft_mark(w, record),
        prevailing=record.prevailing_language,
    )

"""Section Charter Capital (abroad: Share Capital) and Contributions: the shares table, how and when contributions are made,
and a shareholder's workforce undertaking (which is no contribution)."""

from __future__ import annotations

from decimal import Decimal

from dcity_docs.wording.catalogs import Bi
from dcity_docs.errors import InputError
from dcity_docs.record.models import ContributionKind, Record, Shareholder
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Writer


def capital_kinds(holder: Shareholder) -> list[ContributionKind]:
    """Kinds that can be valued contributions to charter capital (art. 115(2) Civil Code of Ukraine).

    ``workforce`` is an undertaking (jobs, making employees available), not property with a money
    value, so it is worded in a clause of its own and never in the table.
    """
    return [k for k in holder.contribution.kind if k is not ContributionKind.workforce]


def check_contributions(record: Record) -> None:
    for i, holder in enumerate(record.shareholders):
        if not capital_kinds(holder):
            raise InputError(
                f"{record.id}: shareholders[{i}].contribution.kind: 'workforce' alone cannot be a "
                "contribution to charter capital (art. 115(2) of the Civil Code of Ukraine: money, "
                "securities, property or property rights with a money value); add the kind of "
                "property or right that the valued contribution consists of"
            )


def contribution_kinds(w: Writer, holder: Shareholder) -> Bi:
    """The kinds of a valued contribution, joined: «ліцензія на технологію та обладнання».

    Joined with the catalog's own conjunction (uk «та»), not babel's «і», which clashes with a
    vowel on both sides («технологію і обладнання»).
    """
    names = [c.contribution_kind(w, k) for k in capital_kinds(holder)]
    if len(names) == 1:
        return names[0]
    head = Bi(", ".join(n.uk for n in names[:-1]), ", ".join(n.en for n in names[:-1]))
    # TRANSLATORS: joins the kinds of one contribution in the shares table; {items}: all but the
    # last, separated by commas; {last}: the last one. uk: «{items} та {last}» (not «і», which
    # clashes with vowels: «технологію і обладнання»).
    return w.T("jv-agreement|capital-table", "{items} and {last}", items=head, last=names[-1])


def capital(w: Writer, record: Record) -> None:
    capital = record.venture.capital
    in_ukraine = record.venture.placement == "ukraine"
    country = c.country(record.venture.country, "genitive")
    amount = c.money(capital.amount, capital.currency)
    if in_ukraine:
        w.heading("capital", w.T("jv-agreement|capital", "Charter Capital and Contributions"))
        # TRANSLATORS: {capital}: the amount in figures and words («12 500 000,00 (дванадцять
        # мільйонів п’ятсот тисяч) євро 00 центів»).
        w.clause(w.T("jv-agreement|capital", "The charter capital of the Venture shall be {capital}.", capital=amount))
        table_clause = w.clause(
            w.T(
                "jv-agreement|capital",
                "The shares of the Shareholders in the charter capital, their contributions and the "
                "agreed monetary value of each contribution are as follows:",
            )
        )
    else:
        # TRANSLATORS: a venture abroad: its share capital, not the Ukrainian «статутний капітал».
        w.heading("capital", w.T("jv-agreement|capital", "Share Capital and Contributions"))
        # TRANSLATORS: a venture abroad; {capital}: the amount in figures and words.
        w.clause(w.T("jv-agreement|capital", "The share capital of the Venture shall be {capital}.", capital=amount))
        table_clause = w.clause(
            w.T(
                "jv-agreement|capital",
                "The shares of the Shareholders in the share capital, their contributions and the "
                "agreed monetary value of each contribution are as follows:",
            )
        )
    head = [
        # TRANSLATORS: column headings of the shares and contributions table.
        w.T("jv-agreement|capital-table", "Shareholder"),
        w.T("jv-agreement|capital-table", "Share"),
        w.T("jv-agreement|capital-table", "Contribution"),
        w.T("jv-agreement|capital-table", "Agreed monetary value of the contribution"),
    ]
    rows = [
        [
            c.value(h.name),
            c.percent(h.share_percent),
            c.capitalised(contribution_kinds(w, h)),
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
                "The Shareholders shall procure that the charter of the Venture states the charter "
                "capital and the contributions in hryvnias, converted at the official exchange rate of the National Bank of Ukraine on "
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
                "The monetary value of each non-monetary contribution stated in clause {clause} has been "
                "agreed by all the Shareholders. Where the laws of {country} require that value to be "
                "confirmed by a valuer or approved by the general meeting, the Shareholders shall "
                "ensure that this is done before the contribution is made.",
                clause=c.ref(table_clause),
                country=country,
            )
        )
    period = c.count(record.terms.contribution_days, "calendar_day", "genitive")
    if in_ukraine:
        # TRANSLATORS: {period}: "90 (ninety) calendar days" (uk genitive, after «протягом»). The
        # period runs from the later of registration and the grant of the export licences and
        # permits (clause Conditions Precedent); the Law on LLCs lets the charter set it.
        w.clause(
            w.T(
                "jv-agreement|capital",
                "Each Shareholder shall make its contribution in full within {period} of the later of "
                "the Registration Date and the day on which the last of the licences and permits that "
                "the transfer of that contribution needs is granted. The Shareholders shall procure that "
                "the charter of the Venture provides for this period, as the Law of Ukraine “On Limited "
                "and Additional Liability Companies” allows.",
                period=period,
            )
        )
    else:
        # TRANSLATORS: {country}: the country of placement (uk genitive); {period}: "90 (ninety)
        # calendar days" (uk genitive, after «протягом»), from the later of registration and the
        # grant of the export licences and permits (clause Conditions Precedent).
        w.clause(
            w.T(
                "jv-agreement|capital",
                "Each Shareholder shall make its contribution in full within the time required by the "
                "laws of {country} and in any event within {period} of the later of the Registration "
                "Date and the day on which the last of the licences and permits that the transfer of "
                "that contribution needs is granted.",
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
    if non_monetary and in_ukraine:
        w.clause(
            w.T(
                "jv-agreement|capital",
                "A non-monetary contribution is made by transferring the property or property rights "
                "concerned to the Venture under a transfer and acceptance certificate signed by the "
                "Shareholder and the Venture.",
            )
        )
    elif non_monetary:
        # TRANSLATORS: a venture abroad; {country}: the country of incorporation (uk genitive).
        w.clause(
            w.T(
                "jv-agreement|capital",
                "A non-monetary contribution is made by transferring the property or property rights "
                "concerned to the Venture in the form that the laws of {country} require.",
                country=country,
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
                "meaning of Article 115(2) of the Civil Code of Ukraine, has no agreed monetary value "
                "and does not increase that Shareholder’s share in the charter capital.",
                term=term,
            )
        else:
            # TRANSLATORS: as above, for a venture abroad. {term}: «Учасник 1» (nominative).
            text = w.T(
                "jv-agreement|capital",
                "In addition to its contribution, {term} undertakes to provide the Venture with a "
                "qualified workforce, including by making its qualified employees available to work "
                "for the Venture with their consent and in accordance with labour law. This "
                "undertaking is not a contribution to the share capital of the Venture, has no "
                "agreed monetary value and does not increase that Shareholder’s share in the share "
                "capital.",
                term=term,
            )
        w.clause(text)

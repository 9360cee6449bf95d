"""Section Conditions Precedent and Closing: signing is separated from closing.

The Shareholders' obligations to establish the Venture and to contribute take effect only once the
conditions are met or waived by those entitled to them, by a long-stop date, failing which any
Party may terminate without liability. The conditions come from the record and the programme:
merger clearance by the Antimonopoly Committee of Ukraine (``terms.ukrainian_merger_clearance``:
for a venture abroad only where the record says a Ukrainian filing is needed), the export permits
each transfer needs, the Venture's Defence City status, the agreed form of the site-use agreement
(a venture in Ukraine only) and the valuation of non-monetary contributions (only where there are
any). Conditions the law imposes cannot be waived.
"""

from __future__ import annotations

from dataclasses import dataclass

from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import ContributionKind, Record
from dcity_docs.documents import common as c
from dcity_docs.documents.jv_agreement.capital import capital_kinds
from dcity_docs.documents.jv_agreement.outline import SECTIONS
from dcity_docs.draft.base import Writer

#: Item letters as each language writes them: «а)», «б)» (2019 legislative style, ґ included) and
#: "(a)", "(b)".
_LETTERS_UK = "абвгґдеєжз"
_LETTERS_EN = "abcdefghij"


@dataclass(frozen=True)
class _Condition:
    text: Bi
    by_law: bool  # imposed by law: no Party may waive it


def merger_clearance(record: Record) -> str | None:
    """How the Antimonopoly Committee's clearance is a condition: ``required``, ``where_required``
    or None (no condition). A venture abroad gets one only where the record says a Ukrainian
    filing is needed."""
    choice = record.terms.ukrainian_merger_clearance
    if choice == "not_required":
        return None
    if record.venture.placement == "abroad" and choice != "required":
        return None
    return choice


def _letters(n: int) -> list[Bi]:
    return [Bi(f"{_LETTERS_UK[i]})", f"({_LETTERS_EN[i]})") for i in range(n)]


def _cited(letters: list[Bi]) -> Bi:
    """Letters cited in running text: «а) і б)» / "(a) and (b)"."""
    return c.joined(letters)


def _waiver(w: Writer, by_law: list[Bi], waivable: list[Bi]) -> Bi:
    """Which conditions no one may waive (those the law imposes) and who may waive the others,
    worded for one item or several."""
    if len(by_law) == 1:
        # TRANSLATORS: clause Conditions Precedent, waiver; {by_law}: one item letter («а)»).
        law = w.T("jv-agreement|conditions",
                  "The condition in item {by_law} is required by law and cannot be waived.",
                  by_law=_cited(by_law))
    else:
        # TRANSLATORS: clause Conditions Precedent, waiver; {by_law}: the item letters («а) і б)»).
        law = w.T("jv-agreement|conditions",
                  "The conditions in items {by_law} are required by law and cannot be waived.",
                  by_law=_cited(by_law))
    if len(waivable) == 1:
        # TRANSLATORS: clause Conditions Precedent, waiver; {waivable}: one item letter («в)»).
        others = w.T("jv-agreement|conditions",
                     "The condition in item {waivable} is for the benefit of the Shareholders and may be "
                     "waived, in whole or in part, only by all the Shareholders jointly, by a written "
                     "notice to the other Parties.",
                     waivable=_cited(waivable))
    else:
        # TRANSLATORS: clause Conditions Precedent, waiver; {waivable}: the item letters («в), г) і
        # ґ)»).
        others = w.T("jv-agreement|conditions",
                     "The conditions in items {waivable} are for the benefit of the Shareholders and may "
                     "be waived, in whole or in part, only by all the Shareholders jointly, by a written "
                     "notice to the other Parties.",
                     waivable=_cited(waivable))
    return Bi(f"{law.uk} {others.uk}", f"{law.en} {others.en}", law.source)


def _foreign_countries(record: Record) -> list[str]:
    """The States other than Ukraine from or to which contributions are transferred: each foreign
    Shareholder's and, for a venture abroad, the country of placement."""
    codes = [h.country for h in record.shareholders if h.country != "UA"]
    if record.venture.placement == "abroad":
        codes.append(record.venture.country)
    return list(dict.fromkeys(code for code in codes if code != "UA"))


def _conditions(w: Writer, record: Record) -> list[_Condition]:
    out: list[_Condition] = []
    clearance = merger_clearance(record)
    if clearance == "required":
        # TRANSLATORS: clause Conditions Precedent, a condition (an item of a list, ends with «;»).
        # The Law of Ukraine «Про захист економічної конкуренції»; «дозвіл на концентрацію».
        out.append(_Condition(w.T(
            "jv-agreement|conditions",
            "the Antimonopoly Committee of Ukraine has granted, or is deemed under the Law of Ukraine "
            "“On Protection of Economic Competition” to have granted, its permission for the "
            "concentration that the establishment of the Venture constitutes;"), by_law=True))
    elif clearance == "where_required":
        # TRANSLATORS: clause Conditions Precedent, a condition where the filing depends on the
        # thresholds of the Law of Ukraine «Про захист економічної конкуренції».
        out.append(_Condition(w.T(
            "jv-agreement|conditions",
            "where the establishment of the Venture is a concentration that requires the permission "
            "of the Antimonopoly Committee of Ukraine under the Law of Ukraine “On Protection of "
            "Economic Competition”, that permission has been granted or is deemed granted under that "
            "Law;"), by_law=True))
    countries = _foreign_countries(record)
    if countries:
        # TRANSLATORS: clause Conditions Precedent, export permits; {countries}: the partners'
        # States (and the country of placement abroad), uk genitive: «органами Данії».
        text = w.T(
            "jv-agreement|conditions",
            "the permits, licences and opinions that each transfer of goods, technology or services "
            "to the Venture under this Agreement needs have been granted by the State Service for Export "
            "Control of Ukraine and by the competent authorities of {countries};",
            countries=c.joined([c.country(code, "genitive") for code in countries]),
        )
    else:
        # TRANSLATORS: as above, where every transfer is within Ukraine or from it only.
        text = w.T(
            "jv-agreement|conditions",
            "the permits, licences and opinions that each transfer of goods, technology or services "
            "to the Venture under this Agreement needs have been granted by the State Service for "
            "Export Control of Ukraine;",
        )
    out.append(_Condition(text, by_law=True))
    if record.venture.placement == "ukraine":
        # TRANSLATORS: clause Conditions Precedent, Defence City status of a venture in Ukraine
        # («статус резидента Defence City»).
        status = w.T(
            "jv-agreement|conditions",
            "the Ministry has confirmed in writing that the Venture, once registered, meets the "
            "conditions for the status of a resident of Defence City under the laws of Ukraine and "
            "that the Ministry will grant that status on the Venture’s application;",
        )
    else:
        # TRANSLATORS: clause Conditions Precedent, Defence City status of a venture abroad.
        status = w.T(
            "jv-agreement|conditions",
            "the Ministry has confirmed in writing that the Venture, placed abroad, is included in the "
            "Defence City programme on the terms of this Agreement;",
        )
    out.append(_Condition(status, by_law=False))
    if record.venture.placement == "ukraine":
        # TRANSLATORS: clause Conditions Precedent, the site-use agreement; {section}: the number of
        # the section on the Ministry's undertakings.
        out.append(_Condition(w.T(
            "jv-agreement|conditions",
            "the Ministry and the Shareholders have agreed in writing the form of the separate "
            "agreement on the Venture’s use of the Site referred to in Section {section};",
            section=SECTIONS.no("ministry")), by_law=False))
    non_monetary = {k for h in record.shareholders for k in capital_kinds(h)} - {ContributionKind.money}
    if non_monetary:
        # TRANSLATORS: clause Conditions Precedent, valuation; {section}: the number of the section
        # with the shares and contributions table.
        out.append(_Condition(w.T(
            "jv-agreement|conditions",
            "a valuation of each non-monetary contribution stated in Section {section}, made by an "
            "independent valuer whom the Shareholders appoint jointly, confirms at least the agreed "
            "monetary value given to that contribution there;",
            section=SECTIONS.no("capital")), by_law=False))
    return out


def conditions(w: Writer, record: Record) -> None:
    terms = record.terms
    w.heading("conditions", w.T("jv-agreement|conditions", "Conditions Precedent and Closing"))
    listed = _conditions(w, record)
    letters = _letters(len(listed))
    list_clause = f"{SECTIONS.no('conditions')}.2"
    # TRANSLATORS: clause Conditions Precedent; {establishment}, {capital}: section numbers;
    # {clause}: the number of the clause that lists the conditions.
    w.clause(w.T(
        "jv-agreement|conditions",
        "This Agreement binds the Parties from its signing. The obligations of the Shareholders to "
        "establish the Venture under Section {establishment} and to make their contributions under "
        "Section {capital} take effect only on the day on which the last of the conditions in clause "
        "{clause} is met or waived in accordance with this Section (the “Closing Date”).",
        establishment=SECTIONS.no("establishment"),
        capital=SECTIONS.no("capital"),
        clause=list_clause,
    ))
    listed_no = w.clause(w.T("jv-agreement|conditions", "The conditions are:"))
    assert c.ref(listed_no) == list_clause, (listed_no, list_clause)  # the first clause cites it
    for i, (letter, condition) in enumerate(zip(letters, listed)):
        text = condition.text if i < len(listed) - 1 else c.last_item(condition.text)
        w.para(text.map(lambda s, lang, letter=letter: f"{letter[lang]} {s}"))
    by_law = [letter for letter, cond in zip(letters, listed) if cond.by_law]
    waivable = [letter for letter, cond in zip(letters, listed) if not cond.by_law]
    w.clause(_waiver(w, by_law, waivable))
    period = c.count(terms.condition_filing_days, "calendar_day", "genitive")
    if merger_clearance(record) is not None:
        # TRANSLATORS: clause Conditions Precedent, filings; {period}: "30 (thirty) calendar days"
        # (uk genitive, after «протягом»).
        filings = w.T(
            "jv-agreement|conditions",
            "Each Party shall do everything reasonably in its power to have the conditions met as soon "
            "as possible. Within {period} of the date of this Agreement the Shareholders shall file the "
            "application for the permission of the Antimonopoly Committee of Ukraine, where it is "
            "required, and each Shareholder shall apply for the permits and licences that the transfers "
            "it makes need.",
            period=period,
        )
    else:
        # TRANSLATORS: as above, with no merger clearance among the conditions.
        filings = w.T(
            "jv-agreement|conditions",
            "Each Party shall do everything reasonably in its power to have the conditions met as soon "
            "as possible. Within {period} of the date of this Agreement each Shareholder shall apply "
            "for the permits and licences that the transfers it makes need.",
            period=period,
        )
    w.clause(filings)
    if merger_clearance(record) is not None:
        w.clause(w.T(
            "jv-agreement|conditions",
            "Until the permission of the Antimonopoly Committee of Ukraine, where it is required, has "
            "been granted or is deemed granted, no Party shall take any step that implements the "
            "concentration: in particular no Party shall apply for the registration of the Venture, "
            "make a contribution or exercise any influence over the business of the Venture. The "
            "Parties may only prepare the documents needed for these steps.",
        ))
    # TRANSLATORS: clause Conditions Precedent, notices; {period}: "5 (five) working days" (uk
    # genitive, after «протягом»).
    w.clause(w.T(
        "jv-agreement|conditions",
        "Each Party shall notify the other Parties in writing within {period} of learning that a "
        "condition has been met or can no longer be met, enclosing the document that shows it.",
        period=c.count(terms.condition_notice_days, "working_day", "genitive"),
    ))
    if record.venture.placement == "ukraine":
        # TRANSLATORS: clause Conditions Precedent, the site-use agreement; {period}: "30 (thirty)
        # calendar days" (uk genitive, after «протягом»).
        w.clause(w.T(
            "jv-agreement|conditions",
            "The Shareholders shall ensure that the Venture concludes the agreement on the use of the "
            "Site, in the agreed form, within {period} of the Registration Date.",
            period=c.count(terms.site_agreement_days, "calendar_day", "genitive"),
        ))
    # TRANSLATORS: clause Conditions Precedent, the long-stop date; {period}: "6 (six) months"
    # (uk accusative, after «через»: «6 (шість) місяців»).
    w.clause(w.T(
        "jv-agreement|conditions",
        "If the Closing Date has not occurred by the day falling {period} after the date of this "
        "Agreement (the “Long-Stop Date”), any Party may terminate this Agreement by a written notice "
        "to the other Parties, without liability to any of them, save for a breach of this Section "
        "committed before the termination. The Long-Stop Date may be extended only by an agreement in "
        "writing signed by all the Parties.",
        period=c.count(terms.long_stop_months, "month", "accusative"),
    ))

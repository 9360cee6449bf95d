"""Shareholders' agreement (корпоративний договір): the shareholders' own bargain on governance,
transfers, deadlock, default and exit, information and dividends, and restrictive covenants, from
the record's terms (the programme's defaults unless negotiated).

Only the shareholders are parties: the Ministry's undertakings stay in the joint-venture agreement
so that they do not make this agreement onerous (art. 7 of the Law of Ukraine on Limited and
Additional Liability Companies: made in writing, gratuitous, no vote on the instructions of the
company's bodies). For a venture placed abroad the law of its country of incorporation governs
its corporate matters and this agreement applies as far as that law permits.
"""

from __future__ import annotations

from dcity_docs.documents import common as c
from dcity_docs.draft.base import Draft, Sections, Writer
from dcity_docs.record.models import Record
from dcity_docs.record.terms import Terms, seats_of
from dcity_docs.wording.catalogs import Bi, Catalogs

KEY = "shareholders-agreement"

SECTIONS = Sections(
    ("nature", "governance", "transfers", "deadlock", "default", "information", "covenants", "law",
     "final", "signatures")
)

CTX = "shareholders-agreement"


def _pct(n: int) -> Bi:
    """A term's percentage in figures and words («75 (сімдесят п’ять) відсотків», "75 (seventy-five)
    per cent"), as every number of an agreement is written."""
    from dcity_docs.language.numerals import en_number_words, plural_category, uk_number_words

    noun = {"one": "відсоток", "few": "відсотки", "many": "відсотків"}[plural_category(n)]
    return Bi(f"{n} ({uk_number_words(n, 'm')}) {noun}", f"{n} ({en_number_words(n)}) per cent")


def draft(record: Record, catalogs: Catalogs) -> Draft:
    w = Writer(catalogs, KEY, SECTIONS)
    t = record.terms
    venture = c.value(record.venture.name)
    instrument = w.T("shareholders-agreement|instrument", "this Agreement")

    w.title(w.T("shareholders-agreement|title", "SHAREHOLDERS’ AGREEMENT"))
    # TRANSLATORS: subtitle under the title; {venture} is the venture's name.
    w.subtitle(w.T("shareholders-agreement|title", "in respect of “{venture}” (the “Venture”)", venture=venture))
    w.place_date(c.date(record.dates.agreement))
    w.para(w.T("shareholders-agreement|preamble", "The parties to this Agreement are the shareholders of the Venture:"))
    c.numbered_parties(w, [c.shareholder_intro(w, h, i) for i, h in enumerate(record.shareholders)])
    # TRANSLATORS: closes the list of parties; the Ministry is not a party to this agreement.
    w.para(w.T("shareholders-agreement|preamble", "each a “Shareholder” and together the “Shareholders”, have agreed as follows:"))

    _nature(w, record)
    _governance(w, record, t)
    _transfers(w, t)
    _deadlock(w, t)
    _default(w, t)
    _information(w, t)
    _covenants(w, t)
    w.heading("law", w.T("shareholders-agreement|law", "Governing Law and Disputes"))
    w.clause(w.T("shareholders-agreement|law", "This Agreement shall be governed by and construed in accordance with {law}.",
                 law=c.governing_law(w, record)))
    for clause in c.dispute_clauses(w, record, instrument):
        w.clause(clause)
    w.heading("final", w.T("shareholders-agreement|final", "Final Provisions"))
    w.clause(w.T("shareholders-agreement|final", "This Agreement is made in the Ukrainian and English languages, in {copies}, "
                 "one for each Shareholder.",
                 copies=c.count(len(record.shareholders), "copy", "locative")))
    w.clause(c.prevailing_clause(w, record))
    w.heading("signatures", w.T("shareholders-agreement|signatures", "Signatures of the Shareholders"))
    w.signatures(c.signature_blocks(w, record)[1:])  # the shareholders' blocks, not the Ministry's

    return c.finish(
        w, record,
        title=w.T("shareholders-agreement|title", "Shareholders’ Agreement"),
        subject=w.T("shareholders-agreement|title", "Joint venture “{venture}”", venture=venture),
        # TRANSLATORS: the footer of every page; {id}: the venture's register number.
        reference=w.T("footer", "{id} · Shareholders’ Agreement", id=record.id),
    )


def _nature(w: Writer, record: Record) -> None:
    w.heading("nature", w.T("shareholders-agreement|nature", "Nature of the Agreement"))
    if record.venture.placement == "ukraine":
        # TRANSLATORS: clause Nature (Ukrainian law): a corporate agreement under art. 7 of the Law
        # «Про товариства з обмеженою та додатковою відповідальністю».
        w.clause(w.T("shareholders-agreement|nature",
                     "This Agreement is a corporate agreement within the meaning of Article 7 of the Law "
                     "of Ukraine “On Limited and Additional Liability Companies”. It is made in writing "
                     "and is gratuitous."))
        w.clause(w.T("shareholders-agreement|nature",
                     "Nothing in this Agreement obliges a Shareholder to vote on the instructions of the "
                     "Venture’s bodies; any such provision would be void."))
        w.clause(w.T("shareholders-agreement|nature",
                     "Where this Agreement and the charter of the Venture differ, the Shareholders shall "
                     "exercise their rights so as to give effect to this Agreement and shall amend the charter."))
    else:
        # TRANSLATORS: clause Nature (venture abroad); {country}: the country of incorporation (uk genitive).
        w.clause(w.T("shareholders-agreement|nature",
                     "The corporate matters of the Venture are governed by the laws of {country}; the "
                     "provisions of this Agreement apply as far as those laws permit.",
                     country=c.country(record.venture.country, "genitive")))
        w.clause(w.T("shareholders-agreement|nature",
                     "Where this Agreement and the articles of association of the Venture differ, the "
                     "Shareholders shall exercise their rights so as to give effect to this Agreement and "
                     "shall amend the articles of association."))
    w.clause(w.T("shareholders-agreement|nature",
                 "The Ministry is not a party to this Agreement; the undertakings between the Ministry and "
                 "the Shareholders are set out in the joint-venture agreement alone."))


def _governance(w: Writer, record: Record, t: Terms) -> None:
    w.heading("governance", w.T("shareholders-agreement|governance", "Governance"))
    if t.director_nominated_by == "largest_shareholder":
        # TRANSLATORS: clause Governance, director.
        w.clause(w.T("shareholders-agreement|governance", "The director of the Venture is appointed on the nomination of the "
                     "Shareholder holding the largest share."))
    else:
        w.clause(w.T("shareholders-agreement|governance", "The director of the Venture is appointed on the joint nomination "
                     "of all the Shareholders."))
    if t.board_seats:
        seats = seats_of(t, len(record.shareholders))
        # TRANSLATORS: clause Governance, supervisory board; {members}: e.g. «3 (три) особи».
        w.clause(w.T("shareholders-agreement|governance", "The Venture has a supervisory board of {members}.",
                     members=c.count(t.board_seats, "person", "genitive")))
        for i, n in enumerate(seats):
            # TRANSLATORS: {term}: «Учасник 1»; {members}: the members it nominates («2 (дві) особи»).
            w.clause(w.T("shareholders-agreement|governance", "{term} nominates {members} of the supervisory board.",
                         term=c.shareholder_term(w, i), members=c.count(n, "person", "accusative")))
        if t.board_chair == "largest_shareholder":
            w.clause(w.T("shareholders-agreement|governance", "The chair of the supervisory board is nominated by the "
                         "Shareholder holding the largest share."))
        else:
            w.clause(w.T("shareholders-agreement|governance", "The supervisory board elects its chair from among its members."))
    # TRANSLATORS: clause Governance, quorum; {percent}: e.g. «10 (десять) відсотків».
    w.clause(w.T("shareholders-agreement|governance", "A general meeting is quorate only if every Shareholder holding at least "
                 "{percent} of the votes is present or represented.", percent=_pct(t.quorum_percent)))
    # TRANSLATORS: clause Governance, reserved matters; {percent}: the reserved majority.
    w.clause(w.T("shareholders-agreement|governance", "The following reserved matters require at least {percent} of the votes "
                 "of all the Shareholders: {matters}.", percent=_pct(t.reserved_majority_percent),
                 matters=c.joined([_matter(w, m.value) for m in t.reserved_matters])))


def _matter(w: Writer, key: str) -> Bi:
    names = {
        # TRANSLATORS: a reserved matter, in a list after a colon (lower case).
        "charter_changes": w.T("shareholders-agreement|matter", "amending the constitutional documents"),
        "capital_changes": w.T("shareholders-agreement|matter", "changing the capital"),
        "business_plan": w.T("shareholders-agreement|matter", "approving the business plan and budget"),
        "major_transactions": w.T("shareholders-agreement|matter", "major transactions"),
        "related_party_transactions": w.T("shareholders-agreement|matter", "transactions with related parties"),
        "new_shareholders": w.T("shareholders-agreement|matter", "admitting new shareholders"),
        "reorganisation": w.T("shareholders-agreement|matter", "reorganisation"),
        "winding_up": w.T("shareholders-agreement|matter", "winding up"),
        "dividends": w.T("shareholders-agreement|matter", "distributing profits"),
        "director": w.T("shareholders-agreement|matter", "appointing and dismissing the director"),
    }
    return names[key]


def _transfers(w: Writer, t: Terms) -> None:
    w.heading("transfers", w.T("shareholders-agreement|transfers", "Transfers of Shares"))
    if t.lock_up_years:
        # TRANSLATORS: clause Transfers, lock-up; {period}: e.g. «3 (трьох) років» (genitive).
        w.clause(w.T("shareholders-agreement|transfers", "No Shareholder shall transfer its share within {period} of the "
                     "registration of the Venture.", period=c.count(t.lock_up_years, "year", "genitive")))
    if t.pre_emption:
        w.clause(w.T("shareholders-agreement|transfers", "On any transfer of a share the other Shareholders have a right of "
                     "pre-emption in proportion to their shares."))
    # TRANSLATORS: clause Transfers, tag-along; {percent}: the share sold.
    w.clause(w.T("shareholders-agreement|transfers", "Where a Shareholder sells more than {percent} of the capital, the "
                 "other Shareholders may sell their shares to the same buyer on the same terms (tag-along).",
                 percent=_pct(t.tag_along_percent)))
    # TRANSLATORS: clause Transfers, drag-along; {percent}: the share of the sellers.
    w.clause(w.T("shareholders-agreement|transfers", "Shareholders holding at least {percent} of the capital who accept an "
                 "offer for all the shares may require the other Shareholders to sell on the same terms "
                 "(drag-along).", percent=_pct(t.drag_along_percent)))
    if t.change_of_control_is_transfer:
        w.clause(w.T("shareholders-agreement|transfers", "A change of control of a Shareholder is treated as a transfer of "
                     "its share."))


def _deadlock(w: Writer, t: Terms) -> None:
    w.heading("deadlock", w.T("shareholders-agreement|deadlock", "Deadlock"))
    # TRANSLATORS: clause Deadlock; {meetings}: e.g. «2 (двох)» meetings in a row (genitive).
    w.clause(w.T("shareholders-agreement|deadlock", "A deadlock exists where a reserved matter is not carried at {meetings} "
                 "general meetings in a row.", meetings=Bi(*(
                     f"{n} ({words})" for n, words in ((t.deadlock_meetings, _uk_words(t.deadlock_meetings)),
                                                       (t.deadlock_meetings, _en_words(t.deadlock_meetings))))))
    )
    # TRANSLATORS: clause Deadlock, the way out; {escalation} and {mediation}: periods in days.
    w.clause(w.T("shareholders-agreement|deadlock", "The matter is first referred to the chief executives of the Shareholders "
                 "for {escalation}, and then to mediation for {mediation}.",
                 escalation=c.count(t.escalation_days, "day", "accusative"),
                 mediation=c.count(t.mediation_days, "day", "accusative")))
    ways = {
        "buy_sell": w.T("shareholders-agreement|deadlock", "If mediation fails, any Shareholder may offer to buy the shares of "
                        "the others at a stated price, and the others must either sell at that price or buy "
                        "the offeror’s share at it."),
        "put_call": w.T("shareholders-agreement|deadlock", "If mediation fails, the Shareholder holding the largest share may "
                        "buy, and each other Shareholder may require it to buy, the other shares at fair value "
                        "fixed by an independent valuer."),
        "winding_up": w.T("shareholders-agreement|deadlock", "If mediation fails, the Shareholders shall vote to wind up the "
                          "Venture."),
    }
    w.clause(ways[t.deadlock_resolution])


def _uk_words(n: int) -> str:
    from dcity_docs.language.numerals import uk_number_words

    return uk_number_words(n, "m", "genitive")


def _en_words(n: int) -> str:
    from dcity_docs.language.numerals import en_number_words

    return en_number_words(n)


def _default(w: Writer, t: Terms) -> None:
    w.heading("default", w.T("shareholders-agreement|default", "Default"))
    events = {
        # TRANSLATORS: a default event, in a list after a colon; {period}: the cure period in days.
        "material_breach": w.T("shareholders-agreement|default", "a material breach of this Agreement not cured within {period} "
                               "of notice", period=c.count(t.cure_days, "day", "genitive")),
        "insolvency": w.T("shareholders-agreement|default", "its insolvency"),
        "sanctions": w.T("shareholders-agreement|default", "its listing under sanctions"),
        "change_of_control": w.T("shareholders-agreement|default", "a change of its control without the others’ consent"),
    }
    w.clause(w.T("shareholders-agreement|default", "A Shareholder is in default on: {events}.",
                 events=c.joined([events[e.value] for e in t.default_events])))
    # TRANSLATORS: clause Default, call option; {discount}: e.g. «20 (двадцять) відсотків».
    w.clause(w.T("shareholders-agreement|default", "The other Shareholders may then buy the share of the defaulting Shareholder "
                 "at its fair value, fixed by an independent valuer, less {discount}.",
                 discount=_pct(t.default_discount_percent)))


def _information(w: Writer, t: Terms) -> None:
    w.heading("information", w.T("shareholders-agreement|information", "Information and Dividends"))
    # TRANSLATORS: clause Information; {days}: days after the end of each month.
    w.clause(w.T("shareholders-agreement|information", "The Venture gives each Shareholder its management accounts within "
                 "{days} of the end of each month and its audited annual accounts within {months} of the "
                 "end of each financial year.",
                 days=c.count(t.monthly_accounts_days, "day", "genitive"),
                 months=c.count(t.annual_accounts_months, "month", "genitive")))
    if t.audit_access:
        w.clause(w.T("shareholders-agreement|information", "Each Shareholder may have the books of the Venture examined by an "
                     "auditor of its choice at its own expense."))
    # TRANSLATORS: clause Dividends; {percent}: the share of the distributable profit paid out.
    w.clause(w.T("shareholders-agreement|information", "The Shareholders shall vote to distribute each year {percent} of the "
                 "distributable profit, as far as the law permits.", percent=_pct(t.dividend_percent)))


def _covenants(w: Writer, t: Terms) -> None:
    w.heading("covenants", w.T("shareholders-agreement|covenants", "Non-Competition and Non-Solicitation"))
    # TRANSLATORS: clause Non-compete; {period}: the years after a Shareholder ceases to hold a share
    # (uk «протягом 2 (двох) років», genitive).
    w.clause(w.T("shareholders-agreement|covenants", "While it holds a share and for {period} after, no Shareholder shall "
                 "carry on a business competing with the Venture in the Products.",
                 period=c.count(t.non_compete_years, "year", "genitive")))
    w.clause(w.T("shareholders-agreement|covenants", "While it holds a share and for {period} after, no Shareholder shall "
                 "solicit the employees of the Venture.",
                 period=c.count(t.non_solicit_years, "year", "genitive")))

"""Site-protection annex to the joint-venture agreement: only where production is placed in Ukraine.

What it holds (``../shared/contract``): the agreement by number and date; the site by codename and
region (never an address: not even the parties' addresses or registration numbers, which lead to an
address in a public register and, with the region, could locate the site); the measures the
record's flags turn on, each saying who does what; incident notice within N hours; shelter
capacity; the classification marking with the copy number in the header of every page.

Where the site is classified ``secret`` only a stub is drafted: it says that the site details are
set out in a separate document handled under the Law of Ukraine on State secrets, and gives none.
"""

from __future__ import annotations

from dataclasses import replace

from dcity_docs.language.places import region_name
from dcity_docs.language.typography import quote_en, quote_uk
from dcity_docs.wording.catalogs import Bi, Catalogs
from dcity_docs.errors import DocumentNotApplicable
from dcity_docs.record.models import Record, Shareholder, Site
from dcity_docs.documents import common as c
from dcity_docs.draft.base import Draft, Writer

KEY = "site-protection-annex"

#: The copy a drafted annex is unless told otherwise: No. 1, the Ministry's (its redline is of this one).
FIRST_COPY = 1

# Ukrainian euphony: «в» before a vowel (в Івано-Франківській області), «у» before a consonant
# (у Житомирській області). A character class, not wording.
_UK_VOWELS = frozenset("АЕЄИІЇОУЮЯаеєиіїоуюя")


def region_in(w: Writer, code: str) -> Bi:
    """The region with its preposition: in Zhytomyr Oblast / у Житомирській області (locative)."""
    uk = region_name(code, "uk", "locative")
    en = region_name(code, "en")
    region = Bi(uk, en)
    if uk[:1] in _UK_VOWELS:
        # TRANSLATORS: where the site is; {region} is in the locative in Ukrainian and begins with
        # a vowel, so the preposition is «в» (в Івано-Франківській області).
        return w.T("annex|region-before-vowel", "in {region}", region=region)
    # TRANSLATORS: where the site is; {region} is in the locative in Ukrainian and begins with a
    # consonant, so the preposition is «у» (у Житомирській області, у місті Києві).
    return w.T("annex|region", "in {region}", region=region)


def codename(site: Site) -> Bi:
    """The site's codename in quotation marks; quotes inside it become the inner pair."""
    name = c.value(site.codename)
    return Bi(quote_uk(name.uk), quote_en(name.en))


def grade(w: Writer, record: Record) -> Bi | None:
    """The classification marking alone («Для службового користування» / "RESTRICTED"), as a
    merged pack holding the annex prints it on every page; None if public."""
    if not numbered(record):  # public: no marking, and no numbered copies either
        return None
    assert record.site is not None
    if record.site.classification == "restricted":
        # TRANSLATORS: the restricted-information marking («Для службового користування»).
        return w.T("annex|marking", "RESTRICTED")
    # TRANSLATORS: the State-secret marking of the degree «Таємно».
    return w.T("annex|marking", "SECRET")


def marking(w: Writer, record: Record, copy: int = FIRST_COPY) -> Bi | None:
    """Classification marking with the copy number, for the header of every page; None if public."""
    level = grade(w, record)
    if level is None:
        return None
    # TRANSLATORS: the header of every page: {marking} is the classification marking, {copy} the
    # number of this copy («Для службового користування, Прим. № 1»). Keep a no-break space in «№ 1».
    return w.T("annex|marking", "{marking}, Copy No. {copy}", marking=level, copy=str(copy))


def copy_holders(record: Record) -> list[Bi]:
    """Who holds each original of the annex, in the order of its copy numbers: the Ministry (No. 1),
    then the Shareholders in the order of the preamble. The one source of the originals clause's
    count and of the distribution list, so the two can never disagree."""
    return [c.value(record.ministry.name)] + [c.value(h.name) for h in record.shareholders]


def numbered(record: Record) -> bool:
    """A restricted or secret annex is issued in numbered copies; a public one is not."""
    return record.site is not None and record.site.classification != "public"


def copies(record: Record, draft: Draft, catalogs: Catalogs) -> tuple[Draft, ...]:
    """Each numbered copy of a drafted annex, its own number in its header (``Draft.copy``); none
    for a public annex, which is one unnumbered file."""
    if not numbered(record):
        return ()
    w = Writer(catalogs, KEY)
    return tuple(replace(draft, copy=n, marking=marking(w, record, n))
                 for n in range(1, len(copy_holders(record)) + 1))


def _agreement(record: Record) -> dict[str, Bi | str]:
    return {"number": record.agreement_no, "date": c.date(record.dates.agreement)}


def _shareholder_brief(w: Writer, holder: Shareholder, index: int) -> Bi:
    # TRANSLATORS: a shareholder in the annex's preamble: by name and defined term only (no
    # registration number or address); {term}: "Shareholder 1"; {representation}: "represented by ...".
    return w.T(
        "annex|preamble",
        "{name} (“{term}”), {representation},",
        name=c.value(holder.name),
        term=c.shareholder_term(w, index),
        representation=c.representation(w, holder.signatory, holder.country),
    )


def _title_and_parties(w: Writer, record: Record) -> None:
    # TRANSLATORS: the annex's title. {annex_no}: "1"; {number}: the agreement's number
    # (DC-2026-014); {date}: the agreement's date. Keep no-break spaces in «№ 1».
    w.title(
        w.T(
            "annex|title",
            "ANNEX No. {annex_no} to the Joint Venture Agreement No. {number} dated {date}",
            annex_no=c.SITE_ANNEX_NO,
            **_agreement(record),
        )
    )
    # TRANSLATORS: the annex's subtitle, under its title («Про захист виробничого майданчика»).
    w.subtitle(w.T("annex|title", "Site Protection"))
    w.place_date(c.place_and_date(w, record, record.dates.agreement))

    w.para(w.T("annex|preamble", "The parties to this Annex are:"))
    intros = [c.ministry_intro(w, record)] + [
        _shareholder_brief(w, h, i) for i, h in enumerate(record.shareholders)
    ]
    c.numbered_parties(w, intros)
    # TRANSLATORS: closes the list of parties in the annex's preamble.
    w.para(
        w.T(
            "annex|preamble",
            "each a “Party” and together the “Parties”. The Parties have agreed as follows:",
        )
    )


def _general(w: Writer, record: Record, venture: Bi) -> None:
    w.heading("general", w.T("annex|general", "General Provisions"))
    # TRANSLATORS: {number} and {date}: the joint-venture agreement's number and date.
    w.clause(
        w.T(
            "annex|general",
            "This Annex forms an integral part of the Joint Venture Agreement No. {number} dated "
            "{date} (the “Agreement”).",
            **_agreement(record),
        )
    )
    # TRANSLATORS: {venture}: the venture's name.
    w.clause(
        w.T(
            "annex|general",
            "Terms defined in the Agreement have the same meanings in this Annex. The “Venture” "
            "means the joint venture “{venture}” established under the Agreement.",
            venture=venture,
        )
    )


def _final(w: Writer, record: Record) -> None:
    w.heading("final", w.T("annex|final", "Final Provisions"))
    w.clause(
        w.T(
            "annex|final",
            "This Annex shall enter into force simultaneously with the Agreement and shall remain "
            "in force for the term of the Agreement.",
        )
    )
    w.clause(
        w.T(
            "annex|final",
            "This Annex may be amended only by a written agreement signed by all the Parties.",
        )
    )
    # TRANSLATORS: {copies}: "3 (three) copies", in the locative in Ukrainian («у 3 (трьох) примірниках»).
    w.clause(
        w.T(
            "annex|final",
            "This Annex is made in the Ukrainian and English languages, in {copies}, one for each Party.",
            copies=c.count(len(copy_holders(record)), "copy", "locative"),
        )
    )
    w.clause(c.prevailing_clause(w, record))
    if numbered(record):
        _distribution(w, record)

    w.heading("signatures", w.T("annex|signatures", "Signatures of the Parties"))
    w.signatures(c.signature_blocks(w, record))


def _distribution(w: Writer, record: Record) -> None:
    """The distribution of the numbered copies, as a restricted document records it («Віддруковано
    в 3 прим.: прим. № 1 — …»): one line per copy, holder by defined term and name."""
    holders = copy_holders(record)
    w.heading("distribution", w.T("annex|distribution", "Distribution of Copies"))
    # TRANSLATORS: opens the list of the annex's numbered copies, as a restricted document records
    # its print run («Віддруковано в 3 прим.»); {copies}: "3 (three) copies", in the locative in
    # Ukrainian («у 3 (трьох) примірниках»).
    w.clause(w.T("annex|distribution", "This Annex is printed in {copies}, distributed as follows:",
                 copies=c.count(len(holders), "copy", "locative")))
    # TRANSLATORS: the holder of copy No. 1, the Ministry (its defined term in the preamble).
    terms = [w.T("annex|distribution", "the Ministry")] + [
        c.shareholder_term(w, i) for i in range(len(holders) - 1)]
    last = len(holders)
    for n, (term, name) in enumerate(zip(terms, holders, strict=True), start=1):
        # TRANSLATORS: one line of the distribution of copies: {copy}: its number; {name}: its
        # holder's name; {term}: the holder's defined term (the Ministry, Shareholder 1)
        # («Прим. № 2 — ТОВ «…» (Учасник 1)»). Keep a no-break space in «№ 2».
        line = w.T("annex|distribution", "Copy No. {copy}: {name} ({term})", copy=str(n), term=term, name=name)
        w.para(line.map(lambda text, lang, n=n: text + ("." if n == last else ";")))


def _measures(w: Writer, record: Record) -> None:
    assert record.site is not None
    protection = record.site.protection
    w.heading("measures", w.T("annex|measures", "Protection Measures"))
    ministry_acts = False
    if protection.guarded_perimeter:
        ministry_acts = True
        guards = w.clause(
            w.T(
                "annex|measures",
                "The Ministry shall, through the units it designates, organise the guarding of the "
                "perimeter of the Site and access control at the Site.",
            )
        )
        # TRANSLATORS: {clause}: the number of the clause on guarding, e.g. "3.1".
        w.clause(
            w.T(
                "annex|measures",
                "The Shareholders shall procure that the Venture gives the units referred to in "
                "clause {clause} access to the Site and to the premises they need to perform their "
                "duties, provides them with lists of the persons and vehicles authorised to enter the "
                "Site, keeps those lists up to date and complies with the access regime established "
                "at the Site.",
                clause=c.ref(guards),
            )
        )
    if protection.air_defence_coordination:
        ministry_acts = True
        w.clause(
            w.T(
                "annex|measures",
                "The Ministry shall coordinate the cover of the Site by air defence forces and assets "
                "with the competent command of the Armed Forces of Ukraine.",
            )
        )
        w.clause(
            w.T(
                "annex|measures",
                "The Shareholders shall procure that the Venture appoints a person responsible for "
                "liaison with the Ministry on air defence matters and acts during air-raid alerts in "
                "accordance with the procedure agreed with the Ministry.",
            )
        )
    if protection.shelter_capacity > 0:
        # TRANSLATORS: {capacity}: "220 (two hundred and twenty) persons", in the accusative in
        # Ukrainian after «розраховану не менше ніж на» (на 220 (двісті двадцять) осіб, на 2 (двох) осіб).
        w.clause(
            w.T(
                "annex|measures",
                "The Shareholders shall procure that the Venture keeps at the Site a civil protection "
                "structure (shelter) designed for not less than {capacity}, maintains it in "
                "accordance with the Code of Civil Protection of Ukraine in a condition ready for "
                "immediate use, and ensures that every person present at the Site can reach it when "
                "an air-raid alert is given.",
                capacity=c.count(protection.shelter_capacity, "person", "accusative"),
            )
        )
    _costs(w, record)
    _access(w, record)
    if ministry_acts:
        w.clause(
            w.T(
                "annex|measures",
                "The Ministry shall take the measures provided for in this Section within its "
                "competence under the laws of Ukraine.",
            )
        )
    w.clause(
        w.T(
            "annex|measures",
            "The measures provided for in this Annex do not relieve the Shareholders or the Venture "
            "of their obligations under the laws of Ukraine on civil protection.",
        )
    )


def _costs(w: Writer, record: Record) -> None:
    """Who bears the cost of each measure the record turns on (terms, with programme defaults)."""
    assert record.site is not None
    protection, t = record.site.protection, record.terms
    measures: list[tuple[bool, str, Bi]] = [
        # TRANSLATORS: a protection measure, after "the cost of" (uk accusative, after «витрати на»).
        (protection.guarded_perimeter, t.guarding_cost,
         w.T("annex|measures|cost", "guarding the perimeter of the Site and access control at it")),
        (protection.air_defence_coordination, t.air_defence_cost,
         w.T("annex|measures|cost", "coordinating the air defence cover of the Site")),
        (protection.shelter_capacity > 0, t.shelter_cost,
         w.T("annex|measures|cost", "building, equipping and maintaining the shelter")),
    ]
    for applies, payer, measure in measures:
        if not applies:
            continue
        if payer == "ministry":
            # TRANSLATORS: {measure}: a protection measure (context “annex|measures|cost”).
            w.clause(w.T("annex|measures", "The Ministry bears the cost of {measure}, within the budget "
                         "allocations made to it for the purpose.", measure=measure))
        else:
            # TRANSLATORS: {measure}: a protection measure (context “annex|measures|cost”).
            w.clause(w.T("annex|measures", "The Shareholders shall procure that the Venture bears the cost "
                         "of {measure}.", measure=measure))


def _access(w: Writer, record: Record) -> None:
    """How the staff of a foreign Shareholder obtain access (допуск) to the Site."""
    if all(h.country == "UA" for h in record.shareholders):
        return
    t = record.terms
    # TRANSLATORS: access (допуск) of the foreign partner's staff. {period}: "10 (ten) calendar days"
    # (uk accusative, after «не пізніше ніж за»: «за 10 (десять) календарних днів»); {days}: "5 (five)
    # calendar days" (uk genitive, after «протягом»).
    w.clause(
        w.T(
            "annex|measures",
            "Employees and representatives of a Shareholder registered outside Ukraine, and of its "
            "contractors, are admitted to the Site only with the Ministry’s permission (admission). "
            "The Shareholders shall procure that the Venture applies to the Ministry in writing for "
            "each person no later than {period} before the first visit, stating the person’s name, "
            "citizenship, passport details, position and the purpose and dates of the visit. The "
            "Ministry shall decide within {days} of the application and may refuse or withdraw "
            "admission on grounds of security, informing the Venture in writing.",
            period=c.count(t.access_request_days, "calendar_day", "accusative"),
            days=c.count(t.access_decision_days, "calendar_day", "genitive"),
        )
    )
    w.clause(
        w.T(
            "annex|measures",
            "Admission to the Site gives no access to information constituting a State secret; a "
            "foreign national obtains such access only in accordance with the Law of Ukraine “On "
            "State Secrets” and the international agreements of Ukraine on the mutual protection of "
            "classified information.",
        )
    )


def _incidents(w: Writer, record: Record) -> None:
    assert record.site is not None
    hours = record.site.protection.incident_notice_hours
    w.heading("incidents", w.T("annex|incidents", "Incident Notification"))
    # TRANSLATORS: {hours}: "2 (two) hours", in the genitive in Ukrainian after «протягом»
    # (протягом 2 (двох) годин).
    w.clause(
        w.T(
            "annex|incidents",
            "The Shareholders shall procure that the Venture notifies the Ministry of any incident "
            "concerning the Site, including any strike on or damage to the Site, any unauthorised "
            "entry or attempted entry to the Site and any loss or disclosure of information about "
            "the Site, without delay and in any event within {hours} of the Venture becoming aware "
            "of it, through the communication channels agreed with the Ministry, and subsequently "
            "reports to the Ministry in writing on the circumstances of the incident.",
            hours=c.count(hours, "hour", "genitive"),
        )
    )
    w.clause(
        w.T(
            "annex|incidents",
            "The Ministry shall inform the Venture without delay of any threat to the Site that "
            "becomes known to it, to the extent permitted by the laws of Ukraine.",
        )
    )


def _confidentiality(w: Writer, record: Record) -> None:
    assert record.site is not None
    w.heading("confidentiality", w.T("annex|confidentiality", "Confidentiality of Information about the Site"))
    if record.site.classification == "restricted":
        w.clause(
            w.T(
                "annex|confidentiality",
                "Each Party shall handle information about the Site and this Annex in accordance "
                "with the laws of Ukraine on official information, shall give access to them only "
                "to those of its employees and advisers who need it for the performance of the "
                "Agreement and are bound by a duty of confidentiality, and shall not transmit them "
                "over unprotected communication channels.",
            )
        )
        # TRANSLATORS: the copies of a restricted annex; «Прим. № 1» in the header is Copy No. 1.
        w.clause(
            w.T(
                "annex|confidentiality",
                "The copies of this Annex are numbered, and the number of each copy appears in the "
                "header of every page. Copy No. 1 is kept by the Ministry and the following copies by "
                "the Shareholders in the order in which they are listed in the preamble. No other "
                "copies of or extracts from this Annex may be made without the prior written consent "
                "of the Ministry.",
            )
        )
    else:
        w.clause(
            w.T(
                "annex|confidentiality",
                "Each Party shall keep information about the Site confidential, shall give access to "
                "it only to those of its employees and advisers who need it for the performance of "
                "the Agreement and are bound by a duty of confidentiality, and shall not publish or "
                "otherwise disclose the location of the Site.",
            )
        )
    w.clause(
        w.T(
            "annex|confidentiality",
            "If information about the Site is classified as a State secret, it shall thereafter be "
            "handled only in accordance with the Law of Ukraine “On State Secrets”.",
        )
    )
    w.clause(
        w.T(
            "annex|confidentiality",
            "The obligations under this Section shall survive the termination of the Agreement.",
        )
    )


def _site(w: Writer, record: Record) -> None:
    site = record.site
    assert site is not None
    w.heading("site", w.T("annex|site", "Production Site"))
    # TRANSLATORS: {in_region}: "in Zhytomyr Oblast" («у Житомирській області»), translated under
    # "annex|region"; {codename}: the site's codename in quotation marks.
    w.clause(
        w.T(
            "annex|site",
            "The Venture’s production site is located {in_region} and is referred to in this Annex "
            "and in all correspondence between the Parties by the codename {codename} (the “Site”).",
            in_region=region_in(w, site.region),
            codename=codename(site),
        )
    )
    w.clause(
        w.T(
            "annex|site",
            "The address, coordinates and other details from which the location of the Site can be "
            "established are not stated in this Annex and shall be communicated between the Parties "
            "only through channels agreed with the Ministry.",
        )
    )
    if site.classification == "restricted":
        # TRANSLATORS: the marking is «Для службового користування».
        w.clause(
            w.T(
                "annex|site",
                "Information about the Site, including its location, production and protection, is "
                "official information with restricted access under the laws of Ukraine, and documents "
                "containing it, including this Annex, bear the marking “RESTRICTED”.",
            )
        )
    else:
        w.clause(
            w.T(
                "annex|site",
                "Information about the Site bears no classification marking. The Parties shall "
                "nonetheless treat it as confidential information under the Agreement.",
            )
        )


def _full(w: Writer, record: Record, venture: Bi) -> None:
    _general(w, record, venture)
    w.clause(
        w.T(
            "annex|general",
            "This Annex sets out the measures for the protection of the Venture’s production site in "
            "Ukraine and the obligations of the Parties in respect of those measures.",
        )
    )
    w.clause(
        w.T(
            "annex|general",
            "In the event of any conflict between this Annex and the other provisions of the "
            "Agreement on matters governed by this Annex, this Annex shall prevail.",
        )
    )
    _site(w, record)
    _measures(w, record)
    _incidents(w, record)
    _confidentiality(w, record)


def _stub(w: Writer, record: Record, venture: Bi) -> None:
    """Secret site: the details are in a separate document under the State secrets law; none here."""
    _general(w, record, venture)
    w.clause(
        w.T(
            "annex|stub",
            "The details of the Venture’s production site, the measures for its protection and the "
            "obligations of the Parties in respect of those measures are set out in a separate "
            "document, which forms an integral part of this Annex and is prepared, handled and "
            "stored in accordance with the Law of Ukraine “On State Secrets”.",
        )
    )
    w.clause(
        w.T(
            "annex|stub",
            "Access to that document is given only to persons who hold a security clearance for "
            "access to State secrets of the appropriate form and who need it for the performance of "
            "the Agreement.",
        )
    )
    w.clause(
        w.T(
            "annex|stub",
            "No details of the Venture’s production site or of its protection shall be included in "
            "the Agreement, in this Annex or in any other document that is not handled in accordance "
            "with that Law.",
        )
    )


def applies_to(record: Record) -> str | None:
    """None where the annex can be made (production placed in Ukraine, at a site), else why not."""
    if record.venture.placement != "ukraine" or record.site is None:
        return (
            f"{record.id}: the site-protection annex applies only to production placed in "
            f"Ukraine; this venture is placed abroad ({record.venture.country})"
        )
    return None


def draft(record: Record, catalogs: Catalogs) -> Draft:
    if record.venture.placement != "ukraine" or record.site is None:
        # The registry refuses these first (applies_to); this guards direct calls.
        raise DocumentNotApplicable(
            f"{record.id}: the site-protection annex applies only to production placed in Ukraine"
        )
    w = Writer(catalogs, KEY)
    venture = c.value(record.venture.name)

    _title_and_parties(w, record)
    if record.site.classification == "secret":
        _stub(w, record, venture)
    else:
        _full(w, record, venture)
    _final(w, record)

    return c.finish(
        w,
        record,
        # TRANSLATORS: the annex's name in document properties and lists of documents.
        title=w.T("annex|title", "Site Protection Annex"),
        subject=w.T("annex|title", "Joint venture “{venture}”", venture=venture),
        # TRANSLATORS: page footer; {id}: the venture's register number; {annex_no}: "1".
        reference=w.T(
            "footer", "{id} · Annex No. {annex_no}: Site Protection", id=record.id, annex_no=c.SITE_ANNEX_NO
        ),
        marking=marking(w, record),
        copy=FIRST_COPY if numbered(record) else None,
    )

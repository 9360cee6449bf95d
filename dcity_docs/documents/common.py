"""Wording shared by the documents: parties, amounts, law and disputes, languages, signatures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from babel.lists import format_list

from dcity_docs.language import declension
from dcity_docs.language.dates import format_date
from dcity_docs.language.figures import format_percent
from dcity_docs.language.langs import BABEL_LOCALES
from dcity_docs.language.money import format_money
from dcity_docs.language.numerals import format_count
from dcity_docs.language.places import country_name
from dcity_docs.language.typography import NBSP, join_bilingual, typography_uk
from dcity_docs.wording.catalogs import Bi
from dcity_docs.record.models import ContributionKind, Product, Purpose, Record, Shareholder, Signatory
from dcity_docs.draft.base import Draft, Signature, Writer

SITE_ANNEX_NO = "1"
"""The site-protection annex's number: the annex calls itself by it and the agreement refers to it
(the registry's entry for the annex holds it)."""


def uk_text(text: str) -> str:
    """Ukrainian typography for record values: one apostrophe, no-break spaces (see typography_uk)."""
    return typography_uk(text)


def value(text: "Bi") -> Bi:
    """A record's {uk, en} text, with Ukrainian typography applied to the Ukrainian side."""
    return Bi(uk_text(text.uk), text.en)


def date(d: dt.date) -> Bi:
    return Bi(format_date(d, "uk"), format_date(d, "en"))


def place_and_date(w: Writer, record: Record, d: dt.date) -> Bi:
    """The line under a document's title: where it is signed (the record's place of signing, else
    the programme's), then its date («м. Київ, 15 жовтня 2026 р.» / "Kyiv, 15 October 2026")."""
    place = record.place_of_signing
    if place is None:  # a record built without loading (the loader always fills it in)
        from dcity_docs.record.loading import bundled_programme

        place = bundled_programme().place_of_signing
    # TRANSLATORS: the place-and-date line under the title of every document; {place}: the place
    # of signing («м. Київ»), {date}: the document's date.
    return w.T("place-date", "{place}, {date}", place=value(place), date=date(d))


def money(amount: Decimal, currency: str) -> Bi:
    return Bi(format_money(amount, currency, "uk"), format_money(amount, currency, "en"))


def count(n: int, noun: str, uk_case: str = "nominative") -> Bi:
    return Bi(format_count(n, "uk", noun, uk_case), format_count(n, "en", noun))


def percent(p: Decimal) -> Bi:
    return Bi(format_percent(p, "uk"), format_percent(p, "en"))


def country(code: str, uk_case: str = "nominative") -> Bi:
    return Bi(country_name(code, "uk", uk_case), country_name(code, "en"))


def ref(num: str) -> str:
    """A clause number as it is cited in running text: «4.2», not «4.2.»."""
    return num.rstrip(".")


def capitalised(text: Bi) -> Bi:
    """First letter upper-case in both languages (a list of kinds at the start of a table cell)."""
    return text.map(lambda s, _lang: s[:1].upper() + s[1:])


def last_item(text: Bi) -> Bi:
    """The last item of a list of definitions ends with a full stop, not a semicolon."""
    return text.map(lambda s, _lang: s[:-1] + "." if s.endswith(";") else s)


def joined(items: list[Bi]) -> Bi:
    return Bi(
        format_list([i.uk for i in items], locale=BABEL_LOCALES["uk"]),
        format_list([i.en for i in items], locale=BABEL_LOCALES["en"]),
    )


# --- labels: what the record's enums are called in the documents (products, contribution kinds,
# purposes, registration schemes, languages, forums in disputes_clause; stages at the very end) ---


def product_name(w: Writer, product: Product) -> Bi:
    names = {
        # TRANSLATORS: a product line of the venture, as it reads in a list after "production of".
        Product.drones: w.T("product", "unmanned aerial vehicles (drones)"),
        Product.missiles: w.T("product", "missile systems"),
        Product.artillery: w.T("product", "artillery systems"),
        Product.artillery_ammunition: w.T("product", "artillery ammunition"),
        Product.electronic_warfare: w.T("product", "electronic warfare equipment"),
        Product.armoured_vehicles: w.T("product", "armoured vehicles"),
    }
    return names[product]


def products(w: Writer, record: Record) -> Bi:
    return joined([product_name(w, p) for p in record.venture.products])


def contribution_kind(w: Writer, kind: ContributionKind) -> Bi:
    names = {
        # TRANSLATORS: a kind of contribution to the venture, in a list in the shares table.
        ContributionKind.money: w.T("contribution", "money"),
        ContributionKind.equipment: w.T("contribution", "equipment"),
        ContributionKind.premises: w.T("contribution", "use of production premises"),
        ContributionKind.land_use_rights: w.T("contribution", "land use rights"),
        ContributionKind.technology_licence: w.T("contribution", "a technology licence"),
        ContributionKind.intellectual_property: w.T("contribution", "intellectual property rights"),
        ContributionKind.workforce: w.T("contribution", "an undertaking to provide a qualified workforce"),
    }
    return names[kind]


def purpose_recital(w: Writer, purpose: Purpose, record: Record) -> Bi:
    if purpose is Purpose.western_government_orders:
        codes = partner_countries(record)
        if not codes:
            # TRANSLATORS: a recital. English states it as a sentence under "BACKGROUND"; Ukrainian
            # keeps it an item after «беручи до уваги:», ending in «;».
            return w.T(
                "recital",
                "The Venture is intended to receive and perform orders from the governments of partner "
                "States for the defence products it makes.",
            )
        # TRANSLATORS: a recital; {countries} lists the partners' countries, in the genitive in
        # Ukrainian («Данії та Норвегії»).
        return w.T(
            "recital",
            "The Venture is intended to receive and perform orders from the governments of partner "
            "States, including {countries}, for the defence products it makes.",
            countries=joined([country(c, "genitive") for c in codes]),
        )
    if purpose is Purpose.eu_nato_market_access:
        # TRANSLATORS: a recital (a sentence in English, an item ending in «;» in Ukrainian).
        return w.T(
            "recital",
            "The Venture is intended to operate in the European Union and to enter the markets of "
            "member States of the North Atlantic Treaty Organization (NATO).",
        )
    # TRANSLATORS: a recital (a sentence in English, an item ending in «;» in Ukrainian): «важливість
    # забезпечення якості продукції та доступу оборонної промисловості України до новітніх технологій».
    return w.T(
        "recital",
        "Quality assurance and access to the latest technologies, including through technology "
        "transfer within the Venture, are important for the defence industry of Ukraine.",
    )


def programme_recital(w: Writer) -> Bi:
    """The last recital of the memorandum and the agreement: the programme they belong to."""
    # TRANSLATORS: the last recital (a sentence in English; in Ukrainian the last item after
    # «беручи до уваги:», ending in a comma before «домовилися про таке:»).
    return w.T(
        "recital",
        "The Government of Ukraine runs the Defence City programme for joint defence production with "
        "partner States.",
    )


UK_LETTERS = "абвгдежиіклмнпрстуфхцшщюя"
"""Letters of a Ukrainian list («а)», «б)»), without ґ, є, з, й, о, ч, ь (ДСТУ 4163:2020)."""


def recitals(w: Writer, items: list[Bi]) -> None:
    """The recitals: in English under "BACKGROUND", lettered (A), (B), …, each a sentence; in
    Ukrainian after «беручи до уваги:», lettered а), б), …"""
    # TRANSLATORS: the heading of the recitals in English ("BACKGROUND"); in Ukrainian the words
    # that open them, «беручи до уваги:» (the recitals follow as а), б), …).
    w.para(w.T("recital", "BACKGROUND"))
    for i, item in enumerate(items):
        w.para(item.map(lambda s, lang, i=i: f"{UK_LETTERS[i]}) {s}" if lang == "uk"
                        else f"({chr(ord('A') + i)}) {s}"))


# --- parties ----------------------------------------------------------------------------


def _genitive(sig: Signatory, country: str) -> tuple[str, str, str]:
    gender = {"female": "feminine", "male": "masculine"}.get(sig.gender or "")
    name = sig.name_genitive or declension.genitive_name(sig.name.uk, gender, latin_name=sig.name.en,
                                                         country=country)
    position = sig.position_genitive or declension.genitive_position(sig.position.uk)
    authority = sig.authority_genitive or declension.genitive_authority(sig.authority.uk)
    return uk_text(name), uk_text(position), uk_text(authority)


def representation(w: Writer, sig: Signatory, country: str) -> Bi:
    """«в особі <посади> <імені>, що діє на підставі <документа>» / "represented by ..., acting under ..."."""
    name_gen, position_gen, authority_gen = _genitive(sig, country)
    poa = sig.power_of_attorney
    if sig.acts_under_power_of_attorney() and poa is not None:
        # TRANSLATORS: a signatory acting under a power of attorney. {position} and {name} are in
        # the genitive in Ukrainian (Заступника Міністра ..., Гнатюка Дмитра Олеговича).
        return w.T(
            "party",
            "represented by {name}, {position}, acting under power of attorney No. {number} dated {date}",
            name=Bi(name_gen, sig.name.en),
            position=Bi(position_gen, sig.position.en),
            number=poa.number,
            date=date(poa.date),
        )
    # TRANSLATORS: {position}, {name} and {authority} are in the genitive in Ukrainian
    # (Міністра оборони України Умєрова Рустема Енверовича ... Положення про ...).
    return w.T(
        "party",
        "represented by {name}, {position}, acting under {authority}",
        name=Bi(name_gen, sig.name.en),
        position=Bi(position_gen, sig.position.en),
        authority=Bi(authority_gen, sig.authority.en),
    )


def registration_label(w: Writer, scheme: str) -> Bi:
    labels = {
        # TRANSLATORS: the name of a company's registration number, before the number itself.
        "ua.edrpou": w.T("registration", "EDRPOU code"),
        "dk.cvr": w.T("registration", "CVR number"),
        "no.orgnr": w.T("registration", "organisation number"),
        # TRANSLATORS: a UK company's VAT number, named as the UK names it ("VAT number").
        "gb.vat": w.T("registration", "VAT number"),
        "lei": w.T("registration", "Legal Entity Identifier (LEI)"),
    }
    return labels.get(scheme) or w.T("registration", "registration number")


def shareholder_term(w: Writer, index: int) -> Bi:
    # TRANSLATORS: the defined term of the n-th shareholder («Учасник 1»).
    return w.T("party", "Shareholder {n}", n=str(index + 1))


def prospective_term(w: Writer, index: int) -> Bi:
    # TRANSLATORS: the defined term of the n-th company in the memorandum, before it holds a share
    # («Майбутній учасник 1»).
    return w.T("party", "Prospective Shareholder {n}", n=str(index + 1))


HolderTerm = Callable[[Writer, int], Bi]
"""How a document calls its n-th company: ``shareholder_term`` or, in the memorandum, ``prospective_term``."""


def ministry_intro(w: Writer, record: Record) -> Bi:
    m = record.ministry
    # TRANSLATORS: opening of the preamble. {ministry}: the ministry's name; {representation}:
    # "represented by ..." as translated under the "party" context.
    return w.T(
        "party",
        "the {ministry} (the “Ministry”), {representation},",
        ministry=value(m.name),
        representation=representation(w, m.signatory, "UA"),
    )


def shareholder_intro(w: Writer, holder: Shareholder, index: int,
                      holder_term: "HolderTerm | None" = None) -> Bi:
    term = (holder_term or shareholder_term)(w, index)
    inc = holder.incorporation
    if inc is not None:
        # TRANSLATORS: a shareholder in the preamble whose record gives its place of incorporation
        # and company number. {incorporated_in}: "England and Wales" (uk genitive: «Англії та Уельсу»);
        # {company_number}: as given; {label} {number}: its other registration ("VAT number …").
        return w.T(
            "party",
            "{name}, a company incorporated in {incorporated_in} with company number {company_number}, "
            "{label} {number} (“{term}”), {representation},",
            name=value(holder.name),
            incorporated_in=value(inc.place),
            company_number=inc.number,
            label=registration_label(w, holder.registration.scheme),
            number=holder.registration.number,
            term=term,
            representation=representation(w, holder.signatory, holder.country),
        )
    # TRANSLATORS: a shareholder in the preamble. {registered_in}: country in the genitive in
    # Ukrainian (законодавством Данії); {label}: "EDRPOU code" etc.; {term}: "Shareholder 1".
    return w.T(
        "party",
        "{name}, a legal entity registered under the laws of {registered_in}, {label} {number} "
        "(“{term}”), {representation},",
        name=value(holder.name),
        registered_in=country(holder.country, "genitive"),
        label=registration_label(w, holder.registration.scheme),
        number=holder.registration.number,
        term=term,
        representation=representation(w, holder.signatory, holder.country),
    )


def shares_summary(w: Writer, record: Record) -> Bi:
    items = [
        # TRANSLATORS: one shareholder and its share in a list ("Polissia Armoury LLC – 51%").
        w.T("party", "{name} – {share}", name=value(h.name), share=percent(h.share_percent))
        for h in record.shareholders
    ]
    return joined(items)


def partner_countries(record: Record) -> list[str]:
    """Foreign States involved: the partners' countries and, for production abroad, its country."""
    codes = [h.country for h in record.shareholders] + [record.venture.country]
    return [c for c in dict.fromkeys(codes) if c != "UA"]


def placement(w: Writer, record: Record) -> Bi:
    if record.venture.placement == "ukraine":
        return w.T("placement", "in Ukraine")
    # TRANSLATORS: where production is placed abroad; {country} in the locative in Ukrainian.
    return w.T("placement", "in {country}", country=country(record.venture.country, "locative"))


# --- law, disputes, languages -------------------------------------------------------------


def governing_law(w: Writer, record: Record) -> Bi:
    code = record.governing_law
    if code == "GB":
        return w.T("law", "the laws of England and Wales")
    # TRANSLATORS: the governing law; {country} in the genitive in Ukrainian (законодавство України).
    return w.T("law", "the laws of {country}", country=country(code, "genitive"))


def language_name(w: Writer, lang: str) -> Bi:
    if lang == "uk":
        # TRANSLATORS: the language of a text, as in "the Ukrainian text shall prevail".
        return w.T("language", "Ukrainian")
    return w.T("language", "English")


def prevailing_clause(w: Writer, record: Record) -> Bi:
    if record.prevailing_language == "uk":
        return w.T(
            "languages",
            "In the event of any discrepancy between the Ukrainian and English texts, the Ukrainian "
            "text shall prevail.",
        )
    return w.T(
        "languages",
        "In the event of any discrepancy between the Ukrainian and English texts, the English "
        "text shall prevail.",
    )


def arbitrators(n: int) -> Bi:
    return count(n, "arbitrator", "genitive")


def seat(w: Writer, record: Record) -> Bi:
    """The seat as a lawyer names it: «м. Відень, Австрія» / "Vienna, Austria" (for the courts of
    Ukraine, the city alone: the country goes without saying)."""
    city = value(record.disputes.seat)
    code = record.disputes.country
    if code is None:
        return city
    # TRANSLATORS: the seat of arbitration: {city}, then {country} (uk: «м. Відень, Австрія»).
    name = country(code).map(lambda s, lang: s[4:] if lang == "en" and s.startswith("the ") else s)
    return w.T("seat", "{city}, {country}", city=city, country=name)


def arbitration_language(w: Writer, record: Record) -> Bi:
    """The language of the arbitration: a term (the programme's default: English)."""
    return language_name(w, record.terms.arbitration_language)


def institution(w: Writer, forum: str) -> Bi:
    """The body that appoints arbitrators where the parties do not, in the nominative."""
    names = {
        # TRANSLATORS: the institution that appoints arbitrators, as the subject of a sentence.
        "icc": w.T("institution", "the International Court of Arbitration of the International "
                   "Chamber of Commerce"),
        "scc": w.T("institution", "the SCC Arbitration Institute"),
        "lcia": w.T("institution", "the LCIA Court"),
    }
    return names[forum]


def disputes_clause(w: Writer, record: Record, instrument: Bi) -> Bi:
    """The institution's model clause, spelled out; ``instrument`` is "this Agreement" (uk gen.)."""
    d = record.disputes
    place = seat(w, record)
    language = arbitration_language(w, record)
    if d.forum == "icc":
        if d.arbitrators == 3:
            # TRANSLATORS: ICC model clause, three arbitrators. {instrument}: "this Agreement" (uk:
            # «цього Договору»); {seat}: city and country («м. Відень, Австрія»). The Ukrainian
            # sentence needs its subject: «… вирішуються трьома арбітрами, призначеними …».
            return w.T(
                "disputes",
                "All disputes arising out of or in connection with {instrument} shall be finally settled "
                "under the Rules of Arbitration of the International Chamber of Commerce by three "
                "arbitrators appointed in accordance with the said Rules. The seat of arbitration shall "
                "be {seat}. The language of the arbitration shall be {language}.",
                instrument=instrument,
                seat=place,
                language=language,
            )
        # TRANSLATORS: ICC model clause, a sole arbitrator («одноосібним арбітром»).
        return w.T(
            "disputes",
            "All disputes arising out of or in connection with {instrument} shall be finally settled "
            "under the Rules of Arbitration of the International Chamber of Commerce by a sole "
            "arbitrator appointed in accordance with the said Rules. The seat of arbitration shall be "
            "{seat}. The language of the arbitration shall be {language}.",
            instrument=instrument,
            seat=place,
            language=language,
        )
    if d.forum == "scc":
        return w.T(
            "disputes",
            "Any dispute, controversy or claim arising out of or in connection with {instrument}, or "
            "the breach, termination or invalidity thereof, shall be finally settled by arbitration in "
            "accordance with the Arbitration Rules of the SCC Arbitration Institute. The arbitral "
            "tribunal shall be composed of {arbitrators}. The seat of arbitration shall be {seat}. "
            "The language of the arbitration shall be {language}.",
            instrument=instrument,
            arbitrators=arbitrators(d.arbitrators),
            seat=place,
            language=language,
        )
    if d.forum == "lcia":
        return w.T(
            "disputes",
            "Any dispute arising out of or in connection with {instrument}, including any question "
            "regarding its existence, validity or termination, shall be referred to and finally "
            "resolved by arbitration under the LCIA Rules, which Rules are deemed to be incorporated "
            "by reference into this clause. The tribunal shall consist of {arbitrators}. The seat, or "
            "legal place, of arbitration shall be {seat}. The language to be used in the arbitral "
            "proceedings shall be {language}.",
            instrument=instrument,
            arbitrators=arbitrators(d.arbitrators),
            seat=place,
            language=language,
        )
    # TRANSLATORS: disputes before the courts of Ukraine; {seat}: the city of the court.
    return w.T(
        "disputes",
        "Any dispute arising out of or in connection with {instrument} shall be resolved by the "
        "competent courts of Ukraine in {seat} in accordance with the procedural law of Ukraine.",
        instrument=instrument,
        seat=place,
    )


def dispute_clauses(w: Writer, record: Record, instrument: Bi) -> list[Bi]:
    """The same forum in every document: the model clause, then, for arbitration, how three or
    more parties appoint three arbitrators and what the law of Ukraine keeps for its courts."""
    d = record.disputes
    clauses = [disputes_clause(w, record, instrument)]
    if d.forum == "ua_courts":
        return clauses
    if d.arbitrators == 3:
        # TRANSLATORS: multi-party appointment. {institution}: the appointing body, as the subject
        # of the sentence (context “institution”).
        clauses.append(
            w.T(
                "disputes",
                "Where there are more than two parties to the arbitration, the claimant or claimants "
                "shall jointly nominate one arbitrator and the respondent or respondents shall jointly "
                "nominate one arbitrator; failing such joint nomination within the time the said Rules "
                "provide, {institution} shall appoint all three arbitrators and designate one of them "
                "to act as presiding arbitrator.",
                institution=institution(w, d.forum),
            )
        )
    clauses.append(
        w.T(
            "disputes",
            "Disputes which, under the Law of Ukraine “On International Commercial Arbitration” or "
            "the Commercial Procedure Code of Ukraine, cannot be referred to arbitration shall be "
            "resolved by the competent courts of Ukraine.",
        )
    )
    return clauses


# --- signatures --------------------------------------------------------------------------


_SIGNATURE_RULE = "_" * 22


def _signature_names(sig: Signatory) -> Bi:
    """The name under the line, «Рустем УМЄРОВ» / "Rustem Umerov", never broken across lines."""
    return Bi(uk_text(declension.signature_name(sig.name.uk)), declension.signature_name_en(sig.name.en).replace(" ", NBSP))


def _signature_line(sig: Signatory) -> Bi:
    names = _signature_names(sig)
    return names.map(lambda name, _lang: f"{_SIGNATURE_RULE} {name}")


def _joint_line(sig: Signatory) -> str:
    names = _signature_names(sig)
    return f"{_SIGNATURE_RULE} {join_bilingual(names.uk, names.en)}"


def signature_blocks(w: Writer, record: Record, holder_term: HolderTerm | None = None) -> list[Signature]:
    ministry = record.ministry
    items = [
        Signature(
            party=w.T("signatures", "Ministry:"),
            entity=value(ministry.name),
            position=value(ministry.signatory.position),
            line=_signature_line(ministry.signatory),
            joint_line=_joint_line(ministry.signatory),
            # TRANSLATORS: the seal mark under the ministry's signature; English has none.
            seal=Bi(w.T("signatures", "[seal]").uk, ""),
            signer="ministry",
        )
    ]
    for i, holder in enumerate(record.shareholders):
        items.append(
            Signature(
                # TRANSLATORS: heads a signature block, e.g. "Shareholder 1:".
                party=w.T("signatures", "{term}:", term=(holder_term or shareholder_term)(w, i)),
                entity=value(holder.name),
                position=value(holder.signatory.position),
                line=_signature_line(holder.signatory),
                joint_line=_joint_line(holder.signatory),
                # TRANSLATORS: the seal mark of a company («М.П. (за наявності)»); English has none.
                seal=Bi(w.T("signatures", "[seal, if any]").uk, ""),
                signer=f"shareholder-{i + 1}",
            )
        )
    return items


def draft_mark(w: Writer, record: Record) -> Bi | None:
    """The mark of the stage on every page: DRAFT while negotiated, AGREED FORM once agreed
    (the text to be signed, no longer a draft), none once signed."""
    if record.stage == "agreed":
        # TRANSLATORS: marks the agreed text, ready to be signed but not yet signed («ПОГОДЖЕНА
        # РЕДАКЦІЯ», not ПРОЄКТ: the parties have agreed it).
        return w.T("marking", "AGREED FORM")
    if not record.is_draft:
        return None
    # TRANSLATORS: marks a document still under negotiation (2019 orthography: ПРОЄКТ).
    return w.T("marking", "DRAFT")


def page_labels(w: Writer) -> dict[str, Bi]:
    # TRANSLATORS: footer "Page 3 of 7"; the numbers are Word fields placed after each word.
    return {"page": w.T("footer", "Page"), "of": w.T("footer", "of")}


def numbered_parties(w: Writer, intros: list[Bi]) -> None:
    """The parties as paragraphs numbered «1)» in Ukrainian, "(1)" in English, each ending in «;»
    but the last, which runs on into the words that define the Parties (its comma kept); in English
    the one before the last ends "; and"."""
    last = len(intros)
    for n, intro in enumerate(intros, start=1):
        def mark(text: str, lang: str, n: int = n) -> str:
            if n < last and text.endswith(","):
                text = text[:-1] + (";" if lang == "uk" or n < last - 1 else "; and")
            return f"{n}) {text}" if lang == "uk" else f"({n}) {text}"
        w.para(intro.map(mark))


def party_list(w: Writer, record: Record, holder_term: HolderTerm | None = None) -> None:
    """The parties, numbered (1), (2), ... each defined once with its representative."""
    intros = [ministry_intro(w, record)] + [
        shareholder_intro(w, h, i, holder_term) for i, h in enumerate(record.shareholders)
    ]
    numbered_parties(w, intros)


def finish(w: Writer, record: Record, *, title: Bi, subject: Bi, reference: Bi,
           marking: Bi | None = None, copy: int | None = None) -> Draft:
    """The finished draft: what the writer collected, under the document's title, subject (its
    properties) and footer reference; drafts are marked as such, the record's language prevails.
    ``copy``: the number of this copy, for a document issued in numbered copies."""
    return Draft(
        key=w.document,
        title=title,
        subject=subject,
        parts=w.parts,
        reference=reference,
        headings=w.headings,
        marking=marking,
        copy=copy,
        draft_mark=draft_mark(w, record),
        prevailing=record.prevailing_language,
    )


# --- labels, continued: the stages (last, where the cover's wording followed the above in the catalogs) ---


def stage_name(w: Writer, stage: str) -> Bi:
    """The stage a venture's documents are at (``record.stage``), as the pack's cover names it."""
    names = {
        # TRANSLATORS: the stage a venture's documents are at, on the pack's cover sheet.
        "negotiation": w.T("cover|stage", "under negotiation"),
        "agreed": w.T("cover|stage", "agreed, not yet signed"),
        "signed": w.T("cover|stage", "signed"),
    }
    return names[stage]

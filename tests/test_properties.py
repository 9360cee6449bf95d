"""Property-based tests: any valid record, however odd its texts, drafts every document.

A Hypothesis strategy builds VALID venture records from the fixtures' shape, varying what a
record may vary: names in Cyrillic and Latin full of ``& < > " ' { }``, template syntax
(``{{ 7*7 }}``, ``{% if %}``), apostrophes and long strings; 2-4 shareholders whose shares add up
to exactly 100 and whose contributions (0-2 decimal places) add up to the capital; every supported
currency; dates in order; placement in Ukraine (with a site) or abroad; stages, forums, the
prevailing language; signatories with and without a power of attorney, with names the declension
knows or with ``name_genitive`` given. Each record goes through the real reader (as YAML or JSON).

Properties, for every applicable document in every language of output:

* it renders (``documents.docx_bytes``) and reads back as a Word file;
* every text the user supplied is in it literally (Ukrainian ones after ``typography_uk``, which
  only sets apostrophes and no-break spaces): nothing escaped twice, evaluated or dropped;
* every amount in figures is followed by the same amount in words: the words are parsed back to a
  number here, independently of ``language.money``.

Runs are short by default (profile ``ci``: 25 examples, derandomized so CI is repeatable); set
``HYPOTHESIS_PROFILE=deep`` for a long local hunt.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import string
from decimal import Decimal
from typing import Any

import pycountry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from dcity_docs.language import declension
from dcity_docs.documents.registry import applicable
from dcity_docs.output.documents import MODES, docx_bytes
from dcity_docs.language.money import SUPPORTED_CURRENCIES
from dcity_docs.language.places import region_codes
from dcity_docs.language.typography import NBSP, quote_en, quote_uk, typography_uk
from dcity_docs.record.loading import parse_text, validate_source
from dcity_docs.record.models import Record
from readback import docx_text

settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("deep", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# --- texts ----------------------------------------------------------------------------------

CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ"
PUNCTUATION = "&<>\"'{}%#/\\-,.()[];:!?*+=@$^~|_`"
LATIN = string.ascii_letters + string.digits + "øåæéüßçłńśźżØÅÉ€£—–’‘“”„«»…"
NASTY = [
    "{{ 7*7 }}", "{% if true %}x{% endif %}", "{%p endfor %}", "{%tr for r in rows %}", "{# c #}",
    "{{", "}}", "{%", "%}", "{name}", "{0}", "{}", "%s", "${x}", "<w:t>", "</w:p>", "]]>", "&amp;",
    "&#x41;", "<script>", "'", '"', "’", "ʼ", "\\", "\\n", "«Q»", "„Q“", "“Q”", "A & B", "a < b > c",
    "O'Brien", "D’Arcy", "\u00a0", "Ω", "ŉ", "Ǆ",
]  # characters the documents' fonts lack (😀, 𝔘𝔨𝔯, ﷽) are refused: test_hostile_inputs.py
NASTY_UK = ["Об'єкт", "м'ята", "п’ять", "ТОВ «Зброярня „Поділля“»", "вул. Київська, 6", "№ 17", "50 %",
            "12 500 000", "2026 р.", "Коваленко І. П.", "сторона - інша"]


def _word(alphabet: str) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=1, max_size=12)


def _phrase(first: st.SearchStrategy[str], more: st.SearchStrategy[str], long: bool = True,
            most: int = 40) -> st.SearchStrategy[str]:
    """Words joined by single spaces; now and then a long text (up to ``most`` + 1 words)."""
    lengths = st.one_of(st.integers(0, 5), st.integers(20, most)) if long else st.integers(0, 3)
    return st.builds(lambda a, rest: " ".join([a, *rest]), first,
                     lengths.flatmap(lambda n: st.lists(more, min_size=n, max_size=n)))


EN_WORD = st.one_of(_word(LATIN + PUNCTUATION), st.sampled_from(NASTY))
UK_WORD = st.one_of(_word(CYRILLIC + PUNCTUATION + "’'ʼ"), st.sampled_from(NASTY + NASTY_UK), _word(LATIN))
EN_TEXT = _phrase(_word(string.ascii_letters), EN_WORD)
UK_TEXT = _phrase(_word(CYRILLIC), UK_WORD)
# A name may be at most 300 characters (record/texts.py): 21 words of at most 13 characters.
EN_NAME = _phrase(_word(string.ascii_letters), EN_WORD, most=20)
UK_NAME = _phrase(_word(CYRILLIC), UK_WORD, most=20)


def bitext() -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({"uk": UK_TEXT, "en": EN_TEXT})


def biname() -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({"uk": UK_NAME, "en": EN_NAME})


# --- signatories ----------------------------------------------------------------------------

KNOWN_NAMES = [  # (uk, en, gender or None): names the declension handles on its own
    ("Умєров Рустем Енверович", "Rustem Umerov", None),
    ("Коваленко Ірина Петрівна", "Iryna Kovalenko", None),
    ("Сьорен Голм Єнсен", "Søren Holm Jensen", None),
    ("Алістер Грем Вітфілд", "Alistair Graham Whitfield", "male"),
    ("Інгрід Сульберг Гауген", "Ingrid Solberg Haugen", "female"),
    ("Кравченко Тарас В’ячеславович", "Taras Kravchenko", None),
    ("Мар'яна Олегівна Савченко", "Mariana Savchenko", None),
    ("Ганс ван дер Берг", "Hans van der Berg", "male"),
]
KNOWN_POSITIONS = [("Директор", "Director"), ("Генеральний директор", "Chief Executive Officer"),
                   ("Голова правління", "Chairman of the Management Board"),
                   ("Міністр оборони України", "Minister of Defence of Ukraine")]
KNOWN_AUTHORITIES = [("Статут", "the Charter"),
                     ("Положення про Міністерство оборони України", "the Regulations on the Ministry")]
CYR_NAME_WORD = st.builds(lambda a, b: a + b, st.sampled_from("АБВГДЕЄЖЗІКЛМНОПРСТУФХЦЧШЮЯ"),
                          st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’-", min_size=1, max_size=10))


@st.composite
def signatory(draw: st.DrawFn, agreement: dt.date) -> dict[str, Any]:
    sig: dict[str, Any] = {}
    if draw(st.booleans()):
        uk, en, gender = draw(st.sampled_from(KNOWN_NAMES))
        sig["name"] = {"uk": uk, "en": en}
        if gender:
            sig["gender"] = gender
    else:  # any two or three words; the genitive supplied, as the README tells users to
        words = draw(st.lists(CYR_NAME_WORD, min_size=2, max_size=3))
        sig["name"] = {"uk": " ".join(words), "en": draw(EN_NAME)}
        sig["name_genitive"] = draw(UK_NAME)
        sig["gender"] = draw(st.sampled_from(["female", "male"]))
    if draw(st.booleans()):
        uk, en = draw(st.sampled_from(KNOWN_POSITIONS))
        sig["position"] = {"uk": uk, "en": en}
    else:
        sig["position"] = draw(bitext())
        sig["position_genitive"] = draw(UK_TEXT)
    how = draw(st.sampled_from(["known", "own", "poa"]))
    if how == "poa":
        sig["authority"] = draw(st.sampled_from([{"uk": "довіреність", "en": "power of attorney"},
                                                 {"uk": "Довіреність", "en": "a Power of Attorney"}]))
        days = draw(st.integers(0, 3650))
        sig["power_of_attorney"] = {"number": draw(EN_TEXT),
                                    "date": (agreement - dt.timedelta(days=days)).isoformat()}
    elif how == "known":
        uk, en = draw(st.sampled_from(KNOWN_AUTHORITIES))
        sig["authority"] = {"uk": uk, "en": en}
    else:
        sig["authority"] = draw(st.fixed_dictionaries({
            "uk": UK_TEXT.filter(lambda t: not t.strip().lower().startswith("довірен")),
            "en": EN_TEXT.filter(lambda t: "power of attorney" not in t.lower()),
        }))
        sig["authority_genitive"] = draw(UK_TEXT)
    # Keys in the contract's order, as a person would write them.
    order = ["name", "gender", "name_genitive", "position", "position_genitive", "authority",
             "authority_genitive", "power_of_attorney"]
    return {k: sig[k] for k in order if k in sig}


# --- numbers --------------------------------------------------------------------------------


def _cuts(total: int, parts: int) -> st.SearchStrategy[list[int]]:
    """``parts`` positive integers adding up to ``total``."""
    return st.lists(st.integers(1, total - 1), min_size=parts - 1, max_size=parts - 1, unique=True).map(
        lambda cuts: [b - a for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), total])])


def _decimal_text(units: int, places: int) -> str:
    """``units`` hundredths as text with exactly ``places`` decimals (``places`` < 2 needs a round value)."""
    value = Decimal(units) / 100
    return f"{value:.{places}f}"


@st.composite
def shares(draw: st.DrawFn, n: int) -> list[str]:
    places = draw(st.sampled_from([0, 1, 2]))
    step = {0: 100, 1: 10, 2: 1}[places]
    return [_decimal_text(u * step, places) for u in draw(_cuts(10_000 // step, n))]


@st.composite
def contributions(draw: st.DrawFn, n: int) -> tuple[str, list[str]]:
    places = draw(st.sampled_from([0, 1, 2]))
    step = {0: 100, 1: 10, 2: 1}[places]
    magnitude = draw(st.sampled_from([10**3, 10**6, 10**9, 10**12, 10**14]))
    units = draw(st.integers(n, magnitude))  # of 1, 0.1 or 0.01 of the currency
    return _decimal_text(units * step, places), [_decimal_text(p * step, places) for p in draw(_cuts(units, n))]


# --- the record -----------------------------------------------------------------------------

FIXTURE_HOLDERS = [  # (country, registration, bank): valid numbers from the fixtures
    ("UA", {"scheme": "ua.edrpou", "number": "44710005"}, {"iban": "UA223052990000026001234567890", "bic": "PBANUA2X"}),
    ("DK", {"scheme": "dk.cvr", "number": "39170000"}, {"iban": "DK5000400440116243", "bic": "DABADKKK"}),
    ("UA", {"scheme": "ua.edrpou", "number": "43918274"}, {"iban": "UA673808050000026004718293561", "bic": "AVALUAUK"}),
    ("GB", {"scheme": "gb.vat", "number": "284617379"}, {"iban": "GB92LOYD30963448172650", "bic": "LOYDGB2L"}),
    ("NO", {"scheme": "no.orgnr", "number": "927461382"}, {"iban": "NO3815034278161", "bic": "DNBANOKK"}),
    ("UA", {"scheme": "ua.edrpou", "number": "44523864"}, {"iban": "UA063204780000026009641237085", "bic": "UGASUAUK"}),
]
COUNTRIES = sorted(c.alpha_2 for c in pycountry.countries)
PRODUCTS = ["drones", "missiles", "artillery", "artillery_ammunition", "electronic_warfare", "armoured_vehicles"]
PURPOSES = ["western_government_orders", "eu_nato_market_access", "technology_access"]
KINDS = ["money", "equipment", "premises", "land_use_rights", "technology_licence", "intellectual_property",
         "workforce"]


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    memorandum = draw(st.dates(dt.date(1900, 1, 1), dt.date(9990, 12, 31)))
    agreement = memorandum + dt.timedelta(days=draw(st.integers(0, 800)))
    n = draw(st.integers(2, 4))
    currency = draw(st.sampled_from(SUPPORTED_CURRENCIES))
    capital, amounts = draw(contributions(n))
    placement = draw(st.sampled_from(["ukraine", "abroad"]))
    holders = []
    for i, share in enumerate(draw(shares(n))):
        country, registration, bank = draw(st.sampled_from(FIXTURE_HOLDERS))
        holder: dict[str, Any] = {
            "name": draw(biname()), "country": country, "registration": registration,
            "address": draw(bitext()), "signatory": draw(signatory(agreement)), "share_percent": share,
            "contribution": {"kind": draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True)
                                          .filter(lambda kinds: kinds != ["workforce"])),
                             "value": {"amount": amounts[i], "currency": currency}},
        }
        if draw(st.booleans()):
            holder["bank"] = bank
        holders.append(holder)
    data: dict[str, Any] = {
        "id": draw(st.from_regex(r"\A[A-Z0-9][A-Z0-9-]{2,31}\Z")),
        "stage": draw(st.sampled_from(["negotiation", "agreed", "signed"])),
        "venture": {
            "name": draw(biname()),
            "placement": placement,
            "country": "UA" if placement == "ukraine" else draw(st.sampled_from([c for c in COUNTRIES if c != "UA"])),
            "products": draw(st.lists(st.sampled_from(PRODUCTS), min_size=1, max_size=4, unique=True)),
            "purposes": draw(st.lists(st.sampled_from(PURPOSES), min_size=1, max_size=3, unique=True)),
            "capital": {"amount": capital, "currency": currency},
            "ukrainian_jobs": draw(st.integers(0, 100_000)),
        },
        "ministry": {"name": draw(biname()), "edrpou": "00034022", "address": draw(bitext()),
                     "signatory": draw(signatory(agreement))},
        "shareholders": holders,
    }
    if placement == "ukraine":
        data["site"] = {
            "codename": draw(biname()),
            "region": draw(st.sampled_from(region_codes())),
            "classification": draw(st.sampled_from(["public", "restricted", "secret"])),
            "protection": {"guarded_perimeter": draw(st.booleans()), "air_defence_coordination": draw(st.booleans()),
                           "shelter_capacity": draw(st.integers(0, 100_000)),
                           "incident_notice_hours": draw(st.integers(1, 72))},
        }
    data["dates"] = {"memorandum": memorandum.isoformat(), "agreement": agreement.isoformat(),
                     "term_years": draw(st.integers(1, 50))}
    data["governing_law"] = draw(st.sampled_from(COUNTRIES))
    data["disputes"] = {"forum": draw(st.sampled_from(["icc", "scc", "lcia", "ua_courts"])), "seat": draw(bitext())}
    if data["disputes"]["forum"] != "ua_courts":  # a seat of arbitration names its country too
        data["disputes"]["seat_country"] = draw(st.sampled_from(["AT", "CH", "SE", "GB", "FR"]))
    if draw(st.booleans()):
        data["disputes"]["arbitrators"] = draw(st.sampled_from([1, 3]))
    data["prevailing_language"] = draw(st.sampled_from(["uk", "en"]))
    if draw(st.booleans()):
        data["agreement_number"] = draw(EN_TEXT)
    return data


def load(data: dict[str, Any], kind: str) -> Record:
    """Through the real reader, as a user's file would go: YAML, JSON, or JSON with \\u escapes."""
    if kind == "yaml":
        yaml = YAML(typ="rt", pure=True)
        yaml.representer.ignore_aliases = lambda _data: True  # never anchors, which records refuse
        yaml.width = 4096
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        return validate_source(parse_text(buffer.getvalue(), "rec.yaml"))
    text = json.dumps(data, ensure_ascii=kind == "json-ascii", indent=2)
    return validate_source(parse_text(text, "rec.json"))


# --- what each document prints literally ------------------------------------------------------


def expected_texts(record: Record, key: str) -> dict[str, list[tuple[str, str]]]:
    """Per language, (label, text) pairs that must appear in the document as they are."""
    out: dict[str, list[tuple[str, str]]] = {"uk": [], "en": []}

    def both(label: str, value: Any, uk: Any = None) -> None:
        out["uk"].append((f"{label}.uk", typography_uk(value.uk) if uk is None else uk))
        out["en"].append((f"{label}.en", value.en))

    both("venture.name", record.venture.name)
    signatories = []
    if key != "shareholders-agreement":  # between the shareholders only: the Ministry is not a party
        both("ministry.name", record.ministry.name)
        signatories.append(("ministry.signatory", record.ministry.signatory))
    for i, holder in enumerate(record.shareholders):
        both(f"shareholders.{i}.name", holder.name)
        signatories.append((f"shareholders.{i}.signatory", holder.signatory))
    for where, sig in signatories:
        out["en"].append((f"{where}.name.en", sig.name.en))
        out["uk"].append((f"{where}.name (signature)", typography_uk(declension.signature_name(sig.name.uk))))
        if sig.name_genitive:
            out["uk"].append((f"{where}.name_genitive", typography_uk(sig.name_genitive)))
        both(f"{where}.position", sig.position)
        if key != "site-protection-annex":  # the annex names the parties without their representatives
            if sig.position_genitive:
                out["uk"].append((f"{where}.position_genitive", typography_uk(sig.position_genitive)))
            if sig.power_of_attorney is not None:
                for lang in ("uk", "en"):
                    out[lang].append((f"{where}.power_of_attorney.number", sig.power_of_attorney.number))
            else:
                out["en"].append((f"{where}.authority.en", sig.authority.en))
                if sig.authority_genitive:
                    out["uk"].append((f"{where}.authority_genitive", typography_uk(sig.authority_genitive)))
    if key in ("memorandum", "jv-agreement"):
        both("disputes.seat", record.disputes.seat)
        for i, holder in enumerate(record.shareholders):
            for lang in ("uk", "en"):
                out[lang].append((f"shareholders.{i}.registration.number", holder.registration.number))
    if key == "jv-agreement":
        both("ministry.address", record.ministry.address)
        for i, holder in enumerate(record.shareholders):
            both(f"shareholders.{i}.address", holder.address)
    if key in ("jv-agreement", "site-protection-annex"):
        for lang in ("uk", "en"):
            out[lang].append(("agreement number", record.agreement_no))
    if key == "site-protection-annex" and record.site is not None and record.site.classification != "secret":
        codename = record.site.codename
        out["uk"].append(("site.codename.uk", quote_uk(typography_uk(codename.uk))))
        out["en"].append(("site.codename.en", quote_en(codename.en)))
    return out


# --- money read back from words -----------------------------------------------------------------

EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
EN_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def en_words_to_number(words: str) -> list[int]:
    """The numbers spelled in ``words`` («six million ... euros and fifty cents» → [6..., 50])."""
    numbers: list[int] = []
    total = current = 0
    in_number = False
    tokens = words.replace("-", " ").split()
    for i, token in enumerate(tokens):
        if token in EN_UNITS or token in EN_TENS:
            current += EN_UNITS.get(token, 0) + EN_TENS.get(token, 0)
            in_number = True
        elif token == "hundred" and in_number:
            current *= 100
        elif token in EN_SCALES and in_number:
            total += current * EN_SCALES[token]
            current = 0
        elif token == "and" and in_number and i + 1 < len(tokens) and (
                tokens[i + 1] in EN_UNITS or tokens[i + 1] in EN_TENS):
            continue
        elif in_number:
            numbers.append(total + current)
            total = current = 0
            in_number = False
    if in_number:
        numbers.append(total + current)
    return numbers


UK_VALUES: dict[str, int] = {}
for value, forms in {
    0: "нуль", 1: "один одна одне", 2: "два дві", 3: "три", 4: "чотири", 5: "п’ять", 6: "шість", 7: "сім",
    8: "вісім", 9: "дев’ять", 10: "десять", 11: "одинадцять", 12: "дванадцять", 13: "тринадцять",
    14: "чотирнадцять", 15: "п’ятнадцять", 16: "шістнадцять", 17: "сімнадцять", 18: "вісімнадцять",
    19: "дев’ятнадцять", 20: "двадцять", 30: "тридцять", 40: "сорок", 50: "п’ятдесят", 60: "шістдесят",
    70: "сімдесят", 80: "вісімдесят", 90: "дев’яносто", 100: "сто", 200: "двісті", 300: "триста",
    400: "чотириста", 500: "п’ятсот", 600: "шістсот", 700: "сімсот", 800: "вісімсот", 900: "дев’ятсот",
}.items():
    for form in forms.split():
        UK_VALUES[form] = value
UK_SCALES = {"тисяч": 10**3, "мільйон": 10**6, "мільярд": 10**9, "трильйон": 10**12}


def uk_words_to_number(words: str) -> int:
    total = current = 0
    for token in words.split():
        if token in UK_VALUES:
            current += UK_VALUES[token]
            continue
        scale = next((v for stem, v in UK_SCALES.items() if token.startswith(stem)), None)
        assert scale is not None, f"not a Ukrainian numeral: {token!r} in {words!r}"
        total += (current or 1) * scale
        current = 0
    return total + current


def figures(amount: Decimal, lang: str) -> str:
    """The amount in figures as the contract writes it (computed here, not by format_decimal)."""
    text = f"{amount:,.2f}"
    return text if lang == "en" else text.replace(",", NBSP).replace(".", ",")


def check_money(text: str, amount: Decimal, currency: str, lang: str, where: str) -> None:
    whole, cents = int(amount), int((amount * 100) % 100)
    shown = figures(amount, lang)
    if lang == "en":
        found = re.findall(rf"{currency}[ {NBSP}]{re.escape(shown)}[ {NBSP}]\(([^()]*)\)", text)
        assert found, f"{where}: «{currency} {shown} (...)» not in the text"
        for words in found:
            expected = [whole, cents] if cents else [whole]
            if whole == 0:
                expected = [cents]
            assert en_words_to_number(words) == expected, (where, shown, words)
    else:
        found = re.findall(rf"(?<![\d{NBSP}]){re.escape(shown)}[ {NBSP}]\(([^()]*)\)[ {NBSP}][^\d]+(\d\d)[ {NBSP}]", text)
        assert found, f"{where}: «{shown} (...)» not in the text"
        for words, cents_text in found:
            assert uk_words_to_number(words) == whole, (where, shown, words)
            assert int(cents_text) == cents, (where, shown, cents_text)


# --- the properties -----------------------------------------------------------------------------


@given(data=records(), kind=st.sampled_from(["yaml", "json", "json-ascii"]))
def test_any_valid_record_renders_every_document_with_its_texts_and_amounts(data: dict[str, Any], kind: str,
                                                                            tmp_path_factory) -> None:
    record = load(data, kind)
    folder = tmp_path_factory.mktemp("docs")
    for key in applicable(record):
        expected = expected_texts(record, key)
        for mode in MODES:
            path = folder / f"{key}_{mode}.docx"
            path.write_bytes(docx_bytes(record, key, mode))
            text = docx_text(path)
            # The layout keeps words together with no-break spaces (a legal form and its name,
            # an initial and a surname): the same words, so a value counts with either space.
            spaced = text.replace(NBSP, " ")
            for lang in ("uk", "en") if mode == "bilingual" else (mode,):
                missing = [label for label, value in expected[lang] if value.replace(NBSP, " ") not in spaced]
                assert not missing, f"{key} {mode}: not printed literally: {missing}"
                if key in ("memorandum", "jv-agreement"):
                    capital = record.venture.capital
                    check_money(text, capital.amount, capital.currency, lang, f"{key} {mode} capital")
                if key == "jv-agreement":
                    for i, holder in enumerate(record.shareholders):
                        value = holder.contribution.value
                        check_money(text, value.amount, value.currency, lang, f"{key} {mode} contribution {i}")


# --- the oracles themselves, on known cases ---------------------------------------------------


def test_words_parsers_read_known_amounts() -> None:
    assert en_words_to_number("six million three hundred and seventy-five thousand euros") == [6_375_000]
    assert en_words_to_number("one thousand euros and fifty cents") == [1000, 50]
    assert en_words_to_number("one hundred and one pounds sterling and one penny") == [101, 1]
    assert uk_words_to_number("шість мільйонів триста сімдесят п’ять тисяч") == 6_375_000
    assert uk_words_to_number("двадцять одна") == 21
    assert uk_words_to_number("тисяча") == 1000
    assert figures(Decimal("6375000.5"), "uk") == f"6{NBSP}375{NBSP}000,50"


def test_the_strategy_makes_valid_records_of_every_shape() -> None:
    """The generator itself: shares and contributions add up exactly, every record validates."""
    seen: set[tuple[str, int]] = set()

    @settings(max_examples=15, deadline=None, derandomize=True)
    @given(data=records())
    def check(data: dict[str, Any]) -> None:
        record = load(data, "json")
        assert sum(h.share_percent for h in record.shareholders) == 100
        assert sum(h.contribution.value.amount for h in record.shareholders) == record.venture.capital.amount
        seen.add((record.venture.placement, len(record.shareholders)))

    check()
    assert {p for p, _ in seen} == {"ukraine", "abroad"}

"""Numbers, money, dates, names of places and typography as Ukrainian and international lawyers expect.

Everything here returns text for the documents and never prints. Bad arguments raise
``ValueError`` (the caller maps it to a record error).

Library pitfalls fixed by hand (see the tests):

* babel rounds half-to-even and, in newer CLDR data, groups Ukrainian digits with U+202F;
  we round half-up ourselves and always use U+00A0 (NBSP). Its long Ukrainian date puts
  U+202F before «р.»; we build the date from the pattern ``d MMMM y`` and add NBSP + «р.».
* num2words' Ukrainian uses the ASCII apostrophe and gets oblique cases wrong
  («однієї тисячи», «двохста»); Ukrainian numerals are therefore spelled by the tables below
  (nominative, genitive, accusative, locative in three genders) and the nominative is checked
  against num2words in the tests. Its English puts commas between groups: removed.
* babel's Ukrainian territory names use U+02BC (Обʼєднані…); we use U+2019 throughout.
  babel's British names use "&" and informal forms (Czechia, Congo - Kinshasa): corrected.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

import pycountry
from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal as _babel_format_decimal
from num2words import num2words

Lang = Literal["uk", "en"]

NBSP = "\u00a0"
APOSTROPHE = "\u2019"

_LANGS: tuple[str, ...] = ("uk", "en")
_BABEL_LOCALE = {"uk": "uk", "en": "en_GB"}
# Parsed once: babel would parse the locale name again on every number and date it formats.
_LOCALES = {lang: Locale.parse(name) for lang, name in _BABEL_LOCALE.items()}
_MAX_AMOUNT = Decimal(10) ** 15  # numerals are spelled up to трильйон / trillion
_CENT = Decimal("0.01")

#: Grammatical cases accepted by :func:`format_count`.
COUNT_CASES: tuple[str, ...] = ("nominative", "genitive", "accusative", "locative")
#: Grammatical cases accepted by :func:`country_name` and :func:`region_name`.
PLACE_CASES: tuple[str, ...] = ("nominative", "genitive", "locative")


def _check_lang(lang: str) -> None:
    """Reject anything but the two output languages early, with a clear message."""
    if lang not in _LANGS:
        raise ValueError(f"unknown language {lang!r}: expected 'uk' or 'en'")


def _as_decimal(value: object, what: str = "value") -> Decimal:
    """Accept Decimal or int (exact), never float: money must not pass through binary floats."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise ValueError(f"{what} must be a decimal.Decimal or int, not {type(value).__name__}")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return result


# --------------------------------------------------------------------------- dates


def format_date(d: date, lang: Lang) -> str:
    """``1 вересня 2026 р.`` / ``1 September 2026``: never ISO or US forms in the text."""
    _check_lang(lang)
    if not isinstance(d, date):
        raise ValueError(f"expected a date, got {type(d).__name__}")
    text = _babel_format_date(d, "d MMMM y", locale=_LOCALES[lang])
    if lang == "uk":
        return f"{text}{NBSP}р."
    return text


# --------------------------------------------------------------------------- numbers


def _quantize(value: Decimal, places: int) -> Decimal:
    """Round half-up (commercial rounding), not babel's half-even."""
    try:
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # more digits than the context allows
        raise ValueError(f"cannot round {value} to {places} places") from exc


def _natural_places(value: Decimal) -> int:
    """Decimal places needed to show ``value`` without trailing zeros."""
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def format_decimal(value: Decimal, lang: Lang, places: int | None = 2) -> str:
    """``12 500 000,00`` (NBSP groups) / ``12,500,000.00``; ``places=None`` drops trailing zeros."""
    _check_lang(lang)
    number = _as_decimal(value)
    if places is None:
        places = _natural_places(number)
    elif isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise ValueError(f"places must be a non-negative int or None, got {places!r}")
    number = _quantize(number, places)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    text = _babel_format_decimal(
        number, format=pattern, locale=_LOCALES[lang], decimal_quantization=False
    )
    if lang == "uk":
        text = re.sub(r"[\u202f\u2009 ]", NBSP, text)
    return text


def format_percent(value: Decimal, lang: Lang) -> str:
    """``51 %`` / ``51%``; decimals (at most two) only when the share is not a whole number."""
    _check_lang(lang)
    number = _quantize(_as_decimal(value), 2)
    figures = format_decimal(number, lang, places=None)
    return f"{figures}{NBSP}%" if lang == "uk" else f"{figures}%"


def format_iban(iban: str) -> str:
    """IBAN print format: capitals in groups of four separated by ordinary spaces."""
    if not isinstance(iban, str):
        raise ValueError("IBAN must be a string")
    compact = re.sub(r"\s+", "", iban).upper()
    if not compact or not compact.isascii() or not compact.isalnum():
        raise ValueError(f"not an IBAN: {iban!r}")
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


# --------------------------------------------------------------------------- Ukrainian numerals

Gender = Literal["m", "f", "n"]

_UNITS = {
    "nominative": ("", "один", "два", "три", "чотири", "п’ять", "шість", "сім", "вісім", "дев’ять"),
    "genitive": ("", "одного", "двох", "трьох", "чотирьох", "п’яти", "шести", "семи", "восьми", "дев’яти"),
    "locative": ("", "одному", "двох", "трьох", "чотирьох", "п’яти", "шести", "семи", "восьми", "дев’яти"),
}
# «один» and «два» agree with the noun in gender (and «одна» in the accusative).
_ONE = {
    "nominative": {"m": "один", "f": "одна", "n": "одне"},
    "accusative": {"m": "один", "f": "одну", "n": "одне"},
    "genitive": {"m": "одного", "f": "однієї", "n": "одного"},
    "locative": {"m": "одному", "f": "одній", "n": "одному"},
}
_TWO_NOMINATIVE = {"m": "два", "f": "дві", "n": "два"}
_TEENS = {
    "nominative": (
        "десять", "одинадцять", "дванадцять", "тринадцять", "чотирнадцять",
        "п’ятнадцять", "шістнадцять", "сімнадцять", "вісімнадцять", "дев’ятнадцять",
    ),
    "genitive": (
        "десяти", "одинадцяти", "дванадцяти", "тринадцяти", "чотирнадцяти",
        "п’ятнадцяти", "шістнадцяти", "сімнадцяти", "вісімнадцяти", "дев’ятнадцяти",
    ),
}
_TENS = {
    "nominative": (
        "", "", "двадцять", "тридцять", "сорок", "п’ятдесят", "шістдесят", "сімдесят", "вісімдесят", "дев’яносто",
    ),
    "genitive": (
        "", "", "двадцяти", "тридцяти", "сорока", "п’ятдесяти", "шістдесяти", "сімдесяти", "вісімдесяти", "дев’яноста",
    ),
}
_HUNDREDS = {
    "nominative": (
        "", "сто", "двісті", "триста", "чотириста", "п’ятсот", "шістсот", "сімсот", "вісімсот", "дев’ятсот",
    ),
    "genitive": (
        "", "ста", "двохсот", "трьохсот", "чотирьохсот", "п’ятисот", "шестисот", "семисот", "восьмисот", "дев’ятисот",
    ),
    "locative": (
        "", "ста", "двохстах", "трьохстах", "чотирьохстах", "п’ятистах", "шестистах", "семистах", "восьмистах",
        "дев’ятистах",
    ),
}
_ZERO = {"nominative": "нуль", "accusative": "нуль", "genitive": "нуля", "locative": "нулі"}


@dataclass(frozen=True)
class NounForms:
    """A Ukrainian noun phrase in the forms a numeral can require.

    ``sg`` and ``pl`` map a case name to the form; the accusative plural of an inanimate noun is
    its nominative plural, of an animate noun its genitive plural (derived, not stored).
    """

    gender: Gender
    animate: bool
    sg: dict[str, str]
    pl: dict[str, str]


def _noun(gender: Gender, animate: bool, sg: tuple[str, str, str, str], pl: tuple[str, str, str]) -> NounForms:
    """Compact constructor: sg = (nom, gen, acc, loc), pl = (nom, gen, loc)."""
    acc_pl = pl[1] if animate else pl[0]
    return NounForms(
        gender,
        animate,
        {"nominative": sg[0], "genitive": sg[1], "accusative": sg[2], "locative": sg[3]},
        {"nominative": pl[0], "genitive": pl[1], "accusative": acc_pl, "locative": pl[2]},
    )


def _indeclinable(gender: Gender, word: str) -> NounForms:
    """Nouns such as «євро», «ере» that have one form for every case and number."""
    return _noun(gender, False, (word, word, word, word), (word, word, word))


_SCALES: tuple[NounForms, ...] = (
    _noun("f", False, ("тисяча", "тисячі", "тисячу", "тисячі"), ("тисячі", "тисяч", "тисячах")),
    _noun("m", False, ("мільйон", "мільйона", "мільйон", "мільйоні"), ("мільйони", "мільйонів", "мільйонах")),
    _noun("m", False, ("мільярд", "мільярда", "мільярд", "мільярді"), ("мільярди", "мільярдів", "мільярдах")),
    _noun("m", False, ("трильйон", "трильйона", "трильйон", "трильйоні"), ("трильйони", "трильйонів", "трильйонах")),
)


def plural_category(n: int) -> Literal["one", "few", "many"]:
    """Ukrainian agreement class of a count: 1, 21 → one; 2–4, 22 → few; 0, 5–20, 25 → many."""
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "few"
    return "many"


def _noun_after(n: int, noun: NounForms, case: str) -> str:
    """The form a noun takes after the numeral ``n`` in ``case``."""
    category = plural_category(n)
    if category == "one":
        return noun.sg[case]
    if case in ("nominative", "accusative"):
        # Inanimate: «два роки», «п’ять років». Animate accusative is handled by the caller.
        return noun.pl["nominative"] if category == "few" else noun.pl["genitive"]
    return noun.pl[case]


def _triad_words(t: int, gender: Gender, case: str) -> list[str]:
    """Words for 1..999 in ``case``, the final «один/два» agreeing with ``gender``."""
    base = "nominative" if case == "accusative" else case
    oblique = "genitive" if base == "locative" else base  # teens and tens share gen/loc forms
    words: list[str] = []
    hundreds, rest = divmod(t, 100)
    if hundreds:
        words.append(_HUNDREDS[base][hundreds])
    if 10 <= rest < 20:
        words.append(_TEENS[oblique][rest - 10])
        return words
    tens, units = divmod(rest, 10)
    if tens:
        words.append(_TENS[oblique][tens])
    if units == 1:
        words.append(_ONE[case][gender])
    elif units == 2 and base == "nominative":
        words.append(_TWO_NOMINATIVE[gender])
    elif units:
        words.append(_UNITS[base][units])
    return words


def uk_number_words(n: int, gender: Gender = "m", case: str = "nominative") -> str:
    """A cardinal in Ukrainian words, e.g. ``(21, "f") → «двадцять одна»``, ``(2, case="genitive") → «двох»``.

    Accusative is the inanimate accusative («одну», «дві тисячі»); animate agreement is done
    by :func:`format_count`.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"expected a non-negative int, got {n!r}")
    if case not in COUNT_CASES:
        raise ValueError(f"unknown case {case!r}: expected one of {', '.join(COUNT_CASES)}")
    if gender not in ("m", "f", "n"):
        raise ValueError(f"unknown gender {gender!r}")
    if n >= 10 ** (3 * (len(_SCALES) + 1)):
        raise ValueError(f"number too large to spell: {n}")
    if n == 0:
        return _ZERO[case]
    triads: list[int] = []
    while n:
        n, t = divmod(n, 1000)
        triads.append(t)
    words: list[str] = []
    for power in range(len(triads) - 1, -1, -1):
        t = triads[power]
        if not t:
            continue
        if power == 0:
            words.extend(_triad_words(t, gender, case))
        else:
            scale = _SCALES[power - 1]
            words.extend(_triad_words(t, scale.gender, case))
            words.append(_noun_after(t, scale, case))
    return " ".join(words)


def en_number_words(n: int) -> str:
    """British English cardinal without commas: ``one hundred and eighty``."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"expected a non-negative int, got {n!r}")
    return str(num2words(n, lang="en")).replace(",", "")


# --------------------------------------------------------------------------- counts

_COUNT_NOUNS_UK: dict[str, NounForms] = {
    "year": _noun("m", False, ("рік", "року", "рік", "році"), ("роки", "років", "роках")),
    "month": _noun("m", False, ("місяць", "місяця", "місяць", "місяці"), ("місяці", "місяців", "місяцях")),
    "day": _noun("m", False, ("день", "дня", "день", "дні"), ("дні", "днів", "днях")),
    "calendar_day": _noun(
        "m", False,
        ("календарний день", "календарного дня", "календарний день", "календарному дні"),
        ("календарні дні", "календарних днів", "календарних днях"),
    ),
    "working_day": _noun(
        "m", False,
        ("робочий день", "робочого дня", "робочий день", "робочому дні"),
        ("робочі дні", "робочих днів", "робочих днях"),
    ),
    "hour": _noun("f", False, ("година", "години", "годину", "годині"), ("години", "годин", "годинах")),
    "job": _noun(
        "n", False,
        ("робоче місце", "робочого місця", "робоче місце", "робочому місці"),
        ("робочі місця", "робочих місць", "робочих місцях"),
    ),
    "person": _noun("f", True, ("особа", "особи", "особу", "особі"), ("особи", "осіб", "особах")),
    "arbitrator": _noun("m", True, ("арбітр", "арбітра", "арбітра", "арбітрі"), ("арбітри", "арбітрів", "арбітрах")),
    "copy": _noun(
        "m", False,
        ("примірник", "примірника", "примірник", "примірнику"),
        ("примірники", "примірників", "примірниках"),
    ),
}
_COUNT_NOUNS_EN: dict[str, tuple[str, str]] = {
    "year": ("year", "years"),
    "month": ("month", "months"),
    "day": ("day", "days"),
    "calendar_day": ("calendar day", "calendar days"),
    "working_day": ("working day", "working days"),
    "hour": ("hour", "hours"),
    "job": ("job", "jobs"),
    "person": ("person", "persons"),
    "arbitrator": ("arbitrator", "arbitrators"),
    "copy": ("copy", "copies"),
}
#: Noun ids accepted by :func:`format_count`.
COUNT_NOUNS: tuple[str, ...] = tuple(_COUNT_NOUNS_UK)


def _uk_count_phrase(n: int, noun: NounForms, case: str) -> tuple[str, str]:
    """(numeral words, noun form) for ``n`` of ``noun`` in ``case``, with animate accusative."""
    if case == "accusative" and noun.animate:
        # «двох арбітрів», «одного арбітра», «двадцять одного арбітра», but «п’ять арбітрів»,
        # «двадцять два арбітри» (compounds ending in 2–4 keep the nominative).
        if n in (2, 3, 4):
            return uk_number_words(n, noun.gender, "genitive"), noun.pl["genitive"]
        if plural_category(n) == "one":
            words = uk_number_words(n, noun.gender, "nominative").split(" ")
            words[-1] = _ONE["genitive"][noun.gender] if noun.gender != "f" else _ONE["accusative"]["f"]
            return " ".join(words), noun.sg["accusative"]
        return uk_number_words(n, noun.gender, "nominative"), _noun_after(n, noun, "nominative")
    return uk_number_words(n, noun.gender, case), _noun_after(n, noun, case)


def format_count(n: int, lang: Lang, noun: str, case: str = "nominative") -> str:
    """``10 (десять) років``, ``2 (двох) годин`` (genitive) / ``10 (ten) years``.

    ``noun`` is an id from :data:`COUNT_NOUNS`. ``case`` (nominative, genitive, accusative,
    locative) matters for Ukrainian only. With 2–4 an adjective is in the nominative plural
    («2 (два) робочі місця»), the form grammars give first.
    """
    _check_lang(lang)
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"count must be a non-negative int, got {n!r}")
    if noun not in _COUNT_NOUNS_UK:
        raise ValueError(f"unknown noun {noun!r}: expected one of {', '.join(COUNT_NOUNS)}")
    if case not in COUNT_CASES:
        raise ValueError(f"unknown case {case!r}: expected one of {', '.join(COUNT_CASES)}")
    figures = format_decimal(Decimal(n), lang, places=0)
    if lang == "en":
        singular, plural = _COUNT_NOUNS_EN[noun]
        return f"{figures} ({en_number_words(n)}) {singular if n == 1 else plural}"
    words, noun_form = _uk_count_phrase(n, _COUNT_NOUNS_UK[noun], case)
    return f"{figures} ({words}) {noun_form}"


# --------------------------------------------------------------------------- money


@dataclass(frozen=True)
class _UkUnit:
    """A Ukrainian currency noun: gender for the numeral, and the forms for one / few / many."""

    gender: Gender
    one: str
    few: str
    many: str

    def after(self, n: int) -> str:
        return {"one": self.one, "few": self.few, "many": self.many}[plural_category(n)]


@dataclass(frozen=True)
class Currency:
    """Names of a currency and its hundredth in both languages."""

    code: str
    uk_unit: _UkUnit
    uk_sub: _UkUnit
    en_unit: tuple[str, str]
    en_sub: tuple[str, str]


def _cur(code: str, unit: tuple[Gender, str, str, str], sub: tuple[Gender, str, str, str],
         en_unit: tuple[str, str], en_sub: tuple[str, str]) -> Currency:
    return Currency(code, _UkUnit(*unit), _UkUnit(*sub), en_unit, en_sub)


_CENT_UK: tuple[Gender, str, str, str] = ("m", "цент", "центи", "центів")
_ORE_UK: tuple[Gender, str, str, str] = ("n", "ере", "ере", "ере")

# «євро» is neuter and indeclinable in Ukrainian (одне євро). With 2–4 an adjective stands in
# the nominative plural («дві норвезькі крони», «два польські злоті»), as babel/CLDR also has it.
_CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        _cur("EUR", ("n", "євро", "євро", "євро"), _CENT_UK, ("euro", "euros"), ("cent", "cents")),
        _cur("UAH", ("f", "гривня", "гривні", "гривень"), ("f", "копійка", "копійки", "копійок"),
             ("hryvnia", "hryvnias"), ("kopiyka", "kopiykas")),
        _cur("USD", ("m", "долар США", "долари США", "доларів США"), _CENT_UK,
             ("US dollar", "US dollars"), ("cent", "cents")),
        _cur("GBP", ("m", "фунт стерлінгів", "фунти стерлінгів", "фунтів стерлінгів"), ("m", "пенс", "пенси", "пенсів"),
             ("pound sterling", "pounds sterling"), ("penny", "pence")),
        _cur("NOK", ("f", "норвезька крона", "норвезькі крони", "норвезьких крон"), _ORE_UK,
             ("Norwegian krone", "Norwegian kroner"), ("øre", "øre")),
        _cur("DKK", ("f", "данська крона", "данські крони", "данських крон"), _ORE_UK,
             ("Danish krone", "Danish kroner"), ("øre", "øre")),
        _cur("SEK", ("f", "шведська крона", "шведські крони", "шведських крон"), _ORE_UK,
             ("Swedish krona", "Swedish kronor"), ("öre", "öre")),
        _cur("PLN", ("m", "польський злотий", "польські злоті", "польських злотих"), ("m", "грош", "гроші", "грошів"),
             ("Polish złoty", "Polish złoty"), ("grosz", "groszy")),
        _cur("CZK", ("f", "чеська крона", "чеські крони", "чеських крон"), ("m", "гелер", "гелери", "гелерів"),
             ("Czech koruna", "Czech korunas"), ("haler", "halers")),
        _cur("CHF", ("m", "швейцарський франк", "швейцарські франки", "швейцарських франків"),
             ("m", "сантим", "сантими", "сантимів"), ("Swiss franc", "Swiss francs"), ("centime", "centimes")),
        _cur("CAD", ("m", "канадський долар", "канадські долари", "канадських доларів"), _CENT_UK,
             ("Canadian dollar", "Canadian dollars"), ("cent", "cents")),
    )
}
#: ISO 4217 codes that :func:`format_money` can spell out.
SUPPORTED_CURRENCIES: tuple[str, ...] = tuple(_CURRENCIES)


def _currency(code: str) -> Currency:
    if not isinstance(code, str) or code.strip().upper() not in _CURRENCIES:
        raise ValueError(
            f"unsupported currency {code!r}: expected one of {', '.join(SUPPORTED_CURRENCIES)}"
        )
    return _CURRENCIES[code.strip().upper()]


def _split_money(value: Decimal) -> tuple[Decimal, int, int]:
    """Validate a money amount and split it into (amount to 2 places, whole units, cents)."""
    amount = _as_decimal(value, "money amount")
    if amount < 0:
        raise ValueError(f"money amount must not be negative, got {amount}")
    if amount != amount.quantize(_CENT, rounding=ROUND_HALF_UP):
        raise ValueError(f"money amount has more than 2 decimal places: {amount}")
    if amount >= _MAX_AMOUNT:
        raise ValueError(f"money amount too large: {amount}")
    amount = amount.quantize(_CENT)
    whole = int(amount)
    cents = int((amount - whole) * 100)
    return amount, whole, cents


def _en_money_words(cur: Currency, whole: int, cents: int) -> str:
    unit = cur.en_unit[0] if whole == 1 else cur.en_unit[1]
    sub = cur.en_sub[0] if cents == 1 else cur.en_sub[1]
    if cents == 0:
        return f"{en_number_words(whole)} {unit}"
    if whole == 0:
        return f"{en_number_words(cents)} {sub}"
    return f"{en_number_words(whole)} {unit} and {en_number_words(cents)} {sub}"


def amount_in_words(value: Decimal, currency: str, lang: Lang) -> str:
    """Exactly the bracketed words of :func:`format_money`.

    uk: the whole units as a numeral agreeing with the currency noun («шість мільйонів триста
    сімдесят п’ять тисяч», «двадцять одна» for гривня); the noun and the cents follow the bracket.
    en: numeral, currency and cents: ``one thousand euros and fifty cents``.
    """
    _check_lang(lang)
    cur = _currency(currency)
    _, whole, cents = _split_money(value)
    if lang == "en":
        return _en_money_words(cur, whole, cents)
    return uk_number_words(whole, cur.uk_unit.gender, "nominative")


def format_money(value: Decimal, currency: str, lang: Lang) -> str:
    """The contract's money form.

    uk: ``6 375 000,00 (шість мільйонів триста сімдесят п’ять тисяч) євро 00 центів``
    en: ``EUR 6,375,000.00 (six million three hundred and seventy-five thousand euros)``
    """
    _check_lang(lang)
    cur = _currency(currency)
    amount, whole, cents = _split_money(value)
    figures = format_decimal(amount, lang, places=2)
    words = amount_in_words(amount, cur.code, lang)
    if lang == "en":
        return f"{cur.code} {figures} ({words})"
    return f"{figures} ({words}) {cur.uk_unit.after(whole)} {cents:02d} {cur.uk_sub.after(cents)}"


# --------------------------------------------------------------------------- countries and regions

# Ukrainian names chosen over babel's, with genitive and locative: official short forms that
# match the English used in agreements, and names the general decliner gets wrong.
_COUNTRY_UK: dict[str, tuple[str, str, str]] = {
    "UA": ("Україна", "України", "Україні"),
    # «Велика Британія»: the usual Ukrainian name, used by the Ministry of Foreign Affairs for the
    # embassy and in business texts; the full «Сполучене Королівство Великої Британії та Північної
    # Ірландії» is for treaties (a record can carry it as a full party name where needed).
    "GB": ("Велика Британія", "Великої Британії", "Великій Британії"),
    "US": ("Сполучені Штати Америки", "Сполучених Штатів Америки", "Сполучених Штатах Америки"),
    "CZ": ("Чеська Республіка", "Чеської Республіки", "Чеській Республіці"),
    "KR": ("Республіка Корея", "Республіки Корея", "Республіці Корея"),
    "CD": ("Демократична Республіка Конго", "Демократичної Республіки Конго", "Демократичній Республіці Конго"),
    "CG": ("Республіка Конго", "Республіки Конго", "Республіці Конго"),
    "HK": ("Гонконг", "Гонконгу", "Гонконзі"),
    "MO": ("Макао", "Макао", "Макао"),
    "MM": ("М’янма", "М’янми", "М’янмі"),
    "CI": ("Кот-д’Івуар", "Кот-д’Івуару", "Кот-д’Івуарі"),
    "BF": ("Буркіна-Фасо", "Буркіна-Фасо", "Буркіна-Фасо"),
    "CR": ("Коста-Рика", "Коста-Рики", "Коста-Риці"),
    "GW": ("Гвінея-Бісау", "Гвінеї-Бісау", "Гвінеї-Бісау"),
    "PG": ("Папуа-Нова Гвінея", "Папуа-Нової Гвінеї", "Папуа-Новій Гвінеї"),
    "LC": ("Сент-Люсія", "Сент-Люсії", "Сент-Люсії"),
    "LK": ("Шрі-Ланка", "Шрі-Ланки", "Шрі-Ланці"),
    "TL": ("Тимор-Лешті", "Тимору-Лешті", "Тиморі-Лешті"),
    "MF": ("Сен-Мартен", "Сен-Мартену", "Сен-Мартені"),
    "SX": ("Сінт-Мартен", "Сінт-Мартену", "Сінт-Мартені"),
    "GU": ("Гуам", "Гуаму", "Гуамі"),
    "CC": ("Кокосові (Кілінг) Острови", "Кокосових (Кілінг) Островів", "Кокосових (Кілінг) Островах"),
    "KN": ("Сент-Кітс і Невіс", "Сент-Кітсу і Невісу", "Сент-Кітсі і Невісі"),
    "VC": ("Сент-Вінсент і Гренадини", "Сент-Вінсенту і Гренадин", "Сент-Вінсенті і Гренадинах"),
    "PM": ("Сен-П’єр і Мікелон", "Сен-П’єру і Мікелону", "Сен-П’єрі і Мікелоні"),
    "SJ": ("Шпіцберген і Ян-Маєн", "Шпіцбергену і Ян-Маєну", "Шпіцбергені і Ян-Маєні"),
    "WF": ("Уолліс і Футуна", "Уолліса і Футуни", "Уоллісі і Футуні"),
    "HM": ("Острови Герд і Макдональд", "Островів Герд і Макдональд", "Островах Герд і Макдональд"),
    "KP": (
        "Корейська Народно-Демократична Республіка",
        "Корейської Народно-Демократичної Республіки",
        "Корейській Народно-Демократичній Республіці",
    ),
    "PS": ("Держава Палестина", "Держави Палестина", "Державі Палестина"),
}

# English names chosen over babel's en_GB forms (formal names fit an agreement).
_COUNTRY_EN: dict[str, str] = {
    "GB": "United Kingdom",
    "US": "United States",
    "CZ": "Czech Republic",
    "KR": "Republic of Korea",
    "KP": "Democratic People’s Republic of Korea",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "HK": "Hong Kong",
    "MO": "Macao",
    "MM": "Myanmar",
    "BQ": "Caribbean Netherlands",
    "UM": "United States Minor Outlying Islands",
    "VI": "United States Virgin Islands",
    "PS": "State of Palestine",
}
_EN_ARTICLE = re.compile(
    r"\b(Islands|Republic|Kingdom|States|Emirates|Territories|Territory|Netherlands|Philippines|"
    r"Maldives|Bahamas|Gambia|Comoros|Seychelles|Holy See|Isle of|State of)\b"
)


@cache
def _territories(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


def _check_case(case: str, allowed: tuple[str, ...]) -> None:
    if case not in allowed:
        raise ValueError(f"unknown case {case!r}: expected one of {', '.join(allowed)}")


def _check_country(code: str) -> str:
    if not isinstance(code, str) or not re.fullmatch(r"[A-Za-z]{2}", code.strip()):
        raise ValueError(f"not an ISO 3166-1 alpha-2 code: {code!r}")
    code = code.strip().upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"unknown country code {code!r}")
    return code


def _iso_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise ValueError(f"unknown country code {code!r}")
    return str(country.name)


def _with_article(name: str, article: bool) -> str:
    return f"the {name}" if article and _EN_ARTICLE.search(name) else name


def country_name(code: str, lang: Lang, case: str = "nominative", *, article: bool = True) -> str:
    """Name of a country by ISO 3166-1 alpha-2: Україна / України / Україні; Denmark, the United Kingdom.

    uk cases: nominative, genitive («законодавство України»), locative (the form after в/у:
    «Данії»; the preposition itself is the sentence's job because в/у alternate). English has
    no cases: any of them gives the same name, with "the" for names that need it (the United
    Kingdom, the Netherlands, the Czech Republic) unless ``article=False``.
    """
    _check_lang(lang)
    _check_case(case, PLACE_CASES)
    code = _check_country(code)
    if lang == "en":
        name = _COUNTRY_EN.get(code) or _territories("en_GB").get(code) or _iso_name(code)
        name = name.replace(" & ", " and ").replace("'", APOSTROPHE)
        return _with_article(name, article)
    if code in _COUNTRY_UK:
        return _COUNTRY_UK[code][PLACE_CASES.index(case)]
    nominative = _territories("uk").get(code)
    if nominative is None:
        raise ValueError(f"no Ukrainian name for country {code!r}")
    nominative = nominative.replace("\u02bc", APOSTROPHE).replace("'", APOSTROPHE)
    if case == "nominative":
        return nominative
    from dcity_docs.language.declension import decline_toponym_uk  # late import: declension uses our constants

    return decline_toponym_uk(nominative, case)


@lru_cache(maxsize=1)
def _regions() -> dict[str, dict[str, object]]:
    text = resources.files("dcity_docs").joinpath("data/regions.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, object]] = json.loads(text)
    return data


def region_codes() -> tuple[str, ...]:
    """The ISO 3166-2:UA codes with names (27: 24 oblasts, two cities, Crimea)."""
    return tuple(_regions())


def region_name(code: str, lang: Lang, case: str = "nominative", *, article: bool = True) -> str:
    """Region of Ukraine by ISO 3166-2:UA code: Житомирська область / Житомирської області; Zhytomyr Oblast.

    English names of the cities and Crimea carry "the" (the City of Kyiv, the Autonomous
    Republic of Crimea) unless ``article=False``.
    """
    _check_lang(lang)
    _check_case(case, PLACE_CASES)
    key = code.strip().upper() if isinstance(code, str) else ""
    region = _regions().get(key)
    if region is None:
        raise ValueError(f"unknown ISO 3166-2:UA region code {code!r}")
    if lang == "en":
        name = str(region["en"])
        return f"the {name}" if article and region.get("en_article") else name
    uk = region["uk"]
    assert isinstance(uk, dict)
    return str(uk[case])


# --------------------------------------------------------------------------- quotes and typography

_OPENERS = {"«", "„"}
_CLOSERS = {"»", "”"}


def _requote(text: str, inner: tuple[tuple[str, str], ...]) -> str:
    """Replace every quotation mark in ``text`` with the marks for its nesting level.

    « „ open, » ” close; “ closes a „ (Ukrainian inner pair) and otherwise opens (English);
    a straight " closes the last straight quote, otherwise opens.
    """
    stack: list[str] = []
    out: list[str] = []
    for ch in text:
        if ch in _OPENERS or ch in _CLOSERS or ch in ("“", '"'):
            closes = ch in _CLOSERS or (bool(stack) and (ch, stack[-1]) in (("“", "„"), ('"', '"')))
            if closes:
                level = max(len(stack) - 1, 0)
                if stack:
                    stack.pop()
                out.append(inner[level % len(inner)][1])
            else:
                out.append(inner[len(stack) % len(inner)][0])
                stack.append(ch)
        else:
            out.append(ch)
    return "".join(out)


def quote_uk(text: str) -> str:
    """«…» around the text; quotation marks inside become „…“: «ТОВ „Поліська зброярня“»."""
    return f"«{_requote(text, (('„', '“'),))}»"


def quote_en(text: str) -> str:
    """“…” around the text; quotation marks inside become ‘…’ (then “…” again one level deeper)."""
    return f"“{_requote(text, (('‘', '’'), ('“', '”')))}”"


_CYR = "\u0400-\u04ff"
_APOSTROPHE_RE = re.compile(rf"(?<=[{_CYR}])['\u02bc\u2018`](?=[{_CYR}])")
_SPACES = "[ \t\u00a0\u202f]"
_NUMBER_SIGN_RE = re.compile(rf"№{_SPACES}*(?=[\w])")
_ABBREVIATION_RE = re.compile(
    rf"(?<![\w.])(м|с|смт|вул|просп|пров|бульв|пл|буд|корп|кв|оф|ст|ч|п|пп|абз|розд|обл)\.{_SPACES}+(?=\S)"
)
_YEAR_RE = re.compile(rf"(?<=\d){_SPACES}+(?=(?:р|рр)\.)")
_PERCENT_RE = re.compile(rf"(?<=\d){_SPACES}*%")
_DIGIT_GROUP_RE = re.compile(r"(?<=\d)[ \u202f](?=\d{3}(?!\d))")
_UPPER = "А-ЩЬЮЯҐЄІЇ"
_INITIAL_BEFORE_RE = re.compile(rf"(?<![\w.])([{_UPPER}]\.){_SPACES}+(?=[{_UPPER}])")
_SURNAME_BEFORE_INITIAL_RE = re.compile(rf"(?<![\w])([{_UPPER}][{_CYR}’'-]+) +(?=[{_UPPER}]\.)")
_DASH_RE = re.compile(rf"(?<=[{_CYR}»“)]){_SPACES}+[-–—]{_SPACES}+")


def typography_uk(text: str) -> str:
    """Ukrainian typography on a text: one apostrophe (’) and the usual no-break spaces.

    * ASCII ', ʼ (U+02BC), ‘ and ` between Cyrillic letters become ’ (U+2019): Об'єкт → Об’єкт.
    * NBSP after «№» and abbreviations (м., с., вул., ст., ч., п. …), before «р.»/«рр.» and «%»
      after a number, between digit groups (12 500 000), and between initials and surname both
      ways (І. П. Коваленко, Коваленко І. П.).
    * A spaced hyphen after a Cyrillic word becomes NBSP + en dash: «(далі - «Сторона»)».
    Latin text and digits are never changed.
    """
    if not isinstance(text, str):
        raise ValueError("text must be a string")
    text = _APOSTROPHE_RE.sub(APOSTROPHE, text)
    text = _NUMBER_SIGN_RE.sub(f"№{NBSP}", text)
    text = _ABBREVIATION_RE.sub(lambda m: f"{m.group(1)}.{NBSP}", text)
    text = _YEAR_RE.sub(NBSP, text)
    text = _PERCENT_RE.sub(f"{NBSP}%", text)
    text = _DIGIT_GROUP_RE.sub(NBSP, text)
    text = _INITIAL_BEFORE_RE.sub(lambda m: f"{m.group(1)}{NBSP}", text)
    text = _SURNAME_BEFORE_INITIAL_RE.sub(lambda m: f"{m.group(1)}{NBSP}", text)
    text = _DASH_RE.sub(f"{NBSP}– ", text)
    return text

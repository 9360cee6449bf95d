"""Money: an amount in figures and in words in a currency's names, and bank account numbers.

uk: ``6 375 000,00 (шість мільйонів триста сімдесят п’ять тисяч) євро 00 центів``;
en: ``EUR 6,375,000.00 (six million three hundred and seventy-five thousand euros)``.
Bad arguments raise ``ValueError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dcity_docs.language.figures import as_decimal, format_decimal
from dcity_docs.language.langs import Lang, check_lang
from dcity_docs.language.numerals import Gender, en_number_words, plural_category, uk_number_words

_MAX_AMOUNT = Decimal(10) ** 15  # numerals are spelled up to трильйон / trillion
_CENT = Decimal("0.01")


def format_iban(iban: str) -> str:
    """IBAN print format: capitals in groups of four separated by ordinary spaces."""
    if not isinstance(iban, str):
        raise ValueError("IBAN must be a string")
    compact = re.sub(r"\s+", "", iban).upper()
    if not compact or not compact.isascii() or not compact.isalnum():
        raise ValueError(f"not an IBAN: {iban!r}")
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


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
    amount = as_decimal(value, "money amount")
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
    check_lang(lang)
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
    check_lang(lang)
    cur = _currency(currency)
    amount, whole, cents = _split_money(value)
    figures = format_decimal(amount, lang, places=2)
    words = amount_in_words(amount, cur.code, lang)
    if lang == "en":
        return f"{cur.code} {figures} ({words})"
    return f"{figures} ({words}) {cur.uk_unit.after(whole)} {cents:02d} {cur.uk_sub.after(cents)}"

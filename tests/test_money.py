"""Money in figures and words, currencies and IBANs as the contracts write them."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from babel.numbers import get_currency_name

from dcity_docs.language.money import SUPPORTED_CURRENCIES, amount_in_words, format_iban, format_money
from dcity_docs.language.typography import APOSTROPHE, NBSP

D = Decimal


def test_format_iban() -> None:
    assert format_iban("UA223052990000026001234567890") == "UA22 3052 9900 0002 6001 2345 6789 0"
    assert format_iban("DK5000400440116243") == "DK50 0040 0440 1162 43"
    assert format_iban(" dk50 0040 0440 1162 43 ") == "DK50 0040 0440 1162 43"
    with pytest.raises(ValueError):
        format_iban("DK50-0040")
    with pytest.raises(ValueError):
        format_iban("")


# --------------------------------------------------------------------------- money


def test_money_contract_forms() -> None:
    assert format_money(D("6375000.00"), "EUR", "uk") == (
        f"6{NBSP}375{NBSP}000,00 (шість мільйонів триста сімдесят п’ять тисяч) євро 00 центів"
    )
    assert format_money(D("6375000.00"), "EUR", "en") == (
        "EUR 6,375,000.00 (six million three hundred and seventy-five thousand euros)"
    )
    assert format_money(D("12500000.00"), "EUR", "uk") == (
        f"12{NBSP}500{NBSP}000,00 (дванадцять мільйонів п’ятсот тисяч) євро 00 центів"
    )
    assert format_money(D("12500000"), "EUR", "en") == (
        "EUR 12,500,000.00 (twelve million five hundred thousand euros)"
    )
    assert format_money(D("6125000.00"), "EUR", "en") == (
        "EUR 6,125,000.00 (six million one hundred and twenty-five thousand euros)"
    )


@pytest.mark.parametrize(
    ("value", "currency", "uk", "en"),
    [
        (D("1000.50"), "EUR", f"1{NBSP}000,50 (одна тисяча) євро 50 центів",
         "EUR 1,000.50 (one thousand euros and fifty cents)"),
        (D("1"), "EUR", "1,00 (одне) євро 00 центів", "EUR 1.00 (one euro)"),
        (D("1.01"), "EUR", "1,01 (одне) євро 01 цент", "EUR 1.01 (one euro and one cent)"),
        (D("2.02"), "EUR", "2,02 (два) євро 02 центи", "EUR 2.02 (two euros and two cents)"),
        (D("5.05"), "EUR", "5,05 (п’ять) євро 05 центів", "EUR 5.05 (five euros and five cents)"),
        (D("11.11"), "EUR", "11,11 (одинадцять) євро 11 центів", "EUR 11.11 (eleven euros and eleven cents)"),
        (D("21.21"), "EUR", "21,21 (двадцять одне) євро 21 цент",
         "EUR 21.21 (twenty-one euros and twenty-one cents)"),
        (D("0.50"), "EUR", "0,50 (нуль) євро 50 центів", "EUR 0.50 (fifty cents)"),
        # feminine currencies take feminine numerals
        (D("1"), "UAH", "1,00 (одна) гривня 00 копійок", "UAH 1.00 (one hryvnia)"),
        (D("2"), "UAH", "2,00 (дві) гривні 00 копійок", "UAH 2.00 (two hryvnias)"),
        (D("5"), "UAH", "5,00 (п’ять) гривень 00 копійок", "UAH 5.00 (five hryvnias)"),
        (D("21.01"), "UAH", "21,01 (двадцять одна) гривня 01 копійка",
         "UAH 21.01 (twenty-one hryvnias and one kopiyka)"),
        (D("22.22"), "UAH", "22,22 (двадцять дві) гривні 22 копійки",
         "UAH 22.22 (twenty-two hryvnias and twenty-two kopiykas)"),
        (D("1001"), "UAH", f"1{NBSP}001,00 (одна тисяча одна) гривня 00 копійок",
         "UAH 1,001.00 (one thousand and one hryvnias)"),
        (D("2000"), "UAH", f"2{NBSP}000,00 (дві тисячі) гривень 00 копійок", "UAH 2,000.00 (two thousand hryvnias)"),
        # adjective + noun currencies decline the adjective too
        (D("1"), "NOK", "1,00 (одна) норвезька крона 00 ере", "NOK 1.00 (one Norwegian krone)"),
        (D("2"), "NOK", "2,00 (дві) норвезькі крони 00 ере", "NOK 2.00 (two Norwegian kroner)"),
        (D("5.50"), "NOK", "5,50 (п’ять) норвезьких крон 50 ере", "NOK 5.50 (five Norwegian kroner and fifty øre)"),
        (D("3"), "DKK", "3,00 (три) данські крони 00 ере", "DKK 3.00 (three Danish kroner)"),
        (D("1"), "SEK", "1,00 (одна) шведська крона 00 ере", "SEK 1.00 (one Swedish krona)"),
        (D("7.01"), "SEK", "7,01 (сім) шведських крон 01 ере", "SEK 7.01 (seven Swedish kronor and one öre)"),
        (D("1"), "PLN", "1,00 (один) польський злотий 00 грошів", "PLN 1.00 (one Polish złoty)"),
        (D("4.04"), "PLN", "4,04 (чотири) польські злоті 04 гроші", "PLN 4.04 (four Polish złoty and four groszy)"),
        (D("9.01"), "PLN", "9,01 (дев’ять) польських злотих 01 грош", "PLN 9.01 (nine Polish złoty and one grosz)"),
        (D("2.50"), "CZK", "2,50 (дві) чеські крони 50 гелерів", "CZK 2.50 (two Czech korunas and fifty halers)"),
        (D("1"), "USD", "1,00 (один) долар США 00 центів", "USD 1.00 (one US dollar)"),
        (D("3.03"), "USD", "3,03 (три) долари США 03 центи", "USD 3.03 (three US dollars and three cents)"),
        (D("1.01"), "GBP", "1,01 (один) фунт стерлінгів 01 пенс", "GBP 1.01 (one pound sterling and one penny)"),
        (D("2.50"), "GBP", "2,50 (два) фунти стерлінгів 50 пенсів", "GBP 2.50 (two pounds sterling and fifty pence)"),
        (D("10"), "CHF", "10,00 (десять) швейцарських франків 00 сантимів", "CHF 10.00 (ten Swiss francs)"),
        (D("1.01"), "CHF", "1,01 (один) швейцарський франк 01 сантим", "CHF 1.01 (one Swiss franc and one centime)"),
        (D("2"), "CAD", "2,00 (два) канадські долари 00 центів", "CAD 2.00 (two Canadian dollars)"),
        (D("25"), "CAD", "25,00 (двадцять п’ять) канадських доларів 00 центів",
         "CAD 25.00 (twenty-five Canadian dollars)"),
    ],
)
def test_format_money(value: Decimal, currency: str, uk: str, en: str) -> None:
    assert format_money(value, currency, "uk") == uk
    assert format_money(value, currency, "en") == en


def test_huge_amount() -> None:
    value = D("999999999999.99")
    assert format_money(value, "EUR", "uk") == (
        f"999{NBSP}999{NBSP}999{NBSP}999,99 (дев’ятсот дев’яносто дев’ять мільярдів дев’ятсот дев’яносто "
        "дев’ять мільйонів дев’ятсот дев’яносто дев’ять тисяч дев’ятсот дев’яносто дев’ять) євро 99 центів"
    )
    assert format_money(value, "EUR", "en") == (
        "EUR 999,999,999,999.99 (nine hundred and ninety-nine billion nine hundred and ninety-nine million "
        "nine hundred and ninety-nine thousand nine hundred and ninety-nine euros and ninety-nine cents)"
    )
    assert format_money(D("1000000000000"), "UAH", "uk") == (
        f"1{NBSP}000{NBSP}000{NBSP}000{NBSP}000,00 (один трильйон) гривень 00 копійок"
    )


def test_amount_in_words_is_the_bracketed_part() -> None:
    assert amount_in_words(D("6375000.00"), "EUR", "uk") == "шість мільйонів триста сімдесят п’ять тисяч"
    assert amount_in_words(D("21"), "UAH", "uk") == "двадцять одна"
    assert amount_in_words(D("1000.50"), "EUR", "en") == "one thousand euros and fifty cents"
    for value in (D("6375000.00"), D("21.21"), D("1000.50")):
        for lang in ("uk", "en"):
            assert f"({amount_in_words(value, 'EUR', lang)})" in format_money(value, "EUR", lang)


def test_ukrainian_money_uses_one_apostrophe_and_nbsp() -> None:
    rng = random.Random(7)
    for _ in range(60):
        value = D(rng.randrange(0, 10**14)) / 100
        for currency in SUPPORTED_CURRENCIES:
            uk = format_money(value, currency, "uk")
            en = format_money(value, currency, "en")
            assert "'" not in uk and "\u02bc" not in uk
            words = en[en.index("(") + 1 : -1]
            assert "," not in words
            if value >= 1000:
                assert NBSP in uk.split(" (")[0]
                assert " " not in uk.split(" (")[0]
    assert APOSTROPHE in format_money(D("5"), "EUR", "uk")


@pytest.mark.parametrize("code", ["NOK", "DKK", "SEK", "PLN", "CZK", "CHF", "CAD", "USD"])
def test_currency_nouns_match_cldr(code: str) -> None:
    """Our one/few/many forms agree with CLDR's Ukrainian plural names (where we use the same name)."""
    for n, figures in ((1, "1,00"), (2, "2,00"), (5, "5,00")):
        text = format_money(D(n), code, "uk")
        noun = text.split(") ", 1)[1].rsplit(" 00 ", 1)[0]
        assert noun == get_currency_name(code, n, "uk"), (code, n)
        assert text.startswith(figures)


def test_money_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="XYZ"):
        format_money(D("1"), "XYZ", "uk")
    with pytest.raises(ValueError):
        format_money(1.5, "EUR", "uk")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_money(D("-1"), "EUR", "en")
    with pytest.raises(ValueError):
        format_money(D("1.005"), "EUR", "en")
    with pytest.raises(ValueError):
        format_money(D("1e15"), "EUR", "en")
    with pytest.raises(ValueError):
        format_money(D("1"), "EUR", "fr")  # type: ignore[arg-type]
    assert format_money(D("1"), "eur", "en") == "EUR 1.00 (one euro)"

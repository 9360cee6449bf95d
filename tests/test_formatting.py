"""Exact forms a Ukrainian and an international lawyer expect (see shared/contract/drafting-notes.md)."""

from __future__ import annotations

import random
import re
from datetime import date
from decimal import Decimal

import pycountry
import pytest
from babel.numbers import get_currency_name
from num2words import num2words

from dcity_docs.language import formatting as f
from dcity_docs.language.declension import transliterate
from dcity_docs.language.formatting import APOSTROPHE, NBSP

D = Decimal


# --------------------------------------------------------------------------- constants, dates


def test_constants() -> None:
    assert NBSP == "\u00a0"
    assert APOSTROPHE == "\u2019"


@pytest.mark.parametrize(
    ("d", "uk", "en"),
    [
        (date(2026, 9, 1), f"1 вересня 2026{NBSP}р.", "1 September 2026"),
        (date(2026, 10, 15), f"15 жовтня 2026{NBSP}р.", "15 October 2026"),
        (date(2026, 8, 20), f"20 серпня 2026{NBSP}р.", "20 August 2026"),
        (date(2027, 1, 31), f"31 січня 2027{NBSP}р.", "31 January 2027"),
        (date(2026, 5, 2), f"2 травня 2026{NBSP}р.", "2 May 2026"),
    ],
)
def test_format_date(d: date, uk: str, en: str) -> None:
    assert f.format_date(d, "uk") == uk
    assert f.format_date(d, "en") == en
    assert "\u202f" not in f.format_date(d, "uk")  # babel's long form puts U+202F before «р.»


def test_format_date_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        f.format_date(date(2026, 9, 1), "de")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        f.format_date("2026-09-01", "uk")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "places", "uk", "en"),
    [
        (D("12500000.00"), 2, f"12{NBSP}500{NBSP}000,00", "12,500,000.00"),
        (D("12500000"), 2, f"12{NBSP}500{NBSP}000,00", "12,500,000.00"),
        (D("999"), 2, "999,00", "999.00"),
        (D("1000"), 0, f"1{NBSP}000", "1,000"),
        (D("1.005"), 2, "1,01", "1.01"),  # half-up, not babel's half-even (1.00)
        (D("2.5"), 0, "3", "3"),
        (D("33.3300"), None, "33,33", "33.33"),
        (D("12500000.00"), None, f"12{NBSP}500{NBSP}000", "12,500,000"),
        (D("-1234.5"), 2, f"-1{NBSP}234,50", "-1,234.50"),
        (7, 2, "7,00", "7.00"),
    ],
)
def test_format_decimal(value: Decimal, places: int | None, uk: str, en: str) -> None:
    assert f.format_decimal(value, "uk", places) == uk
    assert f.format_decimal(value, "en", places) == en


def test_format_decimal_rejects_float_and_bad_places() -> None:
    with pytest.raises(ValueError):
        f.format_decimal(1.5, "uk")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        f.format_decimal(D("1"), "uk", -1)
    with pytest.raises(ValueError):
        f.format_decimal(D("NaN"), "en")


@pytest.mark.parametrize(
    ("value", "uk", "en"),
    [
        (D("51"), f"51{NBSP}%", "51%"),
        (D("49.00"), f"49{NBSP}%", "49%"),
        (D("100"), f"100{NBSP}%", "100%"),
        (D("33.33"), f"33,33{NBSP}%", "33.33%"),
        (D("12.5"), f"12,5{NBSP}%", "12.5%"),
        (D("33.333"), f"33,33{NBSP}%", "33.33%"),
    ],
)
def test_format_percent(value: Decimal, uk: str, en: str) -> None:
    assert f.format_percent(value, "uk") == uk
    assert f.format_percent(value, "en") == en


def test_format_iban() -> None:
    assert f.format_iban("UA223052990000026001234567890") == "UA22 3052 9900 0002 6001 2345 6789 0"
    assert f.format_iban("DK5000400440116243") == "DK50 0040 0440 1162 43"
    assert f.format_iban(" dk50 0040 0440 1162 43 ") == "DK50 0040 0440 1162 43"
    with pytest.raises(ValueError):
        f.format_iban("DK50-0040")
    with pytest.raises(ValueError):
        f.format_iban("")


# --------------------------------------------------------------------------- Ukrainian numerals


def _sample_numbers() -> list[int]:
    rng = random.Random(20260901)
    fixed = [0, 1, 2, 3, 4, 5, 10, 11, 12, 14, 19, 20, 21, 22, 25, 40, 90, 99, 100, 101, 111, 180, 200, 220,
             999, 1000, 1001, 2000, 2001, 5000, 11000, 21000, 22000, 100000, 1000000, 2000000, 5000001,
             1000000000, 999999999999]
    return fixed + [rng.randrange(0, 10**12) for _ in range(300)]


@pytest.mark.parametrize("gender", ["m", "f"])
def test_nominative_numerals_agree_with_num2words(gender: str) -> None:
    """num2words is right in the nominative (after fixing its ASCII apostrophe): compare back."""
    kwargs = {"gender": "feminine"} if gender == "f" else {}
    for n in _sample_numbers():
        expected = num2words(n, lang="uk", **kwargs).replace("'", APOSTROPHE)
        assert f.uk_number_words(n, gender) == expected, n  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "gender", "case", "words"),
    [
        (1, "m", "nominative", "один"),
        (1, "f", "nominative", "одна"),
        (1, "n", "nominative", "одне"),
        (2, "f", "nominative", "дві"),
        (2, "n", "nominative", "два"),
        (21, "f", "nominative", "двадцять одна"),
        (22, "f", "nominative", "двадцять дві"),
        (1000, "m", "genitive", "однієї тисячі"),  # num2words: «однієї тисячи»
        (21000, "m", "genitive", "двадцяти однієї тисячі"),
        (200, "m", "genitive", "двохсот"),  # num2words: «двохста»
        (220, "f", "genitive", "двохсот двадцяти"),
        (500, "m", "genitive", "п’ятисот"),
        (180, "m", "genitive", "ста вісімдесяти"),
        (2001, "f", "genitive", "двох тисяч однієї"),
        (1000000, "m", "genitive", "одного мільйона"),
        (40, "m", "genitive", "сорока"),
        (90, "m", "genitive", "дев’яноста"),
        (2, "m", "locative", "двох"),
        (1, "m", "locative", "одному"),
        (1, "f", "locative", "одній"),
        (300, "m", "locative", "трьохстах"),
        (1000, "m", "locative", "одній тисячі"),
        (5000, "m", "locative", "п’яти тисячах"),
        (1, "f", "accusative", "одну"),
        (1000, "m", "accusative", "одну тисячу"),
        (2000, "m", "accusative", "дві тисячі"),
        (0, "m", "genitive", "нуля"),
    ],
)
def test_uk_number_words_cases(n: int, gender: str, case: str, words: str) -> None:
    assert f.uk_number_words(n, gender, case) == words  # type: ignore[arg-type]


def test_en_number_words_have_no_commas_and_british_and() -> None:
    assert f.en_number_words(6375000) == "six million three hundred and seventy-five thousand"
    assert f.en_number_words(2001) == "two thousand and one"
    assert f.en_number_words(180) == "one hundred and eighty"
    for n in _sample_numbers():
        assert "," not in f.en_number_words(n)


def test_plural_category() -> None:
    assert [f.plural_category(n) for n in (0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1001)] == [
        "many", "one", "few", "few", "many", "many", "many", "many", "one", "few", "many", "one", "many", "many", "one",
    ]


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("n", "noun", "case", "uk"),
    [
        (10, "year", "nominative", "10 (десять) років"),
        (1, "year", "nominative", "1 (один) рік"),
        (2, "year", "nominative", "2 (два) роки"),
        (4, "year", "nominative", "4 (чотири) роки"),
        (5, "year", "nominative", "5 (п’ять) років"),
        (11, "year", "nominative", "11 (одинадцять) років"),
        (21, "year", "nominative", "21 (двадцять один) рік"),
        (22, "year", "nominative", "22 (двадцять два) роки"),
        (25, "year", "nominative", "25 (двадцять п’ять) років"),
        (50, "year", "nominative", "50 (п’ятдесят) років"),
        (10, "year", "genitive", "10 (десяти) років"),
        (1, "year", "genitive", "1 (одного) року"),
        (180, "job", "nominative", "180 (сто вісімдесят) робочих місць"),
        (1, "job", "nominative", "1 (одне) робоче місце"),
        (2, "job", "nominative", "2 (два) робочі місця"),
        (21, "job", "nominative", "21 (двадцять одне) робоче місце"),
        (180, "job", "genitive", "180 (ста вісімдесяти) робочих місць"),
        (2, "hour", "genitive", "2 (двох) годин"),
        (1, "hour", "genitive", "1 (однієї) години"),
        (21, "hour", "genitive", "21 (двадцяти однієї) години"),
        (2, "hour", "nominative", "2 (дві) години"),
        (1, "hour", "nominative", "1 (одна) година"),
        (24, "hour", "nominative", "24 (двадцять чотири) години"),
        (48, "hour", "genitive", "48 (сорока восьми) годин"),
        (220, "person", "nominative", "220 (двісті двадцять) осіб"),
        (220, "person", "genitive", "220 (двохсот двадцяти) осіб"),
        (1, "person", "nominative", "1 (одна) особа"),
        (22, "person", "nominative", "22 (двадцять дві) особи"),
        (100, "person", "nominative", "100 (сто) осіб"),
        (1000, "person", "nominative", f"1{NBSP}000 (одна тисяча) осіб"),
        (2001, "person", "nominative", f"2{NBSP}001 (дві тисячі одна) особа"),
        (3, "arbitrator", "nominative", "3 (три) арбітри"),
        (3, "arbitrator", "genitive", "3 (трьох) арбітрів"),
        (1, "arbitrator", "genitive", "1 (одного) арбітра"),
        (3, "arbitrator", "accusative", "3 (трьох) арбітрів"),
        (1, "arbitrator", "accusative", "1 (одного) арбітра"),
        (5, "arbitrator", "accusative", "5 (п’ять) арбітрів"),
        (22, "arbitrator", "accusative", "22 (двадцять два) арбітри"),
        (1, "year", "accusative", "1 (один) рік"),
        (1, "hour", "accusative", "1 (одну) годину"),
        (2, "copy", "locative", "2 (двох) примірниках"),
        (1, "copy", "locative", "1 (одному) примірнику"),
        (30, "day", "nominative", "30 (тридцять) днів"),
        (3, "day", "nominative", "3 (три) дні"),
        (10, "calendar_day", "genitive", "10 (десяти) календарних днів"),
        (5, "working_day", "nominative", "5 (п’ять) робочих днів"),
        (6, "month", "genitive", "6 (шести) місяців"),
    ],
)
def test_format_count_uk(n: int, noun: str, case: str, uk: str) -> None:
    assert f.format_count(n, "uk", noun, case) == uk


@pytest.mark.parametrize(
    ("n", "noun", "en"),
    [
        (10, "year", "10 (ten) years"),
        (1, "year", "1 (one) year"),
        (180, "job", "180 (one hundred and eighty) jobs"),
        (2, "hour", "2 (two) hours"),
        (220, "person", "220 (two hundred and twenty) persons"),
        (3, "arbitrator", "3 (three) arbitrators"),
        (1, "arbitrator", "1 (one) arbitrator"),
        (2, "copy", "2 (two) copies"),
        (1200, "job", "1,200 (one thousand two hundred) jobs"),
    ],
)
def test_format_count_en(n: int, noun: str, en: str) -> None:
    assert f.format_count(n, "en", noun) == en
    assert f.format_count(n, "en", noun, "genitive") == en  # English has no cases


def test_format_count_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown noun"):
        f.format_count(1, "uk", "parsec")
    with pytest.raises(ValueError, match="unknown case"):
        f.format_count(1, "uk", "year", "vocative")
    with pytest.raises(ValueError):
        f.format_count(-1, "uk", "year")
    with pytest.raises(ValueError):
        f.format_count(True, "uk", "year")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- money


def test_money_contract_forms() -> None:
    assert f.format_money(D("6375000.00"), "EUR", "uk") == (
        f"6{NBSP}375{NBSP}000,00 (шість мільйонів триста сімдесят п’ять тисяч) євро 00 центів"
    )
    assert f.format_money(D("6375000.00"), "EUR", "en") == (
        "EUR 6,375,000.00 (six million three hundred and seventy-five thousand euros)"
    )
    assert f.format_money(D("12500000.00"), "EUR", "uk") == (
        f"12{NBSP}500{NBSP}000,00 (дванадцять мільйонів п’ятсот тисяч) євро 00 центів"
    )
    assert f.format_money(D("12500000"), "EUR", "en") == (
        "EUR 12,500,000.00 (twelve million five hundred thousand euros)"
    )
    assert f.format_money(D("6125000.00"), "EUR", "en") == (
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
    assert f.format_money(value, currency, "uk") == uk
    assert f.format_money(value, currency, "en") == en


def test_huge_amount() -> None:
    value = D("999999999999.99")
    assert f.format_money(value, "EUR", "uk") == (
        f"999{NBSP}999{NBSP}999{NBSP}999,99 (дев’ятсот дев’яносто дев’ять мільярдів дев’ятсот дев’яносто "
        "дев’ять мільйонів дев’ятсот дев’яносто дев’ять тисяч дев’ятсот дев’яносто дев’ять) євро 99 центів"
    )
    assert f.format_money(value, "EUR", "en") == (
        "EUR 999,999,999,999.99 (nine hundred and ninety-nine billion nine hundred and ninety-nine million "
        "nine hundred and ninety-nine thousand nine hundred and ninety-nine euros and ninety-nine cents)"
    )
    assert f.format_money(D("1000000000000"), "UAH", "uk") == (
        f"1{NBSP}000{NBSP}000{NBSP}000{NBSP}000,00 (один трильйон) гривень 00 копійок"
    )


def test_amount_in_words_is_the_bracketed_part() -> None:
    assert f.amount_in_words(D("6375000.00"), "EUR", "uk") == "шість мільйонів триста сімдесят п’ять тисяч"
    assert f.amount_in_words(D("21"), "UAH", "uk") == "двадцять одна"
    assert f.amount_in_words(D("1000.50"), "EUR", "en") == "one thousand euros and fifty cents"
    for value in (D("6375000.00"), D("21.21"), D("1000.50")):
        for lang in ("uk", "en"):
            assert f"({f.amount_in_words(value, 'EUR', lang)})" in f.format_money(value, "EUR", lang)


def test_ukrainian_money_uses_one_apostrophe_and_nbsp() -> None:
    rng = random.Random(7)
    for _ in range(60):
        value = D(rng.randrange(0, 10**14)) / 100
        for currency in f.SUPPORTED_CURRENCIES:
            uk = f.format_money(value, currency, "uk")
            en = f.format_money(value, currency, "en")
            assert "'" not in uk and "\u02bc" not in uk
            words = en[en.index("(") + 1 : -1]
            assert "," not in words
            if value >= 1000:
                assert NBSP in uk.split(" (")[0]
                assert " " not in uk.split(" (")[0]
    assert APOSTROPHE in f.format_money(D("5"), "EUR", "uk")


@pytest.mark.parametrize("code", ["NOK", "DKK", "SEK", "PLN", "CZK", "CHF", "CAD", "USD"])
def test_currency_nouns_match_cldr(code: str) -> None:
    """Our one/few/many forms agree with CLDR's Ukrainian plural names (where we use the same name)."""
    for n, figures in ((1, "1,00"), (2, "2,00"), (5, "5,00")):
        text = f.format_money(D(n), code, "uk")
        noun = text.split(") ", 1)[1].rsplit(" 00 ", 1)[0]
        assert noun == get_currency_name(code, n, "uk"), (code, n)
        assert text.startswith(figures)


def test_money_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="XYZ"):
        f.format_money(D("1"), "XYZ", "uk")
    with pytest.raises(ValueError):
        f.format_money(1.5, "EUR", "uk")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        f.format_money(D("-1"), "EUR", "en")
    with pytest.raises(ValueError):
        f.format_money(D("1.005"), "EUR", "en")
    with pytest.raises(ValueError):
        f.format_money(D("1e15"), "EUR", "en")
    with pytest.raises(ValueError):
        f.format_money(D("1"), "EUR", "fr")  # type: ignore[arg-type]
    assert f.format_money(D("1"), "eur", "en") == "EUR 1.00 (one euro)"


# --------------------------------------------------------------------------- countries and regions


@pytest.mark.parametrize(
    ("code", "nom", "gen", "loc", "en"),
    [
        ("UA", "Україна", "України", "Україні", "Ukraine"),
        ("DK", "Данія", "Данії", "Данії", "Denmark"),
        ("NO", "Норвегія", "Норвегії", "Норвегії", "Norway"),
        ("GB", "Велика Британія", "Великої Британії", "Великій Британії", "the United Kingdom"),
        ("US", "Сполучені Штати Америки", "Сполучених Штатів Америки", "Сполучених Штатах Америки",
         "the United States"),
        ("NL", "Нідерланди", "Нідерландів", "Нідерландах", "the Netherlands"),
        ("CZ", "Чеська Республіка", "Чеської Республіки", "Чеській Республіці", "the Czech Republic"),
        ("DE", "Німеччина", "Німеччини", "Німеччині", "Germany"),
        ("PL", "Польща", "Польщі", "Польщі", "Poland"),
        ("LT", "Литва", "Литви", "Литві", "Lithuania"),
        ("IL", "Ізраїль", "Ізраїлю", "Ізраїлі", "Israel"),
        ("LU", "Люксембург", "Люксембургу", "Люксембурзі", "Luxembourg"),
        ("CY", "Кіпр", "Кіпру", "Кіпрі", "Cyprus"),
        ("NZ", "Нова Зеландія", "Нової Зеландії", "Новій Зеландії", "New Zealand"),
        ("MK", "Північна Македонія", "Північної Македонії", "Північній Македонії", "North Macedonia"),
        ("AE", "Об’єднані Арабські Емірати", "Об’єднаних Арабських Еміратів", "Об’єднаних Арабських Еміратах",
         "the United Arab Emirates"),
        ("BA", "Боснія і Герцеговина", "Боснії і Герцеговини", "Боснії і Герцеговині", "Bosnia and Herzegovina"),
        ("KR", "Республіка Корея", "Республіки Корея", "Республіці Корея", "the Republic of Korea"),
        ("CN", "Китай", "Китаю", "Китаї", "China"),
        ("IQ", "Ірак", "Іраку", "Іраку", "Iraq"),
        ("SG", "Сінгапур", "Сінгапуру", "Сінгапурі", "Singapore"),
        ("SS", "Південний Судан", "Південного Судану", "Південному Судані", "South Sudan"),
        ("IM", "Острів Мен", "Острова Мен", "Острові Мен", "the Isle of Man"),
        ("CL", "Чилі", "Чилі", "Чилі", "Chile"),
        ("TR", "Туреччина", "Туреччини", "Туреччині", "Türkiye"),
        ("PH", "Філіппіни", "Філіппін", "Філіппінах", "the Philippines"),
        ("JM", "Ямайка", "Ямайки", "Ямайці", "Jamaica"),
        ("CR", "Коста-Рика", "Коста-Рики", "Коста-Риці", "Costa Rica"),
    ],
)
def test_country_name(code: str, nom: str, gen: str, loc: str, en: str) -> None:
    assert f.country_name(code, "uk") == nom
    assert f.country_name(code, "uk", "genitive") == gen
    assert f.country_name(code, "uk", "locative") == loc
    assert f.country_name(code, "en") == en
    assert f.country_name(code, "en", "genitive") == en
    assert f.country_name(code, "en", article=False) == en.removeprefix("the ")


def test_every_country_has_names_in_both_languages() -> None:
    for country in pycountry.countries:
        for case in f.PLACE_CASES:
            uk = f.country_name(country.alpha_2, "uk", case)
            assert re.search("[А-Яа-яІіЇїЄєҐґ]", uk), country.alpha_2
            assert "'" not in uk and "\u02bc" not in uk, uk
        en = f.country_name(country.alpha_2, "en")
        assert en and "&" not in en and "'" not in en, en


def test_country_name_rejects_bad_codes() -> None:
    for bad in ("XX", "UKR", "", "U1"):
        with pytest.raises(ValueError):
            f.country_name(bad, "uk")
    with pytest.raises(ValueError, match="unknown case"):
        f.country_name("UA", "uk", "dative")
    assert f.country_name("dk", "uk", "genitive") == "Данії"


def test_regions_match_iso_3166_2_ua() -> None:
    iso = {s.code: s for s in pycountry.subdivisions.get(country_code="UA")}
    assert set(f.region_codes()) == set(iso)
    assert len(iso) == 27
    for code, sub in iso.items():
        nominative = f.region_name(code, "uk")
        # The ISO names are the official transliteration of the Ukrainian ones.
        if nominative.endswith(" область"):
            assert transliterate(nominative.removesuffix(" область")) == sub.name.removesuffix(" oblast"), code
            assert f.region_name(code, "en").endswith(" Oblast")
        elif nominative.startswith("місто "):
            assert transliterate(nominative.removeprefix("місто ")) == sub.name, code
        else:
            assert transliterate(nominative) == sub.name, code
        for case in f.PLACE_CASES:
            assert f.region_name(code, "uk", case)


@pytest.mark.parametrize(
    ("code", "nom", "gen", "loc", "en"),
    [
        ("UA-18", "Житомирська область", "Житомирської області", "Житомирській області", "Zhytomyr Oblast"),
        ("UA-32", "Київська область", "Київської області", "Київській області", "Kyiv Oblast"),
        ("UA-46", "Львівська область", "Львівської області", "Львівській області", "Lviv Oblast"),
        ("UA-26", "Івано-Франківська область", "Івано-Франківської області", "Івано-Франківській області",
         "Ivano-Frankivsk Oblast"),
        ("UA-23", "Запорізька область", "Запорізької області", "Запорізькій області", "Zaporizhzhia Oblast"),
        ("UA-51", "Одеська область", "Одеської області", "Одеській області", "Odesa Oblast"),
        ("UA-68", "Хмельницька область", "Хмельницької області", "Хмельницькій області", "Khmelnytskyi Oblast"),
        ("UA-30", "місто Київ", "міста Києва", "місті Києві", "the City of Kyiv"),
        ("UA-40", "місто Севастополь", "міста Севастополя", "місті Севастополі", "the City of Sevastopol"),
        ("UA-43", "Автономна Республіка Крим", "Автономної Республіки Крим", "Автономній Республіці Крим",
         "the Autonomous Republic of Crimea"),
    ],
)
def test_region_name(code: str, nom: str, gen: str, loc: str, en: str) -> None:
    assert f.region_name(code, "uk") == nom
    assert f.region_name(code, "uk", "genitive") == gen
    assert f.region_name(code, "uk", "locative") == loc
    assert f.region_name(code, "en") == en
    assert f.region_name(code, "en", article=False) == en.removeprefix("the ")


def test_region_name_rejects_unknown_code() -> None:
    for bad in ("UA-99", "UA18", "DK-84", ""):
        with pytest.raises(ValueError):
            f.region_name(bad, "uk")


# --------------------------------------------------------------------------- quotes and typography


@pytest.mark.parametrize(
    ("text", "uk", "en"),
    [
        ("Сторона", "«Сторона»", "“Сторона”"),
        ("ТОВ «Поліська зброярня»", "«ТОВ „Поліська зброярня“»", "“ТОВ ‘Поліська зброярня’”"),
        ('Закон "Про оборону"', "«Закон „Про оборону“»", "“Закон ‘Про оборону’”"),
        ("„вже“ всередині", "«„вже“ всередині»", "“‘вже’ всередині”"),
        ("the “Ministry”", "«the „Ministry“»", "“the ‘Ministry’”"),
        ("Søren’s", "«Søren’s»", "“Søren’s”"),
    ],
)
def test_quotes(text: str, uk: str, en: str) -> None:
    assert f.quote_uk(text) == uk
    assert f.quote_en(text) == en


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Об'єкт «Вереск-17»", "Об’єкт «Вереск-17»"),
        ("Знамʼянка, м'ята, пір‘я", "Знам’янка, м’ята, пір’я"),
        ("№ 220/1/15 та №5", f"№{NBSP}220/1/15 та №{NBSP}5"),
        ("м. Київ, вул. Київська, 48", f"м.{NBSP}Київ, вул.{NBSP}Київська, 48"),
        ("1 вересня 2026 р.", f"1 вересня 2026{NBSP}р."),
        ("І. П. Коваленко", f"І.{NBSP}П.{NBSP}Коваленко"),
        ("Коваленко І. П.", f"Коваленко{NBSP}І.{NBSP}П."),
        ("(далі - «Міністерство»)", f"(далі{NBSP}– «Міністерство»)"),
        ("12 500 000,00 євро, 51%", f"12{NBSP}500{NBSP}000,00 євро, 51{NBSP}%"),
        ("ст. 635 ч. 2", f"ст.{NBSP}635 ч.{NBSP}2"),
    ],
)
def test_typography_uk(text: str, expected: str) -> None:
    assert f.typography_uk(text) == expected
    assert f.typography_uk(expected) == expected  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        "Danforge's A/S - don't",
        "Søren Holm Jensen, Industrivej 12, 7400 Herning",
        "UA223052990000026001234567890 DABADKKK 39170000",
        "ПРОЄКТ. Сторони",
        "2026-10-15",
    ],
)
def test_typography_uk_leaves_latin_and_digits(text: str) -> None:
    assert f.typography_uk(text) == text

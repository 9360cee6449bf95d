"""Ukrainian and English number words and counted nouns, as a lawyer expects them."""

from __future__ import annotations

import random

import pytest
from num2words import num2words

from dcity_docs.language.numerals import en_number_words, format_count, plural_category, uk_number_words
from dcity_docs.language.typography import APOSTROPHE, NBSP


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
        assert uk_number_words(n, gender) == expected, n  # type: ignore[arg-type]


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
    assert uk_number_words(n, gender, case) == words  # type: ignore[arg-type]


def test_en_number_words_have_no_commas_and_british_and() -> None:
    assert en_number_words(6375000) == "six million three hundred and seventy-five thousand"
    assert en_number_words(2001) == "two thousand and one"
    assert en_number_words(180) == "one hundred and eighty"
    for n in _sample_numbers():
        assert "," not in en_number_words(n)


def test_plural_category() -> None:
    assert [plural_category(n) for n in (0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1001)] == [
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
    assert format_count(n, "uk", noun, case) == uk


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
    assert format_count(n, "en", noun) == en
    assert format_count(n, "en", noun, "genitive") == en  # English has no cases


def test_format_count_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown noun"):
        format_count(1, "uk", "parsec")
    with pytest.raises(ValueError, match="unknown case"):
        format_count(1, "uk", "year", "vocative")
    with pytest.raises(ValueError):
        format_count(-1, "uk", "year")
    with pytest.raises(ValueError):
        format_count(True, "uk", "year")  # type: ignore[arg-type]

"""Number words: Ukrainian cardinals in every case and gender, English cardinals, and counts.

num2words' Ukrainian uses the ASCII apostrophe and gets oblique cases wrong («однієї тисячи»,
«двохста»); Ukrainian numerals are therefore spelled by the tables below (nominative, genitive,
accusative, locative in three genders) and the nominative is checked against num2words in the
tests. Its English puts commas between groups: removed. Bad arguments raise ``ValueError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from num2words import num2words

from dcity_docs.language.figures import format_decimal
from dcity_docs.language.langs import Lang, check_lang

#: Grammatical cases accepted by :func:`format_count`.
COUNT_CASES: tuple[str, ...] = ("nominative", "genitive", "accusative", "locative")

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
    "per_cent": _noun("m", False, ("відсоток", "відсотка", "відсоток", "відсотку"), ("відсотки", "відсотків", "відсотках")),
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
    "per_cent": ("per cent", "per cent"),
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
    check_lang(lang)
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

"""How the agreement writes the numbers of its terms in figures and words in both languages: a
percentage, and a count of meetings in the genitive."""

from __future__ import annotations

from dcity_docs.language.numerals import en_number_words, plural_category, uk_number_words
from dcity_docs.wording.catalogs import Bi


def pct(n: int) -> Bi:
    """A term's percentage in figures and words («75 (сімдесят п’ять) відсотків», "75 (seventy-five)
    per cent"), as every number of an agreement is written."""
    noun = {"one": "відсоток", "few": "відсотки", "many": "відсотків"}[plural_category(n)]
    return Bi(f"{n} ({uk_number_words(n, 'm')}) {noun}", f"{n} ({en_number_words(n)}) per cent")


def uk_words(n: int) -> str:
    """A count in Ukrainian words, in the genitive («двох»), as after «на ... засіданнях поспіль»."""
    return uk_number_words(n, "m", "genitive")


def en_words(n: int) -> str:
    """A count in English words."""
    return en_number_words(n)

"""Numbers in figures: digit groups, decimal places and percentages in each language.

babel rounds half-to-even and, in newer CLDR data, groups Ukrainian digits with U+202F; we
round half-up ourselves and always use U+00A0 (NBSP). Bad arguments raise ``ValueError``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import format_decimal as _babel_format_decimal

from dcity_docs.language.langs import Lang, babel_locale, check_lang
from dcity_docs.language.typography import NBSP


def as_decimal(value: object, what: str = "value") -> Decimal:
    """Accept Decimal or int (exact), never float: money must not pass through binary floats."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise ValueError(f"{what} must be a decimal.Decimal or int, not {type(value).__name__}")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return result


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


@lru_cache(maxsize=4096, typed=True)  # Babel's formatting is slow, and amounts repeat in a document
def format_decimal(value: Decimal, lang: Lang, places: int | None = 2) -> str:
    """``12 500 000,00`` (NBSP groups) / ``12,500,000.00``; ``places=None`` drops trailing zeros."""
    check_lang(lang)
    number = as_decimal(value)
    if places is None:
        places = _natural_places(number)
    elif isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise ValueError(f"places must be a non-negative int or None, got {places!r}")
    number = _quantize(number, places)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    text = _babel_format_decimal(
        number, format=pattern, locale=babel_locale(lang), decimal_quantization=False
    )
    if lang == "uk":
        text = re.sub(r"[\u202f\u2009 ]", NBSP, text)
    return text


def format_percent(value: Decimal, lang: Lang) -> str:
    """``51 %`` / ``51%``; decimals (at most two) only when the share is not a whole number."""
    check_lang(lang)
    number = _quantize(as_decimal(value), 2)
    figures = format_decimal(number, lang, places=None)
    return f"{figures}{NBSP}%" if lang == "uk" else f"{figures}%"

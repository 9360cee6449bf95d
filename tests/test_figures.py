"""Numbers in figures: digit groups, decimals, percentages in each language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dcity_docs.language.figures import format_decimal, format_percent
from dcity_docs.language.typography import NBSP

D = Decimal


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
    assert format_decimal(value, "uk", places) == uk
    assert format_decimal(value, "en", places) == en


def test_format_decimal_rejects_float_and_bad_places() -> None:
    with pytest.raises(ValueError):
        format_decimal(1.5, "uk")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_decimal(D("1"), "uk", -1)
    with pytest.raises(ValueError):
        format_decimal(D("NaN"), "en")


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
    assert format_percent(value, "uk") == uk
    assert format_percent(value, "en") == en

"""Dates as the agreements write them (see shared/contract/drafting-notes.md)."""

from __future__ import annotations

from datetime import date

import pytest

from dcity_docs.language.dates import format_date
from dcity_docs.language.typography import NBSP


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
    assert format_date(d, "uk") == uk
    assert format_date(d, "en") == en
    assert "\u202f" not in format_date(d, "uk")  # babel's long form puts U+202F before «р.»


def test_format_date_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        format_date(date(2026, 9, 1), "de")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_date("2026-09-01", "uk")  # type: ignore[arg-type]

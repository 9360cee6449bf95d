"""Dates as the agreements write them: «1 вересня 2026 р.» / «1 September 2026».

babel's long Ukrainian date puts U+202F before «р.»; the date is built from the pattern
``d MMMM y`` and NBSP + «р.» added by hand.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as _babel_format_date

from dcity_docs.language.langs import Lang, babel_locale, check_lang
from dcity_docs.language.typography import NBSP


def format_date(d: date, lang: Lang) -> str:
    """``1 вересня 2026 р.`` / ``1 September 2026``: never ISO or US forms in the text."""
    check_lang(lang)
    if not isinstance(d, date):
        raise ValueError(f"expected a date, got {type(d).__name__}")
    text = _babel_format_date(d, "d MMMM y", locale=babel_locale(lang))
    if lang == "uk":
        return f"{text}{NBSP}р."
    return text

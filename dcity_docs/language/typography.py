"""Typography: quotation marks, the apostrophe, no-break spaces, and "uk / en" joins.

The lowest module of the language layer (it imports nothing from it): declension, dates,
figures, numerals, money and places take NBSP and APOSTROPHE from here.
"""

from __future__ import annotations

import re
from functools import lru_cache

NBSP = "\u00a0"
APOSTROPHE = "\u2019"

#: What stands between the Ukrainian and the English text when one string carries both.
BILINGUAL_SEPARATOR = " / "


def join_bilingual(uk: str, en: str, *, one_if_same: bool = True) -> str:
    """One string for both languages: «Договір / Agreement», «1. Предмет / Subject».

    ``one_if_same`` gives the text once when both languages say the same (an id, a name);
    places that have always shown both halves pass ``one_if_same=False``.
    """
    if one_if_same and uk == en:
        return uk
    return f"{uk}{BILINGUAL_SEPARATOR}{en}"


_OPENERS = {"«", "„"}
_CLOSERS = {"»", "”"}


def _requote(text: str, inner: tuple[tuple[str, str], ...]) -> str:
    """Replace every quotation mark in ``text`` with the marks for its nesting level.

    « „ open, » ” close; “ closes a „ (Ukrainian inner pair) and otherwise opens (English);
    a straight " closes the last straight quote, otherwise opens.
    """
    stack: list[str] = []
    out: list[str] = []
    for ch in text:
        if ch in _OPENERS or ch in _CLOSERS or ch in ("“", '"'):
            closes = ch in _CLOSERS or (bool(stack) and (ch, stack[-1]) in (("“", "„"), ('"', '"')))
            if closes:
                level = max(len(stack) - 1, 0)
                if stack:
                    stack.pop()
                out.append(inner[level % len(inner)][1])
            else:
                out.append(inner[len(stack) % len(inner)][0])
                stack.append(ch)
        else:
            out.append(ch)
    return "".join(out)


def quote_uk(text: str) -> str:
    """«…» around the text; quotation marks inside become „…“: «ТОВ „Поліська зброярня“»."""
    return f"«{_requote(text, (('„', '“'),))}»"


def quote_en(text: str) -> str:
    """“…” around the text; quotation marks inside become ‘…’ (then “…” again one level deeper)."""
    return f"“{_requote(text, (('‘', '’'), ('“', '”')))}”"


_CYR = "\u0400-\u04ff"
_APOSTROPHE_RE = re.compile(rf"(?<=[{_CYR}])['\u02bc\u2018`](?=[{_CYR}])")
_SPACES = "[ \t\u00a0\u202f]"
_NUMBER_SIGN_RE = re.compile(rf"№{_SPACES}*(?=[\w])")
_ABBREVIATION_RE = re.compile(
    rf"(?<![\w.])(м|с|смт|вул|просп|пров|бульв|пл|буд|корп|кв|оф|ст|ч|п|пп|абз|розд|обл)\.{_SPACES}+(?=\S)"
)
_YEAR_RE = re.compile(rf"(?<=\d){_SPACES}+(?=(?:р|рр)\.)")
_PERCENT_RE = re.compile(rf"(?<=\d){_SPACES}*%")
_DIGIT_GROUP_RE = re.compile(r"(?<=\d)[ \u202f](?=\d{3}(?!\d))")
_UPPER = "А-ЩЬЮЯҐЄІЇ"
_INITIAL_BEFORE_RE = re.compile(rf"(?<![\w.])([{_UPPER}]\.){_SPACES}+(?=[{_UPPER}])")
_SURNAME_BEFORE_INITIAL_RE = re.compile(rf"(?<![\w])([{_UPPER}][{_CYR}’'-]+) +(?=[{_UPPER}]\.)")
_DASH_RE = re.compile(rf"(?<=[{_CYR}»“)]){_SPACES}+[-–—]{_SPACES}+")


def typography_uk(text: str) -> str:
    """Ukrainian typography on a text: one apostrophe (’) and the usual no-break spaces.

    * ASCII ', ʼ (U+02BC), ‘ and ` between Cyrillic letters become ’ (U+2019): Об'єкт → Об’єкт.
    * NBSP after «№» and abbreviations (м., с., вул., ст., ч., п. …), before «р.»/«рр.» and «%»
      after a number, between digit groups (12 500 000), and between initials and surname both
      ways (І. П. Коваленко, Коваленко І. П.).
    * A spaced hyphen after a Cyrillic word becomes NBSP + en dash: «(далі - «Сторона»)».
    Latin text and digits are never changed.
    """
    if not isinstance(text, str):
        raise ValueError("text must be a string")
    text = _APOSTROPHE_RE.sub(APOSTROPHE, text)
    text = _NUMBER_SIGN_RE.sub(f"№{NBSP}", text)
    text = _ABBREVIATION_RE.sub(lambda m: f"{m.group(1)}.{NBSP}", text)
    text = _YEAR_RE.sub(NBSP, text)
    text = _PERCENT_RE.sub(f"{NBSP}%", text)
    text = _DIGIT_GROUP_RE.sub(NBSP, text)
    text = _INITIAL_BEFORE_RE.sub(lambda m: f"{m.group(1)}{NBSP}", text)
    text = _SURNAME_BEFORE_INITIAL_RE.sub(lambda m: f"{m.group(1)}{NBSP}", text)
    text = _DASH_RE.sub(f"{NBSP}– ", text)
    return text


# --- where a line must not break ------------------------------------------------------------

NB_HYPHEN = "\u2011"
"""A hyphen that never ends a line (Word's ``w:noBreakHyphen``, which the rendering writes for it):
inside an agreement number «DC‑2026‑014». Its PDF text is the plain hyphen, so a search finds the id."""

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
)
_KEEP_TOGETHER = (
    # an IBAN in groups of four: UA22 3052 9900 0002 6001 2345 6789 0
    re.compile(r"\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4})+(?: [A-Z0-9]{1,3})?\b"),
    # a date: 15 жовтня 2026 р., 15 October 2026
    re.compile(rf"\b\d{{1,2}} (?:{_MONTHS}) \d{{4}}\b"),
    # an amount after its currency code: EUR 12,500,000.00
    re.compile(r"\b[A-Z]{3} (?=\d)"),
    # the currency and cents after a Ukrainian amount in words: ) євро 00 центів
    re.compile(r"(?<=\) )[^\s()]+ \d{2} [^\s()]+"),
    # No. 220/1/15, № 220/1/15
    re.compile(r"(?:\bNo\.|№) (?=\w)"),
    # an initial before a surname: I. Kovalenko
    re.compile(r"\b[A-Z]\. (?=[A-Z])"),
    # the abbreviation of a legal form before the quoted name: ТОВ «Поліська зброярня», LLC “…”
    re.compile(r"\b(?:ТОВ|ТзОВ|ПрАТ|ПАТ|АТ|ДП|ДК|LLC|JSC|PJSC|PrJSC|SE) (?=[«“„\"])"),
)
#: A code of capitals and digits joined by hyphens: DC-2026-014, UA-18.
_CODE_RE = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b")
#: Any of the patterns above, in one search: most clauses have none, and one search is cheaper
#: than a substitution for each (made from them, so a pattern added above is never skipped).
_MAY_KEEP = re.compile("|".join(f"(?:{p.pattern})" for p in (*_KEEP_TOGETHER, _CODE_RE)))


@lru_cache(maxsize=16384)  # the same clause texts come back in every document of a batch
def unbreakable(text: str) -> str:
    """``text`` with no line break where a reader would stumble: no-break spaces inside IBANs,
    dates, an amount and its currency code, «№ 220/1/15» / "No. 220/1/15", between an initial
    and a surname and between a legal form and the name («ТОВ «…»», LLC “…”); non-breaking hyphens
    (:data:`NB_HYPHEN`) inside codes such as agreement numbers.
    The one place that decides it: every text of a document passes through here before layout."""
    if not _MAY_KEEP.search(text):
        return text
    for pattern in _KEEP_TOGETHER:
        text = pattern.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return _CODE_RE.sub(lambda m: m.group(0).replace("-", NB_HYPHEN), text)

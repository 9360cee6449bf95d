"""The two output languages and what names them: run language tags, Babel locales.

One place for them, so that a document's language tag, the locale its dates and numbers are
formatted in and the languages a catalog exists for cannot drift apart.
"""

from __future__ import annotations

from typing import Literal

from babel import Locale

Lang = Literal["uk", "en"]
LANGS: tuple[Lang, ...] = ("uk", "en")

#: BCP 47 tags for Word's runs and document properties and the PDF's /Lang.
LANG_TAGS: dict[Lang, str] = {"uk": "uk-UA", "en": "en-GB"}

#: Babel locale names for dates, numbers, lists and territory names.
BABEL_LOCALES: dict[Lang, str] = {"uk": "uk", "en": "en_GB"}
# Parsed once: babel would parse the locale name again on every number and date it formats.
_LOCALES = {lang: Locale.parse(name) for lang, name in BABEL_LOCALES.items()}


def babel_locale(lang: Lang) -> Locale:
    """The parsed Babel locale of an output language."""
    return _LOCALES[lang]


def check_lang(lang: str) -> None:
    """Reject anything but the two output languages early, with a clear message."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected 'uk' or 'en'")

"""Whether a foreign given name is a man's or a woman's, from its Latin form and the country.

A Ukrainian preamble declines every name, and a foreign name declines by the bearer's sex
(«Джеймса Сміта», «Інгрід Ларсен»). A Ukrainian name tells by its patronymic; a foreign one does
not, and shevchenko's list of given names is a list of Ukrainian ones (it takes «Інгрід» for a
man). The record holds the Latin form of every name as the passport gives it, so that is what is
looked up, in gender-guesser's dictionary (Jörg Michael's list of about 40,000 first names with
their use by country), in the country of the party the signatory acts for: Andrea is a man's
name in Italy and a woman's in Germany.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Literal

Sex = Literal["masculine", "feminine"]
Verdict = Literal["masculine", "feminine", "both"]

# ISO 3166-1 alpha-2 → the country names of gender-guesser's dictionary.
_COUNTRIES: dict[str, str] = {
    "GB": "great_britain", "IE": "ireland", "US": "usa", "CA": "usa", "AU": "great_britain",
    "NZ": "great_britain", "IT": "italy", "MT": "malta", "PT": "portugal", "ES": "spain",
    "FR": "france", "BE": "belgium", "LU": "luxembourg", "NL": "the_netherlands", "DE": "germany",
    "AT": "austria", "CH": "swiss", "LI": "swiss", "IS": "iceland", "DK": "denmark", "NO": "norway",
    "SE": "sweden", "FI": "finland", "EE": "estonia", "LV": "latvia", "LT": "lithuania",
    "PL": "poland", "CZ": "czech_republic", "SK": "slovakia", "HU": "hungary", "RO": "romania",
    "BG": "bulgaria", "BA": "bosniaand", "HR": "croatia", "XK": "kosovo", "MK": "macedonia",
    "ME": "montenegro", "RS": "serbia", "SI": "slovenia", "AL": "albania", "GR": "greece",
    "CY": "greece", "MD": "moldova", "UA": "ukraine", "AM": "armenia", "AZ": "azerbaijan",
    "GE": "georgia", "KZ": "the_stans", "UZ": "the_stans", "TM": "the_stans", "KG": "the_stans",
    "TJ": "the_stans", "TR": "turkey", "IL": "israel", "SA": "arabia", "AE": "arabia",
    "QA": "arabia", "KW": "arabia", "BH": "arabia", "OM": "arabia", "JO": "arabia", "CN": "china",
    "TW": "china", "IN": "india", "JP": "japan", "KR": "korea", "VN": "vietnam",
}

_ANSWERS: dict[str, Sex] = {
    "male": "masculine", "mostly_male": "masculine",
    "female": "feminine", "mostly_female": "feminine",
}


@lru_cache(maxsize=1)
def _detector() -> Any:
    """Loaded on first use; the dictionary is read, not parsed (see :class:`_Names`)."""
    import gender_guesser.detector

    class Detector(gender_guesser.detector.Detector):
        def _parse(self, filename: str) -> None:
            self.names = _Names(filename, gender_guesser.detector.Detector._eat_name_line,
                                case_sensitive=self.case_sensitive)

    return Detector(case_sensitive=False)


_PIECES = {" ": "[+ -]", "-": "[+ -]", "\x00": "(?:\x00|i\\+*\u0307)"}
"""What a character of a name matches in the lower-cased text besides itself (a NUL stands for
'i' and U+0307, 'İ' lower-cased, which is a NUL in that text)."""


class _Names(dict):  # type: ignore[type-arg]
    """gender-guesser's ``names`` (name -> {sex: uses by country}), each name parsed when it is
    first asked for. The whole dictionary (49,000 lines) took half a second to parse, most of it
    its line-by-line reading, on every command that declines a foreign name (every ``render``);
    one name's lines are found with one search of the text. A name's entry is made from exactly
    the lines, in the file's order, that gender-guesser's own parse makes it from (a line
    ``Jean+Pierre`` also gives ``jeanpierre``, ``jean pierre``, ``jean-pierre``), so every answer
    is the same (the tests compare the two)."""

    def __init__(self, filename: str, eat: Callable[[Any, str], None], *, case_sensitive: bool):
        super().__init__()
        with open(filename, encoding="utf-8", newline="") as fh:
            text = fh.read()
        # Lines as gender-guesser's codecs reader splits them (str.splitlines, "\r\n" kept
        # together), and where each begins in the text.
        self._lines = text.splitlines(keepends=True)
        self._starts = list(itertools.accumulate((len(line) for line in self._lines[:-1]), initial=0))
        # The text searched, lower-cased as gender-guesser lower-cases a name, one character for
        # one ('İ', the one letter that lower-cases to two, 'i' and U+0307, is put as a NUL).
        self._text = text if case_sensitive else text.replace("\u0130", "\x00").lower()
        if len(self._text) != len(text):  # pragma: no cover - no other such letter in Unicode 15
            self._text = "".join(line.lower() for line in self._lines)
            self._starts = list(itertools.accumulate((len(line.lower()) for line in self._lines[:-1]), initial=0))
        self._eat = eat
        self._case_sensitive = case_sensitive
        self._searched: set[str] = set()

    def _search(self, key: object) -> None:
        if not isinstance(key, str) or key in self._searched:
            return
        self._searched.add(key)
        # Every line where the name may be: a '+' may stand between any two of its letters (it is
        # dropped, or read as a space or a hyphen). A superset: the parse of those lines decides.
        pattern = r"\+*".join(_PIECES.get(ch) or re.escape(ch) for ch in key.replace("i\u0307", "\x00"))
        found = re.finditer(pattern + r"\+*(?!\S)", self._text)  # a literal first: a fast search
        lines = sorted({bisect.bisect_right(self._starts, m.start()) - 1 for m in found})
        one: dict[str, dict[str, str]] = {}
        parser = _Parser(one, self._case_sensitive)
        for index in lines:
            line = self._lines[index].strip()
            if line:
                self._eat(parser, line)
        if key in one:
            dict.__setitem__(self, key, one[key])

    def __contains__(self, key: object) -> bool:
        self._search(key)
        return dict.__contains__(self, key)

    def __getitem__(self, key: str) -> dict[str, str]:
        self._search(key)
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        self._search(key)
        return dict.get(self, key, default)


class _Parser:
    """What gender-guesser's line parser writes into: its ``names`` and its ``_set``."""

    def __init__(self, names: dict[str, dict[str, str]], case_sensitive: bool):
        import gender_guesser.detector

        self.names = names
        self.case_sensitive = case_sensitive
        self._set = gender_guesser.detector.Detector._set.__get__(self)


def _ascii(name: str) -> str:
    """Søren → Soren: the dictionary spells some names only without their diacritics."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ø", "o").replace("Ø", "O")
                                       .replace("ł", "l").replace("Ł", "L").replace("æ", "ae"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def first_given_name(latin_full_name: str) -> str | None:
    """The first given name of a name written as in a passport, given name first (James Oliver
    SMITH → James); the part before a hyphen (Jean-Pierre → Jean). A word in capitals is a
    family name written first (SMITH James → James)."""
    words = [w for w in latin_full_name.split() if any(ch.isalpha() for ch in w)]
    for word in words:
        if not (word.isupper() and len(word) > 1):
            return word.split("-")[0].strip(".,") or None
    return None


def _listed_in(detector: Any, spelling: str, country: str) -> bool:
    """Whether the dictionary gives the name any use in that country (else it answers 'andy')."""
    index = detector.COUNTRIES.index(country)
    uses = detector.names.get(spelling.lower(), {}).values()
    return any(len(values) > index and values[index] != " " for values in uses)


def sex_of_given_name(latin_given_name: str, country: str | None = None) -> Verdict | None:
    """'masculine' or 'feminine' where the dictionary says so (mostly so counts) for that country,
    or for all countries where the name is not used in that one; 'both' where it is used as much
    for men as for women (Dominique in France); None where the dictionary does not know it."""
    detector = _detector()
    where = _COUNTRIES.get((country or "").upper())
    for spelling in dict.fromkeys((latin_given_name, _ascii(latin_given_name))):
        if not spelling:
            continue
        if where and _listed_in(detector, spelling, where):
            answer = detector.get_gender(spelling, where)
        else:
            answer = detector.get_gender(spelling)
        if answer == "andy":
            return "both"
        if answer in _ANSWERS:
            return _ANSWERS[answer]
    return None

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

import unicodedata
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
    """Loaded on first use (a quarter of a second): most names are decided by a patronymic."""
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


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

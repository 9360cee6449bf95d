"""Names of places: countries (ISO 3166-1) and Ukraine's regions (ISO 3166-2:UA), in cases.

babel's Ukrainian territory names use U+02BC (Обʼєднані…); we use U+2019 throughout. babel's
British names use "&" and informal forms (Czechia, Congo - Kinshasa): corrected. Other Ukrainian
country names are declined by :func:`declension.decline_toponym_uk`.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

import pycountry

from dcity_docs.language.declension import decline_toponym_uk
from dcity_docs.language.langs import Lang, babel_locale, check_lang
from dcity_docs.language.typography import APOSTROPHE

#: Grammatical cases accepted by :func:`country_name` and :func:`region_name`.
PLACE_CASES: tuple[str, ...] = ("nominative", "genitive", "locative")

# Ukrainian names chosen over babel's, with genitive and locative: official short forms that
# match the English used in agreements, and names the general decliner gets wrong.
_COUNTRY_UK: dict[str, tuple[str, str, str]] = {
    "UA": ("Україна", "України", "Україні"),
    # «Велика Британія»: the usual Ukrainian name, used by the Ministry of Foreign Affairs for the
    # embassy and in business texts; the full «Сполучене Королівство Великої Британії та Північної
    # Ірландії» is for treaties (a record can carry it as a full party name where needed).
    "GB": ("Велика Британія", "Великої Британії", "Великій Британії"),
    "US": ("Сполучені Штати Америки", "Сполучених Штатів Америки", "Сполучених Штатах Америки"),
    "CZ": ("Чеська Республіка", "Чеської Республіки", "Чеській Республіці"),
    "KR": ("Республіка Корея", "Республіки Корея", "Республіці Корея"),
    "CD": ("Демократична Республіка Конго", "Демократичної Республіки Конго", "Демократичній Республіці Конго"),
    "CG": ("Республіка Конго", "Республіки Конго", "Республіці Конго"),
    "HK": ("Гонконг", "Гонконгу", "Гонконзі"),
    "MO": ("Макао", "Макао", "Макао"),
    "MM": ("М’янма", "М’янми", "М’янмі"),
    "CI": ("Кот-д’Івуар", "Кот-д’Івуару", "Кот-д’Івуарі"),
    "BF": ("Буркіна-Фасо", "Буркіна-Фасо", "Буркіна-Фасо"),
    "CR": ("Коста-Рика", "Коста-Рики", "Коста-Риці"),
    "GW": ("Гвінея-Бісау", "Гвінеї-Бісау", "Гвінеї-Бісау"),
    "PG": ("Папуа-Нова Гвінея", "Папуа-Нової Гвінеї", "Папуа-Новій Гвінеї"),
    "LC": ("Сент-Люсія", "Сент-Люсії", "Сент-Люсії"),
    "LK": ("Шрі-Ланка", "Шрі-Ланки", "Шрі-Ланці"),
    "TL": ("Тимор-Лешті", "Тимору-Лешті", "Тиморі-Лешті"),
    "MF": ("Сен-Мартен", "Сен-Мартену", "Сен-Мартені"),
    "SX": ("Сінт-Мартен", "Сінт-Мартену", "Сінт-Мартені"),
    "GU": ("Гуам", "Гуаму", "Гуамі"),
    "CC": ("Кокосові (Кілінг) Острови", "Кокосових (Кілінг) Островів", "Кокосових (Кілінг) Островах"),
    "KN": ("Сент-Кітс і Невіс", "Сент-Кітсу і Невісу", "Сент-Кітсі і Невісі"),
    "VC": ("Сент-Вінсент і Гренадини", "Сент-Вінсенту і Гренадин", "Сент-Вінсенті і Гренадинах"),
    "PM": ("Сен-П’єр і Мікелон", "Сен-П’єру і Мікелону", "Сен-П’єрі і Мікелоні"),
    "SJ": ("Шпіцберген і Ян-Маєн", "Шпіцбергену і Ян-Маєну", "Шпіцбергені і Ян-Маєні"),
    "WF": ("Уолліс і Футуна", "Уолліса і Футуни", "Уоллісі і Футуні"),
    "HM": ("Острови Герд і Макдональд", "Островів Герд і Макдональд", "Островах Герд і Макдональд"),
    "KP": (
        "Корейська Народно-Демократична Республіка",
        "Корейської Народно-Демократичної Республіки",
        "Корейській Народно-Демократичній Республіці",
    ),
    "PS": ("Держава Палестина", "Держави Палестина", "Державі Палестина"),
}

# English names chosen over babel's en_GB forms (formal names fit an agreement).
_COUNTRY_EN: dict[str, str] = {
    "GB": "United Kingdom",
    "US": "United States",
    "CZ": "Czech Republic",
    "KR": "Republic of Korea",
    "KP": "Democratic People’s Republic of Korea",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "HK": "Hong Kong",
    "MO": "Macao",
    "MM": "Myanmar",
    "BQ": "Caribbean Netherlands",
    "UM": "United States Minor Outlying Islands",
    "VI": "United States Virgin Islands",
    "PS": "State of Palestine",
}
_EN_ARTICLE = re.compile(
    r"\b(Islands|Republic|Kingdom|States|Emirates|Territories|Territory|Netherlands|Philippines|"
    r"Maldives|Bahamas|Gambia|Comoros|Seychelles|Holy See|Isle of|State of)\b"
)


@cache
def _territories(lang: Lang) -> dict[str, str]:
    return dict(babel_locale(lang).territories)


def _check_case(case: str, allowed: tuple[str, ...]) -> None:
    if case not in allowed:
        raise ValueError(f"unknown case {case!r}: expected one of {', '.join(allowed)}")


def _check_country(code: str) -> str:
    if not isinstance(code, str) or not re.fullmatch(r"[A-Za-z]{2}", code.strip()):
        raise ValueError(f"not an ISO 3166-1 alpha-2 code: {code!r}")
    code = code.strip().upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"unknown country code {code!r}")
    return code


def _iso_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise ValueError(f"unknown country code {code!r}")
    return str(country.name)


def _with_article(name: str, article: bool) -> str:
    return f"the {name}" if article and _EN_ARTICLE.search(name) else name


def country_name(code: str, lang: Lang, case: str = "nominative", *, article: bool = True) -> str:
    """Name of a country by ISO 3166-1 alpha-2: Україна / України / Україні; Denmark, the United Kingdom.

    uk cases: nominative, genitive («законодавство України»), locative (the form after в/у:
    «Данії»; the preposition itself is the sentence's job because в/у alternate). English has
    no cases: any of them gives the same name, with "the" for names that need it (the United
    Kingdom, the Netherlands, the Czech Republic) unless ``article=False``.
    """
    check_lang(lang)
    _check_case(case, PLACE_CASES)
    code = _check_country(code)
    if lang == "en":
        name = _COUNTRY_EN.get(code) or _territories("en").get(code) or _iso_name(code)
        name = name.replace(" & ", " and ").replace("'", APOSTROPHE)
        return _with_article(name, article)
    if code in _COUNTRY_UK:
        return _COUNTRY_UK[code][PLACE_CASES.index(case)]
    nominative = _territories("uk").get(code)
    if nominative is None:
        raise ValueError(f"no Ukrainian name for country {code!r}")
    nominative = nominative.replace("\u02bc", APOSTROPHE).replace("'", APOSTROPHE)
    if case == "nominative":
        return nominative
    return decline_toponym_uk(nominative, case)


@lru_cache(maxsize=1)
def _regions() -> dict[str, dict[str, object]]:
    text = resources.files("dcity_docs").joinpath("data/regions.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, object]] = json.loads(text)
    return data


def region_codes() -> tuple[str, ...]:
    """The ISO 3166-2:UA codes with names (27: 24 oblasts, two cities, Crimea)."""
    return tuple(_regions())


def region_name(code: str, lang: Lang, case: str = "nominative", *, article: bool = True) -> str:
    """Region of Ukraine by ISO 3166-2:UA code: Житомирська область / Житомирської області; Zhytomyr Oblast.

    English names of the cities and Crimea carry "the" (the City of Kyiv, the Autonomous
    Republic of Crimea) unless ``article=False``.
    """
    check_lang(lang)
    _check_case(case, PLACE_CASES)
    key = code.strip().upper() if isinstance(code, str) else ""
    region = _regions().get(key)
    if region is None:
        raise ValueError(f"unknown ISO 3166-2:UA region code {code!r}")
    if lang == "en":
        name = str(region["en"])
        return f"the {name}" if article and region.get("en_article") else name
    uk = region["uk"]
    assert isinstance(uk, dict)
    return str(uk[case])

"""Countries and regions of Ukraine in the cases the agreements need."""

from __future__ import annotations

import re

import pycountry
import pytest

from dcity_docs.record.codes import UA_REGION_CODES

from dcity_docs.language.declension import transliterate
from dcity_docs.language.places import PLACE_CASES, country_name, region_codes, region_name


# --------------------------------------------------------------------------- countries and regions


@pytest.mark.parametrize(
    ("code", "nom", "gen", "loc", "en"),
    [
        ("UA", "Україна", "України", "Україні", "Ukraine"),
        ("DK", "Данія", "Данії", "Данії", "Denmark"),
        ("NO", "Норвегія", "Норвегії", "Норвегії", "Norway"),
        ("GB", "Велика Британія", "Великої Британії", "Великій Британії", "the United Kingdom"),
        ("US", "Сполучені Штати Америки", "Сполучених Штатів Америки", "Сполучених Штатах Америки",
         "the United States"),
        ("NL", "Нідерланди", "Нідерландів", "Нідерландах", "the Netherlands"),
        ("CZ", "Чеська Республіка", "Чеської Республіки", "Чеській Республіці", "the Czech Republic"),
        ("DE", "Німеччина", "Німеччини", "Німеччині", "Germany"),
        ("PL", "Польща", "Польщі", "Польщі", "Poland"),
        ("LT", "Литва", "Литви", "Литві", "Lithuania"),
        ("IL", "Ізраїль", "Ізраїлю", "Ізраїлі", "Israel"),
        ("LU", "Люксембург", "Люксембургу", "Люксембурзі", "Luxembourg"),
        ("CY", "Кіпр", "Кіпру", "Кіпрі", "Cyprus"),
        ("NZ", "Нова Зеландія", "Нової Зеландії", "Новій Зеландії", "New Zealand"),
        ("MK", "Північна Македонія", "Північної Македонії", "Північній Македонії", "North Macedonia"),
        ("AE", "Об’єднані Арабські Емірати", "Об’єднаних Арабських Еміратів", "Об’єднаних Арабських Еміратах",
         "the United Arab Emirates"),
        ("BA", "Боснія і Герцеговина", "Боснії і Герцеговини", "Боснії і Герцеговині", "Bosnia and Herzegovina"),
        ("KR", "Республіка Корея", "Республіки Корея", "Республіці Корея", "the Republic of Korea"),
        ("CN", "Китай", "Китаю", "Китаї", "China"),
        ("IQ", "Ірак", "Іраку", "Іраку", "Iraq"),
        ("SG", "Сінгапур", "Сінгапуру", "Сінгапурі", "Singapore"),
        ("SS", "Південний Судан", "Південного Судану", "Південному Судані", "South Sudan"),
        ("IM", "Острів Мен", "Острова Мен", "Острові Мен", "the Isle of Man"),
        ("CL", "Чилі", "Чилі", "Чилі", "Chile"),
        ("TR", "Туреччина", "Туреччини", "Туреччині", "Türkiye"),
        ("PH", "Філіппіни", "Філіппін", "Філіппінах", "the Philippines"),
        ("JM", "Ямайка", "Ямайки", "Ямайці", "Jamaica"),
        ("CR", "Коста-Рика", "Коста-Рики", "Коста-Риці", "Costa Rica"),
    ],
)
def test_country_name(code: str, nom: str, gen: str, loc: str, en: str) -> None:
    assert country_name(code, "uk") == nom
    assert country_name(code, "uk", "genitive") == gen
    assert country_name(code, "uk", "locative") == loc
    assert country_name(code, "en") == en
    assert country_name(code, "en", "genitive") == en
    assert country_name(code, "en", article=False) == en.removeprefix("the ")


def test_every_country_has_names_in_both_languages() -> None:
    for country in pycountry.countries:
        for case in PLACE_CASES:
            uk = country_name(country.alpha_2, "uk", case)
            assert re.search("[А-Яа-яІіЇїЄєҐґ]", uk), country.alpha_2
            assert "'" not in uk and "\u02bc" not in uk, uk
        en = country_name(country.alpha_2, "en")
        assert en and "&" not in en and "'" not in en, en


def test_country_name_rejects_bad_codes() -> None:
    for bad in ("XX", "UKR", "", "U1"):
        with pytest.raises(ValueError):
            country_name(bad, "uk")
    with pytest.raises(ValueError, match="unknown case"):
        country_name("UA", "uk", "dative")
    assert country_name("dk", "uk", "genitive") == "Данії"


def test_regions_match_iso_3166_2_ua() -> None:
    iso = {s.code: s for s in pycountry.subdivisions.get(country_code="UA")}
    assert set(region_codes()) == set(iso)
    assert UA_REGION_CODES == set(iso)  # what validation accepts
    assert len(iso) == 27
    for code, sub in iso.items():
        nominative = region_name(code, "uk")
        # The ISO names are the official transliteration of the Ukrainian ones.
        if nominative.endswith(" область"):
            assert transliterate(nominative.removesuffix(" область")) == sub.name.removesuffix(" oblast"), code
            assert region_name(code, "en").endswith(" Oblast")
        elif nominative.startswith("місто "):
            assert transliterate(nominative.removeprefix("місто ")) == sub.name, code
        else:
            assert transliterate(nominative) == sub.name, code
        for case in PLACE_CASES:
            assert region_name(code, "uk", case)


@pytest.mark.parametrize(
    ("code", "nom", "gen", "loc", "en"),
    [
        ("UA-18", "Житомирська область", "Житомирської області", "Житомирській області", "Zhytomyr Oblast"),
        ("UA-32", "Київська область", "Київської області", "Київській області", "Kyiv Oblast"),
        ("UA-46", "Львівська область", "Львівської області", "Львівській області", "Lviv Oblast"),
        ("UA-26", "Івано-Франківська область", "Івано-Франківської області", "Івано-Франківській області",
         "Ivano-Frankivsk Oblast"),
        ("UA-23", "Запорізька область", "Запорізької області", "Запорізькій області", "Zaporizhzhia Oblast"),
        ("UA-51", "Одеська область", "Одеської області", "Одеській області", "Odesa Oblast"),
        ("UA-68", "Хмельницька область", "Хмельницької області", "Хмельницькій області", "Khmelnytskyi Oblast"),
        ("UA-30", "місто Київ", "міста Києва", "місті Києві", "the City of Kyiv"),
        ("UA-40", "місто Севастополь", "міста Севастополя", "місті Севастополі", "the City of Sevastopol"),
        ("UA-43", "Автономна Республіка Крим", "Автономної Республіки Крим", "Автономній Республіці Крим",
         "the Autonomous Republic of Crimea"),
    ],
)
def test_region_name(code: str, nom: str, gen: str, loc: str, en: str) -> None:
    assert region_name(code, "uk") == nom
    assert region_name(code, "uk", "genitive") == gen
    assert region_name(code, "uk", "locative") == loc
    assert region_name(code, "en") == en
    assert region_name(code, "en", article=False) == en.removeprefix("the ")


def test_region_name_rejects_unknown_code() -> None:
    for bad in ("UA-99", "UA18", "DK-84", ""):
        with pytest.raises(ValueError):
            region_name(bad, "uk")

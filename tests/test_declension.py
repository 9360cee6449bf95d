"""Names, positions and authorities in the Ukrainian preamble; signatures; transliteration."""

from __future__ import annotations

import pytest

from dcity_docs import declension as d
from dcity_docs.declension import PersonName
from dcity_docs.formatting import APOSTROPHE, NBSP

# --------------------------------------------------------------------------- parsing names


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Умєров Рустем Енверович", PersonName("Умєров", "Рустем", "Енверович", "family_first")),
        ("Коваленко Ірина Петрівна", PersonName("Коваленко", "Ірина", "Петрівна", "family_first")),
        ("Сьорен Голм Єнсен", PersonName("Єнсен", "Сьорен", None, "given_first", ("Голм",))),
        ("Сьорен Єнсен", PersonName("Єнсен", "Сьорен", None, "given_first")),
        # a surname in -вич is no patronymic when the middle word is one
        ("Роман Йосипович Шухевич", PersonName("Шухевич", "Роман", "Йосипович", "given_first")),
        ("Шухевич Роман Йосипович", PersonName("Шухевич", "Роман", "Йосипович", "family_first")),
        ("Ганс ван дер Берг", PersonName("ван дер Берг", "Ганс", None, "given_first")),
        ("  Коваленко   Ірина  Петрівна ", PersonName("Коваленко", "Ірина", "Петрівна", "family_first")),
        ("Ковальська Марія Іллічна", PersonName("Ковальська", "Марія", "Іллічна", "family_first")),
        ("Мар'яна В'юн", PersonName("В’юн", "Мар’яна", None, "given_first")),
    ],
)
def test_parse_person_uk(full: str, expected: PersonName) -> None:
    assert d.parse_person_uk(full) == expected


def test_parse_two_word_name_family_first_on_request() -> None:
    assert d.parse_person_uk("Коваленко Ірина", order="family_first") == PersonName(
        "Коваленко", "Ірина", None, "family_first"
    )


@pytest.mark.parametrize("bad", ["", "   ", "Рустем"])
def test_parse_person_uk_rejects_single_words(bad: str) -> None:
    with pytest.raises(ValueError):
        d.parse_person_uk(bad)


# --------------------------------------------------------------------------- genitive names


@pytest.mark.parametrize(
    ("full", "genitive"),
    [
        ("Умєров Рустем Енверович", "Умєрова Рустема Енверовича"),
        ("Коваленко Ірина Петрівна", "Коваленко Ірини Петрівни"),  # a woman's -ко surname does not decline
        ("Коваленко Іван Петрович", "Коваленка Івана Петровича"),  # a man's does
        ("Сьорен Голм Єнсен", "Сьорена Голма Єнсена"),  # foreign names decline like Ukrainian ones
        ("Кравець Наталія Олегівна", "Кравець Наталії Олегівни"),
        ("Кравець Ігор Олегович", "Кравця Ігоря Олеговича"),
        ("Гуменюк Олег Миколайович", "Гуменюка Олега Миколайовича"),
        ("Ковальська Марія Іллічна", "Ковальської Марії Іллічни"),
        ("Петренко Сергій Олексійович", "Петренка Сергія Олексійовича"),
        ("Роман Йосипович Шухевич", "Романа Йосиповича Шухевича"),
        ("Олександр Коваленко-Сидоренко", "Олександра Коваленка-Сидоренка"),
        ("Мар'яна В'юн", "Мар’яни В’юн"),
        ("Джон Сміт", "Джона Сміта"),
        ("Анна Шмідт", "Анни Шмідт"),
    ],
)
def test_genitive_name(full: str, genitive: str) -> None:
    result = d.genitive_name(full)
    assert result == genitive
    assert "'" not in result


def test_genitive_name_with_given_gender_and_particles() -> None:
    assert d.genitive_name("Ганс ван дер Берг", gender="masculine") == "Ганса ван дер Берга"
    assert d.genitive_name("Нільс Андерсен", gender="male") == "Нільса Андерсена"
    assert d.genitive_name("Інгрід Ларсен", gender="feminine") == "Інгрід Ларсен"


def test_genitive_name_two_words_family_first() -> None:
    assert d.genitive_name("Коваленко Іван", order="family_first") == "Коваленка Івана"


def test_genitive_name_undetectable_gender_raises() -> None:
    with pytest.raises(ValueError, match="name_genitive"):
        d.genitive_name("Нільс Андерсен")
    with pytest.raises(ValueError, match="gender"):
        d.genitive_name("Сьорен Єнсен", gender="neuter")


# --------------------------------------------------------------------------- positions


@pytest.mark.parametrize(
    ("position", "genitive"),
    [
        ("Міністр оборони України", "Міністра оборони України"),
        ("Директор", "Директора"),
        ("Генеральний директор", "Генерального директора"),
        # shevchenko 0.8.0 alone gives «Заступника Міністри оборони України»
        ("Заступник Міністра оборони України", "Заступника Міністра оборони України"),
        ("Перший заступник Міністра оборони України", "Першого заступника Міністра оборони України"),
        ("Голова правління", "Голови правління"),  # shevchenko leaves «Голова» as it is
        ("Голова", "Голови"),
        ("Генеральна директорка", "Генеральної директорки"),
        ("Директорка", "Директорки"),
        ("Уповноважений представник", "Уповноваженого представника"),
        ("Керуючий партнер", "Керуючого партнера"),
        ("Член Наглядової ради", "Члена Наглядової ради"),
        ("Державний секретар Міністерства оборони України", "Державного секретаря Міністерства оборони України"),
        ("Головний виконавчий директор", "Головного виконавчого директора"),
        ("Директор-розпорядник", "Директора-розпорядника"),
        ("Прем’єр-міністр України", "Прем’єр-міністра України"),
        ("Виконувач обов'язків директора", "Виконувача обов’язків директора"),
        ("Директор з розвитку", "Директора з розвитку"),
        ("ГЕНЕРАЛЬНИЙ ДИРЕКТОР", "ГЕНЕРАЛЬНОГО ДИРЕКТОРА"),
        ("генеральний директор", "генерального директора"),
        ("Т.в.о. директора", "Т.в.о. директора"),  # an abbreviation is left as it is
    ],
)
def test_genitive_position(position: str, genitive: str) -> None:
    assert d.genitive_position(position) == genitive


def test_genitive_position_rejects_empty() -> None:
    with pytest.raises(ValueError):
        d.genitive_position("  ")


# --------------------------------------------------------------------------- authorities


@pytest.mark.parametrize(
    ("authority", "genitive"),
    [
        ("Статут", "Статуту"),
        ("Положення про Міністерство оборони України", "Положення про Міністерство оборони України"),
        ("довіреність", "довіреності"),
        ("Довіреність", "Довіреності"),
        ("Установчий договір", "Установчого договору"),
        ("Закон України «Про оборону України»", "Закону України «Про оборону України»"),
        ("Статут товариства", "Статуту товариства"),
        ("довіреність від 20 серпня 2026 р. № 220/1/15", "довіреності від 20 серпня 2026 р. № 220/1/15"),
        ("Наказ Міністра оборони України", "Наказу Міністра оборони України"),
        ("Протокол загальних зборів учасників", "Протоколу загальних зборів учасників"),
        ("Рішення загальних зборів учасників", "Рішення загальних зборів учасників"),
        ("Указ Президента України", "Указу Президента України"),
        ("Установчі документи", "Установчих документів"),
    ],
)
def test_genitive_authority(authority: str, genitive: str) -> None:
    assert d.genitive_authority(authority) == genitive


def test_decline_head_uk_locative_and_bad_case() -> None:
    assert d.decline_head_uk("Житомирська область", "locative") == "Житомирській області"
    assert d.decline_head_uk("Статут", "locative") == "Статуті"
    with pytest.raises(ValueError):
        d.decline_head_uk("Статут", "dative")


@pytest.mark.parametrize(
    ("name", "genitive", "locative"),
    [
        ("Данія", "Данії", "Данії"),
        ("Литва", "Литви", "Литві"),
        ("Житомирська область", "Житомирської області", "Житомирській області"),
        ("Боснія і Герцеговина", "Боснії і Герцеговини", "Боснії і Герцеговині"),
        ("Судан", "Судану", "Судані"),
        ("Острів Мен", "Острова Мен", "Острові Мен"),
        ("Сполучені Штати", "Сполучених Штатів", "Сполучених Штатах"),
        ("Самоа", "Самоа", "Самоа"),
    ],
)
def test_decline_toponym_uk(name: str, genitive: str, locative: str) -> None:
    assert d.decline_toponym_uk(name, "genitive") == genitive
    assert d.decline_toponym_uk(name, "locative") == locative


# --------------------------------------------------------------------------- signatures and transliteration


@pytest.mark.parametrize(
    ("full", "signature"),
    [
        ("Умєров Рустем Енверович", f"Рустем{NBSP}УМЄРОВ"),
        ("Коваленко Ірина Петрівна", f"Ірина{NBSP}КОВАЛЕНКО"),
        ("Сьорен Голм Єнсен", f"Сьорен{NBSP}ЄНСЕН"),
        ("Роман Йосипович Шухевич", f"Роман{NBSP}ШУХЕВИЧ"),
        ("Мар'яна В'юн", f"Мар{APOSTROPHE}яна{NBSP}В{APOSTROPHE}ЮН"),
    ],
)
def test_signature_name(full: str, signature: str) -> None:
    assert d.signature_name(full) == signature


def test_signature_name_en_is_as_given() -> None:
    assert d.signature_name_en("Rustem Umerov") == "Rustem Umerov"
    assert d.signature_name_en("  Søren  Holm Jensen ") == "Søren Holm Jensen"
    with pytest.raises(ValueError):
        d.signature_name_en(" ")


@pytest.mark.parametrize(
    ("uk", "latin"),
    [
        ("Коваленко Ірина", "Kovalenko Iryna"),
        ("Згурський", "Zghurskyi"),
        ("Умєров Рустем", "Umierov Rustem"),
        ("Єнакієве", "Yenakiieve"),
        ("Знам’янка", "Znamianka"),
        ("Житомир", "Zhytomyr"),
        ("Юрій Ярошенко", "Yurii Yaroshenko"),
        ("Щербухи", "Shcherbukhy"),
        ("ЄНСЕН", "YENSEN"),  # translitua alone gives "YeNSEN"
        ("ЮРІЙ ЗГУРСЬКИЙ", "YURII ZGHURSKYI"),
        ("Є. Ющенко", "Ye. Yushchenko"),
        ("Danforge Дефенс, 2026", "Danforge Defens, 2026"),
    ],
)
def test_transliterate(uk: str, latin: str) -> None:
    assert d.transliterate(uk) == latin

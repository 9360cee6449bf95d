"""Names, positions and authorities in the Ukrainian preamble; signatures; transliteration."""

from __future__ import annotations

import pytest

from dcity_docs.language import declension as d
from dcity_docs.language.declension import PersonName
from dcity_docs.language.typography import APOSTROPHE, NBSP

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


# Signatories of the partner countries, as legal officers copy them from passports: no gender field,
# the Latin form of the name in the record. (country, name.en, name.uk, genitive in the preamble)
FOREIGN_SIGNATORIES = [
    ("GB", "James Smith", "Джеймс Сміт", "Джеймса Сміта"),
    ("GB", "Oliver Brown", "Олівер Браун", "Олівера Брауна"),
    ("GB", "William Taylor", "Вільям Тейлор", "Вільяма Тейлора"),
    ("GB", "Alistair Campbell", "Алістер Кемпбелл", "Алістера Кемпбелла"),
    ("GB", "Harry Wilson", "Гаррі Вілсон", "Гаррі Вілсона"),
    ("GB", "Charlotte Evans", "Шарлотта Еванс", "Шарлотти Еванс"),
    ("GB", "Emily Clarke", "Емілі Кларк", "Емілі Кларк"),
    ("GB", "Sarah Johnson", "Сара Джонсон", "Сари Джонсон"),
    ("GB", "Fiona MacLeod", "Фіона Маклеод", "Фіони Маклеод"),
    ("GB", "Thomas Wright", "Томас Райт", "Томаса Райта"),
    ("GB", "Ingrid Walker", "Інгрід Вокер", "Інгрід Вокер"),
    ("GB", "Elizabeth Hughes", "Елізабет Г’юз", "Елізабет Г’юз"),
    ("DK", "Søren Holm Jensen", "Сьорен Голм Єнсен", "Сьорена Голма Єнсена"),
    ("DK", "Mette Frederiksen", "Метте Фредеріксен", "Метте Фредеріксен"),
    ("DK", "Lars Løkke Rasmussen", "Ларс Льокке Расмуссен", "Ларса Льокке Расмуссена"),
    ("DK", "Niels Andersen", "Нільс Андерсен", "Нільса Андерсена"),
    ("DK", "Kirsten Nielsen", "Кірстен Нільсен", "Кірстен Нільсен"),
    ("DK", "Anders Christensen", "Андерс Крістенсен", "Андерса Крістенсена"),
    ("DK", "Freja Pedersen", "Фрея Педерсен", "Фреї Педерсен"),
    ("NO", "Ingrid Larsen", "Інгрід Ларсен", "Інгрід Ларсен"),
    ("NO", "Kari Nordmann", "Карі Нордманн", "Карі Нордманн"),
    ("NO", "Ole Hansen", "Уле Гансен", "Уле Гансена"),
    ("NO", "Magnus Berg", "Магнус Берг", "Магнуса Берга"),
    ("NO", "Sigrid Johansen", "Сігрід Йогансен", "Сігрід Йогансен"),
    ("NO", "Eirik Olsen", "Ейрік Ольсен", "Ейріка Ольсена"),
    ("NO", "Solveig Haugen", "Сольвейг Гауген", "Сольвейг Гауген"),
    ("NO", "Knut Dahl", "Кнут Даль", "Кнута Даля"),
    ("SE", "Erik Lindqvist", "Ерік Ліндквіст", "Еріка Ліндквіста"),
    ("SE", "Anna Karlsson", "Анна Карлссон", "Анни Карлссон"),
    ("SE", "Johan Svensson", "Юган Свенссон", "Югана Свенссона"),
    ("SE", "Karin Nilsson", "Карін Нільссон", "Карін Нільссон"),
    ("SE", "Björn Gustafsson", "Бйорн Густафссон", "Бйорна Густафссона"),
    ("SE", "Elin Persson", "Елін Перссон", "Елін Перссон"),
    ("DE", "Jürgen Müller", "Юрген Мюллер", "Юргена Мюллера"),
    ("DE", "Andrea Schmidt", "Андреа Шмідт", "Андреа Шмідт"),
    ("DE", "Klaus Schneider", "Клаус Шнайдер", "Клауса Шнайдера"),
    ("DE", "Sabine Fischer", "Сабіне Фішер", "Сабіне Фішер"),
    ("DE", "Wolfgang Weber", "Вольфганг Вебер", "Вольфганга Вебера"),
    ("DE", "Ursula Meyer", "Урсула Маєр", "Урсули Маєр"),
    ("PL", "Małgorzata Kowalska", "Малгожата Ковальська", "Малгожати Ковальської"),
    ("PL", "Piotr Nowak", "Пьотр Новак", "Пьотра Новака"),
    ("PL", "Krzysztof Wiśniewski", "Кшиштоф Вишневський", "Кшиштофа Вишневського"),
    ("PL", "Agnieszka Wójcik", "Агнешка Вуйцік", "Агнешки Вуйцік"),
    ("PL", "Tomasz Kamiński", "Томаш Камінський", "Томаша Камінського"),
    ("PL", "Katarzyna Lewandowska", "Катажина Левандовська", "Катажини Левандовської"),
    ("FR", "Jean Dupont", "Жан Дюпон", "Жана Дюпона"),
    ("FR", "Pierre Martin", "П’єр Мартен", "П’єра Мартена"),
    ("FR", "Claire Bernard", "Клер Бернар", "Клер Бернар"),
    ("FR", "Philippe Durand", "Філіпп Дюран", "Філіппа Дюрана"),
    ("FR", "Isabelle Moreau", "Ізабель Моро", "Ізабель Моро"),
    ("FR", "Nathalie Laurent", "Наталі Лоран", "Наталі Лоран"),
    ("NL", "Jan de Vries", "Ян де Фріс", "Яна де Фріса"),
    ("NL", "Pieter Jansen", "Пітер Янсен", "Пітера Янсена"),
    ("NL", "Willem Bakker", "Віллем Баккер", "Віллема Баккера"),
    ("NL", "Anouk Visser", "Анук Віссер", "Анук Віссер"),
    ("NL", "Lotte Smit", "Лотте Сміт", "Лотте Сміт"),
    ("CZ", "Jiří Novák", "Їржі Новак", "Їржі Новака"),
    ("CZ", "Jana Svobodová", "Яна Свободова", "Яни Свободової"),
    ("CZ", "Petr Dvořák", "Петр Дворжак", "Петра Дворжака"),
    ("CZ", "Tereza Černá", "Тереза Черна", "Терези Черної"),
    ("CZ", "Tomáš Procházka", "Томаш Прохазка", "Томаша Прохазки"),
    ("CZ", "Eva Kučerová", "Єва Кучерова", "Єви Кучерової"),
    ("US", "Michael Miller", "Майкл Міллер", "Майкла Міллера"),
    ("US", "Jennifer Davis", "Дженніфер Девіс", "Дженніфер Девіс"),
    ("US", "Robert Anderson", "Роберт Андерсон", "Роберта Андерсона"),
    ("US", "Linda Thompson", "Лінда Томпсон", "Лінди Томпсон"),
    ("US", "Christopher Moore", "Крістофер Мур", "Крістофера Мура"),
    ("US", "Ashley Martinez", "Ешлі Мартінес", "Ешлі Мартінес"),
]


@pytest.mark.parametrize(("country", "latin", "full", "genitive"), FOREIGN_SIGNATORIES,
                         ids=[f"{c}-{en}" for c, en, _uk, _g in FOREIGN_SIGNATORIES])
def test_genitive_of_foreign_signatories_without_a_gender(country: str, latin: str, full: str,
                                                          genitive: str) -> None:
    assert d.genitive_name(full, latin_name=latin, country=country) == genitive


def test_the_table_covers_men_and_women_of_ten_countries() -> None:
    from dcity_docs.language.given_names import first_given_name, sex_of_given_name

    assert len(FOREIGN_SIGNATORIES) >= 60
    assert {c for c, *_ in FOREIGN_SIGNATORIES} >= {"GB", "DK", "NO", "SE", "DE", "PL", "FR", "NL", "CZ", "US"}
    sexes = {sex_of_given_name(first_given_name(latin) or "", c) for c, latin, *_ in FOREIGN_SIGNATORIES}
    assert sexes == {"masculine", "feminine"}


@pytest.mark.parametrize(("latin", "country", "sex"), [
    ("Andrea", "IT", "masculine"), ("Andrea", "DE", "feminine"),  # the country decides
    ("Ingrid", "GB", "feminine"),  # shevchenko alone takes «Інгрід» for a man
    ("Søren", "DK", "masculine"),
    ("Małgorzata", "PL", "feminine"), ("Jean-Pierre", "FR", "masculine"),
    ("Dominique", "FR", "both"), ("Xqzwv", "GB", None),
    ("Lars", "ZZ", "masculine"),  # a country the dictionary does not list: all countries
])
def test_sex_of_given_name(latin: str, country: str, sex: str | None) -> None:
    from dcity_docs.language.given_names import first_given_name, sex_of_given_name

    assert sex_of_given_name(first_given_name(latin) or "", country) == sex


def test_a_name_of_both_sexes_or_unknown_still_asks_for_the_gender() -> None:
    with pytest.raises(ValueError, match="both a man's and a woman's name.*name_genitive"):
        d.genitive_name("Домінік Дюпон", latin_name="Dominique Dupont", country="FR")
    with pytest.raises(ValueError, match="cannot tell whether 'Ксквв'.*name_genitive"):
        d.genitive_name("Ксквв Сміт", latin_name="Xqzwv Smith", country="GB")
    assert d.genitive_name("Домінік Дюпон", "feminine", latin_name="Dominique Dupont", country="FR") == \
        "Домінік Дюпон"


def test_first_given_name_of_a_passport_name() -> None:
    from dcity_docs.language.given_names import first_given_name

    assert first_given_name("James Oliver Smith") == "James"
    assert first_given_name("SMITH James") == "James"
    assert first_given_name("Jean-Pierre Dupont") == "Jean"


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
        ("Сьорен Голм Єнсен", f"Сьорен{NBSP}Голм{NBSP}ЄНСЕН"),  # every given name of a foreigner
        ("Сьорен Єнсен", f"Сьорен{NBSP}ЄНСЕН"),
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


def test_names_parsed_on_demand_give_gender_guessers_own_answers() -> None:
    """The names dictionary is searched for the name asked for instead of parsed whole: every
    entry (its sexes, their order, their uses by country) and every answer is what gender-guesser's
    own full parse gives, for names joined with '+' in the file, names with letters outside ASCII
    ('İ' among them, which lower-cases to two characters) and a sample of the others."""
    import random

    import gender_guesser.detector

    from dcity_docs.language.given_names import _detector

    full = gender_guesser.detector.Detector(case_sensitive=False)
    lazy = _detector()
    keys = list(full.names)
    joined = [k for k in keys if " " in k or "-" in k][::200]
    foreign = [k for k in keys if not k.isascii()][::100] + [k for k in keys if "i\u0307" in k][:5]
    sample = random.Random(22).sample(keys, 40) + ["qwxyzq", "jean+pierre", "-", "a"]
    for key in joined + foreign + sample:
        mine, theirs = lazy.names.get(key), full.names.get(key)
        assert (mine and list(mine.items())) == (theirs and list(theirs.items())), key
        for country in (None, "italy", "germany", "denmark"):
            assert lazy.get_gender(key, country) == full.get_gender(key, country), (key, country)
    assert len(joined) > 20 and len(foreign) > 30

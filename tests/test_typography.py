"""Ukrainian and English typography: apostrophe, no-break spaces, quotation marks."""

from __future__ import annotations

import pytest

from dcity_docs.language.typography import APOSTROPHE, NBSP, join_bilingual, quote_en, quote_uk, typography_uk


def test_constants() -> None:
    assert NBSP == "\u00a0"
    assert APOSTROPHE == "\u2019"


# --------------------------------------------------------------------------- quotes and typography


@pytest.mark.parametrize(
    ("text", "uk", "en"),
    [
        ("Сторона", "«Сторона»", "“Сторона”"),
        ("ТОВ «Поліська зброярня»", "«ТОВ „Поліська зброярня“»", "“ТОВ ‘Поліська зброярня’”"),
        ('Закон "Про оборону"', "«Закон „Про оборону“»", "“Закон ‘Про оборону’”"),
        ("„вже“ всередині", "«„вже“ всередині»", "“‘вже’ всередині”"),
        ("the “Ministry”", "«the „Ministry“»", "“the ‘Ministry’”"),
        ("Søren’s", "«Søren’s»", "“Søren’s”"),
    ],
)
def test_quotes(text: str, uk: str, en: str) -> None:
    assert quote_uk(text) == uk
    assert quote_en(text) == en


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Об'єкт «Вереск-17»", "Об’єкт «Вереск-17»"),
        ("Знамʼянка, м'ята, пір‘я", "Знам’янка, м’ята, пір’я"),
        ("№ 220/1/15 та №5", f"№{NBSP}220/1/15 та №{NBSP}5"),
        ("м. Київ, вул. Київська, 48", f"м.{NBSP}Київ, вул.{NBSP}Київська, 48"),
        ("1 вересня 2026 р.", f"1 вересня 2026{NBSP}р."),
        ("І. П. Коваленко", f"І.{NBSP}П.{NBSP}Коваленко"),
        ("Коваленко І. П.", f"Коваленко{NBSP}І.{NBSP}П."),
        ("(далі - «Міністерство»)", f"(далі{NBSP}– «Міністерство»)"),
        ("12 500 000,00 євро, 51%", f"12{NBSP}500{NBSP}000,00 євро, 51{NBSP}%"),
        ("ст. 635 ч. 2", f"ст.{NBSP}635 ч.{NBSP}2"),
    ],
)
def test_typography_uk(text: str, expected: str) -> None:
    assert typography_uk(text) == expected
    assert typography_uk(expected) == expected  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        "Danforge's A/S - don't",
        "Søren Holm Jensen, Industrivej 12, 7400 Herning",
        "UA223052990000026001234567890 DABADKKK 39170000",
        "ПРОЄКТ. Сторони",
        "2026-10-15",
    ],
)
def test_typography_uk_leaves_latin_and_digits(text: str) -> None:
    assert typography_uk(text) == text


# --------------------------------------------------------------------------- "uk / en" in one string


def test_join_bilingual() -> None:
    """Headers, PDF titles and outline entries carry both languages as «uk / en»; an id or a name
    that reads the same in both is given once, except where both halves have always been shown."""
    assert join_bilingual("Договір про спільну діяльність", "Joint-Venture Agreement") == (
        "Договір про спільну діяльність / Joint-Venture Agreement"
    )
    assert join_bilingual("1. Предмет", "Subject", one_if_same=False) == "1. Предмет / Subject"
    assert join_bilingual("DC-2026-001", "DC-2026-001") == "DC-2026-001"
    assert join_bilingual("DC-2026-001", "DC-2026-001", one_if_same=False) == "DC-2026-001 / DC-2026-001"


def test_the_legal_form_never_ends_a_line_apart_from_the_name() -> None:
    """«ТОВ «…»», LLC “…”: the abbreviation of the legal form and the quoted name are one unit."""
    from dcity_docs.language.typography import unbreakable

    assert unbreakable("скороченим найменуванням ТОВ «Поліська зброярня».") == (
        f"скороченим найменуванням ТОВ{NBSP}«Поліська зброярня».")
    assert unbreakable("the short name LLC “Polissia Armoury”") == f"the short name LLC{NBSP}“Polissia Armoury”"
    assert unbreakable("ТОВ та АТ без назви") == "ТОВ та АТ без назви"  # no name after it: nothing joined

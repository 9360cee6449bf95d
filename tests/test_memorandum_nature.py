"""The memorandum read back as counsel reads it: which sections bind is said once and correctly
(confidentiality, governing law and disputes, term, languages and costs), the rest records
intentions with no obligation to conclude or contribute and no liability for breaking off talks,
not a preliminary contract (art. 635 of the Civil Code of Ukraine); its confidentiality survives
for a number of years that is a term; the companies are Prospective Shareholders; the Venture is
defined before it is used."""

from __future__ import annotations

import pytest

from clauses import FIXTURES, MODES, fixture_text, langs_of, record, text

KEY = "memorandum"
I = {"uk": 0, "en": 1}
BINDING = (
    "Юридично обов’язковими для Сторін є лише розділи 4 (конфіденційність), 6 (застосовне право та "
    "вирішення спорів) і 7 (строк дії, мови та витрати) цього Меморандуму. Інші розділи лише фіксують "
    "наміри Сторін: вони не створюють обов’язку укласти договір про створення спільного підприємства чи "
    "здійснити вклад до капіталу Підприємства, і жодна Сторона не несе відповідальності перед іншою за "
    "припинення переговорів",
    "Only Sections 4 (confidentiality), 6 (governing law and disputes) and 7 (term, languages and costs) "
    "of this Memorandum are legally binding on the Parties. The other Sections record the "
    "Parties’ intentions only: they create no obligation to conclude the Joint Venture Agreement or "
    "to contribute to the capital of the Venture, and no Party is liable to another for breaking "
    "off negotiations",
)
NOT_PRELIMINARY = ("не є попереднім договором у розумінні статті 635 Цивільного кодексу України",
                   "is not a preliminary contract within the meaning of Article 635 of the Civil Code of Ukraine")
SURVIVES = ("зберігають чинність після припинення дії цього Меморандуму з будь-якої підстави протягом "
            "3 (трьох) років.",
            "survive the end of this Memorandum, for whatever reason, for 3 (three) years.")
COSTS = ("Кожна Сторона самостійно несе власні витрати на ведення переговорів і підготовку цього Меморандуму",
         "Each Party bears its own costs of negotiating and preparing this Memorandum")
HEADINGS = (("4. Конфіденційність", "6. Застосовне право та вирішення спорів", "7. Прикінцеві положення"),
            ("4. Confidentiality", "6. Governing Law and Disputes", "7. Final Provisions"))
DEFINED = ("(далі – «Підприємство»)", "(the “Venture”)")
VENTURE = ("Підприємств", "Venture")
PROSPECTIVE = (("(далі – «Майбутній учасник 1»)", "Майбутній учасник 1:", "Наміри майбутніх учасників"),
               ("(“Prospective Shareholder 1”)", "Prospective Shareholder 1:",
                "Intentions of the Prospective Shareholders"))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FIXTURES)
def test_what_binds_is_said_once_and_correctly(name: str, mode: str) -> None:
    body = fixture_text(name, KEY, mode)
    lines = body.splitlines()
    for lang in langs_of(mode):
        i = I[lang]
        assert body.count(BINDING[i]) == 1
        assert body.count(NOT_PRELIMINARY[i]) == 1 and body.count("635") == len(langs_of(mode))
        assert SURVIVES[i] in body and COSTS[i] in body
        for heading in HEADINGS[i]:  # the sections cited are the ones that hold those clauses
            assert heading in lines, heading
        for words in PROSPECTIVE[i]:
            assert words in body, words


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("name", FIXTURES)
def test_the_venture_is_defined_before_it_is_used(name: str, lang: str) -> None:
    body = fixture_text(name, KEY, lang)
    i = I[lang]
    definition = body.index(DEFINED[i])
    venture_name = record(name).venture.name[lang]
    first_use = body.index(VENTURE[i], body.index(venture_name) + len(venture_name))
    assert first_use >= definition
    assert body.count(DEFINED[i]) == 1
    # no company is a "Shareholder" before the agreement makes it one
    assert ("Учасник 1»", "“Shareholder 1”")[i] not in body


def test_the_survival_period_is_a_term() -> None:
    changed = record("DC-2026-021", "memorandum_confidentiality_years: 5")
    assert "з будь-якої підстави протягом 5 (п’яти) років." in text(changed, KEY, "uk")
    assert "for whatever reason, for 5 (five) years." in text(changed, KEY, "en")
    before = fixture_text("DC-2026-021", KEY, "en").splitlines()
    after = text(changed, KEY, "en").splitlines()
    assert len([1 for a, b in zip(before, after) if a != b]) == 1

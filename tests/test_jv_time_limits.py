"""The agreement's time limits for filing, contributions, registration and changes of details are
terms with programme defaults: a record's ``terms:`` changes each clause in both languages."""

from __future__ import annotations

import pytest

from jv_sections import fixture, paragraphs

from dcity_docs.errors import RecordInvalid

IN_UKRAINE, ABROAD = "DC-2026-014", "DC-2026-030"


def _text(name: str, lang: str, terms: str = "") -> str:
    return "\n".join(paragraphs(fixture(name, terms), lang))


CASES = [
    # term, override, (en default, en changed), (uk default, uk changed)
    ("filing_days", "45",
     ("within 30 (thirty) calendar days of the Closing Date", "within 45 (forty-five) calendar days of the Closing Date"),
     ("протягом 30 (тридцяти) календарних днів з Дати закриття",
      "протягом 45 (сорока п’яти) календарних днів з Дати закриття")),
    ("contribution_days", "120",
     ("in full within 90 (ninety) calendar days of the later of",
      "in full within 120 (one hundred and twenty) calendar days of the later of"),
     ("протягом 90 (дев’яноста) календарних днів з пізнішої", "протягом 120 (ста двадцяти) календарних днів з пізнішої")),
    ("registration_months", "9",
     ("has not been registered within 6 (six) months of the Closing Date;",
      "has not been registered within 9 (nine) months of the Closing Date;"),
     ("не зареєстровано протягом 6 (шести) місяців з Дати закриття;",
      "не зареєстровано протягом 9 (дев’яти) місяців з Дати закриття;")),
    ("details_change_days", "5",
     ("10 (ten) calendar days", "5 (five) calendar days"),
     ("10 (десяти) календарних днів", "5 (п’яти) календарних днів")),
]


@pytest.mark.parametrize("term, value, en, uk", CASES, ids=[c[0] for c in CASES])
def test_each_time_limit_is_a_term_that_changes_its_clause_in_both_languages(term, value, en, uk) -> None:
    override = f"  {term}: {value}\n"
    for lang, (default, changed) in (("en", en), ("uk", uk)):
        before, after = _text(IN_UKRAINE, lang), _text(IN_UKRAINE, lang, override)
        assert default in before and changed not in before, (lang, term)
        assert changed in after, (lang, term)
        # exactly the paragraphs that held the default change
        old = paragraphs(fixture(IN_UKRAINE), lang)
        new = paragraphs(fixture(IN_UKRAINE, override), lang)
        differ = [(a, b) for a, b in zip(old, new) if a != b]
        assert differ and all(default in a for a, _ in differ), (lang, term, differ)


def test_a_venture_abroad_files_within_its_term_too() -> None:
    assert "within 45 (forty-five) calendar days of the Closing Date" in _text(ABROAD, "en", "  filing_days: 45\n")


@pytest.mark.parametrize("term, value", [("filing_days", "0"), ("contribution_days", "181"),
                                         ("registration_months", "25"), ("details_change_days", "-1")])
def test_a_time_limit_out_of_range_is_refused_with_its_field(term: str, value: str) -> None:
    with pytest.raises(RecordInvalid) as caught:
        fixture(IN_UKRAINE, f"  {term}: {value}\n")
    assert f"terms.{term}" in str(caught.value)

"""The site-protection annex read back: for each measure the record turns on, who bears its cost
(terms with programme defaults, changed by a record's `terms:`), and how the foreign partner's staff
obtain admission (допуск) to the Site; none of it reaches any other document (the annex is the only
place for site matters)."""

from __future__ import annotations

import pytest

from clauses import MODES, fixture_text, langs_of, record, text

KEY = "site-protection-annex"
I = {"uk": 0, "en": 1}
IN_UKRAINE = ["DC-2026-014", "DC-2026-021"]
MINISTRY_PAYS = (
    ("Витрати на охорону периметра Майданчика та контроль доступу на нього несе Міністерство в межах "
     "бюджетних призначень",
     "Витрати на координацію прикриття Майданчика засобами протиповітряної оборони несе Міністерство"),
    ("The Ministry bears the cost of guarding the perimeter of the Site and access control at it, within "
     "the budget allocations",
     "The Ministry bears the cost of coordinating the air defence cover of the Site"),
)
VENTURE_PAYS_SHELTER = ("Учасники забезпечують, щоб витрати на облаштування, оснащення та утримання укриття "
                        "несло Підприємство.",
                        "The Shareholders shall procure that the Venture bears the cost of building, "
                        "equipping and maintaining the shelter.")
ADMISSION = (
    ("допускаються на Майданчик лише з дозволу Міністерства (допуск)",
     "не пізніше ніж за 10 (десять) календарних днів до першого відвідування",
     "Міністерство ухвалює рішення протягом 5 (п’яти) календарних днів з дня звернення",
     "відповідно до Закону України «Про державну таємницю»"),
    ("are admitted to the Site only with the Ministry’s permission (admission)",
     "no later than 10 (ten) calendar days before the first visit",
     "The Ministry shall decide within 5 (five) calendar days of the application",
     "in accordance with the Law of Ukraine “On State Secrets”"),
)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", IN_UKRAINE)
def test_who_bears_the_cost_and_how_foreign_staff_are_admitted(name: str, mode: str) -> None:
    rec = record(name)
    assert rec.site is not None and any(h.country != "UA" for h in rec.shareholders)
    body = fixture_text(name, KEY, mode)
    protection = rec.site.protection
    for lang in langs_of(mode):
        i = I[lang]
        assert (MINISTRY_PAYS[i][0] in body) == protection.guarded_perimeter
        assert (MINISTRY_PAYS[i][1] in body) == protection.air_defence_coordination
        assert (VENTURE_PAYS_SHELTER[i] in body) == (protection.shelter_capacity > 0)
        for words in ADMISSION[i]:
            assert words in body, words


def test_changed_terms_change_who_pays_and_the_admission_periods() -> None:
    changed = record("DC-2026-014", "guarding_cost: shareholders\nshelter_cost: ministry\n"
                                    "access_request_days: 14\naccess_decision_days: 7")
    uk, en = text(changed, KEY, "uk"), text(changed, KEY, "en")
    assert ("Учасники забезпечують, щоб витрати на охорону периметра Майданчика та контроль доступу на нього "
            "несло Підприємство.") in uk
    assert "The Ministry bears the cost of building, equipping and maintaining the shelter" in en
    assert MINISTRY_PAYS[1][0] not in en and VENTURE_PAYS_SHELTER[1] not in en
    assert "не пізніше ніж за 14 (чотирнадцять) календарних днів" in uk
    assert "протягом 7 (семи) календарних днів з дня звернення" in uk
    assert "no later than 14 (fourteen) calendar days" in en and "within 7 (seven) calendar days" in en


def test_no_admission_clause_without_a_foreign_shareholder() -> None:
    # DC-2026-014 with its Danish partner taken as Ukrainian: no foreign staff to admit
    rec = record("DC-2026-014")
    assert rec.shareholders[1].country == "DK"
    only_ukrainian = rec.model_copy(update={"shareholders": [
        rec.shareholders[0], rec.shareholders[1].model_copy(update={"country": "UA"})]})
    en = text(only_ukrainian, KEY, "en")
    assert ADMISSION[1][0] not in en and MINISTRY_PAYS[1][0] in en


@pytest.mark.parametrize("key", ["jv-agreement", "memorandum", "shareholders-agreement"])
@pytest.mark.parametrize("name", IN_UKRAINE)
def test_site_matters_stay_in_the_annex(key: str, name: str) -> None:
    for lang in ("uk", "en"):
        body = fixture_text(name, key, lang)
        for words in ADMISSION[I[lang]][:3] + MINISTRY_PAYS[I[lang]] + (VENTURE_PAYS_SHELTER[I[lang]],):
            assert words not in body

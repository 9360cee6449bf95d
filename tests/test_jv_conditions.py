"""Conditions precedent and closing, read back as counsel reads them: signing separated from
closing, the conditions of each venture (merger clearance in Ukraine, no gun-jumping, export
permits in Ukraine and the partner's country, Defence City status, the site-use agreement in
Ukraine only, the valuation of non-monetary contributions), who may waive which, the long-stop
date with termination without liability; the numbers in figures and words; the contribution
period from the later of registration and the licences; a changed term changes the clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_problem, run_validate
from jv_sections import (FIXTURE_DIR, FIXTURES, assert_one_paragraph_changes, fixture, paragraphs,
                         programme_with, text_of)

UK, EN = "Відкладальні обставини та закриття правочину", "Conditions Precedent and Closing"
AMCU_EN = "the Law of Ukraine “On Protection of Economic Competition”"
AMCU_UK = "Закону України «Про захист економічної конкуренції»"
# The partner's country (and the country of placement abroad) named in the export permits
# condition, written out by hand: uk genitive after «органами».
PERMITS = {
    "DC-2026-014": ("та компетентними органами Данії;", "and by the competent authorities of Denmark;"),
    "DC-2026-021": ("та компетентними органами Великої Британії;",
                    "and by the competent authorities of the United Kingdom;"),
    "DC-2026-030": ("та компетентними органами Норвегії;", "and by the competent authorities of Norway;"),
}


def test_the_fixtures_cover_both_placements() -> None:
    placements = {fixture(name).venture.placement for name in FIXTURES}
    assert placements == {"ukraine", "abroad"}


@pytest.mark.parametrize("name", FIXTURES)
def test_signing_is_separated_from_closing_with_a_long_stop_date(name: str) -> None:
    record = fixture(name)
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    # Who: the Shareholders' obligations to establish and contribute; when: the Closing Date.
    assert "The obligations of the Shareholders to establish the Venture under Section 3 and to make " \
           "their contributions under Section 5 take effect only on the day on which the last of the " \
           "conditions in clause 2.2 is met or waived" in en
    assert "(the “Closing Date”)" in en and "(далі – «Дата закриття»)" in uk
    assert "Зобов’язання Учасників створити Підприємство відповідно до розділу 3 і внести свої вклади " \
           "відповідно до розділу 5 виникають лише в день" in uk
    # By when, and what happens if not: the long-stop date, termination without liability.
    assert "by the day falling 6 (six) months after the date of this Agreement (the “Long-Stop Date”), " \
           "any Party may terminate this Agreement by a written notice to the other Parties, without " \
           "liability to any of them" in en
    assert "до дня, що настає через 6 (шість) місяців після дати укладення цього Договору (далі – " \
           "«Кінцева дата»), будь-яка Сторона може відмовитися від цього Договору" in uk
    assert "без відповідальності перед будь-якою з них" in uk
    # The applications and the notices, in figures and words in the case the sentence needs.
    assert "Within 30 (thirty) calendar days of the date of this Agreement" in en
    assert "Протягом 30 (тридцяти) календарних днів з дати укладення цього Договору" in uk
    assert "within 5 (five) working days of learning that a condition has been met" in en
    assert "протягом 5 (п’яти) робочих днів з дня, коли їй стало відомо" in uk
    # The export permits in Ukraine and in the partner's State, by their authorities.
    assert "have been granted by the State Service for Export Control of Ukraine" in en
    assert "надано Державною службою експортного контролю України" in uk
    assert PERMITS[name][0] in uk and PERMITS[name][1] in en
    # The valuation of non-monetary contributions (every fixture has some).
    assert "made by an independent valuer whom the Shareholders appoint jointly" in en
    assert "проведеної незалежним оцінювачем, якого Учасники призначають спільно" in uk
    # Conditions imposed by law cannot be waived; the others only by all the Shareholders.
    assert "are required by law and cannot be waived" in en or "is required by law and cannot be waived" in en
    assert "only by all the Shareholders jointly, by a written notice to the other Parties" in en
    assert "лише всім Учасникам спільно шляхом письмового повідомлення іншим Сторонам" in uk


@pytest.mark.parametrize("name", ["DC-2026-014", "DC-2026-021"])
def test_a_venture_in_ukraine_has_merger_clearance_without_gun_jumping_and_the_site(name: str) -> None:
    record = fixture(name)
    assert record.venture.placement == "ukraine"
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    assert f"(a) where the establishment of the Venture is a concentration that requires the permission " \
           f"of the Antimonopoly Committee of Ukraine under {AMCU_EN}" in en
    assert f"а) якщо створення Підприємства є концентрацією, на здійснення якої відповідно до {AMCU_UK} " \
           "необхідно отримати дозвіл Антимонопольного комітету України" in uk
    # No gun-jumping: no registration, contribution or influence before the clearance.
    assert "no Party shall take any step that implements the concentration: in particular no Party shall " \
           "apply for the registration of the Venture, make a contribution" in en
    assert "жодна Сторона не вчиняє дій, якими здійснюється концентрація" in uk
    assert "Within 30 (thirty) calendar days of the date of this Agreement the Shareholders shall file " \
           "the application for the permission of the Antimonopoly Committee of Ukraine" in en
    # Defence City residence; the site-use agreement in agreed form, signed after registration.
    assert "meets the conditions for the status of a resident of Defence City under the laws of Ukraine" in en
    assert "статусу резидента Defence City відповідно до законодавства України" in uk
    assert "the form of the separate agreement on the Venture’s use of the Site referred to in Section 10" in en
    assert "форму окремого договору, передбаченого розділом 10, про використання Підприємством Майданчика" in uk
    assert "The Shareholders shall ensure that the Venture concludes the agreement on the use of the Site, " \
           "in the agreed form, within 30 (thirty) calendar days of the Registration Date." in en
    assert "протягом 30 (тридцяти) календарних днів з Дати реєстрації" in uk
    # Five conditions: (a) and (b) by law, (c) to (e) the Shareholders'.
    assert "The conditions in items (a) and (b) are required by law" in en
    assert "The conditions in items (c), (d) and (e) are for the benefit of the Shareholders" in en
    assert "Обставини, зазначені в підпунктах а) і б), вимагаються законом" in uk
    assert "Обставини, зазначені в підпунктах в), г) і ґ), встановлено на користь Учасників" in uk


def test_a_venture_abroad_has_no_ukrainian_only_condition() -> None:
    record = fixture("DC-2026-030")
    assert record.venture.placement == "abroad"
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    assert "Antimonopoly" not in en and "Антимонопольн" not in uk
    assert "concentration" not in en and "концентрац" not in uk
    assert "Site" not in en and "Майданчик" not in uk
    assert "Defence City programme on the terms of this Agreement" in en
    assert "resident of Defence City" not in en
    assert "(a) the permits, licences and opinions" in en
    assert "The condition in item (a) is required by law and cannot be waived." in en
    assert "Обставина, зазначена в підпункті а), вимагається законом, і від неї не можна відмовитися." in uk
    assert "The conditions in items (b) and (c) are for the benefit of the Shareholders" in en


@pytest.mark.parametrize("name", FIXTURES)
def test_establishment_and_contributions_run_from_closing_and_the_licences(name: str) -> None:
    record = fixture(name)
    uk = "\n".join(paragraphs(record, "uk"))
    en = "\n".join(paragraphs(record, "en"))
    assert "within 30 (thirty) calendar days of the Closing Date" in en
    assert "протягом 30 (тридцяти) календарних днів з Дати закриття" in uk
    assert "within 90 (ninety) calendar days of the later of the Registration Date and the day on which " \
           "the last of the licences and permits that the transfer of that contribution needs is granted" in en
    assert "протягом 90 (дев’яноста) календарних днів з пізнішої з двох дат: Дати реєстрації або дня " \
           "надання останньої з ліцензій і дозволів, необхідних для передачі цього вкладу" in uk
    if record.venture.placement == "ukraine":
        assert "The Shareholders shall procure that the charter of the Venture provides for this period, as the Law of Ukraine “On Limited " \
               "and Additional Liability Companies” allows." in en
    else:
        assert "On Limited and Additional Liability Companies" not in en


def test_the_bilingual_agreement_holds_both_texts_of_the_section() -> None:
    paras = paragraphs(fixture("DC-2026-014"), "bilingual")
    text = "\n".join(paras)
    assert any(p.endswith(UK) for p in paras) and any(p.endswith(EN) for p in paras)
    assert "(the “Long-Stop Date”)" in text and "(далі – «Кінцева дата»)" in text
    assert "6 (six) months" in text and "6 (шість) місяців" in text


def test_record_terms_change_the_conditions_in_both_languages() -> None:
    # A venture abroad whose record says a Ukrainian filing is needed gets the clearance; a longer
    # long-stop date and other periods change the clauses that state them.
    record = fixture("DC-2026-030", "  ukrainian_merger_clearance: required\n  long_stop_months: 9\n"
                                    "  condition_filing_days: 45\n  condition_notice_days: 3\n")
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    assert "(a) the Antimonopoly Committee of Ukraine has granted, or is deemed under the Law of Ukraine " \
           "“On Protection of Economic Competition” to have granted, its permission" in en
    assert f"а) Антимонопольний комітет України надав дозвіл на концентрацію, якою є створення " \
           f"Підприємства, або такий дозвіл вважається наданим відповідно до {AMCU_UK}" in uk
    assert "no Party shall take any step that implements the concentration" in en
    assert "9 (nine) months after the date of this Agreement" in en and "6 (six) months" not in en
    assert "через 9 (дев’ять) місяців після дати укладення" in uk
    assert "Within 45 (forty-five) calendar days" in en and "Протягом 45 (сорока п’яти) календарних днів" in uk
    assert "within 3 (three) working days" in en and "протягом 3 (трьох) робочих днів" in uk
    assert "The conditions in items (a) and (b) are required by law" in en

    # A venture in Ukraine below the thresholds: no clearance condition, no standstill.
    record = fixture("DC-2026-014", "  ukrainian_merger_clearance: not_required\n  site_agreement_days: 60\n")
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    assert "Antimonopoly" not in en and "Антимонопольн" not in uk
    assert "(a) the permits, licences and opinions" in en
    assert "within 60 (sixty) calendar days of the Registration Date" in en
    assert "протягом 60 (шістдесяти) календарних днів з Дати реєстрації" in uk


def test_a_changed_programme_default_changes_exactly_the_long_stop_clause(tmp_path: Path) -> None:
    changed = programme_with(tmp_path, "  long_stop_months: 6 ", "  long_stop_months: 12 ")
    assert_one_paragraph_changes("DC-2026-021", changed, {"uk": UK, "en": EN},
                                 {"uk": ("6 (шість) місяців", "12 (дванадцять) місяців"),
                                  "en": ("6 (six) months", "12 (twelve) months")})


@pytest.mark.parametrize(
    ("terms", "field", "pattern"),
    [
        ("  long_stop_months: 30\n", "terms.long_stop_months", "must be at most 24"),
        ("  long_stop_months: 2\n  condition_filing_days: 90\n", "terms.condition_filing_days",
         "not before the long-stop date"),
        ("  ukrainian_merger_clearance: maybe\n", "terms.ukrainian_merger_clearance", "where_required"),
        ("  condition_notice_days: 0\n", "terms.condition_notice_days", "must be at least 1"),
    ],
)
def test_bad_condition_terms_are_refused_with_file_line_and_field(
        tmp_path: Path, terms: str, field: str, pattern: str) -> None:
    text = (FIXTURE_DIR / "DC-2026-014.yaml").read_text(encoding="utf-8").rstrip("\n") + "\nterms:\n" + terms
    path = tmp_path / "rec.yaml"
    path.write_text(text, encoding="utf-8")
    key = field.split(".")[-1]
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.strip().startswith(key + ":"))
    assert_problem(run_validate(path), path, line, field, pattern)

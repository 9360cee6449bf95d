"""Technology Licence and Intellectual Property read back as counsel would: a licence from each
shareholder that contributes technology and none from one that does not, its field (the Products),
territory, term and exclusivity, sublicensing, know-how and training, improvements and the licence
back, background and foreground IP, the licence when its licensor leaves or the agreement ends, and
employees' inventions under Article 9 of the Ukrainian law for a venture in Ukraine only; each term
changed changes its clause in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE_DIR
from dcity_docs.documents import jv_agreement
from dcity_docs.language.typography import NBSP
from dcity_docs.output.documents import docx_bytes
from dcity_docs.record.loading import load_record
from jv_clauses import ABROAD, FIXTURES, IN_UKRAINE, changed, pdf_texts, refused, section, text
from readback import docx_paragraphs

NO = jv_agreement.SECTIONS.no
LICENSORS = {"DC-2026-014": [2], "DC-2026-021": [2], "DC-2026-030": [1, 3]}  # by hand, from the fixtures
PRODUCTS_EN = {
    "DC-2026-014": "unmanned aerial vehicles (drones) and artillery ammunition",
    "DC-2026-030": "missile systems and electronic warfare equipment",
}
EMPLOYEES_LAW_UK = "статті 9 Закону України «Про охорону прав на винаходи і корисні моделі»"


def grants(name: str, lang: str, terms: tuple[tuple[str, str], ...] = ()) -> list[str]:
    marker = "As its contribution under Section" if lang == "en" else "Як свій вклад відповідно до розділу"
    return [p for p in section(name, "licence", lang, terms) if marker in p]


@pytest.mark.parametrize("name", FIXTURES)
def test_a_licence_from_each_shareholder_that_contributes_technology_and_none_from_the_others(name: str) -> None:
    en, uk = grants(name, "en"), grants(name, "uk")
    assert [int(p.split("Shareholder ")[1].split(" ")[0]) for p in en] == LICENSORS[name]
    assert [int(p.split("Учасник ")[1].split(" ")[0]) for p in uk] == LICENSORS[name]
    for n, p in zip(LICENSORS[name], en):
        assert f"Section {NO('capital')}, Shareholder {n} shall grant the Venture an exclusive licence" in p
        assert f"(the “Technology of Shareholder {n}”)" in p
        assert "throughout the world, for the term of this Agreement" in p
        assert f"Shareholder {n} shall neither use that technology itself nor grant licences of it to others" in p
        if name in PRODUCTS_EN:
            assert f"development, production, maintenance, repair and sale of {PRODUCTS_EN[name]} (the field" in p
    for n, p in zip(LICENSORS[name], uk):
        assert f"Учасник {n} надає Підприємству виключну ліцензію" in p and f"«Технологія Учасника {n}»" in p
        assert "на території всіх країн світу, на строк дії цього Договору" in p


@pytest.mark.parametrize("name", FIXTURES)
def test_know_how_improvements_ending_and_background_ip(name: str) -> None:
    en = "\n".join(section(name, "licence", "en"))
    uk = "\n".join(section(name, "licence", "uk"))
    assert "Within 60 (sixty) calendar days of its licence agreement each Licensor shall hand over" in en
    assert "for up to 30 (thirty) working days at no further charge" in en
    assert "a failure to do so within that time is a material breach" in en
    assert "протягом до" not in uk and "тривалістю до 30 (тридцяти) робочих днів" in uk
    assert "within 30 (thirty) calendar days of its creation" in en and "(the licence back)" in en
    assert "(зворотна ліцензія)" in uk
    assert "continues for 12 (twelve) months from that date" in en and "діє ще 12 (дванадцять) місяців" in uk
    assert "may not grant sublicences without the prior written consent of the Licensor" in en
    assert "(background intellectual property) remains that Party’s" in en
    assert "(foreground intellectual property), belongs to the Venture" in en
    assert "(попередня інтелектуальна власність)" in uk and "(нова інтелектуальна власність)" in uk
    # the venture is not a party: the shareholders procure what it does
    assert "the Shareholders shall procure that the Venture concludes it" in en


def test_employees_inventions_follow_the_law_of_ukraine_for_a_venture_there() -> None:
    en = "\n".join(section(IN_UKRAINE, "licence", "en"))
    uk = "\n".join(section(IN_UKRAINE, "licence", "uk"))
    assert ("Article 9 of the Law of Ukraine “On the Protection of Rights to Inventions and Utility Models”"
            in en) and "(a service invention) belongs to the Venture as employer" in en
    assert EMPLOYEES_LAW_UK in uk and "(службовий винахід)" in uk
    assert "Articles 1108 and 1109 of the Civil Code of Ukraine" in en and "статей 1108 і 1109" in uk


def test_a_venture_abroad_gets_no_ukrainian_only_licence_clause() -> None:
    en = "\n".join(section(ABROAD, "licence", "en"))
    uk = "\n".join(section(ABROAD, "licence", "uk"))
    assert "Article 9" not in en and "статті 9" not in uk and "Civil Code" not in en
    assert "as the laws of Norway provide" in en and "законодавством Норвегії" in uk


TERMS = (
    ("licence_exclusive", "false"),
    ("licence_territory", "country_of_placement"),
    ("licence_term_years", "5"),
)


def test_exclusivity_territory_and_term_change_the_grant_in_both_languages() -> None:
    diff = changed(IN_UKRAINE, "licence", TERMS)
    [(_, en)], [(_, uk)] = diff["en"], diff["uk"]
    assert "shall grant the Venture a non-exclusive licence" in en and "in the territory of Ukraine" in en
    assert "for 5 (five) years from the date of the licence agreement, but not beyond the term" in en
    assert "Shareholder 2 may continue to use that technology itself" in en
    assert "невиключну ліцензію" in uk and "на території України" in uk and "на 5 (п’ять) років" in uk


@pytest.mark.parametrize(
    ("term", "value", "en", "uk"),
    [
        ("licence_sublicensing", "true", "may grant sublicences to its subcontractors", "може без згоди Ліцензіара"),
        ("know_how_days", "45", "Within 45 (forty-five) calendar days", "Протягом 45 (сорока п’яти) календарних днів"),
        ("training_days", "10", "for up to 10 (ten) working days", "тривалістю до 10 (десяти) робочих днів"),
        ("improvement_notice_days", "15", "within 15 (fifteen) calendar days of its creation",
         "протягом 15 (п’ятнадцяти) календарних днів"),
        ("licence_run_off_months", "0", "each licence of that Licensor ends on that date", "припиняється з цієї дати"),
        ("licence_run_off_months", "24", "continues for 24 (twenty-four) months", "діє ще 24 (двадцять чотири) місяці"),
    ],
)
def test_each_licence_term_changes_exactly_its_clause(term: str, value: str, en: str, uk: str) -> None:
    diff = changed(ABROAD, "licence", ((term, value),))
    [(_, new_en)], [(_, new_uk)] = diff["en"], diff["uk"]
    assert en in new_en and uk in new_uk


def test_a_contribution_of_intellectual_property_is_transferred_and_warranted(tmp_path: Path) -> None:
    source = (FIXTURE_DIR / f"{IN_UKRAINE}.yaml").read_text(encoding="utf-8")
    assert source.count("kind: [premises, workforce]") == 1
    path = tmp_path / "rec.yaml"
    path.write_text(source.replace("kind: [premises, workforce]", "kind: [premises, intellectual_property, workforce]"),
                    encoding="utf-8")
    record = load_record(path)
    out = {}
    for lang in ("uk", "en"):
        (tmp_path / f"{lang}.docx").write_bytes(docx_bytes(record, "jv-agreement", lang))
        out[lang] = "\n".join(docx_paragraphs(tmp_path / f"{lang}.docx")).replace(NBSP, " ")
    assert ("Shareholder 1 shall transfer to the Venture the property rights in intellectual property that make "
            "up its contribution") in out["en"]
    assert "Учасник 1 передає Підприємству майнові права інтелектуальної власності" in out["uk"]
    assert "Shareholder 1 warrants that it holds the rights in the technology" in out["en"]
    # no licence is granted by it: its contribution is a transfer, not a licence
    assert "Shareholder 1 shall grant the Venture" not in out["en"]


def test_bilingual_holds_both_languages_of_the_grant() -> None:
    both = text(IN_UKRAINE, "bilingual")
    assert "«Технологія Учасника 2»" in both and "(the “Technology of Shareholder 2”)" in both


@pytest.mark.parametrize(("term", "value"), [("licence_term_years", "11"), ("licence_territory", "mars"),
                                             ("licence_run_off_months", "61"), ("know_how_days", "0"),
                                             ("licence_exclusive", "\"yes\"")])
def test_a_licence_term_out_of_range_is_refused_with_file_line_and_field(term: str, value: str) -> None:
    assert refused(term, value)


@pytest.mark.libreoffice
def test_the_pdf_holds_the_licence_and_the_employees_inventions_law() -> None:
    pdf = pdf_texts(IN_UKRAINE)
    assert EMPLOYEES_LAW_UK in pdf["uk"] and "«Технологія Учасника 2»" in pdf["uk"]
    assert "On the Protection of Rights to Inventions and Utility Models" in pdf["en"]
    assert "(the “Technology of Shareholder 2”)" in pdf["en"]

"""Term and termination read back as counsel reads it: every termination event with its period in
figures and words (the cure period and the deadlock's escalation and mediation are terms), loss of
Defence City status only for a venture in Ukraine, prolonged force majeure, the consequences (exit
under the shareholders' agreement, licences, premises, survival), and a term that runs past the end
of the Defence City regime (a programme field) saying what happens then."""

from __future__ import annotations

from pathlib import Path

import pytest

from dcity_docs.record.programme import bundled_programme_file

from dcity_docs.documents.jv_agreement import SECTIONS
from clauses import FIXTURES, MODES, fixture_text, langs_of, record, text

KEY = "jv-agreement"
I = {"uk": 0, "en": 1}
EVENTS = (
    ("б) будь-якою Стороною шляхом письмового повідомлення інших Сторін, якщо Підприємство не "
     "зареєстровано протягом 6 (шести) місяців",
     "г) будь-якою Стороною шляхом письмового повідомлення інших Сторін, якщо інша Сторона істотно "
     "порушила цей Договір і не усунула порушення протягом 30 (тридцяти) календарних днів",
     "д) іншими Сторонами шляхом письмового повідомлення, якщо Учасника визнано банкрутом",
     "е) іншими Сторонами шляхом письмового повідомлення, якщо до Учасника, особи, яка його контролює, або "
     "його кінцевого бенефіціарного власника застосовано санкції України, Європейського Союзу",
     "якщо патову ситуацію у значенні корпоративного договору між Учасниками (далі – «Корпоративний "
     "договір») не врегульовано шляхом ескалації та медіації протягом 90 (дев’яноста) календарних днів",
     f"в порядку, передбаченому розділом {SECTIONS.no('force-majeure')}, якщо дія обставин непереборної "
     "сили триває довше"),
    ("(b) by any Party, by written notice to the other Parties, if the Venture has not been registered "
     "within 6 (six) months",
     "(d) by any Party, by written notice to the other Parties, if another Party commits a material breach "
     "of this Agreement and does not remedy it within 30 (thirty) calendar days",
     "(e) by the other Parties, by written notice, if a Shareholder is declared bankrupt or insolvent",
     "(f) by the other Parties, by written notice, if a Shareholder, a person controlling it or its "
     "beneficial owner becomes subject to sanctions of Ukraine, the European Union, the United Kingdom or "
     "the United States",
     "if a deadlock within the meaning of the shareholders’ agreement between the Shareholders (the "
     "“Shareholders’ Agreement”) is not resolved by escalation and mediation within 90 (ninety) calendar days",
     f"as provided in Section {SECTIONS.no('force-majeure')}, if force majeure continues for longer than the period "
     "stated there."),
)
STATUS = ("якщо Підприємство втратило статус у програмі Defence City",
          "if the Venture loses its status in the Defence City programme")
CONSEQUENCES = (
    ("виходить з нього в порядку, передбаченому Корпоративним договором",
     "Ліцензії на технології або об’єкти інтелектуальної власності, надані Підприємству Учасником",
     "повернуло надані йому приміщення",
     f"на права та обов’язки, що виникли до його припинення, а також на положення розділів {SECTIONS.no('confidentiality')}, {SECTIONS.no('law')} і {SECTIONS.no('disputes')}"),
    ("shall do so by the exit mechanism of the Shareholders’ Agreement",
     "Licences of technology or intellectual property that a Shareholder has granted to the Venture",
     "returns the premises",
     f"does not affect the rights and obligations that accrued before it, nor Sections {SECTIONS.no('confidentiality')}, {SECTIONS.no('law')} and {SECTIONS.no('disputes')}, "
     "which survive it"),
)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FIXTURES)
def test_termination_events_and_consequences(name: str, mode: str) -> None:
    body = fixture_text(name, KEY, mode)
    in_ukraine = record(name).venture.placement == "ukraine"
    for lang in langs_of(mode):
        i = I[lang]
        for words in EVENTS[i] + CONSEQUENCES[i]:
            assert words in body, words
        assert (STATUS[i] in body) == in_ukraine
        site = ("приміщення та Майданчик", "the premises and the Site")[i]
        assert (site in body) == in_ukraine
        assert ("протягом 90 (дев’яноста) календарних днів з дати припинення",
                "within 90 (ninety) calendar days of termination")[i] in body


def test_changed_terms_change_the_termination_clauses() -> None:
    changed = record("DC-2026-014", "cure_days: 45\nescalation_days: 20\nmediation_days: 25\nreturn_days: 120")
    uk, en = text(changed, KEY, "uk"), text(changed, KEY, "en")
    assert "не усунула порушення протягом 45 (сорока п’яти) календарних днів" in uk
    assert "does not remedy it within 45 (forty-five) calendar days" in en
    # the deadlock: escalation and mediation added up
    assert "шляхом ескалації та медіації протягом 45 (сорока п’яти) календарних днів" in uk
    assert "by escalation and mediation within 45 (forty-five) calendar days" in en
    assert "протягом 120 (ста двадцяти) календарних днів з дати припинення" in uk
    assert "within 120 (one hundred and twenty) calendar days of termination" in en
    assert "30 (thirty) calendar days of receiving" not in en


def _programme_with_regime_end(tmp_path: Path, day: str) -> Path:
    text_ = bundled_programme_file().read_text(encoding="utf-8")
    old = "  # defence_city_regime_ends: 2036-12-31"
    assert old in text_
    path = tmp_path / "programme.yaml"
    path.write_text(text_.replace(old, f"  defence_city_regime_ends: {day}"), encoding="utf-8")
    return path


def test_a_term_past_the_end_of_the_regime_says_what_happens(tmp_path: Path) -> None:
    # DC-2026-014: 15 October 2026 for 10 years, so past a regime ending on 31 December 2034
    programme = _programme_with_regime_end(tmp_path, "2034-12-31")
    rec = record("DC-2026-014", programme=programme)
    uk, en = text(rec, KEY, "uk"), text(rec, KEY, "en")
    assert "Режим Defence City припиняється 31 грудня 2034 р., до закінчення строку дії цього Договору." in uk
    assert "якщо їх не погоджено протягом 90 (дев’яноста) календарних днів з цієї дати" in uk
    assert "The Defence City regime ends on 31 December 2034, before the end of the term of this Agreement." in en
    assert f"under Section {SECTIONS.no('ministry')} that depend on the regime continue only as far as the laws of Ukraine" in en
    assert "any Shareholder may terminate this Agreement by written notice" in en
    # a regime that outlasts the term, or a venture abroad, gets no such clause
    later = record("DC-2026-014", programme=_programme_with_regime_end(tmp_path, "2040-01-01"))
    assert "Defence City regime ends" not in text(later, KEY, "en")
    abroad = record("DC-2026-030", programme=programme)
    assert "Defence City regime ends" not in text(abroad, KEY, "en")
    assert "Defence City regime ends" not in fixture_text("DC-2026-014", KEY, "en")


def test_the_regime_end_is_a_date(tmp_path: Path) -> None:
    from dcity_docs.errors import RecordInvalid
    from dcity_docs.record.loading import load_programme

    with pytest.raises(RecordInvalid) as caught:
        load_programme(_programme_with_regime_end(tmp_path, "2034"))
    assert "terms.defence_city_regime_ends" in str(caught.value.problems[0])

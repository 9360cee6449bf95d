"""Force Majeure read back as counsel would: the events of a war (war, martial law, hostilities,
strikes on or near the site, mobilisation, a State refusing or revoking a licence), notice within
the stated days, the proof a Ukrainian counterparty needs (a certificate of the Chamber of Commerce
and Industry of Ukraine or other evidence of the event and its effect on the obligation),
suspension, termination after the stated days; the jobs undertaking measured annually, on
reasonable endeavours and excused by force majeure. Each number a term that changes its clause."""

from __future__ import annotations

import pytest

from dcity_docs.documents import jv_agreement
from jv_clauses import ABROAD, FIXTURES, IN_UKRAINE, changed, clause, pdf_texts, refused, section, text

NO = jv_agreement.SECTIONS.no
CHAMBER_UK = ("сертифікат Торгово-промислової палати України або уповноваженої нею регіональної "
              "торгово-промислової палати, виданий відповідно до статті 14-1 Закону України «Про "
              "торгово-промислові палати в Україні»")
JOBS = {"DC-2026-014": ("180 (ста вісімдесяти) робочих місць", "180 (one hundred and eighty) jobs")}


@pytest.mark.parametrize("name", FIXTURES)
def test_events_notice_evidence_suspension_and_termination(name: str) -> None:
    en = section(name, "force-majeure", "en")
    uk = section(name, "force-majeure", "uk")
    assert en[0] == f"{NO('force-majeure')}. Force Majeure"
    events = clause(name, "force-majeure", "en", "is not liable for a failure or delay")
    for event in ("war, martial law, hostilities, missile, drone or other strikes", "the mobilisation of the Party’s",
                  "the refusal, suspension or revocation by a State of a licence or permit"):
        assert event in events, event
    assert "війною, воєнним станом, бойовими діями, ракетними, дроновими чи іншими ударами" in "\n".join(uk)
    assert "including the martial law then in force in Ukraine, is force majeure only to the extent" in "\n".join(en)
    notice = clause(name, "force-majeure", "en", "shall notify the other Parties in writing")
    assert "within 10 (ten) calendar days of the day on which it learnt of the event" in notice
    assert "may not rely on the event for the period before its notice" in notice
    assert "протягом 10 (десяти) календарних днів з дня, коли їй стало відомо про подію" in "\n".join(uk)
    proof = clause(name, "force-majeure", "en", "evidence of the event")
    assert proof.startswith(f"{NO('force-majeure')}.4. Within 30 (thirty) calendar days of its notice")
    assert ("a certificate of the Chamber of Commerce and Industry of Ukraine or of a regional chamber authorised "
            "by it, issued under Article 14-1 of the Law of Ukraine “On Chambers of Commerce and Industry in "
            "Ukraine”") in proof
    assert "other evidence that shows the event and its effect on that obligation" in proof
    assert CHAMBER_UK in "\n".join(uk) and "інші докази, що підтверджують подію та її вплив" in "\n".join(uk)
    assert any("are suspended for as long as the force majeure and its effect last" in p for p in en)
    end = clause(name, "force-majeure", "en", "may terminate this Agreement")
    assert "for more than 180 (one hundred and eighty) calendar days in total, any Party may terminate" in end
    assert "без відповідальності за таке розірвання" in "\n".join(uk)
    assert "понад 180 (сто вісімдесят) календарних днів" in "\n".join(uk)


def test_the_site_and_article_617_for_a_venture_in_ukraine_under_its_law() -> None:
    events_en = clause(IN_UKRAINE, "force-majeure", "en", "is not liable for a failure or delay")
    assert "strikes on or near the Site" in events_en and "(Article 617 of the Civil Code of Ukraine)" in events_en
    events_uk = clause(IN_UKRAINE, "force-majeure", "uk", "не відповідає за невиконання")
    assert "ударами на Майданчику або поблизу нього" in events_uk and "(стаття 617 Цивільного кодексу України)" in events_uk


def test_a_venture_abroad_has_no_site_and_no_ukrainian_code() -> None:
    en = "\n".join(section(ABROAD, "force-majeure", "en"))
    uk = "\n".join(section(ABROAD, "force-majeure", "uk"))
    assert "the Site" not in en and "Майданчик" not in uk and "Article 617" not in en
    assert "strikes on or near the Venture’s production facilities" in en
    assert "на виробничих об’єктах Підприємства або поблизу них" in uk


@pytest.mark.parametrize(
    ("term", "value", "en", "uk"),
    [
        ("force_majeure_notice_days", "5", "within 5 (five) calendar days of the day",
         "протягом 5 (п’яти) календарних днів з дня"),
        ("force_majeure_evidence_days", "21", "Within 21 (twenty-one) calendar days of its notice",
         "Протягом 21 (двадцяти одного) календарного дня з дати свого повідомлення"),
        ("force_majeure_termination_days", "365", "for more than 365 (three hundred and sixty-five) calendar days",
         "понад 365 (триста шістдесят п’ять) календарних днів"),
    ],
)
def test_each_force_majeure_term_changes_exactly_its_clause(term: str, value: str, en: str, uk: str) -> None:
    diff = changed(IN_UKRAINE, "force-majeure", ((term, value),))
    [(_, new_en)], [(_, new_uk)] = diff["en"], diff["uk"]
    assert en in new_en and uk in new_uk


def test_the_jobs_undertaking_is_annual_on_reasonable_endeavours_and_excused_by_force_majeure() -> None:
    jobs_uk, jobs_en = JOBS[IN_UKRAINE]
    en = clause(IN_UKRAINE, "employment", "en", jobs_en)
    assert en.startswith(f"{NO('employment')}.1. The Shareholders shall use reasonable endeavours to procure that "
                         f"the Venture creates {jobs_en} for citizens of Ukraine")
    assert "measured once a year, by the average number of jobs held by citizens of Ukraine in the calendar year" in en
    assert f"results from force majeure under Section {NO('force-majeure')}." in en
    uk = clause(IN_UKRAINE, "employment", "uk", jobs_uk)
    assert uk.startswith(f"{NO('employment')}.1. Учасники докладають розумних зусиль")
    assert "оцінюється щороку" in uk and f"обставинами непереборної сили відповідно до розділу {NO('force-majeure')}" in uk
    assert "shall ensure that the Venture creates" not in text(IN_UKRAINE, "en")


def test_bilingual_holds_both_languages_of_the_proof() -> None:
    both = text(IN_UKRAINE, "bilingual")
    assert CHAMBER_UK in both and "Chamber of Commerce and Industry of Ukraine" in both


@pytest.mark.parametrize(("term", "value"), [("force_majeure_notice_days", "0"), ("force_majeure_notice_days", "61"),
                                             ("force_majeure_evidence_days", "91"),
                                             ("force_majeure_termination_days", "29")])
def test_a_force_majeure_term_out_of_range_is_refused_with_file_line_and_field(term: str, value: str) -> None:
    assert refused(term, value)


@pytest.mark.libreoffice
def test_the_pdf_holds_the_force_majeure_clause_in_both_languages() -> None:
    pdf = pdf_texts(IN_UKRAINE)
    assert "Торгово-промислової палати України" in pdf["uk"] and "протягом 10 (десяти) календарних днів" in pdf["uk"]
    assert "Chamber of Commerce and Industry of Ukraine" in pdf["en"]
    assert "180 (one hundred and eighty) calendar days in total" in pdf["en"]

"""Warranties and Liability read back as counsel would: who warrants what (capacity and authority;
title to and no encumbrance on every contribution; non-infringement only by those who contribute
technology), what happens if a warranty is untrue, the cap as a share of the capital in figures and
words and as an amount, no lost profit or indirect loss, and the carve-outs; the Civil Code of
Ukraine only where the law of Ukraine governs; a changed cap changes exactly the cap clause."""

from __future__ import annotations

import pytest

from dcity_docs.documents import jv_agreement
from jv_clauses import ABROAD, FIXTURES, IN_UKRAINE, changed, clause, pdf_texts, refused, section, text

NO = jv_agreement.SECTIONS.no

# Written out by hand from the fixtures: who contributes technology, the cap at the default 50 %.
TECHNOLOGY = {"DC-2026-014": [2], "DC-2026-021": [2], "DC-2026-030": [1, 3]}
CAP = {
    "DC-2026-014": ("6 250 000,00 (шість мільйонів двісті п’ятдесят тисяч) євро 00 центів",
                    "EUR 6,250,000.00 (six million two hundred and fifty thousand euros)"),
    "DC-2026-021": ("4 200 000,00 (чотири мільйони двісті тисяч) фунтів стерлінгів 00 пенсів",
                    "GBP 4,200,000.00 (four million two hundred thousand pounds sterling)"),
    "DC-2026-030": ("75 000 000,00 (сімдесят п’ять мільйонів) норвезьких крон 00 ере",
                    "NOK 75,000,000.00 (seventy-five million Norwegian kroner)"),
}
SHAREHOLDERS = {"DC-2026-014": 2, "DC-2026-021": 3, "DC-2026-030": 3}


@pytest.mark.parametrize("name", FIXTURES)
def test_capacity_authority_and_title_to_every_contribution(name: str) -> None:
    en, uk = section(name, "warranties", "en"), section(name, "warranties", "uk")
    assert en[0] == f"{NO('warranties')}. Warranties" and uk[0] == f"{NO('warranties')}. Запевнення та гарантії"
    assert any("Each Shareholder warrants" in p and "capacity to conclude and perform this Agreement" in p
               and "duly authorised" in p for p in en)
    assert any("Кожен Учасник запевняє" in p and "належним чином уповноважений" in p for p in uk)
    assert any(p.endswith("The Ministry warrants that it concludes this Agreement within the powers conferred on "
                          "it by the laws of Ukraine and that its signatory is duly authorised to sign it.") for p in en)
    for n in range(1, SHAREHOLDERS[name] + 1):
        title_en = clause(name, "warranties", "en", f"Shareholder {n} warrants that it is entitled to contribute")
        assert "free from any pledge, arrest, lien or other encumbrance" in title_en
        assert "will transfer them to the Venture in that condition" in title_en
        title_uk = clause(name, "warranties", "uk", f"Учасник {n} запевняє, що має право внести")
        assert "вільні від будь-якої застави, арешту" in title_uk and "не є предметом спору" in title_uk
    # the kinds of the contribution, joined as in the shares table (no «і» between vowels)
    assert "(ліцензія на технологію і обладнання)" not in "\n".join(uk)


@pytest.mark.parametrize("name", FIXTURES)
def test_non_infringement_only_by_those_who_contribute_technology(name: str) -> None:
    en = [p for p in section(name, "warranties", "en") if "does not infringe the intellectual property" in p]
    assert [int(p.split(" warrants")[0].split("Shareholder ")[-1]) for p in en] == TECHNOLOGY[name]
    for p in en:
        assert f"under Section {NO('licence')}" in p and "at its own cost, defend the claim" in p
    uk = [p for p in section(name, "warranties", "uk") if "не порушує прав інтелектуальної власності" in p]
    assert len(uk) == len(TECHNOLOGY[name])
    # an untrue warranty: notice, the cure period (the cure_days term, 30) to put it right, then compensation within the cap
    breach = clause(name, "warranties", "en", "is or has become untrue")
    assert "within 30 (thirty) calendar days of a written notice" in breach
    assert f"subject to Section {NO('liability')}" in breach
    assert "протягом 30 (тридцяти) календарних днів" in clause(name, "warranties", "uk", "стало недостовірним")


def test_liability_under_the_law_of_ukraine() -> None:
    name = IN_UKRAINE
    en, uk = "\n".join(section(name, "liability", "en")), "\n".join(section(name, "liability", "uk"))
    assert ("shall not exceed 50 (fifty) per cent of the charter capital of the Venture stated in Section "
            f"{NO('capital')}, that is {CAP[name][1]}") in en
    assert "Article 22(3) of the Civil Code of Ukraine" in en
    assert ("не може перевищувати 50 (п’ятдесяти) відсотків від статутного капіталу Підприємства, визначеного "
            f"в розділі {NO('capital')}, тобто {CAP[name][0]}") in uk
    assert "частини третьої статті 22 Цивільного кодексу України" in uk
    assert "лише реальні збитки" in uk and "за упущену вигоду" in uk and "непрямі збитки" in uk
    assert "No Party is liable to another for lost profit" in en and "indirect or consequential loss" in en
    carve = clause(name, "liability", "en", "do not limit or exclude liability")
    clauses = [p.split(" ")[0].rstrip(".") for p in section(name, "liability", "en")[1:3]]
    assert carve.startswith(f"{NO('liability')}.3. Clauses {clauses[0]} and {clauses[1]} do not limit")
    for item in ("fraud", "intentional breach of an obligation (wilful misconduct)", "Article 614(3)",
                 f"Section {NO('confidentiality')}", f"Section {NO('export')}", "sanctions and export control"):
        assert item in carve, item
    assert "нікчемним відповідно до частини третьої статті 614 Цивільного кодексу України" in uk


@pytest.mark.parametrize("name", ["DC-2026-021", ABROAD])
def test_liability_under_a_foreign_law_cites_no_ukrainian_code(name: str) -> None:
    en, uk = "\n".join(section(name, "liability", "en")), "\n".join(section(name, "liability", "uk"))
    assert "Civil Code" not in en and "Цивільного кодексу" not in uk
    assert "shall not exceed 50 (fifty) per cent of" in en and CAP[name][1] in en and CAP[name][0] in uk
    assert "loss of profit or for any indirect or consequential loss" in en
    assert "fraud or wilful misconduct" in en and "cannot be limited or excluded by law" in en
    if name == ABROAD:  # a Norwegian company has share capital, not charter capital
        assert "of the share capital of the Venture" in en and "charter" not in en
        assert "від акціонерного капіталу" in uk and "статутн" not in uk


def test_a_changed_cap_changes_exactly_the_cap_clause_in_both_languages() -> None:
    diff = changed(IN_UKRAINE, "liability", (("liability_cap_percent", "25"),))
    [(old_en, new_en)], [(old_uk, new_uk)] = diff["en"], diff["uk"]
    assert "50 (fifty) per cent" in old_en
    assert "25 (twenty-five) per cent" in new_en and "EUR 3,125,000.00 (three million one hundred and twenty-five " \
        "thousand euros)" in new_en
    assert "50 (п’ятдесяти) відсотків" in old_uk
    assert "25 (двадцяти п’яти) відсотків" in new_uk
    assert "3 125 000,00 (три мільйони сто двадцять п’ять тисяч) євро 00 центів" in new_uk


def test_bilingual_holds_both_languages_of_the_cap() -> None:
    both = text(IN_UKRAINE, "bilingual")
    assert CAP[IN_UKRAINE][0] in both and CAP[IN_UKRAINE][1] in both


@pytest.mark.parametrize("value", ["0", "101", "-5", "fifty", "50.5"])
def test_a_cap_out_of_range_is_refused_with_file_line_and_field(value: str) -> None:
    assert refused("liability_cap_percent", value)
    assert not refused("liability_cap_percent", "100")


@pytest.mark.libreoffice
def test_the_pdf_holds_the_cap_in_figures_and_words_in_both_languages() -> None:
    pdf = pdf_texts(IN_UKRAINE)
    assert CAP[IN_UKRAINE][0] in pdf["uk"] and "50 (п’ятдесяти) відсотків" in pdf["uk"]
    assert CAP[IN_UKRAINE][1] in pdf["en"] and "Article 614(3) of the Civil Code of Ukraine" in pdf["en"]

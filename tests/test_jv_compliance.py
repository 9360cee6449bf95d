"""Sanctions and anti-corruption, read back as counsel reads them: each party's warranties and
undertakings under the laws that bind it (the Law of Ukraine «Про запобігання корупції», the UK
Bribery Act 2010 for a UK partner, the partner country's criminal law), the sanctions of Ukraine,
the EU, the UK and the US; nothing to Russia or Belarus, directly or through third countries; the
Article 12g clause for EU exporters only where that Article asks for it; no owner from the
aggressor state; beneficial owners disclosed; an audit right; termination and forced sale through
the shareholders' agreement. Numbers in figures and words; a changed term changes the clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from dcity_docs.record.models import Record
from jv_sections import (FIXTURES, assert_one_paragraph_changes, fixture, paragraphs, programme_with,
                         text_of)

UK, EN = "Санкції та протидія корупції", "Sanctions and Anti-Corruption"
ART_12G_EN = ("Article 12g of Council Regulation (EU) No 833/2014 of 31 July 2014 concerning restrictive "
              "measures in view of Russia’s actions destabilising the situation in Ukraine")
ART_12G_UK = ("стаття 12g Регламенту Ради (ЄС) № 833/2014 від 31 липня 2014 р. щодо обмежувальних заходів "
              "у зв’язку з діями Росії, що дестабілізують ситуацію в Україні")


def moved(record: Record, *, venture_country: str | None = None, partner_country: str | None = None) -> Record:
    """The record with its venture placed in another country, or its second shareholder from one."""
    update: dict[str, object] = {}
    if venture_country:
        update["venture"] = record.venture.model_copy(update={"country": venture_country})
    if partner_country:
        holders = list(record.shareholders)
        holders[1] = holders[1].model_copy(update={"country": partner_country})
        update["shareholders"] = holders
    return record.model_copy(update=update)


@pytest.mark.parametrize("name", FIXTURES)
def test_every_party_warrants_and_undertakes_sanctions_and_anti_corruption(name: str) -> None:
    record = fixture(name)
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    # Sanctions of Ukraine (by the Law's official title), the EU, the UK and the US, as they apply.
    assert "“Sanctions” means the sanctions and restrictive measures imposed under the Law of Ukraine " \
           "“On Sanctions”, by the European Union, by the United Kingdom and by the United States of " \
           "America. Each Party warrants that it complies with the Sanctions as far as they apply to it" in en
    assert "відповідно до Закону України «Про санкції», Європейським Союзом, Сполученим Королівством і " \
           "Сполученими Штатами Америки" in uk
    # Nothing to Russia or Belarus, directly or through third countries.
    assert "directly or indirectly, including through third countries, to the Russian Federation or the " \
           "Republic of Belarus" in en
    assert "прямо чи опосередковано, зокрема через треті країни, до Російської Федерації або Республіки " \
           "Білорусь" in uk
    # No owner from the aggressor state; beneficial owners disclosed, changes within 10 days.
    assert "is or will become the Russian Federation, as the state carrying out armed aggression against " \
           "Ukraine (the “Aggressor State”)" in en
    assert "державою, що здійснює збройну агресію проти України (далі – «Держава-агресор»)" in uk
    assert "shall notify the other Parties in writing of any change in them within 10 (ten) calendar days " \
           "of the change" in en
    assert "протягом 10 (десяти) календарних днів з дня такої зміни" in uk
    # The anti-corruption law of Ukraine by its official title, for the Ministry and the Ukrainians.
    assert "for the Ministry and each Shareholder established in Ukraine, the Law of Ukraine “On Prevention " \
           "of Corruption”" in en
    assert "Закону України «Про запобігання корупції»" in uk and "неправомірної вигоди" in uk
    # The audit: who, on what notice, at whose cost.
    assert "any Shareholder and the Ministry may, by a written notice given at least 10 (ten) calendar days " \
           "in advance, have an independent auditor" in en
    assert "письмово повідомивши щонайменше за 10 (десять) календарних днів" in uk
    assert "unless it reveals a breach, in which case the Party in breach bears its cost" in en
    # What happens on a breach: termination and the forced sale under the shareholders' agreement.
    assert "(a) any other Party may terminate this Agreement as regards that Shareholder" in en
    assert "(b) that Shareholder is a defaulting Shareholder under the shareholders’ agreement concluded " \
           "between the Shareholders (the “Shareholders’ Agreement”)" in en
    assert "may buy its share under the call option it gives them, as far as the Sanctions allow" in en
    assert "а) будь-яка інша Сторона може відмовитися від цього Договору щодо такого Учасника" in uk
    assert "(далі – «Корпоративний договір»)" in uk and "правом придбати його частку" in uk


def test_each_foreign_partner_is_bound_by_its_own_anti_bribery_law() -> None:
    uk, en = text_of(fixture("DC-2026-021"), "uk", UK), text_of(fixture("DC-2026-021"), "en", EN)
    assert "Shareholder 2 shall also comply with the Bribery Act 2010 of the United Kingdom and maintain the " \
           "adequate procedures to prevent bribery referred to in section 7 of that Act." in en
    assert "Учасник 2 також дотримується Закону Сполученого Королівства про хабарництво 2010 року " \
           "(Bribery Act 2010)" in uk
    for name, country_en, country_uk in (("DC-2026-014", "Denmark", "Данії"), ("DC-2026-030", "Norway", "Норвегії")):
        record = fixture(name)
        uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
        assert f"Shareholder 2 shall also comply with the criminal law of {country_en} on bribery and corruption." in en
        assert f"Учасник 2 також дотримується кримінального законодавства {country_uk} про протидію " \
               "хабарництву та корупції." in uk
        assert "Bribery Act" not in en
    # A Ukrainian shareholder gets no foreign law of its own.
    en = text_of(fixture("DC-2026-021"), "en", EN)
    assert "Shareholder 1 shall also comply" not in en and "Shareholder 3 shall also comply" not in en


def test_the_article_12g_clause_only_where_that_article_asks_for_it() -> None:
    # A Danish exporter to a venture in Ukraine: required.
    record = fixture("DC-2026-014")
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    assert f"Shareholder 2, as an exporter from the European Union, shall include in each contract by which " \
           f"it sells, supplies, transfers or exports to the Venture goods or technology covered by {ART_12G_EN}" in en
    assert "the prohibition of re-exporting them to the Russian Federation and for use in the Russian " \
           "Federation that that Article requires" in en
    assert f"Учасник 2 як експортер з Європейського Союзу включає до кожного договору" in uk
    assert ART_12G_UK in uk and "заборону реекспорту до Російської Федерації" in uk
    # A UK partner is no EU exporter; a Danish one exporting to Norway (Annex VIII) or within the EU
    # needs no such clause; the general prohibition stays in every case.
    for record in (fixture("DC-2026-021"), moved(fixture("DC-2026-030"), partner_country="DK"),
                   moved(fixture("DC-2026-030"), venture_country="DE", partner_country="DK")):
        en = text_of(record, "en", EN)
        assert "833/2014" not in en, record.id
        assert "to the Russian Federation or the Republic of Belarus" in en
    # A Danish exporter to a venture abroad outside the EU and Annex VIII: required.
    en = text_of(moved(fixture("DC-2026-030"), venture_country="MD", partner_country="DK"), "en", EN)
    assert "Shareholder 2, as an exporter from the European Union" in en


def test_the_bilingual_agreement_holds_both_texts_of_the_section() -> None:
    text = "\n".join(paragraphs(fixture("DC-2026-021"), "bilingual"))
    assert UK in text and EN in text
    assert "Bribery Act 2010" in text and "Закону України «Про запобігання корупції»" in text
    assert "the Law of Ukraine “On Sanctions”" in text and "Закону України «Про санкції»" in text


def test_record_terms_change_the_compliance_clauses_in_both_languages() -> None:
    record = fixture("DC-2026-030", "  beneficial_owner_notice_days: 20\n  compliance_audit_notice_days: 15\n")
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    assert "within 20 (twenty) calendar days of the change" in en and "10 (ten)" not in en
    assert "протягом 20 (двадцяти) календарних днів з дня такої зміни" in uk
    assert "at least 15 (fifteen) calendar days in advance" in en
    assert "щонайменше за 15 (п’ятнадцять) календарних днів" in uk


def test_a_changed_programme_default_changes_exactly_the_disclosure_clause(tmp_path: Path) -> None:
    changed = programme_with(tmp_path, "  beneficial_owner_notice_days: 10 ", "  beneficial_owner_notice_days: 14 ")
    assert_one_paragraph_changes("DC-2026-014", changed, {"uk": UK, "en": EN},
                                 {"uk": ("10 (десяти) календарних днів", "14 (чотирнадцяти) календарних днів"),
                                  "en": ("10 (ten) calendar days", "14 (fourteen) calendar days")})

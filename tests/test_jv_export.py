"""Export control of military goods, not only dual-use items: an EU partner is bound by its national
war-materiel licensing, which applies Council Common Position 2008/944/CFSP, besides Regulation (EU)
2021/821; a UK or Norwegian partner keeps its own regime; the Ukrainian law on military and
dual-use goods binds every venture. Read back in uk, en and bilingual."""

from __future__ import annotations

from dcity_docs.record.models import Record
from jv_sections import fixture, paragraphs, text_of

UK, EN = "Експортний контроль і передача технологій", "Export Control and Technology Transfer"
CCP_EN = ("Council Common Position 2008/944/CFSP of 8 December 2008 defining common rules governing "
          "control of exports of military technology and equipment")
CCP_UK = ("Спільної позиції Ради 2008/944/СЗБП від 8 грудня 2008 р., що визначає спільні правила контролю "
          "за експортом військових технологій та обладнання")
DUAL_EN = "Regulation (EU) 2021/821 of the European Parliament and of the Council of 20 May 2021"
DUAL_UK = "Регламенту (ЄС) 2021/821 Європейського Парламенту та Ради від 20 травня 2021 р."


def test_an_eu_partner_is_bound_by_war_materiel_licensing_and_the_dual_use_regulation() -> None:
    record = fixture("DC-2026-014")
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    assert "Shareholder 2 shall also comply with the laws of Denmark on the licensing of exports of military " \
           f"technology and equipment, which apply the common rules of {CCP_EN}, and {DUAL_EN}" in en
    assert "together with the export control laws of Denmark on dual-use items." in en
    assert "Учасник 2 також дотримується законодавства Данії про ліцензування експорту військових технологій " \
           f"та обладнання, яке застосовує спільні правила {CCP_UK}, а також {DUAL_UK}" in uk
    assert "законодавства Данії про експортний контроль товарів подвійного використання." in uk
    # The Ukrainian side: military and dual-use goods under the Law, through the State Service.
    assert "the Law of Ukraine “On State Control over International Transfers of Military and Dual-Use " \
           "Goods”" in en
    assert "Державної служби експортного контролю України" in uk


def test_uk_and_norwegian_partners_keep_their_own_regimes() -> None:
    en = text_of(fixture("DC-2026-021"), "en", EN)
    assert "Shareholder 2 shall also comply with the Export Control Act 2002 and the Export Control Order " \
           "2008 of the United Kingdom." in en
    en_no = text_of(fixture("DC-2026-030"), "en", EN)
    assert "the Norwegian Act of 18 December 1987 No. 93 relating to control of the export of strategic goods" in en_no
    for text in (en, en_no):
        assert "2008/944/CFSP" not in text and "2021/821" not in text


def test_a_venture_placed_in_an_eu_state_obtains_its_licences_under_that_states_regime() -> None:
    base = fixture("DC-2026-030")
    record: Record = base.model_copy(update={"venture": base.venture.model_copy(update={"country": "PL"})})
    uk, en = text_of(record, "uk", UK), text_of(record, "en", EN)
    assert "The Shareholders shall ensure that the Venture obtains, for its production and exports, every " \
           "licence and permit required under the laws of Poland on the licensing of exports of military " \
           "technology and equipment" in en
    assert "законодавства Польщі про ліцензування експорту військових технологій та обладнання" in uk
    assert CCP_EN in en and CCP_UK in uk


def test_the_bilingual_agreement_holds_both_texts() -> None:
    text = "\n".join(paragraphs(fixture("DC-2026-014"), "bilingual"))
    assert CCP_EN in text and CCP_UK in text

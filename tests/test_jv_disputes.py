"""Dispute resolution read back as counsel reads it: the seat names city and country, the language
of the arbitration is a term (English by default), three or more parties appoint three arbitrators
as the rules provide for multi-party cases, non-arbitrable disputes go to the courts of Ukraine,
the Ministry waives Ukraine's immunity (property in sovereign or defence use excepted), the Venture
accedes, the site-use agreement goes to the same forum; the same forum in the memorandum and the
shareholders' agreement."""

from __future__ import annotations

import pytest

from dcity_docs.errors import RecordInvalid

from dcity_docs.documents.jv_agreement import SECTIONS
from clauses import FIXTURES, MODES, fixture_text, langs_of, record, text

KEY = "jv-agreement"
# Written out by hand: the seat as a lawyer names it, per fixture.
SEAT = {
    "DC-2026-014": ("Місцем арбітражу є м. Відень, Австрія.", "The seat of arbitration shall be Vienna, Austria."),
    "DC-2026-021": ("Місцем (юридичним місцем) арбітражу є м. Лондон, Велика Британія.",
                    "The seat, or legal place, of arbitration shall be London, United Kingdom."),
    "DC-2026-030": ("Місцем арбітражу є м. Стокгольм, Швеція.", "The seat of arbitration shall be Stockholm, Sweden."),
}
APPOINTER = {
    "DC-2026-014": ("Міжнародний арбітражний суд Міжнародної торгової палати призначає всіх трьох арбітрів",
                    "the International Court of Arbitration of the International Chamber of Commerce shall "
                    "appoint all three arbitrators"),
    "DC-2026-021": ("Суд LCIA призначає всіх трьох арбітрів", "the LCIA Court shall appoint all three arbitrators"),
    "DC-2026-030": ("Арбітражний інститут SCC призначає всіх трьох арбітрів",
                    "the SCC Arbitration Institute shall appoint all three arbitrators"),
}
LANGUAGE = {"uk": ("Мова арбітражу – англійська", "Мова арбітражного провадження – англійська"),
            "en": ("The language of the arbitration shall be English",
                   "The language to be used in the arbitral proceedings shall be English")}
MULTI_PARTY = ("позивач або позивачі спільно призначають одного арбітра, а відповідач або відповідачі "
               "спільно призначають одного арбітра",
               "the claimant or claimants shall jointly nominate one arbitrator and the respondent or "
               "respondents shall jointly nominate one arbitrator")
CARVE_OUT = ("Спори, які відповідно до Закону України «Про міжнародний комерційний арбітраж» або "
             "Господарського процесуального кодексу України не можуть бути передані на вирішення "
             "арбітражу, вирішуються компетентними судами України.",
             "Disputes which, under the Law of Ukraine “On International Commercial Arbitration” or the "
             "Commercial Procedure Code of Ukraine, cannot be referred to arbitration shall be resolved "
             "by the competent courts of Ukraine.")
WAIVER = (("Міністерство, діючи від імені України, безвідклично відмовляється",
           "Закон України «Про міжнародне приватне право»",
           f"від будь-якого імунітету України щодо юрисдикції арбітражу, утвореного відповідно до пункту {SECTIONS.no('disputes')}.1, "
           "а також щодо визнання та виконання його рішення",
           "Ця відмова не поширюється на звернення стягнення на майно України, яке використовується або "
           "призначене для використання в суверенних чи оборонних цілях."),
          ("The Ministry, acting for Ukraine, irrevocably waives",
           "the Law of Ukraine “On Private International Law”",
           "any immunity of Ukraine from the jurisdiction of the arbitral tribunal constituted under clause "
           f"{SECTIONS.no('disputes')}.1 and from the recognition and enforcement of its award in any State",
           "The waiver does not extend to execution against property of Ukraine that is used or intended "
           "for use for sovereign or defence purposes."))
ACCESSION = ("Учасники забезпечують, щоб Підприємство після його реєстрації та до отримання ним будь-якого "
             "вкладу письмово приєдналося до цього розділу",
             "The Shareholders shall procure that the Venture, once registered and before it receives any "
             "contribution, accedes in writing to this Section")
SITE_USE = ("договір про використання Майданчика передбачав передання спорів за ним на вирішення арбітражу "
            "за тим самим регламентом, з тим самим місцем і мовою арбітражу",
            "the agreement on the use of the Site refers its disputes to arbitration under the same rules, "
            "with the same seat and language, so that disputes under it and under this Agreement may be "
            "consolidated")
I = {"uk": 0, "en": 1}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FIXTURES)
def test_the_arbitration_clause_of_every_fixture(name: str, mode: str) -> None:
    body = fixture_text(name, KEY, mode)
    in_ukraine = record(name).venture.placement == "ukraine"
    for lang in langs_of(mode):
        i = I[lang]
        assert SEAT[name][i] in body
        assert any(words in body for words in LANGUAGE[lang])
        assert MULTI_PARTY[i] in body and APPOINTER[name][i] in body
        assert CARVE_OUT[i] in body
        for words in WAIVER[i]:
            assert words in body, words
        assert ACCESSION[i] in body
        assert (SITE_USE[i] in body) == in_ukraine  # no site, no site-use agreement abroad


def test_the_icc_sentence_has_its_subject_in_ukrainian() -> None:
    body = fixture_text("DC-2026-014", KEY, "uk")
    assert ("остаточно вирішуються відповідно до Арбітражного регламенту Міжнародної торгової палати трьома "
            "арбітрами, призначеними згідно із зазначеним Регламентом.") in body
    assert "у складі" not in body.split("Вирішення спорів")[-1].split("Мови та примірники")[0]
    en = fixture_text("DC-2026-014", KEY, "en")
    assert ("under the Rules of Arbitration of the International Chamber of Commerce by three arbitrators "
            "appointed in accordance with the said Rules.") in en


@pytest.mark.parametrize("name", ["DC-2026-014", "DC-2026-021"])
def test_the_language_of_the_arbitration_is_a_term(name: str) -> None:
    changed = record(name, "arbitration_language: uk")
    uk, en = text(changed, KEY, "uk"), text(changed, KEY, "en")
    assert "– українська" in uk and "– англійська" not in uk
    assert ("shall be Ukrainian" in en) and "shall be English" not in en
    # only the arbitration clause changes
    before = fixture_text(name, KEY, "en").splitlines()
    differ = [(a, b) for a, b in zip(before, en.splitlines()) if a != b]
    assert len(differ) == 1 and "arbitration" in differ[0][0]


def test_a_sole_arbitrator_needs_no_multi_party_appointment() -> None:
    sole = record("DC-2026-014", replace=("seat: {uk: Відень, en: Vienna}", "seat: {uk: Відень, en: Vienna}\n  arbitrators: 1"))
    uk, en = text(sole, KEY, "uk"), text(sole, KEY, "en")
    assert "одноосібним арбітром, призначеним згідно із зазначеним Регламентом" in uk
    assert "by a sole arbitrator appointed in accordance with the said Rules" in en
    assert MULTI_PARTY[0] not in uk and MULTI_PARTY[1] not in en
    assert CARVE_OUT[1] in en and WAIVER[1][0] in en


def test_the_courts_of_ukraine_need_no_waiver_nor_carve_out() -> None:
    courts = record("DC-2026-014", replace=("forum: icc", "forum: ua_courts"))
    en = text(courts, KEY, "en")
    assert "shall be resolved by the competent courts of Ukraine in Vienna" in en
    assert WAIVER[1][0] not in en and CARVE_OUT[1] not in en and MULTI_PARTY[1] not in en


def test_the_seat_country_is_given_where_the_city_is_not_known() -> None:
    with pytest.raises(RecordInvalid) as caught:
        record("DC-2026-014", replace=("seat: {uk: Відень, en: Vienna}", "seat: {uk: Лугано, en: Lugano}"))
    assert "disputes" in str(caught.value.problems[0]) and "seat_country" in str(caught.value.problems[0])
    lugano = record("DC-2026-014", replace=("seat: {uk: Відень, en: Vienna}",
                                            "seat: {uk: Лугано, en: Lugano}\n  seat_country: CH"))
    assert "м. Лугано, Швейцарія" in text(lugano, KEY, "uk")
    assert "shall be Lugano, Switzerland" in text(lugano, KEY, "en")


@pytest.mark.parametrize("key", ["memorandum", "shareholders-agreement"])
@pytest.mark.parametrize("name", FIXTURES)
def test_the_same_forum_in_the_memorandum_and_the_shareholders_agreement(key: str, name: str) -> None:
    for lang in ("uk", "en"):
        body = fixture_text(name, key, lang)
        i = I[lang]
        assert SEAT[name][i] in body and any(words in body for words in LANGUAGE[lang])
        assert MULTI_PARTY[i] in body and CARVE_OUT[i] in body
        assert WAIVER[i][0] not in body  # the waiver is the agreement's, with the Ministry

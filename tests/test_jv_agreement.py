"""The joint-venture agreement read back as a lawyer reads it: parties and signatories in the right
case, dates, capital and contributions in figures and words with a table that totals, forum and seat,
prevailing language, term, party details (EDRPOU, IBAN in groups of four), and never a site detail."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import FIXTURE_DIR
from dcity_docs.output.documents import MODES, docx_bytes, draft_document
from dcity_docs.documents import jv_agreement
from dcity_docs.errors import InputError
from dcity_docs.language.money import format_iban, format_money
from dcity_docs.language.places import region_name
from dcity_docs.language.typography import NBSP, typography_uk
from dcity_docs.record.loading import load_record, parse_text, validate_source
from dcity_docs.record.models import ContributionKind, Record
from readback import STAGE_MARKS, docx_header_footer_text, docx_text, stage_marks
from test_declension import FOREIGN_SIGNATORIES

KEY = "jv-agreement"
FIXTURES_DIR = FIXTURE_DIR
FIXTURES = sorted(p.stem for p in FIXTURES_DIR.glob("*.yaml"))

# What a lawyer checks first, per fixture, written out by hand (not computed by the code under test).
EXPECTED: dict[str, dict[str, object]] = {
    "DC-2026-014": {
        "representatives_uk": [
            "в особі Міністра оборони України Умєрова Рустема Енверовича, що діє на підставі "
            "Положення про Міністерство оборони України",
            "в особі Директора Коваленко Ірини Петрівни, що діє на підставі Статуту",
            "в особі Генерального директора Сьорена Голма Єнсена, що діє на підставі Статуту",
        ],
        "date": ("15 жовтня 2026 р.", "15 October 2026"),
        "capital": (
            "12 500 000,00 (дванадцять мільйонів п’ятсот тисяч) євро 00 центів",
            "EUR 12,500,000.00 (twelve million five hundred thousand euros)",
        ),
        "term": ("строком на 10 (десять) років", "for a term of 10 (ten) years"),
        "jobs": ("180 (ста вісімдесяти) робочих місць", "180 (one hundred and eighty) jobs"),
        "forum": (
            ["Арбітражного регламенту Міжнародної торгової палати", "Місцем арбітражу є м. Відень, Австрія"],
            ["under the Rules of Arbitration of the International Chamber of Commerce",
             "The seat of arbitration shall be Vienna, Austria"],
        ),
        "law": ("відповідно до законодавства України", "in accordance with the laws of Ukraine"),
        "prevails": "uk",
        "ibans": ["UA22 3052 9900 0002 6001 2345 6789 0", "DK50 0040 0440 1162 43"],
        "copies": ("у 3 (трьох) примірниках", "in 3 (three) copies"),
    },
    "DC-2026-021": {
        "representatives_uk": [
            "в особі Заступника Міністра оборони України Гнатюка Дмитра Олеговича, що діє на "
            "підставі довіреності від 12 травня 2026 р. № 220/1/47",
            "в особі Директора Бондаренко Олени Василівни, що діє на підставі Статуту",
            "в особі Генерального директора Кравченка Тараса В’ячеславовича, що діє на підставі Статуту",
        ],
        "date": ("21 липня 2026 р.", "21 July 2026"),
        "capital": (
            "8 400 000,00 (вісім мільйонів чотириста тисяч) фунтів стерлінгів 00 пенсів",
            "GBP 8,400,000.00 (eight million four hundred thousand pounds sterling)",
        ),
        "term": ("строком на 15 (п’ятнадцять) років", "for a term of 15 (fifteen) years"),
        "jobs": ("240 (двохсот сорока) робочих місць", "240 (two hundred and forty) jobs"),
        "forum": (
            ["Регламенту LCIA", "Місцем (юридичним місцем) арбітражу є м. Лондон, Велика Британія"],
            ["arbitration under the LCIA Rules", "The seat, or legal place, of arbitration shall be London, United Kingdom"],
        ),
        "law": ("відповідно до права Англії та Уельсу", "in accordance with the laws of England and Wales"),
        "prevails": "en",
        "ibans": [
            "UA67 3808 0500 0002 6004 7182 9356 1",
            "GB92 LOYD 3096 3448 1726 50",
            "UA88 3223 1300 0002 6007 2054 8193 7",
        ],
        "copies": ("у 4 (чотирьох) примірниках", "in 4 (four) copies"),
    },
    "DC-2026-030": {
        "representatives_uk": [
            "в особі Першого заступника Міністра оборони України Савченко Мар’яни Олегівни, що діє "
            "на підставі довіреності від 2 лютого 2026 р. № 220/1/9",
            "в особі Голови правління Литвиненка Богдана Ярославовича, що діє на підставі Статуту",
            "в особі Генерального директора Інгрід Сульберг Гауген, що діє на підставі Статуту",
            "в особі Директора Ковальчука Юрія Ігоровича, що діє на підставі Статуту",
        ],
        "date": ("28 квітня 2026 р.", "28 April 2026"),
        "capital": (
            "150 000 000,00 (сто п’ятдесят мільйонів) норвезьких крон 00 ере",
            "NOK 150,000,000.00 (one hundred and fifty million Norwegian kroner)",
        ),
        "term": ("строком на 25 (двадцять п’ять) років", "for a term of 25 (twenty-five) years"),
        "jobs": ("60 (шістдесяти) робочих місць", "60 (sixty) jobs"),
        "forum": (
            ["Арбітражного регламенту Арбітражного інституту SCC", "Місцем арбітражу є м. Стокгольм, Швеція"],
            ["in accordance with the Arbitration Rules of the SCC Arbitration Institute",
             "The seat of arbitration shall be Stockholm, Sweden"],
        ),
        "law": ("відповідно до законодавства Швеції", "in accordance with the laws of Sweden"),
        "prevails": "uk",
        "ibans": [
            "UA61 3004 6500 0002 6005 3184 0271 6",
            "NO38 1503 4278 161",
            "UA06 3204 7800 0002 6009 6412 3708 5",
        ],
        "copies": ("у 4 (чотирьох) примірниках", "in 4 (four) copies"),
    },
}
PREVAILING = {
    "uk": {
        "uk": "переважну силу має текст українською мовою",
        "en": "the Ukrainian text shall prevail",
    },
    "en": {
        "uk": "переважну силу має текст англійською мовою",
        "en": "the English text shall prevail",
    },
}
LANG_INDEX = {"uk": 0, "en": 1}


def plain(text: str) -> str:
    """Compare wording without caring which space it uses (NBSP in numbers, «р.», «№ 1»)."""
    return text.replace(NBSP, " ")


@lru_cache(maxsize=None)
def record_of(name: str) -> Record:
    return load_record(FIXTURES_DIR / f"{name}.yaml")


@lru_cache(maxsize=None)
def _rendered(name: str, mode: str, folder: str) -> tuple[str, str]:
    path = Path(folder) / f"{name}_{KEY}_{mode}.docx"
    path.write_bytes(docx_bytes(record_of(name), KEY, mode))  # type: ignore[arg-type]
    return docx_text(path), docx_header_footer_text(path)


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("jv"))


def render(out_dir: str, name: str, mode: str) -> tuple[str, str]:
    """Body and margins of one rendering, each fixture and mode rendered once per test run."""
    return _rendered(name, mode, out_dir)


def langs_of(mode: str) -> list[str]:
    return ["uk", "en"] if mode == "bilingual" else [mode]


# --- every fixture in every language ------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FIXTURES)
def test_parties_and_signatories(out_dir: str, name: str, mode: str) -> None:
    record = record_of(name)
    body, _ = render(out_dir, name, mode)
    for lang in langs_of(mode):
        fix = typography_uk if lang == "uk" else (lambda s: s)
        assert fix(record.ministry.name[lang]) in body
        for holder in record.shareholders:
            assert fix(holder.name[lang]) in body
            assert fix(holder.signatory.position[lang]) in body
        if lang == "uk":
            for representative in EXPECTED[name]["representatives_uk"]:  # type: ignore[union-attr]
                assert representative in plain(body)
        else:
            for sig in [record.ministry.signatory] + [h.signatory for h in record.shareholders]:
                assert f"represented by {sig.name.en}, {sig.position.en}" in body
    assert "{{" not in body and "{%" not in body and "}}" not in body and "%}" not in body


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FIXTURES)
def test_dates_amounts_and_table(out_dir: str, name: str, mode: str) -> None:
    record = record_of(name)
    expected = EXPECTED[name]
    body, _ = render(out_dir, name, mode)
    text = plain(body)
    lines = text.splitlines()
    for lang in langs_of(mode):
        i = LANG_INDEX[lang]
        assert expected["date"][i] in text  # type: ignore[index]
        assert expected["capital"][i] in text  # type: ignore[index]
        for holder in record.shareholders:
            value = holder.contribution.value
            assert plain(format_money(value.amount, value.currency, lang)) in text  # type: ignore[arg-type]
        # The total row: its label, 100 % and the capital, each in a cell (a paragraph) of its own.
        total, hundred = ("Разом", "100 %") if lang == "uk" else ("Total", "100%")
        assert total in lines and hundred in lines
        assert lines.count(expected["capital"][i]) == 1  # type: ignore[index]  # the foot cell
        assert expected["term"][i] in text  # type: ignore[index]
        assert expected["jobs"][i] in text  # type: ignore[index]
        assert expected["copies"][i] in text  # type: ignore[index]


def test_table_rows_add_up() -> None:
    """The shares table of every fixture totals 100 % and the capital (what the foot row prints)."""
    for name in FIXTURES:
        record = record_of(name)
        assert sum(h.share_percent for h in record.shareholders) == Decimal(100)
        total = sum(h.contribution.value.amount for h in record.shareholders)
        assert total == record.venture.capital.amount


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FIXTURES)
def test_law_forum_seat_and_prevailing_language(out_dir: str, name: str, mode: str) -> None:
    record = record_of(name)
    expected = EXPECTED[name]
    text = plain(render(out_dir, name, mode)[0])
    other = "en" if record.prevailing_language == "uk" else "uk"
    assert record.prevailing_language == expected["prevails"]
    for lang in langs_of(mode):
        i = LANG_INDEX[lang]
        assert expected["law"][i] in text  # type: ignore[index]
        for words in expected["forum"][i]:  # type: ignore[index]
            assert words in text
        assert record.disputes.seat[lang] in text
        assert PREVAILING[record.prevailing_language][lang] in text
        assert PREVAILING[other][lang] not in text


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FIXTURES)
def test_party_details(out_dir: str, name: str, mode: str) -> None:
    record = record_of(name)
    body, _ = render(out_dir, name, mode)
    text = plain(body)
    lines = text.splitlines()
    for lang in langs_of(mode):
        label = "Код за ЄДРПОУ" if lang == "uk" else "EDRPOU code"
        assert f"{label}: {record.ministry.edrpou}" in lines
        fix = typography_uk if lang == "uk" else (lambda s: s)
        assert plain(fix(record.ministry.address[lang])) in text
        for holder in record.shareholders:
            assert plain(fix(holder.address[lang])) in text
            assert holder.registration.number in text
    for iban in EXPECTED[name]["ibans"]:  # type: ignore[union-attr]
        assert f"IBAN: {iban}" in lines
    for holder in record.shareholders:
        assert holder.bank is not None
        assert format_iban(holder.bank.iban) in text
        assert holder.bank.iban not in text  # never the compact form
        assert f"BIC: {holder.bank.bic}" in lines
    # The ministry has no bank details in the record: none are printed for it.
    with_bank = sum(1 for h in record.shareholders if h.bank is not None)
    assert text.count("IBAN: ") == with_bank * len(langs_of(mode))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", FIXTURES)
def test_no_site_details_and_margins(out_dir: str, name: str, mode: str) -> None:
    record = record_of(name)
    body, margins = render(out_dir, name, mode)
    if record.site is not None:
        for lang in ("uk", "en"):
            codename = record.site.codename[lang]
            assert codename not in body and typography_uk(codename) not in body
            assert region_name(record.site.region, lang, article=False) not in body  # type: ignore[arg-type]
            for case in ("genitive", "locative"):
                assert region_name(record.site.region, "uk", case) not in body
        for word in ("Вереск", "Heather", "Ясен", "Ash-4"):
            assert word not in body
    assert record.id in margins
    assert stage_marks(margins) == STAGE_MARKS[record.stage]


# --- wording a lawyer checks --------------------------------------------------------------


def test_example_in_ukrainian(out_dir: str) -> None:
    body, margins = render(out_dir, "DC-2026-014", "uk")
    text = plain(body)
    lines = text.splitlines()
    assert f"ДОГОВІР №{NBSP}DC-2026-014" in body
    assert "про створення спільного підприємства «Данфордж Дефенс Юкрейн»" in text
    assert f"15{NBSP}жовтня{NBSP}2026{NBSP}р." in body  # a date never breaks across lines
    assert f"12{NBSP}500{NBSP}000,00 (дванадцять мільйонів п’ятсот тисяч) євро{NBSP}00{NBSP}центів" in body
    assert "далі кожна окремо – «Сторона», а разом – «Сторони» (Учасник 1 і Учасник 2 разом – «Учасники»)" in text
    assert "(далі – «Підприємство»), підписаний Сторонами 1 вересня 2026 р.;" in text
    assert "товариства з обмеженою відповідальністю" in text
    assert "Закону України «Про товариства з обмеженою та додатковою відповідальністю»" in text
    # The table: head, one row per shareholder, kinds translated, the workforce undertaking apart.
    for cell in ("Учасник", "Частка", "Вклад", "Грошова оцінка вкладу", "51 %", "49 %",
                 "Право користування виробничими приміщеннями", "Ліцензія на технологію та обладнання"):
        assert cell in lines
    assert "зобов’язання забезпечити кваліфікований персонал" not in text.lower()
    assert "Крім свого вкладу, Учасник 1 зобов’язується забезпечити Підприємство кваліфікованим персоналом" in text
    assert "частини другої статті 115 Цивільного кодексу України" in text
    assert "протягом 90 (дев’яноста) календарних днів з пізнішої з двох дат: Дати реєстрації" in text
    assert "в гривнях за офіційним курсом Національного банку України" in text
    # Export control: the Ukrainian law and authority, and the Danish partner's EU regime.
    assert ("Закону України «Про державний контроль за міжнародними передачами товарів військового "
            "призначення та подвійного використання»") in text
    assert "Державної служби експортного контролю України" in text
    assert ("Учасник 2 також дотримується законодавства Данії про ліцензування експорту військових "
            "технологій та обладнання, яке застосовує спільні правила Спільної позиції Ради 2008/944/СЗБП") in text
    assert "Регламенту (ЄС) 2021/821" in text
    assert "законодавства Данії про експортний контроль" in text
    # The ministry's undertakings point at the annex, which forms an integral part.
    assert "Додаток є невід’ємною частиною цього Договору." in text
    assert "«Додаток» – додаток № 1 «Про захист виробничого майданчика» до цього Договору." in text
    assert "Закону України «Про державну таємницю»" in text
    # Cross-references land on the right sections (numbered from the table of sections).
    no = jv_agreement.SECTIONS.no
    assert f"відповідно до розділу {no('ministry')};" in text and f"{no('ministry')}. Зобов’язання Міністерства" in lines
    assert f"з дотриманням розділу {no('export')}," in text
    assert f"{no('export')}. Експортний контроль і передача технологій" in lines
    assert f"зазначеними в розділі {no('details')}." in text and f"{no('details')}. Реквізити Сторін" in lines
    assert f"положення розділів {no('confidentiality')}, {no('law')} і {no('disputes')}" in text
    assert f"{no('confidentiality')}. Конфіденційність і секретна інформація" in lines
    assert f"{no('law')}. Застосовне право" in lines and f"{no('disputes')}. Вирішення спорів" in lines
    # Governing law is that of the country of placement: no carve-out.
    assert "Незважаючи на положення пункту" not in text
    assert f"{no('signatures')}. Підписи Сторін" in lines
    assert f"Рустем{NBSP}УМЄРОВ" in body and f"Ірина{NBSP}КОВАЛЕНКО" in body and "М. П." in text
    assert "'" not in body and '"' not in body  # one apostrophe, no straight quotes
    assert "проект" not in text.lower()  # 2019 orthography: проєкт
    assert "Договір про створення спільного підприємства" in margins


def test_example_in_english(out_dir: str) -> None:
    text = render(out_dir, "DC-2026-014", "en")[0]
    lines = text.splitlines()
    assert f"JOINT VENTURE AGREEMENT No.{NBSP}DC-2026-014" in lines
    assert "on the establishment of the joint venture “Danforge Defence Ukraine”" in lines
    assert ("(1) the Ministry of Defence of Ukraine (the “Ministry”), represented by Rustem Umerov, "
            "Minister of Defence of Ukraine, acting under the Regulations on the Ministry of Defence of "
            "Ukraine;") in lines
    assert "each a “Party” and together the “Parties”, and Shareholder 1 and Shareholder 2 together" in text
    for cell in ("Shareholder", "Share", "Contribution", "Agreed monetary value of the contribution", "51%",
                 "Use of production premises", "A technology licence and equipment", "Total", "100%"):
        assert cell in lines
    assert ("Shareholder 2 shall also comply with the laws of Denmark on the licensing of exports of "
            "military technology and equipment, which apply the common rules of Council Common Position "
            "2008/944/CFSP") in text
    assert "Regulation (EU) 2021/821" in text
    assert "the State Service for Export Control of Ukraine" in text
    assert "which forms an integral part of this Agreement" in text
    assert "Article 115(2) of the Civil Code of Ukraine" in text
    assert "EDRPOU code: 00034022" in lines
    assert "Søren Holm Jensen" in text
    # British spelling.
    for word in ("defense", "organization ", "license ", "program "):
        assert word not in text


def test_partner_regimes_and_law_carve_out(out_dir: str) -> None:
    uk_021 = plain(render(out_dir, "DC-2026-021", "uk")[0])
    en_021 = render(out_dir, "DC-2026-021", "en")[0]
    assert "Shareholder 2 shall also comply with the Export Control Act 2002 and the Export Control Order 2008" in en_021
    assert "Учасник 2 також дотримується Закону про експортний контроль 2002 року (Export Control Act 2002)" in uk_021
    assert f"Notwithstanding clause {jv_agreement.SECTIONS.no('law')}.1, the establishment of the Venture" in en_021
    assert "governed by the laws of Ukraine" in en_021
    assert "Крім свого вкладу, Учасник 3 зобов’язується" in uk_021
    # the director's nomination is the shareholders' agreement's, not this agreement's
    assert "за поданням Учасника" not in uk_021 and "Корпоративний договір є обов’язковим лише для Учасників" in uk_021

    uk_030 = plain(render(out_dir, "DC-2026-030", "uk")[0])
    en_030 = render(out_dir, "DC-2026-030", "en")[0]
    assert "Учасник 2 також дотримується Закону Норвегії від 18 грудня 1987 р. № 93" in uk_030
    assert f"the Norwegian Act of 18{NBSP}December{NBSP}1987 No.{NBSP}93" in en_030
    # Production abroad: a company under the laws of Norway (no Ukrainian LLC definition), no site,
    # no annex, no hryvnia clause.
    assert "under the laws of Norway as a private company limited by shares" in en_030
    assert "bear the risk of losses" not in en_030
    assert "The Venture’s production shall be placed in Norway." in en_030
    assert "Виробництво Підприємства розміщується у Норвегії." in uk_030
    assert "competent authorities of Norway" in en_030
    for absent in ("the Site", "the Annex", "hryvnias"):
        assert absent not in en_030
    assert "Майданчик" not in uk_030 and "Додат" not in uk_030
    assert (f"Notwithstanding clause {jv_agreement.SECTIONS.no('law')}.1, the establishment of the Venture and the "
            "corporate relations within it are governed by the laws of Norway") in en_030
    assert "obtains, for its production and exports, every licence and permit required under the Norwegian Act" in en_030


def test_foreign_given_name_in_the_genitive(out_dir: str) -> None:
    text = plain(render(out_dir, "DC-2026-021", "uk")[0])
    assert "в особі Керуючого директора Алістера Грема Вітфілда, що діє на підставі Статуту" in text


@pytest.mark.parametrize(("country", "latin", "full", "genitive"), FOREIGN_SIGNATORIES,
                         ids=[f"{c}-{en}" for c, en, _uk, _g in FOREIGN_SIGNATORIES])
def test_foreign_signatory_without_a_gender_is_declined_and_signs_with_every_given_name(
        country: str, latin: str, full: str, genitive: str, tmp_path: Path) -> None:
    """As a legal officer copies the partner's signatory from a passport: no gender field."""
    text = (FIXTURES_DIR / "DC-2026-021.yaml").read_text(encoding="utf-8")
    text = text.replace("      name: {uk: Алістер Грем Вітфілд, en: Alistair Graham Whitfield}\n"
                        "      gender: male               # the declension library takes «Алістер» for a woman's name\n",
                        f"      name: {{uk: {full}, en: {latin}}}\n")
    text = text.replace("    country: GB\n", f"    country: {country}\n", 1)
    assert full in text and "gender:" not in text
    record = validate_source(parse_text(text, "rec.yaml"))
    (tmp_path / "jv.docx").write_bytes(docx_bytes(record, KEY, "uk"))
    body = plain(docx_text(tmp_path / "jv.docx"))
    assert f"в особі Керуючого директора {genitive}, що діє на підставі Статуту" in body
    words = full.split()
    family = next(i for i in range(len(words)) if i > 0 and (words[i][0].islower() or i == len(words) - 1))
    assert " ".join([*words[:family], *(w.upper() for w in words[family:])]) in body  # «Сьорен Голм ЄНСЕН»


# --- records the agreement must handle ---------------------------------------------------


def _with_holder(record: Record, index: int, **changes: object) -> Record:
    holders = list(record.shareholders)
    holders[index] = holders[index].model_copy(update=changes)
    return record.model_copy(update={"shareholders": holders})


def test_workforce_alone_is_not_a_contribution() -> None:
    record = record_of("DC-2026-014")
    holder = record.shareholders[0]
    bad = _with_holder(
        record, 0, contribution=holder.contribution.model_copy(update={"kind": [ContributionKind.workforce]})
    )
    with pytest.raises(InputError, match="workforce"):
        draft_document(bad, KEY)


def test_money_contribution_and_secret_site() -> None:
    record = record_of("DC-2026-014")
    holder = record.shareholders[1]
    changed = _with_holder(
        record, 1, contribution=holder.contribution.model_copy(update={"kind": [ContributionKind.money]})
    )
    assert changed.site is not None
    changed = changed.model_copy(update={"site": changed.site.model_copy(update={"classification": "secret"})})
    draft = draft_document(changed, KEY)
    texts = [b.text.en for part in draft.parts for b in getattr(part, "blocks", [])]
    assert "Monetary contributions shall be paid to the current account of the Venture." in texts
    assert any("constitute a State secret" in t for t in texts)
    table = next(p for p in draft.parts if getattr(p, "kind", "") == "table")
    assert table.rows[1][2].en == "Money"  # type: ignore[attr-defined]


def test_eu_member_states() -> None:
    assert len(jv_agreement.EU_MEMBER_STATES) == 27
    assert {"DK", "SE", "PL", "DE", "GR"} <= jv_agreement.EU_MEMBER_STATES
    assert not {"GB", "NO", "UA", "CH", "EL"} & jv_agreement.EU_MEMBER_STATES

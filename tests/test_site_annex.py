"""The site-protection annex read back as a lawyer reads it: the agreement it belongs to, the site
by codename and region only, the measures the flags turn on and no others, the marking on every
page, and never an address."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURE_DIR
from dcity_docs.wording.catalogs import catalogs_for
from dcity_docs.cli import cli
from dcity_docs.output.documents import MODES, docx_bytes
from dcity_docs.documents import site_annex
from dcity_docs.draft.base import Writer
from dcity_docs.errors import DocumentNotApplicable
from dcity_docs.language.dates import format_date
from dcity_docs.language.numerals import format_count
from dcity_docs.language.places import region_name
from dcity_docs.language.typography import NBSP, typography_uk
from dcity_docs.record.loading import load_record
from dcity_docs.record.models import Record
from readback import STAGE_MARKS, docx_header_footer_text, docx_text, stage_marks

KEY = "site-protection-annex"
FIXTURES_DIR = FIXTURE_DIR
IN_UKRAINE = ["DC-2026-014", "DC-2026-021"]
ABROAD = "DC-2026-030"


def _plain(text: str) -> str:
    """Compare without caring which space a phrase uses (NBSP in «№ 1», «2026 р.», «– »)."""
    return text.replace(NBSP, " ")


def record_of(name: str) -> Record:
    return load_record(FIXTURES_DIR / f"{name}.yaml")


def with_site(record: Record, **changes: object) -> Record:
    """A copy of the record with site fields (classification) or protection flags changed."""
    assert record.site is not None
    protection_keys = set(type(record.site.protection).model_fields)
    protection = record.site.protection.model_copy(
        update={k: v for k, v in changes.items() if k in protection_keys}
    )
    site = record.site.model_copy(
        update={"protection": protection, **{k: v for k, v in changes.items() if k not in protection_keys}}
    )
    return record.model_copy(update={"site": site})


def render(tmp_path: Path, record: Record, mode: str) -> tuple[str, str, Path]:
    path = tmp_path / f"{record.id}_{KEY}_{mode}.docx"
    path.write_bytes(docx_bytes(record, KEY, mode))  # type: ignore[arg-type]
    return _plain(docx_text(path)), _plain(docx_header_footer_text(path)), path


def langs_of(mode: str) -> list[str]:
    return ["uk", "en"] if mode == "bilingual" else [mode]


# What each measure reads like, per language: present when its flag is on, absent when off.
GUARD = {"uk": "охорону периметра Майданчика", "en": "guarding of the perimeter of the Site"}
AIR = {"uk": "протиповітряної оборони", "en": "air defence"}
SHELTER = {"uk": "захисну споруду цивільного захисту", "en": "civil protection structure (shelter)"}
INCIDENT = {"uk": "інцидент", "en": "incident"}


def shelter_text(n: int, lang: str) -> str:
    return _plain(format_count(n, lang, "person", "accusative"))  # type: ignore[arg-type]


def hours_text(n: int, lang: str) -> str:
    phrase = _plain(format_count(n, lang, "hour", "genitive"))  # type: ignore[arg-type]
    return f"протягом {phrase}" if lang == "uk" else f"within {phrase}"


def addresses(record: Record) -> list[str]:
    """Every party's address, whole and its first part (the street) on its own."""
    out: list[str] = []
    for lang in ("uk", "en"):
        out.append(record.ministry.address[lang])
        out += [h.address[lang] for h in record.shareholders]
    out += [a.split(",")[0] for a in list(out)]
    return [_plain(typography_uk(x)) for x in out]


def registration_numbers(record: Record) -> list[str]:
    """A registration number leads to an address through a public register."""
    return [record.ministry.edrpou] + [h.registration.number for h in record.shareholders]


def all_xml(path: Path) -> str:
    """Every XML part of a .docx: body, headers, footers, document properties."""
    with zipfile.ZipFile(path) as z:
        return _plain("\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")))


# --- the full annex: fixtures placed in Ukraine ------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", IN_UKRAINE)
def test_agreement_site_and_measures(tmp_path: Path, name: str, mode: str) -> None:
    record = record_of(name)
    site = record.site
    assert site is not None
    p = site.protection
    body, margins, _ = render(tmp_path, record, mode)
    for lang in langs_of(mode):
        if lang == "uk":
            assert f"ДОДАТОК № 1 до Договору про створення спільного підприємства № {record.agreement_no}" in body
            assert "є невід’ємною частиною Договору" in body
            assert "Про захист виробничого майданчика" in body
        else:
            assert f"ANNEX No. 1 to the Joint Venture Agreement No. {record.agreement_no}" in body
            assert "This Annex forms an integral part of the Joint Venture Agreement" in body
        assert _plain(format_date(record.dates.agreement, lang)) in body  # type: ignore[arg-type]
        # The site: codename and region by name, in the locative in Ukrainian.
        codename = typography_uk(site.codename.uk) if lang == "uk" else site.codename.en
        core = re.sub(r"[«»„“”\"]", "", codename).split()[-1]  # Вереск-17 / Heather-17
        assert core in body
        if lang == "uk":
            assert f"у {region_name(site.region, 'uk', 'locative')}" in body
        else:
            assert f"located in {region_name(site.region, 'en')}" in body
        # Each measure the flags turn on, and none that they leave off.
        assert (GUARD[lang] in body) == p.guarded_perimeter
        assert (AIR[lang] in body) == p.air_defence_coordination
        assert (SHELTER[lang] in body) == (p.shelter_capacity > 0)
        assert shelter_text(p.shelter_capacity, lang) in body
        assert hours_text(p.incident_notice_hours, lang) in body
        assert INCIDENT[lang] in body
        # Who does what.
        if lang == "uk":
            assert "Учасники забезпечують, щоб Підприємство повідомляло Міністерство" in body
        else:
            assert "The Shareholders shall procure that the Venture notifies the Ministry" in body
    assert "{{" not in body and "{%" not in body and "}}" not in body
    assert record.id in margins


def test_example_in_words(tmp_path: Path) -> None:
    body, _, _ = render(tmp_path, record_of("DC-2026-014"), "uk")
    assert "ДОДАТОК № 1 до Договору про створення спільного підприємства № DC-2026-014 від 15 жовтня 2026 р." in body
    assert "розташований у Житомирській області" in body
    assert "умовним найменуванням «Об’єкт „Вереск-17“» (далі – «Майданчик»)" in body
    assert "розраховану не менше ніж на 220 (двісті двадцять) осіб" in body
    assert "протягом 2 (двох) годин" in body
    assert "Міністерство через визначені ним підрозділи організовує охорону периметра Майданчика" in body
    assert "Міністерство координує з відповідним командуванням Збройних Сил України прикриття Майданчика" in body
    assert "гриф «Для службового користування»" in body
    assert "Примірник № 1 зберігається в Міністерстві" in body
    assert "набирає чинності одночасно з Договором" in body
    assert "'" not in body and '"' not in body  # one apostrophe (’), « » and „ “ only
    en, _, _ = render(tmp_path, record_of("DC-2026-014"), "en")
    assert "located in Zhytomyr Oblast" in en and "codename “Site Heather-17” (the “Site”)" in en
    assert "not less than 220 (two hundred and twenty) persons" in en
    assert "within 2 (two) hours" in en
    assert not re.search(r"[\u0400-\u04ff]", en)  # the English text has no Cyrillic left in it


def test_public_site_in_words(tmp_path: Path) -> None:
    body, _, _ = render(tmp_path, record_of("DC-2026-021"), "uk")
    assert "у Вінницькій області" in body
    assert "не менше ніж на 300 (триста) осіб" in body and "протягом 4 (чотирьох) годин" in body
    assert "не має грифа обмеження доступу" in body
    assert "Для службового користування" not in body
    assert "протиповітряної оборони" not in body  # air_defence_coordination: false


@pytest.mark.parametrize("mode", MODES)
def test_restricted_marking_in_the_header(tmp_path: Path, mode: str) -> None:
    record = record_of("DC-2026-014")
    body, margins, _ = render(tmp_path, record, mode)
    if "uk" in langs_of(mode):
        assert "Для службового користування, Прим. № 1" in margins
        assert "Для службового користування" not in body.split("\n")[0]
    if "en" in langs_of(mode):
        assert "RESTRICTED, Copy No. 1" in margins
    assert stage_marks(margins) == STAGE_MARKS[record.stage]


def test_marking_keeps_no_break_spaces() -> None:
    draft = site_annex.draft(record_of("DC-2026-014"), catalogs_for())
    assert draft.marking is not None
    assert draft.marking.uk == f"Для службового користування, Прим.{NBSP}№{NBSP}1"
    assert draft.marking.en == "RESTRICTED, Copy No. 1"


@pytest.mark.parametrize("mode", MODES)
def test_public_site_has_no_classification_marking(tmp_path: Path, mode: str) -> None:
    _, margins, _ = render(tmp_path, record_of("DC-2026-021"), mode)
    for word in ("Для службового користування", "RESTRICTED", "Таємно", "SECRET", "Прим.", "Copy No."):
        assert word not in margins
    assert site_annex.draft(record_of("DC-2026-021"), catalogs_for()).marking is None


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", IN_UKRAINE)
def test_no_address_anywhere(tmp_path: Path, name: str, mode: str) -> None:
    record = record_of(name)
    body, margins, path = render(tmp_path, record, mode)
    everything = all_xml(path)
    for text in addresses(record):
        assert text not in everything, text
    for number in registration_numbers(record):  # (XML attributes may hold any digits: text only)
        assert number not in body and number not in margins, number
    for street in ("Повітрофлотська", "Povitroflotska", "вул.", "Street", "Індустрівей", "Industrivej"):
        assert street not in everything


def test_disabled_measures_are_absent(tmp_path: Path) -> None:
    record = with_site(
        record_of("DC-2026-014"), guarded_perimeter=False, air_defence_coordination=False, shelter_capacity=0
    )
    for mode in ("uk", "en"):
        body, _, _ = render(tmp_path, record, mode)
        assert GUARD[mode] not in body and AIR[mode] not in body and SHELTER[mode] not in body
        # Without a Ministry measure the clause on the Ministry's competence has nothing to govern.
        assert ("у межах своєї компетенції" if mode == "uk" else "within its competence") not in body
        assert hours_text(2, mode) in body


def test_only_air_defence(tmp_path: Path) -> None:
    record = with_site(record_of("DC-2026-021"), guarded_perimeter=False, air_defence_coordination=True)
    body, _, _ = render(tmp_path, record, "en")
    assert AIR["en"] in body and GUARD["en"] not in body
    assert "The Ministry shall coordinate the cover of the Site by air defence forces" in body


def test_small_counts_decline(tmp_path: Path) -> None:
    record = with_site(record_of("DC-2026-014"), shelter_capacity=21, incident_notice_hours=1)
    body, _, _ = render(tmp_path, record, "uk")
    assert "не менше ніж на 21 (двадцять одну) особу" in body
    assert "протягом 1 (однієї) години" in body
    en, _, _ = render(tmp_path, record, "en")
    assert "21 (twenty-one) persons" in en and "within 1 (one) hour " in en


def test_region_preposition_before_a_vowel() -> None:
    w = Writer(catalogs_for(), KEY)
    assert site_annex.region_in(w, "UA-26").uk == "в Івано-Франківській області"
    assert site_annex.region_in(w, "UA-18").uk == "у Житомирській області"
    assert site_annex.region_in(w, "UA-30").uk == "у місті Києві"
    assert site_annex.region_in(w, "UA-30").en == "in the City of Kyiv"


# --- secret: a stub with no site details --------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_secret_site_gives_a_stub(tmp_path: Path, mode: str) -> None:
    record = with_site(record_of("DC-2026-014"), classification="secret")
    site = record.site
    assert site is not None
    body, margins, path = render(tmp_path, record, mode)
    everything = all_xml(path)
    for lang in langs_of(mode):
        if lang == "uk":
            assert "є невід’ємною частиною Договору" in body
            assert "Закону України «Про державну таємницю»" in body
            assert "Таємно, Прим. № 1" in margins
        else:
            assert "This Annex forms an integral part of the Joint Venture Agreement" in body
            assert "Law of Ukraine “On State Secrets”" in body
            assert "SECRET, Copy No. 1" in margins
    # No site details at all: codename, region, measures, shelter capacity, hours.
    for leak in ("Вереск", "Heather", "Житомир", "Zhytomyr", "двісті двадцять", "two hundred and twenty",
                 "2 (двох) годин", "2 (two) hours", "годин", "hours",
                 GUARD["uk"], GUARD["en"], AIR["uk"], AIR["en"], SHELTER["uk"], SHELTER["en"]):
        assert leak not in everything, leak
    assert "220" not in body and "220" not in margins
    for case in ("nominative", "genitive", "locative"):
        assert region_name(site.region, "uk", case) not in everything


# --- production abroad: no annex ----------------------------------------------------------


def test_abroad_refused_by_the_cli(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["render", KEY, str(FIXTURES_DIR / f"{ABROAD}.yaml"), "-l", "uk", "-o", str(tmp_path)]
    )
    assert result.exit_code == 1
    message = result.output + (result.stderr if hasattr(result, "stderr") else "")
    assert "abroad" in message and "Ukraine" in message and ABROAD in message
    assert not list(tmp_path.iterdir())


def test_abroad_refused_when_drafted_directly() -> None:
    with pytest.raises(DocumentNotApplicable, match="placed in Ukraine"):
        site_annex.draft(record_of(ABROAD), catalogs_for())

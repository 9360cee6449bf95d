"""Issue 18, titles and wording, read back from the Word files in both languages: one English name
for the joint venture agreement wherever a document names it (title, footer, memorandum, annex,
pack cover, shareholders' agreement), the recitals as English and Ukrainian practice set them out,
the wording both lawyers quoted, and a company's place of incorporation and numbers where the
record gives them."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from clauses import FIXTURES, fixture_text, record
from dcity_docs.documents.registry import COVER, applicable
from dcity_docs.language.typography import NBSP
from dcity_docs.output.documents import docx_bytes, draft_bytes, draft_document
from dcity_docs.wording.catalogs import catalogs_for
from readback import docx_header_footer_text, docx_paragraphs

NAME_EN = "Joint Venture Agreement"
NAME_UK = "Договір про створення спільного підприємства"


def margins(name: str, key: str, mode: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.docx"
        path.write_bytes(docx_bytes(record(name), key, mode))  # type: ignore[arg-type]
        return docx_header_footer_text(path).replace(NBSP, " ")


@pytest.mark.parametrize("name", FIXTURES)
def test_the_agreement_is_titled_and_footed_with_one_name(name: str) -> None:
    rec = record(name)
    en = fixture_text(name, "jv-agreement", "en").splitlines()
    uk = fixture_text(name, "jv-agreement", "uk").splitlines()
    assert f"JOINT VENTURE AGREEMENT No. {rec.agreement_no}" in en
    assert f"ДОГОВІР № {rec.agreement_no}" in uk  # the Ukrainian title stays
    assert f"{rec.id} · {NAME_EN}" in margins(name, "jv-agreement", "en")
    assert f"{rec.id} · {NAME_UK}" in margins(name, "jv-agreement", "uk")


@pytest.mark.parametrize("name", FIXTURES)
def test_the_other_documents_use_the_same_name(name: str) -> None:
    rec = record(name)
    for key in applicable(rec):
        if key == "jv-agreement":
            continue
        en = fixture_text(name, key, "en")
        assert "joint-venture agreement" not in en.lower() and "Joint-Venture" not in en
        assert NAME_EN in en, key
    if "site-protection-annex" in applicable(rec):
        en = fixture_text(name, "site-protection-annex", "en")
        assert f"to the {NAME_EN} No. {rec.agreement_no}" in en


def test_the_pack_cover_lists_the_agreement_by_that_name() -> None:
    rec = record(FIXTURES[0])
    catalogs = catalogs_for()
    titles = [draft_document(rec, key, catalogs).title for key in applicable(rec)]
    cover = COVER.draft(rec, catalogs, titles)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cover.docx"
        path.write_bytes(draft_bytes(rec, cover, COVER.template, "bilingual", catalogs))
        lines = [p.replace(NBSP, " ") for p in docx_paragraphs(path)]
    assert any(NAME_EN in line for line in lines), lines
    assert any(NAME_UK in line for line in lines), lines
    assert not any("Joint-Venture" in line for line in lines)


# The wording both lawyers quoted: (Ukrainian, English) as each now reads, and what each replaced.
WORDING_IN_UKRAINE = (
    ("Терміни, визначені в преамбулі та інших положеннях цього Договору, вживаються у значеннях, "
     "визначених у відповідних положеннях.",
     "Міністерство не є учасником Підприємства і не вносить вкладу до його статутного капіталу",
     "Частки Учасників у статутному капіталі, їхні вклади та грошова оцінка кожного вкладу становлять:",
     "Правова підстава та умови, на яких Підприємство користується Майданчиком, визначаються окремим "
     "договором",
     "якщо Підприємство не зареєстровано протягом 6 (шести) місяців з Дати закриття;",
     "Цей Договір набирає чинності з дати його підписання всіма Сторонами і укладається строком на",
     "загальні збори його учасників (вищий орган)",
     "на підставі дозволів або висновків Державної служби експортного контролю України"),
    ("and the agreed monetary value of each contribution are as follows:",
     "Agreed monetary value of the contribution",
     "if the Venture has not been registered within 6 (six) months of the Closing Date;",
     "This Agreement shall enter into force on the date on which it has been signed by all the Parties "
     "and is concluded for a term of",
     "its general meeting of shareholders (the highest governing body)",
     "only under the permits or opinions of the State Service for Export Control of Ukraine.",
     "the permits, licences and opinions that each transfer"),
)
GONE = (
    ("мають надані їм там значення", "не робить вкладу", "є такими:", "умови користування Підприємством",
     "Дата реєстрації не настала", "значення для оборонної промисловості"),
    ("money value", "permits or conclusions", "licences and conclusions", "supreme body",
     "signing by the Parties (", "Registration Date has not occurred"),
)


def _ukraine_fixture() -> str:
    return next(n for n in FIXTURES if record(n).venture.placement == "ukraine")


@pytest.mark.parametrize("mode", ["uk", "en", "bilingual"])
def test_the_quoted_wording_reads_as_the_lawyers_asked(mode: str) -> None:
    body = fixture_text(_ukraine_fixture(), "jv-agreement", mode)
    for lang, i in (("uk", 0), ("en", 1)):
        if mode not in (lang, "bilingual"):
            continue
        for phrase in WORDING_IN_UKRAINE[i]:
            assert phrase in body, phrase
        for phrase in GONE[i]:
            assert phrase not in body, phrase


@pytest.mark.parametrize("name", FIXTURES)
def test_no_document_keeps_the_old_wording(name: str) -> None:
    for key in applicable(record(name)):
        uk, en = fixture_text(name, key, "uk"), fixture_text(name, key, "en")
        assert not [p for p in GONE[0] if p in uk], key
        assert not [p for p in GONE[1] if p in en], key


@pytest.mark.parametrize("name", FIXTURES)
def test_the_quality_recital_says_what_is_important(name: str) -> None:
    for key in ("memorandum", "jv-agreement"):
        uk = fixture_text(name, key, "uk")
        assert ("важливість забезпечення якості продукції та доступу оборонної промисловості України до "
                "новітніх технологій, зокрема шляхом передачі технологій у межах Підприємства") in uk, key
        assert ("Quality assurance and access to the latest technologies, including through technology "
                "transfer within the Venture, are important for the defence industry of Ukraine.") in \
            fixture_text(name, key, "en"), key


PREAMBLE = {"jv-agreement": ("домовилися про таке:", "IT IS AGREED as follows:"),
            "memorandum": ("досягли такого взаєморозуміння:", "THE PARTIES HAVE REACHED the following understanding:")}


def _between(lines: list[str], start: str, end: str) -> list[str]:
    return lines[lines.index(start) + 1:lines.index(end)]


@pytest.mark.parametrize("key", sorted(PREAMBLE))
@pytest.mark.parametrize("name", FIXTURES)
def test_the_recitals_are_lettered_as_each_language_does(name: str, key: str) -> None:
    rec = record(name)
    count = 2 + len(rec.venture.purposes)  # the memorandum (or the intention), the purposes, the programme
    uk = fixture_text(name, key, "uk").splitlines()
    en = fixture_text(name, key, "en").splitlines()
    uk_recitals = _between(uk, "беручи до уваги:", PREAMBLE[key][0])
    en_recitals = _between(en, "BACKGROUND", PREAMBLE[key][1])
    assert [r[:3] for r in uk_recitals] == [f"{letter}) " for letter in "абвгд"[:count]]
    assert [r[:4] for r in en_recitals] == [f"({letter}) " for letter in "ABCDE"[:count]]
    assert all(r.endswith(";") for r in uk_recitals[:-1]) and uk_recitals[-1].endswith(",")
    # English recitals are sentences: a capital after the letter, a full stop at the end.
    assert all(r[4].isupper() and r.endswith(".") for r in en_recitals), en_recitals
    assert "taking into account" not in "\n".join(en)


@pytest.mark.parametrize("key", sorted(PREAMBLE))
@pytest.mark.parametrize("name", FIXTURES)
def test_each_party_item_ends_as_the_grammar_needs(name: str, key: str) -> None:
    parties = 1 + len(record(name).shareholders)
    for lang, numbers, opening in (("uk", [f"{n}) " for n in range(1, parties + 1)], "Сторонами цього"),
                                   ("en", [f"({n}) " for n in range(1, parties + 1)], "The parties to this")):
        lines = fixture_text(name, key, lang).splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith(opening))
        items = lines[at + 1:at + 1 + parties]
        assert [item.split(" ", 1)[0] + " " for item in items] == numbers
        assert items[-1].endswith(","), items[-1]  # runs on into "each a “Party” …"
        if lang == "uk":
            assert all(item.endswith(";") for item in items[:-1])
        else:
            assert all(item.endswith(";") for item in items[:-2]) and items[-2].endswith("; and")


@pytest.mark.parametrize("name", FIXTURES)
def test_party_and_shareholder_map_one_way(name: str) -> None:
    """«Сторона» is always “Party” and «Учасник» always “Shareholder”: the memorandum's companies are
    Parties too (no “Participant” a reader could take for «Учасник»)."""
    for key in applicable(record(name)):
        en = fixture_text(name, key, "en")
        assert "Participant" not in en, key
    mou = fixture_text(name, "memorandum", "en")
    assert "each a “Party” and together the “Parties”" in mou


UK_COMPANY = '    registration: {scheme: gb.vat, number: "284617379"}\n'
INCORPORATED = (UK_COMPANY, UK_COMPANY + "    incorporation:\n"
                "      place: {uk: Англії та Уельсу, en: England and Wales}\n"
                '      number: "01234567"\n')


def test_a_uk_company_is_incorporated_in_england_and_wales_where_the_record_says_so() -> None:
    from clauses import text
    rec = record("DC-2026-021", replace=INCORPORATED)
    assert rec.shareholders[1].incorporation is not None
    for key in ("memorandum", "jv-agreement"):
        en, uk = text(rec, key, "en"), text(rec, key, "uk")
        assert ("Wessex Ordnance Systems Ltd, a company incorporated in England and Wales with company "
                "number 01234567, VAT number 284617379 (") in en, key
        assert "registered under the laws of the United Kingdom" not in en
        assert ("Вессекс Орднанс Системз Лтд, компанія, зареєстрована відповідно до законодавства Англії "
                "та Уельсу за реєстраційним номером компанії 01234567, реєстраційний номер платника ПДВ "
                "284617379 (далі – ") in uk, key
    en_lines = text(rec, "jv-agreement", "en").splitlines()
    uk_lines = text(rec, "jv-agreement", "uk").splitlines()
    assert "Incorporated in England and Wales, company number 01234567" in en_lines
    assert "VAT number: 284617379" in en_lines
    assert ("Зареєстровано відповідно до законодавства Англії та Уельсу, реєстраційний номер компанії "
            "01234567") in uk_lines
    bilingual = text(rec, "jv-agreement", "bilingual")
    assert "company number 01234567" in bilingual and "реєстраційний номер компанії 01234567" in bilingual


def test_without_the_optional_fields_a_company_reads_as_before() -> None:
    en = fixture_text("DC-2026-021", "jv-agreement", "en")
    assert ("Wessex Ordnance Systems Ltd, a legal entity registered under the laws of the United Kingdom, "
            "VAT number 284617379 (“Shareholder 2”)") in en
    assert "company number" not in en and "Incorporated in" not in en


def test_a_venture_in_ukraine_is_named_with_its_legal_form() -> None:
    name = _ukraine_fixture()
    venture = record(name).venture.name
    uk, en = fixture_text(name, "jv-agreement", "uk"), fixture_text(name, "jv-agreement", "en")
    assert (f"з повним найменуванням Товариство з обмеженою відповідальністю «{venture.uk}» і скороченим "
            f"найменуванням ТОВ «{venture.uk}».") in uk
    assert (f"under the full name Limited Liability Company “{venture.en}” and the short name "
            f"LLC “{venture.en}”.") in en
    abroad = next(n for n in FIXTURES if record(n).venture.placement == "abroad")
    assert "ТОВ «" not in fixture_text(abroad, "jv-agreement", "uk")  # no Ukrainian legal form abroad

"""The place-and-date line under the title of each of the four documents: the place of signing
(the record's own, else the programme file's), then the document's date, in both languages."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from dcity_docs.errors import RecordInvalid
from dcity_docs.output.documents import docx_bytes
from dcity_docs.record.loading import load_programme, load_record, parse_text, validate_source
from dcity_docs.record.programme import bundled_programme_file

from readback import docx_paragraphs

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "fixtures" / "DC-2026-014.yaml"
DOCUMENTS = ("memorandum", "jv-agreement", "site-protection-annex", "shareholders-agreement")
NBSP = "\u00a0"


def under_title(record, key: str, lang: str) -> str:
    """The paragraph under the title and subtitle (the place-and-date line), every no-break space
    inside the date (tests/test_page_layout.py checks them) read as one kind: NBSP."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.docx"
        path.write_bytes(docx_bytes(record, key, lang))
        line = docx_paragraphs(path)[2]
        place, _, date = line.partition(", ")
        return f"{place}, {date.replace(' ', NBSP)}"


@pytest.mark.parametrize("key", DOCUMENTS)
def test_each_document_has_the_programmes_place_then_its_date_under_the_title(key: str) -> None:
    record = load_record(FIXTURE)
    assert record.place_of_signing is not None and record.place_of_signing.en == "Kyiv"
    date_uk, date_en = (("1 вересня 2026 р.".replace(" ", NBSP), "1 September 2026".replace(" ", NBSP)) if key == "memorandum"
                        else ("15 жовтня 2026 р.".replace(" ", NBSP), "15 October 2026".replace(" ", NBSP)))
    assert under_title(record, key, "uk") == f"м.{NBSP}Київ, {date_uk}"
    assert under_title(record, key, "en") == f"Kyiv, {date_en}"


def test_a_records_own_place_of_signing_wins_over_the_programmes() -> None:
    text = FIXTURE.read_text(encoding="utf-8") + "place_of_signing: {uk: м. Львів, en: Lviv}\n"
    record = validate_source(parse_text(text, "rec.yaml"))
    for key in DOCUMENTS:
        assert under_title(record, key, "uk").startswith(f"м.{NBSP}Львів, "), key
        assert under_title(record, key, "en").startswith("Lviv, "), key


def test_a_changed_programme_place_changes_the_line_of_every_record_without_its_own(tmp_path: Path) -> None:
    programme = tmp_path / "programme.yaml"
    programme.write_text(bundled_programme_file().read_text(encoding="utf-8")
                         .replace("uk: м. Київ\n", "uk: м. Одеса\n").replace("en: Kyiv\n", "en: Odesa\n"),
                         encoding="utf-8")
    record = load_record(FIXTURE, load_programme(programme))
    assert under_title(record, "jv-agreement", "uk") == f"м.{NBSP}Одеса, " + "15 жовтня 2026 р.".replace(" ", NBSP)
    assert under_title(record, "shareholders-agreement", "en") == "Odesa, " + "15 October 2026".replace(" ", NBSP)


def test_a_place_of_signing_is_checked_like_any_bilingual_text() -> None:
    text = FIXTURE.read_text(encoding="utf-8") + "place_of_signing: {uk: Lviv, en: Львів}\n"
    with pytest.raises(RecordInvalid) as caught:
        validate_source(parse_text(text, "rec.yaml"))
    line = len(FIXTURE.read_text(encoding="utf-8").splitlines()) + 1
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"rec.yaml:{line}: place_of_signing.uk:") for p in problems), problems
    assert any(p.startswith(f"rec.yaml:{line}: place_of_signing.en:") for p in problems), problems

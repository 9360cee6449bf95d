"""The shareholders' agreement read back as the lawyers would: between the shareholders only, the
negotiated terms in figures and words in both languages, Ukrainian corporate-agreement rules for a
venture in Ukraine and none of its terms for one placed abroad; a changed programme default changes
exactly its clauses."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from dcity_docs.output.documents import docx_bytes
from dcity_docs.record.loading import load_programme, load_record
from dcity_docs.record.programme import bundled_programme_file

from readback import docx_paragraphs

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
EXAMPLE = REPO.parent / "shared" / "contract" / "venture.example.yaml"
KEY = "shareholders-agreement"


def paragraphs(record, lang: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sha.docx"
        path.write_bytes(docx_bytes(record, KEY, lang))
        return docx_paragraphs(path)


def test_the_contract_example_gives_the_default_terms_in_both_languages() -> None:
    record = load_record(EXAMPLE)
    uk, en = "\n".join(paragraphs(record, "uk")), "\n".join(paragraphs(record, "en"))
    assert "КОРПОРАТИВНИЙ ДОГОВІР" in uk and "SHAREHOLDERS’ AGREEMENT" in en
    for text in ("протягом 3 (трьох) років", "понад 50 (п’ятдесят) відсотків капіталу",
                 "щонайменше 75 (сімдесят п’ять) відсотків капіталу", "на 2 (двох) загальних зборах поспіль",
                 "зменшеною на 20 (двадцять) відсотків", "статті 7 Закону України «Про товариства з обмеженою "
                 "та додатковою відповідальністю»", "безоплатним", "голосувати згідно з вказівками органів"):
        assert text in uk, text
    for text in ("within 3 (three) years", "more than 50 (fifty) per cent of the capital",
                 "at least 75 (seventy-five) per cent of the capital", "at 2 (two) general meetings in a row",
                 "less 20 (twenty) per cent", "Article 7 of the Law of Ukraine", "gratuitous",
                 "fair value fixed by an independent valuer", "within 30 (thirty) days of notice"):
        assert text in en, text


def test_only_the_shareholders_are_parties() -> None:
    record = load_record(EXAMPLE)
    en = "\n".join(paragraphs(record, "en"))
    assert "Ministry:" not in en and "Rustem Umerov".upper() not in en.upper().replace("MINISTRY", "")
    assert "The Ministry is not a party to this Agreement" in en
    assert "Shareholder 1:" in en and "Shareholder 2:" in en


def test_a_venture_abroad_has_no_ukrainian_corporate_law_terms() -> None:
    record = load_record(FIXTURES / "DC-2026-030.yaml")
    assert record.venture.placement == "abroad"
    # the clauses, after the parties (a Ukrainian shareholder still acts under its own charter)
    uk = "\n".join(paragraphs(record, "uk")).split("домовилися про таке:")[1]
    en = "\n".join(paragraphs(record, "en")).split("have agreed as follows:")[1]
    assert "articles of association" in en and "charter" not in en.lower()
    assert "Article 7" not in en and "статут" not in uk.lower() and "статутн" not in uk.lower()
    assert "as far as those laws permit" in en and "в межах, дозволених цим законодавством" in uk


def test_a_changed_programme_default_changes_exactly_its_clauses(tmp_path: Path) -> None:
    text = bundled_programme_file().read_text(encoding="utf-8")
    changed = tmp_path / "programme.yaml"
    changed.write_text(text.replace("lock_up_years: 3", "lock_up_years: 5"), encoding="utf-8")
    before = load_record(EXAMPLE)
    after = load_record(EXAMPLE, load_programme(changed))
    for lang, old, new in (("uk", "3 (трьох) років", "5 (п’яти) років"), ("en", "3 (three) years", "5 (five) years")):
        a, b = paragraphs(before, lang), paragraphs(after, lang)
        differ = [(x, y) for x, y in zip(a, b) if x != y]
        assert len(a) == len(b) and len(differ) == 1, differ
        assert old in differ[0][0] and new in differ[0][1]


@pytest.mark.parametrize("seats", ["[2, 1]"])
def test_a_supervisory_board_with_seats_per_shareholder(tmp_path: Path, seats: str) -> None:
    path = tmp_path / "rec.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8")
                    + f"terms:\n  board_seats: 3\n  board_seats_per_shareholder: {seats}\n  board_chair: board_elects\n",
                    encoding="utf-8")
    record = load_record(path)
    en = "\n".join(paragraphs(record, "en"))
    uk = "\n".join(paragraphs(record, "uk"))
    assert "a supervisory board of 3 (three) persons" in en
    assert "Shareholder 1 nominates 2 (two) persons" in en and "Shareholder 2 nominates 1 (one) person" in en
    assert "elects its chair" in en and "обирає голову" in uk

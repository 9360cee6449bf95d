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

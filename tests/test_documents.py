"""`render`: which documents apply, file names, and finished PDFs with the real LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import FIXTURE_DIR
from test_annex_copies import assert_every_page_is_copy
from dcity_docs.cli import cli
from dcity_docs.documents.registry import DOCUMENTS, applicable, file_name
from dcity_docs.record.loading import load_record
from dcity_docs.pdf.outline import outline_titles
from dcity_docs.pdf.reading import page_texts

FIXTURES = FIXTURE_DIR
has_soffice = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None


def test_every_document_applies_in_ukraine_and_the_annex_not_abroad() -> None:
    assert applicable(load_record(FIXTURES / "DC-2026-014.yaml")) == list(DOCUMENTS)
    assert "site-protection-annex" not in applicable(load_record(FIXTURES / "DC-2026-030.yaml"))


def test_file_names_follow_the_contract() -> None:
    record = load_record(FIXTURES / "DC-2026-014.yaml")
    assert file_name(record, "jv-agreement", "bilingual", "docx") == "DC-2026-014_jv-agreement_bilingual.docx"


def test_render_writes_only_the_languages_asked_for(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["render", "jv-agreement", str(FIXTURES / "DC-2026-021.yaml"), "-l", "uk", "-l", "en", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "DC-2026-021_jv-agreement_en.docx",
        "DC-2026-021_jv-agreement_uk.docx",
    ]


def test_render_refuses_a_bad_record_without_writing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((FIXTURES / "DC-2026-014.yaml").read_text(encoding="utf-8").replace('share_percent: "49"', 'share_percent: "48"'))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", "memorandum", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "shareholders: share_percent values add up to 99, not exactly 100" in result.stderr
    assert not out.exists()


@pytest.mark.libreoffice
@pytest.mark.skipif(not has_soffice, reason="LibreOffice is not installed")
def test_render_pdf_is_finished_before_it_appears(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["render", "site-protection-annex", str(FIXTURES / "DC-2026-014.yaml"), "-l", "bilingual", "-f", "pdf",
         "-o", str(tmp_path)],
    )
    assert result.exit_code == 0, result.stderr
    # the restricted annex: one file per numbered copy (the Ministry's and the two Shareholders')
    copies = [f"DC-2026-014_site-protection-annex_bilingual_copy-{n}.pdf" for n in (1, 2, 3)]
    assert sorted(p.name for p in tmp_path.iterdir()) == copies
    for n, name in enumerate(copies, 1):  # every page of each copy carries its own number, no other
        assert_every_page_is_copy(tmp_path / name, n, ("uk", "en"))
    pdf = tmp_path / copies[1]
    pages = page_texts(pdf)
    assert all("ПРОЄКТ / DRAFT" in page for page in pages)
    assert all("Для службового користування" in page and "RESTRICTED" in page for page in pages)
    assert "Вереск-17" in "".join(pages)
    reader = PdfReader(str(pdf))
    assert reader.metadata is not None
    title = reader.metadata.title or ""
    assert " / " in title and "Додаток" in title  # both languages' titles
    assert str(reader.trailer["/Root"]["/Lang"]) == "uk-UA"
    assert outline_titles(pdf)[0].startswith("1. ") and " / " in outline_titles(pdf)[0]

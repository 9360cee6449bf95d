"""Complete packs with the real LibreOffice: files, PDF text and metadata, outline, watermark,
manifest hashes, determinism, and nothing half-made on failure."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import FIXTURE_DIR
from readback import pdftotext_pages
from test_annex_copies import assert_every_page_is_copy, pdf_page_copies
from dcity_docs.cli import cli
from dcity_docs.documents.registry import applicable
from dcity_docs.output.documents import MODES
from dcity_docs.errors import ConversionError
from dcity_docs.record.loading import load_record
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.packs import build_pack, sha256_file
from dcity_docs.pdf.outline import outline_titles
from dcity_docs.pdf.reading import page_texts

FIXTURES = FIXTURE_DIR
pytestmark = pytest.mark.libreoffice

if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
    pytest.skip("LibreOffice is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def packs(fixture_packs: Path) -> Path:
    return fixture_packs  # the fixtures' packs, made once a run (conftest)


@pytest.mark.parametrize("stem", ["DC-2026-014", "DC-2026-021", "DC-2026-030"])
def test_pack_holds_every_document_in_every_language(packs: Path, stem: str) -> None:
    record = load_record(FIXTURES / f"{stem}.yaml")
    folder = packs / record.id
    copies = {doc: [f"_copy-{n}" for n in range(1, len(record.shareholders) + 2)]
              if doc == "site-protection-annex" and record.site and record.site.classification != "public" else [""]
              for doc in applicable(record)}
    expected = {f"{record.id}_{doc}_{mode}{copy}.{fmt}" for doc in applicable(record) for copy in copies[doc]
                for mode in MODES for fmt in ("docx", "pdf")}
    expected |= {f"{record.id}_pack.pdf", "manifest.json", "source"}
    assert {p.name for p in folder.iterdir()} == expected
    assert {"memorandum", "jv-agreement", "shareholders-agreement"} <= set(applicable(record))
    # the exact record and the programme it was made from, so that a later version can be compared
    assert sorted(p.name for p in (folder / "source").iterdir()) == ["programme.yaml", "record.yaml"]
    assert (folder / "source" / "record.yaml").read_bytes() == (FIXTURES / f"{stem}.yaml").read_bytes()
    if record.venture.placement == "abroad":
        assert not any("site-protection-annex" in name for name in expected)


def test_every_page_of_each_numbered_annex_copy_carries_its_own_number(packs: Path) -> None:
    """The restricted annex's copies No. 1-3 in each language; the merged pack holds copy No. 1."""
    folder = packs / "DC-2026-014"
    langs = {"uk": ("uk",), "en": ("en",), "bilingual": ("uk", "en")}
    for mode, held in langs.items():
        for n in (1, 2, 3):
            assert_every_page_is_copy(folder / f"DC-2026-014_site-protection-annex_{mode}_copy-{n}.pdf", n, held)
    merged = pdf_page_copies(folder / "DC-2026-014_pack.pdf")
    assert {n for uk, en in merged for n in uk + en} == {1}
    assert sum(1 for uk, en in merged if uk == en == [1]) == len(
        page_texts(folder / "DC-2026-014_site-protection-annex_bilingual_copy-1.pdf"))


@pytest.mark.parametrize("stem", ["DC-2026-014", "DC-2026-021", "DC-2026-030"])
def test_manifest_hashes_match_the_files(packs: Path, stem: str) -> None:
    folder = packs / stem
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["record_sha256"] == hashlib.sha256((FIXTURES / f"{stem}.yaml").read_bytes()).hexdigest()
    listed = {entry["file"] for entry in manifest["files"]}
    assert listed == {p.name for p in folder.iterdir()} - {"manifest.json", "source"}
    source = manifest["source"]
    assert sha256_file(folder / source["record"]) == source["record_sha256"] == manifest["record_sha256"]
    assert sha256_file(folder / source["programme"]) == source["programme_sha256"]
    for entry in manifest["files"]:
        path = folder / entry["file"]
        assert entry["sha256"] == sha256_file(path)
        assert entry["size"] == path.stat().st_size
        assert entry["format"] == path.suffix[1:]


def test_pdf_text_metadata_and_watermark_on_a_draft(packs: Path) -> None:
    folder = packs / "DC-2026-014"
    uk = folder / "DC-2026-014_memorandum_uk.pdf"
    pages = page_texts(uk)
    assert "Міністерство оборони України" in "".join(pages)
    assert "взаєморозуміння" in "".join(pages).lower()
    assert all("ПРОЄКТ" in page for page in pages)  # the watermark, on every page
    reader = PdfReader(str(uk))
    assert reader.metadata is not None and reader.metadata.title == "Меморандум про взаєморозуміння"
    assert str(reader.trailer["/Root"]["/Lang"]) == "uk-UA"
    en_pages = page_texts(folder / "DC-2026-014_memorandum_en.pdf")
    assert all("DRAFT" in page for page in en_pages)


def test_no_watermark_on_a_signed_venture(packs: Path) -> None:
    pdfs = sorted((packs / "DC-2026-030").glob("*.pdf"))
    assert len(pdfs) == 3 * 3 + 1  # three documents in three languages, and the merged pack
    for pdf in pdfs:
        text = "".join(pdftotext_pages(pdf))
        assert "DRAFT" not in text and "ПРОЄКТ" not in text, pdf.name


@pytest.mark.parametrize("stem", ["DC-2026-014", "DC-2026-030"])
def test_merged_pack_outline_names_every_document(packs: Path, stem: str) -> None:
    record = load_record(FIXTURES / f"{stem}.yaml")
    titles = [t for t in outline_titles(packs / stem / f"{stem}_pack.pdf") if isinstance(t, str)]
    assert titles[0].startswith("Пакет документів")
    assert len(titles) == 1 + len(applicable(record))
    assert any("Меморандум про взаєморозуміння / Memorandum of Understanding" == t for t in titles)


def test_two_runs_give_identical_docx_and_manifest(packs: Path, tmp_path: Path) -> None:
    record = load_record(FIXTURES / "DC-2026-014.yaml")
    again = build_pack(record, tmp_path, record_bytes=(FIXTURES / "DC-2026-014.yaml").read_bytes())
    first = packs / "DC-2026-014"
    for docx in first.glob("*.docx"):
        assert (again.folder / docx.name).read_bytes() == docx.read_bytes(), docx.name
    assert (again.folder / "manifest.json").read_bytes() == (first / "manifest.json").read_bytes()


def test_failed_conversion_leaves_the_old_pack_and_nothing_half_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = load_record(FIXTURES / "DC-2026-030.yaml")
    old = tmp_path / record.id
    old.mkdir()
    (old / "manifest.json").write_text("old")
    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\necho 'crashed' >&2\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setenv("DCITY_SOFFICE", str(broken))
    with pytest.raises(ConversionError):
        build_pack(record, tmp_path, record_bytes=b"x", options=OutputOptions(timeout=10))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([record.id, "soffice"])
    assert [p.name for p in old.iterdir()] == ["manifest.json"]


def test_missing_libreoffice_is_exit_3_with_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DCITY_SOFFICE", str(tmp_path / "no-such-soffice"))
    result = CliRunner().invoke(cli, ["pack", str(FIXTURES / "DC-2026-030.yaml"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 3
    assert "apt-get install" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "o" / "DC-2026-030").exists()


def test_pack_reports_a_bad_record_and_makes_the_good_ones(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((FIXTURES / "DC-2026-030.yaml").read_text(encoding="utf-8").replace("stage: signed", "stage: done"))
    result = CliRunner().invoke(cli, ["pack", str(bad), str(FIXTURES / "DC-2026-030.yaml"), "-o", str(tmp_path / "o"),
                                      "-f", "docx"])
    assert result.exit_code == 1
    assert f"{bad}:" in result.stderr and "stage" in result.stderr
    assert (tmp_path / "o" / "DC-2026-030" / "manifest.json").exists()

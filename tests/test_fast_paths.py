"""The shortcuts taken for speed give exactly what the plain ways give (no timing here: see benchmarks/)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader, PdfWriter

from conftest import FIXTURE_DIR
from dcity_docs.pdf import files
from dcity_docs.pdf.finishing import finish
from dcity_docs.pdf.metadata import set_metadata
from dcity_docs.pdf.outline import add_outline, outline_titles
from dcity_docs.pdf.watermark import add_watermark
from dcity_docs.layout import rendering
from dcity_docs.wording.catalogs import Catalogs, catalogs_for
from dcity_docs.language.declension import genitive_name, genitive_position
from dcity_docs.documents.registry import DOCUMENTS
from dcity_docs.output.documents import MODES, document_properties, draft_document
from dcity_docs.draft.base import Writer, context_for
from dcity_docs.documents.common import page_labels
from dcity_docs.errors import TemplateProblem
from dcity_docs.record.loading import load_record
from dcity_docs.resources import templates_dir

FIXTURES = FIXTURE_DIR


@pytest.mark.parametrize("stem", ["DC-2026-014", "DC-2026-030"])
def test_precompressed_archive_equals_zipfiles(stem: str) -> None:
    """render() writes the zip itself with the unchanged parts deflated once: same bytes as zipfile."""
    record = load_record(FIXTURES / f"{stem}.yaml")
    catalogs = catalogs_for()
    labels = page_labels(Writer(catalogs, "footer"))
    for key, doc in DOCUMENTS.items():
        if doc.applies_to(record):
            continue
        draft = draft_document(record, key, catalogs)
        template = rendering.compiled(templates_dir() / doc.template)
        for mode in MODES:
            context, props = context_for(draft, mode, labels), document_properties(record, draft, mode)
            assert template.render(context, props) == rendering.zip_parts(template.finished_parts(context, props))


def test_non_ascii_part_names_are_flagged_as_zipfile_does() -> None:
    member = rendering._Member.of("word/média.xml", b"<x/>")
    assert rendering.zip_members([member]) == rendering.zip_parts([("word/média.xml", b"<x/>")])


def test_checked_messages_still_refuse_wrong_placeholders() -> None:
    catalogs = Catalogs()
    context, msgid = "footer", "Page"
    catalogs.text(context, msgid)  # checked and remembered
    for _ in range(2):  # the remembered entry checks the values just the same
        with pytest.raises(TemplateProblem, match="takes"):
            catalogs.text(context, msgid, extra="x")


def test_remembered_declension_still_raises_and_checks_types() -> None:
    assert genitive_position("Генеральний директор") == "Генерального директора"
    assert genitive_position("Генеральний директор") == "Генерального директора"
    with pytest.raises(ValueError):
        genitive_name(["not", "a", "string"])  # type: ignore[arg-type]
    for _ in range(2):
        with pytest.raises(ValueError):
            genitive_name("Нільс Андерсен")  # gender unknown: raised every time, never remembered


def _two_page_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    writer.add_outline_item(title="1. Предмет", page_number=0)
    writer.add_outline_item(title="1. Subject", page_number=0)
    writer.add_outline_item(title="2. Ціна", page_number=1)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_finish_in_one_pass_equals_the_three_passes(tmp_path: Path) -> None:
    when = dt.datetime(2026, 10, 15, tzinfo=dt.timezone.utc)
    meta = dict(title="Договір / Agreement", subject="S", author="Міністерство", language="uk-UA",
                keywords="Defence City", fixed_date=when)
    entries = [("1. Предмет / Subject", 0), ("2. Ціна", 1)]
    three = _two_page_pdf(tmp_path / "three.pdf")
    set_metadata(three, **meta)
    add_outline(three, entries, replace=True)
    add_watermark(three, "ПРОЄКТ / DRAFT")
    one = _two_page_pdf(tmp_path / "one.pdf")
    finish(one, **meta, outline=lambda reader: entries, watermark="ПРОЄКТ / DRAFT")
    again = _two_page_pdf(tmp_path / "again.pdf")
    finish(again, **meta, outline=lambda reader: entries, watermark="ПРОЄКТ / DRAFT")
    assert one.read_bytes() == again.read_bytes()  # deterministic
    a, b = PdfReader(str(three)), PdfReader(str(one))
    assert dict(a.metadata or {}) == dict(b.metadata or {})
    assert outline_titles(three) == outline_titles(one) == [t for t, _ in entries]
    assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages]
    assert "ПРОЄКТ" in b.pages[1].extract_text()
    assert a.trailer["/Root"]["/Metadata"].get_object().get_data() == \
        b.trailer["/Root"]["/Metadata"].get_object().get_data()
    # nothing unreferenced left: the outline LibreOffice (here: the first writer) made is gone
    assert b"1. Subject" not in one.read_bytes()


def test_save_is_deterministic_and_ids_follow_content(tmp_path: Path) -> None:
    """/ID comes from the content (qpdf's deterministic ID), never from the clock or chance:
    the same document gives the same bytes, a different one a different /ID."""
    path = _two_page_pdf(tmp_path / "x.pdf")
    for name in ("a.pdf", "b.pdf"):
        files._save(pikepdf.open(path), tmp_path / name)
    changed = pikepdf.open(path)
    changed.docinfo["/Title"] = "Інший"
    files._save(changed, tmp_path / "c.pdf")
    first, second, third = ((tmp_path / n).read_bytes() for n in ("a.pdf", "b.pdf", "c.pdf"))
    assert first == second
    ids = [PdfReader(io.BytesIO(data)).trailer["/ID"][0] for data in (first, third)]
    assert ids[0] != ids[1]
    assert not list(tmp_path.glob("*.tmp"))

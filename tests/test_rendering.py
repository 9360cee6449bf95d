"""The render path: byte-identical output, data always literal, strict and sandboxed templates."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from conftest import FIXTURE_DIR
from dcity_docs.layout import rendering
from dcity_docs.wording.catalogs import catalogs_for
from dcity_docs.documents.registry import DOCUMENTS
from dcity_docs.output.documents import MODES, docx_bytes, draft_document
from dcity_docs.draft.base import Writer, context_for
from dcity_docs.documents.common import page_labels
from dcity_docs.errors import TemplateProblem
from dcity_docs.record.loading import load_record, parse_text, validate_source
from dcity_docs.resources import templates_dir
from readback import docx_text

FIXTURES = FIXTURE_DIR
EXAMPLE = FIXTURES / "DC-2026-014.yaml"


def _template(tmp_path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return path


def test_same_record_gives_byte_identical_docx() -> None:
    record = load_record(EXAMPLE)
    for key in DOCUMENTS:
        for mode in MODES:
            first = docx_bytes(record, key, mode)
            rendering._cache.clear()  # a fresh compile must not change a byte either
            assert docx_bytes(record, key, mode) == first, (key, mode)


def test_zip_entries_carry_fixed_timestamps_and_no_clock_time() -> None:
    data = docx_bytes(load_record(EXAMPLE), "memorandum", "uk")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert {i.date_time for i in zf.infolist()} == {rendering.ZIP_DATE}
        core = zf.read("docProps/core.xml").decode()
    assert "2026-10-15T00:00:00Z" in core  # from the record's agreement date
    assert "<dc:language>uk-UA</dc:language>" in core


def test_record_values_come_out_literally(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    nasty_en = "Danforge & <Sons> \"Q\" {{ 7*7 }} {% if 1 %}x{% endif %} {_{ y }_}"
    nasty_uk = "Данфордж & <Сини> {{ 7*7 }} {% raw %}"
    text = text.replace("    uk: Данфордж Дефенс Юкрейн\n    en: Danforge Defence Ukraine",
                        f"    uk: '{nasty_uk}'\n    en: '{nasty_en}'")
    record = validate_source(parse_text(text, "nasty.yaml"))
    for mode in MODES:
        out = tmp_path / f"{mode}.docx"
        out.write_bytes(docx_bytes(record, "memorandum", mode))
        body = docx_text(out)
        if mode != "uk":
            assert nasty_en in body
        if mode != "en":
            assert nasty_uk in body


def test_undefined_variable_fails_loudly(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ nonexistent.field }}")
    with pytest.raises(TemplateProblem, match="undefined"):
        rendering.compiled(path).render({}, {})


def test_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateProblem):
        rendering.compiled(path).render({}, {})


def test_template_cache_follows_file_content(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ a }}")
    first = rendering.compiled(path)
    assert rendering.compiled(path) is first
    _template(tmp_path, "{{ a }} {{ b }}")
    second = rendering.compiled(path)
    assert second is not first and second.variables == {"a", "b"}


@pytest.mark.parametrize("key", sorted(DOCUMENTS))
def test_every_template_variable_exists_in_the_context(key: str) -> None:
    """docxtpl lists what a template uses; a typo in a template must fail here, not in production."""
    record = load_record(EXAMPLE)
    draft = draft_document(record, key)
    labels = page_labels(Writer(catalogs_for(), "footer"))
    template = rendering.compiled(templates_dir() / DOCUMENTS[key].template)
    for mode in MODES:
        context = context_for(draft, mode, labels)
        assert template.variables <= set(context), template.variables - set(context)



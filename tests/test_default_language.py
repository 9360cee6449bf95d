"""The default language of a document's text: its own (uk-UA, en-GB), in the DOCX and in the
tagged PDF, so that only the other language's text is tagged apart."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from lxml import etree

from conftest import FIXTURE_DIR
from dcity_docs.layout.default_language import with_default_language
from dcity_docs.output.documents import docx_bytes
from dcity_docs.record.loading import load_record

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
EXPECTED = {"uk": "uk-UA", "en": "en-GB", "bilingual": "uk-UA"}


def _default_lang(styles: bytes) -> list[str]:
    root = etree.fromstring(styles)
    return root.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val", namespaces=NS)


def _styles_of(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.read("word/styles.xml")


def test_python_docx_default_becomes_the_documents_language() -> None:
    styles = _styles_of(_blank())
    assert _default_lang(styles) == ["en-US"]
    changed = with_default_language(styles, "uk-UA")
    assert _default_lang(changed) == ["uk-UA"]
    lang = etree.fromstring(changed).find(".//w:rPrDefault//w:lang", NS)
    assert lang.get(f"{{{W}}}eastAsia") == "en-US"  # East Asian and complex script untouched
    assert with_default_language(changed, "uk-UA") == changed  # already so: the same bytes


def test_a_template_without_doc_defaults_gets_them() -> None:
    styles = f'<w:styles xmlns:w="{W}"><w:style w:styleId="Normal"/></w:styles>'.encode()
    changed = with_default_language(styles, "en-GB")
    root = etree.fromstring(changed)
    assert _default_lang(changed) == ["en-GB"]
    assert etree.QName(root[0]).localname == "docDefaults"  # first, as the schema wants


def test_lang_goes_before_what_the_schema_puts_after_it() -> None:
    styles = (f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/>'
              f'<w:eastAsianLayout/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>').encode()
    rpr = etree.fromstring(with_default_language(styles, "uk-UA")).find(".//w:rPr", NS)
    assert [etree.QName(el).localname for el in rpr] == ["sz", "lang", "eastAsianLayout"]


def test_a_hostile_styles_part_reads_nothing_outside(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-SITE")
    styles = (f'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file://{secret}">'
              f'<!ENTITY y "yyyyyyyyyy">]><w:styles xmlns:w="{W}"><w:style><w:name>&x;&y;</w:name></w:style></w:styles>').encode()
    with pytest.raises(ValueError, match="document type declaration"):
        with_default_language(styles, "uk-UA")


def test_a_user_template_with_such_styles_is_refused_by_name(tmp_path: Path) -> None:
    from dcity_docs.errors import TemplateProblem
    from dcity_docs.layout.rendering import CompiledTemplate

    good = tmp_path / "good.docx"
    good.write_bytes(_blank())
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(hostile, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/styles.xml":
                data = data.replace(b"<w:styles ", b'<!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                    b"<w:styles ", 1)
            out.writestr(info, data)
    template = CompiledTemplate(hostile, "digest", limited=True)
    with pytest.raises(TemplateProblem, match=r"hostile\.docx \(word/styles\.xml\): refused"):
        template.render({}, {"language": "uk-UA"})


@pytest.mark.parametrize("mode", ["uk", "en", "bilingual"])
def test_each_documents_default_language_is_its_own(mode: str) -> None:
    record = load_record(FIXTURE_DIR / "DC-2026-014.yaml")
    docx = docx_bytes(record, "jv-agreement", mode)  # type: ignore[arg-type]
    assert _default_lang(_styles_of(docx)) == [EXPECTED[mode]]
    doc = Document(io.BytesIO(docx))  # Word still opens it: styles intact
    assert doc.styles["Normal"] is not None
    assert doc.core_properties.language == EXPECTED[mode]


def _blank() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def _languages(pdf: Path) -> tuple[str, Counter[str]]:
    with pikepdf.open(pdf) as doc:
        tagged = Counter(str(o.Lang) for o in doc.objects
                         if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem" and "/Lang" in o)
        return str(doc.Root.Lang), tagged


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_tagged_pdfs_mark_only_the_other_languages_text(fixture_packs: Path) -> None:
    """A screen reader reads the Ukrainian text as Ukrainian and the English as British English:
    the file's language is the document's, and only the bilingual's English is tagged apart
    (never en-US, Word's default, which once tagged every line of every document)."""
    folder = fixture_packs / "DC-2026-014"
    for mode, main in EXPECTED.items():
        for pdf in sorted(folder.glob(f"*_{mode}*.pdf")):
            lang, tagged = _languages(pdf)
            assert lang == main, pdf.name
            assert "en-US" not in tagged, pdf.name
            if mode == "bilingual":
                assert set(tagged) == {"en-GB"} and tagged["en-GB"] > 100, (pdf.name, tagged)
            else:
                assert not tagged, (pdf.name, tagged)

"""A user's template may hold only what an ordinary Word document holds: a picture linked to a web
address or a local path, an attached template, a field that brings in a file or a picture, macros,
ActiveX controls and embedded objects are refused before anything is rendered (exit 1, one line
naming the template and the part, no output). External hyperlinks stay allowed: they are text a
reader may click, not something the converter fetches."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from dcity_docs.resources import templates_dir
from guards import outside_url
from readback import docx_text
from test_user_templates import RECORD, invoke, nothing_in, only_error

Parts = dict[str, bytes]

IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
OUTSIDE = outside_url()
"""Where the templates below reach outside: the run's loopback listener, which fails any test it
hears from (tests/guards.py)."""


def edited_template(folder: Path, edit: Callable[[Parts], None], name: str = "memorandum.docx") -> Path:
    """``folder/agreements/name``: the bundled template with its parts changed by ``edit``."""
    source = templates_dir() / "agreements" / name
    target = folder / "agreements" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as zin:
        parts = {info.filename: zin.read(info.filename) for info in zin.infolist()}
    edit(parts)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for part, data in parts.items():
            zout.writestr(part, data)
    return target


def relationship(part: str, kind: str, target: str, external: bool = True) -> Callable[[Parts], None]:
    def edit(parts: Parts) -> None:
        mode = ' TargetMode="External"' if external else ""
        rel = f'<Relationship Id="rIdOut9" Type="{kind}" Target="{target}"{mode}/>'
        parts[part] = parts[part].replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    return edit


def in_body(part: str, xml: str) -> Callable[[Parts], None]:
    def edit(parts: Parts) -> None:
        text = parts[part].decode("utf-8")
        if "<w:body>" in text:
            text = text.replace("<w:body>", "<w:body>" + xml, 1)
        else:  # a header or footer: before its last closing tag
            at = text.rindex("</w:")
            text = text[:at] + xml + text[at:]
        parts[part] = text.encode("utf-8")
    return edit


def added(part: str, data: bytes = b"\0" * 64) -> Callable[[Parts], None]:
    def edit(parts: Parts) -> None:
        parts[part] = data
    return edit


def content_type(new: str) -> Callable[[Parts], None]:
    def edit(parts: Parts) -> None:
        types = parts["[Content_Types].xml"].decode("utf-8")
        types, n = re.subn(r'(PartName="/word/document.xml" ContentType=")[^"]+', rf"\g<1>{new}", types)
        assert n == 1
        parts["[Content_Types].xml"] = types.encode("utf-8")
    return edit


def simple_field(instr: str) -> str:
    instr = instr.replace('"', "&quot;")
    return f'<w:p><w:fldSimple w:instr="{instr}"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>'


def complex_field(*pieces: str) -> str:
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>' for p in pieces)
    return (f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


REFUSED = {
    "linked-web-image": (relationship("word/_rels/document.xml.rels", IMAGE, f"{OUTSIDE}/x.png"),
                         "word/_rels/document.xml.rels"),
    "linked-local-image": (relationship("word/_rels/document.xml.rels", IMAGE, "file:///etc/passwd"),
                           "word/_rels/document.xml.rels"),
    "attached-template": (relationship("word/_rels/document.xml.rels", TEMPLATE, f"{OUTSIDE}/t.dotm"),
                          "word/_rels/document.xml.rels"),
    "includepicture-simple": (in_body("word/document.xml", simple_field(f'INCLUDEPICTURE "{OUTSIDE}/x.png"')),
                              "word/document.xml"),
    "includetext-complex-split": (in_body("word/document.xml", complex_field(" INCLUDE", 'TEXT "/etc/passwd" ')),
                                  "word/document.xml"),
    "link-in-footer": (in_body("word/footer1.xml", complex_field(' LINK Excel.Sheet.12 "C:\\\\x.xlsx" "A1" ')),
                       "word/footer1.xml"),
    "nested-includepicture": (in_body("word/header1.xml", complex_field(" IF 1 = 1 ")[:-len("</w:p>")].replace(
        '<w:r><w:fldChar w:fldCharType="separate"/>',
        complex_field(f' INCLUDEPICTURE "{OUTSIDE}/x.png" ')[len("<w:p>"):-len("</w:p>")]
        + '<w:r><w:fldChar w:fldCharType="separate"/>', 1) + "</w:p>"), "word/header1.xml"),
    "vba-project": (added("word/vbaProject.bin"), "word/vbaProject.bin"),
    "activex": (added("word/activeX/activeX1.xml", b"<ax/>"), "word/activeX/activeX1.xml"),
    "embedded-object": (added("word/embeddings/oleObject1.bin"), "word/embeddings/oleObject1.bin"),
    "docm": (content_type("application/vnd.ms-word.document.macroEnabled.main+xml"), "[Content_Types].xml"),
    "dotm": (content_type("application/vnd.ms-word.template.macroEnabledTemplate.main+xml"), "[Content_Types].xml"),
    "dotx": (content_type("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
             "[Content_Types].xml"),
}


@pytest.mark.parametrize("edit, part", REFUSED.values(), ids=REFUSED.keys())
def test_a_template_that_reaches_outside_is_refused_naming_the_part(tmp_path, edit, part):
    mine = tmp_path / "mine"
    template = edited_template(mine, edit)
    out = tmp_path / "out"

    result = invoke("render", "memorandum", RECORD, "-l", "en", "-o", out, "--templates", mine)

    assert result.exit_code == 1, result.output + result.stderr
    line = only_error(result)
    assert str(template) in line and part in line and "refused" in line, line
    assert nothing_in(out)


def test_a_template_with_an_external_hyperlink_renders(tmp_path):
    link = ('<w:p><w:hyperlink r:id="rIdOut9"><w:r><w:t>Defence City portal</w:t></w:r></w:hyperlink></w:p>')

    def edit(parts: Parts) -> None:
        relationship("word/_rels/document.xml.rels", HYPERLINK, f"{OUTSIDE}/defence-city")(parts)
        in_body("word/document.xml", link)(parts)

    mine = tmp_path / "mine"
    edited_template(mine, edit)
    out = tmp_path / "out"

    result = invoke("render", "memorandum", RECORD, "-l", "en", "-o", out, "--templates", mine)

    assert result.exit_code == 0, result.stderr
    assert docx_text(out / "DC-2026-030_memorandum_en.docx").startswith("Defence City portal")


def test_a_pack_with_a_refused_template_writes_nothing(tmp_path):
    mine = tmp_path / "mine"
    edited_template(mine, REFUSED["vba-project"][0], name="jv-agreement.docx")
    out = tmp_path / "out"

    result = invoke("pack", RECORD, "-o", out, "-f", "docx", "--templates", mine)

    assert result.exit_code == 1
    assert "word/vbaProject.bin" in only_error(result)
    assert nothing_in(out)

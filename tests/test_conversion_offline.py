"""LibreOffice converts with external links blocked: even a document whose picture is linked to a
web address (one that slipped past the template check, built here directly) makes no request
while it is converted. A listener on a loopback port stands in for the web server."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from dcity_docs.conversion.convert import convert_to_pdf
from guards import Listener

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                       reason="LibreOffice is not installed"),
]

_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""


def _document_rels(url: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdPic" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
 Target="{url}" TargetMode="External"/>
</Relationships>"""


_DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">
<w:body><w:p><w:r><w:t>Linked picture:</w:t></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Picture 1"/>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">
<pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="x.png"/><pic:cNvPicPr/></pic:nvPicPr>
<pic:blipFill><a:blip r:link="rIdPic"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>
<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>
</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
<w:p><w:fldSimple w:instr="INCLUDEPICTURE &quot;{url}&quot; \\d"><w:r><w:t>field</w:t></w:r></w:fldSimple></w:p>
<w:sectPr/></w:body></w:document>"""


def test_a_picture_linked_to_a_web_address_is_not_fetched_during_conversion(tmp_path: Path,
                                                                            loopback: Listener) -> None:
    before = len(loopback.requests)
    url = f"{loopback.url}/x.png"
    docx = tmp_path / "linked.docx"
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("word/_rels/document.xml.rels", _document_rels(url))
        zf.writestr("word/document.xml", _DOCUMENT.replace("{url}", url))
    out = tmp_path / "out"
    out.mkdir()

    (pdf,) = convert_to_pdf([docx], out, timeout=120)

    assert pdf.read_bytes().startswith(b"%PDF")
    assert loopback.requests[before:] == []

"""What a user's Word template may contain: only the parts and relationships of an ordinary
document. Whatever would make Word or LibreOffice reach outside the package (a picture linked to a
web address or a local path, an attached template, an INCLUDEPICTURE field) or run code (macros,
ActiveX, embedded objects) is refused before anything is rendered with it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from dcity_docs.errors import TemplateProblem

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"

_FORBIDDEN_CONTENT = (
    ("macroenabled", "a macro-enabled content type"),
    ("wordprocessingml.template", "a Word template (.dotx) content type"),
    ("vbaproject", "a macro (VBA) project"),
    ("vbadata", "macro (VBA) data"),
    ("activex", "an ActiveX control"),
    ("oleobject", "an embedded object"),
)
"""Lower-case pieces of a content type and what they are: a template is an ordinary .docx."""

_FORBIDDEN_PART = re.compile(r"(^|/)(vbaProject[^/]*|vbaData[^/]*|activeX/.*|embeddings/.*|[^/]*oleObject[^/]*)$",
                             re.IGNORECASE)

_FORBIDDEN_REL_TYPE = re.compile(r"/(vbaProject|oleObject|package|control|activeXControlBinary|attachedTemplate"
                                 r"|subDocument|frame)$", re.IGNORECASE)

_FIELD = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|IMPORT|LINK|DDE|DDEAUTO)\b", re.IGNORECASE)
"""Field instructions that bring in a file, a picture or another program's data from outside."""

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _refuse(path: Path, part: str, what: str) -> TemplateProblem:
    return TemplateProblem(f"template {path} is refused: {part}: {what}; a template may contain only the parts "
                           f"of an ordinary Word document")


def _xml(zf: zipfile.ZipFile, path: Path, name: str) -> etree._Element:
    try:
        return etree.fromstring(zf.read(name), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateProblem(f"template {path} is damaged: {name} is not well-formed XML ({exc})") from None


def check_template_parts(zf: zipfile.ZipFile, path: Path) -> None:
    """Raise :class:`TemplateProblem` naming ``path`` and the part for the first thing in the
    package an ordinary document does not have."""
    names = [info.filename for info in zf.infolist()]
    for name in names:
        if _FORBIDDEN_PART.search(name):
            raise _refuse(path, name, "macros, ActiveX controls and embedded objects are not allowed")
    if "[Content_Types].xml" in names:
        types = _xml(zf, path, "[Content_Types].xml")
        for entry in types.iter(f"{{{_TYPES}}}Override", f"{{{_TYPES}}}Default"):
            content = (entry.get("ContentType") or "").lower()
            for piece, what in _FORBIDDEN_CONTENT:
                if piece in content:
                    part = entry.get("PartName") or f"*.{entry.get('Extension')}"
                    raise _refuse(path, f"[Content_Types].xml ({part.lstrip('/')})", f"{what} ({content})")
    for name in names:
        if name.endswith(".rels"):
            _check_relationships(_xml(zf, path, name), path, name)
    for name in names:
        if name.endswith(".xml") and name != "[Content_Types].xml":
            _check_fields(_xml(zf, path, name), path, name)


def _check_relationships(rels: etree._Element, path: Path, name: str) -> None:
    for rel in rels.iter(f"{{{_RELS}}}Relationship"):
        kind, target = rel.get("Type") or "", rel.get("Target") or ""
        if _FORBIDDEN_REL_TYPE.search(kind):
            raise _refuse(path, name, f"a relationship of type {kind.rsplit('/', 1)[-1]} (to {target})")
        if (rel.get("TargetMode") or "").lower() == "external" and not kind.endswith("/relationships/hyperlink"):
            raise _refuse(path, name, f"an external {kind.rsplit('/', 1)[-1]} relationship to {target} "
                                      f"(only hyperlinks may point outside the document)")


def _check_fields(root: etree._Element, path: Path, name: str) -> None:
    for simple in root.iter(f"{{{_W}}}fldSimple"):
        instruction = simple.get(f"{{{_W}}}instr") or ""
        if _FIELD.match(instruction):
            raise _refuse(path, name, f"a field that brings in content from outside ({instruction.strip()})")
    # A complex field's instruction may be split over several w:instrText between its w:fldChar
    # begin and separate/end; fields nest, so one instruction is gathered per open field.
    open_fields: list[list[str]] = []
    for element in root.iter(f"{{{_W}}}fldChar", f"{{{_W}}}instrText"):
        if element.tag == f"{{{_W}}}instrText":
            if open_fields:
                open_fields[-1].append(element.text or "")
            elif _FIELD.match(element.text or ""):
                raise _refuse(path, name, f"a field that brings in content from outside ({(element.text or '').strip()})")
            continue
        kind = element.get(f"{{{_W}}}fldCharType")
        if kind == "begin":
            open_fields.append([])
        elif kind in ("separate", "end") and open_fields:
            instruction = "".join(open_fields[-1])
            if _FIELD.match(instruction):
                raise _refuse(path, name, f"a field that brings in content from outside ({instruction.strip()})")
            if kind == "end":
                open_fields.pop()
            else:
                open_fields[-1] = []

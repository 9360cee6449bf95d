"""The default language of a document's text (``w:docDefaults`` in ``word/styles.xml``).

Runs carry their own language (``w:lang``), but text without one, and LibreOffice's tagged PDF,
go by the default. LibreOffice wraps every stretch of text whose language differs from the default
in a ``Span`` of its own with ``/Lang``: with python-docx's ``en-US`` default, every line of a
Ukrainian or British English agreement was one (3,000 of the 6,000 objects of a Ukrainian
agreement's PDF, 8,700 of the bilingual one's 17,900), which LibreOffice has to write and every
later reader of the file has to parse. With the document's own language as the default only the
other language's text is tagged apart, and Word proofs unmarked text in the right language.
"""

from __future__ import annotations

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath")  # what CT_RPr puts after w:lang
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
"""A user's template is anyone's file: no entity is expanded, nothing outside is read."""


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _child(parent: etree._Element, name: str, index: int | None = None) -> etree._Element:
    found = parent.find(_w(name))
    if found is None:
        found = etree.Element(_w(name))
        if index is None:
            parent.append(found)
        else:
            parent.insert(index, found)
    return found


def with_default_language(styles: bytes, tag: str) -> bytes:
    """``styles`` (a ``word/styles.xml``) with ``tag`` (``uk-UA``) as the default language of
    text, creating ``w:docDefaults/w:rPrDefault/w:rPr/w:lang`` where a template lacks them; its
    East Asian and complex-script languages are left as they are. Raises ValueError for a part
    with a document type declaration (Word never writes one; entities are how XML reaches out)."""
    root = etree.fromstring(styles, _PARSER)
    if root.getroottree().docinfo.doctype:
        raise ValueError("a document type declaration (<!DOCTYPE ...>), which Word never writes")
    defaults = _child(root, "docDefaults", 0)
    rpr = _child(_child(defaults, "rPrDefault", 0), "rPr")
    lang = rpr.find(_w("lang"))
    if lang is None:
        lang = etree.Element(_w("lang"))
        later = [i for i, el in enumerate(rpr) if etree.QName(el).localname in _AFTER_LANG]
        rpr.insert(later[0] if later else len(rpr), lang)
    if lang.get(_w("val")) == tag:
        return styles
    lang.set(_w("val"), tag)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

"""Reading generated documents back as a lawyer would: all text, tables and headers included."""

from __future__ import annotations

import subprocess
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def docx_paragraphs(path: Path | str) -> list[str]:
    """Every paragraph of the body (tables included), in document order."""
    doc = Document(str(path))
    return [Paragraph(p, doc).text for p in doc.element.body.iter(qn("w:p"))]


def docx_text(path: Path | str) -> str:
    return "\n".join(docx_paragraphs(path))


def docx_header_footer_text(path: Path | str) -> str:
    doc = Document(str(path))
    out: list[str] = []
    for section in doc.sections:
        for part in (section.header, section.footer):
            out += [Paragraph(p, part).text for p in part._element.iter(qn("w:p"))]
    return "\n".join(out)


def docx_run_languages(path: Path | str) -> set[str]:
    doc = Document(str(path))
    return {el.get(qn("w:val")) for el in doc.element.body.iter(qn("w:lang"))}


#: The stage marks a page may carry, in either language, and what each says.
_MARKS = {"ПРОЄКТ": "draft", "DRAFT": "draft", "ПОГОДЖЕНА РЕДАКЦІЯ": "agreed", "AGREED FORM": "agreed"}
#: What the pages of a document at each stage are marked with: a draft under negotiation, the
#: agreed form (not a draft any more), and nothing once signed.
STAGE_MARKS = {"negotiation": {"draft"}, "agreed": {"agreed"}, "signed": set()}


def stage_marks(text: str) -> set[str]:
    """Which stage marks ``text`` (a header, a page) carries."""
    return {meaning for word, meaning in _MARKS.items() if word in text}


def pdftotext_pages(path: Path | str) -> list[str]:
    """Each page's text as poppler's ``pdftotext`` reads it: an independent reader, and a
    great deal faster than pypdf on a long tagged PDF (for tests that only look for words)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                         text=True, timeout=60).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")

"""Reading one section of the joint-venture agreement back from its Word file, for the tests of
one clause group each (tests/test_jv_*.py): render through the public seam (``docx_bytes``), read
the paragraphs with python-docx, cut out the section by its heading."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from conftest import FIXTURE_DIR
from dcity_docs.language.typography import NBSP
from dcity_docs.output.documents import docx_bytes
from dcity_docs.record.loading import load_programme, load_record
from dcity_docs.record.models import Record
from readback import docx_paragraphs

KEY = "jv-agreement"
FIXTURES = sorted(p.stem for p in FIXTURE_DIR.glob("*.yaml"))
HEADING = re.compile(r"^\d+\. \S")


def fixture(name: str, terms: str = "", programme: Path | None = None) -> Record:
    """A fixture, with a ``terms:`` block appended (YAML lines, two-space indented) where given."""
    text = (FIXTURE_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    if terms:
        assert "\nterms:" not in text
        text = text.rstrip("\n") + "\nterms:\n" + terms
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return load_record(path, load_programme(programme) if programme else None)


def paragraphs(record: Record, mode: str) -> list[str]:
    """Every paragraph of the agreement in one language (or both), no-break spaces as spaces."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "jv.docx"
        path.write_bytes(docx_bytes(record, KEY, mode))  # type: ignore[arg-type]
        return [p.replace(NBSP, " ") for p in docx_paragraphs(path)]


def section(paras: list[str], title: str) -> list[str]:
    """The paragraphs of the section whose heading ends with ``title``, heading included."""
    starts = [i for i, p in enumerate(paras) if HEADING.match(p) and p.endswith(title)]
    assert len(starts) == 1, (title, starts)
    start = starts[0]
    end = next((i for i in range(start + 1, len(paras)) if HEADING.match(paras[i])), len(paras))
    return paras[start:end]


def text_of(record: Record, mode: str, title: str) -> str:
    return "\n".join(section(paragraphs(record, mode), title))

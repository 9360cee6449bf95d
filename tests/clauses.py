"""Rendering helpers for the clause tests: a fixture (or the contract example) with a `terms:`
override, read back paragraph by paragraph through the public seams (docx_bytes, python-docx)."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from conftest import FIXTURE_DIR
from dcity_docs.language.typography import NBSP
from dcity_docs.record.loading import load_programme, parse_text, validate_source
from dcity_docs.record.models import Record
from dcity_docs.output.documents import docx_bytes

from readback import docx_paragraphs

FIXTURES = sorted(p.stem for p in FIXTURE_DIR.glob("*.yaml"))
MODES = ("uk", "en", "bilingual")


def langs_of(mode: str) -> list[str]:
    return ["uk", "en"] if mode == "bilingual" else [mode]


def record(name: str, terms: str = "", programme: Path | None = None, replace: tuple[str, str] | None = None) -> Record:
    """The fixture ``name`` with ``terms`` (YAML lines under ``terms:``) added, through validation."""
    text = (FIXTURE_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    if replace is not None:
        assert replace[0] in text
        text = text.replace(*replace)
    if terms:
        assert "\nterms:" not in text
        text += "\nterms:\n" + "".join(f"  {line}\n" for line in terms.splitlines())
    prog = load_programme(programme) if programme is not None else None
    return validate_source(parse_text(text, f"{name}.yaml"), prog)


def paragraphs(rec: Record, key: str, mode: str) -> list[str]:
    """Every paragraph of the rendered DOCX (bilingual: both columns), spaces made plain."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.docx"
        path.write_bytes(docx_bytes(rec, key, mode))  # type: ignore[arg-type]
        return [p.replace(NBSP, " ") for p in docx_paragraphs(path)]


@lru_cache(maxsize=None)
def fixture_text(name: str, key: str, mode: str) -> str:
    return "\n".join(paragraphs(record(name), key, mode))


def text(rec: Record, key: str, mode: str) -> str:
    return "\n".join(paragraphs(rec, key, mode))

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
from dcity_docs.record.programme import bundled_programme_file
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


def programme_with(folder: Path, old: str, new: str) -> Path:
    """The bundled programme file with one default changed (``old`` must be in it)."""
    text = bundled_programme_file().read_text(encoding="utf-8")
    assert old in text, old
    path = folder / "programme.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def assert_one_paragraph_changes(name: str, programme: Path, titles: dict[str, str],
                                 changes: dict[str, tuple[str, str]]) -> None:
    """Under the changed programme exactly one paragraph of the section differs in each language,
    from the old wording (``changes[lang][0]``) to the new."""
    for lang, (old, new) in changes.items():
        before = section(paragraphs(fixture(name), lang), titles[lang])
        after = section(paragraphs(fixture(name, programme=programme), lang), titles[lang])
        differ = [(a, b) for a, b in zip(before, after) if a != b]
        assert len(before) == len(after) and len(differ) == 1, differ
        assert old in differ[0][0] and new in differ[0][1], differ

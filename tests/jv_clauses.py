"""Reading one section of the joint-venture agreement back from its Word file, for a fixture with
or without a ``terms:`` override, in each language of output (the clause-group tests share it)."""

from __future__ import annotations

import re
import tempfile
from functools import lru_cache
from pathlib import Path

from conftest import CONTRACT_EXAMPLE, FIXTURE_DIR
from dcity_docs.documents import jv_agreement
from dcity_docs.errors import RecordInvalid
from dcity_docs.language.typography import NBSP
from dcity_docs.output.documents import docx_bytes
from dcity_docs.record.loading import load_record, parse_text, validate_source
from dcity_docs.record.models import Record
from readback import docx_paragraphs

KEY = "jv-agreement"
FIXTURES = sorted(p.stem for p in FIXTURE_DIR.glob("*.yaml"))
IN_UKRAINE = "DC-2026-014"
ABROAD = "DC-2026-030"


@lru_cache(maxsize=None)
def record_of(name: str, terms: tuple[tuple[str, str], ...] = ()) -> Record:
    """A fixture, with ``terms:`` overrides (YAML values as text) appended to its file."""
    text = (FIXTURE_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    if terms:
        text += "terms:\n" + "".join(f"  {k}: {v}\n" for k, v in terms)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return load_record(path)


@lru_cache(maxsize=None)
def paragraphs(name: str, mode: str, terms: tuple[tuple[str, str], ...] = ()) -> tuple[str, ...]:
    """Every paragraph of the rendered agreement, no-break spaces as plain ones."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "jv.docx"
        path.write_bytes(docx_bytes(record_of(name, terms), KEY, mode))
        return tuple(p.replace(NBSP, " ") for p in docx_paragraphs(path))


def text(name: str, mode: str, terms: tuple[tuple[str, str], ...] = ()) -> str:
    return "\n".join(paragraphs(name, mode, terms))


def section(name: str, key: str, lang: str, terms: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """The heading and clauses of section ``key`` in one language, up to the next heading."""
    no = int(jv_agreement.SECTIONS.no(key))
    lines = paragraphs(name, lang, terms)
    heading = re.compile(rf"{no}\. \D")
    following = re.compile(rf"{no + 1}\. \D")
    (start,) = [i for i, p in enumerate(lines) if heading.match(p)]
    end = next(i for i in range(start + 1, len(lines)) if following.match(lines[i]))
    return list(lines[start:end])


def clause(name: str, key: str, lang: str, needle: str, terms: tuple[tuple[str, str], ...] = ()) -> str:
    """The one clause of section ``key`` that contains ``needle``."""
    (found,) = [p for p in section(name, key, lang, terms) if needle in p]
    return found


def changed(name: str, key: str, terms: tuple[tuple[str, str], ...]) -> dict[str, list[tuple[str, str]]]:
    """Per language, the clauses of section ``key`` that a terms override changes (before, after)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for lang in ("uk", "en"):
        before, after = section(name, key, lang), section(name, key, lang, terms)
        assert len(before) == len(after)
        out[lang] = [(a, b) for a, b in zip(before, after) if a != b]
    return out


def refused(term: str, value: str) -> list[str]:
    """The problems reported for the contract example with one ``terms:`` value, each that names the
    term at its line (``rec.yaml:LINE: terms.TERM: ...``)."""
    source = CONTRACT_EXAMPLE.read_text(encoding="utf-8") + f"terms:\n  {term}: {value}\n"
    try:
        validate_source(parse_text(source, "rec.yaml"))
    except RecordInvalid as caught:
        line = len(source.splitlines())
        return [str(p) for p in caught.problems if str(p).startswith(f"rec.yaml:{line}: terms.{term}:")]
    return []


@lru_cache(maxsize=None)
def _without_running_heads(raw: str) -> str:
    """The text of every page without what repeats on each (the draft mark, the footer with its
    page number), so that a clause that runs over a page break reads as one sentence."""
    running = re.compile(r"^(ПРОЄКТ|DRAFT|.* · .*|(Сторінка|Page) \d+ (з|of) \d+)$")
    pages = raw.split("\f")
    return "\n".join("\n".join(line for line in page.splitlines() if not running.match(line.strip()))
                     for page in pages)


def pdf_texts(name: str) -> dict[str, str]:
    """The fixture's agreement in uk and en converted by LibreOffice (one call) and read back with
    poppler's pdftotext, whitespace and soft hyphens normalised; cached for every test module."""
    import shutil
    import subprocess

    from dcity_docs.conversion.convert import convert_to_pdf
    from dcity_docs.pdf.reading import normalise_text

    folder = Path(tempfile.mkdtemp(prefix="jv-pdf-"))
    try:
        sources = []
        for lang in ("uk", "en"):
            path = folder / f"{lang}.docx"
            path.write_bytes(docx_bytes(record_of(name), KEY, lang))
            sources.append(path)
        pdfs = convert_to_pdf(sources, folder / "pdf", timeout=120)
        out = {}
        for pdf in pdfs:
            raw = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
            raw = _without_running_heads(raw)
            # normalise_text makes every apostrophe straight; the agreement has only the typographic
            # one (a test of the agreement holds it to that), so it is put back to compare wording
            out[pdf.stem] = normalise_text(raw).replace(NBSP, " ").replace("'", "’")
        return out
    finally:
        shutil.rmtree(folder, ignore_errors=True)

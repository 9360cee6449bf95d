"""Spelling: hunspell (uk_UA, en_GB) over the text of every document of every fixture, in each
language. The words it does not know are names, codes and terms of art, listed on purpose in
tests/data/spelling-known-{uk,en}.txt; any other unknown word (a typo in a catalog, a calque that
crept in) fails the test, naming the word and the document."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import FIXTURE_DIR
from dcity_docs.documents.registry import applicable
from dcity_docs.output.documents import docx_bytes
from dcity_docs.record.loading import load_record

DATA = Path(__file__).parent / "data"
DICTIONARIES = {"uk": "uk_UA", "en": "en_GB"}
STEMS = sorted(p.stem for p in FIXTURE_DIR.glob("*.yaml"))


def _missing() -> str | None:
    if shutil.which("hunspell") is None:
        return "hunspell is not installed (apt-get install hunspell hunspell-uk hunspell-en-gb)"
    result = subprocess.run(["hunspell", "-D"], input="", capture_output=True, text=True)
    listed = result.stdout + result.stderr
    absent = [d for d in DICTIONARIES.values() if d not in listed]
    return f"hunspell dictionaries {absent} are not installed" if absent else None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


def known(lang: str) -> set[str]:
    lines = (DATA / f"spelling-known-{lang}.txt").read_text(encoding="utf-8").splitlines()
    return {line.split("#")[0].strip() for line in lines} - {""}


def document_text(data: bytes) -> str:
    """Body, header and footer of a .docx, as a reader has it."""
    doc = Document(io.BytesIO(data))
    parts = [doc.element.body] + [part._element for s in doc.sections for part in (s.header, s.footer)]
    return "\n".join(Paragraph(p, doc).text for el in parts for p in el.iter(qn("w:p")))


def unknown_words(text: str, lang: str) -> set[str]:
    # hunspell does not split at a no-break space; English possessives are in its list with «'».
    text = text.replace("\u00a0", " ")
    if lang == "en":
        text = text.replace("\u2019", "'")
    result = subprocess.run(["hunspell", "-d", DICTIONARIES[lang], "-l"], input=text,
                            capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("stem", STEMS)
def test_every_word_is_known_or_listed(stem: str, lang: str) -> None:
    record = load_record(FIXTURE_DIR / f"{stem}.yaml")
    allowed = known(lang)
    problems = {}
    for key in applicable(record):
        new = unknown_words(document_text(docx_bytes(record, key, lang)), lang) - allowed
        if new:
            problems[key] = sorted(new)
    assert not problems, f"words hunspell ({DICTIONARIES[lang]}) does not know: {problems}"


def test_a_new_unknown_word_is_caught() -> None:
    assert unknown_words("Сторони зобовязуються виконувати", "uk") == {"зобовязуються"}
    assert unknown_words("The Parties shall perfom", "en") == {"perfom"}
    assert not unknown_words("Сторони зобов’язуються виконувати", "uk")

"""LibreOffice conversion: real LibreOffice where marked, fake ``soffice`` scripts for failures."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from dcity_docs.conversion import locating
from dcity_docs.conversion.base import is_complete_pdf
from dcity_docs.conversion.convert import convert_to_pdf
from dcity_docs.conversion.locating import find_soffice
from dcity_docs.conversion.soffice import convert_to_argument
from dcity_docs.errors import ConversionError, EnvironmentProblem, InputError


def _have_soffice() -> bool:
    try:
        find_soffice()
    except EnvironmentProblem:
        return False
    return True


needs_libreoffice = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not _have_soffice(), reason="LibreOffice (soffice) not installed"),
]


def _libreoffice(func):
    for mark in needs_libreoffice:
        func = mark(func)
    return func


def make_docx(path: Path, heading: str, body: str, *, more: list[tuple[str, str]] | None = None) -> Path:
    doc = Document()
    doc.add_heading(heading, level=1)
    doc.add_paragraph(body)
    for h, b in more or []:
        doc.add_heading(h, level=1)
        doc.add_paragraph(b)
    doc.save(str(path))
    return path


UK_BODY = "Міністерство оборони України, далі «Замовник», погоджує проєкт; п’ять примірників."


@pytest.fixture(scope="module")
def three_docx(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    src = tmp_path_factory.mktemp("docx")
    return [
        make_docx(src / "uk.docx", "1. Предмет договору", UK_BODY, more=[("2. Ціна договору", "Ціна — 100 грн.")]),
        make_docx(src / "en.docx", "1. Subject of the Agreement", "The Ministry of Defence of Ukraine agrees."),
        make_docx(src / "Договір про спільне підприємство.docx", "1. Сторони", "Сторони домовилися про таке."),
    ]


@pytest.fixture(scope="module")
def converted(three_docx: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("pdf")
    return convert_to_pdf(three_docx, out, timeout=60)


# --------------------------------------------------------------------------
# Real LibreOffice
# --------------------------------------------------------------------------


@_libreoffice
def test_three_documents_in_one_call(three_docx: list[Path], converted: list[Path]) -> None:
    assert [p.name for p in converted] == [d.stem + ".pdf" for d in three_docx]
    for pdf in converted:
        assert pdf.is_file() and is_complete_pdf(pdf)
    # No staging folder left behind.
    assert sorted(p.name for p in converted[0].parent.iterdir()) == sorted(p.name for p in converted)


@_libreoffice
def test_cyrillic_text_reads_back(converted: list[Path]) -> None:
    text = " ".join(page.extract_text() for page in PdfReader(converted[0]).pages)
    text = " ".join(text.split())
    for phrase in ("Міністерство оборони України", "проєкт", "п’ять", "«Замовник»", "1. Предмет договору"):
        assert phrase in text


@_libreoffice
def test_headings_become_bookmarks(converted: list[Path]) -> None:
    outline = PdfReader(converted[0]).outline
    assert [item.title for item in outline] == ["1. Предмет договору", "2. Ціна договору"]


@_libreoffice
def test_pdfa_with_two_workers(three_docx: list[Path], tmp_path: Path) -> None:
    out = convert_to_pdf(three_docx[:2], tmp_path / "a", pdfa=True, workers=2, timeout=60)
    assert [p.name for p in out] == ["uk.pdf", "en.pdf"]
    for pdf in out:
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert "/OutputIntents" in root
        xmp = root["/Metadata"].get_object().get_data().decode()
        assert "<pdfaid:part>2</pdfaid:part>" in xmp
        assert "/StructTreeRoot" in root  # UseTaggedPDF


@_libreoffice
def test_unreadable_document_fails_and_writes_nothing(three_docx: list[Path], tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a zip archive")
    out = tmp_path / "out"
    with pytest.raises(ConversionError) as info:
        convert_to_pdf([three_docx[1], bad], out, timeout=60)
    assert "broken.docx" in str(info.value)
    assert "/en.docx" not in str(info.value)
    assert list(out.iterdir()) == []  # all or nothing, and no staging folder left


# --------------------------------------------------------------------------
# Finding LibreOffice
# --------------------------------------------------------------------------


def test_missing_soffice_names_the_install_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DCITY_SOFFICE", str(tmp_path / "no-such-soffice"))
    monkeypatch.setenv("PATH", "")
    with pytest.raises(EnvironmentProblem) as info:
        find_soffice()
    assert "apt-get install -y libreoffice-writer-nogui fonts-liberation2" in str(info.value)
    assert info.value.exit_code == 3


def test_no_soffice_anywhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DCITY_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(locating, "FALLBACK_LOCATIONS", ())
    with pytest.raises(EnvironmentProblem, match="apt-get install"):
        find_soffice()
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    with pytest.raises(EnvironmentProblem, match="apt-get install"):
        convert_to_pdf([docx], tmp_path / "out")


def test_soffice_from_environment_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = _script(tmp_path, "print('hello')", prelude=False)
    monkeypatch.setenv("DCITY_SOFFICE", str(fake))
    assert find_soffice() == str(fake)


def test_convert_to_argument_is_json_filter_options() -> None:
    plain = convert_to_argument()
    assert plain.startswith("pdf:writer_pdf_Export:")
    options = json.loads(plain.split(":", 2)[2])
    assert options["ExportBookmarks"] == {"type": "boolean", "value": "true"}
    assert "SelectPdfVersion" not in options
    pdfa = json.loads(convert_to_argument(pdfa=True).split(":", 2)[2])
    assert pdfa["SelectPdfVersion"] == {"type": "long", "value": "2"}


# --------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------


def test_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such document"):
        convert_to_pdf([tmp_path / "missing.docx"], tmp_path / "out")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.docx").write_bytes(b"x")
    (tmp_path / "b" / "same.docx").write_bytes(b"x")
    with pytest.raises(InputError, match="same.pdf"):
        convert_to_pdf([tmp_path / "a" / "same.docx", tmp_path / "b" / "same.docx"], tmp_path / "out")
    with pytest.raises(InputError, match="workers"):
        convert_to_pdf([tmp_path / "a" / "same.docx"], tmp_path / "out", workers=0)
    assert convert_to_pdf([], tmp_path / "out") == []


# --------------------------------------------------------------------------
# Fake soffice: hangs, retries, silent failures
# --------------------------------------------------------------------------

FAKE_PRELUDE = """
import os, subprocess, sys, time
from pathlib import Path
args = sys.argv[1:]
outdir = Path(args[args.index("--outdir") + 1])
files = [Path(a) for a in args[args.index("--outdir") + 2:]]
counter = Path(os.environ["FAKE_COUNTER"])
with counter.open("a") as fh:
    fh.write(" ".join(f.name for f in files) + "\\n")
attempt = len(counter.read_text().splitlines())
assert any(a.startswith("-env:UserInstallation=file://") for a in args)
assert "--headless" in args and os.environ.get("SAL_USE_VCLPLUGIN") == "svp"
MINIMAL_PDF = (b"%PDF-1.4\\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\\n"  # one page: a PDF that opens
               b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\\n"
               b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\\ntrailer<</Root 1 0 R>>\\n%%EOF\\n")
"""


def _script(tmp_path: Path, body: str, *, prelude: bool = True) -> Path:
    path = tmp_path / "fake-soffice"
    path.write_text(f"#!{sys.executable}\n{FAKE_PRELUDE if prelude else ''}{body}\n")
    path.chmod(0o755)
    return path


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.fixture
def fake_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    counter = tmp_path / "attempts.txt"
    monkeypatch.setenv("FAKE_COUNTER", str(counter))
    return counter


def test_hang_is_killed_and_retried_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_env: Path) -> None:
    pids = tmp_path / "pids.txt"
    fake = _script(
        tmp_path,
        f"""
child = subprocess.Popen(["sleep", "60"])  # a grandchild: must die with the process group
with open({str(pids)!r}, "a") as fh:
    fh.write(f"{{os.getpid()}} {{child.pid}}\\n")
(outdir / "a.pdf").write_bytes(b"%PDF-1.4 half written")  # a partial file, never moved into place
time.sleep(60)
""",
    )
    monkeypatch.setenv("DCITY_SOFFICE", str(fake))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"not really a docx")
    out = tmp_path / "out"
    started = time.monotonic()
    with pytest.raises(ConversionError) as info:
        convert_to_pdf([docx], out, timeout=2)
    elapsed = time.monotonic() - started
    assert 4 <= elapsed < 10
    assert "a.docx" in str(info.value) and "hung twice" in str(info.value)
    assert len(fake_env.read_text().splitlines()) == 2
    assert list(out.iterdir()) == []
    deadline = time.monotonic() + 3
    all_pids = [int(p) for line in pids.read_text().split("\n") if line for p in line.split()]
    assert len(all_pids) == 4
    while any(_alive(p) for p in all_pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(p) for p in all_pids)


def test_hang_then_success_on_retry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_env: Path) -> None:
    fake = _script(
        tmp_path,
        """
if attempt == 1:
    (outdir / "one.pdf").write_bytes(MINIMAL_PDF)  # finished before the hang: not converted again
    time.sleep(60)
for f in files:
    (outdir / (f.stem + ".pdf")).write_bytes(MINIMAL_PDF)
""",
    )
    monkeypatch.setenv("DCITY_SOFFICE", str(fake))
    docs = []
    for name in ("one", "two", "three"):
        docs.append(tmp_path / f"{name}.docx")
        docs[-1].write_bytes(b"x")
    out = convert_to_pdf(docs, tmp_path / "out", timeout=2)
    assert [p.name for p in out] == ["one.pdf", "two.pdf", "three.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in out)
    calls = fake_env.read_text().splitlines()
    assert calls == ["one.docx two.docx three.docx", "two.docx three.docx"]


def test_skipped_file_is_retried_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_env: Path) -> None:
    fake = _script(
        tmp_path,
        """
for f in files:
    if f.stem == "flaky" and attempt == 1:
        print("Error: source file could not be loaded")
        continue
    (outdir / (f.stem + ".pdf")).write_bytes(MINIMAL_PDF)
""",
    )
    monkeypatch.setenv("DCITY_SOFFICE", str(fake))
    docs = [tmp_path / "good.docx", tmp_path / "flaky.docx"]
    for d in docs:
        d.write_bytes(b"x")
    out = convert_to_pdf(docs, tmp_path / "out")
    assert [p.name for p in out] == ["good.pdf", "flaky.pdf"]
    assert fake_env.read_text().splitlines() == ["good.docx flaky.docx", "flaky.docx"]


def test_truncated_output_is_rejected(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_env: Path) -> None:
    fake = _script(
        tmp_path,
        """
for f in files:
    (outdir / (f.stem + ".pdf")).write_bytes(b"%PDF-1.4 cut short")
print("Error: something went wrong")
""",
    )
    monkeypatch.setenv("DCITY_SOFFICE", str(fake))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").write_bytes(b"old good version")
    with pytest.raises(ConversionError, match="something went wrong"):
        convert_to_pdf([docx], out)
    assert len(fake_env.read_text().splitlines()) == 2
    assert (out / "a.pdf").read_bytes() == b"old good version"  # the old file is not replaced
    assert [p.name for p in out.iterdir()] == ["a.pdf"]


def test_missing_export_filter_is_an_environment_problem(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_env: Path
) -> None:
    fake = _script(tmp_path, 'print(f"Error: no export filter for {outdir}/a.pdf found, aborting.")')
    monkeypatch.setenv("DCITY_SOFFICE", str(fake))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    with pytest.raises(EnvironmentProblem, match="libreoffice-writer-nogui"):
        convert_to_pdf([docx], tmp_path / "out")


def test_each_worker_has_its_own_profile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_env: Path) -> None:
    profiles = tmp_path / "profiles.txt"
    fake = _script(
        tmp_path,
        f"""
profile = next(a for a in args if a.startswith("-env:UserInstallation="))
with open({str(profiles)!r}, "a") as fh:
    fh.write(profile + " " + os.environ["HOME"] + "\\n")
time.sleep(0.5)  # overlap with the other worker
for f in files:
    (outdir / (f.stem + ".pdf")).write_bytes(MINIMAL_PDF)
""",
    )
    monkeypatch.setenv("DCITY_SOFFICE", str(fake))
    docs = []
    for i in range(5):
        docs.append(tmp_path / f"d{i}.docx")
        docs[-1].write_bytes(b"x")
    started = time.monotonic()
    out = convert_to_pdf(docs, tmp_path / "out", workers=2)
    assert time.monotonic() - started < 0.5 * 2 + 0.8  # the two calls ran at the same time
    assert [p.name for p in out] == [f"d{i}.pdf" for i in range(5)]
    lines = profiles.read_text().splitlines()
    assert len(lines) == 2 and len(set(lines)) == 2
    assert sorted(len(line.split()) for line in fake_env.read_text().splitlines()) == [2, 3]
    for line in lines:  # temporary profiles and homes are removed afterwards
        profile_uri, home = line.split()
        assert not Path(home).exists()
        assert not Path(profile_uri.split("file://", 1)[1]).exists()
    assert os.environ.get("HOME") != lines[0].split()[1]

"""LibreOffice started ahead of the conversion (``Converter.reach``): a ``render -f pdf`` or a
``pack`` starts it before drafting, and the ``soffice --convert-to`` call hands its documents to
it. Checked with the real LibreOffice: the documents are converted by that process, the PDFs are
the same as without it, and nothing is left once the converter is closed (no process, socket or
folder), also when the drafting fails in between."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE_DIR
from dcity_docs.conversion.base import Converter
from dcity_docs.conversion.convert import convert_to_pdf
from dcity_docs.conversion.processes import _group_alive, osl_pipes
from dcity_docs.conversion.soffice import SofficeConverter
from dcity_docs.errors import TemplateProblem
from dcity_docs.output.documents import docx_bytes, render_documents
from dcity_docs.output.options import OutputOptions
from dcity_docs.pdf.reading import page_texts
from dcity_docs.record.loading import load_record

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def _profiles() -> set[str]:
    """The profiles of the LibreOffice processes running now (their -env:UserInstallation)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(a.endswith(b"soffice.bin") for a in args[:1]):
            found.update(a.decode(errors="replace") for a in args if a.startswith(b"-env:UserInstallation="))
    return found


@needs_soffice
def test_the_conversion_is_handed_to_the_process_started_early(tmp_path: Path) -> None:
    record = load_record(FIXTURE_DIR / "DC-2026-030.yaml")
    docx = tmp_path / "jv.docx"
    docx.write_bytes(docx_bytes(record, "jv-agreement", "en"))
    pipes = osl_pipes()
    converter = SofficeConverter()
    converter.reach(workers=1)
    worker = converter._early[0]
    host = worker.host
    assert host is not None and host.poll() is None  # LibreOffice runs before there is anything to convert
    try:
        [pdf] = convert_to_pdf([docx], tmp_path / "out", converter=converter)
        text = " ".join(" ".join(page_texts(pdf)).split())
        # this document's own text, laid out to its last page (the parties' signature blocks)
        assert record.venture.name.en in text, text[:300]
        last = page_texts(pdf)[-1].replace("\u00a0", " ")
        assert "____" in last and record.shareholders[0].name.en in last, last
        assert not converter._early  # used for this conversion, then stopped
    finally:
        converter.close()
    assert not _group_alive(host.pid)
    assert not worker.root.exists()  # profile, home and temporary folder removed
    assert osl_pipes() <= pipes  # its single-instance socket too


@needs_soffice
def test_the_early_process_did_the_work_and_its_output_is_read(tmp_path: Path, monkeypatch: Any) -> None:
    """The call's own process only hands the documents over: what LibreOffice says about them
    (``convert … -> …``) comes from the process started early, and is kept in the call's output."""
    from dcity_docs.conversion import processes

    docx = tmp_path / "jv.docx"
    docx.write_bytes(docx_bytes(load_record(FIXTURE_DIR / "DC-2026-030.yaml"), "jv-agreement", "en"))
    outputs: list[str] = []
    run = processes._Worker.run

    def recorded(self: processes._Worker, files: Any) -> processes._CallResult:
        result = run(self, files)
        outputs.append(("host " if self.host is not None else "own ") + result.output)
        return result

    monkeypatch.setattr(processes._Worker, "run", recorded)
    converter = SofficeConverter()
    converter.reach(workers=1)
    try:
        convert_to_pdf([docx], tmp_path / "out", converter=converter)
    finally:
        converter.close()
    assert len(outputs) == 1 and outputs[0].startswith("host ")
    assert "jv.docx" in outputs[0] and "-> " in outputs[0], outputs


@needs_soffice
def test_closing_without_converting_leaves_nothing(tmp_path: Path) -> None:
    pipes = osl_pipes()
    converter = SofficeConverter()
    converter.reach(workers=2)
    workers = list(converter._early)
    assert len(workers) == 2 and all(w.host is not None and w.host.poll() is None for w in workers)
    profiles = {w.root.as_uri() for w in workers}
    converter.close()
    assert not any(_group_alive(w.host.pid) for w in workers if w.host is not None)
    assert all(not w.root.exists() for w in workers)
    assert not any(p.split("=", 1)[1].startswith(tuple(profiles)) for p in _profiles())
    assert osl_pipes() <= pipes


class Recording(SofficeConverter):
    """The real converter, with what the pipeline asks of it written down."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def reach(self, timeout: float = 30.0, workers: int = 1) -> None:
        self.calls.append("reach")
        super().reach(timeout, workers)

    def convert(self, *args: Any, **kwargs: Any) -> None:
        self.calls.append("convert")
        super().convert(*args, **kwargs)

    def close(self) -> None:
        self.calls.append("close")
        super().close()


@needs_soffice
def test_render_starts_libreoffice_before_drafting_and_stops_it_after(tmp_path: Path) -> None:
    converter = Recording()
    record = load_record(FIXTURE_DIR / "DC-2026-030.yaml")
    written = render_documents(record, ["memorandum"], ["en"], tmp_path / "out",
                               OutputOptions(formats=("pdf",), converter=converter))
    assert [p.suffix for p in written] == [".pdf"]
    assert converter.calls[0] == "reach" and "convert" in converter.calls and converter.calls[-1] == "close"
    assert not converter._early


@needs_soffice
def test_a_failure_while_drafting_still_stops_it(tmp_path: Path) -> None:
    converter = Recording()
    templates = tmp_path / "templates" / "agreements"
    templates.mkdir(parents=True)
    (templates / "memorandum.docx").write_bytes(b"not a Word file")
    record = load_record(FIXTURE_DIR / "DC-2026-030.yaml")
    before = _profiles()
    with pytest.raises(TemplateProblem):
        render_documents(record, ["memorandum"], ["en"], tmp_path / "out",
                         OutputOptions(formats=("pdf",), converter=converter, templates=tmp_path / "templates"))
    assert converter.calls == ["reach", "close"]
    assert not converter._early and _profiles() <= before
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@needs_soffice
def test_a_converter_of_its_own_is_made_ready_and_released(tmp_path: Path) -> None:
    """A converter that is not LibreOffice's (a caller's own) is asked to get ready and released
    in the same way: the pipeline needs nothing more of it."""

    class Plain(Converter):
        calls: list[str] = []

        def reach(self, timeout: float = 30.0, workers: int = 1) -> None:
            self.calls.append("reach")

        def convert(self, files: Any, staging: Path, **kwargs: Any) -> None:
            self.calls.append("convert")
            SofficeConverter().convert(files, staging, **kwargs)

        def close(self) -> None:
            self.calls.append("close")

    plain = Plain()
    record = load_record(FIXTURE_DIR / "DC-2026-030.yaml")
    render_documents(record, ["memorandum"], ["en"], tmp_path / "out", OutputOptions(formats=("pdf",), converter=plain))
    assert plain.calls == ["reach", "convert", "close"]
    assert os.listdir(tmp_path / "out") == ["DC-2026-030_memorandum_en.pdf"]


# A stand-in LibreOffice that hands its documents to the process started early and returns at
# once, as some LibreOffice releases do, without waiting for them to be converted.
DOES_NOT_WAIT = f"""#!{sys.executable}
import os, sys, time
from pathlib import Path
args = sys.argv[1:]
fault = Path(os.environ["FAULT_DIR"])
profile = next(a for a in args if a.startswith("-env:UserInstallation="))
host = fault / ("host-" + profile.rsplit("/", 2)[-2])
if "--convert-to" not in args:  # the process started early: it takes documents and never converts them
    host.write_text(str(os.getpid()))
    time.sleep(60)
    sys.exit(0)
at = args.index("--outdir")
outdir, files = Path(args[at + 1]), [Path(f) for f in args[at + 2:]]
if host.exists() and Path("/proc", host.read_text()).exists():
    with open(fault / "calls.log", "a") as log:
        log.write("handed over\\n")
    sys.exit(0)  # handed over; returns before anything is converted
from pypdf import PdfWriter
for f in files:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(outdir / (f.stem + ".pdf"), "wb") as out:
        writer.write(out)
with open(fault / "calls.log", "a") as log:
    log.write("converted\\n")
"""


def test_a_libreoffice_that_does_not_wait_for_the_early_process_is_called_again_on_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text(DOES_NOT_WAIT)
    fake.chmod(0o755)
    monkeypatch.setenv("DCITY_SOFFICE", str(fake))
    monkeypatch.setenv("FAULT_DIR", str(tmp_path))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    converter = SofficeConverter()
    converter.reach(workers=1)
    host = converter._early[0].host
    assert host is not None
    for _ in range(100):  # the stand-in says it is up
        if list(tmp_path.glob("host-*")):
            break
        time.sleep(0.05)
    try:
        [pdf] = convert_to_pdf([docx], tmp_path / "out", converter=converter)
    finally:
        converter.close()
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "calls.log").read_text().split() == ["handed", "over", "converted"]
    assert host.poll() is not None  # the early process was stopped before the call on its own

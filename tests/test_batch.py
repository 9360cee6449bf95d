"""``dcity-docs batch``: many records into packs and reports; bad records listed, never fatal;
conversions shared across records; interrupted runs leave nothing half-made and finish on rerun;
unchanged packs skipped; one batch at a time per folder."""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from pypdf import PdfWriter

from conftest import FIXTURE_DIR
from dcity_docs.batch import run as batch_module
from dcity_docs.batch.run import BatchEvent, run_batch
from dcity_docs.wording.catalogs import Catalogs
from dcity_docs.cli import cli
from dcity_docs.conversion.base import Converter
from dcity_docs.output.options import OutputOptions
from dcity_docs.errors import DcityError, EnvironmentProblem
from dcity_docs.output.packs import inputs_sha256, sha256_file
from dcity_docs.resources import locales_dir

from readback import docx_text

FIXTURES = FIXTURE_DIR
IDS = ["DC-2026-014", "DC-2026-021", "DC-2026-030"]


# --- helpers --------------------------------------------------------------------------------------


def batch(*args: str | Path) -> "object":
    result = CliRunner().invoke(cli, ["batch", *[str(a) for a in args]])
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    return result


def copy_record(dest: Path, base: str, new_id: str, *, replace: tuple[str, str] | None = None) -> Path:
    text = (FIXTURES / f"{base}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {base}", f"id: {new_id}", 1)
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path = dest / f"{new_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def register_with_a_bad_row(path: Path) -> Path:
    """The fixture register with new ids: row 2 valid, row 3 with a money number cell and a bad country."""
    workbook = load_workbook(FIXTURES / "register.xlsx")
    sheet = workbook.worksheets[0]
    header = [c.value for c in sheet[1]]
    col = {name: i + 1 for i, name in enumerate(header)}
    sheet.cell(row=2, column=col["id"], value="DC-2026-101")
    sheet.cell(row=3, column=col["id"], value="DC-2026-102")
    sheet.cell(row=3, column=col["venture.capital.amount"], value=8400000.0)
    sheet.cell(row=3, column=col["shareholders.1.country"], value="XX")
    sheet.delete_rows(4)
    workbook.save(path)
    return path


def pack_is_whole(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["file"] for entry in manifest["files"]}
    assert {p.name for p in folder.iterdir()} == listed | {"manifest.json", "source"}, folder
    for entry in manifest["files"]:
        assert sha256_file(folder / entry["file"]) == entry["sha256"], entry["file"]
    source = manifest["source"]  # the record and programme the pack was made from, to compare against
    assert sha256_file(folder / source["record"]) == source["record_sha256"] == manifest["record_sha256"]
    assert sha256_file(folder / source["programme"]) == source["programme_sha256"]


def visible_tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if not any(part.startswith(".") for part in p.relative_to(root).parts))


def summary_counts(stdout: str) -> dict[str, int]:
    m = re.search(r"(\d+) made, (\d+) skipped \(unchanged\), (\d+) failed, of (\d+) record", stdout)
    assert m, stdout
    return dict(zip(["made", "skipped", "failed", "total"], map(int, m.groups()), strict=True))


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for LibreOffice that writes a one-page PDF per document and logs every call.

    Documents whose name contains $FAKE_SOFFICE_FAIL are skipped, as a crashing LibreOffice would.
    """
    log = tmp_path / "soffice.log"
    script = tmp_path / "fake-soffice"
    script.write_text(f"""#!{sys.executable}
import os, sys
from pathlib import Path
from pypdf import PdfWriter
args = sys.argv[1:]
at = args.index("--outdir")
out, files = Path(args[at + 1]), args[at + 2:]
with open({str(log)!r}, "a", encoding="utf-8") as fh:
    fh.write(" ".join(Path(f).name for f in files) + "\\n")
fail = os.environ.get("FAKE_SOFFICE_FAIL")
for f in files:
    if fail and fail in f:
        continue
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(out / (Path(f).stem + ".pdf"), "wb") as fh:
        writer.write(fh)
""", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("DCITY_SOFFICE", str(script))
    return log


# --- good and bad records together ----------------------------------------------------------------


def test_bad_records_and_a_bad_register_row_are_listed_and_the_good_ones_get_packs(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    bad = copy_record(inputs, "DC-2026-030", "DC-2026-099",
                      replace=("stage: signed", "stage: done"))
    bad.write_text(bad.read_text(encoding="utf-8").replace("term_years: 25", "term_years: 99"), encoding="utf-8")
    register = register_with_a_bad_row(tmp_path / "register.xlsx")
    out = tmp_path / "out"
    result = batch(FIXTURES / "DC-2026-014.yaml", bad, register, "-o", out, "-f", "docx", "-j", "1")

    assert result.exit_code == 1, result.output + result.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "DC-2026-014", "DC-2026-101", "batch-report.docx", "portfolio-register.docx"]
    for folder in ("DC-2026-014", "DC-2026-101"):
        pack_is_whole(out / folder)
    assert summary_counts(result.output) == {"made": 2, "skipped": 0, "failed": 2, "total": 4}

    # stderr: every error of every bad record, FILE:LINE (FILE:ROW for the register)
    assert re.search(rf"^{re.escape(str(bad))}:\d+: stage: 'done' is not allowed", result.stderr, re.M)
    assert re.search(rf"^{re.escape(str(bad))}:\d+: dates.term_years: ", result.stderr, re.M)
    assert f"{register}:3: venture.capital.amount: is a number cell, but money must be text" in result.stderr
    assert f"{register}:3: shareholders.1.country: 'XX' is not an ISO 3166-1" in result.stderr

    # the batch report, read back as a lawyer would
    report = docx_text(out / "batch-report.docx")
    assert "Звіт про пакетне формування документів" in report and "Batch report" in report
    assert str(bad) in report and f"{register}:3" in report
    for line in result.stderr.splitlines():
        if line.startswith((str(bad), str(register))):
            assert line in report, line
    manifest = json.loads((out / "DC-2026-014" / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        assert entry["file"] in report and entry["sha256"] in report
    portfolio = docx_text(out / "portfolio-register.docx")
    assert "DC-2026-014" in portfolio and "DC-2026-101" in portfolio and "DC-2026-099" not in portfolio


def test_two_records_with_the_same_id_the_second_is_refused(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    first = copy_record(inputs, "DC-2026-014", "DC-2026-200")
    second = copy_record(tmp_path / "other", "DC-2026-030", "DC-2026-200")
    result = batch(first, second, "-o", tmp_path / "out", "-f", "docx", "-j", "1")
    assert result.exit_code == 1
    assert f"{second}: the id DC-2026-200 is also the id of {first}" in result.stderr
    manifest = json.loads((tmp_path / "out" / "DC-2026-200" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["record_sha256"] == hashlib.sha256(first.read_bytes()).hexdigest()


def test_all_good_is_exit_0_and_the_library_reports_progress_without_printing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events: list[BatchEvent] = []
    result = run_batch([FIXTURES], tmp_path / "out", OutputOptions(formats=("docx",)), jobs=1, progress=events.append)
    assert capsys.readouterr() == ("", "")
    assert [r.status for r in result.results] == ["made"] * 3
    assert [r.origin for r in result.results] == [str(FIXTURES / f"{i}.yaml") for i in IDS]
    assert events[0].kind == "start" and events[0].total == 3
    records = [e for e in events if e.kind == "record"]
    assert [e.done for e in records] == [1, 2, 3] and all(e.total == 3 for e in records)
    assert [p.name for p in result.reports] == ["batch-report.docx", "portfolio-register.docx"]


def test_an_empty_folder_is_listed_and_an_empty_register_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = batch(tmp_path / "empty", FIXTURES / "DC-2026-030.yaml", "-o", tmp_path / "out", "-f", "docx",
                   "-j", "1")
    assert result.exit_code == 1
    assert f"{tmp_path / 'empty'}: no record files" in result.stderr
    assert (tmp_path / "out" / "DC-2026-030" / "manifest.json").is_file()
    header_only = tmp_path / "register.csv"
    header_only.write_text("id,stage\n", encoding="utf-8")
    result = batch(header_only, "-o", tmp_path / "out2")
    assert result.exit_code == 1 and "no record found" in result.stderr


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["batch", "--help"])
    assert result.exit_code == 0 and "Example" in result.output and "-j, --jobs" in result.output


# --- conversions shared across records (a stand-in LibreOffice, so no real one is needed) ---------


def test_documents_of_many_records_go_to_libreoffice_together(tmp_path: Path, fake_soffice: Path) -> None:
    out = tmp_path / "out"
    result = batch(FIXTURES, "-o", out, "-f", "pdf", "-j", "2")
    assert result.exit_code == 0, result.output + result.stderr
    calls = [line.split() for line in fake_soffice.read_text(encoding="utf-8").splitlines()]
    pack_calls = [c for c in calls if not c[0].startswith(("batch-report", "portfolio-register"))]
    assert len(pack_calls) == 2  # two LibreOffice workers, one call each, for all three packs
    assert all(len(c) <= 25 for c in calls)
    assert any(len({name[:11] for name in c}) > 1 for c in pack_calls), pack_calls
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        *IDS, "batch-report.pdf", "portfolio-register.pdf"]
    for record_id in IDS:
        pack_is_whole(out / record_id)
        assert not list((out / record_id).glob("*.docx"))
        assert (out / record_id / f"{record_id}_pack.pdf").is_file()


def test_a_conversion_failure_fails_only_its_record(
    tmp_path: Path, fake_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_SOFFICE_FAIL", "DC-2026-021_memorandum_uk")
    out = tmp_path / "out"
    result = batch(FIXTURES, "-o", out, "-f", "pdf", "-j", "2")
    assert result.exit_code == 1
    assert summary_counts(result.output) == {"made": 2, "skipped": 0, "failed": 1, "total": 3}
    assert "DC-2026-021_memorandum_uk" in result.stderr and "no valid PDF" in result.stderr
    assert not (out / "DC-2026-021").exists()
    assert not [p for p in out.iterdir() if p.name.endswith(".partial")]


# --- the pipeline: one window converts while the pool finishes the one before and drafts the next ---


class BlankConverter(Converter):
    """A stand-in converter: a blank one-page PDF per document, after ``during(call, files)``."""

    def __init__(self, during: Callable[[int, Sequence[Path]], None]):
        self.during = during
        self.calls: list[list[Path]] = []
        writer = PdfWriter()
        writer.add_blank_page(595, 842)
        buffer = io.BytesIO()
        writer.write(buffer)
        self.pdf = buffer.getvalue()

    def convert(self, files: Sequence[Path], staging: Path, *, timeout: float, pdfa: bool, workers: int) -> None:
        self.calls.append(list(files))
        self.during(len(self.calls), files)
        for f in files:
            (staging / f"{f.stem}.pdf").write_bytes(self.pdf)


def record_ids(files: Sequence[Path]) -> set[str]:
    return {f.name.split("_")[0] for f in files}


def drafting(out: Path) -> set[str]:
    """Ids of the packs being built in hidden ``.{id}.*.partial`` folders."""
    return {p.name.split(".")[1] for p in out.glob(".DC-*.partial")}


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_while_a_window_converts_the_pool_finishes_the_one_before_and_drafts_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_module, "RECORDS_PER_WORKER", 2)  # -j 2: windows of 5, 4, 3 records
    monkeypatch.setattr(batch_module, "DOCUMENTS_PER_RECORD", 10)  # the first window: 2 * 25 // 10
    records = tmp_path / "records"
    ids = [f"DC-2028-{i:03d}" for i in range(12)]
    for i, record_id in enumerate(ids):
        copy_record(records, IDS[i % 3], record_id)
    out = tmp_path / "out"
    seen: dict[str, bool] = {}

    def during(call: int, files: Sequence[Path]) -> None:
        if call == 2:  # bounded waits: a batch that does one thing at a time never gets there
            first = record_ids(converter.calls[0])
            seen["window 1 in place"] = wait_for(lambda: all((out / i / "manifest.json").is_file() for i in first))
            later = set(ids) - first - record_ids(files)
            seen["window 3 drafted"] = wait_for(lambda: bool(drafting(out) & later))

    converter = BlankConverter(during)
    result = run_batch([records], out, OutputOptions(formats=("pdf",), converter=converter), jobs=2, reports=False)

    assert seen == {"window 1 in place": True, "window 3 drafted": True}
    assert [sorted(record_ids(c)) for c in converter.calls] == [ids[:5], ids[5:9], ids[9:]]
    assert [(r.id, r.status) for r in result.results] == [(i, "made") for i in ids]
    for record_id in ids:
        pack_is_whole(out / record_id)
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".dcity-batch.lock"]


@pytest.mark.parametrize("late_failure", [False, True], ids=["all-made", "a-pack-fails-after-the-last-read"])
def test_the_portfolio_register_is_drawn_while_the_last_windows_convert_and_again_if_a_pack_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, late_failure: bool
) -> None:
    from dcity_docs.reports import reports
    from dcity_docs.errors import ConversionError

    drawn: list[list[str]] = []
    draw = reports._portfolio_register

    def counting(ventures, catalogs, templates):  # type: ignore[no-untyped-def]
        drawn.append([v.id for v in ventures])
        return draw(ventures, catalogs, templates)

    monkeypatch.setattr(reports, "_portfolio_register", counting)
    records = tmp_path / "records"
    ids = [f"DC-2027-{i:03d}" for i in range(5)]
    for i, record_id in enumerate(ids):
        copy_record(records, IDS[i % 2], record_id)  # placed in Ukraine: every document applies
    out = tmp_path / "out"

    def during(call: int, files: Sequence[Path]) -> None:
        if late_failure and ids[-1] in record_ids(files):
            raise ConversionError(f"LibreOffice produced no valid PDF for: {ids[-1]}")

    result = run_batch([records], out, OutputOptions(converter=BlankConverter(during)), jobs=1,
                       reports=True)  # -j 1: drawn here

    made = ids[:-1] if late_failure else ids
    assert [r.id for r in result.made] == made
    # Drawn once all records were read (the failure was not known yet), and again only if needed.
    assert drawn == ([ids, made] if late_failure else [ids])
    register = docx_text(out / "portfolio-register.docx")
    assert all(i in register for i in made)
    assert (ids[-1] in register) is not late_failure


@pytest.mark.parametrize("fault,jobs", [(KeyboardInterrupt, 2), (EnvironmentProblem, 2), (KeyboardInterrupt, 1)],
                         ids=["ctrl-c", "no-libreoffice", "ctrl-c-inline"])
def test_a_batch_stopped_while_converting_aborts_the_window_drafted_ahead_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: type[BaseException], jobs: int
) -> None:
    """Window 1 converting, window 2 drafted: the batch removes both windows' hidden pack folders
    itself (the sweep of leftovers, which would hide a job it lost track of, is turned off)."""
    monkeypatch.setattr(batch_module, "remove_leftovers", lambda out_dir: 0)
    monkeypatch.setattr(batch_module, "RECORDS_PER_WORKER", 7)  # the layout below
    monkeypatch.setattr(batch_module, "DOCUMENTS_PER_RECORD", 10)  # first windows: 25 * jobs // 10
    records = tmp_path / "records"
    for i in range(9):  # windows of 5 and 4 records with -j 2, of 2 and 7 with -j 1
        copy_record(records, IDS[i % 3], f"DC-2029-{i:03d}")
    out = tmp_path / "out"
    drafted: list[int] = []

    def during(call: int, files: Sequence[Path]) -> None:
        wait_for(lambda: len(drafting(out)) == 9)
        drafted.append(len(drafting(out)))
        raise fault("stopped")

    with pytest.raises(fault):
        run_batch([records], out, OutputOptions(formats=("pdf",), converter=BlankConverter(during)), jobs=jobs,
                  reports=False)
    assert drafted == [9]
    assert [p.name for p in out.iterdir()] == [".dcity-batch.lock"]


def test_a_worker_process_killed_mid_batch_is_a_clear_error_and_leaves_nothing(tmp_path: Path) -> None:
    import multiprocessing

    records = tmp_path / "records"
    for i in range(9):  # -j 2: windows of 5 and 4 records
        copy_record(records, IDS[i % 3], f"DC-2031-{i:03d}")
    out = tmp_path / "out"

    def during(call: int, files: Sequence[Path]) -> None:
        if call == 1:  # the pool is drafting window 2, or has: either way it is broken now
            os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)

    with pytest.raises(DcityError, match="a worker process died"):
        run_batch([records], out, OutputOptions(formats=("pdf",), converter=BlankConverter(during)), jobs=2,
                  reports=False)
    assert [p.name for p in out.iterdir()] == [".dcity-batch.lock"]


# --- interrupted, rerun, skipped -----------------------------------------------------------------


def test_killed_batch_leaves_nothing_half_written_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    records = tmp_path / "records"
    for i in range(12):
        copy_record(records, IDS[i % 3], f"DC-2027-{i:03d}")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "dcity_docs", "batch", str(records), "-o", str(out), "-f", "docx", "-j", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and any(p.is_dir() and not p.name.startswith(".") for p in out.iterdir()):
                break
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)

    # Nothing half-written outside the hidden .partial folders: every pack there is whole.
    for entry in out.iterdir():
        if entry.name.startswith("."):
            assert entry.name == ".dcity-batch.lock" or (entry.is_dir() and entry.name.endswith(".partial")), entry
        elif entry.is_dir():
            pack_is_whole(entry)
        else:
            assert entry.name in ("batch-report.docx", "portfolio-register.docx") and zipfile.is_zipfile(entry)
    made_before = [p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert made_before

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert rerun.returncode == 0, rerun.stderr
    counts = summary_counts(rerun.stdout)
    assert counts["total"] == 12 and counts["skipped"] >= len(made_before), (counts, made_before)
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".dcity-batch.lock"]

    reference = tmp_path / "reference"
    assert batch(records, "-o", reference, "-f", "docx", "-j", "1").exit_code == 0
    assert visible_tree(out) == visible_tree(reference)
    for name in visible_tree(reference):
        if name.endswith((".docx", "manifest.json")) and name != "batch-report.docx":
            assert (out / name).read_bytes() == (reference / name).read_bytes(), name


def test_rerun_skips_unchanged_packs_and_remakes_a_changed_one(tmp_path: Path) -> None:
    records = tmp_path / "records"
    paths = [copy_record(records, i, i) for i in IDS]
    out = tmp_path / "out"
    first = batch(records, "-o", out, "-f", "docx", "-j", "1")
    assert summary_counts(first.output)["made"] == 3
    manifests = {i: (out / i / "manifest.json").read_bytes() for i in IDS}
    stamps = {i: (out / i / "manifest.json").stat().st_mtime_ns for i in IDS}

    again = batch(records, "-o", out, "-f", "docx", "-j", "1")
    assert again.exit_code == 0
    assert summary_counts(again.output) == {"made": 0, "skipped": 3, "failed": 0, "total": 3}
    assert "skipped: DC-2026-014" in again.stderr
    assert all((out / i / "manifest.json").stat().st_mtime_ns == stamps[i] for i in IDS)
    report = docx_text(out / "batch-report.docx")
    assert "Пропущені незмінені пакети документів" in report and str(paths[0]) in report

    paths[1].write_text(paths[1].read_text(encoding="utf-8").replace("term_years: 15", "term_years: 16"),
                        encoding="utf-8")
    third = batch(records, "-o", out, "-f", "docx", "-j", "1")
    assert summary_counts(third.output) == {"made": 1, "skipped": 2, "failed": 0, "total": 3}
    assert (out / IDS[0] / "manifest.json").read_bytes() == manifests[IDS[0]]
    assert (out / IDS[1] / "manifest.json").read_bytes() != manifests[IDS[1]]


def test_inputs_hash_covers_record_options_catalogs_and_templates(tmp_path: Path) -> None:
    data = (FIXTURES / "DC-2026-014.yaml").read_bytes()
    docx = OutputOptions(formats=("docx",))
    base = inputs_sha256(data, docx)
    assert base == inputs_sha256(data, docx)
    assert base != inputs_sha256(data + b"\n", docx)
    assert base != inputs_sha256(data, OutputOptions(formats=("docx", "pdf")))
    assert inputs_sha256(data) != inputs_sha256(data, OutputOptions(pdfa=True))
    locales = shutil.copytree(locales_dir(), tmp_path / "locales")
    assert inputs_sha256(data, docx.but(catalogs=Catalogs(locales))) == base
    po = locales / "uk" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    # a module moved or edited: the source references change, no document does
    po.write_text(re.sub(r"(?m)^#: (\S+):(\d+)$", r"#: moved/\1:1\2", text), encoding="utf-8")
    assert po.read_text(encoding="utf-8") != text
    assert inputs_sha256(data, docx.but(catalogs=Catalogs(locales))) == base
    po.write_text(text + "\n", encoding="utf-8")
    assert inputs_sha256(data, docx.but(catalogs=Catalogs(locales))) != base


def test_leftovers_of_a_killed_run_are_removed_and_a_moved_aside_pack_put_back(tmp_path: Path) -> None:
    from dcity_docs.files import staging_folder, temp_file

    out = tmp_path / "out"
    (staging_folder(out, "DC-2026-014") / "half.docx").write_bytes(b"PK")  # the tool's own marks
    os.close(temp_file(out, "batch-report.docx")[0])
    old = out / ".DC-2026-021.old-999999999"
    old.mkdir()
    manifest = json.dumps({"generator": "dcity-docs 0.1", "files": []})
    (old / "manifest.json").write_text(manifest)
    result = batch(FIXTURES / "DC-2026-030.yaml", "-o", out, "-f", "docx", "-j", "1")
    assert result.exit_code == 0
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".dcity-batch.lock"]
    assert (out / "DC-2026-021" / "manifest.json").read_text() == manifest  # put back, not lost


# --- one batch at a time per folder --------------------------------------------------------------


def test_a_second_batch_into_the_same_folder_is_refused_or_waits(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / ".dcity-batch.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, b"31337\n")
        refused = batch(FIXTURES / "DC-2026-030.yaml", "-o", out, "-f", "docx", "-j", "1")
        assert refused.exit_code == 1
        assert f"another batch is writing into {out} (process 31337)" in refused.stderr
        assert "--wait" in refused.stderr
        assert not (out / "DC-2026-030").exists()

        threading.Timer(0.5, lambda: fcntl.flock(fd, fcntl.LOCK_UN)).start()
        waited = batch(FIXTURES / "DC-2026-030.yaml", "-o", out, "-f", "docx", "-j", "1", "--wait")
        assert waited.exit_code == 0, waited.stderr
        assert "waiting for it to finish" in waited.stderr
        assert (out / "DC-2026-030" / "manifest.json").is_file()
    finally:
        os.close(fd)


# --- with the real LibreOffice: one small PDF batch ----------------------------------------------


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_a_small_pdf_batch_with_libreoffice(tmp_path: Path) -> None:
    from dcity_docs.pdf.reading import page_texts

    out = tmp_path / "out"
    result = batch(FIXTURES / "DC-2026-030.yaml", "-o", out, "-j", "2")
    assert result.exit_code == 0, result.output + result.stderr
    pack_is_whole(out / "DC-2026-030")
    assert "Меморандум" in "".join(page_texts(out / "DC-2026-030" / "DC-2026-030_memorandum_uk.pdf"))
    register = "".join(page_texts(out / "portfolio-register.pdf"))
    assert "Реєстр портфеля спільних підприємств" in register and "DC-2026-030" in register
    assert "DC-2026-030_pack.pdf" in "".join(page_texts(out / "batch-report.pdf"))

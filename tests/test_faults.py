"""Faults outside the record: LibreOffice killed or hanging, Ctrl-C, an output folder that cannot be
written, a full disk, a relative output folder, two batches into the same folder at once.

Every case: a clear one-line message and the right exit code, no traceback, nothing half-written
(no ``.part`` file, no ``.partial`` folder, no PDF staging folder) and earlier outputs untouched.

The tests run as root in CI, where ``chmod`` does not stop writes: a read-only folder is made with
``chattr +i`` (or a read-only tmpfs), a full disk with a tiny tmpfs; where neither is possible the
disk-full case still runs with ENOSPC simulated at the write itself.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURE_DIR
from dcity_docs.conversion import convert as conversion
from dcity_docs.cli import cli
from dcity_docs.conversion.base import is_complete_pdf
from dcity_docs.pdf.reading import page_texts
from readback import docx_text

FIXTURES = FIXTURE_DIR
ABROAD = FIXTURES / "DC-2026-030.yaml"  # no site: memorandum and agreement only
IN_UKRAINE = FIXTURES / "DC-2026-014.yaml"


def _real_soffice() -> str | None:
    if os.environ.get("DCITY_SOFFICE"):
        return os.environ["DCITY_SOFFICE"]
    return shutil.which("soffice") or shutil.which("libreoffice")


REAL_SOFFICE = _real_soffice()
needs_libreoffice = pytest.mark.skipif(REAL_SOFFICE is None, reason="LibreOffice (soffice) not installed")


def invoke(*args: str | Path) -> object:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def error_lines(result: object) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]  # type: ignore[attr-defined]


def leftovers(folder: Path) -> list[str]:
    """Hidden work files and folders anywhere under ``folder`` (the batch lock file is not one)."""
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(".*") if p.name != ".dcity-batch.lock")


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fake_soffice(tmp_path: Path, body: str, name: str = "soffice") -> Path:
    """A stand-in for LibreOffice (Python), given ``args``, ``outdir``, ``files`` and ``FAULT``."""
    script = tmp_path / name
    script.write_text(f"""#!{sys.executable}
import os, signal, subprocess, sys, time
from pathlib import Path
args = sys.argv[1:]
at = args.index("--outdir")
outdir, files = Path(args[at + 1]), [Path(f) for f in args[at + 2:]]
FAULT = Path({str(tmp_path)!r})
with open(FAULT / "calls.log", "a", encoding="utf-8") as fh:
    fh.write(f"{{os.getpid()}} " + " ".join(f.name for f in files) + "\\n")

def blank_pdfs(targets):
    from pypdf import PdfWriter
    for f in targets:
        writer = PdfWriter()
        writer.add_blank_page(595, 842)
        with open(outdir / (f.stem + ".pdf"), "wb") as out:
            writer.write(out)

{body}
""", encoding="utf-8")
    script.chmod(0o755)
    return script


def calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def short_timeouts(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """LibreOffice calls time out after ``seconds`` (the commands have no option for it). Every
    conversion goes through the output pipeline, which looks ``convert_to_pdf`` up when it runs."""
    real = conversion.convert_to_pdf

    def convert(files, out_dir, *, timeout=120, **options):  # noqa: ANN001
        return real(files, out_dir, timeout=seconds, **options)

    monkeypatch.setattr(conversion, "convert_to_pdf", convert)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


def assert_all_dead(pids: list[int]) -> None:
    deadline = time.monotonic() + 5
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in pids if _alive(p)], "LibreOffice processes left running"


# --- LibreOffice killed ---------------------------------------------------------------------------

KILLED_ONCE = f"""
real = {REAL_SOFFICE!r}
try:
    (FAULT / "killed").mkdir()  # atomic: only the first call of all is killed
    first = True
except FileExistsError:
    first = False
if first and os.environ.get("FAULT_MODE") == "mid":
    blank_pdfs(files[:-1])  # all but the last document done (quickly: stand-in PDFs), then killed
if first:
    os.kill(os.getpid(), signal.SIGKILL)
os.execv(real, [real, *args])
"""


@needs_libreoffice
def test_libreoffice_killed_at_once_is_retried_and_the_pdf_is_whole(tmp_path, monkeypatch):
    monkeypatch.setenv("DCITY_SOFFICE", str(fake_soffice(tmp_path, KILLED_ONCE)))
    out = tmp_path / "out"

    result = invoke("render", "memorandum", ABROAD, "-l", "uk", "-f", "pdf", "-o", out)

    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "killed").is_dir()
    assert len(calls(tmp_path)) == 2  # killed, then retried
    pdf = out / "DC-2026-030_memorandum_uk.pdf"
    assert [p.name for p in out.iterdir()] == [pdf.name]
    assert is_complete_pdf(pdf) and "Меморандум" in "".join(page_texts(pdf))


@needs_libreoffice
def test_libreoffice_killed_mid_batch_is_retried_and_the_batch_completes(tmp_path, monkeypatch):
    """Killed after converting all but the last document of the call: only that one is retried."""
    if "batch" not in cli.commands:  # type: ignore[attr-defined]
        pytest.skip("no batch command yet")
    monkeypatch.setenv("DCITY_SOFFICE", str(fake_soffice(tmp_path, KILLED_ONCE)))
    monkeypatch.setenv("FAULT_MODE", "mid")
    out = tmp_path / "out"

    result = invoke("batch", ABROAD, "-o", out, "-j", "1", "-f", "pdf")

    assert result.exit_code == 0, result.stderr
    log = [line.split()[1:] for line in calls(tmp_path)]
    assert len(log[0]) > 1 and log[1] == [log[0][-1]], log  # the killed call, then its last document alone
    folder = out / "DC-2026-030"
    made = {p.name for p in folder.iterdir()}
    assert "DC-2026-030_pack.pdf" in made and "manifest.json" in made
    assert all(is_complete_pdf(folder / name) for name in made if name.endswith(".pdf"))
    # The others are stand-in blank pages; the retried one came from the real LibreOffice, with text
    # (the venture is signed: no watermark adds any).
    retried = folder / (Path(log[1][0]).stem + ".pdf")
    assert "".join(page_texts(retried if retried.exists() else folder / "DC-2026-030_pack.pdf")).strip()
    assert leftovers(out) == []


# --- LibreOffice hanging, and Ctrl-C ---------------------------------------------------------------

HANGS = """
with open(FAULT / "pids.log", "a") as fh:
    fh.write(f"{os.getpid()}\\n")
(outdir / (files[0].stem + ".pdf")).write_bytes(b"%PDF-1.7 half")  # a partial file, never used
time.sleep(120)
"""


def test_libreoffice_hanging_is_killed_retried_then_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("DCITY_SOFFICE", str(fake_soffice(tmp_path, HANGS)))
    short_timeouts(monkeypatch, 1)
    out = tmp_path / "out"
    out.mkdir()
    (out / "DC-2026-030_memorandum_uk.pdf").write_bytes(b"%PDF-1.7 an earlier one\n%%EOF\n")
    before = tree(out)

    started = time.monotonic()
    result = invoke("render", "memorandum", ABROAD, "-l", "uk", "-f", "pdf", "-o", out)

    assert result.exit_code == 1
    assert time.monotonic() - started < 10
    assert len(calls(tmp_path)) == 2  # killed after 1 s, tried once more, killed again
    message = error_lines(result)[0]
    assert message.startswith("Error: LibreOffice hung twice (killed after 1 s each time) converting:")
    assert "DC-2026-030_memorandum_uk.docx" in message
    assert tree(out) == before and leftovers(out) == []
    assert_all_dead([int(p) for p in (tmp_path / "pids.log").read_text().split()])


def test_libreoffice_hanging_leaves_the_previous_pack_whole(tmp_path, monkeypatch):
    monkeypatch.setenv("DCITY_SOFFICE", str(fake_soffice(tmp_path, HANGS)))
    out = tmp_path / "out"
    assert invoke("pack", ABROAD, "-o", out, "-f", "docx").exit_code == 0
    before = tree(out)
    short_timeouts(monkeypatch, 1)

    result = invoke("pack", ABROAD, "-o", out)

    assert result.exit_code == 1
    assert "hung twice" in result.stderr
    assert tree(out) == before and leftovers(out) == []


def _ctrl_c_as_at_a_terminal() -> None:
    """Tests started by a shell without job control in the background inherit SIGINT ignored, and
    so would the command (rightly: nohup semantics); at a terminal, Ctrl-C reaches it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    "signum,command",
    [(signal.SIGINT, ["render", "memorandum", str(ABROAD), "-l", "uk", "-f", "pdf"]),
     (signal.SIGTERM, ["render", "memorandum", str(ABROAD), "-l", "uk", "-f", "pdf"]),
     (signal.SIGTERM, ["pack", str(ABROAD)])],
    ids=["ctrl-c-render", "sigterm-render", "sigterm-pack"],
)
def test_interrupted_during_conversion_is_exit_130_and_leaves_nothing(tmp_path, signum, command):
    """Ctrl-C, or a SIGTERM (a CI time-out, systemd, kill): LibreOffice is stopped, not orphaned,
    and the hidden work folders are removed."""
    fake = fake_soffice(tmp_path, HANGS)
    out = tmp_path / "out"
    env = dict(os.environ, DCITY_SOFFICE=str(fake))
    proc = subprocess.Popen([sys.executable, "-m", "dcity_docs", *command, "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=_ctrl_c_as_at_a_terminal)
    deadline = time.monotonic() + 30
    while not (tmp_path / "pids.log").exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=30)

    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and stderr.strip() in ("Interrupted.", "Aborted.")
    assert list(out.iterdir()) == []  # no .partial, no staging, no half-made PDF
    assert_all_dead([int(p) for p in (tmp_path / "pids.log").read_text().split()])


def _hanging_batch(tmp_path: Path, prefix: str, *, jobs: int) -> tuple[subprocess.Popen[str], Path]:
    """``dcity-docs batch`` of three records placed abroad, with a LibreOffice that hangs."""
    records = tmp_path / "records"
    records.mkdir()
    text = ABROAD.read_text(encoding="utf-8")
    for i in range(3):
        (records / f"{i}.yaml").write_text(text.replace("id: DC-2026-030", f"id: {prefix}-{i:03d}", 1),
                                           encoding="utf-8")
    out = tmp_path / "out"
    env = dict(os.environ, DCITY_SOFFICE=str(fake_soffice(tmp_path, HANGS)))
    proc = subprocess.Popen([sys.executable, "-m", "dcity_docs", "batch", str(records), "-o", str(out), "-j", str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    return proc, out


def test_batch_interrupted_while_converting_with_the_next_window_drafted_leaves_nothing(tmp_path):
    """SIGTERM while LibreOffice converts the first window, the second already drafted: exit 130,
    LibreOffice stopped, no hidden pack folder of either window left. (-j 1: one LibreOffice
    process, run from the main thread, which a signal stops at once.)"""
    proc, out = _hanging_batch(tmp_path, "DC-2030", jobs=1)
    from dcity_docs.batch.run import BATCH_SIZE, DOCUMENTS_PER_RECORD, RECORDS_PER_WORKER

    # -j 1: the first window, then the next, drafted while the first converts (of 3 records)
    ahead = min(3, max(1, BATCH_SIZE // DOCUMENTS_PER_RECORD) + RECORDS_PER_WORKER)

    def drafted() -> int:
        return len(list(out.glob(".DC-2030-*.partial"))) if out.is_dir() else 0

    deadline = time.monotonic() + 30
    while (not (tmp_path / "pids.log").exists() or drafted() < ahead) and time.monotonic() < deadline \
            and proc.poll() is None:
        time.sleep(0.05)
    assert drafted() == ahead, "the second window was not drafted while the first converted"
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=30)

    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and stderr.strip().splitlines()[-1] in ("Interrupted.", "Aborted.")
    assert [p.name for p in out.iterdir()] == [".dcity-batch.lock"]
    assert_all_dead([int(p) for p in (tmp_path / "pids.log").read_text().split()])


def test_sigterm_stops_both_libreoffice_workers_of_a_batch_at_once(tmp_path):
    """-j 2: the two LibreOffice processes run from threads; SIGTERM (or Ctrl-C) kills them at once
    instead of waiting for their calls, which here would hang for two minutes."""
    proc, out = _hanging_batch(tmp_path, "DC-2031", jobs=2)
    pids = tmp_path / "pids.log"
    deadline = time.monotonic() + 30
    while (not pids.exists() or len(pids.read_text().split()) < 2) and time.monotonic() < deadline \
            and proc.poll() is None:
        time.sleep(0.05)
    assert len(pids.read_text().split()) == 2, "two LibreOffice workers were expected"
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)

    assert time.monotonic() - started < 20  # not the hanging calls' two minutes
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and stderr.strip().splitlines()[-1] in ("Interrupted.", "Aborted.")
    assert [p.name for p in out.iterdir()] == [".dcity-batch.lock"]
    assert_all_dead([int(p) for p in pids.read_text().split()])


# --- an output folder that cannot be written -------------------------------------------------------


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """Make ``folder`` read-only even for root; yields how. Skips where nothing works."""
    probe = folder / f".probe-{uuid.uuid4().hex}"
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield "chmod 555"
        finally:
            folder.chmod(0o755)
        return
    how = None
    if shutil.which("chattr") and subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        how = "chattr +i"
    elif subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True).returncode == 0:
        how = "read-only bind mount"
    if how is None:
        pytest.skip("cannot make a folder read-only for root here (no chattr, no mount)")
    try:
        try:
            probe.write_bytes(b"")
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip(f"{how} did not make {folder} read-only")
        yield how
    finally:
        if how == "chattr +i":
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            subprocess.run(["umount", "-l", str(folder)], check=True)


def test_read_only_output_folder(tmp_path):
    out = tmp_path / "out"
    assert invoke("render", "memorandum", ABROAD, "-l", "uk", "-o", out).exit_code == 0
    assert invoke("pack", ABROAD, "-o", out, "-f", "docx").exit_code == 0
    before = tree(out)
    with read_only(out):
        results = {
            "render": invoke("render", "memorandum", ABROAD, "-l", "uk", "-l", "en", "-o", out),
            "render pdf": invoke("render", "memorandum", ABROAD, "-l", "uk", "-f", "pdf", "-o", out),
            "pack": invoke("pack", ABROAD, "-o", out, "-f", "docx"),
        }
        if "batch" in cli.commands:  # type: ignore[attr-defined]
            results["batch"] = invoke("batch", ABROAD, "-o", out, "-f", "docx", "-j", "1")
        for what, result in results.items():
            assert result.exit_code == 1, (what, result.stderr)
            lines = error_lines(result)
            assert len(lines) == 1 and lines[0].startswith("Error: cannot "), (what, lines)
            assert str(out) in lines[0], (what, lines)
    assert tree(out) == before and leftovers(out) == []


def test_output_path_under_a_file(tmp_path):
    blocker = tmp_path / "report.txt"
    blocker.write_text("a file, not a folder")
    result = invoke("render", "memorandum", ABROAD, "-o", blocker / "out")
    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: cannot write into {blocker / 'out'}: Not a directory"]
    result = invoke("pack", ABROAD, "-o", blocker / "out", "-f", "docx")
    assert result.exit_code == 1 and "Not a directory" in result.stderr
    result = invoke("render", "memorandum", ABROAD, "-o", blocker)  # an existing file as the folder
    assert result.exit_code == 2 and "is a file" in result.stderr
    assert blocker.read_text() == "a file, not a folder"


# --- a full disk --------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs (room for one pack of DOCX files; root only); skipped where it cannot be mounted."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> None:
    """Fill ``disk`` up to ``leave`` free bytes."""
    free = shutil.disk_usage(disk).free - leave
    with (disk / "filler").open("wb") as fh:
        with contextlib.suppress(OSError):
            fh.write(b"\0" * max(free, 0))


def test_disk_full(small_disk):
    out = small_disk / "out"
    assert invoke("render", "memorandum", ABROAD, "-l", "uk", "-o", out).exit_code == 0
    assert invoke("pack", ABROAD, "-o", out, "-f", "docx").exit_code == 0
    before = tree(out)
    fill(small_disk, leave=8 * 1024)  # less than one document

    render = invoke("render", "memorandum", ABROAD, "-l", "uk", "-o", out)
    pack = invoke("pack", ABROAD, "-o", out, "-f", "docx")

    for result in (render, pack):
        assert result.exit_code == 1
        [line] = error_lines(result)
        assert line.startswith("Error: cannot ") and line.endswith("No space left on device"), line
    assert tree(out) == before and leftovers(out) == []


def test_disk_full_simulated_at_the_write(tmp_path, monkeypatch):
    """ENOSPC half way through writing, wherever a tmpfs cannot be mounted (and as a unit check)."""
    out = tmp_path / "out"
    assert invoke("render", "memorandum", ABROAD, "-l", "uk", "-o", out).exit_code == 0
    before = tree(out)
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fh):  # noqa: ANN001
            self.fh = fh

        def write(self, data):  # noqa: ANN001
            self.fh.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name):  # noqa: ANN001
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):  # noqa: ANN002
            self.fh.close()

    def fdopen(fd, mode="r", *args, **kwargs):  # noqa: ANN001
        fh = real_fdopen(fd, mode, *args, **kwargs)
        return HalfWriter(fh) if "w" in mode else fh

    monkeypatch.setattr(os, "fdopen", fdopen)
    result = invoke("render", "memorandum", ABROAD, "-l", "uk", "-o", out)
    monkeypatch.undo()

    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: cannot write {out / 'DC-2026-030_memorandum_uk.docx'}: No space left on device"]
    assert tree(out) == before and leftovers(out) == []


# --- a relative output folder with PDFs (LibreOffice runs in a folder of its own) -------------------


def test_relative_output_folder_gets_its_pdfs(tmp_path, monkeypatch):
    monkeypatch.setenv("DCITY_SOFFICE", str(fake_soffice(tmp_path, "blank_pdfs(files)")))
    monkeypatch.chdir(tmp_path)
    result = invoke("render", "memorandum", ABROAD, "-l", "uk", "-f", "pdf", "-f", "docx", "-o", "rel/out")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "rel" / "out").iterdir()) == [
        "DC-2026-030_memorandum_uk.docx", "DC-2026-030_memorandum_uk.pdf"]
    assert "Меморандум" in docx_text(tmp_path / "rel" / "out" / "DC-2026-030_memorandum_uk.docx")


# --- two batches into the same folder at once ----------------------------------------------------

GATED = """
(FAULT / "started").touch()
deadline = time.monotonic() + 60
while not (FAULT / "go").exists() and time.monotonic() < deadline:
    time.sleep(0.05)
blank_pdfs(files)
"""


def test_two_batches_into_the_same_folder_at_once(tmp_path):
    """A holds the folder (its LibreOffice waits for a signal); B is refused at once naming A;
    C with --wait waits, then runs when A is done. Real processes, as two users would start them."""
    if "batch" not in cli.commands:  # type: ignore[attr-defined]
        pytest.skip("no batch command yet")
    fake = fake_soffice(tmp_path, GATED)
    out = tmp_path / "out"
    env = dict(os.environ, DCITY_SOFFICE=str(fake))
    command = [sys.executable, "-m", "dcity_docs", "batch"]
    a = subprocess.Popen([*command, str(ABROAD), "-o", str(out), "-f", "pdf", "-j", "1"], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    c = None
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "started").exists() and time.monotonic() < deadline and a.poll() is None:
            time.sleep(0.05)
        assert (tmp_path / "started").exists(), a.communicate()

        b = subprocess.run([*command, str(IN_UKRAINE), "-o", str(out), "-f", "docx", "-j", "1"], env=env,
                           capture_output=True, text=True, timeout=60)
        assert b.returncode == 1, b.stderr
        assert "Traceback" not in b.stderr
        assert f"another batch is writing into {out} (process {a.pid})" in b.stderr and "--wait" in b.stderr
        assert not (out / "DC-2026-014").exists()

        c = subprocess.Popen([*command, str(IN_UKRAINE), "-o", str(out), "-f", "docx", "-j", "1", "--wait"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        assert c.poll() is None, "the waiting batch did not wait"
        assert not (out / "DC-2026-014").exists()
        (tmp_path / "go").touch()

        a_out, a_err = a.communicate(timeout=120)
        c_out, c_err = c.communicate(timeout=120)
    finally:
        (tmp_path / "go").touch()
        for proc in (a, c):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    assert a.returncode == 0, a_err
    assert c.returncode == 0, c_err
    assert "waiting for it to finish" in c_err
    assert (out / "DC-2026-030" / "DC-2026-030_pack.pdf").is_file()
    assert (out / "DC-2026-014" / "manifest.json").is_file()
    assert leftovers(out) == []


# --- the private temporary folder of LibreOffice's working copies (restricted documents) ----------

PRIVATE_COPIES = """
import json, stat
root = Path.cwd()  # the converter's own temporary folder: profile, home, TMPDIR
seen = {"root": str(root), "root_mode": stat.S_IMODE(root.stat().st_mode),
        "tmp_mode": stat.S_IMODE(Path(os.environ["TMPDIR"]).stat().st_mode),
        "umask": os.umask(0o077),
        "inputs": {f.name: stat.S_IMODE(f.stat().st_mode) for f in files}}
with open(FAULT / "private.log", "a") as fh:
    fh.write(json.dumps(seen) + "\\n")
with open(FAULT / "pids.log", "a") as fh:
    fh.write(f"{os.getpid()}\\n")
if os.environ["FAULT_MODE"] == "hang":
    time.sleep(120)
if os.environ["FAULT_MODE"] == "ok":
    blank_pdfs(files)
sys.exit(0 if os.environ["FAULT_MODE"] == "ok" else 1)
"""


def _private_calls(tmp_path: Path) -> list[dict[str, object]]:
    import json

    log = tmp_path / "private.log"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


@pytest.mark.parametrize("mode", ["ok", "fails", "sigterm", "ctrl-c"])
def test_restricted_annex_temporary_copies_are_private_and_removed(tmp_path, mode):
    """The pack of a venture in Ukraine (a restricted annex): LibreOffice works in a private
    temporary folder (0700, umask 077 inside it), the annex's DOCX it reads is 0600 whatever the
    user's umask, and the folder is gone after success, failure, SIGTERM and Ctrl-C."""
    fake = fake_soffice(tmp_path, PRIVATE_COPIES)
    out = tmp_path / "out"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ, DCITY_SOFFICE=str(fake), TMPDIR=str(tmp),
               FAULT_MODE="hang" if mode in ("sigterm", "ctrl-c") else mode)

    def start() -> None:
        _ctrl_c_as_at_a_terminal()
        os.umask(0o002)  # a permissive umask: restricted files must not follow it

    proc = subprocess.Popen([sys.executable, "-m", "dcity_docs", "pack", str(IN_UKRAINE), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=start)
    if mode in ("sigterm", "ctrl-c"):
        deadline = time.monotonic() + 30
        while not (tmp_path / "pids.log").exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM if mode == "sigterm" else signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)

    assert proc.returncode == {"ok": 0, "fails": 1}.get(mode, 130), stderr
    seen = _private_calls(tmp_path)
    assert seen, "LibreOffice was never called"
    for call in seen:
        assert call["root_mode"] == 0o700 and call["tmp_mode"] == 0o700 and call["umask"] == 0o077
        assert not Path(str(call["root"])).exists(), "LibreOffice's temporary folder left behind"
        inputs = call["inputs"]
        assert isinstance(inputs, dict)
        for name, file_mode in inputs.items():
            assert file_mode == (0o600 if "_site-protection-annex_" in name else 0o664), name
    assert list(tmp.iterdir()) == []
    if mode == "ok":
        pack = out / "DC-2026-014"
        assert (pack.stat().st_mode & 0o777) == 0o700
        assert leftovers(out) == []
    else:
        assert list(out.iterdir()) == [] if out.exists() else True
    assert_all_dead([int(p) for p in (tmp_path / "pids.log").read_text().split()])

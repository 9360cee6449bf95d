"""The output folder is the tool's, but others may have put things in it: a symbolic link named
like a file the tool writes, hidden files of the user's that look like leftovers, the work folder
of a `pack` running at the same time, a pack corrupted in place. None of them may make the tool
write outside the folder, remove what it did not make, or take a damaged pack for a current one.
(DOCX only: no LibreOffice needed.)"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURE_DIR
from dcity_docs.cli import cli
from dcity_docs.files import LOCK_NAME, FolderLock, staging_folder, temp_file, write_atomic
from dcity_docs.errors import OutputError
from readback import docx_text

RECORD = FIXTURE_DIR / "DC-2026-030.yaml"
RID = "DC-2026-030"


def run(*args: str | Path) -> object:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    return result


def victim(tmp_path: Path) -> Path:
    """A file outside the output folder that a planted link points at (as /etc/passwd would be)."""
    path = tmp_path / "elsewhere" / "precious.txt"
    path.parent.mkdir()
    path.write_text("precious\n")
    return path


# --- 15a: nothing the tool writes follows a symbolic link -----------------------------------------


COMMANDS = {
    "batch": lambda out: ("batch", RECORD, "-o", out, "-f", "docx", "-j", "1"),
    "pack": lambda out: ("pack", RECORD, "-o", out, "-f", "docx"),
    "render": lambda out: ("render", "memorandum", RECORD, "-l", "en", "-o", out),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_link_planted_as_the_lock_file_is_never_written_through(tmp_path: Path, command: str) -> None:
    """A batch refuses it; pack and render lock the folder itself and never open the file."""
    target = victim(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).symlink_to(target)
    result = run(*COMMANDS[command](out))
    assert target.read_text() == "precious\n"  # neither truncated nor written a process id into
    assert (out / LOCK_NAME).is_symlink()
    if command == "batch":
        assert result.exit_code == 1, result.output + result.stderr
        assert "symbolic link" in result.stderr and LOCK_NAME in result.stderr
        assert not list(out.glob(RID + "*"))
    else:
        assert result.exit_code == 0, result.stderr


def test_a_dangling_link_as_the_lock_file_creates_nothing_where_it_points(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    planted = tmp_path / "elsewhere" / "new-file"
    planted.parent.mkdir()
    (out / LOCK_NAME).symlink_to(planted)
    result = run(*COMMANDS["batch"](out))
    assert result.exit_code == 1
    assert not planted.exists()


def test_a_link_named_like_a_rendered_document_is_refused(tmp_path: Path) -> None:
    target = victim(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{RID}_memorandum_en.docx").symlink_to(target)
    result = run(*COMMANDS["render"](out))
    assert result.exit_code == 1
    assert f"{RID}_memorandum_en.docx is a symbolic link" in result.stderr
    assert target.read_text() == "precious\n"
    assert (out / f"{RID}_memorandum_en.docx").is_symlink()


def test_a_link_named_like_a_pack_folder_is_refused_and_the_folder_it_points_at_untouched(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / RID).symlink_to(elsewhere, target_is_directory=True)
    for command in ("pack", "batch"):
        result = run(*COMMANDS[command](out))
        assert result.exit_code == 1, (command, result.stderr)
        assert "symbolic link" in result.stderr
        assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]
        assert (out / RID).is_symlink()
        assert not [p for p in out.iterdir() if p.name.endswith(".partial")]  # the work was dropped


def test_a_link_named_like_a_batch_report_is_refused(tmp_path: Path) -> None:
    target = victim(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "batch-report.docx").symlink_to(target)
    result = run(*COMMANDS["batch"](out))
    assert result.exit_code == 1
    assert "batch-report.docx is a symbolic link" in result.stderr
    assert target.read_text() == "precious\n"


def test_atomic_writes_refuse_a_link_and_make_their_temporary_files_exclusively(tmp_path: Path) -> None:
    target = victim(tmp_path)
    link = tmp_path / "manifest.json"
    link.symlink_to(target)
    with pytest.raises(OutputError, match="symbolic link"):
        write_atomic(link, b"{}")
    assert target.read_text() == "precious\n"
    fd, name = temp_file(tmp_path, "x.pdf")  # O_EXCL: a name planted in advance is never opened
    os.close(fd)
    assert Path(name).name.startswith(".x.pdf.") and Path(name).stat().st_mode & 0o777 == 0o600


# --- 15b: clean-up removes only what the tool made; pack and render take the folder lock ----------


def test_a_batch_removes_only_its_own_leftovers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    dead_pid = dead.stdout.strip()
    ours = staging_folder(out, RID)  # a work folder the tool made, its process gone
    (ours / ".dcity-docs-work").write_text(f"{dead_pid}\n")
    (ours / "half.docx").write_bytes(b"PK")
    fd, our_tmp = temp_file(out, "batch-report.docx")
    os.close(fd)
    # The user's look-alikes, and a live process's work folder: all stay.
    (out / ".notes.tmp").write_text("mine")
    (out / ".draft.docx.x1y2.part").write_text("mine")
    (out / ".photos.partial").mkdir()
    (out / ".photos.partial" / "a.jpg").write_bytes(b"jpg")
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = staging_folder(out, "DC-2026-014")
        (busy / ".dcity-docs-work").write_text(f"{live.pid}\n")
        result = run(*COMMANDS["batch"](out))
        assert result.exit_code == 0, result.stderr
        assert not ours.exists() and not Path(our_tmp).exists()
        assert busy.is_dir() and (busy / ".dcity-docs-work").is_file()
    finally:
        live.kill()
        live.wait()
    assert (out / ".notes.tmp").read_text() == "mine"
    assert (out / ".draft.docx.x1y2.part").read_text() == "mine"
    assert (out / ".photos.partial" / "a.jpg").read_bytes() == b"jpg"


def test_a_moved_aside_pack_is_put_back_only_if_the_tool_made_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    ours = out / ".DC-2026-021.old-999999999"
    ours.mkdir()
    (ours / "manifest.json").write_text(json.dumps({"generator": "dcity-docs 0", "files": []}))
    theirs = out / ".DC-2026-022.old-999999999"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine")
    assert run(*COMMANDS["batch"](out)).exit_code == 0
    assert json.loads((out / "DC-2026-021" / "manifest.json").read_text())["generator"] == "dcity-docs 0"
    assert (theirs / "notes.txt").read_text() == "mine" and not (out / "DC-2026-022").exists()


def test_a_batch_is_refused_while_a_pack_or_render_holds_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with FolderLock(out, shared=True):  # what a running `pack` or `render` holds
        result = run(*COMMANDS["batch"](out))
        assert result.exit_code == 1
        assert f"a pack or render is writing into {out}" in result.stderr
        assert not (out / RID).exists()
        assert run(*COMMANDS["pack"](out)).exit_code == 0  # packs share the folder with each other
    assert run(*COMMANDS["batch"](out)).exit_code == 0


@pytest.mark.parametrize("command", ["pack", "render"])
def test_pack_and_render_are_refused_while_a_batch_holds_the_folder(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out"
    with FolderLock(out):  # what a running batch holds
        result = run(*COMMANDS[command](out))
        assert result.exit_code == 1
        assert f"another batch is writing into {out} (process {os.getpid()})" in result.stderr
        assert [p.name for p in out.iterdir()] == [LOCK_NAME]  # not even a work folder
    assert run(*COMMANDS[command](out)).exit_code == 0


def test_render_leaves_no_lock_file_in_its_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(*COMMANDS["render"](out)).exit_code == 0
    assert [p.name for p in out.iterdir()] == [f"{RID}_memorandum_en.docx"]


# --- 15c: two records with one id in one `pack` -------------------------------------------------


def test_pack_refuses_a_second_record_with_the_same_id(tmp_path: Path) -> None:
    first = RECORD.read_bytes()
    other = tmp_path / "other.yaml"
    other.write_bytes(first + b"# another file, the same id\n")
    out = tmp_path / "out"
    result = run("pack", RECORD, other, "-o", out, "-f", "docx")
    assert result.exit_code == 1
    assert f"{other}: the id {RID} is also the id of {RECORD}" in result.stderr
    manifest = json.loads((out / RID / "manifest.json").read_text())
    assert manifest["record_sha256"] == hashlib.sha256(first).hexdigest()  # the first pack stands


# --- 15d: a pack is skipped only when its files still match the manifest -------------------------


def test_a_pack_corrupted_in_place_is_made_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(*COMMANDS["batch"](out)).exit_code == 0
    manifest = json.loads((out / RID / "manifest.json").read_text())
    entry = next(e for e in manifest["files"] if e["file"].endswith("_memorandum_en.docx"))
    path = out / RID / entry["file"]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, one byte flipped
    path.write_bytes(bytes(data))
    again = run(*COMMANDS["batch"](out))
    assert again.exit_code == 0
    assert "made" in again.stderr and "skipped" not in again.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
    assert "Memorandum" in docx_text(path)
    third = run(*COMMANDS["batch"](out))  # whole again: now it is skipped
    assert "skipped" in third.stderr

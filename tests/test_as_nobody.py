"""The symbolic-link and folder-lock cases as a user who is not root. The suite runs as root in CI,
and root passes every permission check: a write refused "because of the link" could be refused
for no reason at all, and one that follows a link could hide behind a file root may write anyway.
Here they run as ``nobody`` (``setpriv``), against files that user owns and could write through a
link, so following one would change them and fail the test: scenarios calling dcity_docs.files
directly (the one module every command writes, locks and cleans up through; the first checks that
the user can indeed write through a link), then pytest itself on the suite's link, lock and
leftover tests. Skipped, saying why, when not root or no such user or tool exists."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from guards import REPO

SETPRIV = shutil.which("setpriv")


def _nobody() -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        return None


NOBODY = _nobody()

pytestmark = [
    pytest.mark.skipif(os.geteuid() != 0, reason="not root: the whole suite already runs as a non-root user"),
    pytest.mark.skipif(SETPRIV is None, reason="no setpriv to run the scenarios as another user"),
    pytest.mark.skipif(NOBODY is None or NOBODY.pw_uid == 0, reason="no 'nobody' user on this machine"),
]

SCENARIOS = r'''
import os
import sys
from pathlib import Path

from dcity_docs.errors import OutputError
from dcity_docs.files import (LOCK_NAME, WORK_MARKER, FolderBusy, FolderLock, gone_or_me, made_here,
                              replace_into, staging_folder, write_atomic)

root = Path(sys.argv[1])
assert os.geteuid() != 0 and os.getegid() != 0 and os.getgroups() in ([], [os.getegid()])
victim = root / "elsewhere" / "precious.txt"
victim.parent.mkdir()
victim.write_text("precious\n")


def folder(name):
    path = root / name
    path.mkdir()
    return path


def refused(what, call, *words):
    try:
        call()
    except OutputError as exc:
        assert all(w in str(exc) for w in words), f"{what}: {exc}"
        return
    raise AssertionError(f"not refused as this user: {what}")


def untouched():
    assert victim.read_text() == "precious\n", "the file a link points at was written as this user"


# The control: this user can write the victim through a link, so a refusal below is the code's.
probe = root / "probe"
probe.symlink_to(victim)
probe.write_text("changed\n")
assert victim.read_text() == "changed\n"
victim.write_text("precious\n")

# A link named like a document: write_atomic and replace_into refuse it, and the victim stays.
out = folder("out")
(out / "DC-2026-030_memorandum_en.docx").symlink_to(victim)
refused("write_atomic over a link", lambda: write_atomic(out / "DC-2026-030_memorandum_en.docx", b"evil"), "symbolic link")
(out / "made.docx").write_bytes(b"evil")
refused("replace_into over a link", lambda: replace_into(out / "made.docx", out / "DC-2026-030_memorandum_en.docx"), "symbolic link")
untouched()
assert (out / "DC-2026-030_memorandum_en.docx").is_symlink()

# A link planted as a batch's lock file, to the victim or dangling: refused, nothing written.
locked = folder("locked")
(locked / LOCK_NAME).symlink_to(victim)
refused("a link as the lock file", lambda: FolderLock(locked).__enter__(), "symbolic link")
untouched()
dangling = folder("dangling")
(dangling / LOCK_NAME).symlink_to(root / "nowhere.txt")
refused("a dangling link as the lock file", lambda: FolderLock(dangling).__enter__(), "symbolic link")
assert not (root / "nowhere.txt").exists()

# The locks exclude each other for this user too; a pack or render leaves no lock file.
held = folder("held")
with FolderLock(held):
    for shared in (False, True):
        try:
            FolderLock(held, shared=shared).__enter__()
        except FolderBusy:
            pass
        else:
            raise AssertionError("a second command got the folder a batch holds")
shared_only = folder("shared")
with FolderLock(shared_only, shared=True):
    with FolderLock(shared_only, shared=True):
        pass
assert list(shared_only.iterdir()) == []

# A work folder whose marker is a link to a file naming a gone process is not the tool's.
work = staging_folder(folder("staging"), "DC-2026-030")
assert made_here(work)
(work / WORK_MARKER).unlink()
gone = root / "gone-pid"
gone.write_text("999999999\n")
(work / WORK_MARKER).symlink_to(gone)
assert not made_here(work)

# Another user's live process is alive (kill answers EPERM only to a non-root user).
assert not gone_or_me(1)

# Where root left its files, this user gets a clear error, never a PermissionError.
theirs = Path(sys.argv[2])
refused("root's lock file", lambda: FolderLock(theirs).__enter__(), "cannot write into")
refused("root's folder", lambda: write_atomic(theirs / "a.docx", b"x"), "cannot write into")
print("all scenarios held")
'''


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder ``nobody`` can reach, with ``work/`` that user owns (the tests' own temporary
    folders are root's, mode 0700); removed afterwards."""
    assert NOBODY is not None
    root = Path(tempfile.mkdtemp(prefix="dcity-nobody-", dir="/tmp"))
    try:
        os.chmod(root, 0o755)
        (root / "work").mkdir()
        os.chown(root / "work", NOBODY.pw_uid, NOBODY.pw_gid)
        yield root
    finally:
        shutil.rmtree(root)


def as_nobody(*command: str) -> list[str]:
    assert NOBODY is not None and SETPRIV is not None
    return [SETPRIV, f"--reuid={NOBODY.pw_uid}", f"--regid={NOBODY.pw_gid}", "--clear-groups", *command]


def nobody_env(work: Path, **more: str) -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(work), "TMPDIR": str(work),
            "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", **more}


def test_links_and_locks_hold_for_a_user_who_is_not_root(shared: Path) -> None:
    mine = shared / "work"
    theirs = shared / "roots"  # root's folder with root's lock file: this user may not write
    theirs.mkdir()
    (theirs / ".dcity-batch.lock").write_text("")
    env = nobody_env(mine, PYTHONPATH=str(REPO))
    probe = subprocess.run(as_nobody(sys.executable, "-c", "import dcity_docs.files"), cwd=mine, env=env,
                           capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        pytest.skip(f"this interpreter cannot run as nobody: {probe.stderr.strip()[-200:]}")
    run = subprocess.run(as_nobody(sys.executable, "-c", SCENARIOS, str(mine), str(theirs)), cwd=mine, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip() == "all scenarios held"


CASES = [
    "tests/test_folder_safety.py",
    "tests/test_files.py",
]
"""The suite's own link, lock and leftover tests (those of these files that are about links, locks
and leftovers), run by pytest as ``nobody``."""
SELECT = "link or lock or leftovers or holds or moved_aside or atomic or staging or replace"


def _hidden_ancestor(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that users other than its owner cannot enter
    (``/root``, for an interpreter installed in root's home), or None."""
    for folder in [*reversed(path.parents), path]:
        if not folder.stat().st_mode & 0o001:
            return folder
    return None


def test_the_suites_link_and_lock_tests_pass_as_a_user_who_is_not_root(shared: Path) -> None:
    """pytest itself, as ``nobody``, on the suite's link, lock and leftover tests. The
    interpreter's packages may sit in root's home (mode 0700): a private mount namespace puts a
    world-enterable folder over it with the interpreter's folder bound back in, so that user can
    import what the tests import (nothing else changes for the rest of the machine)."""
    assert NOBODY is not None and SETPRIV is not None
    unshare = shutil.which("unshare")
    base = Path(sys.base_prefix).resolve()
    hidden = _hidden_ancestor(base)
    if hidden is not None and (unshare is None or subprocess.run([unshare, "-m", "true"], capture_output=True,
                                                                 timeout=30).returncode != 0):
        pytest.skip(f"the interpreter under {hidden} is closed to {NOBODY.pw_name}, and no mount namespace "
                    "can open it")
    work = shared / "work"
    pytest_run = as_nobody(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-c", str(REPO / "pyproject.toml"), "--rootdir", str(REPO), "--basetemp", str(work / "base"),
                           "-k", SELECT, *[str(REPO / case) for case in CASES])
    if hidden is None:
        command = pytest_run
    else:
        keep = shared / "keep"
        keep.mkdir()
        script = ('set -e; mount --make-rprivate /; mount --bind "$1" "$2"; '
                  'mount -t tmpfs -o mode=755,size=1m dcity-nobody "$3"; mkdir -p "$1"; mount --bind "$2" "$1"; '
                  'shift 3; exec "$@"')
        command = [unshare, "-m", "sh", "-c", script, "sh", str(base), str(keep), str(hidden), *pytest_run]
    run = subprocess.run(command, cwd=work, env=nobody_env(work), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "skipped" not in run.stdout and "failed" not in run.stdout, run.stdout

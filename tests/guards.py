"""Guards every test runs under (a pytest plugin, loaded by conftest.py):

- The outside world is a listener on a loopback port. Every template a test builds that reaches
  outside (a linked picture, an attached template, an INCLUDEPICTURE field) points at it
  (:func:`outside_url`), and any test during which a connection reaches it fails: a user's
  template, or LibreOffice converting it, fetched something. The check runs after every test, so
  every test that renders with a user's template (``--templates``, ``OutputOptions(templates=)``)
  is covered without having to be marked.
- No test leaves files outside its temporary folder. The tested code's temporary folder
  (``$TMPDIR``) and home folder (``$HOME``) are folders of the test run that must be as they were
  after every test (a test's own ``tmp_path`` is elsewhere). What appears in the system temporary
  folder or the real home folder during a test, named like what the tool or LibreOffice makes,
  and is still there when the run ends, and any new file in the repository, fails the run, naming
  the test that made it.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


# --- the outside world: a listener on a loopback port ------------------------------------------


class Listener:
    """A TCP listener on a free loopback port that records every connection made to it (and
    answers an HTTP request with 404, so a client that got through does not wait)."""

    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.2)
        self.port: int = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="outside-listener", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.socket.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.requests.append(conn.recv(4096) or b"(connected)")
                    conn.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    self.requests.append(b"(connected)")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.socket.close()


_outside: Listener | None = None


def outside() -> Listener:
    """The run's one outside-world listener (started on first use, even at import time)."""
    global _outside
    if _outside is None:
        _outside = Listener()
    return _outside


def outside_url() -> str:
    """``http://127.0.0.1:PORT``: where a template a test builds may point to reach outside."""
    return outside().url


@pytest.fixture
def loopback() -> Listener:
    """The outside-world listener (every test is checked against it, see the module's text)."""
    return outside()


@pytest.fixture(autouse=True)
def _nothing_reaches_outside() -> Iterator[None]:
    listener = outside()
    before = len(listener.requests)
    yield
    arrived = listener.requests[before:]
    if arrived:
        pytest.fail(f"{len(arrived)} connection(s) reached the outside-world listener on {listener.url} "
                    f"during this test: {arrived[:3]!r}", pytrace=False)


# --- no files outside the test's temporary folder ------------------------------------------------


def _entries(folder: Path) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


SHARED_NAMES = ("dcity*", ".dcity*", "*.dcity-tmp", "*.partial", "unoserver*", "DC-20*", "matplotlib*")
"""What the tool and the tests make, by name. The machine's temporary and home folders are shared
with other programs (other checkouts' test runs and the benchmark among them), so only these names
are watched there, owned by this user, and not while a running process names them or works in
them, or once anything in them changed after the test that seemed to make them.
LibreOffice's own files are not watched: the tool gives it a private ``$TMPDIR`` and ``$HOME``
(inside this run's), so its ``lu*.tmp`` in ``/tmp`` are other programs'; its ``OSL_PIPE_*``
sockets go to ``/tmp`` whatever ``$TMPDIR`` says, other programs leave many, and the tool's
removal of its own has its tests (test_soffice_temp.py)."""
TEMPFILE_NAMES = ("dcity-soffice-*", "dcity-unoservers-*", "dcity-sign-*", "dcity-probe-*", "dcity-bench-*")
"""Folders the tool makes with :mod:`tempfile`, in ``$TMPDIR``: this run's private one, where each
test is checked exactly; in ``/tmp`` they are other runs' (that the code names no other temporary
folder is test_settings.py's concern)."""


def _shared_folders(home: Path) -> list[Path]:
    """The system temporary folder, and the home folder with the folders programs put their
    settings, caches and data in."""
    folders = [Path("/tmp"), home, home / ".config", home / ".cache", home / ".local" / "share"]
    return list(dict.fromkeys(folders))


def _ours(path: Path) -> bool:
    try:
        mine = path.lstat().st_uid == os.geteuid()
    except OSError:
        return False
    return (mine and any(fnmatch.fnmatchcase(path.name, pattern) for pattern in SHARED_NAMES)
            and not any(fnmatch.fnmatchcase(path.name, pattern) for pattern in TEMPFILE_NAMES))


def _in_use(path: Path) -> bool:
    """A running process names ``path`` in its command line or works in it: another program's
    live work (a LibreOffice of another checkout's run, say), not something a test left."""
    text = os.fsencode(path)
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if text in (proc / "cmdline").read_bytes() or os.fsencode(os.readlink(proc / "cwd")).startswith(text):
                return True
        except OSError:
            continue
    return False


def _changed_since(path: Path, when: float) -> bool:
    """Something in ``path`` changed after ``when`` (the end of the test that seemed to make it):
    another program's work going on (a benchmark's folder on the same machine, say)."""
    try:
        if path.lstat().st_mtime > when:
            return True
        for folder, dirs, files in os.walk(path):
            for name in dirs + files:
                if os.lstat(os.path.join(folder, name)).st_mtime > when:
                    return True
    except OSError:
        return True
    return False


def _repo_new_files() -> set[str]:
    """Files of the repository git does not track, ignored ones included (not bytecode caches)."""
    try:
        out = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--ignored",
                              "--untracked-files=normal"], capture_output=True, text=True, timeout=60,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line[3:] for line in out.splitlines()
            if line[:2] in ("??", "!!") and "__pycache__" not in line and ".pytest_cache" not in line}


class _Watch:
    """The run's private ``$TMPDIR`` and ``$HOME`` (each must be as it was after every test), and
    what each test made in the shared folders, checked again when the run ends (what a concurrent
    program made and removed again is not a leak)."""

    def __init__(self, private: list[Path], home: Path, basetemp: Path) -> None:
        self.private = private
        self.shared = _shared_folders(home)
        self.exempt = {basetemp.resolve(), *basetemp.resolve().parents}
        self.made: dict[Path, tuple[str, float]] = {}
        self.repo_before = _repo_new_files()

    def snapshot(self) -> dict[Path, set[str]]:
        return {folder: _entries(folder) for folder in self.private + self.shared}

    def after(self, before: dict[Path, set[str]], nodeid: str) -> list[Path]:
        """What the test left in the private folders (removed, so that the next test is not
        blamed); what it made in the shared ones is noted for the end of the run."""
        left: list[Path] = []
        for folder, names in before.items():
            for name in sorted(_entries(folder) - names):
                path = folder / name
                if folder in self.private:
                    left.append(path)
                    shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
                elif _ours(path) and path.resolve() not in self.exempt:
                    self.made.setdefault(path, (nodeid, time.time()))
        return left

    def leaks(self) -> list[str]:
        found = [f"{path} (made during {nodeid})" for path, (nodeid, ended) in sorted(self.made.items())
                 if os.path.lexists(path) and not _in_use(path) and not _changed_since(path, ended + 2)]
        found += [f"{folder / name} (left in the tested code's ${'TMPDIR' if i == 0 else 'HOME'})"
                  for i, folder in enumerate(self.private) for name in sorted(_entries(folder))]
        found += [f"repository: {name}" for name in sorted(_repo_new_files() - self.repo_before)]
        return found


_watch: _Watch | None = None

TOOL_HOMES = (("RUSTUP_HOME", ".rustup"), ("CARGO_HOME", ".cargo"))
"""Where tools installed in the user's home keep themselves (``pip wheel`` in test_packaging runs
the ``rustc`` of rustup, which would make a new ``$HOME/.rustup`` in the run's private home)."""


@pytest.fixture(autouse=True, scope="session")
def _private_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Path]]:
    """The tested code's ``$TMPDIR`` (Python's ``tempfile`` too) and ``$HOME``: folders of this
    run, so that what it leaves there is seen and cannot be confused with other programs' files."""
    global _watch
    basetemp = tmp_path_factory.getbasetemp()
    private = [basetemp / "tmpdir", basetemp / "home"]
    for folder in private:
        folder.mkdir()
    _watch = _Watch(private, Path.home(), basetemp)
    with pytest.MonkeyPatch.context() as patch:
        for name, folder in TOOL_HOMES:  # tools installed in the real home find themselves by $HOME
            if name not in os.environ and (Path.home() / folder).is_dir():
                patch.setenv(name, str(Path.home() / folder))
        patch.setenv("TMPDIR", str(private[0]))
        patch.setenv("HOME", str(private[1]))
        patch.setattr(tempfile, "tempdir", None)
        yield private


@pytest.fixture(autouse=True)
def _nothing_left_outside(_private_folders: list[Path], request: pytest.FixtureRequest) -> Iterator[None]:
    assert _watch is not None
    before = _watch.snapshot()
    yield
    left = _watch.after(before, request.node.nodeid)
    if left:
        pytest.fail(f"left outside the test's temporary folder: {[str(p) for p in left]}", pytrace=False)


@pytest.hookimpl(trylast=True)  # after the session's fixtures are torn down
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if a test left something in a shared folder or the repository."""
    if _watch is None:
        return
    leaks = _watch.leaks()
    if leaks:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_sep("=", "files left outside the tests' temporary folders", red=True)
            for line in leaks:
                reporter.write_line(line)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED

"""One ``soffice --convert-to`` call as a process group of its own: started with a private
profile, HOME and TMPDIR, killed (the whole group: oosplash and soffice.bin) when it hangs past
its timeout or the caller is interrupted, and every process of one conversion stopped at once on
Ctrl-C or SIGTERM instead of waiting for the calls under way.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from dcity_docs.conversion.base import _expected, is_complete_pdf
from dcity_docs.conversion.locating import _install_hint
from dcity_docs.conversion.profile import prepare_profile
from dcity_docs.errors import ConversionError, EnvironmentProblem


@dataclass
class _CallResult:
    timed_out: bool
    returncode: int | None
    output: str  # stdout + stderr, decoded


class _Running:
    """The LibreOffice processes of one conversion, so that an interrupt stops them all at once
    instead of waiting for the calls under way (or for their timeout, if LibreOffice hangs)."""

    def __init__(self) -> None:
        self.cancelled = threading.Event()  # a worker failed: the others stop after their call
        self.stopped = threading.Event()  # interrupted: every call is killed, no new one starts
        self._lock = threading.Lock()
        self._procs: set[subprocess.Popen[bytes]] = set()

    def add(self, proc: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._procs.add(proc)
        if self.stopped.is_set():  # stopped while this one was starting
            _kill_group(proc)

    def discard(self, proc: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._procs.discard(proc)

    def stop(self) -> None:
        self.stopped.set()
        self.cancelled.set()
        with self._lock:
            procs = list(self._procs)
        for proc in procs:
            _kill_group(proc)


@dataclass
class _Worker:
    """One LibreOffice profile and the calls made with it (one thread)."""

    soffice: str
    staging: Path
    timeout: float
    convert_to: str
    running: _Running | None = None
    root: Path = field(init=False)
    attempts: int = field(default=0, init=False)
    #: LibreOffice started ahead of the calls (:meth:`start_host`), which hand their documents to it.
    host: subprocess.Popen[bytes] | None = field(default=None, init=False)
    _host_pipes: set[str] = field(default_factory=set, init=False)
    _host_read: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        # A private temporary folder (mkdtemp: 0700) for LibreOffice's profile, home and temporary
        # copies, removed by close() on success, failure, Ctrl-C and SIGTERM.
        self.root = Path(tempfile.mkdtemp(prefix="dcity-soffice-"))
        for name in ("profile", "home", "tmp"):
            (self.root / name).mkdir(mode=0o700)
        prepare_profile(self.root / "profile")

    def close(self) -> None:
        self.stop_host()
        shutil.rmtree(self.root, ignore_errors=True)

    def _command(self) -> list[str]:
        return [
            self.soffice,
            f"-env:UserInstallation={(self.root / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
        ]

    def _popen(self, cmd: list[str], stdout: int | IO[bytes]) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=subprocess.STDOUT,
                env=self._env(),
                cwd=self.root,
                start_new_session=True,  # own process group: killpg reaches oosplash + soffice.bin
                # Its working copies, lock and temporary files and the PDFs are 0600 whatever the
                # user's umask (a restricted document among them); the caller sets the PDFs' modes.
                umask=0o077,
            )
        except OSError as exc:
            raise EnvironmentProblem(f"cannot start LibreOffice ({self.soffice}): {exc}; {_install_hint()}") from exc

    def start_host(self) -> None:
        """Start LibreOffice now with this worker's profile, before there is anything to convert.
        LibreOffice lets one process own a profile: a later ``soffice --convert-to`` with the same
        profile hands its documents to this one over its pipe and waits for them, so the start-up
        (a second or two) is spent while the caller still drafts. What it prints goes to a log in
        the worker's folder, read back into each call's output."""
        if self.host is not None:
            return
        self._host_pipes = osl_pipes()
        with open(self.root / "host.log", "wb") as log:
            self.host = self._popen(self._command(), log)

    def stop_host(self) -> None:
        """Stop the LibreOffice of :meth:`start_host` (its whole group) and remove its pipe."""
        host, self.host = self.host, None
        if host is None:
            return
        if self.running is not None:
            self.running.discard(host)
        # SIGKILL: its profile is thrown away next. Its pipe is removed once soffice.bin, which
        # outlives the launcher by a moment, is gone (a live pipe is never removed).
        stop_groups([host], grace=0)
        remove_stale_pipes(self._host_pipes, settle=1.0)

    def _host_output(self) -> str:
        """What the host printed since the last call (its messages about the documents it took)."""
        try:
            with open(self.root / "host.log", "rb") as log:
                log.seek(self._host_read)
                data = log.read()
        except OSError:
            return ""
        self._host_read += len(data)
        return _decode(data)

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        # Headless rendering without any display; never a GUI plugin.
        env["SAL_USE_VCLPLUGIN"] = "svp"
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        # A private HOME and TMPDIR: nothing is shared between workers and
        # nothing is left in the real home directory.
        env["HOME"] = str(self.root / "home")
        env["TMPDIR"] = str(self.root / "tmp")
        # The bundled Python of LibreOffice must not pick up ours.
        env.pop("PYTHONHOME", None)
        env.pop("PYTHONPATH", None)
        # File names are passed as UTF-8 (Cyrillic names included).
        ctype = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or ""
        if "UTF-8" not in ctype.upper().replace("UTF8", "UTF-8"):
            env["LC_ALL"] = "C.UTF-8"
        return env

    def run(self, files: Sequence[Path]) -> _CallResult:
        """One ``soffice --convert-to`` call for ``files`` (handed to the host, if one is
        running); kills it, and the host, on timeout."""
        if self.running is not None and self.running.stopped.is_set():
            raise ConversionError("conversion stopped")
        self.attempts += 1
        pipes_before = osl_pipes()
        if self.host is not None and self.host.poll() is not None:
            self.stop_host()  # it died: this call starts LibreOffice itself
        if self.host is not None and self.running is not None:
            self.running.add(self.host)  # Ctrl-C stops the process that does the work
        cmd = [*self._command(), "--convert-to", self.convert_to, "--outdir", str(self.staging),
               *(str(f) for f in files)]
        proc = self._popen(cmd, subprocess.PIPE)
        if self.running is not None:
            self.running.add(proc)
        try:
            result = self._wait(proc)
        finally:
            if self.running is not None:
                self.running.discard(proc)
            remove_stale_pipes(pipes_before)
        if self.host is not None:
            result.output = self._host_output() + result.output
            if result.timed_out:
                self.stop_host()  # the host is what hung: the retry starts LibreOffice afresh
            elif _missing(self.staging, files):
                # A LibreOffice that returned before the process it handed the documents to was
                # done (or that process failed them): the call once more, LibreOffice on its own.
                self.stop_host()
                again = self.run(files)
                again.output = result.output + again.output
                return again
        return result

    def _wait(self, proc: subprocess.Popen[bytes]) -> _CallResult:
        try:
            out, _ = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            try:
                out, _ = proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover - a process that survives SIGKILL
                out = b""
            return _CallResult(True, proc.returncode, _decode(out))
        except BaseException:
            _kill_group(proc)
            proc.wait()
            raise
        return _CallResult(False, proc.returncode, _decode(out))


def _missing(staging: Path, files: Sequence[Path]) -> list[Path]:
    """Those of ``files`` whose PDF is not (whole) in ``staging``; a partial one is removed
    before the retry."""
    missing = []
    for f in files:
        target = _expected(staging, f)
        if not is_complete_pdf(target):
            target.unlink(missing_ok=True)  # drop a partial file before the retry
            missing.append(f)
    return missing


OSL_PIPE_FOLDER = Path("/tmp")
"""Where LibreOffice puts its single-instance socket ``OSL_PIPE_{uid}_SingleOfficeIPC_{hash}``:
fixed in its code (``/tmp``, not ``$TMPDIR``), so the private folder cannot hold it, and it is
left there after every headless call (and after a kill on timeout)."""


def osl_pipes() -> set[str]:
    """The names of this user's LibreOffice sockets in :data:`OSL_PIPE_FOLDER` now."""
    try:
        prefix = f"OSL_PIPE_{os.getuid()}_"
        return {entry.name for entry in os.scandir(OSL_PIPE_FOLDER) if entry.name.startswith(prefix)}
    except OSError:
        return set()


def remove_stale_pipes(before: set[str], settle: float = 0.0) -> None:
    """Remove the LibreOffice sockets that appeared since ``before`` (during a call of ours) and
    that no process listens on any more; a live one (another LibreOffice's) is left alone.
    ``settle``: seconds to wait for a socket's listener to go (a killed soffice.bin shows as a
    zombie while its threads still hold the socket, for a moment)."""
    import socket
    import stat

    for name in sorted(osl_pipes() - before):
        path = OSL_PIPE_FOLDER / name
        deadline = time.monotonic() + settle
        try:
            if not stat.S_ISSOCK(path.lstat().st_mode) or path.lstat().st_uid != os.getuid():
                continue
            while _listened(socket, path) and time.monotonic() < deadline:
                time.sleep(0.02)
            if not _listened(socket, path):
                path.unlink()
        except OSError:
            continue


def _listened(socket: Any, path: Path) -> bool:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(0.5)
    try:
        probe.connect(str(path))
        return True  # someone listens: not a leftover
    except (ConnectionRefusedError, FileNotFoundError):
        return False
    finally:
        probe.close()


def stop_groups(processes: list[subprocess.Popen[bytes]], grace: float = 2) -> None:
    """SIGTERM to each process's group (unoserver, oosplash, soffice.bin), SIGKILL to what still
    runs after ``grace`` seconds: LibreOffice's oosplash ignores SIGTERM once soffice.bin is gone."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        running = [p for p in processes if _group_alive(p.pid) or p.poll() is None]
        if not running:
            break
        for process in running:
            try:
                os.killpg(process.pid, sig)
            except (ProcessLookupError, PermissionError):
                pass
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and any(_group_alive(p.pid) or p.poll() is None for p in running):
            time.sleep(0.1)
    for process in processes:
        try:
            process.wait(timeout=1)
        except subprocess.TimeoutExpired:  # pragma: no cover - survived SIGKILL
            pass


def _group_alive(pgid: int) -> bool:
    """Whether a process of the group still runs. Zombies do not count: LibreOffice's processes,
    orphaned when unoserver dies, may stay zombies for as long as whoever adopted them likes."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()  # after "pid (comm) ": state ppid pgrp ...
        if len(fields) > 2 and fields[2] == str(pgid) and fields[0] not in ("Z", "X"):
            return True
    return False


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _decode(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", errors="replace")

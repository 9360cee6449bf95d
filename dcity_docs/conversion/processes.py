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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

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

    def __post_init__(self) -> None:
        # A private temporary folder (mkdtemp: 0700) for LibreOffice's profile, home and temporary
        # copies, removed by close() on success, failure, Ctrl-C and SIGTERM.
        self.root = Path(tempfile.mkdtemp(prefix="dcity-soffice-"))
        for name in ("profile", "home", "tmp"):
            (self.root / name).mkdir(mode=0o700)
        prepare_profile(self.root / "profile")

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

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
        """One ``soffice --convert-to`` call for ``files``; kills it on timeout."""
        if self.running is not None and self.running.stopped.is_set():
            raise ConversionError("conversion stopped")
        self.attempts += 1
        pipes_before = osl_pipes()
        cmd = [
            self.soffice,
            f"-env:UserInstallation={(self.root / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            self.convert_to,
            "--outdir",
            str(self.staging),
            *(str(f) for f in files),
        ]
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
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
        if self.running is not None:
            self.running.add(proc)
        try:
            return self._wait(proc)
        finally:
            if self.running is not None:
                self.running.discard(proc)
            remove_stale_pipes(pipes_before)

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


def remove_stale_pipes(before: set[str]) -> None:
    """Remove the LibreOffice sockets that appeared since ``before`` (during a call of ours) and
    that no process listens on any more; a live one (another LibreOffice's) is left alone."""
    import socket
    import stat

    for name in sorted(osl_pipes() - before):
        path = OSL_PIPE_FOLDER / name
        try:
            if not stat.S_ISSOCK(path.lstat().st_mode) or path.lstat().st_uid != os.getuid():
                continue
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            probe.settimeout(0.5)
            try:
                probe.connect(str(path))
                continue  # someone listens: not a leftover
            except (ConnectionRefusedError, FileNotFoundError):
                pass
            finally:
                probe.close()
            path.unlink()
        except OSError:
            continue


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _decode(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", errors="replace")

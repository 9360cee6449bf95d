"""DOCX -> PDF conversion with LibreOffice headless.

Many documents are converted by ONE ``soffice --convert-to`` call: starting
LibreOffice costs about a second, each further document in the same call costs
a fraction of that.  With ``workers > 1`` the files are split into that many
chunks, each converted by its own LibreOffice process (own user profile, so
the processes never share a lock or a profile) in its own thread.

Guarantees:

* A call that hangs is killed (its whole process group) after ``timeout``
  seconds and tried once more; a second hang raises :class:`ConversionError`.
* Every expected PDF is checked (exists, non-empty, starts with ``%PDF``,
  ends with ``%%EOF``); files LibreOffice silently skipped are retried once,
  each in a call of its own, and then reported.
* PDFs are produced in a hidden staging folder inside ``out_dir`` and moved
  into place with :func:`os.replace` only once every document converted, so a
  failure never leaves a half-written PDF and never replaces a good old one.

Who converts is a :class:`Converter`: :class:`SofficeConverter` (the default) starts LibreOffice
for each call as above; :class:`UnoserverPool` sends each document to long-lived LibreOffice
processes run by ``unoserver`` (start-up paid once per server, not per call), spread across
the servers (each takes the next document as soon as it is free), a document that fails on one
server tried once more on another. :func:`converter_from_spec` reads the CLI's ``--converter``
value; :func:`using_converter` makes a converter the default of every :func:`convert_to_pdf`
call that names none (how a caller that knows nothing of converters, a batch, uses one).

This module is a library: it never prints and never exits.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import xmlrpc.client
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dcity_docs.errors import ConversionError, EnvironmentProblem, InputError, OutputError

__all__ = [
    "INSTALL_COMMAND",
    "SOFFICE_ENV",
    "Converter",
    "SofficeConverter",
    "UnoserverPool",
    "converter_from_spec",
    "convert_to_pdf",
    "default_converter",
    "using_converter",
    "convert_to_argument",
    "find_soffice",
    "is_complete_pdf",
]

INSTALL_COMMAND = "apt-get install -y libreoffice-writer-nogui fonts-liberation2"
SOFFICE_ENV = "DCITY_SOFFICE"

#: Looked at, in this order, after $DCITY_SOFFICE and $PATH.
FALLBACK_LOCATIONS: tuple[str, ...] = (
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)

#: Documents per LibreOffice call.  ``timeout`` applies to one call, so a
#: worker with more files than this runs several calls one after another
#: (re-using its profile, which makes the later calls start faster).
BATCH_SIZE = 25

# How much of LibreOffice's output an error message quotes.
_OUTPUT_TAIL = 1500


def _install_hint() -> str:
    return f"install LibreOffice (Debian/Ubuntu: {INSTALL_COMMAND})"


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_soffice() -> str:
    """Return the path of the LibreOffice executable.

    Order: ``$DCITY_SOFFICE`` (if set it must be right: no fallback),
    ``soffice`` / ``libreoffice`` on ``$PATH``, then :data:`FALLBACK_LOCATIONS`.
    Raises :class:`EnvironmentProblem` naming the install command.
    """
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        path = Path(configured).expanduser()
        if _is_executable(path):
            return str(path)
        raise EnvironmentProblem(
            f"{SOFFICE_ENV} is set to {configured!r}, which is not an executable file; "
            f"point it at LibreOffice's soffice or unset it, or {_install_hint()}"
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in FALLBACK_LOCATIONS:
        if _is_executable(Path(candidate)):
            return candidate
    raise EnvironmentProblem(
        f"LibreOffice (soffice) was not found on PATH nor in the usual places; {_install_hint()}, "
        f"or set {SOFFICE_ENV} to its path"
    )


def convert_to_argument(*, pdfa: bool = False) -> str:
    """The ``--convert-to`` value: PDF export with JSON filter options.

    The JSON form of filter options is understood by LibreOffice 7.4 and newer.
    ``ExportBookmarks`` turns Word headings into PDF outline entries,
    ``UseTaggedPDF`` adds a structure tree (accessibility; also makes
    ``/Lang`` appear in the catalog), ``SelectPdfVersion`` 2 is PDF/A-2b.
    """
    options: dict[str, dict[str, str]] = {
        "ExportBookmarks": {"type": "boolean", "value": "true"},
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
    }
    if pdfa:
        options["SelectPdfVersion"] = {"type": "long", "value": "2"}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def is_complete_pdf(path: Path) -> bool:
    """True if ``path`` is a non-empty file that starts with ``%PDF`` and ends with ``%%EOF``.

    The end check catches a file cut short by a killed process.
    """
    try:
        size = path.stat().st_size
        if size < 16:
            return False
        with path.open("rb") as fh:
            if fh.read(5) != b"%PDF-":
                return False
            fh.seek(max(0, size - 1024))
            return b"%%EOF" in fh.read()
    except OSError:
        return False


# --------------------------------------------------------------------------
# One LibreOffice call
# --------------------------------------------------------------------------


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
        self.root = Path(tempfile.mkdtemp(prefix="dcity-soffice-"))
        (self.root / "profile").mkdir()
        (self.root / "home").mkdir()
        (self.root / "tmp").mkdir()

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


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _decode(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", errors="replace")


def _tail(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if "javaldx" not in ln]
    text = "\n".join(lines).strip()
    return text[-_OUTPUT_TAIL:]


def _expected(staging: Path, docx: Path) -> Path:
    return staging / (docx.stem + ".pdf")


def _missing(staging: Path, files: Sequence[Path]) -> list[Path]:
    missing = []
    for f in files:
        target = _expected(staging, f)
        if not is_complete_pdf(target):
            target.unlink(missing_ok=True)  # drop a partial file before the retry
            missing.append(f)
    return missing


def _check_environment(output: str, soffice: str) -> None:
    if "no export filter" in output.lower():
        raise EnvironmentProblem(
            f"LibreOffice at {soffice} has no PDF export filter for Writer documents; "
            f"{_install_hint()}\n{_tail(output)}"
        )


def _names(files: Sequence[Path]) -> str:
    return ", ".join(str(f) for f in files)


def _convert_batch(worker: _Worker, files: Sequence[Path]) -> None:
    """Convert ``files`` into ``worker.staging``; raise ConversionError for the ones that fail."""
    result = worker.run(files)
    _check_environment(result.output, worker.soffice)
    if result.timed_out:
        remaining = _missing(worker.staging, files)
        if remaining:
            result = worker.run(remaining)
            _check_environment(result.output, worker.soffice)
            if result.timed_out:
                still = _missing(worker.staging, remaining)
                raise ConversionError(
                    f"LibreOffice hung twice (killed after {worker.timeout:g} s each time) "
                    f"converting: {_names(still or remaining)}"
                    + (f"\n{_tail(result.output)}" if _tail(result.output) else "")
                )
    missing = _missing(worker.staging, files)
    if not missing:
        return
    failed: list[Path] = []
    last = result
    for f in missing:  # LibreOffice skipped these: each is retried once, on its own
        last = worker.run([f])
        _check_environment(last.output, worker.soffice)
        if not is_complete_pdf(_expected(worker.staging, f)):
            _expected(worker.staging, f).unlink(missing_ok=True)
            failed.append(f)
    if failed:
        how = f"killed after {worker.timeout:g} s" if last.timed_out else f"exit status {last.returncode}"
        detail = _tail(last.output)
        raise ConversionError(
            f"LibreOffice produced no valid PDF ({how}) for: {_names(failed)}"
            + (f"\n{detail}" if detail else "")
        )


def _chunks(items: Sequence[Path], n: int) -> list[list[Path]]:
    """Split into ``n`` contiguous chunks of near-equal size (none empty)."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def _run_chunk(
    soffice: str, staging: Path, files: list[Path], timeout: float, convert_to: str, running: _Running
) -> None:
    worker = _Worker(soffice, staging, timeout, convert_to, running)
    try:
        for start in range(0, len(files), BATCH_SIZE):
            if running.cancelled.is_set():
                return
            _convert_batch(worker, files[start : start + BATCH_SIZE])
    finally:
        worker.close()


# --------------------------------------------------------------------------
# Converters
# --------------------------------------------------------------------------


class Converter:
    """Who turns DOCX into PDF. :func:`convert_to_pdf` checks the inputs, gives the converter a
    staging folder and moves the PDFs into place; the converter only has to write
    ``staging / (stem + ".pdf")`` for every file, or raise :class:`ConversionError` naming the
    files it could not convert (:class:`EnvironmentProblem` when it cannot work at all)."""

    def check(self) -> None:
        """Raise :class:`EnvironmentProblem` early (before any folder is made) if it cannot work."""

    def convert(self, files: Sequence[Path], staging: Path, *, timeout: float, pdfa: bool, workers: int) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the converter holds (nothing for these two: servers are not ours to stop)."""


class SofficeConverter(Converter):
    """One ``soffice --convert-to`` call per :data:`BATCH_SIZE` documents, ``workers`` at once."""

    def __repr__(self) -> str:
        return "SofficeConverter()"

    def check(self) -> None:
        find_soffice()

    def convert(self, files: Sequence[Path], staging: Path, *, timeout: float, pdfa: bool, workers: int) -> None:
        soffice = find_soffice()
        convert_to = convert_to_argument(pdfa=pdfa)
        running = _Running()
        chunks = _chunks(files, workers)
        if len(chunks) == 1:
            _run_chunk(soffice, staging, chunks[0], timeout, convert_to, running)
            return
        errors: list[BaseException] = []
        with ThreadPoolExecutor(max_workers=len(chunks), thread_name_prefix="dcity-soffice") as pool:
            futures = [
                pool.submit(_run_chunk, soffice, staging, chunk, timeout, convert_to, running)
                for chunk in chunks
            ]
            try:
                for fut in futures:
                    try:
                        fut.result()
                    except Exception as exc:  # noqa: BLE001 - a worker's failure: collected, re-raised below
                        running.cancelled.set()  # other workers stop after their current call
                        errors.append(exc)
            except BaseException:  # Ctrl-C or SIGTERM while waiting: stop LibreOffice now
                running.stop()
                raise
        if errors:
            env_problems = [e for e in errors if isinstance(e, EnvironmentProblem)]
            if env_problems:
                raise env_problems[0]
            conv = [e for e in errors if isinstance(e, ConversionError)]
            if len(conv) == len(errors):
                raise ConversionError("\n".join(str(e) for e in conv))
            raise errors[0]


# --- unoserver -------------------------------------------------------------------------------------

UNOSERVER_SCHEME = "unoserver://"
#: The XML-RPC API of unoserver this client speaks (``convert`` with nine positional arguments).
UNOSERVER_API = "3"
UNOSERVER_HINT = (
    "start one with: unoserver --port PORT --uno-port UNO_PORT --user-installation DIR "
    "(see the README, section \"Conversion servers\")"
)


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self}/"

    @property
    def local(self) -> bool:
        """A server on this machine reads our files and writes the PDFs itself (no upload)."""
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


class _ServerDown(Exception):
    """The server did not answer (refused, timed out, broken connection): take it out of the call."""


class _TimeoutTransport(xmlrpc.client.Transport):
    """XML-RPC over HTTP with a socket timeout, so a hung server cannot hang us."""

    def __init__(self, timeout: float):
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host: object) -> http.client.HTTPConnection:
        conn = super().make_connection(host)  # type: ignore[arg-type]
        conn.timeout = self._timeout
        return conn


def _unoserver_filter_options(pdfa: bool) -> list[str]:
    """The same PDF export options as :func:`convert_to_argument`, in unoserver's ``Name=value`` form."""
    options = ["ExportBookmarks=true", "UseTaggedPDF=true"]
    if pdfa:
        options.append("SelectPdfVersion=2")
    return options


class UnoserverPool(Converter):
    """Long-lived LibreOffice processes behind ``unoserver`` (XML-RPC), one document at a time each.

    Each server gets the next document as soon as it has finished the last (least busy first,
    so a slow document never holds the others up). A document that fails is tried once more, on
    another server where there is one. A server that does not answer, or answers nothing within
    ``timeout`` seconds, is left out for the rest of the call and its document goes to another.
    A server on this machine (loopback address) reads the DOCX and writes the PDF itself; a remote
    one is sent the document's bytes and sends the PDF back.
    """

    def __init__(self, servers: Sequence[ServerAddress | tuple[str, int] | str]):
        parsed: list[ServerAddress] = []
        for item in servers:
            if isinstance(item, ServerAddress):
                parsed.append(item)
            elif isinstance(item, tuple):
                parsed.append(ServerAddress(item[0], int(item[1])))
            else:
                parsed.append(_parse_address(item))
        if not parsed:
            raise InputError("a unoserver pool needs at least one HOST:PORT")
        self.servers: tuple[ServerAddress, ...] = tuple(dict.fromkeys(parsed))
        self._lock = threading.Lock()
        self._verified: set[ServerAddress] = set()
        self._attempts = itertools.count(1)
        #: Documents each server converted (successfully), over the pool's life: for tests, stats.
        self.converted: dict[ServerAddress, int] = {s: 0 for s in self.servers}

    def __repr__(self) -> str:
        return f"UnoserverPool({', '.join(str(s) for s in self.servers)})"

    @property
    def spec(self) -> str:
        return UNOSERVER_SCHEME + ",".join(str(s) for s in self.servers)

    def _proxy(self, server: ServerAddress, timeout: float) -> xmlrpc.client.ServerProxy:
        return xmlrpc.client.ServerProxy(server.url, transport=_TimeoutTransport(timeout), allow_none=True)

    def _call(self, server: ServerAddress, timeout: float, method: str, *args: object) -> object:
        """One XML-RPC call; a server that does not answer becomes :class:`_ServerDown`."""
        proxy = self._proxy(server, timeout)
        try:
            return getattr(proxy, method)(*args)
        except xmlrpc.client.Fault:
            raise
        except (OSError, http.client.HTTPException, xmlrpc.client.ProtocolError, xmlrpc.client.ResponseError) as exc:
            what = "no answer" if isinstance(exc, TimeoutError) else type(exc).__name__
            raise _ServerDown(f"unoserver {server}: {what} ({exc or 'timed out'})") from None
        finally:
            proxy("close")()

    def _verify(self, server: ServerAddress, timeout: float) -> None:
        """Once per server: it answers and speaks our API version (as unoserver's own client checks)."""
        if server in self._verified:
            return
        try:
            info = self._call(server, min(timeout, 30.0), "info")
        except xmlrpc.client.Fault as exc:
            raise _ServerDown(f"unoserver {server}: {exc.faultString}") from None
        api = info.get("api") if isinstance(info, dict) else None
        if api != UNOSERVER_API:
            raise _ServerDown(f"unoserver {server} speaks API {api!r}, this client API {UNOSERVER_API}")
        with self._lock:
            self._verified.add(server)

    def _convert_one(self, server: ServerAddress, docx: Path, staging: Path, timeout: float, pdfa: bool) -> None:
        """Convert one document on one server into ``staging``; raises _ServerDown or ConversionError."""
        self._verify(server, timeout)
        final = _expected(staging, docx)
        # Each attempt writes its own file: a server given up on (timed out) that finishes late can
        # never overwrite the PDF another server made.
        attempt = staging / f".{next(self._attempts)}.{final.name}"
        options = _unoserver_filter_options(pdfa)
        try:
            if server.local:
                self._call(server, timeout, "convert", str(docx), None, str(attempt), "pdf",
                           "writer_pdf_Export", options, False, None, None)
            else:
                data = xmlrpc.client.Binary(docx.read_bytes())
                result = self._call(server, timeout, "convert", None, data, None, "pdf",
                                    "writer_pdf_Export", options, False, None, None)
                if isinstance(result, xmlrpc.client.Binary):
                    attempt.write_bytes(result.data)
        except xmlrpc.client.Fault as exc:
            attempt.unlink(missing_ok=True)
            message = " ".join(str(exc.faultString).split())[-_OUTPUT_TAIL:]
            if "DisposedException" in message or "Binary URP bridge" in message:
                raise _ServerDown(f"unoserver {server}: its LibreOffice is gone ({message})") from None
            raise ConversionError(f"unoserver {server} could not convert {docx}: {message}") from None
        if not is_complete_pdf(attempt):
            attempt.unlink(missing_ok=True)
            raise ConversionError(f"unoserver {server} produced no valid PDF for {docx}")
        os.replace(attempt, final)
        with self._lock:
            self.converted[server] += 1

    def convert(self, files: Sequence[Path], staging: Path, *, timeout: float, pdfa: bool, workers: int) -> None:
        """Spread ``files`` over the servers; ``workers`` is ignored (one document per server at a time)."""
        _Dispatch(self, list(files), staging, timeout, pdfa).run()


@dataclass
class _Task:
    docx: Path
    tried: list[ServerAddress] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class _Dispatch:
    """One :meth:`UnoserverPool.convert` call: a thread per server, each taking the next document."""

    def __init__(self, pool: UnoserverPool, files: list[Path], staging: Path, timeout: float, pdfa: bool):
        self.pool = pool
        self.staging = staging
        self.timeout = timeout
        self.pdfa = pdfa
        self.pending: deque[_Task] = deque(_Task(f) for f in files)
        self.in_flight = 0
        self.alive: list[ServerAddress] = list(pool.servers)
        self.down: dict[ServerAddress, str] = {}
        self.failed: list[_Task] = []
        self.succeeded = 0
        self.document_errors = 0  # failures of a document, not of a server
        self.cond = threading.Condition()

    def _next(self, server: ServerAddress) -> _Task | None:
        """The next task for ``server`` (a retry only on a server it has not failed on, if any is
        alive); None when nothing is left for it."""
        with self.cond:
            while True:
                if server not in self.alive:
                    return None
                for task in self.pending:
                    others = [s for s in self.alive if s not in task.tried]
                    if server not in task.tried or not others:
                        self.pending.remove(task)
                        self.in_flight += 1
                        return task
                if not self.pending and self.in_flight == 0:
                    return None
                self.cond.wait()

    def _done(self, task: _Task, server: ServerAddress, error: str | None, server_down: bool) -> None:
        with self.cond:
            self.in_flight -= 1
            if server_down and server in self.alive:
                self.alive.remove(server)
                self.down[server] = error or "no answer"
            if error is None:
                self.succeeded += 1
            else:
                self.document_errors += 0 if server_down else 1
                task.tried.append(server)
                task.errors.append(error)
                if len(task.tried) >= 2:  # tried once more: it fails
                    self.failed.append(task)
                else:
                    self.pending.appendleft(task)
            self.cond.notify_all()

    def stop(self) -> None:
        with self.cond:
            self.pending.clear()
            self.alive.clear()
            self.cond.notify_all()

    def _serve(self, server: ServerAddress) -> None:
        while (task := self._next(server)) is not None:
            try:
                self.pool._convert_one(server, task.docx, self.staging, self.timeout, self.pdfa)
            except _ServerDown as exc:
                self._done(task, server, str(exc), True)
            except ConversionError as exc:
                self._done(task, server, str(exc), False)
            except Exception as exc:  # noqa: BLE001 - an unexpected error must not leave the others waiting
                self._done(task, server, f"{type(exc).__name__}: {exc}", True)
            except BaseException:  # Ctrl-C in the calling thread: stop everything
                self._done(task, server, "interrupted", True)
                self.stop()
                raise
            else:
                self._done(task, server, None, False)

    def run(self) -> None:
        servers = list(self.pool.servers)
        if len(servers) == 1:
            self._serve(servers[0])
        else:
            threads = [threading.Thread(target=self._serve, args=(s,), name=f"dcity-unoserver-{s}", daemon=True)
                       for s in servers]
            try:
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
            except BaseException:  # Ctrl-C: the threads finish the document they have, take no more
                self.stop()
                raise
        left = list(self.pending)  # every server went down with these still to do
        if not self.failed and not left:
            return
        if self.succeeded == 0 and not self.alive and not self.document_errors:
            reasons = "; ".join(self.down.values())
            raise EnvironmentProblem(f"no unoserver answered ({reasons}); {UNOSERVER_HINT}")
        lines = [f"{t.docx}: " + " / ".join(t.errors) for t in self.failed]
        if left:
            reasons = "; ".join(self.down.values())
            lines.append(f"no unoserver left ({reasons}) for: {_names([t.docx for t in left])}")
        raise ConversionError("unoserver could not convert every document:\n" + "\n".join(lines))


def _parse_address(text: str) -> ServerAddress:
    text = text.strip()
    if text.startswith("["):
        host, sep, port = text[1:].partition("]:")
    else:
        host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536 or ("[" in host or "]" in host):
        raise InputError(f"{text!r} is not HOST:PORT (e.g. 127.0.0.1:2003 or [::1]:2003)")
    return ServerAddress(host, int(port))


def converter_from_spec(spec: str | None) -> Converter:
    """The converter a ``--converter`` value names: ``soffice`` (a LibreOffice process per call,
    the default) or ``unoserver://HOST:PORT[,HOST:PORT...]``. Raises :class:`InputError`."""
    if spec is None or spec.strip() in ("", "soffice"):
        return SofficeConverter()
    spec = spec.strip()
    if not spec.startswith(UNOSERVER_SCHEME):
        raise InputError(f"unknown converter {spec!r}: use 'soffice' or 'unoserver://HOST:PORT[,HOST:PORT...]'")
    addresses = [a for a in spec[len(UNOSERVER_SCHEME):].split(",") if a.strip()]
    if not addresses:
        raise InputError(f"{spec!r} names no server: use unoserver://HOST:PORT[,HOST:PORT...]")
    return UnoserverPool([_parse_address(a) for a in addresses])


_default: Converter | None = None
_default_lock = threading.Lock()


def default_converter() -> Converter:
    """The converter :func:`convert_to_pdf` uses when given none (see :func:`using_converter`)."""
    return _default or SofficeConverter()


@contextlib.contextmanager
def using_converter(converter: Converter | None) -> Iterator[Converter | None]:
    """Make ``converter`` the default for every :func:`convert_to_pdf` call in this process (all
    threads) until the block ends; ``None`` leaves the default alone. Lets a caller that passes no
    converter (a batch, its reports) convert through unoserver all the same."""
    global _default
    if converter is None:
        yield None
        return
    with _default_lock:
        previous, _default = _default, converter
    try:
        yield converter
    finally:
        with _default_lock:
            _default = previous


def convert_to_pdf(
    docx_files: Sequence[Path],
    out_dir: Path,
    *,
    timeout: float = 120,
    pdfa: bool = False,
    workers: int = 1,
    converter: Converter | None = None,
) -> list[Path]:
    """Convert documents to PDF; return ``out_dir / (stem + ".pdf")`` for each, in input order.

    ``timeout`` is in seconds per LibreOffice call (a call converts up to
    :data:`BATCH_SIZE` documents; one document for a unoserver).  ``pdfa`` selects PDF/A-2b.
    ``workers`` LibreOffice processes run at once (each with its own profile).  ``converter``:
    who converts (default: :func:`default_converter`, a LibreOffice process per call).

    All or nothing: if any document fails, :class:`ConversionError` names it
    and ``out_dir`` is left as it was.
    """
    files = [Path(f) for f in docx_files]
    if not files:
        return []
    if workers < 1:
        raise InputError(f"workers must be at least 1, not {workers}")
    if timeout <= 0:
        raise InputError(f"timeout must be positive, not {timeout}")
    seen: dict[str, Path] = {}
    for f in files:
        if not f.is_file():
            raise InputError(f"no such document to convert: {f}")
        key = f.stem + ".pdf"
        if key in seen:
            raise InputError(f"{seen[key]} and {f} would both become {key}")
        seen[key] = f
    files = [f.resolve() for f in files]
    converter = converter or default_converter()
    converter.check()

    # Absolute: LibreOffice runs in a folder of its own (cwd), where a relative --outdir would
    # point somewhere else (``pack -o out/`` found no PDFs).
    out_dir = Path(out_dir).absolute()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".dcity-pdf-", dir=out_dir))
    except OSError as exc:
        raise OutputError(f"cannot write to {out_dir}: {exc}") from exc

    try:
        converter.convert(files, staging, timeout=timeout, pdfa=pdfa, workers=workers)

        # Everything converted: move into place, one atomic rename per file.
        results = []
        for f in files:
            src = _expected(staging, f)
            if not is_complete_pdf(src):  # pragma: no cover - guarded by the converters
                raise ConversionError(f"LibreOffice produced no valid PDF for: {f}")
            dest = out_dir / src.name
            try:
                os.replace(src, dest)
            except OSError as exc:
                raise OutputError(f"cannot write {dest}: {exc}") from exc
            results.append(dest)
        return results
    finally:
        shutil.rmtree(staging, ignore_errors=True)

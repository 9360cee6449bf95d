"""The converter for long-lived LibreOffice processes behind ``unoserver`` (XML-RPC): the
start-up is paid once per server, not per call; the documents are spread across the servers,
each taking the next as soon as it is free, and a document that fails on one server is tried
once more on another.
"""

from __future__ import annotations

import http.client
import ipaddress
import itertools
import os
import socket
import ssl
import threading
import time
import xmlrpc.client
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers.expat import ExpatError

from dcity_docs.conversion.base import (
    _OUTPUT_TAIL,
    Converter,
    _expected,
    _names,
    is_complete_pdf,
    largest_first,
    pdf_problem,
)
from dcity_docs.errors import ConversionError, EnvironmentProblem, InputError

__all__ = ["UNOSERVER_API", "UNOSERVER_HINT", "UNOSERVER_SCHEME", "UNOSERVER_TLS_SCHEME", "ServerAddress",
           "Timing", "UnoserverPool"]

UNOSERVER_SCHEME = "unoserver://"
UNOSERVER_TLS_SCHEME = "unoserver+https://"
"""unoserver behind a TLS-terminating proxy (stunnel, nginx): XML-RPC over HTTPS, the server's
certificate verified against the system's trust store or ``--converter-ca``."""
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
    tls: bool = False  # HTTPS to a TLS-terminating proxy in front of the unoserver

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{self}/"

    @property
    def in_clear(self) -> bool:
        """Plain XML-RPC to another host: anyone on the path reads what is sent."""
        return not self.local and not self.tls

    @property
    def local(self) -> bool:
        """A server on this machine reads our files and writes the PDFs itself (no upload). A TLS
        address never is: the proxy may forward to another host, so the document is sent."""
        if self.tls:
            return False
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


class _ServerDown(Exception):
    """The server did not answer (refused, timed out, broken connection): take it out of the call."""


class _Deadline:
    """The whole answer of one call within ``seconds``: the socket's timeout bounds each read
    only (a server sending a byte every few seconds never trips it), so a timer shuts the
    connection down when the time is up and the call fails at once."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self.sock: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def connected(self, conn: http.client.HTTPConnection) -> http.client.HTTPConnection:
        """``conn``, its socket kept once connected (the connection forgets it when the server
        says it will close, while the answer is still being read from it)."""
        if self.expired:
            raise TimeoutError("timed out")
        connect = conn.connect

        def connect_and_keep() -> None:
            connect()
            self.sock = conn.sock
            if self.expired:
                self._expire()

        conn.connect = connect_and_keep  # type: ignore[method-assign]
        return conn

    def _expire(self) -> None:
        self.expired = True
        sock = self.sock
        if sock is not None:  # the read under way ends with its next byte, the next one at once
            try:
                sock.settimeout(0.001)
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _TimeoutTransport(xmlrpc.client.Transport):
    """XML-RPC over HTTP with a socket timeout and a deadline for the whole answer."""

    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._deadline = deadline

    def make_connection(self, host: object) -> http.client.HTTPConnection:
        conn = super().make_connection(host)  # type: ignore[arg-type]
        conn.timeout = self._deadline.seconds
        return self._deadline.connected(conn)


class _TimeoutSafeTransport(xmlrpc.client.SafeTransport):
    """XML-RPC over HTTPS with a socket timeout and a deadline for the whole answer; the
    certificate checked by ``context``."""

    def __init__(self, deadline: _Deadline, context: ssl.SSLContext):
        super().__init__(context=context)
        self._deadline = deadline

    def make_connection(self, host: object) -> http.client.HTTPConnection:
        conn = super().make_connection(host)  # type: ignore[arg-type]
        conn.timeout = self._deadline.seconds
        return self._deadline.connected(conn)


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

    def __init__(self, servers: Sequence[ServerAddress | tuple[str, int] | str], *, ca: Path | None = None):
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
        self.ca = ca
        self._tls: ssl.SSLContext | None = None
        self._lock = threading.Lock()
        self._verified: set[ServerAddress] = set()
        self._attempts = itertools.count(1)
        #: Documents each server converted (successfully), over the pool's life: for tests, stats.
        self.converted: dict[ServerAddress, int] = {s: 0 for s in self.servers}
        #: Set to a list to have every document's :class:`Timing` appended (the benchmark's breakdown).
        self.timings: list[Timing] | None = None

    def __repr__(self) -> str:
        return f"UnoserverPool({', '.join(str(s) for s in self.servers)})"

    @property
    def spec(self) -> str:
        scheme = UNOSERVER_TLS_SCHEME if any(s.tls for s in self.servers) else UNOSERVER_SCHEME
        return scheme + ",".join(str(s) for s in self.servers)

    def sends_in_clear(self) -> bool:
        """Plain XML-RPC to a server on another host: anyone on the path reads the document."""
        return any(server.in_clear for server in self.servers)

    def _context(self) -> ssl.SSLContext:
        """Certificates verified (chain and host name) against ``ca`` or the system's trust store."""
        with self._lock:
            if self._tls is None:
                try:
                    self._tls = ssl.create_default_context(cafile=None if self.ca is None else str(self.ca))
                except (OSError, ssl.SSLError) as exc:
                    raise InputError(f"cannot read the converter's CA certificates {self.ca}: {exc}") from None
            return self._tls

    def _proxy(self, server: ServerAddress, deadline: _Deadline) -> xmlrpc.client.ServerProxy:
        transport: xmlrpc.client.Transport = (
            _TimeoutSafeTransport(deadline, self._context()) if server.tls else _TimeoutTransport(deadline))
        return xmlrpc.client.ServerProxy(server.url, transport=transport, allow_none=True)

    def _call(self, server: ServerAddress, timeout: float, method: str, *args: object) -> object:
        """One XML-RPC call, answered whole within ``timeout`` seconds; a server that does not
        answer in time becomes :class:`_ServerDown`."""
        with _Deadline(timeout) as deadline:
            proxy = self._proxy(server, deadline)
            try:
                answer = getattr(proxy, method)(*args)
            except xmlrpc.client.Fault:
                raise
            except (OSError, http.client.HTTPException, xmlrpc.client.ProtocolError,
                    xmlrpc.client.ResponseError, ExpatError) as exc:
                if deadline.expired:
                    raise _ServerDown(f"unoserver {server}: no whole answer within {timeout:g} s") from None
                what = "no answer" if isinstance(exc, TimeoutError) else type(exc).__name__
                raise _ServerDown(f"unoserver {server}: {what} ({exc or 'timed out'})") from None
            finally:
                proxy("close")()
        if deadline.expired:
            raise _ServerDown(f"unoserver {server}: no whole answer within {timeout:g} s")
        return answer

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

    def _convert_one(self, server: ServerAddress, docx: Path, staging: Path, timeout: float,
                     pdfa: bool) -> tuple[float, float]:
        """Convert one document on one server into ``staging``; raises _ServerDown or ConversionError.
        Returns when the call was sent and when its answer came (``time.perf_counter``)."""
        self._verify(server, timeout)
        final = _expected(staging, docx)
        # Each attempt writes its own file: a server given up on (timed out) that finishes late can
        # never overwrite the PDF another server made.
        attempt = staging / f".{next(self._attempts)}.{final.name}"
        options = _unoserver_filter_options(pdfa)
        sent = time.perf_counter()
        try:
            if server.local:
                self._call(server, timeout, "convert", str(docx), None, str(attempt), "pdf",
                           "writer_pdf_Export", options, False, None, None)
            else:
                data = xmlrpc.client.Binary(docx.read_bytes())
                result = self._call(server, timeout, "convert", None, data, None, "pdf",
                                    "writer_pdf_Export", options, False, None, None)
                if isinstance(result, xmlrpc.client.Binary):
                    fd = os.open(attempt, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                    with os.fdopen(fd, "wb") as fh:  # private until its caller sets its mode
                        fh.write(result.data)
        except xmlrpc.client.Fault as exc:
            attempt.unlink(missing_ok=True)
            message = " ".join(str(exc.faultString).split())[-_OUTPUT_TAIL:]
            if "DisposedException" in message or "Binary URP bridge" in message:
                raise _ServerDown(f"unoserver {server}: its LibreOffice is gone ({message})") from None
            raise ConversionError(f"unoserver {server} could not convert {docx}: {message}") from None
        answered = time.perf_counter()
        if not is_complete_pdf(attempt):
            attempt.unlink(missing_ok=True)
            raise ConversionError(f"unoserver {server} produced no valid PDF for {docx}")
        pdf_problem(attempt)  # checked now, while the other servers convert (its answer is kept)
        os.replace(attempt, final)
        with self._lock:
            self.converted[server] += 1
        return sent, answered

    def reach(self, timeout: float = 30.0, workers: int = 1) -> None:
        """Reach every server now (its API checked, once per server): render, pack and batch do it
        while they draft, so that the first conversion need not wait for the answers. Never a
        server reached in clear on another host: no connection is opened to one before the
        conversion has checked that nothing restricted would travel over it."""
        for server in self.servers:
            if server.in_clear:
                continue
            try:
                self._verify(server, timeout)
            except _ServerDown:
                pass  # left to the conversion, which takes it out and says why

    def convert(self, files: Sequence[Path], staging: Path, *, timeout: float, pdfa: bool, workers: int) -> None:
        """Spread ``files`` over the servers; ``workers`` is ignored (one document per server at a time)."""
        _Dispatch(self, list(files), staging, timeout, pdfa).run()


@dataclass(frozen=True)
class Timing:
    """Where one document's conversion time went (``time.perf_counter`` seconds): ``taken`` by
    its server's thread, the XML-RPC call ``sent``, its answer ``answered``, ``done`` (the PDF
    checked and in place). The round trip is the server's load and export plus the transport."""

    server: str
    document: str
    size: int
    taken: float
    sent: float
    answered: float
    done: float


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
        # The longest first (by the size of the text part: a DOCX file's own size does not tell its
        # conversion time), so that a server finishing alone at the end has a short document left.
        self.pending: deque[_Task] = deque(_Task(f) for f in largest_first(files))
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
            taken = time.perf_counter()
            try:
                sent, answered = self.pool._convert_one(server, task.docx, self.staging, self.timeout, self.pdfa)
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
                if self.pool.timings is not None:
                    self.pool.timings.append(Timing(str(server), task.docx.name, _size(task.docx), taken, sent,
                                                    answered, time.perf_counter()))

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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _parse_address(text: str, *, tls: bool = False) -> ServerAddress:
    text = text.strip()
    if text.startswith("["):
        host, sep, port = text[1:].partition("]:")
    else:
        host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536 or ("[" in host or "]" in host):
        raise InputError(f"{text!r} is not HOST:PORT (e.g. 127.0.0.1:2003 or [::1]:2003)")
    return ServerAddress(host, int(port), tls)

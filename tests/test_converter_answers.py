"""What a converter sends back is not trusted: an answer that drips in a byte at a time is cut off
at the deadline for the whole answer, and a PDF that does not open or has no pages is an error
(exit 1) in `render` and `pack`, never a traceback or an empty document. A fake unoserver on a
loopback port plays the converter (no LibreOffice needed)."""

from __future__ import annotations

import io
import re
import socket
import threading
import time
import xmlrpc.client
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from conftest import FIXTURE_DIR
from dcity_docs.cli import cli
from dcity_docs.conversion.convert import convert_to_pdf
from dcity_docs.conversion.unoserver import UNOSERVER_API, UnoserverPool
from dcity_docs.errors import ConversionError, EnvironmentProblem

RECORD = FIXTURE_DIR / "DC-2026-030.yaml"


def pageless_pdf() -> bytes:
    buffer = io.BytesIO()
    pikepdf.new().save(buffer)
    return buffer.getvalue()


class FakeUnoserver:
    """Answers ``info`` as unoserver does; ``convert`` as ``mode`` says: ``drip`` (HTTP headers,
    then one byte a second), ``pageless`` or ``broken`` (writes such a PDF where it is asked to)."""

    def __init__(self, mode: str):
        self.mode = mode
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, body = data.split(b"\r\n\r\n", 1)
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head)[1])  # type: ignore[index]
            while len(body) < length:
                body += conn.recv(65536)
            params, method = xmlrpc.client.loads(body)
            if method == "info":
                self._reply(conn, xmlrpc.client.dumps(({"api": UNOSERVER_API, "unoserver": "fake"},),
                                                      methodresponse=True).encode())
            elif self.mode == "drip":
                conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n")
                for _ in range(40):
                    if self.stop.is_set():
                        return
                    try:
                        conn.sendall(b" ")
                    except OSError:
                        return
                    time.sleep(1)
            else:
                Path(params[2]).write_bytes(pageless_pdf() if self.mode == "pageless"
                                            else b"%PDF-1.7\n garbage, no objects \n%%EOF\n")
                self._reply(conn, xmlrpc.client.dumps((None,), methodresponse=True, allow_none=True).encode())

    @staticmethod
    def _reply(conn: socket.socket, payload: bytes) -> None:
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\nContent-Length: %d\r\n\r\n" % len(payload)
                     + payload)

    def close(self) -> None:
        self.stop.set()
        self.listener.close()
        self.thread.join(2)


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> Iterator[FakeUnoserver]:
    server = FakeUnoserver(request.param)
    try:
        yield server
    finally:
        server.close()


def a_docx(tmp_path: Path) -> Path:
    from dcity_docs.output.documents import docx_bytes
    from dcity_docs.record.loading import load_record

    path = tmp_path / "in" / "memorandum.docx"
    path.parent.mkdir()
    path.write_bytes(docx_bytes(load_record(RECORD), "memorandum", "en"))
    return path


@pytest.mark.parametrize("fake", ["drip"], indirect=True)
def test_an_answer_that_drips_in_is_cut_off_at_the_deadline_for_the_whole_answer(
        fake: FakeUnoserver, tmp_path: Path) -> None:
    docx = a_docx(tmp_path)
    out = tmp_path / "out"
    started = time.monotonic()
    with pytest.raises((ConversionError, EnvironmentProblem)) as caught:
        convert_to_pdf([docx], out, timeout=3, converter=UnoserverPool([f"127.0.0.1:{fake.port}"]))
    elapsed = time.monotonic() - started
    assert elapsed < 12, elapsed  # one try and one retry of 3 s each, not 40 s of dripping bytes
    assert "no whole answer within 3 s" in str(caught.value)
    assert not list(out.glob("*.pdf"))


@pytest.mark.parametrize("fake", ["pageless", "broken"], indirect=True)
@pytest.mark.parametrize("command", ["render", "pack"])
def test_a_pdf_without_pages_or_that_does_not_open_is_refused(fake: FakeUnoserver, tmp_path: Path,
                                                            command: str) -> None:
    out = tmp_path / "out"
    args = (["render", "memorandum", str(RECORD), "-l", "en", "-f", "pdf"] if command == "render"
            else ["pack", str(RECORD)])
    result = CliRunner().invoke(cli, [*args, "-o", str(out), "--converter", f"unoserver://127.0.0.1:{fake.port}"])
    assert "Traceback" not in result.output + result.stderr, result.stderr
    assert result.exit_code == 1, result.output + result.stderr
    expected = "a PDF without pages" if fake.mode == "pageless" else "a PDF that does not open"
    assert expected in result.stderr
    assert not list(out.rglob("*.pdf")) and not list(out.glob("DC-*"))


def test_a_pdf_checked_as_it_came_is_not_opened_again_but_a_changed_one_is(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A server's PDF is checked in its thread as it comes; :func:`convert_to_pdf` checks every PDF
    again, and that check is answered from the first as long as the file is the same file (a
    rename keeps it). A file written anew, even with the same name, is opened again: a broken
    answer is never passed for the good one it replaced."""
    from dcity_docs.conversion import base

    opened: list[Path] = []
    real = base._pdf_problem
    monkeypatch.setattr(base, "_pdf_problem", lambda path: opened.append(path) or real(path))
    good = io.BytesIO()
    with pikepdf.new() as doc:
        doc.add_blank_page()
        doc.save(good)
    attempt = tmp_path / ".1.a.pdf"
    attempt.write_bytes(good.getvalue())
    assert base.pdf_problem(attempt) is None
    final = tmp_path / "a.pdf"
    attempt.rename(final)
    assert base.pdf_problem(final) is None
    assert len(opened) == 1  # the renamed file is the file checked
    time.sleep(0.01)
    final.write_bytes(pageless_pdf())  # the same name, another content
    assert base.pdf_problem(final) == "a PDF without pages"
    assert len(opened) == 2


@pytest.mark.parametrize("fake", ["pageless"], indirect=True)
def test_reaching_early_skips_a_server_in_clear_on_another_host(fake: FakeUnoserver,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """``reach`` (render, pack and batch call it while they draft) checks the servers it may
    talk to and opens no connection at all to a plain one on another host: the conversion first
    decides whether anything restricted would travel, and refuses it before sending."""
    opened: list[object] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        opened.append(address)
        return real_connect(self, address)

    real_create = socket.create_connection

    def create_connection(address: object, *args: object, **kwargs: object) -> socket.socket:
        opened.append(address)
        return real_create(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    pool = UnoserverPool([f"127.0.0.1:{fake.port}", "192.0.2.10:2003"])
    pool.reach(timeout=5)
    assert not any("192.0.2.10" in str(a) for a in opened), opened
    assert [str(s) for s in pool._verified] == [f"127.0.0.1:{fake.port}"]

"""Restricted documents to a remote converter only over TLS: ``unoserver+https://`` through a real
TLS proxy (a small relay in this test) in front of a local unoserver, the certificate verified,
and the bytes on the wire captured to show that nothing of the annex travels in clear."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dcity_docs.conversion.servers import LocalUnoservers

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RESTRICTED = FIXTURES / "DC-2026-014.yaml"

pytestmark = pytest.mark.skipif(shutil.which("unoserver") is None or shutil.which("openssl") is None,
                                reason="needs unoserver and openssl")


def certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (its own CA), and its key."""
    cert, key = folder / f"{name}.pem", folder / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", f"/CN={name}", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def _pump(src: socket.socket, dst: socket.socket, seen: list[bytes] | None) -> None:
    try:
        while data := src.recv(65536):
            if seen is not None:
                seen.append(data)
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class Relay:
    """Listens on loopback; each connection is forwarded to ``target``. ``tls``: the relay ends
    TLS with ``cert``/``key`` (a TLS-terminating proxy, as stunnel would). ``wire``: every byte
    the client sent, as it travelled."""

    def __init__(self, target: tuple[str, int], tls: tuple[Path, Path] | None = None):
        self.target = target
        self.context = None
        if tls is not None:
            self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.context.load_cert_chain(str(tls[0]), str(tls[1]))
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.wire: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(client,), daemon=True).start()

    def _one(self, client: socket.socket) -> None:
        if self.context is not None:
            try:
                client = self.context.wrap_socket(client, server_side=True)
            except (ssl.SSLError, OSError):
                client.close()
                return
        upstream = socket.create_connection(self.target)
        threading.Thread(target=_pump, args=(upstream, client, None), daemon=True).start()
        _pump(client, upstream, self.wire)

    def close(self) -> None:
        self.sock.close()

    @property
    def sent(self) -> bytes:
        return b"".join(self.wire)


@pytest.fixture(scope="module")
def unoserver() -> Iterator[tuple[str, int]]:
    group = LocalUnoservers(1, ready_timeout=120)
    with group:
        server = group.servers[0]
        yield server.host, server.port


def render(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dcity_docs", "render", "site-protection-annex", str(RESTRICTED),
                           "-l", "uk", "-f", "pdf", "-o", str(out), *args],
                          capture_output=True, text=True, timeout=300)


def test_a_restricted_annex_converts_through_tls_and_nothing_of_it_travels_in_clear(tmp_path, unoserver):
    cert, key = certificate(tmp_path, "proxy")
    proxy = Relay(unoserver, tls=(cert, key))  # TLS in, plain XML-RPC out to the unoserver
    wire = Relay(("127.0.0.1", proxy.port))  # the network between us and the proxy: captured
    try:
        out = tmp_path / "out"
        result = render(out, "--converter", f"unoserver+https://127.0.0.1:{wire.port}", "--converter-ca", str(cert))
        assert result.returncode == 0, result.stderr
        pdf = out / "DC-2026-014_site-protection-annex_uk_copy-1.pdf"
        from dcity_docs.pdf.reading import pdf_text

        assert "Вереск-17" in pdf_text(pdf)
        # What crossed the network: TLS records only. Behind the proxy, the plain XML-RPC call
        # with the document (base64) is there: the capture works, and the wire has none of it.
        behind = proxy.sent
        assert b"<methodName>convert</methodName>" in behind and b"<base64>" in behind
        on_wire = wire.sent
        assert on_wire and on_wire[0] == 0x16  # a TLS handshake record
        for secret in (b"methodCall", b"base64", b"word/document.xml", "Heather".encode(),
                       "Вереск".encode(), behind[behind.index(b"<base64>") + 8:][:64]):
            assert secret not in on_wire, secret
    finally:
        wire.close()
        proxy.close()


def test_a_wrong_certificate_is_refused_and_nothing_is_sent(tmp_path, unoserver):
    cert, key = certificate(tmp_path, "impostor")
    trusted, _ = certificate(tmp_path, "trusted")
    proxy = Relay(unoserver, tls=(cert, key))
    try:
        out = tmp_path / "out"
        result = render(out, "--converter", f"unoserver+https://127.0.0.1:{proxy.port}", "--converter-ca", str(trusted))
        assert result.returncode != 0
        assert "certificate verify failed" in result.stderr or "CERTIFICATE_VERIFY_FAILED" in result.stderr
        assert proxy.sent == b""  # the handshake failed: no request was ever decrypted
        assert not (out / "DC-2026-014_site-protection-annex_uk_copy-1.pdf").exists()
    finally:
        proxy.close()


def test_plain_unoserver_to_loopback_still_converts_a_restricted_annex(tmp_path, unoserver):
    """A server on this machine is not 'another host': loopback stays as it was."""
    out = tmp_path / "out"
    result = render(out, "--converter", f"unoserver://{unoserver[0]}:{unoserver[1]}")
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("stunnel") is None, reason="needs stunnel (Debian: stunnel4)")
def test_the_readme_stunnel_set_up_converts_a_restricted_annex(tmp_path, unoserver):
    """The README's set-up, as written there but for ports and paths: stunnel terminating TLS in
    front of the unoserver, the client verifying its certificate with --converter-ca."""
    cert, key = certificate(tmp_path, "convert")
    with socket.create_server(("127.0.0.1", 0)) as probe:  # a free port for stunnel to accept on
        port = probe.getsockname()[1]
    conf = tmp_path / "unoserver.conf"
    conf.write_text("foreground = yes\npid =\n\n[unoserver]\n"
                    f"accept  = 127.0.0.1:{port}\nconnect = {unoserver[0]}:{unoserver[1]}\n"
                    f"cert    = {cert}\nkey     = {key}\n", encoding="utf-8")
    proxy = subprocess.Popen(["stunnel", str(conf)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):  # until stunnel listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proxy.poll() is not None:
                    pytest.fail(f"stunnel exited: {proxy.stdout.read().decode(errors='replace')}")
                threading.Event().wait(0.1)
        out = tmp_path / "out"
        result = render(out, "--converter", f"unoserver+https://127.0.0.1:{port}", "--converter-ca", str(cert))
        assert result.returncode == 0, result.stderr
        from dcity_docs.pdf.reading import pdf_text

        assert "Вереск-17" in pdf_text(out / "DC-2026-014_site-protection-annex_uk_copy-1.pdf")
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)

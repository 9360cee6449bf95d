"""A throw-away test PKI made with ``cryptography`` at test time: a CA, signer certificates and
PKCS#12 files (nothing real, nothing committed), and a loopback timestamp authority."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def _name(common: str, org: str = "Test Defence City CA") -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "UA"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, common),
    ])


@dataclass
class CA:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    def pem(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path


def make_ca(common: str = "Test Root CA") -> CA:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(_name(common)).issuer_name(_name(common))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=30)).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return CA(key, cert)


def issue(ca: CA, common: str, *, days: tuple[int, int] = (-1, 365), key=None, tsa: bool = False):  # noqa: ANN001, ANN201
    """A certificate for ``common`` valid from today+days[0] to today+days[1]; returns (key, cert)."""
    key = key or (rsa.generate_private_key(public_exponent=65537, key_size=2048) if tsa
                  else ec.generate_private_key(ec.SECP256R1()))
    now = datetime.now(timezone.utc)
    builder = (
        x509.CertificateBuilder().subject_name(_name(common, "Test Party")).issuer_name(ca.cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now + timedelta(days=days[0])).not_valid_after(now + timedelta(days=days[1]))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=not tsa, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
    )
    if tsa:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    return key, builder.sign(ca.key, hashes.SHA256())


def write_p12(path: Path, key, cert: x509.Certificate, passphrase: bytes, chain=()) -> Path:  # noqa: ANN001
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"signer", key, cert, list(chain), serialization.BestAvailableEncryption(passphrase)))
    return path


class TimestampServer:
    """An RFC 3161 timestamp authority on 127.0.0.1 (pyHanko's DummyTimeStamper behind HTTP)."""

    def __init__(self, ca: CA):
        from asn1crypto import keys as asn1_keys
        from asn1crypto import tsp
        from asn1crypto import x509 as asn1_x509
        from pyhanko.sign.timestamps import DummyTimeStamper

        key, cert = issue(ca, "Test TSA", tsa=True)
        stamper = DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            tsa_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())))

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                answer = asyncio.run(stamper.async_request_tsa_response(tsp.TimeStampReq.load(body))).dump()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def write_mismatched_p12(path: Path, key, cert: x509.Certificate) -> Path:  # noqa: ANN001
    """A PKCS#12 file (no passphrase, no MAC) whose key and certificate do not belong together:
    ``cryptography`` refuses to write one, so it is put together with asn1crypto."""
    from asn1crypto import cms, keys
    from asn1crypto import pkcs12 as p12
    from asn1crypto import x509 as asn1_x509

    attrs = [{"type": "local_key_id", "values": [b"k1"]}]
    info = keys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER,
                                                      serialization.PrivateFormat.PKCS8,
                                                      serialization.NoEncryption()))
    bags = p12.SafeContents([
        p12.SafeBag({"bag_id": "key_bag", "bag_value": info, "bag_attributes": attrs}),
        p12.SafeBag({"bag_id": "cert_bag", "bag_attributes": attrs, "bag_value": p12.CertBag(
            {"cert_id": "x509", "cert_value": asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))})}),
    ])
    safe = p12.AuthenticatedSafe([cms.ContentInfo({"content_type": "data", "content": bags.dump()})])
    path.write_bytes(p12.Pfx({"version": "v3", "auth_safe": cms.ContentInfo(
        {"content_type": "data", "content": safe.dump()})}).dump())
    return path

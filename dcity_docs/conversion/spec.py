"""Reading the CLI's ``--converter`` value into a converter."""

from __future__ import annotations

from dcity_docs.conversion.base import Converter
from dcity_docs.conversion.soffice import SofficeConverter
from pathlib import Path

from dcity_docs.conversion.unoserver import UNOSERVER_SCHEME, UNOSERVER_TLS_SCHEME, UnoserverPool, _parse_address
from dcity_docs.errors import InputError

__all__ = ["converter_from_spec"]


def converter_from_spec(spec: str | None, *, ca: Path | None = None) -> Converter:
    """The converter a ``--converter`` value names: ``soffice`` (a LibreOffice process per call,
    the default), ``unoserver://HOST:PORT[,HOST:PORT...]`` (plain XML-RPC) or
    ``unoserver+https://HOST:PORT[,...]`` (through a TLS proxy; its certificate checked against
    ``ca`` or the system's trust store). Raises :class:`InputError`."""
    if spec is None or spec.strip() in ("", "soffice"):
        if ca is not None:
            raise InputError("--converter-ca is for --converter unoserver+https://HOST:PORT")
        return SofficeConverter()
    spec = spec.strip()
    tls = spec.startswith(UNOSERVER_TLS_SCHEME)
    scheme = UNOSERVER_TLS_SCHEME if tls else UNOSERVER_SCHEME
    if not spec.startswith(scheme):
        raise InputError(f"unknown converter {spec!r}: use 'soffice', 'unoserver://HOST:PORT[,HOST:PORT...]' "
                         "or 'unoserver+https://HOST:PORT[,HOST:PORT...]'")
    addresses = [a for a in spec[len(scheme):].split(",") if a.strip()]
    if not addresses:
        raise InputError(f"{spec!r} names no server: use {scheme}HOST:PORT[,HOST:PORT...]")
    if ca is not None and not tls:
        raise InputError("--converter-ca is for --converter unoserver+https://HOST:PORT")
    if ca is not None and not Path(ca).is_file():
        raise InputError(f"--converter-ca {ca}: no such file")
    return UnoserverPool([_parse_address(a, tls=tls) for a in addresses], ca=ca)

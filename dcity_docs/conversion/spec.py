"""Reading the CLI's ``--converter`` value into a converter."""

from __future__ import annotations

from dcity_docs.conversion.base import Converter
from dcity_docs.conversion.soffice import SofficeConverter
from dcity_docs.conversion.unoserver import UNOSERVER_SCHEME, UnoserverPool, _parse_address
from dcity_docs.errors import InputError

__all__ = ["converter_from_spec"]


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

"""Reading a PDF for signing and verifying (pyHanko's reader): what is not a PDF is one clear
message, and the signature fields with whether each is signed."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from dcity_docs.errors import InputError

__all__ = ["field_states", "open_reader", "read_pdf"]


def read_pdf(pdf: Path) -> bytes:
    """The bytes of a file that at least starts like a PDF."""
    try:
        data = Path(pdf).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {pdf}: {exc.strerror}") from None
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{pdf} is not a PDF")
    return data


def open_reader(pdf: Path, data: bytes) -> Any:
    """A pyHanko reader of ``data`` (the bytes of ``pdf``)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        reader.root  # noqa: B018 - reading the catalog is the check
        return reader
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"{pdf} is not a readable PDF: {exc}") from None


def field_states(reader: Any) -> dict[str, bool]:
    """The signature fields by name: True where a field is signed."""
    from pyhanko.sign.fields import enumerate_sig_fields

    return {name: value is not None for name, value, _ in enumerate_sig_fields(reader)}

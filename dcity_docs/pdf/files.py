"""Opening a PDF to change it and writing it back atomically and deterministically (pikepdf):
what every finishing step of :mod:`dcity_docs.pdf.pdfs` and :mod:`dcity_docs.pdf.signature_fields`
shares."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pikepdf
from pikepdf import Name, Pdf

from dcity_docs.errors import ConversionError, InputError, OutputError

__all__ = ["open_pdf", "save_pdf"]


def open_pdf(pdf: Path) -> Pdf:
    """For changing a file (pikepdf). Opened from its path: qpdf reads a file ~3x faster than a
    Python stream. The file may be replaced while open (POSIX keeps the old one for the reader)."""
    try:
        return Pdf.open(pdf)
    except FileNotFoundError as exc:
        raise InputError(f"cannot read {pdf}: {exc}") from exc
    except (pikepdf.PdfError, ValueError) as exc:
        raise ConversionError(f"{pdf} is not a readable PDF: {exc}") from exc


def save_pdf(doc: Pdf, dest: Path, min_version: str = "", *, close: bool = True) -> None:
    """Write ``doc`` to ``dest`` atomically (a temporary name, fsync, rename): only the objects
    still reachable, new streams compressed (the XMP packet stays plain, as PDF/A wants), an /ID
    that is a hash of the content and no current time, so the same input gives the same bytes.
    Closes ``doc`` unless ``close`` is false."""
    for key in (Name.ID, Name.DocChecksum):  # LibreOffice's random ones (qpdf would keep the /ID)
        if key in doc.trailer:
            del doc.trailer[key]
    dest = Path(dest)
    try:
        mode = dest.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp_name = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        os.close(fd)
        doc.save(tmp_name, deterministic_id=True, fix_metadata_version=False, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve, min_version=min_version)
        if close:
            doc.close()
        fd = os.open(tmp_name, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, dest)
        tmp_name = None
    except OSError as exc:
        raise OutputError(f"cannot write {dest}: {exc}") from exc
    except pikepdf.PdfError as exc:
        raise ConversionError(f"cannot write {dest}: {exc}") from exc
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)

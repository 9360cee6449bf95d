"""Reading and writing the PDFs LibreOffice writes (pikepdf writes; pypdf reads text).

Why two PDF libraries: finishing a pack rewrites every PDF LibreOffice made, and pypdf (pure
Python) spent ≈0.13 s of CPU per document parsing and re-serialising it, more than the batch
could hide behind LibreOffice; pikepdf (qpdf, C++) does the same rewrite in ≈8 ms. pypdf stays
for text extraction (pikepdf has none) and, in the tests, as an independent reader.

Every function of this package that changes a PDF rewrites it atomically (:func:`_save`): the new
file is written next to the old one under a temporary name and moved over it with
:func:`os.replace`, so a failure leaves the old file untouched.

Determinism.  LibreOffice puts the conversion time (``/CreationDate``, XMP
``CreateDate``) and a random ``/ID`` in every PDF; everything else is the same
from run to run.  Here:

* nothing ever writes the current time: ``/CreationDate`` is kept as
  LibreOffice wrote it, no ``/ModDate`` is added;
* ``set_metadata(..., fixed_date=...)`` / ``merge_pdfs(..., fixed_date=...)``
  replace ``/CreationDate`` with the given date and drop ``/ModDate`` (pass the
  agreement date or ``SOURCE_DATE_EPOCH``, see
  :func:`~dcity_docs.settings.source_date_epoch`);
* every file written here gets an ``/ID`` computed from its own bytes (qpdf's deterministic ID).

So a document whose metadata was set with a fixed date is byte-identical from
one run to the next, watermark and outline included.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf
from pikepdf import Name, Pdf

if TYPE_CHECKING:
    from pypdf import PdfReader

from dcity_docs.errors import ConversionError, InputError, OutputError
from dcity_docs.files import refuse_link, temp_file


def _bytes(pdf: Path) -> bytes:
    try:
        return Path(pdf).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {pdf}: {exc}") from exc


def _read(pdf: Path) -> "PdfReader":
    """For reading text and outlines (pypdf), from memory (so the file can be replaced). pypdf is
    loaded here, when text is read, not by every command that finishes a PDF (a third of a second
    with its cryptography providers)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return PdfReader(io.BytesIO(_bytes(pdf)))
    except (PyPdfError, ValueError) as exc:
        raise ConversionError(f"{pdf} is not a readable PDF: {exc}") from exc


def _open(pdf: Path) -> Pdf:
    """For changing a file (pikepdf). Opened from its path: qpdf reads a file ~3x faster than a
    Python stream. The file may be replaced while open (POSIX keeps the old one for the reader)."""
    try:
        return Pdf.open(pdf)
    except FileNotFoundError as exc:
        raise InputError(f"cannot read {pdf}: {exc}") from exc
    except (pikepdf.PdfError, ValueError) as exc:
        raise ConversionError(f"{pdf} is not a readable PDF: {exc}") from exc


def _save(doc: Pdf, dest: Path, min_version: str = "", *, close: bool = True) -> None:
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
        refuse_link(dest)
        fd, tmp_name = temp_file(dest.parent, dest.name)
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

"""DOCX -> PDF: :func:`convert_to_pdf` checks the inputs, has a converter write the PDFs into a
hidden staging folder inside ``out_dir`` and moves them into place with :func:`os.replace` only
once every document converted, so a failure never leaves a half-written PDF and never replaces
a good old one.

This package is a library: it never prints and never exits.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection, Sequence
from pathlib import Path

from dcity_docs.conversion.base import Converter, _expected, _names, pdf_problem
from dcity_docs.conversion.soffice import SofficeConverter
from dcity_docs.errors import ConversionError, InputError, OutputError
from dcity_docs.files import file_mode, refuse_link, staging_folder

__all__ = ["convert_to_pdf"]


def convert_to_pdf(
    docx_files: Sequence[Path],
    out_dir: Path,
    *,
    timeout: float = 120,
    pdfa: bool = False,
    workers: int = 1,
    converter: Converter | None = None,
    restricted: Collection[Path] = (),
) -> list[Path]:
    """Convert documents to PDF; return ``out_dir / (stem + ".pdf")`` for each, in input order.

    ``timeout`` is in seconds per LibreOffice call (a call converts up to
    :data:`BATCH_SIZE` documents; one document for a unoserver).  ``pdfa`` selects PDF/A-2b.
    ``workers`` LibreOffice processes run at once (each with its own profile).  ``converter``:
    who converts (default: a LibreOffice process per call; the caller passes its options' converter).

    ``restricted``: those of ``docx_files`` that are restricted documents: their PDFs are 0600
    (the others get the user's umask), and a converter that would send them unencrypted to
    another host is refused before anything is sent.

    All or nothing: if any document fails, :class:`ConversionError` names it
    and ``out_dir`` is left as it was.
    """
    files = [Path(f) for f in docx_files]
    private = {Path(f).absolute() for f in restricted}
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
    private_resolved = {f.resolve() for f in private}
    converter = converter or SofficeConverter()
    if converter.sends_in_clear():
        refused = [f for f in files if f.absolute() in private]
        if refused:  # before anything is sent to any server
            raise ConversionError(
                f"{_names(refused)} is restricted and would be sent unencrypted to another host "
                f"by {converter!r}; convert it on this machine (--converter soffice, or a unoserver on "
                "127.0.0.1) and keep the remote server for unrestricted documents")
    converter.check()

    # Absolute: LibreOffice runs in a folder of its own (cwd), where a relative --outdir would
    # point somewhere else (``pack -o out/`` found no PDFs).
    out_dir = Path(out_dir).absolute()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write to {out_dir}: {exc}") from exc
    staging = staging_folder(out_dir, "dcity-pdf")

    try:
        converter.convert(files, staging, timeout=timeout, pdfa=pdfa, workers=workers)

        # Everything converted: move into place, one atomic rename per file.
        results = []
        for f in files:
            src = _expected(staging, f)
            problem = pdf_problem(src)
            if problem is not None:
                raise ConversionError(f"the converter ({converter!r}) returned {problem} for {f}")
            dest = out_dir / src.name
            try:
                # A restricted document's PDF is 0600; the others get the user's umask, whatever
                # mode the converter wrote them with.
                os.chmod(src, file_mode(f in private_resolved))
                refuse_link(dest)
                os.replace(src, dest)
            except OSError as exc:
                raise OutputError(f"cannot write {dest}: {exc}") from exc
            results.append(dest)
        return results
    finally:
        shutil.rmtree(staging, ignore_errors=True)

"""The one way output is made: render DOCX -> convert to PDF -> finish the PDFs -> place them.

`render`, `pack`, `batch` and the reports all go through these four phases. A single command
calls :func:`make`; a pack and a batch call the phases one by one, because a batch drafts in
worker processes, converts the files of many packs in one LibreOffice call and finishes them in
the workers again. Work is done in a hidden folder inside the output folder and renamed into
place, so an interrupted run never leaves a half-made or unmarked file behind.

Finishing a PDF is a list of steps over the open document (:data:`FINISHING`), after the metadata,
outline and draft mark every PDF gets: a feature that adds something to every PDF (signature
fields, marking) appends one step here, once, instead of in every caller.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Collection, Sequence

from dcity_docs.errors import OutputError
from dcity_docs.files import file_mode, replace_into, staging_folder, write_atomic
from dcity_docs.output.options import OutputOptions

if TYPE_CHECKING:
    from pikepdf import Pdf

    from dcity_docs.pdf.outline import Bookmark

Outline = Callable[[list["Bookmark"]], Sequence["Bookmark"]]


@dataclass(frozen=True)
class PdfFinish:
    """What finishing writes into one PDF: document properties (title, subject, author, /Lang and
    XMP), the outline made from LibreOffice's bookmarks (None: left as it is) and the diagonal
    draft mark (None: no mark)."""

    title: str
    subject: str
    author: str
    language: str
    keywords: str | None = None
    fixed_date: datetime | None = None
    outline: Outline | None = None
    watermark: str | None = None


@dataclass
class Planned:
    """One document the pipeline makes: the name of its files (without suffix), its DOCX bytes
    and how its PDF is finished. ``keep_open``: the finished PDF is returned still open, for a
    merge that need not read it again. ``info``: whatever a finishing step needs to know of the
    document (its party and signatories, its marking). ``marking``: the document's classification
    (``public``, ``restricted`` or ``secret``); a restricted one and its temporary copies are
    written with mode 0600. ``copy``: the number of a numbered copy (its header prints it on every
    page, its name ends in it); None for a document issued as one file."""

    name: str
    docx: bytes
    finish: PdfFinish
    keep_open: bool = False
    info: dict[str, object] = field(default_factory=dict)
    marking: str = "public"
    copy: int | None = None

    @property
    def restricted(self) -> bool:
        """Restricted or higher: private files, never sent in clear to another host."""
        return is_restricted(self.marking)


MARKINGS = ("public", "restricted", "secret")
"""The classification levels, lowest first (a pack's marking is the highest of its parts)."""


def is_restricted(marking: str) -> bool:
    return MARKINGS.index(marking) >= MARKINGS.index("restricted")


def highest(markings: Sequence[str]) -> str:
    """The highest of some markings (``public`` for none)."""
    return max(markings, key=MARKINGS.index, default="public")


FinishStep = Callable[["Pdf", Planned, Path], None]
"""A change to an open, finished PDF before it is written (see :data:`FINISHING`): the document,
what the pipeline knows of it, and the file LibreOffice wrote (its text layer as converted)."""


def signature_fields(doc: "Pdf", item: Planned, pdf: Path) -> None:
    """One empty signature field per signatory, over the line LibreOffice put their signature on
    (a document without signature blocks, or made with ``signature_fields=False``, gets none)."""
    if not item.info.get("signature_fields"):
        return
    from dcity_docs.pdf.signature_fields import apply_signature_fields, signers

    people = signers(item.info["record"], item.info["draft"], item.info["mode"])  # type: ignore[arg-type]
    if people:
        apply_signature_fields(doc, pdf, people, strict=False)


FINISHING: list[FinishStep] = [signature_fields]
"""Steps every PDF goes through after its metadata, outline and draft mark, in order."""


def write_docx(planned: Sequence[Planned], work: Path) -> list[Path]:
    """Phase 1: the DOCX files, written into the work folder."""
    paths = []
    for item in planned:
        path = work / f"{item.name}.docx"
        write_atomic(path, item.docx, private=item.restricted)
        paths.append(path)
    return paths


@contextmanager
def converter_ready(options: OutputOptions, workers: int = 1) -> Iterator[OutputOptions]:
    """The options, their converter made ready now for the conversion to come: LibreOffice
    started (``workers`` processes), or the servers reached (:meth:`Converter.reach`), while the
    caller drafts and renders; released when the block ends, however it ends. Nothing happens
    without PDFs."""
    if not options.pdf:
        yield options
        return
    if options.converter is None:
        from dcity_docs.conversion.soffice import SofficeConverter

        options = options.but(converter=SofficeConverter())
    converter = options.converter
    assert converter is not None
    converter.reach(workers=workers)
    try:
        yield options
    finally:
        converter.close()


def convert(docx_files: Sequence[Path], work: Path, options: OutputOptions, *, workers: int = 1,
            restricted: Collection[Path] = ()) -> list[Path]:
    """Phase 2: PDFs of the DOCX files, in the work folder, through the options' converter
    (``workers`` LibreOffice processes at once for the default one). All or nothing.
    ``restricted``: the restricted ones among them (private PDFs, never sent in clear)."""
    if not docx_files:
        return []
    from dcity_docs.conversion.convert import convert_to_pdf

    return convert_to_pdf(list(docx_files), work, timeout=options.timeout, pdfa=options.pdfa,
                          workers=max(1, min(workers, len(docx_files))), converter=options.converter,
                          restricted=restricted)


def finish(pdf: Path, item: Planned, steps: Sequence[FinishStep] | None = None) -> "Pdf | None":
    """Phase 3: metadata, outline, draft mark, then every step of :data:`FINISHING`, in one read
    and one write of the file; returns the document still open when ``item.keep_open``."""
    from dcity_docs.pdf.finishing import finish as finish_pdf

    try:  # LibreOffice wrote it privately (umask 077); the finished file keeps this mode
        os.chmod(pdf, file_mode(item.restricted))
    except OSError as exc:
        raise OutputError(f"cannot write {pdf}: {exc.strerror}") from None
    spec = item.finish
    todo = list(FINISHING if steps is None else steps)
    return finish_pdf(
        pdf,
        keep_open=item.keep_open,
        title=spec.title,
        subject=spec.subject,
        author=spec.author,
        language=spec.language,
        keywords=spec.keywords,
        fixed_date=spec.fixed_date,
        outline=spec.outline,
        watermark=spec.watermark,
        edits=[lambda doc, step=step: step(doc, item, pdf) for step in todo],
    )


def place(files: Sequence[Path], out_dir: Path) -> list[Path]:
    """Phase 4: rename finished files from the work folder into ``out_dir`` (atomic, one by one)."""
    return [replace_into(path, out_dir / path.name) for path in files]


def make(planned: Sequence[Planned], out_dir: Path, options: OutputOptions, *, label: str,
         workers: int = 1) -> list[Path]:
    """All four phases for documents that are made together and placed as they are (``render``,
    the reports): returns the files written into ``out_dir``, DOCX and/or PDF as the options ask.

    ``label`` names the hidden work folder (``.{label}.*.partial``). Without PDFs nothing needs a
    work folder: every DOCX is rendered before any is written, then written in place atomically.
    """
    if not options.pdf:
        written = []
        for item in planned:
            path = out_dir / f"{item.name}.docx"
            write_atomic(path, item.docx, private=item.restricted)
            written.append(path)
        return written
    work = staging_folder(out_dir, label)
    try:
        docx_files = write_docx(planned, work)
        pdf_files = convert(docx_files, work, options, workers=workers,
                            restricted=[f for f, item in zip(docx_files, planned) if item.restricted])
        for pdf, item in zip(pdf_files, planned, strict=True):
            finish(pdf, item)
        return place((docx_files if options.docx else []) + pdf_files, out_dir)
    except OSError as exc:
        raise OutputError(f"cannot write into {out_dir}: {exc.strerror}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)

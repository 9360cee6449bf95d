"""Batch production of document packs: many records (files, folders, registers) into one folder.

``run_batch`` makes ``OUT/{id}/`` for every valid record exactly as ``dcity-docs pack`` does
(:func:`packs.prepare_pack` → LibreOffice → :func:`packs.finish_pack`), then the batch report and
the portfolio register (:mod:`reports`). How:

* Records stream through in windows (memory stays flat however long the batch), pipelined so
  LibreOffice hardly ever waits: while the DOCX files of window k convert (in this process: ``jobs``
  LibreOffice processes, up to :data:`conversion.BATCH_SIZE` documents a call), the pool of
  ``jobs`` worker processes finishes the packs of window k-1 and drafts window k+1; at most three
  windows are in flight. Only the first drafting and the last finishing are not overlapped, so
  windows are small: about one call per LibreOffice process (:data:`RECORDS_PER_WORKER`).
  DOCX only: windows of ``2 * jobs`` records.
* Once every record has been read, the portfolio register is drawn in the pool while the last
  windows convert; at the end only the batch report is left to make (and the register again if a
  pack failed after all).
* One bad record never stops the batch: it is listed with all its problems and the rest go on.
  A conversion failure is narrowed down to the records it concerns. Only a missing environment
  (no LibreOffice) stops everything.
* Packs are built in hidden ``.{id}.*.partial`` folders and renamed into place, so an interrupted
  batch leaves no half-written pack; leftovers of a killed batch are removed when the next one
  starts. A pack whose manifest's ``inputs_sha256`` (record, templates, catalogs, version,
  options) is unchanged is skipped, so the same command again finishes what was left.
* ``OUT/.dcity-batch.lock`` (``flock``) keeps a second batch out of the same folder: it is
  refused at once, or waits with ``wait=True``.

Library code: progress goes to a callback, nothing is printed.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import re
import shutil
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal, ParamSpec, TypeVar

from dcity_docs.wording.catalogs import catalogs_for
from dcity_docs.conversion.converters import BATCH_SIZE, convert_to_pdf
from dcity_docs.output.documents import DOCUMENTS, MODES
from dcity_docs.errors import (ConversionError, DcityError, EnvironmentProblem, InputError, OutputError, RecordInvalid,
                               printable)
from dcity_docs.record.loading import load_record_and_bytes, record_files
from dcity_docs.record.models import Record
from dcity_docs.output.packs import COVER_TEMPLATE, MANIFEST, PackJob, finish_pack, inputs_sha256, prepare_pack
from dcity_docs.record.registers import RegisterRow, is_other_spreadsheet, is_register, read_register, validate_row
from dcity_docs.layout.rendering import staging_folder

if TYPE_CHECKING:
    from dcity_docs.reports.reports import Report

LOCK_NAME = ".dcity-batch.lock"
DOCUMENTS_PER_RECORD = len(DOCUMENTS) * len(MODES) + 1
"""DOCX files a record gives LibreOffice at most (every agreement in every language, the cover)."""
RECORDS_PER_WORKER = BATCH_SIZE // DOCUMENTS_PER_RECORD
"""Records of a window per worker: about one LibreOffice call each (the first window is a little
larger, one full call each). Small windows keep the last finishing, which nothing overlaps, short;
they cost nothing in LibreOffice start-ups, as calls never take more than BATCH_SIZE documents."""

Status = Literal["made", "skipped", "failed"]


# --- what a batch reports ------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentHash:
    file: str
    sha256: str


@dataclass(frozen=True)
class VentureSummary:
    """What the portfolio register needs of one venture (a few fields, not the whole record)."""

    id: str
    name_uk: str
    name_en: str
    stage: str
    placement: str
    country: str
    products: tuple[str, ...]
    amount: Decimal
    currency: str

    @classmethod
    def of(cls, record: Record) -> VentureSummary:
        v = record.venture
        return cls(record.id, v.name.uk, v.name.en, record.stage, v.placement, v.country,
                   tuple(p.value for p in v.products), v.capital.amount, v.capital.currency)


@dataclass(frozen=True)
class RecordResult:
    """One input record: its pack made or skipped (with the documents' hashes), or its problems."""

    origin: str  # the file as given, or FILE:ROW for a register
    status: Status
    id: str | None = None
    documents: tuple[DocumentHash, ...] = ()
    problems: tuple[str, ...] = ()
    venture: VentureSummary | None = None


@dataclass
class BatchResult:
    out_dir: Path
    results: list[RecordResult] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)

    def _with(self, status: Status) -> list[RecordResult]:
        return [r for r in self.results if r.status == status]

    @property
    def made(self) -> list[RecordResult]:
        return self._with("made")

    @property
    def skipped(self) -> list[RecordResult]:
        return self._with("skipped")

    @property
    def failed(self) -> list[RecordResult]:
        return self._with("failed")

    @property
    def ventures(self) -> list[VentureSummary]:
        """Every venture with a pack (made now or before), for the portfolio register."""
        return [r.venture for r in self.results if r.status != "failed" and r.venture is not None]


@dataclass(frozen=True)
class BatchEvent:
    """Progress of a batch, for the caller to show (a bar, log lines) as it likes.

    ``kind``: ``waiting`` (for another batch's lock), ``start`` (``total`` records), ``phase``
    (``message``: what the batch is doing now), ``record`` (``result`` of one record; ``done`` of
    ``total``), ``reports`` (writing the reports).
    """

    kind: Literal["waiting", "start", "phase", "record", "reports"]
    done: int = 0
    total: int = 0
    result: RecordResult | None = None
    message: str = ""


Progress = Callable[[BatchEvent], None]


class BatchBusy(InputError):
    """Another batch is writing into the same output folder."""


# --- inputs --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileInput:
    path: Path

    @property
    def origin(self) -> str:
        return printable(str(self.path))  # shown in messages and reports: control characters escaped


@dataclass(frozen=True)
class RowInput:
    row: RegisterRow

    @property
    def origin(self) -> str:
        return self.row.origin


@dataclass(frozen=True)
class BrokenInput:
    """A register (or part of one) that cannot be read at all."""

    origin: str
    problems: tuple[str, ...]


Input = FileInput | RowInput | BrokenInput


def iter_inputs(paths: Sequence[Path]) -> Iterator[Input]:
    """Record files, the record files of folders, and the rows of registers, lazily, in order.

    A folder gives its record files (YAML, JSON), not registers; a path given twice is read once.
    """
    seen: set[str] = set()
    for given in paths:
        try:
            expanded = record_files([given]) if given.is_dir() else [given]
        except RecordInvalid as exc:  # a folder without records
            yield BrokenInput(printable(str(given)), tuple(str(p) for p in exc.problems))
            continue
        for path in expanded:
            key = os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            if is_register(path) or is_other_spreadsheet(path):
                for item in read_register(path):
                    if isinstance(item, RecordInvalid):
                        yield BrokenInput(printable(str(path)), tuple(str(p) for p in item.problems))
                    else:
                        yield RowInput(item)
            else:
                yield FileInput(path)


def count_inputs(paths: Sequence[Path]) -> int:
    """How many records :func:`iter_inputs` gives (registers are streamed through once)."""
    return sum(1 for _ in iter_inputs(paths))


# --- the output folder: lock, leftovers, current packs -------------------------------------------


class BatchLock:
    """``OUT/.dcity-batch.lock`` held with ``flock`` for the whole batch (released if killed)."""

    def __init__(self, out_dir: Path, *, wait: bool = False, on_wait: Callable[[str], None] | None = None):
        self.path = out_dir / LOCK_NAME
        self.wait = wait
        self.on_wait = on_wait
        self.fd: int | None = None

    def __enter__(self) -> BatchLock:
        import fcntl

        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write into {self.path.parent}: {exc.strerror}") from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
                who = f" (process {holder})" if holder.isdigit() else ""
                message = f"another batch is writing into {self.path.parent}{who}"
                if not self.wait:
                    raise BatchBusy(f"{message}; wait for it to finish, or use --wait to wait for it") from None
                if self.on_wait:
                    self.on_wait(f"{message}; waiting for it to finish")
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


_OLD_PACK = re.compile(r"^\.(?P<name>[A-Z0-9][A-Z0-9-]{2,31})\.old-[0-9]+$")
_TEMP_FILE = re.compile(r"^\..+\.(part|tmp)$")


def remove_leftovers(out_dir: Path) -> int:
    """Remove what an interrupted run left in ``out_dir``; returns how many entries.

    Hidden ``*.partial`` folders (packs and reports being built), LibreOffice staging folders,
    temporary files of atomic writes. A pack moved aside as ``.{id}.old-PID`` just before being
    replaced is put back where the new pack never arrived. Only called with the batch lock held.
    """
    removed = 0
    try:
        entries = sorted(out_dir.iterdir())
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not name.startswith(".") or name == LOCK_NAME:
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                old = _OLD_PACK.match(name)
                if old and not (out_dir / old["name"]).exists():
                    os.replace(entry, out_dir / old["name"])
                    removed += 1
                elif old or name.endswith(".partial") or name.startswith(".dcity-pdf-"):
                    shutil.rmtree(entry)
                    removed += 1
            elif _TEMP_FILE.match(name):
                entry.unlink()
                removed += 1
        except OSError as exc:
            raise OutputError(f"cannot remove {entry}, left by an interrupted run: {exc.strerror}") from None
    return removed


def current_documents(folder: Path, digest: str) -> tuple[DocumentHash, ...] | None:
    """The documents of the pack in ``folder`` if it is whole and made from inputs with ``digest``."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("inputs_sha256") != digest:
            return None
        documents = []
        for entry in manifest["files"]:
            name = entry["file"]
            if not isinstance(name, str) or "/" in name or name.startswith("."):
                return None
            if (folder / name).stat().st_size != entry["size"]:
                return None
            documents.append(DocumentHash(name, str(entry["sha256"])))
        present = {p.name for p in folder.iterdir()} - {MANIFEST}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if present != {d.file for d in documents}:
        return None
    return tuple(documents)


def _documents_of(folder: Path) -> tuple[DocumentHash, ...]:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return tuple(DocumentHash(e["file"], e["sha256"]) for e in manifest["files"])


# --- work done in the pool (module level, so worker processes can run it) ------------------------


@dataclass(frozen=True)
class _Settings:
    out_dir: Path
    formats: tuple[str, ...]
    pdfa: bool
    templates: Path | None = None


@dataclass
class _Prepared:
    origin: str
    venture: VentureSummary
    job: PackJob
    index: int = 0  # place in the batch's inputs (set by the batch, not the worker)


_Converted = tuple[_Prepared, list[Path]]  # a pack to finish, with its PDFs
_Finishing = tuple[_Prepared, Future[RecordResult]]  # a pack being finished in the pool


def _failed(origin: str, problems: Iterable[str], record_id: str | None = None) -> RecordResult:
    return RecordResult(origin, "failed", record_id, problems=tuple(problems))


def _unexpected(origin: str, exc: Exception) -> str:
    return f"{origin}: unexpected error (please report it): {type(exc).__name__}: {exc}"


def _load(item: Input) -> tuple[Record, bytes]:
    if isinstance(item, FileInput):
        return load_record_and_bytes(item.path)
    assert isinstance(item, RowInput)
    return validate_row(item.row), item.row.record_bytes


def _prepare(item: Input, settings: _Settings) -> RecordResult | _Prepared:
    """Validate one record; skip its pack if current, else draft its DOCX files (phase 1)."""
    if isinstance(item, BrokenInput):
        return _failed(item.origin, item.problems)
    record_id = None
    try:
        record, record_bytes = _load(item)
        record_id = record.id
        venture = VentureSummary.of(record)
        digest = inputs_sha256(record_bytes, formats=settings.formats, pdfa=settings.pdfa,
                               templates=settings.templates)
        documents = current_documents(settings.out_dir / record.id, digest)
        if documents is not None:
            return RecordResult(item.origin, "skipped", record.id, documents, venture=venture)
        job = prepare_pack(record, settings.out_dir, record_bytes=record_bytes, formats=settings.formats,
                           pdfa=settings.pdfa, templates=settings.templates)
        return _Prepared(item.origin, venture, job)
    except RecordInvalid as exc:
        return _failed(item.origin, (str(p) for p in exc.problems), record_id)
    except EnvironmentProblem:
        raise
    except DcityError as exc:
        return _failed(item.origin, [f"{item.origin}: {exc}"], record_id)
    except Exception as exc:  # noqa: BLE001 - one broken record must not stop the batch
        return _failed(item.origin, [_unexpected(item.origin, exc)], record_id)


def _finish(prepared: _Prepared, pdf_paths: list[Path]) -> RecordResult:
    """Phase 3: PDFs finished, pack merged, manifest written, folder renamed into place."""
    try:
        pack = finish_pack(prepared.job, pdf_paths)
        documents = _documents_of(pack.folder)
    except EnvironmentProblem:
        raise
    except DcityError as exc:
        return _failed(prepared.origin, [f"{prepared.origin}: {exc}"], prepared.venture.id)
    except Exception as exc:  # noqa: BLE001
        prepared.job.abort()
        return _failed(prepared.origin, [_unexpected(prepared.origin, exc)], prepared.venture.id)
    return RecordResult(prepared.origin, "made", prepared.venture.id, documents, venture=prepared.venture)


def _portfolio_register(ventures: list[VentureSummary]) -> Report:
    """In a worker: the register's DOCX (matplotlib and the report templates load only here)."""
    from dcity_docs.reports.reports import portfolio_register

    return portfolio_register(ventures)


def _worker_init(lock_fd: int | None, parent: int) -> None:
    """In each worker process: drop the inherited lock, die with the batch, leave Ctrl-C to it."""
    if lock_fd is not None:  # forked: the lock's descriptor came along
        try:
            os.close(lock_fd)
        except OSError:
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: killed when the batch process dies
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the batch died before the line above took effect
        os._exit(1)


P = ParamSpec("P")
R = TypeVar("R")


class _Inline(Executor):
    """The pool for ``jobs=1``: each call runs at once, in this process (no overlap)."""

    def submit(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        future: Future[R] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - raised by result(), as a worker's would be
            future.set_exception(exc)
        return future


def _warm() -> None:
    """Read the catalogs and compile the templates once, before worker processes are forked."""
    from dcity_docs.layout.rendering import compiled
    from dcity_docs.resources import templates_dir

    try:
        catalogs_for()
        for doc in DOCUMENTS.values():
            compiled(templates_dir() / doc.template)
        compiled(templates_dir() / COVER_TEMPLATE)
    except DcityError:
        pass  # each record will report it


# --- the batch -----------------------------------------------------------------------------------


class _Batch:
    def __init__(self, out_dir: Path, formats: tuple[str, ...], pdfa: bool, jobs: int, timeout: float,
                 progress: Progress, templates: Path | None = None, reports: bool = False):
        self.settings = _Settings(out_dir, formats, pdfa, templates)
        self.out_dir = out_dir
        self.jobs = jobs
        self.timeout = timeout
        self.progress = progress
        self.result = BatchResult(out_dir)
        self.outcomes: list[tuple[int, RecordResult]] = []  # (place in the inputs, outcome)
        self.taken = 0  # inputs read so far
        self.total = 0
        self.claimed: dict[str, str] = {}  # id -> origin of the record that has it
        self.open_jobs: dict[int, PackJob] = {}  # drafted, not yet finished or aborted
        self.preparing: deque[tuple[int, Future[RecordResult | _Prepared]]] = deque()  # index, drafting
        self.pool: Executor = _Inline()
        self.reports = reports  # whether the portfolio register will be made
        self.early_portfolio: tuple[list[VentureSummary], Future[Report]] | None = None

    @property
    def pdf(self) -> bool:
        return "pdf" in self.settings.formats

    def window_sizes(self) -> Iterator[int]:
        """Records per window (see the module docstring and :data:`RECORDS_PER_WORKER`)."""
        if not self.pdf:
            return itertools.repeat(2 * self.jobs)
        first = max(1, self.jobs * BATCH_SIZE // DOCUMENTS_PER_RECORD)
        return itertools.chain([first], itertools.repeat(self.jobs * RECORDS_PER_WORKER))

    def _record(self, index: int, result: RecordResult) -> None:
        self.outcomes.append((index, result))
        self.progress(BatchEvent("record", len(self.outcomes), self.total, result))

    def results(self) -> list[RecordResult]:
        """Every outcome in the order of the inputs (they complete in another order)."""
        return [result for _, result in sorted(self.outcomes, key=lambda pair: pair[0])]

    def _claim(self, record_id: str, origin: str) -> str | None:
        """None if the id is new in this batch, else the origin of the record that has it."""
        first = self.claimed.setdefault(record_id, origin)
        return None if first == origin else first

    def start_pool(self, lock_fd: int | None) -> None:
        if self.jobs > 1:
            _warm()  # forked workers start with the catalogs read and the templates compiled
            fork = "fork" in multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if fork else None)
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_worker_init,
                                            initargs=(lock_fd if fork else None, os.getpid()))

    def _open(self, job: PackJob) -> None:
        self.open_jobs[id(job)] = job

    def _drop(self, job: PackJob, abort: bool = False) -> None:
        self.open_jobs.pop(id(job), None)
        if abort:
            job.abort()

    def _duplicate(self, origin: str, record_id: str, first: str) -> RecordResult:
        return _failed(origin, [f"{origin}: the id {record_id} is also the id of {first}; each venture "
                                "needs its own id"], record_id)

    def run(self, inputs: Sequence[Path]) -> None:
        """The pipeline: while window k converts here, the pool finishes k-1 and drafts k+1."""
        items = iter_inputs(inputs)
        sizes = self.window_sizes()
        try:
            self._submit_prepare(items, next(sizes))
            converted: list[_Converted] = []
            while self.preparing:
                prepared = self._collect_prepared()
                self._submit_prepare(items, next(sizes))
                finishing = self._submit_finish(converted)
                if not self.preparing:  # every record read: the register's ventures are known
                    self._foresee_portfolio(prepared + [p for p, _ in converted])
                converted = self._convert(prepared)
                self._collect_finished(finishing)
            self._collect_finished(self._submit_finish(converted))
        except BrokenProcessPool:
            raise DcityError("a worker process died unexpectedly (out of memory?); run the same command "
                             "again: the packs already made are kept and skipped") from None

    def _submit_prepare(self, items: Iterator[Input], size: int) -> None:
        for item in itertools.islice(items, size):
            self.preparing.append((self.taken, self.pool.submit(_prepare, item, self.settings)))
            self.taken += 1

    def _collect_prepared(self) -> list[_Prepared]:
        """The window's outcomes in input order: ids claimed, failures and skips recorded."""
        prepared: list[_Prepared] = []
        while self.preparing:
            index, future = self.preparing[0]
            outcome = future.result()
            if isinstance(outcome, _Prepared):
                self._open(outcome.job)  # before it leaves self.preparing: close() always finds it
            self.preparing.popleft()
            if not isinstance(outcome, _Prepared):
                first = self._claim(outcome.id, outcome.origin) if outcome.status == "skipped" and outcome.id else None
                self._record(index, self._duplicate(outcome.origin, outcome.id, first) if first and outcome.id
                             else outcome)
                continue
            outcome.index = index
            first = self._claim(outcome.venture.id, outcome.origin)
            if first is None:
                prepared.append(outcome)
            else:
                self._drop(outcome.job, abort=True)
                self._record(index, self._duplicate(outcome.origin, outcome.venture.id, first))
        return prepared

    def _foresee_portfolio(self, pending: list[_Prepared]) -> None:
        """Draw the portfolio register in the pool while LibreOffice converts the last windows
        (DOCX only: nothing to overlap, and the chart's libraries would only add to memory)."""
        if not self.reports or not self.pdf or self.early_portfolio is not None:
            return
        known = [(i, r.venture) for i, r in self.outcomes if r.status != "failed" and r.venture is not None]
        known += [(p.index, p.venture) for p in pending]
        ventures = [venture for _, venture in sorted(known, key=lambda pair: pair[0])]
        self.early_portfolio = (ventures, self.pool.submit(_portfolio_register, ventures))

    def portfolio(self, ventures: list[VentureSummary]) -> Report | None:
        """The register drawn early, if it is still the right one."""
        if self.early_portfolio is None or self.early_portfolio[0] != ventures:
            return None
        future = self.early_portfolio[1]
        if not future.done() or future.cancelled() or future.exception() is not None:
            return None  # made again by the reports, which then say what is wrong
        return future.result()

    def _submit_finish(self, converted: list[_Converted]) -> list[_Finishing]:
        if converted:
            self.progress(BatchEvent("phase", len(self.outcomes), self.total,
                                     message=f"finishing {len(converted)} pack(s)"))
        return [(p, self.pool.submit(_finish, p, pdf_paths)) for p, pdf_paths in converted]

    def _collect_finished(self, finishing: list[_Finishing]) -> None:
        for p, future in finishing:
            outcome = future.result()
            self._drop(p.job)  # finished into place, or aborted by finish_pack
            self._record(p.index, outcome)

    def _convert(self, prepared: list[_Prepared]) -> list[_Converted]:
        """Convert the DOCX files of many packs together; a failure is narrowed down to its packs.

        Returns the packs to finish, each with its PDFs (none for DOCX only)."""
        if not self.pdf or not prepared:
            return [(p, []) for p in prepared]
        files = [f for p in prepared for f in p.job.conversion_inputs]
        workers = max(1, min(self.jobs, len(files)))
        self.progress(BatchEvent("phase", len(self.outcomes), self.total, message=(
            f"converting {len(files)} document(s) of {len(prepared)} venture(s) to PDF "
            f"with {workers} LibreOffice worker(s)")))
        staging = staging_folder(self.out_dir, "dcity-batch-pdf")
        try:
            ok = prepared
            try:
                convert_to_pdf(files, staging, timeout=self.timeout, pdfa=self.settings.pdfa, workers=workers)
            except ConversionError:
                ok = []
                for p in prepared:  # which packs did it concern? each again on its own
                    try:
                        convert_to_pdf(p.job.conversion_inputs, staging, timeout=self.timeout,
                                       pdfa=self.settings.pdfa)
                        ok.append(p)
                    except ConversionError as exc:
                        self._drop(p.job, abort=True)
                        self._record(p.index, _failed(p.origin, [f"{p.origin}: {exc}"], p.venture.id))
            out: list[_Converted] = []
            for p in ok:
                paths = []
                for docx in p.job.conversion_inputs:
                    pdf = staging / f"{docx.stem}.pdf"
                    dest = p.job.work / pdf.name
                    try:
                        os.replace(pdf, dest)
                    except OSError as exc:
                        raise OutputError(f"cannot write {dest}: {exc.strerror}") from None
                    paths.append(dest)
                out.append((p, paths))
            return out
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def close(self, interrupted: bool) -> None:
        """Stop the pool (pending calls cancelled, running ones waited for), then drop every pack
        left unfinished: those collected, and those drafted for a window not yet collected."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        for _, future in self.preparing:
            if future.done() and not future.cancelled() and future.exception() is None:
                outcome = future.result()
                if isinstance(outcome, _Prepared):
                    self._open(outcome.job)
        self.preparing.clear()
        for job in list(self.open_jobs.values()):
            self._drop(job, abort=True)
        if interrupted:
            remove_leftovers(self.out_dir)


def _ignore(event: BatchEvent) -> None:
    pass


def run_batch(
    inputs: Sequence[Path],
    out_dir: Path,
    *,
    formats: Iterable[str] = ("docx", "pdf"),
    pdfa: bool = False,
    jobs: int | None = None,
    wait: bool = False,
    timeout: float = 120,
    reports: bool = True,
    progress: Progress | None = None,
    templates: Path | None = None,
) -> BatchResult:
    """Make the pack of every record in ``inputs`` into ``out_dir``, then the reports.

    Returns the outcome of every record (made, skipped, failed, in input order) and the reports
    written. Raises :class:`BatchBusy` when another batch holds the folder (unless ``wait``),
    :class:`InputError` when the inputs hold no record at all, :class:`EnvironmentProblem` when
    LibreOffice is missing; a bad record is never raised, it is in the result.
    """
    formats = tuple(dict.fromkeys(formats))
    if not formats or set(formats) - {"docx", "pdf"}:
        raise InputError(f"formats must be docx and/or pdf, not {', '.join(formats) or 'none'}")
    jobs = jobs or os.cpu_count() or 1
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, not {jobs}")
    progress = progress or _ignore
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {out_dir}: {exc.strerror}") from None

    def waiting(message: str) -> None:
        progress(BatchEvent("waiting", message=message))

    with BatchLock(out_dir, wait=wait, on_wait=waiting) as lock:
        left = remove_leftovers(out_dir)
        if left:
            progress(BatchEvent("phase", message=f"removed {left} leftover(s) of an interrupted run"))
        batch = _Batch(out_dir, formats, pdfa, jobs, timeout, progress, templates, reports)
        batch.total = count_inputs(inputs)
        if batch.total == 0:
            raise InputError(f"no record found in {', '.join(str(p) for p in inputs)} "
                             "(record files: .yaml, .yml, .json; registers: .csv, .xlsx)")
        progress(BatchEvent("start", 0, batch.total))
        interrupted = True
        try:
            batch.start_pool(lock.fd)
            batch.run(inputs)
            interrupted = False
        finally:
            batch.close(interrupted)
        result = batch.result
        result.results = batch.results()
        if reports:
            from dcity_docs.reports.reports import write_reports

            progress(BatchEvent("reports", batch.total, batch.total, message="writing the reports"))
            result.reports = write_reports(result, out_dir, formats=formats, pdfa=pdfa, timeout=timeout,
                                           workers=jobs, portfolio=batch.portfolio(result.ventures))
        return result


__all__ = [
    "BatchBusy",
    "BatchEvent",
    "BatchLock",
    "BatchResult",
    "DocumentHash",
    "RecordResult",
    "VentureSummary",
    "count_inputs",
    "current_documents",
    "iter_inputs",
    "remove_leftovers",
    "run_batch",
]

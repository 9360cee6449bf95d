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
import multiprocessing
import os
import shutil
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dcity_docs.batch.folder import BatchLock, remove_leftovers
from dcity_docs.batch.inputs import Input, count_inputs, iter_inputs
from dcity_docs.batch.work import (
    Inline,
    Prepared,
    Settings,
    failed,
    finish,
    portfolio_register,
    prepare,
    warm,
    worker_init,
)
from dcity_docs.conversion.soffice import BATCH_SIZE
from dcity_docs.errors import ConversionError, DcityError, InputError, OutputError
from dcity_docs.files import replace_into, staging_folder
from dcity_docs.output import pipeline
from dcity_docs.documents.registry import DOCUMENTS
from dcity_docs.output.documents import MODES
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.packs import PackJob
from dcity_docs.output.results import BatchResult, RecordResult, VentureSummary

if TYPE_CHECKING:
    from dcity_docs.reports.reports import Report

Converted = tuple[Prepared, list[Path]]  # a pack to finish, with its PDFs
Finishing = tuple[Prepared, Future[RecordResult]]  # a pack being finished in the pool

DOCUMENTS_PER_RECORD = len(DOCUMENTS) * len(MODES) + 1
"""DOCX files a record usually gives LibreOffice (every agreement in every language, the cover; a
restricted annex's numbered copies add a file per copy and language beyond the first). It sizes
the windows only: calls never take more than BATCH_SIZE documents."""
RECORDS_PER_WORKER = BATCH_SIZE // DOCUMENTS_PER_RECORD
"""Records of a window per worker: about one LibreOffice call each (the first window is a little
larger, one full call each). Small windows keep the last finishing, which nothing overlaps, short;
they cost nothing in LibreOffice start-ups, as calls never take more than BATCH_SIZE documents."""


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


class _Batch:
    def __init__(self, out_dir: Path, options: OutputOptions, jobs: int, progress: Progress,
                 reports: bool = False):
        self.options = options
        self.settings = Settings(out_dir, options.but(converter=None))
        self.out_dir = out_dir
        self.jobs = jobs
        self.progress = progress
        self.result = BatchResult(out_dir)
        self.outcomes: list[tuple[int, RecordResult]] = []  # (place in the inputs, outcome)
        self.taken = 0  # inputs read so far
        self.total = 0
        self.claimed: dict[str, str] = {}  # id -> origin of the record that has it
        self.open_jobs: dict[int, PackJob] = {}  # drafted, not yet finished or aborted
        self.preparing: deque[tuple[int, Future[RecordResult | Prepared]]] = deque()  # index, drafting
        self.pool: Executor = Inline()
        self.reports = reports  # whether the portfolio register will be made
        self.early_portfolio: tuple[list[VentureSummary], Future[Report]] | None = None
        self.reaching: threading.Thread | None = None  # the converter made ready (Converter.reach)

    @property
    def pdf(self) -> bool:
        return self.options.pdf

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

    def start_pool(self, lock_fds: tuple[int, ...]) -> None:
        if self.jobs > 1:
            warm()  # forked workers start with the catalogs read and the templates compiled
            fork = "fork" in multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if fork else None)
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=worker_init,
                                            initargs=(lock_fds if fork else (), os.getpid()))

    def _open(self, job: PackJob) -> None:
        self.open_jobs[id(job)] = job

    def _drop(self, job: PackJob, abort: bool = False) -> None:
        self.open_jobs.pop(id(job), None)
        if abort:
            job.abort()

    def _duplicate(self, origin: str, record_id: str, first: str) -> RecordResult:
        return failed(origin, [f"{origin}: the id {record_id} is also the id of {first}; each venture "
                                "needs its own id"], record_id)

    def run(self, inputs: Sequence[Path]) -> None:
        """The pipeline: while window k converts here, the pool finishes k-1 and drafts k+1."""
        items = iter_inputs(inputs)
        sizes = self.window_sizes()
        try:
            self._submit_prepare(items, next(sizes))  # the workers are forked here, before any thread
            if self.pdf and self.options.converter is not None:
                # The servers are reached (or LibreOffice started) while the first window is read
                # and drafted, not after.
                self.reaching = threading.Thread(target=self.options.converter.reach, name="dcity-reach",
                                                 kwargs={"workers": self.jobs}, daemon=True)
                self.reaching.start()
            converted: list[Converted] = []
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
            self.preparing.append((self.taken, self.pool.submit(prepare, item, self.settings)))
            self.taken += 1

    def _collect_prepared(self) -> list[Prepared]:
        """The window's outcomes in input order: ids claimed, failures and skips recorded."""
        prepared: list[Prepared] = []
        while self.preparing:
            index, future = self.preparing[0]
            outcome = future.result()
            if isinstance(outcome, Prepared):
                self._open(outcome.job)  # before it leaves self.preparing: close() always finds it
            self.preparing.popleft()
            if not isinstance(outcome, Prepared):
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

    def _foresee_portfolio(self, pending: list[Prepared]) -> None:
        """Draw the portfolio register in the pool while LibreOffice converts the last windows
        (DOCX only: nothing to overlap, and the chart's libraries would only add to memory)."""
        if not self.reports or not self.pdf or self.early_portfolio is not None:
            return
        known = [(i, r.venture) for i, r in self.outcomes if r.status != "failed" and r.venture is not None]
        known += [(p.index, p.venture) for p in pending]
        ventures = [venture for _, venture in sorted(known, key=lambda pair: pair[0])]
        self.early_portfolio = (ventures, self.pool.submit(portfolio_register, ventures))

    def portfolio(self, ventures: list[VentureSummary]) -> Report | None:
        """The register drawn early, if it is still the right one."""
        if self.early_portfolio is None or self.early_portfolio[0] != ventures:
            return None
        future = self.early_portfolio[1]
        if not future.done() or future.cancelled() or future.exception() is not None:
            return None  # made again by the reports, which then say what is wrong
        return future.result()

    def _submit_finish(self, converted: list[Converted]) -> list[Finishing]:
        if converted:
            self.progress(BatchEvent("phase", len(self.outcomes), self.total,
                                     message=f"finishing {len(converted)} pack(s)"))
        return [(p, self.pool.submit(finish, p, pdf_paths)) for p, pdf_paths in converted]

    def _collect_finished(self, finishing: list[Finishing]) -> None:
        for p, future in finishing:
            outcome = future.result()
            self._drop(p.job)  # finished into place, or aborted by finish_pack
            self._record(p.index, outcome)

    def _convert(self, prepared: list[Prepared]) -> list[Converted]:
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
                pipeline.convert(files, staging, self.options, workers=workers,
                                 restricted=[f for p in prepared for f in p.job.restricted_inputs])
            except ConversionError:
                ok = []
                for p in prepared:  # which packs did it concern? each again on its own
                    try:
                        pipeline.convert(p.job.conversion_inputs, staging, self.options,
                                         restricted=p.job.restricted_inputs)
                        ok.append(p)
                    except ConversionError as exc:
                        self._drop(p.job, abort=True)
                        self._record(p.index, failed(p.origin, [f"{p.origin}: {exc}"], p.venture.id))
            return [(p, [replace_into(staging / f"{docx.stem}.pdf", p.job.work / f"{docx.stem}.pdf")
                         for docx in p.job.conversion_inputs]) for p in ok]
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def close(self, interrupted: bool) -> None:
        """Stop the pool (pending calls cancelled, running ones waited for), then drop every pack
        left unfinished: those collected, and those drafted for a window not yet collected."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.reaching is not None:
            self.reaching.join()  # then nothing it started is left behind
            assert self.options.converter is not None
            self.options.converter.close()
        for _, future in self.preparing:
            if future.done() and not future.cancelled() and future.exception() is None:
                outcome = future.result()
                if isinstance(outcome, Prepared):
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
    options: OutputOptions | None = None,
    *,
    jobs: int | None = None,
    wait: bool = False,
    reports: bool = True,
    progress: Progress | None = None,
) -> BatchResult:
    """Make the pack of every record in ``inputs`` into ``out_dir``, then the reports, as the
    options ask (formats, PDF/A, templates, converter, timeout).

    Returns the outcome of every record (made, skipped, failed, in input order) and the reports
    written. Raises :class:`BatchBusy` when another batch holds the folder (unless ``wait``),
    :class:`InputError` when the inputs hold no record at all, :class:`EnvironmentProblem` when
    LibreOffice is missing; a bad record is never raised, it is in the result.
    """
    options = options or OutputOptions()
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
        batch = _Batch(out_dir, options, jobs, progress, reports)
        batch.total = count_inputs(inputs)
        if batch.total == 0:
            raise InputError(f"no record found in {', '.join(str(p) for p in inputs)} "
                             "(record files: .yaml, .yml, .json; registers: .csv, .xlsx)")
        progress(BatchEvent("start", 0, batch.total))
        interrupted = True
        try:
            batch.start_pool(tuple(fd for fd in (lock.fd, lock.folder_fd) if fd is not None))
            batch.run(inputs)
            interrupted = False
        finally:
            batch.close(interrupted)
        result = batch.result
        result.results = batch.results()
        if reports:
            from dcity_docs.reports.reports import write_reports

            progress(BatchEvent("reports", batch.total, batch.total, message="writing the reports"))
            result.reports = write_reports(result, out_dir, options, workers=jobs,
                                           portfolio=batch.portfolio(result.ventures))
        return result

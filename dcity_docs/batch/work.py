"""The work a batch does in its worker processes: validate and draft a record (or find its pack
current), finish a pack once its PDFs are made, draw the portfolio register. Module-level
functions, so that worker processes can run them."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from dcity_docs.batch.folder import current_documents, documents_of
from dcity_docs.batch.inputs import BrokenInput, FileInput, Input, RowInput
from dcity_docs.errors import DcityError, EnvironmentProblem, RecordInvalid
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.packs import COVER_TEMPLATE, PackJob, finish_pack, inputs_sha256, prepare_pack
from dcity_docs.output.results import RecordResult, VentureSummary
from dcity_docs.record.loading import load_record_and_bytes
from dcity_docs.record.models import Record
from dcity_docs.record.registers import validate_row
from dcity_docs.wording.catalogs import catalogs_for

if TYPE_CHECKING:
    from dcity_docs.reports.reports import Report


@dataclass(frozen=True)
class Settings:
    """What every worker needs to know (sent to it with each record): where the packs go and how
    they are made (the options without the converter, which only the batch's own process uses)."""

    out_dir: Path
    options: OutputOptions


@dataclass
class Prepared:
    origin: str
    venture: VentureSummary
    job: PackJob
    index: int = 0  # place in the batch's inputs (set by the batch, not the worker)




def failed(origin: str, problems: Iterable[str], record_id: str | None = None) -> RecordResult:
    return RecordResult(origin, "failed", record_id, problems=tuple(problems))


def _unexpected(origin: str, exc: Exception) -> str:
    return f"{origin}: unexpected error (please report it): {type(exc).__name__}: {exc}"


def _load(item: Input, options: OutputOptions) -> tuple[Record, bytes]:
    programme = options.programme_data()
    if isinstance(item, FileInput):
        return load_record_and_bytes(item.path, programme)
    assert isinstance(item, RowInput)
    return validate_row(item.row, programme), item.row.record_bytes


def prepare(item: Input, settings: Settings) -> RecordResult | Prepared:
    """Validate one record; skip its pack if current, else draft its DOCX files (phase 1)."""
    if isinstance(item, BrokenInput):
        return failed(item.origin, item.problems)
    record_id = None
    try:
        record, record_bytes = _load(item, settings.options)
        record_id = record.id
        venture = VentureSummary.of(record)
        digest = inputs_sha256(record_bytes, settings.options)
        documents = current_documents(settings.out_dir / record.id, digest)
        if documents is not None:
            return RecordResult(item.origin, "skipped", record.id, documents, venture=venture)
        job = prepare_pack(record, settings.out_dir, record_bytes=record_bytes, options=settings.options)
        return Prepared(item.origin, venture, job)
    except RecordInvalid as exc:
        return failed(item.origin, (str(p) for p in exc.problems), record_id)
    except EnvironmentProblem:
        raise
    except DcityError as exc:
        return failed(item.origin, [f"{item.origin}: {exc}"], record_id)
    except Exception as exc:  # noqa: BLE001 - one broken record must not stop the batch
        return failed(item.origin, [_unexpected(item.origin, exc)], record_id)


def finish(prepared: Prepared, pdf_paths: list[Path]) -> RecordResult:
    """Phase 3: PDFs finished, pack merged, manifest written, folder renamed into place."""
    try:
        pack = finish_pack(prepared.job, pdf_paths)
        documents = documents_of(pack.folder)
    except EnvironmentProblem:
        raise
    except DcityError as exc:
        return failed(prepared.origin, [f"{prepared.origin}: {exc}"], prepared.venture.id)
    except Exception as exc:  # noqa: BLE001
        prepared.job.abort()
        return failed(prepared.origin, [_unexpected(prepared.origin, exc)], prepared.venture.id)
    return RecordResult(prepared.origin, "made", prepared.venture.id, documents, venture=prepared.venture)


def portfolio_register(ventures: list[VentureSummary]) -> Report:
    """In a worker: the register's DOCX (matplotlib and the report templates load only here)."""
    from dcity_docs.reports.reports import portfolio_register

    return portfolio_register(ventures)


def worker_init(lock_fds: tuple[int, ...], parent: int) -> None:
    """In each worker process: drop the inherited lock, die with the batch, leave Ctrl-C to it."""
    for fd in lock_fds:  # forked: the lock's descriptors came along
        try:
            os.close(fd)
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


class Inline(Executor):
    """The pool for ``jobs=1``: each call runs at once, in this process (no overlap)."""

    def submit(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        future: Future[R] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - raised by result(), as a worker's would be
            future.set_exception(exc)
        return future


def warm() -> None:
    """Read the catalogs and compile the templates once, before worker processes are forked."""
    from dcity_docs.layout.rendering import compiled
    from dcity_docs.documents.registry import DOCUMENTS
    from dcity_docs.resources import templates_dir

    try:
        catalogs_for()
        for doc in DOCUMENTS.values():
            compiled(templates_dir() / doc.template)
        compiled(templates_dir() / COVER_TEMPLATE)
    except DcityError:
        pass  # each record will report it

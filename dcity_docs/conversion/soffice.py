"""The default converter: LibreOffice headless, started for each call.

Many documents are converted by ONE ``soffice --convert-to`` call: starting
LibreOffice costs about a second, each further document in the same call costs
a fraction of that.  With ``workers > 1`` the files are split into that many
chunks, each converted by its own LibreOffice process (own user profile, so
the processes never share a lock or a profile) in its own thread.

* A call that hangs is killed (its whole process group) after ``timeout``
  seconds and tried once more; a second hang raises :class:`ConversionError`.
* Every expected PDF is checked (exists, non-empty, starts with ``%PDF``,
  ends with ``%%EOF``); files LibreOffice silently skipped are retried once,
  each in a call of its own, and then reported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dcity_docs.conversion.base import _OUTPUT_TAIL, Converter, _expected, _names, balanced, is_complete_pdf
from dcity_docs.conversion.locating import _install_hint, find_soffice
from dcity_docs.conversion.processes import _missing, _Running, _Worker
from dcity_docs.errors import ConversionError, EnvironmentProblem

__all__ = ["BATCH_SIZE", "SofficeConverter", "convert_to_argument"]

#: Documents per LibreOffice call.  ``timeout`` applies to one call, so a
#: worker with more files than this runs several calls one after another
#: (re-using its profile, which makes the later calls start faster).
BATCH_SIZE = 25


def convert_to_argument(*, pdfa: bool = False) -> str:
    """The ``--convert-to`` value: PDF export with JSON filter options.

    The JSON form of filter options is understood by LibreOffice 7.4 and newer.
    ``ExportBookmarks`` turns Word headings into PDF outline entries,
    ``UseTaggedPDF`` adds a structure tree (accessibility; also makes
    ``/Lang`` appear in the catalog), ``SelectPdfVersion`` 2 is PDF/A-2b.
    """
    options: dict[str, dict[str, str]] = {
        "ExportBookmarks": {"type": "boolean", "value": "true"},
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
    }
    if pdfa:
        options["SelectPdfVersion"] = {"type": "long", "value": "2"}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def _tail(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if "javaldx" not in ln]
    text = "\n".join(lines).strip()
    return text[-_OUTPUT_TAIL:]


def _check_environment(output: str, soffice: str) -> None:
    if "no export filter" in output.lower():
        raise EnvironmentProblem(
            f"LibreOffice at {soffice} has no PDF export filter for Writer documents; "
            f"{_install_hint()}\n{_tail(output)}"
        )


def _convert_batch(worker: _Worker, files: Sequence[Path]) -> None:
    """Convert ``files`` into ``worker.staging``; raise ConversionError for the ones that fail."""
    result = worker.run(files)
    _check_environment(result.output, worker.soffice)
    if result.timed_out:
        remaining = _missing(worker.staging, files)
        if remaining:
            result = worker.run(remaining)
            _check_environment(result.output, worker.soffice)
            if result.timed_out:
                still = _missing(worker.staging, remaining)
                raise ConversionError(
                    f"LibreOffice hung twice (killed after {worker.timeout:g} s each time) "
                    f"converting: {_names(still or remaining)}"
                    + (f"\n{_tail(result.output)}" if _tail(result.output) else "")
                )
    missing = _missing(worker.staging, files)
    if not missing:
        return
    failed: list[Path] = []
    last = result
    for f in missing:  # LibreOffice skipped these: each is retried once, on its own
        last = worker.run([f])
        _check_environment(last.output, worker.soffice)
        if not is_complete_pdf(_expected(worker.staging, f)):
            _expected(worker.staging, f).unlink(missing_ok=True)
            failed.append(f)
    if failed:
        how = f"killed after {worker.timeout:g} s" if last.timed_out else f"exit status {last.returncode}"
        detail = _tail(last.output)
        raise ConversionError(
            f"LibreOffice produced no valid PDF ({how}) for: {_names(failed)}"
            + (f"\n{detail}" if detail else "")
        )


def _run_chunk(
    soffice: str, staging: Path, files: list[Path], timeout: float, convert_to: str, running: _Running,
    worker: _Worker | None = None,
) -> None:
    """One worker's share of a conversion: its calls one after another, then its profile removed.
    ``worker``: one started early (:meth:`SofficeConverter.reach`), its LibreOffice already up."""
    if worker is None:
        worker = _Worker(soffice, staging, timeout, convert_to, running)
    else:
        worker.staging, worker.timeout, worker.convert_to, worker.running = staging, timeout, convert_to, running
    try:
        for start in range(0, len(files), BATCH_SIZE):
            if running.cancelled.is_set():
                return
            _convert_batch(worker, files[start : start + BATCH_SIZE])
    finally:
        worker.close()


class SofficeConverter(Converter):
    """One ``soffice --convert-to`` call per :data:`BATCH_SIZE` documents, ``workers`` at once.

    :meth:`reach` starts the LibreOffice processes of the next :meth:`convert` ahead of it (a
    legal officer's ``render -f pdf`` spends LibreOffice's start-up while it drafts); each is
    used for one conversion, and :meth:`close` stops those never used."""

    def __init__(self) -> None:
        self._early: list[_Worker] = []

    def __repr__(self) -> str:
        return "SofficeConverter()"

    def reach(self, timeout: float = 30.0, workers: int = 1) -> None:
        try:
            soffice = find_soffice()
        except EnvironmentProblem:
            return  # the conversion says so
        while len(self._early) < workers:
            worker = _Worker(soffice, Path(), timeout, "")
            try:
                worker.start_host()
            except EnvironmentProblem:
                worker.close()
                return
            self._early.append(worker)

    def close(self) -> None:
        while self._early:
            self._early.pop().close()

    def check(self) -> None:
        find_soffice()

    def convert(self, files: Sequence[Path], staging: Path, *, timeout: float, pdfa: bool, workers: int) -> None:
        soffice = find_soffice()
        convert_to = convert_to_argument(pdfa=pdfa)
        running = _Running()
        chunks = balanced(files, workers)
        early = [self._early.pop() if self._early else None for _ in chunks]
        self.close()  # started for more workers than this call has chunks
        if len(chunks) == 1:
            _run_chunk(soffice, staging, chunks[0], timeout, convert_to, running, early[0])
            return
        errors: list[BaseException] = []
        with ThreadPoolExecutor(max_workers=len(chunks), thread_name_prefix="dcity-soffice") as pool:
            futures = [
                pool.submit(_run_chunk, soffice, staging, chunk, timeout, convert_to, running, worker)
                for chunk, worker in zip(chunks, early)
            ]
            try:
                for fut in futures:
                    try:
                        fut.result()
                    except Exception as exc:  # noqa: BLE001 - a worker's failure: collected, re-raised below
                        running.cancelled.set()  # other workers stop after their current call
                        errors.append(exc)
            except BaseException:  # Ctrl-C or SIGTERM while waiting: stop LibreOffice now
                running.stop()
                raise
        if errors:
            env_problems = [e for e in errors if isinstance(e, EnvironmentProblem)]
            if env_problems:
                raise env_problems[0]
            conv = [e for e in errors if isinstance(e, ConversionError)]
            if len(conv) == len(errors):
                raise ConversionError("\n".join(str(e) for e in conv))
            raise errors[0]

"""DOCX -> PDF conversion with LibreOffice headless.

Many documents are converted by ONE ``soffice --convert-to`` call: starting
LibreOffice costs about a second, each further document in the same call costs
a fraction of that.  With ``workers > 1`` the files are split into that many
chunks, each converted by its own LibreOffice process (own user profile, so
the processes never share a lock or a profile) in its own thread.

Guarantees:

* A call that hangs is killed (its whole process group) after ``timeout``
  seconds and tried once more; a second hang raises :class:`ConversionError`.
* Every expected PDF is checked (exists, non-empty, starts with ``%PDF``,
  ends with ``%%EOF``); files LibreOffice silently skipped are retried once,
  each in a call of its own, and then reported.
* PDFs are produced in a hidden staging folder inside ``out_dir`` and moved
  into place with :func:`os.replace` only once every document converted, so a
  failure never leaves a half-written PDF and never replaces a good old one.

This module is a library: it never prints and never exits.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dcity_docs.errors import ConversionError, EnvironmentProblem, InputError, OutputError

__all__ = [
    "INSTALL_COMMAND",
    "SOFFICE_ENV",
    "convert_to_pdf",
    "convert_to_argument",
    "find_soffice",
    "is_complete_pdf",
]

INSTALL_COMMAND = "apt-get install -y libreoffice-writer-nogui fonts-liberation2"
SOFFICE_ENV = "DCITY_SOFFICE"

#: Looked at, in this order, after $DCITY_SOFFICE and $PATH.
FALLBACK_LOCATIONS: tuple[str, ...] = (
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)

#: Documents per LibreOffice call.  ``timeout`` applies to one call, so a
#: worker with more files than this runs several calls one after another
#: (re-using its profile, which makes the later calls start faster).
BATCH_SIZE = 25

# How much of LibreOffice's output an error message quotes.
_OUTPUT_TAIL = 1500


def _install_hint() -> str:
    return f"install LibreOffice (Debian/Ubuntu: {INSTALL_COMMAND})"


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_soffice() -> str:
    """Return the path of the LibreOffice executable.

    Order: ``$DCITY_SOFFICE`` (if set it must be right: no fallback),
    ``soffice`` / ``libreoffice`` on ``$PATH``, then :data:`FALLBACK_LOCATIONS`.
    Raises :class:`EnvironmentProblem` naming the install command.
    """
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        path = Path(configured).expanduser()
        if _is_executable(path):
            return str(path)
        raise EnvironmentProblem(
            f"{SOFFICE_ENV} is set to {configured!r}, which is not an executable file; "
            f"point it at LibreOffice's soffice or unset it, or {_install_hint()}"
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in FALLBACK_LOCATIONS:
        if _is_executable(Path(candidate)):
            return candidate
    raise EnvironmentProblem(
        f"LibreOffice (soffice) was not found on PATH nor in the usual places; {_install_hint()}, "
        f"or set {SOFFICE_ENV} to its path"
    )


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


def is_complete_pdf(path: Path) -> bool:
    """True if ``path`` is a non-empty file that starts with ``%PDF`` and ends with ``%%EOF``.

    The end check catches a file cut short by a killed process.
    """
    try:
        size = path.stat().st_size
        if size < 16:
            return False
        with path.open("rb") as fh:
            if fh.read(5) != b"%PDF-":
                return False
            fh.seek(max(0, size - 1024))
            return b"%%EOF" in fh.read()
    except OSError:
        return False


# --------------------------------------------------------------------------
# One LibreOffice call
# --------------------------------------------------------------------------


@dataclass
class _CallResult:
    timed_out: bool
    returncode: int | None
    output: str  # stdout + stderr, decoded


@dataclass
class _Worker:
    """One LibreOffice profile and the calls made with it (one thread)."""

    soffice: str
    staging: Path
    timeout: float
    convert_to: str
    root: Path = field(init=False)
    attempts: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="dcity-soffice-"))
        (self.root / "profile").mkdir()
        (self.root / "home").mkdir()
        (self.root / "tmp").mkdir()

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        # Headless rendering without any display; never a GUI plugin.
        env["SAL_USE_VCLPLUGIN"] = "svp"
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        # A private HOME and TMPDIR: nothing is shared between workers and
        # nothing is left in the real home directory.
        env["HOME"] = str(self.root / "home")
        env["TMPDIR"] = str(self.root / "tmp")
        # The bundled Python of LibreOffice must not pick up ours.
        env.pop("PYTHONHOME", None)
        env.pop("PYTHONPATH", None)
        # File names are passed as UTF-8 (Cyrillic names included).
        ctype = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or ""
        if "UTF-8" not in ctype.upper().replace("UTF8", "UTF-8"):
            env["LC_ALL"] = "C.UTF-8"
        return env

    def run(self, files: Sequence[Path]) -> _CallResult:
        """One ``soffice --convert-to`` call for ``files``; kills it on timeout."""
        self.attempts += 1
        cmd = [
            self.soffice,
            f"-env:UserInstallation={(self.root / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            self.convert_to,
            "--outdir",
            str(self.staging),
            *(str(f) for f in files),
        ]
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=self._env(),
                cwd=self.root,
                start_new_session=True,  # own process group: killpg reaches oosplash + soffice.bin
            )
        except OSError as exc:
            raise EnvironmentProblem(f"cannot start LibreOffice ({self.soffice}): {exc}; {_install_hint()}") from exc
        try:
            out, _ = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            try:
                out, _ = proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover - a process that survives SIGKILL
                out = b""
            return _CallResult(True, proc.returncode, _decode(out))
        except BaseException:
            _kill_group(proc)
            proc.wait()
            raise
        return _CallResult(False, proc.returncode, _decode(out))


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _decode(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", errors="replace")


def _tail(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if "javaldx" not in ln]
    text = "\n".join(lines).strip()
    return text[-_OUTPUT_TAIL:]


def _expected(staging: Path, docx: Path) -> Path:
    return staging / (docx.stem + ".pdf")


def _missing(staging: Path, files: Sequence[Path]) -> list[Path]:
    missing = []
    for f in files:
        target = _expected(staging, f)
        if not is_complete_pdf(target):
            target.unlink(missing_ok=True)  # drop a partial file before the retry
            missing.append(f)
    return missing


def _check_environment(output: str, soffice: str) -> None:
    if "no export filter" in output.lower():
        raise EnvironmentProblem(
            f"LibreOffice at {soffice} has no PDF export filter for Writer documents; "
            f"{_install_hint()}\n{_tail(output)}"
        )


def _names(files: Sequence[Path]) -> str:
    return ", ".join(str(f) for f in files)


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


def _chunks(items: Sequence[Path], n: int) -> list[list[Path]]:
    """Split into ``n`` contiguous chunks of near-equal size (none empty)."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def _run_chunk(
    soffice: str, staging: Path, files: list[Path], timeout: float, convert_to: str, cancelled: threading.Event
) -> None:
    worker = _Worker(soffice, staging, timeout, convert_to)
    try:
        for start in range(0, len(files), BATCH_SIZE):
            if cancelled.is_set():
                return
            _convert_batch(worker, files[start : start + BATCH_SIZE])
    finally:
        worker.close()


def convert_to_pdf(
    docx_files: Sequence[Path],
    out_dir: Path,
    *,
    timeout: float = 120,
    pdfa: bool = False,
    workers: int = 1,
) -> list[Path]:
    """Convert documents to PDF; return ``out_dir / (stem + ".pdf")`` for each, in input order.

    ``timeout`` is in seconds per LibreOffice call (a call converts up to
    :data:`BATCH_SIZE` documents).  ``pdfa`` selects PDF/A-2b.  ``workers``
    LibreOffice processes run at once (each with its own profile).

    All or nothing: if any document fails, :class:`ConversionError` names it
    and ``out_dir`` is left as it was.
    """
    files = [Path(f) for f in docx_files]
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
    soffice = find_soffice()

    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".dcity-pdf-", dir=out_dir))
    except OSError as exc:
        raise OutputError(f"cannot write to {out_dir}: {exc}") from exc

    convert_to = convert_to_argument(pdfa=pdfa)
    cancelled = threading.Event()
    try:
        chunks = _chunks(files, workers)
        if len(chunks) == 1:
            _run_chunk(soffice, staging, chunks[0], timeout, convert_to, cancelled)
        else:
            errors: list[BaseException] = []
            with ThreadPoolExecutor(max_workers=len(chunks), thread_name_prefix="dcity-soffice") as pool:
                futures = [
                    pool.submit(_run_chunk, soffice, staging, chunk, timeout, convert_to, cancelled)
                    for chunk in chunks
                ]
                for fut in futures:
                    try:
                        fut.result()
                    except BaseException as exc:  # noqa: BLE001 - collected, re-raised below
                        cancelled.set()  # other workers stop after their current call
                        errors.append(exc)
            if errors:
                env_problems = [e for e in errors if isinstance(e, EnvironmentProblem)]
                if env_problems:
                    raise env_problems[0]
                conv = [e for e in errors if isinstance(e, ConversionError)]
                if len(conv) == len(errors):
                    raise ConversionError("\n".join(str(e) for e in conv))
                raise errors[0]

        # Everything converted: move into place, one atomic rename per file.
        results = []
        for f in files:
            src = _expected(staging, f)
            if not is_complete_pdf(src):  # pragma: no cover - guarded by _convert_batch
                raise ConversionError(f"LibreOffice produced no valid PDF for: {f}")
            dest = out_dir / src.name
            try:
                os.replace(src, dest)
            except OSError as exc:
                raise OutputError(f"cannot write {dest}: {exc}") from exc
            results.append(dest)
        return results
    finally:
        shutil.rmtree(staging, ignore_errors=True)

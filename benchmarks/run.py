"""The benchmarks: (a) DOCX rendering, (b) PDF conversion, (c) a whole batch, (d) a DOCX batch's memory.

Every figure is measured in the same run, on the same machine, against its baselines:

(a) ``documents.docx_bytes`` for the joint-venture agreement (bilingual) of each record, against
    naive docxtpl on the SAME template and SAME context (``DocxTemplate(path).render(ctx)`` then
    ``save()``, with our sandboxed, escaping Jinja environment, after the same drafting) and against
    the floor: only zipping the same finished parts with :mod:`zipfile`.
(b) Converting the same DOCX files to PDF: ours (long-lived unoserver workers, started and warmed
    before the clock starts) against one LibreOffice process per document and against ONE
    LibreOffice call converting all the files (the practical floor of a per-call approach).
(c) ``dcity-docs batch`` on N records (a subprocess, as a user runs it): wall time, documents per
    second, peak memory of its process tree, against the conversion floor of its PDFs (the same
    converter converting the same DOCX files and nothing else), measured just before and just
    after the batch; the ratio uses their mean.
(d) ``dcity-docs batch -f docx`` on M records: peak memory of its process tree.

Every ratio is measured ``--repeat`` times (3) in one invocation: each run is printed, and the JSON
holds the median of the runs under each figure's key and the runs themselves (``runs``,
``ratio_runs``). The load average is printed beside each run: on a shared machine the ratios
within one run are what counts.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
RATIO_KEYS = (
    "render_speedup_vs_naive_docxtpl",
    "render_time_vs_zip_floor",
    "pdf_speedup_vs_process_per_doc",
    "pdf_time_vs_one_soffice_call",
    "batch_time_vs_conversion_floor",
    "render_command_vs_bare_soffice",
    "redline_time_vs_new_docx",
)
TARGETS = {
    "render": "≥ 8x faster than naive docxtpl, or within 1.5x of the zip floor",
    "pdf": "≥ 5x faster than a process per document and ≤ 0.6x one LibreOffice call",
    "batch": "wall time ≤ 1.25x the conversion floor of its PDFs",
    "memory": "1,000-record DOCX batch: peak memory < 400 MB",
    "redline": "comparing two versions of a full pack (every document, 3 languages, DOCX) ≤ 2x rendering NEW's DOCX alone",
    "command": "one `render jv-agreement -l bilingual -f pdf` ≤ 1.5x one bare `soffice --convert-to pdf`",
}
_ID_LINE = re.compile(r"^id:\s*\S+", re.MULTILINE)


def say(text: str = "") -> None:
    print(text, flush=True)


# --- records -------------------------------------------------------------------------------------


def make_records(count: int, folder: Path) -> list[Path]:
    """``count`` records: copies of the fixtures in turn, with ids DC-BENCH-0001, DC-BENCH-0002, ..."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(FIXTURES.glob("*.yaml"))
    if not sources:
        raise SystemExit(f"no fixtures in {FIXTURES}")
    texts = [p.read_text(encoding="utf-8") for p in sources]
    paths = []
    for index, text in zip(range(1, count + 1), itertools.cycle(texts)):
        record_id = f"DC-BENCH-{index:04d}"
        path = folder / f"{record_id}.yaml"
        path.write_text(_ID_LINE.sub(f"id: {record_id}", text, count=1), encoding="utf-8")
        paths.append(path)
    return paths


# --- measuring -----------------------------------------------------------------------------------


def best_of(func: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` runs, in seconds (the least disturbed by other work on the machine)."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _processes() -> dict[int, tuple[int, int, int]]:
    """pid -> (ppid, process group, resident bytes) of every process, from /proc."""
    out: dict[int, tuple[int, int, int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
            fields = stat[stat.rfind(")") + 2:].split()
            out[int(entry.name)] = (int(fields[1]), int(fields[2]), int(fields[21]) * _PAGE)
        except (OSError, ValueError, IndexError):
            continue
    return out


def _pss(pid: int) -> int:
    """Proportional set size of a process in bytes (0 where the kernel does not tell)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


class TreeMemory:
    """Samples the resident memory of a process tree (a root and all its descendants) every
    ``interval`` seconds in a thread; ``peak`` is the largest sum seen. Process groups listed in
    ``exclude`` (the LibreOffice servers) are counted apart, in ``peak_excluded``."""

    def __init__(self, root: int, exclude: Sequence[int] = (), interval: float = 0.1):
        self.root = root
        self.exclude = set(exclude)
        self.interval = interval
        self.peak = 0
        self.peak_pss = 0  # proportional: pages shared by forked workers counted once in all
        self.peak_excluded = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        procs = _processes()
        children: dict[int, list[int]] = {}
        for pid, (ppid, _, _) in procs.items():
            children.setdefault(ppid, []).append(pid)
        total = pss = 0
        todo = [self.root]
        seen = set()
        while todo:
            pid = todo.pop()
            if pid in seen or pid not in procs:
                continue
            seen.add(pid)
            if procs[pid][1] not in self.exclude:
                total += procs[pid][2]
                pss += _pss(pid)
            todo += children.get(pid, [])
        excluded = sum(rss for _, pgid, rss in procs.values() if pgid in self.exclude)
        self.peak = max(self.peak, total)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_excluded = max(self.peak_excluded, excluded)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def mb(size: float) -> float:
    return round(size / 1_000_000, 1)


# --- (a) rendering -------------------------------------------------------------------------------


def _texts(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    # the rendering writes a U+2011 as Word's no-break hyphen and a U+00AD as its soft hyphen,
    # between two runs of text
    chars = {"<w:noBreakHyphen/>": "\u2011", "<w:softHyphen/>": "\u00ad"}
    xml = re.sub(r"</w:t>((?:<w:noBreakHyphen/>|<w:softHyphen/>)+)<w:t(?: [^>]*)?>",
                 lambda m: "".join(chars[e] for e in re.findall(r"<[^>]+>", m.group(1))), xml)
    return [t for t in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml) if t]


def bench_render(records: list[Path], repeat: int) -> dict[str, Any]:
    from docxtpl import DocxTemplate

    from dcity_docs.wording.catalogs import catalogs_for
    from dcity_docs.documents.registry import document_type
    from dcity_docs.output.documents import docx_bytes, document_properties, draft_document
    from dcity_docs.draft.base import Writer, context_for
    from dcity_docs.documents.common import page_labels
    from dcity_docs.record.loading import load_record
    from dcity_docs.layout.rendering import compiled, make_environment, zip_parts
    from dcity_docs.resources import templates_dir

    key, mode = "jv-agreement", "bilingual"
    cold = subprocess.run(
        [sys.executable, "-c",
         "import time; t = time.perf_counter()\n"
         "from pathlib import Path\n"
         "from dcity_docs.record.loading import load_record\n"
         "from dcity_docs.output.documents import docx_bytes\n"
         f"docx_bytes(load_record(Path({str(records[0])!r})), {key!r}, {mode!r})\n"
         "print(time.perf_counter() - t)"],
        capture_output=True, text=True, check=True, cwd=REPO)
    cold_s = float(cold.stdout.strip())

    catalogs = catalogs_for()
    loaded = [load_record(p) for p in records]
    path = templates_dir() / document_type(key).template
    template = compiled(path)
    labels = page_labels(Writer(catalogs, "footer"))
    prepared = []
    for record in loaded:
        draft = draft_document(record, key, catalogs)
        context = context_for(draft, mode, labels)
        props = document_properties(record, draft, mode)
        prepared.append((record, context, props, template.finished_parts(context, props)))

    def ours() -> None:
        for record in loaded:
            docx_bytes(record, key, mode, catalogs)

    def ours_render_only() -> None:
        for _, context, props, _ in prepared:
            template.render(context, props)

    def naive_render(context: dict[str, Any]) -> bytes:
        doc = DocxTemplate(str(path))
        doc.render(context, jinja_env=make_environment())
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()

    def naive_only() -> None:
        for _, context, _, _ in prepared:
            naive_render(context)

    def naive_with_drafting() -> None:
        for record in loaded:
            naive_render(context_for(draft_document(record, key, catalogs), mode, labels))

    def floor() -> None:
        for *_, parts in prepared:
            zip_parts(parts)

    # Same output: ours is byte-identical to zipfile's archive of the same parts; naive docxtpl
    # gives the same text (its own zip and core properties, so not the same bytes).
    identical_to_floor = all(template.render(c, p) == zip_parts(parts) for _, c, p, parts in prepared)
    same_text = all(_texts(naive_render(c)) == _texts(template.render(c, p)) for _, c, p, _ in prepared[:3])

    n = len(loaded)
    times = {
        "ours_docx_bytes": best_of(ours, repeat) / n,
        "ours_render_only": best_of(ours_render_only, repeat) / n,
        "naive_docxtpl_with_drafting": best_of(naive_with_drafting, repeat) / n,
        "naive_docxtpl_render_only": best_of(naive_only, repeat) / n,
        "zip_floor": best_of(floor, repeat) / n,
    }
    out: dict[str, Any] = {
        "document": f"{key} {mode}",
        "documents": n,
        "repeat": repeat,
        "per_document_ms": {k: round(v * 1000, 2) for k, v in times.items()},
        "cold_first_document_s": round(cold_s, 3),
        "ours_identical_to_zip_floor_bytes": identical_to_floor,
        "naive_same_text": same_text,
        "render_speedup_vs_naive_docxtpl": times["naive_docxtpl_with_drafting"] / times["ours_docx_bytes"],
        "render_time_vs_zip_floor": times["ours_docx_bytes"] / times["zip_floor"],
        "render_only_speedup_vs_naive_docxtpl": times["naive_docxtpl_render_only"] / times["ours_render_only"],
        "render_only_time_vs_zip_floor": times["ours_render_only"] / times["zip_floor"],
    }
    return out


# --- (b) PDF -------------------------------------------------------------------------------------


def bench_redline(repeat: int) -> dict[str, Any]:
    """(e) ``compare`` of two versions of each fixture (capital and forum changed) against drafting
    and rendering NEW's DOCX files alone: every applicable document in uk, en and bilingual."""
    import yaml

    from dcity_docs.documents.registry import applicable
    from dcity_docs.output.documents import MODES, docx_bytes
    from dcity_docs.record.loading import load_record
    from dcity_docs.redline.compare import Version, compare, redline_docx

    pairs = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(FIXTURES.glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["venture"]["capital"]["amount"] = f"{float(data['venture']['capital']['amount']) + 1e6:.2f}"
            value = data["shareholders"][0]["contribution"]["value"]
            value["amount"] = f"{float(value['amount']) + 1e6:.2f}"
            data["disputes"]["forum"] = "scc" if data["disputes"]["forum"] != "scc" else "icc"
            new = Path(tmp) / f"{path.stem}.json"
            new.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
            pairs.append((Version(load_record(path), path), Version(load_record(new), new)))

    def new_only() -> None:
        for _, new in pairs:
            for key in applicable(new.record):
                for mode in MODES:
                    docx_bytes(new.record, key, mode)

    def redlines() -> None:
        for old, new in pairs:
            comparison = compare(old, new)
            for change in comparison.changed:
                for mode in MODES:
                    redline_docx(comparison, change, mode, OutputOptions())  # type: ignore[arg-type]

    from dcity_docs.output.options import OutputOptions

    new_only(), redlines()  # warm: templates compiled, catalogs read
    base, ours = best_of(new_only, repeat), best_of(redlines, repeat)
    return {"packs": len(pairs), "new_docx_s": round(base, 4), "compare_s": round(ours, 4),
            "redline_time_vs_new_docx": ours / base}


def write_jv_documents(records: list[Path], folder: Path) -> list[Path]:
    from dcity_docs.output.documents import docx_bytes
    from dcity_docs.record.loading import load_record

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for path in records:
        record = load_record(path)
        target = folder / f"{record.id}_jv-agreement_bilingual.docx"
        target.write_bytes(docx_bytes(record, "jv-agreement", "bilingual"))
        out.append(target)
    return out


def one_soffice_call(files: list[Path], out: Path, timeout: float) -> None:
    """ONE LibreOffice process converting every file (no batching into calls of 25)."""
    from dcity_docs.conversion.base import is_complete_pdf
    from dcity_docs.conversion.locating import find_soffice
    from dcity_docs.conversion.processes import _Worker
    from dcity_docs.conversion.soffice import convert_to_argument

    out.mkdir(parents=True, exist_ok=True)
    worker = _Worker(find_soffice(), out, timeout, convert_to_argument())
    try:
        result = worker.run(files)
    finally:
        worker.close()
    missing = [f for f in files if not is_complete_pdf(out / f"{f.stem}.pdf")]
    if result.timed_out or missing:
        raise RuntimeError(f"one soffice call failed for {len(missing)} file(s): {result.output[-500:]}")


def bench_command(record: Path, work: Path, repeat: int, timeout: float) -> dict[str, Any]:
    """(e) A legal officer's loop, one ``render -f pdf`` after another: the whole command (Python
    start-up, imports, drafting, LibreOffice, finishing) against LibreOffice alone converting the
    same DOCX (``soffice --convert-to pdf``, a fresh profile each time, as the command uses), both
    as whole processes, run in turn ``repeat`` times; the median of each counts."""
    import statistics
    import subprocess
    import sys

    from dcity_docs.conversion.locating import find_soffice
    from dcity_docs.output.documents import docx_bytes
    from dcity_docs.record.loading import load_record

    soffice = find_soffice()
    docx = work / "command" / "DC-BENCH-0001_jv-agreement_bilingual.docx"
    docx.parent.mkdir(parents=True, exist_ok=True)
    docx.write_bytes(docx_bytes(load_record(record), "jv-agreement", "bilingual"))
    ours, bare = [], []
    for i in range(repeat):
        out = work / "command" / f"ours-{i}"
        ours.append(timed(lambda: subprocess.run(
            [sys.executable, "-m", "dcity_docs", "render", "jv-agreement", str(record), "-l", "bilingual",
             "-f", "pdf", "-o", str(out)], check=True, capture_output=True, timeout=timeout))[0])
        profile = work / "command" / f"profile-{i}"
        bare.append(timed(lambda: subprocess.run(
            [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(work / "command" / f"bare-{i}"), str(docx)],
            check=True, capture_output=True, timeout=timeout))[0])
    return {
        "runs": repeat,
        "seconds": {"render_command": [round(t, 3) for t in ours], "bare_soffice": [round(t, 3) for t in bare]},
        "median_s": {"render_command": round(statistics.median(ours), 3),
                     "bare_soffice": round(statistics.median(bare), 3)},
        "render_command_vs_bare_soffice": statistics.median(ours) / statistics.median(bare),
    }


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def bench_pdf(files: list[Path], work: Path, pool: Any, timeout: float,
              breakdown: bool = False) -> dict[str, Any]:
    from dcity_docs.conversion.convert import convert_to_pdf

    n = len(files)
    say(f"  (b) {n} document(s): ours ...")
    results: dict[str, float] = {}
    detail = None
    if pool is not None:
        if breakdown:
            from .breakdown import Clock, summarise, transport_seconds

            transport = transport_seconds(pool)
            pool.timings = []
            with Clock() as clock:
                pdfs = convert_to_pdf(files, work / "ours", converter=pool, timeout=timeout)
            results["ours_unoserver"] = clock.end - clock.start
            detail = summarise(pool.timings, clock, transport)
            pool.timings = None
        else:
            results["ours_unoserver"], pdfs = timed(lambda: convert_to_pdf(files, work / "ours", converter=pool,
                                                                           timeout=timeout))
    say("  (b) soffice with 2 workers (the default converter, -j 2) ...")
    results["ours_soffice_2_workers"], soffice_pdfs = timed(
        lambda: convert_to_pdf(files, work / "soffice2", workers=2, timeout=timeout))
    if pool is None:
        pdfs = soffice_pdfs
    say("  (b) one LibreOffice call for all files ...")
    results["one_soffice_call"], _ = timed(lambda: one_soffice_call(files, work / "one", timeout))
    say("  (b) one LibreOffice process per document ...")
    results["process_per_document"], _ = timed(
        lambda: [convert_to_pdf([f], work / "each", timeout=timeout) for f in files])
    ours_key = "ours_unoserver" if pool is not None else "ours_soffice_2_workers"
    same_pages = all(_pages(p) == _pages(work / "one" / p.name) for p in pdfs[:3])
    return {
        "documents": n,
        "ours": ours_key,
        **({"breakdown": detail} if detail is not None else {}),
        "seconds": {k: round(v, 3) for k, v in results.items()},
        "per_document_s": {k: round(v / n, 3) for k, v in results.items()},
        "same_page_counts_as_one_call": same_pages,
        "pdf_speedup_vs_process_per_doc": results["process_per_document"] / results[ours_key],
        "pdf_time_vs_one_soffice_call": results[ours_key] / results["one_soffice_call"],
    }


# --- (c) and (d): batches, as a user runs them ---------------------------------------------------


def run_batch_command(records_dir: Path, out: Path, formats: Sequence[str], jobs: int,
                      converter_spec: str | None, exclude_groups: Sequence[int]) -> dict[str, Any]:
    """``python -m dcity_docs batch`` in a subprocess; wall time and peak memory of its tree."""
    cmd = [sys.executable, "-m", "dcity_docs", "batch", str(records_dir), "-o", str(out), "-j", str(jobs)]
    for fmt in formats:
        cmd += ["-f", fmt]
    if converter_spec:
        cmd += ["--converter", converter_spec]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid, exclude_groups) as memory:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"batch failed ({proc.returncode}):\n{stdout[-2000:]}\n{stderr[-2000:]}")
    return {
        "command": " ".join(cmd[1:]).replace(str(records_dir), "RECORDS").replace(str(out), "OUT"),
        "wall_s": round(wall, 3),
        "peak_rss_tree_mb": mb(memory.peak),
        "peak_pss_tree_mb": mb(memory.peak_pss),
        "peak_rss_conversion_servers_mb": mb(memory.peak_excluded) if exclude_groups else None,
        "ru_maxrss_largest_child_mb": mb(after.ru_maxrss * 1024) if after.ru_maxrss != before.ru_maxrss else None,
        "cpu_s_children": round((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), 2),
        "summary": stdout.strip().splitlines()[0] if stdout.strip() else "",
    }


def conversion_inputs(records: list[Path], folder: Path) -> list[Path]:
    """The DOCX files the batch converts (every pack's documents and cover), made the same way."""
    from dcity_docs.record.loading import load_record
    from dcity_docs.output.packs import prepare_pack

    files: list[Path] = []
    for path in records:
        job = prepare_pack(load_record(path), folder, record_bytes=path.read_bytes())
        files += job.conversion_inputs
    return files


def bench_batch(records: list[Path], records_dir: Path, work: Path, pool: Any, spec: str | None,
                server_groups: Sequence[int], jobs: int, timeout: float) -> dict[str, Any]:
    """The batch, between two measurements of its conversion floor: LibreOffice servers get slower
    or faster over a run (we saw the same floor take 77-83 s), so the batch is compared with the
    mean of a floor taken just before it and one just after."""
    from dcity_docs.conversion.convert import convert_to_pdf

    files = conversion_inputs(records, work / "floor-in")

    def floor(name: str) -> float:
        say(f"  (c) conversion floor ({name}): the same converter, the batch's {len(files)} document(s), "
            "nothing else ...")
        seconds, _ = timed(lambda: convert_to_pdf(files, work / f"floor-out-{name}", converter=pool,
                                                  workers=jobs, timeout=timeout))
        return seconds

    before = floor("before")
    say(f"  (c) dcity-docs batch of {len(records)} record(s), DOCX + PDF ...")
    batch = run_batch_command(records_dir, work / "batch-out", ("docx", "pdf"), jobs, spec, server_groups)
    after = floor("after")
    floor_s = (before + after) / 2
    made = sum(1 for p in (work / "batch-out").glob("*/*.pdf"))
    return {
        "records": len(records),
        "converter": spec or f"soffice, {jobs} worker(s)",
        **batch,
        "documents_converted": len(files),
        "pdf_files_in_packs": made,
        "documents_per_s": round(len(files) / batch["wall_s"], 2),
        "packs_per_s": round(len(records) / batch["wall_s"], 3),
        "conversion_floor_before_s": round(before, 3),
        "conversion_floor_after_s": round(after, 3),
        "conversion_floor_s": round(floor_s, 3),
        "batch_time_vs_conversion_floor": batch["wall_s"] / floor_s,
        "batch_time_vs_each_floor": [round(batch["wall_s"] / before, 3), round(batch["wall_s"] / after, 3)],
        "note": "the batch's wall time includes its reports (batch report, portfolio register); the floor "
                "converts only the packs' documents; conversion_floor_s is the mean of the floors "
                "measured just before and just after the batch",
    }


def bench_memory(count: int, work: Path, jobs: int) -> dict[str, Any]:
    say(f"  (d) dcity-docs batch -f docx of {count} record(s) ...")
    records_dir = work / "memory-records"
    make_records(count, records_dir)
    result = run_batch_command(records_dir, work / "memory-out", ("docx",), jobs, None, ())
    docx = sum(1 for _ in (work / "memory-out").glob("*/*.docx"))
    result.update(records=count, docx_files=docx, documents_per_s=round(docx / result["wall_s"], 1))
    return result


# --- the run -------------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def median_of(runs: Sequence[Any]) -> Any:
    """The median run, field by field: numbers by their median, dicts key by key, anything else
    as the first run has it (texts, flags) or, where runs differ, the list of them."""
    first = runs[0]
    if all(_number(r) for r in runs):
        middle = statistics.median(runs)
        return round(middle, 4) if isinstance(middle, float) else middle
    if all(isinstance(r, dict) for r in runs):
        return {k: median_of([r[k] for r in runs]) if all(k in r for r in runs) else first[k] for k in first}
    if all(r == first for r in runs):
        return first
    return list(runs)


def _render_line(render: dict[str, Any]) -> str:
    ms = render["per_document_ms"]
    return (f"    per document: ours {ms['ours_docx_bytes']} ms (render only {ms['ours_render_only']} ms), "
            f"naive docxtpl {ms['naive_docxtpl_with_drafting']} ms (render only "
            f"{ms['naive_docxtpl_render_only']} ms), zip floor {ms['zip_floor']} ms: "
            f"{render['render_speedup_vs_naive_docxtpl']:.1f}x faster than naive docxtpl, "
            f"{render['render_time_vs_zip_floor']:.2f}x the zip floor; first document in a new process "
            f"{render['cold_first_document_s']} s")


def _load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100, help="records (and so packs) for (a), (c) [100]")
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--memory-records", type=int, default=1000, help="records of the DOCX-only batch (d) [1000]")
    parser.add_argument("--pdf-documents", type=int, default=20,
                        help="documents converted in (b), at most --records [20]")
    parser.add_argument("--render-records", type=int, default=30, help="records rendered in (a), at most --records [30]")
    parser.add_argument("--servers", type=int, default=2, help="unoserver workers for (b) and (c) [2]")
    parser.add_argument("--jobs", type=int, default=2, help="-j of the batches [2]")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of every ratio in this invocation; each run is printed, the median counts [3]")
    parser.add_argument("--timeout", type=float, default=300, help="conversion timeout, seconds [300]")
    parser.add_argument("--skip-pdf", action="store_true", help="no LibreOffice: (a) and (d) only")
    parser.add_argument("--breakdown", action="store_true",
                        help="per document in (b): time in our client, XML-RPC round trip, unoserver's load and "
                             "export, each worker's idle time")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupted)  # a killed benchmark stops its LibreOffice servers too
    if args.records < 1 or args.memory_records < 0 or args.repeat < 1:
        parser.error("--records and --repeat must be at least 1 and --memory-records at least 0")

    work = args.keep or Path(tempfile.mkdtemp(prefix="dcity-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    # Other work on the machine slows every figure down: the load before and after.
                    "load_average_at_start": [round(x, 2) for x in os.getloadavg()]},
        "arguments": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "targets": TARGETS,
        "runs": {},
    }
    runs: dict[str, list[dict[str, Any]]] = figures["runs"]
    repeat = args.repeat
    servers = None
    try:
        records_dir = work / "records"
        records = make_records(args.records, records_dir)
        say(f"{args.records} record(s) in {records_dir} (DC-BENCH-0001...); load average "
            f"{figures['machine']['load_average_at_start']} on {os.cpu_count()} CPU(s); {repeat} run(s) of each")

        for run in range(1, repeat + 1):
            say(f"(a) DOCX render, run {run}/{repeat} ({_load()}) ...")
            render = bench_render(records[: args.render_records], 3)  # best of 3 within a run
            render["load_average"] = [round(x, 2) for x in os.getloadavg()]
            runs.setdefault("render", []).append(render)
            say(_render_line(render))

        say("(e) redline ...")
        redline = bench_redline(args.repeat)
        figures["redline"] = redline
        say(f"    {redline['packs']} packs: compare {redline['compare_s']} s, NEW's DOCX alone "
            f"{redline['new_docx_s']} s: {redline['redline_time_vs_new_docx']:.2f}x")

        if not args.skip_pdf:
            from dcity_docs.conversion.servers import LocalUnoservers
            from dcity_docs.errors import EnvironmentProblem

            pool = None
            try:
                servers = LocalUnoservers(args.servers)
                started, _ = timed(servers.start)
                pool = servers.pool
                warm = write_jv_documents(records[: args.servers], work / "warm")
                for i, f in enumerate(warm):
                    f.rename(f.with_name(f"warm-{i}.docx"))
                from dcity_docs.conversion.convert import convert_to_pdf

                convert_to_pdf(sorted((work / "warm").glob("warm-*.docx")), work / "warm-out", converter=pool)
                say(f"{args.servers} unoserver worker(s) started in {started:.1f} s (not counted): {servers.spec}")
                figures["unoserver"] = {"servers": args.servers, "start_s": round(started, 2), "spec": servers.spec}
            except EnvironmentProblem as exc:
                say(f"unoserver cannot run here ({exc}); 'ours' is the soffice converter with 2 workers")
                figures["unoserver"] = {"error": str(exc)}
                servers = None

            docs = write_jv_documents(records[: args.pdf_documents], work / "pdf-in")
            groups = [s.process.pid for s in servers.servers] if servers else []
            for run in range(1, repeat + 1):
                say(f"(b) PDF conversion, run {run}/{repeat} ({_load()}) ...")
                pdf = bench_pdf(docs, work / f"pdf-{run}", pool, args.timeout, args.breakdown)
                pdf["load_average"] = [round(x, 2) for x in os.getloadavg()]
                runs.setdefault("pdf", []).append(pdf)
                say("    " + ", ".join(f"{k} {v} s" for k, v in pdf["seconds"].items()))
                say(f"    ours ({pdf['ours']}) is {pdf['pdf_speedup_vs_process_per_doc']:.1f}x faster than a "
                    f"process per document and takes {pdf['pdf_time_vs_one_soffice_call']:.2f}x one LibreOffice "
                    f"call ({_load()})")
                if "breakdown" in pdf:
                    from .breakdown import describe

                    say(describe(pdf["breakdown"]))
                shutil.rmtree(work / f"pdf-{run}", ignore_errors=True)

                say(f"(c) batch, run {run}/{repeat} ({_load()}) ...")
                batch = bench_batch(records, records_dir, work / f"batch-{run}", pool,
                                    servers.spec if servers else None, groups, args.jobs, args.timeout)
                batch["load_average"] = [round(x, 2) for x in os.getloadavg()]
                runs.setdefault("batch", []).append(batch)
                say(f"    {batch['records']} packs in {batch['wall_s']} s: {batch['documents_per_s']} documents/s, "
                    f"{batch['packs_per_s']} packs/s; peak memory {batch['peak_rss_tree_mb']} MB (batch process "
                    "tree)" + (f" + {batch['peak_rss_conversion_servers_mb']} MB (LibreOffice servers)"
                               if batch["peak_rss_conversion_servers_mb"] is not None else ""))
                say(f"    conversion floor {batch['conversion_floor_s']} s (before "
                    f"{batch['conversion_floor_before_s']} s, after {batch['conversion_floor_after_s']} s): batch "
                    f"takes {batch['batch_time_vs_conversion_floor']:.2f}x ({_load()})")
                shutil.rmtree(work / f"batch-{run}", ignore_errors=True)
            if servers is not None:
                servers.stop()
                servers = None

            say(f"(e) one render -f pdf, as a command, {repeat} run(s) of each ({_load()}) ...")
            command = bench_command(records[0], work, repeat, args.timeout)
            command["load_average"] = [round(x, 2) for x in os.getloadavg()]
            figures["command"] = command
            say(f"    render -f pdf {command['seconds']['render_command']} s, bare soffice "
                f"{command['seconds']['bare_soffice']} s: medians {command['median_s']['render_command']} s / "
                f"{command['median_s']['bare_soffice']} s, {command['render_command_vs_bare_soffice']:.2f}x")

        if args.memory_records:
            say(f"(d) DOCX-only batch memory ({_load()}) ...")
            memory = bench_memory(args.memory_records, work / "memory", args.jobs)
            figures["memory"] = memory
            say(f"    {memory['records']} records, {memory['docx_files']} DOCX in {memory['wall_s']} s "
                f"({memory['documents_per_s']} documents/s): peak {memory['peak_rss_tree_mb']} MB RSS, "
                f"{memory['peak_pss_tree_mb']} MB PSS (whole process tree)")
    finally:
        if servers is not None:
            servers.stop()
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    for name, measured in runs.items():
        figures[name] = median_of(measured)
    sources = {
        "render_speedup_vs_naive_docxtpl": "render", "render_time_vs_zip_floor": "render",
        "pdf_speedup_vs_process_per_doc": "pdf", "pdf_time_vs_one_soffice_call": "pdf",
        "batch_time_vs_conversion_floor": "batch",
    }
    ratio_runs: dict[str, list[float] | None] = {
        key: [r[key] for r in runs[name]] if name in runs else None for key, name in sources.items()}
    ratio_runs["render_command_vs_bare_soffice"] = None  # one ratio of the medians of its runs
    ratios = {key: (statistics.median(values) if values else None) for key, values in ratio_runs.items()}
    ratios["render_command_vs_bare_soffice"] = figures.get("command", {}).get("render_command_vs_bare_soffice")
    ratio_runs["redline_time_vs_new_docx"] = None  # the best of its repetitions, in one measurement
    ratios["redline_time_vs_new_docx"] = figures["redline"]["redline_time_vs_new_docx"]
    figures.update({k: (round(v, 3) if isinstance(v, float) else v) for k, v in ratios.items()})
    figures["ratio_runs"] = {k: [round(x, 3) for x in v] if v else v for k, v in ratio_runs.items()}
    figures["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    figures["memory_peak_mb"] = figures.get("memory", {}).get("peak_rss_tree_mb")
    figures["memory_peak_pss_mb"] = figures.get("memory", {}).get("peak_pss_tree_mb")
    say()
    for key in RATIO_KEYS:
        each = figures["ratio_runs"].get(key)
        say(f"{key}: {_fmt(figures[key])}" + (f" (median of {', '.join(_fmt(x) for x in each)})" if each else ""))
    say(f"memory_peak_mb ({args.memory_records} records, DOCX only): {_fmt(figures['memory_peak_mb'])} "
        f"(RSS summed over the batch's processes; PSS {_fmt(figures['memory_peak_pss_mb'])}); load average "
        f"{figures['machine']['load_average_at_start']} at the start, {figures['machine']['load_average_at_end']} "
        "at the end")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        say(f"figures written to {args.json}")
    return 0

"""The benchmark command runs and writes its figures (speed itself is measured by it, never here)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RATIOS = (
    "render_speedup_vs_naive_docxtpl",
    "render_time_vs_zip_floor",
    "pdf_speedup_vs_process_per_doc",
    "pdf_time_vs_one_soffice_call",
    "batch_time_vs_conversion_floor",
)


def test_benchmark_command_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--records", "2", "--skip-pdf", "--memory-records", "3",
         "--repeat", "2", "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    for key in RATIOS:
        assert key in figures, key
    assert figures["render_speedup_vs_naive_docxtpl"] > 0
    assert figures["render_time_vs_zip_floor"] > 0
    assert figures["pdf_speedup_vs_process_per_doc"] is None  # --skip-pdf
    render = figures["render"]
    assert render["ours_identical_to_zip_floor_bytes"] is True
    assert render["naive_same_text"] is True
    assert figures["memory"]["records"] == 3 and figures["memory"]["peak_rss_tree_mb"] > 0
    assert "render_speedup_vs_naive_docxtpl" in result.stdout
    # Every ratio measured --repeat times in the one invocation: the runs kept, the median reported.
    assert len(figures["runs"]["render"]) == 2
    for key in ("render_speedup_vs_naive_docxtpl", "render_time_vs_zip_floor"):
        each = figures["ratio_runs"][key]
        assert len(each) == 2 and each == [round(r[key], 3) for r in figures["runs"]["render"]]
        assert figures[key] == round(statistics.median(r[key] for r in figures["runs"]["render"]), 3)
        assert f"(median of {each[0]:.2f}, {each[1]:.2f})" in result.stdout
    assert result.stdout.count("(a) DOCX render, run") == 2


def test_median_of_runs_goes_field_by_field() -> None:
    sys.path.insert(0, str(REPO))
    from benchmarks.run import median_of

    runs = [{"s": 3.0, "n": {"x": 1}, "k": "a", "ok": True}, {"s": 1.0, "n": {"x": 5}, "k": "a", "ok": True},
            {"s": 2.0, "n": {"x": 2}, "k": "b", "ok": False}]
    assert median_of(runs) == {"s": 2.0, "n": {"x": 2}, "k": ["a", "a", "b"], "ok": [True, True, False]}

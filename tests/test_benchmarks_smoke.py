"""The benchmark command runs and writes its figures (speed itself is measured by it, never here)."""

from __future__ import annotations

import json
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
         "--repeat", "1", "--json", str(out)],
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

"""The order in which workers take documents: the longest first, and work split evenly, so that
no worker converts alone at the end (benchmarks --breakdown measures the idle time)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from dcity_docs.conversion.base import balanced, conversion_cost, largest_first


def _docx(path: Path, text_bytes: int, padding: int = 0) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document>" + "x" * text_bytes + "</w:document>")
        zf.writestr("word/fonts/font.bin", bytes(range(256)) * (padding // 256))  # weighs, lays out nothing
    return path


def test_the_cost_is_the_text_part_not_the_file(tmp_path: Path) -> None:
    short_heavy = _docx(tmp_path / "a.docx", 1_000, padding=400_000)
    long_light = _docx(tmp_path / "b.docx", 90_000)
    assert short_heavy.stat().st_size > long_light.stat().st_size
    assert conversion_cost(long_light) > conversion_cost(short_heavy)
    assert largest_first([short_heavy, long_light]) == [long_light, short_heavy]


def test_a_file_that_is_not_a_docx_counts_by_its_size(tmp_path: Path) -> None:
    odd = tmp_path / "odd.docx"
    odd.write_bytes(b"not a zip" * 10)
    assert conversion_cost(odd) == 90
    assert conversion_cost(tmp_path / "gone.docx") == 0


def test_balanced_chunks_share_the_work(tmp_path: Path) -> None:
    sizes = [90, 10, 10, 10, 10, 10, 10, 10, 10, 10, 50, 40]  # thousands of bytes of text
    files = [_docx(tmp_path / f"d{i:02}.docx", s * 1000) for i, s in enumerate(sizes)]
    chunks = balanced(files, 2)
    loads = [sum(conversion_cost(f) for f in c) for c in chunks]
    assert sorted(f for c in chunks for f in c) == sorted(files)  # every file once
    assert abs(loads[0] - loads[1]) <= 10_100  # contiguous halves would differ by 140,000
    for c in chunks:
        assert c == sorted(c)  # each chunk in the order given
    assert balanced(files, 1) == [files]
    assert len(balanced(files[:3], 5)) == 3  # never an empty chunk

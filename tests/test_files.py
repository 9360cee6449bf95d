"""Output appears whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from dcity_docs.errors import OutputError
from dcity_docs.files import replace_into, staging_folder, write_atomic


def test_write_atomic_failure_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(blocker / "x.docx", b"data")
    assert [p.name for p in tmp_path.iterdir()] == ["not-a-folder"]


def test_write_atomic_cleans_up_when_the_rename_fails(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.mkdir()  # a folder where the file should go: os.replace fails after the write
    (target / "keep").write_bytes(b"")
    with pytest.raises(OutputError):
        write_atomic(target, b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    write_atomic(path, b"one")
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_staging_folder_is_hidden_and_inside_the_output(tmp_path: Path) -> None:
    work = staging_folder(tmp_path / "out", "DC-2026-014")
    assert work.parent == tmp_path / "out" and work.name.startswith(".DC-2026-014.")
    assert work.name.endswith(".partial") and work.is_dir()


def test_replace_into_names_the_target_when_it_fails(tmp_path: Path) -> None:
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF")
    with pytest.raises(OutputError, match="cannot write .*missing"):
        replace_into(source, tmp_path / "missing" / "a.pdf")
    assert source.read_bytes() == b"%PDF"

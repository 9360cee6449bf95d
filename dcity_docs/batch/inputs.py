"""A batch's inputs: record files, the record files of folders, and the rows of registers, read
lazily and in order, each a record to make a pack of or a register that cannot be read."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dcity_docs.errors import RecordInvalid, printable
from dcity_docs.record.loading import record_files
from dcity_docs.record.registers import RegisterRow, is_other_spreadsheet, is_register, read_register


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

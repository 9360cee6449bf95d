"""Opening input files: only regular files, so that a named pipe or a device named ``*.yaml``
cannot hang a validation or a batch (opening a FIFO for reading waits for a writer forever)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from dcity_docs.errors import Problem, RecordInvalid

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refused(file: str, message: str) -> RecordInvalid:
    return RecordInvalid([Problem(file, None, "", message)])


def _not_regular(mode: int) -> str | None:
    """What a file of ``mode`` is, where it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def _kind_message(kind: str, what: str) -> str:
    if kind == "a folder":
        return f"is a folder, not {what}"
    return f"is {kind}, not {what}: only regular files are read (a pipe or a device could be read forever)"


def regular_size(path: Path, what: str = "a record file") -> int:
    """The size of ``path``, refusing by name what is missing, unreadable or not a regular file."""
    file = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _refused(file, "no such file") from None
    except OSError as exc:
        raise _refused(file, f"cannot read: {exc.strerror}") from None
    kind = _not_regular(info.st_mode)
    if kind is not None:
        raise _refused(file, _kind_message(kind, what))
    return info.st_size


def open_regular(path: Path, what: str = "a record file") -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file (checked before opening, and
    again on the open file: a file swapped for a FIFO in between is opened without waiting)."""
    file = str(path)
    regular_size(path, what)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _refused(file, "no such file") from None
    except OSError as exc:
        raise _refused(file, f"cannot read: {exc.strerror}") from None
    try:
        kind = _not_regular(os.fstat(fd).st_mode)
        if kind is not None:
            raise _refused(file, _kind_message(kind, what))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise

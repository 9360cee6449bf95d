"""The output folder of a batch: the lock that keeps a second batch out, the leftovers of a
killed run, and which packs in it are current (made from the same inputs, still whole)."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from dcity_docs.errors import InputError, OutputError
from dcity_docs.output.packs import MANIFEST
from dcity_docs.output.results import DocumentHash

LOCK_NAME = ".dcity-batch.lock"


class BatchBusy(InputError):
    """Another batch is writing into the same output folder."""


class BatchLock:
    """``OUT/.dcity-batch.lock`` held with ``flock`` for the whole batch (released if killed)."""

    def __init__(self, out_dir: Path, *, wait: bool = False, on_wait: Callable[[str], None] | None = None):
        self.path = out_dir / LOCK_NAME
        self.wait = wait
        self.on_wait = on_wait
        self.fd: int | None = None

    def __enter__(self) -> BatchLock:
        import fcntl

        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write into {self.path.parent}: {exc.strerror}") from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
                who = f" (process {holder})" if holder.isdigit() else ""
                message = f"another batch is writing into {self.path.parent}{who}"
                if not self.wait:
                    raise BatchBusy(f"{message}; wait for it to finish, or use --wait to wait for it") from None
                if self.on_wait:
                    self.on_wait(f"{message}; waiting for it to finish")
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


_OLD_PACK = re.compile(r"^\.(?P<name>[A-Z0-9][A-Z0-9-]{2,31})\.old-[0-9]+$")
_TEMP_FILE = re.compile(r"^\..+\.(part|tmp)$")


def remove_leftovers(out_dir: Path) -> int:
    """Remove what an interrupted run left in ``out_dir``; returns how many entries.

    Hidden ``*.partial`` folders (packs and reports being built), LibreOffice staging folders,
    temporary files of atomic writes. A pack moved aside as ``.{id}.old-PID`` just before being
    replaced is put back where the new pack never arrived. Only called with the batch lock held.
    """
    removed = 0
    try:
        entries = sorted(out_dir.iterdir())
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not name.startswith(".") or name == LOCK_NAME:
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                old = _OLD_PACK.match(name)
                if old and not (out_dir / old["name"]).exists():
                    os.replace(entry, out_dir / old["name"])
                    removed += 1
                elif old or name.endswith(".partial") or name.startswith(".dcity-pdf-"):
                    shutil.rmtree(entry)
                    removed += 1
            elif _TEMP_FILE.match(name):
                entry.unlink()
                removed += 1
        except OSError as exc:
            raise OutputError(f"cannot remove {entry}, left by an interrupted run: {exc.strerror}") from None
    return removed


def current_documents(folder: Path, digest: str) -> tuple[DocumentHash, ...] | None:
    """The documents of the pack in ``folder`` if it is whole and made from inputs with ``digest``."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("inputs_sha256") != digest:
            return None
        documents = []
        for entry in manifest["files"]:
            name = entry["file"]
            if not isinstance(name, str) or "/" in name or name.startswith("."):
                return None
            if (folder / name).stat().st_size != entry["size"]:
                return None
            documents.append(DocumentHash(name, str(entry["sha256"])))
        present = {p.name for p in folder.iterdir()} - {MANIFEST} - ({"source"} if "source" in manifest else set())
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if present != {d.file for d in documents}:
        return None
    return tuple(documents)


def documents_of(folder: Path) -> tuple[DocumentHash, ...]:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return tuple(DocumentHash(e["file"], e["sha256"]) for e in manifest["files"])

"""The output folder of a batch: the lock that keeps a second batch out, the leftovers of a
killed run, and which packs in it are current (made from the same inputs, still whole)."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from dcity_docs.errors import OutputError
from dcity_docs.files import LOCK_NAME, TEMP_SUFFIX, FolderBusy, FolderLock, gone_or_me, made_here
from dcity_docs.output.packs import MANIFEST, sha256_file
from dcity_docs.output.results import DocumentHash

BatchBusy = FolderBusy
"""Another batch (or a ``pack``/``render``) is writing into the same output folder."""


class BatchLock(FolderLock):
    """The output folder held exclusively for the whole batch (see :class:`FolderLock`)."""

    def __init__(self, out_dir: Path, *, wait: bool = False, on_wait: Callable[[str], None] | None = None):
        super().__init__(out_dir, shared=False, wait=wait, on_wait=on_wait)


_OLD_PACK = re.compile(r"^\.(?P<name>[A-Z0-9][A-Z0-9-]{2,31})\.old-(?P<pid>[0-9]+)$")


def _old_pack_of_ours(entry: Path, pid: int) -> bool:
    """A pack this tool moved aside (``.{id}.old-PID``, with a manifest it wrote) by a process
    that is gone."""
    try:
        manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
        if not str(manifest.get("generator", "")).startswith("dcity-docs "):
            return False
    except (OSError, ValueError, AttributeError):
        return False
    return gone_or_me(pid)


def remove_leftovers(out_dir: Path) -> int:
    """Remove what an interrupted run of this tool left in ``out_dir``; returns how many entries.

    Only what the tool made, by its own marks: hidden work folders holding its
    :data:`~dcity_docs.files.WORK_MARKER` (packs, reports and PDFs being made) whose process is
    gone, and temporary files ending in :data:`~dcity_docs.files.TEMP_SUFFIX`. Anything else
    (a user's ``.notes.tmp``, a folder named ``.x.partial``) is left alone, and so is the work
    folder of a live process. A pack moved aside as ``.{id}.old-PID`` just before being replaced
    is put back where the new pack never arrived. Only called with the folder lock held.
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
            if entry.is_symlink():
                continue
            if entry.is_dir():
                old = _OLD_PACK.match(name)
                if old and _old_pack_of_ours(entry, int(old["pid"])):
                    if not (out_dir / old["name"]).exists():
                        os.replace(entry, out_dir / old["name"])
                    else:
                        shutil.rmtree(entry)
                    removed += 1
                elif name.endswith(".partial") and made_here(entry):
                    shutil.rmtree(entry)
                    removed += 1
            elif name.endswith(TEMP_SUFFIX) and entry.is_file():
                entry.unlink()
                removed += 1
        except OSError as exc:
            raise OutputError(f"cannot remove {entry}, left by an interrupted run: {exc.strerror}") from None
    return removed


def current_documents(folder: Path, digest: str) -> tuple[DocumentHash, ...] | None:
    """The documents of the pack in ``folder`` if it is whole, made from inputs with ``digest``, and
    every file on disk still has the size and SHA-256 its manifest gives."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("inputs_sha256") != digest:
            return None
        documents = []
        for entry in manifest["files"]:
            name = entry["file"]
            if not isinstance(name, str) or "/" in name or name.startswith("."):
                return None
            path = folder / name
            if path.is_symlink() or path.stat().st_size != entry["size"] or sha256_file(path) != entry["sha256"]:
                return None  # changed on disk since it was made (corrupted, edited): made again
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

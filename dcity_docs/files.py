"""Writing output safely: a file appears whole or not at all, work is done in hidden folders.

Every layer writes through here (documents, catalogs, reports, packs), so these helpers sit at
the bottom of the package with the errors and resources.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from dcity_docs.errors import OutputError

PRIVATE_FILE = 0o600
"""The mode of a restricted document and of every temporary copy of one, whatever the umask."""
PRIVATE_FOLDER = 0o700
"""The mode of a folder that holds a restricted document (a pack with its site annex)."""


def umask() -> int:
    """The process's umask, read without changing it (``os.umask`` sets it, racing other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    old = os.umask(0o077)  # pragma: no cover - no /proc: the only other way to read it
    os.umask(old)
    return old


def file_mode(private: bool = False) -> int:
    """The mode a new file gets: 0600 for a restricted one, else what the user's umask gives."""
    return PRIVATE_FILE if private else 0o666 & ~umask()


def folder_mode(private: bool = False) -> int:
    """The mode a new folder gets: 0700 if it holds a restricted file, else the umask's."""
    return PRIVATE_FOLDER if private else 0o777 & ~umask()


def write_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write to a temporary name in the same folder, then rename: never a half-written file.
    ``private``: a restricted document, mode 0600 (the temporary file is 0600 from its creation);
    otherwise the mode the user's umask gives."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write into {path.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode(private))
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None


def staging_folder(out_dir: Path, name: str) -> Path:
    """A hidden ``.{name}.*.partial`` folder inside ``out_dir`` where output is made before it is
    renamed into place (a batch removes stale ones a killed run left behind)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".partial", dir=out_dir))
    except OSError as exc:
        raise OutputError(f"cannot write into {out_dir}: {exc.strerror}") from None


def replace_into(source: Path, target: Path) -> Path:
    """Rename a finished file into place (same file system: atomic)."""
    try:
        os.replace(source, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    return target

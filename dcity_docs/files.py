"""Writing output safely: a file appears whole or not at all, work is done in hidden folders.

Every layer writes through here (documents, catalogs, reports, packs), so these helpers sit at
the bottom of the package with the errors and resources.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from dcity_docs.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, then rename: never a half-written file."""
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
        os.chmod(tmp, 0o644)
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

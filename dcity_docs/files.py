"""Writing output safely: a file appears whole or not at all, work is done in hidden folders.

Every layer writes through here (documents, catalogs, reports, packs), so these helpers sit at
the bottom of the package with the errors and resources.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from dcity_docs.errors import InputError, OutputError

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


TEMP_SUFFIX = ".dcity-tmp"
"""The end of the name of every temporary file the tool makes (``.{name}.XXXX.dcity-tmp``): the
mark by which a later batch knows a leftover as its own (a user's ``.notes.tmp`` is never touched)."""
WORK_MARKER = ".dcity-docs-work"
"""The file inside every hidden work folder the tool makes (``.{name}.XXXX.partial``), holding the
id of the process that made it: a later batch removes only folders with this mark whose process
is gone."""
LOCK_NAME = ".dcity-batch.lock"
"""The lock file of an output folder (see :class:`FolderLock`)."""


def refuse_link(path: Path) -> None:
    """Refuse to write where a symbolic link stands: nothing the tool writes follows one (a link
    named like an output file, planted in a shared folder, would make it write anywhere)."""
    if path.is_symlink():
        raise OutputError(f"{path} is a symbolic link; dcity-docs never writes through one "
                          "(remove it, or write into another folder)")


def temp_file(folder: Path, name: str) -> tuple[int, str]:
    """A new temporary file for ``name`` in ``folder`` (created exclusively, mode 0600, so never a
    link): its descriptor and path."""
    return tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)


def make_private_folder(folder: Path) -> bool:
    """Create ``folder`` (and its parents) with mode 0700 if it does not exist, whatever the umask:
    it is about to hold a restricted document. Returns whether it was created; an existing folder
    keeps its mode (the files in it are 0600 anyway; the caller may warn)."""
    if folder.exists():
        return False
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=PRIVATE_FOLDER)
        os.chmod(folder, PRIVATE_FOLDER)
    except FileExistsError:
        return False
    except OSError as exc:
        raise OutputError(f"cannot create {folder}: {exc.strerror}") from None
    return True


def readable_by_others(folder: Path) -> bool:
    """``folder`` lets users other than its owner and group list it."""
    try:
        return bool(folder.stat().st_mode & 0o007)
    except OSError:
        return False


def write_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write to a temporary name in the same folder, then rename: never a half-written file.
    ``private``: a restricted document, mode 0600 (the temporary file is 0600 from its creation);
    otherwise the mode the user's umask gives. A symbolic link at ``path`` is refused."""
    refuse_link(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = temp_file(path.parent, path.name)
    except OSError as exc:
        raise OutputError(f"cannot write into {path.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode(private))
        refuse_link(path)
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
        folder = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".partial", dir=out_dir))
        fd = os.open(folder / WORK_MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, f"{os.getpid()}\n".encode())
        finally:
            os.close(fd)
        return folder
    except OSError as exc:
        raise OutputError(f"cannot write into {out_dir}: {exc.strerror}") from None


def made_here(folder: Path) -> bool:
    """``folder`` is a work folder of this tool (it has the :data:`WORK_MARKER`) whose process is
    gone, or is this one: safe to remove as a leftover."""
    try:
        fd = os.open(folder / WORK_MARKER, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            text = os.read(fd, 32).decode("ascii", "replace").strip()
        finally:
            os.close(fd)
    except OSError:
        return False
    return text.isdigit() and gone_or_me(int(text))


def gone_or_me(pid: int) -> bool:
    """Process ``pid`` is this one, or no longer runs: what it left may be removed."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, another user's
        return False
    return _zombie(pid)


def _zombie(pid: int) -> bool:
    """``pid`` has exited and waits only to be reaped (state Z): a worker of a killed batch whose
    new parent (a container's init) does not reap it still answers ``kill(pid, 0)``."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            fields = stat_file.read().rsplit(b")", 1)[-1].split()
    except OSError:
        return False
    return bool(fields) and fields[0] in (b"Z", b"X")


def replace_into(source: Path, target: Path) -> Path:
    """Rename a finished file into place (same file system: atomic); a link at ``target`` is refused."""
    refuse_link(target)
    try:
        os.replace(source, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    return target


class FolderBusy(InputError):
    """Another dcity-docs command holds the output folder in a way that excludes this one."""


class FolderLock:
    """An output folder held while a command writes into it (``flock``, released if the process
    dies). A batch holds it exclusively (it removes leftovers, so nothing else may be working
    there): ``OUT/.dcity-batch.lock``, holding its process id for the message of a second batch,
    and the folder itself. ``pack`` and ``render`` hold the folder shared (several at once, never
    with a batch) and leave no file of their own. The lock file is opened without following a
    symbolic link and must be a regular file."""

    def __init__(self, out_dir: Path, *, shared: bool = False, wait: bool = False,
                 on_wait: Callable[[str], None] | None = None):
        self.out_dir = out_dir
        self.path = out_dir / LOCK_NAME
        self.shared = shared
        self.wait = wait
        self.on_wait = on_wait
        self.fd: int | None = None  # the lock file's (a batch only)
        self.folder_fd: int | None = None

    def _open_file(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NOCTTY | os.O_NONBLOCK
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            if self.path.is_symlink():
                raise OutputError(f"{self.path} is a symbolic link; dcity-docs never writes through one "
                                  "(remove it)") from None
            raise OutputError(f"cannot write into {self.out_dir}: {exc.strerror}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise OutputError(f"{self.path} is not a regular file; remove it")
        return fd

    def _holder(self) -> str:
        """The process id a batch wrote into the lock file ("" if none, or no such file)."""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            return ""
        try:
            text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        finally:
            os.close(fd)
        return text if text.isdigit() else ""

    def _take(self, fd: int, kind: int, message: Callable[[], str]) -> None:
        import fcntl

        try:
            fcntl.flock(fd, kind | fcntl.LOCK_NB)
        except BlockingIOError:
            text = message()
            if not self.wait:
                hint = "use --wait to wait for it" if not self.shared else "run this again when it is done"
                raise FolderBusy(f"{text}; wait for it to finish, or {hint}") from None
            if self.on_wait:
                self.on_wait(f"{text}; waiting for it to finish")
            fcntl.flock(fd, kind)

    def _batch_message(self) -> str:
        holder = self._holder()
        return f"another batch is writing into {self.out_dir}" + (f" (process {holder})" if holder else "")

    def __enter__(self) -> FolderLock:
        import fcntl

        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            folder_fd = os.open(self.out_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            raise OutputError(f"cannot write into {self.out_dir}: {exc.strerror}") from None
        fd: int | None = None
        try:
            if self.shared:
                self._take(folder_fd, fcntl.LOCK_SH, self._batch_message)
            else:
                fd = self._open_file()
                self._take(fd, fcntl.LOCK_EX, self._batch_message)
                self._take(folder_fd, fcntl.LOCK_EX, lambda: f"a pack or render is writing into {self.out_dir}")
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except BaseException:
            os.close(folder_fd)
            if fd is not None:
                os.close(fd)
            raise
        self.fd, self.folder_fd = fd, folder_fd
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self.fd is not None:
            try:
                os.ftruncate(self.fd, 0)  # no process id left behind for a later message
            except OSError:
                pass
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
        if self.folder_fd is not None:
            fcntl.flock(self.folder_fd, fcntl.LOCK_UN)
            os.close(self.folder_fd)
            self.folder_fd = None

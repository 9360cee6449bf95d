"""Local ``unoserver`` processes: long-lived LibreOffice workers on this machine, for the tests, the
benchmarks and one-machine setups (``with LocalUnoservers(2) as servers: ... servers.pool``).

unoserver's server side imports LibreOffice's Python module ``uno``, which exists only for the
Python that LibreOffice was built with (Debian: ``python3-uno`` for ``/usr/bin/python3``), often
not the Python this package runs in. :func:`find_uno_python` finds one that has it; if that one
lacks the unoserver package, it is given ours (pure Python) through ``PYTHONPATH``, and nothing
else of ours. Each server gets its own LibreOffice profile, ports and temporary folder, so servers
never share a lock; servers are stopped (whole process group, SIGTERM then SIGKILL) in bounded time.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from dcity_docs import settings
from dcity_docs.conversion.locating import find_soffice
from dcity_docs.conversion.processes import stop_groups
from dcity_docs.conversion.unoserver import UnoserverPool
from dcity_docs.conversion.profile import prepare_profile
from dcity_docs.errors import EnvironmentProblem

UNO_PYTHON_ENV = settings.UNO_PYTHON
UNO_INSTALL_HINT = "apt-get install -y python3-uno (LibreOffice's Python bridge) and pip install unoserver"


def _probe(python: str, code: str, env: dict[str, str]) -> bool:
    """``python -c code`` succeeds. In a throwaway home and temporary folder: importing ``uno``
    bootstraps LibreOffice, which makes ``~/.config`` in the user's home."""
    with tempfile.TemporaryDirectory(prefix="dcity-probe-") as scratch:
        try:
            return subprocess.run([python, "-c", code], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, env=dict(env, HOME=scratch, TMPDIR=scratch),
                                  cwd=scratch, timeout=30).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            return False


def _clean_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONHOME", "PYTHONPATH", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    env["SAL_USE_VCLPLUGIN"] = "svp"  # headless rendering, never a GUI plugin
    ctype = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or ""
    if "UTF-8" not in ctype.upper().replace("UTF8", "UTF-8"):
        env["LC_ALL"] = "C.UTF-8"  # Cyrillic file names
    return env


def find_uno_python() -> str:
    """A Python that can ``import uno``: $DCITY_UNO_PYTHON, this one, the system's, LibreOffice's."""
    candidates: list[str] = []
    configured = settings.value(UNO_PYTHON_ENV)
    if configured:
        candidates.append(configured)
    candidates += [sys.executable, "/usr/bin/python3"]
    try:
        candidates.append(str(Path(os.path.realpath(find_soffice())).parent / "python"))
    except EnvironmentProblem:
        pass
    for python in dict.fromkeys(candidates):
        if (Path(python).is_file() or shutil.which(python)) and _probe(python, "import uno", _clean_env()):
            return python
    raise EnvironmentProblem(
        f"no Python here can import LibreOffice's 'uno' module (tried {', '.join(dict.fromkeys(candidates))}); "
        f"{UNO_INSTALL_HINT}, or set {UNO_PYTHON_ENV}"
    )


def _unoserver_shim(folder: Path) -> Path | None:
    """A folder holding only our unoserver package (and its metadata), for another Python's path."""
    spec = importlib.util.find_spec("unoserver")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(list(spec.submodule_search_locations)[0])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "unoserver").symlink_to(package, target_is_directory=True)
    try:
        dist = importlib.metadata.distribution("unoserver")
        info = Path(str(dist.locate_file(""))) / f"unoserver-{dist.version}.dist-info"
        if info.is_dir():
            (folder / info.name).symlink_to(info, target_is_directory=True)
    except importlib.metadata.PackageNotFoundError:
        pass
    return folder


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class LocalUnoserver:
    host: str
    port: int
    uno_port: int
    root: Path
    process: subprocess.Popen[bytes]

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def log(self) -> Path:
        return self.root / "unoserver.log"

    def ready(self) -> bool:
        try:
            proxy = xmlrpc.client.ServerProxy(f"http://{self.address}/", allow_none=True)
            with proxy:
                return bool(proxy.system.listMethods())
        except (OSError, xmlrpc.client.Error):
            return False

    def stop(self, timeout: float = 2) -> None:
        """Stop the whole process group in bounded time (see :func:`stop_groups`)."""
        stop_groups([self.process], timeout)


class LocalUnoservers:
    """``count`` unoserver processes on ``host`` (free ports, own profiles); a context manager.

    ``start()`` waits until every server answers (unoserver takes about 7 s to come up) or raises
    :class:`EnvironmentProblem` with the servers' logs; ``stop()`` ends them all in bounded time.
    """

    def __init__(self, count: int = 2, *, host: str = "127.0.0.1", ready_timeout: float = 90,
                 root: Path | None = None):
        if count < 1:
            raise ValueError("count must be at least 1")
        self.count = count
        self.host = host
        self.ready_timeout = ready_timeout
        self._root_given = root
        self.root: Path | None = None
        self.servers: list[LocalUnoserver] = []

    @property
    def spec(self) -> str:
        """The ``--converter`` value for these servers."""
        return "unoserver://" + ",".join(s.address for s in self.servers)

    @property
    def pool(self) -> UnoserverPool:
        return UnoserverPool([(s.host, s.port) for s in self.servers])

    def start(self) -> LocalUnoservers:
        soffice = find_soffice()
        python = find_uno_python()
        self.root = Path(tempfile.mkdtemp(prefix="dcity-unoservers-", dir=self._root_given))
        env = _clean_env()
        if not _probe(python, "import unoserver.server", env):
            shim = _unoserver_shim(self.root / "pythonpath")
            if shim is not None:
                env["PYTHONPATH"] = str(shim)
            if shim is None or not _probe(python, "import unoserver.server", env):
                self.stop()
                raise EnvironmentProblem(f"{python} can import uno but not unoserver; {UNO_INSTALL_HINT}")
        try:
            for index in range(self.count):
                root = self.root / f"server-{index + 1}"
                for sub in ("profile", "home", "tmp"):
                    (root / sub).mkdir(parents=True)
                prepare_profile(root / "profile")
                port, uno_port = free_port(self.host), free_port(self.host)
                while uno_port == port:
                    uno_port = free_port(self.host)
                server_env = dict(env, HOME=str(root / "home"), TMPDIR=str(root / "tmp"))
                cmd = [python, "-m", "unoserver.server", "--interface", self.host, "--port", str(port),
                       "--uno-interface", self.host, "--uno-port", str(uno_port),
                       "--user-installation", str(root / "profile"), "--executable", soffice]
                with (root / "unoserver.log").open("wb") as log:
                    process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                               env=server_env, cwd=root, start_new_session=True)
                self.servers.append(LocalUnoserver(self.host, port, uno_port, root, process))
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.ready_timeout
        waiting = list(self.servers)
        while waiting:
            waiting = [s for s in waiting if not s.ready()]
            dead = [s for s in waiting if s.process.poll() is not None]
            if dead or (waiting and time.monotonic() > deadline):
                why = "exited" if dead else f"did not answer within {self.ready_timeout:g} s"
                logs = "\n".join(f"--- {s.address}:\n{_tail(s.log)}" for s in dead or waiting)
                raise EnvironmentProblem(f"unoserver {why}:\n{logs}")
            if waiting:
                time.sleep(0.25)

    def stop(self, timeout: float = 2) -> None:
        """Stop every server at once: at most ``timeout`` + 5 seconds, however many there are."""
        stop_groups([s.process for s in self.servers], timeout)
        self.servers = []
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> LocalUnoservers:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def _tail(path: Path, size: int = 1500) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-size:]
    except OSError:
        return "(no log)"

"""A user's template renders under a time limit and a memory limit of its own.

Jinja's sandbox bounds ``*`` and ``**`` (see :mod:`dcity_docs.layout.rendering`), but a template
has many other ways to make work: ``range`` in nested loops, ``~`` in a loop, ``format``,
``center``. Rather than bound each, the Jinja code of a user's template runs in a child process
(forked, so the compiled template and the context need no copying) with an address-space limit
and a CPU limit, and the parent kills it at a wall-clock deadline. The bundled templates are ours
and render in-process as before.
"""

from __future__ import annotations

import math
import os
import pickle
import resource
import select
import signal
import struct
import time
import warnings
from dataclasses import dataclass
from typing import Callable, Iterator

from dcity_docs import settings
from dcity_docs.errors import TemplateProblem

_FRAME = struct.Struct("!Q")


@dataclass(frozen=True)
class RenderLimits:
    """How long (wall clock, seconds) and how much more memory (MB) one render may take."""

    seconds: float
    memory_mb: int

    @classmethod
    def from_settings(cls) -> "RenderLimits":
        return cls(settings.template_seconds(), settings.template_memory_mb())

    def stated(self) -> str:
        return (f"a user's template may run for {self.seconds:g} s and take {self.memory_mb} MB per document "
                f"(settings {settings.TEMPLATE_SECONDS}, {settings.TEMPLATE_MEMORY_MB})")


def can_limit() -> bool:
    """Whether this system can run a render in a limited child process (POSIX with fork)."""
    return hasattr(os, "fork")


def _address_space() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _send(fd: int, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_FRAME.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _child(fd: int, limits: RenderLimits, steps: Iterator[tuple[str, Callable[[], bytes]]]) -> None:
    """In the child: limit itself, run each step, report each step's name and the results."""
    cpu = math.ceil(limits.seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = _address_space() + limits.memory_mb * 1024 * 1024
    if hard == resource.RLIM_INFINITY or ceiling < hard:
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    results: dict[str, bytes] = {}
    try:
        for name, step in steps:
            _send(fd, ("step", name))
            results[name] = step()
        message: object = ("done", results)
    except MemoryError:
        results.clear()
        message = ("memory", None)
    except TemplateProblem as exc:
        message = ("problem", str(exc))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it as a problem
        message = ("problem", f"{type(exc).__name__}: {exc}")
    try:
        _send(fd, message)
    except MemoryError:
        _send(fd, ("memory", None))


def run_limited(what: str, steps: list[tuple[str, Callable[[], bytes]]], limits: RenderLimits) -> dict[str, bytes]:
    """Each ``(name, step)``'s result, computed in a child process under ``limits``; raises
    :class:`TemplateProblem` naming ``what`` (the template), the step and the limit hit."""
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads: the child runs no other
        pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        status = 0
        try:
            os.close(read_fd)
            _child(write_fd, limits, iter(steps))
        except BaseException:  # noqa: BLE001 - nothing may escape a forked child
            status = 70
        finally:
            os._exit(status)
    os.close(write_fd)
    deadline = time.monotonic() + limits.seconds
    buffer = bytearray()
    step = steps[0][0] if steps else ""
    outcome: tuple[str, object] | None = None
    timed_out = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                break
            buffer += chunk
            while len(buffer) >= _FRAME.size:
                (size,) = _FRAME.unpack_from(buffer)
                if len(buffer) < _FRAME.size + size:
                    break
                kind, payload = pickle.loads(bytes(buffer[_FRAME.size:_FRAME.size + size]))
                del buffer[:_FRAME.size + size]
                if kind == "step":
                    step = str(payload)
                else:
                    outcome = (kind, payload)
    finally:
        os.close(read_fd)
        if timed_out or outcome is None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
    where = f"{what} ({step})" if step else what
    if timed_out:
        raise TemplateProblem(f"{where}: refused: rendering took longer than {limits.seconds:g} s; "
                              f"{limits.stated()}")
    if outcome is None:
        signalled = os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL)
        reason = "took more time than it may" if signalled else "stopped without an answer"
        raise TemplateProblem(f"{where}: refused: rendering {reason}; {limits.stated()}")
    kind, payload = outcome
    if kind == "memory":
        raise TemplateProblem(f"{where}: refused: rendering needed more than {limits.memory_mb} MB of memory; "
                              f"{limits.stated()}")
    if kind == "problem":
        raise TemplateProblem(str(payload))
    assert isinstance(payload, dict)
    return payload

"""Where LibreOffice's ``soffice`` is, and what to install when it is not there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from dcity_docs import settings
from dcity_docs.errors import EnvironmentProblem

__all__ = ["INSTALL_COMMAND", "SOFFICE_ENV", "find_soffice"]

INSTALL_COMMAND = "apt-get install -y libreoffice-writer-nogui fonts-liberation2"
SOFFICE_ENV = settings.SOFFICE

#: Looked at, in this order, after $DCITY_SOFFICE and $PATH.
FALLBACK_LOCATIONS: tuple[str, ...] = (
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


def _install_hint() -> str:
    return f"install LibreOffice (Debian/Ubuntu: {INSTALL_COMMAND})"


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_soffice() -> str:
    """Return the path of the LibreOffice executable.

    Order: ``$DCITY_SOFFICE`` (if set it must be right: no fallback),
    ``soffice`` / ``libreoffice`` on ``$PATH``, then :data:`FALLBACK_LOCATIONS`.
    Raises :class:`EnvironmentProblem` naming the install command.
    """
    configured = settings.value(SOFFICE_ENV)
    if configured:
        path = Path(configured).expanduser()
        if _is_executable(path):
            return str(path)
        raise EnvironmentProblem(
            f"{SOFFICE_ENV} is set to {configured!r}, which is not an executable file; "
            f"point it at LibreOffice's soffice or unset it, or {_install_hint()}"
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in FALLBACK_LOCATIONS:
        if _is_executable(Path(candidate)):
            return candidate
    raise EnvironmentProblem(
        f"LibreOffice (soffice) was not found on PATH nor in the usual places; {_install_hint()}, "
        f"or set {SOFFICE_ENV} to its path"
    )

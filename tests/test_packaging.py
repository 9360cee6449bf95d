"""`pip install .` (not only an editable install) gives a tool that works from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the project installed from a built wheel (dependencies are
    taken from the running interpreter's site-packages, so no download is needed)."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    wheels = tmp_path_factory.mktemp("wheel")
    # From a clean copy: setuptools' build/ folder in a working tree can hold modules that have
    # since moved, which would end up in the wheel beside the new ones.
    source = tmp_path_factory.mktemp("source") / "dcity-docs"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".venv", "out", ".hypothesis"))
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("dcity_docs-*.whl"))
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-compile", "-q", "--target", site, str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert install.returncode == 0, install.stderr
    return python


def _run(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    return subprocess.run([str(python), "-m", "dcity_docs", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def test_installed_package_ships_templates_and_catalogs(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run([str(installed), "-c", "import dcity_docs, sys; print(dcity_docs.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()
    package = Path(where).parent
    assert not package.is_relative_to(ROOT), "the test must use the installed copy, not the source tree"
    assert (package / "templates" / "agreements" / "jv-agreement.docx").is_file()
    assert (package / "locales" / "uk" / "LC_MESSAGES" / "messages.po").is_file()
    assert list(package.glob("locales/**/*.mo")) == []  # compiled at first use, never shipped
    source_modules = {p.relative_to(ROOT / "dcity_docs").as_posix() for p in (ROOT / "dcity_docs").rglob("*.py")}
    shipped = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    assert shipped == source_modules  # every layer folder, and nothing that has moved away


def test_installed_tool_renders_from_any_folder(installed: Path, tmp_path: Path) -> None:
    version = _run(installed, "--version", cwd=tmp_path)
    assert version.returncode == 0 and "dcity-docs" in version.stdout
    record = tmp_path / "record.yaml"
    record.write_bytes((ROOT / "fixtures" / "DC-2026-014.yaml").read_bytes())
    result = _run(installed, "render", "jv-agreement", str(record), "-l", "uk", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "DC-2026-014_jv-agreement_uk.docx").stat().st_size > 10_000

"""The guards every test runs under (tests/guards.py) fail when what they guard against happens:
a test run inside this one connects to the outside-world listener, leaves a folder in the tested
code's temporary folder or home folder, a file in the system temporary folder and one in the
repository. (So the suite's checks cannot pass for want of looking.)"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from guards import REPO

INNER = '''
import socket
import tempfile
from pathlib import Path

from guards import outside


def test_quiet():
    assert True


def test_reaches_outside():
    with socket.create_connection(("127.0.0.1", outside().port), timeout=5) as conn:
        conn.sendall(b"GET /x.png HTTP/1.0\\r\\n\\r\\n")
        conn.recv(100)


def test_leaves_a_folder_in_tmpdir():
    tempfile.mkdtemp(prefix="dcity-")


def test_leaves_a_file_in_home():
    (Path.home() / ".config").mkdir()


def test_leaves_a_file_in_tmp():
    Path("{tmp_file}").write_text("left")


def test_leaves_a_file_in_the_repository():
    Path("{repo_file}").write_text("left")
'''


def test_each_guard_fails_the_test_or_the_run_that_does_what_it_guards_against(tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:12]
    tmp_file = Path("/tmp") / f"dcity-guard-probe-{tag}"
    repo_file = REPO / "tests" / f".guard-probe-{tag}"
    inner = tmp_path / "inner" / "test_inner.py"
    inner.parent.mkdir()
    inner.write_text(INNER.replace("{tmp_file}", str(tmp_file)).replace("{repo_file}", str(repo_file)))
    env = dict(os.environ, PYTHONPATH=str(REPO / "tests"))
    try:
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "guards", "-p", "no:cacheprovider",
                              "--basetemp", str(tmp_path / "base"), "-rA", str(inner)],
                             cwd=inner.parent, env=env, capture_output=True, text=True, timeout=120)
    finally:
        tmp_file.unlink(missing_ok=True)
        repo_file.unlink(missing_ok=True)
    out = run.stdout
    assert run.returncode == 1, out + run.stderr
    assert "PASSED test_inner.py::test_quiet" in out, out
    assert "ERROR test_inner.py::test_reaches_outside" in out and "GET /x.png" in out, out
    assert "ERROR test_inner.py::test_leaves_a_folder_in_tmpdir" in out, out
    assert f"left outside the test's temporary folder: ['{tmp_path / 'base' / 'tmpdir'}/dcity-" in out, out
    assert "ERROR test_inner.py::test_leaves_a_file_in_home" in out, out
    assert f"left outside the test's temporary folder: ['{tmp_path / 'base' / 'home' / '.config'}']" in out, out
    assert "files left outside the tests' temporary folders" in out, out
    assert f"{tmp_file} (made during test_inner.py::test_leaves_a_file_in_tmp)" in out, out
    assert f"repository: tests/{repo_file.name}" in out, out

"""LibreOffice's single-instance socket (``OSL_PIPE_{uid}_SingleOfficeIPC_*``) goes to ``/tmp``
whatever ``$TMPDIR`` says, and stays there after every call, killed or not: each call removes the
ones that appeared during it and that nobody listens on. (A stand-in for LibreOffice.)"""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest

from dcity_docs.conversion.convert import convert_to_pdf
from dcity_docs.conversion.processes import OSL_PIPE_FOLDER, osl_pipes, remove_stale_pipes
from dcity_docs.errors import ConversionError
from test_faults import fake_soffice

LEAVES_A_PIPE = """
import socket
name = f"/tmp/OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{os.environ['PIPE_TAG']}"
sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
sock.bind(name)
sock.listen(1)
assert os.environ["TMPDIR"] != "/tmp" and Path(os.environ["TMPDIR"]).is_dir()
(FAULT / "tmpdir").write_text(os.environ["TMPDIR"])
if os.environ.get("PIPE_HANG"):
    time.sleep(60)  # killed on timeout, its socket left behind
blank_pdfs(files)
"""


def a_docx(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "a.docx"
    path.parent.mkdir()
    path.write_bytes(b"PK")
    return path


@pytest.mark.parametrize("hang", [False, True])
def test_the_socket_a_call_leaves_in_tmp_is_removed_and_its_private_folder_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hang: bool) -> None:
    tag = f"dcitytest{uuid.uuid4().hex[:12]}"
    pipe = OSL_PIPE_FOLDER / f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{tag}"
    monkeypatch.setenv("DCITY_SOFFICE", str(fake_soffice(tmp_path, LEAVES_A_PIPE)))
    monkeypatch.setenv("PIPE_TAG", tag)
    if hang:
        monkeypatch.setenv("PIPE_HANG", "1")
    try:
        if hang:
            with pytest.raises(ConversionError):
                convert_to_pdf([a_docx(tmp_path)], tmp_path / "out", timeout=2)
        else:
            convert_to_pdf([a_docx(tmp_path)], tmp_path / "out", timeout=30)
        assert (tmp_path / "calls.log").is_file()
        assert not pipe.exists()  # there while it ran, gone after
        assert not Path((tmp_path / "tmpdir").read_text()).exists()  # the private TMPDIR removed
    finally:
        pipe.unlink(missing_ok=True)


def test_a_socket_someone_listens_on_is_left_alone(tmp_path: Path) -> None:
    uid = os.getuid()
    before = osl_pipes()
    live = OSL_PIPE_FOLDER / f"OSL_PIPE_{uid}_SingleOfficeIPC_dcitytest{uuid.uuid4().hex[:12]}"
    stale = OSL_PIPE_FOLDER / f"OSL_PIPE_{uid}_SingleOfficeIPC_dcitytest{uuid.uuid4().hex[:12]}"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    gone = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(live))
        listener.listen(4)
        gone.bind(str(stale))
        gone.close()  # bound, never listened on, closed: what a killed LibreOffice leaves
        remove_stale_pipes(before)
        assert live.exists() and not stale.exists()
    finally:
        listener.close()
        live.unlink(missing_ok=True)
        stale.unlink(missing_ok=True)

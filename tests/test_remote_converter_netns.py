"""A remote plain ``unoserver://`` converter, on a real non-loopback address: in a network namespace
of its own (``unshare -n``, so no packet leaves the machine) 10.77.0.1 is put on the namespace's
loopback device and a listener waits there. A pack of a restricted annex fails before connecting;
for an unrestricted document the tool does connect and send its request (the listener sees it), so
the address is reachable and the refusal is the tool's, not the network's."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RESTRICTED = FIXTURES / "DC-2026-014.yaml"  # site in Ukraine, classification: restricted
ADDRESS = "10.77.0.1"

INSIDE = textwrap.dedent(r"""
    import json, socket, subprocess, sys, threading
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    subprocess.run(["ip", "addr", "add", "ADDRESS/32", "dev", "lo"], check=True)
    listener = socket.create_server(("ADDRESS", 0))
    port = listener.getsockname()[1]
    seen = []

    def accept():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.settimeout(5)
            data = b""
            try:
                while b"</methodCall>" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
            except OSError:
                pass
            seen.append(len(data))
            conn.close()  # no answer: the client fails, which is all this test needs

    threading.Thread(target=accept, daemon=True).start()
    converter = f"unoserver://ADDRESS:{port}"
    out = sys.argv[2]
    restricted = subprocess.run([sys.executable, "-m", "dcity_docs", "pack", sys.argv[1], "-o", out + "/r",
                                 "--converter", converter], capture_output=True, text=True)
    after_restricted = list(seen)
    public = subprocess.run([sys.executable, "-m", "dcity_docs", "render", "memorandum", sys.argv[1], "-l", "en",
                             "-f", "pdf", "-o", out + "/p", "--converter", converter],
                            capture_output=True, text=True)
    print(json.dumps({"restricted": [restricted.returncode, restricted.stderr], "after_restricted": after_restricted,
                      "public": [public.returncode, public.stderr], "seen": seen}))
""").replace("ADDRESS", ADDRESS)


def _netns_available() -> bool:
    if not shutil.which("unshare") or not shutil.which("ip"):
        return False
    probe = subprocess.run(["unshare", "-n", "ip", "link", "set", "lo", "up"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _netns_available(), reason="needs `unshare -n` and `ip` (root or user namespaces)")
def test_a_restricted_annex_is_never_sent_to_a_remote_plain_converter_on_a_real_address(tmp_path: Path) -> None:
    script = tmp_path / "inside.py"
    script.write_text(INSIDE, encoding="utf-8")
    ran = subprocess.run(["unshare", "-n", sys.executable, str(script), str(RESTRICTED), str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    result = json.loads(ran.stdout.strip().splitlines()[-1])
    code, message = result["restricted"]
    assert code == 1, message
    assert "DC-2026-014_site-protection-annex_uk_copy-1.docx" in message and "unencrypted" in message
    assert "Traceback" not in message
    assert result["after_restricted"] == []  # not even a connection to the remote address
    assert not (tmp_path / "r" / "DC-2026-014").exists()
    # the same address is reachable and the tool talks to it for an unrestricted document: its first
    # XML-RPC request reached the listener (which never answers, so no document follows)
    assert result["seen"] and all(size > 0 for size in result["seen"]), result
    assert result["public"][0] != 0  # the listener does not answer, so that render fails, cleanly
    assert "Traceback" not in result["public"][1]

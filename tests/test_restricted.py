"""Restricted documents stay restricted: the site annex of a venture in Ukraine (classification
``restricted``) and everything holding it are private on disk, whatever the user's umask; every
other file keeps the umask."""

from __future__ import annotations

import re
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from readback import pdftotext_pages

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RESTRICTED = FIXTURES / "DC-2026-014.yaml"  # site in Ukraine, classification: restricted
PUBLIC_SITE = FIXTURES / "DC-2026-021.yaml"  # site in Ukraine, classification: public

needs_libreoffice = pytest.mark.skipif(
    not (os.environ.get("DCITY_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) not installed")


def pack_with_umask(record: Path, out: Path, umask: int, *extra: str) -> subprocess.CompletedProcess[str]:
    """``dcity-docs pack`` as a user whose umask is ``umask`` (its own process: the umask is per process)."""
    return subprocess.run([sys.executable, "-m", "dcity_docs", "pack", str(record), "-o", str(out), *extra],
                          capture_output=True, text=True, preexec_fn=lambda: os.umask(umask), timeout=600)


def modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}


@needs_libreoffice
@pytest.mark.parametrize(("umask", "formats"), [(0o022, ("docx", "pdf")), (0o002, ("docx",))])
def test_a_fresh_pack_keeps_the_annex_0600_in_a_0700_folder_and_the_rest_at_the_umask(tmp_path, umask, formats,
                                                                                      request):
    """With the PDFs (LibreOffice's output too) at one umask: the module's pack, made fresh at
    0o022; the DOCX alone at another (the same modes are set the same way, and the suite spares a
    second conversion of the pack)."""
    if "pdf" in formats:
        pack = request.getfixturevalue("restricted_pack")
        out = pack.parent
    else:
        out = tmp_path / "out"
        result = pack_with_umask(RESTRICTED, out, umask, *(a for f in formats for a in ("-f", f)))
        assert result.returncode == 0, result.stderr
        pack = out / "DC-2026-014"
    assert stat.S_IMODE(pack.stat().st_mode) == 0o700
    files = modes(pack)
    # the record it was made from holds the site's particulars: private like the annex
    assert files.pop("source") == 0o700
    assert set(modes(pack / "source").values()) == {0o600}
    annex = {n for n in files if "_site-protection-annex_" in n}
    assert len(annex) == 3 * 3 * len(formats)  # copies No. 1-3 (the Ministry, two Shareholders); uk, en, bilingual
    merged = "DC-2026-014_pack.pdf"  # holds the annex's pages
    assert (merged in files) == ("pdf" in formats)
    for name, mode in files.items():
        want = 0o600 if name in annex or name == merged else 0o666 & ~umask
        assert mode == want, f"{name}: {mode:o}, not {want:o}"
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~umask  # the output folder: the user's own


@needs_libreoffice
def test_a_pack_without_a_restricted_document_keeps_the_umask(tmp_path):
    out = tmp_path / "out"
    result = pack_with_umask(PUBLIC_SITE, out, 0o027, "-f", "docx")
    assert result.returncode == 0, result.stderr
    pack = out / "DC-2026-021"
    assert stat.S_IMODE(pack.stat().st_mode) == 0o750
    files = modes(pack)
    assert files.pop("source") == 0o750
    assert set(files.values()) == set(modes(pack / "source").values()) == {0o640}


@pytest.fixture(scope="module")
def restricted_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("restricted") / "out"
    result = pack_with_umask(RESTRICTED, out, 0o022)
    assert result.returncode == 0, result.stderr
    return out / "DC-2026-014"


MARKING_UK, MARKING_EN = "Для службового користування", "RESTRICTED"


def stamped(text: str) -> bool:
    """The page carries the classification marking: the words as a marking, not quoted in a
    clause that speaks of it (the agreement's clause on official information names the grif
    «Для службового користування» and “RESTRICTED”)."""
    text = " ".join(text.split())
    return bool(re.search(r"(?<![«„“\"])Для службового користування|(?<![“\"‘])RESTRICTED", text))


@needs_libreoffice
def test_every_page_of_a_merged_pack_with_a_restricted_annex_carries_the_marking(restricted_pack):
    """Read back page by page: the cover, the memorandum and the agreement too, not only the
    annex's own pages; the PDF's metadata names the classification."""
    from pypdf import PdfReader

    reader = PdfReader(restricted_pack / "DC-2026-014_pack.pdf")
    texts = pdftotext_pages(restricted_pack / "DC-2026-014_pack.pdf")
    assert len(texts) == len(reader.pages) > 10
    unmarked = [n for n, text in enumerate(texts, 1) if MARKING_UK not in text or MARKING_EN not in text]
    assert unmarked == []
    assert all(stamped(t) for t in texts)  # what the packs without the annex are checked against
    assert "DOCUMENT PACK" in texts[0]  # the cover is marked too
    info = reader.metadata
    assert info["/Classification"] == "restricted"
    assert MARKING_UK in info["/Keywords"] and MARKING_EN in info["/Keywords"]
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert MARKING_EN in xmp
    # The memorandum on its own carries no marking: only what holds the annex does.
    alone = pdftotext_pages(restricted_pack / "DC-2026-014_memorandum_bilingual.pdf")
    assert alone and not any(MARKING_EN in page for page in alone)


@needs_libreoffice
def test_the_manifest_records_each_files_marking(restricted_pack):
    import json

    files = json.loads((restricted_pack / "manifest.json").read_text(encoding="utf-8"))["files"]
    marking = {f["file"]: f["marking"] for f in files}
    # three documents and the annex's 3 numbered copies, in three languages as DOCX and PDF, and the merged pack
    assert len(marking) == (3 + 3) * 3 * 2 + 1
    for name, level in marking.items():
        restricted = "_site-protection-annex_" in name or name == "DC-2026-014_pack.pdf"
        assert level == ("restricted" if restricted else "public"), name


@needs_libreoffice
def test_pack_without_restricted_leaves_the_annex_out_of_the_merged_pack_and_says_so(tmp_path):
    import json

    from pypdf import PdfReader

    out = tmp_path / "out"
    result = pack_with_umask(RESTRICTED, out, 0o022, "--without-restricted")
    assert result.returncode == 0, result.stderr
    pack = out / "DC-2026-014"
    reader = PdfReader(pack / "DC-2026-014_pack.pdf")
    texts = pdftotext_pages(pack / "DC-2026-014_pack.pdf")
    whole = " ".join(" ".join(texts).split())
    assert not any("· Annex No. 1: Site Protection" in t.replace("\u00a0", " ") for t in texts)  # no page of the annex (its footer)
    tops = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    assert len(tops) == 4 and not any("Site Protection" in t for t in tops), tops  # cover, MoU, JVA, SHA
    assert not any(stamped(t) for t in texts)
    assert "is issued separately and is not included in this pack" in whole
    assert "видається окремо й до цього пакета не входить" in whole
    assert "/Classification" not in reader.metadata
    # The annex's own files are still made, private; the merged pack keeps the umask.
    files = modes(pack)
    assert stat.S_IMODE(pack.stat().st_mode) == 0o700
    assert files["DC-2026-014_pack.pdf"] == 0o644
    assert files["DC-2026-014_site-protection-annex_bilingual_copy-1.pdf"] == 0o600
    listed = {f["file"]: f["marking"] for f in json.loads((pack / "manifest.json").read_text())["files"]}
    assert listed["DC-2026-014_pack.pdf"] == "public"
    assert listed["DC-2026-014_site-protection-annex_uk_copy-1.pdf"] == "restricted"


# --- reports, register, manifest, progress lines and error messages -------------------------------

FAIL_RESTRICTED_ANNEX = """#!{python}
import os, sys
args = sys.argv[1:]
if any("DC-2026-014_" in f for f in args[args.index("--outdir") + 2:]):
    sys.exit(1)  # DC-2026-014's documents, its restricted annex among them, never convert
os.execv({real!r}, [{real!r}, *args])
"""

#: What a site's restricted information looks like wherever it could leak: the codename in both
#: languages, the region (code and name), the protection arrangements; the invalid record's values.
SECRETS = ["Вереск", "Heather", "UA-18", "Житомирськ", "Zhytomyr Oblast", "220 (", "(двісті двадцять)",
           "two hundred and twenty", "air defence", "perimeter", "civil protection structure", "UA-99", "-220",
           "Кедр-9"]
RULE_EXAMPLE = "(e.g. UA-18)"  # the region rule's own example, the same for every record


def _readable(path: Path) -> str:
    if path.suffix == ".docx":
        from readback import docx_header_footer_text, docx_text

        return docx_text(path) + docx_header_footer_text(path)
    if path.suffix == ".pdf":
        from dcity_docs.pdf.reading import pdf_text

        return pdf_text(path)
    return path.read_text(encoding="utf-8", errors="replace")


@needs_libreoffice
def test_reports_manifests_progress_and_errors_never_show_restricted_site_information(tmp_path):
    """A batch of a venture whose documents, its restricted annex among them, fail to convert
    (LibreOffice refuses them at once: nothing of that pack is worth converting), one whose site fields are
    invalid (the values would be repeated in the messages), and one that is made: nothing the
    batch prints or writes outside the annexes themselves names the codename, region or protection."""
    records = tmp_path / "records"
    records.mkdir()
    shutil.copy(RESTRICTED, records)
    shutil.copy(PUBLIC_SITE, records)
    bad = RESTRICTED.read_text(encoding="utf-8").replace("id: DC-2026-014", "id: DC-2026-914", 1)
    bad = bad.replace("region: UA-18 ", "region: UA-99 ").replace("shelter_capacity: 220", "shelter_capacity: -220")
    bad = bad.replace("en: Site Heather-17", 'en: "Site \\u202EКедр-9"')
    (records / "DC-2026-914.yaml").write_text(bad, encoding="utf-8")
    real = os.environ.get("DCITY_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    fake = tmp_path / "soffice"
    fake.write_text(FAIL_RESTRICTED_ANNEX.format(python=sys.executable, real=real), encoding="utf-8")
    fake.chmod(0o755)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "dcity_docs", "batch", str(records), "-o", str(out), "-j", "1"],
                            capture_output=True, text=True, env=dict(os.environ, DCITY_SOFFICE=str(fake)),
                            timeout=900)
    assert result.returncode == 1, result.stderr
    assert "DC-2026-014_site-protection-annex" in result.stderr  # the failure is named...
    assert "site.region" in result.stderr and "site.protection.shelter_capacity" in result.stderr
    assert not (out / "DC-2026-014").exists() and (out / "DC-2026-021" / "manifest.json").is_file()

    reports = sorted(out.glob("batch-report.*")) + sorted(out.glob("portfolio-register.*")) \
        + sorted(out.glob("*/manifest.json"))
    assert {p.suffix for p in reports} == {".docx", ".pdf", ".json"}
    texts = {"stdout": result.stdout, "stderr (progress and errors)": result.stderr}
    texts.update({str(p.relative_to(out)): _readable(p) for p in reports})
    # The made pack's cover is a document, not a report, but lists no site either.
    from pypdf import PdfReader

    texts["DC-2026-021 cover"] = PdfReader(out / "DC-2026-021" / "DC-2026-021_pack.pdf").pages[0].extract_text()
    leaks = {name: [s for s in SECRETS if s.lower() in " ".join(text.replace(RULE_EXAMPLE, "").split()).lower()]
             for name, text in texts.items()}
    assert {name: found for name, found in leaks.items() if found} == {}


# --- transport ------------------------------------------------------------------------------------

def test_plain_unoserver_to_another_host_refuses_a_restricted_document_before_sending_anything(
        tmp_path, monkeypatch):
    """``unoserver://`` is plain XML-RPC: a restricted annex is never sent over it to another host.
    The pack fails with exit 1 naming the annex and the fix, and no connection is even opened."""
    import socket

    from click.testing import CliRunner

    from dcity_docs.cli import cli

    opened: list[object] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        opened.append(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: opened.append(address))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["pack", str(RESTRICTED), "-o", str(out),
                                      "--converter", "unoserver://192.0.2.10:2003"])
    assert result.exit_code == 1, result.output
    message = result.stderr
    assert "DC-2026-014_site-protection-annex_uk_copy-1.docx" in message and "restricted" in message
    assert "unencrypted" in message and "--converter soffice" in message
    assert "Traceback" not in message
    assert opened == []
    assert not (out / "DC-2026-014").exists()


def render_with_umask(record: Path, out: Path, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dcity_docs", "render", "site-protection-annex", str(record),
                           "-l", "bilingual", "-o", str(out)],
                          capture_output=True, text=True, preexec_fn=lambda: os.umask(umask), timeout=600)


def test_render_of_a_restricted_annex_makes_its_new_folder_0700_and_warns_of_an_open_one(tmp_path):
    fresh = tmp_path / "new" / "annex"
    made = render_with_umask(RESTRICTED, fresh)
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    assert set(modes(fresh).values()) == {0o600}
    assert "Warning" not in made.stderr

    open_folder = tmp_path / "open"
    open_folder.mkdir(mode=0o755)
    os.chmod(open_folder, 0o755)
    warned = render_with_umask(RESTRICTED, open_folder)
    assert warned.returncode == 0, warned.stderr
    assert f"Warning: {open_folder} can be listed by every user" in warned.stderr
    assert stat.S_IMODE(open_folder.stat().st_mode) == 0o755  # the user's folder is not changed
    assert set(modes(open_folder).values()) == {0o600}

    public = tmp_path / "public"
    plain = render_with_umask(PUBLIC_SITE, public)
    assert plain.returncode == 0, plain.stderr
    assert stat.S_IMODE(public.stat().st_mode) == 0o755 and "Warning" not in plain.stderr


@needs_libreoffice
def test_batch_without_restricted_leaves_the_annex_out_and_the_option_is_part_of_the_inputs_hash(
        tmp_path):
    """`batch --without-restricted` makes the packs as `pack --without-restricted` does, and the
    option is part of the pack's inputs hash: the same batch without it finds the pack changed and
    makes it again, annex in (the merged pack with the annex is read back in the tests above; a
    pack whose hash changed is made again: test_batch.py)."""
    import json

    from dcity_docs.output.options import OutputOptions
    from dcity_docs.output.packs import inputs_sha256

    out = tmp_path / "out"
    without = subprocess.run([sys.executable, "-m", "dcity_docs", "batch", str(RESTRICTED), "-o", str(out), "-j", "2",
                              "--without-restricted"], capture_output=True, text=True, timeout=900)
    assert without.returncode == 0, without.stderr
    texts = pdftotext_pages(out / "DC-2026-014" / "DC-2026-014_pack.pdf")
    assert not any("· Annex No. 1: Site Protection" in t.replace("\u00a0", " ") for t in texts)
    assert not any(stamped(t) for t in texts)
    assert "is issued separately and is not included in this pack" in " ".join(" ".join(texts).split())
    assert modes(out / "DC-2026-014")["DC-2026-014_site-protection-annex_bilingual_copy-1.pdf"] == 0o600
    made = json.loads((out / "DC-2026-014" / "manifest.json").read_text(encoding="utf-8"))["inputs_sha256"]
    data = RESTRICTED.read_bytes()
    assert made == inputs_sha256(data, OutputOptions(without_restricted=True))
    assert made != inputs_sha256(data, OutputOptions())  # what the batch without the option compares

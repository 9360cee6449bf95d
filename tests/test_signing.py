"""Signature fields over the signature lines, signing them one after another, verifying: with
dcity-docs and, independently, with poppler's pdfsig. The PKI is made here (tests/pki.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from dcity_docs.cli import run
from dcity_docs.pdf.merge import merge_pdfs
from dcity_docs.pdf.signature_fields import list_signature_fields

from conftest import FIXTURE_DIR
from pki import TimestampServer, issue, make_ca, write_mismatched_p12, write_p12

pytestmark = pytest.mark.libreoffice

FIELDS = ["ministry", "shareholder-1", "shareholder-2", "shareholder-3"]
PEOPLE = {  # DC-2026-030's signatories as the record names them
    "ministry": ("Савченко Мар’яна Олегівна", "Mariana Savchenko"),
    "shareholder-1": ("Литвиненко Богдан Ярославович", "Bohdan Lytvynenko"),
    "shareholder-2": ("Інгрід Сульберг Гауген", "Ingrid Solberg Haugen"),
    "shareholder-3": ("Ковальчук Юрій Ігорович", "Yurii Kovalchuk"),
}


def _render(out: Path, *args: str) -> None:
    assert run(["render", *args, "-f", "pdf", "-o", str(out)]) == 0


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("signing")
    _render(out, "jv-agreement", str(FIXTURE_DIR / "DC-2026-030.yaml"), "-l", "uk", "-l", "en", "-l", "bilingual")
    return out


def pdf_of(made: Path, mode: str) -> Path:
    return made / f"DC-2026-030_jv-agreement_{mode}.pdf"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("pki")
    ca = make_ca()
    files = {"ca": ca.pem(folder / "ca.pem"), "ca_obj": ca, "folder": folder}
    for number, field in enumerate(FIELDS):
        key, cert = issue(ca, f"Signer {number} Підписант")
        files[field] = write_p12(folder / f"{field}.p12", key, cert, b"secret-1")
    return files


def _underscore_starts(pdf: Path) -> list[tuple[int, float, float]]:
    """(page, x, baseline y) of every text run that starts with underscores, read by pypdf (an
    independent reader: the fields are placed from poppler's pdftotext)."""
    starts = []
    for index, page in enumerate(PdfReader(pdf).pages):
        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.startswith("________"):
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                starts.append((index, x, y))
        page.extract_text(visitor_text=visit)
    return starts


@pytest.mark.parametrize("mode", ["uk", "en", "bilingual"])
def test_a_field_per_signatory_sits_over_their_line(made: Path, mode: str) -> None:
    fields = list_signature_fields(pdf_of(made, mode))
    assert [f.name for f in fields] == FIELDS
    assert not any(f.signed for f in fields)
    for field in fields:
        uk, en = PEOPLE[field.name]
        assert field.tooltip == {"uk": uk, "en": en, "bilingual": f"{uk} / {en}"}[mode]
    starts = _underscore_starts(pdf_of(made, mode))
    # one line per signatory in every language: a bilingual block's one line spans both columns
    assert len(starts) == 4
    for field in fields:
        llx, lly, urx, ury = field.rect
        over = [s for s in starts if s[0] == field.page and llx - 0.5 <= s[1] <= urx and lly <= s[2] <= ury]
        assert len(over) == 1, (field, starts)
        assert 100 < urx - llx < 130 and 20 < ury - lly < 35  # the width of the underscores, a line high
    if mode == "bilingual":  # the one line starts at the left edge, under both columns' labels
        assert all(f.rect[0] < 100 for f in fields)


def test_unsigned_pdfs_with_fields_are_byte_identical_run_to_run(made: Path, tmp_path: Path) -> None:
    _render(tmp_path, "jv-agreement", str(FIXTURE_DIR / "DC-2026-030.yaml"), "-l", "uk")
    again = tmp_path / "DC-2026-030_jv-agreement_uk.pdf"
    assert again.read_bytes() == pdf_of(made, "uk").read_bytes()


def test_a_merged_file_has_each_signers_field_once_over_the_first_document(made: Path, tmp_path: Path) -> None:
    out = tmp_path / "merged.pdf"
    uk, en = pdf_of(made, "uk"), pdf_of(made, "en")
    merge_pdfs([("uk", uk), ("en", en)], out, title="merged")
    fields = list_signature_fields(out)
    assert [f.name for f in fields] == FIELDS
    assert [(f.page, f.rect) for f in fields] == [(f.page, f.rect) for f in list_signature_fields(uk)]
    with pikepdf.open(out) as doc:  # the second document's widgets are gone, not left orphaned
        widgets = [a for p in doc.pages for a in p.obj.get("/Annots", []) if a.get("/FT") == "/Sig"]
    assert len(widgets) == 4


def _sign(pdf: Path, field: str, p12: Path, *extra: str) -> int:
    return run(["sign", str(pdf), "--field", field, "--p12", str(p12), *extra])


def _pdfsig(pdf: Path) -> str:
    return subprocess.run(["pdfsig", "-nocert", str(pdf)], capture_output=True, text=True, check=False).stdout


def _byte_range_ends(pdf: Path) -> list[int]:
    """Where each signature's signed bytes end: the end of the revision it signed."""
    pattern = rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]"
    return [int(m.group(3)) + int(m.group(4)) for m in re.finditer(pattern, pdf.read_bytes())]


def test_parties_sign_one_after_another_and_both_verifiers_agree(made: Path, pki: dict, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # The Ukrainian text: the bilingual one, with about three times the tagged spans, takes
    # pyHanko's analysis of what each later revision changed three times as long.
    pdf = tmp_path / "signed.pdf"
    shutil.copy(pdf_of(made, "uk"), pdf)
    monkeypatch.setenv("DCITY_P12_PASSPHRASE", "secret-1")
    tsa = TimestampServer(pki["ca_obj"])
    try:
        for field in FIELDS:
            extra = ("--timestamp", tsa.url) if field == "shareholder-1" else ()
            before = pdf.read_bytes()
            assert _sign(pdf, field, pki[field], *extra) == 0
            assert pdf.read_bytes().startswith(before)  # an incremental update
            if field == "ministry":
                capsys.readouterr()
                assert run(["verify", str(pdf), "--ca", str(pki["ca"])]) == 0
                out = capsys.readouterr().out
                assert "ministry: VALID" in out and "covers the whole file" in out
                assert "unsigned fields: shareholder-1, shareholder-2, shareholder-3" in out
    finally:
        tsa.close()
    capsys.readouterr()
    assert run(["verify", str(pdf), "--ca", str(pki["ca"])]) == 0
    out = capsys.readouterr().out
    for number, field in enumerate(FIELDS):
        assert f"{field}: VALID" in out
        assert f"signer: Signer {number} Підписант" in out
    assert out.count("chains to the trust roots") == 4
    assert "added after it: form filling and later signatures" in out
    assert re.search(r"shareholder-1: VALID\n.*\n.*\n    timestamp: \d{4}-", out)
    assert "unsigned fields: none" in out

    report = _pdfsig(pdf)
    assert report.count("Signature is Valid.") == 4
    assert report.count("Total document signed") == 1  # the last; each earlier one covers its revision:
    for end in _byte_range_ends(pdf):
        revision = tmp_path / f"rev-{end}.pdf"
        revision.write_bytes(pdf.read_bytes()[:end])
        assert "Total document signed" in _pdfsig(revision) and "Signature is Valid." in _pdfsig(revision)

    # a byte changed after signing: neither verifier calls it intact
    data = bytearray(pdf.read_bytes())
    spot = data.index(b"/Producer") + 2
    data[spot] ^= 0x01
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    assert run(["verify", str(broken)]) == 1
    captured = capsys.readouterr()
    assert "NOT VALID: not intact" in captured.out and "Traceback" not in captured.err
    assert "Signature is Valid." not in _pdfsig(broken) and "Digest Mismatch" in _pdfsig(broken)


def _fails(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert run(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], err


def test_bad_input_is_one_line_and_leaves_the_pdf_untouched(made: Path, pki: dict, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "uk.pdf"
    shutil.copy(pdf_of(made, "uk"), pdf)
    original = pdf.read_bytes()
    ca, folder = pki["ca_obj"], pki["folder"]
    monkeypatch.setenv("DCITY_P12_PASSPHRASE", "wrong")
    _fails(capsys, ["sign", str(pdf), "--field", "ministry", "--p12", str(pki["ministry"])], "wrong passphrase")
    monkeypatch.setenv("DCITY_P12_PASSPHRASE", "secret-1")
    expired = write_p12(folder / "expired.p12", *issue(ca, "Old", days=(-400, -1)), b"secret-1")
    _fails(capsys, ["sign", str(pdf), "--field", "ministry", "--p12", str(expired)], "expired on")
    future = write_p12(folder / "future.p12", *issue(ca, "Soon", days=(2, 400)), b"secret-1")
    _fails(capsys, ["sign", str(pdf), "--field", "ministry", "--p12", str(future)], "is not valid yet")
    key, _ = issue(ca, "A")
    _, other_cert = issue(ca, "B")
    mismatch = write_mismatched_p12(folder / "mismatch.p12", key, other_cert)
    _fails(capsys, ["sign", str(pdf), "--field", "ministry", "--p12", str(mismatch)],
           "the private key does not belong to any certificate in the file (CN=B,O=Test Party,C=UA)")
    _fails(capsys, ["sign", str(pdf), "--field", "notary", "--p12", str(pki["ministry"])],
           "no signature field 'notary' (its signature fields: ministry, shareholder-1")
    not_p12 = folder / "not.p12"
    not_p12.write_bytes(b"hello")
    _fails(capsys, ["sign", str(pdf), "--field", "ministry", "--p12", str(not_p12)], "is not a PKCS#12")
    not_pdf = tmp_path / "not.pdf"
    not_pdf.write_text("just text")
    _fails(capsys, ["sign", str(not_pdf), "--field", "ministry", "--p12", str(pki["ministry"])], "is not a PDF")
    _fails(capsys, ["verify", str(not_pdf)], "is not a PDF")
    assert pdf.read_bytes() == original

    signed = tmp_path / "signed.pdf"
    assert _sign(pdf, "ministry", pki["ministry"], "-o", str(signed)) == 0
    assert pdf.read_bytes() == original  # -o: the input stays as it was
    capsys.readouterr()
    again = signed.read_bytes()
    _fails(capsys, ["sign", str(signed), "--field", "ministry", "--p12", str(pki["ministry"])], "already signed")
    assert signed.read_bytes() == again
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind

    monkeypatch.delenv("DCITY_P12_PASSPHRASE")
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("secret-1\n")
    assert _sign(pdf, "shareholder-1", pki["shareholder-1"], "--passphrase-file", str(phrase)) == 0
    assert list_signature_fields(pdf)[1].signed
    # no file, no variable, no terminal: refused, not signed with an empty passphrase
    _fails(capsys, ["sign", str(pdf), "--field", "ministry", "--p12", str(pki["ministry"])], "no passphrase")
    assert run(["verify", str(pdf)]) == 0  # valid and intact; trust not judged without --ca
    assert "trust: not judged (no --ca)" in capsys.readouterr().out
    assert run(["verify", str(pdf_of(made, "uk")), str(pdf)]) == 1  # one has no signature at all
    captured = capsys.readouterr()
    assert "  no signatures\n  unsigned fields: ministry, shareholder-1" in captured.out
    assert captured.err == "Error: 1 of 2 PDF(s) not valid\n"


def test_a_draft_is_signed_only_with_force(pki: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _render(tmp_path, "memorandum", str(FIXTURE_DIR / "DC-2026-014.yaml"), "-l", "en")
    pdf = tmp_path / "DC-2026-014_memorandum_en.pdf"
    original = pdf.read_bytes()
    monkeypatch.setenv("DCITY_P12_PASSPHRASE", "secret-1")
    capsys.readouterr()
    _fails(capsys, ["sign", str(pdf), "--field", "ministry", "--p12", str(pki["ministry"])], "marked as a draft")
    assert pdf.read_bytes() == original
    assert _sign(pdf, "ministry", pki["ministry"], "--force") == 0
    assert list_signature_fields(pdf)[0].signed


def test_pdfa_stays_pdfa_signed_by_an_incremental_update(pki: dict, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["render", "memorandum", str(FIXTURE_DIR / "DC-2026-030.yaml"), "-l", "uk",
                "-f", "pdf", "--pdfa", "-o", str(tmp_path)]) == 0
    pdf = next(tmp_path.glob("*.pdf"))
    original = pdf.read_bytes()
    assert [f.name for f in list_signature_fields(pdf)][0] == "ministry"
    monkeypatch.setenv("DCITY_P12_PASSPHRASE", "secret-1")
    assert _sign(pdf, "ministry", pki["ministry"]) == 0
    signed = pdf.read_bytes()
    assert signed.startswith(original) and len(signed) > len(original)
    with pikepdf.open(pdf) as doc:
        xmp = doc.Root.Metadata.read_bytes().decode()
        assert re.search(r'pdfaid:part(>|=")2', xmp) and re.search(r'pdfaid:conformance(>|=")B', xmp)
        producer = str(doc.docinfo.get("/Producer", ""))
        assert not producer or re.search(rf'pdf:Producer(>|="){re.escape(producer)}', xmp)  # Info and XMP agree
        assert "/OutputIntents" in doc.Root
        fonts = [f for p in doc.pages for f in _fonts(p)]
        assert fonts and all(_embedded(f) for f in fonts)  # the signature's appearance font too


def _fonts(page: pikepdf.Page) -> list[pikepdf.Dictionary]:
    found = []
    for annot in page.obj.get("/Annots", []):
        stack = [annot.get("/AP", {}).get("/N")] if "/AP" in annot else []
        while stack:
            xobj = stack.pop()
            if not isinstance(xobj, pikepdf.Stream):
                continue
            resources = xobj.get("/Resources", {})
            found += list(resources.get("/Font", {}).values())
            stack += list(resources.get("/XObject", {}).values())
    return found


def _embedded(font: pikepdf.Dictionary) -> bool:
    descendant = font.get("/DescendantFonts", [font])[0]
    descriptor = descendant.get("/FontDescriptor", {})
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_a_dstu_signature_is_reported_as_unchecked_not_valid(made: Path, pki: dict, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A КЕП tool's DSTU 4145 signature: made here by relabelling a signature's algorithms with
    the Ukrainian OIDs (pyHanko cannot make one, which is the point)."""
    from asn1crypto import cms

    pdf = tmp_path / "en.pdf"
    shutil.copy(pdf_of(made, "en"), pdf)
    monkeypatch.setenv("DCITY_P12_PASSPHRASE", "secret-1")
    assert _sign(pdf, "ministry", pki["ministry"]) == 0
    data = pdf.read_bytes()
    match = re.search(rb"/Contents\s*<([0-9a-fA-F]+)>", data)
    assert match
    info = cms.ContentInfo.load(bytes.fromhex(match.group(1).decode()))
    signer = info["content"]["signer_infos"][0]
    signer["digest_algorithm"] = {"algorithm": "1.2.804.2.1.1.1.1.2.1"}  # GOST 34.311
    signer["signature_algorithm"] = {"algorithm": "1.2.804.2.1.1.1.1.3.1.1"}  # DSTU 4145
    info["content"]["digest_algorithms"] = [{"algorithm": "1.2.804.2.1.1.1.1.2.1"}]
    new = info.dump(force=True).hex().encode()
    slot = len(match.group(1))
    assert len(new) <= slot
    pdf.write_bytes(data[:match.start(1)] + new + b"0" * (slot - len(new)) + data[match.end(1):])
    capsys.readouterr()
    assert run(["verify", str(pdf), "--ca", str(pki["ca"])]) == 1
    captured = capsys.readouterr()
    assert "ministry: NOT VALID: not checked: dcity-docs cannot verify Ukrainian DSTU 4145" in captured.out
    assert "Traceback" not in captured.err


def test_a_signer_whose_line_is_not_printed_gets_no_guessed_field(made: Path, tmp_path: Path) -> None:
    from dcity_docs.errors import TemplateProblem
    from dcity_docs.pdf.signature_fields import Signer, add_signature_fields

    pdf = tmp_path / "uk.pdf"
    shutil.copy(pdf_of(made, "uk"), pdf)
    people = [Signer("ministry", "Савченко Мар’яна Олегівна", ("Мар’яна САВЧЕНКО",)),
              Signer("notary", "Нотаріус", ("Олена НОТАРІУС",))]
    with pytest.raises(TemplateProblem, match=r"no signature line for notary \(Олена НОТАРІУС\)"):
        add_signature_fields(pdf, people)
    spots = add_signature_fields(pdf, people, strict=False)
    assert [s.field for s in spots] == ["ministry"]
    # finishing again replaces the unsigned fields instead of adding a second set
    assert [f.name for f in list_signature_fields(pdf)] == ["ministry"]
    assert list_signature_fields(pdf)[0].rect == list_signature_fields(pdf_of(made, "uk"))[0].rect


def test_no_signature_fields_option_and_the_manifest_lists_each_pdfs_fields(tmp_path: Path) -> None:
    """The fields are a finishing step of the output pipeline: on by default, off with
    --no-signature-fields; the pack's manifest says which fields each PDF has."""
    import json

    from click.testing import CliRunner

    from dcity_docs.cli import cli
    from dcity_docs.pdf.signature_fields import list_signature_fields

    record = Path(__file__).resolve().parent.parent / "fixtures" / "DC-2026-030.yaml"
    with_fields = CliRunner().invoke(cli, ["pack", str(record), "-o", str(tmp_path / "on"), "-f", "pdf"])
    assert with_fields.exit_code == 0, with_fields.output
    manifest = json.loads((tmp_path / "on" / "DC-2026-030" / "manifest.json").read_text(encoding="utf-8"))
    listed = {e["file"]: e["signature_fields"] for e in manifest["files"]}
    jv = "DC-2026-030_jv-agreement_bilingual.pdf"
    assert listed[jv] == [f.name for f in list_signature_fields(tmp_path / "on" / "DC-2026-030" / jv)]
    assert listed[jv][0] == "ministry" and "shareholder-1" in listed[jv]
    assert listed["DC-2026-030_pack.pdf"]  # the merged pack keeps one field per signatory
    without = CliRunner().invoke(cli, ["pack", str(record), "-o", str(tmp_path / "off"), "-f", "pdf",
                                       "--no-signature-fields"])
    assert without.exit_code == 0, without.output
    manifest = json.loads((tmp_path / "off" / "DC-2026-030" / "manifest.json").read_text(encoding="utf-8"))
    assert all(e["signature_fields"] == [] for e in manifest["files"])
    assert manifest["inputs_sha256"] != json.loads(
        (tmp_path / "on" / "DC-2026-030" / "manifest.json").read_text(encoding="utf-8"))["inputs_sha256"]

"""Redlines read back: accepting every change gives NEW's document, rejecting every change gives
OLD's (per paragraph and table cell, every language); only changed paragraphs carry changes;
LibreOffice and python-docx open them; the same inputs give the same bytes; restricted stays so."""

from __future__ import annotations

import copy
import io
import json
import os
import stat
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml
from docx import Document
from lxml import etree

from dcity_docs.cli import run
from dcity_docs.conversion.locating import find_soffice
from dcity_docs.conversion.processes import osl_pipes, remove_stale_pipes
from dcity_docs.output.documents import MODES, docx_bytes
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.packs import build_pack
from dcity_docs.record.loading import load_record
from dcity_docs.redline.compare import compare, read_version, redline_docx
from dcity_docs.redline.run import compare_files

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
DOCX = OutputOptions(formats=("docx",))


def _data(name: str) -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))


def _money(value: str, add: Decimal) -> str:
    return f"{Decimal(value) + add:.2f}"


def amount(d: dict[str, Any]) -> None:
    d["venture"]["capital"]["amount"] = _money(d["venture"]["capital"]["amount"], Decimal("1500000"))
    value = d["shareholders"][0]["contribution"]["value"]
    value["amount"] = _money(value["amount"], Decimal("1500000"))


def signatory(d: dict[str, Any]) -> None:
    d["ministry"]["signatory"]["name"] = {"uk": "Шевченко Тарас Григорович", "en": "Taras Shevchenko"}


def forum(d: dict[str, Any]) -> None:
    d["disputes"]["forum"] = "scc" if d["disputes"]["forum"] != "scc" else "icc"


def stage(d: dict[str, Any]) -> None:
    d["stage"] = "signed" if d["stage"] != "signed" else "negotiation"


def site_measure(d: dict[str, Any]) -> None:
    d["site"]["protection"]["guarded_perimeter"] = not d["site"]["protection"]["guarded_perimeter"]


CHANGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "amount": amount, "signatory": signatory, "forum": forum, "stage": stage, "site": site_measure,
}


def _without_last_shareholder(d: dict[str, Any]) -> None:
    """OLD of the «shareholder added» case: the last shareholder's share and contribution are the
    first's, so the record stays valid."""
    last = d["shareholders"].pop()
    first = d["shareholders"][0]
    first["share_percent"] = str(Decimal(first["share_percent"]) + Decimal(last["share_percent"]))
    value = first["contribution"]["value"]
    value["amount"] = _money(value["amount"], Decimal(last["contribution"]["value"]["amount"]))


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def _cases() -> list[tuple[str, str]]:
    out = []
    for name in sorted(p.stem for p in FIXTURES.glob("*.yaml")):
        data = _data(name)
        for change in CHANGES:
            if change == "site" and not data.get("site"):
                continue
            out.append((name, change))
        if len(data["shareholders"]) >= 3:
            out.append((name, "shareholder"))
    return out


@pytest.fixture
def versions(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, Path]:
    name, change = request.param
    new = _data(name)
    old = copy.deepcopy(new)
    if change == "shareholder":
        _without_last_shareholder(old)
    else:
        CHANGES[change](new)
    return _write(tmp_path / "old.json", old), _write(tmp_path / "new.json", new)


# --- reading tracked changes back ----------------------------------------------------------------


def _paragraph_texts(xml: bytes, keep: str | None) -> list[str]:
    """Paragraph texts (tables' cells included) with every change accepted (keep="ins"), rejected
    (keep="del") or as plain text (None: a document without changes)."""
    root = etree.fromstring(xml)
    body = root.find("w:body", NS)
    if keep is not None:
        drop = "del" if keep == "ins" else "ins"
        for row in body.xpath(f".//w:tr[w:trPr/w:{drop}]", namespaces=NS):
            row.getparent().remove(row)
        for p in body.xpath(f".//w:p[w:pPr/w:rPr/w:{drop}]", namespaces=NS):
            p.getparent().remove(p)
        for el in body.xpath(f".//w:{drop}", namespaces=NS):
            el.getparent().remove(el)
    texts = []
    for p in body.iter(f"{{{W}}}p"):
        texts.append("".join(t.text or "" for t in p.iter(f"{{{W}}}t", f"{{{W}}}delText")))
    return texts


def _one_paragraph(p: etree._Element, keep: str) -> str | None:
    """One paragraph's text with its changes accepted or rejected (None: the paragraph goes)."""
    drop = "del" if keep == "ins" else "ins"
    if p.xpath(f"w:pPr/w:rPr/w:{drop} | ancestor::w:tr[w:trPr/w:{drop}]", namespaces=NS):
        return None
    p = copy.deepcopy(p)
    for el in p.xpath(f".//w:{drop}", namespaces=NS):
        el.getparent().remove(el)
    return "".join(t.text or "" for t in p.iter(f"{{{W}}}t", f"{{{W}}}delText"))


def _document_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def _marked(p: etree._Element) -> bool:
    return bool(p.xpath(".//w:ins | .//w:del", namespaces=NS))


@pytest.mark.parametrize("versions", _cases(), indirect=True, ids=lambda c: "-".join(c))
def test_accept_all_is_new_and_reject_all_is_old(versions: tuple[Path, Path]) -> None:
    old_path, new_path = versions
    comparison = compare(read_version(old_path, DOCX), read_version(new_path, DOCX), options=DOCX)
    old, new = load_record(old_path), load_record(new_path)
    changed = comparison.changed
    assert changed, "the change changed no document"
    for doc in changed:
        for mode in MODES:
            red = _document_xml(redline_docx(comparison, doc, mode, DOCX))  # type: ignore[arg-type]
            want_new = _paragraph_texts(_document_xml(docx_bytes(new, doc.key, mode)), None)
            want_old = _paragraph_texts(_document_xml(docx_bytes(old, doc.key, mode)), None)
            assert _paragraph_texts(red, "ins") == want_new, (doc.key, mode)
            assert _paragraph_texts(red, "del") == want_old, (doc.key, mode)
            # only changed paragraphs carry changes: a marked one is new or gone wording, an unmarked
            # one is in both versions
            root = etree.fromstring(red)
            only_new, only_old = set(want_new) - set(want_old), set(want_old) - set(want_new)
            marked = 0
            for p in root.iter(f"{{{W}}}p"):
                accepted, rejected = _one_paragraph(p, "ins"), _one_paragraph(p, "del")
                if _marked(p):
                    marked += 1
                    assert accepted != rejected, (doc.key, mode, accepted)
                    if accepted is not None and rejected is not None:  # changed wording: in one version only
                        assert accepted in only_new and rejected in only_old, (doc.key, mode, accepted)
                    else:  # a wholly inserted or deleted paragraph (a block or row that came or went)
                        assert accepted in want_new if rejected is None else rejected in want_old
                else:
                    assert accepted in want_new and accepted in want_old, (doc.key, mode, accepted)
            assert marked or (want_old == want_new and doc.old.draft_mark != doc.new.draft_mark)
            revisions = root.xpath("//w:ins | //w:del", namespaces=NS)
            assert {r.get(f"{{{W}}}author") for r in revisions} <= {"dcity-docs"}
            assert {r.get(f"{{{W}}}date") for r in revisions} <= {f"{new.dates.agreement}T00:00:00Z"}
            assert bool(revisions) == bool(marked)


def _two(tmp_path: Path, name: str, *changes: Callable[[dict[str, Any]], None]) -> tuple[Path, Path]:
    new = _data(name)
    for change in changes:
        change(new)
    return FIXTURES / f"{name}.yaml", _write(tmp_path / f"{name}-new.json", new)


def test_the_amount_changes_word_by_word_and_the_summary_says_old_and_new(tmp_path: Path) -> None:
    old, new = _two(tmp_path, "DC-2026-014", amount)
    done = compare_files(old, new, tmp_path / "out", modes=("en",), keys=["jv-agreement"], options=DOCX)
    red = _document_xml((tmp_path / "out" / "DC-2026-014_jv-agreement_en_redline.docx").read_bytes())
    root = etree.fromstring(red)
    deleted = ["".join(d.itertext()) for d in root.xpath("//w:del", namespaces=NS)]
    inserted = ["".join(i.itertext()) for i in root.xpath("//w:ins", namespaces=NS)]
    assert "12,500,000.00" in deleted and "14,000,000.00" in inserted
    assert "twelve" in deleted and "fourteen" in inserted
    assert "12,500,000.00 → 14,000,000.00" in done.summary
    assert "12 500 000,00 → 14 000 000,00" in done.summary.replace("\u00a0", " ").replace("\u202f", " ")
    from dcity_docs.documents.jv_agreement import SECTIONS

    capital = SECTIONS.no("capital")
    assert f"Clause {capital}.1" in done.summary and f"Пункт {capital}.1" in done.summary
    summary = Document(str(tmp_path / "out" / "DC-2026-014_changes.docx"))
    assert any("14,000,000.00" in p.text for p in summary.paragraphs) or any(
        "14,000,000.00" in c.text for t in summary.tables for r in t.rows for c in r.cells)


def test_identical_versions_write_nothing_and_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = FIXTURES / "DC-2026-021.yaml"
    assert run(["compare", str(record), str(record), "-o", str(tmp_path / "out")]) == 0
    assert "nothing has changed" in capsys.readouterr().out
    assert not (tmp_path / "out").exists()


def test_two_different_ventures_are_refused_unless_allowed(tmp_path: Path) -> None:
    a, b = FIXTURES / "DC-2026-014.yaml", FIXTURES / "DC-2026-021.yaml"
    assert run(["compare", str(a), str(b), "-o", str(tmp_path / "x")]) == 1
    assert not (tmp_path / "x").exists()
    assert run(["compare", str(a), str(b), "-o", str(tmp_path / "y"), "-l", "en",
                "--documents", "memorandum", "--allow-different-id"]) == 0
    assert (tmp_path / "y" / "DC-2026-021_memorandum_en_redline.docx").exists()


def test_a_document_in_one_version_only_is_wholly_inserted_or_deleted(tmp_path: Path) -> None:
    """Production moved from abroad to a site in Ukraine: the site annex comes as one wholly
    inserted document (and, compared the other way, one wholly deleted document)."""
    new = _data("DC-2026-014")
    old = copy.deepcopy(new)
    old["venture"].update(placement="abroad", country="PL")
    old.pop("site")
    old_path, new_path = _write(tmp_path / "old.json", old), _write(tmp_path / "new.json", new)
    annex = "site-protection-annex"
    for a, b, status, keep in ((old_path, new_path, "added", "ins"), (new_path, old_path, "removed", "del")):
        comparison = compare(read_version(a, DOCX), read_version(b, DOCX), options=DOCX)
        (change,) = [d for d in comparison.changed if d.key == annex]
        assert change.status == status
        whole = load_record(new_path)
        for mode in MODES:
            red = _document_xml(redline_docx(comparison, change, mode, DOCX))  # type: ignore[arg-type]
            assert _paragraph_texts(red, keep) == _paragraph_texts(_document_xml(docx_bytes(whole, annex, mode)), None)
            other = _paragraph_texts(red, "del" if keep == "ins" else "ins")
            assert other == [], (status, mode, other[:3])  # nothing of it is left on the other side
        done = compare_files(a, b, tmp_path / status, modes=("en",), keys=[annex], options=DOCX)
        assert ("This document is new in this version." if status == "added"
                else "This document is not part of this version.") in done.summary


def test_redlines_are_byte_identical_open_in_python_docx_and_restricted_stays_private(tmp_path: Path) -> None:
    old, new = _two(tmp_path, "DC-2026-014", amount, site_measure)
    first = compare_files(old, new, tmp_path / "a", options=DOCX)
    second = compare_files(old, new, tmp_path / "b", options=DOCX)
    assert [p.name for p in first.written] == [p.name for p in second.written]
    for a, b in zip(first.written, second.written):
        assert a.read_bytes() == b.read_bytes(), a.name
        Document(str(a))
    annex = [p for p in first.written if "site-protection-annex" in p.name]
    assert len(annex) == 3
    for path in annex:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    record = load_record(new)
    assert record.site is not None
    for secret in (record.site.codename.uk, record.site.codename.en, "220"):
        assert secret not in first.summary
    header = zipfile.ZipFile(annex[0]).read("word/header1.xml").decode()
    assert "RESTRICTED" in header or "Для службового користування" in header


def test_a_pack_keeps_its_record_and_is_compared_against(tmp_path: Path) -> None:
    record_file = FIXTURES / "DC-2026-021.yaml"
    raw = record_file.read_bytes()
    pack = build_pack(load_record(record_file), tmp_path / "packs", record_bytes=raw, options=DOCX)
    assert (pack.folder / "source" / "record.yaml").read_bytes() == raw
    manifest = json.loads((pack.folder / "manifest.json").read_text())
    assert manifest["source"]["record"] == "source/record.yaml"
    _, new = _two(tmp_path, "DC-2026-021", signatory)
    done = compare_files(pack.folder, new, tmp_path / "out", modes=("en",), options=DOCX)
    assert "Taras Shevchenko" in done.summary
    assert any(p.name == "DC-2026-021_memorandum_en_redline.docx" for p in done.written)
    (pack.folder / "source" / "record.yaml").write_bytes(raw + b"\n# edited\n")
    assert run(["compare", str(pack.folder), str(new), "-o", str(tmp_path / "o2")]) == 1


def test_libreoffice_shows_the_changes_in_the_pdf(tmp_path: Path) -> None:
    old, new = _two(tmp_path, "DC-2026-014", amount, forum)
    done = compare_files(old, new, tmp_path / "out", modes=("en", "bilingual"), keys=["jv-agreement"],
                         options=OutputOptions(formats=("docx", "pdf")))
    pdfs = [p for p in done.written if p.suffix == ".pdf"]
    assert {p.name for p in pdfs} == {"DC-2026-014_jv-agreement_en_redline.pdf",
                                      "DC-2026-014_jv-agreement_bilingual_redline.pdf", "DC-2026-014_changes.pdf"}
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        if "redline" in pdf.name:  # both the deleted and the inserted wording are printed
            assert "12,500,000.00" in text and "14,000,000.00" in text
            assert "DRAFT" in text
    # LibreOffice's own list of the changes: the redline opened by it and saved as ODF
    docx = tmp_path / "out" / "DC-2026-014_jv-agreement_en_redline.docx"
    # its own home and temporary folder (it makes ~/.config), and its socket in /tmp removed after
    (tmp_path / "home").mkdir()
    pipes = osl_pipes()
    try:
        subprocess.run([find_soffice(), f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                        "--convert-to", "odt", "--outdir", str(tmp_path / "odt"), str(docx)],
                       capture_output=True, timeout=180, check=True,
                       env=dict(os.environ, HOME=str(tmp_path / "home"), TMPDIR=str(tmp_path / "home")))
    finally:
        remove_stale_pipes(pipes)
    content = etree.fromstring(zipfile.ZipFile(tmp_path / "odt" / "DC-2026-014_jv-agreement_en_redline.odt")
                               .read("content.xml"))
    odf = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    deletions = ["".join(r.itertext()) for r in content.xpath("//text:changed-region[text:deletion]", namespaces=odf)]
    insertions = content.xpath("//text:changed-region[text:insertion]", namespaces=odf)
    root = etree.fromstring(_document_xml(docx.read_bytes()))
    marked = [p for p in root.iter(f"{{{W}}}p") if _marked(p)]
    # LibreOffice joins a paragraph's adjacent marks into one change; each changed paragraph has one
    assert len(marked) <= len(deletions) + len(insertions) <= len(root.xpath("//w:ins | //w:del", namespaces=NS))
    assert insertions and any("12,500,000.00" in d for d in deletions)


def test_a_renumbered_clause_shows_a_changed_number_not_a_rewrite(tmp_path: Path) -> None:
    """A site measure turned off removes its clauses from the annex; the clauses after them keep
    their wording and show only their changed numbers."""
    old, new = _two(tmp_path, "DC-2026-014", site_measure)
    comparison = compare(read_version(old, DOCX), read_version(new, DOCX), options=DOCX)
    (annex,) = [d for d in comparison.changed if d.key == "site-protection-annex"]
    renumbered = [b for b in annex.merged.blocks
                  if b.old and b.new and b.old.text == b.new.text and b.old.num != b.new.num]
    removed = [b for b in annex.merged.blocks if b.new is None]
    assert renumbered and removed
    for mode in ("en", "uk"):
        root = etree.fromstring(_document_xml(redline_docx(comparison, annex, mode, DOCX)))
        for block in renumbered:
            text = block.new.text[mode]  # type: ignore[union-attr]
            (p,) = [p for p in root.iter(f"{{{W}}}p") if _one_paragraph(p, "ins") == f"{block.new.num} {text}"]  # type: ignore[union-attr]
            deleted = ["".join(d.itertext()) for d in p.xpath(".//w:del", namespaces=NS)]
            inserted = ["".join(i.itertext()) for i in p.xpath(".//w:ins", namespaces=NS)]
            assert deleted == [block.old.num.rstrip(".")] and inserted == [block.new.num.rstrip(".")], (  # type: ignore[union-attr]
                deleted, inserted)
        for block in removed:  # a removed clause is a wholly deleted paragraph
            text = f"{block.old.num} {block.old.text[mode]}"  # type: ignore[union-attr]
            (p,) = [p for p in root.iter(f"{{{W}}}p") if _one_paragraph(p, "del") == text]
            assert p.xpath("w:pPr/w:rPr/w:del", namespaces=NS) and not p.xpath(".//w:t", namespaces=NS)
    done = compare_files(old, new, tmp_path / "out", modes=("en",), keys=["site-protection-annex"], options=DOCX)
    assert "renumbered" not in done.summary  # the restricted annex: its number of changes only

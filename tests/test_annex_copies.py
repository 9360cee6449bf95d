"""The numbered copies of a restricted annex, read back as the Ministry's registry would: the
distribution list names each copy's holder in the order of the preamble, as many as the originals
clause says; every file is one copy with its own number in its header and no other; a public
annex has neither numbers nor the list. DOCX only (fast); the PDFs' pages are checked in
test_documents (render) and test_packs (pack)."""

from __future__ import annotations

import json
import re
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURE_DIR
from test_clause_ids import with_third_shareholder
from dcity_docs.cli import cli
from dcity_docs.documents import site_annex
from dcity_docs.documents.registry import issued
from dcity_docs.language.typography import NBSP
from dcity_docs.output.documents import docx_bytes
from dcity_docs.record.loading import load_record
from dcity_docs.record.models import Record
from dcity_docs.wording.catalogs import catalogs_for
from readback import docx_header_footer_text, docx_paragraphs

KEY = "site-protection-annex"
RESTRICTED = FIXTURE_DIR / "DC-2026-014.yaml"
PUBLIC = FIXTURE_DIR / "DC-2026-021.yaml"

#: The classification marking with its copy number, as the header prints it (not the list's lines,
#: which have no marking before them).
HEADER_COPY = re.compile(r"(?:Для службового користування|Таємно), Прим\. № (\d+)|(?:RESTRICTED|SECRET), Copy No\. (\d+)")


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def header_copies(text: str, lang: str | None = None) -> list[int]:
    """The copy numbers the markings in ``text`` print (in one language, or both)."""
    found = []
    for match in HEADER_COPY.finditer(plain(text)):
        uk, en = match.groups()
        if lang in (None, "uk") and uk:
            found.append(int(uk))
        if lang in (None, "en") and en:
            found.append(int(en))
    return found


def pdf_page_copies(pdf: Path) -> list[tuple[list[int], list[int]]]:
    """Each page's copy numbers as ``pdftotext`` reads its header: (Ukrainian, English)."""
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout, re.M)[1])  # type: ignore[index]
    out = []
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        out.append((header_copies(text, "uk"), header_copies(text, "en")))
    return out


def assert_every_page_is_copy(pdf: Path, copy: int, langs: tuple[str, ...]) -> None:
    """Every page of ``pdf`` prints copy No. ``copy`` in the header of each of its languages, and
    no other copy's number."""
    pages = pdf_page_copies(pdf)
    assert len(pages) > 1, pdf.name
    for n, (uk, en) in enumerate(pages, 1):
        assert (uk, en) == (([copy] if "uk" in langs else []), ([copy] if "en" in langs else [])), \
            f"{pdf.name} page {n}: {uk} {en}"


def paragraphs(tmp_path: Path, record: Record, mode: str = "bilingual") -> list[str]:
    path = tmp_path / f"{record.id}_{mode}.docx"
    path.write_bytes(docx_bytes(record, KEY, mode))  # type: ignore[arg-type]
    return [plain(p) for p in docx_paragraphs(path)]


def originals(paras: list[str]) -> tuple[int, int]:
    """The number of originals the final provisions give, in Ukrainian and in English."""
    uk = next(p for p in paras if "Цей Додаток складено українською та англійською мовами" in p)
    en = next(p for p in paras if "This Annex is made in the Ukrainian and English languages" in p)
    return int(re.search(r"у (\d+) \(", uk)[1]), int(re.search(r"in (\d+) \(", en)[1])  # type: ignore[index]


def distribution(paras: list[str]) -> tuple[list[str], list[str]]:
    """The lines of the distribution list, Ukrainian and English, after its heading."""
    start = next(i for i, p in enumerate(paras) if p.endswith("Розподіл примірників"))
    assert paras[start + 1].endswith("Distribution of Copies")
    lines = []
    for p in paras[start + 2:]:
        if p.endswith("Підписи Сторін"):
            break
        lines.append(p)
    return [p for p in lines if p.startswith("Прим.")], [p for p in lines if p.startswith("Copy No.")]


def holders(record: Record) -> list[tuple[str, str, str, str]]:
    """Each copy's holder as the list should name it: uk name and term, en name and term."""
    out = [(record.ministry.name.uk, "Міністерство", record.ministry.name.en, "the Ministry")]
    out += [(h.name.uk, f"Учасник {i}", h.name.en, f"Shareholder {i}") for i, h in enumerate(record.shareholders, 1)]
    return out


@pytest.mark.parametrize("more", [False, True], ids=["fixture", "third-shareholder"])
def test_the_distribution_list_names_every_copy_in_order_as_many_as_the_originals(tmp_path, more) -> None:
    record = load_record(RESTRICTED)
    if more:
        record = with_third_shareholder(record)
    paras = paragraphs(tmp_path, record)
    uk, en = distribution(paras)
    want = holders(record)
    assert originals(paras) == (len(want), len(want)) == (len(uk), len(en))
    for n, (line_uk, line_en, (name_uk, term_uk, name_en, term_en)) in enumerate(zip(uk, en, want), 1):
        end = "." if n == len(want) else ";"
        assert line_uk.startswith(f"Прим. № {n} — ") and line_uk.endswith(f"({term_uk}){end}"), line_uk
        assert line_en == f"Copy No. {n}: {name_en} ({term_en}){end}"
        assert name_uk.replace("\"", "") [:12] in line_uk.replace("«", "").replace("»", "")
    lead = " ".join(paras)
    assert f"Цей Додаток віддруковано у {len(want)} (" in lead and f"is printed in {len(want)} (" in lead
    # one copy per holder, each with its number on every page of it
    copies = issued(record, KEY, site_annex.draft(record, catalogs_for()), catalogs_for())
    assert [d.copy for d in copies] == list(range(1, len(want) + 1))
    assert [header_copies(d.marking.joined()) for d in copies] == [[n, n] for n in range(1, len(want) + 1)]  # type: ignore[union-attr]


def test_a_secret_stub_is_numbered_and_lists_its_copies_too(tmp_path) -> None:
    record = load_record(RESTRICTED)
    assert record.site is not None
    secret = record.model_copy(update={"site": record.site.model_copy(update={"classification": "secret"})})
    uk, en = distribution(paragraphs(tmp_path, secret))
    assert len(uk) == len(en) == 3
    assert [d.copy for d in issued(secret, KEY, site_annex.draft(secret, catalogs_for()), catalogs_for())] == [1, 2, 3]


@pytest.mark.parametrize("mode", ["uk", "en", "bilingual"])
def test_a_public_annex_has_no_copy_numbers_and_no_list(tmp_path, mode) -> None:
    record = load_record(PUBLIC)
    paras = paragraphs(tmp_path, record, mode)
    text = "\n".join(paras)
    assert "Розподіл примірників" not in text and "Distribution of Copies" not in text
    assert "Прим. №" not in text and "Copy No." not in text
    margins = docx_header_footer_text(tmp_path / f"{record.id}_{mode}.docx")
    assert "Прим." not in margins and "Copy No." not in margins
    draft = site_annex.draft(record, catalogs_for())
    assert draft.copy is None and issued(record, KEY, draft, catalogs_for()) == (draft,)


def test_render_makes_each_copy_its_own_private_file_with_its_own_number(tmp_path) -> None:
    out = tmp_path / "annex"
    result = CliRunner().invoke(cli, ["render", KEY, str(RESTRICTED), "-l", "uk", "-l", "en", "-l", "bilingual",
                                      "-f", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"DC-2026-014_{KEY}_{mode}_copy-{n}.docx" for mode in ("uk", "en", "bilingual")
                           for n in (1, 2, 3))
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for name in names:
        path = out / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        n = int(name[-len("1.docx")])
        mode = name.split("_")[2]
        want = {"uk": [n], "en": [n], "bilingual": [n, n]}[mode]
        assert header_copies(docx_header_footer_text(path)) == want, name
    assert len({(out / name).read_bytes() for name in names}) == len(names)


def test_a_pack_holds_every_copy_hashed_and_numbered_and_a_batch_skips_it_while_unchanged(tmp_path) -> None:
    out = tmp_path / "out"
    args = ["batch", str(RESTRICTED), str(PUBLIC), "-o", str(out), "-f", "docx", "-j", "1"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    manifest = json.loads((out / "DC-2026-014" / "manifest.json").read_text(encoding="utf-8"))
    annex = [f for f in manifest["files"] if f["document"] == KEY]
    assert sorted((f["language"], f["copy"]) for f in annex) == [
        (mode, n) for mode in ("bilingual", "en", "uk") for n in (1, 2, 3)]
    assert all(f["file"].endswith(f"_{f['language']}_copy-{f['copy']}.docx") for f in annex)
    assert all(f["marking"] == "restricted" for f in annex)
    assert len({f["sha256"] for f in annex}) == len(annex) == 9
    assert not any("copy" in f for f in manifest["files"] if f["document"] != KEY)
    public = json.loads((out / "DC-2026-021" / "manifest.json").read_text(encoding="utf-8"))
    assert not any("copy" in f or "_copy-" in f["file"] for f in public["files"])

    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert "skipped" in again.output + again.stderr
    copy_3 = out / "DC-2026-014" / f"DC-2026-014_{KEY}_en_copy-3.docx"
    made = copy_3.read_bytes()
    copy_3.write_bytes(made + b"\0")  # one copy changed on disk: the pack is made again
    remade = CliRunner().invoke(cli, args)
    assert remade.exit_code == 0, remade.output
    assert "made" in remade.output + remade.stderr and copy_3.read_bytes() == made

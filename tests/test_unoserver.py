"""Conversion through long-lived LibreOffice workers: two real unoserver processes on loopback.

The servers are started once for the module (each takes a few seconds to come up) and stopped at
its end in bounded time. Skipped, with the reason, only where unoserver cannot run (no LibreOffice,
no Python with LibreOffice's ``uno`` module, no unoserver package).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import FIXTURE_DIR
from dcity_docs.batch.run import run_batch
from dcity_docs.cli import cli
from dcity_docs.output.options import OutputOptions
from dcity_docs.conversion.base import conversion_cost, largest_first
from dcity_docs.conversion.convert import convert_to_pdf
from dcity_docs.conversion.soffice import SofficeConverter
from dcity_docs.conversion.spec import converter_from_spec
from dcity_docs.conversion.unoserver import UnoserverPool
from dcity_docs.output.documents import docx_bytes
from dcity_docs.errors import ConversionError, EnvironmentProblem, InputError
from dcity_docs.record.loading import load_record
from dcity_docs.conversion.servers import LocalUnoservers, find_uno_python, free_port

FIXTURES = FIXTURE_DIR


@pytest.fixture(scope="module")
def servers() -> Iterator[LocalUnoservers]:
    group = LocalUnoservers(2, ready_timeout=120)
    try:
        group.start()
    except EnvironmentProblem as exc:
        pytest.skip(f"unoserver cannot run here: {exc}")
    try:
        yield group
    finally:
        processes = [s.process for s in group.servers]
        group.stop(timeout=2)
        assert all(p.poll() is not None for p in processes), "a unoserver outlived the tests"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Six real agreements (Cyrillic throughout), one with a Cyrillic file name: the memoranda
    (three pages) and the bilingual shareholders' agreements (four and five): the bilingual JV
    agreements, of twenty to twenty-two, would only make the module slower."""
    folder = tmp_path_factory.mktemp("docx")
    out = []
    for stem in ("DC-2026-014", "DC-2026-021", "DC-2026-030"):
        record = load_record(FIXTURES / f"{stem}.yaml")
        for key, mode in (("memorandum", "uk"), ("shareholders-agreement", "bilingual")):
            path = folder / f"{record.id}_{key}_{mode}.docx"
            path.write_bytes(docx_bytes(record, key, mode))
            out.append(path)
    out[-1] = out[-1].rename(folder / "Корпоративний договір.docx")
    return out


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


def test_a_batch_is_spread_over_both_servers(servers: LocalUnoservers, documents: list[Path], tmp_path: Path) -> None:
    pool = servers.pool
    pdfs = convert_to_pdf(documents, tmp_path / "out", converter=pool)
    assert [p.name for p in pdfs] == [d.stem + ".pdf" for d in documents]
    for number, pdf in enumerate(pdfs):  # a memorandum, then a shareholders' agreement, per venture
        text = _text(pdf)
        if number % 2 == 0:
            assert "Міністерство оборони України" in text or "Міністерством оборони України" in text, pdf.name
        else:
            assert "КОРПОРАТИВНИЙ ДОГОВІР" in text, pdf.name
        assert "�" not in text
    used = {str(server): count for server, count in pool.converted.items()}
    assert len(used) == 2 and all(count > 0 for count in used.values()), used
    assert sum(used.values()) == len(documents)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in pdfs)  # no staging left


def test_each_document_is_timed_longest_first(servers: LocalUnoservers, documents: list[Path],
                                              tmp_path: Path) -> None:
    """Every document's timing is there for the benchmark's breakdown, in the order converted:
    the longest text first, whatever the order given."""
    pool = UnoserverPool([servers.servers[0].address])  # one server: the order it converts in is the order taken
    pool.timings = []
    given = sorted(documents, key=conversion_cost)  # the shortest first
    pdfs = convert_to_pdf(given, tmp_path / "out", converter=pool)
    assert [p.name for p in pdfs] == [d.stem + ".pdf" for d in given]  # the results in the order given
    assert [t.document for t in pool.timings] == [d.name for d in sorted(given, key=conversion_cost, reverse=True)]
    assert len({conversion_cost(d) for d in documents}) > 1  # the order is not decided by ties
    assert [t.size for t in pool.timings] == [d.stat().st_size for d in largest_first(given)]
    for t in pool.timings:
        assert t.taken <= t.sent < t.answered <= t.done
    for a, b in zip(pool.timings, pool.timings[1:]):
        assert a.done <= b.taken


def test_reach_checks_the_servers_early_and_never_raises(servers: LocalUnoservers) -> None:
    dead = f"127.0.0.1:{free_port()}"
    pool = converter_from_spec(f"unoserver://{dead},{servers.servers[0].address}")
    assert isinstance(pool, UnoserverPool)
    pool.reach(timeout=5)  # the dead one is left to the conversion, which says why
    assert {str(s) for s in pool._verified} == {servers.servers[0].address}


def test_a_server_that_does_not_answer_is_left_out(servers: LocalUnoservers, documents: list[Path],
                                                   tmp_path: Path) -> None:
    dead = f"127.0.0.1:{free_port()}"  # nothing listens there
    pool = converter_from_spec(f"unoserver://{dead},{servers.servers[0].address}")
    assert isinstance(pool, UnoserverPool)
    pdfs = convert_to_pdf(documents[:3], tmp_path, converter=pool, timeout=60)
    assert len(pdfs) == 3
    assert {str(s): n for s, n in pool.converted.items()} == {dead: 0, servers.servers[0].address: 3}


def test_a_document_no_server_can_convert_fails_after_one_retry(servers: LocalUnoservers, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a document")
    (tmp_path / "out").mkdir()
    with pytest.raises(ConversionError, match="broken.docx"):
        convert_to_pdf([broken], tmp_path / "out", converter=servers.pool, timeout=60)
    assert list((tmp_path / "out").iterdir()) == []  # all or nothing, no staging left


def test_no_server_at_all_is_an_environment_problem(tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    pool = converter_from_spec(f"unoserver://127.0.0.1:{free_port()}")
    with pytest.raises(EnvironmentProblem, match="no unoserver answered"):
        convert_to_pdf([docx], tmp_path / "out", converter=pool, timeout=10)


def test_a_batch_and_its_reports_convert_through_the_converter_of_its_options(servers: LocalUnoservers,
                                                                             tmp_path: Path) -> None:
    """No process-wide default: the options carry the converter to every conversion of a batch."""
    pool = servers.pool
    before = sum(pool.converted.values())
    record = FIXTURES / "DC-2026-030.yaml"
    result = run_batch([record], tmp_path / "out", OutputOptions(formats=("pdf",), converter=pool), jobs=1)
    assert [r.status for r in result.results] == ["made"]
    pack_pdfs = len(list((tmp_path / "out" / "DC-2026-030").glob("*.pdf"))) - 1  # the merged pack is ours
    reports = [p for p in result.reports if p.suffix == ".pdf"]
    assert len(reports) == 2
    # every document of the pack, its cover and both reports went to the servers
    assert sum(pool.converted.values()) - before == pack_pdfs + 1 + len(reports)


def test_render_command_converts_through_the_servers(servers: LocalUnoservers, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["render", "memorandum", str(FIXTURES / "DC-2026-021.yaml"), "-l", "uk",
                                      "-f", "pdf", "-o", str(tmp_path), "--converter", servers.spec])
    assert result.exit_code == 0, result.output + result.stderr
    pdf = tmp_path / "DC-2026-021_memorandum_uk.pdf"
    assert pdf.is_file()
    assert "МЕМОРАНДУМ" in _text(pdf).upper()


@pytest.mark.parametrize("spec", ["unoserver://", "unoserver://host", "unoserver://h:0", "unoserver://h:99999",
                                  "libreoffice://h:1", "unoserver://[::1:5"])
def test_bad_converter_specs_are_refused(spec: str) -> None:
    with pytest.raises(InputError):
        converter_from_spec(spec)


def test_converter_specs() -> None:
    assert isinstance(converter_from_spec(None), SofficeConverter)
    assert isinstance(converter_from_spec("soffice"), SofficeConverter)
    pool = converter_from_spec("unoserver://127.0.0.1:2003, [::1]:2004,localhost:2005")
    assert isinstance(pool, UnoserverPool)
    assert pool.spec == "unoserver://127.0.0.1:2003,[::1]:2004,localhost:2005"
    assert [s.local for s in pool.servers] == [True, True, True]
    assert not converter_from_spec("unoserver://docs.example:2003").servers[0].local  # type: ignore[attr-defined]
    tls = converter_from_spec("unoserver+https://127.0.0.1:2443")
    assert isinstance(tls, UnoserverPool) and tls.spec == "unoserver+https://127.0.0.1:2443"
    assert tls.servers[0].url == "https://127.0.0.1:2443/" and not tls.servers[0].local  # always uploads
    assert not tls.sends_in_clear() and converter_from_spec("unoserver://docs.example:2003").sends_in_clear()
    assert not converter_from_spec("unoserver://127.0.0.1:2003").sends_in_clear()
    with pytest.raises(InputError):
        converter_from_spec("unoserver://docs.example:2003", ca=Path("/etc/hostname"))  # CA only for TLS


def test_bad_converter_option_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["pack", str(FIXTURES / "DC-2026-014.yaml"), "-o", str(tmp_path),
                                      "--converter", "ftp://x"])
    assert result.exit_code == 2
    assert "--converter" in result.stderr


def test_servers_helper_needs_libreoffice() -> None:
    """Guard for the skip reason above: the helper says what is missing, it never hangs."""
    if shutil.which("soffice") is None:
        with pytest.raises(EnvironmentProblem):
            LocalUnoservers(1).start()


def test_looking_for_a_python_with_uno_leaves_nothing_in_the_home_folder(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing ``uno`` bootstraps LibreOffice, which makes ``~/.config``: the probes that look
    for a Python able to run unoserver run in a throwaway home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    try:
        find_uno_python()
    except EnvironmentProblem as exc:
        pytest.skip(str(exc))
    assert sorted(home.iterdir()) == []

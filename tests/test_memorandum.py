"""The memorandum read back as a lawyer reads it: parties, signatories, dates, amounts, clauses."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE_DIR
from dcity_docs.output.documents import MODES, docx_bytes
from dcity_docs.language.typography import NBSP, typography_uk
from dcity_docs.record.loading import load_record
from readback import STAGE_MARKS, docx_header_footer_text, docx_run_languages, docx_text, stage_marks

FIXTURES = sorted(FIXTURE_DIR.glob("*.yaml"))


def render(tmp_path: Path, fixture: Path, mode: str) -> tuple[str, str]:
    record = load_record(fixture)
    path = tmp_path / f"{record.id}_{mode}.docx"
    path.write_bytes(docx_bytes(record, "memorandum", mode))  # type: ignore[arg-type]
    return docx_text(path), docx_header_footer_text(path)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_parties_dates_and_no_template_left(tmp_path: Path, fixture: Path, mode: str) -> None:
    record = load_record(fixture)
    body, margins = render(tmp_path, fixture, mode)
    langs = ["uk", "en"] if mode == "bilingual" else [mode]
    for lang in langs:
        fix = typography_uk if lang == "uk" else (lambda s: s)
        assert fix(record.ministry.name[lang]) in body
        for holder in record.shareholders:
            assert fix(holder.name[lang]) in body
            assert fix(holder.signatory.position[lang]) in body
    if "en" in langs:
        for sig in [record.ministry.signatory] + [h.signatory for h in record.shareholders]:
            assert sig.name.en in body
    assert "{{" not in body and "{%" not in body and "}}" not in body
    assert record.id in margins
    assert stage_marks(margins) == STAGE_MARKS[record.stage]


def test_example_in_ukrainian(tmp_path: Path) -> None:
    body, margins = render(tmp_path, FIXTURES[0], "uk")
    assert "МЕМОРАНДУМ ПРО ВЗАЄМОРОЗУМІННЯ" in body
    assert f"1{NBSP}вересня{NBSP}2026{NBSP}р." in body  # a date never breaks across lines
    # Signatories in the genitive, a woman's -ко surname undeclined, foreign names declined.
    assert "в особі Міністра оборони України Умєрова Рустема Енверовича, що діє на підставі Положення про Міністерство оборони України" in body
    assert "в особі Директора Коваленко Ірини Петрівни, що діє на підставі Статуту" in body
    assert "в особі Генерального директора Сьорена Голма Єнсена" in body
    assert f"12{NBSP}500{NBSP}000,00 (дванадцять мільйонів п’ятсот тисяч) євро{NBSP}00{NBSP}центів" in body
    assert "180 (сто вісімдесят) робочих місць" in body
    assert "переважну силу має текст українською мовою" in body
    assert "статті 635 Цивільного кодексу України" in body
    assert "Арбітражного регламенту Міжнародної торгової палати" in body and "Відень" in body
    assert f"Рустем{NBSP}УМЄРОВ" in body and f"Ірина{NBSP}КОВАЛЕНКО" in body
    assert "'" not in body  # one apostrophe (’) throughout, never the ASCII one
    assert "ПРОЄКТ" in margins and "Сторінка" in margins


def test_example_in_english(tmp_path: Path) -> None:
    body, margins = render(tmp_path, FIXTURES[0], "en")
    assert "MEMORANDUM OF UNDERSTANDING" in body
    assert f"1{NBSP}September{NBSP}2026" in body
    assert "represented by Rustem Umerov, Minister of Defence of Ukraine, acting under the Regulations on the Ministry of Defence of Ukraine" in body
    assert "Søren Holm Jensen" in body
    assert f"EUR{NBSP}12,500,000.00 (twelve million five hundred thousand euros)" in body
    assert "the Ukrainian text shall prevail" in body
    assert "Rules of Arbitration of the International Chamber of Commerce" in body and "Vienna" in body
    assert "DRAFT" in margins and "Page" in margins


def test_power_of_attorney_is_cited_in_full(tmp_path: Path) -> None:
    body, _ = render(tmp_path, FIXTURES[1], "bilingual")
    record = load_record(FIXTURES[1])
    poa = record.ministry.signatory.power_of_attorney
    assert poa is not None
    assert f"що діє на підставі довіреності від 12{NBSP}травня{NBSP}2026{NBSP}р. №{NBSP}{poa.number}" in body
    assert f"acting under power of attorney No.{NBSP}{poa.number} dated 12{NBSP}May{NBSP}2026" in body
    assert "Заступника Міністра оборони України Гнатюка Дмитра Олеговича" in body
    assert "переважну силу має текст англійською мовою" in body and "the English text shall prevail" in body


def test_abroad_venture_has_no_site_undertakings(tmp_path: Path) -> None:
    body, margins = render(tmp_path, FIXTURES[2], "en")
    assert "in Norway" in body and "safe production site" not in body
    assert "DRAFT" not in margins  # signed


def test_bilingual_runs_are_tagged_with_both_languages(tmp_path: Path) -> None:
    record = load_record(FIXTURES[0])
    path = tmp_path / "b.docx"
    path.write_bytes(docx_bytes(record, "memorandum", "bilingual"))
    assert {"uk-UA", "en-GB"} <= docx_run_languages(path)
    path.write_bytes(docx_bytes(record, "memorandum", "en"))
    assert docx_run_languages(path) == {"en-GB"}

"""The programme file: default terms, the place of signing and the Ministry for records without
their own; records' ``terms:`` overrides checked like the rest of a record; ``new`` and
``programme`` commands; a batch re-makes the packs a changed programme affects."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from dcity_docs.cli import cli, run
from dcity_docs.errors import RecordInvalid
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.packs import inputs_sha256
from dcity_docs.record.loading import (bundled_programme, load_programme, load_record, parse_text,
                                       validate_source)
from dcity_docs.record.programme import bundled_programme_file
from dcity_docs.record.starter import PLACEHOLDER
from dcity_docs.record.terms import Terms

from readback import docx_text

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
EXAMPLE = REPO.parent / "shared" / "contract" / "venture.example.yaml"
PROGRAMME_TEXT = bundled_programme_file().read_text(encoding="utf-8")


def without_ministry(text: str) -> str:
    """The record's text less its ``ministry:`` block (up to the next top-level key)."""
    out = re.sub(r"(?ms)^ministry:.*?(?=^\S)", "", text)
    assert "ministry:" not in out
    return out


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def problems_of(text: str, file: str = "rec.yaml") -> list[str]:
    with pytest.raises(RecordInvalid) as caught:
        validate_source(parse_text(text, file))
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_bundled_programme_holds_the_contract_examples_ministry_and_the_terms_defaults() -> None:
    programme = bundled_programme()
    example = load_record(EXAMPLE)
    assert programme.ministry == example.ministry
    assert programme.terms == Terms()
    assert (programme.place_of_signing.uk, programme.place_of_signing.en) == ("м. Київ", "Kyiv")
    # the block as the user wrote it, comments included
    block = re.search(r"(?ms)^ministry:.*?(?=^\S)", example_text()).group().rstrip()
    assert block in PROGRAMME_TEXT


def test_the_contract_example_and_the_fixtures_validate_unchanged_with_default_terms() -> None:
    for path in [EXAMPLE, *sorted(FIXTURES.glob("*.yaml"))]:
        record = load_record(path)
        assert record.terms == bundled_programme().terms
        assert record.ministry is not None


def test_a_record_without_ministry_takes_the_programmes_and_one_with_keeps_its_own(tmp_path: Path) -> None:
    changed = write(tmp_path / "programme.yaml", PROGRAMME_TEXT.replace("Умєров Рустем Енверович", "Шмигаль Денис Анатолійович")
                    .replace("Rustem Umerov", "Denys Shmyhal"))
    programme = load_programme(changed)
    bare = write(tmp_path / "bare.yaml", without_ministry(example_text()))
    assert load_record(bare, programme).ministry.signatory.name.en == "Denys Shmyhal"
    assert load_record(bare).ministry.signatory.name.en == "Rustem Umerov"
    assert load_record(EXAMPLE, programme).ministry.signatory.name.en == "Rustem Umerov"


def test_a_records_terms_override_the_programmes_and_keep_the_rest() -> None:
    text = example_text() + "terms:\n  lock_up_years: 5\n  board_seats: 3\n  board_seats_per_shareholder: [2, 1]\n"
    record = validate_source(parse_text(text, "rec.yaml"))
    assert (record.terms.lock_up_years, record.terms.board_seats, record.terms.board_seats_per_shareholder) == (5, 3, [2, 1])
    assert record.terms.drag_along_percent == bundled_programme().terms.drag_along_percent


def test_bad_terms_are_refused_with_file_line_and_field_all_at_once() -> None:
    text = example_text() + (
        "terms:\n"
        "  lock_up_years: 99\n"
        "  drag_along_percent: 120\n"
        "  default_discount_percent: -5\n"
        "  lock_up_yeras: 2\n"
        "  board_seats: 3\n"
        "  board_seats_per_shareholder: [1, 1]\n"
    )
    problems = problems_of(text)
    expected = {
        "terms.lock_up_years": "lock_up_years: 99",
        "terms.drag_along_percent": "drag_along_percent: 120",
        "terms.default_discount_percent": "default_discount_percent: -5",
        "terms.lock_up_yeras": "lock_up_yeras",
    }
    for field, needle in expected.items():
        assert any(p.startswith(f"rec.yaml:{line_of(text, needle)}: {field}:") for p in problems), (field, problems)
    assert any("unknown field" in p and "lock_up_yeras" in p for p in problems)
    # the seats that do not add up are reported with the rest (salvaged terms are invalid: rule
    # problems come once the fields are valid)
    seats = example_text() + "terms:\n  board_seats: 3\n  board_seats_per_shareholder: [1, 1]\n"
    [problem] = problems_of(seats)
    assert problem.startswith(f"rec.yaml:{line_of(seats, 'board_seats_per_shareholder')}: "
                              "terms.board_seats_per_shareholder: the seats add up to 2, not board_seats 3")
    wrong_count = example_text() + "terms:\n  board_seats: 3\n  board_seats_per_shareholder: [3]\n"
    assert any("1 entries for 2 shareholder(s)" in p for p in problems_of(wrong_count))


def test_a_drag_along_below_the_tag_along_contradicts_it() -> None:
    text = example_text() + "terms:\n  tag_along_percent: 60\n  drag_along_percent: 55\n"
    [problem] = problems_of(text)
    assert problem.startswith(f"rec.yaml:{line_of(text, 'drag_along_percent')}: terms.drag_along_percent: 55 is below")


def test_a_bad_programme_file_is_refused_like_a_record(tmp_path: Path) -> None:
    text = (PROGRAMME_TEXT.replace("lock_up_years: 3", "lock_up_years: 99")
            .replace("tag_along_percent: 50", "tag_along_percent: 80")
            .replace('edrpou: "00034022"', 'edrpou: "00034023"'))
    path = write(tmp_path / "programme.yaml", text)
    with pytest.raises(RecordInvalid) as caught:
        load_programme(path)
    shown = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{path}:{line_of(text, 'lock_up_years')}: terms.lock_up_years: 99 is out of range")
               for p in shown), shown
    assert any(p.startswith(f"{path}:{line_of(text, 'edrpou')}: ministry.edrpou:") for p in shown), shown
    fixed = write(tmp_path / "p2.yaml", PROGRAMME_TEXT.replace("tag_along_percent: 50", "tag_along_percent: 80"))
    with pytest.raises(RecordInvalid) as caught:
        load_programme(fixed)
    assert [p.path for p in caught.value.problems] == ["terms.drag_along_percent"]
    result = CliRunner().invoke(cli, ["validate", "--programme", str(path), str(EXAMPLE)])
    assert result.exit_code == 1 and "terms.lock_up_years" in result.output + result.stderr


def test_the_programme_command_prints_the_bundled_file_and_the_schema_covers_it() -> None:
    result = CliRunner().invoke(cli, ["programme"])
    assert result.exit_code == 0 and result.output == PROGRAMME_TEXT
    schema = json.loads(CliRunner().invoke(cli, ["schema", "--programme"]).output)
    assert set(schema["required"]) == {"place_of_signing", "ministry"}
    assert "lock_up_years" in schema["$defs"]["Terms"]["properties"]
    record_schema = json.loads(CliRunner().invoke(cli, ["schema"]).output)
    assert "ministry" not in record_schema["required"] and "terms" in record_schema["properties"]


def test_dcity_programme_names_the_programme_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = write(tmp_path / "programme.yaml", PROGRAMME_TEXT.replace("cure_days: 30", "cure_days: 0"))
    monkeypatch.setenv("DCITY_PROGRAMME", str(bad))
    assert run(["validate", str(EXAMPLE)]) == 1
    monkeypatch.delenv("DCITY_PROGRAMME")
    assert run(["validate", str(EXAMPLE)]) == 0


def _at(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data[int(part)] if part.isdigit() else data[part]
    return data


def test_new_prints_a_record_that_validates_once_its_placeholders_are_filled(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["new", "DC-2027-001"])
    assert result.exit_code == 0
    text = result.output
    assert "ministry:" not in text.replace("`ministry:`", "")
    assert "#   lock_up_years: 3" in text
    unfilled = write(tmp_path / "unfilled.yaml", text)
    with pytest.raises(RecordInvalid):
        load_record(unfilled)
    yaml = YAML(typ="safe")
    example = yaml.load(example_text())
    filled = PLACEHOLDER.sub(lambda m: json.dumps(_at(example, m.group(1)), ensure_ascii=False, default=str), text)
    assert not PLACEHOLDER.search(filled) and "\"__" not in filled
    record = load_record(write(tmp_path / "filled.yaml", filled))
    assert record.id == "DC-2027-001"
    assert record.ministry == bundled_programme().ministry
    assert CliRunner().invoke(cli, ["new", "not an id"]).exit_code != 0


def test_the_inputs_hash_covers_the_programme(tmp_path: Path) -> None:
    data = (FIXTURES / "DC-2026-014.yaml").read_bytes()
    docx = OutputOptions(formats=("docx",))
    same = write(tmp_path / "same.yaml", PROGRAMME_TEXT)
    changed = write(tmp_path / "changed.yaml", PROGRAMME_TEXT.replace("lock_up_years: 3", "lock_up_years: 4"))
    assert inputs_sha256(data, docx.but(programme=same)) == inputs_sha256(data, docx)
    assert inputs_sha256(data, docx.but(programme=changed)) != inputs_sha256(data, docx)


def _summary(output: str) -> dict[str, int]:
    match = re.search(r"(\d+) made, (\d+) skipped \(unchanged\), (\d+) failed", output)
    assert match, output
    return dict(zip(("made", "skipped", "failed"), map(int, match.groups())))


def test_a_new_minister_in_the_programme_remakes_the_packs_and_an_unchanged_rerun_skips(tmp_path: Path) -> None:
    records = tmp_path / "records"
    write(records / "DC-2026-014.yaml", without_ministry((FIXTURES / "DC-2026-014.yaml").read_text(encoding="utf-8")))
    write(records / "DC-2026-030.yaml", (FIXTURES / "DC-2026-030.yaml").read_text(encoding="utf-8"))
    programme = write(tmp_path / "programme.yaml", PROGRAMME_TEXT)
    out = tmp_path / "out"
    args = ["batch", str(records), "-o", str(out), "-f", "docx", "-j", "1", "--programme", str(programme)]
    first = CliRunner().invoke(cli, args)
    assert _summary(first.output) == {"made": 2, "skipped": 0, "failed": 0}, first.output
    assert _summary(CliRunner().invoke(cli, args).output) == {"made": 0, "skipped": 2, "failed": 0}
    agreement = out / "DC-2026-014" / "DC-2026-014_jv-agreement_uk.docx"
    assert "Умєрова Рустема Енверовича" in docx_text(agreement)

    programme.write_text(PROGRAMME_TEXT.replace("Умєров Рустем Енверович", "Шмигаль Денис Анатолійович")
                         .replace("Rustem Umerov", "Denys Shmyhal"), encoding="utf-8")
    third = CliRunner().invoke(cli, args)
    assert _summary(third.output)["made"] >= 1 and _summary(third.output)["failed"] == 0
    text = docx_text(agreement)
    assert "Шмигаля Дениса Анатолійовича" in text and "Умєрова" not in text
    assert "Denys Shmyhal" in docx_text(out / "DC-2026-014" / "DC-2026-014_jv-agreement_en.docx")
    # the record with its own ministry block keeps its own Minister, whether or not it was re-made
    kept = docx_text(out / "DC-2026-030" / "DC-2026-030_jv-agreement_uk.docx")
    assert "Савченко Мар’яни Олегівни" in kept and "Шмигал" not in kept
    assert _summary(CliRunner().invoke(cli, args).output) == {"made": 0, "skipped": 2, "failed": 0}


def test_the_contract_example_renders_every_document_with_no_terms_and_no_change_to_the_file(tmp_path: Path) -> None:
    before = EXAMPLE.read_bytes()
    assert not re.search(r"(?m)^terms:", before.decode("utf-8"))
    result = CliRunner().invoke(cli, ["pack", str(EXAMPLE), "-o", str(tmp_path), "-f", "docx"])
    assert result.exit_code == 0, result.output
    assert EXAMPLE.read_bytes() == before
    record = load_record(EXAMPLE)
    folder = tmp_path / record.id
    for key in ("memorandum", "jv-agreement", "shareholders-agreement"):
        for lang in ("uk", "en", "bilingual"):
            assert (folder / f"{record.id}_{key}_{lang}.docx").is_file(), (key, lang)
    sha = docx_text(folder / f"{record.id}_shareholders-agreement_en.docx")
    assert "within 3 (three) years" in sha and "less 20 (twenty) per cent" in sha


def test_bad_terms_render_nothing_and_are_reported_all_at_once(tmp_path: Path) -> None:
    text = example_text() + (
        "terms:\n"
        "  lock_up_years: 99\n"
        "  tag_along_percent: 80\n"
        "  drag_along_percent: 120\n"
        "  default_discount_percent: -5\n"
        "  lock_up_yeras: 2\n"
    )
    record = write(tmp_path / "rec.yaml", text)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["pack", str(record), "-o", str(out), "-f", "docx"])
    assert result.exit_code != 0
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    for field, needle in (("terms.lock_up_years", "lock_up_years: 99"),
                          ("terms.drag_along_percent", "drag_along_percent: 120"),
                          ("terms.default_discount_percent", "default_discount_percent: -5"),
                          ("terms.lock_up_yeras", "lock_up_yeras")):
        assert f"rec.yaml:{line_of(text, needle)}: {field}:" in output, (field, output)
    assert not out.exists() or not any(p.suffix == ".docx" for p in out.rglob("*")), list(out.rglob("*"))


def test_a_programme_file_is_parsed_once_until_its_bytes_change(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch's workers validate every record against the programme: it is read each time, but
    parsed only when its bytes are new, and a changed file is never served from the cache."""
    from dcity_docs.record import loading

    parsed: list[str] = []
    real = loading.parse_text

    def counting(text: str, file: str):  # type: ignore[no-untyped-def]
        parsed.append(file)
        return real(text, file)

    monkeypatch.setattr(loading, "parse_text", counting)
    path = write(tmp_path / "programme.yaml", PROGRAMME_TEXT.replace("Rustem Umerov", "Denys Shmyhal"))
    first = load_programme(path)
    assert load_programme(path) is first
    assert parsed == [str(path)]
    write(path, PROGRAMME_TEXT.replace("Rustem Umerov", "Yulia Svyrydenko"))
    assert load_programme(path).ministry.signatory.name.en == "Yulia Svyrydenko"
    assert first.ministry.signatory.name.en == "Denys Shmyhal"
    assert parsed == [str(path), str(path)]

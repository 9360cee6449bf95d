"""Registers (CSV and XLSX, one venture a row): conventions, typed cells, errors with ROW numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from conftest import FIXTURE_DIR
from dcity_docs.errors import RecordInvalid
from dcity_docs.record.loading import load_record
from dcity_docs.record.registers import RegisterRow, field_kind, read_register, validate_row

FIXTURES = FIXTURE_DIR
REPO = FIXTURE_DIR.parent


# --- helpers --------------------------------------------------------------------------------------


def fixture_table() -> tuple[list[str], list[dict[str, str]]]:
    """The committed CSV register: header and one dict per venture (the three fixtures)."""
    with (FIXTURES / "register.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, header: list[str], rows: list[dict[str, Any]], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def write_xlsx(path: Path, header: list[str], rows: list[dict[str, Any]]) -> Path:
    """Cells as given: str stays text, numbers/dates/booleans become typed Excel cells."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(name) if row.get(name) != "" else None for name in header])
    workbook.save(path)
    return path


def rows_of(path: Path) -> list[RegisterRow]:
    items = list(read_register(path))
    assert all(isinstance(i, RegisterRow) for i in items), items
    return items  # type: ignore[return-value]


def problems_of(row: RegisterRow) -> list[str]:
    with pytest.raises(RecordInvalid) as info:
        validate_row(row)
    return [str(p) for p in info.value.problems]


def one_row(tmp_path: Path, changes: dict[str, Any], *, xlsx: bool = False, base: int = 2) -> RegisterRow:
    """A register holding one fixture venture (``base``: 0, 1, 2) with some cells changed."""
    header, rows = fixture_table()
    row: dict[str, Any] = dict(rows[base])
    row.update(changes)
    header += [name for name in changes if name not in header]
    path = tmp_path / ("reg.xlsx" if xlsx else "reg.csv")
    (write_xlsx if xlsx else write_csv)(path, header, [row])
    [item] = rows_of(path)
    return item


# --- the fixture registers ------------------------------------------------------------------------


def test_fixture_registers_are_in_sync_with_the_fixture_records() -> None:
    result = subprocess.run([sys.executable, str(REPO / "tools" / "make_register.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["register.xlsx", "register.csv"])
def test_every_row_of_the_fixture_register_is_the_fixture_record(name: str) -> None:
    rows = rows_of(FIXTURES / name)
    assert [r.row for r in rows] == [2, 3, 4]
    for row in rows:
        record = validate_row(row)
        assert record == load_record(FIXTURES / f"{record.id}.yaml")


def test_xlsx_fixture_keeps_money_as_text_and_dates_as_excel_dates() -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(FIXTURES / "register.xlsx").worksheets[0]
    header = [c.value for c in sheet[1]]
    amount = sheet.cell(row=2, column=header.index("venture.capital.amount") + 1)
    memorandum = sheet.cell(row=2, column=header.index("dates.memorandum") + 1)
    assert amount.value == "12500000.00" and amount.data_type == "s"
    assert isinstance(memorandum.value, dt.datetime)


# --- conventions ----------------------------------------------------------------------------------


def test_field_kinds_come_from_the_record_models() -> None:
    assert field_kind(("venture", "capital", "amount")) == "money"
    assert field_kind(("shareholders", 0, "share_percent")) == "decimal"
    assert field_kind(("venture", "products")) == "list"
    assert field_kind(("shareholders", 1, "contribution", "kind")) == "list"
    assert field_kind(("dates", "agreement")) == "date"
    assert field_kind(("site", "protection", "guarded_perimeter")) == "bool"
    assert field_kind(("disputes", "arbitrators")) == "int"
    assert field_kind(("venture", "name", "uk")) == "text"
    assert field_kind(("venture", "nmae")) is None


def test_lists_are_split_on_semicolons_with_spaces_and_empty_items_ignored(tmp_path: Path) -> None:
    row = one_row(tmp_path, {"venture.products": " drones ;missiles;; ", "venture.purposes": "technology_access"})
    record = validate_row(row)
    assert [p.value for p in record.venture.products] == ["drones", "missiles"]
    assert [p.value for p in record.venture.purposes] == ["technology_access"]


def test_semicolon_separated_csv_is_read_too(tmp_path: Path) -> None:
    header, rows = fixture_table()
    path = write_csv(tmp_path / "excel-eu.csv", header, rows, delimiter=";")
    assert [validate_row(r).id for r in rows_of(path)] == ["DC-2026-014", "DC-2026-021", "DC-2026-030"]


def test_empty_cells_are_absent_and_rows_without_values_are_skipped(tmp_path: Path) -> None:
    header, rows = fixture_table()
    path = write_csv(tmp_path / "gaps.csv", header, [rows[0], {}, rows[2]])
    items = rows_of(path)
    assert [r.row for r in items] == [2, 4]  # spreadsheet rows, the empty row 3 skipped
    abroad = validate_row(items[1])
    assert abroad.site is None and abroad.venture.placement == "abroad"
    assert abroad.ministry.signatory.power_of_attorney is not None
    assert validate_row(items[0]).ministry.signatory.power_of_attorney is None


def test_whole_numbers_and_flags_as_text(tmp_path: Path) -> None:
    row = one_row(tmp_path, {"venture.ukrainian_jobs": "75", "site.protection.guarded_perimeter": "FALSE",
                             "site.protection.air_defence_coordination": "yes"}, base=0)
    record = validate_row(row)
    assert record.venture.ukrainian_jobs == 75
    assert record.site is not None
    assert record.site.protection.guarded_perimeter is False
    assert record.site.protection.air_defence_coordination is True


def test_xlsx_dates_as_excel_dates_or_iso_text(tmp_path: Path) -> None:
    row = one_row(tmp_path, {"dates.memorandum": dt.datetime(2026, 2, 16), "dates.agreement": "2026-04-28"},
                  xlsx=True)
    record = validate_row(row)
    assert record.dates.memorandum == dt.date(2026, 2, 16)
    assert record.dates.agreement == dt.date(2026, 4, 28)


def test_a_date_with_a_time_of_day_is_refused(tmp_path: Path) -> None:
    row = one_row(tmp_path, {"dates.agreement": dt.datetime(2026, 4, 28, 14, 30)}, xlsx=True)
    assert problems_of(row) == [f"{tmp_path / 'reg.xlsx'}:2: dates.agreement: is a date-and-time cell; "
                                "give the date only (YYYY-MM-DD)"]


# --- money and codes must be text -----------------------------------------------------------------


def test_money_in_an_excel_number_cell_is_refused_clearly(tmp_path: Path) -> None:
    row = one_row(tmp_path, {"venture.capital.amount": 150000000.0,
                             "shareholders.2.contribution.value.amount": 30000000}, xlsx=True)
    problems = problems_of(row)
    where = f"{tmp_path / 'reg.xlsx'}:2"
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"{where}: venture.capital.amount: is a number cell, but money must be text")
    assert problems[1].startswith(f"{where}: shareholders.2.contribution.value.amount: is a number cell")
    assert all("floating point" in p and "format the cell as Text" in p for p in problems)


def test_money_as_text_passes_in_xlsx(tmp_path: Path) -> None:
    row = one_row(tmp_path, {"venture.capital.amount": "150000000.00"}, xlsx=True)
    assert str(validate_row(row).venture.capital.amount) == "150000000.00"


def test_a_code_in_a_number_cell_is_refused_as_it_loses_leading_zeros(tmp_path: Path) -> None:
    row = one_row(tmp_path, {"ministry.edrpou": 34022}, xlsx=True)
    [problem] = problems_of(row)
    assert problem.startswith(f"{tmp_path / 'reg.xlsx'}:2: ministry.edrpou: is a number cell (34022)")
    assert "leading zeros" in problem


def test_a_fractional_percentage_cell_is_refused_but_a_whole_one_passes(tmp_path: Path) -> None:
    row = one_row(tmp_path, {"shareholders.0.share_percent": 45.5}, xlsx=True)
    problems = problems_of(row)
    assert any("shareholders.0.share_percent: is a number cell with a fraction" in p for p in problems)
    row = one_row(tmp_path, {"shareholders.0.share_percent": 45}, xlsx=True)
    assert validate_row(row).shareholders[0].share_percent == 45


# --- errors with row numbers ----------------------------------------------------------------------


def test_every_problem_of_a_bad_row_is_reported_with_its_row(tmp_path: Path) -> None:
    header, rows = fixture_table()
    bad = dict(rows[1], stage="done", **{"venture.country": "XX", "venture.products": "drones; lasers"})
    path = write_csv(tmp_path / "reg.csv", header, [rows[0], bad, rows[2]])
    good1, broken, good2 = rows_of(path)
    assert validate_row(good1).id == "DC-2026-014" and validate_row(good2).id == "DC-2026-030"
    problems = problems_of(broken)
    assert f"{path}:3: stage: 'done' is not allowed" in "\n".join(problems)
    fields = [p.split(": ", 2)[1] for p in problems]
    assert "stage" in fields and "venture.country" in fields and "venture.products.1" in fields
    assert all(p.startswith(f"{path}:3: ") for p in problems)


def test_unknown_column_is_an_unknown_field_of_each_row(tmp_path: Path) -> None:
    row = one_row(tmp_path, {"venture.nmae.en": "Typo"})
    assert any(p.endswith("venture.nmae: unknown field (not in the record contract; check the spelling)")
               for p in problems_of(row))


def test_a_gap_in_list_indexes_is_reported_once(tmp_path: Path) -> None:
    header, rows = fixture_table()
    header = [h for h in header if not h.startswith("shareholders.1.")]
    path = write_csv(tmp_path / "gap.csv", header, [rows[2]])
    [item] = rows_of(path)
    problems = problems_of(item)
    gap = [p for p in problems if ": shareholders.1: " in p]
    assert len(gap) == 1 and "without gaps" in gap[0]
    assert not any(": shareholders.1." in p for p in problems)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (["id", "stage", "id"], "repeats column A"),
        (["id", "venture name"], "is not a dotted field path"),
        (["id", "venture.name", "venture.name.uk"], "is inside column"),
    ],
)
def test_a_malformed_header_fails_the_register_at_row_1(tmp_path: Path, header: list[str], message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(",".join(header) + "\n" + ",".join("x" for _ in header) + "\n", encoding="utf-8")
    [item] = list(read_register(path))
    assert isinstance(item, RecordInvalid)
    assert str(item.problems[0]).startswith(f"{path}:1:") and message in str(item)


def test_a_value_under_a_column_without_a_name_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "noname.csv"
    path.write_text("id,,stage\nDC-2026-100,oops,signed\n", encoding="utf-8")
    [item] = rows_of(path)
    assert any("column B: has a value but no name in row 1" in p for p in problems_of(item))


def test_not_utf8_csv_and_old_spreadsheets_are_refused_with_a_hint(tmp_path: Path) -> None:
    cp1251 = tmp_path / "old.csv"
    cp1251.write_bytes("id,venture.name.uk\nDC-2026-100,Назва\n".encode("cp1251"))
    items = list(read_register(cp1251))
    assert isinstance(items[-1], RecordInvalid) and "CSV UTF-8" in str(items[-1])
    ods = tmp_path / "register.ods"
    ods.write_bytes(b"PK")
    [item] = list(read_register(ods))
    assert isinstance(item, RecordInvalid) and "save the register as .xlsx" in str(item)


def test_a_broken_xlsx_is_one_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    [item] = list(read_register(path))
    assert isinstance(item, RecordInvalid) and "not a readable XLSX workbook" in str(item)


def test_register_rows_hash_the_same_however_the_file_was_written(tmp_path: Path) -> None:
    """The record hash of a row is of its data, so a CSV and an XLSX of the same venture agree."""
    xlsx = rows_of(FIXTURES / "register.xlsx")
    csv_rows = rows_of(FIXTURES / "register.csv")
    assert [r.record_bytes for r in xlsx] == [r.record_bytes for r in csv_rows]

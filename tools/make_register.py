"""Makes fixtures/register.xlsx and fixtures/register.csv from the fixture records, one venture a row.

The register holds exactly what the fixture YAML files hold, written with the register conventions
(README, "Registers"): dotted column names, indexed columns for shareholders, ``;`` between the
items of a list, money and codes as text, dates as Excel date cells (XLSX) or ISO text (CSV).
Run it after changing a fixture; ``--check`` only tells whether the committed files are in sync
(the tests run it). Output is byte-identical from run to run.

    python tools/make_register.py            # write fixtures/register.{xlsx,csv}
    python tools/make_register.py --check    # exit 1 if they differ from the fixtures
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dcity_docs.record.loading import read_source  # noqa: E402
from dcity_docs.record.registers import LIST_SEPARATOR, field_kind  # noqa: E402

FIXTURES = ROOT / "fixtures"
FIXED = dt.datetime(2026, 1, 1)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def flatten(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any]]:
    """(column path, value) pairs in the record's own order."""
    if isinstance(data, dict):
        out = []
        for key, value in data.items():
            out += flatten(value, path + (key,))
        return out
    if isinstance(data, list) and data and isinstance(data[0], dict):
        out = []
        for index, value in enumerate(data):
            out += flatten(value, path + (index,))
        return out
    return [(path, data)]


def merge_columns(records: list[list[tuple[str | int, ...]]]) -> list[tuple[str | int, ...]]:
    """One column list for all records; a column new in a later record goes after its predecessor."""
    columns: list[tuple[str | int, ...]] = []
    for paths in records:
        previous = None
        for path in paths:
            if path not in columns:
                at = columns.index(previous) + 1 if previous is not None else 0
                columns.insert(at, path)
            previous = path
    return columns


def dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path)


def table() -> tuple[list[str], list[list[tuple[tuple[str | int, ...], Any]]]]:
    rows = []
    for fixture in sorted(FIXTURES.glob("*.yaml")):
        rows.append(flatten(read_source(fixture).data))
    columns = merge_columns([[p for p, _ in row] for row in rows])
    cells = [[(c, dict(row).get(c)) for c in columns] for row in rows]
    return [dotted(c) for c in columns], cells


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(str(v) for v in value)
    return str(value)


def make_csv() -> bytes:
    header, rows = table()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_value(v) for _, v in row])
    return buffer.getvalue().encode("utf-8")


def make_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    header, rows = table()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "ventures"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, (path, value) in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=r, column=c)
            kind = field_kind(path)
            if kind == "date":
                cell.value = dt.date.fromisoformat(str(value))
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, (bool, int)):
                cell.value = value
            else:
                cell.value = csv_value(value)
                cell.number_format = "@"  # Text: Excel keeps "00034022" and "12500000.00" as typed
    sheet.freeze_panes = "B2"
    workbook.properties.creator = "dcity-docs tools/make_register.py"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _deterministic(buffer.getvalue())


def _deterministic(data: bytes) -> bytes:
    """openpyxl stamps the clock into docProps/core.xml and the zip entries; fix both."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rb"\g<1>" + stamp + rb"\3", blob)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, blob)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check that the files are in sync")
    args = parser.parse_args(argv)
    wanted = {FIXTURES / "register.xlsx": make_xlsx(), FIXTURES / "register.csv": make_csv()}
    stale = [p for p, data in wanted.items() if not p.exists() or p.read_bytes() != data]
    if args.check:
        for path in stale:
            print(f"{path} is out of date: run python tools/make_register.py", file=sys.stderr)
        return 1 if stale else 0
    for path, data in wanted.items():
        path.write_bytes(data)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

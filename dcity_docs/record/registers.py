"""Reading a register: many venture records as one CSV or XLSX table, one venture a row.

Conventions (also in the README, "Registers"):

* Row 1 names the columns with dotted paths of the record: ``venture.name.en``,
  ``venture.capital.amount``. Lists of objects take an index, from 0, without gaps:
  ``shareholders.0.name.uk``, ``shareholders.1.share_percent``.
* A list of plain values (``venture.products``, ``venture.purposes``,
  ``shareholders.0.contribution.kind``) is one cell, items separated by ``;``:
  ``drones; artillery_ammunition``.
* An empty cell means the field is absent; an optional object (``site``,
  ``...power_of_attorney``) whose cells are all empty is absent. Text is stripped of
  surrounding spaces. Rows with no value at all are skipped.
* Money is text, never a number: an XLSX number cell in ``...amount`` is refused (a spreadsheet
  number is binary floating point, like a float in YAML). Texts such as EDRPOU codes must be text
  cells too (a number cell loses leading zeros). Whole numbers (``ukrainian_jobs``) may be number
  cells or text; ``true``/``false`` (or ``yes``/``no``) or an XLSX TRUE/FALSE cell for flags.
* Dates are ISO text (``2026-09-01``) or XLSX date cells (without a time of day).
* CSV: UTF-8 (with or without BOM), separated by ``,`` or ``;`` (whichever the header uses).
  XLSX: the first worksheet.

Problems are reported as ``FILE:ROW: field.path: message``, ROW being the spreadsheet's row
number (the header is row 1). The reader streams: a register of any length is read row by row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Literal, Union

from pydantic import BaseModel

from dcity_docs.errors import Problem, RecordInvalid, brief, printable
from dcity_docs.record.files import open_regular
from dcity_docs.record.loading import MAX_NUMBER_CHARS, Source, normal_text, validate_source
from dcity_docs.record.programme import Programme
from dcity_docs.record.models import Record
from dcity_docs.record.workbooks import check_workbook

REGISTER_SUFFIXES = (".csv", ".xlsx")
#: Spreadsheet formats that are refused with a hint instead of being read as YAML.
OTHER_SPREADSHEETS = (".xls", ".xlsm", ".ods", ".numbers", ".tsv")
LIST_SEPARATOR = ";"
MAX_CELL_CHARS = 10_000

PathT = tuple[str | int, ...]
Kind = Literal["text", "int", "bool", "date", "money", "decimal", "list", "model"]

_SEGMENT = re.compile(r"^(?:[a-z_][a-z0-9_]*|[0-9]{1,3})$")
_INT = re.compile(r"^[+-]?[0-9]+$")
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}


def is_register(path: Path) -> bool:
    return path.suffix.lower() in REGISTER_SUFFIXES


def is_other_spreadsheet(path: Path) -> bool:
    return path.suffix.lower() in OTHER_SPREADSHEETS


# --- what each column holds, from the record's models ------------------------------------------


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip ``Optional`` and ``Annotated``; return the bare type and the metadata seen."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            args = typing.get_args(annotation)
            annotation, metadata = args[0], metadata + list(args[1:])
        elif origin in (Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation, metadata
            annotation = members[0]
        else:
            return annotation, metadata


def _validator_names(metadata: list[Any]) -> set[str]:
    return {getattr(getattr(m, "func", None), "__name__", "") for m in metadata}


def _kind_of(annotation: Any, metadata: list[Any]) -> tuple[Kind, Any]:
    """The kind of value a type takes, and (for lists and models) what is inside."""
    bare, more = _unwrap(annotation)
    validators = _validator_names(metadata + more)
    origin = typing.get_origin(bare)
    if origin is list:
        return "list", typing.get_args(bare)[0]
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        return "model", bare
    if origin is Literal:
        values = typing.get_args(bare)
        return ("int" if all(isinstance(v, int) for v in values) else "text"), None
    if bare is bool:
        return "bool", None
    if bare is int:
        return "int", None
    if bare is dt.date:
        return "date", None
    if bare is Decimal:
        return ("money" if "_money_amount" in validators else "decimal"), None
    if isinstance(bare, type) and issubclass(bare, Enum):
        return "text", None
    return "text", None


def field_kind(path: PathT) -> Kind | None:
    """What the record holds at ``path`` (``None`` where the record has no such field)."""
    kind: Kind = "model"
    inner: Any = Record
    for segment in path:
        if kind == "model" and isinstance(segment, str):
            info = inner.model_fields.get(segment)
            if info is None:
                return None
            kind, inner = _kind_of(info.annotation, list(info.metadata))
        elif kind == "list" and isinstance(segment, int):
            kind, inner = _kind_of(inner, [])
        else:
            return None
    return kind


# --- the header ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    index: int
    name: str
    path: PathT | None  # None: a column without a name (its cells must stay empty)
    kind: Kind | None


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def parse_header(cells: list[Any], file: str) -> list[Column]:
    """Column paths from row 1; a malformed header fails the whole register (row 1)."""
    problems: list[Problem] = []
    columns: list[Column] = []
    seen: dict[PathT, str] = {}
    for index, cell in enumerate(cells):
        name = "" if cell is None else normal_text(str(cell)).strip()
        if not name:
            columns.append(Column(index, "", None, None))
            continue
        parts = name.split(".")
        if not all(_SEGMENT.match(p) for p in parts) or parts[0].isdigit():
            problems.append(Problem(file, 1, "", f"column {_column_letter(index)} {brief(name)} is not a dotted field "
                                    "path such as venture.name.en or shareholders.0.share_percent"))
            continue
        path: PathT = tuple(int(p) if p.isdigit() else p for p in parts)
        if path in seen:
            problems.append(Problem(file, 1, name, f"column {_column_letter(index)} repeats column {seen[path]}"))
            continue
        seen[path] = _column_letter(index)
        columns.append(Column(index, name, path, field_kind(path)))
    paths = sorted(seen, key=lambda p: tuple(str(s) for s in p))
    for path in seen:
        for end in range(1, len(path)):
            if path[:end] in seen:
                problems.append(Problem(file, 1, ".".join(map(str, path)),
                                        f"column {seen[path]} is inside column {seen[path[:end]]} "
                                        f"({'.'.join(map(str, path[:end]))}); give one or the other"))
    kinds: dict[PathT, type] = {}
    for path in paths:
        for end in range(1, len(path)):
            key, kind = path[:end], type(path[end])
            if kinds.setdefault(key, kind) is not kind:
                problems.append(Problem(file, 1, ".".join(map(str, key)),
                                        "columns mix list indexes and field names under the same path"))
    if not seen and not problems:
        problems.append(Problem(file, 1, "", "row 1 must name the columns (e.g. id, stage, venture.name.uk)"))
    if problems:
        raise RecordInvalid(_unique(problems))
    return columns


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


# --- one row -------------------------------------------------------------------------------------


@dataclass
class RegisterRow:
    """One row turned into record data; ``problems`` are the cells refused before validation."""

    file: str
    row: int
    data: dict[str, Any]
    problems: dict[PathT, str] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        """Where the row is, for messages and reports (control characters of the name escaped)."""
        return printable(f"{self.file}:{self.row}")

    @property
    def record_bytes(self) -> bytes:
        """The row's data as canonical JSON: what the manifest's record hash is taken of."""
        return (json.dumps(self.data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           default=str) + "\n").encode("utf-8")


_MONEY_CELL = (
    "is a number cell, but money must be text in a register: format the cell as Text (or type an "
    "apostrophe before the amount, e.g. '12500000.00); a spreadsheet number is binary floating "
    "point, like a float in YAML, and may not keep the exact amount"
)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a TRUE/FALSE cell"
    if isinstance(value, (int, float)):
        return "a number cell"
    if isinstance(value, dt.datetime):
        return "a date-and-time cell"
    if isinstance(value, dt.date):
        return "a date cell"
    if isinstance(value, dt.time):
        return "a time cell"
    return f"a {type(value).__name__} cell"


def convert_cell(value: Any, kind: Kind | None) -> tuple[Any, str | None]:
    """A cell's value as the record wants it, or a message saying why the cell is refused."""
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            return value, f"the cell holds {len(value):,} characters; at most {MAX_CELL_CHARS:,}"
        if kind == "list":
            return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()], None
        if kind == "int" and _INT.match(value):
            if len(value) > MAX_NUMBER_CHARS:
                return None, (f"is a number of {len(value):,} characters; a number in a register has at most "
                              f"{MAX_NUMBER_CHARS}")
            return int(value), None
        if kind == "bool":
            low = value.lower()
            if low in _TRUE:
                return True, None
            if low in _FALSE:
                return False, None
        return value, None
    if isinstance(value, dt.datetime):
        if kind == "date" and value.time() == dt.time(0, 0):
            return value.date().isoformat(), None
        if kind == "date":
            return value, "is a date-and-time cell; give the date only (YYYY-MM-DD)"
        return value, f"is {_describe(value)}; this field is text (format the cell as Text)"
    if isinstance(value, dt.date):
        if kind == "date":
            return value.isoformat(), None
        return value, f"is {_describe(value)}; this field is not a date"
    if kind == "money" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value, _MONEY_CELL
    if kind == "bool":
        if isinstance(value, bool):
            return value, None
        if isinstance(value, int) and value in (0, 1):
            return bool(value), None
        return value, f"is {_describe(value)}; give true or false"
    if isinstance(value, bool):
        return value, f"is {_describe(value)}; this field is not true/false"
    if kind == "int":
        if isinstance(value, float) and value.is_integer():
            return int(value), None
        if isinstance(value, int):
            return value, None
        return value, f"is {_describe(value)} ({brief(value)}); give a whole number"
    if kind == "decimal":
        if isinstance(value, float) and not value.is_integer():
            return value, (f"is a number cell with a fraction ({brief(value)}), which is binary floating point; "
                           "write it as text (e.g. 33.33)")
        if isinstance(value, (int, float)):
            return int(value), None
    if kind == "date":
        return value, f"is {_describe(value)}; give a date cell or YYYY-MM-DD as text"
    if kind in ("text", "list"):
        return value, (f"is {_describe(value)} ({brief(value)}); this field is text: format the cell as Text "
                       "(a number cell loses leading zeros)")
    return value, None


def _clean(value: Any) -> Any:
    """A cell's text stripped and in NFC (as a record file's texts are read); empty is None."""
    if isinstance(value, str):
        value = normal_text(value).strip()
        return value or None
    return value


def build_row(columns: list[Column], cells: list[Any], file: str, row: int) -> RegisterRow | None:
    """Nested record data from one row's cells; ``None`` for a row with no value at all."""
    values = [_clean(c) for c in cells]
    if all(v is None for v in values):
        return None
    problems: dict[PathT, str] = {}
    tree: dict[Any, Any] = {}
    for column in columns:
        value = values[column.index] if column.index < len(values) else None
        if value is None:
            continue
        if column.path is None:
            problems[(f"column {_column_letter(column.index)}",)] = (
                "has a value but no name in row 1; name the column or empty the cell")
            continue
        converted, problem = convert_cell(value, column.kind)
        if problem:
            problems[column.path] = problem
        node = tree
        for segment in column.path[:-1]:
            node = node.setdefault(segment, {})
        node[column.path[-1]] = converted
    for i in range(len(values)):  # cells beyond the header's last column
        if i >= len(columns) and values[i] is not None:
            problems[(f"column {_column_letter(i)}",)] = "has a value but no name in row 1"
    data = _lists(tree, (), problems)
    return RegisterRow(file, row, data, problems)


def _lists(node: Any, path: PathT, problems: dict[PathT, str]) -> Any:
    """Dicts keyed by indexes become lists; a gap in the numbering is a problem at its index."""
    if not isinstance(node, dict):
        return node
    if node and all(isinstance(k, int) for k in node):
        items: list[Any] = []
        for i in range(max(node) + 1):
            if i not in node:
                problems[path + (i,)] = (f"no value in any {'.'.join(map(str, path + (i,)))}.* column, "
                                         f"but a later index has values: number the items from 0 without gaps")
                items.append({})
            else:
                items.append(_lists(node[i], path + (i,), problems))
        return items
    return {k: _lists(v, path + (k,), problems) for k, v in node.items()}


def validate_row(row: RegisterRow, programme: Programme | None = None) -> Record:
    """Validate one row; all its problems at once, as ``FILE:ROW: field.path: message``.

    A refused cell's own message replaces what validation says about it (and about anything
    inside it), so each problem is told once and in the register's terms.
    """
    return validate_source(Source(row.file, row.data, {(): row.row}, problems=dict(row.problems)), programme)


# --- reading files -------------------------------------------------------------------------------


def _fail(file: str, row: int | None, message: str) -> RecordInvalid:
    return RecordInvalid([Problem(file, row, "", message)])


MAX_HEADER_CHARS = 1_000_000
"""Row 1 is read once to tell the separator; a header is never this long."""


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) of a CSV file; the row number counts records, as a spreadsheet does."""
    file = str(path)
    with io.TextIOWrapper(open_regular(path, "a register"), encoding="utf-8-sig", newline="") as fh:
        try:
            first = fh.readline(MAX_HEADER_CHARS)
        except UnicodeDecodeError:
            raise _fail(file, 1, "not UTF-8 text: save the register as CSV UTF-8") from None
        counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
        delimiter = max(counts, key=lambda s: counts[s]) if any(counts.values()) else ","
        fh.seek(0)
        reader = csv.reader(fh, delimiter=delimiter, strict=True)
        number = 0
        try:
            for number, cells in enumerate(reader, start=1):
                yield number, list(cells)
        except UnicodeDecodeError:
            raise _fail(file, number + 1, "not UTF-8 text: save the register as CSV UTF-8") from None
        except csv.Error as exc:
            raise _fail(file, number + 1, f"broken CSV: {exc}") from None


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) of the first worksheet, once the whole workbook has passed
    :func:`check_workbook` (sizes bounded, every part whole)."""
    from openpyxl import load_workbook

    file = str(path)
    with open_regular(path, "a register") as stream:
        check_workbook(stream, file, MAX_CELL_CHARS, MAX_NUMBER_CHARS)
        try:
            workbook = load_workbook(stream, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - whatever a damaged workbook makes openpyxl raise
            raise _fail(file, None, f"not a readable XLSX workbook ({_reason(exc)})") from None
        try:
            if not workbook.worksheets:
                raise _fail(file, None, "the workbook has no worksheet")
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()  # stored dimensions may be wrong; read every row there is
            rows = enumerate(sheet.iter_rows(values_only=True), start=1)
            number = 0
            while True:
                try:
                    number, cells = next(rows)
                except StopIteration:
                    return
                except Exception as exc:  # noqa: BLE001 - the parser's error on a damaged worksheet
                    raise _fail(file, number + 1, f"the workbook's first worksheet cannot be read from this row "
                                                  f"on ({_reason(exc)})") from None
                yield number, list(cells)
        finally:
            workbook.close()


def _reason(exc: Exception) -> str:
    text = str(exc)
    text = text if len(text) <= 200 else text[:200] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _raw_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path)
    return _csv_rows(path)


RowItem = Union[RegisterRow, RecordInvalid]


def read_register(path: Path) -> Iterator[RowItem]:
    """Each row of a register as record data, or a :class:`RecordInvalid` for what cannot be read.

    A register whose header or file is unreadable yields one RecordInvalid (row 1 or no row) and
    stops; a row with problems becomes a RegisterRow whose :func:`validate_row` reports them.
    """
    file = str(path)
    if is_other_spreadsheet(path):
        yield _fail(file, None, f"{path.suffix} spreadsheets are not read; save the register as .xlsx "
                                "or as CSV UTF-8")
        return
    rows = _raw_rows(path)
    try:
        columns: list[Column] | None = None
        for number, cells in rows:
            if columns is None:
                columns = parse_header(cells, file)
                continue
            row = build_row(columns, cells, file, number)
            if row is not None:
                yield row
        if columns is None:
            yield _fail(file, None, "empty register: no header row and no venture")
    except RecordInvalid as exc:
        yield exc


def count_rows(path: Path) -> int:
    """How many items :func:`read_register` will yield (streams through the file once)."""
    return sum(1 for _ in read_register(path))

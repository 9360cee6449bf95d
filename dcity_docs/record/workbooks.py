"""Checking an XLSX register before openpyxl reads it: bounded sizes, and whole, well-formed parts.

An XLSX is a ZIP of XML parts. openpyxl unpacks the shared strings whole, so a 400 MB string packed
into a 418 KB file takes gigabytes of memory; a worksheet cut off in the middle fails deep in its
parser. Both are found here first, with bounded memory: every part's unpacked size is bounded (the
ZIP reader stops at the declared size), and every XML part is streamed through expat once, counting
the characters of each cell.
"""

from __future__ import annotations

import xml.parsers.expat
import zipfile
import zlib
from typing import Any, BinaryIO

from dcity_docs.errors import Problem, RecordInvalid

MAX_PART_BYTES = 32 * 2**20
"""The most one part of a register (a worksheet, the shared strings) may unpack to: 32 MiB, some
100,000 ventures' rows."""
MAX_WORKBOOK_BYTES = 128 * 2**20
"""The most all parts together may unpack to."""
MAX_PARTS = 1_000

_CHUNK = 1 << 16


class _Refused(Exception):
    def __init__(self, row: int | None, message: str):
        super().__init__(message)
        self.row = row
        self.message = message


def _fail(file: str, row: int | None, message: str) -> RecordInvalid:
    return RecordInvalid([Problem(file, row, "", message)])


def check_workbook(stream: BinaryIO, file: str, max_cell_chars: int, max_number_chars: int) -> None:
    """Refuse (one RecordInvalid for the register) a workbook too large or damaged to be read."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _fail(file, None, f"not a readable XLSX workbook (not a whole ZIP archive: {exc})") from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise _fail(file, None, f"the workbook has {len(parts):,} parts; a register has at most {MAX_PARTS:,}")
        total = 0
        for part in parts:
            if part.file_size > MAX_PART_BYTES:
                raise _fail(file, None, f"the workbook's part {part.filename} unpacks to {part.file_size:,} bytes; "
                                        f"a part of a register may be at most {MAX_PART_BYTES:,} bytes")
            total += part.file_size
        if total > MAX_WORKBOOK_BYTES:
            raise _fail(file, None, f"the workbook unpacks to {total:,} bytes; a register may be at most "
                                    f"{MAX_WORKBOOK_BYTES:,} bytes")
        for part in parts:
            if not part.is_dir():
                _check_part(archive, part, file, max_cell_chars, max_number_chars)
    stream.seek(0)


def _check_part(archive: zipfile.ZipFile, part: zipfile.ZipInfo, file: str, max_cell_chars: int,
                max_number_chars: int) -> None:
    name = part.filename
    try:
        with archive.open(part) as member:
            first = member.read(_CHUNK)
            if not first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
                while member.read(_CHUNK):  # not XML (a picture): read through for its checksum
                    pass
                return
            scanner = _CellScanner(max_cell_chars, max_number_chars)
            chunk = first
            while chunk:
                scanner.feed(chunk)
                chunk = member.read(_CHUNK)
            scanner.close()
    except _Refused as exc:
        raise _fail(file, exc.row, exc.message) from None
    except xml.parsers.expat.ExpatError as exc:
        raise _fail(file, None, f"the workbook is damaged: its part {name} is not whole XML "
                                f"({xml.parsers.expat.errors.messages[exc.code]}, line {exc.lineno}); "
                                "open it in Excel or LibreOffice and save it again") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise _fail(file, None, f"the workbook is damaged: its part {name} cannot be unpacked ({exc})") from None


class _CellScanner:
    """Counts the characters of every cell (``c``) and shared string (``si``) of an XML part."""

    def __init__(self, max_cell_chars: int, max_number_chars: int):
        self.max_cell_chars = max_cell_chars
        self.max_number_chars = max_number_chars
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._doctype
        self.cell: str | None = None  # "B3" inside a cell, "#12" inside the 13th shared string
        self.numeric = False
        self.in_value = False
        self.chars = 0
        self.strings = 0

    def feed(self, data: bytes) -> None:
        self.parser.Parse(data, False)

    def close(self) -> None:
        self.parser.Parse(b"", True)

    def _doctype(self, *args: Any) -> None:
        raise _Refused(None, "the workbook holds a document type declaration (DOCTYPE or ENTITY), which no "
                             "spreadsheet writes; it is not read")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local == "c":
            self.cell, self.chars = attrs.get("r", "?"), 0
            self.numeric = attrs.get("t", "n") == "n"
        elif local == "si":
            self.cell, self.chars, self.numeric = f"#{self.strings}", 0, False
            self.strings += 1
        elif local == "v":
            self.in_value = True

    def _end(self, name: str) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local in ("c", "si"):
            self.cell = None
        elif local == "v":
            self.in_value = False

    def _text(self, data: str) -> None:
        if self.cell is None:
            return
        self.chars += len(data)
        if self.numeric and self.in_value and self.chars > self.max_number_chars:
            raise _Refused(self._row(), f"cell {self.cell} holds a number of more than {self.max_number_chars} "
                                        "characters; a number in a register has at most that many")
        if self.chars > self.max_cell_chars:
            where = (f"shared string {self.cell} (the text of a cell)" if self.cell.startswith("#")
                     else f"cell {self.cell}")
            raise _Refused(self._row(), f"{where} holds more than {self.max_cell_chars:,} characters; "
                                        f"a cell may hold at most {self.max_cell_chars:,}")

    def _row(self) -> int | None:
        digits = "".join(ch for ch in self.cell or "" if ch.isdigit())
        return int(digits) if digits and not (self.cell or "").startswith("#") else None

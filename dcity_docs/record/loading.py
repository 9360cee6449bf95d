"""Reading record files (YAML or JSON) safely, keeping the line of every value for error messages."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.parser import RoundTripParser

from dcity_docs.errors import Problem, RecordInvalid, brief
from dcity_docs.record.files import open_regular, regular_size
from dcity_docs.record.models import Parts, Record, check_rules
from dcity_docs.record.programme import Programme, bundled_programme_file, merged_terms, programme_problems

MAX_RECORD_BYTES = 1_000_000
"""A venture record is a few kilobytes; anything this large is a mistake or an attack."""

RECORD_SUFFIXES = (".yaml", ".yml", ".json")

MAX_NESTING = 32
"""A record nests about six levels deep. Deeper nesting is refused while parsing: ruamel's scanner
slows down quadratically on deeply nested flow collections (a megabyte of ``[`` takes hours)."""

MAX_NUMBER_CHARS = 100
"""The longest number a record may hold, in characters. A record's numbers have a few digits;
Python refuses to turn an integer of more than 4,300 digits into text (and so to report it)."""

Path_ = tuple[str | int, ...]


@dataclass
class Source:
    """Parsed data of one record plus where each value stood in the file."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    raw: bytes = b""
    """The file's bytes as read: a pack's manifest hashes exactly what was validated."""
    problems: dict[Path_, str] = field(default_factory=dict)
    """Values refused while reading (a number too long to convert), each reported at its path in
    place of what validation says about it and anything inside it."""

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest part of ``path`` that exists in the file."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Parser = _CheckedParser
    yaml.allow_duplicate_keys = False
    # Dates stay text so that an impossible date (2026-02-30) becomes a validation error with a
    # line number, not a crash inside the YAML library.
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
    )
    for kind in ("int", "float"):
        yaml.constructor.add_constructor(f"tag:yaml.org,2002:{kind}", _bounded_number(kind))
    return yaml


class TooLongNumber:
    """Stands in for a number written with more than MAX_NUMBER_CHARS characters."""

    def __init__(self, length: int):
        self.length = length

    def __repr__(self) -> str:
        return f"a number of {self.length:,} characters"

    @property
    def message(self) -> str:
        return (f"is a number of {self.length:,} characters; a number in a record has at most "
                f"{MAX_NUMBER_CHARS}")


def _bounded_number(kind: str) -> Any:
    def construct(loader: Any, node: Any) -> Any:
        text = str(node.value)
        if len(text) > MAX_NUMBER_CHARS:
            return TooLongNumber(len(text))
        return getattr(loader, f"construct_yaml_{kind}")(node)

    return construct


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]{3,}")


def decode(raw: bytes, file: str) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with a BOM; anything else is refused by name."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _one(file, None, f"broken UTF-16 text: {exc.reason}") from None
    if b"\x00" in raw:
        order = _utf16_without_bom(raw)
        if order:
            raise _one(file, None, f"UTF-16 ({order}) text without a byte-order mark (BOM); "
                                   "save the file as UTF-8")
        raise _one(file, None, "binary data, not a text record (YAML or JSON)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            # Only Cyrillic text makes Windows-1251 likely; Danish or Norwegian 8-bit text would not.
            if _CYRILLIC_WORD.search(raw.decode("cp1251")):
                hint = " (it looks like Windows-1251: save the file as UTF-8)"
        except UnicodeDecodeError:
            pass
        raise _one(file, line, f"not UTF-8 text{hint}") from None


def _utf16_without_bom(raw: bytes) -> str | None:
    """'little-endian' or 'big-endian' where ``raw`` reads as UTF-16 text without a BOM (a record's
    keys are ASCII, so every other byte is mostly zero), else None."""
    if len(raw) < 8 or len(raw) % 2:
        return None
    for order, codec, high in (("little-endian", "utf-16-le", raw[1::2]), ("big-endian", "utf-16-be", raw[0::2])):
        low = raw[0::2] if order == "little-endian" else raw[1::2]
        if high.count(0) < len(high) * 0.3 or low.count(0):
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if sum(ch.isprintable() or ch in "\r\n\t" for ch in text) >= len(text) * 0.95:
            return order
    return None


def _one(file: str, line: int | None, message: str) -> RecordInvalid:
    return RecordInvalid([Problem(file, line, "", message)])


_SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


class _Refused(Exception):
    """Raised from inside the parser; parse_text names the file."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _CheckedParser(RoundTripParser):  # type: ignore[misc]
    """Anchors and aliases allow 'billion laughs' expansion; tags could name Python objects; deep
    nesting makes the scanner slow. Each event is checked as the composer takes it, so the file is
    read once and a bad one is stopped where the problem is."""

    def reset_parser(self) -> None:
        super().reset_parser()
        self.depth = 0

    def get_event(self) -> Any:
        event = super().get_event()
        line = event.start_mark.line + 1 if event is not None and event.start_mark else None
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise _Refused(line, f"the record nests more than {MAX_NESTING} levels deep")
        elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            self.depth -= 1
        if isinstance(event, AliasEvent):
            raise _Refused(line, "YAML aliases (*name) are not allowed in a record; write the value out")
        if getattr(event, "anchor", None):
            raise _Refused(line, "YAML anchors (&name) are not allowed in a record; write the value out")
        tag = getattr(event, "tag", None)
        if tag and str(tag) not in _SAFE_TAGS:
            raise _Refused(line, f"YAML tag {tag} is not allowed in a record")
        return event


def _plain(node: Any, path: Path_, lines: dict[Path_, int], file: str, problems: dict[Path_, str]) -> Any:
    """ruamel's round-trip types to plain dicts and lists, noting each key's line; every text
    (keys too) in NFC, so that what is checked, declined and printed is one form."""
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key in node:
            try:
                line: int | None = node.lc.key(key)[0] + 1
            except (KeyError, TypeError):
                line = None
            if not isinstance(key, str):
                raise _one(file, line, f"key {brief(key)} must be text")
            name = normal_text(str(key))
            if name in out:
                raise _one(file, line, f"duplicate key {brief(name)} (the same key written with other "
                                       "Unicode code points: composed and decomposed letters)")
            if line is not None:
                lines[path + (name,)] = line
            out[name] = _plain(node[key], path + (name,), lines, file, problems)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, item in enumerate(node):
            try:
                lines[path + (i,)] = node.lc.item(i)[0] + 1
            except (KeyError, TypeError):
                pass
            items.append(_plain(item, path + (i,), lines, file, problems))
        return items
    if isinstance(node, TaggedScalar):  # only the standard tags pass _CheckedParser; !!str x is x
        return normal_text(node.value) if isinstance(node.value, str) else node.value
    if isinstance(node, TooLongNumber):
        problems[path] = node.message
        return None
    if isinstance(node, str):
        return normal_text(str(node))  # ScalarString subclasses to plain str
    return node


def normal_text(text: str) -> str:
    """A text as the record holds it: surrogate pairs joined, then NFC (a «ї» typed as «і» and
    U+0308 becomes one letter, which the declension and the fonts know)."""
    return unicodedata.normalize("NFC", _join_surrogates(text))


_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _join_surrogates(text: str) -> str:
    """JSON writes a character beyond U+FFFF as two escapes (``"\\ud83d\\ude00"`` for 😀, as Python's
    json.dumps does by default); the YAML parser reads them one by one. Pair them up again; a lone
    half stays and is refused by the record's text rules."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return _SURROGATE_PAIR.sub(lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text)


def parse_text(text: str, file: str) -> Source:
    """Parse YAML (JSON is YAML too, but is first checked as strict JSON)."""
    if not text.strip():
        raise _one(file, None, "empty file: no record in it")
    if file.lower().endswith(".json"):
        try:
            # Only the syntax is checked here: numbers are not converted (a number of 5,000 digits
            # is over Python's limit; the YAML parser below refuses it with its line).
            json.loads(text, object_pairs_hook=_no_duplicate_json_keys, parse_int=_ignore_number,
                       parse_float=_ignore_number, parse_constant=_ignore_number)
        except json.JSONDecodeError as exc:
            raise _one(file, exc.lineno, f"invalid JSON: {exc.msg}") from None
        except _DuplicateJsonKey:
            pass  # the YAML parser below reports it with its line
        except RecursionError:
            raise _one(file, None, f"the record nests more than {MAX_NESTING} levels deep") from None
    yaml = _yaml()
    try:
        data = yaml.load(text)
    except _Refused as exc:
        raise _one(file, exc.line, exc.message) from None
    except DuplicateKeyError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        key = (exc.problem or "").split('"')[1] if '"' in (exc.problem or "") else ""
        raise _one(file, line, f"duplicate key {key!r}".replace(" ''", "")) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise _one(file, line, f"invalid YAML: {exc.problem or exc.context}") from None
    except YAMLError as exc:
        first = (str(exc).splitlines() or [""])[0]  # one problem, one line
        raise _one(file, None, f"invalid YAML: {first}") from None
    except RecursionError:
        raise _one(file, None, "the YAML nests too deeply") from None
    if not isinstance(data, CommentedMap):
        raise _one(file, 1, "a record must be a mapping of fields (id, stage, venture, ...)")
    lines: dict[Path_, int] = {(): 1}
    problems: dict[Path_, str] = {}
    plain = _plain(data, (), lines, file, problems)
    return Source(file, plain, lines, problems=problems)


class _DuplicateJsonKey(ValueError):
    pass


def _ignore_number(text: str) -> int:
    return 0


def _no_duplicate_json_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateJsonKey(key)
        seen[key] = value
    return seen


def read_source(path: Path) -> Source:
    """Read one record file: a regular file only (a FIFO would wait forever), of bounded size."""
    return parse_bytes(read_bytes(path), str(path))


def parse_bytes(raw: bytes, file: str) -> Source:
    """Decode and parse a file's bytes (:func:`parse_text`); the source keeps them (``raw``)."""
    source = parse_text(decode(raw, file), file)
    source.raw = raw
    return source


def read_bytes(path: Path) -> bytes:
    """A record (or programme) file's bytes, as :func:`read_source` reads them before parsing."""
    file = str(path)
    size = regular_size(path)
    if size > MAX_RECORD_BYTES:
        raise _one(file, None, f"file is {size:,} bytes; a record may be at most {MAX_RECORD_BYTES:,}")
    try:
        with open_regular(path) as stream:  # bounded all the same: the file may grow meanwhile
            raw = stream.read(MAX_RECORD_BYTES + 1)
    except OSError as exc:
        raise _one(file, None, f"cannot read: {exc.strerror}") from None
    if len(raw) > MAX_RECORD_BYTES:
        raise _one(file, None, f"file is over {MAX_RECORD_BYTES:,} bytes, the most a record may be")
    return raw


_MESSAGES = {
    "extra_forbidden": "unknown field (not in the record contract; check the spelling)",
    "missing": "required field is missing",
    "string_type": "must be text; put it in quotes",
    "int_type": "must be a whole number (e.g. 10), written without quotes",
    "int_parsing": "must be a whole number (e.g. 10), written without quotes",
    "int_from_float": "must be a whole number (e.g. 10), without decimals",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list, e.g. [first, second]",
    "string_too_short": "must not be empty",
}

_ID_RULE = "capitals, digits and hyphens, 3 to 32 characters, e.g. DC-2026-014"


RESTRICTED_FIELDS = ("site",)
"""Fields whose values are never repeated in a message (the site's codename, region, protection:
restricted information that would otherwise reach batch reports, logs and terminals)."""

_WITHHELD = "the value given"


def _message(error: dict[str, Any], *, withhold: bool = False) -> str:
    """A pydantic error in words a legal officer can act on (no 'Input should be ...');
    ``withhold``: a restricted field, whose value the message names only as "the value given"."""
    text = _message_with_value(error)
    value = error.get("input")
    if withhold and value is not None:
        shown = repr(value)
        text = text.replace(shown, _WITHHELD) if shown in text else text
        if isinstance(value, str) and value and value in text:
            text = text.replace(value, _WITHHELD)
        # A word quoted from the value (a look-alike letter «Ηeather») is part of it too.
        text = re.sub(r"«([^»]*)»", lambda m: "«…»" if m.group(1) in str(value) else m.group(0), text)
    return text


def _message_with_value(error: dict[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind in ("extra_forbidden", "missing"):
        return _MESSAGES[kind]
    if value is None:
        return "has no value; fill it in"
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    msg = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix) :]
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if ctx.get("class_name") in ("BiText", "BiName"):
            return "must be given in both languages, as uk: ... and en: ..."
        return "must be a group of fields, not a single value"
    if kind in ("too_short", "too_long"):
        if isinstance(value, str):
            return "must not be empty" if kind == "too_short" else "is too long"
        limit = ctx.get("min_length" if kind == "too_short" else "max_length")
        entries = "entry" if limit == 1 else "entries"
        return f"must have at {'least' if kind == 'too_short' else 'most'} {limit} {entries}"
    if kind == "string_pattern_mismatch":
        field = error["loc"][-1] if error["loc"] else ""
        if field == "id":
            return f"{brief(value)} is not a valid register number ({_ID_RULE})"
        if field == "scheme":
            return f"{brief(value)} is not a python-stdnum validator name (e.g. ua.edrpou, dk.cvr, no.orgnr)"
        return f"{brief(value)} is not in the expected form"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "greater_than": ("more than", "gt"),
        "less_than_equal": ("at most", "le"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"{brief(value)} is out of range: must be {words} {ctx.get(key)}"
    if kind.startswith("date_"):
        return f"{brief(value)} is not a real date ({msg.split(', ', 1)[-1]})"
    if kind in ("literal_error", "enum"):
        return f"{brief(value)} is not allowed; it must be {ctx.get('expected', msg)}"
    return msg.replace("Input should be", "must be")


def _dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path)


def validate_source(source: Source, programme: Programme | None = None) -> Record:
    """Every problem of a record at once: field errors, and the cross-field rules over every part
    of the record that is valid on its own (a bad IBAN does not hide shares adding up to 99).

    A record without ``ministry`` takes the programme's; its ``terms:`` override the programme's
    (the bundled programme file unless another is given).

    Values refused while reading are told once, in their own words: what validation says about
    them (and about anything inside them) is left out.
    """
    source = _with_programme(source, programme or bundled_programme())
    own = [Problem(source.file, source.line_of(p), _dotted(p), m) for p, m in source.problems.items()]
    try:
        record = Record.model_validate(source.data)
    except ValidationError as exc:
        raise RecordInvalid(own + _uncovered(_field_problems(source, exc, salvage=True), source.problems)) from None
    rule_problems = [Problem(source.file, source.line_of(p), _dotted(p), m) for p, m in check_rules(record)]
    if own or rule_problems:
        raise RecordInvalid(own + _uncovered(rule_problems, source.problems))
    return record


def _uncovered(problems: list[Problem], refused: dict[Path_, str]) -> list[Problem]:
    """The problems not about a refused value, nor about anything inside one."""
    prefixes = [_dotted(path) for path in refused]
    return [p for p in problems
            if not any(p.path == prefix or p.path.startswith(prefix + ".") for prefix in prefixes)]


def _field_problems(source: Source, exc: ValidationError, salvage: bool) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        withhold = bool(loc) and loc[0] in RESTRICTED_FIELDS
        problems.append(Problem(source.file, source.line_of(loc), _dotted(loc), _message(error, withhold=withhold)))
    if salvage:
        reported = {p.path for p in problems}
        for path, message in check_rules(Parts.salvage(source.data)):
            if _dotted(path) not in reported:
                problems.append(Problem(source.file, source.line_of(path), _dotted(path), message))
    return problems


def _with_programme(source: Source, programme: Programme) -> Source:
    """The record's data with the programme's Ministry and place of signing where it has none, and
    the programme's terms under its own (the lines stay the record's: a problem is reported where it was written)."""
    data = source.data
    if not isinstance(data, dict):
        return source
    data = dict(data)
    if "ministry" not in data:
        data["ministry"] = programme.ministry
    if "place_of_signing" not in data:
        data["place_of_signing"] = programme.place_of_signing
    data["terms"] = merged_terms(programme.terms, data.get("terms"))
    return Source(source.file, data, source.lines, source.raw, problems=dict(source.problems))


def validate_programme(source: Source) -> Programme:
    """A programme file, checked like a record: every problem at once, with its line."""
    try:
        programme = Programme.model_validate(source.data)
    except ValidationError as exc:
        raise RecordInvalid(_field_problems(source, exc, salvage=False)) from None
    problems = programme_problems(programme)
    if problems:
        raise RecordInvalid([Problem(source.file, source.line_of(p), _dotted(p), m) for p, m in problems])
    return programme


_PROGRAMMES: dict[tuple[str, bytes], Programme] = {}


def load_programme(path: Path | str | None = None) -> Programme:
    """Read and validate a programme file (the bundled one where ``path`` is None)."""
    return load_programme_and_bytes(path)[0]


def load_programme_and_bytes(path: Path | str | None = None) -> tuple[Programme, bytes]:
    """The programme and the bytes it was read from (a pack's ``inputs_sha256`` covers them).

    The file is read every time (it may have changed), but parsed and validated only when its
    bytes are new: a batch's worker validates every record against it (parsing it again cost as
    much as parsing the record)."""
    path = Path(path) if path is not None else bundled_programme_file()
    raw = read_bytes(path)
    key = (str(path), raw)
    if key not in _PROGRAMMES:
        _PROGRAMMES[key] = validate_programme(parse_bytes(raw, str(path)))
    return _PROGRAMMES[key], raw


def bundled_programme() -> Programme:
    """The programme file that ships with the tool."""
    return load_programme(None)


def load_record(path: Path | str, programme: Programme | None = None) -> Record:
    """Read and validate one record file; raises RecordInvalid listing every problem."""
    return validate_source(read_source(Path(path)), programme)


def load_record_and_bytes(path: Path | str, programme: Programme | None = None) -> tuple[Record, bytes]:
    """The record and the very bytes it was validated from, read once (for manifests and hashes)."""
    source = read_source(Path(path))
    return validate_source(source, programme), source.raw


def record_files(inputs: list[Path]) -> list[Path]:
    """Expand folders into the record files they hold (sorted, so runs are repeatable)."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found = sorted(p for p in item.iterdir() if p.suffix.lower() in RECORD_SUFFIXES)
            if not found:
                raise _one(str(item), None, "no record files (.yaml, .yml, .json) in this folder")
            files += found
        else:
            files.append(item)
    return files

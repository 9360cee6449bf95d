"""``compare OLD NEW``: the redline of every document and language, and the change summary.

OLD is a record file or a pack folder (which keeps the exact record and programme it was made
from); NEW is a record file. Every document that applies to either version is drafted in both,
merged (:func:`matching.merge`), laid out by its own Word template and marked
(:func:`tracked.mark_changes`); restricted documents keep their marking and private file modes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from dcity_docs.documents.registry import DOCUMENTS, applicable
from dcity_docs.draft.base import Draft, Mode
from dcity_docs.errors import InputError, OutputError
from dcity_docs.files import folder_mode
from dcity_docs.output.documents import (MODES, draft_bytes, draft_document, marking, pdf_finish)
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.packs import MANIFEST, SOURCE_PROGRAMME, SOURCE_RECORD
from dcity_docs.output.pipeline import Planned, is_restricted, make
from dcity_docs.record.loading import load_programme, load_record
from dcity_docs.record.models import Record
from dcity_docs.redline.matching import Merged, merge
from dcity_docs.redline.tracked import mark_changes


@dataclass(frozen=True)
class Version:
    """One side of a comparison: the record and where it was read from."""

    record: Record
    origin: Path


@dataclass
class DocumentChanges:
    """One document's merged draft (None: unchanged) and whether it is restricted."""

    key: str
    merged: Merged
    old: Draft | None
    new: Draft | None
    restricted: bool

    @property
    def status(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        header = (self.old.draft_mark, self.old.marking) != (self.new.draft_mark, self.new.marking)
        return "changed" if self.merged.changed or header else "same"


@dataclass
class Comparison:
    old: Version
    new: Version
    documents: list[DocumentChanges] = field(default_factory=list)

    @property
    def changed(self) -> list[DocumentChanges]:
        return [d for d in self.documents if d.status != "same"]


def read_version(path: Path, options: OutputOptions) -> Version:
    """A record file, read against the options' programme, or a pack folder, read with the record
    and programme it keeps."""
    if path.is_dir():
        try:
            data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
            source = data["source"]
        except (OSError, ValueError, KeyError, TypeError):
            raise InputError(f"{path}: not a pack folder that keeps its record (no {MANIFEST} with "
                             f"a source; make the pack again with this version)") from None
        record_file, programme_file = path / SOURCE_RECORD, path / SOURCE_PROGRAMME
        for name, file in (("record", record_file), ("programme", programme_file)):
            from dcity_docs.output.packs import sha256_file

            if not file.is_file() or sha256_file(file) != source.get(f"{name}_sha256"):
                raise InputError(f"{file}: the pack's {name} copy is missing or does not match its manifest")
        return Version(load_record(record_file, load_programme(programme_file)), path)
    return Version(load_record(path, options.programme_data()), path)


def compare(old: Version, new: Version, *, keys: Sequence[str] | None = None,
            options: OutputOptions | None = None, allow_different_id: bool = False) -> Comparison:
    """Both versions drafted and matched, document by document (in pack order)."""
    options = options or OutputOptions()
    if old.record.id != new.record.id and not allow_different_id:
        raise InputError(f"{old.origin} is venture {old.record.id} and {new.origin} is {new.record.id}: "
                         f"two different ventures are not compared (unless --allow-different-id)")
    in_old, in_new = set(applicable(old.record)), set(applicable(new.record))
    wanted = [k for k in DOCUMENTS if (k in in_old or k in in_new) and (keys is None or k in keys)]
    result = Comparison(old, new)
    for key in wanted:
        d_old = draft_document(old.record, key, options.wording) if key in in_old else None
        d_new = draft_document(new.record, key, options.wording) if key in in_new else None
        restricted = any(is_restricted(marking(v.record, key)) for v, d in ((old, d_old), (new, d_new)) if d)
        result.documents.append(DocumentChanges(key, merge(d_old, d_new), d_old, d_new, restricted))
    return result


def revision_date(record: Record) -> str:
    """Every revision is dated from the NEW record (its date of the agreement), never the clock."""
    return f"{record.dates.agreement.isoformat()}T00:00:00Z"


def redline_name(record: Record, key: str, mode: str) -> str:
    return f"{record.id}_{key}_{mode}_redline"


def redline_docx(comparison: Comparison, change: DocumentChanges, mode: Mode,
                 options: OutputOptions) -> bytes:
    """One document's redline in one language of output."""
    record = comparison.new.record if change.new is not None else comparison.old.record
    date = revision_date(comparison.new.record)
    slots = change.merged.slots

    def edit(name: str, xml: bytes) -> bytes:
        return mark_changes(xml, slots, date) if name == "word/document.xml" else xml

    return draft_bytes(record, change.merged.draft, DOCUMENTS[change.key].template, mode, options.wording,
                       options.templates, edit)


def planned_redlines(comparison: Comparison, modes: Iterable[str], options: OutputOptions) -> list[Planned]:
    """Every changed document's redline in every language asked, ready for the output pipeline
    (PDFs with the NEW stage's draft mark, no signature fields: a redline is not signed)."""
    items = []
    new = comparison.new.record
    for change in comparison.changed:
        record = new if change.new is not None else comparison.old.record
        level = max((marking(v.record, change.key) for v in (comparison.old, comparison.new)),
                    key=("public", "restricted", "secret").index)
        for mode in modes:
            draft = change.merged.draft
            items.append(Planned(redline_name(new, change.key, mode),
                                 redline_docx(comparison, change, mode, options),  # type: ignore[arg-type]
                                 pdf_finish(record, draft, mode),  # type: ignore[arg-type]
                                 info={"record": record, "document": change.key, "mode": mode, "draft": draft,
                                       "signature_fields": False},
                                 marking=level))
    return items


def write_redlines(comparison: Comparison, out_dir: Path, modes: Sequence[str] = MODES,
                   options: OutputOptions | None = None, extra: Sequence[Planned] = ()) -> list[Path]:
    """The redlines (and ``extra``: the change summary) written into ``out_dir``; a restricted
    one makes the folder private (0700) and is written 0600."""
    options = options or OutputOptions()
    items = planned_redlines(comparison, modes, options) + list(extra)
    if not items:
        return []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        if any(item.restricted for item in items):
            out_dir.chmod(folder_mode(True))
    except OSError as exc:
        raise OutputError(f"cannot write into {out_dir}: {exc.strerror}") from None
    return make(items, out_dir, options, label=f"{comparison.new.record.id}-redline")

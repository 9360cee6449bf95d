"""The ``compare`` command's work: read both versions, write the redlines and the summary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from dcity_docs.documents.registry import DOCUMENTS
from dcity_docs.output.documents import MODES, draft_bytes, pdf_finish
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.pipeline import Planned
from dcity_docs.redline.compare import Comparison, compare, read_version, write_redlines
from dcity_docs.redline.summary import KEY, summary_draft, summary_text

SUMMARY_TEMPLATE = DOCUMENTS["memorandum"].template
"""The summary is laid out bilingually by a document's template (titles, headings, paragraphs)."""


@dataclass
class Compared:
    comparison: Comparison
    summary: str
    """The change summary as plain text (both languages)."""
    written: list[Path]


def summary_item(comparison: Comparison, options: OutputOptions) -> Planned:
    record = comparison.new.record
    draft = summary_draft(comparison, options.wording)
    return Planned(f"{record.id}_{KEY}",
                   draft_bytes(record, draft, SUMMARY_TEMPLATE, "bilingual", options.wording, options.templates),
                   pdf_finish(record, draft, "bilingual"),
                   info={"signature_fields": False})


def compare_files(old: Path, new: Path, out_dir: Path, *, modes: Sequence[str] = MODES,
                  keys: Sequence[str] | None = None, options: OutputOptions | None = None,
                  allow_different_id: bool = False) -> Compared:
    """``compare OLD NEW``: identical versions write nothing (the summary says so)."""
    options = options or OutputOptions()
    comparison = compare(read_version(old, options), read_version(new, options), keys=keys, options=options,
                         allow_different_id=allow_different_id)
    text = summary_text(summary_draft(comparison, options.wording))
    if not comparison.changed:
        return Compared(comparison, text, [])
    written = write_redlines(comparison, out_dir, list(dict.fromkeys(modes)), options,
                             extra=[summary_item(comparison, options)])
    return Compared(comparison, text, written)

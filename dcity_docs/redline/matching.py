"""Two drafts of one document matched clause by clause into one draft of slots.

Blocks are matched by their stable ids (``Block.id``): a clause keeps its id when its values change
or when it is renumbered, so a matched pair is diffed word by word and a block found in one draft
only is a wholly inserted or deleted paragraph. Table rows are matched by their first cell, signature
blocks by their signer. Every text whose two versions differ becomes a *slot*: a token the Word
template lays out like any text, and that :mod:`dcity_docs.redline.tracked` replaces by the
revision marks. Texts that did not change stay plain text. Nothing here knows any clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Iterator, Sequence, TypeVar

from dcity_docs.language.typography import unbreakable
from dcity_docs.draft.base import Block, Draft, Part, Signature, SignaturePart, TablePart, TextPart
from dcity_docs.wording.catalogs import Bi

TOKEN_OPEN, TOKEN_CLOSE = "\ue000", "\ue001"
"""Private-use characters around a slot's number: never in a record (it is refused) or a catalog."""


@dataclass(frozen=True)
class Slot:
    """One text in one language: its old and new versions (None: absent from that version)."""

    old: str | None
    new: str | None

    @property
    def inserted(self) -> bool:
        return self.old is None

    @property
    def deleted(self) -> bool:
        return self.new is None


@dataclass(frozen=True)
class BlockChange:
    """A block of the merged draft whose two versions differ (for the summary)."""

    old: Block | None
    new: Block | None
    section: Bi | None
    """The heading of the section it stands in (None in the preamble)."""
    section_no: str = ""


@dataclass(frozen=True)
class RowChange:
    """A table row or signature block that came, went or changed."""

    kind: str  # "row" or "signature"
    old: list[Bi] | None
    new: list[Bi] | None


@dataclass
class Merged:
    """The merged draft (slots as tokens) and what the slots and changes are."""

    draft: Draft
    slots: list[Slot] = field(default_factory=list)
    blocks: list[BlockChange] = field(default_factory=list)
    rows: list[RowChange] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.slots)


class _Builder:
    def __init__(self) -> None:
        self.slots: list[Slot] = []

    def text(self, old: str | None, new: str | None) -> str:
        if old is not None and old == new:
            return old
        # as the layout prints any text (no break inside an amount, a date or an id): the template
        # gets a token here, so the layout's own pass never sees these texts
        self.slots.append(Slot(None if old is None else unbreakable(old), None if new is None else unbreakable(new)))
        return f"{TOKEN_OPEN}{len(self.slots) - 1}{TOKEN_CLOSE}"

    def bi(self, old: Bi | None, new: Bi | None) -> Bi:
        source = (new or old or Bi("", "")).source
        return Bi(self.text(None if old is None else old.uk, None if new is None else new.uk),
                  self.text(None if old is None else old.en, None if new is None else new.en), source)

    def bis(self, old: Sequence[Bi] | None, new: Sequence[Bi] | None) -> list[Bi]:
        size = max(len(old or ()), len(new or ()))
        blank = Bi("", "")

        def at(items: Sequence[Bi] | None, index: int) -> Bi | None:
            if items is None:
                return None
            return items[index] if index < len(items) else blank

        return [self.bi(at(old, i), at(new, i)) for i in range(size)]


T = TypeVar("T")


def _aligned(old: Sequence[T], new: Sequence[T], key_old: Sequence[str],
             key_new: Sequence[str]) -> Iterator[tuple[T | None, T | None]]:
    """Pairs in the new order, the old items that have no partner where they stood."""
    matcher = SequenceMatcher(None, list(key_old), list(key_new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or tag == "replace":
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                yield old[i1 + k], new[j1 + k]
            for k in range(i1 + pairs, i2):
                yield old[k], None
            for k in range(j1 + pairs, j2):
                yield None, new[k]
        elif tag == "delete":
            for k in range(i1, i2):
                yield old[k], None
        else:
            for k in range(j1, j2):
                yield None, new[k]


def _block_pairs(old: list[Block], new: list[Block]) -> list[tuple[Block | None, Block | None]]:
    """NEW's blocks in order, each with its OLD partner (same id); OLD's unmatched blocks stand
    before the next block that follows them in OLD."""
    new_ids = {b.id for b in new}
    by_id = {b.id: (i, b) for i, b in enumerate(old)}
    out: list[tuple[Block | None, Block | None]] = []
    done = 0  # OLD blocks before this index are placed
    for block in new:
        match = by_id.get(block.id)
        if match is not None:
            index, partner = match
            while done < index:
                if old[done].id not in new_ids:
                    out.append((old[done], None))
                done += 1
            done = max(done, index + 1)
            out.append((partner, block))
        else:
            out.append((None, block))
    out += [(b, None) for b in old[done:] if b.id not in new_ids]
    return out


def _row_key(row: Sequence[Bi]) -> str:
    return row[0].uk if row else ""


def merge(old: Draft | None, new: Draft | None) -> Merged:
    """The merged draft of a document in two versions (one of them None: a document that applies
    to one version only, wholly inserted or deleted)."""
    base = new or old
    assert base is not None
    build = _Builder()
    changes: list[BlockChange] = []
    rows: list[RowChange] = []
    old_parts = old.parts if old is not None else []
    new_parts = new.parts if new is not None else []

    old_blocks = [b for p in old_parts if isinstance(p, TextPart) for b in p.blocks]
    part_of: dict[int, int] = {}
    new_blocks: list[Block] = []
    for index, part in enumerate(new_parts if new is not None else old_parts):
        if isinstance(part, TextPart):
            for b in part.blocks:
                part_of[len(new_blocks)] = index
                new_blocks.append(b)
    if new is None:
        pairs = [(b, None) for b in new_blocks]
    else:
        pairs = _block_pairs(old_blocks, new_blocks)

    # each pair goes into the text part of the next NEW block (or the last text part)
    text_parts = [i for i, p in enumerate(base.parts) if isinstance(p, TextPart)]
    merged_text: dict[int, list[Block]] = {i: [] for i in text_parts}
    section: Bi | None = None
    section_no = ""
    pending: list[Block] = []
    seen = 0
    for o, n in pairs:
        ref = n or o
        assert ref is not None
        if ref.kind == "heading":
            section, section_no = ref.text, ref.num.rstrip(".")
        text = build.bi(None if o is None else o.text, None if n is None else n.text)
        num = build.text(None if o is None else o.num, None if n is None else n.num)
        block = replace(ref, text=text, num=num)
        if o is None or n is None or o.text != n.text or o.num != n.num:
            changes.append(BlockChange(o, n, section, section_no))
        if n is not None or new is None:  # a block of the draft whose structure is followed
            merged_text[part_of[seen]] += pending + [block]
            seen += 1
            pending = []
        else:
            pending.append(block)
    if pending:
        merged_text[text_parts[-1]] += pending

    def of_kind(parts: list[Part], kind: type) -> list[Part]:
        return [p for p in parts if isinstance(p, kind)]

    merged_parts: list[Part] = []
    tables = iter(of_kind(old_parts, TablePart))
    signatures = iter(of_kind(old_parts, SignaturePart))
    new_side = new is not None
    for index, part in enumerate(base.parts):
        if isinstance(part, TextPart):
            merged_parts.append(TextPart(merged_text[index]))
        elif isinstance(part, TablePart):
            o_t = next(tables, None) if new_side else part
            n_t = part if new_side else None
            merged_parts.append(_table(build, o_t, n_t, rows))  # type: ignore[arg-type]
        elif isinstance(part, SignaturePart):
            o_s = next(signatures, None) if new_side else part
            n_s = part if new_side else None
            merged_parts.append(_signatures(build, o_s, n_s, rows))  # type: ignore[arg-type]
    if new_side:
        for leftover in list(tables):
            merged_parts.append(_table(build, leftover, None, rows))  # type: ignore[arg-type]
        for leftover in list(signatures):
            merged_parts.append(_signatures(build, leftover, None, rows))  # type: ignore[arg-type]
    draft = replace(base, parts=merged_parts)
    return Merged(draft, build.slots, changes, rows)


def _table(build: _Builder, old: TablePart | None, new: TablePart | None, rows: list[RowChange]) -> TablePart:
    o_rows = old.rows if old is not None else []
    n_rows = new.rows if new is not None else []
    out_rows = []
    for o, n in _aligned(o_rows, n_rows, [_row_key(r) for r in o_rows], [_row_key(r) for r in n_rows]):
        if o != n:
            rows.append(RowChange("row", o, n))
        out_rows.append(build.bis(o, n))
    return TablePart(build.bis(None if old is None else old.head, None if new is None else new.head),
                     out_rows,
                     build.bis(None if old is None else old.foot, None if new is None else new.foot))


def _fields(s: Signature) -> list[Bi]:
    return [s.party, s.entity, s.position, s.line, s.seal]


def _signatures(build: _Builder, old: SignaturePart | None, new: SignaturePart | None,
                rows: list[RowChange]) -> SignaturePart:
    o_items = old.items if old is not None else []
    n_items = new.items if new is not None else []
    keys_o = [s.signer or s.entity.uk for s in o_items]
    keys_n = [s.signer or s.entity.uk for s in n_items]
    items = []
    for o, n in _aligned(o_items, n_items, keys_o, keys_n):
        ref = n or o
        assert ref is not None
        of, nf = (None if o is None else _fields(o)), (None if n is None else _fields(n))
        if of != nf:
            rows.append(RowChange("signature", of, nf))
        party, entity, position, line, seal = build.bis(of, nf)
        joint = build.text(None if o is None else o.joint_line, None if n is None else n.joint_line)
        items.append(Signature(party, entity, position, line, seal, joint_line=joint, signer=ref.signer))
    return SignaturePart(items)

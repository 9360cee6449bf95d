"""The structure every document is drafted into: numbered blocks, a table, signatures.

A document module writes blocks through :class:`Writer`, which takes every text from the
catalogs (``w.T(context, source_text, **placeholders)``, extracted by Babel with the keyword
``T:1c,2``) and numbers sections and clauses. The Word template only lays the structure out.

Every block also gets an id that says what it is, not where it stands: the document, the key of
its section, its catalog message (context and message id) and its position among the blocks of
its section with the same message. A clause keeps its id when the venture's amounts change, when
a shareholder is added or when clauses before it come or go and renumber it, so two drafts of
one document can be matched clause by clause. The ids never reach the Word template.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from dcity_docs.language.hyphenation import NO_EXCEPTIONS, Exceptions, hyphenate
from dcity_docs.language.langs import LANG_TAGS, Lang
from dcity_docs.language.typography import join_bilingual, unbreakable
from dcity_docs.wording.catalogs import Bi, Catalogs, Value

BlockKind = Literal["title", "subtitle", "place_date", "heading", "clause", "para", "detail"]
Mode = Literal["uk", "en", "bilingual"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: Bi
    num: str = ""
    id: str = ""
    """What the block is (see the module's docstring); unique within its draft."""


@dataclass
class TextPart:
    blocks: list[Block] = field(default_factory=list)
    kind: str = "text"


@dataclass
class TablePart:
    head: list[Bi]
    rows: list[list[Bi]]
    foot: list[Bi]
    kind: str = "table"


@dataclass(frozen=True)
class Signature:
    party: Bi
    entity: Bi
    position: Bi
    line: Bi
    seal: Bi
    joint_line: str = ""
    """The one signature line of a bilingual document, both names after one rule («______ Рустем
    УМЄРОВ / Rustem Umerov»): one signature executes both texts."""
    signer: str = ""
    """Whose block this is: ``ministry`` or ``shareholder-N`` (1-based), so that a document that
    leaves a party out (the shareholders' agreement) still names each field after its signer."""


@dataclass
class SignaturePart:
    items: list[Signature]
    kind: str = "signatures"


Part = TextPart | TablePart | SignaturePart


@dataclass
class Draft:
    """A finished document in both languages, before layout."""

    key: str
    title: Bi
    parts: list[Part]
    reference: Bi
    headings: list[Bi]
    marking: Bi | None = None
    copy: int | None = None
    """The number of this copy where the document is issued in numbered copies (its marking
    then names it, on every page); None: one unnumbered document."""
    draft_mark: Bi | None = None
    subject: Bi = Bi("", "")
    prevailing: Lang = "uk"

    def blocks(self) -> list[Block]:
        """Every block of the text parts, in order (each with its id)."""
        return [b for part in self.parts if isinstance(part, TextPart) for b in part.blocks]


@dataclass(frozen=True)
class Sections:
    """A document's sections in the order they are drafted. A section is cited by its key, before
    or after it is drafted (``Sections {confidentiality} and {law}``), and the writer checks that
    each heading comes where the table puts it."""

    keys: tuple[str, ...]

    def no(self, key: str) -> str:
        """The number of a section, for cross-references."""
        return str(self.keys.index(key) + 1)


PREAMBLE = "preamble"
"""The section key of the blocks before the first heading (title, parties, recitals)."""


def _digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]


class Writer:
    """Collects blocks; numbers sections (``1.``) and clauses (``1.1.``) as they come.

    ``document``: the key of the document being drafted (the first part of every block's id);
    ``sections``: its table of sections, where it has one (headings are checked against it).
    """

    def __init__(self, catalogs: Catalogs, document: str, sections: Sections | None = None):
        self.catalogs = catalogs
        self.document = document
        self.sections = sections
        self.parts: list[Part] = []
        self.headings: list[Bi] = []
        self._section = 0
        self._clause = 0
        self._section_key = PREAMBLE
        self._keys: set[str] = set()
        self._seen: Counter[str] = Counter()

    # -- wording ------------------------------------------------------------------------
    def T(self, context: str, msgid: str, **values: Value) -> Bi:
        """One catalog message in both languages. ``context`` is ``document|clause``."""
        return self.catalogs.text(context, msgid, **values)

    # -- structure ----------------------------------------------------------------------
    def _text_part(self) -> TextPart:
        if not self.parts or not isinstance(self.parts[-1], TextPart):
            self.parts.append(TextPart())
        part = self.parts[-1]
        assert isinstance(part, TextPart)
        return part

    def block(self, kind: BlockKind, text: Bi, num: str = "") -> None:
        self._text_part().blocks.append(Block(kind, text, num, self._block_id(kind, text)))

    def _block_id(self, kind: BlockKind, text: Bi) -> str:
        """``jv-agreement/capital/clause/5c0d…/1``: document, section, kind, message, position."""
        what = _digest(text.source) if text.source else "-"
        base = f"{self.document}/{self._section_key}/{kind}/{what}"
        self._seen[base] += 1
        return f"{base}/{self._seen[base]}"

    def title(self, text: Bi) -> None:
        self.block("title", text)

    def subtitle(self, text: Bi) -> None:
        self.block("subtitle", text)

    def place_date(self, text: Bi) -> None:
        self.block("place_date", text)

    def heading(self, key: str, text: Bi) -> None:
        """Open the section ``key`` (its number comes from the order; the table, if any, checks it)."""
        self._section += 1
        self._clause = 0
        if self.sections is not None and str(self._section) != self.sections.no(key):
            raise AssertionError(  # a programming error: the table and the drafting disagree
                f"section {key!r} drafted as {self._section}, expected {self.sections.no(key)}"
            )
        if key == PREAMBLE or key in self._keys:
            raise AssertionError(f"section key {key!r} used twice in {self.document}")
        self._keys.add(key)
        self._section_key = key
        self.headings.append(text)
        self._text_part().blocks.append(Block("heading", text, f"{self._section}.", f"{self.document}/{key}"))

    def clause(self, text: Bi) -> str:
        """A numbered clause; returns its number so other clauses can refer to it."""
        self._clause += 1
        num = f"{self._section}.{self._clause}."
        self.block("clause", text, num)
        return num

    def para(self, text: Bi) -> None:
        self.block("para", text)

    def detail(self, text: Bi) -> None:
        """A short line of particulars (address, IBAN): left-aligned, never stretched."""
        self.block("detail", text)

    def table(self, head: list[Bi], rows: list[list[Bi]], foot: list[Bi]) -> None:
        self.parts.append(TablePart(head, rows, foot))

    def signatures(self, items: list[Signature]) -> None:
        self.parts.append(SignaturePart(items))


# --- from a draft to the context of one language of output ------------------------------


def _pick(value: Any, mode: Mode) -> Any:
    """Bi → str for one language; kept as {uk, en} for the bilingual layout."""
    if isinstance(value, Bi):
        return value[mode] if mode != "bilingual" else {"uk": value.uk, "en": value.en}
    if isinstance(value, list):
        return [_pick(v, mode) for v in value]
    return value


def _kept_with_signatures(draft: Draft) -> set[int]:
    """The ids (``id()``) of the blocks that keep with the next one so that the signature blocks
    never stand alone on a page: before each signature part, its heading(s) and at least the last
    clause (or paragraph, or line of particulars) before them."""
    kept: set[int] = set()
    for before, after in zip(draft.parts, draft.parts[1:]):
        if not (isinstance(before, TextPart) and isinstance(after, SignaturePart)):
            continue
        for b in reversed(before.blocks):
            kept.add(id(b))
            if b.kind != "heading":
                break
    return kept


def _signature_context(s: Signature, mode: Mode) -> dict[str, Any]:
    line = _pick(s.line, mode)
    if mode == "bilingual":
        line["both"] = s.joint_line or join_bilingual(s.line.uk, s.line.en)
    return {
        "party": _pick(s.party, mode),
        "entity": _pick(s.entity, mode),
        "position": _pick(s.position, mode),
        "line": line,
        "seal": _pick(s.seal, mode),
    }


_STRUCTURE_KEYS = frozenset({"kind", "num", "keep"})


def _unbreakable_texts(value: Any) -> Any:
    """Every printed text of the context through :func:`unbreakable` (the structure's own keys,
    ``kind`` and the like, stay as they are)."""
    if isinstance(value, str):
        return unbreakable(value)
    if isinstance(value, list):
        return [_unbreakable_texts(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in _STRUCTURE_KEYS else _unbreakable_texts(v) for k, v in value.items()}
    return value


_HYPHENATED_KINDS = frozenset({"clause", "para"})
"""The blocks whose words get our soft hyphens (running text); titles, the place-and-date line,
headings, the parties' particulars, tables and signature blocks never break inside a word."""


def _running(text: str, kind: str, lang: Lang, narrow: bool, rules: Exceptions) -> str:
    """A block's text as printed: :func:`unbreakable`, and hyphenated if it is running text (every
    point in a bilingual document's columns, fewer across a single language's page)."""
    text = unbreakable(text)
    return hyphenate(text, lang, rules, narrow) if kind in _HYPHENATED_KINDS else text


def context_for(draft: Draft, mode: Mode, labels: dict[str, Bi],
                hyphenation: Exceptions = NO_EXCEPTIONS) -> dict[str, Any]:
    """What the Word template sees: plain strings and lists, nothing callable. ``hyphenation``:
    the document's defined terms that may break and the words of its names that never do."""
    parts: list[dict[str, Any]] = []
    kept = _kept_with_signatures(draft)
    for part in draft.parts:
        if isinstance(part, TextPart):
            blocks = []
            for b in part.blocks:
                item: dict[str, Any] = {"kind": b.kind, "num": b.num, "keep": id(b) in kept}
                if mode == "bilingual":
                    item["uk"] = _running(b.text.uk, b.kind, "uk", True, hyphenation)
                    item["en"] = _running(b.text.en, b.kind, "en", True, hyphenation)
                else:
                    item["text"] = _running(b.text[mode], b.kind, mode, False, hyphenation)
                blocks.append(item)
            parts.append({"kind": "text", "blocks": blocks})
        elif isinstance(part, TablePart):
            parts.append(_unbreakable_texts(
                {
                    "kind": "table",
                    "head": _pick(part.head, mode),
                    "rows": [{"cells": _pick(r, mode)} for r in part.rows],
                    "foot": _pick(part.foot, mode),
                }
            ))
        else:
            parts.append(_unbreakable_texts(
                {
                    "kind": "signatures",
                    "signatories": [_signature_context(s, mode) for s in part.items],
                }
            ))

    def joined(value: Bi | None) -> str:
        if value is None:
            return ""
        if mode == "bilingual":
            return join_bilingual(value.uk, value.en)
        return value[mode]

    page, of = labels["page"], labels["of"]
    lang_tag = LANG_TAGS["uk" if mode == "bilingual" else mode]
    return {
        "bilingual": mode == "bilingual",
        "doc": {"lang_tag": lang_tag},
        "header": {"marking": joined(draft.marking), "draft": joined(draft.draft_mark)},
        "footer": {
            "ref": unbreakable(joined(draft.reference)),
            "uk_page": page.uk,
            "uk_of": of.uk,
            "en_page": page.en,
            "en_of": of.en,
            "one_page": page["uk" if mode == "bilingual" else mode],
            "one_of": of["uk" if mode == "bilingual" else mode],
        },
        "parts": parts,
    }

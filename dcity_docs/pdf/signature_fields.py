"""Empty PDF signature fields, one per signatory, over the signature lines LibreOffice laid out.

Why from the text layer: where a signature line lands depends on the record (how long the party
details are), the language and the template, so the line is found where LibreOffice put it: the
word made of underscores that starts a line of text followed by the signatory's name, as the
drafting prints it («______ Мар’яна САВЧЕНКО»). Positions come from poppler's ``pdftotext
-bbox-layout`` (a C program; pypdf's positions cost ~0.8 s and give no word widths), on the last pages
first. Never from fixed coordinates.

The fields are plain AcroForm signature fields (``/FT /Sig``, one widget each, merged into the
field dictionary, printable, with an empty appearance as PDF/A wants), named after the party
(``ministry``, ``shareholder-1``...), with the person's name as the tooltip (``/TU``): what
Acrobat/Reader, LibreOffice, pyHanko and the КЕП tools that do PAdES show as fields to sign.
They are written with pikepdf inside the PDF's one finishing rewrite, so an unsigned file stays
byte-identical from run to run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from lxml import etree
from pikepdf import Array, Dictionary, Name, Pdf, String

from dcity_docs.draft.base import Draft, Mode, SignaturePart
from dcity_docs.errors import ConversionError, EnvironmentProblem, InputError, TemplateProblem
from dcity_docs.pdf.files import _open as open_pdf
from dcity_docs.pdf.files import _save as save_pdf
from dcity_docs.record.models import Record

__all__ = [
    "SignatureField",
    "Signer",
    "SignatureLine",
    "add_signature_fields",
    "apply_signature_fields",
    "collect_signature_fields",
    "find_signature_lines",
    "list_signature_fields",
    "signers",
]

#: A word of this many underscores or more starts a signature line.
_MIN_UNDERSCORES = 8
#: How far above the line a field reaches (pt), unless the text above is nearer.
_RISE = 18.0


@dataclass(frozen=True)
class Signer:
    """Who signs and how the PDF prints their line: ``lines`` are the texts that follow the
    underscores (the Ukrainian one first in a bilingual document: that is where its one field goes)."""

    field: str
    tooltip: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class SignatureLine:
    """Where a signer's field goes: 0-based page and the rectangle in PDF user space
    (llx, lly, urx, ury) over the underscores."""

    field: str
    page: int
    rect: tuple[float, float, float, float]


@dataclass(frozen=True)
class SignatureField:
    """A signature field as a PDF has it; ``signed`` when it holds a signature (``/V``)."""

    name: str
    tooltip: str
    page: int | None
    rect: tuple[float, float, float, float]
    signed: bool


def signers(record: Record, draft: Draft, mode: Mode) -> list[Signer]:
    """The signers of a drafted document in the order its signature blocks print them (the
    ministry, then each shareholder); none for a document without signature blocks (the cover)."""
    part = next((p for p in draft.parts if isinstance(p, SignaturePart)), None)
    if part is None:
        return []
    people = {"ministry": record.ministry.signatory} | {
        f"shareholder-{number}": holder.signatory for number, holder in enumerate(record.shareholders, 1)
    }
    unknown = [item.signer for item in part.items if item.signer not in people]
    if unknown:
        raise TemplateProblem(f"{draft.key}: signature blocks for unknown signers {unknown}")
    out = []
    for item in part.items:
        key, person = item.signer, people[item.signer]
        uk, en = (_after_underscores(item.line.uk), _after_underscores(item.line.en))
        if mode == "bilingual":
            lines, tooltip = (uk, en), (person.name.uk if person.name.uk == person.name.en
                                        else f"{person.name.uk} / {person.name.en}")
        else:
            lines, tooltip = ((uk,), person.name.uk) if mode == "uk" else ((en,), person.name.en)
        out.append(Signer(key, tooltip, lines))
    return out


def _after_underscores(line: str) -> str:
    return line.lstrip("_").strip()


# --------------------------------------------------------------------------
# Finding the lines
# --------------------------------------------------------------------------


def _key(text: str) -> str:
    """For comparing a name as printed with the text layer: NFC, case, spaces, hyphens
    (a line break may hyphenate a surname) and the kind of apostrophe do not count."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.translate(str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'", "\u2018": "'"}))
    return re.sub(r"[\s\u00ad\u2010\u2011-]+", "", text)


@dataclass
class _Line:
    page: int
    box: tuple[float, float, float, float]  # underscores: xMin, yMin, xMax, yMax (top-down)
    after: str  # what follows the underscores (and the next line of the block)
    above: float | None  # bottom of the nearest text above the underscores, top-down
    height: float  # the page's height (pdftotext's coordinates are from its top)
    used: bool = False


def _pdftotext(pdf: Path, first_page: int = 1, last_page: int | None = None) -> bytes:
    tool = shutil.which("pdftotext")
    if tool is None:
        raise EnvironmentProblem("signature fields need poppler's pdftotext to find the signature lines: "
                                 "apt-get install -y poppler-utils (or turn them off: --no-signature-fields)")
    try:
        last = [] if last_page is None else ["-l", str(last_page)]
        done = subprocess.run([tool, "-bbox-layout", "-enc", "UTF-8", "-f", str(first_page), *last, str(pdf), "-"],
                              capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ConversionError(f"{pdf}: cannot read the text positions: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConversionError(f"{pdf}: cannot read the text positions: {message[-1] if message else done.returncode}")
    return done.stdout


def _box(element: etree._Element) -> tuple[float, float, float, float]:
    return tuple(float(element.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))  # type: ignore[return-value]


def _candidate_lines(pdf: Path, first_page: int = 1, last_page: int | None = None) -> list[_Line]:
    """Every text line of pages ``first_page`` to ``last_page`` (1-based; None: to the end) that
    starts with a run of underscores, in reading order."""
    root = etree.fromstring(_pdftotext(pdf, first_page, last_page),
                            parser=etree.XMLParser(recover=True, huge_tree=True))
    found: list[_Line] = []
    for number, page in enumerate(root.iter("{*}page"), start=first_page - 1):
        height = float(page.get("height", 0))
        lines: list[tuple[etree._Element, list[etree._Element]]] = []
        for block in page.iter("{*}block"):
            block_lines = list(block.iterchildren("{*}line"))
            for index, line in enumerate(block_lines):
                lines.append((line, block_lines[index + 1:index + 2]))
        boxes = [_box(line) for line, _ in lines]
        for line, following in lines:
            words = list(line.iterchildren("{*}word"))
            if not words or not re.fullmatch(f"_{{{_MIN_UNDERSCORES},}}", (words[0].text or "").strip()):
                continue
            box = _box(words[0])
            rest = [w.text or "" for w in words[1:]]
            for nxt in following:
                rest += [w.text or "" for w in nxt.iterchildren("{*}word")]
            above = [b[3] for b in boxes if b[3] <= box[1] + 0.5 and b[0] < box[2] and b[2] > box[0]]
            found.append(_Line(number, box, " ".join(rest), max(above) if above else None, height))
    return found


#: The signature blocks close a document, so its last page is read first, then its last three
#: (a block that begins on the page before), and only when a signer's line is in neither, the whole
#: file: pdftotext costs about 10 ms a page and the walk over its words as much again, so a whole
#: 21-page agreement took ten times its last three pages, and those twice its last page.
_TAILS = (1, 3)


def _placed(candidates: list[_Line], people: Sequence[Signer]) -> list[tuple[Signer, _Line | None]]:
    """Each signer with the first line not yet taken whose name is theirs (None: nowhere)."""
    for c in candidates:
        c.used = False
    out: list[tuple[Signer, _Line | None]] = []
    for person in people:
        line = None
        for text in person.lines:
            wanted = _key(text)
            line = next((c for c in candidates if not c.used and wanted and _key(c.after).startswith(wanted)), None)
            if line is not None:
                break
        if line is not None:
            line.used = True
        out.append((person, line))
    return out


def _page_count(pdf: Path) -> int:
    try:
        with pikepdf.open(pdf, inherit_page_attributes=False) as doc:  # counting only
            return len(doc.pages)
    except (pikepdf.PdfError, OSError) as exc:
        raise ConversionError(f"{pdf}: cannot be read: {exc}") from exc


def find_signature_lines(pdf: Path, people: Sequence[Signer], *, strict: bool = True,
                         pages: int | None = None) -> list[SignatureLine]:
    """Where each signer's field goes: the first line not yet taken whose name is theirs (the
    first of their ``lines`` that the file prints anywhere), in reading order, looked for in the
    last page, the last three (:data:`_TAILS`) and, if not every signer is there, the whole file
    (each page read once: a wider look reads only the pages before those already read). A signer
    whose line is nowhere (a template that does not print it) is an error, or with ``strict``
    false gets no field; never a field at a guessed place. ``pages``: the file's page count, when
    the caller has it open (a tagged PDF of a long agreement takes a tenth of a second to open)."""
    if not people:
        return []
    pdf = Path(pdf)
    count = _page_count(pdf) if pages is None else pages
    candidates: list[_Line] = []
    placed: list[tuple[Signer, _Line | None]] = []
    read_from = count + 1  # the first page read so far: each wider read takes only the pages before it
    for first in [count - tail + 1 for tail in _TAILS if tail < count] + [1]:
        candidates = _candidate_lines(pdf, first, read_from - 1) + candidates
        read_from = first
        placed = _placed(candidates, people)
        if all(line is not None for _, line in placed):
            break
    out = []
    for person, line in placed:
        if line is None and not strict:
            continue
        if line is None:
            raise TemplateProblem(
                f"{pdf}: no signature line for {person.field} ({person.lines[0]}) found: the template must print "
                "a line of underscores followed by the signatory's name")
        x0, top, x1, bottom = line.box
        rise = _RISE if line.above is None else max(0.0, min(_RISE, top - line.above - 1.0))
        rect = (x0, line.height - bottom, x1, line.height - top + rise)
        out.append(SignatureLine(person.field, line.page, tuple(round(v, 2) for v in rect)))  # type: ignore[arg-type]
    return out


# --------------------------------------------------------------------------
# Writing and reading the fields
# --------------------------------------------------------------------------


def _is_sig_widget(annot: object) -> bool:
    return (isinstance(annot, Dictionary) and annot.get(Name.Subtype) == Name.Widget
            and annot.get(Name.FT) == Name.Sig and Name.T in annot)


def _remove_unsigned(doc: Pdf) -> None:
    """Drop the unsigned signature fields a file has (made by an earlier finishing), so that
    finishing twice gives one field per signer, not two."""
    for page in doc.pages:
        annots = page.obj.get(Name.Annots)
        if isinstance(annots, Array) and any(_is_sig_widget(a) and Name.V not in a for a in annots):
            page.obj[Name.Annots] = Array([a for a in annots if not (_is_sig_widget(a) and Name.V not in a)])
    form = doc.Root.get(Name.AcroForm)
    if isinstance(form, Dictionary) and isinstance(form.get(Name.Fields), Array):
        form[Name.Fields] = Array([f for f in form.Fields if not (_is_sig_widget(f) and Name.V not in f)])


def _acroform(doc: Pdf) -> Dictionary:
    form = doc.Root.get(Name.AcroForm)
    if not isinstance(form, Dictionary):
        form = doc.make_indirect(Dictionary(Fields=Array()))
        doc.Root[Name.AcroForm] = form
    if not isinstance(form.get(Name.Fields), Array):
        form[Name.Fields] = Array()
    return form


def apply_signature_fields(doc: Pdf, source: Path, people: Sequence[Signer], *,
                           strict: bool = True) -> list[SignatureLine]:
    """Add a signature field for each signer to ``doc``, an open copy of the file ``source``
    (whose text layer says where the lines are). For the output pipeline's finishing, which writes ``doc``.
    ``strict``: see :func:`find_signature_lines`."""
    spots = find_signature_lines(source, people, strict=strict, pages=len(doc.pages))
    if not spots:
        return spots
    _remove_unsigned(doc)
    form = _acroform(doc)
    tooltips = {p.field: p.tooltip for p in people}
    for spot in spots:
        page = doc.pages[spot.page]
        llx, lly, urx, ury = spot.rect
        appearance = doc.make_stream(b"", Type=Name.XObject, Subtype=Name.Form,
                                     BBox=Array([0, 0, round(urx - llx, 2), round(ury - lly, 2)]))
        field = doc.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Sig, T=String(spot.field),
            TU=String(tooltips[spot.field]), F=4, Rect=Array(list(spot.rect)), P=page.obj,
            AP=Dictionary(N=appearance),
        ))
        if not isinstance(page.obj.get(Name.Annots), Array):
            page.obj[Name.Annots] = Array()
        page.obj.Annots.append(field)
        form.Fields.append(field)
    return spots


def collect_signature_fields(doc: Pdf) -> list[str]:
    """For a merged file: the signature widgets its pages brought from their documents become its
    fields, the first of each name only (a pack is signed once per signatory, over their line in
    the first document that has it); the others are dropped. Returns the names, in page order."""
    names: list[str] = []
    for page in doc.pages:
        annots = page.obj.get(Name.Annots)
        if not isinstance(annots, Array) or not any(_is_sig_widget(a) for a in annots):
            continue
        kept = []
        for annot in annots:
            if _is_sig_widget(annot):
                name = str(annot.T)
                if name in names:
                    continue
                names.append(name)
                annot[Name.P] = page.obj
            kept.append(annot)
        page.obj[Name.Annots] = Array(kept)
    if names:
        form = _acroform(doc)
        present = {str(f.get(Name.T, "")) for f in form.Fields if isinstance(f, Dictionary)}
        for page in doc.pages:
            for annot in page.obj.get(Name.Annots, Array()):
                if _is_sig_widget(annot) and str(annot.T) not in present:
                    form.Fields.append(annot)
                    present.add(str(annot.T))
    return names


def add_signature_fields(pdf: Path, people: Sequence[Signer], *, strict: bool = True) -> list[SignatureLine]:
    """Add the signers' fields to a finished PDF file (rewritten atomically, deterministically);
    returns where they went."""
    pdf = Path(pdf)
    doc = open_pdf(pdf)
    spots = apply_signature_fields(doc, pdf, people, strict=strict)
    save_pdf(doc, pdf)
    return spots


def _field_name(field: Dictionary) -> str:
    parts, node, seen = [], field, set()
    while isinstance(node, Dictionary) and node.objgen not in seen:
        seen.add(node.objgen)
        if Name.T in node:
            parts.append(str(node.T))
        node = node.get(Name.Parent)
    return ".".join(reversed(parts))


def list_signature_fields(pdf: Path) -> list[SignatureField]:
    """The signature fields of a PDF (for the pack's manifest and for ``verify``), in the order
    the form lists them."""
    try:
        doc = Pdf.open(pdf)
    except FileNotFoundError as exc:
        raise InputError(f"cannot read {pdf}: {exc}") from exc
    except (pikepdf.PdfError, ValueError) as exc:
        raise InputError(f"{pdf} is not a readable PDF: {exc}") from exc
    with doc:
        pages = {page.obj.objgen: index for index, page in enumerate(doc.pages)}
        form = doc.Root.get(Name.AcroForm)
        out: list[SignatureField] = []
        stack = list(form.get(Name.Fields, Array())) if isinstance(form, Dictionary) else []
        seen: set[tuple[int, int]] = set()
        while stack:
            field = stack.pop(0)
            if not isinstance(field, Dictionary) or (field.is_indirect and field.objgen in seen):
                continue
            seen.add(field.objgen)
            kids = field.get(Name.Kids)
            if isinstance(kids, Array) and any(isinstance(k, Dictionary) and Name.T in k for k in kids):
                stack[:0] = list(kids)
                continue
            kind, node = field.get(Name.FT), field
            while kind is None and isinstance(node.get(Name.Parent), Dictionary):
                node = node.Parent
                kind = node.get(Name.FT)
            if kind != Name.Sig:
                continue
            widget = kids[0] if isinstance(kids, Array) and len(kids) else field
            page = widget.get(Name.P)
            rect = tuple(float(v) for v in widget.get(Name.Rect, Array([0, 0, 0, 0])))
            out.append(SignatureField(_field_name(field), str(field.get(Name.TU, "")),
                                      pages.get(page.objgen) if isinstance(page, Dictionary) else None,
                                      rect, Name.V in field))  # type: ignore[arg-type]
        return out

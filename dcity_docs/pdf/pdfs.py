"""Post-processing of the PDFs LibreOffice writes (pikepdf writes; pypdf reads text; fpdf2 draws
the watermark stamp).

Why two PDF libraries: finishing a pack rewrites every PDF LibreOffice made, and pypdf (pure
Python) spent ≈0.13 s of CPU per document parsing and re-serialising it, more than the batch
could hide behind LibreOffice; pikepdf (qpdf, C++) does the same rewrite in ≈8 ms. pypdf stays
for text extraction (pikepdf has none) and, in the tests, as an independent reader.

Every function that changes a PDF rewrites it atomically: the new file is
written next to the old one under a temporary name and moved over it with
:func:`os.replace`, so a failure leaves the old file untouched.

Determinism.  LibreOffice puts the conversion time (``/CreationDate``, XMP
``CreateDate``) and a random ``/ID`` in every PDF; everything else is the same
from run to run.  Here:

* nothing ever writes the current time: ``/CreationDate`` is kept as
  LibreOffice wrote it, no ``/ModDate`` is added;
* ``set_metadata(..., fixed_date=...)`` / ``merge_pdfs(..., fixed_date=...)``
  replace ``/CreationDate`` with the given date and drop ``/ModDate`` (pass the
  agreement date or ``SOURCE_DATE_EPOCH``, see :func:`source_date_epoch`);
* every file written here gets an ``/ID`` computed from its own bytes (qpdf's deterministic ID).

So a document whose metadata was set with a fixed date is byte-identical from
one run to the next, watermark and outline included.

XMP.  :func:`set_metadata` and :func:`merge_pdfs` write a fresh XMP packet
that agrees with the info dictionary (title, subject, author, keywords,
producer, creator tool, dates, language), keeping a PDF/A identification
(``pdfaid:part``/``conformance``) that the source had: PDF/A requires the two
to match, so a changed title must change both.
"""

from __future__ import annotations

import functools
import io
import math
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, String
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from dcity_docs.errors import ConversionError, EnvironmentProblem, InputError
from dcity_docs.pdf.files import open_pdf as _open
from dcity_docs.pdf.files import save_pdf as _save
from dcity_docs.pdf.signature_fields import Signer, apply_signature_fields, collect_signature_fields

__all__ = [
    "WATERMARK_FONT_ENV",
    "WATERMARK_FONTS",
    "add_outline",
    "add_watermark",
    "find_headings",
    "find_watermark_font",
    "finish",
    "merge_pdfs",
    "normalise_text",
    "outline_titles",
    "page_texts",
    "pdf_text",
    "set_metadata",
    "source_date_epoch",
]

WATERMARK_FONT_ENV = "DCITY_WATERMARK_FONT"

#: Bold sans fonts with Cyrillic glyphs, tried in this order.
WATERMARK_FONTS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf",  # Fedora
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)


# --------------------------------------------------------------------------
# Reading and writing
# --------------------------------------------------------------------------


def _bytes(pdf: Path) -> bytes:
    try:
        return Path(pdf).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {pdf}: {exc}") from exc


def _read(pdf: Path) -> PdfReader:
    """For reading text and outlines (pypdf), from memory (so the file can be replaced)."""
    try:
        return PdfReader(io.BytesIO(_bytes(pdf)))
    except (PyPdfError, ValueError) as exc:
        raise ConversionError(f"{pdf} is not a readable PDF: {exc}") from exc


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SOFT = re.compile("[\u00ad\u200c\u200d\ufeff]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})


def normalise_text(text: str, *, keep_lines: bool = False) -> str:
    """NFC, one kind of apostrophe, no soft hyphens, whitespace runs collapsed.

    With ``keep_lines`` line breaks are kept (as single ``\\n``), otherwise
    they become spaces too.
    """
    text = unicodedata.normalize("NFC", text)
    text = _SOFT.sub("", text).translate(_APOSTROPHES)
    text = _SPACES.sub(" ", text)
    if keep_lines:
        lines = (ln.strip() for ln in text.splitlines())
        return "\n".join(ln for ln in lines if ln)
    return " ".join(text.split())


def page_texts(pdf: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in _read(pdf).pages]


def pdf_text(pdf: Path) -> str:
    """The extracted text of all pages, one page after another."""
    return "\n".join(page_texts(pdf))


def find_headings(
    pdf: Path, headings: Sequence[str], *, in_order: bool = True, start_page: int = 0
) -> list[tuple[str, int]]:
    """Find the page (0-based) on which each heading first appears.

    Comparison ignores case, whitespace differences (line breaks included),
    soft hyphens and the kind of apostrophe.  An occurrence at the start of a
    line is preferred over one inside running text (a cross-reference).

    With ``in_order`` (the default) the headings are taken to be in document
    order: each is looked for after the previous one found, so a heading
    repeated in a table of contents or cited earlier does not win.  Pass
    ``start_page`` to skip front matter.  Headings that are not found are left
    out of the result.
    """
    texts = [normalise_text(t, keep_lines=True).casefold() for t in page_texts(pdf)]
    found: list[tuple[str, int]] = []
    pos = (start_page, 0)  # (page, offset on that page)
    for heading in headings:
        words = normalise_text(heading).casefold().split()
        if not words:
            continue
        body = r"\s+".join(re.escape(w) for w in words)
        hit = None
        origin = pos if in_order else (start_page, 0)
        for pattern in (re.compile(r"(?:^|(?<=\n))" + body), re.compile(body)):
            hit = _search_pages(texts, pattern, origin)
            if hit is not None:
                break
        if hit is None:
            continue
        page, end = hit
        found.append((heading, page))
        if in_order:
            pos = (page, end)
    return found


def _search_pages(texts: list[str], pattern: re.Pattern[str], origin: tuple[int, int]) -> tuple[int, int] | None:
    page, offset = origin
    for index in range(max(page, 0), len(texts)):
        match = pattern.search(texts[index], offset if index == page else 0)
        if match:
            return index, match.end()
    return None


# --------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------


def source_date_epoch() -> datetime | None:
    """``$SOURCE_DATE_EPOCH`` as a UTC datetime, or None if unset/invalid."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return datetime.fromtimestamp(int(value), tz=timezone.utc)


def _pdf_date(when: datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    when = when.astimezone(timezone.utc)
    return when.strftime("D:%Y%m%d%H%M%SZ")


_PDF_DATE = re.compile(
    r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?"
)


def _xmp_date(pdf_date: str) -> str | None:
    """``D:20261126021854Z'`` -> ``2026-11-26T02:18:54Z`` (None if unreadable)."""
    m = _PDF_DATE.match(pdf_date.strip())
    if not m:
        return None
    year, month, day, hour, minute, second, zulu, sign, tzh, tzm = m.groups()
    text = f"{year}-{month or '01'}-{day or '01'}T{hour or '00'}:{minute or '00'}:{second or '00'}"
    if sign:
        text += f"{sign}{tzh}:{tzm or '00'}"
    else:
        text += "Z"  # 'Z' or no zone: UTC is the best guess
    return text


def _pdfa_id(pdf: Pdf) -> tuple[str, str] | None:
    """The (part, conformance) a file's XMP claims, e.g. ('2', 'B')."""
    meta = pdf.Root.get(Name.Metadata)
    if not isinstance(meta, pikepdf.Stream):
        return None
    try:
        xml = meta.read_bytes().decode("utf-8", errors="replace")
    except pikepdf.PdfError:
        return None
    part = re.search(r"pdfaid:part(?:>|\s*=\s*[\"'])\s*(\d)", xml)
    conf = re.search(r"pdfaid:conformance(?:>|\s*=\s*[\"'])\s*([A-Za-z])", xml)
    if not part:
        return None
    return part.group(1), (conf.group(1).upper() if conf else "B")


def _xmp_packet(info: dict[str, str], language: str | None, pdfa: tuple[str, str] | None) -> bytes:
    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    parts: list[str] = []

    def describe(namespace: str, items: list[str]) -> None:
        if items:
            parts.append(f'<rdf:Description rdf:about="" {namespace}>' + "".join(items) + "</rdf:Description>")

    if pdfa:
        describe('xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
                 [f"<pdfaid:part>{pdfa[0]}</pdfaid:part><pdfaid:conformance>{pdfa[1]}</pdfaid:conformance>"])
    dc = []
    if info.get("/Title"):
        dc.append(f"<dc:title>{alt(info['/Title'])}</dc:title>")
    if info.get("/Author"):
        dc.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(info['/Author'])}</rdf:li></rdf:Seq></dc:creator>")
    if info.get("/Subject"):
        dc.append(f"<dc:description>{alt(info['/Subject'])}</dc:description>")
    if language:
        dc.append(f"<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>")
    describe('xmlns:dc="http://purl.org/dc/elements/1.1/"', dc)
    pdf_ns = []
    if info.get("/Keywords"):
        pdf_ns.append(f"<pdf:Keywords>{escape(info['/Keywords'])}</pdf:Keywords>")
    if info.get("/Producer"):
        pdf_ns.append(f"<pdf:Producer>{escape(info['/Producer'])}</pdf:Producer>")
    describe('xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', pdf_ns)
    xmp = []
    if info.get("/Creator"):
        xmp.append(f"<xmp:CreatorTool>{escape(info['/Creator'])}</xmp:CreatorTool>")
    for key, tag in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
        value = _xmp_date(info[key]) if info.get(key) else None
        if value:
            xmp.append(f"<xmp:{tag}>{value}</xmp:{tag}>")
    describe('xmlns:xmp="http://ns.adobe.com/xap/1.0/"', xmp)
    body = "\n".join(parts)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f"{body}\n"
        "</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode("utf-8")


def _apply_metadata(
    pdf: Pdf,
    *,
    title: str,
    subject: str | None,
    author: str | None,
    language: str | None,
    keywords: str | None,
    fixed_date: datetime | None,
    pdfa: tuple[str, str] | None,
) -> None:
    info = pdf.docinfo  # made if the file has none
    values = {"/Title": title, "/Subject": subject, "/Author": author, "/Keywords": keywords}
    for key, value in values.items():
        if value is not None:
            info[Name(key)] = String(value)
    if fixed_date is not None:
        info[Name.CreationDate] = String(_pdf_date(fixed_date))
        if Name.ModDate in info:
            del info[Name.ModDate]
    root = pdf.Root
    if language:
        root[Name.Lang] = String(language)
    lang = str(root[Name.Lang]) if Name.Lang in root else None
    plain = {str(k): str(v) for k, v in info.items() if isinstance(v, String)}
    stream = pdf.make_stream(_xmp_packet(plain, lang, pdfa), Type=Name.Metadata, Subtype=Name.XML)
    root[Name.Metadata] = stream


def set_metadata(
    pdf: Path,
    *,
    title: str,
    subject: str,
    author: str,
    language: str,
    keywords: str | None = None,
    fixed_date: datetime | None = None,
) -> None:
    """Set /Title /Subject /Author (/Keywords) and the catalog's /Lang, plus matching XMP.

    ``language`` is a BCP 47 tag such as ``uk-UA`` or ``en-GB``.  ``keywords``
    None keeps what the file has.  ``fixed_date`` replaces /CreationDate (and
    removes /ModDate) for reproducible output; without it the dates are kept.
    """
    finish(pdf, title=title, subject=subject, author=author, language=language, keywords=keywords,
           fixed_date=fixed_date)


class Bookmark(NamedTuple):
    """An outline entry: title, 0-based page, and where on the page (the rest of a PDF
    destination, e.g. ``("/XYZ", 70.85, 98.1, 0)``; empty: the whole page)."""

    title: str
    page: int
    view: tuple[Any, ...] = ()


def finish(
    pdf: Path,
    *,
    title: str,
    subject: str,
    author: str,
    language: str,
    keywords: str | None = None,
    fixed_date: datetime | None = None,
    outline: Callable[[list[Bookmark]], Sequence[tuple[str, int] | Bookmark]] | None = None,
    watermark: str | None = None,
    font: Path | None = None,
    keep_open: bool = False,
    signature_fields: Sequence[Signer] = (),
) -> Pdf | None:
    """:func:`set_metadata`, then :func:`add_outline` (``replace=True``) with the entries
    ``outline`` makes from the file's own top-level bookmarks (none: the outline is left as it
    is), then :func:`add_watermark`, in one read and one write of the file. Objects nothing
    refers to any more (the replaced outline) are left out of the file. ``signature_fields``: an
    empty signature field for each signer, over their signature line
    (:mod:`dcity_docs.pdf.signature_fields`); a signer whose line the file does not print gets none.

    ``keep_open``: return the finished document, still open, for :func:`merge_pdfs` (which then
    need not read the file again); the caller closes it.
    """
    pdf = Path(pdf)
    font_path = _watermark_font(watermark, font, 0.55, 0.3) if watermark is not None else None
    doc = _open(pdf)
    stamps: list[Pdf] = []  # the stamps' documents stay open until the file is written
    entries = outline(_bookmarks(doc)) if outline is not None else []
    _apply_metadata(
        doc,
        title=title,
        subject=subject,
        author=author,
        language=language,
        keywords=keywords,
        fixed_date=fixed_date,
        pdfa=_pdfa_id(doc),
    )
    if entries:
        _apply_outline(doc, entries, True, pdf)
    if signature_fields:  # a layout without a signer's line: no field for them, not a failed document
        apply_signature_fields(doc, pdf, signature_fields, strict=False)
    if watermark is not None and font_path is not None:
        stamps = _apply_watermark(doc, watermark, font_path, 0.55, 0.3)
    _save(doc, pdf, close=not keep_open)
    del stamps
    return doc if keep_open else None


# --------------------------------------------------------------------------
# Watermark
# --------------------------------------------------------------------------


def find_watermark_font() -> Path:
    """A TrueType font with Cyrillic glyphs for the watermark.

    ``$DCITY_WATERMARK_FONT`` first, then :data:`WATERMARK_FONTS`.
    """
    configured = os.environ.get(WATERMARK_FONT_ENV)
    if configured:
        path = Path(configured).expanduser()
        if path.is_file():
            return path
        raise EnvironmentProblem(f"{WATERMARK_FONT_ENV} is set to {configured!r}, which is not a font file")
    for candidate in WATERMARK_FONTS:
        if Path(candidate).is_file():
            return Path(candidate)
    raise EnvironmentProblem(
        "no TrueType font with Cyrillic glyphs found for the watermark; "
        "install one (Debian/Ubuntu: apt-get install -y fonts-liberation2) "
        f"or set {WATERMARK_FONT_ENV} to a .ttf file"
    )


_ARTIFACT_OPEN = b"/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\nq\n"
_ARTIFACT_CLOSE = b"\nQ\nEMC\n"


@functools.lru_cache(maxsize=32)
def _stamp_pdf(text: str, width: float, height: float, font: str, grey: float, opacity: float) -> bytes:
    """A one-page PDF, ``width`` x ``height`` pt, with ``text`` across its diagonal."""
    try:
        from fpdf import FPDF
    except ImportError as exc:  # pragma: no cover - fpdf2 is a dependency
        raise EnvironmentProblem("the watermark needs fpdf2: pip install fpdf2") from exc

    doc = FPDF(unit="pt", format=(width, height))
    doc.set_creation_date(datetime(2000, 1, 1, tzinfo=timezone.utc))  # no current time anywhere
    doc.set_margins(0, 0, 0)
    doc.set_auto_page_break(False)
    doc.add_font("dcitywm", "", font)
    doc.add_page()
    doc.set_font("dcitywm", size=100)
    unit_width = doc.get_string_width(text) / 100  # width per point of font size
    diagonal = math.hypot(width, height)
    size = min(0.6 * diagonal / max(unit_width, 1e-6), 0.2 * min(width, height))
    size = max(size, 8.0)
    doc.set_font("dcitywm", size=size)
    text_width = doc.get_string_width(text)
    angle = math.degrees(math.atan2(height, width))  # bottom-left to top-right
    level = round(grey * 255)
    doc.set_text_color(level, level, level)
    cx, cy = width / 2, height / 2
    with doc.local_context(fill_opacity=opacity):
        with doc.rotation(angle, x=cx, y=cy):
            # fpdf2 places the baseline at y (y grows downwards): centre the capitals.
            doc.text(cx - text_width / 2, cy + 0.35 * size, text)
    return bytes(doc.output())


@functools.lru_cache(maxsize=32)
def _stamp_form(text: str, width: float, height: float, font: str, grey: float,
                opacity: float) -> tuple[Pdf, pikepdf.Stream]:
    """The stamp as a form XObject, kept (with its document, which must stay open while the form
    is copied from it) for every file of a batch worker."""
    stamp = Pdf.open(io.BytesIO(_stamp_pdf(text, width, height, font, grey, opacity)))
    return stamp, stamp.pages[0].as_form_xobject()


def _to_page_space(page: pikepdf.Page) -> tuple[float, float, tuple[float, ...]]:
    """Displayed (width, height) of a page and the matrix from display to user space."""
    left, bottom, right, top = (float(v) for v in page.cropbox)
    left, right = min(left, right), max(left, right)
    bottom, top = min(bottom, top), max(bottom, top)
    rotate = int(page.obj.get(Name.Rotate, 0)) % 360
    w, h = right - left, top - bottom
    if rotate == 90:
        return h, w, (0, 1, -1, 0, right, bottom)
    if rotate == 180:
        return w, h, (-1, 0, 0, -1, right, top)
    if rotate == 270:
        return h, w, (0, -1, 1, 0, left, top)
    return w, h, (1, 0, 0, 1, left, bottom)


def add_watermark(
    pdf: Path,
    text: str,
    *,
    font: Path | None = None,
    grey: float = 0.55,
    opacity: float = 0.3,
) -> None:
    """Stamp ``text`` diagonally, light grey and semi-transparent, over every page.

    The stamp is drawn with an embedded (subset) TrueType font that has
    Cyrillic glyphs, so ``extract_text`` and viewers' search find it; it is
    marked as a watermark artifact so screen readers skip it in tagged PDFs.
    """
    font_path = _watermark_font(text, font, grey, opacity)
    pdf = Path(pdf)
    doc = _open(pdf)
    stamps = _apply_watermark(doc, text, font_path, grey, opacity)
    _save(doc, pdf)
    del stamps


def _watermark_font(text: str, font: Path | None, grey: float, opacity: float) -> Path:
    """Check the watermark's arguments; the font to draw it with."""
    if not text.strip():
        raise InputError("watermark text is empty")
    if not (0 <= grey <= 1 and 0 < opacity <= 1):
        raise InputError("watermark grey must be in [0, 1] and opacity in (0, 1]")
    font_path = Path(font) if font is not None else find_watermark_font()
    if not font_path.is_file():
        raise EnvironmentProblem(f"watermark font {font_path} does not exist")
    return font_path


def _xobject_name(page: pikepdf.Page, form: pikepdf.Object, prefix: str) -> Name:
    """The name ``form`` has in the page's resources, adding it as the first free ``prefix0``,
    ``prefix1``... (pages often share one resource dictionary; pikepdf's own choice of name is
    random, which would make the output differ from run to run)."""
    resources = page.obj.get(Name.Resources)
    used = resources.get(Name.XObject) if isinstance(resources, Dictionary) else None
    number = 0
    while isinstance(used, Dictionary) and Name(f"{prefix}{number}") in used:
        if used[Name(f"{prefix}{number}")].objgen == form.objgen:
            return Name(f"{prefix}{number}")
        number += 1
    return page.add_resource(form, Name.XObject, Name(f"{prefix}{number}"))


def _apply_watermark(doc: Pdf, text: str, font_path: Path, grey: float, opacity: float) -> list[Pdf]:
    """Draw the stamp over every page: one form XObject per page size, drawn by a few bytes
    appended to each page's content (the page's own content is left as it is, wrapped in q/Q).
    Returns the stamps' documents, which must stay open until ``doc`` is written."""
    forms: dict[tuple[float, float], pikepdf.Object] = {}
    stamps: list[Pdf] = []
    for page in doc.pages:
        width, height, matrix = _to_page_space(page)
        key = (round(width, 2), round(height, 2))
        if key not in forms:
            stamp, form = _stamp_form(text, key[0], key[1], str(font_path), grey, opacity)
            stamps.append(stamp)
            forms[key] = doc.copy_foreign(form)
        name = _xobject_name(page, forms[key], "/DcWm")
        cm = " ".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in matrix).encode()
        page.contents_add(b"q\n", prepend=True)
        page.contents_add(b"Q\n" + _ARTIFACT_OPEN + cm + b" cm " + bytes(name.unparse()) + b" Do" + _ARTIFACT_CLOSE)
    return stamps


# --------------------------------------------------------------------------
# Outline and merge
# --------------------------------------------------------------------------


def add_outline(pdf: Path, entries: Iterable[tuple[str, int] | Bookmark], *, replace: bool = False) -> None:
    """Add top-level bookmarks ``(title, 0-based page index)``, after any the file has.

    ``replace`` drops the existing outline first.  The viewer is asked to show
    the outline pane when the file opens.
    """
    pdf = Path(pdf)
    doc = _open(pdf)
    _apply_outline(doc, list(entries), replace, pdf)
    _save(doc, pdf)


def _apply_outline(doc: Pdf, marks: Sequence[tuple[str, int] | Bookmark], replace: bool, pdf: Path) -> None:
    entries = [Bookmark(*mark) for mark in marks]
    pages = len(doc.pages)
    for entry in entries:
        if not 0 <= entry.page < pages:
            raise InputError(f"outline entry {entry.title!r} points at page {entry.page}, but {pdf} has {pages} pages")
    with doc.open_outline() as outline:
        if replace:
            outline.root.clear()
        outline.root.extend(_item(doc, entry, 0) for entry in entries)
    if entries:
        doc.Root[Name.PageMode] = Name.UseOutlines


def _item(doc: Pdf, entry: Bookmark, offset: int) -> OutlineItem:
    """An outline item pointing at ``doc``'s page ``offset + entry.page``, at the same place."""
    page = doc.pages[offset + entry.page].obj
    return OutlineItem(entry.title, Array([page, *entry.view]) if entry.view else Array([page, Name.Fit]))


class _Node(NamedTuple):
    title: str
    page: int | None  # None: no destination in this file
    view: tuple[Any, ...]
    children: list[_Node]


def _outline(doc: Pdf) -> list[_Node]:
    """The outline as a tree, every destination resolved to a page index."""
    outlines = doc.Root.get(Name.Outlines)
    if not isinstance(outlines, Dictionary):
        return []
    pages = {page.obj.objgen: index for index, page in enumerate(doc.pages)}
    seen: set[tuple[int, int]] = set()

    def target(item: Dictionary) -> tuple[int | None, tuple[Any, ...]]:
        dest = item.get(Name.Dest)
        action = item.get(Name.A)
        if dest is None and isinstance(action, Dictionary) and action.get(Name.S) == Name.GoTo:
            dest = action.get(Name.D)
        if isinstance(dest, (Name, String)):
            dest = _named_destination(doc, dest)
        if isinstance(dest, Dictionary):
            dest = dest.get(Name.D)
        if isinstance(dest, Array) and len(dest) and isinstance(dest[0], Dictionary):
            return pages.get(dest[0].objgen), tuple(dest[1:])
        return None, ()

    def walk(item: Any) -> list[_Node]:
        nodes: list[_Node] = []
        while isinstance(item, Dictionary) and item.objgen not in seen:
            if item.is_indirect:
                seen.add(item.objgen)
            page, view = target(item)
            nodes.append(_Node(str(item.get(Name.Title, "")), page, view, walk(item.get(Name.First))))
            item = item.get(Name.Next)
        return nodes

    return walk(outlines.get(Name.First))


def _named_destination(doc: Pdf, name: Name | String) -> Any:
    if isinstance(name, Name):
        dests = doc.Root.get(Name.Dests)
        return dests.get(name) if isinstance(dests, Dictionary) else None
    names = doc.Root.get(Name.Names)
    tree = names.get(Name.Dests) if isinstance(names, Dictionary) else None
    if not isinstance(tree, Dictionary):
        return None
    return pikepdf.NameTree(tree).get(str(name))


def _bookmarks(doc: Pdf) -> list[Bookmark]:
    """The top-level outline entries that point at a page of the file."""
    return [Bookmark(n.title, n.page, n.view) for n in _outline(doc) if n.page is not None]


def outline_titles(pdf: Path) -> list[Any]:
    """The outline as nested lists of titles: ``["A", ["A.1", "A.2"], "B"]``."""

    def walk(items: list[Any]) -> list[Any]:
        out: list[Any] = []
        for item in items:
            out.append(walk(item) if isinstance(item, list) else str(item.title))
        return out

    return walk(_read(pdf).outline)


def merge_pdfs(
    parts: Sequence[tuple[str, Path | Pdf]],
    out: Path,
    *,
    title: str,
    subject: str | None = None,
    author: str | None = None,
    language: str | None = None,
    keywords: str | None = None,
    fixed_date: datetime | None = None,
) -> None:
    """Concatenate PDFs into ``out`` with one top-level bookmark per part.

    Each part's own outline is nested under its bookmark.  ``language``
    defaults to the first part's ``/Lang``.  If every part claims the same
    PDF/A level, the result keeps the first part's output intent and the
    claim (it is not re-validated here).  Dates: the first part's
    ``/CreationDate`` unless ``fixed_date`` is given.  The parts' signature fields become the
    merged file's, the first of each name only (one field per signer, in the first document).
    """
    if not parts:
        raise InputError("nothing to merge")
    # Open until the merged file is written; a part may be a document already open.
    docs = [(name, part if isinstance(part, Pdf) else _open(part)) for name, part in parts]
    merged = Pdf.new()
    tops: list[OutlineItem] = []
    for name, doc in docs:
        offset = len(merged.pages)
        tree = _outline(doc)
        with warnings.catch_warnings():  # the parts' signature fields: collect_signature_fields below
            warnings.simplefilter("ignore", getattr(pikepdf, "PageCopyWarning", UserWarning))
            merged.pages.extend(doc.pages)
        top = OutlineItem(name, Array([merged.pages[offset].obj, Name.Fit]))
        top.children.extend(_items(merged, tree, offset))
        tops.append(top)
    with merged.open_outline() as outline:
        outline.root.extend(tops)
    collect_signature_fields(merged)  # the parts' signature fields, once per signer
    first = docs[0][1]
    if language is None and Name.Lang in first.Root:
        language = str(first.Root[Name.Lang])
    for key in (Name.CreationDate, Name.Creator, Name.Producer):
        value = first.docinfo.get(key)
        if isinstance(value, String):
            merged.docinfo[key] = String(str(value))
    claims = {_pdfa_id(doc) for _, doc in docs}
    pdfa = claims.pop() if len(claims) == 1 else None
    intents = first.Root.get(Name.OutputIntents)
    if pdfa is not None and intents is not None:
        merged.Root[Name.OutputIntents] = merged.copy_foreign(intents if intents.is_indirect else first.make_indirect(intents))
    else:
        pdfa = None
    merged.Root[Name.PageMode] = Name.UseOutlines
    _apply_metadata(
        merged,
        title=title,
        subject=subject,
        author=author,
        language=language,
        keywords=keywords,
        fixed_date=fixed_date,
        pdfa=pdfa,
    )
    version = max(doc.pdf_version for _, doc in docs)
    _save(merged, Path(out), min_version=version)


def _items(out: Pdf, nodes: list[_Node], offset: int) -> list[OutlineItem]:
    """A part's outline, pointing at its pages in the merged file; entries without a page keep
    their title and their children."""
    items = []
    for node in nodes:
        if node.page is None:
            item = OutlineItem(node.title)
        else:
            item = _item(out, Bookmark(node.title, node.page, node.view), offset)
        item.children.extend(_items(out, node.children, offset))
        items.append(item)
    return items

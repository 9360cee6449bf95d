"""Post-processing of the PDFs LibreOffice writes (pypdf; fpdf2 for the watermark stamp).

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
* every file written here gets an ``/ID`` computed from its own bytes.

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
import hashlib
import io
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

from dcity_docs.errors import ConversionError, EnvironmentProblem, InputError, OutputError

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


def _read(pdf: Path) -> PdfReader:
    """Read the whole file into memory (so it can be replaced while open)."""
    try:
        data = Path(pdf).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {pdf}: {exc}") from exc
    try:
        return PdfReader(io.BytesIO(data))
    except (PyPdfError, ValueError) as exc:
        raise ConversionError(f"{pdf} is not a readable PDF: {exc}") from exc


def _clone(pdf: Path) -> PdfWriter:
    return PdfWriter(clone_from=_read(pdf))


_ID_PLACEHOLDER = b"\0" * 16
_ID_PLACEHOLDER_HEX = b"<" + _ID_PLACEHOLDER.hex().encode() + b">"


def _serialise(writer: PdfWriter) -> bytes:
    """The file's bytes, with an /ID that is a hash of the file itself.

    Written once with a placeholder /ID, hashed, then the placeholder (hex, at the end of the
    file, in the trailer) is replaced by the hash of the same length: the same bytes a second
    ``write`` with the hash as /ID gives, without serialising the document twice.
    """
    placeholder = ByteStringObject(_ID_PLACEHOLDER)
    writer._ID = ArrayObject([placeholder, placeholder])  # noqa: SLF001 - pypdf has no public setter
    buf = io.BytesIO()
    writer.write(buf)
    data = buf.getvalue()
    raw = hashlib.md5(data, usedforsecurity=False).digest()
    digest = ByteStringObject(raw)
    writer._ID = ArrayObject([digest, digest])  # noqa: SLF001 - as a second write would leave it
    trailer = data.rfind(b"trailer")
    ids = b"[ " + _ID_PLACEHOLDER_HEX + b" " + _ID_PLACEHOLDER_HEX + b" ]"
    at = data.find(ids, trailer) if trailer >= 0 else -1
    if at < 0 or data.count(_ID_PLACEHOLDER_HEX, trailer) != 2:  # an unexpected layout: write again
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue()
    hex_id = b"<" + raw.hex().encode() + b">"
    return data[:at] + b"[ " + hex_id + b" " + hex_id + b" ]" + data[at + len(ids):]


def _write_atomic(writer: PdfWriter, dest: Path) -> None:
    dest = Path(dest)
    data = _serialise(writer)
    try:
        mode = dest.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp_name = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, dest)
        tmp_name = None
    except OSError as exc:
        raise OutputError(f"cannot write {dest}: {exc}") from exc
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)


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


def _pdfa_id(reader_or_writer: PdfReader | PdfWriter) -> tuple[str, str] | None:
    """The (part, conformance) a file's XMP claims, e.g. ('2', 'B')."""
    root = reader_or_writer.root_object if isinstance(reader_or_writer, PdfWriter) else reader_or_writer.trailer["/Root"]
    meta = root.get("/Metadata")
    if meta is None:
        return None
    try:
        xml = meta.get_object().get_data().decode("utf-8", errors="replace")
    except (PyPdfError, ValueError, AttributeError):
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
    writer: PdfWriter,
    *,
    title: str,
    subject: str | None,
    author: str | None,
    language: str | None,
    keywords: str | None,
    fixed_date: datetime | None,
    pdfa: tuple[str, str] | None,
) -> None:
    values = {"/Title": title, "/Subject": subject, "/Author": author, "/Keywords": keywords}
    writer.add_metadata({k: v for k, v in values.items() if v is not None})
    info = writer._info  # noqa: SLF001 - the writer's info dictionary, created by add_metadata
    assert info is not None
    if fixed_date is not None:
        info[NameObject("/CreationDate")] = TextStringObject(_pdf_date(fixed_date))
        info.pop(NameObject("/ModDate"), None)
    root = writer.root_object
    if language:
        root[NameObject("/Lang")] = TextStringObject(language)
    lang = str(root["/Lang"]) if "/Lang" in root else None
    plain = {str(k): str(v.get_object()) for k, v in info.items()}
    stream = StreamObject()  # unfiltered, as PDF/A wants for the metadata stream
    stream.set_data(_xmp_packet(plain, lang, pdfa))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    root[NameObject("/Metadata")] = writer._add_object(stream)  # noqa: SLF001 - no public way to add a bare object


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


def finish(
    pdf: Path,
    *,
    title: str,
    subject: str,
    author: str,
    language: str,
    keywords: str | None = None,
    fixed_date: datetime | None = None,
    outline: Callable[[PdfReader], list[tuple[str, int]]] | None = None,
    watermark: str | None = None,
    font: Path | None = None,
) -> None:
    """:func:`set_metadata`, then :func:`add_outline` (``replace=True``) with the entries
    ``outline`` makes from the file (none: the outline is left as it is), then
    :func:`add_watermark`, in ONE read and ONE write instead of three of each: reading and
    rewriting a document is most of the time finishing it takes. Objects nothing refers to any
    more (the replaced outline, the pages' old content streams) are left out of the file.
    """
    pdf = Path(pdf)
    font_path = _watermark_font(watermark, font, 0.55, 0.3) if watermark is not None else None
    reader = _read(pdf)
    entries = outline(reader) if outline is not None else []
    writer = PdfWriter(clone_from=reader)
    _apply_metadata(
        writer,
        title=title,
        subject=subject,
        author=author,
        language=language,
        keywords=keywords,
        fixed_date=fixed_date,
        pdfa=_pdfa_id(writer),
    )
    if entries:
        _apply_outline(writer, entries, True, pdf)
    if watermark is not None and font_path is not None:
        _apply_watermark(writer, watermark, font_path, 0.55, 0.3)
    _drop_unreferenced(writer)
    _write_atomic(writer, pdf)


def _drop_unreferenced(writer: PdfWriter) -> None:
    """Free every object that the catalog and the info dictionary no longer reach."""
    starts = [writer.root_object.indirect_reference]
    info = writer._info  # noqa: SLF001 - the info dictionary (no public accessor)
    if info is not None:
        starts.append(info.indirect_reference)
    reached: set[int] = set()
    todo: list[Any] = []
    for ref in starts:
        if isinstance(ref, IndirectObject) and ref.pdf is writer:
            reached.add(ref.idnum)
            todo.append(ref.get_object())
    while todo:
        obj = todo.pop()
        if isinstance(obj, DictionaryObject):
            values: Iterable[Any] = obj.values()
        elif isinstance(obj, ArrayObject):
            values = obj
        else:
            continue
        for value in values:
            if isinstance(value, IndirectObject):
                if value.pdf is writer and value.idnum not in reached:
                    reached.add(value.idnum)
                    todo.append(value.get_object())
            elif isinstance(value, (DictionaryObject, ArrayObject)):
                todo.append(value)
    if len(reached) < 2:  # nothing sensible found: leave the file as it is
        return
    objects = writer._objects  # noqa: SLF001 - pypdf has no public way to free an object
    for index, obj in enumerate(objects):
        if obj is not None and index + 1 not in reached:
            objects[index] = None


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


def _stamp_page(
    text: str, width: float, height: float, font: Path, grey: float, opacity: float
) -> PageObject:
    data = _stamp_pdf(text, round(width, 2), round(height, 2), str(font), grey, opacity)
    page = PdfWriter(clone_from=PdfReader(io.BytesIO(data))).pages[0]
    content = page.get_contents()
    assert content is not None
    wrapped = StreamObject()
    wrapped.set_data(_ARTIFACT_OPEN + content.get_data() + _ARTIFACT_CLOSE)
    page.replace_contents(wrapped)
    return page


def _to_page_space(page: PageObject) -> tuple[float, float, Transformation]:
    """Displayed (width, height) of a page and the map from display to user space."""
    box = page.cropbox
    left, bottom, right, top = float(box.left), float(box.bottom), float(box.right), float(box.top)
    rotate = (page.rotation or 0) % 360
    w, h = right - left, top - bottom
    if rotate == 90:
        return h, w, Transformation().rotate(90).translate(right, bottom)
    if rotate == 180:
        return w, h, Transformation().rotate(180).translate(right, top)
    if rotate == 270:
        return h, w, Transformation().rotate(270).translate(left, top)
    return w, h, Transformation().translate(left, bottom)


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
    writer = _clone(pdf)
    _apply_watermark(writer, text, font_path, grey, opacity)
    _write_atomic(writer, pdf)


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


def _apply_watermark(writer: PdfWriter, text: str, font_path: Path, grey: float, opacity: float) -> None:
    stamps: dict[tuple[float, float], PageObject] = {}
    for page in writer.pages:
        width, height, transform = _to_page_space(page)
        key = (round(width, 2), round(height, 2))
        if key not in stamps:  # one stamp (one embedded font) per page size
            stamps[key] = _stamp_page(text, width, height, font_path, grey, opacity)
        page.merge_transformed_page(stamps[key], transform, over=True)
        page.compress_content_streams()  # merging leaves the page's content decoded


# --------------------------------------------------------------------------
# Outline and merge
# --------------------------------------------------------------------------


def add_outline(pdf: Path, entries: Iterable[tuple[str, int]], *, replace: bool = False) -> None:
    """Add top-level bookmarks ``(title, 0-based page index)``, after any the file has.

    ``replace`` drops the existing outline first.  The viewer is asked to show
    the outline pane when the file opens.
    """
    pdf = Path(pdf)
    writer = _clone(pdf)
    _apply_outline(writer, list(entries), replace, pdf)
    _write_atomic(writer, pdf)


def _apply_outline(writer: PdfWriter, entries: list[tuple[str, int]], replace: bool, pdf: Path) -> None:
    pages = len(writer.pages)
    for title, index in entries:
        if not 0 <= index < pages:
            raise InputError(f"outline entry {title!r} points at page {index}, but {pdf} has {pages} pages")
    if replace:
        writer.root_object.pop(NameObject("/Outlines"), None)
    for title, index in entries:
        writer.add_outline_item(title=title, page_number=index)
    if entries:
        writer.root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")


def outline_titles(pdf: Path) -> list[Any]:
    """The outline as nested lists of titles: ``["A", ["A.1", "A.2"], "B"]``."""

    def walk(items: list[Any]) -> list[Any]:
        out: list[Any] = []
        for item in items:
            out.append(walk(item) if isinstance(item, list) else str(item.title))
        return out

    return walk(_read(pdf).outline)


def merge_pdfs(
    parts: Sequence[tuple[str, Path]],
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
    ``/CreationDate`` unless ``fixed_date`` is given.
    """
    if not parts:
        raise InputError("nothing to merge")
    readers = [(name, _read(path)) for name, path in parts]
    writer = PdfWriter()
    header = max((r.pdf_header for _, r in readers), default="%PDF-1.7")
    writer.pdf_header = header.encode() if isinstance(header, str) else header
    for name, reader in readers:
        writer.append(reader, outline_item=name, import_outline=True)
    first = readers[0][1]
    first_root = first.trailer["/Root"]
    if language is None and "/Lang" in first_root:
        language = str(first_root["/Lang"])
    first_info = first.metadata or {}
    for key in ("/CreationDate", "/Creator", "/Producer"):
        if key in first_info:
            writer.add_metadata({key: str(first_info[key])})
    claims = {_pdfa_id(r) for _, r in readers}
    pdfa = claims.pop() if len(claims) == 1 else None
    if pdfa is not None and "/OutputIntents" in first_root:
        intents = first_root["/OutputIntents"].get_object().clone(writer)
        writer.root_object[NameObject("/OutputIntents")] = intents
    else:
        pdfa = None
    writer.root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    _apply_metadata(
        writer,
        title=title,
        subject=subject,
        author=author,
        language=language,
        keywords=keywords,
        fixed_date=fixed_date,
        pdfa=pdfa,
    )
    _write_atomic(writer, Path(out))


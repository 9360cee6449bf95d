"""The DRAFT stamp: drawn once per page size with fpdf2, kept as a form XObject and drawn over
every page by a few bytes appended to its content."""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf
from pikepdf import Dictionary, Name, Pdf

if TYPE_CHECKING:
    from fpdf import FPDF

from dcity_docs import settings
from dcity_docs.errors import EnvironmentProblem, InputError, OutputError
from dcity_docs.files import write_atomic
from dcity_docs.pdf.files import _open, _save

__all__ = ["WATERMARK_FONTS", "WATERMARK_FONT_ENV", "add_watermark", "find_watermark_font"]

WATERMARK_FONT_ENV = settings.WATERMARK_FONT

#: Bold sans fonts with Cyrillic glyphs, tried in this order.
WATERMARK_FONTS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf",  # Fedora
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)


def find_watermark_font() -> Path:
    """A TrueType font with Cyrillic glyphs for the watermark.

    ``$DCITY_WATERMARK_FONT`` first, then :data:`WATERMARK_FONTS`.
    """
    configured = settings.value(WATERMARK_FONT_ENV)
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


def _blank_page(width: float, height: float, font: str, family: str) -> "FPDF":
    """An fpdf2 document of one empty page, ``width`` x ``height`` pt, no margins, no current
    time, with ``font`` added as ``family``: where a stamp is drawn."""
    try:
        from fpdf import FPDF
    except ImportError as exc:  # pragma: no cover - fpdf2 is a dependency
        raise EnvironmentProblem("stamping a PDF needs fpdf2: pip install fpdf2") from exc

    doc = FPDF(unit="pt", format=(width, height))
    doc.set_creation_date(datetime(2000, 1, 1, tzinfo=timezone.utc))  # no current time anywhere
    doc.set_margins(0, 0, 0)
    doc.set_auto_page_break(False)
    doc.add_font(family, "", font)
    doc.add_page()
    return doc


def cached_drawing(kind: str, key: tuple[object, ...], font: str, draw: Callable[[], bytes]) -> bytes:
    """A drawn one-page PDF (a stamp, a marking), kept on disk (:func:`settings.cache_dir`) under
    a hash of everything that makes its bytes (``kind``, ``key``, the font file's content, the
    fpdf2 release): drawing needs fpdf2 and a font read with it, which cost a legal officer's every
    ``render -f pdf`` of a draft, or ``pack`` of a restricted venture, a second. The bytes are
    deterministic, so a drawing from the cache is the one that would be drawn."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("fpdf2")
    except PackageNotFoundError:  # pragma: no cover - fpdf2 is a dependency
        release = "?"
    digest = hashlib.sha256(repr((kind, key, hashlib.sha256(Path(font).read_bytes()).hexdigest(),
                                  release)).encode()).hexdigest()
    cached = settings.cache_dir() / "stamps" / f"{digest}.pdf"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    data = draw()
    try:
        write_atomic(cached, data)
    except OutputError:
        pass  # no cache where the home folder is read-only: drawn again next time
    return data


@functools.lru_cache(maxsize=32)
def _stamp_pdf(text: str, width: float, height: float, font: str, grey: float, opacity: float) -> bytes:
    """A one-page PDF, ``width`` x ``height`` pt, with ``text`` across its diagonal."""
    return cached_drawing("stamp", (text, round(width, 3), round(height, 3), grey, opacity), font,
                          lambda: _draw_stamp(text, width, height, font, grey, opacity))


def _draw_stamp(text: str, width: float, height: float, font: str, grey: float, opacity: float) -> bytes:
    """Draw the diagonal stamp (fpdf2)."""
    doc = _blank_page(width, height, font, "dcitywm")
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
    """Draw the stamp over every page (see :func:`_draw_on_every_page`)."""
    return _draw_on_every_page(doc, lambda w, h: _stamp_form(text, w, h, str(font_path), grey, opacity),
                               "/DcWm", _ARTIFACT_OPEN)


def _draw_on_every_page(doc: Pdf, form_for: Callable[[float, float], tuple[Pdf, pikepdf.Stream]],
                        prefix: str, artifact_open: bytes) -> list[Pdf]:
    """Draw a form over every page: one form XObject per page size (``form_for(width, height)``),
    drawn by a few bytes appended to each page's content (the page's own content is left as it
    is, wrapped in q/Q) as an artifact screen readers skip. Returns the forms' documents, which
    must stay open until ``doc`` is written."""
    forms: dict[tuple[float, float], pikepdf.Object] = {}
    stamps: list[Pdf] = []
    for page in doc.pages:
        width, height, matrix = _to_page_space(page)
        key = (round(width, 2), round(height, 2))
        if key not in forms:
            stamp, form = form_for(key[0], key[1])
            stamps.append(stamp)
            forms[key] = doc.copy_foreign(form)
        name = _xobject_name(page, forms[key], prefix)
        cm = " ".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in matrix).encode()
        page.contents_add(b"q\n", prepend=True)
        page.contents_add(b"Q\n" + artifact_open + cm + b" cm " + bytes(name.unparse()) + b" Do" + _ARTIFACT_CLOSE)
    return stamps

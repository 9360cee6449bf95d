"""A PDF's info dictionary, its catalog's ``/Lang`` and the XMP packet that agrees with them.

XMP.  :func:`set_metadata` and :func:`~dcity_docs.pdf.merge.merge_pdfs` write a fresh XMP packet
that agrees with the info dictionary (title, subject, author, keywords,
producer, creator tool, dates, language), keeping a PDF/A identification
(``pdfaid:part``/``conformance``) that the source had: PDF/A requires the two
to match, so a changed title must change both.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Name, Pdf, String

from dcity_docs.pdf.files import _open, _save

__all__ = ["set_metadata"]


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
    pdf = Path(pdf)
    doc = _open(pdf)
    _apply_metadata(doc, title=title, subject=subject, author=author, language=language, keywords=keywords,
                    fixed_date=fixed_date, pdfa=_pdfa_id(doc))
    _save(doc, pdf)

"""DOCX templates compiled once and rendered many times into byte-identical files.

docxtpl's tag clean-up (``patch_xml``) prepares each XML part once; Jinja compiles it once per
process (cache keyed by the template file's hash) and the finished parts are zipped directly with
fixed timestamps, so the same record always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError, meta
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from .errors import OutputError, TemplateProblem

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_PATCHER = DocxTemplate.__new__(DocxTemplate)  # patch_xml uses no instance state


def make_environment() -> SandboxedEnvironment:
    """Sandboxed, strict and escaping: data can never run as a template or break the XML."""
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)


def _prepare(xml: str) -> str:
    xml = _PATCHER.patch_xml(xml)
    # As docxtpl does: one paragraph a line, so that Jinja errors carry a useful line number.
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _finish(xml: str) -> str:
    return re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)


@dataclass
class _Part:
    name: str
    data: bytes | None  # unchanged bytes, or None when templated
    template: Any = None
    source: str = ""


class CompiledTemplate:
    """One .docx template, parsed and compiled; render() is safe to call from many threads."""

    def __init__(self, path: Path, digest: str, env: SandboxedEnvironment | None = None):
        self.path = path
        self.digest = digest
        self.env = env or make_environment()
        self.parts: list[_Part] = []
        self.variables: set[str] = set()
        try:
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    data = zf.read(info.filename)
                    if info.filename == "docProps/core.xml":
                        continue  # written from the context, so no clock time leaks in
                    if _TEMPLATED.match(info.filename):
                        source = _prepare(data.decode("utf-8"))
                        parsed = self.env.parse(source)
                        self.variables |= meta.find_undeclared_variables(parsed)
                        template = self.env.from_string(source)
                        self.parts.append(_Part(info.filename, None, template, source))
                    else:
                        self.parts.append(_Part(info.filename, data))
        except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
            raise TemplateProblem(f"{path}: not a usable .docx template ({exc})") from None
        except TemplateError as exc:
            raise TemplateProblem(f"{path}: template syntax error: {exc}") from None

    def render(self, context: dict[str, Any], properties: dict[str, str]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for part in self.parts:
                if part.template is None:
                    data = part.data or b""
                else:
                    data = self._render_part(part, context)
                _write(zf, part.name, data)
            _write(zf, "docProps/core.xml", core_properties_xml(properties))
        return buffer.getvalue()

    def _render_part(self, part: _Part, context: dict[str, Any]) -> bytes:
        try:
            xml = _finish(part.template.render(context))
        except UndefinedError as exc:
            raise TemplateProblem(f"{self.path} ({part.name}): undefined variable: {exc}") from None
        except (TemplateError, TypeError, AttributeError, ValueError) as exc:
            raise TemplateProblem(f"{self.path} ({part.name}): {type(exc).__name__}: {exc}") from None
        data = xml.encode("utf-8")
        try:
            etree.fromstring(data)
        except etree.XMLSyntaxError as exc:  # a template that produces broken Word XML
            raise TemplateProblem(f"{self.path} ({part.name}): rendered XML is invalid: {exc}") from None
        return data


def _write(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    zf.writestr(info, data)


def core_properties_xml(props: dict[str, str]) -> bytes:
    """docProps/core.xml from the record, never from the clock."""
    def tag(name: str, key: str, extra: str = "") -> str:
        value = props.get(key)
        return f"<{name}{extra}>{escape(value)}</{name}>" if value else ""

    created = props.get("created", "2000-01-01T00:00:00Z")
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + tag("dc:title", "title")
        + tag("dc:subject", "subject")
        + tag("dc:creator", "author")
        + tag("cp:keywords", "keywords")
        + tag("dc:description", "description")
        + tag("dc:language", "language")
        + tag("dc:identifier", "identifier")
        + f'<dcterms:created xsi:type="dcterms:W3CDTF">{escape(created)}</dcterms:created>'
        + f'<dcterms:modified xsi:type="dcterms:W3CDTF">{escape(created)}</dcterms:modified>'
        + "</cp:coreProperties>"
    )
    return xml.encode("utf-8")


_cache: dict[tuple[str, str], CompiledTemplate] = {}
_cache_lock = threading.Lock()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compiled(path: Path) -> CompiledTemplate:
    """The compiled template for ``path``; recompiled only when the file's content changes."""
    try:
        digest = file_digest(path)
    except OSError as exc:
        raise TemplateProblem(f"template {path} cannot be read: {exc.strerror}") from None
    key = (str(path.resolve()), digest)
    with _cache_lock:
        template = _cache.get(key)
    if template is None:
        template = CompiledTemplate(path, digest)
        with _cache_lock:
            _cache[key] = template
    return template


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, then rename: never a half-written file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write into {path.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None


def template_variables(paths: Iterable[Path]) -> dict[Path, set[str]]:
    """Top-level variables each template uses (for the test that they all exist in the context)."""
    return {p: compiled(p).variables for p in paths}

"""DOCX templates compiled once and rendered many times into byte-identical files.

docxtpl's tag clean-up (``patch_xml``) prepares each XML part once; Jinja compiles it once per
process (cache keyed by the template file's hash) and the finished parts are zipped directly with
fixed timestamps, so the same record always gives the same bytes.

The parts a template does not change (styles, theme, fonts: more than half of a document's bytes)
are deflated once, when the template is compiled; each render only deflates the parts it fills in
and writes the archive itself (:class:`_Member`), byte for byte as :mod:`zipfile` would with the
same settings (a test holds the two to the same bytes).
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError, meta, nodes
from jinja2.compiler import CodeGenerator
from jinja2.meta import TrackingCodeGenerator
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from dcity_docs.errors import TemplateProblem
from dcity_docs.layout.default_language import with_default_language
from dcity_docs.layout.limits import RenderLimits, can_limit, run_limited
from dcity_docs.resources import templates_dir

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_STYLES = "word/styles.xml"
_PATCHER = DocxTemplate.__new__(DocxTemplate)  # patch_xml uses no instance state


MAX_TEMPLATE_VALUE = 10_000_000
"""The longest text or list, and the largest number, a template's own arithmetic may make: a user's
template (``--templates``) must not be able to exhaust memory or time (``{{ 'a' * 10**10 }}``)."""


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox (no attributes starting with ``_``, no Python internals) that also bounds
    ``*`` and ``**``, which the plain sandbox leaves to the template."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if isinstance(right, (int, float)) and isinstance(left, (int, float)) and abs(right) > 64:
                raise SecurityError(f"{left!r} ** {right!r} is too large for a template")
        elif operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_TEMPLATE_VALUE:
                    raise SecurityError(f"a text or list of {len(seq) * n:,} items is too large for a template")
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, int) and not isinstance(result, bool) and abs(result) > 10 ** 64:
            raise SecurityError("a number this large is too large for a template")
        return result


class _NoFolding(CodeGenerator):
    """No expression is evaluated while compiling: Jinja's code generator folds constant output
    (``{{ '%999999999s'|format(1) }}``) at compile time, which for a user's template would run
    outside its render limits."""

    def _output_child_to_const(self, node: nodes.Expr, frame: Any, finalize: Any) -> str:
        if not isinstance(node, nodes.TemplateData):
            raise nodes.Impossible()
        return super()._output_child_to_const(node, frame, finalize)


class _RuntimeOnlyCodeGenerator(_NoFolding):
    """What compiles a user's template."""


class _RuntimeOnlyTracking(_NoFolding, TrackingCodeGenerator):
    """What finds a user's template's variables (as :func:`jinja2.meta.find_undeclared_variables`),
    without Jinja's optimiser (which folds constants too)."""

    def __init__(self, environment: SandboxedEnvironment) -> None:
        super().__init__(environment)
        self.optimizer = None


def _undeclared_variables(env: SandboxedEnvironment, parsed: nodes.Template) -> set[str]:
    if isinstance(env, _UserSandbox):
        tracking = _RuntimeOnlyTracking(env)
        tracking.visit(parsed)
        return set(tracking.undeclared_identifiers)
    return set(meta.find_undeclared_variables(parsed))


class _UserSandbox(_Sandbox):
    """The sandbox for a user's template: nothing of it is evaluated until it renders."""

    code_generator_class = _RuntimeOnlyCodeGenerator


def make_environment(*, user: bool = False) -> SandboxedEnvironment:
    """Sandboxed, strict and escaping: data can never run as a template or break the XML.
    ``user``: for a user's template, which is not optimised (Jinja's optimiser, like its code
    generator, evaluates constant expressions while compiling) so that all its work happens
    while it renders, under its limits."""
    sandbox = _UserSandbox if user else _Sandbox
    return sandbox(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True, optimized=not user)


def _prepare(xml: str) -> str:
    xml = _PATCHER.patch_xml(xml)
    # As docxtpl does: one paragraph a line, so that Jinja errors carry a useful line number.
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


_TEXT_RUN = re.compile(r"<w:t(?: [^>]*)?>([^<]*[\u2011\u00ad][^<]*)</w:t>")
_OPEN_T = '<w:t xml:space="preserve">'
_HYPHEN_ELEMENTS = (("\u2011", f"</w:t><w:noBreakHyphen/>{_OPEN_T}"), ("\u00ad", f"</w:t><w:softHyphen/>{_OPEN_T}"))


def _special_hyphens(xml: str) -> str:
    """A U+2011 in the text becomes Word's own ``<w:noBreakHyphen/>`` and a U+00AD (our
    hyphenation points, language.hyphenation) ``<w:softHyphen/>``, between two ``w:t``: Word and
    LibreOffice keep the line whole at the one and may break at the other, no ``w:t`` holds either
    character, and the PDF's text layer reads the plain word or id."""
    def split(match: re.Match[str]) -> str:
        text = match.group(1)
        for char, element in _HYPHEN_ELEMENTS:
            text = text.replace(char, element)
        return f"{_OPEN_T}{text}</w:t>".replace(f"{_OPEN_T}</w:t>", "")

    return _TEXT_RUN.sub(split, xml)


def _finish(xml: str) -> str:
    return _special_hyphens(re.sub(r"\n<w:p([ >])", r"<w:p\1", xml))


@dataclass
class _Part:
    name: str
    data: bytes | None  # unchanged bytes, or None when templated
    template: Any = None
    source: str = ""
    member: "_Member | None" = None  # the unchanged part, deflated once


# The zip records exactly as zipfile writes them for writestr(ZipInfo(name, ZIP_DATE), data) with
# ZIP_DEFLATED into a seekable file: no data descriptor, no extra field, version 2.0, Unix.
_LOCAL = struct.Struct(zipfile.structFileHeader)
_CENTRAL = struct.Struct(zipfile.structCentralDir)
_END = struct.Struct(zipfile.structEndArchive)
_VERSION = zipfile.DEFAULT_VERSION
_DOS_TIME = ZIP_DATE[3] << 11 | ZIP_DATE[4] << 5 | (ZIP_DATE[5] // 2)
_DOS_DATE = (ZIP_DATE[0] - 1980) << 9 | ZIP_DATE[1] << 5 | ZIP_DATE[2]
_EXTERNAL_ATTR = 0o644 << 16
_ZIP_LIMIT = (1 << 31) - 1  # beyond this zipfile would switch to ZIP64: never for a document


@dataclass(frozen=True)
class _Member:
    """One archive member, deflated: what both the local header and the central directory need."""

    name: bytes
    flags: int
    crc: int
    size: int
    deflated: bytes

    @classmethod
    def of(cls, name: str, data: bytes) -> "_Member":
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800  # zipfile's UTF-8 file name flag
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        deflated = compressor.compress(data) + compressor.flush()
        if len(data) * 1.05 > _ZIP_LIMIT or len(deflated) > _ZIP_LIMIT:
            raise TemplateProblem(f"part {name} is too large for a document ({len(data)} bytes)")
        return cls(encoded, flags, zlib.crc32(data), len(data), deflated)

    def local_header(self) -> bytes:
        return _LOCAL.pack(zipfile.stringFileHeader, _VERSION, 0, self.flags, zipfile.ZIP_DEFLATED,
                           _DOS_TIME, _DOS_DATE, self.crc, len(self.deflated), self.size,
                           len(self.name), 0) + self.name

    def central_record(self, offset: int) -> bytes:
        return _CENTRAL.pack(zipfile.stringCentralDir, _VERSION, 3, _VERSION, 0, self.flags,
                             zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, self.crc, len(self.deflated),
                             self.size, len(self.name), 0, 0, 0, 0, _EXTERNAL_ATTR, offset) + self.name


def zip_members(members: Iterable[_Member]) -> bytes:
    """The archive of ``members`` in order (local headers and data, central directory, end record)."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for member in members:
        header = member.local_header()
        chunks += (header, member.deflated)
        central.append(member.central_record(offset))
        offset += len(header) + len(member.deflated)
    directory = b"".join(central)
    end = _END.pack(zipfile.stringEndArchive, 0, 0, len(central), len(central), len(directory), offset, 0)
    return b"".join(chunks) + directory + end


class CompiledTemplate:
    """One .docx template, parsed and compiled; render() is safe to call from many threads."""

    def __init__(self, path: Path, digest: str, env: SandboxedEnvironment | None = None, *, limited: bool = False):
        self.path = path
        self.digest = digest
        self.limited = limited  # a user's template: its Jinja code runs under RenderLimits
        self.env = env or make_environment(user=limited)
        self.parts: list[_Part] = []
        self._styles: dict[str, tuple[bytes, _Member]] = {}  # the styles part with each default language, deflated
        self._styles_lock = threading.Lock()
        try:
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    data = zf.read(info.filename)
                    if info.filename == "docProps/core.xml":
                        continue  # written from the context, so no clock time leaks in
                    if _TEMPLATED.match(info.filename):
                        source = _prepare(data.decode("utf-8"))
                        template = self.env.from_string(self.env.parse(source))  # parsed once
                        self.parts.append(_Part(info.filename, None, template, source))
                    else:
                        self.parts.append(_Part(info.filename, data, member=_Member.of(info.filename, data)))
        except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
            raise TemplateProblem(f"{path}: not a usable .docx template ({exc})") from None
        except TemplateError as exc:
            raise TemplateProblem(f"{path}: template syntax error: {exc}") from None

    @functools.cached_property
    def variables(self) -> set[str]:
        """The names the template's parts use from the context (for checks, not for rendering:
        finding them costs as much as compiling, so only when asked)."""
        found: set[str] = set()
        for part in self.parts:
            if part.template is not None:
                found |= _undeclared_variables(self.env, self.env.parse(part.source))
        return found

    def render(self, context: dict[str, Any], properties: dict[str, str],
               edit: Callable[[str, bytes], bytes] | None = None) -> bytes:
        """The finished .docx: the filled-in parts deflated now, the unchanged ones as compiled.
        ``edit(name, xml)``: a change to each filled-in part before it is zipped (the redlines'
        revision marks)."""
        filled = self._filled_parts(context)
        if edit is not None:
            filled = {name: edit(name, data) for name, data in filled.items()}
        language = properties.get("language")
        members = [self._fixed(part, language)[1] if part.template is None
                   else _Member.of(part.name, filled[part.name]) for part in self.parts]
        members.append(_Member.of("docProps/core.xml", core_properties_xml(properties)))
        return zip_members(members)

    def finished_parts(self, context: dict[str, Any], properties: dict[str, str]) -> list[tuple[str, bytes]]:
        """Every part's final bytes, in archive order (for :func:`zip_parts` and the benchmarks)."""
        filled = self._filled_parts(context)
        language = properties.get("language")
        parts = [(p.name, self._fixed(p, language)[0] if p.template is None else filled[p.name])
                 for p in self.parts]
        return [(name, data or b"") for name, data in parts] + [
            ("docProps/core.xml", core_properties_xml(properties))
        ]

    def _fixed(self, part: _Part, language: str | None) -> tuple[bytes, _Member]:
        """A part the template does not fill in, as bytes and deflated: as compiled, except the
        styles part, which gets ``language`` (the document's, from its properties) as the default
        language of its text (:mod:`default_language`), made once per language."""
        assert part.data is not None and part.member is not None
        if part.name != _STYLES or not language:
            return part.data, part.member
        with self._styles_lock:
            styled = self._styles.get(language)
        if styled is None:
            try:
                data = with_default_language(part.data, language)
            except (etree.XMLSyntaxError, ValueError) as exc:
                raise TemplateProblem(f"{self.path} ({part.name}): refused: {exc}") from None
            styled = (data, _Member.of(part.name, data))
            with self._styles_lock:
                self._styles[language] = styled
        return styled

    def _filled_parts(self, context: dict[str, Any]) -> dict[str, bytes]:
        """Each templated part filled in: a user's template in a child process under its
        :class:`~dcity_docs.layout.limits.RenderLimits`, a bundled one here."""
        templated = [part for part in self.parts if part.template is not None]
        if not self.limited or not can_limit():
            return {part.name: self._render_part(part, context) for part in templated}
        steps = [(part.name, functools.partial(self._render_part, part, context)) for part in templated]
        return run_limited(f"template {self.path}", steps, RenderLimits.from_settings())

    def _render_part(self, part: _Part, context: dict[str, Any]) -> bytes:
        try:
            xml = _finish(part.template.render(context))
        except MemoryError:
            raise  # the render limits report it
        except UndefinedError as exc:
            raise TemplateProblem(f"{self.path} ({part.name}): undefined variable: {exc}") from None
        except SecurityError as exc:
            raise TemplateProblem(f"{self.path} ({part.name}): refused: the template reaches for Python "
                                  f"internals or unbounded work ({exc})") from None
        except Exception as exc:  # noqa: BLE001 - whatever a template's own code raises is its problem
            raise TemplateProblem(f"{self.path} ({part.name}): {type(exc).__name__}: {exc}") from None
        data = xml.encode("utf-8")
        if not self.limited:
            # A bundled template escapes every value (and records admit no control character),
            # and the test suite reads every bundled template's output back: parsing each part
            # again would cost a fifth of a render. A user's template is checked every time.
            return data
        try:
            etree.fromstring(data)
        except etree.XMLSyntaxError as exc:  # a template that produces broken Word XML
            raise TemplateProblem(f"{self.path} ({part.name}): rendered XML is invalid: {exc}") from None
        return data


def _write(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = _EXTERNAL_ATTR
    info.create_system = 3
    zf.writestr(info, data)


def zip_parts(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """The same archive through :mod:`zipfile`, every part deflated now: the reference that
    :meth:`CompiledTemplate.render` must equal byte for byte, and the benchmarks' zip floor."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts:
            _write(zf, name, data)
    return buffer.getvalue()


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


def _is_bundled(path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(templates_dir().resolve())
    except OSError:
        return False


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
        template = CompiledTemplate(path, digest, limited=not _is_bundled(path))
        with _cache_lock:
            _cache[key] = template
    return template

"""The user's own Word templates (``--templates DIR``): which bundled one each replaces, and a
check that it is a sound Word document before anything is rendered with it."""

from __future__ import annotations

from pathlib import Path

from dcity_docs.errors import InputError, TemplateProblem
from dcity_docs.layout.template_parts import check_template_parts
from dcity_docs.resources import templates_dir

MAX_TEMPLATE_BYTES = 50_000_000
"""The most a user's template may unpack to; the bundled ones are well under a megabyte."""


def bundled_template_names() -> list[str]:
    """``agreements/....docx`` names a user's templates folder may override."""
    root = templates_dir()
    return sorted(p.relative_to(root).as_posix() for p in (root / "agreements").glob("*.docx"))


def template_file(name: str, templates: Path | None = None) -> Path:
    """The template ``name`` (``agreements/memorandum.docx``): the user's copy in ``templates`` if
    there is one (checked: a sound .docx of sensible size), else the bundled one."""
    if templates is not None:
        user = Path(templates) / name
        if user.is_file():
            check_template_file(user)
            return user
    return templates_dir() / name


_checked_templates: dict[tuple[str, int, int], None] = {}


def check_template_file(path: Path) -> None:
    """A user's template must be a whole .docx (zip) archive with word/document.xml, unpacking to
    at most :data:`MAX_TEMPLATE_BYTES`, holding only what an ordinary document holds
    (:func:`~dcity_docs.layout.template_parts.check_template_parts`); raises :class:`TemplateProblem` saying what is wrong."""
    import zipfile
    import zlib

    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateProblem(f"template {path} cannot be read: {exc.strerror}") from None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key in _checked_templates:
        return
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            size = sum(i.file_size for i in infos)
            if size > MAX_TEMPLATE_BYTES:
                raise TemplateProblem(f"template {path} unpacks to {size:,} bytes; a template may be at most "
                                      f"{MAX_TEMPLATE_BYTES:,}")
            if "word/document.xml" not in {i.filename for i in infos}:
                raise TemplateProblem(f"template {path} is not a Word document (no word/document.xml in it)")
            bad = zf.testzip()
            if bad is not None:
                raise TemplateProblem(f"template {path} is damaged ({bad} fails its checksum)")
            check_template_parts(zf, path)
    except TemplateProblem:
        raise
    except zipfile.BadZipFile:
        raise TemplateProblem(f"template {path} is not a .docx file (not a zip archive)") from None
    except (RuntimeError, NotImplementedError, zlib.error, EOFError, OSError, ValueError) as exc:
        raise TemplateProblem(f"template {path} cannot be read as a .docx file: {exc}") from None
    _checked_templates[key] = None


def check_templates_dir(folder: Path) -> list[Path]:
    """Check a ``--templates`` folder: ``agreements/*.docx`` named like bundled templates, each a
    sound .docx. Returns the templates it overrides; raises :class:`InputError` (a typo in a name
    would otherwise silently fall back to the bundled template) or :class:`TemplateProblem`."""
    folder = Path(folder)
    agreements = folder / "agreements"
    found = sorted(agreements.glob("*.docx")) if agreements.is_dir() else []
    known = bundled_template_names()
    if not found:
        raise InputError(f"{folder}: no templates in it; put Word templates in {agreements}/ named as the "
                         f"bundled ones: {', '.join(Path(n).name for n in known)}")
    unknown = [p for p in found if f"agreements/{p.name}" not in known]
    if unknown:
        raise InputError(f"{', '.join(str(p) for p in unknown)}: not the name of a template dcity-docs uses; "
                         f"the names are: {', '.join(Path(n).name for n in known)}")
    for path in found:
        check_template_file(path)
    return found

"""The translators' workflow on the gettext catalogs, built on Babel's own API.

extract: sources → ``locales/messages.pot``; update: .pot → ``{uk,en}/LC_MESSAGES/messages.po``
(changed source text is marked fuzzy for review); compile: .po → .mo; check and stats report.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .catalogs import DOMAIN
from .models import LANGS
from .rendering import write_atomic

PROJECT = "dcity-docs"
KEYWORDS = {"T": ((1, "c"), 2)}
COMMENT_TAGS = ("TRANSLATORS:",)
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
"""Catalog headers carry this date, not the clock, so regenerating the .pot changes nothing."""


def source_root() -> Path:
    return Path(__file__).resolve().parent


def extract(source: Path | None = None) -> Catalog:
    """Every message the documents use, with its context and translator comments."""
    root = source or source_root()
    catalog = Catalog(
        project=PROJECT,
        version="",
        domain=DOMAIN,
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        msgid_bugs_address="",
        copyright_holder="dcity-docs contributors",
        charset="utf-8",
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        rel = Path("dcity_docs") / filename
        catalog.add(message, None, [(rel.as_posix(), lineno)], auto_comments=comments, context=context)
    return catalog


def catalog_bytes(catalog: Catalog, *, omit_header: bool = False) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=96, sort_output=False, omit_header=omit_header,
             include_previous=True, ignore_obsolete=True)
    return buffer.getvalue()


def pot_path(locales: Path) -> Path:
    return locales / f"{DOMAIN}.pot"


def po_path(locales: Path, lang: str) -> Path:
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def write_template(locales: Path, source: Path | None = None) -> Path:
    path = pot_path(locales)
    write_atomic(path, catalog_bytes(extract(source)))
    return path


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale, domain=DOMAIN)


def update(locales: Path) -> dict[str, int]:
    """Merge the .pot into each .po; returns the number of fuzzy entries per language."""
    template = read_catalog(pot_path(locales))
    result: dict[str, int] = {}
    for lang in LANGS:
        path = po_path(locales, lang)
        if path.exists():
            catalog = read_catalog(path, lang)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project=PROJECT, version="",
                              creation_date=FIXED_DATE, revision_date=FIXED_DATE, fuzzy=False,
                              copyright_holder="dcity-docs contributors")
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        catalog.revision_date = FIXED_DATE
        catalog.creation_date = FIXED_DATE
        catalog.fuzzy = False
        write_atomic(path, catalog_bytes(catalog))
        result[lang] = sum(1 for m in catalog if m.id and m.fuzzy)
    return result


def compile_catalogs(locales: Path) -> list[Path]:
    written = []
    for lang in LANGS:
        catalog = read_catalog(po_path(locales, lang), lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        out = po_path(locales, lang).with_suffix(".mo")
        write_atomic(out, buffer.getvalue())
        written.append(out)
    return written

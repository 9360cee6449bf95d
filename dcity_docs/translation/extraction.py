"""Extraction: every message the documents use, from the sources, with its context and the
translator comments that say which document and clause it belongs to and what each placeholder
holds. The settings are those of ``babel.cfg`` at the repository root (a test keeps them in step).
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path
from typing import Iterable

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, check_and_call_extract_file
from babel.messages.frontend import parse_keywords

from dcity_docs.documents import registry
from dcity_docs.wording.catalogs import DOMAIN, PLACEHOLDER

PROJECT = "dcity-docs"
PACKAGE = "dcity_docs"

# --- extraction settings: keep in step with babel.cfg (tests/test_i18n.py compares them) --------
METHOD_MAP: list[tuple[str, str]] = [(f"{PACKAGE}/**.py", "python")]
"""Patterns relative to the repository root, as in ``babel.cfg``."""
KEYWORD_SPECS: tuple[str, ...] = ("T:1c,2",)
"""``w.T(context, source_text, ...)``: the one call through which every text reaches a document."""
COMMENT_TAGS: tuple[str, ...] = ("TRANSLATORS:",)
KEYWORDS = {**DEFAULT_KEYWORDS, **parse_keywords(KEYWORD_SPECS)}
"""As pybabel uses them: Babel's default keywords plus ours (``-k`` adds, it does not replace)."""

FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
"""Catalog headers carry this date, not the clock, so regenerating the .pot changes nothing."""
WIDTH = 96
BRACE_FLAG = "python-brace-format"
"""Set on every message with a placeholder, so msgfmt and Poedit/Lokalize check placeholders."""

# --- what translators are told about each message ----------------------------------------------
OTHER_GROUPS: dict[str, str] = {
    "report": "reports of a batch (the batch report and the portfolio register)",
    "redline": "the change summary of a redline (what changed between two versions of a venture's documents)",
}
"""Context prefixes of wording that is not a document of the registry (the batch's reports)."""
DOCUMENTS: dict[str, str] = {
    **{entry.context: entry.translator_name for entry in registry.ENTRIES},
    **OTHER_GROUPS,
}
"""Context prefixes (``document|clause``) → the document's name in the translator comment."""
DOCUMENT_ALIASES: dict[str, str] = {alias: entry.context for entry in registry.ENTRIES for alias in entry.aliases}
SHARED = "shared"
"""A context without ``|`` (``party``, ``disputes``) is wording shared by all documents."""
GROUPS: tuple[str, ...] = (*DOCUMENTS, SHARED)
"""The documents ``stats`` reports, in this order."""

PLACEHOLDERS: dict[str, str] = {
    "address": "a postal address, exactly as in the record",
    "annex_no": "the annex's number, e.g. 1",
    "arbitrators": "the number of arbitrators in figures and words, e.g. “3 (three) arbitrators”; "
    "in Ukrainian already in the genitive («3 (трьох) арбітрів»)",
    "authority": "the document the signatory acts under; in Ukrainian already in the genitive",
    "bic": "a bank's BIC (SWIFT code), exactly as in the record",
    "capacity": "how many people the shelter holds, in figures and words, e.g. “50 (fifty) "
    "persons”; in Ukrainian already in the accusative",
    "capital": "the charter capital, an amount of money already formatted with its currency",
    "clause": "the number of the clause referred to, e.g. 3.1",
    "codename": "the site's codename, already in quotation marks",
    "company_number": "a company's number in its register, exactly as in the record (01234567)",
    "confidentiality": "the number of the confidentiality section, e.g. 4",
    "copy": "the number of this copy of the document, e.g. 1",
    "count": "a number in figures, e.g. 12 (how many records, packs or ventures)",
    "copies": "the number of copies in figures and words, e.g. “3 (three) copies”; in Ukrainian "
    "already in the locative («у 3 (трьох) примірниках»)",
    "countries": "a list of countries, already joined (“Denmark and Norway”); in Ukrainian "
    "already in the genitive",
    "country": "a country's name, already in the Ukrainian case the clause needs",
    "date": "a date, already formatted",
    "days": "a number of days in figures and words, e.g. “20 (twenty) days”; in Ukrainian "
    "already in the genitive",
    "discount": "a percentage in figures and words, e.g. “20 (twenty) per cent”",
    "escalation": "a number of days in figures and words; in Ukrainian already in the accusative",
    "events": "a list of default events, already joined (context “shareholders-agreement|default”)",
    "matters": "a list of reserved matters, already joined (context “shareholders-agreement|matter”)",
    "mediation": "a number of days in figures and words; in Ukrainian already in the accusative",
    "meetings": "a number of meetings in figures and words, e.g. “2 (two)”; in Ukrainian the "
    "numeral already in the genitive («2 (двох)»)",
    "members": "a number of persons in figures and words, e.g. “3 (three) persons”; in Ukrainian "
    "already in the case the clause needs",
    "place": "the place of signing, exactly as the programme file or the record gives it, e.g. "
    "«м. Київ» / “Kyiv”",
    "percent": "a percentage in figures and words, e.g. “75 (seventy-five) per cent”",
    "disputes": "the number of the disputes section, e.g. 12",
    "hours": "a number of hours in figures and words, e.g. “24 (twenty-four) hours”; in "
    "Ukrainian already in the genitive",
    "iban": "a bank account number (IBAN), printed in groups of four",
    "id": "the venture record's identifier, e.g. DC-2026-014",
    "in_region": "where the site is, preposition included, e.g. “in the Zhytomyr region” "
    "(context “annex|region”)",
    "instrument": "the document referring to itself, e.g. “this Memorandum” (translated under "
    "the document's “instrument” context)",
    "items": "the items of a list except the last, already separated by commas",
    "jobs": "a number of jobs in figures and words, e.g. “250 (two hundred and fifty) jobs”",
    "label": "the name of a registration number, e.g. “EDRPOU code” (context “registration”)",
    "language": "the name of a language, e.g. “English” (context “language”)",
    "law": "the governing law, e.g. “the laws of Ukraine” (context “law”)",
    "last": "the last item of a list",
    "marking": "the classification marking, e.g. “FOR OFFICIAL USE ONLY” (context "
    "“annex|marking”)",
    "ministry": "the ministry's name",
    "months": "a number of months in figures and words, e.g. “6 (six) months”; in Ukrainian "
    "already in the case the clause needs",
    "n": "a number, e.g. 1 in “Shareholder 1”",
    "name": "the name of a person or company; a person's name is already in the Ukrainian "
    "case the clause needs",
    "number": "a number or code exactly as in the record (a registration, agreement or power "
    "of attorney number)",
    "period": "a period in figures and words, e.g. “30 (thirty) calendar days”; in Ukrainian "
    "already in the case the clause needs (the genitive after «протягом»)",
    "placement": "where production is placed, e.g. “in Ukraine” (context “placement”)",
    "position": "the signatory's position; in Ukrainian already in the genitive",
    "incorporated_in": "a company's place of incorporation as the record gives it: in English as it "
    "reads after “incorporated in” (England and Wales), in Ukrainian already in the genitive",
    "products": "a list of product lines, already joined (context “product”)",
    "regime": "an export control regime (a law or regulation), as translated under its own "
    "context; in Ukrainian already in the genitive",
    "region": "a region of Ukraine or a city, already in the Ukrainian locative",
    "registered_in": "the country of registration; in Ukrainian already in the genitive",
    "representation": "“represented by …”, as translated under the “party” context",
    "seat": "the seat: for arbitration a city and its country, already joined (context "
    "“seat”: «м. Відень, Австрія»); for the courts of Ukraine a city",
    "city": "a city, as the record gives it (without «м.»)",
    "email": "an e-mail address, exactly as in the record",
    "final": "the number of the section with the final provisions, e.g. 7",
    "institution": "the arbitral institution that appoints arbitrators, in the nominative "
    "(context “institution”)",
    "measure": "a protection measure, after “the cost of” (context “annex|measures|cost”); in "
    "Ukrainian already in the accusative, after «витрати на»",
    "reference": "a reference to another section, by number or by name (context "
    "“jv-agreement|term”); in Ukrainian already in the instrumental",
    "what": "what is returned, e.g. “the premises and the Site” (context “jv-agreement|term”); in "
    "Ukrainian already in the accusative",
    "section": "the number of the section referred to, e.g. 5",
    "share": "a shareholder's share as a percentage, e.g. “51%”",
    "shareholders": "the shareholders' defined terms, already joined, e.g. “Shareholder 1 and "
    "Shareholder 2”",
    "shares": "a list of shareholders with their shares, e.g. “Polissia Armoury LLC – 51% and "
    "Nordic Defence AS – 49%”",
    "stage": "the stage the documents are at, e.g. “under negotiation” (context “cover|stage”)",
    "term": "a defined term, e.g. “Shareholder 1” (context “party”)",
    "title": "a document's title as the cover lists it, e.g. “Annex No. 1: Site Protection”",
    "venture": "the venture's name",
    "amount": "an amount of money in figures and words, already formatted with its currency",
    "cap": "a percentage in figures and words, e.g. “50 (fifty) per cent”; in Ukrainian already in the genitive",
    "cap_clause": "the number of the clause with the liability cap, e.g. 14.1",
    "capital_name": "what the venture's capital is called (context “jv-agreement|liability”); in Ukrainian already in the genitive",
    "duration": "how long the licence runs, as translated under the “jv-agreement|licence” context",
    "export": "the number of the export control section, e.g. 7",
    "kinds": "the kinds of a contribution, already joined (context “contribution”)",
    "loss_clause": "the number of the clause excluding indirect loss, e.g. 14.2",
    "territory": "where the licence may be used, as translated under the “jv-agreement|licence” context",
    "training": "a number of working days in figures and words; in Ukrainian already in the genitive",
    "years": "a number of years in figures and words, e.g. “5 (five) years”; in Ukrainian already in the case the clause needs",
}
"""Every placeholder's meaning, for the translator comments; a test fails on a missing one."""
PLACEHOLDERS_IN_CONTEXT: dict[tuple[str, str], str] = {
    ("jv-agreement|force-majeure", "place"): "where an event happens, e.g. “on or near the Site”",
    ("redline|summary", "no"): "the number of a clause or section, e.g. 5.3 or 5",
    ("redline|summary", "section_no"): "the number of the section, e.g. 5",
    ("redline|summary", "section_heading"): "the section's heading as the document gives it",
    ("redline|summary", "where"): "where the change is: «Clause 5.3 (section 5 “…”)», already translated",
    ("redline|summary", "text"): "the first words of the clause, in the language of the document",
    ("redline|summary", "old"): "the old value (a file name, a stage or a clause number)",
    ("redline|summary", "new"): "the new value (a file name or a stage)",
    ("redline|summary", "changes"): "each change as «old → new», separated by semicolons",
    ("redline|summary", "row"): "the first cells of a table row, or the party of a signature block",
    ("memorandum|nature", "law"): "the number of the governing-law section, e.g. 6",
    ("jv-agreement|term", "law"): "the number of the governing-law section, e.g. 11",
    ("jv-agreement|term", "events"): "the termination events, each “(a) …;”, already joined",
    ("jv-agreement|term", "term"): "the agreement's term in figures and words, e.g. “10 (ten) "
    "years”; in Ukrainian already in the accusative",
    ("jv-agreement|conditions", "establishment"): "the number of the section on the establishment "
    "of the venture, e.g. 3",
    ("jv-agreement|conditions", "capital"): "the number of the section on the capital and "
    "contributions, e.g. 5",
    ("jv-agreement|conditions", "by_law"): "the item letters of the conditions the law imposes, "
    "already joined, e.g. “(a) and (b)” («а) і б)»)",
    ("jv-agreement|conditions", "waivable"): "the item letters of the conditions the Shareholders "
    "may waive, already joined, e.g. “(c), (d) and (e)” («в), г) і ґ)»)",
}
"""Where a placeholder means something else in one context."""


def source_root() -> Path:
    """The package folder (``dcity_docs``), whose modules hold the source texts."""
    return Path(__file__).resolve().parent.parent


def document_of(context: str | None) -> str:
    """The document a message belongs to, by its context prefix (``shared`` when none)."""
    if not context or "|" not in context:
        return SHARED
    prefix = context.split("|", 1)[0]
    return DOCUMENT_ALIASES.get(prefix, prefix)


def describe_context(context: str | None) -> str:
    """``jv-agreement|capital`` → ``Document: joint-venture agreement; clause: capital.``"""
    if not context:
        return "Document: unknown (this message has no context)."
    if "|" not in context:
        return f"Document: all documents (shared wording); clause: {context}."
    prefix, clause = context.split("|", 1)
    name = DOCUMENTS.get(DOCUMENT_ALIASES.get(prefix, prefix), prefix)
    return f"Document: {name}; clause: {clause.replace('|', ', ')}."


def describe_placeholder(context: str | None, name: str) -> str | None:
    return PLACEHOLDERS_IN_CONTEXT.get((context or "", name)) or PLACEHOLDERS.get(name)


_FORMATTER = string.Formatter()


def _fields(text: str) -> list[str]:
    """The raw placeholders of a text (``{x}``, ``{x.y}``, ``{0}``, ``{x!r}``); raises ValueError."""
    out = []
    for _literal, field, spec, conversion in _FORMATTER.parse(text):
        if field is None:
            continue
        out.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return out


def _plain(raw: str) -> str | None:
    """The name of a plain placeholder ``{name}``, None for anything else."""
    match = re.fullmatch(r"\{(" + PLACEHOLDER + r")\}", raw)
    return match.group(1) if match else None


def _names(text: str) -> list[str]:
    try:
        return [n for n in (_plain(f) for f in _fields(text)) if n]
    except ValueError:
        return []


def translator_comments(context: str | None, msgid: str, explicit: Iterable[str] = ()) -> list[str]:
    """The ``#.`` lines of one message: document and clause, each placeholder, the source's note."""
    lines = [describe_context(context)]
    for name in dict.fromkeys(_names(msgid)):
        lines.append(f"{{{name}}}: {describe_placeholder(context, name) or 'NOT DESCRIBED YET'}.")
    return lines + [c for c in explicit if c.strip()]


def extract(source: Path | None = None) -> Catalog:
    """Every message the documents use, with its context and translator comments."""
    root = Path(source) if source else source_root()
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
    # babel.cfg's patterns are relative to the repository root; here we walk the package itself
    # (or a copy of it, wherever it is) and name files as they are named from the root.
    method_map = [(_inside_package(pattern), method) for pattern, method in METHOD_MAP]
    found = (
        message
        for path in source_files(root)
        for message in check_and_call_extract_file(
            path.as_posix(),
            method_map,
            {},
            None,
            KEYWORDS,
            COMMENT_TAGS,
            True,
            dirpath=str(root),
        )
    )
    for filename, lineno, message, comments, context in found:
        rel = Path(PACKAGE) / filename
        msgid = message if isinstance(message, str) else message[0]
        flags = [BRACE_FLAG] if _has_placeholder(msgid) else []
        catalog.add(message, None, [(rel.as_posix(), lineno)],
                    auto_comments=translator_comments(context, msgid, comments),
                    flags=flags, context=context)
    return catalog


def source_files(root: Path) -> list[Path]:
    """Every file under ``root``, in the order its messages go into the .pot (pybabel's walk finds
    the same files, ignoring folders whose names begin with ``.`` or ``_``).

    A folder's entries by name, a sub-package where its name falls among the modules (``jv_agreement/``
    between ``cover.py`` and ``memorandum.py``); inside a package, first the modules its
    ``__init__.py`` imports, in the order it imports them (the order the document reads in), then
    ``__init__.py`` itself, which puts them together, then the others by name. So a module split
    into a package of the same name keeps every message where it stood in the catalogs: the
    catalogs' text goes into each pack's inputs hash (``output.packs.catalog_sha256``), and moving
    code must not change it.
    """
    return list(_walk(Path(root)))


def _walk(folder: Path) -> Iterable[Path]:
    entries = sorted((e for e in folder.iterdir() if e.is_file() or not e.name.startswith((".", "_"))),
                     key=lambda e: (e.stem if e.is_file() else e.name, e.name))
    init = folder / "__init__.py"
    first = [folder / f"{name}.py" for name in _imported_modules(init, folder)] if init.is_file() else []
    first = [p for p in dict.fromkeys(first) if p.is_file()]
    rest = [e for e in entries if e not in first and e != init]
    for entry in [*first, *([init] if init.is_file() else []), *rest]:
        if entry.is_dir():
            yield from _walk(entry)
        else:
            yield entry


def _imported_modules(init: Path, folder: Path) -> list[str]:
    """The names of ``folder``'s own modules that its ``__init__.py`` imports, in order."""
    try:
        tree = ast.parse(init.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, OSError):
        return []
    names: list[str] = []
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom):
            continue
        parts = node.module.split(".") if node.module else []
        if node.level == 1:  # from . import a, b / from .a import x
            names += [parts[0]] if parts else [alias.name for alias in node.names]
        elif node.level == 0 and folder.name in parts:  # from pkg.folder import a / from pkg.folder.a import x
            after = parts[len(parts) - parts[::-1].index(folder.name):]
            names += [after[0]] if after else [alias.name for alias in node.names]
    return names


def _inside_package(pattern: str) -> str:
    prefix = f"{PACKAGE}/"
    return pattern[len(prefix):] if pattern.startswith(prefix) else pattern


def _has_placeholder(text: str) -> bool:
    try:
        return bool(_fields(text))
    except ValueError:
        return False


def _short(text: str | None, limit: int = 60) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def extraction_warnings(catalog: Catalog) -> list[str]:
    """What a developer must fix in the source: no context, an unknown document, a placeholder
    that is not a plain name or has no description in :data:`PLACEHOLDERS`."""
    out = []
    for m in catalog:
        if not m.id:
            continue
        msgid = m.id if isinstance(m.id, str) else m.id[0]
        where = ":".join(str(x) for x in m.locations[0]) if m.locations else "?"
        label = f'{where}: [{m.context or ""}] "{_short(msgid)}"'
        if not m.context:
            out.append(f"{label}: no context; use w.T(\"document|clause\", ...)")
        elif "|" in m.context and document_of(m.context) not in DOCUMENTS:
            out.append(f"{label}: unknown document {document_of(m.context)!r}; add its entry to documents/registry.py")
        try:
            raws = _fields(msgid)
        except ValueError as exc:
            out.append(f"{label}: malformed placeholder ({exc})")
            continue
        for raw in raws:
            name = _plain(raw)
            if name is None:
                out.append(f"{label}: placeholder {raw} is not a plain name like {{venture}}")
            elif describe_placeholder(m.context, name) is None:
                out.append(f"{label}: placeholder {{{name}}} is not described in i18n.PLACEHOLDERS")
    return out

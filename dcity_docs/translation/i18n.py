"""The translators' workflow on the gettext catalogs, built on Babel's own API.

extract: sources → ``locales/messages.pot``; update: .pot → ``{uk,en}/LC_MESSAGES/messages.po``
(changed source text is marked fuzzy for review); compile: .po → .mo; check and stats report.

Every message gets translator comments at extraction: the document and clause (from its
``msgctxt``), one line per placeholder (from :data:`PLACEHOLDERS`) and any ``# TRANSLATORS:``
comment in the source. The extraction settings are those of ``babel.cfg`` at the repository root,
so ``pybabel extract -F babel.cfg -k T:1c,2 -c TRANSLATORS: -s -o /tmp/x.pot .`` finds the same
messages (a test keeps the two in step). Library functions return data; the CLI prints.
"""

from __future__ import annotations

import bisect
import io
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel.messages import checkers
from babel.messages.catalog import Catalog, Message, TranslationError
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, normalize, read_po, unescape, write_po

from dcity_docs.wording.catalogs import DOMAIN
from dcity_docs.errors import InputError, TemplateProblem
from dcity_docs.language.langs import LANGS
from dcity_docs.files import write_atomic

from dcity_docs.translation.extraction import _short, FIXED_DATE, GROUPS, PROJECT, WIDTH, _fields, _plain, document_of, extract


def catalog_bytes(catalog: Catalog, *, omit_header: bool = False) -> bytes:
    """The file's bytes: fixed width, source order, previous msgids of fuzzy entries kept
    (``#|``), obsolete entries dropped.

    Babel guesses ``python-format`` from a ``%`` in the text ("51% of the votes"); the wording
    never uses %-formatting, so the guess is dropped rather than have msgfmt reject a translation.
    Babel wraps a long previous msgid as prose (``#| agreement."``), which no PO tool can read
    back, so the ``#|`` lines are written here in proper PO string syntax instead.
    """
    for message in catalog:
        message.flags.discard("python-format")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_output=False, omit_header=omit_header,
             include_previous=False, ignore_obsolete=True)
    data = buffer.getvalue()
    messages = [m for m in catalog if m.id]
    if not any(m.fuzzy and m.previous_id for m in messages):
        return data
    charset = catalog.charset or "utf-8"
    blocks = data.decode(charset).split("\n\n")
    first = 0 if omit_header else 1
    if blocks[-1] != "" or len(blocks) - 1 - first != len(messages):  # pragma: no cover
        raise TemplateProblem("unexpected layout from babel's write_po; cannot add #| lines")
    for block_no, message in enumerate(messages, start=first):
        if message.fuzzy and message.previous_id:
            lines = blocks[block_no].split("\n")
            at = next(i for i, line in enumerate(lines) if line.startswith(("msgctxt ", "msgid ")))
            previous = f"#| msgid {normalize(message.previous_id[0], prefix='#| ', width=WIDTH)}"
            blocks[block_no] = "\n".join(lines[:at] + previous.split("\n") + lines[at:])
    return "\n\n".join(blocks).encode(charset)


_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def _restore_previous(catalog: Catalog) -> Catalog:
    """Babel reads ``#| msgid`` lines as translator comments ("| msgid ..."); make them the
    message's previous msgid again, so that update and check can show what the source used to be."""
    for message in [*catalog, *catalog.obsolete.values()]:
        piped = [c for c in message.user_comments if c.startswith("|")]
        if not piped:
            continue
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        text = " ".join(c[1:].strip() for c in piped)
        if text.startswith("msgid ") and not message.previous_id:
            text = text.split(" msgid_plural ", 1)[0][len("msgid "):]
            pieces = _QUOTED.findall(text)
            if not pieces and text.startswith('"'):  # a line cut by Babel's own writer
                pieces = [text if text.endswith('"') else text + '"']
            message.previous_id = ["".join(unescape(p) for p in pieces)]
    return catalog


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
        return _restore_previous(read_po(fh, locale=locale, domain=DOMAIN))


def _require(path: Path, hint: str) -> None:
    if not path.is_file():
        raise InputError(f"{path} is missing; {hint}")


def update(locales: Path) -> dict[str, int]:
    """Merge the .pot into each .po; returns the number of fuzzy entries per language.

    Changed source text is matched to its old entry and marked fuzzy with the old msgid kept
    (``#|``) for review. Obsolete entries are dropped, not kept as ``#~``: git keeps the history
    and a changed text already carries its old translation over as a fuzzy entry. Babel forgets
    the ``#|`` line when it merges an entry that is still fuzzy; it is restored here, so running
    update twice never loses what the translator has to compare against.
    """
    _require(pot_path(locales), "run 'dcity-docs i18n extract' first")
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
        previous = {(m.id, m.context): m.previous_id for m in catalog if m.id and m.fuzzy and m.previous_id}
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        for message in catalog:
            key = (message.id, message.context)
            if message.fuzzy and not message.previous_id and key in previous:
                message.previous_id = previous[key]
        catalog.revision_date = FIXED_DATE
        catalog.creation_date = FIXED_DATE
        catalog.fuzzy = False
        write_atomic(path, catalog_bytes(catalog))
        result[lang] = sum(1 for m in catalog if m.id and m.fuzzy)
    return result


def compile_catalogs(locales: Path) -> list[Path]:
    """.po → .mo beside it (fuzzy entries left out); the .mo files are build output, not committed."""
    written = []
    for lang in LANGS:
        _require(po_path(locales, lang), "run 'dcity-docs i18n update' first")
        catalog = read_catalog(po_path(locales, lang), lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        out = po_path(locales, lang).with_suffix(".mo")
        write_atomic(out, buffer.getvalue())
        written.append(out)
    return written


# --- check -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogProblem:
    """One problem, printed as ``FILE:LINE: [context] "msgid…": problem``."""

    file: str
    line: int
    problem: str
    context: str | None = None
    msgid: str | None = None

    def __str__(self) -> str:
        what = f' [{self.context or ""}] "{_short(self.msgid)}":' if self.msgid is not None else ""
        return f"{self.file}:{self.line}:{what} {self.problem}"



def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
_TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def placeholder_problems(source: str, translation: str) -> list[str]:
    """Placeholders must be the source's plain ``{name}``s, as many times each, nothing else."""
    try:
        wanted = _fields(source)
    except ValueError as exc:
        return [f"the source text has a malformed placeholder ({exc}); a developer must fix it"]
    try:
        found = _fields(translation)
    except ValueError as exc:
        return [f"malformed placeholder ({exc}); write placeholders exactly as in the source, "
                "e.g. {venture}"]
    problems = [f"placeholder {raw} is not a plain name; copy placeholders from the source unchanged"
                for raw in dict.fromkeys(found) if _plain(raw) is None]
    problems += [f"the source text has placeholder {raw}, which is not a plain name; a developer "
                 "must fix it" for raw in dict.fromkeys(wanted) if _plain(raw) is None]
    have = Counter(n for n in map(_plain, found) if n)
    need = Counter(n for n in map(_plain, wanted) if n)
    if have != need:
        problems.append(f"placeholders differ: the source has {_listing(need)}, "
                        f"the translation has {_listing(have)}")
    return problems


def markup_problems(source: str, translation: str) -> list[str]:
    """Tags must match the source's; template syntax never belongs in a translation."""
    problems = []
    tags_src, tags_tr = Counter(_TAG.findall(source)), Counter(_TAG.findall(translation))
    if tags_src != tags_tr:
        problems.append(f"markup differs: the source has {_listing(tags_src, braces=False)}, "
                        f"the translation has {_listing(tags_tr, braces=False)}")
    extra = Counter(_TEMPLATE_SYNTAX.findall(translation)) - Counter(_TEMPLATE_SYNTAX.findall(source))
    if extra:
        problems.append(f"template syntax {' '.join(sorted(extra))} in the translation; a translation "
                        "is plain text with {name} placeholders only")
    return problems


def _listing(counts: Counter[str], braces: bool = True) -> str:
    if not counts:
        return "none"
    items = []
    for item, n in sorted(counts.items()):
        shown = f"{{{item}}}" if braces else item
        items.append(shown if n == 1 else f"{shown} ×{n}")
    return ", ".join(items)


def _read_checked(path: Path, locale: str | None, problems: list[CatalogProblem]) -> Catalog | None:
    try:
        with path.open("rb") as fh:
            return _restore_previous(read_po(fh, locale=locale, domain=DOMAIN, abort_invalid=True))
    except PoFileError as exc:
        problems.append(CatalogProblem(_shown(path), getattr(exc, "lineno", 0) or 1,
                                       f"cannot be read: {exc}"))
    except Exception as exc:  # babel raises various errors on a broken file
        problems.append(CatalogProblem(_shown(path), 1, f"cannot be read: {exc}"))
    return None


TOOL_HEADERS = frozenset({"generated-by", "pot-creation-date", "po-revision-date", "x-generator"})
"""Headers a tool writes for itself: another Babel release or a clock changes them, not the text."""


def _content(catalog: Catalog) -> tuple[object, ...]:
    """What a catalog says, as the translators and the source see it: its headers less those a
    tool writes for itself, and each message's context, text, translation, translator comments,
    flags and references. Line wrapping and the tool's own headers are left out, so that the
    check holds on any Babel release; a changed message, comment, flag or reference still counts."""
    headers = tuple(sorted((key.lower(), " ".join(str(value).split()))
                           for key, value in catalog.mime_headers
                           if key.lower() not in TOOL_HEADERS))
    messages = tuple(sorted(
        (message.context or "", repr(message.id), repr(message.string or ""), _comments(message),
         tuple(sorted(_flags(message))), tuple((str(f), int(n or 0)) for f, n in message.locations))
        for message in catalog if message.id))
    return headers, messages


def _comments(message: Message) -> str:
    """The translator comments as text: a file wraps long ones over several ``#.`` lines."""
    return " ".join(" ".join(message.auto_comments).split())


def _flags(message: Message) -> set[str]:
    """Flags that matter when comparing catalogs (not Babel's guess, not the review state)."""
    return set(message.flags) - {"python-format", "fuzzy"}


def _problem(path: Path, message: Message, text: str) -> CatalogProblem:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return CatalogProblem(_shown(path), message.lineno or 1, text, message.context or "", msgid)


def _string(message: Message) -> str:
    return message.string[0] if isinstance(message.string, (list, tuple)) else (message.string or "")


def _message_problems(path: Path, lang: str, catalog: Catalog) -> list[CatalogProblem]:
    problems = []
    if catalog.fuzzy:
        problems.append(CatalogProblem(_shown(path), 1, "the header entry is marked fuzzy; clear "
                                       "its fuzzy flag"))
    for message in catalog:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        text = _string(message)
        if message.fuzzy:
            was = (f' (its translation was carried over from "{_short(message.previous_id[0])}")'
                   if message.previous_id else "")
            problems.append(_problem(path, message, f"marked fuzzy{was}; review the translation "
                                     "against the source, then clear the fuzzy flag"))
        if not text:
            if lang == "uk":
                problems.append(_problem(path, message, "not translated"))
            continue
        for text_problem in placeholder_problems(source, text) + markup_problems(source, text):
            problems.append(_problem(path, message, text_problem))
    for message in catalog.obsolete.values():
        problems.append(_problem(path, message, "obsolete entry (#~) left in the file; delete it "
                                 "('dcity-docs i18n update' drops obsolete entries)"))
    return problems


def _sync_problems(pot: Path, template: Catalog, path: Path, catalog: Catalog) -> list[CatalogProblem]:
    """A .po is up to date when it has exactly the .pot's messages with the .pot's comments."""
    problems = []
    rel = f"{path.parent.parent.name}/{path.parent.name}/{path.name}"
    for message in template:
        if not message.id:
            continue
        mine = catalog.get(message.id, context=message.context)
        if mine is None:
            problems.append(_problem(pot, message, f"missing from {rel}, which is out of date with "
                                     "the .pot; run 'dcity-docs i18n update'"))
        elif _comments(mine) != _comments(message) or not _flags(message) <= _flags(mine):
            problems.append(_problem(path, mine, "translator comments or flags differ from the .pot; "
                                     "run 'dcity-docs i18n update'"))
    for message in catalog:
        if message.id and template.get(message.id, context=message.context) is None:
            problems.append(_problem(path, message, "not in the .pot any more (its source text "
                                     "changed or was removed); run 'dcity-docs i18n update'"))
    return problems


def _stale_problems(pot: Path, template: Catalog, source: Path | None) -> list[CatalogProblem]:
    """The committed .pot must be exactly what extraction gives now."""
    fresh = extract(source)
    if catalog_bytes(fresh) == pot.read_bytes() or _content(fresh) == _content(template):
        return []
    hint = "run 'dcity-docs i18n extract' then 'dcity-docs i18n update'"
    problems = []
    commented: list[Message] = []
    moved = 0
    for message in fresh:
        if not message.id:
            continue
        old = template.get(message.id, context=message.context)
        if old is None:
            file, line = message.locations[0] if message.locations else (_shown(pot), 1)
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            problems.append(CatalogProblem(str(file), int(line or 1), f"in the source but not in "
                                           f"{_shown(pot)}, which is out of date; {hint}",
                                           message.context or "", msgid))
        elif _comments(old) != _comments(message) or _flags(old) != _flags(message):
            commented.append(old)
        elif old.locations != message.locations:
            moved += 1
    for message in template:
        if message.id and fresh.get(message.id, context=message.context) is None:
            problems.append(_problem(pot, message, f"no longer in the source; the .pot is out of "
                                     f"date; {hint}"))
    if commented:  # one line, not one per message: a changed description touches many
        more = f" (and {len(commented) - 1} more message(s))" if len(commented) > 1 else ""
        problems.append(_problem(pot, commented[0], f"translator comments or flags changed in the "
                                 f"source{more}; the .pot is out of date; {hint}"))
    if moved or not problems:
        detail = f"{moved} message(s) moved in the source" if moved else "the source changed"
        problems.append(CatalogProblem(_shown(pot), 1, f"out of date with a fresh extraction "
                                       f"({detail}); {hint}"))
    return problems


def _msgfmt_problems(path: Path, catalog: Catalog | None, msgfmt: str) -> list[CatalogProblem]:
    """GNU msgfmt's own verdict (--check: format, header, domain); its warnings are not failures."""
    env = {**os.environ, "LC_ALL": "C", "LANGUAGE": "C"}
    run = subprocess.run([msgfmt, "--check", "-o", os.devnull, str(path)], capture_output=True,
                         text=True, env=env, check=False)
    if run.returncode == 0:
        return []
    entries = sorted(((m.lineno, m) for m in _all_messages(catalog)), key=lambda x: x[0])
    lines = [n for n, _m in entries]
    problems = []
    for raw in (run.stderr + run.stdout).splitlines():
        match = re.match(r"^(.*?):(\d+): (.*)$", raw)
        if not match:
            if raw.strip() and not re.match(r"^\S*msgfmt: found \d+ fatal errors?", raw):
                problems.append(CatalogProblem(_shown(path), 1, f"msgfmt: {raw.strip()}"))
            continue
        line, text = int(match.group(2)), match.group(3)
        if text.startswith("warning:"):
            continue
        at = bisect.bisect_right(lines, line) - 1
        if at >= 0 and entries[at][1].id:
            found = _problem(path, entries[at][1], f"msgfmt: {text}")
            problems.append(CatalogProblem(found.file, line, found.problem, found.context, found.msgid))
        else:
            problems.append(CatalogProblem(_shown(path), line, f"msgfmt: {text}"))
    if not problems:
        problems.append(CatalogProblem(_shown(path), 1, f"msgfmt --check failed: "
                                       f"{(run.stderr or run.stdout).strip()}"))
    return problems


def _all_messages(catalog: Catalog | None) -> list[Message]:
    if catalog is None:
        return []
    return [m for m in catalog if m.lineno] + [m for m in catalog.obsolete.values() if m.lineno]


def _babel_problems(path: Path, catalog: Catalog | None) -> list[CatalogProblem]:
    """Without msgfmt: Babel's checkers. Its python_format checker is skipped on purpose: Babel
    flags any ``%`` as %-formatting, which the wording never uses (placeholders are checked above)."""
    if catalog is None:
        return []
    problems = []
    for message in catalog:
        if not message.id:
            continue
        for checker in (checkers.num_plurals,):
            try:
                checker(catalog, message)
            except TranslationError as exc:
                problems.append(_problem(path, message, f"babel: {exc}"))
    return problems


def msgfmt_program() -> str | None:
    return shutil.which("msgfmt")


def check(locales: Path, source: Path | None = None, *,
          use_msgfmt: bool | None = None) -> list[CatalogProblem]:
    """Everything that must hold before the catalogs are committed; an empty list means all is well.

    ``use_msgfmt``: None runs GNU msgfmt when it is on PATH (else Babel's checkers); False never.
    """
    if not locales.is_dir():
        raise InputError(f"{locales} is not a folder of catalogs")
    msgfmt = msgfmt_program() if use_msgfmt is not False else None
    if use_msgfmt and msgfmt is None:
        raise InputError("msgfmt (GNU gettext) is not on PATH")
    problems: list[CatalogProblem] = []
    pot = pot_path(locales)
    template: Catalog | None = None
    if not pot.is_file():
        problems.append(CatalogProblem(_shown(pot), 1, "missing; run 'dcity-docs i18n extract'"))
    else:
        template = _read_checked(pot, None, problems)
        if template is not None:
            problems += _stale_problems(pot, template, source)
        problems += _msgfmt_problems(pot, template, msgfmt) if msgfmt else []
    for lang in LANGS:
        path = po_path(locales, lang)
        if not path.is_file():
            problems.append(CatalogProblem(_shown(path), 1, "missing; run 'dcity-docs i18n update'"))
            continue
        catalog = _read_checked(path, lang, problems)
        if catalog is not None:
            problems += _message_problems(path, lang, catalog)
            if template is not None:
                problems += _sync_problems(pot, template, path, catalog)
        problems += _msgfmt_problems(path, catalog, msgfmt) if msgfmt else _babel_problems(path, catalog)
    return problems


# --- stats -------------------------------------------------------------------------------------


@dataclass
class Coverage:
    """Counts of one locale's messages in one document."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float | None:
        return 100.0 * self.translated / self.total if self.total else None


def stats(locales: Path) -> dict[str, dict[str, Coverage]]:
    """Coverage per locale and per document (by context prefix), plus ``all``."""
    result: dict[str, dict[str, Coverage]] = {}
    for lang in LANGS:
        path = po_path(locales, lang)
        _require(path, "run 'dcity-docs i18n update' first")
        try:
            catalog = read_catalog(path, lang)
        except Exception as exc:
            raise TemplateProblem(f"catalog {path} cannot be read: {exc}") from None
        per: dict[str, Coverage] = {group: Coverage() for group in GROUPS}
        for message in catalog:
            if not message.id:
                continue
            counts = per.setdefault(document_of(message.context), Coverage())
            if message.fuzzy:
                counts.fuzzy += 1
            elif _string(message):
                counts.translated += 1
            else:
                counts.untranslated += 1
        per["all"] = Coverage(sum(c.translated for c in per.values()), sum(c.fuzzy for c in per.values()),
                              sum(c.untranslated for c in per.values()))
        result[lang] = per
    return result

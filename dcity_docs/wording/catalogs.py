"""The wording of every document, looked up in the gettext catalogs under ``locales/``.

Message ids are the English source text with a context (``msgctxt``) naming the document and
clause; the Ukrainian catalog translates them, the English catalog may refine them. Placeholders
are plain names (``{venture}``): a catalog string can never reach attributes, call code or run
template syntax, whatever a translator types.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping, Union

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from dcity_docs.errors import TemplateProblem
from dcity_docs.language.hyphenation import term_stems
from dcity_docs.language.langs import LANGS, Lang
from dcity_docs.language.typography import join_bilingual
from dcity_docs.record.models import BiText
from dcity_docs.resources import locales_dir

DOMAIN = "messages"
PLACEHOLDER = r"[a-z_][a-z0-9_]*"


@dataclass(frozen=True)
class Bi:
    """A finished text in both languages (what reaches a document).

    ``source`` names the catalog message it was made from (``context``, EOT, ``msgid``; empty for
    a record's own text): what the text *is*, whatever its values, so that two drafts of one
    document can be matched clause by clause. It takes no part in comparing texts.
    """

    uk: str
    en: str
    source: str = dataclasses.field(default="", compare=False, repr=False)

    def __getitem__(self, lang: str) -> str:
        if lang == "uk":
            return self.uk
        if lang == "en":
            return self.en
        raise KeyError(lang)

    @classmethod
    def of(cls, text: "BiText | Bi") -> "Bi":
        return cls(text.uk, text.en)

    def joined(self) -> str:
        """Both texts as one line for a title or a property («uk / en»; once where they are equal)."""
        return join_bilingual(self.uk, self.en)

    def map(self, func: Callable[[str, Lang], str]) -> "Bi":
        """The same message retouched in each language (it keeps its ``source``)."""
        return Bi(func(self.uk, "uk"), func(self.en, "en"), self.source)


def source_of(context: str, msgid: str) -> str:
    """A catalog message's identity, as gettext joins context and id (``context``, EOT, ``msgid``)."""
    return f"{context}\x04{msgid}"


Value = Union[str, int, Bi, BiText, Callable[[Lang], str]]


def _value(value: Value, lang: Lang) -> str:
    if isinstance(value, (Bi, BiText)):
        return value[lang]
    if callable(value):
        return value(lang)
    return str(value)


_FORMATTER = string.Formatter()


def placeholders(text: str) -> list[str]:
    """Names of the placeholders in a catalog string; raises on anything but plain names."""
    return list(_placeholders(text))


_PLACEHOLDER_RE = re.compile(PLACEHOLDER)


@lru_cache(maxsize=4096)
def _placeholders(text: str) -> tuple[str, ...]:
    """Parsed once per distinct text: the same few hundred strings come back for every document."""
    names: list[str] = []
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError as exc:
        raise TemplateProblem(f"malformed placeholder in {text!r}: {exc}") from None
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not _PLACEHOLDER_RE.fullmatch(field) or spec or conversion:
            raise TemplateProblem(
                f"placeholder {{{field}{'!' + conversion if conversion else ''}"
                f"{':' + spec if spec else ''}}} in {text!r} is not a plain name like {{venture}}"
            )
        names.append(field)
    return tuple(names)


Segments = tuple[tuple[str, "str | None"], ...]


def _segments(text: str) -> Segments:
    """``text`` as (literal, placeholder name or None) pairs, for :func:`_fill_segments`."""
    return tuple((literal, field) for literal, field, _spec, _conv in _FORMATTER.parse(text))


def _fill_segments(segments: Segments, values: Mapping[str, str]) -> str:
    out: list[str] = []
    for literal, field in segments:
        out.append(literal)
        if field is not None:
            out.append(values[field])
    return "".join(out)


#: Where the Ukrainian wording defines a term: «(далі – «Підприємство»)», «(далі кожен окремо –
#: «Учасник»)», ««Ліцензіар» означає …».
_DEFINITION_RE = re.compile(r"далі[^«„{]{0,25}[«„]([^»“{]+)[»“]|[«„]([А-ЩЬЮЯҐЄІЇ][^»“{]*)[»“] (?:означа|–|—)")


class Catalogs:
    """The uk and en catalogs of one locales folder, read once."""

    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else locales_dir()
        self._catalogs: dict[str, Catalog] = {lang: self._read(lang) for lang in LANGS}
        # (context, msgid) -> its placeholders and each language's parsed text, once checked: a
        # document asks for the same few hundred messages every time it is drafted.
        self._checked: dict[tuple[str, str], tuple[frozenset[str], dict[str, Segments]]] = {}

    def _read(self, lang: str) -> Catalog:
        path = self.root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        try:
            with path.open("rb") as fh:
                return read_po(fh, locale=lang, domain=DOMAIN)
        except FileNotFoundError:
            raise TemplateProblem(f"catalog {path} is missing") from None
        except Exception as exc:  # babel raises various errors on a broken .po
            raise TemplateProblem(f"catalog {path} cannot be read: {exc}") from None

    @functools.cached_property
    def term_stems(self) -> frozenset[str]:
        """The stems of the Ukrainian defined terms, as the wording defines them («(далі –
        «Підприємство»)», «„Ліцензіар“ означає»): their capitalised forms may be hyphenated
        (:func:`~dcity_docs.language.hyphenation.term_stems`). From the catalog, so a term a
        translator adds or renames is known without a list to keep."""
        found: set[str] = set()
        for message in self._catalogs["uk"]:
            text = message.string if isinstance(message.string, str) else ""
            if message.id and text and not message.fuzzy:
                found.update(a or b for a, b in _DEFINITION_RE.findall(text))
        return term_stems(found)

    def lookup(self, lang: Lang, context: str, msgid: str) -> str:
        """The text for one language; a Ukrainian text must exist and be reviewed (not fuzzy)."""
        message = self._catalogs[lang].get(msgid, context=context)
        translated = message.string if message is not None else ""
        if isinstance(translated, tuple):  # plural forms are not used in the wording
            translated = translated[0]
        fuzzy = message is not None and message.fuzzy
        if lang == "en":
            # The English catalog only refines the source text; a stale refinement is not used.
            return translated if translated and not fuzzy else msgid
        if not translated:
            raise TemplateProblem(
                f"no Ukrainian translation for [{context}] {msgid!r}; "
                "run 'dcity-docs i18n update' and translate it"
            )
        if fuzzy:
            raise TemplateProblem(
                f"the Ukrainian translation of [{context}] {msgid!r} is marked fuzzy; "
                "review it and clear the fuzzy flag"
            )
        return translated

    def text(self, context: str, msgid: str, **values: Value) -> Bi:
        """Both languages of one message, placeholders filled per language."""
        checked = self._checked.get((context, msgid))
        expected = checked[0] if checked is not None else frozenset(placeholders(msgid))
        if expected != values.keys():
            raise TemplateProblem(
                f"[{context}] {msgid!r} takes {sorted(expected)}, was given {sorted(values)}"
            )
        if checked is None:
            checked = self._check(context, msgid)
        segments = checked[1]
        out = {
            lang: _fill_segments(segments[lang], {k: _value(v, lang) for k, v in values.items()})
            for lang in LANGS
        }
        return Bi(out["uk"], out["en"], source_of(context, msgid))

    def _check(self, context: str, msgid: str) -> tuple[frozenset[str], dict[str, Segments]]:
        """Look a message up in both catalogs and check its placeholders (raises on any problem)."""
        expected = frozenset(placeholders(msgid))
        segments: dict[str, Segments] = {}
        for lang in LANGS:
            template = self.lookup(lang, context, msgid)
            found = set(placeholders(template))
            if found != expected:
                raise TemplateProblem(
                    f"the {lang} text of [{context}] {msgid!r} has placeholders {sorted(found)}, "
                    f"the source has {sorted(expected)}"
                )
            segments[lang] = _segments(template)
        checked = (expected, segments)
        self._checked[(context, msgid)] = checked
        return checked


@lru_cache(maxsize=8)
def catalogs_for(root: str | None = None) -> Catalogs:
    return Catalogs(Path(root) if root else None)


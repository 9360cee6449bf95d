"""Hyphenation points of our own: soft hyphens (U+00AD) where a careful typesetter allows a break.

The templates turn automatic hyphenation off, so a line breaks inside a word only at a soft
hyphen put here: the same points in Word and LibreOffice on every machine, whichever hyphenation
dictionaries it has. Conservative by design: a line that does not break is acceptable, a wrong
break is not.

* Ukrainian, by the rules on перенос of «Український правопис» (2019, § 63): a part left or
  carried has at least two letters and a vowel; ь, the apostrophe and й (after a vowel) stay with
  the letter before them, йо and ьо are not split; дж and дз are never split, nor is the group
  they stand in (the orthography splits them after a prefix, «над-звичайний», and not in «хо-джу»:
  the two cannot be told apart safely without morphology); doubled
  consonants split between them («значен-ня», never «значе-ння»); a consonant-final prefix keeps
  its letters («під-приємство», never «пі-дприємство»).
* English (British): the en_GB patterns that :mod:`pyphen` bundles, two letters left, four
  carried, words of seven letters or more.
* A capitalised Ukrainian word breaks only when it is a form of one of the documents' defined
  terms («Підприємство», «Підприємством», «Учасників»: :func:`term_stems`, which the catalogs
  give), never a name: a defined term that never breaks leaves loose lines in a narrow column.
* How many of those points are written depends on the column (``narrow``): a bilingual
  document's half-page columns get every point; a full-width line needs far fewer to stay tight,
  and each soft hyphen costs LibreOffice time to lay out, so a word there gets at most two, near
  its thirds (one near its middle when it is shorter than twelve letters), and only a word of
  seven letters or more. Measured on the fixtures' JV agreements: the single-language documents
  convert about a fifth faster with as few loose lines (17 against 16 of 2,770).
* Never, in either language: any other word with a capital letter (names, abbreviations),
  anything with a digit, a hyphen, a dot, a slash or another sign inside, and a word that a
  no-break space joins to its neighbour (a date, a number, «ТОВ «…»»).

pyphen is imported on first use and every word's points are cached, so commands that do not
render pay nothing and a batch pays once per word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from dcity_docs.language.langs import Lang

SOFT_HYPHEN = "\u00ad"
"""A break allowed inside a word (Word's ``w:softHyphen``, which the rendering writes for it)."""

_UK_VOWELS = frozenset("аеєиіїоуюя")
_UK_LETTERS = frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
_APOSTROPHES = frozenset("’'ʼ")
_SONORANTS = frozenset("рлмнвй")
_UK_MIN_LETTERS = 5

#: Consonant groups that begin a syllable (a stop or fricative before р, л or в, с or з before
#: a stop or a nasal): a break may come before them («при-значення», «шести-гранний»). Any other
#: group breaks before the longest such group at its end («невід-кладно», «книж-ка»), a single
#: consonant counting as one; a first consonant with ь or a sonorant (р, л, м, н, в, й) stays.
_ONSETS = frozenset(
    "бр бл вр вл гр гл ґр ґл др кр кл пр пл тр фр фл хр хл зр зл ср сл "
    "дв тв кв хв св зв шв жв гв цв чв "
    "сп ст ск сх шк шп шт зб зг зд зн зм сн см "
    "стр спр скр скл спл ств збр здр згр".split()
)
#: Consonant-final prefixes (longest first): a break never falls inside one, and a group of
#: consonants across the prefix's end breaks at that end.
_PREFIXES = ("понад", "перед", "серед", "транс", "пред", "роз", "без", "від", "під", "над", "між", "екс", "суб",
             "об", "із")


def _units(word: str) -> list[str]:
    """The word as letters, each with the ь or apostrophe that follows it."""
    units: list[str] = []
    for ch in word:
        if units and (ch == "ь" or ch in _APOSTROPHES):
            units[-1] += ch
        else:
            units.append(ch)
    return units


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch not in _APOSTROPHES)


def _part_ok(text: str) -> bool:
    """A part left on the line or carried: two letters at least and a vowel."""
    return _letters(text) >= 2 and any(ch in _UK_VOWELS for ch in text)


def _cluster_break(cluster: list[str]) -> int | None:
    """Where a group of consonants between two vowels breaks: the number of its units that stay
    on the line, or None where no break is safe."""
    letters = "".join(u[0] for u in cluster)
    if "дж" in letters or "дз" in letters:
        return None
    if cluster[-1][-1] in _APOSTROPHES:
        return len(cluster)  # бур’-ян: the apostrophe stays with the letter before it
    if len(cluster) == 1:
        return 0  # ко-ло; the letter carried keeps its ь (сльо-за, низь-ко is a group)
    for i in range(len(cluster) - 1):
        if cluster[i][0] == cluster[i + 1][0]:
            return i + 1  # знан-ня: between the doubled letters
    first = cluster[0]
    if first.endswith("ь"):
        return 1  # кіль-кість, низь-ко
    # the longest syllable onset at the group's end is carried; a sonorant first always stays
    # (Хар-ків, бай-ка, кон-троль, компетент-ними), a group that is an onset goes whole (се-стра)
    start = 1 if first[0] in _SONORANTS else 0
    return next(i for i in range(start, len(cluster)) if i == len(cluster) - 1 or letters[i:] in _ONSETS)


@functools.lru_cache(maxsize=65536)
def _uk_points(word: str) -> tuple[int, ...]:
    """The positions (character offsets) where a lower-case Ukrainian word may break."""
    units = _units(word)
    nuclei = [i for i, u in enumerate(units) if u[0] in _UK_VOWELS]
    offsets = [0]
    for u in units:
        offsets.append(offsets[-1] + len(u))
    prefix = next((p for p in _PREFIXES if word.startswith(p) and len(word) > len(p) + 2), "")
    before_vowel = bool(prefix) and (word[len(prefix)] in _UK_VOWELS or word[len(prefix)] in _APOSTROPHES)
    points: list[int] = []
    for a, b in zip(nuclei, nuclei[1:]):
        cluster = units[a + 1:b]
        if not cluster:
            continue  # two vowels together: no break
        if prefix and not before_vowel and offsets[a + 1] < len(prefix) < offsets[b]:
            # під-приємство: a group across the prefix's end breaks there (but «під-живляти» would
            # split a дж, which the house never does)
            if word[len(prefix) - 1:len(prefix) + 1] not in ("дж", "дз"):
                points.append(len(prefix))
            continue
        keep = _cluster_break(cluster)
        if keep is not None:
            points.append(offsets[a + 1 + keep])
    if prefix:
        # роз-орати, never ро-зорати: nothing of the prefix after its last vowel is carried (пе-редбачений
        # but not пере-дбачений), nor, before a vowel, is the prefix left with that vowel (розо-рати)
        apostrophe = word[len(prefix)] in _APOSTROPHES  # роз’-єднання: the break after the apostrophe
        last_vowel = max(i for i, ch in enumerate(prefix) if ch in _UK_VOWELS)
        end = len(prefix) + (1 if apostrophe else 2 if before_vowel else 0)
        points = [p for p in points if p <= last_vowel and not before_vowel or p >= end]
    elif word[0] == "з" and word[1] in _UK_VOWELS:
        points = [p for p in points if p > 2]  # зо-бов’язання: the prefix з before a vowel
    return tuple(sorted(p for p in points if _part_ok(word[:p]) and _part_ok(word[p:])))


@functools.lru_cache(maxsize=1)
def _en_dictionary() -> Any:
    import pyphen  # on first use: commands that do not render never load it

    # four letters carried at least: the en_GB patterns also allow "appoin-ted", "reques-ted",
    # "certific-ate", which a careful typesetter does not
    return pyphen.Pyphen(lang="en_GB", left=2, right=4)


_EN_MIN_LETTERS = 7


@functools.lru_cache(maxsize=65536)
def _en_points(word: str) -> tuple[int, ...]:
    return tuple(_en_dictionary().positions(word))


#: What follows a term's stem in its inflected forms (and in the adjective of a two-word term):
#: «Підприємств-ом», «Учасник-ів», «Корпоративн-ого». Only these, so that a surname that merely
#: begins like a term («Сторон-юк») is never taken for one.
_UK_ENDINGS = frozenset(
    "| а я у ю о е є і и ї й ом ем єм ою ею єю ів їв ей ам ям ами ями ах ях ові еві єві "
    "ий ій ого ому ім им ими их ої".split(" ")
) | {""}


def term_stems(terms: "frozenset[str] | set[str] | list[str]") -> frozenset[str]:
    """The stems of defined terms (their first words): «Сторона» → «сторон», «Корпоративний» →
    «корпоративн». A word shorter than six letters gives none (it would not break anyway)."""
    stems = set()
    for term in terms:
        word = term.split()[0] if term.split() else ""
        if len(word) < 6 or not all(ch.lower() in _UK_LETTERS or ch in _APOSTROPHES for ch in word):
            continue
        lower = word.lower()
        if lower.endswith(("ий", "ій")):
            lower = lower[:-2]  # an adjective: корпоративн-ий
        elif lower[-1] in "аеєиіїоуюяйь":
            lower = lower[:-1]  # сторон-а, продукці-я
        stems.add(lower)
    return frozenset(stems)


def _is_term(word: str, stems: frozenset[str]) -> bool:
    lower = word.lower()
    return any(lower.startswith(stem) and lower[len(stem):] in _UK_ENDINGS for stem in stems)


@dataclass(frozen=True)
class Exceptions:
    """What one document adds to the rules: ``terms``, the :func:`term_stems` of the Ukrainian
    defined terms, whose capitalised forms may break; ``names``, the words (lower case) of the
    parties' names, which never break anywhere in it («Міністерство оборони України», «з
    обмеженою відповідальністю» of a company's name)."""

    terms: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()


NO_EXCEPTIONS = Exceptions()


def points(word: str, lang: Lang, rules: Exceptions = NO_EXCEPTIONS) -> tuple[int, ...]:
    """Where ``word`` (one word, no punctuation) may break, as character offsets: none for a word
    we never hyphenate (capitals, digits, signs, short words, a word of a name in ``rules``)."""
    if word.lower() in rules.names:
        return ()
    if lang == "uk":
        if word[:1].isupper() and word[1:].islower() and _is_term(word, rules.terms):
            word = word.lower()  # a defined term: a word of the language, not a name
        if len(word) < _UK_MIN_LETTERS or not all(ch in _UK_LETTERS or ch in _APOSTROPHES for ch in word):
            return ()
        return _uk_points(word)
    if len(word) < _EN_MIN_LETTERS or not word.isascii() or not word.isalpha() or not word.islower():
        return ()
    return _en_points(word)


_WIDE_MIN_LETTERS = 7
_WIDE_TWO_POINTS = 12


def chosen(word: str, at: tuple[int, ...], narrow: bool = True) -> tuple[int, ...]:
    """Which of a word's allowed points ``at`` are written: all of them in a ``narrow`` column; in
    a full-width one, the one nearest the middle, or for a word of twelve letters or more the
    ones nearest its thirds (a subset, so every break is still an allowed one)."""
    if narrow or not at:
        return at
    n = len(word)
    if n < _WIDE_MIN_LETTERS:
        return ()
    if n < _WIDE_TWO_POINTS:
        return (min(at, key=lambda p: (abs(2 * p - n), p)),)
    third, two_thirds = (min(at, key=lambda p: (abs(3 * p - k * n), p)) for k in (1, 2))
    return tuple(sorted({third, two_thirds}))


def hyphenated(word: str, lang: Lang, rules: Exceptions = NO_EXCEPTIONS, narrow: bool = True) -> str:
    """``word`` with a soft hyphen at each of its :func:`points` that :func:`chosen` keeps."""
    at = chosen(word, points(word, lang, rules), narrow)
    if not at:
        return word
    pieces = [word[i:j] for i, j in zip((0, *at), (*at, len(word)))]
    return SOFT_HYPHEN.join(pieces)


# What stands around a word that is not part of it (quotes, brackets, punctuation) is kept as it
# is; a no-break space or any other sign inside keeps the whole token unbroken.
_EDGES_RE = re.compile(r"^([(\[«„“”\"‘]*)(.*?)([)\]»“”\"’,.;:!?…]*)$", re.DOTALL)


@functools.lru_cache(maxsize=65536)
def _token(token: str, lang: Lang, rules: Exceptions, narrow: bool) -> str:
    """One token between plain spaces, hyphenated (cached: a document repeats its words)."""
    edges = _EDGES_RE.match(token)
    if edges is None:
        return token
    lead, core, tail = edges.groups()
    if not core:
        return token
    return f"{lead}{hyphenated(core, lang, rules, narrow)}{tail}"


@functools.lru_cache(maxsize=4096)
def hyphenate(text: str, lang: Lang, rules: Exceptions = NO_EXCEPTIONS, narrow: bool = True) -> str:
    """Running text of one language with soft hyphens at the allowed points of its words: for
    the body of a document (clauses and paragraphs), never headings, titles, tables or signatures.
    ``narrow``: the text stands in a bilingual document's column (every point) rather than across
    the page (:func:`chosen`). Cached twice: whole, for the same record's other documents and
    languages, and without the names, which differ from record to record, so that the same
    clause in every record of a batch is hyphenated once (a word of a name is then put back
    whole)."""
    if SOFT_HYPHEN in text:
        return text  # already done (or a text that chose its own points)
    done = _hyphenate(text, lang, rules.terms, narrow)
    if not rules.names or done == text or not _names_re(rules.names).search(text):
        return done
    return " ".join([token if _core(token).lower() in rules.names else marked
                     for token, marked in zip(text.split(" "), done.split(" "))])


@functools.lru_cache(maxsize=8192)
def _hyphenate(text: str, lang: Lang, terms: frozenset[str], narrow: bool) -> str:
    rules = Exceptions(terms)
    return " ".join([_token(token, lang, rules, narrow) for token in text.split(" ")])


def _core(token: str) -> str:
    edges = _EDGES_RE.match(token)
    return edges.group(2) if edges else token


@functools.lru_cache(maxsize=256)
def _names_re(names: frozenset[str]) -> re.Pattern[str]:
    """Finds any word of ``names`` standing alone in a text (a quick test before the words)."""
    words = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])", re.IGNORECASE)

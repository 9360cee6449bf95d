"""Ukrainian names, positions and authorities in the forms a legal preamble needs.

«… в особі Міністра оборони України Умєрова Рустема Енверовича, що діє на підставі Положення
про Міністерство оборони України …»: the position, the name and the authority stand in the
genitive. Names are declined with shevchenko (rules for Ukrainian and foreign names); positions,
authorities and place names with pymorphy3 and its Ukrainian dictionary (VESUM), declining the
head of the phrase only.

Known limitations (the record's ``name_genitive``, ``position_genitive`` and
``authority_genitive`` override any result):

* The gender of a foreign name (one without a patronymic) is looked up by its Latin form in a
  names dictionary, by country (:mod:`given_names`), then in shevchenko's list of given names;
  where neither knows it, or it is both a man's and a woman's name, :func:`genitive_name` raises
  ``ValueError`` rather than guess. Pass ``gender`` where it is known.
* A two-word name without a patronymic is read given name first (Сьорен Єнсен); pass
  ``order="family_first"`` for «Прізвище Ім’я».
* Positions and authorities decline only up to and including their first noun («Заступник
  Міністра оборони України» → «Заступника Міністра оборони України»). A position beginning with
  an abbreviation («Т.в.о. директора») is left as it is.
* Shevchenko 0.8.0's own appointment inflection declines the complement too («Заступника
  Міністри») and does not know «Голова» or feminine titles; it is used only for a head word the
  dictionary does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from typing import Any, Callable, Literal, TypeVar

import shevchenko
from translitua import UkrainianKMU, translit

from dcity_docs.language import given_names
from dcity_docs.language.typography import APOSTROPHE, NBSP

NameOrder = Literal["family_first", "given_first"]

_APOSTROPHES_RE = re.compile(r"['\u02bc\u2018`]")
_MASCULINE_PATRONYMIC = re.compile(r"(вич|ілліч|ьмич|укич)$", re.IGNORECASE)
_FEMININE_PATRONYMIC = re.compile(r"(івна|ївна|ічна|ична)$", re.IGNORECASE)
_GENDERS = {
    "masculine": "masculine", "male": "masculine", "m": "masculine",
    "feminine": "feminine", "female": "feminine", "f": "feminine",
}


def _normalise(text: str) -> str:
    """One spacing and the one apostrophe (U+2019) used in Ukrainian output."""
    return _APOSTROPHES_RE.sub(APOSTROPHE, " ".join(text.split()))


_F = TypeVar("_F", bound=Callable[..., str])


def _memo(func: _F) -> _F:
    """Remember results for string arguments: a batch declines the same names, positions and
    places again for every document and language, and each takes pymorphy3 or shevchenko a
    millisecond or more. Errors are not remembered (raised again each time)."""
    cached = lru_cache(maxsize=4096)(func)

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        if all(a is None or type(a) is str for a in (*args, *kwargs.values())):
            return cached(*args, **kwargs)
        return func(*args, **kwargs)  # unhashable or odd input: the function's own checks answer

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def _is_patronymic(word: str) -> bool:
    return bool(_MASCULINE_PATRONYMIC.search(word) or _FEMININE_PATRONYMIC.search(word))


# --------------------------------------------------------------------------- names


@dataclass(frozen=True)
class PersonName:
    """A Ukrainian-script name split into its parts, remembering the record's word order.

    ``family`` may hold lowercase particles (ван дер Берг); ``middle`` holds second given
    names of foreigners (Голм in Сьорен Голм Єнсен).
    """

    family: str
    given: str
    patronymic: str | None
    order: NameOrder
    middle: tuple[str, ...] = field(default_factory=tuple)

    def words(self) -> list[str]:
        """The parts in the record's order."""
        if self.order == "family_first":
            return [self.family, self.given, *self.middle, *([self.patronymic] if self.patronymic else [])]
        return [self.given, *self.middle, *([self.patronymic] if self.patronymic else []), self.family]


def parse_person_uk(full_name: str, *, order: NameOrder | None = None) -> PersonName:
    """Split a name written in Ukrainian.

    Rules: with three or more words, a patronymic (-ович, -евич, -івна, -ївна, -ічна, -ична …)
    in last place means «Прізвище Ім’я По батькові» (Умєров Рустем Енверович); in second place
    «Ім’я По батькові Прізвище». Without a patronymic the name is read given name first, as
    foreigners write it (Сьорен Голм Єнсен: given Сьорен, middle Голм, family Єнсен), unless
    ``order="family_first"``. Lowercase particles before the last word belong to the family
    name (Ганс ван дер Берг).
    """
    if not isinstance(full_name, str):
        raise ValueError("name must be a string")
    if order is not None and order not in ("family_first", "given_first"):
        raise ValueError(f"unknown name order {order!r}")
    words = _normalise(full_name).split(" ")
    if len(words) < 2 or not all(words):
        raise ValueError(f"a name needs at least a given name and a family name: {full_name!r}")
    if len(words) >= 3 and order != "given_first" and _is_patronymic(words[-1]) and not _is_patronymic(words[1]):
        return PersonName(words[0], words[1], words[-1], "family_first", tuple(words[2:-1]))
    if len(words) >= 3 and order != "family_first" and _is_patronymic(words[1]):
        return PersonName(" ".join(words[2:]), words[0], words[1], "given_first")
    if order == "family_first":
        if len(words) >= 3 and _is_patronymic(words[-1]):
            return PersonName(words[0], words[1], words[-1], "family_first", tuple(words[2:-1]))
        return PersonName(words[0], words[1], None, "family_first", tuple(words[2:]))
    start = len(words) - 1
    while start > 1 and words[start - 1][:1].islower():
        start -= 1
    return PersonName(" ".join(words[start:]), words[0], None, "given_first", tuple(words[1:start]))


def _resolve_gender(person: PersonName, gender: str | None, latin_name: str | None,
                    country: str | None) -> str:
    """The given gender; else the patronymic's; else, for a name without one (a foreigner's), the
    names dictionary on the record's Latin form in the party's country; else shevchenko's list."""
    if gender is not None:
        key = gender.strip().lower() if isinstance(gender, str) else ""
        if key not in _GENDERS:
            raise ValueError(f"unknown gender {gender!r}: expected 'masculine' or 'feminine'")
        return _GENDERS[key]
    if person.patronymic:
        if _FEMININE_PATRONYMIC.search(person.patronymic):
            return "feminine"
        if _MASCULINE_PATRONYMIC.search(person.patronymic):
            return "masculine"
    latin_given = given_names.first_given_name(latin_name) if latin_name else None
    if latin_given:
        verdict = given_names.sex_of_given_name(latin_given, country)
        if verdict == "both":
            raise ValueError(
                f"{latin_given!r} ({person.given!r}) is both a man's and a woman's name: "
                "give the gender or the name in the genitive (name_genitive)"
            )
        if verdict is not None:
            return verdict
    detected = shevchenko.detect_gender(given_name=person.given.split("-")[0])
    if detected is None:
        raise ValueError(
            f"cannot tell whether {person.given!r} is a man's or a woman's name: "
            "give the gender or the name in the genitive (name_genitive)"
        )
    return str(detected)


def _shevchenko_genitive(gender: str, **fields: str) -> dict[str, str]:
    try:
        result: dict[str, str] = shevchenko.in_genitive(dict(fields, gender=gender))
    except shevchenko.InputValidationError as exc:
        raise ValueError(f"cannot decline {' '.join(fields.values())!r}: {exc}") from exc
    return result


def _family_genitive(family: str, gender: str) -> str:
    """Decline the family name; lowercase particles (ван, де, фон) stay as they are."""
    parts = family.split(" ")
    parts[-1] = _shevchenko_genitive(gender, family_name=parts[-1])["family_name"]
    return " ".join(parts)


_HARD_CONSONANT_END = re.compile(r"[бвгґдджзклмнпрстфхцчшщ]$", re.IGNORECASE)
_INDECLINABLE_FOREIGN = {
    # Foreign given names that Ukrainian leaves as they are (Правопис 2019, § 144): a man's or a
    # woman's ending in a vowel other than -а/-я (Уле, Їржі, Бруно, Метте); a woman's ending in a
    # consonant or -ь (Інгрід, Клер, Ізабель); a woman's in -а after a vowel (Андреа).
    "masculine": re.compile(r"[еєиіїоую]$", re.IGNORECASE),
    "feminine": re.compile(r"([^ая]|[аеєиіїоуюя]а)$", re.IGNORECASE),
}


def _given_genitive(name: str, sex: str, foreign: bool) -> str:
    """shevchenko drops the vowel of foreign men's names in -ер/-ел (Алістер → «Алістра», as if
    «вітер → вітру»); foreign names keep their stem, so such a result falls back to stem + «а».
    It declines foreign names that Ukrainian does not (Уле → «Уля», Ізабель → «Ізабелі»)."""
    if foreign and _INDECLINABLE_FOREIGN[sex].search(name):
        return name
    declined = _shevchenko_genitive(sex, given_name=name)["given_name"]
    if foreign and sex == "masculine" and _HARD_CONSONANT_END.search(name) and not declined.startswith(name):
        return name + "а"
    return declined


@_memo
def genitive_name(full_name: str, gender: str | None = None, *, order: NameOrder | None = None,
                  latin_name: str | None = None, country: str | None = None) -> str:
    """The name in the genitive, in the record's word order.

    Умєров Рустем Енверович → Умєрова Рустема Енверовича; Коваленко Ірина Петрівна →
    Коваленко Ірини Петрівни (a woman's -ко surname does not decline); Сьорен Голм Єнсен →
    Сьорена Голма Єнсена. ``gender`` ('masculine'/'feminine') is detected from the patronymic or
    the given name when omitted (a foreign name from ``latin_name``, the record's English form, as
    used in ``country``); ``ValueError`` when it cannot be.
    """
    person = parse_person_uk(full_name, order=order)
    sex = _resolve_gender(person, gender, latin_name, country)
    foreign = person.patronymic is None
    given = _given_genitive(person.given, sex, foreign)
    middle = tuple(_given_genitive(m, sex, foreign) for m in person.middle)
    patronymic = (
        _shevchenko_genitive(sex, patronymic_name=person.patronymic)["patronymic_name"]
        if person.patronymic
        else None
    )
    declined = PersonName(_family_genitive(person.family, sex), given, patronymic, person.order, middle)
    return _normalise(" ".join(declined.words()))


def signature_name(full_name_uk: str, *, order: NameOrder | None = None) -> str:
    """ДСТУ 4163:2020 signature form «Власне ім’я ПРІЗВИЩЕ»: Рустем УМЄРОВ; a foreigner keeps every
    given name (Сьорен Голм ЄНСЕН); a Ukrainian patronymic stays out. NBSP between the words."""
    person = parse_person_uk(full_name_uk, order=order)
    return NBSP.join([person.given, *person.middle, person.family.upper()])


def signature_name_en(full_name_en: str) -> str:
    """English signature blocks print the name as the record gives it (Søren Holm Jensen), spaces tidied."""
    if not isinstance(full_name_en, str) or not full_name_en.strip():
        raise ValueError("name must be a non-empty string")
    return " ".join(full_name_en.split())


_WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u02bc\u2019])*")


def _translit_word(match: re.Match[str]) -> str:
    word = match.group(0)
    letters = [c for c in word if c.isalpha()]
    if len(letters) == 1 and word.isupper():
        # An initial: Є → "Ye", Щ → "Shch" (translitua would write "YE", "SHCH").
        return str(translit(word.lower(), UkrainianKMU)).capitalize()
    if len(letters) > 1 and all(c.isupper() for c in letters):
        # translitua writes ЄНСЕН as "YeNSEN": transliterate the title-cased word, then capitalise.
        return str(translit(word.capitalize(), UkrainianKMU)).upper()
    return str(translit(word, UkrainianKMU))


def transliterate(text_uk: str) -> str:
    """Official Ukrainian-to-Latin transliteration (Cabinet of Ministers Resolution No. 55 of 2010).

    Коваленко Ірина → Kovalenko Iryna, Згурський → Zghurskyi, ЄНСЕН → YENSEN; the apostrophe and
    the soft sign are dropped; other characters pass through.
    """
    if not isinstance(text_uk, str):
        raise ValueError("text must be a string")
    return _WORD_RE.sub(_translit_word, text_uk)


# --------------------------------------------------------------------------- phrases (pymorphy3)

_CASE_TAGS = {"nominative": "nomn", "genitive": "gent", "accusative": "accs", "locative": "loct"}
_CONJUNCTIONS = {"і", "та", "й"}


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """The Ukrainian analyser, loaded once on first use (about 0.2 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def _restore_case(original: str, new: str) -> str:
    """Give the inflected form the capitals of the original (Директор → Директора, ДИРЕКТОР → ДИРЕКТОРА)."""
    new = new.replace("'", APOSTROPHE)
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    chars = list(new)
    for i, (o, _) in enumerate(zip(original, new, strict=False)):
        if o.isupper():
            chars[i] = chars[i].upper()
    return "".join(chars)


def _parses(word: str) -> list[Any]:
    """Dictionary readings usable as a nominative noun or adjective (names and abbreviations excluded)."""
    key = word.lower().replace(APOSTROPHE, "'").replace("\u02bc", "'")
    result = []
    for p in _analyzer().parse(key):
        tag = p.tag
        if tag.POS not in ("NOUN", "ADJF"):
            continue
        if tag.case not in (None, "nomn"):
            continue
        if {"Name", "Surn", "Patr", "Abbr"} & set(tag.grammemes):
            continue
        result.append(p)
    return result


def _pick(word: str, *, animate: bool | None, adjective: bool) -> Any | None:
    """The best reading of ``word``: an adjective where one is wanted, the right animacy first."""
    readings = _parses(word)
    if not readings:
        return None

    def rank(p: Any) -> tuple[int, int, int]:
        tag = p.tag
        animacy = 0 if animate is None or tag.animacy is None else (0 if (tag.animacy == "anim") == animate else 1)
        pos = 0 if (tag.POS == "ADJF") == adjective else 1
        return (pos, animacy, 0 if p.is_known else 1)

    return sorted(readings, key=rank)[0]


def _form(p: Any, case: str, agree: set[str], toponym: bool) -> str | None:
    """Choose among the dictionary's forms the one a legal text uses.

    Locative: «Києві», «Данії», «Люксембурзі», adjectives in -ому (not the -ові/-еві forms nor
    -ім). With ``toponym`` (a masculine proper place name, not «Острів»): genitive in -у/-ю
    (Судану, Алжиру), as the 2019 orthography has for countries.
    """
    tag = p.tag
    want = {_CASE_TAGS[case]}
    if tag.POS == "ADJF":
        want |= agree
    elif tag.number == "plur":
        want.add("plur")
    candidates = [f for f in p.lexeme if want <= set(f.tag.grammemes)]
    if tag.POS == "NOUN" and tag.number != "plur":
        candidates = [f for f in candidates if f.tag.number != "plur"] or candidates
    if tag.POS == "ADJF" and "plur" not in want:
        candidates = [f for f in candidates if f.tag.number != "plur"]
    if not candidates:
        inflected = p.inflect(want)
        return inflected.word if inflected else None

    def rank(f: Any) -> tuple[int, int]:
        w = f.word
        score = 0
        if "Dist" in f.tag.grammemes:
            score += 4
        if case == "locative":
            # «Китаєві», «Іракові» are the dative-like variants; «острові» is the plain form.
            if w.endswith(("ові", "еві", "єві")) and any(len(c.word) < len(w) for c in candidates):
                score += 2
            if tag.POS == "ADJF" and w.endswith(("ім", "їм")):
                score += 2
            if tag.POS == "NOUN" and not w.endswith(("і", "ї")):
                score += 1
        if case == "genitive" and toponym and tag.POS == "NOUN" and tag.gender == "masc" and tag.number != "plur":
            if not w.endswith(("у", "ю")):
                score += 1
        return (score, candidates.index(f))

    best = min(candidates, key=rank).word
    if case == "genitive" and toponym and tag.POS == "NOUN" and tag.gender == "masc" and tag.number != "plur":
        # Countries and islands take -у/-ю (Судану, Сінгапуру) even where the dictionary has -а only.
        if best.endswith("а") and not p.word.endswith(("а", "я", "о", "е")):
            best = best[:-1] + "у"
        elif best.endswith("я") and not p.word.endswith(("а", "я", "о", "е")):
            best = best[:-1] + "ю"
    return str(best)


def _inflect_word(word: str, p: Any, case: str, agree: set[str], toponym: bool) -> str:
    new = _form(p, case, agree, toponym)
    return word if new is None else _restore_case(word, new)


def _decline_word(word: str, case: str, *, animate: bool | None, adjective: bool,
                  agree: set[str], toponym: bool) -> tuple[str, Any | None]:
    """Decline one word (a hyphenated one as a whole where the dictionary knows it, else its last part)."""
    p = _pick(word, animate=animate, adjective=adjective)
    if p is not None and (p.is_known or "-" not in word):
        return _inflect_word(word, p, case, agree, toponym), p
    if "-" in word:
        head, _, last = word.rpartition("-")
        q = _pick(last, animate=animate, adjective=adjective)
        if q is not None and q.is_known:
            return f"{head}-{_inflect_word(last, q, case, agree, toponym)}", q
    return word, None


def _head_index(words: list[str], *, animate: bool | None) -> int | None:
    """Index of the head noun: the first word that is not read as an adjective, if all before are adjectives."""
    for i, word in enumerate(words):
        last = i == len(words) - 1
        p = _pick(word, animate=animate, adjective=not last)
        if p is None and "-" in word:
            p = _pick(word.rpartition("-")[2], animate=animate, adjective=not last)
        if p is None:
            return None
        if p.tag.POS == "NOUN":
            return i
    return None


def _decline_group(words: list[str], case: str, *, animate: bool | None, toponym: bool) -> tuple[list[str], int] | None:
    """Decline adjectives + head noun at the start of ``words``; None when there is no such group."""
    head = _head_index(words, animate=animate)
    if head is None:
        return None
    out = list(words)
    # A proper place name ends its group (Судан, Південний Судан); «Острів Мен» has a common-noun head.
    proper = toponym and (head + 1 == len(words) or words[head + 1] in _CONJUNCTIONS)
    declined_head, head_parse = _decline_word(words[head], case, animate=animate, adjective=False,
                                              agree=set(), toponym=proper)
    if head_parse is None:
        return None
    out[head] = declined_head
    tag = head_parse.tag
    agree = {"plur"} if tag.number == "plur" else ({tag.gender} if tag.gender else set())
    for i in range(head):
        out[i], _ = _decline_word(words[i], case, animate=animate, adjective=True, agree=agree, toponym=False)
    return out, head


def _check_phrase_case(case: str) -> None:
    if case not in ("genitive", "locative"):
        raise ValueError(f"unknown case {case!r}: expected 'genitive' or 'locative'")


@_memo
def decline_head_uk(phrase: str, case: str = "genitive", *, animate: bool | None = None) -> str:
    """Decline the head of a phrase (leading adjectives and the first noun), leave the rest.

    «Перший заступник Міністра оборони України» → «Першого заступника Міністра оборони України».
    A phrase whose first word is neither adjective nor noun (an abbreviation) comes back unchanged.
    """
    _check_phrase_case(case)
    if not isinstance(phrase, str):
        raise ValueError("text must be a string")
    words = _normalise(phrase).split(" ")
    if not words[0]:
        raise ValueError("empty text")
    result = _decline_group(words, case, animate=animate, toponym=False)
    return " ".join(words if result is None else result[0])


@_memo
def decline_toponym_uk(name: str, case: str) -> str:
    """Decline a place name: head group and coordinated groups (Боснія і Герцеговина → Боснії і Герцеговини).

    Masculine country names take -у/-ю in the genitive (Ізраїлю); the locative is the form after
    в/у (Данії, Люксембурзі, Нідерландах). Indeclinable names (Чилі, Самоа) come back as given.
    """
    _check_phrase_case(case)
    words = _normalise(name).split(" ")
    result = _decline_group(words, case, animate=False, toponym=True)
    if result is None:
        return " ".join(words)
    out, head = result
    k = head + 1
    while k + 1 < len(words) and words[k] in _CONJUNCTIONS:
        nxt = _decline_group(words[k + 1 :], case, animate=False, toponym=True)
        if nxt is None:
            break
        declined, h = nxt
        out[k + 1 : k + 2 + h] = declined[: h + 1]
        k = k + 2 + h
    return " ".join(out)


@_memo
def genitive_position(position: str) -> str:
    """A position in the genitive, head only, capitals kept.

    Міністр оборони України → Міністра оборони України; Генеральний директор → Генерального
    директора; Заступник Міністра оборони України → Заступника Міністра оборони України; Голова
    правління → Голови правління; Генеральна директорка → Генеральної директорки.
    """
    if not isinstance(position, str) or not position.strip():
        raise ValueError("position must be a non-empty string")
    words = _normalise(position).split(" ")
    result = _decline_group(words, "genitive", animate=True, toponym=False)
    if result is not None:
        return " ".join(result[0])
    # A head the dictionary does not know: shevchenko's appointment rules for the first word only.
    first = shevchenko.in_genitive(military_appointment=words[0])["military_appointment"]
    return " ".join([first, *words[1:]])


@_memo
def genitive_authority(authority: str) -> str:
    """The basis a signatory acts on, in the genitive, head only.

    Статут → Статуту; довіреність → довіреності; Установчий договір → Установчого договору;
    Положення про Міністерство оборони України → unchanged; Закон України «…» → Закону України «…».
    """
    if not isinstance(authority, str) or not authority.strip():
        raise ValueError("authority must be a non-empty string")
    return decline_head_uk(authority, "genitive", animate=False)

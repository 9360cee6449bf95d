"""The rules of перенос (hyphenation) of «Український правопис» (2019, § 63), written out for
the tests independently of dcity_docs.language.hyphenation, with the house's conservative readings."""

from __future__ import annotations

VOWELS = set("аеєиіїоуюяaeiouy")
APOSTROPHES = set("’'ʼ")


def _letters(part: str) -> int:
    return sum(1 for ch in part if ch not in APOSTROPHES)


def orthography_allows(word: str, at: int) -> bool:
    """Whether «Український правопис» (2019, § 63) allows breaking ``word`` after ``at``
    characters, with the house's conservative readings (doubled consonants split between them)."""
    left, right = word[:at], word[at:]
    if _letters(left) < 2 or _letters(right) < 2:
        return False  # no single letter left or carried
    if not (VOWELS & set(left)) or not (VOWELS & set(right)):
        return False  # a part without a vowel is no syllable
    if right[0] in "ь" or right[0] in APOSTROPHES:
        return False  # ь and the apostrophe stay with the letter before them
    if right[0] == "й" and right[1:2] not in VOWELS:
        return False  # бай-ка, never ба-йка (й before a consonant stays with the vowel before it)
    if (left[-1] == "й" and right[0] in VOWELS) or (left[-1] == "ь" and right[0] == "о"):
        return False  # па-йок, сльо-за: йо and ьо stay together
    if left[-1] == "д" and right[0] in "жз":
        return False  # дж, дз are one sound (or a prefix we cannot tell): never split
    if len(right) > 1 and right[0] == right[1] and right[0] not in VOWELS:
        return False  # значен-ня, never значе-ння
    return True

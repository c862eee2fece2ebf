"""Regexes built from rule phrases: the one place that turns a lexicon into an alternation."""

from __future__ import annotations

import re
from typing import Iterable


# A syllable ending in "i" or "y" right after its consonants is written either way ("tỷ lệ" and
# "tỉ lệ", "bác sỹ" and "bác sĩ", "kỹ năng" and "kĩ năng"): both spellings are standard.
_I_VOWELS, _Y_VOWELS = "iíìỉĩị", "yýỳỷỹỵ"
_TO_Y = str.maketrans(_I_VOWELS, _Y_VOWELS)
_FINAL_I = re.compile(rf"(?<![^\W\d_])([bcdđghklmnpqrstvx]+)([{_I_VOWELS}{_Y_VOWELS}])(?![^\W\d_])", re.IGNORECASE)


def _either_final_i(word: str) -> str:
    """A word as a regex in which a syllable-final "i" or "y" after consonants may be either."""
    found = _FINAL_I.fullmatch(word)
    if not found:
        return re.escape(word)
    written = found.group(2)
    vowel = written.lower().translate(_TO_Y)
    either = vowel + _I_VOWELS[_Y_VOWELS.index(vowel)]
    return re.escape(found.group(1)) + f"[{either.upper() if written.isupper() else either}]"


def flexible(phrase: str) -> str:
    """A phrase as a regex whose spaces match any run of whitespace (line breaks included); a
    space beside a punctuation mark may be there or not ("Độc lập - Tự do", "Độc lập-Tự do"); a
    syllable-final "i" or "y" may be either."""
    pattern = ""
    previous_end = None
    previous_word = False
    for part in re.finditer(r"\w+|[^\w\s]", phrase):
        word = part.group()[0].isalnum() or part.group()[0] == "_"
        if previous_end is not None:
            spaced = part.start() > previous_end
            pattern += r"\s+" if spaced and word and previous_word else r"\s*"
        pattern += _either_final_i(part.group()) if word else re.escape(part.group())
        previous_end, previous_word = part.end(), word
    return pattern


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one alternation, longest first, so that "ít nhất khoảng" wins over "ít nhất"."""
    return "|".join(flexible(p) for p in sorted(set(phrases), key=len, reverse=True))


def whole_words(phrases: Iterable[str]) -> re.Pattern:
    """The phrases as whole words, in any case: a phrase that ends or begins inside a longer word
    is not found there."""
    return re.compile(rf"(?<!\w)(?:{alternation(phrases)})(?!\w)", re.IGNORECASE)


def alternation_outside(phrases: Iterable[str], compounds: Iterable[str]) -> str:
    """`alternation(phrases)`, each phrase but where it ends a longer word of `compounds`: a verb
    written as the last syllable of another word is that word's ("đăng ký" registers, "ký" signs)."""
    compounds = [" ".join(c.split()) for c in compounds]
    guarded = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        heads = [c[: -len(phrase)] for c in compounds if c.lower().endswith(" " + phrase.lower())]
        guarded.append("".join(f"(?<!{re.escape(h)})" for h in heads) + flexible(phrase))
    return "|".join(guarded)


def key(phrase: str) -> str:
    """Lexicon key of a matched phrase: lower case, one space between words and none beside a
    punctuation mark, a syllable-final "i" after consonants as "y", as `flexible` matches them
    ("Lao động - Thương binh", "Lao động-Thương binh"; "tỉ lệ", "tỷ lệ")."""
    return final_i_as_y(re.sub(r"\s*([^\w\s])\s*", r"\1", re.sub(r"\s+", " ", phrase.lower())).strip())


def final_i_as_y(text: str) -> str:
    """`text` (in lower case) with every syllable-final "i" after consonants written "y", the
    spelling keys use."""
    return _FINAL_I.sub(lambda m: m.group(1) + m.group(2).translate(_TO_Y), text)

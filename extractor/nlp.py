"""A blank Vietnamese spaCy pipeline whose tokens come from underthesea.

Tokens are syllables, so phrase patterns never depend on how underthesea happens to group a
phrase in one context; underthesea's word segmentation is kept as the token indices where its
words begin and end, and phrase matches that cut through one of its words are dropped (see
`on_word_boundaries`): "chỉ tiêu" does not match inside "chỉ | tiêu đề".
Each line is segmented on its own: underthesea would otherwise glue a heading to the next
paragraph ("Sơn La Để").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.vi import Vietnamese
from spacy.tokens import Doc
from underthesea import word_tokenize

_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def blank_pipeline() -> Vietnamese:
    # The blank "vi" tokenizer wants pyvi; we never call it, tokens come from underthesea.
    return Vietnamese.from_config({"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})


def make_doc(text: str) -> Doc:
    """Tokenise `text` (already normalised) with underthesea into a spaCy Doc over the same text."""
    nlp = blank_pipeline()
    words: list[str] = []
    spaces: list[bool] = []
    boundaries: set[int] = set()  # token indices where underthesea words begin and end
    cursor = 0
    find = text.find
    for line in _LINE.finditer(text):
        for word in word_tokenize(line.group()):
            first_token = None
            for syllable in word.split():
                found = find(syllable, cursor)
                if found < 0:  # underthesea changed a character we did not: keep our text
                    continue
                if found != cursor:
                    _append_gap(text[cursor:found], words, spaces)
                if first_token is None:
                    first_token = len(words)
                words.append(syllable)
                spaces.append(False)
                cursor = found + len(syllable)
            if first_token is not None:
                boundaries.add(first_token)
                boundaries.add(len(words))
    _append_gap(text[cursor:], words, spaces)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.user_data["text"] = text
    doc.user_data["word_boundaries"] = boundaries
    # token character offsets, so that passes never build spaCy Token objects to ask for them
    starts, offset = [], 0
    for word, space in zip(words, spaces):
        starts.append(offset)
        offset += len(word) + space
    doc.user_data["token_starts"] = starts
    return doc


def token_span_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens start..end (exclusive), without building Token objects."""
    starts = doc.user_data["token_starts"]
    last = end - 1
    length = len(doc.user_data["text"])
    last_end = starts[last + 1] if last + 1 < len(starts) else length
    text = doc.user_data["text"]
    while last_end > starts[last] and text[last_end - 1] == " ":
        last_end -= 1
    return starts[start], last_end


def text_of(doc: Doc) -> str:
    """The Doc's text. spaCy rebuilds `doc.text` from its tokens on every access; this is the
    same string, kept once."""
    return doc.user_data["text"]


def _append_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Account for the text between two tokens: one space, or whitespace tokens."""
    if not gap:
        return
    if gap == " " and words:
        spaces[-1] = True
        return
    if words and gap.startswith(" ") and not gap.strip():
        spaces[-1] = True
        gap = gap[1:]
    if gap.strip():
        # Characters underthesea dropped: keep them as tokens so the text stays whole.
        for piece in re.findall(r"\s+|\S+", gap):
            words.append(piece)
            spaces.append(False)
        return
    words.append(gap)
    spaces.append(False)


def on_word_boundaries(doc: Doc, start: int, end: int) -> bool:
    """True when tokens start..end begin and end where underthesea words do."""
    boundaries = doc.user_data["word_boundaries"]
    return start in boundaries and end in boundaries

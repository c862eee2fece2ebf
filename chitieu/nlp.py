"""A blank Vietnamese spaCy pipeline whose tokens come from underthesea.

Tokens are syllables from underthesea's tokenizer (the first stage of its `word_tokenize`), so
phrase patterns never depend on how underthesea happens to group a phrase in one context.
Its word segmentation (the CRF second stage, most of `word_tokenize`'s cost) is asked for
only where a decision needs it: `on_word_boundaries` segments the stretch of its line around a
phrase match and drops matches that cut through one of its words ("chỉ tiêu" does not match
inside "chỉ | tiêu đề"). A line is never segmented with the next: underthesea would glue a
heading to the next paragraph ("Sơn La Để").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.vi import Vietnamese
from spacy.tokens import Doc
from underthesea import word_tokenize
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

from .phrases import final_i_as_y

_LINE = re.compile(r"[^\n]+")
_GAP_PIECE = re.compile(r"\s+|\S+")
SEGMENT_MARGIN = 40  # characters of context either side of the tokens a word check segments


@lru_cache(maxsize=1)
def blank_pipeline() -> Vietnamese:
    # The blank "vi" tokenizer wants pyvi; we never call it, tokens come from underthesea.
    return Vietnamese.from_config({"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})


def load_segmenter() -> None:
    """Load underthesea's CRF model now (it loads on first use): before worker processes fork,
    so that they share it instead of each loading it again."""
    word_tokenize("chỉ tiêu")


def make_doc(text: str) -> Doc:
    """Tokenise `text` (already normalised) into underthesea's syllables, as a spaCy Doc over
    the same text. `text.normalise` made underthesea's character and spelling rewrites already,
    so the tokenizer is asked not to repeat them."""
    words: list[str] = []
    spaces: list[bool] = []
    cursor = 0
    find = text.find
    for line in _LINE.finditer(text):
        for token in tokenize(line.group(), use_character_normalize=False, use_token_normalize=False):
            for syllable in token.split():
                found = find(syllable, cursor, line.end())
                if found < 0:  # underthesea changed a character we did not: keep our text
                    continue
                if found != cursor:
                    _append_gap(text[cursor:found], words, spaces)
                words.append(syllable)
                spaces.append(False)
                cursor = found + len(syllable)
    _append_gap(text[cursor:], words, spaces)
    vocab = blank_pipeline().vocab
    spelling_norms(vocab, words)
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.user_data["text"] = text
    # token character offsets, so that passes never build spaCy Token objects to ask for them
    starts, offset = [], 0
    for word, space in zip(words, spaces):
        starts.append(offset)
        offset += len(word) + space
    doc.user_data["token_starts"] = starts
    return doc


def spelling_norms(vocab, words) -> None:
    """Give each word its norm in one spelling, lower case with a syllable-final "i" as "y"
    ("Tỉ" and "tỷ" both "tỷ"), so that phrases matched on norms match either spelling."""
    for word in set(words):
        lexeme = vocab[word]
        norm = final_i_as_y(word.lower())
        if lexeme.norm_ != norm:
            lexeme.norm_ = norm


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


def on_word_boundaries(doc: Doc, start: int, end: int) -> bool:
    """True when tokens start..end begin and end where underthesea's words do. The CRF reads a
    few syllables either side of a token, so a window of the line around the tokens segments
    them as the whole line would, at a fraction of the cost."""
    char_start, char_end = token_span_chars(doc, start, end)
    text = text_of(doc)
    line_start = text.rfind("\n", 0, char_start) + 1
    line_end = text.find("\n", char_end)
    line_end = len(text) if line_end < 0 else line_end
    window_start = _word_start(text, max(line_start, char_start - SEGMENT_MARGIN), char_start)
    window_end = _word_end(text, min(line_end, char_end + SEGMENT_MARGIN), char_end)
    edges = _edges(text, window_start, window_end)
    return char_start in edges and char_end in edges


def _word_start(text: str, position: int, limit: int) -> int:
    """`position`, moved forward past a word it cuts (never beyond `limit`)."""
    if position == 0 or text[position - 1].isspace():
        return position
    space = text.find(" ", position, limit)
    return space + 1 if space >= 0 else limit


def _word_end(text: str, position: int, limit: int) -> int:
    """`position`, moved back before a word it cuts (never before `limit`)."""
    if position >= len(text) or text[position].isspace():
        return position
    space = text.rfind(" ", limit, position)
    return space if space >= 0 else limit


def _edges(text: str, start: int, end: int) -> set[int]:
    """Character offsets where underthesea's words of text[start:end] begin and end."""
    edges: set[int] = set()
    cursor = start
    for word in word_tokenize(text[start:end]):
        first = last = None
        for syllable in word.split():
            found = text.find(syllable, cursor, end)
            if found < 0:
                continue
            first = found if first is None else first
            cursor = last = found + len(syllable)
        if first is not None:
            edges.update((first, last))
    return edges


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
        for piece in _GAP_PIECE.findall(gap):
            words.append(piece)
            spaces.append(False)
        return
    words.append(gap)
    spaces.append(False)

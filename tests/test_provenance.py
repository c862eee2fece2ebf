"""The dev set is for measuring only: no rule example, test string, code comment or documented
example may be copied from one of its pages. A quoted passage of three words or more that a dev
page holds and no other text of the corpus does (the wild pages, the seeds, the reviewed whole
documents) was taken from the dev set."""

from __future__ import annotations

import ast
import io
import re
import tokenize
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.conftest import CORPUS, REPO, shared_path

QUOTED = re.compile(r'"([^"\n]{12,})"|“([^”\n]{12,})”|\'([^\'\n]{12,})\'')
ELLIPSIS = re.compile(r"\.\.\.|…")
MIN_WORDS = 3


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).lower()


def _texts(folder: Path) -> list[str]:
    return [_normal(path.read_text(encoding="utf-8", errors="replace")) for path in sorted(folder.glob("*.txt"))]


def _passages(quoted: str):
    """The parts of a quotation between its ellipses, each long enough to have been copied."""
    for part in ELLIPSIS.split(_normal(quoted)):
        part = part.strip(" .,;:")
        if len(part) >= 12 and len(part.split()) >= MIN_WORDS:
            yield part


def _quoted_in(text: str):
    return (next(g for g in found.groups() if g) for found in QUOTED.finditer(text))


def _quotations_in_python(path: Path):
    """String literals, and the quotations inside them and in comments: where a copied example
    would sit in a module."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for token in tokens:
        if token.type == tokenize.STRING:
            try:
                value = ast.literal_eval(token.string)
            except (ValueError, SyntaxError):  # an f-string
                value = token.string
            if isinstance(value, str):
                yield token.start[0], value
                yield from ((token.start[0], quoted) for quoted in _quoted_in(value))
        elif token.type == tokenize.COMMENT:
            yield from ((token.start[0], quoted) for quoted in _quoted_in(token.string))


def _examples(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "examples":
                yield from value.get("positive", []) + value.get("negative", [])
            elif key not in ("phrases", "seen_in"):
                yield from _examples(value)
    elif isinstance(data, list):
        for value in data:
            yield from _examples(value)


def _examples_in_rules(path: Path):
    text = path.read_text(encoding="utf-8")
    for example in _examples(yaml.safe_load(text)):
        yield text.count("\n", 0, max(text.find(example), 0)) + 1, example


def _quotations_in_text(path: Path, comments_only: bool = False):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if comments_only:  # a rule file's phrases are vocabulary; its comments quote documents
            line = line[line.index("#"):] if "#" in line else ""
        yield from ((number, quoted) for quoted in _quoted_in(line))


def _quotations_in_prose(path: Path):
    """A document's quotations, also those its lines wrap."""
    text = path.read_text(encoding="utf-8")
    for found in QUOTED.finditer(text.replace("\n", " ")):
        yield text.count("\n", 0, found.start()) + 1, next(g for g in found.groups() if g)


def _places():
    for path in sorted((REPO / "chitieu").rglob("*.py")) + sorted((REPO / "tests").rglob("*.py")):
        yield path, _quotations_in_python(path)
    for path in sorted((REPO / "chitieu" / "rules").glob("*.yaml")):
        yield path, _examples_in_rules(path)
        yield path, _quotations_in_text(path, comments_only=True)
    for path in sorted((REPO / "docs").glob("*.md")) + [REPO / "README.md"]:
        yield path, _quotations_in_prose(path)


def test_no_example_is_copied_from_the_dev_set():
    dev = _texts(shared_path("devset", "docs"))
    others = "\n".join(_texts(shared_path("wild", "docs")) + _texts(CORPUS / "seeds")
                       + _texts(CORPUS / "whole-review-gold" / "docs"))
    copied = []
    for path, quotations in _places():
        for line, quoted in quotations:
            for passage in _passages(quoted):
                if passage not in others and any(passage in page for page in dev):
                    copied.append(f"{path.relative_to(REPO)}:{line}: {passage[:80]}")
    assert not copied, "copied from the dev set:\n" + "\n".join(sorted(set(copied)))


@pytest.mark.parametrize("quoted, passages", [
    ("giảm tỷ lệ hộ nghèo ... xuống còn 2%", ["giảm tỷ lệ hộ nghèo", "xuống còn 2%"]),
    ("giảm tỷ lệ hộ nghèo … còn 2%", ["giảm tỷ lệ hộ nghèo"]),
    ("còn 18,66%", []),
    ("Kế hoạch số 199/KH-UBND", ["kế hoạch số 199/kh-ubnd"]),
])
def test_a_quotation_is_split_at_its_ellipses(quoted, passages):
    assert list(_passages(quoted)) == passages

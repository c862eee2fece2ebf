"""Reading and writing review files: strict JSON in (a file a person edited by hand), readable
JSON out, written atomically. Every problem names the file and the place in it."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from ..atomic import write_text_atomic
from ..errors import ReviewError
from ..models import REVIEW_SCHEMA_VERSION, ReviewFile

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "review-file.schema.json"
MAX_DEPTH = 32  # a review file is five levels deep; deeper nesting is no review file
MAX_BYTES = 50_000_000


def schema_ref() -> str:
    """The schema as an absolute file URI: the review file may be moved anywhere on this machine."""
    return SCHEMA_PATH.as_uri()


def write_review(path: Path, review: ReviewFile) -> None:
    """UTF-8, readable, written atomically (temporary file, then rename)."""
    write_text_atomic(path, json.dumps(review.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2) + "\n")


def parse_review(path: Path, data: bytes) -> ReviewFile:
    """Parse and validate; every problem named by file, JSON path and item id."""
    if len(data) > MAX_BYTES:
        raise ReviewError(f"{path}: {len(data):,} bytes is more than a review file holds")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{path}: not UTF-8 at byte {exc.start}") from exc
    _check_depth(path, text)
    try:
        raw = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ReviewError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON (truncated or hand-broken?): {exc.msg}") from exc
    except ValueError as exc:
        raise ReviewError(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise ReviewError(f"{path}: a review file is a JSON object, found {type(raw).__name__}")
    lone = _lone_surrogate(raw)
    if lone:
        raise ReviewError(f"{path}: {lone}: a lone surrogate (\\ud800-\\udfff) is no character")
    version = raw.get("schema_version")
    if version != REVIEW_SCHEMA_VERSION or isinstance(version, bool):
        raise ReviewError(f"{path}: schema_version {version!r}; this chitieu reads version {REVIEW_SCHEMA_VERSION}")
    try:
        return ReviewFile.model_validate_json(text, strict=True)
    except ValidationError as exc:
        problems = [_describe_error(raw, error) for error in exc.errors()]
        raise ReviewError(f"{path}: {len(problems)} problem(s):\n" + "\n".join(problems)) from exc


def _check_depth(path: Path, text: str) -> None:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            escaped = not escaped and ch == "\\"
            in_string = escaped or ch != '"'
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                raise ReviewError(f"{path}: nested more than {MAX_DEPTH} levels deep; not a review file")
        elif ch in "]}":
            depth -= 1


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    seen: dict = {}
    for name, value in pairs:
        if name in seen:
            raise ValueError(f"key {name!r} given twice in one object")
        seen[name] = value
    return seen


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is no number a review can hold")


def _lone_surrogate(node, where: str = "$") -> str | None:
    if isinstance(node, str):
        return where if any(0xD800 <= ord(c) <= 0xDFFF for c in node) else None
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for name, value in items:
        found = _lone_surrogate(value, f"{where}[{name}]" if isinstance(name, int) else f"{where}.{name}")
        if found:
            return found
    return None


def _describe_error(raw: dict, error: dict) -> str:
    loc = error["loc"]
    json_path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)
    item = _item_id(raw, loc)
    return f"  {json_path}{f' (item {item})' if item else ''}: {error['msg']}"


def _item_id(raw: dict, loc: tuple) -> str | None:
    node, found = raw, None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            found = node.get("id") or node.get("document_id") or found
    return found

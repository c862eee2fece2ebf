"""Stable ids: the same document, span and value give the same row id on every run."""

from __future__ import annotations

import hashlib
import json


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def target_id(doc_id: str, start: int, end: int, value_min: float, value_max: float, unit: str, indicator: str) -> str:
    """Stable across re-runs: the same document, span and value give the same id."""
    return stable_id(doc_id, start, end, f"{value_min:g}", f"{value_max:g}", unit, indicator)


def row_hash(values: dict) -> str:
    """What a reviewer saw of a machine row: a decision made on another row is stale."""
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:16]

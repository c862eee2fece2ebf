"""JSON Schemas generated from the pydantic models; schemas/ holds the committed copies.

Regenerate with `python -m extractor.schemas`; tests/test_schemas.py keeps them in sync.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import CueRules, DocumentOutput, IndicatorRules, NumberRules, PlaceRules, ReviewFile, ScopeRules, SymbolRules

SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "schemas"

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "document-output.schema.json": DocumentOutput,
    "review-file.schema.json": ReviewFile,
    "rules-numbers.schema.json": NumberRules,
    "rules-indicators.schema.json": IndicatorRules,
    "rules-scopes.schema.json": ScopeRules,
    "rules-cues.schema.json": CueRules,
    "rules-symbols.schema.json": SymbolRules,
    "rules-places.schema.json": PlaceRules,
}


def render(model: type[BaseModel], name: str) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, **model.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_all(directory: Path = SCHEMAS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMA_MODELS.items():
        path = directory / name
        path.write_text(render(model, name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for path in write_all():
        print(path)

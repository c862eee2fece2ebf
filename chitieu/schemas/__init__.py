"""JSON Schemas generated from the pydantic models; schemas/ holds the committed copies.

Regenerate with `python -m chitieu.schemas`; tests/test_schemas.py keeps them in sync.
"""

from __future__ import annotations

import json
from pathlib import Path

import typing

from pydantic import BaseModel

from ..models import DocumentOutput, ReviewFile
from ..rules import Rules

SCHEMAS_DIR = Path(__file__).resolve().parent  # shipped with the package: a review file's "$schema" points here

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "document-output.schema.json": DocumentOutput,
    "review-file.schema.json": ReviewFile,
    # one per file under rules/: an editor validates and completes a rule file with it
    **{f"rules-{name}.schema.json": model for name, model in typing.get_type_hints(Rules).items()},
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

"""schemas/ is generated from chitieu/models/: the committed files must match."""

import json

import pytest

from chitieu.schemas import SCHEMA_MODELS, SCHEMAS_DIR, render


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_committed_schema_matches_models(name):
    committed = (SCHEMAS_DIR / name).read_text(encoding="utf-8")
    assert committed == render(SCHEMA_MODELS[name], name), f"run `python -m chitieu.schemas` to regenerate {name}"


def test_gold_files_validate_against_output_model():
    from chitieu.models import DocumentOutput
    from tests.conftest import CORPUS

    for path in sorted((CORPUS / "gold").glob("*.json")):
        DocumentOutput.model_validate(json.loads(path.read_text(encoding="utf-8")))

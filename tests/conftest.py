"""Shared fixtures. Tests that read ../shared skip with a clear reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the shared folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared data set is not checked out beside the repo")
    return path


@pytest.fixture(scope="session")
def rules():
    from chitieu.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def extractor(rules):
    from chitieu.pipeline import Extractor

    return Extractor(rules)


@pytest.fixture(scope="session")
def target_pass(rules):
    from chitieu.passes.targets import TargetPass

    return TargetPass(rules)

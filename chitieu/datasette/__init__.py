"""Datasette over a catalogue: the metadata shipped beside this module (descriptions, facets,
labels for codes, canned queries). `serve.py` starts Datasette with it when the optional
`serve` extra is installed."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import yaml

METADATA = Path(__file__).with_name("metadata.yml")
DATABASE = "catalogue"  # the key the shipped metadata is written under
SHARED_COLUMNS_FROM = "targets_export"  # a column of this name means the same in every table and view


@lru_cache(maxsize=1)
def load_metadata() -> dict:
    with METADATA.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _tables() -> dict:
    return load_metadata()["databases"][DATABASE]["tables"]


def column_descriptions(table: str) -> dict[str, str]:
    return dict(_tables().get(table, {}).get("columns", {}))


def canned_query(name: str) -> str:
    return load_metadata()["databases"][DATABASE]["queries"][name]["sql"]


def metadata_for(database: str, columns_by_table: dict[str, list[str]]) -> dict:
    """The shipped metadata under `database` (Datasette names a database after its file), with
    each table's and view's columns described by targets_export's description of that name
    unless the table says otherwise."""
    metadata = copy.deepcopy(load_metadata())
    tables = metadata["databases"][DATABASE]["tables"]
    shared = column_descriptions(SHARED_COLUMNS_FROM)
    for table, columns in columns_by_table.items():
        described = tables.setdefault(table, {}).setdefault("columns", {})
        for column in columns:
            if column in shared:
                described.setdefault(column, shared[column])
    metadata["databases"] = {database: metadata["databases"].pop(DATABASE)}
    return metadata

"""Datasette over a catalogue: the metadata shipped beside this module (descriptions, facets,
labels for codes, canned queries) and `serve`, which starts Datasette with it when the
optional `serve` extra is installed."""

from __future__ import annotations

import copy
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import yaml

METADATA = Path(__file__).with_name("metadata.yml")
DATABASE = "catalogue"  # the key the shipped metadata is written under
SHARED_COLUMNS_FROM = "targets_export"  # a column of this name means the same in every table and view
SERVE_EXTRA = 'python3 -m pip install "chitieu[serve]"'


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


def serve(db_path: str | Path, datasette_args: list[str]) -> None:
    """Run Datasette on the catalogue at `db_path` with the metadata (until stopped; with
    `--get PATH` among `datasette_args`, answer that one request and exit)."""
    from ..export import open_catalogue, require

    cli = require("datasette.cli", SERVE_EXTRA).cli
    catalogue = open_catalogue(db_path)  # migrated first: the views the metadata describes exist
    try:
        names = catalogue.db.table_names() + catalogue.db.view_names()
        columns = {name: [c.name for c in catalogue.db[name].columns] for name in names}
    finally:
        catalogue.close()
    metadata = metadata_for(Path(db_path).stem, columns)
    handle, path = tempfile.mkstemp(prefix="chitieu-datasette-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(metadata, out, ensure_ascii=False)
        cli.main(args=["serve", str(db_path), "--metadata", path, *datasette_args], prog_name="datasette")
    finally:
        os.unlink(path)


"""`chitieu serve`: Datasette over a catalogue, with the shipped metadata."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..export import open_catalogue, require
from . import metadata_for

SERVE_EXTRA = 'python3 -m pip install "chitieu[serve]"'


def serve(db_path: str | Path, datasette_args: list[str]) -> None:
    """Run Datasette on the catalogue at `db_path` with the metadata (until stopped; with
    `--get PATH` among `datasette_args`, answer that one request and exit)."""
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


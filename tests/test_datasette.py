"""The Datasette metadata stays true to the catalogue (every table and column it names exists,
every exported column is described, every code a field can take is labelled, every canned
query runs), and `chitieu serve` answers a canned query through Datasette."""

import json
import sqlite3
import sys
import typing

import pytest
from click.testing import CliRunner

from chitieu import models
from chitieu.catalogue import Catalogue
from chitieu.cli import main
from chitieu.datasette import column_descriptions, load_metadata, metadata_for
from tests.reviewed_catalogue import reviewed_catalogue

TABLES = load_metadata()["databases"]["catalogue"]["tables"]
QUERIES = load_metadata()["databases"]["catalogue"]["queries"]
# canned queries' parameters, as a researcher would fill them in
PARAMETERS = {"indicator": "poverty.rate", "below": "5", "by_year": "2025", "words": "hộ nghèo"}
CODES = [
    ("scope", typing.get_args(models.TargetFields.model_fields["scope"].annotation)),
    ("change", typing.get_args(models.Change)),
    ("bound", typing.get_args(models.Bound)),
    ("unit", typing.get_args(models.Unit)),
    ("doc_type", typing.get_args(models.DocType)),
    ("issuer_body", typing.get_args(models.IssuerBody)),
    ("issuer_level", typing.get_args(models.Level)),
]


@pytest.fixture(scope="module")
def db():
    return reviewed_catalogue()


@pytest.fixture(scope="module")
def columns(db):
    catalogue = Catalogue(db)
    names = catalogue.db.table_names() + catalogue.db.view_names()
    found = {name: [c.name for c in catalogue.db[name].columns] for name in names}
    catalogue.close()
    return found


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_and_column_described_exists(columns, table):
    assert table in columns
    assert set(TABLES[table].get("columns", {})) <= set(columns[table])
    assert set(TABLES[table].get("facets", [])) <= set(columns[table])
    assert TABLES[table].get("label_column", columns[table][0]) in columns[table]


def test_every_exported_column_is_described(columns):
    assert set(columns["targets_export"]) == set(column_descriptions("targets_export"))


@pytest.mark.parametrize("column, codes", CODES, ids=[c[0] for c in CODES])
def test_every_code_has_its_label(column, codes):
    description = column_descriptions("targets_export")[column]
    assert [code for code in codes if f"{code} = " not in description] == []


def test_a_column_means_the_same_in_every_view(columns):
    metadata = metadata_for("mine", columns)
    tables = metadata["databases"]["mine"]["tables"]
    assert tables["targets_view"]["columns"]["modality_rule"] == column_descriptions("targets_export")["modality_rule"]
    assert tables["plans"]["columns"]["symbol"] == column_descriptions("plans")["symbol"]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_runs(db, name):
    with sqlite3.connect(db) as connection:
        rows = connection.execute(QUERIES[name]["sql"], PARAMETERS).fetchall()
    assert rows, f"{name} found nothing in the seed catalogue"


@pytest.fixture(scope="module")
def datasette():
    return pytest.importorskip("datasette.cli", reason="datasette is not installed (pip install -e '.[serve]')")


def serve_get(db, path):
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--get", path])
    assert result.exit_code == 0, result.output[-2000:]
    return result.output


def test_serve_answers_the_readmes_canned_query(datasette, db):
    rows = json.loads(serve_get(db, "/reviewed/poverty_rate_at_most_1_percent_by_2025.json?_shape=array"))
    assert [(r["place"], r["symbol"], r["value_max"], r["year"]) for r in rows] == [("Sơn La", "159/KH-UBND", 0.77, 2020)]


def test_serve_shows_facets_labels_and_descriptions(datasette, db):
    table = json.loads(serve_get(db, "/reviewed/targets_export.json?_size=1"))
    assert {"indicator", "province_successor", "year"} <= set(table["facet_results"])
    labelled = json.loads(serve_get(db, "/reviewed/targets.json?_labels=on&_size=1&indicator=poverty.rate&_shape=array"))
    assert labelled[0]["indicator"] == {"value": "poverty.rate", "label": "Tỷ lệ hộ nghèo"}
    page = serve_get(db, "/reviewed/targets_export")
    assert "Province the place belongs to since 1 July 2025" in page


def test_serve_without_datasette_names_the_pip_command(db, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette.cli", None)  # as if it were not installed
    result = CliRunner().invoke(main, ["serve", "--db", str(db)])
    assert result.exit_code == 1 and 'pip install "chitieu[serve]"' in result.output, result.output


def test_datasette_inspect_loads_the_catalogue(datasette, db):
    result = CliRunner().invoke(datasette.cli, ["inspect", str(db)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:
        stored = connection.execute("select count(*) from targets").fetchone()[0]
    assert json.loads(result.output)["reviewed"]["tables"]["targets"]["count"] == stored

"""The package as a new user gets it: a wheel built from this checkout, installed in a fresh
virtual environment, runs `chitieu extract` on the bundled corpus from a folder where no source
checkout is importable. Nothing is fetched: the wheel is built offline and the environment
borrows the dependencies already installed here (as plain path entries, so that this
checkout's own editable install stays out of it)."""

import json
import site
import sqlite3
import subprocess
import sys
import venv

import pytest

from tests.conftest import CORPUS, REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(work / "dist"), str(REPO)],
        capture_output=True, text=True,
    )
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel offline here: {built.stderr.strip()[-300:]}")
    environment = work / "env"
    venv.EnvBuilder(with_pip=False).create(environment)
    [packages] = (environment / "lib").glob("python*/site-packages")
    (packages / "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    [wheel] = (work / "dist").glob("chitieu-*.whl")
    python = environment / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True)
    return work, environment


def test_the_wheel_carries_its_rules_and_schemas(installed):
    _, environment = installed
    found = subprocess.run(
        [str(environment / "bin" / "python"), "-c",
         "import chitieu, chitieu.rules as r, chitieu.schemas as s; print(chitieu.__file__); "
         "print(len(list(r.RULES_DIR.glob('*.yaml'))), len(list(s.SCHEMAS_DIR.glob('*.json'))))"],
        capture_output=True, text=True, cwd=installed[0], check=True,
    ).stdout.split("\n")
    assert str(environment) in found[0]  # the installed copy, not this checkout
    rules, schemas = map(int, found[1].split())
    assert rules == len(list((REPO / "chitieu" / "rules").glob("*.yaml"))) and schemas >= 10


def test_the_installed_command_extracts_the_bundled_corpus(installed):
    work, environment = installed
    db = work / "catalogue.db"
    run = subprocess.run([str(environment / "bin" / "chitieu"), "extract", str(CORPUS / "seeds"), "--db", str(db),
                          "--json", str(work / "out")], capture_output=True, text=True, cwd=work)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "5 documents (5 new" in run.stdout
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from targets").fetchone()[0] >= 60
    output = json.loads(next((work / "out").glob("000_*.json")).read_text(encoding="utf-8"))
    assert output["plan"]["symbol"] == "199/KH-UBND"

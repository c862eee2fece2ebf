"""Whole `chitieu extract` processes as operators run them: two at once on one catalogue, and a
2-worker batch killed with SIGKILL at random points then run again, compared with a clean run."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from chitieu.catalogue.schema import MIGRATIONS
from tests.conftest import CORPUS

DERIVED = {
    "documents": "select id, source, text, extractor_version from documents order by id",
    "document_sources": "select source, document_id from document_sources order by source",
    "plans": "select * from plans order by id",
    "references": "select * from [references] order by id",
    "targets": "select * from targets order by id",
}


def extract(*args, **popen):
    return subprocess.Popen([sys.executable, "-m", "chitieu.cli", "extract", "--quiet", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


def texts(folder, count, seed):
    """`count` distinct small documents made of the seeds' paragraphs."""
    paragraphs = [p for f in sorted((CORPUS / "seeds").glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    folder.mkdir()
    rng = random.Random(seed)
    for i in range(count):
        body = "\n\n".join(rng.sample(paragraphs, 4))
        (folder / f"{seed}_{i:03d}.txt").write_text(f"Văn bản {seed}-{i}\n\n{body}", encoding="utf-8")
    return folder


def snapshot(db):
    with sqlite3.connect(db) as connection:
        check = connection.execute("pragma integrity_check").fetchone()[0]
        orphans = connection.execute("pragma foreign_key_check").fetchall()
        return check, orphans, {name: connection.execute(sql).fetchall() for name, sql in DERIVED.items()}


def test_two_extracts_at_once_on_a_new_catalogue_both_finish(tmp_path):
    first, second = texts(tmp_path / "a", 30, 1), texts(tmp_path / "b", 30, 2)
    db = tmp_path / "c.db"
    runs = [extract(folder, "--db", db, "--workers", "1") for folder in (first, second)]
    for run in runs:
        out, err = run.communicate(timeout=240)
        assert run.returncode == 0 and "locked" not in err and "Traceback" not in err, err
    _, _, rows = snapshot(db)
    assert len(rows["document_sources"]) == 60
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*), count(distinct name) from _migrations").fetchone()[0] == len(MIGRATIONS)
        assert connection.execute("select status, count(*) from runs group by status").fetchall() == [("finished", 2)]


def test_a_two_worker_batch_killed_at_random_points_ends_as_a_clean_run(tmp_path):
    folder = texts(tmp_path / "in", 240, 3)
    clean = tmp_path / "clean.db"
    assert extract(folder, "--db", clean, "--workers", "2").wait(timeout=240) == 0
    killed = tmp_path / "killed.db"
    rng = random.Random(7)
    for _ in range(3):
        run = extract(folder, "--db", killed, "--workers", "2", start_new_session=True)
        _wait_for_stored(killed, run)  # the kill lands among the documents, however fast the start-up
        time.sleep(rng.uniform(0.0, 0.4))
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)  # the batch's own process, as an OOM killer would: its workers must follow
        run.wait()
    assert not _lingering(killed), "workers outlived their killed batch"
    assert extract(folder, "--db", killed, "--workers", "2").wait(timeout=240) == 0
    check, orphans, rows = snapshot(killed)
    assert (check, orphans) == ("ok", [])
    _, _, expected = snapshot(clean)
    assert rows == {name: [tuple(r) for r in expected[name]] for name in expected} or pytest.fail(_differences(rows, expected))
    with sqlite3.connect(killed) as connection:
        statuses = dict(connection.execute("select status, count(*) from runs group by status").fetchall())
    assert statuses.get("running", 0) == 0 and statuses["finished"] >= 1 and statuses["interrupted"] >= 1


def _wait_for_stored(db, run, timeout: float = 60.0) -> None:
    """Until the run has stored a new document in `db` (or ended)."""
    def stored() -> int:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
                return connection.execute("select count(*) from documents").fetchone()[0]
        except sqlite3.Error:
            return 0  # not created yet, or busy

    before, deadline = stored(), time.monotonic() + timeout
    while run.poll() is None and stored() <= before and time.monotonic() < deadline:
        time.sleep(0.02)


def _lingering(db, wait: float = 10.0) -> list[int]:
    """Processes still working for the catalogue `db` after `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        alive = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if str(db).encode() in open(f"/proc/{pid}/cmdline", "rb").read():
                    alive.append(int(pid))
            except OSError:
                continue
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def _differences(rows, expected):
    return "; ".join(f"{name}: {len(rows[name])} rows vs {len(expected[name])} in a clean run"
                     for name in expected if rows[name] != expected[name])

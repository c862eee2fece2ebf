"""A catalogue of the five seed documents with a small review imported, built once per test
session and read by the export, Datasette and report tests: a target accepted, one corrected,
one rejected, one added, and a plan's missing issue date filled in."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from chitieu.batch import BatchOptions, run_batch
from chitieu.catalogue import Catalogue
from chitieu.review import ReviewFilter, export_review, import_review
from tests.conftest import CORPUS

SON_LA = "000_0adbc389ada233e5.txt"  # 199/KH-UBND of Sơn La province, 2022
QUANG_NGAI = "002_cad90641487963ca.txt"  # 04/KH-UBND of Quảng Ngãi, 2024, no issue date
ACCEPTED, CORRECTED, REJECTED = 18.66, 3.0, 4.0  # values of the Sơn La targets the reviewer judged
CORRECTED_TO = 2.5  # value_min of the corrected target after review
ISSUED = "2024-01-05"  # the Quảng Ngãi plan's issue date, as the reviewer filled it in
ADDED_QUOTE = "có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững"  # a target the reviewer added


@lru_cache(maxsize=1)
def reviewed_catalogue() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="chitieu-reviewed-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    db = folder / "reviewed.db"  # not catalogue.db: Datasette names the database after its file
    run_batch([CORPUS / "seeds"], BatchOptions(db_path=db, progress=False))
    review = folder / "review.json"
    export_review(Catalogue(db), review, ReviewFilter(), batch="round-1")
    data = json.loads(review.read_text(encoding="utf-8"))
    data["reviewer"] = "Nguyễn Thị Lan"
    documents = {d["name"]: d for d in data["documents"]}
    targets = {t["machine"]["value_min"]: t for t in documents[SON_LA]["targets"]}
    targets[ACCEPTED]["status"] = "accepted"
    targets[CORRECTED].update(status="corrected", corrections={**targets[CORRECTED]["corrections"], "value_min": CORRECTED_TO,
                                                               "bound": "exact"})
    targets[REJECTED].update(status="rejected", reason="một khoảng, không phải chỉ tiêu riêng")
    documents[SON_LA]["added_targets"] = [{"quote": ADDED_QUOTE, "fields": {
        "indicator": "employment.sustainable_job", "bound": "at_least", "value_min": 1, "value_max": 1, "unit": "persons"}}]
    plan = documents[QUANG_NGAI]["plan"]
    plan.update(status="corrected", corrections={**plan["corrections"], "issued": ISSUED})
    review.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = import_review(Catalogue(db), review)
    assert report.applied >= 5 and not report.conflicts, report.describe()
    return db

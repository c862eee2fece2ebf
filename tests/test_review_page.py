"""The review page in a real headless Chromium, driven as a reviewer drives it: keys to accept
and reject, a dropdown to correct, a text selection to add a missed target, a key to save; the
saved file is imported unchanged and the catalogue holds what was done."""

import json
import shutil
import time
from pathlib import Path

import pytest

from chitieu.batch import BatchOptions, run_batch
from chitieu.catalogue import Catalogue
from chitieu.review import ReviewFilter, export_review, import_review
from chitieu.review.page import render_review_page, write_review_page
from tests.conftest import CORPUS

SEED = "000_0adbc389ada233e5.txt"
CHROMIUM, DRIVER = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")
# select a phrase of the document pane as a mouse would, across highlighted spans
SELECT = """
const walker = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_TEXT), nodes = [];
let all = '';
while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.textContent; }
const start = all.indexOf(arguments[0]), end = start + arguments[0].length, range = document.createRange();
const at = offset => nodes.filter(([n, s]) => s <= offset).pop();
const [a, as] = at(start), [b, bs] = at(end);
range.setStart(a, start - as); range.setEnd(b, end - bs);
window.getSelection().removeAllRanges(); window.getSelection().addRange(range);
"""


@pytest.fixture()
def batch(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / "seeds" / SEED, docs / SEED)
    db = tmp_path / "c.db"
    run_batch([docs], BatchOptions(db_path=db, progress=False))
    export_review(Catalogue(db), tmp_path / "export.json", ReviewFilter(), batch="b1")
    return tmp_path, db


def test_page_holds_the_batch_and_every_span(batch):
    _, db = batch
    page, count = render_review_page(Catalogue(db), "b1")
    assert count == 1 and "<script" in page and "http://" not in page.replace("http://www.w3.org", "")
    data = json.loads(page.split('<script id="data" type="application/json">')[1].split("</script>")[0].replace("<\\/", "</"))
    assert len(data["review"]["documents"][0]["targets"]) == 7 and len(data["meta"]["spans"]) == 7
    assert data["meta"]["indicators"]["poverty.rate"]  # codes come with their Vietnamese labels


@pytest.fixture()
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    if not (CHROMIUM and DRIVER):
        pytest.skip("chromium and chromedriver are not installed (Debian: chromium chromium-driver)")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1500,1000",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    yield driver, downloads
    driver.quit()


def test_a_reviewer_works_the_page_with_the_keyboard_and_imports_what_it_saves(batch, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    tmp, db = batch
    driver, downloads = browser
    page = tmp / "review.html"
    write_review_page(Catalogue(db), page, "b1")
    driver.get(page.as_uri())
    driver.find_element(By.ID, "reviewer").send_keys("Nguyễn Thị Lan", Keys.TAB)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("a")  # the first target is right
    body.send_keys("r")  # the second is no target
    alert = driver.switch_to.alert
    alert.send_keys("kết quả")
    alert.accept()
    Select(driver.find_element(By.CSS_SELECTOR, "#target select[data-field=scope]")).select_by_value("ethnic_minority")
    driver.execute_script(SELECT, "hỗ trợ 40 lao động thuộc các huyện nghèo")
    body.send_keys("+")  # a missed target, from the selection
    driver.save_screenshot(str(tmp / "review-page.png"))
    body.send_keys("s")
    saved = _downloaded(downloads)
    report = import_review(Catalogue(db), saved)
    assert not report.conflicts and report.applied >= 4, report.describe()
    statuses = sorted(r["status"] for r in Catalogue(db).db["reviews"].rows)
    assert statuses == ["accepted", "corrected", "rejected"]
    [added] = Catalogue(db).db["added_targets"].rows
    assert added["quote"] == "hỗ trợ 40 lao động thuộc các huyện nghèo" and json.loads(added["fields"])["value_min"] == 40


def _downloaded(folder: Path, wait: float = 10.0) -> Path:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        done = [p for p in folder.glob("*.json")]
        if done:
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no review file was saved into {folder}")

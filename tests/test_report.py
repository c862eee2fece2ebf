"""The report page: self-contained (nothing loaded from anywhere), true to the catalogue, and
rendered in a real headless Chromium where a click on a chart mark lands on its sentence."""

import re
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from chitieu.cli import main
from chitieu.report import render_report
from chitieu.report.chart import value_text
from chitieu.report.data import load_tiles
from tests.reviewed_catalogue import reviewed_catalogue

CHROMIUM, DRIVER = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def db():
    return reviewed_catalogue()


@pytest.fixture(scope="module")
def page(db):
    return render_report(db, "poverty.rate")


def effective_ids(db, where):
    with sqlite3.connect(db) as connection:
        return {r[0] for r in connection.execute(f"select id from targets_effective where {where}")}


def test_the_page_loads_nothing_from_anywhere(page):
    html, _ = page
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=", html, re.I)
    assert "@import" not in html and "url(" not in html
    assert "${" not in html  # every placeholder filled


def test_every_target_of_the_indicator_has_its_sentence_and_a_mark(db, page):
    html, summary = page
    expected = effective_ids(db, "indicator = 'poverty.rate' and not rejected")
    assert set(re.findall(r"<li id='t-(\w+)'>", html)) == expected == set(re.findall(r"href='#t-(\w+)'", html))
    assert summary.targets == len(expected) and summary.provinces == 3  # Sơn La, Quảng Ngãi, Bắc Kạn
    rejected = effective_ids(db, "rejected")
    assert rejected and not any(f"t-{target}" in html for target in rejected)
    assert "<mark>Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%</mark>" in html
    assert "confirmed (corrected)" in html


def test_the_map_has_every_province_after_the_merger_once(db):
    with sqlite3.connect(db) as connection:
        successors = {r[0] for r in connection.execute("select distinct successor from places where level = 'province'")}
    tiles = load_tiles()
    names = [t["name"] for t in tiles["tiles"]]
    cells = [(t["column"], t["row"]) for t in tiles["tiles"]]
    legend = tiles["legend"]
    under_legend = {(legend["column"] + c, legend["row"] + r) for c in range(legend["columns"]) for r in range(legend["rows"])}
    assert sorted(names) == sorted(successors) and len(successors) == 34
    assert len(set(cells)) == len(cells) and not set(cells) & under_legend
    assert all(0 <= c < tiles["columns"] and 0 <= r < tiles["rows"] for c, r in cells)


@pytest.mark.parametrize("row, said", [
    ({"change": "level", "bound": "exact", "value_min": 18.66, "value_max": 18.66, "unit": "percent", "per_year": False}, "18.66%"),
    ({"change": "decrease", "bound": "at_least", "value_min": 3.0, "value_max": 3.0, "unit": "percent", "per_year": True}, "↓ ≥3% /yr"),
    ({"change": "decrease", "bound": "exact", "value_min": 2.0, "value_max": 2.5, "unit": "percent", "per_year": True}, "↓ 2–2.5% /yr"),
    ({"change": "increase", "bound": "approx", "value_min": 25000.0, "value_max": 25000.0, "unit": "workers", "per_year": False}, "↑ ≈25,000 workers"),
])
def test_values_read_as_a_reader_says_them(row, said):
    assert value_text(row) == said


@pytest.mark.parametrize("args, code, output", [
    (["--indicator", "poverty.rate"], 0, "poverty.rate: 9 targets from 4 plans in 3 provinces -> "),
    (["--indicator", "povrety.rate"], 1, "did you mean poverty.rate"),
])
def test_the_command(db, tmp_path, args, code, output):
    result = CliRunner().invoke(main, ["report", "--db", str(db), "--out", str(tmp_path / "report.html"), *args])
    assert result.exit_code == code and output in result.output, result.output


@pytest.fixture()
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    if not (CHROMIUM and DRIVER):
        pytest.skip("chromium and chromedriver are not installed (Debian: chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1300,1000", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    yield driver
    driver.quit()


def test_the_page_renders_in_chromium_and_a_mark_leads_to_its_sentence(page, browser, tmp_path):
    from selenium.webdriver.common.by import By

    html, _ = page
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    browser.get(path.as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, ".tiles .tile")) == 34
    chart = browser.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.size["width"] > 500 and chart.size["height"] > 100  # drawn, not collapsed
    marks = browser.find_elements(By.CSS_SELECTOR, "svg.chart a")
    assert len(marks) == 9
    target = marks[-1].get_dom_attribute("href").lstrip("#")
    marks[-1].click()
    assert browser.execute_script("return location.hash") == f"#{target}"
    assert browser.execute_script("return document.querySelector(':target').id") == target
    assert 0 <= browser.execute_script("return document.querySelector(':target').getBoundingClientRect().top") < 1000  # scrolled to it
    assert sorted(e.text for e in browser.find_elements(By.CSS_SELECTOR, ".tile.many h3")) == ["Sơn La", "Thái Nguyên"]

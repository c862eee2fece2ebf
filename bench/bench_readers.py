"""Page readers compared per field: chitieu's (sources/html.py, page_meta.py) against
trafilatura (main text, title) and htmldate (publication date), on the fixture portals of
tests/cms_fixtures.py and on the dev set's pages (../shared/devset: stored text only, so only
the date is measured there, by year against sources.tsv). Prints the figures docs/crawling.md
quotes. Needs `pip install trafilatura htmldate` (the `bench` extra).

    python3 bench/bench_readers.py
"""

from __future__ import annotations

import collections
import csv
import html
import sys
from pathlib import Path

import htmldate
import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chitieu.sources.html import read_page  # noqa: E402
from tests import cms_fixtures as fx  # noqa: E402
from tests.cms_pages import article_page  # noqa: E402
from tests.test_crawl_cms import precision_recall  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devset"


def fixtures() -> dict[str, list]:
    scores = collections.defaultdict(list)
    for site in fx.build_sites():
        site.server = type("Bound", (), {"server_address": (site.host, 80)})()
        for article in site.articles:
            markup, url = article_page(site, article, 1234), site.base + fx.article_path(site.layout, article)
            ours = read_page(markup, url)
            scores["text chitieu"].append(precision_recall(ours.text, article.text))
            theirs = trafilatura.extract(markup, url=url) or ""
            scores["text trafilatura"].append(precision_recall(theirs if article.title in theirs else f"{article.title}\n{theirs}", article.text))
            scores["title chitieu"].append(ours.title == article.title)
            metadata = trafilatura.extract_metadata(markup, default_url=url)
            scores["title trafilatura"].append(bool(metadata) and metadata.title == article.title)
            scores["date chitieu"].append(ours.published == article.published)
            found = htmldate.find_date(markup, url=url, original_date=True, extensive_search=True)
            scores["date htmldate"].append(found == article.published.isoformat())
    return scores


def devset_dates() -> dict[str, collections.Counter]:
    """The year of each dev-set page's date by both readers, against sources.tsv (where the
    page's text and URL show none, the year there is the plan's: both readers then miss)."""
    counts = {"chitieu": collections.Counter(), "htmldate": collections.Counter()}
    with open(DEVSET / "sources.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            lines = (DEVSET / "docs" / row["file"]).read_text(encoding="utf-8").splitlines()
            markup = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip()) + "</body></html>"
            ours = read_page(markup, row["url"]).published
            theirs = htmldate.find_date(markup, url=row["url"], original_date=True, extensive_search=True)
            for name, found in (("chitieu", str(ours) if ours else None), ("htmldate", theirs)):
                counts[name]["pages"] += 1
                counts[name]["dated"] += found is not None
                counts[name]["right year"] += bool(found) and found[:4] == row["year"]
    return counts


def main() -> None:
    for name, values in fixtures().items():
        if name.startswith("text"):
            precision = sum(p for p, _ in values) / len(values)
            recall = sum(r for _, r in values) / len(values)
            good = sum(1 for p, r in values if p >= 0.95 and r >= 0.95)
            print(f"fixtures {name}: P {precision:.3f} R {recall:.3f}, both >= 0.95 on {good}/{len(values)}")
        else:
            print(f"fixtures {name}: {sum(values)}/{len(values)} right")
    if DEVSET.exists():
        for name, counts in devset_dates().items():
            print(f"devset date {name}: {counts['right year']}/{counts['pages']} right year, {counts['dated']} dated")


if __name__ == "__main__":
    main()

"""`chitieu run`: crawl the configured portals, then extract every fetched item not yet
extracted. Each step commits as it goes, so a stopped run resumes where it was."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .batch import default_workers, indicator_rows, read_and_extract
from .catalogue import Catalogue
from .errors import StoreError, describe
from .isolation import DOCUMENT_SECONDS, OCR_PAGE_SECONDS, WorkerPool
from .nlp import load_segmenter
from .pipeline import Extractor
from .sources.crawl import crawl_sites, fetched_document, load_portals, profile_for


def run_all(db_path: Path, sites: list[str] | None = None, workers: int | None = None, progress: bool = False,
            fetcher_factory=None, timeout: float = DOCUMENT_SECONDS, profiles_file: Path | None = None,
            max_urls: int = 1000) -> str:
    """Crawl the sites (profile names or start URLs; every profile when none is given) all at
    once, then extract what they fetched."""
    catalogue = Catalogue(db_path)
    portals = load_portals(profiles_file)
    profiles = [profile_for(name, portals) for name in (sites or [p.name for p in portals.portals])]
    bar = _bar(progress, "crawl", "url")
    summaries = crawl_sites(profiles, catalogue, fetcher_factory, max_urls, (lambda _: bar.update()) if bar else None,
                            rules=portals)
    if bar:
        bar.close()
    lines = []
    for name, summary in summaries.items():
        lines.append(f"{name}: {summary.describe()}")
        lines += [f"  failed: {f}" for f in summary.failures]
    extracted, failed = extract_fetched(catalogue, workers or default_workers(), timeout, progress)
    lines.append(f"extracted {extracted} new documents, {len(failed)} failed")
    lines += [f"  failed: {f}" for f in failed]
    return "\n".join(lines)


def _bar(enabled: bool, description: str, unit: str, total: int | None = None):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(desc=description, unit=unit, total=total)


def extract_fetched(catalogue: Catalogue, workers: int = 1, timeout: float = DOCUMENT_SECONDS, progress: bool = False) -> tuple[int, list[str]]:
    """Extract fetched articles and attachments from their stored bytes (never re-fetched)."""
    extractor = Extractor()
    load_segmenter()  # before the workers fork
    catalogue.sync_indicators(indicator_rows(extractor.rules))
    rows = catalogue.rows("select * from crawl_urls where status = 'fetched' and kind != 'listing' order by added_at")
    # bytes are read here, one item at a time, never through the connection in a worker
    items = ((row, catalogue.raw(row["content_sha"])) for row in rows)
    run_id = catalogue.start_run(extractor.version, {"crawl": True})
    extracted, failed = 0, []
    with tempfile.TemporaryDirectory() as directory:
        def work(item):
            row, body = item
            path = fetched_document(row, body, directory)
            return read_and_extract(extractor, path, OCR_PAGE_SECONDS, source=row["url"], name=row["url"])

        bar = _bar(progress, "extract", "doc", len(rows))
        for (row, _), result, error, stage in WorkerPool(work, workers, timeout).map(items):
            if bar:
                bar.update()
            if error is not None:
                reason = describe(error)
                catalogue.record_failure(run_id, row["url"], stage or "start", reason)
                catalogue.frontier_update(row["url"], status="extract_failed", reason=reason)
                failed.append(f"{row['url']}: {reason}")
                continue
            try:
                catalogue.store(run_id, result, extractor.version)
            except StoreError as exc:
                catalogue.record_failure(run_id, row["url"], "store", str(exc))
                catalogue.frontier_update(row["url"], status="extract_failed", reason=str(exc))
                failed.append(f"{row['url']}: {exc}")
                continue
            catalogue.frontier_update(row["url"], status="extracted", document_id=result.document.doc_id)
            extracted += 1
        if bar:
            bar.close()
    catalogue.finish_run(run_id, {"extracted": extracted, "failed": len(failed)})
    return extracted, failed

"""Thin command line: parse arguments, call the library, turn ExtractorError into a clean message."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from .errors import ExtractorError
from .isolation import DOCUMENT_SECONDS, OCR_PAGE_SECONDS
from .version import __version__


EXIT_SOME_FAILED = 3  # the batch finished and stored what it could; some documents failed (listed)


@click.group(epilog=f"Exit codes: 0 done; 1 an error stopped the command; 2 a usage error; "
                    f"{EXIT_SOME_FAILED} a batch finished but some documents failed (each is listed and recorded).")
@click.version_option(version=__version__, prog_name="chitieu")
@click.option("-v", "--verbose", count=True, help="Say more (-vv: every document).")
@click.option("-q", "--quiet", "quiet_logs", is_flag=True, help="Errors only.")
def main(verbose: int, quiet_logs: bool) -> None:
    """chitieu: targets from Vietnamese plan documents into a SQLite catalogue."""
    _log_to_stderr(logging.ERROR if quiet_logs else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)])


def _log_to_stderr(level: int) -> None:
    """chitieu's own loggers to the standard error of this command (another program embedding
    the library keeps its logging as it configured it). The readers' libraries speak only at
    -vv: a page they cannot parse as HTML is read all the same, and chitieu reports its own failures."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("chitieu")
    for old in list(logger.handlers):
        logger.removeHandler(old)
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    libraries = logging.getLogger()
    if not libraries.handlers:  # a command of its own, not a program or a test harness that set up logging
        libraries.addHandler(handler if level <= logging.DEBUG else logging.NullHandler())


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path), help="SQLite catalogue to write.")
@click.option("--json", "json_dir", type=click.Path(file_okay=False, path_type=Path), help="Also write one gold-format JSON per document here.")
@click.option("--no-db", is_flag=True, help="Do not write the catalogue (with --json: JSON only).")
@click.option("--quiet", is_flag=True, help="No progress bar (there is none unless stderr is a terminal).")
@click.option("--workers", type=click.IntRange(1, 64), help="Worker processes (default: the machine's cores).")
@click.option("--timeout", default=DOCUMENT_SECONDS, show_default=True, help="Seconds one document may take before it is stopped.")
@click.option("--ocr-page-timeout", default=OCR_PAGE_SECONDS, show_default=True, help="Seconds added to a document's time for each page it OCRs.")
def extract(paths: tuple[Path, ...], db_path: Path, json_dir: Path | None, no_db: bool, quiet: bool, workers: int | None,
            timeout: float, ocr_page_timeout: float) -> None:
    """Read documents (files or folders: .txt .html .pdf .docx .doc) and extract their plans,
    references and targets."""
    from .batch import BatchOptions, default_workers, run_batch

    options = BatchOptions(db_path=None if no_db else db_path, json_dir=json_dir, progress=not quiet,
                           workers=workers or default_workers(), timeout=timeout, ocr_page_seconds=ocr_page_timeout)
    try:
        summary = run_batch(list(paths), options)
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summary.describe())
    for failure in summary.failures:
        click.echo(f"  failed: {failure.describe()}", err=True)
    if summary.failures:
        sys.exit(EXIT_SOME_FAILED)


@main.command()
@click.option("--docs", "docs_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--per-document", is_flag=True, help="Show each document's misses before the summary.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(docs_dir: Path, gold_dir: Path, per_document: bool, as_json: bool) -> None:
    """Extract DOCS and score them against the gold files in GOLD (P/R/F1 per field)."""
    from .batch import extract_outputs
    from .evaluate import format_scores, load_gold_dir, score

    try:
        gold = load_gold_dir(gold_dir)
        predicted, failures = extract_outputs(sorted(p for p in docs_dir.iterdir() if p.name in gold))
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    for failure in failures:
        click.echo(f"failed: {failure.describe()}", err=True)
    scores = score(gold, predicted)
    if as_json:
        click.echo(json.dumps(scores.model_dump(mode="json"), ensure_ascii=False, indent=1))
    else:
        click.echo(format_scores(scores, per_document=per_document))


@main.command()
@click.argument("sites", nargs=-1, required=True)
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--profiles", "profiles_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A YAML file of portal profiles (same form as rules/portals.yaml's `portals:`).")
@click.option("--max-urls", default=1000, show_default=True, help="Stop after this many fetches per site.")
@click.option("--workers", type=click.IntRange(1, 64), help="Worker processes for extraction (default: the machine's cores).")
@click.option("--quiet", is_flag=True)
def crawl(sites: tuple[str, ...], db_path: Path, profiles_file: Path | None, max_urls: int, workers: int | None, quiet: bool) -> None:
    """Crawl portals (profile names or start URLs, all at once), then extract what was fetched
    into the catalogue, as `chitieu run` does."""
    from .runner import run_all

    try:
        report = run_all(db_path, list(sites), workers=workers, progress=not quiet, profiles_file=profiles_file, max_urls=max_urls)
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report)


@main.command()
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--site", "sites", multiple=True, help="Only these portals (default: every configured one).")
@click.option("--profiles", "profiles_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A YAML file of portal profiles, added to the packaged ones.")
@click.option("--workers", type=click.IntRange(1, 64), help="Worker processes (default: the machine's cores).")
@click.option("--quiet", is_flag=True)
def run(db_path: Path, sites: tuple[str, ...], profiles_file: Path | None, workers: int | None, quiet: bool) -> None:
    """Crawl every configured portal and extract what is new. Safe to stop and run again."""
    from .runner import run_all

    try:
        report = run_all(db_path, list(sites) or None, workers=workers, progress=not quiet, profiles_file=profiles_file)
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report)


@main.group()
def review() -> None:
    """Export a review file, import reviewers' corrections, see progress, render HTML."""


@review.command("export")
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), help="Review file to write.")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, path_type=Path), help="Write reviewed documents as gold files here instead.")
@click.option("--province")
@click.option("--year", type=int)
@click.option("--indicator")
@click.option("--document", help="Document id or file name.")
@click.option("--status", type=click.Choice(["pending", "reviewed"]))
@click.option("--low-confidence", is_flag=True, help="Only targets whose indicator no specific phrase named.")
@click.option("--sample-targets", type=click.IntRange(1), help="Draw this many targets at random (to measure precision).")
@click.option("--sample-documents", type=click.IntRange(1), help="Draw this many documents at random, whole (to measure recall).")
@click.option("--seed", default=0, show_default=True, help="Seed of the random draw.")
@click.option("--batch", help="Batch id (default: a timestamp); with --gold, only the documents of this batch.")
def review_export(db_path, out_path, gold_dir, province, year, indicator, document, status, low_confidence,
                  sample_targets, sample_documents, seed, batch) -> None:
    """Write a review file (or, with --gold, the reviewed documents in gold format)."""
    from .catalogue import Catalogue
    from .review import ReviewFilter, export_review, write_gold

    if not (out_path or gold_dir):
        raise click.UsageError("give --out FILE or --gold DIR")
    try:
        catalogue = Catalogue(db_path)
        if gold_dir:
            count = write_gold(catalogue, gold_dir, batch)
            click.echo(f"{count} reviewed documents written to {gold_dir}")
            return
        filters = ReviewFilter(province, year, indicator, document, status, low_confidence, sample_targets, sample_documents, seed)
        written = export_review(catalogue, out_path, filters, batch)
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    if not written.documents:
        click.echo("nothing to review: no document matches these filters; no file written", err=True)
        return
    targets = sum(len(d.targets) for d in written.documents)
    click.echo(f"batch {written.batch}: {len(written.documents)} documents, {targets} targets -> {out_path}")


@review.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path))
def review_import(path: Path, db_path: Path) -> None:
    """Validate a review file whole, then store its corrections beside the machine values."""
    from .catalogue import Catalogue
    from .review import import_review

    try:
        report = import_review(Catalogue(db_path), path)
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report.describe())


@review.command("status")
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path))
def review_status_command(db_path: Path) -> None:
    """Progress per batch and reviewer, agreement, and what needs reviewing again."""
    from .catalogue import Catalogue
    from .review import review_status

    try:
        status = review_status(Catalogue(db_path))
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(status.describe())


@review.command("html")
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--batch", help="Only the documents of this batch.")
def review_html(db_path: Path, out_path: Path, batch: str | None) -> None:
    """The review page: one self-contained HTML file to accept, reject, correct and add targets
    with the keyboard, saving a review file that `review import` takes."""
    from .catalogue import Catalogue
    from .review.page import write_review_page

    try:
        count = write_review_page(Catalogue(db_path), out_path, batch)
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} documents -> {out_path}")


@main.command()
@click.option("--format", "fmt", required=True, type=click.Choice(["csv", "xlsx", "parquet", "jsonl"]), help="csv has a UTF-8 BOM for Excel; xlsx and parquet need the export extra.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--province", help="A place, its province or its post-merger province (accents and case ignored).")
@click.option("--indicator", help="An indicator code, e.g. poverty.rate.")
@click.option("--year", type=int, help="Due year.")
@click.option("--confirmed-only", is_flag=True, help="Only targets a reviewer accepted or corrected.")
@click.option("--include-rejected", is_flag=True, help="Also the targets a reviewer rejected (flagged in `rejected`).")
def export(fmt: str, out_path: Path, db_path: Path, province: str | None, indicator: str | None, year: int | None,
           confirmed_only: bool, include_rejected: bool) -> None:
    """One row per target, reviewers' corrections applied, with its plan, place (before and after
    the 2025 merger), document and evidence."""
    from .export import TargetFilter, export_targets

    try:
        count = export_targets(db_path, fmt, out_path, TargetFilter(province, indicator, year, confirmed_only, include_rejected))
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} targets -> {out_path}")


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path))
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def serve(db_path: Path, datasette_args: tuple[str, ...]) -> None:
    """Browse the catalogue in Datasette, with descriptions, facets, code labels and canned
    queries (needs the serve extra). Other options go to Datasette: --port 8002, -o, --get PATH."""
    from .datasette.serve import serve as serve_catalogue

    try:
        serve_catalogue(db_path, list(datasette_args))
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--indicator", default="poverty.rate", show_default=True, help="The indicator code to report on.")
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path))
def report(out_path: Path, indicator: str, db_path: Path) -> None:
    """One self-contained HTML page on an indicator, to send to a colleague: a map of the 34
    provinces after the merger, targets by province and due year, coverage, and each target's
    sentence and source."""
    from .report import write_report

    try:
        summary = write_report(db_path, out_path, indicator)
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{indicator}: {summary.describe()} -> {out_path}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

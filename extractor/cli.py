"""Thin command line: parse arguments, call the library, turn ExtractorError into a clean message."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import ExtractorError


@click.group()
@click.version_option(package_name="chitieu")
def main() -> None:
    """chitieu: targets from Vietnamese plan documents into a SQLite catalogue."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", default="catalogue.db", show_default=True, type=click.Path(path_type=Path), help="SQLite catalogue to write.")
@click.option("--json", "json_dir", type=click.Path(file_okay=False, path_type=Path), help="Also write one gold-format JSON per document here.")
@click.option("--no-db", is_flag=True, help="Do not write the catalogue (with --json: JSON only).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def extract(paths: tuple[Path, ...], db_path: Path, json_dir: Path | None, no_db: bool, quiet: bool) -> None:
    """Read documents (files or folders) and extract their plans, references and targets."""
    from .batch import BatchOptions, run_batch

    options = BatchOptions(db_path=None if no_db else db_path, json_dir=json_dir, progress=not quiet)
    try:
        summary = run_batch(list(paths), options)
    except ExtractorError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summary.describe())
    for failure in summary.failures:
        click.echo(f"  failed: {failure.source}: {failure.reason}", err=True)


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
        click.echo(f"failed: {failure.source}: {failure.reason}", err=True)
    scores = score(gold, predicted)
    if as_json:
        click.echo(json.dumps(scores.model_dump(mode="json"), ensure_ascii=False, indent=1))
    else:
        click.echo(format_scores(scores, per_document=per_document))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

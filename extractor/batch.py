"""Run extraction over many files: expand folders, extract, store, write JSON, record failures.

One bad document never stops a batch: its failure (file, stage, reason) is recorded in the
run and the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .atomic import write_text_atomic
from .errors import ExtractorError, StoreError
from .isolation import WorkerFailure, map_isolated
from .models import DocumentOutput
from .pipeline import Extractor
from .sources.files import SUPPORTED, read_file


@dataclass(frozen=True)
class BatchOptions:
    db_path: Path | None = Path("catalogue.db")
    json_dir: Path | None = None
    progress: bool = True
    workers: int = 1  # parallel worker processes; each parse runs in one, bounded in time and memory
    timeout: float = 300.0  # seconds one document may take


@dataclass(frozen=True)
class Failure:
    source: str
    stage: str
    reason: str


@dataclass
class BatchSummary:
    documents: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    plans: int = 0
    targets: int = 0
    failures: list[Failure] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"{self.documents} documents ({self.new} new, {self.changed} changed, {self.unchanged} unchanged), "
            f"{self.plans} plans, {self.targets} targets, {len(self.failures)} failed"
        )

    def counts(self) -> dict[str, int]:
        return {
            "documents": self.documents, "new": self.new, "changed": self.changed, "unchanged": self.unchanged,
            "plans": self.plans, "targets": self.targets, "failed": len(self.failures),
        }


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given, and the supported files inside folders (sorted, recursive)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        else:
            yield path


def run_batch(paths: list[Path], options: BatchOptions) -> BatchSummary:
    from .catalogue import Catalogue

    files = list(expand_paths(paths))
    extractor = Extractor()
    summary = BatchSummary()
    catalogue = Catalogue(options.db_path) if options.db_path else None
    run_id = None
    if catalogue:
        catalogue.sync_indicators(indicator_rows(extractor))
        run_id = catalogue.start_run(extractor.version, {"paths": [str(p) for p in paths], "workers": options.workers})
    stamps: dict[Path, str] = {}
    todo: list[Path] = []
    for path in files:
        stamp = _stamp(path)
        if catalogue and stamp and not options.json_dir and catalogue.is_current_stamp(str(path.resolve()), stamp, extractor.version):
            summary.documents += 1
            summary.unchanged += 1  # unchanged since this version stored it: not even read
            continue
        stamps[path] = stamp
        todo.append(path)
    try:
        work = map_isolated(lambda path: extractor.extract(read_file(path)), todo, options.workers, options.timeout)
        for path, result, error in _progress(work, options.progress, len(todo)):
            if error is not None:
                stage = "read" if isinstance(error, ExtractorError) else "extract"
                _fail(summary, catalogue, run_id, Failure(str(path), stage, _reason(error)))
                continue
            if catalogue:
                try:
                    status = catalogue.store(run_id, result, extractor.version, stamps.get(path))
                except StoreError as exc:
                    _fail(summary, catalogue, run_id, Failure(str(path), "store", str(exc)))
                    continue
                setattr(summary, status, getattr(summary, status) + 1)
            else:
                summary.new += 1
            summary.documents += 1
            summary.plans += int(bool(result.plan.symbol or result.targets))
            summary.targets += len(result.targets)
            if options.json_dir:
                write_json(options.json_dir / (Path(result.document.name).stem + ".json"), result.to_output())
    finally:
        if catalogue:
            catalogue.finish_run(run_id, summary.counts())
            catalogue.close()
    return summary


def _stamp(path: Path) -> str | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _reason(error: Exception) -> str:
    return str(error) if isinstance(error, (ExtractorError, WorkerFailure)) else f"{type(error).__name__}: {error}"


def indicator_rows(extractor: Extractor) -> list[dict]:
    return [
        {"code": rule.code, "label_vi": rule.label, "dimension": rule.dimension}
        for rule in sorted(extractor.rules.indicators.indicators, key=lambda r: -r.priority)
    ]


def extract_outputs(paths: list[Path]) -> tuple[dict[str, DocumentOutput], list[Failure]]:
    """Gold-format outputs keyed by file name, for evaluation; no catalogue involved."""
    extractor = Extractor()
    outputs: dict[str, DocumentOutput] = {}
    failures: list[Failure] = []
    for path in paths:
        try:
            outputs[path.name] = extractor.extract(read_file(path)).to_output()
        except ExtractorError as exc:
            failures.append(Failure(str(path), "read", str(exc)))
    return outputs, failures


def write_json(path: Path, output: DocumentOutput) -> None:
    write_text_atomic(path, output.model_dump_json(indent=2))


def _fail(summary: BatchSummary, catalogue, run_id, failure: Failure) -> None:
    summary.failures.append(failure)
    if catalogue:
        catalogue.record_failure(run_id, failure.source, failure.stage, failure.reason)


def _progress(work, enabled: bool, total: int):
    if not enabled or total < 20:
        return work
    from tqdm import tqdm

    return tqdm(work, unit="doc", desc="extract", total=total)

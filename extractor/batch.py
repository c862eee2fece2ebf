"""Run extraction over many files: expand folders, extract, store, write JSON, record failures.

One bad document never stops a batch: its failure (file, stage, reason) is recorded in the
run and the batch goes on.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import ExtractorError
from .models import DocumentOutput
from .pipeline import EXTRACTOR_VERSION, Extractor
from .sources.files import SUPPORTED, read_file


@dataclass(frozen=True)
class BatchOptions:
    db_path: Path | None = Path("catalogue.db")
    json_dir: Path | None = None
    progress: bool = True


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
        run_id = catalogue.start_run(EXTRACTOR_VERSION, {"paths": [str(p) for p in paths]})
    try:
        for path in _progress(files, options.progress):
            try:
                document = read_file(path)
                if catalogue and not options.json_dir and catalogue.is_current(document.doc_id, document.source, EXTRACTOR_VERSION):
                    summary.documents += 1
                    summary.unchanged += 1
                    continue  # stored by this version already: nothing to extract or write
                result = extractor.extract(document)
            except ExtractorError as exc:
                _fail(summary, catalogue, run_id, Failure(str(path), "read", str(exc)))
                continue
            except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch
                _fail(summary, catalogue, run_id, Failure(str(path), "extract", f"{type(exc).__name__}: {exc}"))
                continue
            summary.documents += 1
            summary.plans += int(bool(result.plan.symbol or result.targets))
            summary.targets += len(result.targets)
            if catalogue:
                status = catalogue.store(run_id, result, EXTRACTOR_VERSION)
                setattr(summary, status, getattr(summary, status) + 1)
            else:
                summary.new += 1
            if options.json_dir:
                write_json(options.json_dir / (Path(result.document.name).stem + ".json"), result.to_output())
    finally:
        if catalogue:
            catalogue.finish_run(run_id, summary.counts())
            catalogue.close()
    return summary


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
    """Write atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = output.model_dump_json(indent=2)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as tmp:
        tmp.write(data)
    os.replace(tmp.name, path)


def _fail(summary: BatchSummary, catalogue, run_id, failure: Failure) -> None:
    summary.failures.append(failure)
    if catalogue:
        catalogue.record_failure(run_id, failure.source, failure.stage, failure.reason)


def _progress(files: list[Path], enabled: bool):
    if not enabled or len(files) < 20:
        return files
    from tqdm import tqdm

    return tqdm(files, unit="doc", desc="extract")

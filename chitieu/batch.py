"""Run extraction over many files: expand folders, extract in a pool of workers, store, write
JSON, record failures.

One bad document never stops a batch: its failure (file, stage, reason) is recorded in the
run and the batch goes on. Files unchanged since this extractor version stored them are
skipped before anything heavy is loaded, so a re-run costs a look at each file's size and time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .atomic import write_text_atomic
from .errors import ExtractorError, StoreError, describe
from .isolation import DOCUMENT_SECONDS, OCR_PAGE_SECONDS, WorkerPool, allow_more_time, enter_stage
from .rules import Rules, load_rules
from .sources.files import SUPPORTED, read_file
from .version import extractor_version

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .models import DocumentOutput, DocumentResult
    from .pipeline import Extractor

log = logging.getLogger(__name__)
TEXT_SECONDS_PER_MILLION = 60.0  # a worker reads ~150,000 characters a second; a busy machine, a few times less


def default_workers() -> int:
    return os.cpu_count() or 1


def ocr_grant(seconds: float):
    """What a reader calls before OCR'ing a page, inside a pool worker: more time for the item."""
    return lambda: allow_more_time(seconds)


def read_and_extract(extractor: "Extractor", path: Path, ocr_page_seconds: float, source: str | None = None,
                     name: str | None = None) -> "DocumentResult":
    """The work of one pool item, telling the pool its stage; a long text asks for time in
    proportion to its length, as OCR does per page."""
    enter_stage("read")
    document = read_file(path, source=source or readable(str(path.resolve())), before_ocr=ocr_grant(ocr_page_seconds))
    document = document.model_copy(update={"name": name or readable(path.name)})
    allow_more_time(TEXT_SECONDS_PER_MILLION * len(document.text) / 1e6)
    enter_stage("extract")
    return extractor.extract(document)


def readable(text: str) -> str:
    """A file name's undecodable bytes (an archive unzipped from Windows) as \\xNN escapes:
    stored, printed and matched again on the next run as the same string."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class BatchOptions:
    db_path: Path | None = Path("catalogue.db")
    json_dir: Path | None = None
    progress: bool = True
    workers: int = field(default_factory=default_workers)  # long-lived worker processes
    timeout: float = DOCUMENT_SECONDS
    ocr_page_seconds: float = OCR_PAGE_SECONDS


@dataclass(frozen=True)
class Failure:
    source: str
    stage: str
    reason: str

    def describe(self) -> str:
        named = self.reason if self.reason.startswith(self.source) else f"{self.source}: {self.reason}"
        return f"{named} (at {self.stage})"


@dataclass
class BatchSummary:
    documents: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicate: int = 0  # the same text as another input: stored once, with both sources
    plans: int = 0
    targets: int = 0
    failures: list[Failure] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"{self.documents} documents ({self.new} new, {self.changed} changed, {self.unchanged} unchanged"
            + (f", {self.duplicate} the same text as another input" if self.duplicate else "") + "), "
            f"{self.plans} plans, {self.targets} targets, {len(self.failures)} failed"
        )

    def counts(self) -> dict[str, int]:
        return {
            "documents": self.documents, "new": self.new, "changed": self.changed, "unchanged": self.unchanged,
            "duplicate": self.duplicate,
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

    rules = load_rules()
    version = extractor_version(rules)
    summary = BatchSummary()
    catalogue = Catalogue(options.db_path) if options.db_path else None
    run_id = None
    if catalogue:
        catalogue.sync_indicators(indicator_rows(rules))
        run_id = catalogue.start_run(version, {"paths": [readable(str(p)) for p in paths], "workers": options.workers})
    try:
        todo = _changed_files(list(expand_paths(paths)), catalogue, version, options, summary)
        if todo:
            _extract_all(todo, rules, catalogue, run_id, options, summary)
    finally:
        if catalogue:
            catalogue.finish_run(run_id, summary.counts())
            catalogue.close()
    return summary


def _changed_files(files: list[Path], catalogue: "Catalogue | None", version: str, options: BatchOptions,
                   summary: BatchSummary) -> list[tuple[Path, str | None]]:
    """(file, stamp) of the files to read: all but those stored, unchanged, by this version."""
    todo = []
    for path in files:
        stamp = _stamp(path)
        if catalogue and stamp and not options.json_dir and catalogue.is_current_stamp(readable(str(path.resolve())), stamp, version):
            summary.documents += 1
            summary.unchanged += 1  # unchanged since this version stored it: not even read
            continue
        todo.append((path, stamp))
    return todo


def _extract_all(todo: list[tuple[Path, str | None]], rules: Rules, catalogue: "Catalogue | None", run_id,
                 options: BatchOptions, summary: BatchSummary) -> None:
    from contextlib import nullcontext

    from .nlp import load_segmenter
    from .pipeline import Extractor

    extractor = Extractor(rules)  # built before the workers fork: they start warm
    load_segmenter()
    pool = WorkerPool(lambda item: read_and_extract(extractor, item[0], options.ocr_page_seconds), options.workers, options.timeout)
    json_files = json_names([path for path, _ in todo]) if options.json_dir else {}
    with catalogue.grouped_commits() if catalogue else nullcontext(lambda: None) as committed:
        for (path, stamp), result, error, stage in _progress(pool.map(todo), options.progress, len(todo)):
            if error is not None:
                _fail(summary, catalogue, run_id, Failure(readable(str(path)), stage or "start", describe(error)))
            else:
                kept = _keep(path, result, stamp, catalogue, run_id, extractor.version, summary)
                if kept and options.json_dir:
                    write_json(options.json_dir / json_files[path], result.to_output())
            committed()


def json_names(paths: list[Path]) -> dict[Path, str]:
    """Each input's JSON file name: `<stem>.json`, as gold files are named; inputs of one run
    sharing a stem (a plan as .pdf and .docx) keep their suffix, and those sharing a whole name (one
    name in two folders) add a digest of their path, so no output overwrites another."""
    stems = Counter(readable(path.stem) for path in paths)
    names = Counter(readable(path.name) for path in paths)
    chosen = {}
    for path in paths:
        stem, name = readable(path.stem), readable(path.name)
        if stems[stem] == 1:
            chosen[path] = f"{stem}.json"
        elif names[name] == 1:
            chosen[path] = f"{name}.json"
        else:
            digest = hashlib.sha1(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:8]
            chosen[path] = f"{name}.{digest}.json"
    return chosen


def _keep(path: Path, result, stamp: str | None, catalogue: "Catalogue | None", run_id, version: str, summary: BatchSummary) -> bool:
    """Store and count a document; False when storing it failed (recorded)."""
    if catalogue:
        try:
            status = catalogue.store(run_id, result, version, stamp)
        except StoreError as exc:
            _fail(summary, catalogue, run_id, Failure(readable(str(path)), "store", str(exc)))
            return False
        setattr(summary, status, getattr(summary, status) + 1)
        log.debug("%s: %s, %d targets", result.document.source, status, len(result.targets))
    else:
        summary.new += 1
    summary.documents += 1
    summary.plans += int(bool(result.plan.symbol or result.targets))
    summary.targets += len(result.targets)
    return True


def _stamp(path: Path) -> str | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def indicator_rows(rules: Rules) -> list[dict]:
    return [
        {"code": rule.code, "label_vi": rule.label, "dimension": rule.dimension}
        for rule in sorted(rules.indicators.indicators, key=lambda r: -r.priority)
    ]


def extract_outputs(paths: list[Path]) -> tuple[dict[str, "DocumentOutput"], list[Failure]]:
    """Gold-format outputs keyed by file name, for evaluation; no catalogue involved."""
    from .pipeline import Extractor

    extractor = Extractor()
    outputs: dict[str, DocumentOutput] = {}
    failures: list[Failure] = []
    for path in paths:
        try:
            outputs[path.name] = extractor.extract(read_file(path)).to_output()
        except ExtractorError as exc:
            failures.append(Failure(readable(str(path)), "read", str(exc)))
    return outputs, failures


def write_json(path: Path, output: "DocumentOutput") -> None:
    write_text_atomic(path, output.model_dump_json(indent=2))


def _fail(summary: BatchSummary, catalogue: "Catalogue | None", run_id, failure: Failure) -> None:
    failure = Failure(failure.source, failure.stage, readable(failure.reason))  # a reason may quote an odd file name
    log.info("failed: %s", failure.describe())
    summary.failures.append(failure)
    if catalogue:
        catalogue.record_failure(run_id, failure.source, failure.stage, failure.reason)


def _progress(work, enabled: bool, total: int):
    if not enabled or total < 20 or not sys.stderr.isatty():  # a bar only for a person watching
        return work
    from tqdm import tqdm

    return tqdm(work, unit="doc", desc="extract", total=total)

"""Throughput and memory of extraction, against underthesea's word_tokenize alone.

    python bench/bench_extract.py [--docs 2000] [--db /tmp/bench.db]

Builds a corpus of the bundled seeds plus ../shared/devset/docs (when present), repeated with a
distinct last line so that every copy is a new document, streams it through read -> extract ->
store, and prints documents per second, peak memory (sampled along the run, to show it stays
flat) and the ratio of the total time to word_tokenize alone on the same texts.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from underthesea import word_tokenize  # noqa: E402

from extractor.batch import indicator_rows  # noqa: E402
from extractor.catalogue import Catalogue  # noqa: E402
from extractor.models import Document  # noqa: E402
from extractor.pipeline import Extractor  # noqa: E402
from extractor.sources.files import document_id  # noqa: E402
from extractor.text import normalise  # noqa: E402


def source_texts() -> list[tuple[str, str]]:
    folders = [REPO / "corpus" / "seeds", REPO.parent / "shared" / "devset" / "docs"]
    return [(p.name, p.read_text(encoding="utf-8")) for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))]


def corpus(count: int):
    """`count` distinct documents, generated on the fly (never held in memory together)."""
    texts = source_texts()
    for i, (name, text) in zip(range(count), itertools.cycle(texts)):
        yield f"{i:05d}_{name}", f"{text}\n(bản sao {i})"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()

    word_tokenize("khởi động mô hình")  # load the CRF model outside the timings
    extractor = Extractor()
    db_path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    catalogue = Catalogue(db_path)
    catalogue.sync_indicators(indicator_rows(extractor))
    run_id = catalogue.start_run(extractor.version, {"bench": True})
    samples = []
    targets = 0
    tokenize_seconds = total_seconds = 0.0
    # Interleaved, document by document, so that both timings see the same machine state.
    for i, (name, raw) in enumerate(corpus(args.docs), 1):
        started = time.perf_counter()
        for line in raw.splitlines():
            if line.strip():
                word_tokenize(line)
        tokenize_seconds += time.perf_counter() - started
        started = time.perf_counter()
        text = normalise(raw).text
        document = Document(doc_id=document_id(text), name=name, source=f"bench/{name}", text=text)
        result = extractor.extract(document)
        catalogue.store(run_id, result, extractor.version)
        total_seconds += time.perf_counter() - started
        targets += len(result.targets)
        if i % max(1, args.docs // 4) == 0:
            samples.append((i, round(peak_mb(), 1)))

    started = time.perf_counter()
    for name, raw in corpus(args.docs):
        text = normalise(raw).text
        if not catalogue.is_current(document_id(text), f"bench/{name}", extractor.version):
            raise SystemExit(f"re-run found {name} changed")
    rerun_seconds = time.perf_counter() - started
    catalogue.finish_run(run_id, {"documents": args.docs})
    catalogue.close()

    print(f"documents           {args.docs}  ({targets} targets)")
    print(f"word_tokenize only  {tokenize_seconds:.1f} s")
    print(f"full extraction     {total_seconds:.1f} s  = {args.docs / total_seconds:.1f} docs/s (read, normalise, tokenise, passes, store)")
    print(f"ratio total / tokenize  {total_seconds / tokenize_seconds:.2f}")
    print(f"re-run, unchanged   {rerun_seconds:.2f} s  = {args.docs / rerun_seconds:.0f} docs/s (normalise, hash, look up; nothing extracted or written)")
    print("peak RSS (MB) after n docs  " + "  ".join(f"{n}: {mb}" for n, mb in samples))


if __name__ == "__main__":
    main()

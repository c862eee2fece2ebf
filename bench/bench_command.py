"""`chitieu extract` timed as users run it: whole processes, side by side with a reference.

    python3 bench/bench_command.py                 # every section
    python3 bench/bench_command.py --only speed    # speed | memory | size | rerun

The corpus is generated from real texts (corpus/seeds, and ../shared/devset and ../shared/wild
when present), each copy made distinct by a last line, so that no document is "unchanged".

speed   600 texts: `chitieu extract --workers 1` against a process that only imports
        underthesea and word-tokenises the same texts line by line (the extractor's own unit),
        run in turn A B A B ...; the ratio pair by pair, its median; documents/s for 1 and 2
        workers and the ratio of their throughputs, over the whole run and once started (from
        the same commands on 1,800 texts).
memory  peak memory along runs of 500, 2,000 and 10,000 documents (1 worker): the largest
        process's RSS and the sum of the proportional set sizes of every process of the run,
        sampled every 0.1 s.
size    per-character cost of 100 texts of 10 KB, 10 of 100 KB and 1 of 1 MB (the same 1 MB in
        all), each less the cost of the same command on one short text (start-up).
rerun   a second run over 2,000 unchanged files: files/s and rows written.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "corpus" / "seeds", REPO.parent / "shared" / "devset" / "docs", REPO.parent / "shared" / "wild" / "docs"]
CHITIEU = [shutil.which("chitieu")] if shutil.which("chitieu") else [sys.executable, "-m", "chitieu.cli"]
TOKENISE_ONLY = """
import sys
from pathlib import Path
from underthesea import word_tokenize
for path in sorted(Path(sys.argv[1]).iterdir()):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            word_tokenize(line)
"""


def real_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in SOURCES if folder.is_dir() for p in sorted(folder.glob("*.txt"))]


def write_corpus(folder: Path, count: int, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in zip(range(count), itertools.cycle(texts)):
        (folder / f"{i:05d}.txt").write_text(f"{text}\n(bản sao {i})\n", encoding="utf-8")
    return folder


def write_sized(folder: Path, size: int, count: int, texts: list[str]) -> Path:
    """`count` distinct texts of about `size` characters, made of whole real texts."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = itertools.cycle(texts)
    for i in range(count):
        parts, length = [], 0
        while length < size:
            part = f"{next(pool)}\n(đoạn {i}-{len(parts)})\n"
            parts.append(part)
            length += len(part)
        (folder / f"{i:04d}.txt").write_text("".join(parts)[:size], encoding="utf-8")
    return folder


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def memory_kb(pid: int) -> tuple[int, int]:
    """(largest RSS, sum of PSS) over the process tree of `pid`, in kB."""
    largest = total = 0
    for member in descendants(pid):
        try:
            rollup = Path(f"/proc/{member}/smaps_rollup").read_text()
        except OSError:
            continue
        values = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:] if line.split()[1:2]}
        largest = max(largest, values.get("Rss", 0))
        total += values.get("Pss", 0)
    return largest, total


def timed(command: list[str], sample: bool = False) -> dict:
    """Run `command` to the end; wall and CPU seconds, and (sampled) peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_rss = peak_pss = 0
    while sample and process.poll() is None:
        rss, pss = memory_kb(process.pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.1)
    status = process.wait()
    wall = time.perf_counter() - started
    if status != 0:
        sys.exit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return {"wall": wall, "rss_mb": peak_rss / 1024, "pss_mb": peak_pss / 1024}


def extract(folder: Path, db: Path, workers: int, sample: bool = False) -> dict:
    if db.exists():
        db.unlink()
    return timed([*CHITIEU, "extract", str(folder), "--db", str(db), "--quiet", "--workers", str(workers)], sample)


def speed(work: Path, texts: list[str], runs: int) -> None:
    small, large = write_corpus(work / "speed", 600, texts), write_corpus(work / "speed3x", 1800, texts)
    db = work / "speed.db"
    tokenise = [sys.executable, "-c", TOKENISE_ONLY, str(small)]
    one, two, reference, one_large, two_large = [], [], [], [], []
    for _ in range(runs):
        one.append(extract(small, db, 1)["wall"])
        reference.append(timed(tokenise)["wall"])
        two.append(extract(small, db, 2)["wall"])
        one_large.append(extract(large, db, 1)["wall"])
        two_large.append(extract(large, db, 2)["wall"])
    print(f"speed, 600 texts, {runs} runs each (median, min-max):")
    print(f"  chitieu extract --workers 1   {_spread(one)} s   {600 / statistics.median(one):.0f} docs/s")
    print(f"  chitieu extract --workers 2   {_spread(two)} s   {600 / statistics.median(two):.0f} docs/s")
    print(f"  tokenise only                 {_spread(reference)} s")
    print(f"  ratio 1 worker / tokenise only: {_spread([a / b for a, b in zip(one, reference)], 2)}")
    print(f"  throughput 2 workers / 1 worker: {_spread([a / c for a, c in zip(one, two)], 2)}")
    # the same commands on 1,800 texts: the extra 1,200 documents over the extra time is the
    # throughput once started (start-up, ~2.5 s of imports and models, is paid once per run)
    marginal_one = [1200 / (b - a) for a, b in zip(one, one_large)]
    marginal_two = [1200 / (b - a) for a, b in zip(two, two_large)]
    print(f"  once started (1,800 - 600 texts): 1 worker {_spread(marginal_one, 0)} docs/s, "
          f"2 workers {_spread(marginal_two, 0)} docs/s, ratio {_spread([b / a for a, b in zip(marginal_one, marginal_two)], 2)}")


def memory(work: Path, texts: list[str], sizes: list[int]) -> None:
    print("memory, 1 worker (peak along the run):")
    for count in sizes:
        folder = write_corpus(work / f"memory{count}", count, texts)
        result = extract(folder, work / "memory.db", 1, sample=True)
        print(f"  {count:>6} documents: largest process {result['rss_mb']:.0f} MB, all processes (PSS) "
              f"{result['pss_mb']:.0f} MB, {count / result['wall']:.0f} docs/s")
        shutil.rmtree(folder)


def size(work: Path, texts: list[str], runs: int) -> None:
    start_up = write_corpus(work / "startup", 1, texts[:1])
    print("size, per-character cost less start-up (1 worker):")
    for label, length, count in (("10 KB", 10_000, 100), ("100 KB", 100_000, 10), ("1 MB", 1_000_000, 1)):
        folder = write_sized(work / f"size{length}", length, count, texts)
        costs = []
        for _ in range(runs):
            net = extract(folder, work / "size.db", 1)["wall"] - extract(start_up, work / "size.db", 1)["wall"]
            costs.append(net / (length * count) * 1e6)
        print(f"  {count:>3} x {label:>6}: {_spread(costs, 2)} µs per character")


def rerun(work: Path, texts: list[str]) -> None:
    folder = write_corpus(work / "rerun", 2000, texts)
    db = work / "rerun.db"
    extract(folder, db, 2)
    before = _stored_rows(db)
    result = timed([*CHITIEU, "extract", str(folder), "--db", str(db), "--quiet"])
    print(f"rerun, 2,000 unchanged files: {2000 / result['wall']:.0f} files/s ({result['wall']:.2f} s), "
          f"stored rows {'unchanged' if _stored_rows(db) == before else 'CHANGED'}")


def _stored_rows(db: Path) -> list:
    """Every document row's id and storing time, its sources with their stamps, and the other tables' rows."""
    with sqlite3.connect(db) as connection:
        return [connection.execute(sql).fetchall() for sql in (
            "select id, stored_at from documents order by id", "select * from document_sources order by source",
            "select * from plans order by id", "select * from targets order by id", "select * from [references] order by id",
        )]


def _spread(values: list[float], digits: int = 1) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["speed", "memory", "size", "rerun"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-sizes", default="500,2000,10000")
    args = parser.parse_args()
    texts = real_texts()
    print(f"{len(texts)} real texts; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        if args.only in (None, "speed"):
            speed(work, texts, args.runs)
        if args.only in (None, "memory"):
            memory(work, texts, [int(n) for n in args.memory_sizes.split(",")])
        if args.only in (None, "size"):
            size(work, texts, args.runs)
        if args.only in (None, "rerun"):
            rerun(work, texts)


if __name__ == "__main__":
    main()

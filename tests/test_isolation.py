"""The worker pool: long-lived workers take many items; a hang is stopped, a crash or memory
exhaustion is recorded, the worker replaced, and the rest goes on."""

import os
import time

from chitieu.isolation import WorkerFailure, WorkerPool, allow_more_time


def work(item):
    if item == "hang":
        time.sleep(60)
    if item == "crash":
        os._exit(3)  # a native crash takes the process down without a Python exception
    if item == "raise":
        raise ValueError("bad page")
    if item == "memory":
        bytearray(8 * 1024**3)
    if item == "slow but granted":
        for _ in range(6):
            allow_more_time(1.0)  # as OCR does before each page
            time.sleep(0.5)
    return item.upper(), os.getpid()


def run(items, **options):
    pool = WorkerPool(work, **{"workers": 2, "timeout": 2, "memory_limit": 2 * 1024**3, **options})
    return {item: (result, error) for item, result, error, _ in pool.map(items)}


def test_failures_are_contained():
    results = run(["a", "hang", "crash", "raise", "memory", "b"])
    assert results["a"][0][0] == "A" and results["b"][0][0] == "B"
    assert isinstance(results["hang"][1], WorkerFailure) and "budget of 2 s" in str(results["hang"][1])
    assert isinstance(results["crash"][1], WorkerFailure) and "exit code 3" in str(results["crash"][1])
    assert isinstance(results["raise"][1], ValueError)
    assert isinstance(results["memory"][1], MemoryError)


def test_workers_are_long_lived():
    items = [f"doc{i}" for i in range(40)]
    results = run(items)
    assert sorted(r[0] for r, _ in results.values()) == sorted(i.upper() for i in items)
    assert len({pid for (_, pid), _ in results.values()}) == 2  # two processes took all forty


def test_workers_are_retired_after_their_share():
    results = run([f"doc{i}" for i in range(9)], workers=1, recycle_after=4)
    assert len({pid for (_, pid), _ in results.values()}) == 3  # 4 + 4 + 1


def test_a_worker_dying_mid_batch_loses_only_its_item():
    items = [f"doc{i}" for i in range(10)] + ["crash"] + [f"late{i}" for i in range(10)]
    results = run(items, workers=1)
    assert isinstance(results["crash"][1], WorkerFailure)
    assert all(results[i][0][0] == i.upper() for i in items if i != "crash")
    before, after = results["doc0"][0][1], results["late0"][0][1]
    assert before != after  # the dead worker was replaced


def test_granted_time_extends_the_budget():
    results = run(["slow but granted"], timeout=1.5)
    assert results["slow but granted"][1] is None  # 3 s of work under a 1.5 s budget plus 6 s granted


def test_a_consumer_that_stops_early_leaves_no_worker_behind():
    pool = WorkerPool(work, workers=2, timeout=5)
    for _ in pool.map([f"doc{i}" for i in range(10)]):
        break
    assert not [c for c in os.listdir("/proc") if c.isdigit() and _parent_of(c) == os.getpid()]


def _parent_of(pid: str) -> int | None:
    try:
        return int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
    except OSError:
        return None

"""Worker processes: a hang is stopped, a crash is recorded, and the rest goes on."""

import os
import time

from extractor.isolation import WorkerFailure, map_isolated


def work(item):
    if item == "hang":
        time.sleep(60)
    if item == "crash":
        os._exit(3)  # a native crash takes the process down without a Python exception
    if item == "raise":
        raise ValueError("bad page")
    if item == "memory":
        bytearray(8 * 1024**3)
    return item.upper()


def test_failures_are_contained():
    results = {item: (result, error) for item, result, error in map_isolated(
        work, ["a", "hang", "crash", "raise", "memory", "b"], workers=2, timeout=2, memory_limit=2 * 1024**3
    )}
    assert results["a"] == ("A", None) and results["b"] == ("B", None)
    assert isinstance(results["hang"][1], WorkerFailure) and "longer than 2 s" in str(results["hang"][1])
    assert isinstance(results["crash"][1], WorkerFailure) and "exit code 3" in str(results["crash"][1])
    assert isinstance(results["raise"][1], ValueError)
    assert isinstance(results["memory"][1], MemoryError)

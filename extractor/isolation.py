"""Run each parse in a worker process with a time and memory limit, so that a document that
hangs a parser, exhausts memory or crashes native code is recorded and the batch goes on."""

from __future__ import annotations

import multiprocessing
import resource
import time
from multiprocessing.connection import wait
from typing import Callable, Iterable, Iterator, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MEMORY_LIMIT = 4 * 1024**3


class WorkerFailure(Exception):
    """A worker timed out, ran out of memory or died; the message says which."""


def _child(connection, func, item, memory_limit) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    try:
        connection.send(("ok", func(item)))
    except BaseException as exc:  # noqa: BLE001 - everything is reported to the parent
        connection.send(("error", exc if isinstance(exc, Exception) else WorkerFailure(repr(exc))))
    finally:
        connection.close()


def map_isolated(
    func: Callable[[Item], Result], items: Iterable[Item], workers: int = 1, timeout: float = 300.0,
    memory_limit: int = MEMORY_LIMIT,
) -> Iterator[tuple[Item, Result | None, Exception | None]]:
    """Yield (item, result, error) for every item, computed in forked workers, `workers` at a time.
    Results come back in completion order."""
    context = multiprocessing.get_context("fork")  # the compiled rules and models are shared, not rebuilt
    pending = iter(items)
    running: dict = {}  # connection -> (process, item, started)
    exhausted = False
    while running or not exhausted:
        while not exhausted and len(running) < workers:
            try:
                item = next(pending)
            except StopIteration:
                exhausted = True
                break
            parent, child = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(child, func, item, memory_limit), daemon=True)
            process.start()
            child.close()
            running[parent] = (process, item, time.monotonic())
        if not running:
            break
        for connection in wait(list(running), timeout=0.2):
            process, item, _ = running.pop(connection)
            try:
                status, payload = connection.recv()
            except EOFError:
                process.join()
                yield item, None, WorkerFailure(f"worker died (exit code {process.exitcode})")
                continue
            process.join()
            yield (item, payload, None) if status == "ok" else (item, None, payload)
        now = time.monotonic()
        for connection, (process, item, started) in list(running.items()):
            if now - started > timeout:
                process.kill()
                process.join()
                running.pop(connection)
                yield item, None, WorkerFailure(f"took longer than {timeout:.0f} s; stopped")

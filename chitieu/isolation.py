"""A pool of long-lived worker processes, each parsing many documents, that keeps the isolation
of one process per document: a document that hangs a parser, exhausts memory or crashes native
code is stopped and recorded, its worker replaced, and the batch goes on.

Workers are forked from the parent once it has built what they need (the compiled rules and
models), so a replacement is ready at once. Each takes one item at a time; the parent knows
which item every worker holds and when its time is up. A worker is retired after
`recycle_after` items so that what grows with the documents it has seen (spaCy's string store
learns every new number) stays bounded.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Generic, Iterable, Iterator, NamedTuple, TypeVar

from .errors import ExtractorError

Item = TypeVar("Item")
Result = TypeVar("Result")

MEMORY_LIMIT = 4 * 1024**3
RECYCLE_AFTER = 500
DOCUMENT_SECONDS = 120.0  # what one document may take, before the time its OCR'd pages add
OCR_PAGE_SECONDS = 60.0
PARENT_CHECK_SECONDS = 2.0
PR_SET_PDEATHSIG = 1  # prctl(2)  # Tesseract needs a few CPU seconds a page; a busy machine, several times that

_parent_connection: Connection | None = None  # in a worker: where `allow_more_time` writes


class WorkerFailure(ExtractorError):
    """A worker timed out, ran out of memory or died; the message says which."""


class Outcome(NamedTuple):  # not Generic: a generic NamedTuple needs Python 3.11
    item: Any
    result: Any
    error: Exception | None
    stage: str  # what the worker last said it was doing ("read", "extract"), when it failed


def allow_more_time(seconds: float) -> None:
    """Called inside a worker by long work that knows its size (OCR asks for a budget per
    page): the item's deadline moves `seconds` later. Outside a worker it does nothing."""
    if _parent_connection is not None:
        _parent_connection.send(("time", seconds))


def enter_stage(name: str) -> None:
    """Called inside a worker as its work moves on: a failure is reported with the stage it
    happened in, whether the work raised or the worker was stopped. Outside a worker, nothing."""
    if _parent_connection is not None:
        _parent_connection.send(("stage", name))


def _serve(connection: Connection, parent_end: Connection, parent_pid: int, func: Callable, memory_limit: int,
           recycle_after: int) -> None:
    global _parent_connection
    parent_end.close()  # the parent's end, copied by the fork: held here, it would hide the parent's death
    _die_with_parent(parent_pid)
    os.setpgid(0, 0)  # its own process group: a stopped worker takes its subprocesses (tesseract) with it
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    _parent_connection = connection
    for _ in range(recycle_after):
        # other workers' copies of their pipes keep this one open too: watch the parent itself
        while not connection.poll(PARENT_CHECK_SECONDS):
            if os.getppid() != parent_pid:
                return
        try:
            item = connection.recv()
        except EOFError:
            return
        try:
            connection.send(("ok", func(item)))
        except MemoryError as exc:
            connection.send(("error", exc))
            return  # a heap that ran out may be fragmented: a fresh worker takes the next item
        except BaseException as exc:  # noqa: BLE001 - everything is reported to the parent
            connection.send(("error", exc if _picklable(exc) else WorkerFailure(f"{type(exc).__name__}: {exc}")))


def _die_with_parent(parent_pid: int) -> None:
    """On Linux the kernel stops this worker when the batch's process dies (a kill -9, an OOM
    kill), even in the middle of an item; elsewhere the idle loop notices within seconds."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:
        os._exit(0)  # the parent died before the kernel was told


def _picklable(exc: BaseException) -> bool:
    import pickle

    if not isinstance(exc, Exception):
        return False
    try:
        pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - any failure to pickle means "send a description instead"
        return False
    return True


@dataclass
class _Worker(Generic[Item]):
    process: multiprocessing.Process
    connection: Connection
    item: Item | None = None
    busy: bool = False
    deadline: float = 0.0
    budget: float = 0.0  # seconds allowed for the current item, extensions included
    stage: str = ""
    taken: int = 0


class WorkerPool(Generic[Item, Result]):
    """`map` runs `func` over items in `workers` processes; build it after what `func` needs."""

    def __init__(
        self, func: Callable[[Item], Result], workers: int = 1, timeout: float = DOCUMENT_SECONDS,
        memory_limit: int = MEMORY_LIMIT, recycle_after: int = RECYCLE_AFTER,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.func, self.workers, self.timeout = func, max(1, workers), timeout
        self.memory_limit, self.recycle_after, self.clock = memory_limit, recycle_after, clock
        self._context = multiprocessing.get_context("fork")

    def map(self, items: Iterable[Item]) -> Iterator[Outcome]:
        """Yield an Outcome for every item, in completion order."""
        pending = iter(items)
        pool: list[_Worker] = []
        try:
            exhausted = self._dispatch(pool, pending)
            while busy := [w for w in pool if w.busy]:
                done = list(self._collect(pool, busy))
                if not exhausted:
                    # new items go out before the caller handles the results (storing them), so
                    # that no worker waits for the writer
                    exhausted = self._dispatch(pool, pending)
                yield from done
        finally:
            for worker in pool:
                self._stop(worker)

    def _dispatch(self, pool: list[_Worker], pending: Iterator[Item]) -> bool:
        """Give every idle worker an item, starting workers as needed; True when none are left."""
        while True:
            idle = next((w for w in pool if not w.busy), None)
            if idle is None and len(pool) < self.workers:
                idle = self._start()
                pool.append(idle)
            if idle is None:
                return False
            try:
                item = next(pending)
            except StopIteration:
                return True
            idle.item, idle.busy, idle.taken, idle.stage = item, True, idle.taken + 1, ""
            idle.budget, idle.deadline = self.timeout, self.clock() + self.timeout
            try:
                idle.connection.send(item)
            except OSError:
                pass  # the worker is gone: collecting reads its end of file and reports it

    def _collect(self, pool: list[_Worker], busy: list[_Worker]) -> Iterator[Outcome]:
        wait_for = max(0.0, min(w.deadline for w in busy) - self.clock())
        for connection in wait([w.connection for w in busy], timeout=min(wait_for, 1.0)):
            worker = next(w for w in busy if w.connection is connection)
            try:
                status, payload = connection.recv()
            except (EOFError, OSError):
                code = self._stop(worker)
                pool.remove(worker)
                yield Outcome(worker.item, None, WorkerFailure(f"worker died (exit code {code})"), worker.stage)
                continue
            if status == "time":
                worker.deadline += payload
                worker.budget += payload
                continue
            if status == "stage":
                worker.stage = payload
                continue
            worker.busy = False
            if worker.taken >= self.recycle_after or isinstance(payload, MemoryError):
                self._stop(worker)
                pool.remove(worker)  # the next dispatch starts a fresh one if items remain
            yield Outcome(worker.item, payload, None, worker.stage) if status == "ok" else Outcome(worker.item, None, payload, worker.stage)
        now = self.clock()
        for worker in [w for w in busy if w.busy and now > w.deadline]:
            self._stop(worker)
            pool.remove(worker)
            yield Outcome(worker.item, None, WorkerFailure(f"took longer than its budget of {worker.budget:.0f} s; stopped"), worker.stage)

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_serve, args=(child, parent, os.getpid(), self.func, self.memory_limit, self.recycle_after), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _stop(self, worker: _Worker) -> int | None:
        """End a worker and its process group; its exit code."""
        worker.connection.close()
        if worker.process.is_alive():
            try:
                os.killpg(worker.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                worker.process.kill()  # killed before it made its own group
        worker.process.join()
        return worker.process.exitcode

"""Work spread over the machine's cores: a build renders its documents side by side.

Workers are forked (Linux), so each starts with everything this process holds in memory: nothing is
pickled on the way in, only each result comes back through a pipe, and the items are handed out one
at a time, so a big deck does not wait behind a small table. Where there is no safe fork (Windows; a
Mac, whose system libraries do not survive one; the portable path), one core, one item, or other
threads running (the watch: a fork copies whatever lock another thread holds), the items are worked
through here, one by one.

Either way the results come back in the items' order, and the first item that failed, in that order,
raises its error here: the same outcome as a plain loop, only sooner.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import TypeVar

from packetgen.core.platform.selection import portable

T = TypeVar("T")
R = TypeVar("R")


WORKERS_ENV = "PACKETGEN_WORKERS"  # at most this many processes (1: render in this process)


def worker_count(items: int) -> int:
    """How many processes work ``items`` items: one (this one) where forking is not possible or not
    worth it, else one per core up to one per item, and at most ``PACKETGEN_WORKERS``."""
    if portable() or items < 2 or threading.active_count() > 1:
        return 1
    if not sys.platform.startswith("linux"):
        return 1
    limit = os.environ.get(WORKERS_ENV, "").strip()
    cores = int(limit) if limit.isdigit() and int(limit) > 0 else os.cpu_count() or 1
    return max(1, min(items, cores))


def map_in_workers(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[function(item) for item in items]``, on as many cores as ``worker_count`` gives."""
    workers = worker_count(len(items))
    if workers == 1:
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    tasks = context.SimpleQueue()
    for index in range(len(items)):
        tasks.put(index)
    for _ in range(workers):
        tasks.put(None)  # one stop sign per worker
    sys.stdout.flush()  # a forked worker would print what this process had not flushed yet, again
    sys.stderr.flush()
    pipes, processes = [], []
    for _ in range(workers):
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(function, items, tasks, sending), daemon=True)
        process.start()
        sending.close()
        pipes.append(receiving)
        processes.append(process)
    try:
        outcomes = _collect(pipes, len(items))
    finally:
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
    return [_result(outcomes[index]) for index in range(len(items))]


def _work(function: Callable[[T], R], items: Sequence[T], tasks, results: Connection) -> None:
    """A worker: take the next item's index until the stop sign, send back (index, ok, value)."""
    while (index := tasks.get()) is not None:
        try:
            outcome: tuple[int, bool, object] = (index, True, function(items[index]))
        except BaseException as exc:  # raised again where the work was asked for
            outcome = (index, False, _portable_error(exc))
        results.send_bytes(pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL))
    results.close()


def _portable_error(exc: BaseException) -> BaseException:
    """The error itself when it survives the pipe; otherwise its traceback as a RuntimeError."""
    try:
        pickle.loads(pickle.dumps(exc, pickle.HIGHEST_PROTOCOL))
        return exc
    except Exception:  # an error that cannot be sent is described instead
        return RuntimeError("".join(traceback.format_exception(exc)))


def _collect(pipes: list[Connection], count: int) -> dict[int, tuple[bool, object]]:
    """Every item's outcome by index; a worker that ended without sending all of its outcomes (killed)
    is an error here, not a wait forever."""
    outcomes: dict[int, tuple[bool, object]] = {}
    open_pipes = list(pipes)
    while len(outcomes) < count:
        if not open_pipes:
            raise RuntimeError(f"a worker process ended early: {count - len(outcomes)} of {count} items not done")
        for ready in wait(open_pipes):
            try:
                index, ok, value = pickle.loads(ready.recv_bytes())  # type: ignore[union-attr]
            except EOFError:
                open_pipes.remove(ready)  # type: ignore[arg-type]
                continue
            outcomes[index] = (ok, value)
    return outcomes


def _result(outcome: tuple[bool, object]):
    ok, value = outcome
    if not ok:
        raise value  # type: ignore[misc]
    return value

"""Work spread over the machine's cores: a build loads and renders its documents side by side.

Workers are forked (Linux), so each starts with everything this process holds in memory: nothing is
pickled on the way in, only each result comes back through a pipe. Every item is prepared first (a
document's inputs loaded and checked), handed out one at a time, so a worker busy importing pandas for
the population tables does not hold up the others; then each worker finishes (renders) the items it
prepared, where their loaded data is. Once an item reports something when prepared, no worker finishes
another, and as soon as every item is prepared this process stops the workers: a build with an input
problem says so without waiting for renders it will not use (``map_in_two_steps``).

Where there is no safe fork (Windows; a Mac, whose system libraries do not survive one; the portable
path), one core, one item, or other threads running (the watch: a fork copies whatever lock another
thread holds), the items are worked through here: all prepared, then all finished. Either way the
results come back in the items' order, and the first item that failed, in that order, raises its error.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, Protocol, TypeVar

from packetgen.core.platform.selection import portable

T = TypeVar("T")
R = TypeVar("R")
P = TypeVar("P")  # what prepare reports (an input problem)
S = TypeVar("S")  # what prepare keeps for finish (loaded data)


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


class Flag(Protocol):
    def set(self) -> None: ...
    def is_set(self) -> bool: ...


def map_in_two_steps(
    prepare: Callable[[T], tuple[list[P], S]],
    finish: Callable[[T, S], R] | None,
    items: Sequence[T],
    on_cores: bool = True,
) -> tuple[list[list[P]], list[R] | None]:
    """``prepare`` every item: what it reports comes back here, what it keeps stays in the process that
    prepared it, which ``finish``es the item with it. Returns every item's report, and the finished
    results only if no item reported anything (and ``finish`` is given; else None): a build tells its
    input problems without waiting for the documents that have none to render.
    Not ``on_cores``: here, one by one."""
    workers = worker_count(len(items)) if on_cores else 1
    if workers == 1:
        prepared = [prepare(item) for item in items]
        reports = [report for report, _ in prepared]
        if finish is None or any(reports):
            return reports, None
        return reports, [finish(item, kept) for item, (_, kept) in zip(items, prepared, strict=True)]
    context = multiprocessing.get_context("fork")
    tasks = context.SimpleQueue()
    for index in range(len(items)):
        tasks.put(index)
    for _ in range(workers):
        tasks.put(None)  # one stop sign per worker
    steps = _Steps(prepare, finish, items, context.Event(), context.Value("q", len(items)))
    sys.stdout.flush()  # a forked worker would print what this process had not flushed yet, again
    sys.stderr.flush()
    pipes, processes = [], []
    for _ in range(workers):
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=steps.work, args=(tasks, sending), daemon=True)
        process.start()
        sending.close()
        pipes.append(receiving)
        processes.append(process)
    try:
        outcomes: Outcomes = {_PREPARED: {}, _FINISHED: {}}
        _collect(pipes, outcomes, lambda: len(outcomes[_PREPARED]) == len(items))
        reports: list[list[P]] = _in_order(outcomes[_PREPARED], len(items))
        if finish is None or any(reports):
            return reports, None
        _collect(pipes, outcomes, lambda: _told(outcomes[_FINISHED], len(items)))
        return reports, _in_order(outcomes[_FINISHED], len(items))
    finally:
        for process in processes:  # still rendering what nobody will use, or done: stop it
            process.kill()
            process.join()


_PREPARED, _FINISHED = 1, 2  # the two steps
Outcomes = dict[int, dict[int, tuple[bool, object]]]  # step -> item index -> (ok, value or error)


@dataclass(frozen=True)
class _Steps(Generic[T, P, S, R]):
    prepare: Callable[[T], tuple[list[P], S]]
    finish: Callable[[T, S], R] | None
    items: Sequence[T]
    reported: Flag  # an item reported something when prepared: finish no more
    failed_at: Any  # a shared integer: the first item (in order) whose finishing failed, else len(items)

    def work(self, tasks, results: Connection) -> None:
        """A worker: prepare items until the stop sign, sending back (step, index, ok, report) for each;
        then finish the items it prepared, sending (step, index, ok, result), unless some item (here or
        in another worker) reported something. An item after one whose finishing failed is skipped:
        the error told is that of the first failed item in order."""
        kept: dict[int, S] = {}
        while (index := tasks.get()) is not None:
            try:
                report, kept[index] = self.prepare(self.items[index])
            except BaseException as exc:  # raised again where the work was asked for
                _send(results, _PREPARED, index, False, _portable_error(exc))
                continue
            if report:
                self.reported.set()
            _send(results, _PREPARED, index, True, report)
        for index, state in kept.items():
            if self.finish is None or self.reported.is_set():
                break
            if index > self.failed_at.value:
                continue
            try:
                _send(results, _FINISHED, index, True, self.finish(self.items[index], state))
            except BaseException as exc:
                with self.failed_at.get_lock():
                    self.failed_at.value = min(self.failed_at.value, index)
                _send(results, _FINISHED, index, False, _portable_error(exc))
        results.close()


def _send(results: Connection, step: int, index: int, ok: bool, value: object) -> None:
    results.send_bytes(pickle.dumps((step, index, ok, value), pickle.HIGHEST_PROTOCOL))


def _portable_error(exc: BaseException) -> BaseException:
    """The error itself when it survives the pipe; otherwise its traceback as a RuntimeError."""
    try:
        pickle.loads(pickle.dumps(exc, pickle.HIGHEST_PROTOCOL))
        return exc
    except Exception:  # an error that cannot be sent is described instead
        return RuntimeError("".join(traceback.format_exception(exc)))


def _collect(pipes: list[Connection], outcomes: Outcomes, done: Callable[[], bool]) -> None:
    """Read outcomes into ``outcomes`` until ``done()``; a worker that ended without sending what was
    needed (killed) is an error here, not a wait forever. A pipe that ended is dropped from ``pipes``."""
    while not done():
        if not pipes:
            raise RuntimeError("a worker process ended early: some items were not done")
        for ready in wait(pipes):
            try:
                step, index, ok, value = pickle.loads(ready.recv_bytes())  # type: ignore[union-attr]
            except EOFError:
                pipes.remove(ready)  # type: ignore[arg-type]
                continue
            outcomes[step][index] = (ok, value)


def _told(finished: dict[int, tuple[bool, object]], count: int) -> bool:
    """Every item is finished, or every item before the first that failed (the later ones are skipped)."""
    failed = [index for index, (ok, _) in finished.items() if not ok]
    return all(index in finished for index in range(min(failed, default=count)))


def _in_order(outcomes: dict[int, tuple[bool, object]], count: int) -> list:
    """The values in the items' order; the first item that failed, in that order, raises its error."""
    values = []
    for index in range(count):
        ok, value = outcomes[index]
        if not ok:
            raise value  # type: ignore[misc]
        values.append(value)
    return values

"""A build's documents loaded, then rendered, side by side (core/platform/workers.py): the results and
the error told are those of a plain loop that loads everything before it renders anything, whichever
worker finishes first; an input problem stops the rendering; the portable path (Windows) stays in one
process; a worker that dies is an error, not a wait forever."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import DATE
from packetgen.building import assemble
from packetgen.building.packet import Packet
from packetgen.core import platform
from packetgen.core.errors import InputError, PacketError, Problem
from packetgen.core.platform.workers import WORKERS_ENV, map_in_two_steps, worker_count

pytestmark = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: everything runs in this process")


@pytest.fixture(autouse=True)
def _uncapped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite renders in the test's process (conftest.py); these tests are about the worker processes."""
    monkeypatch.delenv(WORKERS_ENV, raising=False)


def test_packetgen_workers_caps_the_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS_ENV, "1")
    assert worker_count(5) == 1
    monkeypatch.setenv(WORKERS_ENV, "2")
    assert worker_count(5) == 2
    monkeypatch.setenv(WORKERS_ENV, "abc")  # not a number: as if unset
    assert worker_count(5) == min(5, os.cpu_count() or 1)


def keep_pid(n: int) -> tuple[list[str], int]:
    """Prepared: nothing to report; keep the process id for finishing."""
    return [], os.getpid()


def square_and_pids(n: int, prepared_in: int) -> tuple[int, int, int]:
    return n * n, prepared_in, os.getpid()


def in_two_steps(finish, items: list[int]) -> list:
    """``finish``'s results when no item reports anything."""
    reports, results = map_in_two_steps(keep_pid, finish, items)
    assert reports == [[] for _ in items]
    assert results is not None
    return results


def test_results_come_back_in_item_order_from_other_processes() -> None:
    results = in_two_steps(square_and_pids, list(range(7)))
    assert [value for value, _, _ in results] == [0, 1, 4, 9, 16, 25, 36]
    assert os.getpid() not in {pid for _, _, pid in results}


def test_each_item_is_finished_in_the_process_that_prepared_it() -> None:
    results = in_two_steps(square_and_pids, list(range(7)))
    assert all(prepared_in == finished_in for _, prepared_in, finished_in in results)


def report_odd(n: int) -> tuple[list[str], int]:
    return ([f"{n}番目が奇数です"] if n % 2 else []), n


def test_a_report_stops_the_finishing_and_every_report_comes_back() -> None:
    reports, results = map_in_two_steps(report_odd, square_and_pids, [0, 2, 5, 4, 3])
    assert reports == [[], [], ["5番目が奇数です"], [], ["3番目が奇数です"]]
    assert results is None
    assert map_in_two_steps(report_odd, square_and_pids, [0, 2])[1] is not None


def finish_slowly(n: int, kept: int) -> int:
    time.sleep(60)
    return kept


def test_a_report_does_not_wait_for_the_items_still_finishing() -> None:
    """Item 0 is rendering (a minute) when item 1 reports a problem: the reports come back at once and
    the worker still rendering is stopped."""
    started = time.monotonic()
    reports, results = map_in_two_steps(report_odd, finish_slowly, [0, 1])
    assert (reports, results) == ([[], ["1番目が奇数です"]], None)
    assert time.monotonic() - started < 30


def fail_first_else_slowly(n: int, kept: int) -> int:
    if n == 0:
        raise PacketError("0番目は描画できません")
    time.sleep(60)
    return kept


def test_a_failed_item_does_not_wait_for_the_items_after_it() -> None:
    """Item 0 fails to render while the others would take a minute each: its error is told at once,
    the items after it are not waited for (their errors could not be the one told)."""
    started = time.monotonic()
    with pytest.raises(PacketError, match=r"^0番目は描画できません$"):
        in_two_steps(fail_first_else_slowly, [0, 1, 2, 3])
    assert time.monotonic() - started < 30


def test_without_a_finish_only_the_reports_come_back() -> None:
    assert map_in_two_steps(report_odd, None, [1, 2]) == ([["1番目が奇数です"], []], None)


def test_the_portable_path_works_through_the_items_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(platform.PLATFORM_ENV, "portable")
    assert worker_count(5) == 1
    assert in_two_steps(square_and_pids, [2, 3]) == [(4, os.getpid(), os.getpid()), (9, os.getpid(), os.getpid())]


def test_one_item_is_not_worth_a_process() -> None:
    assert worker_count(1) == 1


def fail_on_odd(n: int, kept: int = 0) -> int:
    if n % 2:
        raise InputError([Problem("会議.yaml", f"{n}番目が奇数です", row=n + 1, column="B列「番号」")])
    return n


def fail_on_odd_when_prepared(n: int) -> tuple[list[str], int]:
    return [], fail_on_odd(n)


@pytest.mark.parametrize("step", ["prepare", "finish"])
def test_the_first_failing_item_in_order_raises_its_own_error_whole(step: str) -> None:
    with pytest.raises(InputError) as raised:
        if step == "prepare":
            map_in_two_steps(fail_on_odd_when_prepared, None, [0, 2, 5, 4, 3])
        else:
            in_two_steps(fail_on_odd, [0, 2, 5, 4, 3])
    assert raised.value.render() == (
        "入力ファイルに1件の問題があります。修正してから再実行してください。\n"
        "  - 会議.yaml 6行目 B列「番号」: 5番目が奇数です"
    )


class Unsendable(Exception):
    def __init__(self, a: str, b: str) -> None:  # rebuilding it from its args fails on the way back
        super().__init__(a)


def raise_unsendable(n: int, kept: int) -> int:
    raise Unsendable("描画に失敗", "x")


def test_an_error_that_cannot_cross_the_pipe_comes_back_as_its_traceback() -> None:
    with pytest.raises(RuntimeError, match="Unsendable: 描画に失敗"):
        in_two_steps(raise_unsendable, [1, 2])


def die(n: int, kept: int = 0) -> int:
    os._exit(3)


def die_when_prepared(n: int) -> tuple[list[str], int]:
    return [], die(n)


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="ended early"):
        in_two_steps(die, [1, 2, 3])
    with pytest.raises(RuntimeError, match="ended early"):
        map_in_two_steps(die_when_prepared, None, [1, 2, 3])


def test_input_problems_are_told_before_a_document_that_failed_to_render(project: Path) -> None:
    """The population table is broken; the decks fail to render: the input problem is what the user
    hears, as when every input was loaded before anything was rendered."""
    table = project / "inputs" / DATE / "population" / "series.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("\n", "\n壊れた行,x,y\n", 1), encoding="utf-8")
    packet = Packet(project, DATE)

    def refuse(item: assemble.Loaded) -> bytes:
        raise PacketError(f"{item.doc.id} は描画できません")

    with pytest.raises(InputError) as raised:
        assemble.made(packet, packet.plan(), refuse)
    assert all(p.file == f"inputs/{DATE}/population/series.csv" for p in raised.value.problems)
    with pytest.raises(PacketError, match=r"^agenda は描画できません$"):  # inputs fine: the first in meeting order
        assemble.made(packet, packet.plan(["agenda", "1-1"]), refuse)


# that a build on the cores makes the bytes of a build in one process is test_platform.py's
# test_a_build_through_the_portable_path_makes_the_same_packet (the portable path renders here, one by one)

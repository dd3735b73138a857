"""A meeting's output folder (building/outputs.py): outputs/DATE replaced whole by one commit (an
atomic exchange, or two renames put back by the next command when killed between them), the scratch
folders in outputs/.packetgen, files shared by hard link or copied, the lock a second packetgen waits
for and gives up on, and the test points the kill tests stop a build at. The system calls it stands on
(exchange, locks, fsync) are test_platform.py's; whole builds killed at each point, test_robustness.py's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from packetgen.building import outputs
from packetgen.core import platform
from packetgen.core.errors import PacketError


def test_the_workspace_name_and_the_lock_wait_written_out() -> None:
    assert outputs.WORKSPACE == ".packetgen"
    assert outputs.LOCK_WAIT_SECONDS == 600


def test_scratch_is_a_fresh_private_folder(tmp_path: Path) -> None:
    folder = outputs.OutputFolder(tmp_path / "outputs", "2023-07-27")
    assert folder.path == tmp_path / "outputs" / "2023-07-27"
    assert folder.workspace == tmp_path / "outputs" / ".packetgen"
    path = folder.scratch("next")
    assert path == tmp_path / "outputs" / ".packetgen" / f"2023-07-27.next-{os.getpid()}.tmp"
    (path / "left.txt").write_text("x", "utf-8")
    assert folder.scratch("next") == path
    assert list(path.iterdir()) == []


def test_a_commit_makes_the_first_version_then_replaces_and_removes(tmp_path: Path) -> None:
    root = tmp_path / "outputs"
    folder = outputs.OutputFolder(root, "2023-07-27")
    with folder.locked():
        folder.commit({"a.docx": b"A", "print/b.pdf": b"B", "manifest.json": b"{}"})
    assert sorted(str(p.relative_to(folder.path)) for p in folder.path.rglob("*")) == [
        "a.docx",
        "manifest.json",
        "print",
        "print/b.pdf",
    ]
    moved = tmp_path / "made.xlsx"
    moved.write_bytes(b"X")
    with folder.locked():
        folder.commit({"c.xlsx": moved, "a.docx": b"A2"}, remove={"print/b.pdf"})
    assert not moved.exists()
    assert {str(p.relative_to(folder.path)): p.read_bytes() for p in folder.path.rglob("*") if p.is_file()} == {
        "a.docx": b"A2",
        "c.xlsx": b"X",
        "manifest.json": b"{}",
    }
    assert sorted(p.name for p in folder.workspace.iterdir()) == ["2023-07-27.lock"]


def test_commit_makes_the_folders_of_new_files_at_any_depth(tmp_path: Path) -> None:
    folder = outputs.OutputFolder(tmp_path / "outputs", "d")
    folder.commit({"a": b"1"})
    folder.commit({"print/preview/資料/1.png": b"P"})
    assert (folder.path / "print" / "preview" / "資料" / "1.png").read_bytes() == b"P"
    assert (folder.path / "a").read_bytes() == b"1"


def test_commit_falls_back_without_an_atomic_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform, "exchange", lambda a, b: False)
    folder = outputs.OutputFolder(tmp_path / "outputs", "d")
    folder.commit({"a": b"1"})
    folder.commit({"b": b"2"})
    assert {p.name: p.read_bytes() for p in folder.path.iterdir()} == {"a": b"1", "b": b"2"}
    assert list(folder.workspace.iterdir()) == []


class Killed(Exception):
    """Stands for the process being killed at that point."""


def test_a_commit_killed_between_its_two_renames_is_put_back_by_the_next_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(platform, "exchange", lambda a, b: False)  # the portable path: two renames
    folder = outputs.OutputFolder(tmp_path / "outputs", "d")
    folder.commit({"a": b"1"})
    replace = os.replace

    def killed_after_the_first(source: Path, target: Path) -> None:
        replace(source, target)
        if target != folder.path:  # the meeting folder moved aside: killed before the next one moves in
            raise Killed

    monkeypatch.setattr(os, "replace", killed_after_the_first)
    with pytest.raises(Killed):
        folder.commit({"a": b"2"})
    monkeypatch.setattr(os, "replace", replace)
    assert not folder.path.exists()
    with folder.locked():
        assert (folder.path / "a").read_bytes() == b"1"  # the previous version, whole
    assert sorted(p.name for p in folder.workspace.iterdir()) == ["d.lock"]


def test_a_tree_is_shared_by_hard_links_but_for_what_is_skipped(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "sub" / "deep").mkdir(parents=True)
    (source / "a.txt").write_text("a", "utf-8")
    (source / "sub" / "b.txt").write_text("b", "utf-8")
    (source / "sub" / "c.txt").write_text("c", "utf-8")
    (source / "sub" / "deep" / "d.txt").write_text("d", "utf-8")
    (source / "skipdir").mkdir()
    (source / "skipdir" / "e.txt").write_text("e", "utf-8")
    target = tmp_path / "t" / "u"
    outputs._link_tree(source, target, {"sub/c.txt", "skipdir"})
    found = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    assert found == ["a.txt", "sub", "sub/b.txt", "sub/deep", "sub/deep/d.txt"]
    assert os.path.samefile(source / "sub" / "b.txt", target / "sub" / "b.txt")
    assert (target / "sub" / "deep" / "d.txt").read_text("utf-8") == "d"


def test_link_tree_copies_where_it_cannot_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "a.txt").write_text("a", "utf-8")

    def no_link(*args, **kwargs):
        raise OSError("cross-device link")

    monkeypatch.setattr(os, "link", no_link)
    outputs._link_tree(source, tmp_path / "t", set())
    assert (tmp_path / "t" / "a.txt").read_text("utf-8") == "a"
    assert not os.path.samefile(source / "a.txt", tmp_path / "t" / "a.txt")


def test_locked_sweeps_stale_workspaces_of_its_meeting_only(tmp_path: Path) -> None:
    folder = outputs.OutputFolder(tmp_path / "outputs", "2023-07-27")
    folder.workspace.mkdir(parents=True)
    (folder.workspace / "2023-07-27.next-1.tmp").mkdir()
    (folder.workspace / "2023-07-27.next-1.tmp" / "f").touch()
    (folder.workspace / "2024-01-01.next-1.tmp").mkdir()
    with folder.locked():
        pass
    assert sorted(p.name for p in folder.workspace.iterdir()) == ["2023-07-27.lock", "2024-01-01.next-1.tmp"]


def test_a_second_process_waits_then_gives_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import fcntl

    folder = outputs.OutputFolder(tmp_path / "outputs", "2023-07-27")
    folder.workspace.mkdir(parents=True)
    other = os.open(folder.workspace / "2023-07-27.lock", os.O_RDWR | os.O_CREAT)
    pid = os.fork()
    if pid == 0:  # the other packetgen: holds the lock until killed
        fcntl.flock(other, fcntl.LOCK_EX)
        os.write(other, b"x")
        import time

        time.sleep(30)
        os._exit(0)
    try:
        import time

        while os.path.getsize(folder.workspace / "2023-07-27.lock") == 0:
            time.sleep(0.01)
        monkeypatch.setattr(outputs, "LOCK_WAIT_SECONDS", 0.3)
        with pytest.raises(PacketError) as info, folder.locked():
            pass
        assert str(info.value) == "別の packetgen が 2023-07-27 を使用中のため実行できません"
        assert capsys.readouterr().out == "別の packetgen が 2023-07-27 を作成中です。終わるのを待っています…\n"
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(other)


def test_test_points_are_inert_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PACKETGEN_TEST_KILL_AT", raising=False)
    monkeypatch.delenv("PACKETGEN_TEST_PAUSE_AT", raising=False)
    outputs._test_point("commit")


def test_pause_point_marks_reached_and_waits_for_the_gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    gate = tmp_path / "gate"
    monkeypatch.setenv("PACKETGEN_TEST_PAUSE_AT", "commit")
    monkeypatch.setenv("PACKETGEN_TEST_PAUSE_FILE", str(gate))
    outputs._test_point("locked")  # another point: no pause
    assert not Path(f"{gate}.reached").exists()
    threading.Timer(0.3, gate.touch).start()
    start = time.monotonic()
    outputs._test_point("commit")
    waited = time.monotonic() - start
    assert Path(f"{gate}.reached").exists()
    assert 0.25 < waited < 10


def test_kill_point_kills_the_process_with_sigkill() -> None:
    import signal

    pid = os.fork()
    if pid == 0:
        os.environ["PACKETGEN_TEST_KILL_AT"] = "exchange"
        try:
            outputs._test_point("staging")
            outputs._test_point("exchange")
        finally:
            os._exit(7)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    assert os.WTERMSIG(status) == signal.SIGKILL


@pytest.mark.parametrize("point", ["commit", "staging", "manifest", "exchange", "swapped"])
def test_each_kill_point_is_reached_by_a_second_build(tmp_path: Path, point: str) -> None:
    """A build that replaces a previous version passes every test point, in a child killed there."""
    import signal

    folder = outputs.OutputFolder(tmp_path / "outputs", "d")
    folder.commit({"a": b"1"})
    pid = os.fork()
    if pid == 0:
        os.environ["PACKETGEN_TEST_KILL_AT"] = point
        try:
            with folder.locked():
                folder.commit({"a": b"2", "manifest.json": b"{}"})
        finally:
            os._exit(7)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status), f"{point}: not killed (exit {os.WEXITSTATUS(status)})"
    assert os.WTERMSIG(status) == signal.SIGKILL
    assert (folder.path / "a").read_bytes() == (b"2" if point == "swapped" else b"1")

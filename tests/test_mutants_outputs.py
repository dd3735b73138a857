"""Literal expectations for packetgen.building.outputs and packetgen.core.manifest, written to kill mutmut survivors
(docs/mutation.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from packetgen.building import outputs
from packetgen.core import manifest, platform
from packetgen.core.errors import PacketError

# --- manifest ----------------------------------------------------------------------------------


# a record as the first builds wrote it, before inputs_sha256
OLD_RECORD = {"id": "資料", "title": "t", "label": "", "path": "a.docx", "sha256": "s", "bytes": 1}


def test_manifest_read_missing_damaged_and_good(tmp_path: Path) -> None:
    empty = manifest.Manifest()
    assert manifest.NAME == "manifest.json"
    assert manifest.read(tmp_path) == empty
    (tmp_path / "manifest.json").write_text("{not json", "utf-8")
    assert manifest.read(tmp_path) == empty
    (tmp_path / "manifest.json").write_text("[1, 2]", "utf-8")
    assert manifest.read(tmp_path) == empty
    (tmp_path / "manifest.json").write_text('{"documents": {"id": "agenda"}}', "utf-8")
    assert manifest.read(tmp_path) == empty
    # an older shape: a key no longer written is ignored, a record without inputs_sha256 is read
    (tmp_path / "manifest.json").write_text('{"version": "0.1.0"}', "utf-8")
    assert manifest.read(tmp_path) == empty
    older = {"version": "0.1.0", "documents": [OLD_RECORD]}
    (tmp_path / "manifest.json").write_text(json.dumps(older, ensure_ascii=False), "utf-8")
    (record,) = manifest.read(tmp_path).documents
    assert (record.id, record.path, record.sha256, record.bytes) == ("資料", "a.docx", "s", 1)
    assert record.inputs_sha256 is None and record.printed is None
    (tmp_path / "manifest.json").write_bytes("{}".encode("cp932") + b"\xff")
    assert manifest.read(tmp_path) == empty


def test_by_id_skips_damaged_records() -> None:
    agenda = OLD_RECORD | {"id": "agenda", "inputs_sha256": "i"}
    data = {"documents": [agenda, {"name": "x"}, "text", OLD_RECORD | {"id": "1-1"}, {"id": "2"}]}
    by_id = manifest.parse(json.dumps(data)).by_id()
    assert {k: (r.id, r.inputs_sha256) for k, r in by_id.items()} == {"agenda": ("agenda", "i"), "1-1": ("1-1", None)}
    assert manifest.Manifest().by_id() == {}


def test_dumps_is_readable_japanese_with_a_final_newline() -> None:
    data = manifest.Manifest(meeting=manifest.Meeting(date="2023-07-27", title="次第"))
    expected = '{\n  "meeting": {\n    "date": "2023-07-27",\n    "title": "次第"\n  },\n  "documents": []\n}\n'
    assert manifest.dumps(data) == expected.encode()


def test_dumps_writes_the_review_block_last_for_a_build_and_before_the_print_for_a_print() -> None:
    block = manifest.PrintBlock(
        key="k", packet="packet.pdf", pages=1, documents=1, copies=1, copies_note="1部", sheets=1,
        order="印刷発注書.pdf", zip="印刷データ.zip", to_fill=(), files={},
    )  # fmt: skip
    data = manifest.Manifest(review=manifest.Review(built={}), print=block)
    assert list(json.loads(manifest.dumps(data))) == ["documents", "review", "print"]  # as a print writes it
    assert list(json.loads(manifest.dumps(data, review_last=True))) == ["documents", "print", "review"]  # a build
    no_review = manifest.Manifest(print=block)
    assert list(json.loads(manifest.dumps(no_review, review_last=True))) == ["documents", "print"]


# --- outputs -----------------------------------------------------------------------------------


def test_constants() -> None:
    assert outputs.WORKSPACE == ".packetgen"
    assert outputs.LOCK_WAIT_SECONDS == 600


def test_link_tree_links_files_and_skips(tmp_path: Path) -> None:
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


def test_scratch_is_a_fresh_private_folder(tmp_path: Path) -> None:
    folder = outputs.OutputFolder(tmp_path / "outputs", "2023-07-27")
    assert folder.path == tmp_path / "outputs" / "2023-07-27"
    assert folder.workspace == tmp_path / "outputs" / ".packetgen"
    path = folder.scratch("next")
    assert path == tmp_path / "outputs" / ".packetgen" / f"2023-07-27.next-{os.getpid()}.tmp"
    (path / "left.txt").write_text("x", "utf-8")
    assert folder.scratch("next") == path
    assert list(path.iterdir()) == []


def test_commit_first_version_then_replace_and_remove(tmp_path: Path) -> None:
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


def test_commit_makes_the_folders_of_new_files_at_any_depth(tmp_path: Path) -> None:
    folder = outputs.OutputFolder(tmp_path / "outputs", "d")
    folder.commit({"a": b"1"})
    folder.commit({"print/preview/資料/1.png": b"P"})
    assert (folder.path / "print" / "preview" / "資料" / "1.png").read_bytes() == b"P"
    assert (folder.path / "a").read_bytes() == b"1"


def test_exchange_swaps_two_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "in_a").touch()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "in_b").touch()
    if platform.exchange(tmp_path / "a", tmp_path / "b"):
        assert [p.name for p in (tmp_path / "a").iterdir()] == ["in_b"]
        assert [p.name for p in (tmp_path / "b").iterdir()] == ["in_a"]
    with pytest.raises(OSError):
        platform.exchange(tmp_path / "a", tmp_path / "missing")


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


def test_exchange_names_the_error_of_the_system(tmp_path: Path) -> None:
    import errno

    (tmp_path / "a").mkdir()
    with pytest.raises(OSError) as info:
        platform.exchange(tmp_path / "a", tmp_path / "missing")
    assert info.value.errno == errno.ENOENT
    assert info.value.strerror == os.strerror(errno.ENOENT)
    assert info.value.filename == str(tmp_path / "missing")


def test_exchange_of_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a").mkdir()
    Path("a", "in_a").touch()
    Path("b").mkdir()
    assert platform.exchange(Path("a"), Path("b")) is True
    assert [p.name for p in Path("b").iterdir()] == ["in_a"]


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

"""packetgen watch: a save rebuilds and refreshes the proofs; an input error is shown and the watch
goes on; Ctrl-C stops it cleanly. And the warm LibreOffice it relies on converts to the same bytes."""

from __future__ import annotations

import hashlib
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from conftest import DATE, ROOT, copy_printed, run, snapshot
from packetgen.office.convert import convert_to_pdf
from packetgen.office.soffice import find_soffice
from packetgen.office.warm import WarmOffice, uno_python
from packetgen.watch import _saved, is_a_save, watch

needs_office = pytest.mark.skipif(
    find_soffice() is None and not os.environ.get("PACKETGEN_REQUIRE_PDF"), reason="LibreOffice not installed"
)
SLIDES = f"inputs/{DATE}/slides/1-1.yaml"
WAIT = 180  # seconds: a bound, so a broken watch fails the test instead of hanging the suite


def test_editor_and_office_side_files_are_not_saves() -> None:
    assert is_a_save("/p/inputs/2023-07-27/members.csv")
    assert is_a_save("/p/inputs/2023-07-27/slides/1-1.yaml")
    for name in ("~$members.xlsx", ".~lock.members.xlsx#", "1-1.yaml~", ".1-1.yaml.swp", "#1-1.yaml#", "x.tmp"):
        assert not is_a_save(f"/p/inputs/2023-07-27/{name}"), name


def test_a_file_that_came_and_went_in_one_burst_is_not_reported(tmp_path: Path) -> None:
    from watchfiles import Change

    changes = {
        (Change.modified, str(tmp_path / "inputs" / "a.yaml")),
        (Change.added, str(tmp_path / "inputs" / "sedX1")),
        (Change.deleted, str(tmp_path / "inputs" / "sedX1")),
        (Change.deleted, str(tmp_path / "inputs" / "old.csv")),
    }
    assert _saved(tmp_path, changes) == ["inputs/a.yaml", "inputs/old.csv"]


class Watcher:
    """The watch in a thread of this test, its messages collected; each wait is bounded."""

    def __init__(self, project: Path) -> None:
        self.lines: list[str] = []
        self.rounds: queue.Queue[int] = queue.Queue()
        self.stop = threading.Event()
        self.error: BaseException | None = None

        def target() -> None:
            try:
                watch(project, DATE, self.lines.append, self.stop, lambda: self.rounds.put(len(self.lines)))
            except BaseException as error:  # shown by the test, not lost in the thread
                self.error = error
                self.rounds.put(-1)

        self.thread = threading.Thread(target=target, daemon=True)
        self.thread.start()

    def next_round(self) -> list[str]:
        """The messages of the next rebuild, once the watch waits again."""
        start = len(self.lines)
        end = self.rounds.get(timeout=WAIT)
        assert self.error is None, self.error
        return self.lines[start:end]

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive(), "the watch did not stop"


def _pdf_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.xdist_group("print")  # starts from the session's print, made on that worker
@needs_office
def test_a_save_rebuilds_refreshes_the_proof_and_an_error_waits_for_the_next_save(
    printed_project: Path, tmp_path: Path, monkeypatch
) -> None:
    project = copy_printed(printed_project, tmp_path / "printed")  # staff printed, then start watching
    out = project / "outputs" / DATE
    if uno_python() is not None:  # as staff run it: LibreOffice kept warm between saves
        monkeypatch.setenv("PACKETGEN_OFFICE_IDLE", "60")
    offices = [WarmOffice(project / "outputs" / ".packetgen", slot) for slot in (1, 2)]
    watcher = Watcher(project)
    try:
        first = watcher.next_round()
        assert first[0] == "変更はありません（資料もプレビューも最新です）", first
        assert any(line.startswith("プレビュー：file://") for line in first), first
        deck_pdf = next((out / "print").glob("資料No.1-1_*.pdf"))
        assert "99.9%" in _pdf_text(deck_pdf, 11)
        page_11 = next((out / "print" / "preview").glob("資料No.1-1_*/page-11.jpg"))
        page_12 = page_11.with_name("page-12.jpg")
        before_11 = page_11.read_bytes()
        printed_12 = out / "printed" / "pages" / page_11.parent.name / "page-12.jpg"  # the last print's image

        slides = project / SLIDES
        slides.write_text(slides.read_text("utf-8").replace('"**99.9%**"', '"**98.0%**"'), "utf-8")
        second = watcher.next_round()
        assert "  資料No.1-1：スライド11を変更（99.9% → 98.0%）" in second, second
        assert "98.0%" in _pdf_text(deck_pdf, 11)
        assert not (out / "print" / "packet.pdf").exists()  # proofs only: the whole set waits for print
        assert page_11.read_bytes() != before_11  # the changed page drawn again …
        assert page_12.stat().st_ino == printed_12.stat().st_ino  # … the others linked, not drawn again
        live = out / "print" / "preview" / "live.js"
        version = live.read_text("utf-8")
        index = (out / "print" / "preview" / "index.html").read_text("utf-8")
        assert version.startswith("packetgenVersion('") and version[18:34] in index  # the page polls live.js
        assert "校正用のプレビューです（packetgen watch）" in index
        assert "11ページ：変更" in index  # marked against the last print

        # the next save, of another document (the agenda: a quick conversion), changes the page again
        members = project / "inputs" / DATE / "members.csv"
        members.write_text(members.read_text("utf-8").replace("岩本　幸一", "岩元　幸一"), "utf-8")
        third = watcher.next_round()
        assert any(line.startswith("  次第・参加者名簿：ページ") and "岩本 → 岩元" in line for line in third), third
        assert live.read_text("utf-8") != version  # so the open page reloads itself
        records = {d["id"]: d for d in json.loads((out / "manifest.json").read_text("utf-8"))["documents"]}
        for doc_id, office_file, pdf in (
            ("1-1", next(out.glob("資料No.1-1_*.pptx")), deck_pdf),
            ("agenda", out / "次第・参加者名簿.docx", out / "print" / "次第・参加者名簿.pdf"),
        ):
            assert records[doc_id]["pdf_source_sha256"] == hashlib.sha256(office_file.read_bytes()).hexdigest()
            assert records[doc_id]["pdf_sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()

        before = snapshot(out)
        meeting = project / "inputs" / DATE / "meeting.yaml"
        good = meeting.read_text("utf-8")
        meeting.write_text(good + "\n名称: [閉じていない\n", "utf-8")
        fourth = watcher.next_round()
        assert any(line.startswith("エラー：") and "meeting.yaml" in line for line in fourth), fourth
        assert "入力を直して保存すると、もう一度作成します（出力は前回のままです）" in fourth
        assert snapshot(out) == before

        meeting.write_text(good, "utf-8")
        fifth = watcher.next_round()
        assert fifth[-1] == "変更はありません（資料もプレビューも最新です）", fifth
    finally:
        watcher.close()
        for office in offices:
            office.stop()

    # print then reuses the proofs' PDFs: nothing converted again
    result = run(project, "print", DATE)
    assert result.exit_code == 0, result.stderr
    assert "PDF変換中" not in result.stdout
    assert (out / "print" / "packet.pdf").is_file()


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.xdist_group("print")
@needs_office
def test_ctrl_c_stops_the_watch_command_cleanly(printed_project: Path, tmp_path: Path) -> None:
    project = copy_printed(printed_project, tmp_path / "printed")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PACKETGEN_OFFICE_IDLE": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "packetgen", "watch", DATE, "--project", str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    deadline = time.monotonic() + WAIT
    try:
        while not lines.get(timeout=max(1, deadline - time.monotonic())).startswith("監視中："):
            pass
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0, process.stderr.read() if process.stderr else ""
    finally:
        if process.poll() is None:
            process.kill()
    rest = []
    while not lines.empty():
        rest.append(lines.get())
    assert "監視を終了しました（出力は最後に作成した状態のままです）\n" in rest
    data = json.loads((project / "outputs" / DATE / "manifest.json").read_text("utf-8"))
    for record in data["documents"]:  # every file as the manifest says: one consistent version
        path = project / "outputs" / DATE / record["path"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record["sha256"], record["path"]


@pytest.mark.pdf
@needs_office
@pytest.mark.skipif(uno_python() is None, reason="no Python with LibreOffice's uno module (python3-uno)")
def test_the_warm_office_converts_to_the_same_bytes_and_stays_up(
    built_packet: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("PACKETGEN_OFFICE_IDLE", "60")
    agenda = built_packet / "次第・参加者名簿.docx"
    when = datetime(2023, 7, 27, 14)
    office = WarmOffice(tmp_path / "workspace", 1)
    try:
        (warm,) = convert_to_pdf([agenda], tmp_path / "warm", when=when, warm=office)
        assert office.socket.exists()  # the office is still up for the next conversion
        (again,) = convert_to_pdf([agenda], tmp_path / "again", when=when, warm=office)
        # a daemon killed hard leaves its LibreOffice running; the next start ends it
        daemon, left = office._pid(), running_with(office.profile)
        assert daemon and len(left) >= 2, left  # oosplash and soffice.bin
        os.kill(daemon, signal.SIGKILL)
        wait_until(lambda: refuses(office))  # the kill lands at once, the socket closes a moment later
        (restarted,) = convert_to_pdf([agenda], tmp_path / "restarted", when=when, warm=office)
        assert office._pid() != daemon
        assert left.isdisjoint(running_with(office.profile)), "the killed daemon's office is still running"
        (cold,) = convert_to_pdf([agenda], tmp_path / "cold", when=when)
        assert warm.read_bytes() == cold.read_bytes() == again.read_bytes() == restarted.read_bytes()
    finally:
        office.stop()
    wait_until(lambda: not office.socket.exists())
    assert not office.socket.exists()  # stopped: the socket is gone with it


def wait_until(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Poll ``condition`` until it holds or ``seconds`` pass (the caller asserts what it needs)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def refuses(office: WarmOffice) -> bool:
    """Whether the office's socket no longer takes a connection."""
    probe = office._connect()
    if probe is not None:
        probe.close()
    return probe is None


def running_with(profile: Path) -> set[int]:
    """The live processes (zombies aside: PID 1 here does not reap) whose command line names the profile."""
    uri = profile.resolve().as_uri().encode()
    found = set()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            state = (cmdline.parent / "stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z" and uri in cmdline.read_bytes():
                found.add(int(cmdline.parent.name))
        except (OSError, IndexError):
            continue
    return found


@pytest.mark.pdf
@needs_office
def test_a_failing_warm_office_costs_only_a_cold_conversion(built_packet: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PACKETGEN_OFFICE_IDLE", "60")
    office = WarmOffice(tmp_path / "workspace", 1)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(office.socket))
    server.listen(1)

    asked = threading.Event()

    def refuse() -> None:  # an office that answers every request with an error
        connection, _ = server.accept()
        with connection:
            connection.makefile("r").readline()
            asked.set()
            connection.sendall(b'{"error": "broken"}\n')

    threading.Thread(target=refuse, daemon=True).start()
    try:
        (pdf,) = convert_to_pdf([built_packet / "次第・参加者名簿.docx"], tmp_path / "out", warm=office)
        assert asked.is_set()  # the warm office was tried first …
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000  # … then a cold conversion
    finally:
        server.close()
        office.socket.unlink(missing_ok=True)

"""Crash safety, concurrent runs, incremental builds and `packetgen new`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATE, ROOT, add_deck, copy_printed, copy_project, members_as_xlsx, run, snapshot, with_outputs_of
from packetgen.building.packet import Packet

ALL = ["agenda", "1-1", "1-2", "population", "donation"]
AGENDA = "次第・参加者名簿.docx"
DONATION = "資料No.3_一関市企業版ふるさと納税について.docx"


def packetgen(project: Path, *args: str, env: dict[str, str] | None = None, stdout=subprocess.PIPE) -> subprocess.Popen:
    """``packetgen *args`` in its own process (this checkout's src/), with extra environment ``env``."""
    return subprocess.Popen(
        [sys.executable, "-m", "packetgen", *args, "--project", str(project)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src"), **(env or {})),
    )


def consistent(folder: Path) -> bool:
    """Every file the manifest names is there with its checksum, and nothing else is."""
    import hashlib

    data = json.loads((folder / "manifest.json").read_text("utf-8"))
    names = {d["path"] for d in data["documents"]} | {"manifest.json"}
    if {p.name for p in folder.iterdir()} != names:
        return False
    return all(hashlib.sha256((folder / d["path"]).read_bytes()).hexdigest() == d["sha256"] for d in data["documents"])


def edit_two(project: Path) -> None:
    """A change of the agenda and the donation report (the decks and the workbook, slower to make and
    to import for, stay): a build commits two documents and the manifest."""
    folder = project / "inputs" / DATE
    for name, old, new in [
        ("members.csv", "岩本　幸一", "岩元　幸一"),
        ("donation/records.csv", "株式会社パソナ,", "株式会社パソナ（テスト）,"),
    ]:
        text = (folder / name).read_text("utf-8")
        assert old in text, (name, old)
        (folder / name).write_text(text.replace(old, new, 1), "utf-8")


def digests(files: dict[str, bytes]) -> dict[str, str]:
    """A snapshot by sha256 (the same comparison, a readable failure)."""
    import hashlib

    return {name: hashlib.sha256(data).hexdigest()[:12] for name, data in files.items()}


def leftovers(project: Path) -> list[str]:
    """The scratch folders runs left in the hidden workspace (the lock files and the LibreOffice profiles
    a print reuses stay, by design)."""
    return sorted(p.name for p in (project / "outputs" / ".packetgen").glob("*.tmp"))


@pytest.fixture(scope="module")
def packets(tmp_path_factory, _full_build: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The old packet (the seed inputs, built) and the new one (``edit_two`` applied, then built)."""
    project = copy_project(tmp_path_factory.mktemp("new-packet"))
    out = with_outputs_of(_full_build, project)
    old = snapshot(out)
    edit_two(project)
    result = run(project, "build", DATE)
    assert result.exit_code == 0 and "2件の資料を作成しました" in result.stdout, result.stdout + result.stderr
    new = snapshot(out)
    assert {name for name in new if new[name] != old.get(name)} == {AGENDA, DONATION, "manifest.json"}
    return old, new


def wait_for(condition, process: subprocess.Popen, what: str, timeout: float = 90) -> None:
    """Wait until ``condition()`` holds; fail at once if ``process`` ends first (or after ``timeout``)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"{what}: the process ended first (exit {process.returncode}): {process.stderr.read()!r}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout}s")
        time.sleep(0.02)


# where the commit (outputs.py OutputFolder.commit) is killed, and what outputs/DATE must then hold
KILL_POINTS = [
    ("commit", "old"),  # every document rendered, nothing staged yet
    ("staging", "old"),  # the first new document staged in the workspace
    ("manifest", "old"),  # every new document staged, the manifest not yet
    ("exchange", "old"),  # the next version complete in the workspace, not yet swapped in
    ("swapped", "new"),  # swapped in; the previous version still in the workspace
]


@pytest.mark.slow
@pytest.mark.parametrize(("point", "holds"), KILL_POINTS, ids=[p for p, _ in KILL_POINTS])
def test_a_build_killed_in_its_commit_leaves_the_old_packet_or_the_new_one_never_a_mix(
    project: Path, built: Path, packets: tuple[dict, dict], point: str, holds: str
) -> None:
    old, new = packets
    assert snapshot(built) == old
    edit_two(project)
    process = packetgen(project, "build", DATE, env={"PACKETGEN_TEST_KILL_AT": point})
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL, (point, process.returncode, stderr)  # killed right there
    state = digests(snapshot(built))
    assert state == digests(new if holds == "new" else old), f"killed at {point}: not the {holds} packet"
    assert consistent(built)  # every file's sha256 as the manifest says, no other file
    if point != "commit":
        assert leftovers(project), "the kill should have left its workspace behind"
    # the next build finishes the job (or finds it done) and removes what the killed run left
    again = run(project, "build", DATE)
    assert again.exit_code == 0, again.stderr
    made = "0件の資料を作成しました" if holds == "new" else "2件の資料を作成しました"
    assert made in again.stdout, again.stdout
    assert digests(snapshot(built)) == digests(new)
    assert consistent(built)
    assert leftovers(project) == []


@pytest.mark.slow
def test_a_second_build_of_the_meeting_waits_for_the_first_and_both_land(
    project: Path, built: Path, packets: tuple[dict, dict], tmp_path: Path
) -> None:
    old, new = packets
    edit_two(project)
    gate = tmp_path / "gate"
    # the first build stops with its next version staged, holding the meeting's lock
    first = packetgen(
        project,
        "build",
        DATE,
        "--only",
        "agenda",
        env={"PACKETGEN_TEST_PAUSE_AT": "exchange", "PACKETGEN_TEST_PAUSE_FILE": str(gate)},
    )
    second = None
    try:
        wait_for(Path(f"{gate}.reached").exists, first, "the first build reaching its commit")
        log = tmp_path / "second.out"
        with open(log, "wb") as stdout:
            second = packetgen(project, "build", DATE, "--only", "donation", stdout=stdout)
        # the second says it waits, and does: still running, nothing of either build in outputs/DATE yet
        waiting = "終わるのを待っています".encode()
        wait_for(lambda: waiting in log.read_bytes(), second, "the second build waiting")
        time.sleep(0.5)
        assert second.poll() is None and first.poll() is None
        assert digests(snapshot(built)) == digests(old)
        gate.touch()  # let the first one finish: then the second builds on top of it
        first_out, first_err = first.communicate(timeout=120)
        assert first.returncode == 0, first_err
        assert "1件の資料を作成しました" in first_out.decode("utf-8")
        _, second_err = second.communicate(timeout=120)
        assert second.returncode == 0, second_err
        assert "1件の資料を作成しました" in log.read_text("utf-8")
    finally:
        gate.touch()
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.communicate()
    # neither lost the other's document: the packet is the one a single build of both makes
    assert digests(snapshot(built)) == digests(new)
    assert consistent(built)
    assert leftovers(project) == []


def print_consistent(folder: Path) -> bool:
    """``consistent`` for a printed packet: the Office files, each document's PDF and every file of the
    print hand-off have the checksums the manifest gives."""
    import hashlib

    def sha(rel: str) -> str:
        return hashlib.sha256((folder / rel).read_bytes()).hexdigest()

    data = json.loads((folder / "manifest.json").read_text("utf-8"))
    pairs = [(d["path"], d["sha256"]) for d in data["documents"]]
    pairs += [(d["pdf"], d["pdf_sha256"]) for d in data["documents"] if "pdf" in d]
    pairs += list(data.get("print", {}).get("files", {}).items())
    return all(sha(rel) == digest for rel, digest in pairs)


@pytest.mark.slow
@pytest.mark.pdf
@pytest.mark.xdist_group("print")  # starts from the session's print, made on that worker
def test_a_print_killed_after_moving_its_files_in_before_the_manifest_leaves_the_old_packet(
    printed_project: Path, tmp_path: Path
) -> None:
    project = copy_printed(printed_project, tmp_path / "project")
    out = project / "outputs" / DATE
    members = project / "inputs" / DATE / "members.csv"
    members.write_text(members.read_text("utf-8").replace("岩本　幸一", "岩元　幸一"), "utf-8")
    assert run(project, "build", DATE).exit_code == 0  # the agenda rebuilt, its print data withdrawn
    old = snapshot(out)
    # print/, printed/ and the zip are renamed into the next version; killed before the manifest is
    process = packetgen(project, "print", DATE, env={"PACKETGEN_TEST_KILL_AT": "manifest"})
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == -signal.SIGKILL, (process.returncode, stderr)
    assert digests(snapshot(out)) == digests(old)
    assert print_consistent(out)
    assert leftovers(project), "the kill should have left its workspace behind"
    again = run(project, "print", DATE)  # the next print finishes the job
    assert again.exit_code == 0, again.stderr
    assert "印刷データを作成しました" in again.stdout
    data = json.loads((out / "manifest.json").read_text("utf-8"))
    assert "print" in data and "print_withdrawn" not in data
    assert print_consistent(out)
    assert leftovers(project) == []


def test_a_deleted_or_damaged_output_is_rebuilt_not_taken_as_unchanged(project: Path, built: Path) -> None:
    before = snapshot(built)
    (built / AGENDA).unlink()
    (built / DONATION).write_bytes(b"damaged")
    result = run(project, "build", DATE)
    assert result.exit_code == 0, result.stderr
    assert "作成     agenda" in result.stdout and "作成     donation" in result.stdout, result.stdout
    assert "2件の資料を作成しました、3件は入力に変更がないため" in result.stdout
    assert snapshot(built) == before
    assert consistent(built)


def test_no_op_rebuild_skips_every_document(project: Path, built: Path) -> None:
    out = built  # a copy of the session's full build
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    result = run(project, "build", DATE)
    assert result.exit_code == 0
    assert all(f"変更なし {doc_id}" in result.stdout for doc_id in ALL), result.stdout
    assert "0件の資料を作成しました、5件は入力に変更がないため" in result.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


@pytest.mark.parametrize(
    ("changed", "rebuilt"),
    [
        ("inputs/2023-07-27/members.csv", {"agenda"}),
        ("inputs/2023-07-27/population/natural.csv", {"population"}),
        ("templates/deck.pptx", {"1-1", "1-2"}),
        ("inputs/2023-07-27/meeting.yaml", set()),  # a blank line: what documents read is unchanged
    ],
)
def test_a_change_rebuilds_just_the_documents_that_read_it(
    project: Path, built: Path, changed: str, rebuilt: set[str]
) -> None:
    path = project / changed
    path.write_bytes(path.read_bytes() + (b"\n" if path.suffix in (".csv", ".yaml") else b""))
    if path.suffix == ".pptx":  # same template, other bytes: a re-save in PowerPoint
        import zipfile

        copy = path.with_suffix(".tmp")
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as dst:
            for item in src.infolist():
                dst.writestr(item.filename, src.read(item.filename))
        copy.replace(path)
    result = run(project, "build", DATE)
    assert result.exit_code == 0, result.stderr
    made = {line.split()[1] for line in result.stdout.splitlines() if line.strip().startswith("作成")}
    assert made == rebuilt


@pytest.mark.parametrize(
    ("old", "new", "rebuilt"),
    [
        ("  予備部数: 5", "  予備部数: 8", set()),  # the print order: print reads it, no document
        ("名称: 地方版総合戦略の改訂\n", "名称: 地方版総合戦略の改訂（案）\n", {"1-2"}),  # one entry: its document
        ("場所: 一関市役所　特別会議室（3階）", "場所: 一関市役所　第1会議室", set(ALL)),  # the meeting: all
    ],
    ids=["print order", "one entry", "the meeting"],
)
def test_a_change_to_meeting_yaml_rebuilds_the_documents_that_read_what_changed(
    project: Path, built: Path, old: str, new: str, rebuilt: set[str]
) -> None:
    meeting = project / "inputs" / DATE / "meeting.yaml"
    text = meeting.read_text("utf-8")
    assert old in text
    meeting.write_text(text.replace(old, new, 1), "utf-8")
    result = run(project, "build", DATE)
    assert result.exit_code == 0, result.stderr
    made = {line.split()[1] for line in result.stdout.splitlines() if line.strip().startswith("作成")}
    assert made == rebuilt


def test_removing_a_document_the_explanation_page_cites_stops_the_build(project: Path, built: Path) -> None:
    meeting = project / "inputs" / DATE / "meeting.yaml"
    text = meeting.read_text("utf-8")
    start = text.index('  - id: "1-2"')
    meeting.write_text(text[:start] + text[text.index("  - id: population") :], "utf-8")
    result = run(project, "build", DATE)  # the agenda's own inputs did not change: its citations did
    assert result.exit_code == 1
    assert "資料「1-2」はこの会議の資料にありません（今回の資料：agenda、1-1、population、donation）" in result.stderr


@pytest.mark.slow
def test_a_new_packetgen_version_rebuilds_everything(project: Path, built: Path, monkeypatch) -> None:
    import packetgen.building.outdated

    monkeypatch.setattr(packetgen.building.outdated, "code_version", lambda: "99.0+changed")
    result = run(project, "build", DATE)
    assert "5件の資料を作成しました" in result.stdout


@pytest.mark.slow
def test_new_meeting_from_the_previous_one(project: Path) -> None:
    result = run(project, "new", "2023-10-26", "--from", DATE)
    assert result.exit_code == 0, result.stderr
    assert "令和5年度第2回一関市まち・ひと・しごと創生有識者会議" in result.stdout
    assert "欠席・Web の記入 8件を消去" in result.stdout and "次に編集してください" in result.stdout
    meeting = (project / "inputs" / "2023-10-26" / "meeting.yaml").read_text("utf-8")
    assert "日付: 2023-10-26" in meeting and "回次: 2" in meeting and "年度: 令和5年度" in meeting
    members = (project / "inputs" / "2023-10-26" / "members.csv").read_text("utf-8")
    assert "欠席" not in members and "Web" not in members and "岩本　幸一" in members
    # the deck whose label is read (the whole new meeting is assembled by test_diff's diff --against)
    built = run(project, "build", "2023-10-26", "--only", "1-1")
    assert built.exit_code == 0, built.stderr
    from pptx import Presentation

    deck = Presentation(
        str(project / "outputs" / "2023-10-26" / "資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pptx")
    )
    label = deck.slides[0].placeholders[13].text_frame.text
    assert label == "令和5年10月26日(木)\n第2回一関市まち・ひと・しごと創生有識者会議【資料No.1-1】"


def test_new_meeting_keeps_each_document_s_id_and_kind(project: Path) -> None:
    add_deck(project / "inputs" / DATE, "進捗", "No.0", "総合戦略の進捗", before="1-1")
    result = run(project, "new", "2023-10-26", "--from", DATE)
    assert result.exit_code == 0, result.stderr
    copied = Packet(project, "2023-10-26").plan()
    assert [(d.id, d.kind.name, d.output_name) for d in copied] == [
        ("agenda", "次第", "次第・参加者名簿.docx"),
        ("進捗", "スライド", "資料No.0_総合戦略の進捗.pptx"),
        ("1-1", "スライド", "資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pptx"),
        ("1-2", "スライド", "資料No.1-2_地方版総合戦略の改訂.pptx"),
        ("population", "人口動態", "資料No.2_人口動態について.xlsx"),
        ("donation", "寄附報告", "資料No.3_一関市企業版ふるさと納税について.docx"),
    ]
    meeting = (project / "inputs" / "2023-10-26" / "meeting.yaml").read_text("utf-8")
    assert '  - id: "進捗"\n    種類: スライド\n' in meeting


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("new", DATE, "--from", DATE), ["既にあります"]),
        (("new", "2023-01-01", "--from", DATE), ["より前です"]),
        (("new", "2023-10-26", "--from", "2022-01-01"), ["inputs/2022-01-01/ がありません"]),
        (("new", "../2023-10-26", "--from", DATE), ["YYYY-MM-DD"]),
    ],
)
def test_new_meeting_refusals(project: Path, args: tuple[str, ...], words: list[str]) -> None:
    result = run(project, *args)
    assert result.exit_code == 1
    for word in words:
        assert word in result.stderr


def test_new_meeting_clears_marks_in_an_xlsx_member_list(project: Path) -> None:
    import openpyxl

    members_as_xlsx(project / "inputs" / DATE)
    result = run(project, "new", "2023-10-26", "--from", DATE)
    assert result.exit_code == 0, result.stderr
    assert "8件を消去" in result.stdout
    sheet = openpyxl.load_workbook(project / "inputs" / "2023-10-26" / "members.xlsx").active
    assert [c.value for c in sheet["G"][1:] if c.value] == []
    assert sheet["E2"].value == "岩本　幸一"


@pytest.mark.slow
def test_new_meeting_in_the_next_fiscal_year_starts_at_one_records_its_source_and_check_lists_dated_texts(
    project: Path,
) -> None:
    assert run(project, "new", "2024-05-16", "--from", DATE).exit_code == 0
    meeting = (project / "inputs" / "2024-05-16" / "meeting.yaml").read_text("utf-8")
    assert "回次: 1" in meeting and "年度: 令和6年度" in meeting
    assert "元の会議: 2023-07-27" in meeting
    result = run(project, "check", "2024-05-16")
    assert result.exit_code == 0, result.stderr
    out = "".join(result.stdout.split())
    assert (
        "注意：inputs/2024-05-16/explanation.yaml16行目節[3].本文[1]：前回（2023-07-27）のままです。"
        "年・日付・年度・資料番号が今回に合っているか確認してください："
    ) in out
    assert out.count("前回（2023-07-27）のままです") == 6  # 出典 keeps its date on purpose; slides are not listed
    strict = run(project, "check", "2024-05-16", "--strict")
    assert strict.exit_code == 1
    assert "エラー：注意が9件あります（--strict では注意もエラーです）" in strict.stderr


@pytest.mark.slow
def test_new_clears_every_web_spelling_and_reads_a_cp932_meeting_file(project: Path) -> None:
    folder = project / "inputs" / DATE
    members = folder / "members.csv"
    text = members.read_text("utf-8").replace(",Web\n", ",オンライン\n", 1).replace(",Web\n", ",web\n", 1)
    members.write_text(text, "utf-8")
    meeting = folder / "meeting.yaml"
    meeting.write_bytes(meeting.read_text("utf-8").replace("—", "-").encode("cp932"))  # as Notepad saves it
    # the input validation check runs (here in-process, without rendering) accepts both, so new must too
    from packetgen.building.assemble import load

    packet = Packet(project, DATE)
    assert len(load(packet, packet.plan())) == 5  # no InputError
    result = run(project, "new", "2023-10-26", "--from", DATE)
    assert result.exit_code == 0, result.stderr
    assert "欠席・Web の記入 8件を消去" in result.stdout
    copied = (project / "inputs" / "2023-10-26" / "members.csv").read_text("utf-8")
    assert "オンライン" not in copied and ",web" not in copied and "Web" not in copied

"""Crash safety, concurrent runs, incremental builds and `packetgen new`."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATE, ROOT, members_as_xlsx, run, snapshot

ALL = ["agenda", "1-1", "1-2", "population", "donation"]


def packetgen(project: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen(
        [sys.executable, "-m", "packetgen", *args, "--project", str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def consistent(folder: Path) -> bool:
    """Every file the manifest names is there with its checksum, and nothing else is."""
    import hashlib

    data = json.loads((folder / "manifest.json").read_text("utf-8"))
    names = {d["path"] for d in data["documents"]} | {"manifest.json"}
    if {p.name for p in folder.iterdir()} != names:
        return False
    return all(hashlib.sha256((folder / d["path"]).read_bytes()).hexdigest() == d["sha256"] for d in data["documents"])


def edit_inputs(project: Path) -> None:
    """A change that alters every document (the meeting's place is on the agenda, the date on all)."""
    meeting = project / "inputs" / DATE / "meeting.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace("特別会議室（3階）", "大会議室（4階）"), "utf-8")


def test_a_killed_build_leaves_the_old_packet_or_the_new_one_never_a_mix(project: Path, tmp_path: Path) -> None:
    assert run(project, "build", DATE).exit_code == 0
    out = project / "outputs" / DATE
    old = snapshot(out)
    expected = tmp_path / "expected"
    shutil.copytree(project / "inputs", expected / "inputs")
    shutil.copytree(project / "templates", expected / "templates")
    edit_inputs(expected)
    assert run(expected, "build", DATE).exit_code == 0
    new = snapshot(expected / "outputs" / DATE)
    edit_inputs(project)
    outcomes = []
    for delay in (0.3, 0.6, 0.9, 1.1, 1.3, 1.5, 1.7, 2.0, 2.5):
        process = packetgen(project, "build", DATE, "--force")
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = snapshot(out)
        assert state in (old, new), f"mixed outputs after a kill at {delay}s"
        assert consistent(out)
        outcomes.append("new" if state == new else "old")
    assert "old" in outcomes  # at least one kill landed mid-build (later kills may find it done)
    # what the killed runs left in the hidden workspace goes with the next command
    assert run(project, "build", DATE).exit_code == 0
    assert consistent(out)
    leftovers = [p.name for p in (project / "outputs" / ".packetgen").iterdir() if not p.name.endswith(".lock")]
    assert leftovers == []


def test_two_builds_at_once_take_turns(project: Path, tmp_path: Path) -> None:
    assert run(project, "build", DATE).exit_code == 0
    first, second = packetgen(project, "build", DATE, "--force"), packetgen(project, "build", DATE, "--force")
    results = [p.communicate(timeout=120) for p in (first, second)]
    assert first.returncode == second.returncode == 0, results
    assert consistent(project / "outputs" / DATE)


def test_no_op_rebuild_skips_every_document(project: Path) -> None:
    assert run(project, "build", DATE).exit_code == 0
    out = project / "outputs" / DATE
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
        ("inputs/2023-07-27/meeting.yaml", set(ALL)),
    ],
)
def test_a_change_rebuilds_just_the_documents_that_read_it(project: Path, changed: str, rebuilt: set[str]) -> None:
    assert run(project, "build", DATE).exit_code == 0
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


def test_a_new_packetgen_version_rebuilds_everything(project: Path, monkeypatch) -> None:
    assert run(project, "build", DATE).exit_code == 0
    import packetgen.packet

    monkeypatch.setattr(packetgen.packet, "code_version", lambda: "99.0+changed")
    result = run(project, "build", DATE)
    assert "5件の資料を作成しました" in result.stdout


def test_new_meeting_from_the_previous_one(project: Path) -> None:
    result = run(project, "new", "2023-10-26", "--from", DATE)
    assert result.exit_code == 0, result.stderr
    assert "令和5年度第2回一関市まち・ひと・しごと創生有識者会議" in result.stdout
    assert "欠席・Web の記入 8件を消去" in result.stdout and "次に編集してください" in result.stdout
    meeting = (project / "inputs" / "2023-10-26" / "meeting.yaml").read_text("utf-8")
    assert "日付: 2023-10-26" in meeting and "回次: 2" in meeting and "年度: 令和5年度" in meeting
    members = (project / "inputs" / "2023-10-26" / "members.csv").read_text("utf-8")
    assert "欠席" not in members and "Web" not in members and "岩本　幸一" in members
    built = run(project, "build", "2023-10-26")
    assert built.exit_code == 0, built.stderr
    from pptx import Presentation

    deck = Presentation(
        str(project / "outputs" / "2023-10-26" / "資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pptx")
    )
    label = deck.slides[0].placeholders[13].text_frame.text
    assert label == "令和5年10月26日(木)\n第2回一関市まち・ひと・しごと創生有識者会議【資料No.1-1】"


def test_new_meeting_in_the_next_fiscal_year_starts_at_one(project: Path) -> None:
    assert run(project, "new", "2024-05-16", "--from", DATE).exit_code == 0
    meeting = (project / "inputs" / "2024-05-16" / "meeting.yaml").read_text("utf-8")
    assert "回次: 1" in meeting and "年度: 令和6年度" in meeting
    assert run(project, "check", "2024-05-16").exit_code == 0


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


def test_new_records_its_source_and_check_lists_the_dated_texts_carried_over(project: Path) -> None:
    assert run(project, "new", "2023-10-26", "--from", DATE).exit_code == 0
    meeting = (project / "inputs" / "2023-10-26" / "meeting.yaml").read_text("utf-8")
    assert "元の会議: 2023-07-27" in meeting
    result = run(project, "check", "2023-10-26")
    assert result.exit_code == 0, result.stderr
    out = "".join(result.stdout.split())
    assert (
        "注意：inputs/2023-10-26/explanation.yaml16行目節[3].本文[1]：前回（2023-07-27）のままです。"
        "年・日付・年度・資料番号が今回に合っているか確認してください："
    ) in out
    assert out.count("前回（2023-07-27）のままです") == 6  # 出典 keeps its date on purpose; slides are not listed
    strict = run(project, "check", "2023-10-26", "--strict")
    assert strict.exit_code == 1
    assert "エラー：注意が6件あります（--strict では注意もエラーです）" in strict.stderr


def test_new_clears_every_web_spelling_and_reads_a_cp932_meeting_file(project: Path) -> None:
    folder = project / "inputs" / DATE
    members = folder / "members.csv"
    text = members.read_text("utf-8").replace(",Web\n", ",オンライン\n", 1).replace(",Web\n", ",web\n", 1)
    members.write_text(text, "utf-8")
    meeting = folder / "meeting.yaml"
    meeting.write_bytes(meeting.read_text("utf-8").replace("—", "-").encode("cp932"))  # as Notepad saves it
    assert run(project, "check", DATE).exit_code == 0  # check accepts both, so new must too
    result = run(project, "new", "2023-10-26", "--from", DATE)
    assert result.exit_code == 0, result.stderr
    assert "欠席・Web の記入 8件を消去" in result.stdout
    copied = (project / "inputs" / "2023-10-26" / "members.csv").read_text("utf-8")
    assert "オンライン" not in copied and ",web" not in copied and "Web" not in copied

"""Bad input is refused with a Japanese message naming file, row and column; good variants work."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATE, members_as_xlsx, run, snapshot
from packetgen.core.errors import Problem
from packetgen.inputs.yaml_files import load_yaml

MEMBERS = "members.csv"


def members_text(meeting_dir: Path) -> str:
    return (meeting_dir / MEMBERS).read_text("utf-8")


def write_members(meeting_dir: Path, text: str, encoding: str = "utf-8") -> None:
    (meeting_dir / MEMBERS).write_bytes(text.encode(encoding))


def docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_encodings_from_japanese_excel_are_accepted(project: Path, meeting_dir: Path, encoding: str) -> None:
    text = members_text(meeting_dir).replace("岩本　幸一", "髙橋　①太郎")  # CP932-only characters
    write_members(meeting_dir, text, encoding)
    result = run(project, "build", DATE, "--only", "agenda")  # the document that reads members.csv
    assert result.exit_code == 0, result.stderr
    assert "髙橋　①太郎" in docx_text(project / "outputs" / DATE / "次第・参加者名簿.docx")


@pytest.mark.slow
def test_xlsx_member_list_is_accepted(project: Path, meeting_dir: Path) -> None:
    members_as_xlsx(meeting_dir)
    result = run(project, "build", DATE, "--only", "agenda")
    assert result.exit_code == 0, result.stderr
    assert "中机　純子" in docx_text(project / "outputs" / DATE / "次第・参加者名簿.docx")


def test_half_width_space_in_names_becomes_full_width(project: Path, meeting_dir: Path) -> None:
    write_members(meeting_dir, members_text(meeting_dir).replace("岩本　幸一", "岩本 幸一"))
    assert run(project, "build", DATE, "--only", "agenda").exit_code == 0
    assert "岩本　幸一" in docx_text(project / "outputs" / DATE / "次第・参加者名簿.docx")


BAD_MEMBERS = [
    # (what the user did, edit of members.csv, expected words in the message)
    ("missing column", lambda t: t.replace(",ふりがな", "", 1), ["members.csv", "必要な列がありません", "ふりがな"]),
    ("renamed column", lambda t: t.replace("氏名", "名前", 1), ["1行目", "見出し「名前」は使えません", "氏名"]),
    ("text in No", lambda t: t.replace("\n9,", "\nNine,"), ["10行目", "A列「No」", "整数", "Nine"]),
    ("duplicated No", lambda t: t.replace("\n4,", "\n3,"), ["5行目", "A列「No」", "No 3 が 4行目と重複"]),
    ("negative No", lambda t: t.replace("\n4,", "\n-4,"), ["5行目", "A列「No」", "1以上"]),
    ("name without space", lambda t: t.replace("大崎　望美", "大崎望美"), ["3行目", "E列「氏名」", "空白"]),
    ("kana in romaji", lambda t: t.replace("ながい　はるき", "nagai"), ["4行目", "F列「ふりがな」", "ひらがな"]),
    ("missing name", lambda t: t.replace("永井　春樹", ""), ["4行目", "E列「氏名」", "値がありません"]),
    ("control character", lambda t: t.replace("欠席\n7", "欠\x0b席\n7"), ["7行目", "G列「備考」", "\\x0b"]),
    ("over-long text", lambda t: t.replace("欠席\n7", "欠" * 30 + "\n7"), ["7行目", "G列「備考」", "20文字以内"]),
    ("only a header", lambda t: t.splitlines()[0] + "\n", ["データ行がありません"]),
    ("empty file", lambda t: "", ["ファイルが空です"]),
]


@pytest.mark.parametrize(("case", "edit", "words"), BAD_MEMBERS, ids=[c[0] for c in BAD_MEMBERS])
def test_bad_member_list_is_refused_and_outputs_stay(
    project: Path, meeting_dir: Path, built_agenda: Path, case: str, edit, words: list[str]
) -> None:
    before = snapshot(built_agenda)
    write_members(meeting_dir, edit(members_text(meeting_dir)))
    result = run(project, "build", DATE, "--only", "agenda")  # the document that reads members.csv
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr + result.stdout
    for word in words:
        assert word in result.stderr, (case, result.stderr)
    assert snapshot(built_agenda) == before


def test_every_problem_is_reported_at_once(project: Path, meeting_dir: Path) -> None:
    text = members_text(meeting_dir).replace("大崎　望美", "大崎望美").replace("ながい　はるき", "nagai")
    write_members(meeting_dir, text)
    (meeting_dir / "staff.csv").write_text("役職,氏名\n市長公室長,\n", "utf-8")
    result = run(project, "check", DATE, "--only", "agenda")  # the document that reads both lists
    assert result.exit_code == 1
    assert "3件の問題" in result.stderr
    assert "members.csv 3行目" in result.stderr and "members.csv 4行目" in result.stderr
    assert "staff.csv 2行目 B列「氏名」" in result.stderr


def test_wrong_encoding_and_binary_garbage(project: Path, meeting_dir: Path) -> None:
    (meeting_dir / MEMBERS).write_bytes(b"No,\x80\x80\n1,\x80\n")
    assert "文字コード" in run(project, "check", DATE, "--only", "agenda").stderr
    (meeting_dir / MEMBERS).write_bytes(bytes(range(256)))
    assert "バイナリ" in run(project, "check", DATE, "--only", "agenda").stderr


def test_corrupt_xlsx(project: Path, meeting_dir: Path) -> None:
    (meeting_dir / "members.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    meeting = meeting_dir / "meeting.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace("members.csv", "members.xlsx"), "utf-8")
    result = run(project, "check", DATE, "--only", "agenda")
    assert result.exit_code == 1
    assert "members.xlsx" in result.stderr and "Excelファイル" in result.stderr


def test_missing_input_file(project: Path, meeting_dir: Path) -> None:
    (meeting_dir / "staff.csv").unlink()
    result = run(project, "build", DATE, "--only", "agenda")  # the document that reads staff.csv
    assert result.exit_code == 1
    assert "inputs/2023-07-27/staff.csv: ファイルが見つかりません" in result.stderr


MEETING_EDITS = [
    ("broken YAML", lambda t: t.replace("回次: 1", "回次: [1"), ["meeting.yaml", "{line:回次}", "YAMLの書式の誤り"]),
    ("date mismatch", lambda t: t.replace("日付: 2023-07-27", "日付: 2023-07-28"), ["フォルダ名の日付と違います"]),
    (
        "date that does not exist",
        lambda t: t.replace("日付: 2023-07-27", "日付: 2023-02-30"),
        ["日時.日付", "「2023-02-30」は存在しない日付です"],
    ),
    ("end before start", lambda t: t.replace('終了: "15:00"', '終了: "12:00"'), ["終了時刻は開始時刻より後"]),
    ("fiscal year mismatch", lambda t: t.replace("令和5年度", "令和4年度"), ["年度「令和4年度」", "令和5年度"]),
    ("unknown key", lambda t: t.replace("場所:", "会場:"), ["会場", "使えません"]),
    ("unknown document id", lambda t: t.replace("id: agenda", "id: minutes"), ["資料[1].id", "minutes"]),
    ("missing input role", lambda t: t.replace("      市側出席者: staff.csv\n", ""), ["入力「市側出席者」"]),
    ("input outside the meeting", lambda t: t.replace("staff.csv", "../../secret.csv"), ["会議フォルダの中"]),
    ("text for a number", lambda t: t.replace("回次: 1", "回次: 第一"), ["回次", "整数", "{line:回次}行目"]),
]


@pytest.mark.parametrize(("case", "edit", "words"), MEETING_EDITS, ids=[c[0] for c in MEETING_EDITS])
def test_bad_meeting_file_is_refused(
    project: Path, meeting_dir: Path, built_agenda: Path, case: str, edit, words
) -> None:
    before = snapshot(built_agenda)
    meeting = meeting_dir / "meeting.yaml"
    original = meeting.read_text("utf-8").splitlines()
    meeting.write_text(edit(meeting.read_text("utf-8")), "utf-8")
    result = run(project, "build", DATE)
    assert result.exit_code == 1, case
    for word in words:
        if word.startswith("{line:"):  # the line of a key in the file as the user sees it in an editor
            key = word[6 : word.index("}")]
            line = next(i for i, text in enumerate(original, 1) if text.startswith(key + ":"))
            word = f"{line}行目"
        assert word in result.stderr, (case, result.stderr)
    assert snapshot(built_agenda) == before


def test_unquoted_times_in_yaml_are_read_as_written(project: Path, meeting_dir: Path) -> None:
    meeting = meeting_dir / "meeting.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace('"13:30"', "13:30").replace('"15:00"', "15:00"), "utf-8")
    assert run(project, "build", DATE, "--only", "agenda").exit_code == 0
    assert "13：30～15：00" in docx_text(project / "outputs" / DATE / "次第・参加者名簿.docx")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("build", "2023-02-30"), ["存在しない日付"]),
        (("build", "27.7.2023"), ["YYYY-MM-DD"]),
        (("build", "../../etc"), ["YYYY-MM-DD"]),
        (("build", "2023-07-28"), ["inputs/2023-07-28/ がありません"]),
        (("build", DATE, "--only", "nope"), ["nope", "agenda"]),
    ],
)
def test_bad_arguments(project: Path, args: tuple[str, ...], words: list[str]) -> None:
    result = run(project, *args)
    assert result.exit_code == 1
    for word in words:
        assert word in result.stderr


# --- meeting.yaml's 印刷 block, through check ----------------------------------------------------------


MEETING_FILE = f"inputs/{DATE}/meeting.yaml"


def with_print_block(project: Path, block: str) -> int:
    """The copy's meeting.yaml with its 印刷 block (if any) replaced by ``block`` at the end; returns the
    line number of the block's first line."""
    path = project / MEETING_FILE
    lines = path.read_text("utf-8").splitlines()
    if "印刷:" in lines:  # drop the top-level block: its line and the indented ones under it
        start = end = lines.index("印刷:")
        while end + 1 < len(lines) and lines[end + 1].startswith((" ", "\t")):
            end += 1
        del lines[start : end + 1]
    path.write_text("\n".join([*lines, block]), "utf-8")
    return len(lines) + 1


@pytest.mark.parametrize(
    ("block", "offset", "key", "words"),
    [
        ("印刷:\n  納期: 2023-07-27 14:00\n", 1, "印刷.納期", ["納期 2023-07-27 14:00", "会議の開始"]),
        ("印刷:\n  綴じ方:\n    方法: 中綴じ\n", 2, "印刷.綴じ方.方法", ["綴じ方「中綴じ」は使えません"]),
        ("印刷:\n  予備部数: -1\n", 1, "印刷.予備部数", ["0以上"]),
        ("印刷:\n  追加部数:\n    報道: -2\n", 2, "印刷.追加部数", ["追加部数「報道」", "0〜500"]),
        ("印刷:\n  発注者:\n    電話: 電話して\n", 2, "印刷.発注者.電話", ["「電話して」は電話番号として読めません"]),
    ],
    ids=["due after start", "unknown binding", "negative spares", "negative extra copies", "bad phone"],
)
def test_print_block_is_validated(project: Path, block: str, offset: int, key: str, words: list[str]) -> None:
    first = with_print_block(project, block)
    result = run(project, "check", DATE)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert MEETING_FILE in result.stderr
    assert f"{first + offset}行目" in result.stderr, result.stderr
    assert key in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_print_block_due_before_the_meeting_is_accepted(project: Path) -> None:
    with_print_block(project, "印刷:\n  納期: 2023-07-25 17:00\n  発注者:\n    電話: 0000-00-0000（内線1234）\n")
    result = run(project, "check", DATE, "--only", "agenda")  # the 印刷 block is read whatever is selected
    assert result.exit_code == 0, result.stderr


# --- YAML slips in the meeting file, on the line the editor shows (each slip: test_yaml_files.py) -------


@pytest.mark.parametrize(
    ("slip", "key", "expected"),
    [
        (("場所: ", "場所："), "場所", "「場所」の後のコロンが全角（：）です"),
        (('  開始: "13:30"', '　開始: "13:30"'), "開始", "行頭に全角スペースがあります"),
        (('  開始: "13:30"', '\t開始: "13:30"'), "開始", "行頭にタブ文字があります"),
    ],
)
def test_yaml_slips_in_the_meeting_file_point_at_the_edited_line(
    project: Path, meeting_dir: Path, slip: tuple[str, str], key: str, expected: str
) -> None:
    meeting = meeting_dir / "meeting.yaml"
    text = meeting.read_text("utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith(f"{key}:"))
    meeting.write_text(text.replace(slip[0], slip[1], 1), "utf-8")
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert f"inputs/2023-07-27/meeting.yaml {line}行目: YAMLの書式の誤り：{expected}" in result.stderr, result.stderr
    assert "found" not in result.stderr and "expected" not in result.stderr


# --- meeting.yaml read: its times and the label printed on each document ------------------------------


def test_meeting_clock_and_document_labels() -> None:
    from datetime import time

    from packetgen.inputs import meeting as m

    assert m._clock(None) is None
    assert m._clock("13時半") == time(13, 30)
    problems: list[Problem] = []
    here = Path(__file__).resolve().parent.parent / "inputs" / "2023-07-27" / "meeting.yaml"
    meeting = load_yaml(here, "meeting.yaml", m.Meeting, problems)
    assert problems == []
    agenda, deck = meeting.documents[0], meeting.documents[1]
    assert (agenda.label, deck.label) == ("", "No.1-1")
    assert meeting.document_label(agenda) == "令和5年7月27日(木)　第1回一関市まち・ひと・しごと創生有識者会議"
    assert meeting.document_label(deck) == (
        "令和5年7月27日(木)　第1回一関市まち・ひと・しごと創生有識者会議【資料No.1-1】"
    )

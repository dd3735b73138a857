"""Bad input is refused with a Japanese message naming file, row and column; good variants work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATE, add_deck, members_as_xlsx, run, snapshot
from packetgen.building.packet import Packet
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


# --- meeting.yaml's 資料: ids staff choose, each document's 種類, file names -----------------------------

KIND_NAMES = "次第、スライド、人口動態、寄附報告、文書"


def edit_meeting(meeting_dir: Path, old: str, new: str) -> int:
    """Replace ``old`` (once) in meeting.yaml; returns the line where it starts, as an editor numbers it."""
    meeting = meeting_dir / "meeting.yaml"
    text = meeting.read_text("utf-8")
    assert text.count(old) == 1, old
    meeting.write_text(text.replace(old, new), "utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.slow
def test_decks_under_new_ids_build_in_the_list_s_order_named_from_their_label_and_title(
    project: Path, meeting_dir: Path
) -> None:
    add_deck(meeting_dir, "進捗", "No.0", "総合戦略の進捗", before="1-1")
    add_deck(meeting_dir, "extra", "No.4", "地方版総合戦略の改訂（追補）")
    explanation = meeting_dir / "explanation.yaml"  # the explanation page cites a new id like any other
    explanation.write_text(explanation.read_text("utf-8").replace('資料: ["1-2"]', '資料: ["1-2", extra]'), "utf-8")
    result = run(project, "build", DATE)
    assert result.exit_code == 0, result.stderr
    made = [line.split()[1:3] for line in result.stdout.splitlines() if line.startswith("  作成")]
    assert [(i, name.rsplit("（", 1)[0]) for i, name in made] == [
        ("agenda", "次第・参加者名簿.docx"),
        ("進捗", "資料No.0_総合戦略の進捗.pptx"),
        ("1-1", "資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pptx"),
        ("1-2", "資料No.1-2_地方版総合戦略の改訂.pptx"),
        ("population", "資料No.2_人口動態について.xlsx"),
        ("donation", "資料No.3_一関市企業版ふるさと納税について.docx"),
        ("extra", "資料No.4_地方版総合戦略の改訂（追補）.pptx"),
    ]
    manifest = json.loads((project / "outputs" / DATE / "manifest.json").read_text("utf-8"))
    assert [(d["id"], d["path"]) for d in manifest["documents"]] == [(i, n.rsplit("（", 1)[0]) for i, n in made]
    assert "7件の資料を作成しました" in result.stdout
    from pptx import Presentation

    deck = Presentation(str(project / "outputs" / DATE / "資料No.4_地方版総合戦略の改訂（追補）.pptx"))
    assert deck.slides[0].placeholders[13].text_frame.text == (
        "令和5年7月27日(木)\n第1回一関市まち・ひと・しごと創生有識者会議【資料No.4】"
    )


def test_a_label_that_says_what_it_is_is_printed_as_typed_not_prefixed_with_shiryo(
    project: Path, meeting_dir: Path
) -> None:
    add_deck(meeting_dir, "ref", "参考資料", "地方版総合戦略の改訂（抜粋）")
    result = run(project, "build", DATE, "--only", "ref")
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    deck = Presentation(str(project / "outputs" / DATE / "参考資料_地方版総合戦略の改訂（抜粋）.pptx"))
    assert deck.slides[0].placeholders[13].text_frame.text == (
        "令和5年7月27日(木)\n第1回一関市まち・ひと・しごと創生有識者会議【参考資料】"
    )
    listed = run(project, "list", DATE)
    assert "参考資料" in listed.stdout and "資料参考資料" not in listed.stdout


M = f"inputs/{DATE}/meeting.yaml"
ID_RULE = (
    "には文字・数字と - _ . だけを使ってください（空白や / などは使えません。先頭に - と . は置けません。"
    "例：1-1、progress、人口）"
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('  - id: "1-2"\n', '  - id: "1 2"\n', f"資料[3].id: id「1 2」{ID_RULE}"),
        ('  - id: "1-2"\n', '  - id: "1/2"\n', f"資料[3].id: id「1/2」{ID_RULE}"),
        ('  - id: "1-2"\n', '  - id: "-2"\n', f"資料[3].id: id「-2」{ID_RULE}"),
        (
            '  - id: "1-2"\n',
            '  - id: "a234567890b234567890c234567890d"\n',
            "資料[3].id: 30文字以内で入力してください",
        ),
        (
            "  - id: population\n",
            "  - id: 2\n",
            '資料[4].id: id が数として読まれました。数字の id は id: "4" のように " で囲んでください',
        ),
        (
            "    種類: 寄附報告\n",
            "    種類: 報告書\n",
            f"資料[5].種類: 種類「報告書」はありません（使える種類：{KIND_NAMES}）",
        ),
        (
            "  - id: agenda\n    種類: 次第\n",
            "  - id: minutes\n",
            f"資料[1].種類: 資料「minutes」には種類が要ります。「種類: スライド」のように書いてください"
            f"（使える種類：{KIND_NAMES}）",
        ),
    ],
    ids=["space", "slash", "leading hyphen", "31 characters", "a number", "unknown kind", "no kind"],
)
def test_a_document_s_id_and_kind_are_checked(
    project: Path, meeting_dir: Path, old: str, new: str, expected: str
) -> None:
    line = edit_meeting(meeting_dir, old, new)
    result = run(project, "check", DATE, "--only", "agenda")  # any check validates all of meeting.yaml
    assert result.exit_code == 1
    assert f"  - {M} {line}行目 {expected}\n" in result.stderr, result.stderr


def kinds(project: Path) -> list[tuple[str, str]]:
    return [(doc.id, doc.kind.name) for doc in Packet(project, DATE).plan()]


def test_an_entry_without_kind_takes_the_kind_its_old_fixed_id_named(project: Path, meeting_dir: Path) -> None:
    """meeting.yaml as written before 種類 existed (ids agenda, 1-1, 1-2, population, donation) still holds."""
    meeting = meeting_dir / "meeting.yaml"
    lines = meeting.read_text("utf-8").splitlines(keepends=True)
    meeting.write_text("".join(line for line in lines if not line.startswith("    種類:")), "utf-8")
    assert "種類" not in meeting.read_text("utf-8").split("資料:")[1]
    assert kinds(project) == [
        ("agenda", "次第"),
        ("1-1", "スライド"),
        ("1-2", "スライド"),
        ("population", "人口動態"),
        ("donation", "寄附報告"),
    ]


@pytest.mark.slow
def test_an_id_is_a_name_and_its_kind_may_differ_from_what_the_id_once_meant(project: Path, meeting_dir: Path) -> None:
    edit_meeting(meeting_dir, "  - id: agenda\n", "  - id: 名簿_2023.7\n")
    edit_meeting(meeting_dir, '  - id: "1-1"\n', "  - id: agenda\n")  # 種類: スライド stays
    deck = meeting_dir / "slides" / "1-1.yaml"
    deck.write_text(deck.read_text("utf-8").replace('deck: "1-1"', "deck: agenda"), "utf-8")
    explanation = meeting_dir / "explanation.yaml"
    explanation.write_text(explanation.read_text("utf-8").replace('資料: ["1-1"]', "資料: [agenda]"), "utf-8")
    assert kinds(project) == [
        ("名簿_2023.7", "次第"),
        ("agenda", "スライド"),
        ("1-2", "スライド"),
        ("population", "人口動態"),
        ("donation", "寄附報告"),
    ]
    result = run(project, "check", DATE, "--only", "名簿_2023.7", "--only", "agenda")
    assert result.exit_code == 0, result.stderr
    assert "入力に問題はありません（2件の資料を確認、出力は変更していません）" in result.stdout


COLLIDING_NAMES = "名称か資料番号を変えてください"


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            [
                (
                    "    名称: デジタル田園都市国家構想総合戦略の概要\n    資料番号: No.1-1\n",
                    "    名称: 戦略 概要\n    資料番号: No.1\n",
                ),
                ("    名称: 地方版総合戦略の改訂\n    資料番号: No.1-2\n", "    名称: 戦略/概要\n    資料番号: no.1\n"),
            ],
            "資料[3].名称: 資料「1-2」のファイル名「資料no.1_戦略_概要」が資料「1-1」と同じになり、"
            "上書きされてしまいます。" + COLLIDING_NAMES,
        ),
        (
            [("    名称: 次第・参加者名簿\n", "    名称: Packet\n")],
            "資料[1].名称: 資料「agenda」のファイル名「Packet」が印刷用のファイル（print/packet.pdf）と同じになり、"
            "上書きされてしまいます。" + COLLIDING_NAMES,
        ),
        (
            [("    資料番号: No.1-2\n", "    資料番号: No.1-1\n")],
            "資料[3].資料番号: 資料番号「No.1-1」が資料「1-1」と同じです。資料番号は資料ごとに変えてください",
        ),
        (
            [("    名称: 地方版総合戦略の改訂\n", "    名称: " + "地方版総合戦略の改訂" * 8 + "\n")],  # 240 bytes
            "資料[3].名称: 資料「1-2」のファイル名「資料No.1-2_" + "地方版総合戦略の改訂" * 8 + "」が長すぎます"
            "（ファイル名の上限を超えます）。名称を短くしてください",
        ),
    ],
    ids=["two documents", "the packet's PDF", "one 資料番号 twice", "a name too long for a file"],
)
def test_two_documents_whose_files_would_share_a_name_are_refused(
    project: Path, meeting_dir: Path, edits: list[tuple[str, str]], expected: str
) -> None:
    """Sanitised (/ and spaces become _) and compared as Windows does, without case: one would overwrite
    the other, and a document would be lost without a word."""
    line = [edit_meeting(meeting_dir, old, new) for old, new in edits][-1]
    result = run(project, "check", DATE, "--only", "agenda")
    assert result.exit_code == 1
    assert f"  - {M} {line}行目 {expected}\n" in result.stderr, result.stderr

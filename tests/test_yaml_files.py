"""The YAML input files (inputs/yaml_files.py, yaml_errors.py): read as written (times, dates and
numbers stay the text typed; UTF-8 or CP932), and each slip a person makes in an editor — a tab or a
全角 space in the indentation, a 全角 colon, an unclosed quote, a value starting with a YAML sign, a key
typed twice, an indentation that does not line up — named in Japanese on its own line, with the key,
the column where it helps and the fix."""

# ruff: noqa: E501  (the expected messages are literal Japanese sentences, kept whole)

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from packetgen.core.errors import Problem
from packetgen.inputs import yaml_errors, yaml_files
from packetgen.inputs.yaml_files import load_yaml

# --- a model of every shape the input files use ------------------------------------------------------


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    項目: str
    小項目: list[str] = []


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")
    名前: str
    開始: str | None = None
    数: int | None = None
    次第: list[str | _Item] = []
    詳細: _Item | None = None
    辞書: dict[str, str] | None = None


# --- each slip named on its line, in Japanese --------------------------------------------------------


YAML_PROBLEMS = [
    (
        "名前: a\n\t数: 1\n",
        [
            "m.yaml 2行目: YAMLの書式の誤り：行頭にタブ文字があります。YAMLの字下げには使えないので、半角スペースに置き換えてください\u3000行の内容：「［タブ］数: 1」"
        ],
    ),
    (
        "名前: a\n次第:\n\u3000- x\n",
        [
            "m.yaml 3行目: YAMLの書式の誤り：行頭に全角スペースがあります。字下げは半角スペースで入れてください（全角スペースは値の中だけで使えます）\u3000行の内容：「［全角空白］- x」"
        ],
    ),
    (
        "名前：a\n数: 1\n",
        [
            "m.yaml 1行目: YAMLの書式の誤り：「名前」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：名前: a）\u3000行の内容：「名前：a」"
        ],
    ),
    (
        '名前: "abc\n数: 1\n',
        [
            'm.yaml 1行目 5文字目: YAMLの書式の誤り：引用符「"」が閉じられていません。値の終わりにも「"」を付けてください\u3000行の内容：「名前: "abc」'
        ],
    ),
    (
        "名前: 'abc\n",
        [
            "m.yaml 1行目 5文字目: YAMLの書式の誤り：引用符「'」が閉じられていません。値の終わりにも「'」を付けてください\u3000行の内容：「名前: 'abc」"
        ],
    ),
    (
        "名前: {a}\n",
        [
            'm.yaml 1行目 名前: YAMLの書式の誤り：値が「{」で始まっています。YAMLでは { } で囲んだ部分が「項目: 値」の組として読まれるため、値全体を引用符で囲んでください（例：名前: "{a}"）'
        ],
    ),
    (
        "名前: *x\n",
        [
            'm.yaml 1行目: YAMLの書式の誤り：値が「*」で始まっています。YAMLでは「*」は別の場所の値を指す記号のため、値全体を引用符で囲んでください（例：名前: "*x"）\u3000行の内容：「名前: *x」'
        ],
    ),
    ("名前: &a\n", ["m.yaml 1行目 名前: 値がありません"]),
    (
        "名前: !x y\n",
        [
            'm.yaml 1行目: YAMLの書式の誤り：値が「!」で始まっています。YAMLでは「!」は特別な記号のため、値全体を引用符で囲んでください（例：名前: "!x y"）\u3000行の内容：「名前: !x y」'
        ],
    ),
    (
        "名前: @x\n",
        [
            'm.yaml 1行目: YAMLの書式の誤り：値が「@」で始まっています。YAMLでは「@」は特別な記号のため、値全体を引用符で囲んでください（例：名前: "@x"）\u3000行の内容：「名前: @x」'
        ],
    ),
    (
        "名前: `x\n",
        [
            'm.yaml 1行目: YAMLの書式の誤り：値が「`」で始まっています。YAMLでは「`」は特別な記号のため、値全体を引用符で囲んでください（例：名前: "`x"）\u3000行の内容：「名前: `x」'
        ],
    ),
    (
        "名前: %x\n",
        [
            'm.yaml 1行目: YAMLの書式の誤り：値が「%」で始まっています。YAMLでは「%」は特別な記号のため、値全体を引用符で囲んでください（例：名前: "%x"）\u3000行の内容：「名前: %x」'
        ],
    ),
    (
        "名前: a\n  数: 1\n",
        [
            "m.yaml 2行目 4文字目: YAMLの書式の誤り：字下げが前の行より深いため、前の行の値の続きとして読まれています。同じ階層の項目と字下げをそろえてください\u3000行の内容：「  数: 1」"
        ],
    ),
    (
        "名前: a\n数: 1\n名前: b\n",
        [
            "m.yaml 3行目: YAMLの書式の誤り：「名前」が1行目にもあります。同じ項目は1回だけ書いてください（後の値で前の値が消えてしまいます）"
        ],
    ),
    (
        "名前: a\n 数: 1\n",
        [
            "m.yaml 2行目 3文字目: YAMLの書式の誤り：字下げが前の行より深いため、前の行の値の続きとして読まれています。同じ階層の項目と字下げをそろえてください\u3000行の内容：「 数: 1」"
        ],
    ),
    (
        "名前: [a, b\n",
        [
            'm.yaml 1行目: YAMLの書式の誤り：値が「[」で始まっています。YAMLでは「[」は特別な記号のため、値全体を引用符で囲んでください（例：名前: "[a, b"）\u3000行の内容：「名前: [a, b」'
        ],
    ),
    (
        '名前: "a\\qb"\n',
        [
            'm.yaml 1行目 7文字目: YAMLの書式の誤り："…" の中の「\\」は特別な意味になります。値を \'…\'（一重引用符）で囲むか、「\\」を「/」にしてください\u3000行の内容：「名前: "a\\qb"」'
        ],
    ),
    (
        "次第:\n  - a\n  b: c\n",
        [
            "m.yaml 3行目 3文字目: YAMLの書式の誤り：一覧（- で始まる行）の途中に字下げの違う行か「項目: 値」の行があります。字下げをそろえてください\u3000行の内容：「  b: c」"
        ],
    ),
    (
        "名前: a: b\n",
        [
            'm.yaml 1行目 6文字目: YAMLの書式の誤り：この位置に「: 」は書けません。値の中に「: 」があるときは値全体を引用符（"…"）で囲んでください\u3000行の内容：「名前: a: b」'
        ],
    ),
    ("- a\n- b\n", ["m.yaml: 中身が空か、「項目: 値」の形になっていません"]),
    ("", ["m.yaml: 中身が空か、「項目: 値」の形になっていません"]),
    ("名前: a\n数: x\n", ["m.yaml 2行目 数: 整数で入力してください（入力値：「x」）"]),
    ("名前: a\n数: 1,234\n", ["m.yaml 2行目 数: 整数で入力してください（入力値：「1,234」）"]),
    ("名前: a\n未知: 1\n", ["m.yaml 2行目 未知: この項目は使えません（綴りを確認してください）"]),
    (
        "名前: a\n詳細:\n  項目: b\n  小項目: c\n",
        ["m.yaml 4行目 詳細.小項目: 一覧（- で始まる行の並び）で書いてください"],
    ),
    ("名前: a\x0bb\n", ["m.yaml 1行目: 使用できない制御文字（\\x0b）が含まれています。セルの内容を打ち直してください"]),
    (
        "名前: a\n次第:\n  - 項目: 'x\x01'\n",
        ["m.yaml 3行目: 使用できない制御文字（\\x01）が含まれています。セルの内容を打ち直してください"],
    ),
    ("名前:\n", ["m.yaml 1行目 名前: 値がありません"]),
    (
        "名前: a\n詳細: 項目：b\n",
        [
            "m.yaml 2行目 詳細: YAMLの書式の誤り：「項目」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：詳細: 項目: b）"
        ],
    ),
    (
        "名前: [a, b]\n",
        [
            'm.yaml 1行目 名前: YAMLの書式の誤り：値が「[」で始まっています。YAMLでは「[」は特別な記号のため、値全体を引用符で囲んでください（例：名前: "[a, b]"）'
        ],
    ),
    (
        "x: &a [1]\ny: *a\n名前: a\n",
        [
            "m.yaml 1行目 x: この項目は使えません（綴りを確認してください）",
            "m.yaml 1行目 y: この項目は使えません（綴りを確認してください）",
        ],
    ),
    (
        "名前: a\n\u3000数: 1\n",
        [
            "m.yaml 2行目: YAMLの書式の誤り：行頭に全角スペースがあります。字下げは半角スペースで入れてください（全角スペースは値の中だけで使えます）\u3000行の内容：「［全角空白］数: 1」"
        ],
    ),
    (
        "名前: a\n詳細：\n  項目: b\n",
        [
            "m.yaml 2行目: YAMLの書式の誤り：「詳細」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：詳細: ）\u3000行の内容：「詳細：」"
        ],
    ),
]


def refused(tmp_path: Path, text: str) -> list[str]:
    """The problems loading ``text`` as m.yaml reports (the file must be refused)."""
    path = tmp_path / "m.yaml"
    path.write_text(text, "utf-8")
    found: list[Problem] = []
    assert yaml_files.load_yaml(path, "m.yaml", _Doc, found) is None
    return [str(p) for p in found]


@pytest.mark.parametrize(("text", "problems"), YAML_PROBLEMS)
def test_yaml_problems_name_line_key_and_fix(tmp_path: Path, text: str, problems: list[str]) -> None:
    assert refused(tmp_path, text) == problems


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            '名前: "a\\x0bb"\n',
            ["m.yaml 1行目 名前: 使用できない制御文字（\\x0b）が含まれています。セルの内容を打ち直してください"],
        ),
        (
            '名前: a\n次第:\n  - x\n  - 項目: "y\\x01"\n',
            [
                "m.yaml 4行目 次第[2].項目: 使用できない制御文字（\\x01）が含まれています。セルの内容を打ち直してください"
            ],
        ),
        (
            "名前: a\n詳細: 項目：b：c\n",
            [
                "m.yaml 2行目 詳細: YAMLの書式の誤り：「項目」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：詳細: 項目: b：c）"
            ],
        ),
        (
            "名前: a\n辞書: 項目：b\n",
            [
                "m.yaml 2行目 辞書: YAMLの書式の誤り：「項目」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：辞書: 項目: b）"
            ],
        ),
        ("名前: a\n数: 1：2\n", ["m.yaml 2行目 数: 整数で入力してください（入力値：「1：2」）"]),
    ],
)
def test_yaml_values_escaped_or_misshapen(tmp_path: Path, text: str, problems: list[str]) -> None:
    assert refused(tmp_path, text) == problems


def test_yaml_is_read_with_times_and_dates_as_written(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("名前: 2023-07-27\n開始: 13:30\n数: 0x10\n次第:\n  - a\n  - 項目: b\n    小項目: [c]\n", "utf-8")
    found: list[Problem] = []
    doc = yaml_files.load_yaml(path, "m.yaml", _Doc, found)
    assert found == []
    assert (doc.名前, doc.開始, doc.数) == ("2023-07-27", "13:30", 16)
    assert doc.次第 == ["a", _Item(項目="b", 小項目=["c"])]
    path.write_text("名前: |\n  a：b\n  \u3000c\n", "utf-8")
    assert yaml_files.load_yaml(path, "m.yaml", _Doc, found).名前 == "a：b\n\u3000c\n"
    path.write_bytes("名前: 岩本\n".encode("cp932"))
    assert yaml_files.load_yaml(path, "m.yaml", _Doc, found).名前 == "岩本"
    assert found == []


def test_a_missing_binary_or_undecodable_yaml_file_is_named(tmp_path: Path) -> None:
    found: list[Problem] = []
    assert yaml_files.load_yaml_document(tmp_path / "none.yaml", "none.yaml", _Doc, found) == (None, None)
    (tmp_path / "b.yaml").write_bytes(b"a: \x00")
    assert yaml_files.load_yaml_document(tmp_path / "b.yaml", "b.yaml", _Doc, found) == (None, None)
    (tmp_path / "c.yaml").write_bytes(b"a: \xff\xfe")
    assert yaml_files.load_yaml_document(tmp_path / "c.yaml", "c.yaml", _Doc, found) == (None, None)
    assert [str(p) for p in found] == [
        "none.yaml: ファイルが見つかりません",
        "b.yaml: テキストファイルではありません（バイナリデータが含まれています）",
        "c.yaml: 文字コードを読み取れません。UTF-8 で保存し直してください",
    ]


def test_a_key_path_is_found_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("名前: a\n次第:\n  - x\n  - 項目: y\n    小項目:\n      - z\n", "utf-8")
    found: list[Problem] = []
    doc, node = yaml_files.load_yaml_document(path, "m.yaml", _Doc, found)
    assert doc is not None
    assert yaml_files.line_of(node, ("次第", 1, "小項目", 0)) == 6
    assert yaml_files.line_of(node, ("次第", 0)) == 3
    assert yaml_files.line_of(node, ("次第", 5)) == 3  # the list, as near as the path goes
    assert yaml_files.line_of(node, ("ない",)) == 1
    assert yaml_files.line_of(node, ()) == 1
    assert yaml_files.line_of(None, ("次第",)) is None
    assert yaml_files._node_at(node, ("次第", 1, "項目")).value == "y"
    assert yaml_files._node_at(node, ("次第", 9)) is None
    assert yaml_files._node_at(node, ("名前", "x")) is None
    path.write_text("名前: a\n数: [1]\n", "utf-8")
    doc, node = yaml_files.load_yaml_document(path, "m.yaml", _Doc, found)
    assert doc is None
    assert node is not None
    assert [str(p) for p in found] == ["m.yaml 2行目 数: 整数で入力してください"]


def test_paths_past_the_end_of_a_list_stop_at_the_list(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("名前: a\n次第:\n  - x\n  - y\n", "utf-8")
    _, node = yaml_files.load_yaml_document(path, "m.yaml", _Doc, [])
    assert yaml_files.line_of(node, ("次第", 2)) == 3
    assert yaml_files._node_at(node, ("次第", 2)) is None
    assert yaml_files._node_at(node, ("ない",)) is None


# --- the slips in a file like the meeting's ----------------------------------------------------------


class Sample(BaseModel):
    """A stand-in for any YAML input file (the slips are the parser's, not a model's)."""

    model_config = ConfigDict(extra="forbid")
    会議名: str
    日時: dict[str, str]
    場所: str
    次第: list[str]


SAMPLE = """\
# 見本（テスト用）
会議名: 有識者会議
日時:
  日付: "2023-07-27"
  開始: "13:30"
場所: 本庁3階
次第:
  - 開会
  - 協議
"""


YAML_SLIPS = [
    (
        "tab in the indentation",
        ("  開始:", "\t開始:"),
        "5行目: YAMLの書式の誤り：行頭にタブ文字があります。YAMLの字下げには使えないので、半角スペースに置き換えて"
        'ください　行の内容：「［タブ］開始: "13:30"」',
    ),
    (
        "full-width colon after a key",
        ("場所: ", "場所："),
        "6行目: YAMLの書式の誤り：「場所」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください"
        "（例：場所: 本庁3階）　行の内容：「場所：本庁3階」",
    ),
    (
        "full-width space in the indentation",
        ("  開始:", "　開始:"),
        "5行目: YAMLの書式の誤り：行頭に全角スペースがあります。字下げは半角スペースで入れてください"
        '（全角スペースは値の中だけで使えます）　行の内容：「［全角空白］開始: "13:30"」',
    ),
    (
        "full-width space before a list item",
        ("  - 協議", "　- 協議"),
        "9行目: YAMLの書式の誤り：行頭に全角スペースがあります。",
    ),
    (
        "unclosed quote",
        ('"13:30"', '"13:30'),
        '5行目 7文字目: YAMLの書式の誤り：引用符「"」が閉じられていません。値の終わりにも「"」を付けてください'
        '　行の内容：「  開始: "13:30」',
    ),
    (
        "value starting with {",
        ("場所: 本庁3階", "場所: {本庁}3階"),
        "6行目: YAMLの書式の誤り：値が「{」で始まっています。YAMLでは { } で囲んだ部分が「項目: 値」の組として"
        '読まれるため、値全体を引用符で囲んでください（例：場所: "{本庁}3階"）',
    ),
    (
        "value that is all {...}",
        ("場所: 本庁3階", "場所: {本庁3階}"),
        "6行目 場所: YAMLの書式の誤り：値が「{」で始まっています。",
    ),
    (
        "value starting with *",
        ("  - 協議", "  - *協議"),
        "9行目: YAMLの書式の誤り：値が「*」で始まっています。YAMLでは「*」は別の場所の値を指す記号のため、"
        '値全体を引用符で囲んでください（例：- "*協議"）',
    ),
    (
        "key typed twice",
        ("場所: 本庁3階\n", "場所: 本庁3階\n場所: 別館\n"),
        "7行目: YAMLの書式の誤り：「場所」が6行目にもあります。同じ項目は1回だけ書いてください",
    ),
    (
        "deeper indentation",
        ('  開始: "13:30"', '   開始: "13:30"'),
        "5行目 4文字目: YAMLの書式の誤り：字下げがそろっていません。同じ階層の項目は同じ数の半角スペースで字下げして"
        'ください　行の内容：「   開始: "13:30"」',
    ),
    (
        "deeper indentation under a plain value",
        ("場所: 本庁3階\n", "場所: 本庁3階\n  別館: 2階\n"),
        "7行目 5文字目: YAMLの書式の誤り：字下げが前の行より深いため、前の行の値の続きとして読まれています。",
    ),
    (
        "backslash in double quotes",
        ("場所: 本庁3階", '場所: "C:\\会議"'),
        '6行目 8文字目: YAMLの書式の誤り："…" の中の「\\」は特別な意味になります。',
    ),
]


@pytest.mark.parametrize(("case", "edit", "expected"), YAML_SLIPS, ids=[c[0] for c in YAML_SLIPS])
def test_yaml_slips_are_named_on_their_own_line(
    tmp_path: Path, case: str, edit: tuple[str, str], expected: str
) -> None:
    assert edit[0] in SAMPLE
    path = tmp_path / "sample.yaml"
    path.write_text(SAMPLE.replace(edit[0], edit[1], 1), "utf-8")
    problems: list = []
    assert load_yaml(path, "sample.yaml", Sample, problems) is None
    assert len(problems) == 1, problems
    assert str(problems[0]).startswith(f"sample.yaml {expected}"), str(problems[0])


def test_the_sample_itself_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    path.write_text(SAMPLE, "utf-8")
    problems: list = []
    assert load_yaml(path, "sample.yaml", Sample, problems) is not None and problems == []


def test_flow_lists_stay_valid_near_a_slip(tmp_path: Path) -> None:
    """A well-formed [a, b] (as the slide tables use) is YAML, not a slip, even next to one."""
    path = tmp_path / "sample.yaml"
    path.write_text(SAMPLE.replace("次第:\n  - 開会\n  - 協議\n", "次第: [開会, 協議]\n場所：別館\n"), "utf-8")
    problems: list = []
    load_yaml(path, "sample.yaml", Sample, problems)
    assert [str(p).split("：")[1] for p in problems] == ["「場所」の後のコロンが全角（"], problems


def test_text_inside_a_block_is_not_taken_for_a_slip(tmp_path: Path) -> None:
    """A paragraph indented with a 全角 space, or holding ：, is the user's text: the slip is below it."""
    path = tmp_path / "sample.yaml"
    block = "場所: |\n  　字下げした段落\n  項目：値\n次第:\n  - 開会\n - 協議\n"
    path.write_text(SAMPLE.replace("場所: 本庁3階\n次第:\n  - 開会\n  - 協議\n", block), "utf-8")
    problems: list = []
    load_yaml(path, "sample.yaml", Sample, problems)
    assert [str(p) for p in problems] == [
        "sample.yaml 11行目 2文字目: YAMLの書式の誤り：字下げがそろっていません。同じ階層の項目は同じ数の半角スペースで"
        "字下げしてください　行の内容：「 - 協議」"
    ]


# --- yaml_errors: each helper on its own -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("名前: ok", None),
        ("- ok", None),
        ("名前: [a, b]", None),
        ("名前: {a: b}", None),
        ("名前: |", None),
        ("名前: >-", None),
        ("名前: |2", None),
        (
            "- - {x",
            '値が「{」で始まっています。YAMLでは { } で囲んだ部分が「項目: 値」の組として読まれるため、値全体を引用符で囲んでください（例：- "{x"）',
        ),
        (
            '名前: *"a"',
            "値が「*」で始まっています。YAMLでは「*」は別の場所の値を指す記号のため、値全体を引用符で囲んでください（例：名前: '*\"a\"'）",
        ),
        ("名前: 'it''s'", None),
        ('名前: "a\\"b"', None),
        ('名前: "a\\\\"', None),
        ('名前: "a\\"', '引用符「"」が閉じられていません。値の終わりにも「"」を付けてください'),
        ("名前: 'it''", "引用符「'」が閉じられていません。値の終わりにも「'」を付けてください"),
        (
            "  - 項目 ：b",
            "「項目」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：- 項目: b）",
        ),
        ("# 項目：b", None),
    ],
)
def test_a_slip_is_found_on_its_line_alone(line: str, message: str | None) -> None:
    assert yaml_errors.line_slip(line) == message


def test_a_full_width_colon_is_named_with_its_key() -> None:
    assert yaml_errors.zenkaku_colon("名前") == (
        "「名前」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：名前: 値）"
    )


def test_zenkaku_colon_fixes_only_the_first_colon() -> None:
    assert yaml_errors.zenkaku_colon("a", " a：b：c ") == (
        "「a」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：a: b：c）"
    )


def test_a_line_splits_into_key_and_value_and_shows_its_blanks() -> None:
    assert yaml_errors._split_value("  - - 名前:  値 ") == ("名前", "値")
    assert yaml_errors._split_value("名前:") == ("名前", "")
    assert yaml_errors._split_value("- 値") == (None, "値")
    assert yaml_errors._split_value("'a: b'") == (None, "'a: b'")
    assert yaml_errors._shown("\t\u3000 a: b  ") == "行の内容：「［タブ］［全角空白］ a: b」"


_COLON = "「項目: 値」の「:」が見つかりません。項目名の後に半角の「:」と半角スペースを入れてください"
_MAPPING = 'この位置に「: 」は書けません。値の中に「: 」があるときは値全体を引用符（"…"）で囲んでください'
_LIST = "一覧（- で始まる行）の途中に字下げの違う行か「項目: 値」の行があります。字下げをそろえてください"
_INDENT = "字下げがそろっていません。同じ階層の項目は同じ数の半角スペースで字下げしてください"
_ESCAPE = "\"…\" の中の「\\」は特別な意味になります。値を '…'（一重引用符）で囲むか、「\\」を「/」にしてください"
_STREAM = "引用符が閉じられていません。値の終わりにも同じ引用符を付けてください"
_TAG = '値が「!」で始まっています。YAMLでは「!」は特別な記号のため、値全体を引用符（"…"）で囲んでください'
_FLOW = '[ ] や { } が閉じられていません。値全体を引用符（"…"）で囲んでください'


def _alias(sign: str, shown: str) -> str:
    if sign == "*":
        return f'値が「*」で始まっています。YAMLでは「*」は別の場所の値を指す記号のため、値全体を引用符で囲んでください（例：項目: "{shown}…"）'
    return f'値が「{sign}」で始まっています。YAMLでは「{sign}」は特別な記号のため、値全体を引用符で囲んでください（例：項目: "{shown}…"）'


@pytest.mark.parametrize(
    ("problem", "char", "message"),
    [
        ("could not find expected ':'", "", _COLON),
        ("mapping values are not allowed here", "", _MAPPING),
        ("expected '-' indicator", "", _LIST),
        ("found '?'", "", _LIST),
        ("expected key", "", _INDENT),
        ("expected <block end>, but found '-'", "", _INDENT),
        ("found unknown escape character 'q'", "", _ESCAPE),
        ("found unexpected end of stream", "", _STREAM),
        ("found undefined alias 'a'", "*", _alias("*", "*")),
        ("found undefined alias 'a'", "&", _alias("&", "&")),
        ("found undefined alias 'a'", "x", _alias("*", "x")),
        ("found undefined alias 'a'", "X", _alias("*", "X")),
        ("expected alphabetic or numeric character, but found ' '", "&", _alias("&", "&")),
        ("could not determine a constructor for the tag '!x'", "", _TAG),
        (
            "found character '@' that cannot start any token",
            "@",
            '「@」はこの位置に書けません。値全体を引用符（"…"）で囲んでください',
        ),
        ("expected ',' or ']', but got '<stream end>'", "", _FLOW),
        ("expected ',' but found x", "", _FLOW),
    ],
)
def test_each_parser_message_reads_in_japanese(problem: str, char: str, message: str) -> None:
    assert yaml_errors._translate(problem, char) == message


def test_other_parser_messages_and_one_without_a_mark() -> None:
    assert yaml_errors._translate("something else", "") == (
        "YAMLの書式が正しくありません。この行か直前の行の字下げ・「:」・引用符を確認してください"
    )
    assert yaml_errors._translate("found character that cannot start any token", "@") == (
        '「@」はこの位置に書けません。値全体を引用符（"…"）で囲んでください'
    )
    assert yaml_errors._translate("expected ',' or ']', but got '<stream end>'", "") == (
        '[ ] や { } が閉じられていません。値全体を引用符（"…"）で囲んでください'
    )
    assert yaml_errors._translate("found undefined alias 'x'", "&") == (
        '値が「&」で始まっています。YAMLでは「&」は特別な記号のため、値全体を引用符で囲んでください（例：項目: "&…"）'
    )
    assert yaml_errors.describe(yaml.YAMLError("end of stream"), "a") == yaml_errors.Slip(
        1, None, "引用符が閉じられていません。値の終わりにも同じ引用符を付けてください"
    )
    assert yaml_errors.Slip(3, None, "x").message == "YAMLの書式の誤り：x"


def test_an_undefined_alias_without_a_character_names_the_asterisk() -> None:
    assert yaml_errors._translate("found undefined alias 'x'", "").endswith('（例：項目: "*…"）')
    assert yaml_errors._translate("found undefined alias 'x'", "") == (
        '値が「*」で始まっています。YAMLでは「*」は別の場所の値を指す記号のため、値全体を引用符で囲んでください（例：項目: "*…"）'
    )


def test_the_character_at_the_parsers_mark() -> None:
    lines = ["ab", "c"]
    assert yaml_errors._char_at(lines, None) == ""
    assert yaml_errors._char_at(lines, yaml.Mark("m", 0, 0, 1, None, None)) == "b"
    assert yaml_errors._char_at(lines, yaml.Mark("m", 0, 0, 2, None, None)) == ""
    assert yaml_errors._char_at(lines, yaml.Mark("m", 0, 2, 0, None, None)) == ""
    assert yaml_errors._char_at(lines, yaml.Mark("m", 0, 1, 0, None, None)) == "c"


def test_a_line_deeper_than_the_line_before() -> None:
    assert yaml_errors._deeper_than_previous(["a: b", "", "  c: d"], 2)
    assert yaml_errors._deeper_than_previous(["a: b", "  # x", "  c: d"], 2)
    assert not yaml_errors._deeper_than_previous(["a: b", "c: d"], 1)
    assert not yaml_errors._deeper_than_previous(["a:", "  c: d"], 1)
    assert not yaml_errors._deeper_than_previous(["# x", "  c: d"], 1)


def test_an_unclosed_quote_is_found() -> None:
    assert yaml_errors._unclosed_quote("Xabc") is None
    assert yaml_errors._unclosed_quote('""') is None
    assert yaml_errors._unclosed_quote("''") is None
    assert yaml_errors._unclosed_quote('"a') == '"'
    assert yaml_errors._unclosed_quote("'it''s") == "'"
    assert yaml_errors._unclosed_quote("") is None


def test_text_lines_are_the_lines_inside_blocks_and_quoted_texts() -> None:
    assert yaml_errors._text_lines("a: |\n  x：y\n  z\nb: 1\n") == {1, 2}
    assert yaml_errors._text_lines("a: >\n  x：y\nb: 1\n") == {1}
    assert yaml_errors._text_lines('a: "x\n  y"\nb: 1\n') == {1}
    assert yaml_errors._text_lines("a: 'x\n  y\n  z'\nb: 1\n") == {1, 2}
    assert yaml_errors._text_lines("a: x\nb: 1\n") == set()
    assert yaml_errors._text_lines("a: |\n  x\nb: [\n") == {1}

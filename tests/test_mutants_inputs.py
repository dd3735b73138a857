"""Literal expectations for packetgen.inputs, written to kill mutmut survivors (docs/mutation.md)."""

# ruff: noqa: E501  (the expected messages are literal Japanese sentences, kept whole)

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from packetgen.core.errors import Problem
from packetgen.inputs import numbers, punctuation, tables, text_rules, validation, yaml_errors, yaml_files

# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234", 1234),
        ("1,234", 1234),
        ("１，２３４", 1234),
        ("1,234,567", 1234567),
        ("△394", -394),
        ("▲394", -394),
        ("-394", -394),
        ("－394", -394),
        ("−394", -394),
        ("‐394", -394),
        ("ー394", -394),
        ("+394", 394),
        ("- 394", -394),
        ("  12  ", 12),
        ("1234.0", 1234),
        ("1,234.00", 1234),
        ("0", 0),
    ],
)
def test_parse_integer(text: str, value: int) -> None:
    assert numbers.parse_integer(text) == value


def test_parse_integer_strips_the_unit() -> None:
    assert numbers.parse_integer("100,000千円", unit="千円") == 100000
    assert numbers.parse_integer("100,000 千円", unit="千円") == 100000
    assert numbers.parse_integer("△5千円", unit="千円") == -5


@pytest.mark.parametrize("text", ["14,4896", "1,5", "1,23", "1,234,5", "12,34.5", "1,"])
def test_parse_integer_refuses_misplaced_commas(text: str) -> None:
    with pytest.raises(ValueError) as info:
        numbers.parse_integer(text, "千円単位の整数")
    assert (
        str(info.value)
        == f"桁区切りの「,」は3桁ごとに入れてください（入力値：「{text}」）。千円単位の整数で入力してください"
    )


@pytest.mark.parametrize("text", ["abc", "1.5", "", "12a", "1 234", "--3", "1234.", "100,000千円", ",123"])
def test_parse_integer_refuses_other_text(text: str) -> None:
    with pytest.raises(ValueError) as info:
        numbers.parse_integer(text)
    assert str(info.value) == f"整数で入力してください（入力値：「{text}」）"


def test_clean_int() -> None:
    assert numbers.clean_int("1,234") == 1234
    assert numbers.clean_int(5) == 5
    assert numbers.clean_int(None) is None


# --- text rules ------------------------------------------------------------------------------


def test_illegal_characters_are_named_sorted_and_once() -> None:
    assert text_rules.illegal_characters("a\x0bb\x0b\x01\x7f\ufffe") == ["\\x01", "\\x0b", "\\x7f", "\\xfffe"]
    assert text_rules.illegal_characters("tab\tnew\nline\rok") == []
    assert text_rules.illegal_characters("\x00\x08\x0c\x0e\x1f\uffff") == [
        "\\x00",
        "\\x08",
        "\\x0c",
        "\\x0e",
        "\\x1f",
        "\\xffff",
    ]


def test_describe_illegal() -> None:
    assert text_rules.describe_illegal("ok") is None
    assert text_rules.describe_illegal("a\x0bb\x01") == (
        "使用できない制御文字（\\x01、\\x0b）が含まれています。セルの内容を打ち直してください"
    )


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "message"),
    [
        ({"type": "missing", "msg": "m"}, "値がありません"),
        ({"type": "string_type", "msg": "m", "input": None}, "値がありません"),
        ({"type": "string_type", "msg": "m", "input": 3}, "文字列で入力してください"),
        ({"type": "string_type", "msg": "m"}, "文字列で入力してください"),
        ({"type": "int_parsing", "msg": "m", "input": "x"}, "整数で入力してください（入力値：「x」）"),
        ({"type": "float_parsing", "msg": "m", "input": "y"}, "数値で入力してください（入力値：「y」）"),
        ({"type": "int_from_float", "msg": "m", "input": 1.5}, "整数で入力してください（入力値：「1.5」）"),
        ({"type": "int_parsing", "msg": "m", "input": ""}, "整数で入力してください"),
        ({"type": "int_parsing", "msg": "m"}, "整数で入力してください"),
        ({"type": "bool_parsing", "msg": "m", "input": "x"}, "はい/いいえ（true/false）で入力してください"),
        ({"type": "value_error", "msg": "Value error, 壊れています", "ctx": {}}, "壊れています"),
        ({"type": "value_error", "msg": "m", "ctx": {"error": ValueError("理由")}}, "理由"),
        ({"type": "string_too_long", "msg": "m", "ctx": {"max_length": 20}}, "20文字以内で入力してください"),
        ({"type": "greater_than_equal", "msg": "m", "ctx": {"ge": 1}}, "1以上の値を入力してください"),
        ({"type": "greater_than", "msg": "m", "ctx": {"gt": 0}}, "0より大きい値を入力してください"),
        ({"type": "less_than_equal", "msg": "m", "ctx": {"le": 9}}, "9以下の値を入力してください"),
        ({"type": "less_than", "msg": "m", "ctx": {"lt": 5}}, "5未満の値を入力してください"),
        (
            {"type": "literal_error", "msg": "m", "ctx": {"expected": "'a' or 'b'"}},
            "次のいずれかを入力してください：'a' or 'b'",
        ),
        ({"type": "literal_error", "msg": "m"}, "次のいずれかを入力してください："),
        ({"type": "unknown_kind", "msg": "the pydantic text"}, "the pydantic text"),
        ({"type": "too_short", "msg": "m"}, "1件以上必要です"),
        ({"type": "extra_forbidden", "msg": "m"}, "この項目は使えません（綴りを確認してください）"),
        ({"type": "list_type", "msg": "m", "input": "x"}, "一覧（- で始まる行の並び）で書いてください"),
        ({"type": "dict_type", "msg": "m", "input": "x"}, "「項目: 値」の形で書いてください"),
        ({"type": "date_parsing", "msg": "m", "input": "x"}, "日付として読めません（例：2023-07-27、令和5年7月27日）"),
        ({"type": "time_parsing", "msg": "m", "input": "x"}, "時刻として読めません（例：13:30、13時30分）"),
    ],
)
def test_japanese_message(error: dict, message: str) -> None:
    assert validation.japanese_message(error) == message


def test_key_path_counts_from_one() -> None:
    assert validation.key_path(("次第", 1, "小項目")) == "次第[2].小項目"
    assert validation.key_path(("資料", 0, "入力", "参加者名簿")) == "資料[1].入力.参加者名簿"
    assert validation.key_path(()) == ""
    assert validation.key_path(("会議名",)) == "会議名"


def test_validate_rows_names_row_and_column() -> None:
    from pydantic import BaseModel, Field

    class Row(BaseModel):
        name: str = Field(alias="氏名")
        no: int = Field(alias="No", ge=1)

    table = tables.Table(
        "members.csv",
        ["No", "氏名"],
        [
            tables.TableRow(2, {"No": "1", "氏名": "岩本　幸一"}),
            tables.TableRow(3, {"No": "0", "氏名": ""}),
        ],
    )
    problems: list[Problem] = []
    valid = validation.validate_rows(table, Row, problems)
    assert [(n, r.name, r.no) for n, r in valid] == [(2, "岩本　幸一", 1)]
    assert [str(p) for p in problems] == [
        "members.csv 3行目 B列「氏名」: 値がありません",
        "members.csv 3行目 A列「No」: 1以上の値を入力してください",
    ]


# --- tables ----------------------------------------------------------------------------------


def test_column_ref_and_problem() -> None:
    table = tables.Table("x.csv", ["No", "所属", "氏名"])
    assert table.column_ref("氏名") == "C列「氏名」"
    assert table.column_ref("No") == "A列「No」"
    assert table.column_ref("ない") == "列「ない」"
    assert table.problem("msg") == Problem("x.csv", "msg", None, None)
    assert table.problem("msg", 4, "所属") == Problem("x.csv", "msg", 4, "B列「所属」")


def test_decode_text() -> None:
    assert tables.decode_text("氏名".encode()) == ("氏名", "utf-8-sig")
    assert tables.decode_text("\ufeff氏名".encode()) == ("氏名", "utf-8-sig")
    assert tables.decode_text("氏名".encode("cp932")) == ("氏名", "cp932")
    with pytest.raises(UnicodeDecodeError):
        tables.decode_text(b"caf\x80")
    with pytest.raises(UnicodeDecodeError):
        tables.decode_text(b"\xff\xfe\xfd")


def test_cell_text() -> None:
    assert tables._cell_text(None) == ""
    assert tables._cell_text(True) == "TRUE"
    assert tables._cell_text(False) == "FALSE"
    assert tables._cell_text(3.0) == "3"
    assert tables._cell_text(3.5) == "3.5"
    assert tables._cell_text(7) == "7"
    assert tables._cell_text(datetime(2023, 7, 27)) == "2023-07-27"
    assert tables._cell_text(datetime(2023, 7, 27, 13, 30)) == "2023-07-27T13:30:00"
    assert tables._cell_text(date(2023, 7, 27)) == "2023-07-27"
    assert tables._cell_text("文字") == "文字"


def _read(tmp_path: Path, name: str, data: bytes, columns=("No", "氏名")) -> tuple[tables.Table | None, list[str]]:
    path = tmp_path / name
    path.write_bytes(data)
    problems: list[Problem] = []
    table = tables.read_table(path, name, columns, problems)
    return table, [str(p) for p in problems]


def test_read_table_csv(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "\ufeff氏名 ,No\n岩本　幸一, 1 \n\n ,  \n石山　志保,2\n".encode())
    assert problems == []
    assert table is not None
    assert table.header == ["氏名", "No"]
    assert [(r.number, r.values) for r in table.rows] == [
        (2, {"氏名": "岩本　幸一", "No": "1"}),
        (5, {"氏名": "石山　志保", "No": "2"}),
    ]


def test_read_table_csv_short_rows_and_trailing_empty_header(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,氏名,,\n1\n2,b,,\n".encode("cp932"))
    assert problems == []
    assert [r.values for r in table.rows] == [{"No": "1", "氏名": ""}, {"No": "2", "氏名": "b"}]


def test_read_table_missing_file(tmp_path: Path) -> None:
    problems: list[Problem] = []
    assert tables.read_table(tmp_path / "none.csv", "none.csv", ["No"], problems) is None
    assert [str(p) for p in problems] == ["none.csv: ファイルが見つかりません"]


def test_read_table_wrong_suffix(tmp_path: Path) -> None:
    assert _read(tmp_path, "m.txt", b"No\n1\n") == (None, ["m.txt: 表は .csv か .xlsx で用意してください"])


def test_read_table_binary_and_undecodable(tmp_path: Path) -> None:
    assert _read(tmp_path, "m.csv", b"No\x00\n") == (
        None,
        ["m.csv: テキストのCSVファイルではありません（バイナリデータが含まれています）"],
    )
    assert _read(tmp_path, "m.csv", b"No\n\xff\xfe\n") == (
        None,
        [
            "m.csv: 文字コードを読み取れません。Excelで「CSV UTF-8（コンマ区切り）」または"
            "「CSV（コンマ区切り）」で保存し直してください"
        ],
    )


def test_read_table_bad_csv(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", b'No,x\n"1"a,2\n')
    assert table is None
    assert len(problems) == 1
    assert problems[0].startswith("m.csv: CSVの書式が正しくありません（")


def test_read_table_empty(tmp_path: Path) -> None:
    assert _read(tmp_path, "m.csv", b"") == (None, ["m.csv 1行目: ファイルが空です（1行目に見出し行が必要です）"])
    assert _read(tmp_path, "m.csv", b" , \n1,2\n") == (
        None,
        ["m.csv 1行目: ファイルが空です（1行目に見出し行が必要です）"],
    )


def test_read_table_header_problems(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,,No,名前\n1,2,3,4\n".encode())
    assert table is None
    assert problems == [
        "m.csv 1行目 B列: 見出しが空の列があります",
        "m.csv 1行目 C列: 見出し「No」が重複しています",
        "m.csv 1行目 D列: 見出し「名前」は使えません（使える見出し：No、氏名）",
        "m.csv 1行目: 必要な列がありません：氏名（1行目の見出しを確認してください）",
    ]


def test_read_table_duplicate_column_alone_refuses_the_table(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,氏名,氏名\n1,a,b\n".encode())
    assert table is None
    assert problems == ["m.csv 1行目 C列: 見出し「氏名」が重複しています"]


def test_read_table_extra_values_and_control_characters(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,氏名\n1,a\x0bb,x\n2,c,\n".encode())
    assert table is not None
    assert problems == [
        "m.csv 2行目 C列: 見出しのない列に値があります",
        "m.csv 2行目 B列「氏名」: 使用できない制御文字（\\x0b）が含まれています。セルの内容を打ち直してください",
    ]
    assert [r.values for r in table.rows] == [{"No": "1", "氏名": "a\x0bb"}, {"No": "2", "氏名": "c"}]


def test_read_table_header_only(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,氏名\n,\n".encode())
    assert table is not None
    assert table.rows == []
    assert problems == ["m.csv 2行目: データ行がありません（2行目以降にデータを入力してください）"]


def test_read_table_xlsx(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["No", "氏名"])
    workbook.active.append([1, "岩本　幸一"])
    workbook.active.append([2.0, None])
    workbook.create_sheet("second").append(["ignored"])
    workbook.save(tmp_path / "m.xlsx")
    problems: list[Problem] = []
    table = tables.read_table(tmp_path / "m.xlsx", "m.xlsx", ["No", "氏名"], problems)
    assert problems == []
    assert [(r.number, r.values) for r in table.rows] == [
        (2, {"No": "1", "氏名": "岩本　幸一"}),
        (3, {"No": "2", "氏名": ""}),
    ]


def test_read_table_broken_xlsx(tmp_path: Path) -> None:
    assert _read(tmp_path, "m.XLSX", b"not a zip") == (
        None,
        ["m.XLSX: Excelファイル（.xlsx）として読めません（BadZipFile）。Excelで開いて保存し直してください"],
    )


# --- punctuation helpers -----------------------------------------------------------------------


def test_japanese_character_boundary() -> None:
    assert punctuation.japanese("\u3000")
    assert not punctuation.japanese("\u2fff")
    assert punctuation.has_japanese("abcあ")
    assert not punctuation.has_japanese("abc")
    assert not punctuation.has_japanese("")


def test_prev_and_next_skip_spaces() -> None:
    assert punctuation._prev("ab  c", 4) == "b"
    assert punctuation._prev("  c", 2) == ""
    assert punctuation._prev("abc", 0) == ""
    assert punctuation._next("a  bc", 0) == "b"
    assert punctuation._next("a  ", 0) == ""
    assert punctuation._next("ab", 1) == ""


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("[注]の記載", "［注］の記載"),
        ("注)", "注）"),
        ("(注", "（注"),
        ("a ) b", "a ) b"),
        ("(a(b)c]", "(a(b)c]"),
        ("([ア)", "（［ア）"),
        ("a[b", "a[b"),
        ("[あ", "［あ"),
        ("x (y)", "x (y)"),
        (". (y)の", ".（y）の"),
        ("(6G) の対応", "（6G）の対応"),
        ("5G (6G) の対応", "5G (6G)の対応"),
        ("12~13日", "12～13日"),
        ("1〜2日", "1～2日"),
        ("日~", "日~"),
        ("~日", "~日"),
        ("日 ~ 月", "日\u3000～\u3000月"),
        ("!~日", "!~日"),
        ("日~!", "日~!"),
        ("日:月", "日：月"),
        (":日", ":日"),
        ("a:日", "a:日"),
        ("-5人", "−5人"),
        ("‐5人", "−5人"),
        ("日-5", "日−5"),
        ("a-5の", "a-5の"),
        ("5-5の", "5-5の"),
        (".-5の", ".-5の"),
        ("/-5の", "/-5の"),
        ("_-5の", "_-5の"),
        ("--5の", "--5の"),
        ("!-5の", "!−5の"),
        ("-a人", "-a人"),
        ("日-", "日-"),
        ("ａｂｃ０９ＡＺｚ日", "abc09AZz日"),
        ("＠日", "＠日"),
        ("日  月", "日\u3000月"),
        (" 日 ", " 日 "),
        ("日 。", "日。"),
        ("「 日", "「日"),
        ("日 」", "日」"),
        ("a b日", "a b日"),
        ("1. 日本", "1.\u3000日本"),
        ("12 日本", "12\u3000日本"),
        ("123 日本", "123日本"),
        ("x 1-4 日本", "x 1-4\u3000日本"),
        ("x1-4 日本", "x1-4日本"),
    ],
)
def test_normalise_details(text: str, fixed: str) -> None:
    assert punctuation.normalise(text) == fixed


def test_normalise_keeps_mail_addresses_and_several_urls() -> None:
    text = "連絡先 a.b-c+d@e-f.go.jp と http://x.jp/~a と https://y.jp/(b)"
    assert punctuation.normalise(text) == text  # the spaces that set a URL off stay too
    assert punctuation.normalise("日(注) x@y.jp (注)") == "日（注） x@y.jp （注）"


def test_slips_merge_close_changes_and_split_far_ones() -> None:
    assert punctuation.slips("日(月)火") == [punctuation.Slip("日(月)火", "日（月）火")]
    far = "(注)" + "あ" * 12 + "(注)"
    assert punctuation.slips(far) == [
        punctuation.Slip("(注)ああああ", "（注）ああああ"),
        punctuation.Slip("ああああ(注)", "ああああ（注）"),
    ]
    near = "(注)" + "あ" * 8 + "(注)"
    assert punctuation.slips(near) == [punctuation.Slip(near, "（注）" + "あ" * 8 + "（注）")]
    assert punctuation.slips("(注)あ", context=1) == [punctuation.Slip("(注)あ", "（注）あ")]
    assert punctuation.slips("ああああ(注)ああああ", context=2) == [punctuation.Slip("ああ(注)ああ", "ああ（注）ああ")]


# --- YAML files: each slip named on its line, in Japanese ------------------------------------


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


@pytest.mark.parametrize(("text", "problems"), YAML_PROBLEMS)
def test_yaml_problems_name_line_key_and_fix(tmp_path: Path, text: str, problems: list[str]) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(text, "utf-8")
    found: list[Problem] = []
    assert yaml_files.load_yaml(path, "m.yaml", _Doc, found) is None
    assert [str(p) for p in found] == problems


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


def test_yaml_file_level_problems(tmp_path: Path) -> None:
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


def test_yaml_document_node_and_line_of(tmp_path: Path) -> None:
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
def test_line_slip(line: str, message: str | None) -> None:
    assert yaml_errors.line_slip(line) == message


def test_zenkaku_colon_without_a_line() -> None:
    assert yaml_errors.zenkaku_colon("名前") == (
        "「名前」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：名前: 値）"
    )


def test_split_value_and_shown() -> None:
    assert yaml_errors._split_value("  - - 名前:  値 ") == ("名前", "値")
    assert yaml_errors._split_value("名前:") == ("名前", "")
    assert yaml_errors._split_value("- 値") == (None, "値")
    assert yaml_errors._split_value("'a: b'") == (None, "'a: b'")
    assert yaml_errors._shown("\t\u3000 a: b  ") == "行の内容：「［タブ］［全角空白］ a: b」"


def test_translate_fallback_and_no_mark() -> None:
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


def test_translate_undefined_alias_without_a_character_names_the_asterisk() -> None:
    assert yaml_errors._translate("found undefined alias 'x'", "") == (
        '値が「*」で始まっています。YAMLでは「*」は別の場所の値を指す記号のため、値全体を引用符で囲んでください（例：項目: "*…"）'
    )


# --- people ------------------------------------------------------------------------------------


MEMBERS = """No,分野,団体等,職名等,氏名,ふりがな,備考
1,産業,一関商工会議所,会頭,岩本 幸一,イワモト ｺｳｲﾁ,web
２,,,,石山　志保,いしやま しほ,欠席
3,,,,佐藤太郎,さとう たろう,ＷＥＢ
3,,,,鈴木 花子,すずき はなこ1,代理出席
0,,,,高橋 一,たかはし はじめ,オンライン
,,,,田中 一,たなか はじめ,ウェブ
"""


def test_load_members(tmp_path: Path) -> None:
    from packetgen.inputs import people

    (tmp_path / "members.csv").write_text(MEMBERS, "utf-8")
    problems: list[Problem] = []
    members = people.load_members(tmp_path / "members.csv", "members.csv", problems)
    assert [(m.no, m.field_name, m.organization, m.position, m.name, m.kana, m.remark) for m in members] == [
        (1, "産業", "一関商工会議所", "会頭", "岩本\u3000幸一", "いわもと\u3000こういち", "Web"),
        (2, "", "", "", "石山\u3000志保", "いしやま\u3000しほ", "欠席"),
    ]
    assert [(m.absent, m.remark == "Web") for m in members] == [(False, True), (True, False)]
    assert [str(p) for p in problems] == [
        "members.csv 4行目 E列「氏名」: 姓と名の間に空白を入れてください（例：岩本　幸一）",
        "members.csv 5行目 F列「ふりがな」: ひらがなかカタカナで入力してください（入力値：「すずき はなこ1」、例：いわもと　さいいち）",
        "members.csv 6行目 A列「No」: 1以上の値を入力してください",
        "members.csv 7行目 A列「No」: 値がありません",
        "members.csv 5行目 A列「No」: No 3 が 4行目と重複しています",
    ]
    assert people.MEMBER_COLUMNS == ("No", "分野", "団体等", "職名等", "氏名", "ふりがな", "備考")
    assert people.load_members(tmp_path / "none.csv", "none.csv", []) == []


@pytest.mark.parametrize(
    ("remark", "kept"),
    [
        ("ＷＥＢ", "Web"),
        ("Web", "Web"),
        ("オンライン", "Web"),
        ("ウェブ", "Web"),
        ("ｗｅｂ", "Web"),
        ("webinar", "webinar"),
        ("代理出席", "代理出席"),
        ("", ""),
    ],
)
def test_member_remark_marks(remark: str, kept: str) -> None:
    from packetgen.inputs.people import Member

    member = Member.model_validate(
        {"No": "1", "氏名": "岩本 幸一", "ふりがな": "いわもと こういち", "備考": remark or None}
    )
    assert member.remark == kept
    assert (member.remark == "Web") is (kept == "Web")
    assert member.absent is False


@pytest.mark.parametrize(
    ("remark", "one_meeting"),
    [
        ("欠席", True),
        ("web", True),
        ("ＷＥＢ", True),
        ("オンライン", True),
        ("代理出席", False),
        ("欠席予定", False),
        ("", False),
    ],
)
def test_absent_and_web_are_remarks_for_one_meeting_only(remark: str, one_meeting: bool) -> None:
    # `packetgen new` clears these when it carries the member list over to the next meeting
    from packetgen.inputs.people import is_per_meeting_mark

    assert is_per_meeting_mark(remark) is one_meeting


def test_member_kana_and_name_limits() -> None:
    from pydantic import ValidationError

    from packetgen.inputs.people import Member

    ok = Member.model_validate({"No": 9999, "氏名": "岩本 幸一", "ふりがな": "いわもと　ー"})
    assert (ok.no, ok.kana, ok.field_name) == (9999, "いわもと　ー", "")
    for data in (
        {"No": 10000, "氏名": "岩本 幸一", "ふりがな": "いわもと こういち"},
        {"No": 1, "氏名": "岩本 幸一", "ふりがな": "iwamoto"},
        {"No": 1, "氏名": "岩本" + "あ" * 30, "ふりがな": "いわもと こういち"},
        {"No": 1, "氏名": " 岩本 ", "ふりがな": "いわもと"},
        {"No": 1, "氏名": "岩本 幸一", "ふりがな": "いわもと", "備考": "あ" * 21},
    ):
        with pytest.raises(ValidationError):
            Member.model_validate(data)
    assert (
        Member.model_validate({"No": 1, "氏名": "岩本 幸一", "ふりがな": "いわもと", "備考": "あ" * 20}).remark
        == "あ" * 20
    )


def test_load_staff(tmp_path: Path) -> None:
    from packetgen.inputs import people

    (tmp_path / "staff.csv").write_text("役職,氏名\n市長,佐藤 善仁\n,佐藤 一\n副市長,佐藤\n", "utf-8")
    problems: list[Problem] = []
    staff = people.load_staff(tmp_path / "staff.csv", "staff.csv", problems)
    assert [(s.role, s.name) for s in staff] == [("市長", "佐藤\u3000善仁")]
    assert [str(p) for p in problems] == [
        "staff.csv 3行目 A列「役職」: 値がありません",
        "staff.csv 4行目 B列「氏名」: 姓と名の間に空白を入れてください（例：岩本　幸一）",
    ]
    assert people.STAFF_COLUMNS == ("役職", "氏名")
    assert people.load_staff(tmp_path / "none.csv", "none.csv", []) == []


# --- population inputs -------------------------------------------------------------------------


def test_population_rows() -> None:
    from pydantic import ValidationError

    from packetgen.inputs import population as p

    row = p.SeriesRow.model_validate({"地域": "花泉", "年": "2,020", "人口": "0", "種別": "国勢調査", "出典": "x"})
    assert (row.region, row.year, row.population) == ("花泉", 2020, 0)
    for region in ("一関市", "全国", "藤沢"):
        assert (
            p.SeriesRow.model_validate({"地域": region, "年": 1900, "人口": 1, "種別": "推計人口", "出典": "x"}).year
            == 1900
        )
    with pytest.raises(ValidationError) as info:
        p.SeriesRow.model_validate({"地域": "盛岡", "年": 2101, "人口": -1, "種別": "x", "出典": ""})
    assert [e["loc"][0] for e in info.value.errors()] == ["地域", "年", "人口", "種別", "出典"]
    assert info.value.errors()[0]["msg"] == (
        "Value error, 地域は 一関市・全国・一関・花泉・大東・千厩・東山・室根・川崎・藤沢 のいずれかです"
    )
    natural = p.NaturalRow.model_validate({"年度": "平成30年度", "出生": 1, "死亡": 2, "出典": "x"})
    assert (natural.year, natural.stated) == ("H30", None)
    assert p.SocialRow.model_validate({"年度": "2019", "転入": 1, "転出": 2, "差": "△1", "出典": "x"}).year == "R1"
    assert p.MigrationRow.model_validate({"相手先": "東京圏", "出典": "x"}).moves_in is None


def test_age_rows_and_bounds() -> None:
    from pydantic import ValidationError

    from packetgen.inputs import population as p

    base = {"地域": "一関市", "時点": "2020年", "出典": "x"}
    assert p.AgeRow.model_validate({**base, "年齢": "85+", "計": 3}).band == "85+"
    assert p.AgeRow.model_validate({**base, "年齢": "0-4", "男": 1, "女": 2, "計": 3}).total == 3
    assert p.AgeRow.model_validate({**base, "年齢": "100-104", "男": 1, "計": 3}).male == 1
    with pytest.raises(ValidationError) as info:
        p.AgeRow.model_validate({**base, "年齢": "0-4", "男": 1, "女": 1, "計": 3})
    assert info.value.errors()[0]["msg"] == "Value error, 男＋女（2）が計（3）と合いません"
    with pytest.raises(ValidationError) as info:
        p.AgeRow.model_validate({**base, "年齢": "1000-4", "男": 1000, "女": 1000, "計": 3})
    assert [e["msg"] for e in info.value.errors()] == ["Value error, 年齢は 0-4、15-64、85+ の形で入力してください"]
    for band in ("0〜4", "85", "-4", "0-", "85+1"):
        with pytest.raises(ValidationError):
            p.AgeRow.model_validate({**base, "年齢": band, "計": 3})
    with pytest.raises(ValidationError) as info:
        p.AgeRow.model_validate({**base, "年齢": "0-4", "男": 1000, "女": 1001, "計": 3})
    assert info.value.errors()[0]["msg"] == "Value error, 男＋女（2,001）が計（3）と合いません"
    assert p.age_bounds("15-64") == (15, 64)
    assert p.age_bounds("85+") == (85, None)
    assert p.age_bounds("0-4") == (0, 4)


def test_findings_accept_plain_text_and_claims() -> None:
    from pydantic import ValidationError

    from packetgen.inputs import population as p

    findings = p.Findings.model_validate({"分析結果": ["文だけ", {"文": "増加した", "主張": {"転入": "増加"}}]})
    assert findings.items == (p.Finding(文="文だけ"), p.Finding(文="増加した", 主張={"転入": "増加"}))
    assert findings.items[0].claims == {}
    with pytest.raises(ValidationError):
        p.Findings.model_validate({"分析結果": []})
    with pytest.raises(ValidationError):
        p.Findings.model_validate({"分析結果": [""]})


def test_load_frame_with_unique_columns(tmp_path: Path) -> None:
    from packetgen.inputs import population as p

    (tmp_path / "m.csv").write_text("相手先,転入,転出,出典\n東京圏,1,2,x\n仙台市,,3,y\n東京圏,4,5,z\n,1,1,w\n", "utf-8")
    problems: list[Problem] = []
    loaded = p.load_frame(
        tmp_path / "m.csv", "m.csv", p.MIGRATION_COLUMNS, p.MigrationRow, problems, unique=("partner",)
    )
    assert loaded.frame.columns.tolist() == ["row", "partner", "moves_in", "moves_out", "source"]
    assert loaded.frame["row"].tolist() == [2, 3, 4]
    assert loaded.frame["partner"].tolist() == ["東京圏", "仙台市", "東京圏"]
    assert [str(x) for x in problems] == [
        "m.csv 5行目 A列「相手先」: 値がありません",
        "m.csv 4行目 A列「相手先」: 相手先が 2行目と重複しています",
    ]
    problems = []
    assert p.load_frame(tmp_path / "m.csv", "m.csv", p.MIGRATION_COLUMNS, p.MigrationRow, problems).frame.shape == (
        3,
        5,
    )
    assert len(problems) == 1
    assert p.load_frame(tmp_path / "none.csv", "none.csv", p.MIGRATION_COLUMNS, p.MigrationRow, []) is None
    assert p.SERIES_COLUMNS == ("地域", "年", "人口", "種別", "出典")
    assert p.NATURAL_COLUMNS == ("年度", "出生", "死亡", "差", "出典")
    assert p.SOCIAL_COLUMNS == ("年度", "転入", "転出", "差", "出典")
    assert p.AGE_COLUMNS == ("地域", "時点", "年齢", "男", "女", "計", "出典")


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("‹注›の記載", "＜注＞の記載"),
        ("5G (あG)", "5G（あG）"),
        ("Xの値", "Xの値"),
        ("あ a)", "あa)"),
        ("あ a(", "あa("),
    ],
)
def test_normalise_more_brackets(text: str, fixed: str) -> None:
    assert punctuation.normalise(text) == fixed


def test_slips_in_a_long_text_are_found_exactly() -> None:
    text = "あ" * 150 + "(注)" + "い" * 100
    assert punctuation.slips(text) == [punctuation.Slip("ああああ(注)いいいい", "ああああ（注）いいいい")]


def test_xlsx_formulas_are_read_as_their_computed_values(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["No", "氏名"])
    workbook.active.append(["=1+1", "a"])  # never calculated by Excel: no cached value
    workbook.save(tmp_path / "f.xlsx")
    problems: list[Problem] = []
    table = tables.read_table(tmp_path / "f.xlsx", "f.xlsx", ["No", "氏名"], problems)
    assert problems == []
    assert [r.values for r in table.rows] == [{"No": "", "氏名": "a"}]


# --- donation inputs ---------------------------------------------------------------------------


DONATIONS = """年度,対象事業の区分,事業名,寄附企業,寄附額（千円）,事業数,出典
令和4年度,しごと,起業支援,A社,"100,000",1,x
令和４年度,まち,まちづくり,B社,５０千円,2,
令和4年度,,計,,"100,050",3,
令和4年度,合 計,,,1,,
令和3年度,ひと,,C社,-5,0,
"""


def test_load_donations_splits_records_and_totals(tmp_path: Path) -> None:
    from packetgen.inputs import donation

    (tmp_path / "d.csv").write_text(DONATIONS, "utf-8")
    problems: list[Problem] = []
    loaded = donation.load_donations(tmp_path / "d.csv", "d.csv", problems)
    assert [
        (r.row, r.value.fiscal_year, r.value.project, r.value.amount, r.value.projects) for r in loaded.records
    ] == [
        (2, 2022, "起業支援", 100000, 1),
        (3, 2022, "まちづくり", 50, 2),
    ]
    assert [(t.row, t.value.amount, t.value.projects, t.value.company) for t in loaded.totals] == [
        (4, 100050, 3, ""),
        (5, 1, None, ""),
    ]
    assert loaded.complete is False
    assert [str(p) for p in problems] == [
        "d.csv 6行目 C列「事業名」: 値がありません",
        "d.csv 6行目 E列「寄附額（千円）」: 0より大きい値を入力してください（入力値：「-5」）",
        "d.csv 6行目 F列「事業数」: 0より大きい値を入力してください（入力値：「0」）",
    ]
    (tmp_path / "t.csv").write_text(DONATIONS.splitlines()[0] + "\n令和4年度,,計,,1,,\n", "utf-8")
    problems = []
    loaded = donation.load_donations(tmp_path / "t.csv", "t.csv", problems)
    assert loaded.records == ()
    assert loaded.complete is True
    assert [str(p) for p in problems] == ["t.csv 2行目: 計の行のほかに寄附のデータ行がありません"]
    assert donation.load_donations(tmp_path / "none.csv", "none.csv", []) is None


def test_is_total_row() -> None:
    from packetgen.inputs.donation import is_total_row

    assert is_total_row({"事業名": "計"})
    assert is_total_row({"対象事業の区分": " 合 計 "})
    assert is_total_row({"対象事業の区分": "ｘ", "事業名": "合計"})
    assert not is_total_row({"事業名": "計画"})
    assert not is_total_row({})


@pytest.mark.parametrize(
    ("value", "rate"),
    [
        ("3割", "0.3"),
        ("約3割", "0.3"),
        ("最大9割", "0.9"),
        ("30%", "0.3"),
        ("２５％", "0.25"),
        ("2.5割", "0.25"),
        ("10割", "1"),
    ],
)
def test_parse_rate(value: str, rate: str) -> None:
    from decimal import Decimal

    from packetgen.inputs.donation import parse_rate

    assert parse_rate(value) == Decimal(rate)


@pytest.mark.parametrize("value", ["0.3", "3", "3わり", "割", 0.3, None])
def test_parse_rate_refuses(value: object) -> None:
    from packetgen.inputs.donation import parse_rate

    with pytest.raises(ValueError) as info:
        parse_rate(value)
    assert str(info.value) == f"割合は「3割」か「30%」の形で入力してください（入力値：「{value}」）"


def test_positive_whole() -> None:
    from packetgen.inputs.donation import _positive_whole

    assert _positive_whole("100,000千円", "千円") == 100000
    assert _positive_whole(5) == 5
    assert _positive_whole(True) is True
    assert _positive_whole(None) is None
    with pytest.raises(ValueError) as info:
        _positive_whole("1,5", "千円")
    assert (
        str(info.value)
        == "桁区切りの「,」は3桁ごとに入れてください（入力値：「1,5」）。千円単位の整数（例：100,000）で入力してください"
    )
    with pytest.raises(ValueError) as info:
        _positive_whole("x")
    assert str(info.value) == "整数で入力してください（入力値：「x」）"
    with pytest.raises(ValueError) as info:
        _positive_whole(0)
    assert str(info.value) == "0より大きい値を入力してください（入力値：「0」）"


def test_font_setting(tmp_path: Path) -> None:
    from packetgen.core.errors import InputError
    from packetgen.inputs.font_setting import read_font_setting

    (tmp_path / "fonts.yaml").write_text("ゴシック: ' BIZ UDPゴシック '\n明朝: BIZ UD明朝 Medium\n", "utf-8")
    setting = read_font_setting(tmp_path / "fonts.yaml", "x/fonts.yaml")
    assert (setting.gothic, setting.mincho, setting.source) == (
        "BIZ UDPゴシック",
        "BIZ UD明朝 Medium",
        "x/fonts.yaml",
    )
    with pytest.raises(InputError) as info:
        read_font_setting(tmp_path / "none.yaml", "templates/fonts.yaml")
    assert [str(p) for p in info.value.problems] == [
        "templates/fonts.yaml: フォント設定のファイルがありません。「ゴシック: BIZ UDPゴシック」「明朝: BIZ UD明朝 Medium」"
        "の2行を書いたファイルを作ってください"
    ]
    (tmp_path / "fonts.yaml").write_text("ゴシック: A,B\n明朝: '\"x\"'\n", "utf-8")
    with pytest.raises(InputError) as info:
        read_font_setting(tmp_path / "fonts.yaml", "f.yaml")
    assert [str(p) for p in info.value.problems] == [
        "f.yaml 1行目 ゴシック: 「A,B」はフォント名として使えません（例：BIZ UDPゴシック）",
        'f.yaml 2行目 明朝: 「"x"」はフォント名として使えません（例：BIZ UDPゴシック）',
    ]


# --- slides helpers ------------------------------------------------------------------------------


def test_slide_helpers() -> None:
    from packetgen.inputs import slides

    assert slides._balanced("a **b** c") == "a **b** c"
    with pytest.raises(ValueError) as info:
        slides._balanced("a **b")
    assert str(info.value) == "太字の ** が閉じていません"
    assert slides._strings("a") == ["a"]
    assert slides._strings(("a", ["b", {"k": "c", "n": 1}], 2, None)) == ["a", "b", "c"]
    assert slides._strings({"k": ("x",)}) == ["x"]
    assert slides._strings(3) == []
    values = {"人口": "11万人", "率": "3割"}
    assert slides._put_values({"a": ["{人口}と{率}", {"b": "{未定義}"}], "n": 5, "t": ("{人口}",)}, values) == {
        "a": ["11万人と3割", {"b": "{未定義}"}],
        "n": 5,
        "t": ("{人口}",),
    }
    assert slides._put_values("{ 人口}", values) == "{ 人口}"
    assert slides.LAYOUTS == ("title", "section", "bullets", "kpi", "table", "cards", "timeline", "note")


# --- second round: survivors of the first mutation run ------------------------------------------


def test_decode_text_says_why_it_refuses() -> None:
    with pytest.raises(UnicodeDecodeError) as info:
        tables.decode_text(b"caf\x80")
    assert (info.value.encoding, info.value.start, info.value.end) == ("packetgen", 0, 1)
    assert info.value.reason == "neither UTF-8 nor CP932"


def test_csv_keeps_a_line_break_inside_a_quoted_cell(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", 'No,氏名\r\n1,"a\r\nb"\r\n'.encode())
    assert problems == []
    assert [r.values for r in table.rows] == [{"No": "1", "氏名": "a\r\nb"}]


def test_header_loses_a_second_byte_order_mark(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "\ufeff\ufeffNo,氏名\n1,a\n".encode())
    assert problems == []
    assert table.header == ["No", "氏名"]
    table, problems = _read(tmp_path, "m.csv", b"XY,No\nx,1\n", columns=("XY", "No"))
    assert problems == []
    assert table.header == ["XY", "No"]


def test_several_missing_columns_are_listed(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", b"No\n1\n", columns=("No", "氏名", "備考"))
    assert table is None
    assert problems == ["m.csv 1行目: 必要な列がありません：氏名、備考（1行目の見出しを確認してください）"]


def test_parse_integer_keeps_letters_after_the_number() -> None:
    with pytest.raises(ValueError) as info:
        numbers.parse_integer("12XXXX")
    assert str(info.value) == "整数で入力してください（入力値：「12XXXX」）"


def test_validate_rows_reports_a_whole_row_problem_without_a_column() -> None:
    from pydantic import BaseModel, Field, model_validator

    class Row(BaseModel):
        a: int = Field(alias="A")
        b: int = Field(alias="B")

        @model_validator(mode="after")
        def _sum(self) -> Row:
            if self.a > self.b:
                raise ValueError("AはB以下にしてください")
            return self

    table = tables.Table("t.csv", ["A", "B"], [tables.TableRow(2, {"A": "3", "B": "1"})])
    problems: list[Problem] = []
    assert validation.validate_rows(table, Row, problems) == []
    assert [str(p) for p in problems] == ["t.csv 2行目: AはB以下にしてください"]


def test_normalise_leaves_letters_and_fullwidth_symbols_alone() -> None:
    assert punctuation.normalise("日X1") == "日X1"
    assert punctuation.normalise("日＿月＾") == "日＿月＾"
    assert punctuation.normalise("ＡＺａｚ０９の") == "AZaz09の"


# --- yaml_errors: each helper on its own -------------------------------------------------------

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
def test_translate(problem: str, char: str, message: str) -> None:
    assert yaml_errors._translate(problem, char) == message


def test_translate_undefined_alias_without_a_character_shows_an_asterisk_example() -> None:
    assert yaml_errors._translate("found undefined alias 'x'", "").endswith('（例：項目: "*…"）')


def test_char_at() -> None:
    lines = ["ab", "c"]
    assert yaml_errors._char_at(lines, None) == ""
    assert yaml_errors._char_at(lines, yaml.Mark("m", 0, 0, 1, None, None)) == "b"
    assert yaml_errors._char_at(lines, yaml.Mark("m", 0, 0, 2, None, None)) == ""
    assert yaml_errors._char_at(lines, yaml.Mark("m", 0, 2, 0, None, None)) == ""
    assert yaml_errors._char_at(lines, yaml.Mark("m", 0, 1, 0, None, None)) == "c"


def test_deeper_than_previous() -> None:
    assert yaml_errors._deeper_than_previous(["a: b", "", "  c: d"], 2)
    assert yaml_errors._deeper_than_previous(["a: b", "  # x", "  c: d"], 2)
    assert not yaml_errors._deeper_than_previous(["a: b", "c: d"], 1)
    assert not yaml_errors._deeper_than_previous(["a:", "  c: d"], 1)
    assert not yaml_errors._deeper_than_previous(["# x", "  c: d"], 1)


def test_unclosed_quote() -> None:
    assert yaml_errors._unclosed_quote("Xabc") is None
    assert yaml_errors._unclosed_quote('""') is None
    assert yaml_errors._unclosed_quote("''") is None
    assert yaml_errors._unclosed_quote('"a') == '"'
    assert yaml_errors._unclosed_quote("'it''s") == "'"
    assert yaml_errors._unclosed_quote("") is None


def test_zenkaku_colon_fixes_only_the_first_colon() -> None:
    assert yaml_errors.zenkaku_colon("a", " a：b：c ") == (
        "「a」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：a: b：c）"
    )


def test_text_lines_are_the_lines_inside_blocks_and_quoted_texts() -> None:
    assert yaml_errors._text_lines("a: |\n  x：y\n  z\nb: 1\n") == {1, 2}
    assert yaml_errors._text_lines("a: >\n  x：y\nb: 1\n") == {1}
    assert yaml_errors._text_lines('a: "x\n  y"\nb: 1\n') == {1}
    assert yaml_errors._text_lines("a: 'x\n  y\n  z'\nb: 1\n") == {1, 2}
    assert yaml_errors._text_lines("a: x\nb: 1\n") == set()
    assert yaml_errors._text_lines("a: |\n  x\nb: [\n") == {1}


# --- meeting -----------------------------------------------------------------------------------


def test_meeting_clock_and_document_labels() -> None:
    from datetime import time

    from packetgen.inputs import meeting as m
    from packetgen.inputs.yaml_files import load_yaml

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
    path = tmp_path / "m.yaml"
    path.write_text(text, "utf-8")
    found: list[Problem] = []
    assert yaml_files.load_yaml(path, "m.yaml", _Doc, found) is None
    assert [str(p) for p in found] == problems


def test_paths_past_the_end_of_a_list_stop_at_the_list(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("名前: a\n次第:\n  - x\n  - y\n", "utf-8")
    _, node = yaml_files.load_yaml_document(path, "m.yaml", _Doc, [])
    assert yaml_files.line_of(node, ("次第", 2)) == 3
    assert yaml_files._node_at(node, ("次第", 2)) is None
    assert yaml_files._node_at(node, ("ない",)) is None

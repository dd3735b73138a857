"""The tables staff give (inputs/tables.py, validation.py, text_rules.py): CSV in UTF-8 or CP932 and
the first sheet of an XLSX read with their row numbers, each problem of a file, a heading or a cell
named by file, row and column, pydantic's errors in Japanese, and control characters refused."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from packetgen.core.errors import Problem
from packetgen.inputs import tables, text_rules, validation

# --- reading a table ---------------------------------------------------------------------------------


def _read(tmp_path: Path, name: str, data: bytes, columns=("No", "氏名")) -> tuple[tables.Table | None, list[str]]:
    path = tmp_path / name
    path.write_bytes(data)
    problems: list[Problem] = []
    table = tables.read_table(path, name, columns, problems)
    return table, [str(p) for p in problems]


def test_a_csv_table_is_read_with_its_row_numbers(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "\ufeff氏名 ,No\n岩本　幸一, 1 \n\n ,  \n石山　志保,2\n".encode())
    assert problems == []
    assert table is not None
    assert table.header == ["氏名", "No"]
    assert [(r.number, r.values) for r in table.rows] == [
        (2, {"氏名": "岩本　幸一", "No": "1"}),
        (5, {"氏名": "石山　志保", "No": "2"}),
    ]


def test_short_rows_and_a_trailing_empty_heading_are_read(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,氏名,,\n1\n2,b,,\n".encode("cp932"))
    assert problems == []
    assert [r.values for r in table.rows] == [{"No": "1", "氏名": ""}, {"No": "2", "氏名": "b"}]


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


def test_csv_text_is_utf8_or_cp932() -> None:
    assert tables.decode_text("氏名".encode()) == ("氏名", "utf-8-sig")
    assert tables.decode_text("\ufeff氏名".encode()) == ("氏名", "utf-8-sig")
    assert tables.decode_text("氏名".encode("cp932")) == ("氏名", "cp932")
    with pytest.raises(UnicodeDecodeError):
        tables.decode_text(b"caf\x80")
    with pytest.raises(UnicodeDecodeError):
        tables.decode_text(b"\xff\xfe\xfd")


def test_decode_text_says_why_it_refuses() -> None:
    with pytest.raises(UnicodeDecodeError) as info:
        tables.decode_text(b"caf\x80")
    assert (info.value.encoding, info.value.start, info.value.end) == ("packetgen", 0, 1)
    assert info.value.reason == "neither UTF-8 nor CP932"


def test_an_xlsx_table_is_read_from_its_first_sheet(tmp_path: Path) -> None:
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


def test_a_workbook_cell_reads_as_the_text_staff_see() -> None:
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


# --- a table refused, each problem named -------------------------------------------------------------


def test_a_missing_table_is_named(tmp_path: Path) -> None:
    problems: list[Problem] = []
    assert tables.read_table(tmp_path / "none.csv", "none.csv", ["No"], problems) is None
    assert [str(p) for p in problems] == ["none.csv: ファイルが見つかりません"]


def test_a_table_must_be_csv_or_xlsx(tmp_path: Path) -> None:
    assert _read(tmp_path, "m.txt", b"No\n1\n") == (None, ["m.txt: 表は .csv か .xlsx で用意してください"])


def test_a_binary_or_undecodable_csv_is_refused(tmp_path: Path) -> None:
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


def test_a_malformed_csv_is_refused(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", b'No,x\n"1"a,2\n')
    assert table is None
    assert len(problems) == 1
    assert problems[0].startswith("m.csv: CSVの書式が正しくありません（")


def test_a_broken_xlsx_is_refused(tmp_path: Path) -> None:
    assert _read(tmp_path, "m.XLSX", b"not a zip") == (
        None,
        ["m.XLSX: Excelファイル（.xlsx）として読めません（BadZipFile）。Excelで開いて保存し直してください"],
    )


def test_an_empty_table_is_refused(tmp_path: Path) -> None:
    assert _read(tmp_path, "m.csv", b"") == (None, ["m.csv 1行目: ファイルが空です（1行目に見出し行が必要です）"])
    assert _read(tmp_path, "m.csv", b" , \n1,2\n") == (
        None,
        ["m.csv 1行目: ファイルが空です（1行目に見出し行が必要です）"],
    )


def test_every_heading_problem_is_named_at_once(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,,No,名前\n1,2,3,4\n".encode())
    assert table is None
    assert problems == [
        "m.csv 1行目 B列: 見出しが空の列があります",
        "m.csv 1行目 C列: 見出し「No」が重複しています",
        "m.csv 1行目 D列: 見出し「名前」は使えません（使える見出し：No、氏名）",
        "m.csv 1行目: 必要な列がありません：氏名（1行目の見出しを確認してください）",
    ]


def test_a_duplicate_heading_alone_refuses_the_table(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,氏名,氏名\n1,a,b\n".encode())
    assert table is None
    assert problems == ["m.csv 1行目 C列: 見出し「氏名」が重複しています"]


def test_several_missing_columns_are_listed(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", b"No\n1\n", columns=("No", "氏名", "備考"))
    assert table is None
    assert problems == ["m.csv 1行目: 必要な列がありません：氏名、備考（1行目の見出しを確認してください）"]


def test_values_without_a_heading_and_control_characters_are_named(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,氏名\n1,a\x0bb,x\n2,c,\n".encode())
    assert table is not None
    assert problems == [
        "m.csv 2行目 C列: 見出しのない列に値があります",
        "m.csv 2行目 B列「氏名」: 使用できない制御文字（\\x0b）が含まれています。セルの内容を打ち直してください",
    ]
    assert [r.values for r in table.rows] == [{"No": "1", "氏名": "a\x0bb"}, {"No": "2", "氏名": "c"}]


def test_a_table_of_headings_only_has_no_rows(tmp_path: Path) -> None:
    table, problems = _read(tmp_path, "m.csv", "No,氏名\n,\n".encode())
    assert table is not None
    assert table.rows == []
    assert problems == ["m.csv 2行目: データ行がありません（2行目以降にデータを入力してください）"]


def test_a_column_is_named_by_letter_and_heading() -> None:
    table = tables.Table("x.csv", ["No", "所属", "氏名"])
    assert table.column_ref("氏名") == "C列「氏名」"
    assert table.column_ref("No") == "A列「No」"
    assert table.column_ref("ない") == "列「ない」"
    assert table.problem("msg") == Problem("x.csv", "msg", None, None)
    assert table.problem("msg", 4, "所属") == Problem("x.csv", "msg", 4, "B列「所属」")


# --- rows validated, messages in Japanese ------------------------------------------------------------


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
def test_each_pydantic_error_reads_in_japanese(error: dict, message: str) -> None:
    assert validation.japanese_message(error) == message


def test_key_path_counts_from_one() -> None:
    assert validation.key_path(("次第", 1, "小項目")) == "次第[2].小項目"
    assert validation.key_path(("資料", 0, "入力", "参加者名簿")) == "資料[1].入力.参加者名簿"
    assert validation.key_path(()) == ""
    assert validation.key_path(("会議名",)) == "会議名"


def test_control_characters_are_named_sorted_and_once() -> None:
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


def test_a_control_character_is_named_with_the_fix() -> None:
    assert text_rules.describe_illegal("ok") is None
    assert text_rules.describe_illegal("a\x0bb\x01") == (
        "使用できない制御文字（\\x01、\\x0b）が含まれています。セルの内容を打ち直してください"
    )

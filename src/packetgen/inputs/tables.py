"""CSV (UTF-8, UTF-8 with BOM, CP932) and XLSX tables → rows of text with Excel row numbers.

Staff keep member lists and figures in Excel; they save them as .xlsx or as CSV in whatever
encoding their Excel writes. Row 1 is the header, so data rows start at row 2 as Excel shows them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from packetgen.core.errors import Problem, column_letter
from packetgen.inputs.text_rules import describe_illegal

ENCODINGS = ("utf-8-sig", "cp932")


@dataclass
class TableRow:
    number: int  # the Excel row number
    values: dict[str, str]


@dataclass
class Table:
    label: str  # the file name as the user knows it, e.g. members.csv
    header: list[str]
    rows: list[TableRow] = field(default_factory=list)

    def column_ref(self, name: str) -> str:
        """'E列「氏名」' for a header name, as the user finds it in Excel."""
        if name in self.header:
            return f"{column_letter(self.header.index(name))}列「{name}」"
        return f"列「{name}」"

    def problem(self, message: str, row: int | None = None, column: str | None = None) -> Problem:
        return Problem(self.label, message, row, self.column_ref(column) if column else None)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode strictly: UTF-8 (with or without BOM) first, then CP932 (Japanese Excel's 'Shift_JIS')."""
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Python's cp932 maps stray bytes 0x80/0xA0/0xFD-0xFF to C1/private code points rather than
        # failing: such text is not Japanese Excel output but another encoding (e.g. Latin-1).
        if encoding == "cp932" and re.search(r"[\x80-\x9f\ue000-\uf8ff]", text):
            break
        return text, encoding
    raise UnicodeDecodeError("packetgen", data, 0, 1, "neither UTF-8 nor CP932")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _read_csv_rows(path: Path, label: str) -> Iterator[list[str]] | Problem:
    data = path.read_bytes()
    if b"\x00" in data:
        return Problem(label, "テキストのCSVファイルではありません（バイナリデータが含まれています）")
    try:
        text, _ = decode_text(data)
    except UnicodeDecodeError:
        return Problem(
            label,
            "文字コードを読み取れません。Excelで「CSV UTF-8（コンマ区切り）」または"
            "「CSV（コンマ区切り）」で保存し直してください",
        )
    try:
        return iter(list(csv.reader(io.StringIO(text, newline=""), strict=True)))
    except csv.Error as exc:
        return Problem(label, f"CSVの書式が正しくありません（{exc}）")


def _read_xlsx_rows(path: Path, label: str) -> Iterator[list[str]] | Problem:
    import openpyxl  # imported here: CSV-only meetings should not pay for it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return Problem(
            label, f"Excelファイル（.xlsx）として読めません（{type(exc).__name__}）。Excelで開いて保存し直してください"
        )
    try:
        sheet = workbook.worksheets[0]
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return iter(rows)


def unsaved_formulas(path: Path) -> list[tuple[int, int]]:
    """(Excel row, 0-based column) of each formula on an .xlsx file's first sheet that has no saved
    value: a program that does not compute (openpyxl itself, some converters) saves the formula alone,
    and the cell would read as empty. Reads the file twice: for a table printed as it is, not a big one."""
    import openpyxl

    books = [openpyxl.load_workbook(path, read_only=True, data_only=only) for only in (False, True)]
    try:
        formulas, values = (book.worksheets[0].iter_rows(values_only=True) for book in books)
        return [
            (r, c)
            for r, (typed, saved) in enumerate(zip(formulas, values, strict=False), start=1)
            for c, (formula, value) in enumerate(zip(typed, saved, strict=False))
            if value is None and str(getattr(formula, "text", formula) or "").startswith("=")
        ]
    finally:
        for book in books:
            book.close()


def read_table(path: Path, label: str, columns: Sequence[str] | None, problems: list[Problem]) -> Table | None:
    """Read a table whose header must hold exactly ``columns`` (in any order); with ``columns`` None,
    any header of named, distinct columns (a table printed as it is, e.g. in a 文書).

    Problems are appended to ``problems`` (all of them, not only the first); returns None when the
    table cannot be used at all.
    """
    raw = _read_rows(path, label)
    if isinstance(raw, Problem):
        problems.append(raw)
        return None
    header = _header(raw, label, columns, problems)
    if header is None:
        return None
    table = Table(label, header)
    _read_data_rows(table, raw, problems)
    if not table.rows:
        problems.append(Problem(label, "データ行がありません（2行目以降にデータを入力してください）", 2))
    return table


def _read_rows(path: Path, label: str) -> Iterator[list[str]] | Problem:
    """The rows of a .csv or .xlsx file, or the one problem that stops it being read."""
    if not path.is_file():
        return Problem(label, "ファイルが見つかりません")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv_rows(path, label)
    if suffix == ".xlsx":
        return _read_xlsx_rows(path, label)
    return Problem(label, "表は .csv か .xlsx で用意してください")


def _header(
    raw: Iterator[list[str]], label: str, columns: Sequence[str] | None, problems: list[Problem]
) -> list[str] | None:
    """Row 1's names, trailing empty cells dropped; None (with the problems) unless they are exactly
    ``columns`` (any names when None), each once."""
    header_cells = next(raw, None)
    if header_cells is None or not any(c.strip() for c in header_cells):
        problems.append(Problem(label, "ファイルが空です（1行目に見出し行が必要です）", 1))
        return None
    header = [c.strip().lstrip("\ufeff") for c in header_cells]
    while header and not header[-1]:
        header.pop()
    expected = set(header if columns is None else columns)
    seen: set[str] = set()
    for i, name in enumerate(header):
        ref = f"{column_letter(i)}列"
        if not name:
            problems.append(Problem(label, "見出しが空の列があります", 1, ref))
        elif name in seen:
            problems.append(Problem(label, f"見出し「{name}」が重複しています", 1, ref))
        elif name not in expected:
            problems.append(
                Problem(label, f"見出し「{name}」は使えません（使える見出し：{'、'.join(columns)}）", 1, ref)
            )
        seen.add(name)
    missing = [c for c in columns or () if c not in seen]
    if missing:
        problems.append(
            Problem(label, f"必要な列がありません：{'、'.join(missing)}（1行目の見出しを確認してください）", 1)
        )
    if missing or len(seen) != len(header):
        return None
    return header


def _read_data_rows(table: Table, raw: Iterator[list[str]], problems: list[Problem]) -> None:
    """Rows 2 on into ``table``, blank rows skipped, each cell checked for characters not allowed."""
    header = table.header
    for offset, cells in enumerate(raw, start=2):
        if not any(c.strip() for c in cells):
            continue  # blank lines at the end of an Excel export
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            ref = f"{column_letter(len(header))}列"
            problems.append(Problem(table.label, "見出しのない列に値があります", offset, ref))
        values = {}
        for i, name in enumerate(header):
            text = cells[i].strip() if i < len(cells) else ""
            bad = describe_illegal(text)
            if bad:
                problems.append(table.problem(bad, offset, name))
            values[name] = text
        table.rows.append(TableRow(offset, values))

"""印刷発注書: the print order sheet — per document its 資料 label, pages, paper, sides, colour and
copies, with the totals of sheets and pages — as CSV and XLSX (and a PDF, rendered by the caller).

The sheet is laid out for A4 landscape at 100 %: the printed PDF is checked for legible text (no
glyph under 8 pt, a median of 10 pt or more), and a 12-column table fitted to a page would print at
6–7 pt. So the columns are as wide as their contents at 11 pt, long headers break on purpose, 資料名
and ファイル wrap in the width left, and every row is given the height its wrapped text needs
(LibreOffice does not grow the rows of an openpyxl file).
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from packetgen.render.fonts import GOTHIC, FontSetting
from packetgen.render.xlsx import COUNT, HEADER_FILL, RULED, put, rule, save_workbook

PAPER = "A4"
COLUMNS = (
    "No",
    "資料番号",
    "資料名",
    "ファイル",
    "ページ数",
    "用紙",
    "両面/片面",
    "カラー/モノクロ",
    "部数",
    "1部の枚数",
    "総枚数",
    "総ページ数",
)
# The sheet's headers: the CSV's names, broken where a name is longer than the column's values.
SHEET_HEADERS = dict(zip(COLUMNS, COLUMNS, strict=True)) | {
    "両面/片面": "両面/\n片面",
    "カラー/モノクロ": "カラー/\nモノクロ",
    "1部の枚数": "1部の\n枚数",
}
WRAPPED = ("資料名", "ファイル")  # long texts: they wrap in the width the other columns leave
CENTRED = ("No", "資料番号", "用紙", "両面/片面", "カラー/モノクロ")

# Printed sizes (pt). The sheet prints at 100 %, so these are the sizes on paper.
SIZE = 11.0  # the table and the notes
TITLE_SIZE = 14.0
# One unit of Excel column width prints 6.9 pt wide in LibreOffice when the workbook's default font is
# IPAexゴシック or Calibri (DejaVu Sans here), 8.4 pt when it is BIZ UDPゴシック: text is fitted to the
# narrow end, the page's width budget counts with the wide end, so the table fits whichever it is.
UNIT_NARROW = 6.9
UNIT_WIDE = 8.4
CELL_PADDING = 6.0  # pt: a cell's inner margins and rules
LINE = 1.25  # line height of wrapped text, in font sizes: LibreOffice sets 1.0, Excel more
SIDE_MARGIN = 0.4  # inch
TOP_MARGIN = 0.6  # inch, with the header and footer (資料 label, page number) in 0.3
A4_LANDSCAPE_WIDTH = 841.9  # pt


@dataclass(frozen=True)
class OrderLine:
    label: str
    title: str
    file: str
    pages: int
    duplex: bool
    colour: bool
    copies: int

    @property
    def sheets_per_copy(self) -> int:
        return -(-self.pages // 2) if self.duplex else self.pages

    @property
    def sheets(self) -> int:
        return self.sheets_per_copy * self.copies

    @property
    def printed_pages(self) -> int:
        return self.pages * self.copies

    def cells(self, number: int) -> list[object]:
        return [
            number,
            self.label or "—",
            self.title,
            self.file,
            self.pages,
            PAPER,
            "両面" if self.duplex else "片面",
            "カラー" if self.colour else "モノクロ",
            self.copies,
            self.sheets_per_copy,
            self.sheets,
            self.printed_pages,
        ]


@dataclass(frozen=True)
class Order:
    meeting: str
    date_text: str
    lines: list[OrderLine]
    copies_note: str  # how the copies were counted, e.g. 委員16名＋市側出席者5名＋予備5部

    @property
    def totals(self) -> dict[str, int]:
        return {
            "ページ数": sum(line.pages for line in self.lines),
            "1部の枚数": sum(line.sheets_per_copy for line in self.lines),
            "総枚数": sum(line.sheets for line in self.lines),
            "総ページ数": sum(line.printed_pages for line in self.lines),
        }


def order_csv(order: Order) -> bytes:
    """UTF-8 with BOM, so Japanese Excel opens it without asking."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for i, line in enumerate(order.lines, start=1):
        writer.writerow(line.cells(i))
    t = order.totals
    writer.writerow(["計", "", "", "", t["ページ数"], "", "", "", "", t["1部の枚数"], t["総枚数"], t["総ページ数"]])
    return out.getvalue().encode("utf-8-sig")


def text_width(text: str, size: float) -> float:
    """A generous estimate of a line's printed width (pt): full-width characters 1 em, others ¾ em
    (BIZ UDPゴシック's digits are 0.75 em, its Latin letters and IPAex's narrower)."""
    return size * sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.75 for c in text)


def wrapped_lines(text: str, width: float, size: float) -> int:
    """How many lines ``text`` takes in ``width`` pt: breaks between full-width characters, never
    inside a run of Latin letters and digits (「No.1-1」, 「.pdf」 stay whole, as LibreOffice keeps them)."""
    lines = 0
    for paragraph in text.split("\n"):
        pieces: list[str] = []
        for c in paragraph:
            narrow = unicodedata.east_asian_width(c) not in "WFA"
            if pieces and narrow and pieces[-1] and unicodedata.east_asian_width(pieces[-1][-1]) not in "WFA":
                pieces[-1] += c
            elif pieces and narrow and c in ".,)）」、。":
                pieces[-1] += c  # no break before closing punctuation
            else:
                pieces.append(c)
        used, count = 0.0, 1
        for piece in pieces:
            w = text_width(piece, size)
            if used and used + w > width:
                count, used = count + 1, 0.0
            used += w
        lines += count
    return lines


def _shown(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _layout(rows: list[list[object]]) -> dict[str, float]:
    """Column widths in Excel units: each fixed column as wide as its longest line (header or value)
    at the narrow unit; 資料名 and ファイル share what the page leaves at the wide unit."""
    budget = (A4_LANDSCAPE_WIDTH - 2 * 72 * SIDE_MARGIN) / UNIT_WIDE - 0.5
    need = {}
    for i, name in enumerate(COLUMNS):
        texts = [*SHEET_HEADERS[name].split("\n"), *(_shown(row[i]) for row in rows)]
        need[name] = (max(text_width(t, SIZE) for t in texts) + CELL_PADDING) / UNIT_NARROW
    widths = {name: math.ceil(need[name] * 2) / 2 for name in COLUMNS if name not in WRAPPED}
    left = budget - sum(widths.values())
    wanted = sum(need[name] for name in WRAPPED)
    for name in WRAPPED:  # in proportion to their longest text, never wider than that
        widths[name] = math.floor(min(need[name], max(left * need[name] / wanted, 8)) * 2) / 2
    return widths


def order_xlsx(order: Order, when: datetime, label: str, fonts: FontSetting) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "印刷発注書"
    lines = [line.cells(i) for i, line in enumerate(order.lines, start=1)]
    t = order.totals
    total = ["計", "", "", "", t["ページ数"], "", "", "", "", t["1部の枚数"], t["総枚数"], t["総ページ数"]]
    widths = _layout([*lines, total])
    for i, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths[name]
    last_col = len(COLUMNS)
    table_width = sum(widths.values()) * UNIT_NARROW - CELL_PADDING

    def text_row(row: int, text: str, size: float = SIZE, bold: bool = False) -> None:
        """A line of text across the table, wrapped (merged over all the columns)."""
        put(ws, row, 1, text, size=size, bold=bold)
        ws.cell(row=row, column=1).alignment = Alignment(vertical="center", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
        ws.row_dimensions[row].height = wrapped_lines(text, table_width, size) * LINE * size + 4

    text_row(1, "印刷発注書", TITLE_SIZE, bold=True)
    text_row(2, f"{order.meeting}（{order.date_text}）")
    text_row(3, f"用紙：{PAPER}　部数：{order.copies_note}")
    ws.row_dimensions[4].height = 6
    top = 5
    for c, name in enumerate(COLUMNS, start=1):
        cell = put(ws, top, c, SHEET_HEADERS[name], size=SIZE, bold=True, align="center", wrap=True)
        cell.fill = HEADER_FILL
        cell.border = RULED
    header_lines = max(len(SHEET_HEADERS[name].split("\n")) for name in COLUMNS)
    ws.row_dimensions[top].height = header_lines * LINE * SIZE + 4
    for r, cells in enumerate([*lines, total], start=top + 1):
        is_total = r == top + len(lines) + 1
        height = 1
        for c, (name, value) in enumerate(zip(COLUMNS, cells, strict=True), start=1):
            if value == "" and is_total:
                continue
            numeric = isinstance(value, int) and name != "No"
            cell = put(ws, r, c, value, size=SIZE, bold=is_total, fmt=COUNT if numeric else None)
            align = "center" if name in CENTRED else None
            cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=name in WRAPPED)
            if name in WRAPPED:
                height = max(height, wrapped_lines(str(value), widths[name] * UNIT_NARROW - CELL_PADDING, SIZE))
        ws.row_dimensions[r].height = height * LINE * SIZE + 4
    total_row = top + len(lines) + 1
    rule(ws, top + 1, total_row, 1, last_col)
    notes = [
        f"部数の内訳：{order.copies_note}",
        "総枚数＝1部の枚数×部数（両面は2ページで1枚）。一式のPDFは packet.pdf（しおり付き）。",
    ]
    ws.row_dimensions[total_row + 1].height = 6
    for i, text in enumerate(notes):
        text_row(total_row + 2 + i, text)
    last_row = total_row + 1 + len(notes)
    _print_setup(ws, f"A1:{get_column_letter(last_col)}{last_row}", f"{top}:{top}", label)
    return save_workbook(wb, when, "印刷発注書", fonts)


def _print_setup(ws: Worksheet, area: str, title_rows: str, label: str) -> None:
    """The sheet's own print set-up (not xlsx.print_setup, whose layout is the workbook's): A4
    landscape laid out for 100 %; only the width is fitted (it fits already: at most a few per cent),
    never the height, so a long order runs on to a second page with the header row repeated instead of
    shrinking. 印刷発注書 and the meeting in the header, the page number in the footer."""
    ws.print_area = area
    ws.print_title_rows = title_rows
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN
    ws.page_margins.top = ws.page_margins.bottom = TOP_MARGIN
    ws.page_margins.header = ws.page_margins.footer = 0.3
    parts = ((ws.oddHeader.left, "印刷発注書"), (ws.oddHeader.right, label.replace("&", "&&")))
    for part, text in (*parts, (ws.oddFooter.center, "&P / &N")):  # & starts a code: a text's & is &&
        part.text = text
        part.font = f"{GOTHIC},標準"  # the role token: the font pass writes the setting's ゴシック
        part.size = 9

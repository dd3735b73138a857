"""印刷発注書: the print order sheet — per document its 資料 label, pages, paper, sides, colour and
copies, with the totals of sheets and pages — as CSV and XLSX (and a PDF, rendered by the caller).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook

from packetgen.render.xlsx import COUNT, header_row, print_setup, put, rule, save_workbook, sheet_heading

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


def order_xlsx(order: Order, when: datetime, label: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "印刷発注書"
    sheet_heading(ws, "印刷発注書", f"{order.meeting}（{order.date_text}）　用紙：{PAPER}　部数：{order.copies_note}")
    top = 4
    header_row(ws, top, 1, list(COLUMNS))
    ws.row_dimensions[top].height = 30
    for i, line in enumerate(order.lines, start=1):
        for c, value in enumerate(line.cells(i), start=1):
            numeric = isinstance(value, int)
            put(
                ws,
                top + i,
                c,
                value,
                fmt=COUNT if numeric else None,
                align="center" if c in (1, 2, 6, 7, 8) else None,
                wrap=c == 3,
            )
    total_row = top + len(order.lines) + 1
    put(ws, total_row, 1, "計", bold=True, align="center")
    t = order.totals
    for col, key in ((5, "ページ数"), (10, "1部の枚数"), (11, "総枚数"), (12, "総ページ数")):
        put(ws, total_row, col, t[key], fmt=COUNT, bold=True)
    rule(ws, top + 1, total_row, 1, len(COLUMNS))
    notes = [
        f"部数の内訳：{order.copies_note}",
        "総枚数＝1部の枚数×部数（両面は2ページで1枚）。一式のPDFは packet.pdf（しおり付き）。",
    ]
    for i, text in enumerate(notes):
        put(ws, total_row + 2 + i, 1, text, size=10)
    widths = {"A": 5, "B": 11, "C": 36, "D": 40, "E": 8, "F": 6, "G": 10, "H": 14, "I": 7, "J": 9, "K": 9, "L": 10}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    print_setup(ws, f"A1:L{total_row + 4}", label, "印刷発注書")
    return save_workbook(wb, when, "印刷発注書")

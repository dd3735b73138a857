"""分析結果: one finding a row, ▶ before it, wrapped in column B; each row as tall as its lines
(LibreOffice does not grow rows to wrapped text), a little space between findings."""

from __future__ import annotations

from openpyxl.styles import Alignment

from packetgen.documents.population.sheet import TOP, SheetContext
from packetgen.render.text_fit import FontMeasure
from packetgen.render.xlsx import CELL_PAD_PT, CellStyle, put, row_height

SIZE = 12  # findings print larger than the tables


def add_findings_sheet(ctx: SheetContext) -> None:
    m = ctx.m
    bullet = m.text_units("▶", SIZE)
    # column B takes the rest of the page
    sheet = ctx.sheet("分析結果", [bullet], ("【分析結果】", "文中の数値は各シートの入力データから計算しています"))
    ws = sheet.ws
    width = sheet.page.units - bullet
    # Calc wraps cell text between any two characters, without 禁則 (a lone 「。」 starts a line):
    # the lines are broken here, between phrases with 禁則 as on the slides, with a character spare
    # so neither Calc nor Excel wraps again.
    font = FontMeasure(m.regular, m.bold, m.regular_index, m.bold_index)
    room = width * m.unit - 2 * CELL_PAD_PT - SIZE
    findings = ctx.data.findings
    for i, text in enumerate(findings):
        r = TOP + i
        lines = font.wrap(text, room, SIZE)
        put(ws, r, 1, "▶", CellStyle(size=SIZE)).alignment = Alignment(horizontal="center", vertical="top")
        put(ws, r, 2, "\n".join(lines), CellStyle(size=SIZE)).alignment = Alignment(vertical="top", wrap_text=True)
        ws.row_dimensions[r].height = row_height(SIZE, len(lines)) + 8
    last = TOP - 1 + len(findings)
    sheet.finish(last, [(1, TOP), *((r, r) for r in range(TOP + 1, last + 1))])  # the heading with the first

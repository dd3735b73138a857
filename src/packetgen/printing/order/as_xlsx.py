"""The order as a workbook staff can complete (要記入 cells in bold red on a pale fill): A4 landscape at
100 %, the heading block above the table, the instructions below; rows as tall as their text."""

from __future__ import annotations

import math
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from packetgen.core.fonts import FontSetting
from packetgen.inputs.meeting import TO_FILL
from packetgen.printing.order.layout import balance, pair_items, shown, to_fill_notice
from packetgen.printing.order.model import COLUMNS, INSTRUCTIONS, PRINTED, SHEETS_NOTE, TITLE, Order
from packetgen.render.xlsx import (
    COUNT,
    HEADER_FILL,
    CellStyle,
    Metrics,
    Page,
    columns_width,
    metrics,
    print_setup,
    put,
    row_height,
    rule,
    save_workbook,
    wrapped_text,
)

SIZE = 11.0  # the sheet's text (pt; it prints at 100 %, so this is the size on paper)
TITLE_SIZE = 14.0
TO_FILL_COLOUR = "C00000"
TO_FILL_FILL = PatternFill("solid", fgColor="FCE4D6")  # where staff type the missing value
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")


def _sheet_widths(m: Metrics, order: Order, page: Page) -> dict[str, float]:
    """Column widths (characters of Excel width): each fixed column as wide as its longest header line
    or value; the wrapping ones share what the page leaves (``balance``)."""
    rows = [*order.rows(), order.total_cells()]
    widths, texts, least, most = {}, {}, {}, {}
    for c in PRINTED:
        values = [shown(r[COLUMNS.index(c.name)]) for r in rows]
        header = m.text_units(c.header, SIZE, bold=True)
        need = max(header, *(m.text_units(t, SIZE, True) for t in values))
        if c.wraps:
            texts[c.name], least[c.name], most[c.name] = values[:-1], max(header, 6.0), need
        else:
            widths[c.name] = math.ceil(need * 4) / 4

    def lines(text: str, units: float) -> int:
        return m.line_count(text, units, SIZE)

    shares = balance(texts, least, most, page.units - sum(widths.values()), lines, 0.25)
    return widths | {name: math.floor(w * 4) / 4 for name, w in shares.items()}


def order_xlsx(order: Order, when: datetime, label: str, fonts: FontSetting) -> bytes:
    """The order as a workbook staff can complete (要記入 cells in bold red on a pale fill): A4 landscape
    at 100 %, the heading block above the table, the instructions below; rows as tall as their text."""
    m = metrics(fonts)
    page = Page(m.unit, "landscape")
    wb = Workbook()
    ws = wb.active
    ws.title = TITLE
    widths = _sheet_widths(m, order, page)
    for i, c in enumerate(PRINTED, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths[c.name]
    last = len(PRINTED)

    wrapped_text(ws, m, (1, 1, last), TITLE, CellStyle(size=TITLE_SIZE, bold=True))
    r = 2
    if order.to_fill:
        wrapped_text(ws, m, (r, 1, last), to_fill_notice(order), CellStyle(size=SIZE, bold=True, color=TO_FILL_COLOUR))
        r += 1
    ws.row_dimensions[r].height = 6
    r += 1
    r = _sheet_heading(ws, m, order, r, last)
    ws.row_dimensions[r].height = 8
    top = r + 1
    total_row = _sheet_table(ws, m, order, widths, top)
    ws.row_dimensions[total_row + 1].height = 8
    r = total_row + 2
    wrapped_text(ws, m, (r, 1, last), INSTRUCTIONS, CellStyle(size=SIZE, bold=True))
    for i, text in enumerate(order.instructions, start=1):
        r += 1
        put(ws, r, 1, f"{i}.", CellStyle(size=SIZE)).alignment = Alignment(horizontal="right", vertical="top")
        wrapped_text(ws, m, (r, 2, last), text, CellStyle(size=SIZE))
    print_setup(ws, f"A1:{get_column_letter(last)}{r}", label, TITLE, page)
    ws.print_title_rows = f"{top}:{top}"  # a long order: the header row again on every page
    return save_workbook(wb, when, TITLE, fonts)


def _sheet_table(ws: Worksheet, m: Metrics, order: Order, widths: dict[str, float], top: int) -> int:
    """The table of documents from row ``top``: the shaded header, a row per line, the 計 row shaded
    and bold with how the totals are counted. Returns the 計 row."""
    for i, c in enumerate(PRINTED, start=1):
        cell = put(ws, top, i, c.header, CellStyle(size=SIZE, bold=True, align="center", wrap=True))
        cell.fill = HEADER_FILL
    ws.row_dimensions[top].height = row_height(SIZE, max(c.header.count("\n") + 1 for c in PRINTED))
    rows = [*order.rows(), order.total_cells()]
    for r, cells in enumerate(rows, start=top + 1):
        is_total = r == top + len(rows)
        lines = 1
        for i, c in enumerate(PRINTED, start=1):
            value = cells[COLUMNS.index(c.name)]
            numeric = isinstance(value, int) and c.name != "No"
            cell = put(ws, r, i, value, CellStyle(size=SIZE, bold=is_total, fmt=COUNT if numeric else None))
            horizontal = None if c.align == "left" else c.align
            cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=c.wraps)
            if is_total:
                cell.fill = TOTAL_FILL
            lines = max(lines, m.line_count(shown(value), widths[c.name], SIZE, is_total))
        ws.row_dimensions[r].height = row_height(SIZE, lines)
    total_row = top + len(rows)
    # how the totals are counted, across the 計 row's empty 資料番号–ファイル cells
    note = put(ws, total_row, 2, SHEETS_NOTE, CellStyle(size=SIZE))
    note.alignment = Alignment(vertical="center", wrap_text=True)
    ws.merge_cells(start_row=total_row, start_column=2, end_row=total_row, end_column=4)
    lines = m.line_count(SHEETS_NOTE, columns_width(ws, 2, 4), SIZE)
    ws.row_dimensions[total_row].height = max(ws.row_dimensions[total_row].height, row_height(SIZE, lines))
    rule(ws, top, total_row, 1, len(PRINTED))
    return total_row


def _sheet_heading(ws: Worksheet, m: Metrics, order: Order, row: int, last: int) -> int:
    """The heading block from ``row``, as in the PDF: 項目 | 内容 ruled, two items to a row where both
    fit, over columns the table has fixed (項目 spans the columns that hold the longest label, the right
    half starts at the column nearest the middle). Returns the row after it."""
    need = max(m.text_units(k, SIZE, bold=True) for k, _ in order.heading)

    def span(first: int) -> int:  # the last column of a label cell starting at ``first``
        return next((n for n in range(first, last + 1) if columns_width(ws, first, n) >= need), last)

    def off_middle(k: int) -> float:
        return abs(columns_width(ws, 1, k) - columns_width(ws, 1, last) / 2)

    label = span(1)
    middle = min(range(label + 1, last), key=off_middle, default=label)
    label2 = span(middle + 1)
    halves = label2 < last and middle > label  # room for two values side by side
    half = min(columns_width(ws, label + 1, middle), columns_width(ws, label2 + 1, last)) if halves else 0.0

    def short(value: str) -> bool:
        return halves and "\n" not in value and m.text_units(value, SIZE, TO_FILL in value) <= half

    top = row
    for items in pair_items(order.heading, short):
        cells = ((1, label, label + 1, middle if len(items) == 2 else last), (middle + 1, label2, label2 + 1, last))
        height = row_height(SIZE)
        for (key, value), (first, key_last, value_first, value_last) in zip(items, cells, strict=False):
            cell = put(ws, row, first, key, CellStyle(size=SIZE, bold=True))
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            missing = TO_FILL in value
            colour = TO_FILL_COLOUR if missing else "000000"
            cell = put(ws, row, value_first, value, CellStyle(size=SIZE, bold=missing, color=colour))
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            if missing:
                cell.fill = TO_FILL_FILL
                height = max(height, 24)  # room to write the value in by hand
            for a, b in ((first, key_last), (value_first, value_last)):
                if b > a:
                    ws.merge_cells(start_row=row, start_column=a, end_row=row, end_column=b)
            key_lines = m.line_count(key, columns_width(ws, first, key_last), SIZE, True)
            value_lines = m.line_count(value, columns_width(ws, value_first, value_last), SIZE, missing)
            height = max(height, row_height(SIZE, max(key_lines, value_lines)))
        ws.row_dimensions[row].height = height
        row += 1
    rule(ws, top, row - 1, 1, last)
    return row

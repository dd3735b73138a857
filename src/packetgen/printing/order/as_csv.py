"""The order as CSV, for machines: UTF-8 with BOM, CRLF, every text quoted and made safe to open.

OWASP CSV injection: a cell starting with one of FORMULA_START (render/xlsx.py) is run as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from packetgen.printing.order.model import COLUMNS, INSTRUCTIONS, Order
from packetgen.render.xlsx import FORMULA_START


def csv_safe(value: object) -> object:
    """Text a spreadsheet could run is written with a leading ' (it then shows as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def order_csv(order: Order) -> bytes:
    """UTF-8 with BOM (Japanese Excel opens it without asking), CRLF: the heading block as 項目,内容
    rows, a blank row, the table (one header row, the lines, the 計 row), a blank row, the
    instructions numbered. Every text is quoted (OWASP: a quoted cell keeps its commas, quotes and
    line breaks, and with ``csv_safe`` its leading ' ); numbers are not, so they stay numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)

    def row(values: Iterable[object]) -> None:
        writer.writerow([csv_safe(v) for v in values])

    row(("項目", "内容"))
    for item in order.heading:
        row(item)
    row(())
    row(COLUMNS)
    for cells in order.rows():
        row(cells)
    row(order.total_cells())
    row(())
    row((INSTRUCTIONS,))
    for i, text in enumerate(order.notes, start=1):
        row((i, text))
    return out.getvalue().encode("utf-8-sig")

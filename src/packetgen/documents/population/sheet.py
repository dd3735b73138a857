"""What every sheet of the population workbook is drawn from, and how a sheet is laid out.

Each sheet is laid out for A4 at 100 % (render/xlsx.py): column widths from what the cells show,
portrait or landscape by the columns' width, then blocks stacked top to bottom (a table, a chart in
a row of its own, a note) with a page break before a block that would not fit. Nothing is fitted
to a page, so text prints at its own size: tables 10 pt, findings 12 pt, charts 10 pt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from packetgen.inputs.population_tables import PopulationTables
from packetgen.render.xlsx import (
    Metrics,
    Page,
    fill_heights,
    fit_row,
    header_row,
    lay_out_columns,
    paginate,
    print_setup,
    sheet_heading,
    wrapped_text,
)
from packetgen.render.xlsx_charts import chart_row

CHART_CM = 10.0  # a chart's height; its width is the page's
TOP = 4  # a sheet's first table starts under its heading (rows 1–3)

Column = tuple[str, Iterable[str]]  # a column's header and the values it shows


@dataclass(frozen=True)
class PopulationData:
    """What the workbook is drawn from: the checked tables and the 分析結果 filled in."""

    tables: PopulationTables
    findings: list[str]  # the 分析結果 texts, filled in
    notices: list[str] = field(default_factory=list)  # claims the inputs hold no figures for


@dataclass(frozen=True)
class SheetContext:
    """What every sheet is drawn from: the workbook, its font's measures, the data, the 資料 label."""

    wb: Workbook
    m: Metrics
    data: PopulationData
    label: str

    @property
    def tables(self) -> PopulationTables:
        return self.data.tables

    def sheet(self, name: str, widths: Sequence[float], heading: tuple[str, str]) -> Sheet:
        """A new sheet with its columns laid out and its heading: (title, unit and source)."""
        ws = self.wb.create_sheet(name)
        page, print_col = lay_out_columns(ws, self.m, widths)
        sheet_heading(ws, self.m, *heading, print_col)
        return Sheet(ws, self.m, page, print_col, self.label)


@dataclass(frozen=True)
class Sheet:
    """A sheet being laid out: its page and the print area's last column, set by its columns."""

    ws: Worksheet
    m: Metrics
    page: Page
    print_col: int
    label: str

    def header(self, row: int, names: Sequence[str], fit: bool = True) -> None:
        """A header row from column A, as tall as its most wrapped name when ``fit``."""
        header_row(self.ws, row, 1, names)
        if fit:
            fit_row(self.ws, self.m, row, 1, len(names))

    def note(self, row: int, text: str) -> None:
        """A note across the print area, its row as tall as its lines."""
        wrapped_text(self.ws, self.m, (row, 1, self.print_col), text)

    def chart(self, row: int, chart, height_cm: float = CHART_CM) -> None:
        """A chart as wide as the page in a row of its own."""
        chart_row(self.ws, row, chart, self.page.chart_width_cm(), height_cm)

    def finish(self, last_row: int, blocks: Sequence[tuple[int, int]]) -> None:
        """Heights for every row, page breaks between the blocks (rows kept on one page), print
        set-up with the sheet's name in the header."""
        fill_heights(self.ws, last_row)
        paginate(self.ws, last_row, blocks, self.page)
        area = f"A1:{get_column_letter(self.print_col)}{last_row}"
        print_setup(self.ws, area, self.label, self.ws.title, self.page)


def column_widths(
    m: Metrics,
    *tables: Sequence[Column],
    minimum: float = 6,
    labels: Sequence[str] = (),
) -> list[float]:
    """Column widths for tables sharing the sheet's columns: the largest any of them needs for its
    longest shown value and its header; headers, and the row ``labels`` of column A, wrap as little
    as portrait A4 allows (one line, else two, else three)."""
    shown = tuple([(name, list(values)) for name, values in table] for table in tables)
    for lines in (1, 2, 3):
        widths = [max((m.header_units(label, lines, bold=False) for label in labels), default=0)]
        for table in shown:
            for i, (name, values) in enumerate(table):
                need = max([m.header_units(name, lines), minimum, *(m.text_units(v) for v in values)])
                widths[i : i + 1] = [max(widths[i], need) if i < len(widths) else need]
        if sum(math.ceil(w * 4) / 4 for w in widths) <= Page(m.unit, "portrait").units:
            break
    return widths

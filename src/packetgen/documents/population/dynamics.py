"""自然動態 and 社会動態: the seed's table of two yearly flows (years across, 差 below) and their
changes on the previous year as the workbook's own formulas, and the flows as columns with 差 as a
line."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from openpyxl.chart import Reference
from openpyxl.utils import get_column_letter

from packetgen.documents.population.charts import COUNT_AXIS, column_chart, line_chart
from packetgen.documents.population.sheet import CHART_CM, TOP, Sheet, SheetContext, column_widths
from packetgen.render.xlsx import COUNT, RATIO, SIGNED, CellStyle, Formula, Metrics, put, rule, shown

PLUS_ROW, MINUS_ROW, DIFF_ROW = TOP + 1, TOP + 2, TOP + 3
CHANGES_ROW = DIFF_ROW + 2  # the first of the changes on the previous year, under their own header
RATIO_ROW = DIFF_ROW + 5
CHART_ROW = DIFF_ROW + 7


@dataclass(frozen=True)
class Flows:
    """A sheet of two yearly flows and their difference: its name and title, the flows' names and
    their columns in the table, and the name of their ratio (minus over plus)."""

    name: str
    title: str
    labels: tuple[str, str]
    keys: tuple[str, str]
    ratio_label: str

    @property
    def change_labels(self) -> tuple[str, str, str]:
        return f"{self.labels[0]}の前年差", f"{self.labels[1]}の前年差", "差の前年差"


NATURAL = Flows("自然動態", "人口増減（自然動態）", ("出生", "死亡"), ("births", "deaths"), "死亡数／出生数")
SOCIAL = Flows("社会動態", "人口増減（社会動態）", ("転入", "転出"), ("moves_in", "moves_out"), "転出数／転入数")


def add_dynamics_sheet(ctx: SheetContext, flows: Flows, frame: pd.DataFrame) -> None:
    """The sheet of ``flows`` from their table ``frame`` (a year a row, in chronological order)."""
    sheet = ctx.sheet(flows.name, _widths(ctx.m, flows, frame), (flows.title, "単位：人　資料：住民基本台帳"))
    _table(sheet, flows, frame)
    _chart(sheet, flows, 1 + len(frame))
    sheet.finish(CHART_ROW, [(1, RATIO_ROW), (CHART_ROW, CHART_ROW)])


def _widths(m: Metrics, flows: Flows, frame: pd.DataFrame) -> list[float]:
    plus, minus = frame[flows.keys[0]].astype(int), frame[flows.keys[1]].astype(int)
    diff = plus - minus
    row_labels = [*flows.labels, "差", "増減の推移", *flows.change_labels, flows.ratio_label]
    columns = [("", row_labels)] + [
        (
            str(year),
            [
                shown(v, SIGNED if k > 2 else COUNT)
                for k, v in enumerate([plus[j], minus[j], diff[j], plus[j], minus[j], diff[j]])
            ]
            + [shown(minus[j] / plus[j], RATIO)],
        )
        for j, year in enumerate(frame["year"])
    ]
    widths = column_widths(m, columns)
    widths[1:] = [max(widths[1:])] * len(frame)  # years alike
    return widths


def _table(sheet: Sheet, flows: Flows, frame: pd.DataFrame) -> None:
    """The flows and 差 from row TOP, their changes on the previous year and their ratio below."""
    ws = sheet.ws
    years = list(frame["year"])
    sheet.header(TOP, ["", *years], fit=False)
    for j, (_, row) in enumerate(frame.iterrows()):
        col = 2 + j
        letter = get_column_letter(col)
        put(ws, PLUS_ROW, col, int(row[flows.keys[0]]), CellStyle(fmt=COUNT))
        put(ws, MINUS_ROW, col, int(row[flows.keys[1]]), CellStyle(fmt=COUNT))
        put(ws, DIFF_ROW, col, Formula(f"={letter}{PLUS_ROW}-{letter}{MINUS_ROW}"), CellStyle(fmt=COUNT, bold=True))
        if j:
            prev = get_column_letter(col - 1)
            for k, r in enumerate((PLUS_ROW, MINUS_ROW, DIFF_ROW)):
                put(ws, CHANGES_ROW + k, col, Formula(f"={letter}{r}-{prev}{r}"), CellStyle(fmt=SIGNED))
        put(ws, RATIO_ROW, col, Formula(f"={letter}{MINUS_ROW}/{letter}{PLUS_ROW}"), CellStyle(fmt=RATIO))
    for r, text in ((PLUS_ROW, flows.labels[0]), (MINUS_ROW, flows.labels[1]), (DIFF_ROW, "差")):
        put(ws, r, 1, text, CellStyle(bold=r == DIFF_ROW, align="center"))
    for k, text in enumerate(flows.change_labels):
        put(ws, CHANGES_ROW + k, 1, text, CellStyle(align="center"))
    put(ws, RATIO_ROW, 1, flows.ratio_label, CellStyle(align="center"))
    last_col = 1 + len(years)
    rule(ws, PLUS_ROW, DIFF_ROW, 1, last_col)
    sheet.header(DIFF_ROW + 1, ["増減の推移", *years], fit=False)
    rule(ws, CHANGES_ROW, RATIO_ROW, 1, last_col)


def _chart(sheet: Sheet, flows: Flows, last_col: int) -> None:
    """The two flows as columns and 差 as a line on a second axis."""
    ws = sheet.ws
    bars = column_chart(f"{flows.title}（人）", COUNT_AXIS)
    bars.add_data(
        Reference(ws, min_col=1, max_col=last_col, min_row=PLUS_ROW, max_row=MINUS_ROW),
        from_rows=True,
        titles_from_data=True,
    )
    bars.set_categories(Reference(ws, min_col=2, max_col=last_col, min_row=TOP))
    line = line_chart(flows.title, '#,##0;"△"#,##0')
    line.add_data(
        Reference(ws, min_col=1, max_col=last_col, min_row=DIFF_ROW, max_row=DIFF_ROW),
        from_rows=True,
        titles_from_data=True,
    )
    line.y_axis.axId = 200
    line.y_axis.crosses = "max"
    bars += line
    sheet.chart(CHART_ROW, bars, CHART_CM + 1)

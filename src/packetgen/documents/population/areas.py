"""地域別人口: the 8 areas' figures of each year and kind several areas share (住民基本台帳 with its
構成比), totalled only where every area is known, as bars; then the census figures the sources give
for single areas, over time, as a scatter chart."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.utils import get_column_letter

from packetgen.analysis import population as pa
from packetgen.documents.population.charts import COUNT_AXIS, column_chart
from packetgen.documents.population.sheet import TOP, Column, Sheet, SheetContext, column_widths
from packetgen.inputs.population import AREAS
from packetgen.render.xlsx import COUNT, PERCENT, CellStyle, Formula, put, rule, shown
from packetgen.render.xlsx_charts import style_chart

TOTAL_ROW = TOP + 1 + len(AREAS)
HEADING = (
    "地域別人口の推移（8地域）",
    "単位：人　資料：住民基本台帳、各町村の推計人口・国勢調査、一関市人口ビジョン（独自推計）"
    "　※種別の異なる数値は比較に注意",
)
Key = tuple[int, str]  # (year, kind) of a column of figures


@dataclass(frozen=True)
class Figures:
    """The first table: the areas' figures (rows of the series) and a column per (year, kind) that
    several areas share, other than the census (which has its own table below)."""

    rows: pd.DataFrame
    names: list[str]  # the headers, 構成比 after the 住民基本台帳 column
    col_of: dict[Key, int]
    share_key: Key | None  # the column followed by its 構成比

    def values(self, key: Key) -> pd.DataFrame:
        return self.rows[(self.rows["year"] == key[0]) & (self.rows["kind"] == key[1])]

    def widths(self) -> list[Column]:
        columns: list[Column] = [("地域", [*AREAS, "合計"])]
        for key in self.col_of:
            values = self.values(key)["population"]
            columns.append((self.names[len(columns)], [shown(int(v), COUNT) for v in [*values, values.sum()]]))
            if key == self.share_key:
                columns.append(("構成比", ["100.0%"]))
        return columns


def figures_of(rows: pd.DataFrame) -> Figures:
    counts = rows.groupby(["year", "kind"])["region"].nunique()
    keys = [key for key, n in counts.items() if n >= 2 and not key[1].startswith(pa.CENSUS)]
    names = ["地域"] + [f"{y}年\n{k}" for y, k in keys]
    share_after = next((i for i, (_, k) in enumerate(keys) if k == "住民基本台帳"), None)
    share_key = None if share_after is None else keys[share_after]
    if share_after is not None:
        names.insert(share_after + 2, "構成比")
    col_of = {}
    c = 2
    for key in keys:
        col_of[key] = c
        c += 2 if key == share_key else 1
    return Figures(rows, names, col_of, share_key)


@dataclass(frozen=True)
class Censuses:
    """The census figures of single areas over time (only what sources give)."""

    rows: pd.DataFrame
    areas: list[str]
    charted: list[str]  # a line needs a few points
    years: list[int]

    def widths(self) -> list[Column]:
        return [("年", [str(int(y)) for y in self.years])] + [
            (a, [shown(int(v), COUNT) for v in self.rows[self.rows["region"] == a]["population"]]) for a in self.areas
        ]


def censuses_of(rows: pd.DataFrame) -> Censuses:
    census = rows[rows["kind"].str.startswith(pa.CENSUS)]
    areas = [a for a in AREAS if a in set(census["region"])]
    charted = [a for a in areas if (census["region"] == a).sum() >= 3]
    return Censuses(census, areas, charted, sorted(set(census["year"])))


def add_area_sheet(ctx: SheetContext) -> None:
    series = ctx.tables.series
    rows = series[series["region"].isin(AREAS)]
    figures, censuses = figures_of(rows), censuses_of(rows)
    sheet = ctx.sheet("地域別人口", column_widths(ctx.m, figures.widths(), censuses.widths()), HEADING)
    note = _figures_table(sheet, figures)
    _figures_chart(sheet, figures, note)
    t2 = note + 2
    last = _census_table(sheet, censuses, t2)
    _census_chart(sheet, censuses, t2, last + 2)
    sheet.finish(last + 2, [(1, note - 1), (note, note), (t2, last), (last + 2, last + 2)])


def _figures_table(sheet: Sheet, f: Figures) -> int:
    """The areas' figures from row TOP, a total where every area is known, else a note why not;
    returns the row after the notes."""
    ws = sheet.ws
    sheet.header(TOP, f.names)
    for i, area in enumerate(AREAS):
        r = TOP + 1 + i
        put(ws, r, 1, area, CellStyle(align="center"))
        for key, col in f.col_of.items():
            value = f.values(key)
            value = value[value["region"] == area]["population"]
            if len(value):
                put(ws, r, col, int(value.iloc[0]), CellStyle(fmt=COUNT))
            if key == f.share_key:
                letter = get_column_letter(col)
                put(ws, r, col + 1, Formula(f"={letter}{r}/{letter}${TOTAL_ROW}"), CellStyle(fmt=PERCENT))
    put(ws, TOTAL_ROW, 1, "合計", CellStyle(bold=True, align="center"))
    incomplete = []
    for key, col in f.col_of.items():
        letter = get_column_letter(col)
        have = set(f.values(key)["region"])
        if have == set(AREAS):
            total = Formula(f"=SUM({letter}{TOP + 1}:{letter}{TOTAL_ROW - 1})")
            put(ws, TOTAL_ROW, col, total, CellStyle(fmt=COUNT, bold=True))
        else:
            put(ws, TOTAL_ROW, col, "—", CellStyle(align="center"))
            incomplete.append(f"{key[0]}年{key[1]}：{'・'.join(a for a in AREAS if a not in have)}の値なし")
    rule(ws, TOP + 1, TOTAL_ROW, 1, len(f.names))
    note = TOTAL_ROW + 1
    for text in incomplete:
        sheet.note(note, f"※{text}（合計は表示しません）")
        note += 1
    return note


def _figures_chart(sheet: Sheet, f: Figures, row: int) -> None:
    bar = column_chart("地域別人口（人）", COUNT_AXIS)
    for col in f.col_of.values():
        bar.add_data(Reference(sheet.ws, min_col=col, min_row=TOP, max_row=TOTAL_ROW - 1), titles_from_data=True)
    bar.set_categories(Reference(sheet.ws, min_col=1, min_row=TOP + 1, max_row=TOTAL_ROW - 1))
    sheet.chart(row, bar)


def _census_table(sheet: Sheet, c: Censuses, t2: int) -> int:
    """The census figures from row ``t2`` (its title), a year a row; returns its last row."""
    ws = sheet.ws
    put(ws, t2, 1, "国勢調査人口（判明分）", CellStyle(bold=True))
    sheet.header(t2 + 1, ["年", *c.areas], fit=False)
    for i, year in enumerate(c.years):
        r = t2 + 2 + i
        put(ws, r, 1, int(year), CellStyle(align="center"))
        for j, area in enumerate(c.areas):
            value = c.rows[(c.rows["region"] == area) & (c.rows["year"] == year)]
            if len(value):
                put(ws, r, 2 + j, int(value["population"].iloc[0]), CellStyle(fmt=COUNT))
    last = t2 + 1 + len(c.years)
    rule(ws, t2 + 2, last, 1, 1 + len(c.areas))
    quick = c.rows[c.rows["kind"] != pa.CENSUS]
    if len(quick):
        row = quick.iloc[0]
        last += 1
        sheet.note(last, f"※{row['region']}の{int(row['year'])}年は{row['kind']}の値")
    return last


def _census_chart(sheet: Sheet, c: Censuses, t2: int, row: int) -> None:
    """A line of markers for each area with a few censuses, on a scale of years."""
    ws = sheet.ws
    scatter = ScatterChart(scatterStyle="lineMarker")  # required by the schema: Excel repairs without it
    scatter.style = 13
    xs = Reference(ws, min_col=1, min_row=t2 + 2, max_row=t2 + 1 + len(c.years))
    for j, area in enumerate(c.areas):
        if area not in c.charted:
            continue
        values = Reference(ws, min_col=2 + j, min_row=t2 + 1, max_row=t2 + 1 + len(c.years))
        series = Series(values, xs, title_from_data=True)
        series.marker.symbol = "circle"
        scatter.series.append(series)
    style_chart(scatter, "国勢調査人口の推移（判明分、人）")
    scatter.x_axis.scaling.min = int(min(c.years)) - 5
    scatter.x_axis.scaling.max = 2025
    scatter.y_axis.number_format = COUNT_AXIS
    sheet.chart(row, scatter)

"""人口推移: the city's and Japan's census populations by year, the change since the previous census
as the workbook's own formulas, both as an index (BASE_YEAR = 100), the city's other kinds of
figure, and two line charts."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pandas as pd
from openpyxl.chart import Reference
from openpyxl.styles import Alignment

from packetgen.analysis import population as pa
from packetgen.core import japanese
from packetgen.documents.population.charts import COUNT_AXIS, line_chart
from packetgen.documents.population.sheet import CHART_CM, TOP, Sheet, SheetContext, column_widths
from packetgen.inputs.population import CITY, JAPAN
from packetgen.render.xlsx import (
    COUNT,
    INDEX,
    PERCENT,
    SIGNED,
    CellStyle,
    Formula,
    Metrics,
    put,
    rule,
    shown,
    wrapped_text,
)

BASE_YEAR = 1985  # the first census year both the city (current boundary) and Japan have
NAMES = (
    "年",
    "和暦",
    "一関市",
    "5年前との差",
    "増減率",
    "全国",
    f"一関市（{BASE_YEAR}年=100）",
    f"全国（{BASE_YEAR}年=100）",
)
HEADING = (
    "人口の推移（一関市・全国）",
    "単位：人　資料：総務省「国勢調査」（各年10月1日現在、一関市は現市域）ほか　出典の詳細は入力ファイルの「出典」列",
)


@dataclass(frozen=True)
class Censuses:
    """The figures the sheet shows."""

    city: pd.DataFrame  # the city's census populations by year
    japan: pd.DataFrame
    index: pd.DataFrame  # both as an index, BASE_YEAR = 100
    years: list[int]  # every census year shown, the city's unknown ones too
    others: pd.DataFrame  # other kinds of figure for the city, kept apart from the census series


def censuses(series: pd.DataFrame) -> Censuses:
    city = pa.census(series, CITY)
    japan = pa.census(series, JAPAN)
    years = sorted(set(city.index) | set(japan.index) | set(range(int(city.index.min()), 2021, 5)))
    others = series[(series["region"] == CITY) & (series["kind"] != pa.CENSUS)].sort_values("year")
    return Censuses(city, japan, pa.indexed(series, (CITY, JAPAN), BASE_YEAR), years, others)


def add_trend_sheet(ctx: SheetContext) -> None:
    c = censuses(ctx.tables.series)
    sheet = ctx.sheet("人口推移", _widths(ctx.m, c), HEADING)
    last = _census_table(sheet, c)
    missing = [y for y in c.years if y not in c.city.index]
    note_row = last + 1
    if missing:
        sheet.note(
            note_row,
            f"※一関市（現市域）の{missing[0]}〜{missing[-1]}年の国勢調査人口は出典が得られないため空欄"
            "（1955年は会議資料の値）",
        )
        note_row += 1
    r0 = note_row + 1
    last_other = _other_figures(sheet, c, r0)
    charts = last_other + 2
    _charts(sheet, last, charts)
    # the tables, then both charts together
    sheet.finish(charts + 1, [(1, note_row), (r0, last_other), (charts, charts + 1)])


def _widths(m: Metrics, c: Censuses) -> list[float]:
    people = {int(y): int(c.city.loc[y, "population"]) for y in c.city.index}
    pairs = [(people[b], people[a]) for a, b in itertools.pairwise(c.years) if a in people and b in people]
    indices = [float(v) for v in c.index.to_numpy().ravel() if pd.notna(v)] if len(c.index) else []
    shown_values = [
        [str(y) for y in c.years],
        [japanese.wareki_year(int(y)) for y in c.years],
        [shown(v, COUNT) for v in [*people.values(), *c.others["population"]]],
        [shown(b - a, SIGNED) for b, a in pairs],
        [shown(b / a - 1, PERCENT) for b, a in pairs],
        [shown(int(v), COUNT) for v in c.japan["population"]],
        [shown(v, INDEX) for v in indices],
        [shown(v, INDEX) for v in indices],
    ]
    widths = column_widths(m, list(zip(NAMES, shown_values, strict=True)))
    kinds = [str(k) for k in c.others["kind"]]
    short = max([m.text_units(k) for k in kinds] + [0]) - widths[3] - widths[4]
    if short > 0:  # 種別 spans D:E in the second table
        widths[4] += short
    return widths


def _census_table(sheet: Sheet, c: Censuses) -> int:
    """The census table from row TOP; returns its last row."""
    ws = sheet.ws
    sheet.header(TOP, NAMES)
    for i, year in enumerate(c.years):
        r = TOP + 1 + i
        put(ws, r, 1, year, CellStyle(align="center"))
        put(ws, r, 2, japanese.wareki_year(year), CellStyle(align="center"))
        if year in c.city.index:
            put(ws, r, 3, int(c.city.loc[year, "population"]), CellStyle(fmt=COUNT))
        if i:
            prev = r - 1
            known = f"AND(ISNUMBER(C{r}),ISNUMBER(C{prev}))"
            put(ws, r, 4, Formula(f'=IF({known},C{r}-C{prev},"")'), CellStyle(fmt=SIGNED))
            put(ws, r, 5, Formula(f'=IF({known},C{r}/C{prev}-1,"")'), CellStyle(fmt=PERCENT))
        if year in c.japan.index:
            put(ws, r, 6, int(c.japan.loc[year, "population"]), CellStyle(fmt=COUNT))
        for col, region in ((7, CITY), (8, JAPAN)):
            if region in c.index and year in c.index.index and pd.notna(c.index.loc[year, region]):
                put(ws, r, col, round(float(c.index.loc[year, region]), 1), CellStyle(fmt=INDEX))
    last = TOP + len(c.years)
    rule(ws, TOP + 1, last, 1, len(NAMES))
    return last


def _other_figures(sheet: Sheet, c: Censuses, r0: int) -> int:
    """The city's other figures from row ``r0`` (種別 across D:E), and the gap between the census and
    the city's own estimate of the same year; returns the last row."""
    ws = sheet.ws
    put(ws, r0, 1, "その他の数値（一関市）", CellStyle(bold=True))
    sheet.header(r0 + 1, ["年", "和暦", "人口", "種別", ""], fit=False)
    for i, row in enumerate(c.others.itertuples()):
        r = r0 + 2 + i
        put(ws, r, 1, int(row.year), CellStyle(align="center"))
        put(ws, r, 2, japanese.wareki_year(int(row.year)), CellStyle(align="center"))
        put(ws, r, 3, int(row.population), CellStyle(fmt=COUNT))
        put(ws, r, 4, row.kind)
    last = r0 + 1 + len(c.others)
    for r in range(r0 + 1, last + 1):
        ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
    rule(ws, r0 + 2, last, 1, 5)
    estimate = c.others[c.others["kind"] == "独自推計"]
    if not estimate.empty and int(estimate["year"].iloc[0]) in c.city.index:
        year = int(estimate["year"].iloc[0])
        census_row = TOP + 1 + c.years.index(year)
        est_row = r0 + 2 + list(c.others["kind"]).index("独自推計")
        wrapped_text(ws, sheet.m, (last + 1, 1, 2), f"{year}年 国勢調査と独自推計の差")
        put(ws, last + 1, 3, Formula(f"=C{census_row}-C{est_row}"), CellStyle(fmt=SIGNED))
        ws.cell(row=last + 1, column=3).alignment = Alignment(vertical="top")
        last += 1
    return last


def _charts(sheet: Sheet, last: int, row: int) -> None:
    """The city's census populations, and both as an index, in rows ``row`` and ``row + 1``."""
    ws = sheet.ws
    cats = Reference(ws, min_col=1, min_row=TOP + 1, max_row=last)
    chart = line_chart("一関市の人口（国勢調査、人）", COUNT_AXIS)
    chart.add_data(Reference(ws, min_col=3, min_row=TOP, max_row=last), titles_from_data=True)
    chart.set_categories(cats)
    chart.series[0].marker.symbol = "circle"  # 1955 stands alone: a line alone would not show it
    indexed = line_chart(f"人口の推移（{BASE_YEAR}年=100）")
    indexed.add_data(Reference(ws, min_col=7, max_col=8, min_row=TOP, max_row=last), titles_from_data=True)
    indexed.set_categories(cats)
    sheet.chart(row, chart, CHART_CM + 2)
    sheet.chart(row + 1, indexed, CHART_CM + 2)

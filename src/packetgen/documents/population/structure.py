"""人口構造: the three age groups of each region and point in time (the city first), counts and
shares, as bars; then Japan's population pyramid (men and women by five-year band)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from packetgen.analysis import population as pa
from packetgen.documents.population.charts import column_chart
from packetgen.documents.population.sheet import CHART_CM, TOP, Column, Sheet, SheetContext, column_widths
from packetgen.inputs.population import BANDS, CITY, JAPAN
from packetgen.render.xlsx import COUNT, PERCENT, CellStyle, Formula, fit_row, put, rule, shown
from packetgen.render.xlsx_charts import style_chart

BAND_NAMES = [name for name, _, _ in BANDS]
TOTAL_ROW = TOP + 1 + len(BAND_NAMES)
PYRAMID_NAMES = ["年齢", "男", "女", "男（構成比）", "女（構成比）"]
SHARE = "0.0%;0.0%"  # a share without sign: the men's are stored negative
HEADING = (
    "人口構造（一関市・全国）",
    "単位：人、構成比　資料：一関市地域再生計画（岩手県「人口移動報告年報」を引用）、"
    "総務省「国勢調査」2020年（年齢不詳を除く）",
)
NOTES = (
    "※一関市の男女・5歳階級別人口（人口ピラミッド）は、会議資料の出典"
    "（岩手県人口移動報告年報 令和3年10月1日現在）の数値が得られないため掲載していません。"
    "一関市は年齢3区分で比較しています。",
    "※全国は会議資料では総務省「人口推計」2021年10月1日現在ですが、5歳階級別の数値が得られないため"
    "2020年国勢調査（年齢不詳を除く）で代替しています。構成比は年齢の判明している人口に対する割合です。",
)


@dataclass(frozen=True)
class Structure:
    bands: pd.DataFrame  # the three age groups' counts per region and point in time
    groups: list[tuple[str, str]]  # (region, point in time), the city first
    pyramid: pd.DataFrame  # Japan's men and women by five-year band

    def part(self, region: str, when: str) -> pd.DataFrame:
        return self.bands[(self.bands["region"] == region) & (self.bands["when"] == when)]

    def widths(self) -> tuple[list[Column], list[Column]]:
        first: list[Column] = [("区分", [])]
        for region, when in self.groups:
            counts = self.part(region, when)["count"]
            first.append((f"{region}\n{when}", [shown(int(v), COUNT) for v in [*counts, counts.sum()]]))
            first.append(("構成比", ["100.0%"]))
        p = self.pyramid
        second = [
            ("年齢", list(p["band"])),
            ("男", [shown(int(v), COUNT) for v in p["male"]]),
            ("女", [shown(int(v), COUNT) for v in p["female"]]),
            ("男（構成比）", [shown(float(v), SHARE) for v in p["male_share"]]),
            ("女（構成比）", [shown(float(v), SHARE) for v in p["female_share"]]),
        ]
        return first, second


def structure_of(age: pd.DataFrame) -> Structure:
    bands = pa.age_bands(age)
    groups = list(dict.fromkeys(zip(bands["region"], bands["when"], strict=True)))
    groups.sort(key=lambda g: g[0] != CITY)  # the city first, then the comparison
    return Structure(bands, groups, pa.pyramid_shares(age, JAPAN))


def add_structure_sheet(ctx: SheetContext) -> None:
    s = structure_of(ctx.tables.age)
    first, second = s.widths()
    widths = column_widths(ctx.m, first, second, labels=BAND_NAMES)  # a band's row is as tall as its name
    sheet = ctx.sheet("人口構造", widths, HEADING)
    _bands_table(sheet, s, [name for name, _ in first])
    bar_row = TOTAL_ROW + 2
    _bands_chart(sheet, s, bar_row)
    for i, text in enumerate(NOTES):
        sheet.note(bar_row + 1 + i, text)
    t2 = bar_row + len(NOTES) + 2
    last = _pyramid_table(sheet, s, t2)
    _pyramid_chart(sheet, t2, last)
    sheet.finish(last + 2, [(1, TOTAL_ROW), (bar_row, bar_row + len(NOTES)), (t2, last), (last + 2, last + 2)])


def _bands_table(sheet: Sheet, s: Structure, names: list[str]) -> None:
    """The age groups from row TOP: for each region and point in time, counts and shares (formulas)."""
    ws = sheet.ws
    sheet.header(TOP, names)
    for i, name in enumerate(BAND_NAMES):
        put(ws, TOP + 1 + i, 1, name, CellStyle(wrap=True))  # a band's name may take two lines: the row centres
        fit_row(ws, sheet.m, TOP + 1 + i, 1, 1)
    put(ws, TOTAL_ROW, 1, "計", CellStyle(bold=True, align="center"))
    for g, (region, when) in enumerate(s.groups):
        col = 2 + 2 * g
        letter = get_column_letter(col)
        part = s.part(region, when).set_index("band")
        for i, name in enumerate(BAND_NAMES):
            r = TOP + 1 + i
            put(ws, r, col, int(part.loc[name, "count"]), CellStyle(fmt=COUNT))
            put(ws, r, col + 1, Formula(f"={letter}{r}/{letter}${TOTAL_ROW}"), CellStyle(fmt=PERCENT))
        total = Formula(f"=SUM({letter}{TOP + 1}:{letter}{TOTAL_ROW - 1})")
        put(ws, TOTAL_ROW, col, total, CellStyle(fmt=COUNT, bold=True))
        put(ws, TOTAL_ROW, col + 1, Formula(f"={letter}{TOTAL_ROW}/{letter}${TOTAL_ROW}"), CellStyle(fmt=PERCENT))
    rule(ws, TOP + 1, TOTAL_ROW, 1, len(names))
    for r in range(TOP + 1, TOTAL_ROW):
        for c in range(2, len(names) + 1):
            ws.cell(row=r, column=c).alignment = Alignment(vertical="center")


def _bands_chart(sheet: Sheet, s: Structure, row: int) -> None:
    """The shares of each region and point in time, side by side for each age group."""
    bar = column_chart("年齢3区分別の構成比", "0%")
    for g, group in enumerate(s.groups):
        shares = Reference(sheet.ws, min_col=3 + 2 * g, min_row=TOP + 1, max_row=TOTAL_ROW - 1)
        bar.series.append(Series(shares, title=" ".join(group)))
    bar.set_categories(Reference(sheet.ws, min_col=1, min_row=TOP + 1, max_row=TOTAL_ROW - 1))
    sheet.chart(row, bar, CHART_CM - 1)


def _pyramid_table(sheet: Sheet, s: Structure, t2: int) -> int:
    """Japan's pyramid from row ``t2`` (its title); returns its last row."""
    ws = sheet.ws
    put(ws, t2, 1, f"{JAPAN}の男女・5歳階級別人口（人口ピラミッド）", CellStyle(bold=True))
    sheet.header(t2 + 1, PYRAMID_NAMES)
    for i, row in enumerate(s.pyramid.itertuples()):
        r = t2 + 2 + i
        put(ws, r, 1, row.band, CellStyle(align="center"))
        put(ws, r, 2, int(row.male), CellStyle(fmt=COUNT))
        put(ws, r, 3, int(row.female), CellStyle(fmt=COUNT))
        # the male share is stored negative so the pyramid's bars grow to the left
        put(ws, r, 4, -round(float(row.male_share), 6), CellStyle(fmt=SHARE))
        put(ws, r, 5, round(float(row.female_share), 6), CellStyle(fmt="0.0%"))
    last = t2 + 1 + len(s.pyramid)
    rule(ws, t2 + 2, last, 1, len(PYRAMID_NAMES))
    return last


def _pyramid_chart(sheet: Sheet, t2: int, last: int) -> None:
    """Men to the left, women to the right, in the row after the table's next."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.overlap = 100
    chart.gapWidth = 10
    chart.add_data(Reference(sheet.ws, min_col=4, max_col=5, min_row=t2 + 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=t2 + 2, max_row=last))
    style_chart(chart, f"人口ピラミッド（{JAPAN}・構成比）")
    chart.y_axis.number_format = "0%;0%"
    chart.x_axis.tickLblPos = "low"
    sheet.chart(last + 2, chart, CHART_CM + 2)

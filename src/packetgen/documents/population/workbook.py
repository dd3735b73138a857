"""The population workbook's implementation (pandas, openpyxl), loaded only when it is built.

Sheets follow the seed: 人口推移, 地域別人口, 人口構造, 自然動態, 社会動態, 転入・転出, 分析結果.
The workbook computes its own differences (formulas); pandas computes the same figures to check the
inputs (inputs/population_checks.py) and to fill the 分析結果 text (analysis/population_claims.py).
Unknown figures stay blank and the sheet says so.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference, ScatterChart, Series
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from packetgen.analysis import population as pa
from packetgen.analysis.population_claims import fill_findings
from packetgen.core import japanese
from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext
from packetgen.inputs.population import AREAS, BANDS, CITY, JAPAN
from packetgen.inputs.population_checks import load_inputs
from packetgen.render import text_fit
from packetgen.render.xlsx import (
    CELL_PAD_PT,
    COUNT,
    INDEX,
    PERCENT,
    RATIO,
    SIGNED,
    CellStyle,
    Formula,
    Metrics,
    Page,
    chart_row,
    fill_heights,
    fit_row,
    header_row,
    lay_out_columns,
    metrics,
    paginate,
    print_setup,
    put,
    row_height,
    rule,
    save_workbook,
    sheet_heading,
    shown,
    style_chart,
    wrapped_text,
)

BASE_YEAR = 1985  # the first census year both the city (current boundary) and Japan have


@dataclass(frozen=True)
class PopulationData:
    series: pd.DataFrame
    natural: pd.DataFrame
    social: pd.DataFrame
    migration: pd.DataFrame
    age: pd.DataFrame
    findings: list[str]
    notices: list[str] = field(default_factory=list)  # claims the inputs hold no figures for


def load(ctx: BuildContext, problems: list[Problem]) -> PopulationData | None:
    inputs = load_inputs(ctx, problems)
    if inputs is None:
        return None
    filled = fill_findings(inputs, problems)
    if filled is None:
        return None
    t = inputs.tables
    return PopulationData(t.series, t.natural, t.social, t.migration, t.age, filled.texts, filled.notices)


def render(ctx: BuildContext, data: PopulationData) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    label = ctx.label
    m = metrics(ctx.fonts)  # widths and wraps in the font the workbook is drawn in
    _trend_sheet(wb, m, data, label)
    _area_sheet(wb, m, data, label)
    _structure_sheet(wb, m, data, label)
    _dynamics_sheet(
        wb,
        m,
        data.natural,
        "自然動態",
        "人口増減（自然動態）",
        ("出生", "死亡"),
        ("births", "deaths"),
        "死亡数／出生数",
        label,
    )
    _dynamics_sheet(
        wb,
        m,
        data.social,
        "社会動態",
        "人口増減（社会動態）",
        ("転入", "転出"),
        ("moves_in", "moves_out"),
        "転出数／転入数",
        label,
    )
    _migration_sheet(wb, m, data, label)
    _findings_sheet(wb, m, data, label)
    return save_workbook(wb, ctx.timestamp, ctx.entry.title, ctx.fonts)


# --- sheets ------------------------------------------------------------------------------------
# Each sheet is laid out for A4 at 100 % (render/xlsx.py): column widths from what the cells show,
# portrait or landscape by the columns' width, then blocks stacked top to bottom (a table, a chart in
# a row of its own, a note) with a page break before a block that would not fit. Nothing is fitted
# to a page, so text prints at its own size: tables 10 pt, findings 12 pt, charts 10 pt.
CHART_CM = 10.0  # a chart's height; its width is the page's


def _widths(
    m: Metrics,
    *tables: Sequence[tuple[str, Iterable[str]]],
    minimum: float = 6,
    labels: Sequence[str] = (),
) -> list[float]:
    """Column widths for tables sharing the sheet's columns: the largest any of them needs for its
    longest shown value and its header; headers, and the row ``labels`` of column A, wrap as little
    as portrait A4 allows (one line, else two, else three)."""
    tables = tuple([(name, list(values)) for name, values in table] for table in tables)
    for lines in (1, 2, 3):
        widths = [max((m.header_units(label, lines, bold=False) for label in labels), default=0)]
        for table in tables:
            for i, (name, values) in enumerate(table):
                need = max([m.header_units(name, lines), minimum, *(m.text_units(v) for v in values)])
                widths[i : i + 1] = [max(widths[i], need) if i < len(widths) else need]
        if sum(math.ceil(w * 4) / 4 for w in widths) <= Page(m.unit, "portrait").units:
            break
    return widths


def _finish(ws, page: Page, last_col: int, last_row: int, blocks, label: str, title: str) -> None:
    """Heights for every row, page breaks between the blocks (rows kept on one page), print set-up."""
    fill_heights(ws, last_row)
    paginate(ws, last_row, blocks, page)
    print_setup(ws, f"A1:{get_column_letter(last_col)}{last_row}", label, title, page)


def _trend_sheet(wb: Workbook, m: Metrics, data: PopulationData, label: str) -> None:
    ws = wb.create_sheet("人口推移")
    city = pa.census(data.series, CITY)
    japan = pa.census(data.series, JAPAN)
    index = pa.indexed(data.series, (CITY, JAPAN), BASE_YEAR)
    years = sorted(set(city.index) | set(japan.index) | set(range(int(city.index.min()), 2021, 5)))
    # other kinds of figure for the city, kept apart from the census series
    others = data.series[(data.series["region"] == CITY) & (data.series["kind"] != pa.CENSUS)].sort_values("year")
    people = {int(y): int(city.loc[y, "population"]) for y in city.index}
    pairs = [(people[b], people[a]) for a, b in itertools.pairwise(years) if a in people and b in people]
    indices = [float(v) for v in index.to_numpy().ravel() if pd.notna(v)] if len(index) else []
    names = [
        "年",
        "和暦",
        "一関市",
        "5年前との差",
        "増減率",
        "全国",
        f"一関市（{BASE_YEAR}年=100）",
        f"全国（{BASE_YEAR}年=100）",
    ]
    wareki = [japanese.wareki_year(int(y)) for y in years]
    widths = _widths(
        m,
        [
            (names[0], [str(y) for y in years]),
            (names[1], wareki),
            (names[2], [shown(v, COUNT) for v in [*people.values(), *others["population"]]]),
            (names[3], [shown(b - a, SIGNED) for b, a in pairs]),
            (names[4], [shown(b / a - 1, PERCENT) for b, a in pairs]),
            (names[5], [shown(int(v), COUNT) for v in japan["population"]]),
            (names[6], [shown(v, INDEX) for v in indices]),
            (names[7], [shown(v, INDEX) for v in indices]),
        ],
    )
    kinds = [str(k) for k in others["kind"]]
    short = max([m.text_units(k) for k in kinds] + [0]) - widths[3] - widths[4]
    if short > 0:  # 種別 spans D:E in the second table
        widths[4] += short
    page, last_col = lay_out_columns(ws, m, widths)
    sheet_heading(
        ws,
        m,
        "人口の推移（一関市・全国）",
        "単位：人　資料：総務省「国勢調査」（各年10月1日現在、一関市は現市域）ほか"
        "　出典の詳細は入力ファイルの「出典」列",
        last_col,
    )
    top = 4
    header_row(ws, top, 1, names)
    fit_row(ws, m, top, 1, 8)
    for i, year in enumerate(years):
        r = top + 1 + i
        put(ws, r, 1, year, CellStyle(align="center"))
        put(ws, r, 2, japanese.wareki_year(year), CellStyle(align="center"))
        if year in city.index:
            put(ws, r, 3, int(city.loc[year, "population"]), CellStyle(fmt=COUNT))
        if i:
            prev = r - 1
            put(ws, r, 4, Formula(f'=IF(AND(ISNUMBER(C{r}),ISNUMBER(C{prev})),C{r}-C{prev},"")'), CellStyle(fmt=SIGNED))
            put(
                ws,
                r,
                5,
                Formula(f'=IF(AND(ISNUMBER(C{r}),ISNUMBER(C{prev})),C{r}/C{prev}-1,"")'),
                CellStyle(fmt=PERCENT),
            )
        if year in japan.index:
            put(ws, r, 6, int(japan.loc[year, "population"]), CellStyle(fmt=COUNT))
        for col, region in ((7, CITY), (8, JAPAN)):
            if region in index and year in index.index and pd.notna(index.loc[year, region]):
                put(ws, r, col, round(float(index.loc[year, region]), 1), CellStyle(fmt=INDEX))
    last = top + len(years)
    rule(ws, top + 1, last, 1, 8)
    missing = [y for y in years if y not in city.index]
    note_row = last + 1
    if missing:
        wrapped_text(
            ws,
            m,
            (note_row, 1, last_col),
            f"※一関市（現市域）の{missing[0]}〜{missing[-1]}年の国勢調査人口は出典が得られないため空欄"
            "（1955年は会議資料の値）",
        )
        note_row += 1
    r0 = note_row + 1
    put(ws, r0, 1, "その他の数値（一関市）", CellStyle(bold=True))
    header_row(ws, r0 + 1, 1, ["年", "和暦", "人口", "種別", ""])
    for i, row in enumerate(others.itertuples()):
        r = r0 + 2 + i
        put(ws, r, 1, int(row.year), CellStyle(align="center"))
        put(ws, r, 2, japanese.wareki_year(int(row.year)), CellStyle(align="center"))
        put(ws, r, 3, int(row.population), CellStyle(fmt=COUNT))
        put(ws, r, 4, row.kind)
    last_other = r0 + 1 + len(others)
    for r in range(r0 + 1, last_other + 1):
        ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
    rule(ws, r0 + 2, last_other, 1, 5)
    estimate = others[others["kind"] == "独自推計"]
    if not estimate.empty and int(estimate["year"].iloc[0]) in city.index:
        year = int(estimate["year"].iloc[0])
        census_row = top + 1 + years.index(year)
        est_row = r0 + 2 + list(others["kind"]).index("独自推計")
        wrapped_text(ws, m, (last_other + 1, 1, 2), f"{year}年 国勢調査と独自推計の差")
        put(ws, last_other + 1, 3, Formula(f"=C{census_row}-C{est_row}"), CellStyle(fmt=SIGNED))
        ws.cell(row=last_other + 1, column=3).alignment = Alignment(vertical="top")
        last_other += 1

    cats = Reference(ws, min_col=1, min_row=top + 1, max_row=last)
    chart = LineChart()
    chart.add_data(Reference(ws, min_col=3, min_row=top, max_row=last), titles_from_data=True)
    chart.set_categories(cats)
    style_chart(chart, "一関市の人口（国勢調査、人）")
    chart.y_axis.number_format = "#,##0"
    chart.series[0].marker.symbol = "circle"  # 1955 stands alone: a line alone would not show it
    chart2 = LineChart()
    chart2.add_data(Reference(ws, min_col=7, max_col=8, min_row=top, max_row=last), titles_from_data=True)
    chart2.set_categories(cats)
    style_chart(chart2, f"人口の推移（{BASE_YEAR}年=100）")
    c1 = last_other + 2
    chart_row(ws, c1, chart, page.chart_width_cm(), CHART_CM + 2)
    chart_row(ws, c1 + 1, chart2, page.chart_width_cm(), CHART_CM + 2)
    # the tables, then both charts together
    _finish(ws, page, last_col, c1 + 1, [(1, note_row), (r0, last_other), (c1, c1 + 1)], label, "人口推移")


def _area_sheet(wb: Workbook, m: Metrics, data: PopulationData, label: str) -> None:
    ws = wb.create_sheet("地域別人口")
    s = data.series[data.series["region"].isin(AREAS)]
    counts = s.groupby(["year", "kind"])["region"].nunique()
    # figures several areas share, other than the census (which has its own table below)
    columns = [key for key, n in counts.items() if n >= 2 and not key[1].startswith(pa.CENSUS)]
    top = 4
    names = ["地域"] + [f"{y}年\n{k}" for y, k in columns]
    share_after = next((i for i, (_, k) in enumerate(columns) if k == "住民基本台帳"), None)
    if share_after is not None:
        names.insert(share_after + 2, "構成比")
    col_of = {}
    c = 2
    for key in columns:
        col_of[key] = c
        c += 2 if share_after is not None and key == columns[share_after] else 1
    last_col = c - 1
    total_row = top + 1 + len(AREAS)
    # census figures of single areas over time (only what sources give)
    census = s[s["kind"].str.startswith(pa.CENSUS)]
    areas = [a for a in AREAS if a in set(census["region"])]
    charted = [a for a in areas if (census["region"] == a).sum() >= 3]  # a line needs a few points
    years = sorted(set(census["year"]))

    def figures(key) -> list[str]:
        values = s[(s["year"] == key[0]) & (s["kind"] == key[1])]["population"]
        return [shown(int(v), COUNT) for v in [*values, values.sum()]]

    first = [("地域", [*AREAS, "合計"])]
    for key in columns:
        first.append((names[len(first)], figures(key)))
        if share_after is not None and key == columns[share_after]:
            first.append(("構成比", ["100.0%"]))
    second = [("年", [str(int(y)) for y in years])] + [
        (a, [shown(int(v), COUNT) for v in census[census["region"] == a]["population"]]) for a in areas
    ]
    page, print_col = lay_out_columns(ws, m, _widths(m, first, second))
    sheet_heading(
        ws,
        m,
        "地域別人口の推移（8地域）",
        "単位：人　資料：住民基本台帳、各町村の推計人口・国勢調査、一関市人口ビジョン（独自推計）"
        "　※種別の異なる数値は比較に注意",
        print_col,
    )
    header_row(ws, top, 1, names)
    fit_row(ws, m, top, 1, last_col)
    for i, area in enumerate(AREAS):
        r = top + 1 + i
        put(ws, r, 1, area, CellStyle(align="center"))
        for key, col in col_of.items():
            value = s[(s["region"] == area) & (s["year"] == key[0]) & (s["kind"] == key[1])]["population"]
            if len(value):
                put(ws, r, col, int(value.iloc[0]), CellStyle(fmt=COUNT))
            if share_after is not None and key == columns[share_after]:
                letter = get_column_letter(col)
                put(ws, r, col + 1, Formula(f"={letter}{r}/{letter}${total_row}"), CellStyle(fmt=PERCENT))
    put(ws, total_row, 1, "合計", CellStyle(bold=True, align="center"))
    incomplete = []
    for key, col in col_of.items():
        letter = get_column_letter(col)
        have = set(s[(s["year"] == key[0]) & (s["kind"] == key[1])]["region"])
        if have == set(AREAS):
            put(
                ws,
                total_row,
                col,
                Formula(f"=SUM({letter}{top + 1}:{letter}{total_row - 1})"),
                CellStyle(fmt=COUNT, bold=True),
            )
        else:
            put(ws, total_row, col, "—", CellStyle(align="center"))
            incomplete.append(f"{key[0]}年{key[1]}：{'・'.join(a for a in AREAS if a not in have)}の値なし")
    rule(ws, top + 1, total_row, 1, last_col)
    note = total_row + 1
    for text in incomplete:
        wrapped_text(ws, m, (note, 1, print_col), f"※{text}（合計は表示しません）")
        note += 1

    bar = BarChart()
    bar.type = "col"
    for col in col_of.values():
        bar.add_data(Reference(ws, min_col=col, min_row=top, max_row=total_row - 1), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=total_row - 1))
    style_chart(bar, "地域別人口（人）")
    bar.y_axis.number_format = "#,##0"
    chart_row(ws, note, bar, page.chart_width_cm(), CHART_CM)

    t2 = note + 2
    put(ws, t2, 1, "国勢調査人口（判明分）", CellStyle(bold=True))
    header_row(ws, t2 + 1, 1, ["年", *areas])
    for i, year in enumerate(years):
        r = t2 + 2 + i
        put(ws, r, 1, int(year), CellStyle(align="center"))
        for j, area in enumerate(areas):
            value = census[(census["region"] == area) & (census["year"] == year)]
            if len(value):
                put(ws, r, 2 + j, int(value["population"].iloc[0]), CellStyle(fmt=COUNT))
    last = t2 + 1 + len(years)
    rule(ws, t2 + 2, last, 1, 1 + len(areas))
    quick = census[census["kind"] != pa.CENSUS]
    if len(quick):
        row = quick.iloc[0]
        last += 1
        wrapped_text(ws, m, (last, 1, print_col), f"※{row['region']}の{int(row['year'])}年は{row['kind']}の値")
    scatter = ScatterChart(scatterStyle="lineMarker")  # required by the schema: Excel repairs without it
    scatter.style = 13
    xs = Reference(ws, min_col=1, min_row=t2 + 2, max_row=t2 + 1 + len(years))
    for j, area in enumerate(areas):
        if area not in charted:
            continue
        values = Reference(ws, min_col=2 + j, min_row=t2 + 1, max_row=t2 + 1 + len(years))
        series = Series(values, xs, title_from_data=True)
        series.marker.symbol = "circle"
        scatter.series.append(series)
    style_chart(scatter, "国勢調査人口の推移（判明分、人）")
    scatter.x_axis.scaling.min = int(min(years)) - 5
    scatter.x_axis.scaling.max = 2025
    scatter.y_axis.number_format = "#,##0"
    chart_row(ws, last + 2, scatter, page.chart_width_cm(), CHART_CM)
    blocks = [(1, note - 1), (note, note), (t2, last), (last + 2, last + 2)]
    _finish(ws, page, print_col, last + 2, blocks, label, "地域別人口")


def _structure_sheet(wb: Workbook, m: Metrics, data: PopulationData, label: str) -> None:
    ws = wb.create_sheet("人口構造")
    bands = pa.age_bands(data.age)
    groups = list(dict.fromkeys(zip(bands["region"], bands["when"], strict=True)))
    groups.sort(key=lambda g: g[0] != CITY)  # the city first, then the comparison
    band_names = [b[0] for b in BANDS]
    pyramid = pa.pyramid_shares(data.age, JAPAN)
    first = [("区分", [])]
    for region, when in groups:
        part = bands[(bands["region"] == region) & (bands["when"] == when)]
        first.append((f"{region}\n{when}", [shown(int(v), COUNT) for v in [*part["count"], part["count"].sum()]]))
        first.append(("構成比", ["100.0%"]))
    pyramid_names = ["年齢", "男", "女", "男（構成比）", "女（構成比）"]
    second = [
        ("年齢", list(pyramid["band"])),
        ("男", [shown(int(v), COUNT) for v in pyramid["male"]]),
        ("女", [shown(int(v), COUNT) for v in pyramid["female"]]),
        ("男（構成比）", [shown(float(v), "0.0%;0.0%") for v in pyramid["male_share"]]),
        ("女（構成比）", [shown(float(v), "0.0%;0.0%") for v in pyramid["female_share"]]),
    ]
    widths = _widths(m, first, second, labels=band_names)  # a band's row is as tall as its name
    page, print_col = lay_out_columns(ws, m, widths)
    sheet_heading(
        ws,
        m,
        "人口構造（一関市・全国）",
        "単位：人、構成比　資料：一関市地域再生計画（岩手県「人口移動報告年報」を引用）、"
        "総務省「国勢調査」2020年（年齢不詳を除く）",
        print_col,
    )
    top = 4
    header_row(ws, top, 1, [name for name, _ in first])
    last_col = len(first)
    fit_row(ws, m, top, 1, last_col)
    total = top + 1 + len(band_names)
    for i, name in enumerate(band_names):
        put(ws, top + 1 + i, 1, name, CellStyle(wrap=True))  # a band's name may take two lines: the row centres
        fit_row(ws, m, top + 1 + i, 1, 1)
    put(ws, total, 1, "計", CellStyle(bold=True, align="center"))
    for g, (region, when) in enumerate(groups):
        col = 2 + 2 * g
        letter = get_column_letter(col)
        part = bands[(bands["region"] == region) & (bands["when"] == when)].set_index("band")
        for i, name in enumerate(band_names):
            r = top + 1 + i
            put(ws, r, col, int(part.loc[name, "count"]), CellStyle(fmt=COUNT))
            put(ws, r, col + 1, Formula(f"={letter}{r}/{letter}${total}"), CellStyle(fmt=PERCENT))
        put(ws, total, col, Formula(f"=SUM({letter}{top + 1}:{letter}{total - 1})"), CellStyle(fmt=COUNT, bold=True))
        put(ws, total, col + 1, Formula(f"={letter}{total}/{letter}${total}"), CellStyle(fmt=PERCENT))
    rule(ws, top + 1, total, 1, last_col)
    for r in range(top + 1, total):
        for c in range(2, last_col + 1):
            ws.cell(row=r, column=c).alignment = Alignment(vertical="center")

    bar = BarChart()
    bar.type = "col"
    for g in range(len(groups)):
        col = 3 + 2 * g
        s = Series(Reference(ws, min_col=col, min_row=top + 1, max_row=total - 1), title=" ".join(groups[g]))
        bar.series.append(s)
    bar.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=total - 1))
    style_chart(bar, "年齢3区分別の構成比")
    bar.y_axis.number_format = "0%"
    bar_row = total + 2
    chart_row(ws, bar_row, bar, page.chart_width_cm(), CHART_CM - 1)
    notes = [
        "※一関市の男女・5歳階級別人口（人口ピラミッド）は、会議資料の出典"
        "（岩手県人口移動報告年報 令和3年10月1日現在）の数値が得られないため掲載していません。"
        "一関市は年齢3区分で比較しています。",
        "※全国は会議資料では総務省「人口推計」2021年10月1日現在ですが、5歳階級別の数値が得られないため"
        "2020年国勢調査（年齢不詳を除く）で代替しています。構成比は年齢の判明している人口に対する割合です。",
    ]
    for i, text in enumerate(notes):
        wrapped_text(ws, m, (bar_row + 1 + i, 1, print_col), text)

    t2 = bar_row + len(notes) + 2
    put(ws, t2, 1, f"{JAPAN}の男女・5歳階級別人口（人口ピラミッド）", CellStyle(bold=True))
    header_row(ws, t2 + 1, 1, pyramid_names)
    fit_row(ws, m, t2 + 1, 1, len(pyramid_names))
    for i, row in enumerate(pyramid.itertuples()):
        r = t2 + 2 + i
        put(ws, r, 1, row.band, CellStyle(align="center"))
        put(ws, r, 2, int(row.male), CellStyle(fmt=COUNT))
        put(ws, r, 3, int(row.female), CellStyle(fmt=COUNT))
        # the male share is stored negative so the pyramid's bars grow to the left
        put(ws, r, 4, -round(float(row.male_share), 6), CellStyle(fmt="0.0%;0.0%"))
        put(ws, r, 5, round(float(row.female_share), 6), CellStyle(fmt="0.0%"))
    last = t2 + 1 + len(pyramid)
    rule(ws, t2 + 2, last, 1, 5)
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.overlap = 100
    chart.gapWidth = 10
    chart.add_data(Reference(ws, min_col=4, max_col=5, min_row=t2 + 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=t2 + 2, max_row=last))
    style_chart(chart, f"人口ピラミッド（{JAPAN}・構成比）")
    chart.y_axis.number_format = "0%;0%"
    chart.x_axis.tickLblPos = "low"
    chart_row(ws, last + 2, chart, page.chart_width_cm(), CHART_CM + 2)
    blocks = [(1, total), (bar_row, bar_row + len(notes)), (t2, last), (last + 2, last + 2)]
    _finish(ws, page, print_col, last + 2, blocks, label, "人口構造")


def _dynamics_sheet(
    wb: Workbook,
    m: Metrics,
    frame: pd.DataFrame,
    name: str,
    title: str,
    labels: tuple[str, str],
    keys: tuple[str, str],
    ratio_label: str,
    label: str,
) -> None:
    """The seed's table (years across, 差 below) with formulas, and columns + a line for 差."""
    ws = wb.create_sheet(name)
    top = 4
    years = list(frame["year"])
    plus, minus = frame[keys[0]].astype(int), frame[keys[1]].astype(int)
    diff = plus - minus
    row_labels = [
        *labels,
        "差",
        "増減の推移",
        f"{labels[0]}の前年差",
        f"{labels[1]}の前年差",
        "差の前年差",
        ratio_label,
    ]
    columns = [("", row_labels)] + [
        (
            str(year),
            [
                shown(v, SIGNED if k > 2 else COUNT)
                for k, v in enumerate([plus[j], minus[j], diff[j], plus[j], minus[j], diff[j]])
            ]
            + [shown(minus[j] / plus[j], RATIO)],
        )
        for j, year in enumerate(years)
    ]
    widths = _widths(m, columns)
    widths[1:] = [max(widths[1:])] * len(years)  # years alike
    page, print_col = lay_out_columns(ws, m, widths)
    sheet_heading(ws, m, title, "単位：人　資料：住民基本台帳", print_col)
    header_row(ws, top, 1, ["", *years])
    plus_row, minus_row, diff_row = top + 1, top + 2, top + 3
    for j, (_, row) in enumerate(frame.iterrows()):
        col = 2 + j
        letter = get_column_letter(col)
        put(ws, plus_row, col, int(row[keys[0]]), CellStyle(fmt=COUNT))
        put(ws, minus_row, col, int(row[keys[1]]), CellStyle(fmt=COUNT))
        put(ws, diff_row, col, Formula(f"={letter}{plus_row}-{letter}{minus_row}"), CellStyle(fmt=COUNT, bold=True))
        if j:
            prev = get_column_letter(col - 1)
            for k, r in enumerate((plus_row, minus_row, diff_row)):
                put(ws, diff_row + 2 + k, col, Formula(f"={letter}{r}-{prev}{r}"), CellStyle(fmt=SIGNED))
        put(ws, diff_row + 5, col, Formula(f"={letter}{minus_row}/{letter}{plus_row}"), CellStyle(fmt=RATIO))
    for r, text in ((plus_row, labels[0]), (minus_row, labels[1]), (diff_row, "差")):
        put(ws, r, 1, text, CellStyle(bold=r == diff_row, align="center"))
    for k, text in enumerate((f"{labels[0]}の前年差", f"{labels[1]}の前年差", "差の前年差")):
        put(ws, diff_row + 2 + k, 1, text, CellStyle(align="center"))
    put(ws, diff_row + 5, 1, ratio_label, CellStyle(align="center"))
    last_col = 1 + len(years)
    rule(ws, plus_row, diff_row, 1, last_col)
    header_row(ws, diff_row + 1, 1, ["増減の推移", *years])
    rule(ws, diff_row + 2, diff_row + 5, 1, last_col)

    bars = BarChart()
    bars.type = "col"
    bars.add_data(
        Reference(ws, min_col=1, max_col=last_col, min_row=plus_row, max_row=minus_row),
        from_rows=True,
        titles_from_data=True,
    )
    bars.set_categories(Reference(ws, min_col=2, max_col=last_col, min_row=top))
    line = LineChart()
    line.add_data(
        Reference(ws, min_col=1, max_col=last_col, min_row=diff_row, max_row=diff_row),
        from_rows=True,
        titles_from_data=True,
    )
    line.y_axis.axId = 200
    line.y_axis.crosses = "max"
    line.y_axis.number_format = '#,##0;"△"#,##0'
    style_chart(line, title)
    style_chart(bars, f"{title}（人）")
    bars.y_axis.number_format = "#,##0"
    bars += line
    chart = diff_row + 7
    chart_row(ws, chart, bars, page.chart_width_cm(), CHART_CM + 1)
    _finish(ws, page, print_col, chart, [(1, diff_row + 5), (chart, chart)], label, name)


def _migration_sheet(wb: Workbook, m: Metrics, data: PopulationData, label: str) -> None:
    ws = wb.create_sheet("転入・転出")
    moves = data.migration
    columns = [
        ("相手先", list(moves["partner"])),
        ("転入", [shown(int(v), COUNT) for v in moves["moves_in"].dropna()]),
        ("転出", [shown(int(v), COUNT) for v in moves["moves_out"].dropna()]),
        ("差（転入−転出）", [shown(int(v), COUNT) for v in (moves["moves_in"] - moves["moves_out"]).dropna()]),
    ]
    page, print_col = lay_out_columns(ws, m, _widths(m, columns, minimum=9))
    sheet_heading(
        ws,
        m,
        "転入・転出の主な相手先",
        "単位：人　資料：総務省「住民基本台帳人口移動報告」2022年（会議資料の出典）",
        print_col,
    )
    top = 4
    header_row(ws, top, 1, [name for name, _ in columns])
    for i, row in enumerate(moves.itertuples()):
        r = top + 1 + i
        put(ws, r, 1, row.partner, CellStyle(align="center"))
        if pd.notna(row.moves_in):
            put(ws, r, 2, int(row.moves_in), CellStyle(fmt=COUNT))
        if pd.notna(row.moves_out):
            put(ws, r, 3, int(row.moves_out), CellStyle(fmt=COUNT))
        put(ws, r, 4, Formula(f'=IF(AND(ISNUMBER(B{r}),ISNUMBER(C{r})),B{r}-C{r},"")'), CellStyle(fmt=COUNT))
    last = top + len(moves)
    rule(ws, top + 1, last, 1, 4)
    end = last
    unknown = moves["moves_in"].isna() & moves["moves_out"].isna()
    if unknown.any():
        wrapped_text(
            ws,
            m,
            (last + 2, 1, print_col),
            "※相手先別の人数は会議資料の図にのみあり、本文・公開資料で確認できないため空欄としています。",
        )
        wrapped_text(ws, m, (last + 3, 1, print_col), "　相手先の並びは入力（転入転出の表）の順です。")
        end = last + 3
    blocks = [(1, end)]
    known = moves[~unknown]
    if len(known):
        chart = BarChart()
        chart.type = "col"
        chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=top, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=last))
        style_chart(chart, "転入・転出の相手先")
        end += 2
        chart_row(ws, end, chart, page.chart_width_cm(), CHART_CM)
        blocks.append((end, end))
    _finish(ws, page, print_col, end, blocks, label, "転入・転出")


def _findings_sheet(wb: Workbook, m: Metrics, data: PopulationData, label: str) -> None:
    """One finding a row, ▶ before it, wrapped in column B; each row as tall as its lines (LibreOffice
    does not grow rows to wrapped text), a little space between findings."""
    ws = wb.create_sheet("分析結果")
    size = 12
    bullet = m.text_units("▶", size)
    page, _ = lay_out_columns(ws, m, [bullet])  # column B takes the rest of the page
    width = page.units - bullet
    sheet_heading(ws, m, "【分析結果】", "文中の数値は各シートの入力データから計算しています", 2)
    # Calc wraps cell text between any two characters, without 禁則 (a lone 「。」 starts a line):
    # the lines are broken here, between phrases with 禁則 as on the slides, with a character spare
    # so neither Calc nor Excel wraps again.
    text_fit.measure_with(Path(m.regular), Path(m.bold))
    room = width * m.unit - 2 * CELL_PAD_PT - size
    for i, text in enumerate(data.findings):
        r = 4 + i
        lines = text_fit.wrap(text, room, size)
        put(ws, r, 1, "▶", CellStyle(size=size)).alignment = Alignment(horizontal="center", vertical="top")
        put(ws, r, 2, "\n".join(lines), CellStyle(size=size)).alignment = Alignment(vertical="top", wrap_text=True)
        ws.row_dimensions[r].height = row_height(size, len(lines)) + 8
    last = 3 + len(data.findings)
    _finish(ws, page, 2, last, [(1, 4), *((r, r) for r in range(5, last + 1))], label, "分析結果")

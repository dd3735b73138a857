"""The population workbook's implementation (pandas, openpyxl), loaded only when it is built.

Sheets follow the seed: 人口推移, 地域別人口, 人口構造, 自然動態, 社会動態, 転入・転出, 分析結果.
The workbook computes its own differences (formulas); pandas computes the same figures to check the
inputs and to fill the 分析結果 text. Unknown figures stay blank and the sheet says so.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference, ScatterChart, Series
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from packetgen import japanese
from packetgen.analysis import population as pa
from packetgen.documents.base import BuildContext
from packetgen.errors import Problem
from packetgen.inputs.population import (
    AGE_COLUMNS,
    AREAS,
    CITY,
    JAPAN,
    MIGRATION_COLUMNS,
    NATURAL_COLUMNS,
    SERIES_COLUMNS,
    SOCIAL_COLUMNS,
    AgeRow,
    Findings,
    LoadedTable,
    MigrationRow,
    NaturalRow,
    SeriesRow,
    SocialRow,
    age_bounds,
    load_findings,
    load_frame,
)
from packetgen.render.xlsx import (
    COUNT,
    INDEX,
    PERCENT,
    RATIO,
    SIGNED,
    Formula,
    header_row,
    place_chart,
    print_setup,
    put,
    rule,
    save_workbook,
    sheet_heading,
    style_chart,
)

TABLE_ROLES = {
    "人口推移": ("series", SERIES_COLUMNS, SeriesRow, ("region", "year", "kind")),
    "自然動態": ("natural", NATURAL_COLUMNS, NaturalRow, ("year",)),
    "社会動態": ("social", SOCIAL_COLUMNS, SocialRow, ("year",)),
    "転入転出": ("migration", MIGRATION_COLUMNS, MigrationRow, ("partner",)),
    "人口構造": ("age", AGE_COLUMNS, AgeRow, ("region", "when", "band")),
}
BASE_YEAR = 1985  # the first census year both the city (current boundary) and Japan have


@dataclass(frozen=True)
class PopulationData:
    series: pd.DataFrame
    natural: pd.DataFrame
    social: pd.DataFrame
    migration: pd.DataFrame
    age: pd.DataFrame
    findings: list[str]


def load(ctx: BuildContext, problems: list[Problem]) -> PopulationData | None:
    start = len(problems)
    tables: dict[str, LoadedTable] = {}
    for role, (key, columns, model, unique) in TABLE_ROLES.items():
        loaded = load_frame(ctx.input_path(role), ctx.input_label(role), columns, model, problems, unique)
        if loaded is not None:
            tables[key] = loaded
    findings = load_findings(ctx.input_path("分析結果"), ctx.input_label("分析結果"), problems)
    if len(tables) < len(TABLE_ROLES) or findings is None or len(problems) > start:
        return None  # analysis runs on clean inputs only
    before = len(problems)
    _check(tables, problems)
    if len(problems) > before:
        return None
    frames = {k: t.frame for k, t in tables.items()}
    frames["natural"] = _chronological(frames["natural"])
    frames["social"] = _chronological(frames["social"])
    age = frames["age"]
    bounds = [age_bounds(band) for band in age["band"]]
    frames["age"] = age.assign(low=[lo for lo, _ in bounds], high=[hi for _, hi in bounds])
    try:
        values = pa.findings_values(frames["series"], frames["natural"], frames["social"])
    except (KeyError, ValueError) as exc:
        problems.append(Problem(ctx.input_label("人口推移"), f"分析結果に使う数値が足りません（{exc}）"))
        return None
    texts = _fill_findings(findings, values, ctx.input_label("分析結果"), problems)
    return PopulationData(
        frames["series"], frames["natural"], frames["social"], frames["migration"], frames["age"], texts
    )


def _check(tables: dict[str, LoadedTable], problems: list[Problem]) -> None:
    """Stated totals and differences must agree with their parts (file and row named)."""
    n = japanese.number
    for key, plus, minus, words in (
        ("natural", "births", "deaths", "出生−死亡"),
        ("social", "moves_in", "moves_out", "転入−転出"),
    ):
        t = tables[key]
        for m in pa.stated_mismatches(t.frame, plus, minus):
            problems.append(
                t.table.problem(f"差（{n(m.stated)}）が {words}（{n(m.computed)}）と合いません", m.row, m.column)
            )
    s = tables["series"]
    for m in pa.area_sum_mismatches(s.frame, CITY, AREAS):
        problems.append(
            s.table.problem(
                f"{CITY}の人口（{n(m.stated)}）が8地域の合計（{n(m.computed)}）と合いません", m.row, m.column
            )
        )
    a = tables["age"]
    for row in a.frame.itertuples():
        if pa.band_of(*age_bounds(row.band)) is None:
            problems.append(
                a.table.problem(
                    "年齢の区分が年少（0〜14歳）・生産年齢（15〜64歳）・老年（65歳以上）をまたいでいます",
                    row.row,
                    "年齢",
                )
            )


def render(ctx: BuildContext, data: PopulationData) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    label = ctx.label
    _trend_sheet(wb, data, label)
    _area_sheet(wb, data, label)
    _structure_sheet(wb, data, label)
    _dynamics_sheet(
        wb,
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
        data.social,
        "社会動態",
        "人口増減（社会動態）",
        ("転入", "転出"),
        ("moves_in", "moves_out"),
        "転出数／転入数",
        label,
    )
    _migration_sheet(wb, data, label)
    _findings_sheet(wb, data, label)
    return save_workbook(wb, ctx.timestamp, ctx.entry.title, ctx.fonts)


def _chronological(frame: pd.DataFrame) -> pd.DataFrame:
    order = frame["year"].map(japanese.parse_year_label)
    return frame.assign(_order=order).sort_values("_order").drop(columns="_order").reset_index(drop=True)


def _fill_findings(findings: Findings, values: dict[str, str], label: str, problems: list[Problem]) -> list[str]:
    texts = []
    for i, text in enumerate(findings.items, start=1):
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
        unknown = [n for n in names if n not in values]
        if unknown:
            problems.append(
                Problem(
                    label,
                    f"差し込み名 {'、'.join('{' + n + '}' for n in unknown)} はありません"
                    f"（使える名前：{'、'.join(sorted(values))}）",
                    column=f"分析結果[{i}]",
                )
            )
            continue
        texts.append(text.format(**values))
    return texts


# --- sheets ------------------------------------------------------------------------------------
def _widths(ws, widths: dict[str, float]) -> None:
    for col, width in widths.items():
        ws.column_dimensions[col].width = width


def _trend_sheet(wb: Workbook, data: PopulationData, label: str) -> None:
    ws = wb.create_sheet("人口推移")
    sheet_heading(
        ws,
        "人口の推移（一関市・全国）",
        "単位：人　資料：総務省「国勢調査」（各年10月1日現在、一関市は現市域）ほか"
        "　出典の詳細は入力ファイルの「出典」列",
    )
    city = pa.census(data.series, CITY)
    japan = pa.census(data.series, JAPAN)
    index = pa.indexed(data.series, (CITY, JAPAN), BASE_YEAR)
    years = sorted(set(city.index) | set(japan.index) | set(range(int(city.index.min()), 2021, 5)))
    top = 4
    header_row(
        ws,
        top,
        1,
        [
            "年",
            "和暦",
            "一関市",
            "5年前との差",
            "増減率",
            "全国",
            f"一関市（{BASE_YEAR}年=100）",
            f"全国（{BASE_YEAR}年=100）",
        ],
    )
    for i, year in enumerate(years):
        r = top + 1 + i
        put(ws, r, 1, year, align="center")
        put(ws, r, 2, japanese.wareki_year(year), align="center")
        if year in city.index:
            put(ws, r, 3, int(city.loc[year, "population"]), fmt=COUNT)
        if i:
            prev = r - 1
            put(ws, r, 4, Formula(f'=IF(AND(ISNUMBER(C{r}),ISNUMBER(C{prev})),C{r}-C{prev},"")'), fmt=SIGNED)
            put(ws, r, 5, Formula(f'=IF(AND(ISNUMBER(C{r}),ISNUMBER(C{prev})),C{r}/C{prev}-1,"")'), fmt=PERCENT)
        if year in japan.index:
            put(ws, r, 6, int(japan.loc[year, "population"]), fmt=COUNT)
        for col, region in ((7, CITY), (8, JAPAN)):
            if region in index and year in index.index and pd.notna(index.loc[year, region]):
                put(ws, r, col, round(float(index.loc[year, region]), 1), fmt=INDEX)
    last = top + len(years)
    rule(ws, top + 1, last, 1, 8)
    missing = [y for y in years if y not in city.index]
    note_row = last + 1
    if missing:
        put(
            ws,
            note_row,
            1,
            f"※一関市（現市域）の{missing[0]}〜{missing[-1]}年の国勢調査人口は出典が得られないため空欄"
            "（1955年は会議資料の値）",
            size=9,
        )
        note_row += 1
    # other kinds of figure for the city, kept apart from the census series
    others = data.series[(data.series["region"] == CITY) & (data.series["kind"] != pa.CENSUS)]
    r0 = note_row + 1
    put(ws, r0, 1, "その他の数値（一関市）", bold=True)
    header_row(ws, r0 + 1, 1, ["年", "和暦", "人口", "種別"])
    for i, row in enumerate(others.sort_values("year").itertuples()):
        r = r0 + 2 + i
        put(ws, r, 1, int(row.year), align="center")
        put(ws, r, 2, japanese.wareki_year(int(row.year)), align="center")
        put(ws, r, 3, int(row.population), fmt=COUNT)
        put(ws, r, 4, row.kind)
    last_other = r0 + 1 + len(others)
    rule(ws, r0 + 2, last_other, 1, 4)
    estimate = others[others["kind"] == "独自推計"]
    if not estimate.empty and int(estimate["year"].iloc[0]) in city.index:
        year = int(estimate["year"].iloc[0])
        census_row = top + 1 + years.index(year)
        est_row = r0 + 2 + list(others.sort_values("year")["kind"]).index("独自推計")
        put(ws, last_other + 1, 1, f"{year}年 国勢調査と独自推計の差", size=9)
        put(ws, last_other + 1, 3, Formula(f"=C{census_row}-C{est_row}"), fmt=SIGNED)
        last_other += 1
    _widths(ws, {"A": 8, "B": 11, "C": 12, "D": 12, "E": 9, "F": 14, "G": 13, "H": 13})

    cats = Reference(ws, min_col=1, min_row=top + 1, max_row=last)
    chart = LineChart()
    chart.add_data(Reference(ws, min_col=3, min_row=top, max_row=last), titles_from_data=True)
    chart.set_categories(cats)
    style_chart(chart, "一関市の人口（国勢調査、人）")
    chart.y_axis.number_format = "#,##0"
    chart.series[0].marker.symbol = "circle"  # 1955 stands alone: a line alone would not show it
    place_chart(ws, chart, "J4", 15, 7.2)
    chart2 = LineChart()
    chart2.add_data(Reference(ws, min_col=7, max_col=8, min_row=top, max_row=last), titles_from_data=True)
    chart2.set_categories(cats)
    style_chart(chart2, f"人口の推移（{BASE_YEAR}年=100）")
    place_chart(ws, chart2, "J20", 15, 7.2)
    print_setup(ws, f"A1:S{max(last_other, 35)}", label, "人口推移")


def _area_sheet(wb: Workbook, data: PopulationData, label: str) -> None:
    ws = wb.create_sheet("地域別人口")
    sheet_heading(
        ws,
        "地域別人口の推移（8地域）",
        "単位：人　資料：住民基本台帳、各町村の推計人口・国勢調査、一関市人口ビジョン（独自推計）"
        "　※種別の異なる数値は比較に注意",
    )
    s = data.series[data.series["region"].isin(AREAS)]
    counts = s.groupby(["year", "kind"])["region"].nunique()
    # figures several areas share, other than the census (which has its own table below)
    columns = [key for key, n in counts.items() if n >= 2 and not key[1].startswith(pa.CENSUS)]
    top = 4
    names = ["地域"] + [f"{y}年\n{k}" for y, k in columns]
    share_after = next((i for i, (_, k) in enumerate(columns) if k == "住民基本台帳"), None)
    if share_after is not None:
        names.insert(share_after + 2, "構成比")
    header_row(ws, top, 1, names)
    ws.row_dimensions[top].height = 30
    col_of = {}
    c = 2
    for key in columns:
        col_of[key] = c
        c += 2 if share_after is not None and key == columns[share_after] else 1
    last_col = c - 1
    total_row = top + 1 + len(AREAS)
    for i, area in enumerate(AREAS):
        r = top + 1 + i
        put(ws, r, 1, area, align="center")
        for key, col in col_of.items():
            value = s[(s["region"] == area) & (s["year"] == key[0]) & (s["kind"] == key[1])]["population"]
            if len(value):
                put(ws, r, col, int(value.iloc[0]), fmt=COUNT)
            if share_after is not None and key == columns[share_after]:
                letter = get_column_letter(col)
                put(ws, r, col + 1, Formula(f"={letter}{r}/{letter}${total_row}"), fmt=PERCENT)
    put(ws, total_row, 1, "合計", bold=True, align="center")
    incomplete = []
    for key, col in col_of.items():
        letter = get_column_letter(col)
        have = set(s[(s["year"] == key[0]) & (s["kind"] == key[1])]["region"])
        if have == set(AREAS):
            put(ws, total_row, col, Formula(f"=SUM({letter}{top + 1}:{letter}{total_row - 1})"), fmt=COUNT, bold=True)
        else:
            put(ws, total_row, col, "—", align="center")
            incomplete.append(f"{key[0]}年{key[1]}：{'・'.join(a for a in AREAS if a not in have)}の値なし")
    rule(ws, top + 1, total_row, 1, last_col)
    note = total_row + 1
    for text in incomplete:
        put(ws, note, 1, f"※{text}（合計は表示しません）", size=9)
        note += 1

    # census figures of single areas over time (only what sources give)
    census = s[s["kind"].str.startswith(pa.CENSUS)]
    areas = [a for a in AREAS if a in set(census["region"])]
    charted = [a for a in areas if (census["region"] == a).sum() >= 3]  # a line needs a few points
    years = sorted(set(census["year"]))
    t2 = note + 1
    put(ws, t2, 1, "国勢調査人口（判明分）", bold=True)
    header_row(ws, t2 + 1, 1, ["年", *areas])
    for i, year in enumerate(years):
        r = t2 + 2 + i
        put(ws, r, 1, int(year), align="center")
        for j, area in enumerate(areas):
            value = census[(census["region"] == area) & (census["year"] == year)]
            if len(value):
                put(ws, r, 2 + j, int(value["population"].iloc[0]), fmt=COUNT)
    last = t2 + 1 + len(years)
    rule(ws, t2 + 2, last, 1, 1 + len(areas))
    quick = census[census["kind"] != pa.CENSUS]
    if len(quick):
        row = quick.iloc[0]
        put(ws, last + 1, 1, f"※{row['region']}の{int(row['year'])}年は{row['kind']}の値", size=9)
    _widths(ws, {get_column_letter(i): 11 for i in range(1, last_col + 2)})

    bar = BarChart()
    bar.type = "col"
    for col in col_of.values():
        bar.add_data(Reference(ws, min_col=col, min_row=top, max_row=total_row - 1), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=total_row - 1))
    style_chart(bar, "地域別人口（人）")
    bar.y_axis.number_format = "#,##0"
    place_chart(ws, bar, f"{get_column_letter(last_col + 2)}4", 16, 7.5)
    scatter = ScatterChart(scatterStyle="lineMarker")  # required by the schema: Excel repairs without it
    scatter.style = 13
    xs = Reference(ws, min_col=1, min_row=t2 + 2, max_row=last)
    for j, area in enumerate(areas):
        if area not in charted:
            continue
        values = Reference(ws, min_col=2 + j, min_row=t2 + 1, max_row=last)
        series = Series(values, xs, title_from_data=True)
        series.marker.symbol = "circle"
        scatter.series.append(series)
    style_chart(scatter, "国勢調査人口の推移（判明分、人）")
    scatter.x_axis.scaling.min = int(min(years)) - 5
    scatter.x_axis.scaling.max = 2025
    scatter.y_axis.number_format = "#,##0"
    place_chart(ws, scatter, f"{get_column_letter(last_col + 2)}20", 16, 7.5)
    print_setup(ws, f"A1:{get_column_letter(last_col + 11)}{max(last + 2, 35)}", label, "地域別人口")


def _structure_sheet(wb: Workbook, data: PopulationData, label: str) -> None:
    ws = wb.create_sheet("人口構造")
    sheet_heading(
        ws,
        "人口構造（一関市・全国）",
        "単位：人、構成比　資料：一関市地域再生計画（岩手県「人口移動報告年報」を引用）、"
        "総務省「国勢調査」2020年（年齢不詳を除く）",
    )
    bands = pa.age_bands(data.age)
    groups = list(dict.fromkeys(zip(bands["region"], bands["when"], strict=True)))
    groups.sort(key=lambda g: g[0] != CITY)  # the city first, then the comparison
    top = 4
    names = ["区分"]
    for region, when in groups:
        names += [f"{region}\n{when}", "構成比"]
    header_row(ws, top, 1, names)
    ws.row_dimensions[top].height = 30
    band_names = [b[0] for b in pa.BANDS]
    total = top + 1 + len(band_names)
    for i, name in enumerate(band_names):
        put(ws, top + 1 + i, 1, name)
    put(ws, total, 1, "計", bold=True, align="center")
    for g, (region, when) in enumerate(groups):
        col = 2 + 2 * g
        letter = get_column_letter(col)
        part = bands[(bands["region"] == region) & (bands["when"] == when)].set_index("band")
        for i, name in enumerate(band_names):
            r = top + 1 + i
            put(ws, r, col, int(part.loc[name, "count"]), fmt=COUNT)
            put(ws, r, col + 1, Formula(f"={letter}{r}/{letter}${total}"), fmt=PERCENT)
        put(ws, total, col, Formula(f"=SUM({letter}{top + 1}:{letter}{total - 1})"), fmt=COUNT, bold=True)
        put(ws, total, col + 1, Formula(f"={letter}{total}/{letter}${total}"), fmt=PERCENT)
    last_col = 1 + 2 * len(groups)
    rule(ws, top + 1, total, 1, last_col)

    bar = BarChart()
    bar.type = "col"
    for g in range(len(groups)):
        col = 3 + 2 * g
        s = Series(Reference(ws, min_col=col, min_row=top + 1, max_row=total - 1), title=" ".join(groups[g]))
        bar.series.append(s)
    bar.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=total - 1))
    style_chart(bar, "年齢3区分別の構成比")
    bar.y_axis.number_format = "0%"
    place_chart(ws, bar, "A11", 15, 8)

    pyramid = pa.pyramid_shares(data.age, JAPAN)
    t2 = 4
    c0 = last_col + 2
    put(ws, t2 - 1, c0, f"{JAPAN}の男女・5歳階級別人口（人口ピラミッド）", bold=True)
    header_row(ws, t2, c0, ["年齢", "男", "女", "男（構成比）", "女（構成比）"])
    for i, row in enumerate(pyramid.itertuples()):
        r = t2 + 1 + i
        put(ws, r, c0, row.band, align="center")
        put(ws, r, c0 + 1, int(row.male), fmt=COUNT)
        put(ws, r, c0 + 2, int(row.female), fmt=COUNT)
        # the male share is stored negative so the pyramid's bars grow to the left
        put(ws, r, c0 + 3, -round(float(row.male_share), 6), fmt="0.0%;0.0%")
        put(ws, r, c0 + 4, round(float(row.female_share), 6), fmt="0.0%")
    last = t2 + len(pyramid)
    rule(ws, t2 + 1, last, c0, c0 + 4)
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.overlap = 100
    chart.gapWidth = 10
    chart.add_data(Reference(ws, min_col=c0 + 3, max_col=c0 + 4, min_row=t2, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=c0, min_row=t2 + 1, max_row=last))
    style_chart(chart, f"人口ピラミッド（{JAPAN}・構成比）")
    chart.y_axis.number_format = "0%;0%"
    chart.x_axis.tickLblPos = "low"
    place_chart(ws, chart, f"{get_column_letter(c0)}{last + 2}", 12.5, 9)
    notes = [
        "※一関市の男女・5歳階級別人口（人口ピラミッド）は、会議資料の出典"
        "（岩手県人口移動報告年報 令和3年10月1日現在）の数値が得られないため掲載していません。"
        "一関市は年齢3区分で比較しています。",
        "※全国は会議資料では総務省「人口推計」2021年10月1日現在ですが、5歳階級別の数値が得られないため"
        "2020年国勢調査（年齢不詳を除く）で代替しています。構成比は年齢の判明している人口に対する割合です。",
    ]
    for i, text in enumerate(notes):
        put(ws, 28 + i, 1, text[:60], size=9)
        put(ws, 28 + i, 1, text, size=9, wrap=True)
        ws.merge_cells(start_row=28 + i, start_column=1, end_row=28 + i, end_column=last_col)
        ws.row_dimensions[28 + i].height = 48
    _widths(ws, {get_column_letter(i): 12 for i in range(1, c0 + 6)} | {"A": 22, get_column_letter(c0): 7})
    print_setup(ws, f"A1:{get_column_letter(c0 + 5)}{last + 20}", label, "人口構造")


def _dynamics_sheet(
    wb: Workbook,
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
    sheet_heading(ws, title, "単位：人　資料：住民基本台帳")
    top = 4
    years = list(frame["year"])
    header_row(ws, top, 1, ["", *years])
    plus_row, minus_row, diff_row = top + 1, top + 2, top + 3
    for j, (_, row) in enumerate(frame.iterrows()):
        col = 2 + j
        letter = get_column_letter(col)
        put(ws, plus_row, col, int(row[keys[0]]), fmt=COUNT)
        put(ws, minus_row, col, int(row[keys[1]]), fmt=COUNT)
        put(ws, diff_row, col, Formula(f"={letter}{plus_row}-{letter}{minus_row}"), fmt=COUNT, bold=True)
        if j:
            prev = get_column_letter(col - 1)
            for k, r in enumerate((plus_row, minus_row, diff_row)):
                put(ws, diff_row + 2 + k, col, Formula(f"={letter}{r}-{prev}{r}"), fmt=SIGNED)
        put(ws, diff_row + 5, col, Formula(f"={letter}{minus_row}/{letter}{plus_row}"), fmt=RATIO)
    for r, text in ((plus_row, labels[0]), (minus_row, labels[1]), (diff_row, "差")):
        put(ws, r, 1, text, bold=r == diff_row, align="center")
    for k, text in enumerate((f"{labels[0]}の前年差", f"{labels[1]}の前年差", "差の前年差")):
        put(ws, diff_row + 2 + k, 1, text, align="center")
    put(ws, diff_row + 5, 1, ratio_label, align="center")
    last_col = 1 + len(years)
    rule(ws, plus_row, diff_row, 1, last_col)
    header_row(ws, diff_row + 1, 1, ["増減の推移", *years])
    rule(ws, diff_row + 2, diff_row + 5, 1, last_col)
    _widths(ws, {"A": 16} | {get_column_letter(c): 10 for c in range(2, last_col + 1)})

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
    place_chart(ws, bars, f"A{diff_row + 7}", 17, 8.5)
    print_setup(ws, f"A1:J{32}", label, name)


def _migration_sheet(wb: Workbook, data: PopulationData, label: str) -> None:
    ws = wb.create_sheet("転入・転出")
    sheet_heading(
        ws, "転入・転出の主な相手先", "単位：人　資料：総務省「住民基本台帳人口移動報告」2022年（会議資料の出典）"
    )
    top = 4
    header_row(ws, top, 1, ["相手先", "転入", "転出", "差（転入−転出）"])
    m = data.migration
    for i, row in enumerate(m.itertuples()):
        r = top + 1 + i
        put(ws, r, 1, row.partner, align="center")
        if pd.notna(row.moves_in):
            put(ws, r, 2, int(row.moves_in), fmt=COUNT)
        if pd.notna(row.moves_out):
            put(ws, r, 3, int(row.moves_out), fmt=COUNT)
        put(ws, r, 4, Formula(f'=IF(AND(ISNUMBER(B{r}),ISNUMBER(C{r})),B{r}-C{r},"")'), fmt=COUNT)
    last = top + len(m)
    rule(ws, top + 1, last, 1, 4)
    unknown = m["moves_in"].isna() & m["moves_out"].isna()
    if unknown.any():
        put(
            ws,
            last + 2,
            1,
            "※相手先別の人数は会議資料の図にのみあり、本文・公開資料で確認できないため空欄としています。",
            size=9,
        )
        put(
            ws,
            last + 3,
            1,
            "　会議資料の分析結果では、転入・転出ともに東京圏、仙台市、盛岡市、奥州市の順で移動が多いとされています。",
            size=9,
        )
    known = m[~unknown]
    if len(known):
        chart = BarChart()
        chart.type = "col"
        chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=top, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=last))
        style_chart(chart, "転入・転出の相手先")
        place_chart(ws, chart, "F4", 12, 7)
    _widths(ws, {"A": 14, "B": 11, "C": 11, "D": 16})
    print_setup(ws, "A1:N30", label, "転入・転出")


def _findings_sheet(wb: Workbook, data: PopulationData, label: str) -> None:
    ws = wb.create_sheet("分析結果")
    sheet_heading(ws, "【分析結果】", "文中の数値は各シートの入力データから計算しています")
    chars_per_line = 88  # column B–N at this width holds about 88 full-width characters at 11 pt
    for i, text in enumerate(data.findings):
        r = 4 + i
        put(ws, r, 1, "▶", size=11).alignment = Alignment(horizontal="center", vertical="top")
        put(ws, r, 2, text, size=11).alignment = Alignment(vertical="top", wrap_text=True)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=14)
        lines = -(-len(text) // chars_per_line)
        ws.row_dimensions[r].height = lines * 16 + 6  # merged cells never auto-fit their height
    _widths(ws, {"A": 4} | {get_column_letter(c): 12 for c in range(2, 15)})
    print_setup(ws, f"A1:N{4 + len(data.findings)}", label, "分析結果")

"""Population analysis in pure pandas: differences, year-on-year change, census-to-census change,
age-structure shares, the figures the 分析結果 text cites and the series its claims are checked on.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from packetgen.analysis import claims
from packetgen.core import japanese
from packetgen.inputs.population import BANDS, band_of

CENSUS = "国勢調査"
CITY_NAME = "一関市"


def dynamics(frame: pd.DataFrame, plus: str, minus: str) -> pd.DataFrame:
    """Per year: the two flows, 差 = plus − minus, changes on the previous year and their ratio."""
    out = frame.set_index("year")[[plus, minus]].astype(int)
    out["diff"] = out[plus] - out[minus]
    out[f"{plus}_change"] = out[plus].diff()
    out[f"{minus}_change"] = out[minus].diff()
    out["diff_change"] = out["diff"].diff()
    out["ratio"] = out[minus] / out[plus]  # e.g. deaths per birth
    return out


def census(series: pd.DataFrame, region: str) -> pd.DataFrame:
    """A region's census series by year with the change since the previous census in the table."""
    rows = series[(series["region"] == region) & (series["kind"] == CENSUS)].set_index("year")["population"]
    out = rows.sort_index().to_frame("population")
    out["change"] = out["population"].diff()
    out["rate"] = out["population"].pct_change()
    return out


def indexed(series: pd.DataFrame, regions: tuple[str, ...], base_year: int) -> pd.DataFrame:
    """Census populations as an index (base year = 100), so a city and Japan share one scale."""
    cols = {}
    for region in regions:
        c = census(series, region)["population"]
        if base_year in c.index:
            cols[region] = c / c[base_year] * 100
    return pd.DataFrame(cols)


def age_bands(age: pd.DataFrame) -> pd.DataFrame:
    """Counts and shares of the three age bands for every (region, point in time).

    5-year bands are summed into the three bands; rows that already are the three bands are used as
    they are. Shares are of the age-known total, so the city and Japan compare."""
    frame = age.assign(
        band3=[
            band_of(int(lo), None if pd.isna(hi) else int(hi)) for lo, hi in zip(age["low"], age["high"], strict=True)
        ]
    )
    records = []
    for (region, when), group in frame.groupby(["region", "when"], sort=False):
        counts = {name: int(group.loc[group["band3"] == name, "total"].sum()) for name, _, _ in BANDS}
        total = sum(counts.values())
        for name, count in counts.items():
            records.append({"region": region, "when": when, "band": name, "count": count, "share": count / total})
    return pd.DataFrame.from_records(records)


def pyramid_shares(age: pd.DataFrame, region: str) -> pd.DataFrame:
    """Male and female shares of the whole population per 5-year band (for a pyramid chart)."""
    rows = age[(age["region"] == region) & age["male"].notna()].copy()
    total = rows["total"].sum()
    rows["male_share"] = rows["male"] / total
    rows["female_share"] = rows["female"] / total
    return rows[["band", "male", "female", "total", "male_share", "female_share"]].reset_index(drop=True)


def findings_values(series: pd.DataFrame, natural: pd.DataFrame, social: pd.DataFrame) -> dict[str, str]:
    """The figures the 分析結果 cite, computed and formatted (△ for negatives)."""
    n = japanese.number
    values: dict[str, str] = {}
    city = series[series["region"] == "一関市"]
    city_census = city[city["kind"] == CENSUS]
    peak = city_census.loc[city_census["population"].idxmax()]
    values |= {
        "city_peak": n(int(peak["population"])),
        "city_peak_year": str(int(peak["year"])),
        "city_peak_wareki": japanese.wareki_year(int(peak["year"])),
    }
    daito = census(series, "大東")
    start = int(daito.index.min())
    end = max(y for y in daito.index if y <= start + 20)
    values |= {
        "daito_from_year": str(start),
        "daito_from_wareki": japanese.wareki_year(start),
        "daito_years": str(end - start),
        "daito_from": n(int(daito.loc[start, "population"])),
        "daito_to": n(int(daito.loc[end, "population"])),
        "daito_change": n(int(daito.loc[end, "population"] - daito.loc[start, "population"])),
    }
    in_2020 = city[city["year"] == 2020].set_index("kind")["population"]
    values |= {
        "city_2020_estimate": n(int(in_2020["独自推計"])),
        "city_2020_census": n(int(in_2020[CENSUS])),
        "city_2020_gap": n(int(in_2020[CENSUS] - in_2020["独自推計"])),
    }
    nat = dynamics(natural, "births", "deaths")
    first, last = nat.index[0], nat.index[-1]
    values |= {
        "natural_first": first,
        "natural_last": last,
        "births_first": n(int(nat.loc[first, "births"])),
        "births_last": n(int(nat.loc[last, "births"])),
        "deaths_first": n(int(nat.loc[first, "deaths"])),
        "deaths_last": n(int(nat.loc[last, "deaths"])),
        "natural_diff_first": n(int(nat.loc[first, "diff"])),
        "natural_diff_last": n(int(nat.loc[last, "diff"])),
    }
    soc = dynamics(social, "moves_in", "moves_out")
    last = soc.index[-1]
    deficit_run = 0
    for value in reversed(soc["diff"].tolist()):
        if value >= 0:
            break
        deficit_run += 1
    values |= {
        "social_last": last,
        # the table is by 年度: 令和4年度, never 令和4年 (a calendar year the data do not describe)
        "social_last_wareki": japanese.wareki_fiscal_year(japanese.parse_year_label(last)),
        "moves_in_change": _signed(int(soc.loc[last, "moves_in_change"])),
        "moves_out_change": _signed(int(soc.loc[last, "moves_out_change"])),
        "social_deficit_years": str(deficit_run),
    }
    return values


def _signed(value: int) -> str:
    return f"+{value:,}" if value > 0 else japanese.number(value)


def claim_series(
    series: pd.DataFrame, natural: pd.DataFrame, social: pd.DataFrame, files: dict[str, str]
) -> dict[str, claims.Series]:
    """The series the 分析結果 may speak of, by the names authors use (files: key → input label).

    自然動態・社会動態 are kept by 年度, so their points are named 令和4年度; censuses by 年."""

    def by_year(frame: pd.DataFrame, key: str, value: Callable[[pd.Series], int]) -> tuple[claims.Point, ...]:
        return tuple(
            claims.Point(
                japanese.wareki_fiscal_year(japanese.parse_year_label(r["year"])),
                int(value(r)),
                f"{files[key]} {int(r['row'])}行目",
            )
            for _, r in frame.iterrows()
        )

    out = {
        "出生": claims.Series("出生", "人", by_year(natural, "natural", lambda r: r["births"])),
        "死亡": claims.Series("死亡", "人", by_year(natural, "natural", lambda r: r["deaths"])),
        "自然減": claims.Series("自然減", "人", by_year(natural, "natural", lambda r: r["deaths"] - r["births"])),
        "転入": claims.Series("転入", "人", by_year(social, "social", lambda r: r["moves_in"])),
        "転出": claims.Series("転出", "人", by_year(social, "social", lambda r: r["moves_out"])),
        "転出超過": claims.Series(
            "転出超過", "人", by_year(social, "social", lambda r: r["moves_out"] - r["moves_in"])
        ),
    }
    for region in (CITY_NAME, *sorted(set(series["region"]) - {CITY_NAME, "全国"})):
        rows = series[(series["region"] == region) & (series["kind"] == CENSUS)].sort_values("year")
        points = tuple(
            claims.Point(f"{int(r['year'])}年", int(r["population"]), f"{files['series']} {int(r['row'])}行目")
            for _, r in rows.iterrows()
        )
        out[f"{region}の人口"] = claims.Series(f"{region}の人口（国勢調査）", "人", points, "前回の国勢調査")
    # the window {daito_from_year}…{daito_years} of the 分析結果 speak of: 大東's first census and 20 years on
    daito = out["大東の人口"].points
    window = tuple(pt for pt in daito if int(pt.label[:4]) <= int(daito[0].label[:4]) + 20) if daito else ()
    out["大東の人口（最初の20年間）"] = claims.Series("大東の人口（最初の20年間）", "人", window, "前回の国勢調査")
    city = series[series["region"] == CITY_NAME]
    both = sorted(set(city.loc[city["kind"] == CENSUS, "year"]) & set(city.loc[city["kind"] == "独自推計", "year"]))
    gaps = []
    for year in both:
        census_row = city[(city["year"] == year) & (city["kind"] == CENSUS)].iloc[0]
        estimate_row = city[(city["year"] == year) & (city["kind"] == "独自推計")].iloc[0]
        where = (
            f"{files['series']} {int(census_row['row'])}行目（国勢調査）・{int(estimate_row['row'])}行目（独自推計）"
        )
        gaps.append(claims.Point(f"{year}年", int(census_row["population"] - estimate_row["population"]), where))
    out["国勢調査と推計の差"] = claims.Series("国勢調査と推計の差", "人", tuple(gaps), "前回")
    return out


def claim_rankings(migration: pd.DataFrame, files: dict[str, str]) -> tuple[claims.Ranked, ...]:
    """The partners of 転入 and of 転出 with their counts, for 「移動の多い順」 (blank cells: None)."""

    def ranked(name: str, column: str) -> claims.Ranked:
        return claims.Ranked(
            name,
            tuple(
                (
                    str(r["partner"]),
                    None if pd.isna(r[column]) else int(r[column]),
                    f"{files['migration']} {int(r['row'])}行目",
                )
                for _, r in migration.iterrows()
            ),
        )

    return ranked("転入", "moves_in"), ranked("転出", "moves_out")


def claim_pyramids(age: pd.DataFrame, files: dict[str, str]) -> dict[str, claims.Pyramid]:
    """Each region's five-year age bands at its latest census that has them, for 「ベビーブーム世代」."""
    out: dict[str, claims.Pyramid] = {}
    fives = age[(age["high"] - age["low"]) == 4]
    for region in sorted(set(age["region"])):
        rows = fives[fives["region"] == region]
        years = {w: int(m.group(1)) for w in set(rows["when"]) if (m := re.search(r"((?:19|20)\d\d)", str(w)))}
        if not years:
            out[region] = claims.Pyramid(region, None, {})
            continue
        when = max(years, key=lambda w: years[w])
        bands = {
            int(r["low"]): (int(r["total"]), f"{files['age']} {int(r['row'])}行目")
            for _, r in rows[rows["when"] == when].iterrows()
        }
        out[region] = claims.Pyramid(region, years[when], bands)
    return out

"""The population figures (inputs/population.py, inputs/population_tables.py, analysis/population.py,
analysis/population_claims.py) on small made-up tables, each expected figure worked out by hand: the
rows of each table and their bounds, the cross-row checks named by file, row and column, the dynamics,
census index and area sums, age bands and pyramid shares, the findings' values, and the claims checked
and the phrases filled. The workbook built from them is test_population.py's."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from packetgen.analysis import claims
from packetgen.analysis import population as pa
from packetgen.analysis.population_claims import Facts, fill_findings
from packetgen.core.errors import Problem
from packetgen.inputs import population_tables as pt
from packetgen.inputs.population import (
    AGE_COLUMNS,
    AREAS,
    NATURAL_COLUMNS,
    SERIES_COLUMNS,
    SOCIAL_COLUMNS,
    LoadedTable,
    band_of,
    load_findings,
)
from packetgen.inputs.tables import Table

# --- the rows of each table --------------------------------------------------------------------------


def test_the_rows_of_the_population_tables() -> None:
    from pydantic import ValidationError

    from packetgen.inputs import population as p

    row = p.SeriesRow.model_validate({"地域": "花泉", "年": "2,020", "人口": "0", "種別": "国勢調査", "出典": "x"})
    assert (row.region, row.year, row.population) == ("花泉", 2020, 0)
    for region in ("一関市", "全国", "藤沢"):
        assert (
            p.SeriesRow.model_validate({"地域": region, "年": 1900, "人口": 1, "種別": "推計人口", "出典": "x"}).year
            == 1900
        )
    with pytest.raises(ValidationError) as info:
        p.SeriesRow.model_validate({"地域": "盛岡", "年": 2101, "人口": -1, "種別": "x", "出典": ""})
    assert [e["loc"][0] for e in info.value.errors()] == ["地域", "年", "人口", "種別", "出典"]
    assert info.value.errors()[0]["msg"] == (
        "Value error, 地域は 一関市・全国・一関・花泉・大東・千厩・東山・室根・川崎・藤沢 のいずれかです"
    )
    natural = p.NaturalRow.model_validate({"年度": "平成30年度", "出生": 1, "死亡": 2, "出典": "x"})
    assert (natural.year, natural.stated) == ("H30", None)
    assert p.SocialRow.model_validate({"年度": "2019", "転入": 1, "転出": 2, "差": "△1", "出典": "x"}).year == "R1"
    assert p.MigrationRow.model_validate({"相手先": "東京圏", "出典": "x"}).moves_in is None


def test_an_age_row_adds_up_and_its_band_is_read() -> None:
    from pydantic import ValidationError

    from packetgen.inputs import population as p

    base = {"地域": "一関市", "時点": "2020年", "出典": "x"}
    assert p.AgeRow.model_validate({**base, "年齢": "85+", "計": 3}).band == "85+"
    assert p.AgeRow.model_validate({**base, "年齢": "0-4", "男": 1, "女": 2, "計": 3}).total == 3
    assert p.AgeRow.model_validate({**base, "年齢": "100-104", "男": 1, "計": 3}).male == 1
    with pytest.raises(ValidationError) as info:
        p.AgeRow.model_validate({**base, "年齢": "0-4", "男": 1, "女": 1, "計": 3})
    assert info.value.errors()[0]["msg"] == "Value error, 男＋女（2）が計（3）と合いません"
    with pytest.raises(ValidationError) as info:
        p.AgeRow.model_validate({**base, "年齢": "1000-4", "男": 1000, "女": 1000, "計": 3})
    assert [e["msg"] for e in info.value.errors()] == ["Value error, 年齢は 0-4、15-64、85+ の形で入力してください"]
    for band in ("0〜4", "85", "-4", "0-", "85+1"):
        with pytest.raises(ValidationError):
            p.AgeRow.model_validate({**base, "年齢": band, "計": 3})
    with pytest.raises(ValidationError) as info:
        p.AgeRow.model_validate({**base, "年齢": "0-4", "男": 1000, "女": 1001, "計": 3})
    assert info.value.errors()[0]["msg"] == "Value error, 男＋女（2,001）が計（3）と合いません"
    assert p.age_bounds("15-64") == (15, 64)
    assert p.age_bounds("85+") == (85, None)
    assert p.age_bounds("0-4") == (0, 4)


def test_findings_accept_plain_text_and_claims() -> None:
    from pydantic import ValidationError

    from packetgen.inputs import population as p

    findings = p.Findings.model_validate({"分析結果": ["文だけ", {"文": "増加した", "主張": {"転入": "増加"}}]})
    assert findings.items == (p.Finding(文="文だけ"), p.Finding(文="増加した", 主張={"転入": "増加"}))
    assert findings.items[0].claims == {}
    with pytest.raises(ValidationError):
        p.Findings.model_validate({"分析結果": []})
    with pytest.raises(ValidationError):
        p.Findings.model_validate({"分析結果": [""]})


def test_a_table_becomes_a_frame_with_unique_keys(tmp_path: Path) -> None:
    from packetgen.inputs import population as p

    (tmp_path / "m.csv").write_text("相手先,転入,転出,出典\n東京圏,1,2,x\n仙台市,,3,y\n東京圏,4,5,z\n,1,1,w\n", "utf-8")
    problems: list[Problem] = []
    loaded = p.load_frame(
        tmp_path / "m.csv", "m.csv", p.MIGRATION_COLUMNS, p.MigrationRow, problems, unique=("partner",)
    )
    assert loaded.frame.columns.tolist() == ["row", "partner", "moves_in", "moves_out", "source"]
    assert loaded.frame["row"].tolist() == [2, 3, 4]
    assert loaded.frame["partner"].tolist() == ["東京圏", "仙台市", "東京圏"]
    assert [str(x) for x in problems] == [
        "m.csv 5行目 A列「相手先」: 値がありません",
        "m.csv 4行目 A列「相手先」: 相手先が 2行目と重複しています",
    ]
    problems = []
    assert p.load_frame(tmp_path / "m.csv", "m.csv", p.MIGRATION_COLUMNS, p.MigrationRow, problems).frame.shape == (
        3,
        5,
    )
    assert len(problems) == 1
    assert p.load_frame(tmp_path / "none.csv", "none.csv", p.MIGRATION_COLUMNS, p.MigrationRow, []) is None
    assert p.SERIES_COLUMNS == ("地域", "年", "人口", "種別", "出典")
    assert p.NATURAL_COLUMNS == ("年度", "出生", "死亡", "差", "出典")
    assert p.SOCIAL_COLUMNS == ("年度", "転入", "転出", "差", "出典")
    assert p.AGE_COLUMNS == ("地域", "時点", "年齢", "男", "女", "計", "出典")


# --- the analysis, each figure worked out by hand ----------------------------------------------------


MIGRATION = {"partner": ["東京圏", "仙台市"], "moves_in": [900, 800], "moves_out": [1200, 700], "row": [2, 3]}


FILES = {"series": "s.csv", "natural": "n.csv", "social": "o.csv", "migration": "m.csv", "age": "a.csv"}


def series_frame() -> pd.DataFrame:
    rows = [  # (region, year, population, kind, Excel row)
        ("一関市", 1955, 1000, "国勢調査", 2),
        ("一関市", 1985, 900, "国勢調査", 3),
        ("一関市", 2020, 700, "国勢調査", 4),
        ("一関市", 2020, 750, "独自推計", 5),
        ("大東", 1955, 300, "国勢調査", 6),
        ("大東", 1965, 250, "国勢調査", 7),
        ("大東", 1975, 200, "国勢調査", 8),
        ("大東", 1985, 190, "国勢調査", 9),
        ("花泉", 1985, 710, "国勢調査", 10),
        ("全国", 1985, 100000, "国勢調査", 11),
        ("全国", 2020, 90000, "国勢調査", 12),
    ]
    return pd.DataFrame(rows, columns=["region", "year", "population", "kind", "row"])


def flows(plus: str, minus: str, data: list[tuple[str, int, int]], first_row: int = 2) -> pd.DataFrame:
    frame = pd.DataFrame(data, columns=["year", plus, minus])
    frame["row"] = range(first_row, first_row + len(data))
    return frame


NATURAL = flows("births", "deaths", [("H30", 600, 1900), ("R1", 550, 1950), ("R4", 440, 2080)])


SOCIAL = flows("moves_in", "moves_out", [("H30", 2600, 3000), ("R1", 2400, 3050), ("R4", 2500, 2900)])


def test_natural_and_social_dynamics() -> None:
    d = pa.dynamics(NATURAL, "births", "deaths")
    assert d["diff"].tolist() == [-1300, -1400, -1640]
    assert math.isnan(d["births_change"].iloc[0])
    assert d["births_change"].tolist()[1:] == [-50, -110]
    assert d["deaths_change"].tolist()[1:] == [50, 130]
    assert d["diff_change"].tolist()[1:] == [-100, -240]
    assert [round(x, 3) for x in d["ratio"]] == [3.167, 3.545, 4.727]
    assert list(d.index) == ["H30", "R1", "R4"]


def test_a_stated_difference_that_does_not_add_up_is_found() -> None:
    frame = NATURAL.assign(stated=[-1300, None, -1600])
    assert pt.stated_mismatches(frame, "births", "deaths") == [pt.Mismatch(4, "差", -1600, -1640)]
    assert pt.stated_mismatches(NATURAL.assign(stated=[None] * 3), "births", "deaths") == []


def test_the_census_series_and_its_index() -> None:
    c = pa.census(series_frame(), "大東")
    assert list(c.index) == [1955, 1965, 1975, 1985]
    assert c["change"].tolist()[1:] == [-50, -50, -10]
    assert [round(r, 3) for r in c["rate"].tolist()[1:]] == [-0.167, -0.2, -0.05]
    assert list(pa.census(series_frame(), "一関市")["population"]) == [1000, 900, 700]  # no 独自推計
    idx = pa.indexed(series_frame(), ("一関市", "全国", "大東", "花泉"), 1985)
    assert list(idx.columns) == ["一関市", "全国", "大東", "花泉"]
    assert round(idx.loc[2020, "一関市"], 2) == 77.78 and idx.loc[2020, "全国"] == 90.0
    assert idx.loc[1985, "大東"] == 100.0
    assert list(pa.indexed(series_frame(), ("全国",), 1955).columns) == []  # no 1955 figure: left out


def test_the_areas_add_up_to_the_city() -> None:
    s = series_frame()
    assert pt.area_sum_mismatches(s, "一関市", ("大東", "花泉")) == []  # 1985: 190 + 710 = 900
    wrong = s.assign(population=s["population"].where(s["row"] != 10, 700))
    assert pt.area_sum_mismatches(wrong, "一関市", ("大東", "花泉")) == [pt.Mismatch(3, "人口", 900, 890)]
    # a year with only some areas, or no city figure, is not checked
    assert pt.area_sum_mismatches(wrong, "一関市", ("大東", "花泉", "千厩")) == []


@pytest.mark.parametrize(
    ("low", "high", "band"),
    [
        (0, 4, "年少人口（0〜14歳）"),
        (10, 14, "年少人口（0〜14歳）"),
        (0, 14, "年少人口（0〜14歳）"),
        (15, 19, "生産年齢人口（15〜64歳）"),
        (60, 64, "生産年齢人口（15〜64歳）"),
        (65, 69, "老年人口（65歳以上）"),
        (85, None, "老年人口（65歳以上）"),
        (10, 19, None),
        (60, 69, None),
        (15, None, None),
    ],
)
def test_an_age_range_falls_in_its_band(low: int, high: int | None, band: str | None) -> None:
    assert band_of(low, high) == band


def age_frame() -> pd.DataFrame:
    rows = [  # region, when, band, low, high, male, female, total, row
        ("全国", "2020", "0-14", 0, 14, 60, 40, 100, 2),
        ("全国", "2020", "15-64", 15, 64, 250, 250, 500, 3),
        ("全国", "2020", "65+", 65, None, 180, 220, 400, 4),
        ("市", "2015", "0-4", 0, 4, None, None, 10, 5),
        ("市", "2015", "5-9", 5, 9, None, None, 10, 6),
        ("市", "2015", "15-19", 15, 19, None, None, 30, 7),
        ("市", "2015", "65+", 65, None, None, None, 50, 8),
    ]
    return pd.DataFrame(rows, columns=["region", "when", "band", "low", "high", "male", "female", "total", "row"])


def test_ages_are_summed_into_bands() -> None:
    bands = pa.age_bands(age_frame())
    japan = bands[bands["region"] == "全国"]
    assert japan["count"].tolist() == [100, 500, 400]
    assert japan["share"].tolist() == [0.1, 0.5, 0.4]
    city = bands[bands["region"] == "市"]
    assert city["count"].tolist() == [20, 30, 50] and city["share"].tolist() == [0.2, 0.3, 0.5]
    assert city["when"].tolist() == ["2015"] * 3


def test_pyramid_shares() -> None:
    shares = pa.pyramid_shares(age_frame(), "全国")
    assert shares["band"].tolist() == ["0-14", "15-64", "65+"]
    assert shares["male_share"].tolist() == [0.06, 0.25, 0.18]
    assert shares["female_share"].tolist() == [0.04, 0.25, 0.22]
    assert len(pa.pyramid_shares(age_frame(), "市")) == 0  # no male/female: no pyramid


def test_the_values_the_findings_name() -> None:
    v = pa.findings_values(series_frame(), NATURAL, SOCIAL)
    assert v["city_peak"] == "1,000" and v["city_peak_year"] == "1955" and v["city_peak_wareki"] == "昭和30年"
    # 大東: its first census and the last within 20 years of it
    assert (v["daito_from_year"], v["daito_from_wareki"], v["daito_years"]) == ("1955", "昭和30年", "20")
    assert (v["daito_from"], v["daito_to"], v["daito_change"]) == ("300", "200", "△100")
    assert (v["city_2020_estimate"], v["city_2020_census"], v["city_2020_gap"]) == ("750", "700", "△50")
    assert (v["natural_first"], v["natural_last"]) == ("H30", "R4")
    assert (v["births_first"], v["births_last"], v["deaths_first"], v["deaths_last"]) == (
        "600",
        "440",
        "1,900",
        "2,080",
    )
    assert (v["natural_diff_first"], v["natural_diff_last"]) == ("△1,300", "△1,640")
    assert v["social_last"] == "R4" and v["social_last_wareki"] == "令和4年度"
    assert v["moves_in_change"] == "+100" and v["moves_out_change"] == "△150"
    assert v["social_deficit_years"] == "3"
    ended = SOCIAL.assign(moves_in=[3100, 2400, 2500])  # H30 was a gain: the run counts from R1
    assert pa.findings_values(series_frame(), NATURAL, ended)["social_deficit_years"] == "2"


def test_a_difference_is_written_with_its_sign() -> None:
    assert pa._signed(1234) == "+1,234" and pa._signed(0) == "0" and pa._signed(-5) == "△5"


# --- the tables checked against each other, the claims and the findings ------------------------------


def loaded(label: str, header: tuple[str, ...], frame: pd.DataFrame) -> LoadedTable:
    return LoadedTable(Table(label, list(header)), frame)


def test_check_tables_names_file_row_and_column() -> None:
    areas = [(area, 2017, 100, "住民基本台帳", 20 + i) for i, area in enumerate(AREAS)]
    series = pd.concat(
        [
            series_frame(),
            pd.DataFrame([*areas, ("一関市", 2017, 799, "住民基本台帳", 30)], columns=series_frame().columns),
        ],
        ignore_index=True,
    )
    age = pd.DataFrame({"band": ["0-14", "10-19", "65+"], "row": [2, 3, 4]})
    tables = {
        "natural": loaded("n.csv", NATURAL_COLUMNS, NATURAL.assign(stated=[-1300, -1400, -1600])),
        "social": loaded("o.csv", SOCIAL_COLUMNS, SOCIAL.assign(stated=[None, -651, None])),
        "series": loaded("s.csv", SERIES_COLUMNS, series),
        "age": loaded("a.csv", AGE_COLUMNS, age),
    }
    problems: list[Problem] = []
    pt.check_tables(tables, problems)
    assert problems == [
        Problem("n.csv", "差（△1,600）が 出生−死亡（△1,640）と合いません", 4, "D列「差」"),  # 440 − 2,080
        Problem("o.csv", "差（△651）が 転入−転出（△650）と合いません", 3, "D列「差」"),  # 2,400 − 3,050
        Problem("s.csv", "一関市の人口（799）が8地域の合計（800）と合いません", 30, "C列「人口」"),
        Problem(
            "a.csv",
            "年齢の区分が年少（0〜14歳）・生産年齢（15〜64歳）・老年（65歳以上）をまたいでいます",
            3,
            "C列「年齢」",
        ),
    ]


def test_the_series_the_claims_are_checked_against() -> None:
    s = pa.claim_series(series_frame(), NATURAL, SOCIAL, FILES)
    births = s["出生"]
    assert births.unit == "人" and [p.value for p in births.points] == [600, 550, 440]
    assert [p.label for p in births.points] == ["平成30年度", "令和元年度", "令和4年度"]
    assert births.points[0].where == "n.csv 2行目"
    assert [p.value for p in s["自然減"].points] == [1300, 1400, 1640]
    assert [p.value for p in s["転出超過"].points] == [400, 650, 400]
    assert [p.value for p in s["転入"].points] == [2600, 2400, 2500]
    city = s["一関市の人口"]
    assert city.name == "一関市の人口（国勢調査）" and city.step == "前回の国勢調査"
    assert [(p.label, p.value, p.where) for p in city.points] == [
        ("1955年", 1000, "s.csv 2行目"),
        ("1985年", 900, "s.csv 3行目"),
        ("2020年", 700, "s.csv 4行目"),
    ]
    assert [p.label for p in s["大東の人口（最初の20年間）"].points] == ["1955年", "1965年", "1975年"]
    assert "全国の人口" not in s and "花泉の人口" in s
    gap = s["国勢調査と推計の差"]
    assert [(p.label, p.value, p.where) for p in gap.points] == [
        ("2020年", -50, "s.csv 4行目（国勢調査）・5行目（独自推計）")
    ]


def test_the_rankings_and_pyramids_the_claims_are_checked_against() -> None:
    migration = pd.DataFrame(
        {"partner": ["東京圏", "仙台市"], "moves_in": [900, None], "moves_out": [1200, 700], "row": [2, 3]}
    )
    moves_in, moves_out = pa.claim_rankings(migration, FILES)
    assert moves_in == claims.Ranked("転入", (("東京圏", 900, "m.csv 2行目"), ("仙台市", None, "m.csv 3行目")))
    assert moves_out.name == "転出" and [e[1] for e in moves_out.entries] == [1200, 700]
    age = age_frame()
    extra = pd.DataFrame(
        [
            ("市", "2020年国勢調査", "45-49", 45, 49, None, None, 70, 9),
            ("市", "2020年国勢調査", "70-74", 70, 74, None, None, 95, 10),
        ],
        columns=age.columns,
    )
    pyramids = pa.claim_pyramids(pd.concat([age, extra], ignore_index=True), FILES)
    assert pyramids["市"] == claims.Pyramid("市", 2020, {45: (70, "a.csv 9行目"), 70: (95, "a.csv 10行目")})
    assert pyramids["全国"] == claims.Pyramid("全国", None, {})  # no five-year bands


def test_facts_check_by_the_claim_name() -> None:
    ranked = claims.Ranked("転入", (("東京圏", 900, "m.csv 2行目"), ("仙台市", 800, "m.csv 3行目")))
    facts = Facts(
        pa.claim_series(series_frame(), NATURAL, SOCIAL, FILES), (ranked,), {"全国": claims.Pyramid("全国", None, {})}
    )
    with pytest.raises(claims.Unverifiable, match=r"^この数値は入力のどの表にもありません$"):
        facts.check("元資料のみ", "20歳代の割合が高い")
    facts.check("移動の多い順", "東京圏、仙台市")
    with pytest.raises(claims.ClaimError, match="転入の多い順は「東京圏、仙台市」です"):
        facts.check("移動の多い順", "仙台市、東京圏")
    with pytest.raises(claims.Unverifiable, match=r"^全国の5歳階級別の人口が人口構造の表にありません$"):
        facts.check("ベビーブーム世代（全国）", "突出")
    with pytest.raises(claims.Unverifiable, match=r"^岩手の5歳階級別の人口"):  # no table for the region at all
        facts.check("ベビーブーム世代（岩手）", "突出")
    with pytest.raises(claims.ClaimError, match="系列「ベビーブーム世代（全国）の山」はありません"):
        facts.check("ベビーブーム世代（全国）の山", "突出")
    facts.check("出生", "減少")  # 550 → 440
    with pytest.raises(claims.ClaimError, match="「出生: 増加」とありますが、データと合いません"):
        facts.check("出生", "増加")


FINDINGS = """分析結果:
  - 出生は{傾向:出生}、{city_peak_year}年の人口は{city_peak}人。
  - 文: 転入は増加した。
    主張:
      転入: 減少
      元資料のみ: 20歳代が多い
  - 人口が増加した。
  - 人口は{nothing}人。
"""


def test_fill_findings_checks_the_claims_and_fills_the_phrases(tmp_path) -> None:
    (tmp_path / "f.yaml").write_text(FINDINGS, "utf-8")
    problems: list[Problem] = []
    findings, node = load_findings(tmp_path / "f.yaml", "f.yaml", problems)
    assert findings is not None and problems == []
    age = age_frame().assign(row=range(2, 9))
    tables = pt.PopulationTables(series_frame(), NATURAL, SOCIAL, pd.DataFrame(MIGRATION), age, FILES)
    filled = fill_findings(pt.PopulationInputs(tables, findings, node, "f.yaml"), problems)
    assert filled is not None
    # 600, 550, 440 fall; the city's census peak is 1955's 1,000; a refused sentence is still filled,
    # one whose placeholder is unknown is left out
    assert filled.texts == ["出生は減少傾向、1955年の人口は1,000人。", "転入は増加した。", "人口が増加した。"]
    assert filled.notices == [
        "注意：f.yaml 6行目：「元資料のみ: 20歳代が多い」をデータで確かめられません。"
        "この数値は入力のどの表にもありません。元の資料で確かめてから使ってください"
    ]
    assert [(p.file, p.row, p.column) for p in problems] == [
        ("f.yaml", 5, "分析結果[2].主張.転入"),
        ("f.yaml", 7, "分析結果[3].文"),  # a plain item: its own line (line_of stops at the nearest node)
        ("f.yaml", 8, "分析結果[4].文"),
    ]
    assert problems[0].message.startswith("「転入: 減少」とありますが、データと合いません：転入は前年度から100人増加")
    assert problems[0].message.endswith("（文は3行目）")
    assert problems[1].message.startswith("「増加」と書かれていますが、データで確かめる主張がありません。")
    assert problems[2].message.startswith("差し込み「{nothing}」はありません（使える名前：city_peak、")


def test_fill_findings_names_a_figure_the_tables_lack(tmp_path) -> None:
    (tmp_path / "f.yaml").write_text("分析結果:\n  - 出生は{傾向:出生}。\n", "utf-8")
    problems: list[Problem] = []
    findings, node = load_findings(tmp_path / "f.yaml", "f.yaml", problems)
    assert findings is not None
    no_estimate = series_frame().query("kind != '独自推計'")
    tables = pt.PopulationTables(no_estimate, NATURAL, SOCIAL, pd.DataFrame(MIGRATION), age_frame(), FILES)
    assert fill_findings(pt.PopulationInputs(tables, findings, node, "f.yaml"), problems) is None
    assert problems == [Problem("s.csv", "分析結果に使う数値が足りません（'独自推計'）")]

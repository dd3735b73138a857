"""Literal expectations for packetgen.analysis.donation and the modules it stands on (inputs.donation_totals,
analysis.donation_claims), written to kill mutmut survivors (docs/mutation.md)."""

# ruff: noqa: E501  (the expected messages are literal Japanese sentences, kept whole)

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from packetgen.analysis import claims
from packetgen.analysis import donation as d
from packetgen.analysis import donation_claims as dc
from packetgen.core.errors import Problem
from packetgen.inputs import donation_totals as t
from packetgen.inputs.donation import DonationRecord, StatedTotal


def record(year: str, category: str, project: str, company: str, amount: int, projects: int = 1) -> DonationRecord:
    return DonationRecord.model_validate(
        {
            "年度": year,
            "対象事業の区分": category,
            "事業名": project,
            "寄附企業": company,
            "寄附額（千円）": str(amount),
            "事業数": str(projects),
        }
    )


RECORDS = [
    record("令和4年度", "しごと", "起業支援", "A社", 100, 2),
    record("令和3年度", "ひと", "移住促進", "B社", 50),
    record("令和4年度", "まち", "まちづくり", "C社", 30),
    record("令和4年度", "しごと", "起業支援", "D社", 70, 2),
    record("令和4年度", "しごと", "起業支援", "A社", 5, 2),
]


def test_totals_by_year_groups_years_ascending_and_projects_in_record_order() -> None:
    years = t.totals_by_year(RECORDS)
    assert [y.fiscal_year for y in years] == [2021, 2022]
    assert years[0].projects == (t.ProjectTotal("ひと", "移住促進", ("B社",), 50, 1, 1),)
    assert years[1].projects == (
        t.ProjectTotal("しごと", "起業支援", ("A社", "D社"), 175, 2, 3),
        t.ProjectTotal("まち", "まちづくり", ("C社",), 30, 1, 1),
    )
    assert (years[1].amount, years[1].project_count, years[1].donations) == (205, 3, 4)
    assert (years[0].amount, years[0].project_count, years[0].donations) == (50, 1, 1)
    assert t.totals_by_year([]) == []


def test_project_key() -> None:
    assert t.project_key(RECORDS[0]) == (2022, "しごと", "起業支援")


def test_inconsistent_project_counts() -> None:
    records = [
        *RECORDS,
        record("令和4年度", "しごと", "起業支援", "E社", 1, 3),
        record("令和3年度", "ひと", "移住促進", "F", 1, 1),
    ]
    assert t.inconsistent_project_counts(records) == [t.Inconsistency(5, 0, 3, 2)]
    assert t.inconsistent_project_counts(RECORDS) == []


def test_year_on_year() -> None:
    years = t.totals_by_year([*RECORDS, record("令和5年度", "ひと", "移住促進", "B社", 20)])
    changes = d.year_on_year(years)
    assert [(c.total.fiscal_year, c.change) for c in changes] == [(2021, None), (2022, 155), (2023, -185)]
    assert d.year_on_year([]) == []


def test_check_stated_totals() -> None:
    years = t.totals_by_year(RECORDS)

    def stated(year: str, amount: int, projects: int | None = None) -> StatedTotal:
        data = {"年度": year, "寄附額（千円）": str(amount)}
        if projects is not None:
            data["事業数"] = str(projects)
        return StatedTotal.model_validate(data)

    assert t.check_stated_totals([stated("令和4年度", 205, 3), stated("令和3年度", 50)], years) == []
    assert t.check_stated_totals(
        [stated("令和4年度", 200, 4), stated("令和2年度", 1), stated("令和3年度", 50, 1), stated("令和3年度", 51)],
        years,
    ) == [
        t.TotalMismatch(0, "寄附額（千円）", 200, 205),
        t.TotalMismatch(0, "事業数", 4, 3),
        t.TotalMismatch(1, "年度", 2020, None),
        t.TotalMismatch(3, "寄附額（千円）", 51, 50),
    ]


@pytest.mark.parametrize(
    ("gift", "deduction", "relief", "credit", "burden"),
    [(100000, 30000, 90000, 60000, 10000), (5, 2, 5, 3, 0), (15, 5, 14, 9, 1), (1, 0, 1, 1, 0)],
)
def test_worked_example_rounds_half_up_and_adds_up(
    gift: int, deduction: int, relief: int, credit: int, burden: int
) -> None:
    example = d.worked_example(gift, Decimal("0.3"), Decimal("0.9"))
    assert (example.gift, example.deduction, example.relief) == (gift, deduction, relief)
    assert (example.credit, example.burden) == (credit, burden)
    assert example.credit_rate == Decimal("0.6")
    assert example.burden_rate == Decimal("0.1")
    assert example.deduction + example.credit + example.burden == gift


def test_thousand_yen_rounds_half_up() -> None:
    assert d._thousand_yen(Decimal("2.5")) == 3
    assert d._thousand_yen(Decimal("3.5")) == 4
    assert d._thousand_yen(Decimal("2.49")) == 2
    assert d._thousand_yen(Decimal("-2.5")) == -3


@pytest.mark.parametrize(
    ("rate", "text"),
    [
        ("0.3", "3割"),
        ("0.9", "9割"),
        ("1", "10割"),
        ("0.25", "25%"),
        ("0.125", "12.5%"),
        ("0.05", "5%"),
        ("0.30", "3割"),
    ],
)
def test_rate_text(rate: str, text: str) -> None:
    assert d.rate_text(Decimal(rate)) == text


def test_claim_series_names_years_rows_and_units() -> None:
    years = t.totals_by_year(RECORDS)
    series = dc.claim_series(years, {2022: [2, 4, 5, 6], 2021: [3]}, "donations.csv")
    assert list(series) == ["寄附額", "事業数", "寄附件数"]
    assert series["寄附額"] == claims.Series(
        "寄附額",
        "千円",
        (
            claims.Point("令和3年度", 50, "donations.csv 3行目"),
            claims.Point("令和4年度", 205, "donations.csv 2・4・5・6行目"),
        ),
    )
    assert series["事業数"].unit == "事業"
    assert [p.value for p in series["事業数"].points] == [1, 3]
    assert series["寄附件数"].unit == "件"
    assert series["寄附件数"].name == "寄附件数"
    assert [p.value for p in series["寄附件数"].points] == [1, 4]
    assert dc.claim_series(years, {}, "x.csv")["寄附額"].points[0].where == "x.csv 行目"


def test_categories_text() -> None:
    years = t.totals_by_year(RECORDS)
    assert d.categories_text(years[0]) == "ひと"
    assert d.categories_text(years[1]) == "しごと及びまち"
    three = t.totals_by_year(
        [*RECORDS, record("令和4年度", "ひと", "x", "Z", 1), record("令和4年度", "まち", "y", "Z", 1)]
    )
    assert d.categories_text(three[1]) == "しごと、まち及びひと"


# --- claims ------------------------------------------------------------------------------------


def series(name: str, values: list[int], unit: str = "人", step: str = "前年度") -> claims.Series:
    labels = ["H30", "R1", "R2", "R3", "R4", "R5"]
    points = tuple(claims.Point(labels[i], v, f"t.csv {i + 2}行目") for i, v in enumerate(values))
    return claims.Series(name, unit, points, step)


def test_claim_constants() -> None:
    assert claims.TREND_THRESHOLD == 0.03
    assert claims.BOOMS == {"第1次": 1948, "第2次": 1972}
    assert claims.CLAIM_WORDS[0] == "増加"
    assert len(claims.CLAIM_WORDS) == 27


def test_figures() -> None:
    s = series("転入", [1234, -5], "人")
    assert s.figures() == "H30 1,234人（t.csv 2行目）、R1 △5人（t.csv 3行目）"
    assert s.figures(s.points[1:]) == "R1 △5人（t.csv 3行目）"
    assert s.figures(()) == ""


def ranked(name: str, *entries: tuple[str, int | None]) -> claims.Ranked:
    return claims.Ranked(name, tuple((p, v, f"m.csv {i + 2}行目") for i, (p, v) in enumerate(entries)))


def test_check_order() -> None:
    moves_in = ranked("転入", ("東京圏", 300), ("仙台市", 200), ("盛岡市", 100))
    moves_out = ranked("転出", ("東京圏", 500), ("仙台市", 400), ("盛岡市", 450))
    claims.check_order((moves_in,), "東京圏、仙台市")
    claims.check_order((moves_in,), " 東京圏 ,仙台市，盛岡市・ ")
    with pytest.raises(claims.ClaimError) as info:
        claims.check_order((moves_in,), " 、 ")
    assert str(info.value) == "「移動の多い順」に相手先を「、」で区切って書いてください"
    with pytest.raises(claims.ClaimError) as info:
        claims.check_order((moves_in,), "東京圏、大阪、京都")
    assert str(info.value) == "相手先「大阪、京都」は転入転出の表にありません（ある相手先：東京圏、仙台市、盛岡市）"
    with pytest.raises(claims.ClaimError) as info:
        claims.check_order((moves_in, moves_out), "東京圏、仙台市")
    assert str(info.value) == (
        "転出の多い順は「東京圏、盛岡市」です：東京圏 500人（m.csv 2行目）、盛岡市 450人（m.csv 4行目）、"
        "仙台市 400人（m.csv 3行目）"
    )
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_order((ranked("転入", ("東京圏", None), ("仙台市", 3)),), "東京圏")
    assert str(info.value) == "転入の人数が空欄です（東京圏：m.csv 2行目）"
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_order(
            (ranked("転入", ("東京圏", 1), ("仙台市", None), ("盛岡市", None), ("奥州市", None)),), "東京圏"
        )
    assert str(info.value) == "転入の人数が空欄です（仙台市・盛岡市・奥州市：m.csv 3行目ほか2行）"


def test_boom_band() -> None:
    assert claims.boom_band(2020, 1948) == 70
    assert claims.boom_band(2020, 1972) == 45
    assert claims.boom_band(2015, 1948) == 65
    assert claims.boom_band(2019, 1948) == 70


def pyramid(year: int | None = 2020, **values: int) -> claims.Pyramid:
    bands = {int(k[1:]): (v, f"p.csv {k}") for k, v in values.items()}
    return claims.Pyramid("一関市", year, bands)


def test_check_booms() -> None:
    standing_out = pyramid(a40=100, a45=200, a50=150, a65=100, a70=300, a75=200)
    claims.check_booms(standing_out, "突出")
    claims.check_booms(standing_out, "第2次が第1次より少ない")
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(standing_out, "第2次が第1次より多い")
    assert str(info.value) == (
        "一関市の第2次ベビーブーム世代は第1次より少なくありません：70～74歳 300人（p.csv a70）、45～49歳 200人（p.csv a45）"
    ).replace("少なく", "多く")
    equal = pyramid(a45=300, a70=300)
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(equal, "第2次が第1次より少ない")
    assert str(info.value) == (
        "一関市の第2次ベビーブーム世代は第1次より少なくありません：70～74歳 300人（p.csv a70）、45～49歳 300人（p.csv a45）"
    )
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(pyramid(a45=300, a70=200), "第2次が第1次より少ない")
    assert str(info.value).startswith("一関市の第2次ベビーブーム世代は第1次より少なくありません：")
    claims.check_booms(pyramid(a45=301, a70=300), "第2次が第1次より多い")


def test_check_booms_flat_generations() -> None:
    flat = pyramid(a40=100, a45=150, a50=150, a65=100, a70=300, a75=300)
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(flat, "突出")
    assert str(info.value) == (
        "一関市の第1次・第2次ベビーブーム世代は前後の年齢より多くありません："
        "40～44歳 100人（p.csv a40）、45～49歳 150人（p.csv a45）、50～54歳 150人（p.csv a50）、"
        "65～69歳 100人（p.csv a65）、70～74歳 300人（p.csv a70）、75～79歳 300人（p.csv a75）"
    )
    low_side = pyramid(a40=200, a45=150, a50=100, a65=100, a70=300, a75=200)
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(low_side, "突出")
    assert str(info.value).startswith("一関市の第2次ベビーブーム世代は前後の年齢より多くありません：")


def test_check_booms_refusals() -> None:
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(pyramid(), "多い")
    assert (
        str(info.value) == "主張「多い」は使えません（使える主張：突出、第2次が第1次より少ない、第2次が第1次より多い）"
    )
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_booms(pyramid(None), "突出")
    assert str(info.value) == "一関市の5歳階級別の人口が人口構造の表にありません"
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_booms(pyramid(a45=1, a70=2), "突出")
    assert str(info.value) == "一関市（2020年）の40～44歳、50～54歳、65～69歳、75～79歳の人口が人口構造の表にありません"
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_booms(pyramid(a45=1), "第2次が第1次より少ない")
    assert str(info.value) == "一関市（2020年）の70～74歳の人口が人口構造の表にありません"


def test_direction_change_and_their_refusal() -> None:
    assert claims.direction(series("x", [1, 2])) == "増加"
    assert claims.direction(series("x", [2, 1])) == "減少"
    assert claims.direction(series("x", [9, 2, 2])) == "横ばい"
    assert claims.change(series("x", [1000, 3500], "千円")) == "前年度から2,500千円増加"
    assert claims.change(series("x", [3, 1], "回", "前回")) == "前回から2回減少"
    assert claims.change(series("x", [3, 3], "回", "前回")) == "前回と同じ"
    with pytest.raises(claims.ClaimError) as info:
        claims.change(series("転入", [5]))
    assert str(info.value) == "転入は1時点しかなく、前年度と比べられません"


def test_fitted_change_and_trend() -> None:
    assert claims.fitted_change(series("x", [100, 110, 120])) == pytest.approx(20 / 110)
    assert claims.fitted_change(series("x", [0, 0, 0])) == 0.0
    assert claims.fitted_change(series("x", [-100, -110, -120])) == pytest.approx(-20 / 110)
    assert claims.fitted_change(series("x", [100, 101, 103, 100])) == pytest.approx(0.6 / 101)
    with pytest.raises(claims.ClaimError) as info:
        claims.fitted_change(series("出生", [1, 2]))
    assert str(info.value) == "出生は2時点しかなく、傾向は3時点以上で判断します"
    assert claims.trend(series("x", [100, 103, 100, 103, 100, 104])) == "横ばい傾向"
    assert claims.trend(series("x", [98.5, 100, 101.5])) == "増加傾向"  # exactly 3 %
    assert claims.trend(series("x", [101.5, 100, 98.5])) == "減少傾向"
    assert claims.trend(series("x", [100, 101, 102])) == "横ばい傾向"


def test_streak_and_record_details() -> None:
    assert claims.streak(series("x", [1, 0, 2, 3])) == series("x", [1, 0, 2, 3]).points[2:]
    assert claims.streak(series("x", [1, 2, -1])) == ()
    assert claims.streak_phrase(series("x", [1, 2, 3], "回", "前回")) == "H30から3回連続"
    with pytest.raises(claims.ClaimError) as info:
        claims.streak_phrase(series("転出超過", [4, 5, 0]))
    assert str(info.value) == "最新のR2は転出超過ではありません（R2 0人（t.csv 4行目））"
    assert claims.record(series("x", [5, 7, 9])) == "H30以降で最多"
    assert claims.record(series("x", [5, 3, 1])) == "H30以降で最少"
    with pytest.raises(claims.ClaimError) as info:
        claims.record(series("x", [5, 9, 9]))
    assert (
        str(info.value)
        == "最新のR2はxの最多でも最少でもありません（H30 5人（t.csv 2行目）、R1 9人（t.csv 3行目）、R2 9人（t.csv 4行目））"
    )
    with pytest.raises(claims.ClaimError):
        claims.record(series("x", [1, 9, 1]))
    assert claims.latest_label(series("x", [1, 2])) == "R1"
    assert claims.latest_value(series("x", [1, -2500], "千円")) == "△2,500千円"


def test_peak_then_falling() -> None:
    assert claims._peak_then_falling(series("x", [1, 5, 4, 3]))
    assert not claims._peak_then_falling(series("x", [1, 5, 4, 4]))
    assert not claims._peak_then_falling(series("x", [1, 2, 5]))
    assert not claims._peak_then_falling(series("x", [1, 5, 3, 4]))
    assert claims._peak_then_falling(series("x", [5, 4]))


@pytest.mark.parametrize(
    ("claim", "values", "held"),
    [
        ("増加", [1, 2], True),
        ("増加", [2, 2], False),
        ("減少", [2, 1], True),
        ("減少", [1, 1], False),
        ("横ばい", [1, 1], True),
        ("横ばい", [1, 2], False),
        ("増加傾向", [100, 110, 120], True),
        ("増加傾向", [100, 100, 100], False),
        ("減少傾向", [120, 110, 100], True),
        ("減少傾向", [100, 100, 100], False),
        ("横ばい傾向", [100, 100, 100], True),
        ("横ばい傾向", [100, 110, 120], False),
        ("継続", [0, 1, 1], True),
        ("継続", [1, 0, 1], False),
        ("過去最多", [1, 2, 3], True),
        ("過去最多", [3, 2, 1], False),
        ("過去最少", [3, 2, 1], True),
        ("過去最少", [1, 2, 3], False),
        ("ピーク後減少", [1, 3, 2], True),
        ("上回る", [-1, 1], True),
        ("上回る", [1, 0], False),
        ("下回る", [1, -1], True),
        ("下回る", [-1, 0], False),
    ],
)
def test_claims_vocabulary(claim: str, values: list[int], held: bool) -> None:
    assert claims.CLAIMS[claim](series("x", values)) is held


def test_check_claim_messages() -> None:
    data = {"転入": series("転入", [100, 90, 80]), "出生": series("出生", [5])}
    claims.check_claim(data, "転入", "減少")
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim(data, "転居", "減少")
    assert str(info.value) == "系列「転居」はありません（使える系列：転入、出生）"
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim(data, "転入", "激減")
    assert str(info.value).startswith("主張「激減」は使えません（使える主張：増加、減少、横ばい、増加傾向、")
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim(data, "出生", "増加")
    assert str(info.value) == "「出生: 増加」を確かめられません：出生は1時点しかなく、前年度と比べられません"
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim(data, "転入", "増加")
    assert str(info.value) == (
        "「転入: 増加」とありますが、データと合いません：転入は前年度から10人減少（R1 90人（t.csv 3行目）、R2 80人（t.csv 4行目））"
    )
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim(data, "転入", "増加傾向")
    assert str(info.value) == (
        "「転入: 増加傾向」とありますが、データと合いません：転入は減少傾向（回帰直線で-22.2%。"
        "H30 100人（t.csv 2行目）、R1 90人（t.csv 3行目）、R2 80人（t.csv 4行目））"
    )
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim({"超過": series("超過", [1, -1, 5])}, "超過", "継続")
    assert str(info.value) == (
        "「超過: 継続」とありますが、データと合いません：超過は最新時点まで1時点しか続いていません"
        "（H30 1人（t.csv 2行目）、R1 △1人（t.csv 3行目）、R2 5人（t.csv 4行目））"
    )
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim(data, "転入", "過去最多")
    assert str(info.value) == (
        "「転入: 過去最多」とありますが、データと合いません：データ："
        "H30 100人（t.csv 2行目）、R1 90人（t.csv 3行目）、R2 80人（t.csv 4行目）"
    )


def test_fill_messages() -> None:
    data = {"転入": series("転入", [100, 90])}
    assert claims.fill("{a}と{値:転入}、{方向:転入}", {"a": "A", "b": "B"}, data) == "Aと90人、減少"
    assert claims.fill("{記録:転入}", {}, data) == "H30以降で最少"
    with pytest.raises(claims.ClaimError) as info:
        claims.fill("{c}", {"a": "A", "b": "B"}, data)
    assert str(info.value) == "差し込み「{c}」はありません（使える名前：a、b）"
    with pytest.raises(claims.ClaimError) as info:
        claims.fill("{増分:転入}", {}, data)
    assert str(info.value) == "計算語句「増分」はありません（使える語句：最新年度、値、増減、方向、傾向、連続、記録）"
    with pytest.raises(claims.ClaimError) as info:
        claims.fill("{増減:転居}", {}, data)
    assert str(info.value) == "「{増減:転居}」の系列「転居」はありません（使える系列：転入）"
    assert claims.fill("{ {}", {}, data) == "{ {}"


def test_unclaimed_words() -> None:
    assert claims.unclaimed_words("転入は増加し、{傾向:出生}の順で並ぶ", {}) == ["増加", "の順で"]
    assert claims.unclaimed_words("転入は増加", {"転入": "増加"}) == []
    assert claims.unclaimed_words("{増加:転入}", {}) == []


def test_check_order_details() -> None:
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_order((ranked("転入", ("東京圏", 1), ("仙台市", None), ("盛岡市", None)),), "東京圏")
    assert str(info.value) == "転入の人数が空欄です（仙台市・盛岡市：m.csv 3行目ほか1行）"
    claims.check_order((ranked("転入", ("盛岡市", 0), ("仙台市", 1)),), "仙台市")
    with pytest.raises(claims.ClaimError) as info:
        claims.check_order((ranked("転入", ("盛岡市", 0), ("仙台市", 1)),), "盛岡市")
    assert str(info.value) == "転入の多い順は「仙台市」です：仙台市 1人（m.csv 3行目）、盛岡市 0人（m.csv 2行目）"


def test_latest_value_is_the_last_point() -> None:
    assert claims.latest_value(series("x", [1, 2, 3000], "千円")) == "3,000千円"
    assert claims.latest_label(series("x", [1, 2, 3])) == "R2"


def test_claim_series_names_the_project_count() -> None:
    series_ = dc.claim_series(t.totals_by_year(RECORDS), {}, "x.csv")
    assert [(s.name, s.unit) for s in series_.values()] == [("寄附額", "千円"), ("事業数", "事業"), ("寄附件数", "件")]


def test_a_refused_level_claim_says_the_change() -> None:
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim({"転入": series("転入", [100, 90])}, "転入", "横ばい")
    assert str(info.value) == (
        "「転入: 横ばい」とありますが、データと合いません：転入は前年度から10人減少（H30 100人（t.csv 2行目）、R1 90人（t.csv 3行目））"
    )


def test_fill_lists_every_series_it_knows() -> None:
    with pytest.raises(claims.ClaimError) as info:
        claims.fill("{増減:転居}", {}, {"転入": series("転入", [1, 2]), "転出": series("転出", [1, 2])})
    assert str(info.value) == "「{増減:転居}」の系列「転居」はありません（使える系列：転入、転出）"


# --- slide facts -------------------------------------------------------------------------------


def deck(**raw) -> object:
    from packetgen.inputs.slides import DeckSource

    return DeckSource.model_validate({"deck": "1-1", **raw})


def lines_of(loc: tuple) -> int:
    """The YAML line of each key path the notices may name (0 for any other path)."""
    return {
        ("title",): 2,
        ("slides", 0, "title"): 5,
        ("slides", 1, "title"): 104,
        ("数値", "未使用"): 9,
        ("slides", 3, "kpis", 0, "value"): 108,
        ("slides", 4, "kpis", 0, "value"): 109,
    }.get(loc, 0)


def test_slide_facts_helpers() -> None:
    from packetgen.analysis import slide_facts as f

    assert f._plain(" **総合戦略** ") == "総合戦略"
    assert f._figures("全国展開（1,741市区町村）を目指す　等 2027.5年") == ("1,741", "2027.5")
    assert f._figures("なし") == ()


def test_deck_fact_notices_all_agree() -> None:
    from packetgen.analysis.slide_facts import deck_fact_notices

    source = deck(
        title="総合戦略",
        数値={"団体": "1,500団体"},
        slides=[
            {"layout": "title", "title": "**総合戦略**"},
            {"layout": "kpi", "title": "KPI", "kpis": [{"label": "実装", "value": "{団体}", "year": "2027年度"}]},
            {
                "layout": "kpi",
                "title": "KPI",
                "kpis": [{"label": "**実装**", "value": "約1,500団体", "year": " 2027年度 "}],
            },
            {"layout": "kpi", "title": "KPI", "kpis": [{"label": "実装", "value": "2,000団体", "year": "2030年度"}]},
        ],
    )
    assert deck_fact_notices(source, "総合戦略", "s.yaml", lines_of) == []
    assert deck_fact_notices(deck(slides=[{"layout": "title"}]), "総合戦略", "s.yaml", lines_of) == []


def test_deck_fact_notices_name_title_unused_value_and_figure() -> None:
    from packetgen.analysis.slide_facts import deck_fact_notices

    source = deck(
        title="戦略",
        数値={"未使用": "3"},
        slides=[
            {"layout": "section", "title": "章"},
            {"layout": "title", "title": "表紙"},
            {"layout": "title", "title": "二枚目の表紙"},
            {
                "layout": "kpi",
                "title": "KPI",
                "kpis": [{"label": "実装", "value": "1,500団体"}, {"label": "別", "value": "1"}],
            },
            {"layout": "kpi", "title": "KPI", "kpis": [{"label": "実装", "value": "1,600団体"}]},
        ],
    )
    assert deck_fact_notices(source, "総合戦略", "s.yaml", lines_of) == [
        "注意：s.yaml 2行目：表紙のタイトル「戦略」が meeting.yaml の名称「総合戦略」と違います。"
        "名称を変えたときはここも直してください（違うのが意図どおりならそのままで構いません）",
        "注意：s.yaml 104行目：表紙のタイトル「表紙」が meeting.yaml の名称「総合戦略」と違います。"
        "名称を変えたときはここも直してください（違うのが意図どおりならそのままで構いません）",
        "注意：s.yaml 9行目：数値「未使用」はどのスライドでも使われていません（使うときは {未使用} と書きます。要らなければ消してください）",
        "注意：s.yaml 109行目：スライド5の「実装」（年の記載なし）は「1,600団体」ですが、スライド4（108行目）では「1,500団体」です。"
        "同じ数値は一か所で決め、両方を合わせてください",
    ]


# --- the records table checked: 事業数 per project and every 計 row ------------------------------

RECORDS_HEADER = "年度,対象事業の区分,事業名,寄附企業,寄附額（千円）,事業数,出典\n"


def checked(tmp_path: Path, rows: str) -> tuple[list, list[str]]:
    from packetgen.inputs.donation import load_donations

    (tmp_path / "records.csv").write_text(RECORDS_HEADER + rows, "utf-8")
    problems: list[Problem] = []
    table = load_donations(tmp_path / "records.csv", "records.csv", problems)
    assert table is not None
    years = t.checked_totals(table, problems)
    return years, [str(p) for p in problems]


def test_checked_totals_name_the_row_and_column_of_each_disagreement(tmp_path: Path) -> None:
    years, problems = checked(
        tmp_path,
        "令和4年度,区分,事業A,A社,100,1,x\n"
        "令和4年度,区分,事業A,B社,1500,2,x\n"
        "令和4年度,,計,,1500,3,x\n"
        "令和3年度,,計,,9,,x\n",
    )
    assert [(y.fiscal_year, y.amount, y.project_count) for y in years] == [(2022, 1600, 1)]
    assert problems == [
        "records.csv 3行目 F列「事業数」: 同じ年度・対象事業の区分・事業名の2行目と事業数が違います（2行目：1、この行：2）",
        "records.csv 4行目 E列「寄附額（千円）」: 令和4年度の計 1,500千円 が各行の合計 1,600千円 と合いません。"
        "データ行か計の行を確認してください",
        "records.csv 4行目 F列「事業数」: 令和4年度の計 3 が各行の合計 1 と合いません。データ行か計の行を確認してください",
        "records.csv 5行目 A列「年度」: 令和3年度の寄附のデータ行がありません（計の行だけがあります）",
    ]


def test_checked_totals_leave_the_totals_alone_while_a_data_row_is_invalid(tmp_path: Path) -> None:
    years, problems = checked(
        tmp_path, "令和4年度,区分,事業A,A社,100,1,x\n令和4年度,区分,事業B,B社,x,1,x\n令和4年度,,計,,999,2,x\n"
    )
    assert [(y.fiscal_year, y.amount) for y in years] == [(2022, 100)]
    assert len(problems) == 1 and problems[0].startswith("records.csv 3行目 E列「寄附額（千円）」")


def test_series_of_the_table_names_the_rows_of_each_years_gifts(tmp_path: Path) -> None:
    from packetgen.inputs.donation import load_donations

    (tmp_path / "records.csv").write_text(
        RECORDS_HEADER
        + "令和4年度,区分,事業A,A社,100,1,x\n令和3年度,区分,事業B,B社,20,1,x\n令和4年度,区分,事業C,C社,5,1,x\n",
        "utf-8",
    )
    table = load_donations(tmp_path / "records.csv", "records.csv", [])
    assert table is not None
    series = dc.series_of(t.totals_by_year([r.value for r in table.records]), table)
    assert [(p.label, p.value, p.where) for p in series["寄附額"].points] == [
        ("令和3年度", 20, "records.csv 3行目"),
        ("令和4年度", 105, "records.csv 2・4行目"),
    ]


def test_placeholder_values_are_the_worked_example_and_the_latest_year() -> None:
    latest = t.totals_by_year(RECORDS)[-1]
    example = d.worked_example(100000, Decimal("0.3"), Decimal("0.9"))
    assert dc.placeholder_values(example, latest) == {
        "損金算入": "3割",
        "税額控除": "6割",
        "最大軽減": "9割",
        "実質負担": "1割",
        "例示寄附額": "100,000千円",
        "報告年度": "令和4年度",
        "寄附額合計": "205千円",
        "事業数": "3",
        "寄附対象区分": "しごと及びまち",
    }


SEED_REPORT = Path(__file__).resolve().parent.parent / "inputs" / "2023-07-27" / "donation" / "report.yaml"
EVALUATION = '    - "{報告年度}は、{寄附対象区分}に対する寄附がありました。"\n'
CLAIMS = (
    "    - 文: 寄附額は減少しました。\n      主張: {寄附額: 減少}\n"  # refuted by the records
    "    - 寄附件数は増加しました。\n"  # a claim word as plain text
    '    - "{増減:不明}"\n'  # a computed phrase of no series
    "    - 文: 寄附額は{増減:不明}でした。\n      主張: {寄附額: 増加}\n"  # a declared sentence's phrase
)


def test_check_claims_names_each_refused_sentence_by_line_and_key(tmp_path: Path) -> None:
    from packetgen.inputs.donation import load_report

    report = tmp_path / "report.yaml"
    report.write_text(SEED_REPORT.read_text("utf-8").replace(EVALUATION, CLAIMS), "utf-8")
    problems: list[Problem] = []
    text = load_report(report, "report.yaml", problems)
    assert text is not None and problems == []
    years = t.totals_by_year(RECORDS)
    series = dc.claim_series(years, {2022: [2], 2021: [3]}, "records.csv")
    values = dc.placeholder_values(d.worked_example(1000, Decimal("0.3"), Decimal("0.9")), years[-1])
    assert dc.check_claims(text, series, values, problems) is False
    assert [str(p) for p in problems] == [
        "report.yaml 42行目 事業の評価.本文[1].主張.寄附額: 「寄附額: 減少」とありますが、データと合いません：寄附額は前年度から155千円増加（令和3年度 50千円（records.csv 3行目）、令和4年度 205千円（records.csv 2行目））（文は41行目）",
        "report.yaml 43行目 事業の評価.本文[2]: 「増加」と書かれていますが、データで確かめる主張がありません。{増減:寄附額} などの計算語句にするか、文: と 主張:（例：寄附額: 増加）の形にしてください（README「寄附の計算語句と主張」）",
        "report.yaml 44行目 事業の評価.本文[3]: 「{増減:不明}」の系列「不明」はありません（使える系列：寄附額、事業数、寄附件数）",
        "report.yaml 45行目 事業の評価.本文[4].文: 「{増減:不明}」の系列「不明」はありません（使える系列：寄附額、事業数、寄附件数）",
    ]
    seed = load_report(SEED_REPORT, "report.yaml", [])
    assert seed is not None and dc.check_claims(seed, series, values, problems) is True  # nothing added

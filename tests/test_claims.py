"""Computed phrases and declared claims (analysis/claims.py): the vocabulary, its rules (change, trend,
streak, record, the ranking of partners and the baby booms of an age pyramid), every refusal's message,
and claims refused by check. The findings of the seed meeting that use the rules are tested in
test_claims_structure.py.

The series below are made-up test data, except where a comment names the 2023-07-27 input (and the
national bands of the pyramid: population/age.csv, e-Stat, 2020 census)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATE, run
from packetgen.analysis import claims


def series(name: str, values: list[int], unit: str = "人") -> claims.Series:
    labels = ["平成30年度", "令和元年度", "令和2年度", "令和3年度", "令和4年度", "令和5年度"]
    points = tuple(claims.Point(labels[i], v, f"test.csv {i + 2}行目") for i, v in enumerate(values))
    return claims.Series(name, unit, points)


# 2023-07-27 inputs: population/natural.csv and social.csv
BIRTHS = series("出生", [626, 545, 555, 482, 444])
DEATHS = series("死亡", [1953, 1949, 1799, 1898, 2078])
MOVES_IN = series("転入", [2652, 2432, 2281, 2248, 2513])
DEFICIT = series("転出超過", [394, 621, 591, 387, 417])


def test_change_and_direction() -> None:
    assert claims.change(MOVES_IN) == "前年度から265人増加"
    assert claims.change(BIRTHS) == "前年度から38人減少"
    assert claims.change(series("x", [5, 5])) == "前年度と同じ"
    assert claims.direction(BIRTHS) == "減少" and claims.direction(series("x", [5, 5])) == "横ばい"


def test_trend_rule_is_the_fitted_line_against_three_percent() -> None:
    # 死亡 falls in two years and rises in two; the fitted line rises 4.1 % of the mean: 増加傾向
    assert round(claims.fitted_change(DEATHS), 3) == 0.041
    assert claims.trend(DEATHS) == "増加傾向"
    assert claims.trend(BIRTHS) == "減少傾向"
    assert claims.trend(series("x", [100, 102, 99, 101, 100])) == "横ばい傾向"


def test_streak_and_record() -> None:
    assert claims.streak_phrase(DEFICIT) == "平成30年度から5年連続"
    assert claims.streak_phrase(series("転出超過", [-3, 4, 5])) == "令和元年度から2年連続"
    assert claims.record(BIRTHS) == "平成30年度以降で最少"
    with pytest.raises(claims.ClaimError, match="最多でも最少でもありません"):
        claims.record(MOVES_IN)
    with pytest.raises(claims.ClaimError, match="令和2年度は転出超過ではありません"):
        claims.streak_phrase(series("転出超過", [4, 5, -1]))


def test_fill_with_values_and_phrases() -> None:
    text = "{最新年度:転入}は転入が{増減:転入}、出生数は{傾向:出生}（{報告}）"
    filled = claims.fill(text, {"報告": "X"}, {"転入": MOVES_IN, "出生": BIRTHS})
    assert filled == "令和4年度は転入が前年度から265人増加、出生数は減少傾向（X）"
    with pytest.raises(claims.ClaimError, match="計算語句「増分」はありません"):
        claims.fill("{増分:転入}", {}, {"転入": MOVES_IN})
    with pytest.raises(claims.ClaimError, match="系列「転居」はありません"):
        claims.fill("{増減:転居}", {}, {"転入": MOVES_IN})


def test_true_claims_pass_and_false_ones_name_the_figures() -> None:
    data = {"転入": MOVES_IN, "出生": BIRTHS, "転出超過": DEFICIT}
    for name, claim in [("転入", "増加"), ("出生", "減少傾向"), ("出生", "過去最少"), ("転出超過", "継続")]:
        claims.check_claim(data, name, claim)
    with pytest.raises(claims.ClaimError) as refused:
        claims.check_claim(data, "出生", "増加")
    assert str(refused.value) == (
        "「出生: 増加」とありますが、データと合いません：出生は前年度から38人減少"
        "（令和3年度 482人（test.csv 5行目）、令和4年度 444人（test.csv 6行目））"
    )
    with pytest.raises(claims.ClaimError, match="主張「急増」は使えません"):
        claims.check_claim(data, "転入", "急増")


def test_claim_words_need_a_declared_claim() -> None:
    assert claims.unclaimed_words("転入が増加した", {}) == ["増加"]
    assert claims.unclaimed_words("転入が{方向:転入}した", {}) == []
    assert claims.unclaimed_words("転入が増加した", {"転入": "増加"}) == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("出生数が大きく伸びた。", "伸び"),
        ("転出は年々減っている。", "減っ"),
        ("転入が増えている。", "増え"),
        ("死亡数の上昇が目立つ。", "上昇"),
        ("出生率が低下した。", "低下"),
        ("自然減の幅が拡大した。", "拡大"),
        ("社会減は縮小した。", "縮小"),
        ("転入が急増した。", "急増"),
        ("転出が急減した。", "急減"),
        ("出生数は減り続けている。", "減り"),
        ("出生数が回復に転じた。", "転じ"),
        ("寄附額は前年度から倍増した。", "倍増"),
        ("寄附件数が半減した。", "半減"),
    ],
)
def test_every_kind_of_direction_word_needs_a_claim(sentence: str, word: str) -> None:
    assert word in claims.unclaimed_words(sentence, {})
    assert claims.unclaimed_words(sentence, {"出生": "増加"}) == []  # a declared claim is checked instead


def test_words_about_the_tax_rules_are_not_taken_for_claims() -> None:
    # 制度の概要 states the law, not the data: 「最大で」 and 「転出超過」 as a measure's name stay allowed
    assert claims.unclaimed_words("最大で寄附額の約{最大軽減}が軽減されます。", {}) == []
    assert claims.unclaimed_words("転出超過が{連続:転出超過}となっている。", {}) == []


def test_a_false_claim_in_the_findings_fails_check(project: Path) -> None:
    path = project / "inputs" / DATE / "population" / "findings.yaml"
    path.write_text(path.read_text("utf-8").replace("転入: 増加", "転入: 減少"), "utf-8")
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    expected = (
        "inputs/2023-07-27/population/findings.yaml 25行目 分析結果[5].主張.転入: 「転入: 減少」とありますが、"
        "データと合いません：転入は前年度から265人増加（令和3年度 2,248人"
        "（inputs/2023-07-27/population/social.csv 5行目）、令和4年度 2,513人"
        "（inputs/2023-07-27/population/social.csv 6行目））（文は23行目）"
    )
    assert "".join(expected.split()) in "".join(result.stderr.split())  # the message is wrapped


def test_a_fixed_claim_word_without_a_claim_fails_check(project: Path) -> None:
    path = project / "inputs" / DATE / "donation" / "report.yaml"
    text = path.read_text("utf-8").replace("に対する寄附がありました。", "に対する寄附が増加しました。")
    path.write_text(text, "utf-8")
    result = run(project, "build", DATE)
    assert result.exit_code == 1
    assert "donation/report.yaml" in result.stderr and "事業の評価.本文[1]" in result.stderr
    assert "「増加」と書かれていますが、データで確かめる主張がありません" in "".join(result.stderr.split())


def test_a_census_window_that_rises_again_refutes_the_sharp_fall(project: Path) -> None:
    series = project / "inputs" / DATE / "population" / "series.csv"
    # made-up: 大東 1965 below 1975, so 「…以降の20年間で…減少した」 no longer holds at every census
    series.write_text(series.read_text("utf-8").replace("大東,1965,25606,", "大東,1965,19000,"), "utf-8")
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    expected = (
        "findings.yaml 12行目 分析結果[1].主張.大東の人口（最初の20年間）: 「大東の人口（最初の20年間）: "
        "ピーク後減少」とありますが、データと合いません：データ：1955年 29,136人"
        "（inputs/2023-07-27/population/series.csv 33行目）、1965年 19,000人"
        "（inputs/2023-07-27/population/series.csv 34行目）、1975年 21,409人"
        "（inputs/2023-07-27/population/series.csv 35行目）（文は9行目）"
    )
    assert "".join(expected.split()) in "".join(result.stderr.split())


# --- the ranking of partners and the baby booms (made-up figures, Japan 2020 from the seed) ----------


# population/age.csv of 2023-07-27: 全国, 2020年国勢調査, 40-44 … 75-79 (計)
JAPAN_2020 = {40: 8291077, 45: 9650293, 50: 8539851, 55: 7767482, 60: 7297190, 65: 8075268, 70: 9011795, 75: 6930928}


def census_pyramid(region: str, year: int | None, bands: dict[int, int]) -> claims.Pyramid:
    return claims.Pyramid(region, year, {low: (v, f"age.csv {i + 2}行目") for i, (low, v) in enumerate(bands.items())})


def test_the_boom_bands_follow_the_census_year() -> None:
    assert claims.boom_band(2020, 1948) == 70  # 第1次 (1947–49) at the 2020 census
    assert claims.boom_band(2020, 1972) == 45  # 第2次 (1971–74)
    assert claims.boom_band(2015, 1948) == 65
    assert claims.boom_band(2025, 1972) == 50


def test_both_booms_stand_out_in_japan_2020() -> None:
    claims.check_booms(census_pyramid("全国", 2020, JAPAN_2020), "突出")
    flat = dict(JAPAN_2020) | {75: 9100000}  # the band after 第1次 made larger: no longer a peak
    with pytest.raises(claims.ClaimError, match="全国の第1次ベビーブーム世代は前後の年齢より多くありません") as caught:
        claims.check_booms(census_pyramid("全国", 2020, flat), "突出")
    assert "75～79歳 9,100,000人（age.csv 9行目）" in str(caught.value)


def test_second_boom_smaller_than_the_first() -> None:
    city = {45: 7000, 70: 9500}
    claims.check_booms(census_pyramid("一関市", 2020, city), "第2次が第1次より少ない")
    with pytest.raises(claims.ClaimError, match="第2次ベビーブーム世代は第1次より少なくありません"):
        claims.check_booms(census_pyramid("一関市", 2020, {45: 9600, 70: 9500}), "第2次が第1次より少ない")
    with pytest.raises(claims.Unverifiable, match="一関市の5歳階級別の人口が人口構造の表にありません"):
        claims.check_booms(census_pyramid("一関市", None, {}), "第2次が第1次より少ない")
    with pytest.raises(claims.Unverifiable, match="45～49歳の人口"):
        claims.check_booms(census_pyramid("一関市", 2020, {70: 9500}), "第2次が第1次より少ない")


def ranked_by(name: str, counts: dict[str, int | None]) -> claims.Ranked:
    return claims.Ranked(name, tuple((p, v, f"migration.csv {i + 2}行目") for i, (p, v) in enumerate(counts.items())))


def test_an_order_of_partners() -> None:
    moves_in = ranked_by("転入", {"東京圏": 900, "仙台市": 500, "盛岡市": 300, "奥州市": 200})
    moves_out = ranked_by("転出", {"東京圏": 1200, "仙台市": 700, "盛岡市": 350, "奥州市": 300})
    claims.check_order((moves_in, moves_out), "東京圏、仙台市、盛岡市、奥州市")
    claims.check_order((moves_in, moves_out), "東京圏、仙台市")  # the top two
    swapped = ranked_by("転出", {"東京圏": 1200, "仙台市": 300, "盛岡市": 350, "奥州市": 300})
    with pytest.raises(claims.ClaimError, match="転出の多い順は「東京圏、盛岡市、仙台市、奥州市」です") as caught:
        claims.check_order((moves_in, swapped), "東京圏、仙台市、盛岡市、奥州市")
    assert "盛岡市 350人（migration.csv 4行目）" in str(caught.value)
    blank = ranked_by("転入", {"東京圏": None, "仙台市": 500, "盛岡市": None, "奥州市": 200})
    expected = re.escape("転入の人数が空欄です（東京圏・盛岡市：migration.csv 2行目ほか1行）")
    with pytest.raises(claims.Unverifiable, match=expected):
        claims.check_order((blank,), "東京圏、仙台市")
    with pytest.raises(claims.ClaimError, match="相手先「札幌市」は転入転出の表にありません"):
        claims.check_order((moves_in,), "東京圏、札幌市")


# --- each rule and message on short made-up series (H30 …, t.csv) ------------------------------------


def short_series(name: str, values: list[int], unit: str = "人", step: str = "前年度") -> claims.Series:
    labels = ["H30", "R1", "R2", "R3", "R4", "R5"]
    points = tuple(claims.Point(labels[i], v, f"t.csv {i + 2}行目") for i, v in enumerate(values))
    return claims.Series(name, unit, points, step)


def test_the_threshold_booms_and_claim_words_written_out() -> None:
    assert claims.TREND_THRESHOLD == 0.03
    assert claims.BOOMS == {"第1次": 1948, "第2次": 1972}
    assert claims.CLAIM_WORDS[0] == "増加"
    assert len(claims.CLAIM_WORDS) == 27


def test_figures_name_label_value_and_row() -> None:
    s = short_series("転入", [1234, -5], "人")
    assert s.figures() == "H30 1,234人（t.csv 2行目）、R1 △5人（t.csv 3行目）"
    assert s.figures(s.points[1:]) == "R1 △5人（t.csv 3行目）"
    assert s.figures(()) == ""


def test_latest_value_is_the_last_point() -> None:
    assert claims.latest_value(short_series("x", [1, 2, 3000], "千円")) == "3,000千円"
    assert claims.latest_label(short_series("x", [1, 2, 3])) == "R2"


def test_direction_change_and_their_refusal() -> None:
    assert claims.direction(short_series("x", [1, 2])) == "増加"
    assert claims.direction(short_series("x", [2, 1])) == "減少"
    assert claims.direction(short_series("x", [9, 2, 2])) == "横ばい"
    assert claims.change(short_series("x", [1000, 3500], "千円")) == "前年度から2,500千円増加"
    assert claims.change(short_series("x", [3, 1], "回", "前回")) == "前回から2回減少"
    assert claims.change(short_series("x", [3, 3], "回", "前回")) == "前回と同じ"
    with pytest.raises(claims.ClaimError) as info:
        claims.change(short_series("転入", [5]))
    assert str(info.value) == "転入は1時点しかなく、前年度と比べられません"


def test_the_fitted_change_and_the_trend_it_gives() -> None:
    assert claims.fitted_change(short_series("x", [100, 110, 120])) == pytest.approx(20 / 110)
    assert claims.fitted_change(short_series("x", [0, 0, 0])) == 0.0
    assert claims.fitted_change(short_series("x", [-100, -110, -120])) == pytest.approx(-20 / 110)
    assert claims.fitted_change(short_series("x", [100, 101, 103, 100])) == pytest.approx(0.6 / 101)
    with pytest.raises(claims.ClaimError) as info:
        claims.fitted_change(short_series("出生", [1, 2]))
    assert str(info.value) == "出生は2時点しかなく、傾向は3時点以上で判断します"
    assert claims.trend(short_series("x", [100, 103, 100, 103, 100, 104])) == "横ばい傾向"
    assert claims.trend(short_series("x", [98.5, 100, 101.5])) == "増加傾向"  # exactly 3 %
    assert claims.trend(short_series("x", [101.5, 100, 98.5])) == "減少傾向"
    assert claims.trend(short_series("x", [100, 101, 102])) == "横ばい傾向"


def test_streaks_and_records_in_detail() -> None:
    assert claims.streak(short_series("x", [1, 0, 2, 3])) == short_series("x", [1, 0, 2, 3]).points[2:]
    assert claims.streak(short_series("x", [1, 2, -1])) == ()
    assert claims.streak_phrase(short_series("x", [1, 2, 3], "回", "前回")) == "H30から3回連続"
    with pytest.raises(claims.ClaimError) as info:
        claims.streak_phrase(short_series("転出超過", [4, 5, 0]))
    assert str(info.value) == "最新のR2は転出超過ではありません（R2 0人（t.csv 4行目））"
    assert claims.record(short_series("x", [5, 7, 9])) == "H30以降で最多"
    assert claims.record(short_series("x", [5, 3, 1])) == "H30以降で最少"
    with pytest.raises(claims.ClaimError) as info:
        claims.record(short_series("x", [5, 9, 9]))
    assert (
        str(info.value)
        == "最新のR2はxの最多でも最少でもありません（H30 5人（t.csv 2行目）、R1 9人（t.csv 3行目）、R2 9人（t.csv 4行目））"  # noqa: E501
    )
    with pytest.raises(claims.ClaimError):
        claims.record(short_series("x", [1, 9, 1]))
    assert claims.latest_label(short_series("x", [1, 2])) == "R1"
    assert claims.latest_value(short_series("x", [1, -2500], "千円")) == "△2,500千円"


def test_a_peak_then_falling_is_told_from_a_fall() -> None:
    assert claims._peak_then_falling(short_series("x", [1, 5, 4, 3]))
    assert not claims._peak_then_falling(short_series("x", [1, 5, 4, 4]))
    assert not claims._peak_then_falling(short_series("x", [1, 2, 5]))
    assert not claims._peak_then_falling(short_series("x", [1, 5, 3, 4]))
    assert claims._peak_then_falling(short_series("x", [5, 4]))


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
def test_each_claim_word_holds_or_not_on_a_series(claim: str, values: list[int], held: bool) -> None:
    assert claims.CLAIMS[claim](short_series("x", values)) is held


def test_each_refused_claim_names_the_figures() -> None:
    data = {"転入": short_series("転入", [100, 90, 80]), "出生": short_series("出生", [5])}
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
        "「転入: 増加」とありますが、データと合いません：転入は前年度から10人減少（R1 90人（t.csv 3行目）、R2 80人（t.csv 4行目））"  # noqa: E501
    )
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim(data, "転入", "増加傾向")
    assert str(info.value) == (
        "「転入: 増加傾向」とありますが、データと合いません：転入は減少傾向（回帰直線で-22.2%。"
        "H30 100人（t.csv 2行目）、R1 90人（t.csv 3行目）、R2 80人（t.csv 4行目））"
    )
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim({"超過": short_series("超過", [1, -1, 5])}, "超過", "継続")
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


def test_a_refused_level_claim_says_the_change() -> None:
    with pytest.raises(claims.ClaimError) as info:
        claims.check_claim({"転入": short_series("転入", [100, 90])}, "転入", "横ばい")
    assert str(info.value) == (
        "「転入: 横ばい」とありますが、データと合いません：転入は前年度から10人減少（H30 100人（t.csv 2行目）、R1 90人（t.csv 3行目））"  # noqa: E501
    )


def test_each_phrase_that_cannot_be_filled_is_named() -> None:
    data = {"転入": short_series("転入", [100, 90])}
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


def test_fill_lists_every_series_it_knows() -> None:
    with pytest.raises(claims.ClaimError) as info:
        claims.fill("{増減:転居}", {}, {"転入": short_series("転入", [1, 2]), "転出": short_series("転出", [1, 2])})
    assert str(info.value) == "「{増減:転居}」の系列「転居」はありません（使える系列：転入、転出）"


def test_claim_words_outside_a_claim_are_found() -> None:
    assert claims.unclaimed_words("転入は増加し、{傾向:出生}の順で並ぶ", {}) == ["増加", "の順で"]
    assert claims.unclaimed_words("転入は増加", {"転入": "増加"}) == []
    assert claims.unclaimed_words("{増加:転入}", {}) == []


def ranked_entries(name: str, *entries: tuple[str, int | None]) -> claims.Ranked:
    return claims.Ranked(name, tuple((p, v, f"m.csv {i + 2}行目") for i, (p, v) in enumerate(entries)))


def test_an_order_of_partners_and_each_refusal() -> None:
    moves_in = ranked_entries("転入", ("東京圏", 300), ("仙台市", 200), ("盛岡市", 100))
    moves_out = ranked_entries("転出", ("東京圏", 500), ("仙台市", 400), ("盛岡市", 450))
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
        claims.check_order((ranked_entries("転入", ("東京圏", None), ("仙台市", 3)),), "東京圏")
    assert str(info.value) == "転入の人数が空欄です（東京圏：m.csv 2行目）"
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_order(
            (ranked_entries("転入", ("東京圏", 1), ("仙台市", None), ("盛岡市", None), ("奥州市", None)),), "東京圏"
        )
    assert str(info.value) == "転入の人数が空欄です（仙台市・盛岡市・奥州市：m.csv 3行目ほか2行）"


def test_check_order_details() -> None:
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_order((ranked_entries("転入", ("東京圏", 1), ("仙台市", None), ("盛岡市", None)),), "東京圏")
    assert str(info.value) == "転入の人数が空欄です（仙台市・盛岡市：m.csv 3行目ほか1行）"
    claims.check_order((ranked_entries("転入", ("盛岡市", 0), ("仙台市", 1)),), "仙台市")
    with pytest.raises(claims.ClaimError) as info:
        claims.check_order((ranked_entries("転入", ("盛岡市", 0), ("仙台市", 1)),), "盛岡市")
    assert str(info.value) == "転入の多い順は「仙台市」です：仙台市 1人（m.csv 3行目）、盛岡市 0人（m.csv 2行目）"


def test_the_boom_band_of_a_census_year() -> None:
    assert claims.boom_band(2020, 1948) == 70
    assert claims.boom_band(2020, 1972) == 45
    assert claims.boom_band(2015, 1948) == 65
    assert claims.boom_band(2019, 1948) == 70


def city_pyramid(year: int | None = 2020, **values: int) -> claims.Pyramid:
    bands = {int(k[1:]): (v, f"p.csv {k}") for k, v in values.items()}
    return claims.Pyramid("一関市", year, bands)


def test_the_boom_claims_on_a_pyramid() -> None:
    standing_out = city_pyramid(a40=100, a45=200, a50=150, a65=100, a70=300, a75=200)
    claims.check_booms(standing_out, "突出")
    claims.check_booms(standing_out, "第2次が第1次より少ない")
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(standing_out, "第2次が第1次より多い")
    assert str(info.value) == (
        "一関市の第2次ベビーブーム世代は第1次より少なくありません：70～74歳 300人（p.csv a70）、45～49歳 200人（p.csv a45）"  # noqa: E501
    ).replace("少なく", "多く")
    equal = city_pyramid(a45=300, a70=300)
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(equal, "第2次が第1次より少ない")
    assert str(info.value) == (
        "一関市の第2次ベビーブーム世代は第1次より少なくありません：70～74歳 300人（p.csv a70）、45～49歳 300人（p.csv a45）"  # noqa: E501
    )
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(city_pyramid(a45=300, a70=200), "第2次が第1次より少ない")
    assert str(info.value).startswith("一関市の第2次ベビーブーム世代は第1次より少なくありません：")
    claims.check_booms(city_pyramid(a45=301, a70=300), "第2次が第1次より多い")


def test_check_booms_flat_generations() -> None:
    flat = city_pyramid(a40=100, a45=150, a50=150, a65=100, a70=300, a75=300)
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(flat, "突出")
    assert str(info.value) == (
        "一関市の第1次・第2次ベビーブーム世代は前後の年齢より多くありません："
        "40～44歳 100人（p.csv a40）、45～49歳 150人（p.csv a45）、50～54歳 150人（p.csv a50）、"
        "65～69歳 100人（p.csv a65）、70～74歳 300人（p.csv a70）、75～79歳 300人（p.csv a75）"
    )
    low_side = city_pyramid(a40=200, a45=150, a50=100, a65=100, a70=300, a75=200)
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(low_side, "突出")
    assert str(info.value).startswith("一関市の第2次ベビーブーム世代は前後の年齢より多くありません：")


def test_check_booms_refusals() -> None:
    with pytest.raises(claims.ClaimError) as info:
        claims.check_booms(city_pyramid(), "多い")
    assert (
        str(info.value) == "主張「多い」は使えません（使える主張：突出、第2次が第1次より少ない、第2次が第1次より多い）"
    )
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_booms(city_pyramid(None), "突出")
    assert str(info.value) == "一関市の5歳階級別の人口が人口構造の表にありません"
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_booms(city_pyramid(a45=1, a70=2), "突出")
    assert str(info.value) == "一関市（2020年）の40～44歳、50～54歳、65～69歳、75～79歳の人口が人口構造の表にありません"
    with pytest.raises(claims.Unverifiable) as info:
        claims.check_booms(city_pyramid(a45=1), "第2次が第1次より少ない")
    assert str(info.value) == "一関市（2020年）の70～74歳の人口が人口構造の表にありません"

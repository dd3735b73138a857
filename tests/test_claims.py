"""Computed phrases and declared claims (analysis/claims.py): the vocabulary, its rules, refusals.

The series below are made-up test data, except where a comment names the 2023-07-27 input."""

from __future__ import annotations

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

"""Claims about rankings and the age pyramid (分析結果 findings 3 and 6): verified when the inputs hold
the figures, a 注意 naming what is missing when they do not, refused when the figures contradict them.

Migration counts and the city's five-year bands below are made-up test data; the national bands are
the 2023-07-27 input population/age.csv (e-Stat, 2020 census)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATE, run
from packetgen.analysis import claims

# population/age.csv of 2023-07-27: 全国, 2020年国勢調査, 40-44 … 75-79 (計)
JAPAN_2020 = {40: 8291077, 45: 9650293, 50: 8539851, 55: 7767482, 60: 7297190, 65: 8075268, 70: 9011795, 75: 6930928}


def pyramid(region: str, year: int | None, bands: dict[int, int]) -> claims.Pyramid:
    return claims.Pyramid(region, year, {low: (v, f"age.csv {i + 2}行目") for i, (low, v) in enumerate(bands.items())})


def test_the_boom_bands_follow_the_census_year() -> None:
    assert claims.boom_band(2020, 1948) == 70  # 第1次 (1947–49) at the 2020 census
    assert claims.boom_band(2020, 1972) == 45  # 第2次 (1971–74)
    assert claims.boom_band(2015, 1948) == 65
    assert claims.boom_band(2025, 1972) == 50


def test_both_booms_stand_out_in_japan_2020() -> None:
    claims.check_booms(pyramid("全国", 2020, JAPAN_2020), "突出")
    flat = dict(JAPAN_2020) | {75: 9100000}  # the band after 第1次 made larger: no longer a peak
    with pytest.raises(claims.ClaimError, match="全国の第1次ベビーブーム世代は前後の年齢より多くありません") as caught:
        claims.check_booms(pyramid("全国", 2020, flat), "突出")
    assert "75～79歳 9,100,000人（age.csv 9行目）" in str(caught.value)


def test_second_boom_smaller_than_the_first() -> None:
    city = {45: 7000, 70: 9500}
    claims.check_booms(pyramid("一関市", 2020, city), "第2次が第1次より少ない")
    with pytest.raises(claims.ClaimError, match="第2次ベビーブーム世代は第1次より少なくありません"):
        claims.check_booms(pyramid("一関市", 2020, {45: 9600, 70: 9500}), "第2次が第1次より少ない")
    with pytest.raises(claims.Unverifiable, match="一関市の5歳階級別の人口が人口構造の表にありません"):
        claims.check_booms(pyramid("一関市", None, {}), "第2次が第1次より少ない")
    with pytest.raises(claims.Unverifiable, match="45～49歳の人口"):
        claims.check_booms(pyramid("一関市", 2020, {70: 9500}), "第2次が第1次より少ない")


def ranked(name: str, counts: dict[str, int | None]) -> claims.Ranked:
    return claims.Ranked(name, tuple((p, v, f"migration.csv {i + 2}行目") for i, (p, v) in enumerate(counts.items())))


def test_an_order_of_partners() -> None:
    moves_in = ranked("転入", {"東京圏": 900, "仙台市": 500, "盛岡市": 300, "奥州市": 200})
    moves_out = ranked("転出", {"東京圏": 1200, "仙台市": 700, "盛岡市": 350, "奥州市": 300})
    claims.check_order((moves_in, moves_out), "東京圏、仙台市、盛岡市、奥州市")
    claims.check_order((moves_in, moves_out), "東京圏、仙台市")  # the top two
    swapped = ranked("転出", {"東京圏": 1200, "仙台市": 300, "盛岡市": 350, "奥州市": 300})
    with pytest.raises(claims.ClaimError, match="転出の多い順は「東京圏、盛岡市、仙台市、奥州市」です") as caught:
        claims.check_order((moves_in, swapped), "東京圏、仙台市、盛岡市、奥州市")
    assert "盛岡市 350人（migration.csv 4行目）" in str(caught.value)
    blank = ranked("転入", {"東京圏": None, "仙台市": 500, "盛岡市": None, "奥州市": 200})
    expected = re.escape("転入の人数が空欄です（東京圏・盛岡市：migration.csv 2行目ほか1行）")
    with pytest.raises(claims.Unverifiable, match=expected):
        claims.check_order((blank,), "東京圏、仙台市")
    with pytest.raises(claims.ClaimError, match="相手先「札幌市」は転入転出の表にありません"):
        claims.check_order((moves_in,), "東京圏、札幌市")


FINDINGS = Path("inputs") / DATE / "population" / "findings.yaml"
MIGRATION = Path("inputs") / DATE / "population" / "migration.csv"
SOURCE = "テスト用の架空の人数"


def test_the_seed_findings_name_the_claims_the_inputs_cannot_decide(project: Path) -> None:
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("注意：")]
    label = f"inputs/{DATE}/population/findings.yaml"
    assert lines == [
        f"注意：{label} 19行目：「ベビーブーム世代（一関市）: 第2次が第1次より少ない」をデータで確かめられません。"
        "一関市の5歳階級別の人口が人口構造の表にありません。元の資料で確かめてから使ってください",
        f"注意：{label} 30行目：「移動の多い順: 東京圏、仙台市、盛岡市、奥州市」をデータで確かめられません。"
        f"転入の人数が空欄です（東京圏・仙台市・盛岡市・奥州市：inputs/{DATE}/population/migration.csv 2行目ほか3行）。"
        "元の資料で確かめてから使ってください",
        f"注意：{label} 31行目：「元資料のみ: 転入・転出に占める20歳代の割合が高い」をデータで確かめられません。"
        "この数値は入力のどの表にもありません。元の資料で確かめてから使ってください",
    ]
    assert run(project, "check", DATE, "--only", "population", "--strict").exit_code == 1


def _migration(project: Path, rows: list[tuple[str, int, int]]) -> None:
    text = "相手先,転入,転出,出典\n" + "".join(f"{p},{i},{o},{SOURCE}\n" for p, i, o in rows)
    (project / MIGRATION).write_text(text, "utf-8")


def test_filled_migration_figures_verify_or_refuse_the_order(project: Path) -> None:
    _migration(project, [("東京圏", 900, 1200), ("仙台市", 500, 700), ("盛岡市", 300, 350), ("奥州市", 200, 300)])
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 0, result.stderr
    assert "移動の多い順" not in result.stdout  # verified: no 注意 left for it

    _migration(project, [("東京圏", 900, 1200), ("仙台市", 500, 300), ("盛岡市", 300, 350), ("奥州市", 200, 300)])
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 1
    assert f"inputs/{DATE}/population/findings.yaml 30行目" in result.stderr
    assert "転出の多い順は「東京圏、盛岡市、仙台市、奥州市」です" in result.stderr


def test_city_bands_that_contradict_the_pyramid_sentence_are_refused(project: Path) -> None:
    age = project / "inputs" / DATE / "population" / "age.csv"
    age.write_text(
        age.read_text("utf-8")
        + f"一関市,2020年国勢調査,45-49,,,9800,{SOURCE}\n一関市,2020年国勢調査,70-74,,,9500,{SOURCE}\n",
        "utf-8",
    )
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 1
    assert "一関市の第2次ベビーブーム世代は第1次より少なくありません" in result.stderr
    assert "45～49歳 9,800人" in result.stderr and "70～74歳 9,500人" in result.stderr


def test_an_order_written_without_a_claim_is_refused(project: Path) -> None:
    findings = project / FINDINGS
    text = findings.read_text("utf-8")
    findings.write_text(text + "  - 転入は東京圏、仙台市の順で多い。\n", "utf-8")
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 1
    assert "「の順で」と書かれていますが、データで確かめる主張がありません" in result.stderr

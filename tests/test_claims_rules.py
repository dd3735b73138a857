"""The rules of the ranking and age-pyramid claims (analysis/claims.py), on made-up figures except
the national bands, which are the 2023-07-27 input population/age.csv (e-Stat, 2020 census).
The findings that use them are tested in test_claims_structure.py."""

from __future__ import annotations

import re

import pytest

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

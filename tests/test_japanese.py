from datetime import date, time

import pytest

from packetgen import japanese as ja


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 7, 27), "令和5年7月27日"),
        (date(2019, 5, 1), "令和元年5月1日"),  # first day of 令和
        (date(2019, 4, 30), "平成31年4月30日"),  # last day of 平成
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1868, 10, 23), "明治元年10月23日"),
    ],
)
def test_wareki_at_era_boundaries(day: date, expected: str) -> None:
    assert ja.wareki(day) == expected


def test_before_meiji_is_refused() -> None:
    with pytest.raises(ValueError, match="明治より前"):
        ja.wareki(date(1868, 10, 22))


def test_weekday_and_meeting_date() -> None:
    assert [ja.weekday(date(2023, 7, d)) for d in range(24, 31)] == list("月火水木金土日")
    assert ja.wareki_with_weekday(date(2023, 7, 27)) == "令和5年7月27日（木）"
    assert ja.wareki_with_weekday(date(2023, 7, 27), fullwidth_parens=False) == "令和5年7月27日(木)"


def test_time_range_is_written_as_the_city_does() -> None:
    assert ja.time_range(time(13, 30), time(15, 0)) == "13：30～15：00"
    assert ja.time_range(time(9, 5), time(10, 0)) == "9：05～10：00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (999, "999"), (1000, "1,000"), (-1, "△1"), (-1327, "△1,327"), (174342, "174,342")],
)
def test_numbers_use_commas_and_triangle_for_negatives(value: int, expected: str) -> None:
    assert ja.number(value) == expected


def test_amount_and_decimals() -> None:
    assert ja.amount(105000) == "105,000千円"
    assert ja.number(-7.94, decimals=2) == "△7.94"


@pytest.mark.parametrize(
    ("day", "fy", "text"),
    [
        (date(2023, 4, 1), 2023, "令和5年度"),
        (date(2024, 3, 31), 2023, "令和5年度"),
        (date(2019, 4, 1), 2019, "令和元年度"),
        (date(2019, 3, 31), 2018, "平成30年度"),
    ],
)
def test_fiscal_years(day: date, fy: int, text: str) -> None:
    assert ja.fiscal_year(day) == fy
    assert ja.wareki_fiscal_year(fy) == text
    assert ja.parse_wareki_fiscal_year(text) == fy


@pytest.mark.parametrize("text", ["令和年度", "2023年度", "令和0年度", "R5"])
def test_bad_fiscal_year_text(text: str) -> None:
    with pytest.raises(ValueError):
        ja.parse_wareki_fiscal_year(text)


def test_short_year_labels_as_on_the_seed_charts() -> None:
    assert [ja.short_year(y) for y in range(2018, 2023)] == ["H30", "R1", "R2", "R3", "R4"]


def test_spaced_name() -> None:
    assert ja.spaced_name("岩本 幸一") == "岩本　幸一"
    assert ja.spaced_name(" 岩本　　幸一 ") == "岩本　幸一"

from datetime import date, time

import pytest

from packetgen.core import japanese as ja


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-07-27", date(2023, 7, 27)),
        ("2023/7/27", date(2023, 7, 27)),
        ("2023.7.27", date(2023, 7, 27)),
        ("2023年7月27日", date(2023, 7, 27)),
        ("２０２３年７月２７日", date(2023, 7, 27)),
        ("令和5年7月27日", date(2023, 7, 27)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R5.7.27", date(2023, 7, 27)),
        ("r5/7/27", date(2023, 7, 27)),
        ("Ｒ５．７．２７", date(2023, 7, 27)),
        ("H31.4.30", date(2019, 4, 30)),
        ("2023年7月27日（木）", date(2023, 7, 27)),
        ("令和5年7月27日(木曜日)", date(2023, 7, 27)),
    ],
)
def test_dates_as_staff_write_them(text: str, expected: date) -> None:
    assert ja.parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "7/27/2023",
            "「7/27/2023」は日付として読めません（例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27）",
        ),
        (
            "27.7.2023",
            "「27.7.2023」は日付として読めません（例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27）",
        ),
        (
            "23/7/27",
            "「23/7/27」は日付として読めません（例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27）",
        ),
        (
            "5.7.27",
            "「5.7.27」は日付として読めません（例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27）",
        ),
        (
            "2023/7-27",
            "「2023/7-27」は日付として読めません（例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27）",
        ),
        ("2023-02-30", "「2023-02-30」は存在しない日付です"),
        ("令和元年4月1日", "「令和元年4月1日」は令和の期間にない日付です（2019-04-01 は 平成31年4月1日）"),
        ("平成31年5月1日", "「平成31年5月1日」は平成の期間にない日付です（2019-05-01 は 令和元年5月1日）"),
        ("2023年7月27日（金）", "「2023年7月27日（金）」の曜日が違います（令和5年7月27日は木曜日）"),
    ],
)
def test_dates_that_need_a_guess_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_date(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13:30", time(13, 30)),
        ("１３：３０", time(13, 30)),
        ("13時30分", time(13, 30)),
        ("13時半", time(13, 30)),
        ("13時", time(13, 0)),
        ("9:05", time(9, 5)),
        ("午前9時", time(9, 0)),
        ("午後1時30分", time(13, 30)),
        ("午後0時", time(12, 0)),
    ],
)
def test_times_as_staff_write_them(text: str, expected: time) -> None:
    assert ja.parse_time(text) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "午後12時",
            "「午後12時」は読めません。午後を付けるときは0〜11時で書いてください（または 13:30 のように24時間制で）",
        ),
        ("25:00", "「25:00」は存在しない時刻です（例：13:30、13時30分、午後1時30分）"),
        ("13.30", "「13.30」は時刻として読めません（例：13:30、13時30分、午後1時30分）"),
        ("13:5", "「13:5」は時刻として読めません（例：13:30、13時30分、午後1時30分）"),
        (13, "「13」は時刻として読めません（例：13:30、13時30分、午後1時30分）"),  # YAML's number, not 0:00:13
    ],
)
def test_times_that_need_a_guess_are_refused(value: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_time(value)
    assert str(info.value) == message


def test_katakana_to_hiragana() -> None:
    assert ja.to_hiragana("イワモト　サイイチ") == "いわもと　さいいち"
    assert ja.to_hiragana("ｲﾜﾓﾄ ｻｲｲﾁ") == "いわもと さいいち"  # half-width, as older systems export
    assert ja.to_hiragana("ヴィーナス") == "ゔぃーなす"  # ー stays


def test_display_width_counts_wide_characters_twice() -> None:
    assert ja.display_width("資料No.2") == 8
    assert ja.display_width("population") == 10
    assert ja.pad("資料No.2", 12) == "資料No.2    "
    assert ja.pad("変更なし", 8) == "変更なし"

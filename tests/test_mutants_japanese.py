"""Literal expectations for packetgen.core.japanese, written to kill mutmut survivors (docs/mutation.md)."""

from __future__ import annotations

from datetime import date, time

import pytest

from packetgen.core import japanese as ja


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 7, 27), ("令和", "R", 5)),
        (date(2019, 5, 1), ("令和", "R", 1)),
        (date(2019, 4, 30), ("平成", "H", 31)),
        (date(1989, 1, 8), ("平成", "H", 1)),
        (date(1989, 1, 7), ("昭和", "S", 64)),
        (date(1926, 12, 25), ("昭和", "S", 1)),
        (date(1926, 12, 24), ("大正", "T", 15)),
        (date(1912, 7, 30), ("大正", "T", 1)),
        (date(1912, 7, 29), ("明治", "M", 45)),
        (date(1868, 10, 23), ("明治", "M", 1)),
    ],
)
def test_era_of_gives_name_letter_and_year(day: date, expected: tuple[str, str, int]) -> None:
    assert ja.era_of(day) == expected


def test_era_of_before_meiji_names_the_date() -> None:
    with pytest.raises(ValueError) as info:
        ja.era_of(date(1868, 10, 22))
    assert str(info.value) == "1868-10-22 は明治より前の日付のため和暦にできません"


def test_era_year_text() -> None:
    assert ja.era_year_text(1) == "元"
    assert ja.era_year_text(2) == "2"
    assert ja.era_year_text(0) == "0"


def test_weekday_of_a_sunday_and_a_monday() -> None:
    assert ja.weekday(date(2023, 7, 30)) == "日"
    assert ja.weekday(date(2023, 7, 31)) == "月"
    assert ja.wareki_with_weekday(date(2019, 5, 1)) == "令和元年5月1日（水）"


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (date(2023, 4, 1), 2023),
        (date(2023, 3, 31), 2022),
        (date(2023, 12, 31), 2023),
        (date(2024, 1, 1), 2023),
        (date(2023, 5, 1), 2023),
    ],
)
def test_fiscal_year_starts_in_april(day: date, fy: int) -> None:
    assert ja.fiscal_year(day) == fy


@pytest.mark.parametrize(
    ("fy", "text"),
    [
        (2023, "令和5年度"),
        (2019, "令和元年度"),
        (2020, "令和2年度"),
        (2018, "平成30年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),
    ],
)
def test_wareki_fiscal_year(fy: int, text: str) -> None:
    assert ja.wareki_fiscal_year(fy) == text


@pytest.mark.parametrize(
    ("text", "fy"),
    [
        ("令和5年度", 2023),
        ("令和元年度", 2019),
        ("令和1年度", 2019),
        ("平成30年度", 2018),
        ("平成元年度", 1989),
        ("昭和64年度", 1989),
        ("昭和2年度", 1927),
        ("  令和5年度  ", 2023),
        ("令和12年度", 2030),
    ],
)
def test_parse_wareki_fiscal_year(text: str, fy: int) -> None:
    assert ja.parse_wareki_fiscal_year(text) == fy


@pytest.mark.parametrize(
    "text", ["令和0年度", "令和00年度", "令和5年", "R5年度", "令和123年度", "x令和5年度", "大正5年度"]
)
def test_parse_wareki_fiscal_year_refuses(text: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_wareki_fiscal_year(text)
    assert str(info.value) == f"「{text}」は年度として読めません（例：令和5年度）"


@pytest.mark.parametrize(
    ("args", "label"),
    [
        ((2018,), "H30"),
        ((2019,), "R1"),
        ((2020,), "R2"),
        ((1989,), "H1"),
        ((1988,), "S63"),
        ((2019, 1), "R1"),
        ((1989, 1), "S64"),
        ((2020, 1), "R2"),
        ((1926, 12), "T15"),
    ],
)
def test_short_year(args: tuple[int, ...], label: str) -> None:
    assert ja.short_year(*args) == label


def test_clock_pads_minutes_not_hours() -> None:
    assert ja.clock(time(9, 5)) == "9：05"
    assert ja.clock(time(0, 0)) == "0：00"
    assert ja.clock(time(13, 30)) == "13：30"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("H30", 2018),
        ("h30", 2018),
        ("R1", 2019),
        ("R元", 2019),
        ("R元年度", 2019),
        ("R2年", 2020),
        ("Ｒ２", 2020),
        ("Ｈ３０", 2018),
        ("Ｓ６３", 1988),
        ("S63", 1988),
        ("T1", 1912),
        ("M45", 1912),
        ("令和元年度", 2019),
        ("令和2年", 2020),
        ("平成30年度", 2018),
        ("大正2年", 1913),
        ("明治10年", 1877),
        ("2018", 2018),
        ("２０１８", 2018),
        (" 2019 ", 2019),
        (" R3 ", 2021),
        ("R12", 2030),
    ],
)
def test_parse_year_label(text: str, year: int) -> None:
    assert ja.parse_year_label(text) == year


@pytest.mark.parametrize("text", ["201", "20189", "X30", "R123", "令和", "R", "平成30月", "R1年度度", "xR1"])
def test_parse_year_label_refuses(text: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_year_label(text)
    assert str(info.value) == f"「{text}」は年度として読めません（例：H30、R1、令和元年度、2019）"


@pytest.mark.parametrize("text", ["R0", "令和0年度", "H00"])
def test_parse_year_label_refuses_year_zero(text: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_year_label(text)
    assert str(info.value) == f"「{text}」は年度として読めません（例：H30、R1）"


@pytest.mark.parametrize(
    ("year", "text"),
    [(1955, "昭和30年"), (2019, "令和元年"), (2020, "令和2年"), (1989, "平成元年"), (1926, "大正15年")],
)
def test_wareki_year_uses_census_day(year: int, text: str) -> None:
    assert ja.wareki_year(year) == text


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((1234,), "1,234"),
        ((-1327,), "△1,327"),
        ((0,), "0"),
        ((1234567,), "1,234,567"),
        ((12.345, 1), "12.3"),
        ((-0.5, 1), "△0.5"),
        ((1234.5, 2), "1,234.50"),
        ((999,), "999"),
    ],
)
def test_number(args: tuple, text: str) -> None:
    assert ja.number(*args) == text


def test_amount() -> None:
    assert ja.amount(105000) == "105,000千円"
    assert ja.amount(-2500) == "△2,500千円"
    assert ja.amount(3, "円") == "3円"


@pytest.mark.parametrize(
    ("name", "spaced"),
    [("岩本 幸一", "岩本　幸一"), ("岩本　幸一", "岩本　幸一"), ("  岩本  幸一 ", "岩本　幸一"), ("岩本", "岩本")],
)
def test_spaced_name(name: str, spaced: str) -> None:
    assert ja.spaced_name(name) == spaced


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2023-07-27", date(2023, 7, 27)),
        ("2023/7/27", date(2023, 7, 27)),
        ("2023.7.27", date(2023, 7, 27)),
        ("2023年7月27日", date(2023, 7, 27)),
        ("２０２３年７月２７日", date(2023, 7, 27)),
        ("令和5年7月27日", date(2023, 7, 27)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R5.7.27", date(2023, 7, 27)),
        ("r5.7.27", date(2023, 7, 27)),
        ("R5/7/27", date(2023, 7, 27)),
        ("R5-7-27", date(2023, 7, 27)),
        ("H31.4.30", date(2019, 4, 30)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("S64.1.7", date(1989, 1, 7)),
        ("2023-07-27（木）", date(2023, 7, 27)),
        ("2023-07-27(木)", date(2023, 7, 27)),
        ("2023-07-27（木曜）", date(2023, 7, 27)),
        ("2023-07-27（木曜日）", date(2023, 7, 27)),
        ("令和5年7月27日 （木）", date(2023, 7, 27)),
        ("  2023-07-27  ", date(2023, 7, 27)),
        (date(2020, 2, 29), date(2020, 2, 29)),
    ],
)
def test_parse_date_accepts(value: object, day: date) -> None:
    assert ja.parse_date(value) == day


@pytest.mark.parametrize("value", ["7/27/2023", "23/7/27", "5.7.27", "2023-07/27", "R5.7/27", "2023-7", "x2023-07-27"])
def test_parse_date_refuses_guesses(value: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_date(value)
    assert str(info.value) == f"「{value}」は日付として読めません（{ja.DATE_EXAMPLES}）"


def test_parse_date_examples_text() -> None:
    assert ja.DATE_EXAMPLES == "例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27"


def test_parse_date_refuses_impossible_days() -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_date("2023-02-30")
    assert str(info.value) == "「2023-02-30」は存在しない日付です"
    with pytest.raises(ValueError) as info:
        ja.parse_date(" R5.2.29 ")
    assert str(info.value) == "「R5.2.29」は存在しない日付です"


def test_parse_date_refuses_a_day_outside_the_era() -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_date("平成32年1月1日")
    assert str(info.value) == "「平成32年1月1日」は平成の期間にない日付です（2020-01-01 は 令和2年1月1日）"
    with pytest.raises(ValueError) as info:
        ja.parse_date("R0.7.27")
    assert str(info.value) == "「R0.7.27」は令和の期間にない日付です（2018-07-27 は 平成30年7月27日）"
    with pytest.raises(ValueError) as info:
        ja.parse_date("R1.4.30")
    assert str(info.value) == "「R1.4.30」は令和の期間にない日付です（2019-04-30 は 平成31年4月30日）"


def test_parse_date_checks_the_weekday() -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_date("2023-07-27（金）")
    assert str(info.value) == "「2023-07-27（金）」の曜日が違います（令和5年7月27日は木曜日）"


@pytest.mark.parametrize(
    ("value", "clock"),
    [
        ("13:30", time(13, 30)),
        ("１３：３０", time(13, 30)),
        ("13時30分", time(13, 30)),
        ("13時半", time(13, 30)),
        ("13時", time(13, 0)),
        ("9時5分", time(9, 5)),
        ("午後1時30分", time(13, 30)),
        ("午後11時", time(23, 0)),
        ("午前11時", time(11, 0)),
        ("午前0時", time(0, 0)),
        ("午後0時", time(12, 0)),
        ("23:59", time(23, 59)),
        ("0:00", time(0, 0)),
        (" 9:05 ", time(9, 5)),
        ("午後1:30", time(13, 30)),
        (time(8, 15), time(8, 15)),
    ],
)
def test_parse_time_accepts(value: object, clock: time) -> None:
    assert ja.parse_time(value) == clock


@pytest.mark.parametrize("value", ["13", "13:3", "13時30", "１３", "夕方", "13:30:00", 1330, "x13:30"])
def test_parse_time_refuses(value: object) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_time(value)
    assert str(info.value) == f"「{str(value).strip()}」は時刻として読めません（例：13:30、13時30分、午後1時30分）"


@pytest.mark.parametrize(("value", "half"), [("午後12時", "午後"), ("午前12時", "午前"), ("午後13時", "午後")])
def test_parse_time_refuses_am_pm_past_eleven(value: str, half: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_time(value)
    assert str(info.value) == (
        f"「{value}」は読めません。{half}を付けるときは0〜11時で書いてください（または 13:30 のように24時間制で）"
    )


@pytest.mark.parametrize("value", ["24:00", "23:60", "25時", "12時60分"])
def test_parse_time_refuses_impossible_times(value: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_time(value)
    assert str(info.value) == f"「{value}」は存在しない時刻です（例：13:30、13時30分、午後1時30分）"


@pytest.mark.parametrize(
    ("text", "hira"),
    [
        ("イワモト ｺｳｲﾁ", "いわもと こういち"),
        ("ｶﾞｯｺｳ", "がっこう"),
        ("ァヶ", "ぁゖ"),
        ("ラーメン", "らーめん"),
        ("ヷ", "ヷ"),
        ("漢字とかな", "漢字とかな"),
        ("ｱ", "あ"),
    ],
)
def test_to_hiragana(text: str, hira: str) -> None:
    assert ja.to_hiragana(text) == hira


@pytest.mark.parametrize(
    ("text", "width"),
    [("資料", 4), ("abc", 3), ("ＡＢ", 4), ("ｱｲ", 2), ("e\u0301", 1), ("", 0), ("No.1-1 資料", 11)],
)
def test_display_width(text: str, width: int) -> None:
    assert ja.display_width(text) == width


def test_pad_counts_wide_characters_twice() -> None:
    assert ja.pad("資料", 6) == "資料  "
    assert ja.pad("ab", 3) == "ab "
    assert ja.pad("資料", 3) == "資料"
    assert ja.pad("資料", 4) == "資料"


def test_wareki_year_of_1868_is_refused_because_census_day_precedes_meiji() -> None:
    with pytest.raises(ValueError) as info:
        ja.wareki_year(1868)
    assert str(info.value) == "1868-10-01 は明治より前の日付のため和暦にできません"
    assert ja.wareki_year(1869) == "明治2年"


class _Shown:
    """Not a string, though its text is a valid time (as an unquoted YAML value is not)."""

    def __str__(self) -> str:
        return "13:30"


def test_parse_time_reads_only_text() -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_time(_Shown())
    assert str(info.value) == "「13:30」は時刻として読めません（例：13:30、13時30分、午後1時30分）"

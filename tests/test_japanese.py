"""The Japanese calendar, numbers and text of core/japanese.py: 和暦 and its eras, fiscal years, weekdays,
dates and times as staff write them (and the ones that need a guess, refused with the reason), numbers
with commas and △, names, kana and terminal widths. Every expected value is written out, never read
from the module's own tables (ERAS, DATE_EXAMPLES …), so a slip in a constant or a calendar table fails
here; the round trips over many dates and numbers are Hypothesis properties."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from packetgen.core import japanese as ja
from packetgen.inputs.numbers import parse_integer

FAST = settings(max_examples=150, deadline=None, database=None)

# first days of the eras, written out (not read from japanese.ERAS)
ERA_STARTS = [
    ("明治", "M", date(1868, 10, 23)),
    ("大正", "T", date(1912, 7, 30)),
    ("昭和", "S", date(1926, 12, 25)),
    ("平成", "H", date(1989, 1, 8)),
    ("令和", "R", date(2019, 5, 1)),
]
FIRST = date(1868, 10, 23)
LAST = date(2099, 12, 31)
# dates on or next to an era boundary, where a calendar table goes wrong
BOUNDARIES = [s + timedelta(days=k) for _, _, s in ERA_STARTS for k in (-1, 0, 1) if s + timedelta(days=k) >= FIRST]
dates = st.one_of(st.sampled_from(BOUNDARIES), st.dates(min_value=FIRST, max_value=LAST))


def expected_era(d: date) -> tuple[str, str, int]:
    name, letter, start = [e for e in ERA_STARTS if e[2] <= d][-1]
    return name, letter, d.year - start.year + 1


def fullwidth(text: str) -> str:
    return text.translate(str.maketrans("0123456789:/-.", "０１２３４５６７８９：／－．"))


# --- 和暦: eras, their first and last days ---------------------------------------------------------


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
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1868, 10, 23), "明治元年10月23日"),
    ],
)
def test_wareki_at_era_boundaries_and_back(day: date, expected: str) -> None:
    assert ja.wareki(day) == expected
    assert ja.parse_date(expected) == day


def test_before_meiji_is_refused() -> None:
    with pytest.raises(ValueError, match="明治より前"):
        ja.wareki(date(1868, 10, 22))


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


def test_the_first_year_of_an_era_is_gannen() -> None:
    assert ja.era_year_text(1) == "元"
    assert ja.era_year_text(2) == "2"
    assert ja.era_year_text(0) == "0"


@FAST
@given(dates)
def test_wareki_round_trips_and_names_the_right_era(d: date) -> None:
    name, letter, year = expected_era(d)
    text = ja.wareki(d)
    assert text == f"{name}{'元' if year == 1 else year}年{d.month}月{d.day}日"
    assert ja.parse_date(text) == d
    assert ja.parse_date(f"{letter}{year}.{d.month}.{d.day}") == d
    assert ja.parse_date(fullwidth(text)) == d
    assert ja.parse_date(f"{name}{year}年{d.month}月{d.day}日") == d  # 1 as well as 元


@pytest.mark.parametrize(("name", "start"), [(n, s) for n, _, s in ERA_STARTS[1:]])
def test_the_day_before_an_era_written_in_it_is_refused(name: str, start: date) -> None:
    before = start - timedelta(days=1)
    with pytest.raises(ValueError, match="の期間にない日付です"):
        ja.parse_date(f"{name}元年{before.month}月{before.day}日")
    assert ja.parse_date(f"{name}元年{start.month}月{start.day}日") == start


# --- weekdays and the meeting's date line ----------------------------------------------------------


def test_weekday_and_meeting_date() -> None:
    assert [ja.weekday(date(2023, 7, d)) for d in range(24, 31)] == list("月火水木金土日")
    assert ja.wareki_with_weekday(date(2023, 7, 27)) == "令和5年7月27日（木）"
    assert ja.wareki_with_weekday(date(2023, 7, 27), fullwidth_parens=False) == "令和5年7月27日(木)"


def test_weekday_of_a_sunday_and_a_monday() -> None:
    assert ja.weekday(date(2023, 7, 30)) == "日"
    assert ja.weekday(date(2023, 7, 31)) == "月"
    assert ja.wareki_with_weekday(date(2019, 5, 1)) == "令和元年5月1日（水）"


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (date(2023, 7, 27), "木"),
        (date(2019, 5, 1), "水"),
        (date(1989, 1, 8), "日"),
        (date(2000, 2, 29), "火"),
        (date(2024, 1, 1), "月"),
        (date(2023, 10, 26), "木"),
        (date(2023, 7, 29), "土"),
    ],
)
def test_weekdays_of_known_dates(day: date, weekday: str) -> None:
    assert ja.weekday(day) == weekday
    assert ja.wareki_with_weekday(day).endswith(f"（{weekday}）")


def test_meeting_date_line_as_the_city_writes_it() -> None:
    line = ja.wareki_with_weekday(date(2023, 7, 27)) + ja.time_range(time(13, 30), time(15, 0))
    assert line == "令和5年7月27日（木）13：30～15：00"
    assert ja.wareki_with_weekday(date(2023, 7, 27), fullwidth_parens=False) == "令和5年7月27日(木)"


def test_time_range_is_written_as_the_city_does() -> None:
    assert ja.time_range(time(13, 30), time(15, 0)) == "13：30～15：00"
    assert ja.time_range(time(9, 5), time(10, 0)) == "9：05～10：00"


def test_clock_pads_minutes_not_hours() -> None:
    assert ja.clock(time(9, 5)) == "9：05"
    assert ja.clock(time(0, 0)) == "0：00"
    assert ja.clock(time(13, 30)) == "13：30"


# --- fiscal years (年度: April to March) and year labels ---------------------------------------------


@pytest.mark.parametrize(
    ("day", "fy", "text"),
    [
        (date(2023, 3, 31), 2022, "令和4年度"),
        (date(2023, 4, 1), 2023, "令和5年度"),
        (date(2024, 3, 31), 2023, "令和5年度"),
        (date(2019, 3, 31), 2018, "平成30年度"),
        (date(2019, 4, 1), 2019, "令和元年度"),  # named by government convention, though 平成 on 1 April
        (date(2020, 4, 1), 2020, "令和2年度"),
        (date(1989, 3, 31), 1988, "昭和63年度"),
        (date(1989, 4, 1), 1989, "平成元年度"),
        (date(2024, 1, 15), 2023, "令和5年度"),
    ],
)
def test_fiscal_years_at_their_boundaries_and_back(day: date, fy: int, text: str) -> None:
    assert ja.fiscal_year(day) == fy
    assert ja.wareki_fiscal_year(fy) == text
    assert ja.parse_wareki_fiscal_year(text) == fy


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


@FAST
@given(dates)
def test_the_fiscal_year_of_any_day_starts_on_the_april_before_it(d: date) -> None:
    fy = ja.fiscal_year(d)
    assert date(fy, 4, 1) <= d < date(fy + 1, 4, 1)


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
def test_a_fiscal_year_in_wareki(fy: int, text: str) -> None:
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
def test_a_wareki_fiscal_year_as_staff_write_it(text: str, fy: int) -> None:
    assert ja.parse_wareki_fiscal_year(text) == fy


@pytest.mark.parametrize(
    "text",
    [
        "令和年度",
        "2023年度",
        "令和0年度",
        "R5",
        "令和00年度",
        "令和5年",
        "R5年度",
        "令和123年度",
        "x令和5年度",
        "大正5年度",
    ],
)
def test_a_fiscal_year_that_is_not_wareki_is_refused(text: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_wareki_fiscal_year(text)
    assert str(info.value) == f"「{text}」は年度として読めません（例：令和5年度）"


@FAST
@given(st.integers(min_value=1927, max_value=2099))
def test_wareki_fiscal_year_round_trips(fy: int) -> None:
    label = ja.wareki_fiscal_year(fy)
    assert label.endswith("年度")
    assert ja.parse_wareki_fiscal_year(label) == fy
    if fy == 2019:
        assert label == "令和元年度"
    else:
        name, _, year = expected_era(date(fy, 4, 1))
        assert label == f"{name}{'元' if year == 1 else year}年度"


def test_short_year_labels_as_on_the_seed_charts() -> None:
    assert [ja.short_year(y) for y in range(2018, 2023)] == ["H30", "R1", "R2", "R3", "R4"]


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
def test_short_year_labels_name_the_era_of_the_month(args: tuple[int, ...], label: str) -> None:
    assert ja.short_year(*args) == label


@FAST
@given(st.integers(min_value=1869, max_value=2099))
def test_short_year_labels_round_trip(year: int) -> None:
    label = ja.short_year(year)
    assert label[0] in "MTSHR" and label[1:].isdigit()
    assert ja.parse_year_label(label) == year
    assert ja.parse_year_label(fullwidth(label)) == year or not label.startswith(("H", "R", "S"))


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
        ("S64", 1989),
        ("T1", 1912),
        ("M45", 1912),
        ("令和元年度", 2019),
        ("令和2年", 2020),
        ("平成30年度", 2018),
        ("大正2年", 1913),
        ("明治10年", 1877),
        ("2018", 2018),
        ("2019", 2019),
        ("２０１８", 2018),
        (" 2019 ", 2019),
        (" R3 ", 2021),
        ("R12", 2030),
    ],
)
def test_year_labels_as_staff_type_them(text: str, year: int) -> None:
    assert ja.parse_year_label(text) == year


@pytest.mark.parametrize("text", ["201", "20189", "X30", "R123", "令和", "R", "平成30月", "R1年度度", "xR1"])
def test_a_year_label_that_needs_a_guess_is_refused(text: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_year_label(text)
    assert str(info.value) == f"「{text}」は年度として読めません（例：H30、R1、令和元年度、2019）"


@pytest.mark.parametrize("text", ["R0", "令和0年度", "H00"])
def test_a_year_label_of_year_zero_is_refused(text: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_year_label(text)
    assert str(info.value) == f"「{text}」は年度として読めません（例：H30、R1）"


@pytest.mark.parametrize(
    ("year", "text"),
    [(1955, "昭和30年"), (2019, "令和元年"), (2020, "令和2年"), (1989, "平成元年"), (1926, "大正15年")],
)
def test_wareki_year_uses_census_day(year: int, text: str) -> None:
    assert ja.wareki_year(year) == text


def test_wareki_year_of_1868_is_refused_because_census_day_precedes_meiji() -> None:
    with pytest.raises(ValueError) as info:
        ja.wareki_year(1868)
    assert str(info.value) == "1868-10-01 は明治より前の日付のため和暦にできません"
    assert ja.wareki_year(1869) == "明治2年"


# --- numbers and amounts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((0,), "0"),
        ((999,), "999"),
        ((1000,), "1,000"),
        ((-1,), "△1"),
        ((-1327,), "△1,327"),
        ((174342,), "174,342"),
        ((1234,), "1,234"),
        ((1234567,), "1,234,567"),
        ((12.345, 1), "12.3"),
        ((-0.5, 1), "△0.5"),
        ((1234.5, 2), "1,234.50"),
    ],
)
def test_numbers_use_commas_and_triangle_for_negatives(args: tuple, text: str) -> None:
    assert ja.number(*args) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (999, "999"), (1000, "1,000"), (105000, "105,000"), (-1327, "△1,327"), (1234567, "1,234,567")],
)
def test_an_amount_is_the_number_in_thousand_yen(value: int, text: str) -> None:
    assert ja.number(value) == text
    assert ja.amount(value) == text + "千円"


def test_amount_and_decimals() -> None:
    assert ja.amount(105000) == "105,000千円"
    assert ja.number(-7.94, decimals=2) == "△7.94"


def test_an_amount_takes_its_unit() -> None:
    assert ja.amount(105000) == "105,000千円"
    assert ja.amount(-2500) == "△2,500千円"
    assert ja.amount(3, "円") == "3円"


@FAST
@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_number_format_round_trips(value: int) -> None:
    text = ja.number(value)
    digits = text.removeprefix("△")
    assert text.startswith("△") == (value < 0)
    groups = digits.split(",")
    assert 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    assert int(digits.replace(",", "")) == abs(value)
    assert parse_integer(text) == value
    assert parse_integer(fullwidth(text).replace(",", "，")) == value
    assert parse_integer(ja.amount(value), unit="千円") == value


# --- dates as staff write them ---------------------------------------------------------------------

UNREADABLE_DATE = "は日付として読めません（例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27）"


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
        ("r5/7/27", date(2023, 7, 27)),
        ("R5/7/27", date(2023, 7, 27)),
        ("R5-7-27", date(2023, 7, 27)),
        ("Ｒ５．７．２７", date(2023, 7, 27)),
        ("H31.4.30", date(2019, 4, 30)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("S64.1.7", date(1989, 1, 7)),
        ("2023年7月27日（木）", date(2023, 7, 27)),
        ("令和5年7月27日(木曜日)", date(2023, 7, 27)),
        ("2023-07-27（木）", date(2023, 7, 27)),
        ("2023-07-27(木)", date(2023, 7, 27)),
        ("2023-07-27（木曜）", date(2023, 7, 27)),
        ("2023-07-27（木曜日）", date(2023, 7, 27)),
        ("令和5年7月27日 （木）", date(2023, 7, 27)),
        ("  2023-07-27  ", date(2023, 7, 27)),
        (date(2020, 2, 29), date(2020, 2, 29)),
    ],
)
def test_dates_as_staff_write_them(value: object, day: date) -> None:
    assert ja.parse_date(value) == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("7/27/2023", "「7/27/2023」" + UNREADABLE_DATE),
        ("27.7.2023", "「27.7.2023」" + UNREADABLE_DATE),
        ("23/7/27", "「23/7/27」" + UNREADABLE_DATE),
        ("5.7.27", "「5.7.27」" + UNREADABLE_DATE),
        ("2023/7-27", "「2023/7-27」" + UNREADABLE_DATE),
        ("2023-07/27", "「2023-07/27」" + UNREADABLE_DATE),
        ("R5.7/27", "「R5.7/27」" + UNREADABLE_DATE),
        ("2023-7", "「2023-7」" + UNREADABLE_DATE),
        ("x2023-07-27", "「x2023-07-27」" + UNREADABLE_DATE),
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


def test_the_date_examples_staff_are_shown() -> None:
    assert ja.DATE_EXAMPLES == "例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27"


def test_a_day_the_calendar_lacks_is_refused() -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_date("2023-02-30")
    assert str(info.value) == "「2023-02-30」は存在しない日付です"
    with pytest.raises(ValueError) as info:
        ja.parse_date(" R5.2.29 ")
    assert str(info.value) == "「R5.2.29」は存在しない日付です"


def test_a_day_outside_the_era_it_is_written_in_is_refused() -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_date("平成32年1月1日")
    assert str(info.value) == "「平成32年1月1日」は平成の期間にない日付です（2020-01-01 は 令和2年1月1日）"
    with pytest.raises(ValueError) as info:
        ja.parse_date("R0.7.27")
    assert str(info.value) == "「R0.7.27」は令和の期間にない日付です（2018-07-27 は 平成30年7月27日）"
    with pytest.raises(ValueError) as info:
        ja.parse_date("R1.4.30")
    assert str(info.value) == "「R1.4.30」は令和の期間にない日付です（2019-04-30 は 平成31年4月30日）"


def test_a_wrong_weekday_is_refused() -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_date("2023-07-27（金）")
    assert str(info.value) == "「2023-07-27（金）」の曜日が違います（令和5年7月27日は木曜日）"


@FAST
@given(dates)
def test_western_forms_and_the_weekday_round_trip(d: date) -> None:
    day = "月火水木金土日"[d.weekday()]
    for text in (d.isoformat(), f"{d.year}/{d.month}/{d.day}", f"{d.year}年{d.month}月{d.day}日"):
        assert ja.parse_date(text) == d
        assert ja.parse_date(fullwidth(text)) == d
        assert ja.parse_date(f"{text}（{day}）") == d
    wrong = "月火水木金土日"[(d.weekday() + 1) % 7]
    with pytest.raises(ValueError, match="曜日が違います"):
        ja.parse_date(f"{d.isoformat()}（{wrong}）")


# --- times as staff write them ---------------------------------------------------------------------

UNREADABLE_TIME = "は時刻として読めません（例：13:30、13時30分、午後1時30分）"
NO_SUCH_TIME = "は存在しない時刻です（例：13:30、13時30分、午後1時30分）"


@pytest.mark.parametrize(
    ("value", "clock"),
    [
        ("13:30", time(13, 30)),
        ("１３：３０", time(13, 30)),
        ("13時30分", time(13, 30)),
        ("13時半", time(13, 30)),
        ("13時", time(13, 0)),
        ("9:05", time(9, 5)),
        ("9時5分", time(9, 5)),
        ("午前9時", time(9, 0)),
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
def test_times_as_staff_write_them(value: object, clock: time) -> None:
    assert ja.parse_time(value) == clock


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("13.30", "「13.30」" + UNREADABLE_TIME),
        ("13:5", "「13:5」" + UNREADABLE_TIME),
        (13, "「13」" + UNREADABLE_TIME),  # YAML's number, not 0:00:13
        ("13", "「13」" + UNREADABLE_TIME),
        ("13:3", "「13:3」" + UNREADABLE_TIME),
        ("13時30", "「13時30」" + UNREADABLE_TIME),
        ("１３", "「１３」" + UNREADABLE_TIME),
        ("夕方", "「夕方」" + UNREADABLE_TIME),
        ("13:30:00", "「13:30:00」" + UNREADABLE_TIME),
        (1330, "「1330」" + UNREADABLE_TIME),
        ("x13:30", "「x13:30」" + UNREADABLE_TIME),
        (
            "午後12時",
            "「午後12時」は読めません。午後を付けるときは0〜11時で書いてください（または 13:30 のように24時間制で）",
        ),
        (
            "午前12時",
            "「午前12時」は読めません。午前を付けるときは0〜11時で書いてください（または 13:30 のように24時間制で）",
        ),
        (
            "午後13時",
            "「午後13時」は読めません。午後を付けるときは0〜11時で書いてください（または 13:30 のように24時間制で）",
        ),
        ("25:00", "「25:00」" + NO_SUCH_TIME),
        ("24:00", "「24:00」" + NO_SUCH_TIME),
        ("23:60", "「23:60」" + NO_SUCH_TIME),
        ("25時", "「25時」" + NO_SUCH_TIME),
        ("12時60分", "「12時60分」" + NO_SUCH_TIME),
    ],
)
def test_times_that_need_a_guess_are_refused(value: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_time(value)
    assert str(info.value) == message


class _Shown:
    """Not a string, though its text is a valid time (as an unquoted YAML value is not)."""

    def __str__(self) -> str:
        return "13:30"


def test_parse_time_reads_only_text() -> None:
    with pytest.raises(ValueError) as info:
        ja.parse_time(_Shown())
    assert str(info.value) == "「13:30」は時刻として読めません（例：13:30、13時30分、午後1時30分）"


@FAST
@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_times_as_staff_type_them_round_trip(hour: int, minute: int) -> None:
    t = time(hour, minute)
    assert ja.parse_time(ja.clock(t)) == t
    assert ja.parse_time(f"{hour}:{minute:02d}") == t
    assert ja.parse_time(fullwidth(f"{hour}:{minute:02d}")) == t
    assert ja.parse_time(f"{hour}時{minute}分") == t
    half, h12 = ("午前", hour) if hour < 12 else ("午後", hour - 12)
    assert ja.parse_time(f"{half}{h12}時{minute}分") == t
    if minute == 30:
        assert ja.parse_time(f"{hour}時半") == t


# --- names, kana and terminal widths ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "spaced"),
    [
        ("岩本 幸一", "岩本　幸一"),
        ("岩本　幸一", "岩本　幸一"),
        ("  岩本  幸一 ", "岩本　幸一"),
        (" 岩本　　幸一 ", "岩本　幸一"),
        ("岩本", "岩本"),
    ],
)
def test_a_name_is_spaced_with_one_full_width_space(name: str, spaced: str) -> None:
    assert ja.spaced_name(name) == spaced


def test_katakana_to_hiragana() -> None:
    assert ja.to_hiragana("イワモト　サイイチ") == "いわもと　さいいち"
    assert ja.to_hiragana("ｲﾜﾓﾄ ｻｲｲﾁ") == "いわもと さいいち"  # half-width, as older systems export
    assert ja.to_hiragana("ヴィーナス") == "ゔぃーなす"  # ー stays


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
def test_katakana_of_either_width_becomes_hiragana(text: str, hira: str) -> None:
    assert ja.to_hiragana(text) == hira


hiragana = st.text(alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x3094), min_size=1, max_size=20)


@FAST
@given(hiragana)
def test_katakana_to_hiragana_round_trips_and_is_idempotent(text: str) -> None:
    katakana = "".join(chr(ord(c) + 0x60) for c in text)
    assert ja.to_hiragana(katakana) == text
    assert ja.to_hiragana(text) == text
    assert ja.to_hiragana(ja.to_hiragana(katakana)) == ja.to_hiragana(katakana)


def test_display_width_counts_wide_characters_twice() -> None:
    assert ja.display_width("資料No.2") == 8
    assert ja.display_width("population") == 10
    assert ja.pad("資料No.2", 12) == "資料No.2    "
    assert ja.pad("変更なし", 8) == "変更なし"


@pytest.mark.parametrize(
    ("text", "width"),
    [("資料", 4), ("abc", 3), ("ＡＢ", 4), ("ｱｲ", 2), ("e\u0301", 1), ("", 0), ("No.1-1 資料", 11)],
)
def test_display_width_of_each_kind_of_character(text: str, width: int) -> None:
    assert ja.display_width(text) == width


def test_pad_counts_wide_characters_twice() -> None:
    assert ja.pad("資料", 6) == "資料  "
    assert ja.pad("ab", 3) == "ab "
    assert ja.pad("資料", 3) == "資料"
    assert ja.pad("資料", 4) == "資料"


@FAST
@given(st.text(alphabet="あア漢aA1 、", max_size=20), st.integers(min_value=0, max_value=60))
def test_pad_fills_terminal_columns(text: str, width: int) -> None:
    padded = ja.pad(text, width)
    assert padded.startswith(text)
    assert ja.display_width(padded) == max(width, ja.display_width(text))


@pytest.mark.parametrize(
    ("number", "printed"),
    [
        ("No.1-1", "資料No.1-1"),
        ("no.1", "資料no.1"),
        ("2", "資料2"),
        ("Ｎｏ．５", "資料Ｎｏ．５"),
        ("参考資料", "参考資料"),
        ("別紙", "別紙"),
        ("別添1", "別添1"),
        ("資料3", "資料3"),
    ],
)
def test_a_number_is_printed_after_shiryo_and_a_named_label_as_typed(number: str, printed: str) -> None:
    assert ja.material_label(number) == printed

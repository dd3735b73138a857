"""Japanese conventions: wareki dates, 曜日, full-width times, number formats.

Only the standard library: there is no ja_JP locale on the build machines, so never use ``%a``.
"""

from __future__ import annotations

import re
from datetime import date, time

# (era name, short letter, first day). Newest first so the first match wins.
ERAS: tuple[tuple[str, str, date], ...] = (
    ("令和", "R", date(2019, 5, 1)),
    ("平成", "H", date(1989, 1, 8)),
    ("昭和", "S", date(1926, 12, 25)),
    ("大正", "T", date(1912, 7, 30)),
    ("明治", "M", date(1868, 10, 23)),
)
WEEKDAYS = "月火水木金土日"


def era_of(d: date) -> tuple[str, str, int]:
    """(era name, era letter, year within the era) of a date."""
    for name, letter, start in ERAS:
        if d >= start:
            return name, letter, d.year - start.year + 1
    raise ValueError(f"{d.isoformat()} は明治より前の日付のため和暦にできません")


def era_year_text(year: int) -> str:
    """1 → 元, else the number."""
    return "元" if year == 1 else str(year)


def wareki(d: date) -> str:
    """2023-07-27 → 令和5年7月27日; 2019-05-01 → 令和元年5月1日."""
    name, _, year = era_of(d)
    return f"{name}{era_year_text(year)}年{d.month}月{d.day}日"


def weekday(d: date) -> str:
    """The one-character weekday: 2023-07-27 → 木."""
    return WEEKDAYS[d.weekday()]


def wareki_with_weekday(d: date, fullwidth_parens: bool = True) -> str:
    """令和5年7月27日（木） (documents) or 令和5年7月27日(木) (the slide label, as the seed writes it)."""
    open_, close = ("（", "）") if fullwidth_parens else ("(", ")")
    return f"{wareki(d)}{open_}{weekday(d)}{close}"


def fiscal_year(d: date) -> int:
    """Japanese fiscal year (April to March) of a date, in the Western calendar."""
    return d.year if d.month >= 4 else d.year - 1


def wareki_fiscal_year(fy: int) -> str:
    """2023 → 令和5年度; 2019 → 令和元年度 (a fiscal year is named by the era in force on 1 April,
    except 2019, which is named 令和元年度 by government convention)."""
    name, _, year = era_of(date(fy, 5, 1) if fy == 2019 else date(fy, 4, 1))
    return f"{name}{era_year_text(year)}年度"


_FISCAL = re.compile(r"^(令和|平成|昭和)(元|\d{1,2})年度$")


def parse_wareki_fiscal_year(text: str) -> int:
    """令和5年度 → 2023. Raises ValueError on anything else."""
    m = _FISCAL.match(text.strip())
    if not m:
        raise ValueError(f"「{text}」は年度として読めません（例：令和5年度）")
    era, num = m.groups()
    start = next(s for name, _, s in ERAS if name == era)
    n = 1 if num == "元" else int(num)
    if n < 1:
        raise ValueError(f"「{text}」は年度として読めません（例：令和5年度）")
    return start.year + n - 1


def short_year(year: int, month: int = 4) -> str:
    """Compact era year label as on charts: (2018) → H30, (2019) → R1 (fiscal years by default:
    the label of April of that year, with 2019 as R1 as the seed writes it)."""
    d = date(year, month, 1)
    if year == 2019:
        d = date(2019, 5, 1)
    _, letter, y = era_of(d)
    return f"{letter}{y}"


def clock(t: time) -> str:
    """9:05 → 9：05 (half-width digits, full-width colon, no leading zero on the hour)."""
    return f"{t.hour}：{t.minute:02d}"


_SHORT = re.compile(r"^([MTSHR])(元|\d{1,2})(?:年度?)?$")
_LONG = re.compile(r"^(令和|平成|昭和|大正|明治)(元|\d{1,2})年度?$")


def parse_year_label(text: str) -> int:
    """H30 → 2018, R1 / R元 / 令和元年度 → 2019, 2018 → 2018 (the labels staff type in tables)."""
    t = text.strip().upper().translate(str.maketrans("０１２３４５６７８９ＨＲＳ", "0123456789HRS"))
    if t.isdigit() and len(t) == 4:
        return int(t)
    m = _SHORT.match(t) or _LONG.match(text.strip())
    if not m:
        raise ValueError(f"「{text}」は年度として読めません（例：H30、R1、令和元年度、2019）")
    era, num = m.groups()
    start = next(s for name, letter, s in ERAS if era in (name, letter))
    n = 1 if num == "元" else int(num)
    if n < 1:
        raise ValueError(f"「{text}」は年度として読めません（例：H30、R1）")
    return start.year + n - 1


def wareki_year(year: int) -> str:
    """1955 → 昭和30年; 2019 → 令和元年; 2020 → 令和2年 (the era of the year's 1 October, census day)."""
    name, _, y = era_of(date(year, 10, 1))
    return f"{name}{era_year_text(y)}年"


def time_range(start: time, end: time) -> str:
    """13:30–15:00 → 13：30～15：00, as the city writes it."""
    return f"{clock(start)}～{clock(end)}"


def number(value: int | float, decimals: int = 0) -> str:
    """1234 → 1,234; −1327 → △1,327 (the △ convention of Japanese public finance for negatives)."""
    text = f"{abs(value):,.{decimals}f}"
    return f"△{text}" if value < 0 else text


def amount(value: int | float, unit: str = "千円") -> str:
    """105000 → 105,000千円."""
    return f"{number(value)}{unit}"


def spaced_name(name: str) -> str:
    """A person's name keeps one 全角 space between family and given name: 岩本 幸一 → 岩本　幸一."""
    parts = name.replace("　", " ").split()
    return "　".join(parts)

"""Japanese conventions: wareki dates, 曜日, full-width times, number formats.

Only the standard library: there is no ja_JP locale on the build machines, so never use ``%a``.
"""

from __future__ import annotations

import re
import unicodedata
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


# --- what staff type: dates, times, kana, as a Japanese IME or a paper form gives them ---------

_ERA_NAMES = {name: (name, start) for name, _, start in ERAS} | {letter: (name, start) for name, letter, start in ERAS}
_ERA = "(令和|平成|昭和|大正|明治|[RHSTM])"
_WESTERN = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_WAREKI = re.compile(rf"^{_ERA}(元|\d{{1,2}})(?:年(\d{{1,2}})月(\d{{1,2}})日|([-/.])(\d{{1,2}})\5(\d{{1,2}}))$")
_WEEKDAY_SUFFIX = re.compile(r"[(（]([月火水木金土日])(?:曜日?)?[)）]$")
DATE_EXAMPLES = "例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27"


def _digits(text: str) -> str:
    """Full-width digits, letters, punctuation and spaces → ASCII (NFKC), spaces removed."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def parse_date(value: object) -> date:
    """A date as staff write it: 2023-07-27, 2023/7/27, 2023年7月27日, 令和5年7月27日, R5.7.27
    (full-width digits too, and an optional weekday that must be right). Anything that needs a guess
    — 7/27/2023, 23/7/27, a year without era — is refused with a Japanese message (ValueError)."""
    if isinstance(value, date):
        return value
    shown = str(value).strip()
    text = _digits(shown).upper()
    weekday_given = None
    m = _WEEKDAY_SUFFIX.search(text)
    if m:
        weekday_given, text = m.group(1), text[: m.start()]
    western, era = _WESTERN.match(text), _WAREKI.match(text)
    if western:
        y, mo, d = (int(g) for g in (western.group(1, 3, 4) if western.group(1) else western.group(5, 6, 7)))
    elif era:
        name, start = _ERA_NAMES[era.group(1)]
        n = 1 if era.group(2) == "元" else int(era.group(2))
        mo, d = (int(g) for g in (era.group(3, 4) if era.group(3) else era.group(6, 7)))
        y = start.year + n - 1
    else:
        raise ValueError(f"「{shown}」は日付として読めません（{DATE_EXAMPLES}）")
    try:
        day = date(y, mo, d)
    except ValueError:
        raise ValueError(f"「{shown}」は存在しない日付です") from None
    if era and (n < 1 or era_of(day)[0] != name):
        raise ValueError(f"「{shown}」は{name}の期間にない日付です（{day.isoformat()} は {wareki(day)}）")
    if weekday_given and weekday_given != weekday(day):
        raise ValueError(f"「{shown}」の曜日が違います（{wareki(day)}は{weekday(day)}曜日）")
    return day


_HOUR = re.compile(r"^(午前|午後)?(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分|(半))?)$")
TIME_EXAMPLES = "例：13:30、13時30分、午後1時30分"


def parse_time(value: object) -> time:
    """A clock time as staff write it: 13:30, １３：３０, 13時30分, 13時半, 13時, 午後1時30分.
    午前12時 / 午後12時 (noon or midnight?) and bare numbers are refused (ValueError)."""
    if isinstance(value, time):
        return value
    shown = str(value).strip()
    m = _HOUR.match(_digits(shown)) if isinstance(value, str) else None
    if not m:
        raise ValueError(f"「{shown}」は時刻として読めません（{TIME_EXAMPLES}）")
    half, hour = m.group(1), int(m.group(2))
    minute = 30 if m.group(5) else int(m.group(3) or m.group(4) or 0)
    if half and hour > 11:
        raise ValueError(
            f"「{shown}」は読めません。{half}を付けるときは0〜11時で書いてください（または 13:30 のように24時間制で）"
        )
    hour += 12 if half == "午後" else 0
    if hour > 23 or minute > 59:
        raise ValueError(f"「{shown}」は存在しない時刻です（{TIME_EXAMPLES}）")
    return time(hour, minute)


def to_hiragana(text: str) -> str:
    """Katakana (full- or half-width) → hiragana: イワモト ｺｳｲﾁ → いわもと こういち; ー stays."""
    text = re.sub(r"[\uff61-\uff9f]+", lambda m: unicodedata.normalize("NFKC", m.group()), text)  # ｶﾞ → ガ
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def display_width(text: str) -> int:
    """Columns a terminal gives the text: East Asian wide and full-width characters count two."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """Left-aligned in ``width`` terminal columns (str.ljust counts 資料 as two columns, not four)."""
    return text + " " * max(0, width - display_width(text))


def material_label(number: str) -> str:
    """How a 資料番号 is printed and named: a number (「No.1-1」, 「2」) is 資料No.1-1, 資料2; a label
    that says what it is (参考資料, 別紙, 別添1, 資料3) is printed as typed, not 資料参考資料."""
    is_number = re.match(r"(?i:no)|[0-9０-９]", unicodedata.normalize("NFKC", number)) is not None
    return f"資料{number}" if is_number else number

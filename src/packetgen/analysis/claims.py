"""Computed phrases and declared claims: the words a text uses about its own data (pure Python).

A text never types a direction, a trend or a record as fixed words that could go stale: it either
writes a computed phrase ({増減:転入} → 前年度から265人増加) or declares next to its own words what
they claim (転入: 増加), and the claim is checked against the same series. Both fail with the
figures (and the file and row each came from) when the data do not support them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from packetgen.core import japanese

TREND_THRESHOLD = 0.03  # a fitted change under 3 % of the window's mean is 横ばい傾向
# Words that state a direction, trend, streak, record or comparison: a sentence using them outside
# a computed phrase must declare what it claims, so the claim can be checked.
CLAIM_WORDS = (
    "増加", "減少", "傾向", "横ばい", "続い", "連続", "最多", "最少", "上回", "下回", "加速", "ピーク",
    "の順で", "突出", "増え", "減っ", "減り", "伸び", "上昇", "低下", "拡大", "縮小", "急増", "急減",
    "転じ", "半減", "倍増",
)  # fmt: skip
PHRASE = re.compile(r"\{([^{}:]+)(?::([^{}]+))?\}")


@dataclass(frozen=True)
class Point:
    label: str  # 令和4年度 / 2020年
    value: int
    where: str  # input file and row: inputs/…/social.csv 6行目


@dataclass(frozen=True)
class Series:
    name: str  # 転入
    unit: str  # 人 / 千円
    points: tuple[Point, ...]  # chronological
    step: str = "前年度"  # what the previous point is called in a sentence

    def figures(self, points: tuple[Point, ...] | None = None) -> str:
        """The figures behind a verdict, each with where it came from."""
        shown = self.points if points is None else points
        return "、".join(f"{p.label} {japanese.number(p.value)}{self.unit}（{p.where}）" for p in shown)


class ClaimError(ValueError):
    """A phrase the data cannot support, or a claim they contradict (message in Japanese)."""


class Unverifiable(ClaimError):
    """A claim the inputs hold no figures for (left blank, or never kept): a 注意 that names what is
    missing, so staff confirm the sentence against its source by hand; never passed over."""


@dataclass(frozen=True)
class Ranked:
    """The partners of one kind of move (転入 or 転出) with their counts (None: left blank)."""

    name: str  # 転入
    entries: tuple[tuple[str, int | None, str], ...]  # (相手先, 人数, where it came from)


def check_order(rankings: tuple[Ranked, ...], stated: str) -> None:
    """「移動の多い順: 東京圏、仙台市、盛岡市、奥州市」: in every ranking, the stated partners are the
    top ones, in that order."""
    names = [n.strip() for n in re.split(r"[、,，・]", stated) if n.strip()]
    if not names:
        raise ClaimError("「移動の多い順」に相手先を「、」で区切って書いてください")
    for ranked in rankings:
        known = {partner: (value, where) for partner, value, where in ranked.entries}
        missing = [n for n in names if n not in known]
        if missing:
            raise ClaimError(
                f"相手先「{'、'.join(missing)}」は転入転出の表にありません（ある相手先：{'、'.join(known)}）"
            )
        blank = [partner for partner, value, _ in ranked.entries if value is None]
        if blank:
            more = f"ほか{len(blank) - 1}行" if len(blank) > 1 else ""
            raise Unverifiable(f"{ranked.name}の人数が空欄です（{'・'.join(blank)}：{known[blank[0]][1]}{more}）")
        order = sorted(ranked.entries, key=lambda e: -(e[1] or 0))
        top = [partner for partner, _, _ in order[: len(names)]]
        if top != names:
            figures = "、".join(f"{p} {japanese.number(v or 0)}人（{w}）" for p, v, w in order)
            raise ClaimError(f"{ranked.name}の多い順は「{'、'.join(top)}」です：{figures}")


# The baby-boom generations by their middle birth year (第1次 1947–49, 第2次 1971–74)
BOOMS = {"第1次": 1948, "第2次": 1972}


@dataclass(frozen=True)
class Pyramid:
    """One region's population by five-year age band at one census (None: no such table)."""

    region: str
    year: int | None
    bands: dict[int, tuple[int, str]]  # low age → (人数, where it came from)


def boom_band(census_year: int, birth_year: int) -> int:
    """The low age of the five-year band a birth year falls in at a census (1948, 2020 → 70)."""
    return (census_year - birth_year) // 5 * 5


def check_booms(pyramid: Pyramid, claim: str) -> None:
    """「ベビーブーム世代（全国）: 突出」 (each boom's band above both neighbours) or
    「ベビーブーム世代（一関市）: 第2次が第1次より少ない」."""
    if claim not in ("突出", "第2次が第1次より少ない", "第2次が第1次より多い"):
        raise ClaimError(
            f"主張「{claim}」は使えません（使える主張：突出、第2次が第1次より少ない、第2次が第1次より多い）"
        )
    if pyramid.year is None:
        raise Unverifiable(f"{pyramid.region}の5歳階級別の人口が人口構造の表にありません")
    bands = {name: boom_band(pyramid.year, born) for name, born in BOOMS.items()}
    needed = {low for low in bands.values()} | (
        {low + step for low in bands.values() for step in (-5, 5)} if claim == "突出" else set()
    )
    missing = sorted(needed - set(pyramid.bands))
    if missing:
        names = "、".join(f"{low}～{low + 4}歳" for low in missing)
        raise Unverifiable(f"{pyramid.region}（{pyramid.year}年）の{names}の人口が人口構造の表にありません")

    def shown(low: int) -> str:
        value, where = pyramid.bands[low]
        return f"{low}～{low + 4}歳 {japanese.number(value)}人（{where}）"

    first, second = pyramid.bands[bands["第1次"]][0], pyramid.bands[bands["第2次"]][0]
    if claim == "突出":
        flat = [
            name
            for name, low in bands.items()
            if not pyramid.bands[low][0] > max(pyramid.bands[low - 5][0], pyramid.bands[low + 5][0])
        ]
        if flat:
            lows = sorted({low + step for low in bands.values() for step in (-5, 0, 5)})
            raise ClaimError(
                f"{pyramid.region}の{'・'.join(flat)}ベビーブーム世代は前後の年齢より多くありません："
                + "、".join(shown(low) for low in lows)
            )
    elif (second < first) != (claim == "第2次が第1次より少ない"):
        raise ClaimError(
            f"{pyramid.region}の第2次ベビーブーム世代は第1次より{'少なく' if second >= first else '多く'}ありません："
            f"{shown(bands['第1次'])}、{shown(bands['第2次'])}"
        )


def _last_two(s: Series) -> tuple[Point, Point]:
    if len(s.points) < 2:
        raise ClaimError(f"{s.name}は{len(s.points)}時点しかなく、{s.step}と比べられません")
    return s.points[-2], s.points[-1]


def direction(s: Series) -> str:
    """増加 / 減少 / 横ばい: the latest point against the one before it."""
    before, last = _last_two(s)
    return "増加" if last.value > before.value else "減少" if last.value < before.value else "横ばい"


def change(s: Series) -> str:
    """前年度から113人減少 (the amount without sign; 前年度と同じ when unchanged)."""
    before, last = _last_two(s)
    delta = last.value - before.value
    if delta == 0:
        return f"{s.step}と同じ"
    return f"{s.step}から{japanese.number(abs(delta))}{s.unit}{direction(s)}"


def fitted_change(s: Series) -> float:
    """Rule of 傾向: the least-squares line over all points; its rise over the window / |mean|."""
    n = len(s.points)
    if n < 3:
        raise ClaimError(f"{s.name}は{n}時点しかなく、傾向は3時点以上で判断します")
    values = [p.value for p in s.points]
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / sum((x - mean_x) ** 2 for x in range(n))
    return slope * (n - 1) / abs(mean_y) if mean_y else 0.0


def trend(s: Series) -> str:
    rise = fitted_change(s)
    return "増加傾向" if rise >= TREND_THRESHOLD else "減少傾向" if rise <= -TREND_THRESHOLD else "横ばい傾向"


def streak(s: Series) -> tuple[Point, ...]:
    """The trailing points with a value above 0 (e.g. 転出超過 = 転出 − 転入 > 0)."""
    run: list[Point] = []
    for p in reversed(s.points):
        if p.value <= 0:
            break
        run.insert(0, p)
    return tuple(run)


def streak_phrase(s: Series) -> str:
    """平成30年度から5年連続 (from the first point of the run, so it is true whatever came before)."""
    run = streak(s)
    if not run:
        raise ClaimError(f"最新の{s.points[-1].label}は{s.name}ではありません（{s.figures(s.points[-1:])}）")
    return f"{run[0].label}から{len(run)}{'年' if s.step == '前年度' else '回'}連続"


def record(s: Series) -> str:
    """平成30年度以降で最少 / 最多: the latest point against every point of the table."""
    last, values = s.points[-1], [p.value for p in s.points]
    since = f"{s.points[0].label}以降で"
    if last.value == min(values) and values.count(last.value) == 1:
        return since + "最少"
    if last.value == max(values) and values.count(last.value) == 1:
        return since + "最多"
    raise ClaimError(f"最新の{last.label}は{s.name}の最多でも最少でもありません（{s.figures()}）")


def latest_label(s: Series) -> str:
    return s.points[-1].label


def latest_value(s: Series) -> str:
    return f"{japanese.number(s.points[-1].value)}{s.unit}"


# The vocabulary of computed phrases: {名前:系列}.
PHRASES: dict[str, Callable[[Series], str]] = {
    "最新年度": latest_label,
    "値": latest_value,
    "増減": change,
    "方向": direction,
    "傾向": trend,
    "連続": streak_phrase,
    "記録": record,
}


def _peak_then_falling(s: Series) -> bool:
    values = [p.value for p in s.points]
    top = values.index(max(values))
    return top < len(values) - 1 and all(b < a for a, b in zip(values[top:], values[top + 1 :], strict=False))


# The vocabulary of declared claims: 系列: 主張. Each returns whether the data support it.
CLAIMS: dict[str, Callable[[Series], bool]] = {
    "増加": lambda s: direction(s) == "増加",
    "減少": lambda s: direction(s) == "減少",
    "横ばい": lambda s: direction(s) == "横ばい",
    "増加傾向": lambda s: trend(s) == "増加傾向",
    "減少傾向": lambda s: trend(s) == "減少傾向",
    "横ばい傾向": lambda s: trend(s) == "横ばい傾向",
    "継続": lambda s: len(streak(s)) >= 2,
    "過去最多": lambda s: record(s).endswith("最多"),
    "過去最少": lambda s: record(s).endswith("最少"),
    "ピーク後減少": _peak_then_falling,
    "上回る": lambda s: s.points[-1].value > 0,
    "下回る": lambda s: s.points[-1].value < 0,
}


def _verdict(s: Series, claim: str) -> str:
    """What the data do say, for the message of a refused claim."""
    if claim in ("増加", "減少", "横ばい"):
        return f"{s.name}は{change(s)}（{s.figures(_last_two(s))}）"
    if claim.endswith("傾向"):
        return f"{s.name}は{trend(s)}（回帰直線で{fitted_change(s):+.1%}。{s.figures()}）"
    if claim == "継続":
        return f"{s.name}は最新時点まで{len(streak(s))}時点しか続いていません（{s.figures()}）"
    return f"データ：{s.figures()}"


def check_claim(series: Mapping[str, Series], name: str, claim: str) -> None:
    """Raise ClaimError naming the figures when the data contradict 「name: claim」."""
    if name not in series:
        raise ClaimError(f"系列「{name}」はありません（使える系列：{'、'.join(series)}）")
    if claim not in CLAIMS:
        raise ClaimError(f"主張「{claim}」は使えません（使える主張：{'、'.join(CLAIMS)}）")
    s = series[name]
    try:
        held = CLAIMS[claim](s)
    except ClaimError as exc:
        raise ClaimError(f"「{name}: {claim}」を確かめられません：{exc}") from None
    if not held:
        raise ClaimError(f"「{name}: {claim}」とありますが、データと合いません：{_verdict(s, claim)}")


def fill(text: str, values: Mapping[str, str], series: Mapping[str, Series]) -> str:
    """Replace {名前} by a computed value and {語句:系列} by a computed phrase."""

    def one(m: re.Match[str]) -> str:
        name, arg = m.group(1), m.group(2)
        if arg is None:
            if name not in values:
                raise ClaimError(f"差し込み「{{{name}}}」はありません（使える名前：{'、'.join(values)}）")
            return values[name]
        if name not in PHRASES:
            raise ClaimError(f"計算語句「{name}」はありません（使える語句：{'、'.join(PHRASES)}）")
        if arg not in series:
            raise ClaimError(f"「{{{name}:{arg}}}」の系列「{arg}」はありません（使える系列：{'、'.join(series)}）")
        return PHRASES[name](series[arg])

    return PHRASE.sub(one, text)


def unclaimed_words(text: str, claims: Mapping[str, str]) -> list[str]:
    """Claim words written as plain text in a sentence that declares no claim."""
    if claims:
        return []
    plain = PHRASE.sub("", text)
    return [w for w in CLAIM_WORDS if w in plain]

"""企業版ふるさと納税: totals per year and project, the year-on-year table, the scheme's worked example.

Plain Python rather than pandas: a year has a handful of gifts, and integer 千円 arithmetic with
Decimal rates keeps every printed figure exact (a 計 row must add up to the yen).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from packetgen.analysis import claims
from packetgen.core import japanese
from packetgen.inputs.donation import DonationRecord, StatedTotal


@dataclass(frozen=True)
class ProjectTotal:
    """One row of the ② table: a project of a year, the companies that gave to it, their sum."""

    category: str
    project: str
    companies: tuple[str, ...]
    amount: int  # 千円
    projects: int  # 事業数 as the records state it
    donations: int


@dataclass(frozen=True)
class YearTotal:
    fiscal_year: int
    projects: tuple[ProjectTotal, ...]  # in the order the records list them

    @property
    def amount(self) -> int:
        return sum(p.amount for p in self.projects)

    @property
    def project_count(self) -> int:
        return sum(p.projects for p in self.projects)

    @property
    def donations(self) -> int:
        return sum(p.donations for p in self.projects)


@dataclass(frozen=True)
class YearChange:
    """One row of the year-on-year table; change is None for the first year."""

    total: YearTotal
    change: int | None


@dataclass(frozen=True)
class Inconsistency:
    """A record whose 事業数 differs from an earlier record of the same project (row of the later one)."""

    index: int  # position in the records given
    first_index: int
    stated: int
    expected: int


def project_key(record: DonationRecord) -> tuple[int, str, str]:
    return (record.fiscal_year, record.category, record.project)


def totals_by_year(records: Iterable[DonationRecord]) -> list[YearTotal]:
    """Group the gifts by year (ascending) and project (first appearance); sum the amounts."""
    groups: dict[tuple[int, str, str], list[DonationRecord]] = {}
    for record in records:
        groups.setdefault(project_key(record), []).append(record)
    years: dict[int, list[ProjectTotal]] = {}
    for (year, category, project), gifts in groups.items():
        companies = tuple(dict.fromkeys(g.company for g in gifts))
        total = ProjectTotal(category, project, companies, sum(g.amount for g in gifts), gifts[0].projects, len(gifts))
        years.setdefault(year, []).append(total)
    return [YearTotal(year, tuple(years[year])) for year in sorted(years)]


def inconsistent_project_counts(records: list[DonationRecord]) -> list[Inconsistency]:
    """Two gifts to one project must state the same 事業数, or the 計 would depend on row order."""
    first: dict[tuple[int, str, str], int] = {}
    found = []
    for i, record in enumerate(records):
        j = first.setdefault(project_key(record), i)
        if records[j].projects != record.projects:
            found.append(Inconsistency(i, j, record.projects, records[j].projects))
    return found


def year_on_year(years: list[YearTotal]) -> list[YearChange]:
    """Each year with its change from the previous year in the records (None for the first)."""
    return [YearChange(y, None if i == 0 else y.amount - years[i - 1].amount) for i, y in enumerate(years)]


@dataclass(frozen=True)
class TotalMismatch:
    index: int  # position in the stated totals given
    field: str  # 寄附額（千円） or 事業数, the column as the user knows it
    stated: int
    computed: int | None  # None: no record of that year


def check_stated_totals(stated: list[StatedTotal], years: list[YearTotal]) -> list[TotalMismatch]:
    """Every 計 the inputs state must equal the sum of that year's records."""
    by_year = {y.fiscal_year: y for y in years}
    found = []
    for i, total in enumerate(stated):
        year = by_year.get(total.fiscal_year)
        if year is None:
            found.append(TotalMismatch(i, "年度", total.fiscal_year, None))
            continue
        if total.amount != year.amount:
            found.append(TotalMismatch(i, "寄附額（千円）", total.amount, year.amount))
        if total.projects is not None and total.projects != year.project_count:
            found.append(TotalMismatch(i, "事業数", total.projects, year.project_count))
    return found


def _thousand_yen(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class WorkedExample:
    """A gift and how the scheme reduces the company's taxes on it (all in 千円).

    The tax credit is what the maximum relief adds to the deduction, and the burden what the
    relief leaves of the gift, so the printed lines always add up after rounding.
    """

    gift: int
    deduction_rate: Decimal  # 損金算入による軽減
    max_rate: Decimal  # 最大の軽減 (損金算入 + 税額控除)
    deduction: int
    relief: int

    @property
    def credit_rate(self) -> Decimal:
        return self.max_rate - self.deduction_rate

    @property
    def burden_rate(self) -> Decimal:
        return 1 - self.max_rate

    @property
    def credit(self) -> int:
        return self.relief - self.deduction

    @property
    def burden(self) -> int:
        return self.gift - self.relief


def worked_example(gift: int, deduction_rate: Decimal, max_rate: Decimal) -> WorkedExample:
    deduction = _thousand_yen(gift * deduction_rate)
    relief = _thousand_yen(gift * max_rate)
    return WorkedExample(gift, deduction_rate, max_rate, deduction, relief)


def rate_text(rate: Decimal) -> str:
    """Decimal('0.3') → 3割 (as the city writes it); a rate that is not whole 割 → 25% etc."""
    tenths = rate * 10
    if tenths == tenths.to_integral_value():
        return f"{int(tenths)}割"
    percent = (rate * 100).normalize()
    return f"{percent:f}%"


def claim_series(years: list[YearTotal], rows: dict[int, list[int]], file: str) -> dict[str, claims.Series]:
    """The series a report text may speak of: 寄附額 (千円), 事業数 and 寄附件数 per fiscal year.

    rows: fiscal year → the Excel rows of its gifts, so a refused claim names them."""

    def points(value: Callable[[YearTotal], int]) -> tuple[claims.Point, ...]:
        return tuple(
            claims.Point(
                japanese.wareki_fiscal_year(y.fiscal_year),
                value(y),
                f"{file} {'・'.join(str(r) for r in rows.get(y.fiscal_year, []))}行目",
            )
            for y in years
        )

    return {
        "寄附額": claims.Series("寄附額", "千円", points(lambda y: y.amount)),
        "事業数": claims.Series("事業数", "事業", points(lambda y: y.project_count)),
        "寄附件数": claims.Series("寄附件数", "件", points(lambda y: y.donations)),
    }


def categories_text(year: YearTotal) -> str:
    """The 対象事業の区分 given to in a year, in record order: 「A」, 「A及びB」, 「A、B及びC」."""
    names = list(dict.fromkeys(p.category for p in year.projects))
    return names[0] if len(names) == 1 else "、".join(names[:-1]) + "及び" + names[-1]

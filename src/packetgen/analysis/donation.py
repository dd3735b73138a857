"""企業版ふるさと納税: the year-on-year table, the scheme's worked example and the words the report
prints them in. The totals per year come from the records (inputs/donation_totals.py), the claims of
the report's texts are checked in donation_claims.py.

Plain Python rather than pandas: integer 千円 arithmetic with Decimal rates keeps every printed figure
exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from packetgen.inputs.donation_totals import YearTotal


@dataclass(frozen=True)
class YearChange:
    """One row of the year-on-year table; change is None for the first year."""

    total: YearTotal
    change: int | None


def year_on_year(years: list[YearTotal]) -> list[YearChange]:
    """Each year with its change from the previous year in the records (None for the first)."""
    return [YearChange(y, None if i == 0 else y.amount - years[i - 1].amount) for i, y in enumerate(years)]


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


def categories_text(year: YearTotal) -> str:
    """The 対象事業の区分 given to in a year, in record order: 「A」, 「A及びB」, 「A、B及びC」."""
    names = list(dict.fromkeys(p.category for p in year.projects))
    return names[0] if len(names) == 1 else "、".join(names[:-1]) + "及び" + names[-1]

"""企業版ふるさと納税: the records summed per year and project — what the report prints and what the
table's own 計 rows must equal — and the checks of the table against them (one 事業数 per project,
every 計 equal to its year's sum), each problem with its file, row and column.

Plain Python rather than pandas: a year has a handful of gifts, and integer 千円 arithmetic keeps every
figure exact (a 計 row must add up to the yen).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from packetgen.core import japanese
from packetgen.core.errors import Problem
from packetgen.inputs.donation import DonationRecord, DonationTable, StatedTotal


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


def checked_totals(table: DonationTable, problems: list[Problem]) -> list[YearTotal]:
    """Totals per year from the records; every 計 row and 事業数 that disagrees is a problem."""
    records = [r.value for r in table.records]
    rows = [r.row for r in table.records]
    for bad in inconsistent_project_counts(records):
        problems.append(
            table.table.problem(
                f"同じ年度・対象事業の区分・事業名の{rows[bad.first_index]}行目と事業数が違います"
                f"（{rows[bad.first_index]}行目：{bad.expected}、この行：{bad.stated}）",
                rows[bad.index],
                "事業数",
            )
        )
    years = totals_by_year(records)
    if not table.complete:
        return years  # a 計 compared with a partial sum would only add a misleading message
    stated = [t.value for t in table.totals]
    for bad in check_stated_totals(stated, years):
        total = table.totals[bad.index]
        year = japanese.wareki_fiscal_year(total.value.fiscal_year)
        if bad.computed is None:
            message = f"{year}の寄附のデータ行がありません（計の行だけがあります）"
        else:
            unit = "千円" if bad.field == "寄附額（千円）" else ""
            message = (
                f"{year}の計 {japanese.number(bad.stated)}{unit} が各行の合計 {japanese.number(bad.computed)}{unit}"
                " と合いません。データ行か計の行を確認してください"
            )
        problems.append(table.table.problem(message, total.row, bad.field))
    return years

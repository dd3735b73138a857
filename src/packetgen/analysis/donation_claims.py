"""The 寄附報告's texts checked and filled: the series its claims speak of (寄附額, 事業数 and 寄附件数
per fiscal year), the figures its {差し込み} stand for, every declared claim checked against the
records, and a claim word written as plain text refused (analysis/claims.py).
"""

from __future__ import annotations

from collections.abc import Callable

from packetgen.analysis import claims
from packetgen.analysis.donation import WorkedExample, categories_text, rate_text
from packetgen.core import japanese
from packetgen.core.errors import Problem
from packetgen.inputs.donation import SECTIONS, DonationTable, ReportText
from packetgen.inputs.donation_totals import YearTotal


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


def series_of(years: list[YearTotal], table: DonationTable) -> dict[str, claims.Series]:
    """The claim series of the table's records, each year's points naming the rows of its gifts."""
    rows: dict[int, list[int]] = {}
    for r in table.records:
        rows.setdefault(r.value.fiscal_year, []).append(r.row)
    return claim_series(years, rows, table.table.label)


def placeholder_values(example: WorkedExample, latest: YearTotal) -> dict[str, str]:
    """What each {差し込み} of the text stands for (inputs/donation.py's PLACEHOLDERS)."""
    return {
        "損金算入": rate_text(example.deduction_rate),
        "税額控除": rate_text(example.credit_rate),
        "最大軽減": rate_text(example.max_rate),
        "実質負担": rate_text(example.burden_rate),
        "例示寄附額": japanese.amount(example.gift),
        "報告年度": japanese.wareki_fiscal_year(latest.fiscal_year),
        "寄附額合計": japanese.amount(latest.amount),
        "事業数": japanese.number(latest.project_count),
        "寄附対象区分": categories_text(latest),
    }


def check_claims(
    text: ReportText, series: dict[str, claims.Series], values: dict[str, str], problems: list[Problem]
) -> bool:
    """Every text's phrases computable, every declared claim supported by the records, and no claim
    word written as plain text without a declared claim (analysis/claims.py)."""
    start, report = len(problems), text.report

    def problem(message: str, loc: tuple[str | int, ...]) -> None:
        problems.append(text.problem(message, loc))

    for key in SECTIONS:
        for i, said in enumerate(report.section(key).claims):
            for name, claim in said.items():
                try:
                    claims.check_claim(series, name, claim)
                except claims.ClaimError as exc:
                    problem(f"{exc}（文は{text.line_of((key, '本文', i, '文'))}行目）", (key, "本文", i, "主張", name))
    for loc, value in report.texts():
        said = report.claims_at(loc)
        where = (*loc, "文") if said else loc
        for word in claims.unclaimed_words(value, said)[:1]:
            problem(
                f"「{word}」と書かれていますが、データで確かめる主張がありません。{{増減:寄附額}} などの計算語句に"
                "するか、文: と 主張:（例：寄附額: 増加）の形にしてください"
                "（説明書 docs/guide/06-inputs.md の「donation/report.yaml — 報告本文」）",
                where,
            )
        try:
            claims.fill(value, values, series)
        except claims.ClaimError as exc:
            problem(str(exc), where)
    return len(problems) == start

"""donation: 一関市企業版ふるさと納税について — ① 制度の概要 with a worked example, ② the gifts of the
latest year (and a year-on-year table when the records span years), ③ KPI, ④ 評価, ⑤ 今後の取組."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from packetgen.analysis import claims
from packetgen.analysis.donation import WorkedExample, rate_text, worked_example, year_on_year
from packetgen.analysis.donation_claims import check_claims, placeholder_values, series_of
from packetgen.core import japanese
from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.inputs.donation import DonationReport, Section, load_donations, load_report
from packetgen.inputs.donation_totals import YearTotal, checked_totals


@dataclass(frozen=True)
class DonationData:
    report: DonationReport
    years: list[YearTotal]
    example: WorkedExample
    series: dict[str, claims.Series]  # for the computed phrases {増減:寄附額} …

    @property
    def values(self) -> dict[str, str]:
        """What each {差し込み} of the text stands for."""
        return placeholder_values(self.example, self.years[-1])


class Builder(DocumentBuilder):
    """寄附報告: its roles are the records (寄附実績) and the report's text (報告本文). The inputs are
    checked in inputs/ (placeholders, 計 rows), the text's claims in analysis/donation_claims.py."""

    def load(self, ctx: BuildContext, problems: list[Problem]) -> DonationData | None:
        records, text_role = self.kind.roles
        start = len(problems)  # the list is shared by every document of the packet
        table = load_donations(ctx.input_path(records), ctx.input_label(records), problems)
        text = load_report(ctx.input_path(text_role), ctx.input_label(text_role), problems)
        years = checked_totals(table, problems) if table is not None else []
        if text is None or table is None or not years:
            return None
        if len(problems) > start:  # e.g. an unknown name, reported above: the claims would only repeat it
            return None
        ex = text.report.overview.example
        example = worked_example(ex.gift, ex.deduction_rate, ex.max_rate)
        data = DonationData(text.report, years, example, series_of(years, table))
        return data if check_claims(text, data.series, data.values, problems) else None

    def render(self, ctx: BuildContext, data: DonationData) -> bytes:
        from packetgen.render.docx_template import render_docx  # Word libraries only when building

        (template,) = self.kind.templates
        return render_docx(
            ctx.template_path(template), context(ctx, data), ctx.timestamp, f"templates/{template}", ctx.fonts
        )


def context(ctx: BuildContext, data: DonationData) -> dict[str, Any]:
    """Plain strings only: the template is user-edited and rendered in a sandbox."""
    values = data.values

    def fill(text: str) -> str:
        return claims.fill(text, values, data.series)  # every text was filled once in check_claims

    def section(s: Section) -> dict[str, Any]:
        return {
            "heading": fill(s.heading),
            "paragraphs": [fill(t) for t in s.paragraphs],
            "notes": [fill(t) for t in s.notes],
        }

    report = data.report
    title = f"{report.number}　{ctx.entry.title}" if report.number else ctx.entry.title
    return {
        # the 資料 label only when the meeting file gives this document a 資料番号
        "label": ctx.label if ctx.entry.label else "",
        "title": title,
        "overview": section(report.overview),
        "example": _example(data.example),
        "projects": {**section(report.projects), "plan_project": fill(report.projects.plan_project)},
        "latest": _latest(data.years[-1]),
        "history": _history(data.years),
        "kpi": section(report.kpi),
        "evaluation": section(report.evaluation),
        "next_steps": section(report.next_steps),
    }


def _example(ex: WorkedExample) -> dict[str, str]:
    """The worked example of ① in words: the rates and the yen of each step."""
    return {
        "gift": japanese.amount(ex.gift),
        "deduction_rate": rate_text(ex.deduction_rate),
        "credit_rate": rate_text(ex.credit_rate),
        "max_rate": rate_text(ex.max_rate),
        "burden_rate": rate_text(ex.burden_rate),
        "deduction": japanese.amount(ex.deduction),
        "credit": japanese.amount(ex.credit),
        "relief": japanese.amount(ex.relief),
        "burden": japanese.amount(ex.burden),
    }


def _latest(latest: YearTotal) -> dict[str, Any]:
    """The latest year's gifts, one row per project, for ②."""
    return {
        "year": japanese.wareki_fiscal_year(latest.fiscal_year),
        "amount": japanese.amount(latest.amount),
        "count": japanese.number(latest.project_count),
        "rows": [
            {
                "category": p.category,
                # a gift to a 区分 as a whole has no sub-project to print in parentheses
                "project": p.project if p.project != p.category else "",
                "companies": list(p.companies),
                "amount": japanese.amount(p.amount),
                "count": japanese.number(p.projects),
            }
            for p in latest.projects
        ],
    }


def _history(years: list[YearTotal]) -> list[dict[str, str]]:
    """The year-on-year table of ②; empty when the records hold one year only."""
    if len(years) <= 1:
        return []
    return [
        {
            "year": japanese.wareki_fiscal_year(c.total.fiscal_year),
            "donations": japanese.number(c.total.donations),
            "count": japanese.number(c.total.project_count),
            "amount": japanese.amount(c.total.amount),
            "change": "－" if c.change is None else japanese.amount(c.change),
        }
        for c in year_on_year(years)
    ]

"""donation: 一関市企業版ふるさと納税について — ① 制度の概要 with a worked example, ② the gifts of the
latest year (and a year-on-year table when the records span years), ③ KPI, ④ 評価, ⑤ 今後の取組."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from packetgen.analysis import claims
from packetgen.analysis.donation import (
    WorkedExample,
    YearTotal,
    categories_text,
    check_stated_totals,
    claim_series,
    inconsistent_project_counts,
    rate_text,
    totals_by_year,
    worked_example,
    year_on_year,
)
from packetgen.core import japanese
from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.documents.registry import DONATION
from packetgen.inputs.donation import DonationReport, DonationTable, Section, load_donations
from packetgen.inputs.validation import key_path
from packetgen.inputs.yaml_files import line_of, load_yaml_document

TEMPLATE = DONATION.templates[0]
RECORDS, TEXT = DONATION.roles
# The report's sections by their key in the text file, in the order ①–⑤.
SECTIONS = ("制度の概要", "寄附対象事業の状況", "KPIの状況", "事業の評価", "今後の取組")
_FIELDS = dict(zip(SECTIONS, ("overview", "projects", "kpi", "evaluation", "next_steps"), strict=True))
# {名前} in the text is replaced by a figure computed from the inputs, so the wording never
# disagrees with the rates or the records.
PLACEHOLDERS = (
    *("損金算入", "税額控除", "最大軽減", "実質負担", "例示寄附額"),
    *("報告年度", "寄附額合計", "事業数", "寄附対象区分"),
)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class DonationData:
    report: DonationReport
    years: list[YearTotal]
    example: WorkedExample
    series: dict[str, claims.Series]  # for the computed phrases {増減:寄附額} …

    def report_claims(self, loc: tuple[str | int, ...]) -> dict[str, str]:
        """The claims declared beside the paragraph at loc (section, 本文, i), if any."""
        if len(loc) != 3 or loc[1] != "本文":
            return {}
        section: Section = getattr(self.report, _FIELDS[str(loc[0])])
        index = int(loc[2])
        return section.claims[index] if index < len(section.claims) else {}


class Donation(DocumentBuilder):
    def load(self, ctx: BuildContext, problems: list[Problem]) -> DonationData | None:
        start = len(problems)  # the list is shared by every document of the packet
        table = load_donations(ctx.input_path(RECORDS), ctx.input_label(RECORDS), problems)
        text_label = ctx.input_label(TEXT)
        report, node = load_yaml_document(ctx.input_path(TEXT), text_label, DonationReport, problems)
        if report is not None:
            for loc, text in texts(report):
                for name in _PLACEHOLDER.findall(text):
                    if name not in PLACEHOLDERS and ":" not in name:  # {増減:寄附額}: checked when filled
                        problems.append(
                            Problem(
                                text_label,
                                f"差し込み「{{{name}}}」は使えません（使えるもの：{'、'.join(PLACEHOLDERS)}）",
                                line_of(node, loc),
                                key_path(loc),
                            )
                        )
        years = checked_totals(table, problems) if table is not None else []
        if report is None or not years:
            return None
        ex = report.overview.example
        rows: dict[int, list[int]] = {}
        for r in table.records if table is not None else []:
            rows.setdefault(r.value.fiscal_year, []).append(r.row)
        series = claim_series(years, rows, ctx.input_label(RECORDS))
        data = DonationData(report, years, worked_example(ex.gift, ex.deduction_rate, ex.max_rate), series)
        if len(problems) > start:  # e.g. an unknown name, reported above: the claims would only repeat it
            return None
        return data if check_claims(data, node, text_label, problems) else None

    def render(self, ctx: BuildContext, data: DonationData) -> bytes:
        from packetgen.render.docx_template import render_docx  # Word libraries only when building

        return render_docx(
            ctx.template_path(TEMPLATE), context(ctx, data), ctx.timestamp, f"templates/{TEMPLATE}", ctx.fonts
        )


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


def texts(report: DonationReport) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text of the report with its key path, for placeholder checks and filling."""
    for key in SECTIONS:
        section: Section = getattr(report, _FIELDS[key])
        yield (key, "見出し"), section.heading
        for part, values in (("本文", section.paragraphs), ("注", section.notes)):
            for i, text in enumerate(values):
                yield (key, part, i), text
    yield ("寄附対象事業の状況", "対象事業"), report.projects.plan_project


def check_claims(data: DonationData, node: Any, label: str, problems: list[Problem]) -> bool:
    """Every text's phrases computable, every declared claim supported by the records, and no claim
    word written as plain text without a declared claim (analysis/claims.py)."""
    start, values = len(problems), placeholder_values(data)

    def problem(message: str, loc: tuple[str | int, ...]) -> None:
        problems.append(Problem(label, message, line_of(node, loc), key_path(loc)))

    for key in SECTIONS:
        section: Section = getattr(data.report, _FIELDS[key])
        for i, said in enumerate(section.claims):
            for name, claim in said.items():
                try:
                    claims.check_claim(data.series, name, claim)
                except claims.ClaimError as exc:
                    problem(f"{exc}（文は{line_of(node, (key, '本文', i, '文'))}行目）", (key, "本文", i, "主張", name))
    for loc, text in texts(data.report):
        said = data.report_claims(loc)
        where = (*loc, "文") if said else loc
        for word in claims.unclaimed_words(text, said)[:1]:
            problem(
                f"「{word}」と書かれていますが、データで確かめる主張がありません。{{増減:寄附額}} などの計算語句に"
                "するか、文: と 主張:（例：寄附額: 増加）の形にしてください（README「寄附の計算語句と主張」）",
                where,
            )
        try:
            claims.fill(text, values, data.series)
        except claims.ClaimError as exc:
            problem(str(exc), where)
    return len(problems) == start


def placeholder_values(data: DonationData) -> dict[str, str]:
    ex, latest = data.example, data.years[-1]
    return {
        "損金算入": rate_text(ex.deduction_rate),
        "税額控除": rate_text(ex.credit_rate),
        "最大軽減": rate_text(ex.max_rate),
        "実質負担": rate_text(ex.burden_rate),
        "例示寄附額": japanese.amount(ex.gift),
        "報告年度": japanese.wareki_fiscal_year(latest.fiscal_year),
        "寄附額合計": japanese.amount(latest.amount),
        "事業数": japanese.number(latest.project_count),
        "寄附対象区分": categories_text(latest),
    }


def context(ctx: BuildContext, data: DonationData) -> dict[str, Any]:
    """Plain strings only: the template is user-edited and rendered in a sandbox."""
    values = placeholder_values(data)

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


BUILDER = Donation(DONATION)

"""企業版ふるさと納税: the donation records (a table) and the report's text parts (a YAML file).

The records are what the city received, one row per gift; a row whose 事業名 (or 対象事業の区分) is
「計」 states a year's total as the paper prints it, and is checked against the rows rather than
counted (donation_totals.py). The text file holds the report's wording and the scheme's rates, each
with its source; a {差し込み} it names must be one a figure fills (``load_report``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from packetgen.core import japanese
from packetgen.core.errors import Problem
from packetgen.inputs.numbers import parse_integer
from packetgen.inputs.tables import Table, read_table
from packetgen.inputs.validation import key_path, validate_rows
from packetgen.inputs.yaml_files import line_of, load_yaml_document

RECORD_COLUMNS = ("年度", "対象事業の区分", "事業名", "寄附企業", "寄附額（千円）", "事業数", "出典")
TOTAL_MARKS = ("計", "合計")
_RATE = re.compile(r"^(\d+(?:\.\d+)?)(割|%)$")
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


def _normalize(value: str) -> str:
    """全角 digits, commas and spaces as typed with a Japanese IME → ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", value).strip()


def _positive_whole(value: Any, unit: str = "") -> Any:
    """'100,000', '１００，０００' or '100,000千円' → 100000; a negative (-, △) or a fraction is refused.

    The number rule (thousands commas every three digits) is the one of every table (numbers.py)."""
    if isinstance(value, str):
        value = parse_integer(value, f"{unit}単位の整数（例：100,000）" if unit else "整数", unit)
    if isinstance(value, int) and not isinstance(value, bool) and value <= 0:
        raise ValueError(f"0より大きい値を入力してください（入力値：「{value}」）")
    return value


def _fiscal_year(value: Any) -> Any:
    if isinstance(value, str):
        return japanese.parse_wareki_fiscal_year(_normalize(value))
    return value


FiscalYear = Annotated[int, BeforeValidator(_fiscal_year)]  # 令和4年度 → 2022
Thousands = Annotated[int, BeforeValidator(lambda value: _positive_whole(value, "千円"))]
Whole = Annotated[int, BeforeValidator(_positive_whole)]
Blank = Annotated[str, BeforeValidator(lambda value: value or "")]  # an empty cell is ""


def is_total_row(values: dict[str, str]) -> bool:
    """A 計 / 合計 row, as a table copied from the paper carries at its foot."""
    marks = {_normalize(values.get(c, "")).replace(" ", "") for c in ("対象事業の区分", "事業名")}
    return bool(marks & set(TOTAL_MARKS))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DonationRecord(_Model):
    """One gift: which year, to which project, from which company, how much (千円)."""

    fiscal_year: FiscalYear = Field(alias="年度")
    category: str = Field(alias="対象事業の区分", min_length=1, max_length=100)
    project: str = Field(alias="事業名", min_length=1, max_length=100)
    company: str = Field(alias="寄附企業", min_length=1, max_length=60)
    amount: Thousands = Field(alias="寄附額（千円）", gt=0, le=10**9)
    projects: Whole = Field(alias="事業数", ge=1, le=99)
    source: Blank = Field(default="", alias="出典", max_length=200)


class StatedTotal(_Model):
    """A 計 row: the year's total as typed, to be checked against the records."""

    fiscal_year: FiscalYear = Field(alias="年度")
    category: Blank = Field(default="", alias="対象事業の区分")
    project: Blank = Field(default="", alias="事業名")
    company: str = Field(default="", alias="寄附企業")
    amount: Thousands = Field(alias="寄附額（千円）", gt=0, le=10**9)
    projects: Whole | None = Field(default=None, alias="事業数", ge=1, le=999)
    source: Blank = Field(default="", alias="出典", max_length=200)

    @field_validator("company", mode="before")
    @classmethod
    def _no_company(cls, value: str | None) -> str:
        if value:
            raise ValueError("計の行には寄附企業を入力しないでください")
        return ""


Row = TypeVar("Row")


@dataclass(frozen=True)
class Located(Generic[Row]):
    """A validated row and the Excel row it came from, for messages found later (totals)."""

    row: int
    value: Row


@dataclass(frozen=True)
class DonationTable:
    table: Table  # for messages: file label and column letters
    records: tuple[Located[DonationRecord], ...]
    totals: tuple[Located[StatedTotal], ...]
    complete: bool  # every data row valid: only then can a 計 row be checked against their sum


def load_donations(path: Path, label: str, problems: list[Problem]) -> DonationTable | None:
    table = read_table(path, label, RECORD_COLUMNS, problems)
    if table is None:
        return None
    data = Table(table.label, table.header, [r for r in table.rows if not is_total_row(r.values)])
    stated = Table(table.label, table.header, [r for r in table.rows if is_total_row(r.values)])
    records = tuple(Located(n, r) for n, r in validate_rows(data, DonationRecord, problems))
    totals = tuple(Located(n, t) for n, t in validate_rows(stated, StatedTotal, problems))
    if stated.rows and not data.rows:
        problems.append(table.problem("計の行のほかに寄附のデータ行がありません", stated.rows[0].number))
    return DonationTable(table, records, totals, complete=len(records) == len(data.rows))


# --- the report's text --------------------------------------------------------------------------


def parse_rate(value: Any) -> Decimal:
    """'3割', '約3割', '最大9割', '30%' → Decimal('0.3'). Bare numbers are refused: 0.3 or 3?"""
    if not isinstance(value, str):
        raise ValueError(f"割合は「3割」か「30%」の形で入力してください（入力値：「{value}」）")
    text = _normalize(value).removeprefix("最大").removeprefix("約")
    m = _RATE.match(text)
    if not m:
        raise ValueError(f"割合は「3割」か「30%」の形で入力してください（入力値：「{value}」）")
    try:
        number = Decimal(m.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise ValueError(f"割合として読めません（入力値：「{value}」）") from None
    return number / (10 if m.group(2) == "割" else 100)


class Section(_Model):
    """One of ①–⑤: a heading, paragraphs (may be empty: the heading alone is printed) and notes."""

    heading: str = Field(alias="見出し", min_length=1, max_length=100)
    paragraphs: tuple[str, ...] = Field(default=(), alias="本文")
    notes: tuple[str, ...] = Field(default=(), alias="注")
    # per paragraph, what an author's own words claim (系列: 主張), checked against the records
    claims: tuple[dict[str, str], ...] = Field(default=(), alias="本文の主張")

    @model_validator(mode="before")
    @classmethod
    def _claimed_paragraphs(cls, value: Any) -> Any:
        """A paragraph may be 「文: …」 with 「主張: {系列: 主張}」 beside it (analysis/claims.py)."""
        if not isinstance(value, dict) or not isinstance(value.get("本文"), list) or "本文の主張" in value:
            return value
        texts, claims = [], []
        for item in value["本文"]:
            if isinstance(item, dict) and set(item) <= {"文", "主張"} and isinstance(item.get("主張", {}), dict):
                texts.append(item.get("文", ""))
                claims.append({str(k): str(v) for k, v in (item.get("主張") or {}).items()})
            else:
                texts.append(item)
                claims.append({})
        return {**value, "本文": texts, "本文の主張": tuple(claims)}

    @field_validator("paragraphs", "notes")
    @classmethod
    def _lines(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for text in value:
            if not text.strip() or len(text) > 1000:
                raise ValueError("本文・注の各段落は1〜1000文字で入力してください")
        return value


class WorkedExample(_Model):
    """The scheme's rates (each with its source in the file) and the gift the example assumes."""

    gift: int = Field(alias="寄附額（千円）", gt=0, le=10**9)
    deduction_rate: Decimal = Field(alias="損金算入による軽減")
    max_rate: Decimal = Field(alias="最大の軽減")

    @field_validator("gift", mode="before")
    @classmethod
    def _gift(cls, value: Any) -> Any:
        return _positive_whole(value, "千円")

    @field_validator("deduction_rate", "max_rate", mode="before")
    @classmethod
    def _rate(cls, value: Any) -> Decimal:
        return parse_rate(value)

    @model_validator(mode="after")
    def _ordered(self) -> WorkedExample:
        if not (0 < self.deduction_rate < self.max_rate <= 1):
            raise ValueError("割合は 0 < 損金算入による軽減 < 最大の軽減 ≦ 10割 となるようにしてください")
        return self


class Overview(Section):
    example: WorkedExample = Field(alias="計算例")


class ProjectsSection(Section):
    # the 地域再生計画's project the gifts went to, printed over the table
    plan_project: str = Field(default="", alias="対象事業", max_length=100)


class DonationReport(_Model):
    number: str = Field(default="", alias="番号", max_length=10)  # e.g. 3. for 協議(3)
    overview: Overview = Field(alias="制度の概要")
    projects: ProjectsSection = Field(alias="寄附対象事業の状況")
    kpi: Section = Field(alias="KPIの状況")
    evaluation: Section = Field(alias="事業の評価")
    next_steps: Section = Field(alias="今後の取組")
    source: str = Field(default="", alias="出典", max_length=300)

    def section(self, key: str) -> Section:
        """A section by its key in the text file (制度の概要 …)."""
        return getattr(self, _FIELDS[key])

    def texts(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Every text of the report with its key path, for placeholder checks and filling."""
        for key in SECTIONS:
            section = self.section(key)
            yield (key, "見出し"), section.heading
            for part, values in (("本文", section.paragraphs), ("注", section.notes)):
                for i, text in enumerate(values):
                    yield (key, part, i), text
        yield ("寄附対象事業の状況", "対象事業"), self.projects.plan_project

    def claims_at(self, loc: tuple[str | int, ...]) -> dict[str, str]:
        """The claims declared beside the paragraph at loc (section, 本文, i), if any."""
        if len(loc) != 3 or loc[1] != "本文":
            return {}
        section = self.section(str(loc[0]))
        index = int(loc[2])
        return section.claims[index] if index < len(section.claims) else {}


@dataclass(frozen=True)
class ReportText:
    """The report's text file as loaded: the model, its YAML node tree (for the line of any key) and
    the file as the user finds it."""

    report: DonationReport
    node: yaml.Node | None
    file: str

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        return line_of(self.node, loc)

    def problem(self, message: str, loc: tuple[str | int, ...]) -> Problem:
        return Problem(self.file, message, self.line_of(loc), key_path(loc))


def load_report(path: Path, label: str, problems: list[Problem]) -> ReportText | None:
    """The report's text read and validated; a {名前} that no figure fills is a problem (a computed
    phrase such as {増減:寄附額} is checked when it is filled: analysis/donation_claims.py)."""
    report, node = load_yaml_document(path, label, DonationReport, problems)
    if report is None:
        return None
    text = ReportText(report, node, label)
    for loc, value in report.texts():
        for name in _PLACEHOLDER.findall(value):
            if name not in PLACEHOLDERS and ":" not in name:
                message = f"差し込み「{{{name}}}」は使えません（使えるもの：{'、'.join(PLACEHOLDERS)}）"
                problems.append(text.problem(message, loc))
    return text

"""人口動態 inputs (inputs/<DATE>/population/): population series, 自然動態, 社会動態, migration
partners, age structure and the 分析結果 text. Every figure carries its source in an 出典 column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import pandas as pd
import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from packetgen.core import japanese
from packetgen.core.errors import Problem
from packetgen.inputs.numbers import Count
from packetgen.inputs.tables import Table, read_table
from packetgen.inputs.validation import validate_rows
from packetgen.inputs.yaml_files import load_yaml_document

AREAS = ("一関", "花泉", "大東", "千厩", "東山", "室根", "川崎", "藤沢")
CITY = "一関市"
JAPAN = "全国"
Kind = Literal["国勢調査", "国勢調査（速報）", "独自推計", "住民基本台帳", "推計人口"]
Source = Field(alias="出典", min_length=1, max_length=300)
_AGE = re.compile(r"^(\d{1,3})(?:-(\d{1,3})|\+)$")


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class SeriesRow(_Row):
    region: str = Field(alias="地域")
    year: Count = Field(alias="年", ge=1900, le=2100)
    population: Count = Field(alias="人口", ge=0)
    kind: Kind = Field(alias="種別")
    source: str = Source

    @field_validator("region")
    @classmethod
    def _known_region(cls, value: str) -> str:
        if value not in (CITY, JAPAN, *AREAS):
            raise ValueError(f"地域は {CITY}・{JAPAN}・{'・'.join(AREAS)} のいずれかです")
        return value


def _year_label(value: str) -> str:
    return japanese.short_year(japanese.parse_year_label(value))


YearLabel = Annotated[str, AfterValidator(_year_label)]  # 平成30年度 / 2018 / H30 → H30


class NaturalRow(_Row):
    year: YearLabel = Field(alias="年度")
    births: Count = Field(alias="出生", ge=0)
    deaths: Count = Field(alias="死亡", ge=0)
    stated: Count | None = Field(default=None, alias="差")
    source: str = Source


class SocialRow(_Row):
    year: YearLabel = Field(alias="年度")
    moves_in: Count = Field(alias="転入", ge=0)
    moves_out: Count = Field(alias="転出", ge=0)
    stated: Count | None = Field(default=None, alias="差")
    source: str = Source


class MigrationRow(_Row):
    partner: str = Field(alias="相手先", min_length=1, max_length=30)
    moves_in: Count | None = Field(default=None, alias="転入", ge=0)
    moves_out: Count | None = Field(default=None, alias="転出", ge=0)
    source: str = Source


class AgeRow(_Row):
    region: str = Field(alias="地域", min_length=1, max_length=20)
    when: str = Field(alias="時点", min_length=1, max_length=30)
    band: str = Field(alias="年齢")
    male: Count | None = Field(default=None, alias="男", ge=0)
    female: Count | None = Field(default=None, alias="女", ge=0)
    total: Count = Field(alias="計", ge=0)
    source: str = Source

    @field_validator("band")
    @classmethod
    def _band(cls, value: str) -> str:
        if not _AGE.match(value):
            raise ValueError("年齢は 0-4、15-64、85+ の形で入力してください")
        return value

    @model_validator(mode="after")
    def _sexes_add_up(self) -> AgeRow:
        if self.male is not None and self.female is not None and self.male + self.female != self.total:
            raise ValueError(f"男＋女（{self.male + self.female:,}）が計（{self.total:,}）と合いません")
        return self


def age_bounds(band: str) -> tuple[int, int | None]:
    """'15-64' → (15, 64); '85+' → (85, None). The band was validated by AgeRow."""
    low, high = _AGE.match(band).groups()  # type: ignore[union-attr]
    return int(low), int(high) if high else None


# The three age groups a table's age rows are summed into (name, first age, last age or None)
BANDS = (("年少人口（0〜14歳）", 0, 14), ("生産年齢人口（15〜64歳）", 15, 64), ("老年人口（65歳以上）", 65, None))


def band_of(low: int, high: int | None) -> str | None:
    """The three-band name an age row falls in (None when it straddles two bands)."""
    for name, band_low, band_high in BANDS:
        if low >= band_low and (band_high is None or (high is not None and high <= band_high)):
            return name
    return None


class Finding(BaseModel):
    """A finding in the author's own words with what it claims (系列: 主張), checked against the data."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str = Field(alias="文", min_length=1, max_length=1000)
    claims: dict[str, str] = Field(default_factory=dict, alias="主張")

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: object) -> object:
        return {"文": value} if isinstance(value, str) else value  # a finding without claims


class Findings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    items: tuple[Finding, ...] = Field(alias="分析結果", min_length=1)


SERIES_COLUMNS = ("地域", "年", "人口", "種別", "出典")
NATURAL_COLUMNS = ("年度", "出生", "死亡", "差", "出典")
SOCIAL_COLUMNS = ("年度", "転入", "転出", "差", "出典")
MIGRATION_COLUMNS = ("相手先", "転入", "転出", "出典")
AGE_COLUMNS = ("地域", "時点", "年齢", "男", "女", "計", "出典")


@dataclass(frozen=True)
class LoadedTable:
    """Validated rows as a DataFrame with the Excel row number of each row (column 'row')."""

    table: Table
    frame: pd.DataFrame


def load_frame(
    path: Path,
    label: str,
    columns: tuple[str, ...],
    model: type[_Row],
    problems: list[Problem],
    unique: tuple[str, ...] = (),
) -> LoadedTable | None:
    table = read_table(path, label, columns, problems)
    if table is None:
        return None
    rows = validate_rows(table, model, problems)
    records = [{"row": number, **row.model_dump()} for number, row in rows]
    frame = pd.DataFrame.from_records(records, columns=["row", *model.model_fields])
    if unique:
        seen: dict[tuple, int] = {}
        for record in records:
            key = tuple(record[k] for k in unique)
            if key in seen:
                names = "・".join(model.model_fields[k].alias or k for k in unique)
                column = model.model_fields[unique[0]].alias
                problems.append(table.problem(f"{names}が {seen[key]}行目と重複しています", record["row"], column))
            seen.setdefault(key, record["row"])
    return LoadedTable(table, frame)


def load_findings(path: Path, label: str, problems: list[Problem]) -> tuple[Findings | None, yaml.Node | None]:
    """The findings and their parsed node tree (so a refused claim names its line)."""
    return load_yaml_document(path, label, Findings, problems)

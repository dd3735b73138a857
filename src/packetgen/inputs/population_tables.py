"""The 人口動態 inputs read as one set (``load_inputs``) into PopulationTables, the five tables as
frames, with the 分析結果 beside them (PopulationInputs). They are checked across rows on the way:
stated differences against their parts, the city against the sum of its 8 areas, age rows against the
three age groups.

Every problem names its file, row and column; the analysis runs on clean inputs only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pandas as pd
import yaml
from pydantic import BaseModel

from packetgen.core import japanese
from packetgen.core.errors import Problem
from packetgen.inputs.population import (
    AGE_COLUMNS,
    AREAS,
    CITY,
    MIGRATION_COLUMNS,
    NATURAL_COLUMNS,
    SERIES_COLUMNS,
    SOCIAL_COLUMNS,
    AgeRow,
    Findings,
    LoadedTable,
    MigrationRow,
    NaturalRow,
    SeriesRow,
    SocialRow,
    age_bounds,
    band_of,
    load_findings,
    load_frame,
)


@dataclass(frozen=True)
class TableRole:
    """One table of the set: its key, its columns, the model of a row and the columns no two rows
    may share."""

    key: str
    columns: tuple[str, ...]
    model: type[BaseModel]
    unique: tuple[str, ...]


# meeting.yaml's 入力 role → the table it names
TABLE_ROLES = {
    "人口推移": TableRole("series", SERIES_COLUMNS, SeriesRow, ("region", "year", "kind")),
    "自然動態": TableRole("natural", NATURAL_COLUMNS, NaturalRow, ("year",)),
    "社会動態": TableRole("social", SOCIAL_COLUMNS, SocialRow, ("year",)),
    "転入転出": TableRole("migration", MIGRATION_COLUMNS, MigrationRow, ("partner",)),
    "人口構造": TableRole("age", AGE_COLUMNS, AgeRow, ("region", "when", "band")),
}
FINDINGS_ROLE = "分析結果"


class InputFiles(Protocol):
    """Where a role's file is and how the user finds it (a document's BuildContext)."""

    def input_path(self, role: str) -> Path: ...

    def input_label(self, role: str) -> str: ...


@dataclass(frozen=True)
class PopulationTables:
    """The five tables, checked, as frames: 自然動態 and 社会動態 in chronological order, the age
    rows with their bounds (columns low and high)."""

    series: pd.DataFrame
    natural: pd.DataFrame
    social: pd.DataFrame
    migration: pd.DataFrame
    age: pd.DataFrame
    files: Mapping[str, str]  # table key → the input file as the user finds it


@dataclass(frozen=True)
class PopulationInputs:
    """The checked tables and the 分析結果 with its parsed node tree (so a claim names its line)."""

    tables: PopulationTables
    findings: Findings
    node: yaml.Node | None
    findings_file: str


def load_inputs(files: InputFiles, problems: list[Problem]) -> PopulationInputs | None:
    """Every table and the findings read and validated, then checked across rows; None (with the
    problems appended) unless all of it is clean."""
    start = len(problems)
    tables: dict[str, LoadedTable] = {}
    for role, spec in TABLE_ROLES.items():
        label = files.input_label(role)
        loaded = load_frame(files.input_path(role), label, spec.columns, spec.model, problems, spec.unique)
        if loaded is not None:
            tables[spec.key] = loaded
    findings_file = files.input_label(FINDINGS_ROLE)
    findings, node = load_findings(files.input_path(FINDINGS_ROLE), findings_file, problems)
    if len(tables) < len(TABLE_ROLES) or findings is None or len(problems) > start:
        return None  # analysis runs on clean inputs only
    before = len(problems)
    check_tables(tables, problems)
    if len(problems) > before:
        return None
    age = tables["age"].frame
    bounds = [age_bounds(band) for band in age["band"]]
    checked = PopulationTables(
        series=tables["series"].frame,
        natural=_chronological(tables["natural"].frame),
        social=_chronological(tables["social"].frame),
        migration=tables["migration"].frame,
        age=age.assign(low=[lo for lo, _ in bounds], high=[hi for _, hi in bounds]),
        files={spec.key: files.input_label(role) for role, spec in TABLE_ROLES.items()},
    )
    return PopulationInputs(checked, findings, node, findings_file)


def _chronological(frame: pd.DataFrame) -> pd.DataFrame:
    order = frame["year"].map(japanese.parse_year_label)
    return frame.assign(_order=order).sort_values("_order").drop(columns="_order").reset_index(drop=True)


@dataclass(frozen=True)
class Mismatch:
    """A stated figure that disagrees with the one computed from its parts."""

    row: int  # Excel row of the input
    column: str
    stated: int
    computed: int


def stated_mismatches(frame: pd.DataFrame, plus: str, minus: str) -> list[Mismatch]:
    """Rows whose stated 差 is not plus − minus (a blank 差 is not checked)."""
    computed = frame[plus] - frame[minus]
    bad = frame[frame["stated"].notna() & (frame["stated"] != computed)]
    return [Mismatch(int(r["row"]), "差", int(r["stated"]), int(r[plus] - r[minus])) for _, r in bad.iterrows()]


def area_sum_mismatches(series: pd.DataFrame, city: str, areas: tuple[str, ...]) -> list[Mismatch]:
    """Where the city's figure and all areas' figures of one year and kind exist, they must add up."""
    found = []
    for _, group in series.groupby(["year", "kind"]):
        totals = group[group["region"] == city]
        parts = group[group["region"].isin(areas)]
        if len(totals) == 1 and set(parts["region"]) == set(areas):
            total, summed = int(totals["population"].iloc[0]), int(parts["population"].sum())
            if total != summed:
                found.append(Mismatch(int(totals["row"].iloc[0]), "人口", total, summed))
    return found


def check_tables(tables: Mapping[str, LoadedTable], problems: list[Problem]) -> None:
    """Stated totals and differences must agree with their parts (file and row named)."""
    n = japanese.number
    for key, plus, minus, words in (
        ("natural", "births", "deaths", "出生−死亡"),
        ("social", "moves_in", "moves_out", "転入−転出"),
    ):
        t = tables[key]
        for m in stated_mismatches(t.frame, plus, minus):
            problems.append(
                t.table.problem(f"差（{n(m.stated)}）が {words}（{n(m.computed)}）と合いません", m.row, m.column)
            )
    s = tables["series"]
    for m in area_sum_mismatches(s.frame, CITY, AREAS):
        problems.append(
            s.table.problem(
                f"{CITY}の人口（{n(m.stated)}）が8地域の合計（{n(m.computed)}）と合いません", m.row, m.column
            )
        )
    a = tables["age"]
    for row in a.frame.itertuples():
        if band_of(*age_bounds(row.band)) is None:
            problems.append(
                a.table.problem(
                    "年齢の区分が年少（0〜14歳）・生産年齢（15〜64歳）・老年（65歳以上）をまたいでいます",
                    row.row,
                    "年齢",
                )
            )

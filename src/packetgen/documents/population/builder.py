"""population: 人口動態について — the population analysis workbook with native Excel charts.

Sheets follow the seed: 人口推移, 地域別人口, 人口構造, 自然動態, 社会動態, 転入・転出, 分析結果, a module
each. The workbook computes its own differences (formulas); pandas computes the same figures to check
the inputs (inputs/population_tables.py) and to fill the 分析結果 text (analysis/population_claims.py).
Unknown figures stay blank and the sheet says so.
This module (with pandas and openpyxl) is imported only when the workbook is loaded or built.
"""

from __future__ import annotations

from openpyxl import Workbook

from packetgen.analysis.population_claims import fill_findings
from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.documents.population.areas import add_area_sheet
from packetgen.documents.population.dynamics import NATURAL, SOCIAL, add_dynamics_sheet
from packetgen.documents.population.findings import add_findings_sheet
from packetgen.documents.population.migration import add_migration_sheet
from packetgen.documents.population.sheet import PopulationData, SheetContext
from packetgen.documents.population.structure import add_structure_sheet
from packetgen.documents.population.trend import add_trend_sheet
from packetgen.inputs.population_tables import load_inputs
from packetgen.render.xlsx import metrics, save_workbook


class Builder(DocumentBuilder):
    """人口動態: the workbook's tables and 分析結果, each role's file read by inputs/population_tables.py."""

    def load(self, ctx: BuildContext, problems: list[Problem]) -> PopulationData | None:
        inputs = load_inputs(ctx, problems)
        if inputs is None:
            return None
        filled = fill_findings(inputs, problems)
        if filled is None:
            return None
        return PopulationData(inputs.tables, filled.texts, filled.notices)

    def render(self, ctx: BuildContext, data: PopulationData) -> bytes:
        wb = Workbook()
        wb.remove(wb.active)
        # widths and wraps in the font the workbook is drawn in
        sheets = SheetContext(wb, metrics(ctx.fonts), data, ctx.label)
        add_trend_sheet(sheets)
        add_area_sheet(sheets)
        add_structure_sheet(sheets)
        add_dynamics_sheet(sheets, NATURAL, data.tables.natural)
        add_dynamics_sheet(sheets, SOCIAL, data.tables.social)
        add_migration_sheet(sheets)
        add_findings_sheet(sheets)
        return save_workbook(wb, ctx.timestamp, ctx.entry.title, ctx.fonts)

    def notices(self, data: PopulationData) -> list[str]:
        return list(data.notices)

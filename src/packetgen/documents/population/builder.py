"""population: 人口動態について — the population analysis workbook with native Excel charts.

Sheets follow the seed: 人口推移, 地域別人口, 人口構造, 自然動態, 社会動態, 転入・転出, 分析結果.
This module (with pandas and openpyxl) is imported only when the workbook is loaded or built.
"""

from __future__ import annotations

from typing import Any

from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.documents.population import workbook
from packetgen.documents.registry import POPULATION


class Population(DocumentBuilder):
    def load(self, ctx: BuildContext, problems: list[Problem]) -> Any:
        return workbook.load(ctx, problems)

    def render(self, ctx: BuildContext, data: Any) -> bytes:
        return workbook.render(ctx, data)

    def notices(self, data: Any) -> list[str]:
        return list(data.notices)


BUILDER = Population(POPULATION)

"""population: 人口動態について — the population analysis workbook with native Excel charts.

Sheets follow the seed: 人口推移, 地域別人口, 人口構造, 自然動態, 社会動態, 転入・転出, 分析結果.
The implementation (_population.py) needs pandas and openpyxl; it is imported only when the workbook
is really built, so a rebuild that finds nothing changed does not pay for them.
"""

from __future__ import annotations

from typing import Any

from packetgen.documents.base import BuildContext, DocumentBuilder, register
from packetgen.errors import Problem

ROLES = ("人口推移", "自然動態", "社会動態", "転入転出", "人口構造", "分析結果")


@register
class Population(DocumentBuilder):
    id = "population"
    suffix = ".xlsx"
    roles = ROLES

    def load(self, ctx: BuildContext, problems: list[Problem]) -> Any:
        from packetgen.documents import _population

        return _population.load(ctx, problems)

    def render(self, ctx: BuildContext, data: Any) -> bytes:
        from packetgen.documents import _population

        return _population.render(ctx, data)

    def notices(self, data: Any) -> list[str]:
        return list(data.notices)

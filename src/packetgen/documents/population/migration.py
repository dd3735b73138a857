"""転入・転出: the main partners of moves in and out, with their difference as the workbook's own
formula; blank where the figures are not known, and a chart of the known ones."""

from __future__ import annotations

import pandas as pd
from openpyxl.chart import Reference

from packetgen.documents.population.charts import column_chart
from packetgen.documents.population.sheet import TOP, Sheet, SheetContext, column_widths
from packetgen.render.xlsx import COUNT, CellStyle, Formula, put, rule, shown

HEADING = ("転入・転出の主な相手先", "単位：人　資料：総務省「住民基本台帳人口移動報告」2022年（会議資料の出典）")


def add_migration_sheet(ctx: SheetContext) -> None:
    moves = ctx.tables.migration
    columns = [
        ("相手先", list(moves["partner"])),
        ("転入", [shown(int(v), COUNT) for v in moves["moves_in"].dropna()]),
        ("転出", [shown(int(v), COUNT) for v in moves["moves_out"].dropna()]),
        ("差（転入−転出）", [shown(int(v), COUNT) for v in (moves["moves_in"] - moves["moves_out"]).dropna()]),
    ]
    sheet = ctx.sheet("転入・転出", column_widths(ctx.m, columns, minimum=9), HEADING)
    sheet.header(TOP, [name for name, _ in columns], fit=False)
    last = _table(sheet, moves)
    end = last
    unknown = moves["moves_in"].isna() & moves["moves_out"].isna()
    if unknown.any():
        sheet.note(
            last + 2, "※相手先別の人数は会議資料の図にのみあり、本文・公開資料で確認できないため空欄としています。"
        )
        sheet.note(last + 3, "　相手先の並びは入力（転入転出の表）の順です。")
        end = last + 3
    blocks = [(1, end)]
    if len(moves[~unknown]):
        end += 2
        _chart(sheet, last, end)
        blocks.append((end, end))
    sheet.finish(end, blocks)


def _table(sheet: Sheet, moves: pd.DataFrame) -> int:
    """A partner a row under the header at TOP; returns the last row."""
    ws = sheet.ws
    for i, row in enumerate(moves.itertuples()):
        r = TOP + 1 + i
        put(ws, r, 1, row.partner, CellStyle(align="center"))
        if pd.notna(row.moves_in):
            put(ws, r, 2, int(row.moves_in), CellStyle(fmt=COUNT))
        if pd.notna(row.moves_out):
            put(ws, r, 3, int(row.moves_out), CellStyle(fmt=COUNT))
        put(ws, r, 4, Formula(f'=IF(AND(ISNUMBER(B{r}),ISNUMBER(C{r})),B{r}-C{r},"")'), CellStyle(fmt=COUNT))
    last = TOP + len(moves)
    rule(ws, TOP + 1, last, 1, 4)
    return last


def _chart(sheet: Sheet, last: int, row: int) -> None:
    chart = column_chart("転入・転出の相手先")
    chart.add_data(Reference(sheet.ws, min_col=2, max_col=3, min_row=TOP, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=TOP + 1, max_row=last))
    sheet.chart(row, chart)

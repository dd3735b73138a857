"""Excel primitives: Japanese cell and chart fonts, ruled tables, △ number formats, A4 print set-up,
text that can never turn into a formula, and deterministic saving.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from openpyxl.chart.text import RichText
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.styles import Font as CellFont
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from packetgen.render.fonts import GOTHIC, FontSetting
from packetgen.render.ooxml import normalize_package

COUNT = '#,##0;"△"#,##0'
SIGNED = '+#,##0;"△"#,##0;0'
PERCENT = '0.0%;"△"0.0%'
INDEX = "0.0"
RATIO = "0.00"
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="808080")
RULED = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FORMULA_START = ("=", "+", "-", "@")


def font(size: float = 10, bold: bool = False, color: str = "000000") -> CellFont:
    # cell fonts are not inherited from anything: every written cell names the ゴシック (set from the
    # font setting when the workbook is saved)
    return CellFont(name=GOTHIC, size=size, bold=bold, color=color, charset=128)


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value: Any,
    *,
    size: float = 10,
    bold: bool = False,
    fmt: str | None = None,
    align: str | None = None,
    wrap: bool = False,
    color: str = "000000",
):
    """Write one cell. Text that looks like a formula (=, +, -, @) stays text, marked as such for Excel."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START) and not getattr(value, "is_formula", False):
        cell.data_type = "s"
        cell.quotePrefix = True
    cell.font = font(size, bold, color)
    if fmt:
        cell.number_format = fmt
    if align or wrap:
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
    return cell


class Formula(str):
    """A string that is meant to be an Excel formula (everything else starting with = is text)."""

    is_formula = True


def header_row(ws: Worksheet, row: int, col: int, names: Sequence[str]) -> None:
    for i, name in enumerate(names):
        cell = put(ws, row, col + i, name, bold=True, align="center", wrap=True)
        cell.fill = HEADER_FILL
        cell.border = RULED


def rule(ws: Worksheet, first_row: int, last_row: int, first_col: int, last_col: int) -> None:
    for r in range(first_row, last_row + 1):
        for c in range(first_col, last_col + 1):
            ws.cell(row=r, column=c).border = RULED


def sheet_heading(ws: Worksheet, title: str, note: str) -> None:
    """A1: the sheet's title; A2: unit and source (「単位：人　資料：住民基本台帳」)."""
    put(ws, 1, 1, title, size=14, bold=True)
    put(ws, 2, 1, note, size=9, color="404040")


def print_setup(ws: Worksheet, area: str, label: str, title: str) -> None:
    """A4 landscape, the sheet fitted to one page, the 資料 label and meeting name in the header."""
    ws.print_area = area
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    for part, text in ((ws.oddHeader.right, label), (ws.oddHeader.left, title)):
        part.text = text.replace("&", "&&")
        part.font = f"{GOTHIC},標準"
        part.size = 9
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.center.font = f"{GOTHIC},標準"
    ws.oddFooter.center.size = 9


def _props(size: float, bold: bool = False) -> CharacterProperties:
    return CharacterProperties(latin=Font(typeface=GOTHIC), ea=Font(typeface=GOTHIC), sz=int(size * 100), b=bold)


def chart_text(size: float = 9) -> RichText:
    """Chart-wide text properties: chart text does not use cell fonts, so it names its own."""
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=_props(size)), endParaRPr=_props(size))])


def chart_title(text: str, size: float = 11) -> Title:
    run = RegularTextRun(rPr=_props(size, bold=True), t=text)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=_props(size, bold=True)), r=[run])
    title = Title(overlay=False)
    title.tx = _title_text(paragraph)
    return title


def _title_text(paragraph: Paragraph):
    from openpyxl.chart.text import Text

    return Text(rich=RichText(p=[paragraph]))


def style_chart(chart, title: str) -> None:
    """Title, fonts of every text part, legend below. Units go in the title (「…（人）」): a rotated
    axis title would be set in a vertical-writing font variant by LibreOffice."""
    chart.title = chart_title(title)
    chart.txPr = chart_text()
    for axis in (chart.y_axis, chart.x_axis):
        axis.txPr = chart_text()
        axis.delete = False
    chart.legend.position = "b"
    chart.legend.txPr = chart_text()


def place_chart(ws: Worksheet, chart, anchor: str, width: float, height: float) -> None:
    """Size and anchor a chart; lines are straight and stop at unknown values — a curve or a bridge
    over a gap would draw figures no source gives."""
    for series in chart.series:
        series.smooth = False
    for combined in getattr(chart, "_charts", []):
        for series in combined.series:
            series.smooth = False
    chart.display_blanks = "gap"
    chart.width, chart.height = width, height
    ws.add_chart(chart, anchor)


def save_workbook(wb: Workbook, when: datetime, title: str, fonts: FontSetting) -> bytes:
    wb.properties.created = wb.properties.modified = when
    wb.properties.creator = wb.properties.lastModifiedBy = "packetgen"
    wb.properties.title = title
    buffer = io.BytesIO()
    wb.save(buffer)
    return normalize_package(buffer.getvalue(), when, fonts)

"""Excel charts that print as set: their own Japanese font on every text part (chart text does not use
cell fonts), the title carrying the unit, the legend below, straight lines that stop at a gap, and a
size and place in centimetres.
"""

from __future__ import annotations

from openpyxl.chart.text import RichText
from openpyxl.chart.title import Title
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.utils import coordinate_to_tuple
from openpyxl.utils.units import cm_to_EMU
from openpyxl.worksheet.worksheet import Worksheet

from packetgen.core.fonts import GOTHIC
from packetgen.render.xlsx import CM

EMU_PER_PT = 12700


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


def style_chart(chart, title: str, size: float = 10) -> None:
    """Title, fonts of every text part (``size`` pt: charts print at 100 %, their text as set here),
    legend below. Units go in the title (「…（人）」): a rotated axis title would be set in a
    vertical-writing font variant by LibreOffice."""
    chart.title = chart_title(title, size + 2)
    chart.txPr = chart_text(size)
    for axis in (chart.y_axis, chart.x_axis):
        axis.txPr = chart_text(size)
        axis.delete = False
    chart.legend.position = "b"
    chart.legend.txPr = chart_text(size)


def place_chart(ws: Worksheet, chart, anchor: str, width: float, height: float, down_pt: float = 0) -> None:
    """Size (cm) and anchor a chart, ``down_pt`` below the anchor cell's top; lines are straight and stop
    at unknown values — a curve or a bridge over a gap would draw figures no source gives."""
    for series in chart.series:
        series.smooth = False
    for combined in getattr(chart, "_charts", []):
        for series in combined.series:
            series.smooth = False
    chart.display_blanks = "gap"
    chart.width, chart.height = width, height
    row, col = coordinate_to_tuple(anchor)
    chart.anchor = OneCellAnchor(
        _from=AnchorMarker(col=col - 1, row=row - 1, rowOff=round(down_pt * EMU_PER_PT)),
        ext=XDRPositiveSize2D(cm_to_EMU(width), cm_to_EMU(height)),
    )
    ws.add_chart(chart)


def chart_row(ws: Worksheet, row: int, chart, width_cm: float, height_cm: float) -> None:
    """A chart in a row of its own, as tall as the chart and a little space (4 pt above and below, so
    its frame never touches the page before): a page break can never cut it, no table runs under it."""
    place_chart(ws, chart, f"A{row}", width_cm, height_cm, down_pt=4)
    ws.row_dimensions[row].height = round(height_cm * CM + 8, 1)

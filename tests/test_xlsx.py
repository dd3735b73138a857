"""The workbook primitives (render/xlsx.py, render/xlsx_charts.py) with values worked out by hand:
numbers as their formats show them, row heights, the A4 page in points, column widths that fill it,
page breaks before what does not fit and the page count a sheet declares, print set-up, cells (text a
spreadsheet could run kept as text), the font's measures against the font file, and the charts."""

from __future__ import annotations

from dataclasses import dataclass

import openpyxl
import pytest
from openpyxl import Workbook
from openpyxl.worksheet.pagebreak import Break

from packetgen.render import xlsx, xlsx_charts
from packetgen.render.xlsx import COUNT, INDEX, PERCENT, RATIO, SIGNED, Formula, Metrics, Page, declared_pages, paginate


@dataclass(frozen=True)
class EightPoint(Metrics):
    """Metrics whose column-width unit is 8 pt exactly (no font file read)."""

    @property
    def unit(self) -> float:
        return 8.0


M8 = EightPoint("none.ttf", "none.ttf")


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (-1327, COUNT, "△1,327"),
        (1327.4, COUNT, "1,327"),
        (5, SIGNED, "+5"),
        (0, SIGNED, "0"),
        (-5, SIGNED, "△5"),
        (0.123, PERCENT, "12.3%"),
        (-0.05, PERCENT, "△5.0%"),
        (-0.5, "0.0%;0.0%", "50.0%"),
        (1.26, INDEX, "1.3"),
        (1.234, RATIO, "1.23"),
        (-2.5, RATIO, "△2.50"),
    ],
)
def test_shown_as_the_formats_show_it(value: float, fmt: str, text: str) -> None:
    assert xlsx.shown(value, fmt) == text


@pytest.mark.parametrize(
    ("size", "lines", "height"), [(10, 1, 15.0), (12, 1, 18.0), (14, 1, 21.0), (10, 2, 27.0), (12, 3, 46.2)]
)
def test_a_row_is_as_tall_as_its_lines(size: float, lines: int, height: float) -> None:
    # one line: 1.5 × the size; more: 1.2 em a line and 3 pt
    assert xlsx.row_height(size, lines) == height


def test_an_a4_page_in_points() -> None:
    portrait, landscape = Page(8.36), Page(8.36, "landscape")
    assert round(portrait.width_pt, 1) == 537.7  # 595.3 − 2 × 0.4 in
    assert round(landscape.width_pt, 1) == 784.3
    assert round(portrait.height_pt, 1) == 729.1  # 841.9 − 2 × 0.7 in − 12 pt spare
    assert round(landscape.height_pt, 1) == 482.5
    assert portrait.units == 63  # 537.7 / (8.36 × 1.01)
    assert landscape.units == 92
    assert portrait.chart_width_cm() == 18.3
    half = Page(8.36, "landscape", 50)
    assert round(half.width_pt, 1) == 1568.6 and round(half.height_pt, 1) == 965.0


def test_the_page_for_a_width() -> None:
    # 8 pt a unit: portrait holds 66 units (537.7 / 8.08), landscape 97
    assert M8.page_for(66) == Page(8.0, "portrait")
    assert M8.page_for(67) == Page(8.0, "landscape")
    assert M8.page_for(97) == Page(8.0, "landscape")
    assert M8.page_for(194) == Page(8.0, "landscape", 50)
    assert M8.page_for(2000) == Page(8.0, "landscape", 10)  # never under 10 %


def test_columns_fill_the_printable_width() -> None:
    ws = Workbook().active
    page, last = xlsx.lay_out_columns(ws, M8, [10.1, 20])
    assert page == Page(8.0, "portrait") and last == 3
    # quarters up (10.25), widened by 1.25 and quarters down (12.75, 25.0), the rest to column C
    assert [ws.column_dimensions[c].width for c in "ABC"] == [12.75, 25.0, 28.25]
    assert xlsx.columns_width(ws, 1, 3) == 66
    ws = Workbook().active
    page, last = xlsx.lay_out_columns(ws, M8, [40, 25.9])
    assert last == 2  # no room left for a third column
    assert [ws.column_dimensions[c].width for c in "AB"] == [40.0, 26.0]


def _sheet(heights: list[float]):
    ws = Workbook().active
    for r, h in enumerate(heights, start=1):
        ws.row_dimensions[r].height = h
    return ws


def test_page_breaks_before_what_does_not_fit() -> None:
    page = Page(8.36)  # 729.1 pt tall
    ws = _sheet([100] * 10)
    assert xlsx.paginate(ws, 10, [], page) == 2
    assert [b.id for b in ws.row_breaks.brk] == [7]
    ws = _sheet([100] * 10)  # rows 3–9 one block: it moves whole to page 2, row 10 to page 3
    assert xlsx.paginate(ws, 10, [(3, 9)], page) == 3
    assert [b.id for b in ws.row_breaks.brk] == [2, 9]
    ws = _sheet([100] * 10)  # a block taller than a page breaks between its rows
    assert xlsx.paginate(ws, 10, [(1, 10)], page) == 2
    assert [b.id for b in ws.row_breaks.brk] == [7]
    ws = _sheet([729.1, 1])  # exactly a page, then one more row
    assert xlsx.paginate(ws, 2, [], page) == 2


def test_paginate_breaks_before_a_block_that_does_not_fit() -> None:
    ws = openpyxl.Workbook().active
    page = Page(unit=8.36)  # A4 portrait: 729 pt of rows (margins and slack kept)
    for r in range(1, 41):
        ws.row_dimensions[r].height = 15
    ws.row_dimensions[30].height = 300  # a chart's row
    # rows 1–29: 435 pt; the chart would end at 735 pt, so it starts page 2; rows 31–40 follow it
    assert paginate(ws, 40, [(1, 10), (30, 30)], page) == 2
    assert [b.id for b in ws.row_breaks.brk] == [29]
    # a block taller than a page breaks between its rows
    tall = openpyxl.Workbook().active
    for r in range(1, 101):
        tall.row_dimensions[r].height = 15
    assert paginate(tall, 100, [(1, 100)], page) == 3
    assert [b.id for b in tall.row_breaks.brk] == [48, 96]  # 48 rows of 15 pt a page
    assert declared_pages(tall) == 3


def test_the_page_count_a_sheet_declares() -> None:
    ws = Workbook().active
    assert xlsx.declared_pages(ws) == 1
    ws.row_breaks.append(Break(id=5))
    ws.row_breaks.append(Break(id=9))
    ws.col_breaks.append(Break(id=3))
    assert xlsx.declared_pages(ws) == 6
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight, ws.page_setup.fitToWidth = 2, 1
    assert xlsx.declared_pages(ws) == 2
    ws.page_setup.fitToHeight, ws.page_setup.fitToWidth = 2, 3
    assert xlsx.declared_pages(ws) == 6
    ws.page_setup.fitToHeight = 0  # as tall as it takes: the breaks tell
    assert xlsx.declared_pages(ws) == 6


def test_a_sheet_prints_on_a4_at_100_percent_with_its_label() -> None:
    ws = Workbook().active
    xlsx.print_setup(ws, "A1:C20", "【資料No.2】", "人口推移 & 地域", Page(8.36, "landscape"))
    assert ws.print_area == "'Sheet'!$A$1:$C$20"
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.scale == 100 and ws.sheet_properties.pageSetUpPr.fitToPage is False
    assert ws.print_options.horizontalCentered is True
    assert (ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, ws.page_margins.bottom) == (
        0.4,
        0.4,
        0.7,
        0.7,
    )
    assert ws.oddHeader.right.text == "【資料No.2】" and ws.oddHeader.left.text == "人口推移 && 地域"
    assert ws.oddHeader.right.size == ws.oddHeader.left.size == ws.oddFooter.center.size == 10
    assert ws.oddFooter.center.text == "&P / &N"
    assert ws.oddHeader.left.font == ws.oddFooter.center.font == f"{xlsx.GOTHIC},標準"


def test_a_cell_keeps_text_a_spreadsheet_could_run_as_text() -> None:
    ws = Workbook().active
    for n, text in enumerate(["=1+1", "+1", "-1", "@x", "\tx", "\rx", "＝1", "＋1", "－1", "＠x"], start=1):
        cell = xlsx.put(ws, n, 1, text)
        assert (cell.data_type, cell.quotePrefix, cell.value) == ("s", True, text), text
    plain = xlsx.put(ws, 11, 1, "人口")
    assert plain.quotePrefix is False and plain.data_type == "s"
    formula = xlsx.put(ws, 12, 1, Formula("=SUM(A1:A2)"))
    assert formula.data_type == "f" and formula.quotePrefix is False
    number = xlsx.put(ws, 13, 1, 1234, xlsx.CellStyle(fmt=COUNT, size=12, bold=True, align="right"))
    assert number.number_format == COUNT and number.font.sz == 12 and number.font.b is True
    assert number.alignment.horizontal == "right" and number.alignment.vertical == "center"
    assert number.font.name == xlsx.GOTHIC and number.font.charset == 128
    wrapped = xlsx.put(ws, 14, 1, "長い文", xlsx.CellStyle(wrap=True))
    assert wrapped.alignment.wrap_text is True and wrapped.alignment.horizontal is None
    bare = xlsx.put(ws, 15, 1, "x")
    assert bare.alignment.wrap_text is None and bare.font.color.rgb == "00000000"


def test_a_header_row_and_its_rules() -> None:
    ws = Workbook().active
    xlsx.header_row(ws, 4, 2, ["年", "人口"])
    for col in (2, 3):
        cell = ws.cell(row=4, column=col)
        assert cell.font.b is True and cell.fill.fgColor.rgb == "00D9E1F2"
        assert cell.alignment.horizontal == "center" and cell.alignment.wrap_text is True
        assert cell.border.left.style == cell.border.bottom.style == "thin"
    assert [ws.cell(row=4, column=c).value for c in (2, 3)] == ["年", "人口"]
    xlsx.rule(ws, 5, 6, 2, 3)
    assert all(ws.cell(row=r, column=c).border.top.style == "thin" for r in (5, 6) for c in (2, 3))
    assert ws.cell(row=7, column=2).border.top.style is None and ws.cell(row=5, column=4).border.top.style is None


def test_row_heights_filled_and_charts_in_rows_of_their_own() -> None:
    ws = _sheet([40])
    xlsx.fill_heights(ws, 3, 12)
    assert [ws.row_dimensions[r].height for r in (1, 2, 3)] == [40, 18.0, 18.0]
    assert ws.row_dimensions[4].height is None
    from openpyxl.chart import BarChart

    chart = BarChart()
    xlsx_charts.chart_row(ws, 5, chart, 16.0, 5.0)
    assert ws.row_dimensions[5].height == 149.7  # 5 cm and 4 pt above and below
    assert (chart.anchor._from.col, chart.anchor._from.row, chart.anchor._from.rowOff) == (0, 4, 50800)  # 4 pt down


# --- the font's measures, checked against PIL reading the font file directly --------------------
GOTHIC_FILE = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf"
GOTHIC_BOLD = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Bold.ttf"


def _em(path: str, text: str) -> float:
    from PIL import ImageFont

    face = ImageFont.truetype(path, 1000)
    return sum(face.getlength(c) for c in text) / 1000


@pytest.fixture
def gothic() -> Metrics:
    from pathlib import Path

    if not Path(GOTHIC_FILE).is_file():
        pytest.skip("BIZ UDPゴシック not installed")
    return Metrics(GOTHIC_FILE, GOTHIC_BOLD)


def test_the_measures_are_the_font_files(gothic: Metrics) -> None:
    assert gothic.unit == pytest.approx(_em(GOTHIC_FILE, "0") * 11)  # the digit of the 11 pt default font
    assert round(gothic.unit, 2) == 8.36  # measured in LibreOffice (the class says so)
    assert gothic.width_pt("人口", 10) == pytest.approx(_em(GOTHIC_FILE, "人口") * 10)
    assert gothic.width_pt("人口", 10, bold=True) == pytest.approx(_em(GOTHIC_BOLD, "人口") * 10 * 1.02)
    assert gothic.width_pt("a\rb", 10) == pytest.approx(_em(GOTHIC_FILE, "ab") * 10)  # \r takes no room
    one = gothic.text_units("人口推移", 10)
    assert one == pytest.approx((_em(GOTHIC_FILE, "人口推移") * 10 + 6) / gothic.unit)
    assert gothic.text_units("人口\n人口推移", 10) == pytest.approx(one)  # the widest line


def test_the_lines_a_cell_wraps_to(gothic: Metrics) -> None:
    ten = "あいうえおかきくけこ"  # ten full-width kana, 10 pt each at 10 pt
    fits = (_em(GOTHIC_FILE, ten) * 10 + 6) / gothic.unit + 0.01
    assert gothic.line_count(ten, fits, 10) == 1
    assert gothic.line_count(ten, fits - 0.5, 10) == 2
    assert gothic.line_count(ten + "\n" + ten, fits, 10) == 2
    assert gothic.line_count(ten * 3, fits, 10) == 4  # half an em spare a line: 9 a line, not 10
    assert gothic.line_count("", 5, 10) == 1
    word = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    assert gothic.line_count("あ " + word, (_em(GOTHIC_FILE, word) * 10 + 6) / gothic.unit, 10) == 2  # kept whole


def test_a_heading_is_as_wide_as_two_lines_of_it(gothic: Metrics) -> None:
    whole = gothic.text_units("人口増減率", 10, True)
    two = gothic.header_units("人口増減率", 2, 10, True)
    assert two < whole and gothic.line_count("人口増減率", two, 10, True) == 2
    assert gothic.line_count("人口増減率", two - 0.25, 10, True) > 2 or two - 0.25 < gothic.text_units(
        "国勢調", 10, True
    )
    assert gothic.header_units("人口", 2, 10, True) == gothic.text_units("人口", 10, True)  # three a line at least


def test_heading_and_wrapped_text(gothic: Metrics) -> None:
    ws = Workbook().active
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 10
    xlsx.sheet_heading(ws, gothic, "人口推移", "単位：人　" * 8, 2)
    assert ws["A1"].value == "人口推移" and ws["A1"].font.sz == 14 and ws["A1"].font.b is True
    assert ws.row_dimensions[1].height == 21.0 and ws.row_dimensions[3].height == 6
    assert ws["A2"].font.color.rgb == "00404040" and ws["A2"].alignment.wrap_text is True
    assert "A2:B2" in [str(r) for r in ws.merged_cells.ranges]
    lines = gothic.line_count("単位：人　" * 8, 20, 10)
    assert lines > 1 and ws.row_dimensions[2].height == xlsx.row_height(10, lines)
    xlsx.wrapped_text(ws, gothic, (5, 1, 1), "あ")
    assert ws.row_dimensions[5].height == 15.0 and "A5:A5" not in [str(r) for r in ws.merged_cells.ranges]
    ws.row_dimensions[6].height = 40
    xlsx.wrapped_text(ws, gothic, (6, 1, 1), "あ")
    assert ws.row_dimensions[6].height == 40  # never lower than set
    ws["A8"], ws["B8"] = "あいうえおかきくけこさしすせそ", "短い"
    xlsx.fit_row(ws, gothic, 8, 1, 2)
    assert ws.row_dimensions[8].height == xlsx.row_height(10, gothic.line_count(ws["A8"].value, 10, 10))
    assert ws.row_dimensions[8].height > 15.0


def test_charts_name_the_gothic_and_stop_at_gaps() -> None:
    from openpyxl.chart import LineChart, Reference

    ws = Workbook().active
    for r, v in enumerate([3, None, 5], start=1):
        ws.cell(row=r, column=1, value=v)
    chart = LineChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_row=3))
    chart.series[0].smooth = True
    xlsx_charts.style_chart(chart, "人口（人）", 10)
    rich = chart.title.tx.rich.p[0]
    assert rich.r[0].t == "人口（人）" and rich.r[0].rPr.sz == 1200 and rich.r[0].rPr.b is True
    assert rich.r[0].rPr.latin.typeface == rich.r[0].rPr.ea.typeface == xlsx.GOTHIC
    for part in (chart.txPr, chart.x_axis.txPr, chart.y_axis.txPr, chart.legend.txPr):
        assert part.p[0].pPr.defRPr.sz == 1000 and part.p[0].pPr.defRPr.b is False
    assert chart.legend.position == "b" and chart.x_axis.delete is False and chart.y_axis.delete is False
    xlsx_charts.place_chart(ws, chart, "C5", 16.0, 8.0, down_pt=4)
    assert chart.series[0].smooth is False and chart.display_blanks == "gap"
    assert (chart.width, chart.height) == (16.0, 8.0)
    assert (chart.anchor._from.col, chart.anchor._from.row, chart.anchor._from.rowOff) == (2, 4, 50800)
    assert (chart.anchor.ext.width, chart.anchor.ext.height) == (5760000, 2880000)  # cm in EMU
    assert ws._charts == [chart]
    assert (
        xlsx_charts.chart_text().p[0].pPr.defRPr.sz == 900
        and xlsx_charts.chart_title("t").tx.rich.p[0].r[0].rPr.sz == 1100
    )


def test_chart_titles_are_bold_above_the_plot_and_every_text_part_ends_in_the_gothic() -> None:
    title = xlsx_charts.chart_title("人口（人）", 12)
    paragraph = title.tx.rich.p[0]
    assert (paragraph.pPr.defRPr.sz, paragraph.pPr.defRPr.b, paragraph.pPr.defRPr.ea.typeface) == (
        1200,
        True,
        xlsx.GOTHIC,
    )
    assert title.overlay is False  # the title above the plot, not drawn over it
    text = xlsx_charts.chart_text(9).p[0]
    assert (text.endParaRPr.sz, text.endParaRPr.b, text.endParaRPr.latin.typeface) == (900, False, xlsx.GOTHIC)


def test_combined_charts_draw_straight_lines_too() -> None:
    from openpyxl.chart import BarChart, LineChart, Reference

    ws = Workbook().active
    for r, v in enumerate([3, 4, 5], start=1):
        ws.cell(row=r, column=1, value=v)
    bars, line = BarChart(), LineChart()
    bars.add_data(Reference(ws, min_col=1, min_row=1, max_row=3))
    line.add_data(Reference(ws, min_col=1, min_row=1, max_row=3))
    line.series[0].smooth = True
    bars += line  # a line drawn over the bars (openpyxl keeps it in bars._charts)
    xlsx_charts.place_chart(ws, bars, "A1", 16.0, 8.0)
    assert line.series[0].smooth is False


def test_saved_workbooks_are_the_same_bytes() -> None:
    from datetime import datetime

    from packetgen.core.fonts import FontSetting

    def book() -> bytes:
        wb = Workbook()
        xlsx.put(wb.active, 1, 1, "人口")
        return xlsx.save_workbook(
            wb, datetime(2023, 7, 27, 13, 30), "資料No.2", FontSetting("BIZ UDPゴシック", "BIZ UD明朝 Medium")
        )

    first = book()
    assert first == book()
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(first))
    assert wb.properties.title == "資料No.2" and wb.properties.creator == "packetgen"
    assert wb.properties.lastModifiedBy == "packetgen" and wb.properties.created == datetime(2023, 7, 27, 13, 30)
    assert wb.active["A1"].font.name == "BIZ UDPゴシック"  # the role token replaced by the setting's font

"""Excel primitives: Japanese cell fonts, ruled tables, △ number formats, text that can never
turn into a formula, deterministic saving, and A4 page layout at 100 % (column widths and wrapped rows
measured in the workbook's font, page breaks between blocks, the page count a sheet declares).
Charts: xlsx_charts.py.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.styles import Font as CellFont
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from packetgen.core.fonts import GOTHIC, FontSetting, Role
from packetgen.core.linebreak.kinsoku import LATIN_WORD
from packetgen.render.ooxml import normalize_package

COUNT = '#,##0;"△"#,##0'
SIGNED = '+#,##0;"△"#,##0;0'
PERCENT = '0.0%;"△"0.0%'
INDEX = "0.0"
RATIO = "0.00"
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="808080")
RULED = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# OWASP formula injection: text starting with one of these may be run by a spreadsheet (the full-width
# forms too: Japanese Excel turns an IME-typed ＝ into =). Cells get Excel's quote prefix; the order CSV
# a leading ' (printing/order/as_csv.py).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def font(size: float = 10, bold: bool = False, color: str = "000000") -> CellFont:
    # cell fonts are not inherited from anything: every written cell names the ゴシック (set from the
    # font setting when the workbook is saved)
    return CellFont(name=GOTHIC, size=size, bold=bold, color=color, charset=128)


@dataclass(frozen=True)
class CellStyle:
    """How a written cell looks: its font size, weight and colour, number format and alignment."""

    size: float = 10
    bold: bool = False
    fmt: str | None = None
    align: str | None = None
    wrap: bool = False
    color: str = "000000"


PLAIN = CellStyle()


def put(ws: Worksheet, row: int, col: int, value: Any, style: CellStyle = PLAIN):
    """Write one cell. Text that looks like a formula (=, +, -, @) stays text, marked as such for Excel."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START) and not getattr(value, "is_formula", False):
        cell.data_type = "s"
        cell.quotePrefix = True
    cell.font = font(style.size, style.bold, style.color)
    if style.fmt:
        cell.number_format = style.fmt
    if style.align or style.wrap:
        cell.alignment = Alignment(horizontal=style.align, vertical="center", wrap_text=style.wrap)
    return cell


class Formula(str):
    """A string that is meant to be an Excel formula (everything else starting with = is text)."""

    is_formula = True


def header_row(ws: Worksheet, row: int, col: int, names: Sequence[str]) -> None:
    for i, name in enumerate(names):
        cell = put(ws, row, col + i, name, CellStyle(bold=True, align="center", wrap=True))
        cell.fill = HEADER_FILL
        cell.border = RULED


def rule(ws: Worksheet, first_row: int, last_row: int, first_col: int, last_col: int) -> None:
    for r in range(first_row, last_row + 1):
        for c in range(first_col, last_col + 1):
            ws.cell(row=r, column=c).border = RULED


def sheet_heading(ws: Worksheet, m: Metrics, title: str, note: str, last_col: int) -> None:
    """A1: the sheet's title; A2: unit and source (「単位：人　資料：住民基本台帳」), wrapped across the
    print area's columns ``A``–``last_col`` (set the widths first); row 3 a little space."""
    put(ws, 1, 1, title, CellStyle(size=14, bold=True))
    ws.row_dimensions[1].height = row_height(14)
    wrapped_text(ws, m, (2, 1, last_col), note, CellStyle(color="404040"))
    ws.row_dimensions[3].height = 6


# --- page layout -------------------------------------------------------------------------------
# Sheets print at 100 %: fit-to-page shrinks a wide sheet to 5–7 pt. A sheet is laid out for one
# orientation of A4 (see ``Page``): its columns fit the printable width, its rows are stacked in blocks
# (a table, a chart, a paragraph) and a manual page break goes before a block that would not fit, so
# the sheet declares its own page count (``declared_pages``) and the print check holds the PDF to it.
A4_PT = (595.3, 841.9)
SIDE_MARGIN_IN = 0.4
TOP_MARGIN_IN = 0.7  # the header and footer sit in it (at 0.3 in)
PAGE_SLACK_PT = 12  # rounding of row heights; LibreOffice needs a few points to spare
CM = 72 / 2.54  # points in a centimetre
DEFAULT_FONT_PT = 11  # the size of the workbook's default font (openpyxl's, renamed by the font setting)
CELL_PAD_PT = 3  # room kept between a cell's border and its text, each side (LibreOffice leaves ~1 pt)
LINE_EM = 1.2  # row height per line of wrapped text (LibreOffice sets these fonts 1.0 em apart)
_WORD = re.compile(rf"{LATIN_WORD}|\s+|.", re.DOTALL)


@cache
def _advance(font_file: str, index: int, char: str) -> float:
    """Advance width of ``char`` in ems (a control character such as \r takes no room: PIL's layout
    refuses it)."""
    if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
        return 0.0
    return _face(font_file, index).getlength(char) / 1000


@cache
def _face(font_file: str, index: int):  # the face ``index`` of a font collection (.ttc)
    from PIL import ImageFont

    return ImageFont.truetype(font_file, 1000, index=index)


@dataclass(frozen=True)
class Metrics:
    """The workbook's ゴシック, measured from its font files as LibreOffice lays it out.

    A column width counts characters: LibreOffice (like Excel) turns it into points with the digit
    width of the workbook's default font, which the font setting names too — 8.36 pt under BIZ
    UDPゴシック, 6.93 under IPAexゴシック (measured). So widths and wraps are worked out in the
    setting's own font; a few points a cell and 1 % of the page are kept spare."""

    regular: str  # font files
    bold: str
    regular_index: int = 0  # the faces inside them, where they are collections (.ttc)
    bold_index: int = 0

    @property
    def unit(self) -> float:
        """Points in one character of column width."""
        return _advance(self.regular, self.regular_index, "0") * DEFAULT_FONT_PT

    def width_pt(self, text: str, size: float, bold: bool = False) -> float:
        face, index = (self.bold, self.bold_index) if bold else (self.regular, self.regular_index)
        return sum(_advance(face, index, c) for c in text) * size * (1.02 if bold else 1)

    def text_units(self, text: str, size: float = 10, bold: bool = False) -> float:
        """Column width (characters) that shows each line of ``text`` unbroken."""
        widest = max(self.width_pt(line, size, bold) for line in str(text).split("\n"))
        return (widest + 2 * CELL_PAD_PT) / self.unit

    def line_count(self, text: str, width_units: float, size: float, bold: bool = False) -> int:
        """Lines ``text`` takes wrapped in a cell ``width_units`` wide, as LibreOffice wraps it: between
        any two CJK characters, never inside a Latin word or number (half an em kept spare a line)."""
        room = width_units * self.unit - 2 * CELL_PAD_PT
        lines = 0
        for paragraph in str(text).split("\n"):
            if self.width_pt(paragraph, size, bold) <= room:
                lines += 1
                continue
            lines, used = lines + 1, 0.0
            for word in _WORD.findall(paragraph):
                w = self.width_pt(word, size, bold)
                if used and used + w > room - size / 2 and not word.isspace():
                    lines, used = lines + 1, 0.0
                used += w
        return lines

    def header_units(self, name: str, lines: int = 2, size: float = 10, bold: bool = True) -> float:
        """The narrowest width (characters) at which a wrapping cell such as a (bold) header takes at
        most ``lines`` lines, keeping at least three characters a line."""
        width = self.text_units(name, size, bold)
        narrowest = min(width, self.text_units("国勢調", size, bold))
        while width - 0.25 >= narrowest and self.line_count(name, width - 0.25, size, bold) <= lines:
            width -= 0.25
        return width

    def page_for(self, width_units: float) -> Page:
        """Portrait when the columns fit its width, else landscape; wider still, landscape scaled
        down (never for the packet's own data)."""
        for orientation in ("portrait", "landscape"):
            if width_units <= Page(self.unit, orientation).units:
                return Page(self.unit, orientation)
        landscape = Page(self.unit, "landscape")
        return Page(self.unit, "landscape", max(10, int(100 * landscape.units / width_units)))


def metrics(setting: FontSetting) -> Metrics:
    """The setting's ゴシック as installed (the build has checked it is: ``font_files.require``)."""
    from packetgen.render import font_files

    gothic = font_files.require(setting)[Role.GOTHIC]
    bold = font_files.resolve(setting.gothic, bold=True) or gothic
    return Metrics(str(gothic.file), str(bold.file), gothic.index, bold.index)


@dataclass(frozen=True)
class Page:
    """A4 in one orientation at a print scale (100 % unless the content is wider than landscape)."""

    unit: float  # points in one character of column width (``Metrics.unit``)
    orientation: str = "portrait"
    scale: int = 100

    @property
    def width_pt(self) -> float:  # printable width, in sheet points (before scaling)
        paper = A4_PT[0] if self.orientation == "portrait" else A4_PT[1]
        return (paper - 2 * 72 * SIDE_MARGIN_IN) * 100 / self.scale

    @property
    def height_pt(self) -> float:
        paper = A4_PT[1] if self.orientation == "portrait" else A4_PT[0]
        return (paper - 2 * 72 * TOP_MARGIN_IN - PAGE_SLACK_PT) * 100 / self.scale

    @property
    def units(self) -> int:
        """Characters of column width that fit the printable width (1 % spare)."""
        return int(self.width_pt / (self.unit * 1.01))

    def chart_width_cm(self) -> float:
        """The widest chart that stays inside the print area (which is the page's width)."""
        return round(self.units * self.unit / CM - 0.3, 1)


def shown(value: float, fmt: str) -> str:
    """A number as the workbook's formats show it (for measuring): #,##0 with △, signs, percent."""
    sign = "△" if value < 0 else "+" if fmt == SIGNED and value > 0 else ""
    if "%" in fmt:
        sign = "" if fmt == "0.0%;0.0%" else sign
        return f"{sign}{abs(value) * 100:.1f}%"
    if fmt in (INDEX, RATIO):
        return f"{sign}{abs(value):.{len(fmt) - 2}f}"
    return f"{sign}{abs(round(value)):,}"


def row_height(size: float = 10, lines: int = 1) -> float:
    """Row height (pt) for ``lines`` lines at ``size``: set explicitly on every printed row, because
    LibreOffice does not grow the rows of an openpyxl file to their text and page breaks add them up."""
    return round(lines * size * LINE_EM + 3, 1) if lines > 1 else round(size * 1.5, 1)


def lay_out_columns(ws: Worksheet, m: Metrics, widths: Sequence[float], grow: float = 1.25) -> tuple[Page, int]:
    """Columns A… get ``widths`` (characters), widened by up to ``grow`` where the page has room, then
    one more column takes up the rest of the page's width, so the print area is the printable width.
    Returns the page chosen for the columns and the print area's last column."""
    widths = [math.ceil(w * 4) / 4 for w in widths]
    page = m.page_for(sum(widths))
    factor = min(grow, page.units / sum(widths))
    if factor > 1:
        widths = [math.floor(w * factor * 4) / 4 for w in widths]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    rest = page.units - sum(widths)
    if rest < 0.5:
        return page, len(widths)
    ws.column_dimensions[get_column_letter(len(widths) + 1)].width = rest
    return page, len(widths) + 1


def columns_width(ws: Worksheet, first_col: int, last_col: int) -> float:
    return sum(ws.column_dimensions[get_column_letter(c)].width or 0 for c in range(first_col, last_col + 1))


def wrapped_text(ws: Worksheet, m: Metrics, at: tuple[int, int, int], text: str, style: CellStyle = PLAIN):
    """A text wrapped across the columns of ``at`` = (row, first column, last column), merged when more
    than one, its row as tall as its lines (set the column widths first)."""
    row, col, last_col = at
    cell = put(ws, row, col, text, style)
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    if last_col > col:
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=last_col)
    lines = m.line_count(text, columns_width(ws, col, last_col), style.size, style.bold)
    ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, row_height(style.size, lines))
    return cell


def fit_row(ws: Worksheet, m: Metrics, row: int, first_col: int, last_col: int, size: float = 10) -> None:
    """A row as tall as the most lines any of its (wrapping) cells takes at its column's width."""
    cells = [ws.cell(row=row, column=c) for c in range(first_col, last_col + 1)]
    lines = max(m.line_count(str(c.value or ""), columns_width(ws, c.column, c.column), size, c.font.b) for c in cells)
    ws.row_dimensions[row].height = row_height(size, lines)


def fill_heights(ws: Worksheet, last_row: int, size: float = 10) -> None:
    """Every row up to ``last_row`` gets an explicit height (one line at ``size`` where none is set)."""
    for r in range(1, last_row + 1):
        if ws.row_dimensions[r].height is None:
            ws.row_dimensions[r].height = row_height(size)


def paginate(ws: Worksheet, last_row: int, blocks: Sequence[tuple[int, int]], page: Page) -> int:
    """Rows 1–``last_row`` on pages: a manual page break before each block (first row, last row) that
    would not fit on the current page, and before any other row that would not. A block taller than a
    page breaks between its rows. Every row's height must be set. Returns the number of pages."""
    starts = dict(blocks)
    pages, used, r = 1, 0.0, 1
    while r <= last_row:
        last = starts.get(r, r)
        height = sum(ws.row_dimensions[i].height for i in range(r, last + 1))
        if used and used + height > page.height_pt:
            ws.row_breaks.append(Break(id=r - 1))
            pages, used = pages + 1, 0.0
        if height > page.height_pt:  # a block taller than a page: row by row
            for i in range(r, last + 1):
                h = ws.row_dimensions[i].height
                if used and used + h > page.height_pt:
                    ws.row_breaks.append(Break(id=i - 1))
                    pages, used = pages + 1, 0.0
                used += h
        else:
            used += height
        r = last + 1
    return pages


def declared_pages(ws: Worksheet) -> int:
    """The pages a sheet prints on, as its print set-up declares them: fitted to N pages tall and M
    wide, or one more than its manual row breaks times one more than its column breaks (a layout whose
    columns do not fit the page prints more, and the print check says so)."""
    setup = ws.page_setup
    if ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage:
        tall = int(setup.fitToHeight) if setup.fitToHeight is not None else 1
        if tall:  # 0: as many pages tall as it takes, which only the breaks can tell
            return tall * max(int(setup.fitToWidth) if setup.fitToWidth is not None else 1, 1)
    return (len(ws.row_breaks.brk) + 1) * (len(ws.col_breaks.brk) + 1)


def print_setup(ws: Worksheet, area: str, label: str, title: str, page: Page) -> None:
    """A4 in the page's orientation at its scale (100 %), never fitted to a page (``paginate`` sets the
    breaks). The 資料 label and meeting name in the header, the page number in the footer."""
    ws.print_area = area
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = page.orientation
    ws.page_setup.scale = page.scale
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = TOP_MARGIN_IN
    for part, text in ((ws.oddHeader.right, label), (ws.oddHeader.left, title)):
        part.text = text.replace("&", "&&")
        part.font = f"{GOTHIC},標準"
        part.size = 10  # every printed glyph 10 pt or more: a page with little text keeps its median
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.center.font = f"{GOTHIC},標準"
    ws.oddFooter.center.size = 10


def save_workbook(wb: Workbook, when: datetime, title: str, fonts: FontSetting) -> bytes:
    wb.properties.created = wb.properties.modified = when
    wb.properties.creator = wb.properties.lastModifiedBy = "packetgen"
    wb.properties.title = title
    buffer = io.BytesIO()
    wb.save(buffer)
    return normalize_package(buffer.getvalue(), when, fonts)

"""A 文書's tables in Word: ruled, the header row shaded and repeated on every page, columns as wide as
their text needs within the text column, figures right-aligned. Styles come from the template."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from packetgen.inputs.paper_files import TableData

TABLE_STYLE = "Table Grid"
HEADER, CELL, FIGURE = "表見出し", "表本文", "表本文右"
HEADER_FILL = "D9D9D9"  # the shade of every table header in the packet
# a figure: an optional sign, digits (commas, a point), then at most a short unit (千円, %, 人)
_FIGURE = re.compile(r"^[△▲▽\-－+＋]?[0-9０-９][0-9０-９,，.．]*\s*[^\s0-9０-９]{0,3}$")
_NO_VALUE = {"", "-", "－", "―", "—", "…"}
_PADDING = Pt(16)  # both sides of a cell together (Word's default 0.19 cm each), and some air
_MOST_HALF_WIDTHS = 60  # a column wider than 30 全角 characters only wraps its longest cell


def half_widths(text: str) -> int:
    """Width in half-width characters: 全角 characters count two, and each change between 全角 and
    半角 one more (Word and LibreOffice put a quarter-em gap there: 「令和 7 年 11 月」)."""
    wide = [unicodedata.east_asian_width(c) in "WFA" for c in text]
    changes = sum(1 for a, b in itertools.pairwise(wide) if a != b)
    return sum(2 if w else 1 for w in wide) + changes


def is_figure_column(index: int, rows: Sequence[Sequence[str]]) -> bool:
    """Right-aligned: every cell holds a figure or nothing (－), and one at least holds a figure."""
    cells = [row[index].strip() for row in rows]
    figures = [c for c in cells if c not in _NO_VALUE]
    return bool(figures) and all(_FIGURE.match(c) for c in figures)


def column_widths(data: TableData, size: Pt, room: int) -> list[int]:
    """EMU widths: each column as wide as its longest line needs (in ``size`` text), within ``room``;
    when they do not fit, the narrow columns keep theirs and the wide ones share the rest."""
    need = []
    for i, header in enumerate(data.columns):
        longest = max(half_widths(line) for text in (header, *(r[i] for r in data.rows)) for line in text.split("\n"))
        need.append(int(min(longest, _MOST_HALF_WIDTHS) * size / 2 + _PADDING))
    if sum(need) <= room:
        return need
    widths = list(need)
    settled: set[int] = set()
    while True:
        open_ = [i for i in range(len(need)) if i not in settled]
        left = room - sum(widths[i] for i in settled)
        narrow = [i for i in open_ if need[i] <= left / len(open_)]
        if not narrow:
            total = sum(need[i] for i in open_)
            for i in open_:
                widths[i] = int(need[i] * left / total)
            return widths
        settled.update(narrow)


def add_table(doc: Any, anchor: Any, data: TableData, indent: int, room: int) -> None:
    """The table before the ``anchor`` paragraph, indented like the body text, at most ``room`` EMU wide."""
    size = doc.styles[CELL].font.size or Pt(10.5)
    widths = column_widths(data, size, room)
    table = doc.add_table(rows=1 + len(data.rows), cols=len(data.columns))
    anchor._p.addprevious(table._tbl)  # made at the end of the body, moved where the block goes
    table.style = doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False  # a fixed grid: LibreOffice and Word lay it out alike
    _indent(table, indent, sum(widths))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)
    figures = [is_figure_column(i, data.rows) for i in range(len(data.columns))]
    for r, (row, values) in enumerate(zip(table.rows, (data.columns, *data.rows), strict=True)):
        _row_flags(row, header=r == 0)
        for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Emu(widths[i])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph.style = doc.styles[HEADER if r == 0 else FIGURE if figures[i] else CELL]
            paragraph.add_run(text)  # a line break in a cell (Alt+Enter in Excel) stays one
            if r == 0:
                _shade(cell)


def _indent(table: Any, indent: int, width: int) -> None:
    """Indented like the body text, and as wide as its columns (LibreOffice stretches an "auto" width)."""
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(int(Emu(width).twips)))
    tbl_ind = OxmlElement("w:tblInd")
    tbl_ind.set(qn("w:w"), str(int(Emu(indent).twips)))
    tbl_ind.set(qn("w:type"), "dxa")
    table._tbl.tblPr.insert_element_before(
        tbl_ind, "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
    )


def _row_flags(row: Any, header: bool) -> None:
    """A row never splits across pages; the header row repeats on each page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))  # no w:val: on (strict schemas reject "true")


# w:tcPr children that come after w:shd in the schema's order
_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def _shade(cell: Any) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), HEADER_FILL)
    cell._tc.get_or_add_tcPr().insert_element_before(shd, *_AFTER_SHD)

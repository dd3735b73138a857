"""印刷発注書: the print order — the heading block (件名, 発注者, 納期, 用紙, 綴じ方 …), per document
its 資料 label, file, pages, 向き, sides and とじ方向, colour, binding and copies with the totals of
sheets and pages, and the instructions in words — as CSV (for machines), XLSX (for staff to complete)
and PDF (for the printing office).

The PDF is drawn here with reportlab, not converted by LibreOffice (a second LibreOffice start costs
~1 s): A4, its text embedded in the font setting's ゴシック, byte-identical for the same order.

Both printed forms are laid out for A4 at 100 %, never fitted to the page: the print step checks the
PDF for legible text (no glyph under 8 pt, a median of 10 pt or more), and a 14-column table fitted
to a page would print at 6–7 pt. So columns are as wide as their contents, 資料名 and ファイル wrap in
the width left, and a long order runs on to a second page with the table header repeated.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting
from packetgen.inputs.meeting import TO_FILL
from packetgen.render.xlsx import (
    COUNT,
    FORMULA_START,
    HEADER_FILL,
    CellStyle,
    Metrics,
    Page,
    columns_width,
    metrics,
    print_setup,
    put,
    row_height,
    rule,
    save_workbook,
    wrapped_text,
)

TITLE = "印刷発注書"
PAPER = "A4"


@dataclass(frozen=True)
class Column:
    name: str  # the CSV's header, and the key of a line's cells
    header: str  # the printed header: broken where the name is wider than the column's values
    align: str = "left"  # left, center or right
    wraps: bool = False  # long text: the column takes a share of the width the others leave
    printed: bool = True  # False: in the CSV only (用紙 is the same for every line: the heading says it)


TABLE = (
    Column("No", "No", "center"),
    Column("資料番号", "資料番号", "center"),
    Column("資料名", "資料名", wraps=True),
    Column("ファイル", "ファイル", wraps=True),
    Column("ページ数", "ページ\n数", "right"),
    Column("用紙", "用紙", "center", printed=False),
    Column("向き", "向き", "center"),
    Column("両面/片面", "両面/\n片面", "center"),
    Column("とじ方向", "とじ\n方向", "center"),
    Column("カラー/モノクロ", "カラー/\nモノクロ", "center"),
    Column("綴じ方", "綴じ方", wraps=True),
    Column("部数", "部数", "right"),
    Column("1部の枚数", "1部の\n枚数", "right"),
    Column("総枚数", "総枚数", "right"),
    Column("総ページ数", "総ページ\n数", "right"),
)
COLUMNS = tuple(c.name for c in TABLE)  # the CSV's header row; the last is the printed table's last column
PRINTED = tuple(c for c in TABLE if c.printed)
INSTRUCTIONS = "印刷の指示"
SHEETS_NOTE = "総枚数＝1部の枚数×部数（両面は2ページで1枚）"  # printed in the 計 row's empty cells


@dataclass(frozen=True)
class OrderLine:
    label: str
    title: str
    file: str  # the PDF to print for this document
    pages: int
    duplex: bool
    colour: bool
    copies: int
    landscape: bool = False  # the document's pages are A4 横
    binding: str = "左上1か所ホチキス留め"  # how each copy of this document is bound ("一式で綴じる" …)

    @property
    def orientation(self) -> str:
        return "横" if self.landscape else "縦"

    @property
    def flip(self) -> str:
        """The duplex flip that keeps the back upright when the copy is turned like a book from its
        left edge (the staple is top left): 長辺とじ for 縦 pages, 短辺とじ for 横 ones."""
        if not self.duplex:
            return "—"
        return "短辺とじ" if self.landscape else "長辺とじ"

    @property
    def sheets_per_copy(self) -> int:
        return -(-self.pages // 2) if self.duplex else self.pages

    @property
    def sheets(self) -> int:
        return self.sheets_per_copy * self.copies

    @property
    def printed_pages(self) -> int:
        return self.pages * self.copies

    def cells(self, number: int) -> list[object]:
        """The line's values in ``COLUMNS`` order."""
        values: dict[str, object] = {
            "No": number,
            "資料番号": self.label or "—",
            "資料名": self.title,
            "ファイル": self.file,
            "ページ数": self.pages,
            "用紙": PAPER,
            "向き": self.orientation,
            "両面/片面": "両面" if self.duplex else "片面",
            "とじ方向": self.flip,
            "カラー/モノクロ": "カラー" if self.colour else "モノクロ",
            "綴じ方": self.binding,
            "部数": self.copies,
            "1部の枚数": self.sheets_per_copy,
            "総枚数": self.sheets,
            "総ページ数": self.printed_pages,
        }
        return [values[name] for name in COLUMNS]


@dataclass(frozen=True)
class Order:
    meeting: str
    date_text: str
    lines: list[OrderLine]
    copies_note: str  # how the copies were counted, e.g. 委員16名＋市側出席者5名＋予備5部
    # The order's heading block, (項目, 内容) in the order a printing office reads them: 件名, 発注者,
    # 発注日, 納期, 納品場所, 用紙, 綴じ方, 丁合, 校正, 備考 …; TO_FILL where no input gives the value.
    details: tuple[tuple[str, str], ...] = ()
    # What to print, in words: which files, and how (e.g. 「資料ごとのPDF（5ファイル）を各26部…」).
    instructions: tuple[str, ...] = ()
    packet: str = "packet.pdf"  # the whole set as one PDF, with blank pages so each 資料 starts on a front
    packet_pages: int = 0

    @property
    def to_fill(self) -> list[str]:
        """The heading items still marked 要記入 (the whole value, or a part of it): print warns about each."""
        return [label for label, value in self.details if TO_FILL in value]

    @property
    def heading(self) -> tuple[tuple[str, str], ...]:
        """The heading block as printed: the details, or (an order built without them) the meeting and
        how the copies were counted."""
        if self.details:
            return self.details
        return (("会議", f"{self.meeting}（{self.date_text}）"), ("部数", self.copies_note))

    @property
    def notes(self) -> tuple[str, ...]:
        """The CSV's instructions: the order's, then how the totals are counted (which the printed forms
        say in the 計 row)."""
        return (*self.instructions, SHEETS_NOTE)

    @property
    def totals(self) -> dict[str, int]:
        return {
            "ページ数": sum(line.pages for line in self.lines),
            "1部の枚数": sum(line.sheets_per_copy for line in self.lines),
            "総枚数": sum(line.sheets for line in self.lines),
            "総ページ数": sum(line.printed_pages for line in self.lines),
        }

    def total_cells(self) -> list[object]:
        """The totals row in ``COLUMNS`` order (blank where a sum means nothing)."""
        t = self.totals
        return [t.get(name, "") if name != "No" else "計" for name in COLUMNS]

    def rows(self) -> list[list[object]]:
        return [line.cells(i) for i, line in enumerate(self.lines, start=1)]


# --- CSV --------------------------------------------------------------------------------------------
# OWASP CSV injection: a cell starting with one of FORMULA_START (render/xlsx.py) is run as a formula.


def csv_safe(value: object) -> object:
    """Text a spreadsheet could run is written with a leading ' (it then shows as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def order_csv(order: Order) -> bytes:
    """UTF-8 with BOM (Japanese Excel opens it without asking), CRLF: the heading block as 項目,内容
    rows, a blank row, the table (one header row, the lines, the 計 row), a blank row, the
    instructions numbered. Every text is quoted (OWASP: a quoted cell keeps its commas, quotes and
    line breaks, and with ``csv_safe`` its leading ' ); numbers are not, so they stay numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)

    def row(values: Iterable[object]) -> None:
        writer.writerow([csv_safe(v) for v in values])

    row(("項目", "内容"))
    for item in order.heading:
        row(item)
    row(())
    row(COLUMNS)
    for cells in order.rows():
        row(cells)
    row(order.total_cells())
    row(())
    row((INSTRUCTIONS,))
    for i, text in enumerate(order.notes, start=1):
        row((i, text))
    return out.getvalue().encode("utf-8-sig")


def pair_items(items: Iterable[tuple[str, str]], short: Callable[[str], bool]) -> list[list[tuple[str, str]]]:
    """The heading items in reading order, two to a row where both values are ``short`` (fit half the
    width on one line: 発注日 | 納期), alone across the row otherwise (件名, 丁合 …): a form's heading
    block, half as tall, so a usual order stays on one page."""
    rows: list[list[tuple[str, str]]] = []
    open_row = False  # the last row holds one short item and can take another
    for key, value in items:
        if short(value) and open_row:
            rows[-1].append((key, value))
            open_row = False
        else:
            rows.append([(key, value)])
            open_row = short(value)
    return rows


def _shown(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


# --- XLSX -------------------------------------------------------------------------------------------
SIZE = 11.0  # the sheet's text (pt; it prints at 100 %, so this is the size on paper)
TITLE_SIZE = 14.0
TO_FILL_COLOUR = "C00000"
TO_FILL_FILL = PatternFill("solid", fgColor="FCE4D6")  # where staff type the missing value
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")


def balance(
    texts: dict[str, list[str]],
    least: dict[str, float],
    most: dict[str, float],
    room: float,
    lines: Callable[[str, float], int],
    step: float,
) -> dict[str, float]:
    """Widths for the wrapping columns (``texts``: each column's values) that share ``room``: the
    fewest lines L such that every value fits in L lines at widths that add up to no more than
    ``room``, each column at the narrowest width that does it (found by halving, to ``step``); what is
    left goes to the columns in proportion to the width their longest value still lacks (``most``).
    So 資料名, ファイル and 綴じ方 take two lines each rather than one of them four."""

    def narrowest(name: str, count: int) -> float:
        low, high = least[name], max(most[name], least[name])
        if any(lines(t, high) > count for t in texts[name]):
            return math.inf
        while high - low > step:
            mid = (low + high) / 2
            low, high = (low, mid) if all(lines(t, mid) <= count for t in texts[name]) else (mid, high)
        return high

    for count in range(1, 9):
        widths = {name: narrowest(name, count) for name in texts}
        if sum(widths.values()) <= room:
            break
    else:  # not even in 8 lines: each column its least width (the text wraps by character)
        widths = dict(least)
    spare = room - sum(widths.values())
    lacking = {name: max(most[name] - widths[name], 0.0) for name in texts}
    if spare > 0:
        total = sum(lacking.values())
        for name in texts:
            widths[name] += spare * (lacking[name] / total if total else 1 / len(texts))
    return widths


def _sheet_widths(m: Metrics, order: Order, page: Page) -> dict[str, float]:
    """Column widths (characters of Excel width): each fixed column as wide as its longest header line
    or value; the wrapping ones share what the page leaves (``balance``)."""
    rows = [*order.rows(), order.total_cells()]
    widths, texts, least, most = {}, {}, {}, {}
    for c in PRINTED:
        values = [_shown(r[COLUMNS.index(c.name)]) for r in rows]
        header = m.text_units(c.header, SIZE, bold=True)
        need = max(header, *(m.text_units(t, SIZE, True) for t in values))
        if c.wraps:
            texts[c.name], least[c.name], most[c.name] = values[:-1], max(header, 6.0), need
        else:
            widths[c.name] = math.ceil(need * 4) / 4

    def lines(text: str, units: float) -> int:
        return m.line_count(text, units, SIZE)

    shares = balance(texts, least, most, page.units - sum(widths.values()), lines, 0.25)
    return widths | {name: math.floor(w * 4) / 4 for name, w in shares.items()}


def order_xlsx(order: Order, when: datetime, label: str, fonts: FontSetting) -> bytes:
    """The order as a workbook staff can complete (要記入 cells in bold red on a pale fill): A4 landscape
    at 100 %, the heading block above the table, the instructions below; rows as tall as their text."""
    m = metrics(fonts)
    page = Page(m.unit, "landscape")
    wb = Workbook()
    ws = wb.active
    ws.title = TITLE
    widths = _sheet_widths(m, order, page)
    for i, c in enumerate(PRINTED, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths[c.name]
    last = len(PRINTED)

    wrapped_text(ws, m, (1, 1, last), TITLE, CellStyle(size=TITLE_SIZE, bold=True))
    r = 2
    if order.to_fill:
        wrapped_text(ws, m, (r, 1, last), _to_fill_notice(order), CellStyle(size=SIZE, bold=True, color=TO_FILL_COLOUR))
        r += 1
    ws.row_dimensions[r].height = 6
    r += 1
    r = _sheet_heading(ws, m, order, r, last)
    ws.row_dimensions[r].height = 8
    r += 1

    top = r
    for i, c in enumerate(PRINTED, start=1):
        cell = put(ws, top, i, c.header, CellStyle(size=SIZE, bold=True, align="center", wrap=True))
        cell.fill = HEADER_FILL
    ws.row_dimensions[top].height = row_height(SIZE, max(c.header.count("\n") + 1 for c in PRINTED))
    rows = [*order.rows(), order.total_cells()]
    for r, cells in enumerate(rows, start=top + 1):
        is_total = r == top + len(rows)
        lines = 1
        for i, c in enumerate(PRINTED, start=1):
            value = cells[COLUMNS.index(c.name)]
            numeric = isinstance(value, int) and c.name != "No"
            cell = put(ws, r, i, value, CellStyle(size=SIZE, bold=is_total, fmt=COUNT if numeric else None))
            horizontal = None if c.align == "left" else c.align
            cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=c.wraps)
            if is_total:
                cell.fill = TOTAL_FILL
            lines = max(lines, m.line_count(_shown(value), widths[c.name], SIZE, is_total))
        ws.row_dimensions[r].height = row_height(SIZE, lines)
    total_row = top + len(rows)
    # how the totals are counted, across the 計 row's empty 資料番号–ファイル cells
    note = put(ws, total_row, 2, SHEETS_NOTE, CellStyle(size=SIZE))
    note.alignment = Alignment(vertical="center", wrap_text=True)
    ws.merge_cells(start_row=total_row, start_column=2, end_row=total_row, end_column=4)
    lines = m.line_count(SHEETS_NOTE, columns_width(ws, 2, 4), SIZE)
    ws.row_dimensions[total_row].height = max(ws.row_dimensions[total_row].height, row_height(SIZE, lines))
    rule(ws, top, total_row, 1, last)
    ws.row_dimensions[total_row + 1].height = 8
    r = total_row + 2
    wrapped_text(ws, m, (r, 1, last), INSTRUCTIONS, CellStyle(size=SIZE, bold=True))
    for i, text in enumerate(order.instructions, start=1):
        r += 1
        put(ws, r, 1, f"{i}.", CellStyle(size=SIZE)).alignment = Alignment(horizontal="right", vertical="top")
        wrapped_text(ws, m, (r, 2, last), text, CellStyle(size=SIZE))
    print_setup(ws, f"A1:{get_column_letter(last)}{r}", label, TITLE, page)
    ws.print_title_rows = f"{top}:{top}"  # a long order: the header row again on every page
    return save_workbook(wb, when, TITLE, fonts)


def _sheet_heading(ws: Worksheet, m: Metrics, order: Order, row: int, last: int) -> int:
    """The heading block from ``row``, as in the PDF: 項目 | 内容 ruled, two items to a row where both
    fit, over columns the table has fixed (項目 spans the columns that hold the longest label, the right
    half starts at the column nearest the middle). Returns the row after it."""
    need = max(m.text_units(k, SIZE, bold=True) for k, _ in order.heading)

    def span(first: int) -> int:  # the last column of a label cell starting at ``first``
        return next((n for n in range(first, last + 1) if columns_width(ws, first, n) >= need), last)

    def off_middle(k: int) -> float:
        return abs(columns_width(ws, 1, k) - columns_width(ws, 1, last) / 2)

    label = span(1)
    middle = min(range(label + 1, last), key=off_middle, default=label)
    label2 = span(middle + 1)
    halves = label2 < last and middle > label  # room for two values side by side
    half = min(columns_width(ws, label + 1, middle), columns_width(ws, label2 + 1, last)) if halves else 0.0

    def short(value: str) -> bool:
        return halves and "\n" not in value and m.text_units(value, SIZE, TO_FILL in value) <= half

    top = row
    for items in pair_items(order.heading, short):
        cells = ((1, label, label + 1, middle if len(items) == 2 else last), (middle + 1, label2, label2 + 1, last))
        height = row_height(SIZE)
        for (key, value), (first, key_last, value_first, value_last) in zip(items, cells, strict=False):
            cell = put(ws, row, first, key, CellStyle(size=SIZE, bold=True))
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            missing = TO_FILL in value
            colour = TO_FILL_COLOUR if missing else "000000"
            cell = put(ws, row, value_first, value, CellStyle(size=SIZE, bold=missing, color=colour))
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            if missing:
                cell.fill = TO_FILL_FILL
                height = max(height, 24)  # room to write the value in by hand
            for a, b in ((first, key_last), (value_first, value_last)):
                if b > a:
                    ws.merge_cells(start_row=row, start_column=a, end_row=row, end_column=b)
            key_lines = m.line_count(key, columns_width(ws, first, key_last), SIZE, True)
            value_lines = m.line_count(value, columns_width(ws, value_first, value_last), SIZE, missing)
            height = max(height, row_height(SIZE, max(key_lines, value_lines)))
        ws.row_dimensions[row].height = height
        row += 1
    rule(ws, top, row - 1, 1, last)
    return row


def _to_fill_notice(order: Order) -> str:
    return f"「{TO_FILL}」の欄（{'・'.join(order.to_fill)}）は、発注の前に記入してください。"


# --- PDF --------------------------------------------------------------------------------------------
# Sizes in pt, as printed. Table text 10.5 pt keeps a usual order (5 documents, 15 heading items, six
# instructions) on one landscape page; nothing is under 9 pt (the check wants 8, and a median of 10).
PDF_SIZE = 10.5
PDF_TITLE_SIZE = 16.0
PDF_FOOTER_SIZE = 9.0
LEADING = 1.25  # line height, in font sizes
PAD = 3.0  # cell padding, each side
MARGIN = 24.0  # top and side margins (8.5 mm: inside an office printer's printable area, ~4 mm)
BOTTOM_MARGIN = 36.0  # the footer sits in it
FOOTER_Y = 18.0  # the footer's baseline above the paper's edge
A4_PORTRAIT = (595.2755905511812, 841.8897637795277)  # 210 × 297 mm exactly
RULE_GREY = (0.45, 0.45, 0.45)
HEADER_BLUE = (0xD9 / 255, 0xE1 / 255, 0xF2 / 255)  # the workbook's header fill
TOTAL_GREY = (0.95, 0.95, 0.95)
HANDWRITING = 18.0  # pt: a 要記入 value's least height, room to write the value in by hand
MISSING_PINK = (0xFC / 255, 0xE4 / 255, 0xD6 / 255)
RED = (0.75, 0.0, 0.0)

# Line breaking (Japanese): anywhere between full-width characters, never inside a run of Latin letters
# and digits (「No.1-1」, 「.pdf」) or of katakana (「ホチキス」), never inside 「要記入」; no line starts with
# closing punctuation or a small kana, none ends with an opening bracket (the character moves along).
_PIECE = re.compile(
    rf"{TO_FILL}|[A-Za-z0-9.][A-Za-z0-9.,:;/%&+\-_@#'’=~]*|[\u30a1-\u30fa\u30fc]+|[ \t\u3000]+|.", re.DOTALL
)
_NO_START = set("、。，．,.)）」』】〕〉》］]}・：；:;！？!?ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々～〜%")
_NO_END = set("（(「『【〔〈《［[{")


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (as ``measure`` gives widths)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        pieces: list[str] = []
        for piece in _PIECE.findall(paragraph):
            too_wide = measure(piece) > width and piece != TO_FILL
            pieces.extend(list(piece) if too_wide else [piece])  # a run wider than the line: by character
        line: list[str] = []
        used = 0.0
        for piece in pieces:
            w = measure(piece)
            if line and used + w > width and not piece.isspace():
                carry: list[str] = []
                if piece[0] in _NO_START and len(line) > 1:
                    carry.insert(0, line.pop())
                while len(line) > 1 and line[-1][-1] in _NO_END:
                    carry.insert(0, line.pop())
                if line[-1][-1] in _NO_END or sum(map(measure, carry)) + w > width:
                    line, carry = line + carry, []  # nothing to carry along that fits: the piece hangs
                lines.append("".join(line).rstrip())
                line, used = carry, sum(map(measure, carry))
            if not line and piece.isspace():
                continue  # no line starts with a space
            line.append(piece)
            used += w
        lines.append("".join(line).rstrip())
    return lines


@dataclass(frozen=True)
class PdfFonts:
    regular: str  # names registered with reportlab (the faces' PostScript names)
    bold: str
    setting: str  # the font setting's name, for messages

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return _string_width(text, self.bold if bold else self.regular, size)


@cache
def _string_width(text: str, font: str, size: float) -> float:
    """reportlab's width of a text, remembered: the column layout wraps the same pieces many times."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def _face_index(file: Path, postscript: str) -> int:
    """The face of a collection (.ttc) whose PostScript name is ``postscript``; 0 for a single font."""
    if file.suffix.lower() != ".ttc":
        return 0
    from reportlab.pdfbase.ttfonts import TTFontFace

    for index in range(32):
        try:
            if TTFontFace(str(file), subfontIndex=index).name.decode("latin-1") == postscript:
                return index
        except Exception:  # past the last face
            break
    return 0


@cache
@cache  # reportlab reads the whole font file (0.1 s each): once a process
def _register(file: str, postscript: str) -> str:
    """Register a TrueType face under its PostScript name, which reportlab writes into the PDF: the
    print check accepts the font setting's families by that name (e.g. BIZUDPGothic-Regular)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = Path(file)
    name = postscript or path.stem
    pdfmetrics.registerFont(TTFont(name, file, subfontIndex=_face_index(path, name)))
    return name


def prepare(fonts: FontSetting) -> None:
    """What drawing an order costs before it knows its lines: the libraries and the fonts. print runs
    it on a thread while LibreOffice converts (the wait leaves a core free); errors wait for the draw."""
    import openpyxl  # noqa: F401
    import reportlab.platypus  # noqa: F401

    with contextlib.suppress(PacketError):  # said again, and stopped on, when the order is drawn
        pdf_fonts(fonts)


def pdf_fonts(fonts: FontSetting) -> PdfFonts:
    """The setting's ゴシック (regular and bold) registered with reportlab; a missing font stops here,
    naming it (without it the PDF would have to use another font the print check refuses)."""
    from packetgen.render.font_files import resolve

    regular = resolve(fonts.gothic)
    if regular is None:
        raise PacketError(
            f"印刷発注書のPDFに使うゴシック「{fonts.gothic}」がこのコンピューターにありません"
            f"（フォント設定：{fonts.source}）"
        )
    bold = resolve(fonts.gothic, bold=True)
    if bold is None or bold.file == regular.file:
        bold = regular  # a family without a bold face: bold text is set in the regular one
    return PdfFonts(
        _register(str(regular.file), regular.postscript), _register(str(bold.file), bold.postscript), fonts.gothic
    )


def _check_glyphs(fonts: PdfFonts, texts: Iterable[str]) -> None:
    """reportlab draws a character the font lacks as an empty box, silently: refuse instead."""
    from reportlab.pdfbase.pdfmetrics import getFont

    missing: dict[str, str] = {}
    for name in dict.fromkeys((fonts.regular, fonts.bold)):
        has = getFont(name).face.charToGlyph
        for text in texts:
            for char in text:
                if char not in "\n\r\t" and ord(char) not in has and char not in missing:
                    missing[char] = text
    if missing:
        shown = "、".join(f"「{c}」（U+{ord(c):04X}、「{t[:20]}」）" for c, t in missing.items())
        raise PacketError(
            f"印刷発注書に、ゴシック「{fonts.setting}」にない文字があります：{shown}。"
            "その文字を入力から替えるか、その文字を持つフォントを設定してください"
        )


@dataclass(frozen=True)
class Style:
    size: float = PDF_SIZE
    bold: bool = False
    align: str = "left"
    colour: tuple[float, float, float] = (0, 0, 0)
    mark_missing: bool = True  # 「要記入」 in red bold wherever it appears


@cache
def _flowables():
    """reportlab's classes, imported when a PDF is made (the build does not need them)."""
    from reportlab.platypus import Flowable

    class Text(Flowable):
        """Text wrapped to the width it is given, by ``wrap`` (Japanese rules), drawn line by line; any
        「要記入」 in it in red bold. Plain strings, never markup: a file name with & or < is just text."""

        def __init__(self, text: str, fonts: PdfFonts, style: Style, min_height: float = 0.0) -> None:
            super().__init__()
            self.text, self.fonts, self.style, self.min_height = text, fonts, style, min_height
            self.lines: list[str] = [text]

        @property
        def leading(self) -> float:
            return self.style.size * LEADING

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            s = self.style
            self.width = availWidth
            self.lines = wrap(self.text, availWidth, lambda t: self.fonts.width(t, s.size, s.bold or t == TO_FILL))
            self.height = max(len(self.lines) * self.leading, self.min_height)
            return self.width, self.height

        def draw(self) -> None:
            s, canvas = self.style, self.canv
            top = (self.height + len(self.lines) * self.leading) / 2  # centred in a min_height box
            for i, line in enumerate(self.lines):
                # the baseline: the line box's middle, less the ideographic centre (0.38 em above it)
                y = top - (i + 0.5) * self.leading - 0.38 * s.size
                parts = re.split(f"({TO_FILL})", line) if s.mark_missing else [line]
                widths = [self.fonts.width(p, s.size, s.bold or p == TO_FILL) for p in parts]
                x = {"left": 0.0, "center": (self.width - sum(widths)) / 2, "right": self.width - sum(widths)}
                x = x[s.align]
                for part, w in zip(parts, widths, strict=True):
                    missing = s.mark_missing and part == TO_FILL
                    canvas.setFont(self.fonts.bold if s.bold or missing else self.fonts.regular, s.size)
                    canvas.setFillColorRGB(*(RED if missing else s.colour))
                    canvas.drawString(x, y, part)
                    x += w

    return Text


def _page_canvas(label: str, fonts: PdfFonts):
    """A canvas that keeps its pages until the end, to print 「n / 総ページ数」 in each page's footer."""
    from reportlab.pdfgen.canvas import Canvas

    class PageCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, len(self._pages))
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            self.setFont(fonts.regular, PDF_FOOTER_SIZE)
            self.setFillColorRGB(0.25, 0.25, 0.25)
            y = FOOTER_Y
            self.drawString(MARGIN, y, label)
            self.drawRightString(width - MARGIN, y, f"{TITLE}　{number} / {total}")

    return PageCanvas


def _pdf_column_widths(order: Order, fonts: PdfFonts, frame: float) -> dict[str, float]:
    """Column widths (pt, with the cells' padding): each fixed column as wide as its longest header
    line or value; 資料名, ファイル and 綴じ方 share the rest of the frame (``balance``)."""
    rows = [*order.rows(), order.total_cells()]
    widths, texts, least, most = {}, {}, {}, {}
    for c in PRINTED:
        values = [_shown(r[COLUMNS.index(c.name)]) for r in rows]
        header = max(fonts.width(t, PDF_SIZE, bold=True) for t in c.header.split("\n")) + 2 * PAD + 0.5
        need = max(header, *(fonts.width(t, PDF_SIZE, bold=True) + 2 * PAD + 0.5 for t in values))
        if c.wraps:
            texts[c.name], least[c.name], most[c.name] = values[:-1], max(header, 4 * PDF_SIZE), need
        else:
            widths[c.name] = need

    def lines(text: str, width: float) -> int:
        return len(wrap(text, width - 2 * PAD, lambda t: fonts.width(t, PDF_SIZE)))

    return widths | balance(texts, least, most, frame - sum(widths.values()), lines, 0.5)


def _landscape_needed(order: Order, fonts: PdfFonts) -> bool:
    """Portrait when the table fits its width with every wrapping column at least 7 characters wide."""
    frame = A4_PORTRAIT[0] - 2 * MARGIN
    widths = _pdf_column_widths(order, fonts, frame)
    seven = fonts.width("国" * 7, PDF_SIZE) + 2 * PAD
    return sum(widths.values()) > frame + 0.01 or any(widths[c.name] < seven for c in PRINTED if c.wraps)


def _fits_one_line(f: PdfFonts, value: str, width: float) -> bool:
    return "\n" not in value and f.width(value, PDF_SIZE, TO_FILL in value) <= width - 2 * PAD


def _heading_table(order: Order, f: PdfFonts, frame: float, grid: Callable[..., Any]) -> Any:
    """項目 | 内容 ruled, 項目 shaded; a value with 「要記入」 on a pale red ground, its row tall enough
    to write in by hand."""
    Text = _flowables()
    label = max(f.width(k, PDF_SIZE, bold=True) for k, _ in order.heading) + 2 * PAD + 1
    value = frame / 2 - label
    data: list[list[Any]] = []
    commands: list[tuple] = [("BACKGROUND", (0, 0), (0, -1), HEADER_BLUE)]
    for r, items in enumerate(pair_items(order.heading, lambda v: _fits_one_line(f, v, value))):
        cells: list[Any] = []
        for c, (key, text) in enumerate(items):
            missing = TO_FILL in text
            room = HANDWRITING if any(TO_FILL in t for _, t in items) else 0.0
            cells += [Text(key, f, Style(bold=True)), Text(text, f, Style(bold=missing), min_height=room)]
            if missing:
                commands.append(("BACKGROUND", (2 * c + 1, r), (2 * c + 1, r), MISSING_PINK))
        if len(items) == 1:
            cells += ["", ""]
            commands.append(("SPAN", (1, r), (3, r)))
        else:
            commands.append(("BACKGROUND", (2, r), (2, r), HEADER_BLUE))
        data.append(cells)
    return grid(data, [label, value, label, frame - 2 * label - value], commands)


def order_pdf(order: Order, fonts: FontSetting) -> bytes:
    """The order as the printing office reads it: A4 (landscape when the table needs the width), the
    font setting's ゴシック embedded, byte-identical for the same order (reportlab's invariant mode)."""
    from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

    f = pdf_fonts(fonts)
    texts = [order.meeting, order.date_text, *(k + v for k, v in order.heading), *order.notes]
    texts += [_shown(v) for row in order.rows() for v in row] + [c.header for c in PRINTED]
    _check_glyphs(f, texts)
    Text = _flowables()
    landscape = _landscape_needed(order, f)
    page = (A4_PORTRAIT[1], A4_PORTRAIT[0]) if landscape else A4_PORTRAIT
    frame = page[0] - 2 * MARGIN
    body = Style()

    def grid(data: list[list[Any]], widths: Sequence[float], commands: list[tuple], repeat: int = 0) -> Table:
        style = [
            ("FONTNAME", (0, 0), (-1, -1), f.regular),  # reportlab's default is Helvetica, not embedded
            ("GRID", (0, 0), (-1, -1), 0.6, RULE_GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 2.0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.0),
            *commands,
        ]
        return Table(data, colWidths=list(widths), repeatRows=repeat, style=TableStyle(style), hAlign="LEFT")

    # the title, and on its line what staff must still fill in (a line saved keeps a usual order on one page)
    title = f.width(TITLE, PDF_TITLE_SIZE, bold=True) + 12
    notice = Text(_to_fill_notice(order) if order.to_fill else "", f, Style(bold=True, align="right", colour=RED))
    unpad = [(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING")]
    title_row = Table(
        [[Text(TITLE, f, Style(PDF_TITLE_SIZE, bold=True)), notice]],
        colWidths=[title, frame - title],
        style=TableStyle([("FONTNAME", (0, 0), (-1, -1), f.regular), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *unpad]),
        hAlign="LEFT",
    )
    top: list[Any] = [title_row, Spacer(0, 6), _heading_table(order, f, frame, grid)]
    story: list[Any] = [KeepTogether(top), Spacer(0, 8)]

    # the table of documents: shaded header (repeated on every page), the 計 row shaded and bold
    widths = _pdf_column_widths(order, f, frame)
    header = [Text(c.header, f, Style(bold=True, align="center")) for c in PRINTED]
    rows = [header]
    all_rows = [*order.rows(), order.total_cells()]
    for n, cells in enumerate(all_rows):
        total = n == len(all_rows) - 1
        rows.append([Text(_shown(cells[COLUMNS.index(c.name)]), f, Style(bold=total, align=c.align)) for c in PRINTED])
    rows[-1][1] = Text(SHEETS_NOTE, f, body)  # across the 計 row's empty 資料番号–ファイル cells
    table_style = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BLUE),
        ("BACKGROUND", (0, -1), (-1, -1), TOTAL_GREY),
        ("LINEABOVE", (0, -1), (-1, -1), 1.2, RULE_GREY),
        ("SPAN", (1, -1), (3, -1)),
    ]
    story.append(grid(rows, [widths[c.name] for c in PRINTED], table_style, repeat=1))
    story.append(Spacer(0, 8))

    # the instructions, numbered, under their heading (the first row: the table may run on to the next
    # page between two instructions rather than move to it whole)
    items = [[Text(f"{i}.", f, Style(align="right")), Text(t, f, body)] for i, t in enumerate(order.instructions, 1)]
    number = f.width(f"{len(items)}.", PDF_SIZE) + PAD + 2
    notes = Table(
        [[Text(INSTRUCTIONS, f, Style(size=PDF_SIZE + 1, bold=True)), ""], *items],
        repeatRows=1,  # the heading again where the instructions run on
        colWidths=[number, frame - number],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), f.regular),
                ("SPAN", (0, 0), (1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 3),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 2.5),
            ]
        ),
        hAlign="LEFT",
    )
    story.append(notes)

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=TITLE,
        subject=f"{order.meeting}（{order.date_text}）",
        author="packetgen",
        creator="packetgen",
        invariant=1,  # no dates, a fixed document id: the same order gives the same bytes
        initialFontName=f.regular,  # otherwise reportlab lists Helvetica, unembedded, on every page
        initialFontSize=PDF_SIZE,
        lang="ja-JP",
    )
    footer = f"{order.meeting}　{order.date_text}"
    doc.build(story, canvasmaker=_page_canvas(footer, f))
    return out.getvalue()

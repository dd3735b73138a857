"""The order as the printing office reads it: a PDF drawn with reportlab (imported with this module,
which is imported only when an order is drawn), A4 (landscape when the table needs the width), the
font setting's ゴシック embedded, byte-identical for the same order (reportlab's invariant mode)."""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from packetgen.core.fonts import FontSetting
from packetgen.inputs.meeting import TO_FILL
from packetgen.printing.order.layout import balance, pair_items, shown, to_fill_notice
from packetgen.printing.order.line_breaks import wrap
from packetgen.printing.order.model import COLUMNS, INSTRUCTIONS, PRINTED, SHEETS_NOTE, TITLE, Order
from packetgen.printing.order.pdf_fonts import PdfFonts, check_glyphs, pdf_fonts

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


@dataclass(frozen=True)
class Style:
    size: float = PDF_SIZE
    bold: bool = False
    align: str = "left"
    colour: tuple[float, float, float] = (0, 0, 0)
    mark_missing: bool = True  # 「要記入」 in red bold wherever it appears


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


class PageCanvas(Canvas):
    """A canvas that keeps its pages until the end, to print 「n / 総ページ数」 in each page's footer
    (``label`` on its left, in ``fonts``' regular face)."""

    def __init__(self, *args: Any, label: str, fonts: PdfFonts, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.footer_label, self.footer_fonts = label, fonts
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
        self.setFont(self.footer_fonts.regular, PDF_FOOTER_SIZE)
        self.setFillColorRGB(0.25, 0.25, 0.25)
        y = FOOTER_Y
        self.drawString(MARGIN, y, self.footer_label)
        self.drawRightString(width - MARGIN, y, f"{TITLE}　{number} / {total}")


def _pdf_column_widths(order: Order, fonts: PdfFonts, frame: float) -> dict[str, float]:
    """Column widths (pt, with the cells' padding): each fixed column as wide as its longest header
    line or value; 資料名, ファイル and 綴じ方 share the rest of the frame (``balance``)."""
    rows = [*order.rows(), order.total_cells()]
    widths, texts, least, most = {}, {}, {}, {}
    for c in PRINTED:
        values = [shown(r[COLUMNS.index(c.name)]) for r in rows]
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


def _grid(
    f: PdfFonts,
    data: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    commands: list[tuple],
    repeat: int = 0,
) -> Table:
    """A ruled table in the order's font, its cells padded and their contents centred vertically."""
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


def _title_row(order: Order, f: PdfFonts, frame: float) -> Table:
    """The title, and on its line what staff must still fill in (a line saved keeps a usual order on
    one page)."""
    title = f.width(TITLE, PDF_TITLE_SIZE, bold=True) + 12
    notice = Text(to_fill_notice(order) if order.to_fill else "", f, Style(bold=True, align="right", colour=RED))
    unpad = [(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING")]
    return Table(
        [[Text(TITLE, f, Style(PDF_TITLE_SIZE, bold=True)), notice]],
        colWidths=[title, frame - title],
        style=TableStyle([("FONTNAME", (0, 0), (-1, -1), f.regular), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *unpad]),
        hAlign="LEFT",
    )


def _heading_table(order: Order, f: PdfFonts, frame: float) -> Table:
    """項目 | 内容 ruled, 項目 shaded; a value with 「要記入」 on a pale red ground, its row tall enough
    to write in by hand."""
    label = max(f.width(k, PDF_SIZE, bold=True) for k, _ in order.heading) + 2 * PAD + 1
    value = frame / 2 - label
    data: list[list[Flowable | str]] = []
    commands: list[tuple] = [("BACKGROUND", (0, 0), (0, -1), HEADER_BLUE)]
    for r, items in enumerate(pair_items(order.heading, lambda v: _fits_one_line(f, v, value))):
        cells: list[Flowable | str] = []
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
    return _grid(f, data, [label, value, label, frame - 2 * label - value], commands)


def _documents_table(order: Order, f: PdfFonts, frame: float) -> Table:
    """The table of documents: shaded header (repeated on every page), the 計 row shaded and bold."""
    widths = _pdf_column_widths(order, f, frame)
    header = [Text(c.header, f, Style(bold=True, align="center")) for c in PRINTED]
    rows = [header]
    all_rows = [*order.rows(), order.total_cells()]
    for n, cells in enumerate(all_rows):
        total = n == len(all_rows) - 1
        rows.append([Text(shown(cells[COLUMNS.index(c.name)]), f, Style(bold=total, align=c.align)) for c in PRINTED])
    rows[-1][1] = Text(SHEETS_NOTE, f, Style())  # across the 計 row's empty 資料番号–ファイル cells
    table_style = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BLUE),
        ("BACKGROUND", (0, -1), (-1, -1), TOTAL_GREY),
        ("LINEABOVE", (0, -1), (-1, -1), 1.2, RULE_GREY),
        ("SPAN", (1, -1), (3, -1)),
    ]
    return _grid(f, rows, [widths[c.name] for c in PRINTED], table_style, repeat=1)


def _instructions(order: Order, f: PdfFonts, frame: float) -> Table:
    """The instructions, numbered, under their heading (the first row: the table may run on to the
    next page between two instructions rather than move to it whole)."""
    body = Style()
    items = [[Text(f"{i}.", f, Style(align="right")), Text(t, f, body)] for i, t in enumerate(order.instructions, 1)]
    number = f.width(f"{len(items)}.", PDF_SIZE) + PAD + 2
    return Table(
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


def order_pdf(order: Order, fonts: FontSetting) -> bytes:
    """The order as the printing office reads it: A4 (landscape when the table needs the width), the
    font setting's ゴシック embedded, byte-identical for the same order (reportlab's invariant mode)."""
    f = pdf_fonts(fonts)
    texts = [order.meeting, order.date_text, *(k + v for k, v in order.heading), *order.notes]
    texts += [shown(v) for row in order.rows() for v in row] + [c.header for c in PRINTED]
    check_glyphs(f, texts)
    page = (A4_PORTRAIT[1], A4_PORTRAIT[0]) if _landscape_needed(order, f) else A4_PORTRAIT
    frame = page[0] - 2 * MARGIN
    top: list[Flowable] = [_title_row(order, f, frame), Spacer(0, 6), _heading_table(order, f, frame)]
    story: list[Flowable] = [KeepTogether(top), Spacer(0, 8)]
    story += [_documents_table(order, f, frame), Spacer(0, 8), _instructions(order, f, frame)]

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
    doc.build(story, canvasmaker=functools.partial(PageCanvas, label=footer, fonts=f))
    return out.getvalue()

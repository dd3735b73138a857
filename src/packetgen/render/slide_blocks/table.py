"""A table block: columns by weight, widened to their widest phrases; split by rows over continuation
slides (slide_fit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pptx.slide import Slide
from pptx.util import Pt

from packetgen.render.pptx_shapes import INSET_PT, WIDTH_SAFETY, Para, TableGrid, TableText, grown_table
from packetgen.render.rich_text import plain
from packetgen.render.slide_blocks.base import Block, Box, body, paras_height
from packetgen.render.text_fit import FontMeasure


@dataclass
class TableData:
    """A table to draw: header texts (or None), rows of cell texts, column weights, emphasis."""

    header: Sequence[str] | None
    rows: Sequence[Sequence[str]]
    weights: Sequence[float]
    emphasis: Sequence[int] = ()  # columns set bold in the accent colour (KPI targets)
    result_rows: Sequence[str] = ()  # per row: a follow-up line (timeline "→ …"), or ""


def _column_widths(data: TableData, w: float, size: float, font: FontMeasure) -> list[float]:
    """Widths by weight, then widened where a column's widest phrase would not fit (「2027年度まで」),
    then where a short cell (at most twice the width) would wrap (「2022～2026年度累計」), taking from the columns
    with room to spare."""
    total = sum(data.weights)
    widths = [w * x / total for x in data.weights]
    cells = [*([data.header] if data.header else []), *data.rows]

    def box(width: float) -> float:
        return width / WIDTH_SAFETY + 2 * INSET_PT + 1.0  # 1 pt for rounding to EMU

    def need(c: int, whole: bool) -> float:
        widest = 0.0
        for row in cells:
            text, bold = plain(row[c]), c in data.emphasis or row is data.header
            one_line = max(font.line_width(line, size, bold) for line in text.split("\n"))
            if whole and box(one_line) <= widths[c] * 2:
                widest = max(widest, one_line)
            widest = max(widest, font.widest_phrase(text, size, bold))
        return box(widest)

    hard = [need(c, False) for c in range(len(widths))]
    main = max(range(len(widths)), key=data.weights.__getitem__)  # the text column wraps; it gives room
    for wanted in (hard, [hard[c] if c == main else need(c, True) for c in range(len(widths))]):
        short = [c for c in range(len(widths)) if widths[c] < wanted[c]]
        spare = {c: widths[c] - max(hard[c], wanted[c]) for c in range(len(widths)) if c not in short}
        room = sum(v for v in spare.values() if v > 0)
        lack = sum(wanted[c] - widths[c] for c in short)
        if not short or room <= 0:
            continue
        share = min(1.0, room / lack)
        for c in short:
            widths[c] += (wanted[c] - widths[c]) * share
        for c, v in spare.items():
            if v > 0:
                widths[c] -= v * lack * share / room
    return widths


@dataclass
class Table(Block):
    data: TableData
    name: str = "表"
    _widths: dict[tuple[float, float, FontMeasure], list[float]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def size(self, b: float) -> float:
        return body(b, 0.9)

    def widths(self, w: float, b: float, font: FontMeasure) -> list[float]:
        """Column widths by weight, each at least as wide as its widest phrase (「2027年度まで」 is not
        broken when a wider column can give up the room)."""
        key = (w, self.size(b), font)
        if key not in self._widths:
            self._widths[key] = _column_widths(self.data, w, key[1], font)
        return self._widths[key]

    def cell_paras(self, b: float, r: int, c: int) -> list[Para]:
        s = self.size(b)
        text = self.data.rows[r][c]
        emph = c in self.data.emphasis
        paras = [Para(line, s, bold=emph, color="accent2" if emph else None) for line in text.split("\n")]
        if c == len(self.data.weights) - 1 and self.data.result_rows and self.data.result_rows[r]:
            paras.append(Para("→ " + self.data.result_rows[r], s, bold=True, color="accent2"))
        return paras

    def header_paras(self, b: float, c: int) -> list[Para]:
        return [Para(self.data.header[c], self.size(b), bold=True, align="ctr")]

    def row_heights(self, b: float, w: float, font: FontMeasure) -> list[float]:
        widths = self.widths(w, b, font)
        return [
            max(paras_height(self.cell_paras(b, r, c), widths[c], font) for c in range(len(widths)))
            for r in range(len(self.data.rows))
        ]

    def header_height(self, b: float, w: float, font: FontMeasure) -> float:
        if self.data.header is None:
            return 0.0
        widths = self.widths(w, b, font)
        return max(paras_height(self.header_paras(b, c), widths[c], font) for c in range(len(widths)))

    def height(self, b: float, w: float, font: FontMeasure) -> float:
        return self.header_height(b, w, font) + sum(self.row_heights(b, w, font))

    def part(self, rows: range) -> Table:
        """The same table restricted to some rows (for continuation slides)."""
        d = self.data
        return Table(
            TableData(
                d.header,
                [d.rows[i] for i in rows],
                d.weights,
                d.emphasis,
                [d.result_rows[i] for i in rows] if d.result_rows else (),
            ),
            self.name,
            dict(self._widths),  # the columns of the whole table, on every page of it
        )

    def draw(self, slide: Slide, box: Box, b: float, font: FontMeasure) -> None:
        widths = self.widths(box.w, b, font)
        header = [self.header_height(b, box.w, font)] if self.data.header is not None else []
        heights = header + self.row_heights(b, box.w, font)
        text = TableText(
            [self.header_paras(b, c) for c in range(len(widths))] if self.data.header is not None else None,
            [[self.cell_paras(b, r, c) for c in range(len(widths))] for r in range(len(self.data.rows))],
        )
        grid = TableGrid([Pt(x) for x in widths], [Pt(h) for h in heights])
        grown_table(slide, self.name, box.emu(sum(heights)), grid, text, font)

"""The pieces a content slide is stacked from. Each block measures its height for a body size and
draws itself; the fitter (slide_fit) picks the size and the pages.

Sizes are derived from the body size ``b`` so a whole slide shrinks together, in half points; body
text never goes below BODY_FLOOR, small print (cases, figures, footnotes) never below SMALL_FLOOR.
Cards, cases and figures sit on one grid of columns per slide, rows balanced (3 + 2, never 4 + 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide
from pptx.util import Pt

from packetgen.render import text_fit
from packetgen.render.pptx_shapes import (
    INSET_PT,
    INSET_TB_PT,
    LINE,
    WIDTH_SAFETY,
    Para,
    break_width,
    dashed_box,
    filled_box,
    grown_table,
    para_text,
    text_box,
)
from packetgen.render.rich_text import plain

BODY_FLOOR = 12.0  # body text of a slide printed on A4: 12 pt or more
SMALL_FLOOR = 9.0
BOX_SAFETY_PT = 2.0
GRID_GAP = 8.0  # between cards, cases and figures side by side


def para_height(para: Para, width_pt: float) -> float:
    text, bold = para_text(para)  # measured in the weights it is drawn in, broken as it is written
    lines = text_fit.line_count(text, break_width(para, width_pt), para.size, bold) if text else 1
    return lines * para.size * LINE + para.before_pt


def para_splits(para: Para, width_pt: float) -> int:
    """Phrases a paragraph splits in a text area ``width_pt`` wide."""
    text, bold = para_text(para)
    return text_fit.quality(text, break_width(para, width_pt), para.size, bold).splits if text else 0


def paras_height(paras: Sequence[Para], width_pt: float, inset_pt: float = INSET_PT) -> float:
    inner = width_pt - 2 * inset_pt
    return sum(para_height(p, inner) for p in paras) + 2 * INSET_TB_PT + BOX_SAFETY_PT


def small(b: float, factor: float = 0.85) -> float:
    return max(SMALL_FLOOR, round(b * factor * 2) / 2)


def body(b: float, factor: float) -> float:
    """A body size derived from ``b`` (sub-bullets, card text, tables), in half points, ≥ the floor."""
    return max(BODY_FLOOR, round(b * factor * 2) / 2)


@dataclass
class Box:
    """Where a block goes, in points."""

    x: float
    y: float
    w: float

    def emu(self, h: float) -> tuple[int, int, int, int]:
        return (Pt(self.x), Pt(self.y), Pt(self.w), Pt(h))


class Block:
    name: str  # the shape name the user sees in PowerPoint's selection pane and in errors

    def height(self, b: float, w: float) -> float:
        raise NotImplementedError

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        raise NotImplementedError


# --- text blocks ---------------------------------------------------------------------------------
@dataclass
class Lead(Block):
    text: str
    name: str = "リード文"

    def paras(self, b: float) -> list[Para]:
        return [Para(line, b, color="tx2") for line in self.text.split("\n")]

    def height(self, b: float, w: float) -> float:
        return paras_height(self.paras(b), w, INSET_PT * 2)

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        h = self.height(b, box.w)
        filled_box(
            slide,
            self.name,
            box.emu(h),
            self.paras(b),
            fill=None,
            line="accent1",
            rounded=True,
            anchor=MSO_ANCHOR.MIDDLE,
            inset_pt=INSET_PT * 2,
        )


@dataclass
class BulletGroup(Block):
    heading: str
    bullets: Sequence[tuple[str, Sequence[str]]]  # (level-1 text, level-2 texts)
    marker: str | None = None
    name: str = "本文"

    def heading_paras(self, b: float) -> list[Para]:
        return [Para(self.heading, b, bold=True, color="tx2")]

    def body_paras(self, b: float) -> list[Para]:
        marker = "▶" if self.marker is None else self.marker
        hang1 = b * 1.15 if marker else 0.0
        sub = body(b, 0.93)
        paras: list[Para] = []
        for i, (text, items) in enumerate(self.bullets):
            paras.append(
                Para(text, b, marker=marker, margin_pt=hang1, hang_pt=hang1, before_pt=0 if i == 0 else b * 0.35)
            )
            for item in items:
                paras.append(
                    Para(item, sub, marker="・", margin_pt=hang1 + sub * 1.05, hang_pt=sub * 1.05, before_pt=sub * 0.12)
                )
        return paras

    def _heading_h(self, b: float, w: float) -> float:
        return paras_height(self.heading_paras(b), w) if self.heading else 0.0

    def height(self, b: float, w: float) -> float:
        body = paras_height(self.body_paras(b), w) if self.bullets else 0.0
        gap = b * 0.25 if self.heading and self.bullets else 0.0
        return self._heading_h(b, w) + gap + body

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        y = box.y
        if self.heading:
            h = self._heading_h(b, box.w)
            filled_box(
                slide,
                f"{self.name}見出し",
                Box(box.x, y, box.w).emu(h),
                self.heading_paras(b),
                fill="bg2",
                anchor=MSO_ANCHOR.MIDDLE,
            )
            y += h + b * 0.25
        if self.bullets:
            paras = self.body_paras(b)
            text_box(slide, self.name, Box(box.x, y, box.w).emu(paras_height(paras, box.w)), paras)


@dataclass
class Note(Block):
    """A boxed statement: an optional title, then paragraphs (blank lines separate them)."""

    title: str
    text: str
    name: str = "注記ボックス"

    def paras(self, b: float) -> list[Para]:
        size = body(b, 0.95)
        paras = [Para(self.title, size, bold=True, color="accent1")] if self.title else []
        gap = 0.0
        for line in self.text.strip("\n").split("\n"):
            if not line.strip():
                gap = size * 0.5
                continue
            paras.append(Para(line, size, before_pt=gap))
            gap = 0.0
        return paras

    def height(self, b: float, w: float) -> float:
        return paras_height(self.paras(b), w, INSET_PT * 2)

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        filled_box(
            slide,
            self.name,
            box.emu(self.height(b, box.w)),
            self.paras(b),
            fill="bg1",
            line="accent1",
            inset_pt=INSET_PT * 2,
        )


@dataclass
class Footnote(Block):
    text: str
    name: str = "脚注"

    def paras(self, b: float) -> list[Para]:
        return [Para(line, small(b, 0.75), color="tx2") for line in self.text.split("\n")]

    def height(self, b: float, w: float) -> float:
        return paras_height(self.paras(b), w)

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        text_box(slide, self.name, box.emu(self.height(b, box.w)), self.paras(b))


# --- grids ---------------------------------------------------------------------------------------
def per_row(count: int, columns: int = 4) -> int:
    """Cards per row for ``count`` cards in rows of at most ``columns``, as even as can be: 5 → 3 + 2,
    7 → 4 + 3, never a card alone on a row when another split exists."""
    rows = -(-count // columns)
    return -(-count // rows) if count else 1


def _grid(count: int, columns: int) -> list[range]:
    n = per_row(count, columns)
    return [range(i, min(i + n, count)) for i in range(0, count, n)]


def _cell_w(w: float, columns: int) -> float:
    return (w - GRID_GAP * (columns - 1)) / columns


@dataclass
class Grid(Block):
    """Boxes side by side on a grid of ``columns`` (shared with the cards above them on the slide), in
    rows of equal height."""

    items: Sequence[tuple[str, str]]
    name: str = "事例"
    columns: int = 0  # 0: as many as suit the count (at most 4)

    def paras(self, b: float, item: tuple[str, str]) -> list[Para]:
        raise NotImplementedError

    def cols(self) -> int:
        return self.columns or per_row(len(self.items))

    def _row_h(self, b: float, w: float, row: range) -> float:
        return max(paras_height(self.paras(b, self.items[i]), _cell_w(w, self.cols())) for i in row)

    def height(self, b: float, w: float) -> float:
        rows = _grid(len(self.items), self.cols())
        return sum(self._row_h(b, w, r) for r in rows) + GRID_GAP * (len(rows) - 1)

    def box(self, slide: Slide, name: str, box: tuple[int, int, int, int], paras: list[Para]) -> None:
        raise NotImplementedError

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        cell_w = _cell_w(box.w, self.cols())
        y = box.y
        for row in _grid(len(self.items), self.cols()):
            h = self._row_h(b, box.w, row)
            for k, i in enumerate(row):
                x = box.x + k * (cell_w + GRID_GAP)
                self.box(slide, f"{self.name}{i + 1}", Box(x, y, cell_w).emu(h), self.paras(b, self.items[i]))
            y += h + GRID_GAP


@dataclass
class Cases(Grid):
    """Case examples whose pictures are not in the packet: small captioned boxes, place in （）."""

    def paras(self, b: float, item: tuple[str, str]) -> list[Para]:
        caption, place = item
        runs = [(f"（{place}）", True, "accent1")] if place else []
        return [Para("事例", small(b, 0.7), bold=True, color="accent2"), Para(caption, small(b, 0.85), runs=runs)]

    def box(self, slide: Slide, name: str, box: tuple[int, int, int, int], paras: list[Para]) -> None:
        filled_box(slide, name, box, paras, fill="bg2", rounded=True)


@dataclass
class Figures(Grid):
    """Figures of the original that the packet does not reproduce: a dashed frame that names the
    figure and says where it is, so no caption stands under nothing."""

    name: str = "図"

    def paras(self, b: float, item: tuple[str, str]) -> list[Para]:
        return [Para(f"図：{item[0]}", small(b, 0.85), align="ctr"), Para("（原資料参照）", small(b, 0.7), align="ctr")]

    def box(self, slide: Slide, name: str, box: tuple[int, int, int, int], paras: list[Para]) -> None:
        dashed_box(slide, name, box, paras)


@dataclass
class CardSection:
    heading: str
    cards: Sequence[tuple[str, str, Sequence[str]]]  # (title, text, items)


@dataclass
class Cards(Block):
    sections: Sequence[CardSection]
    name: str = "カード"
    columns: int = 4  # one grid for every section, so the columns of one row line up with the next
    _width: float = field(default=0.0, repr=False, compare=False)  # the width laid out for last

    def choose_columns(self, w: float, b: float) -> None:
        """The grid (3, 4 or 5 columns) on which the cards split the fewest phrases, then take the
        least height; never one on which a card stands alone on a row."""
        counts = [len(section.cards) for section in self.sections]
        lone = {g for g in (3, 4, 5) for n in counts if n > 1 and n % per_row(n, g) == 1}
        candidates = [g for g in (4, 5, 3) if g not in lone] or [4]
        cost = {}
        for g in candidates:
            self.columns, self._width = g, w
            inner = _cell_w(w, g) - 2 * INSET_PT
            paras = [p for sec in self.sections for t, x, i in sec.cards for p in self._paras(b, t, x, i)]
            cost[g] = (sum(para_splits(p, inner) for p in paras), round(self.height(b, w)))
        self.columns = min(candidates, key=cost.__getitem__)

    def _paras(self, b: float, title: str, text: str, items: Sequence[str]) -> list[Para]:
        return (self.title_paras(b, title) if title else []) + self.body_paras(b, text, items)

    def title_paras(self, b: float, title: str) -> list[Para]:
        return [Para(title, self._title_size(b), bold=True, color="bg1", align="ctr")]

    def _title_size(self, b: float) -> float:
        """Card titles one size for the block: a little smaller (down to 0.85 b) when that sets every
        title on one line, rather than one title on two (「3　誰一人取り残されないための｜取組」)."""
        inner = _cell_w(self._width, self.columns) - 2 * INSET_PT
        titles = [c[0] for section in self.sections for c in section.cards if c[0]]
        sizes = [body(b, 0.95) - 0.5 * i for i in range(5) if body(b, 0.95) - 0.5 * i >= body(b, 0.85)]
        for size in sizes:
            if all(text_fit.line_width(t, size, bold=True) <= inner * WIDTH_SAFETY for t in titles):
                return size
        return sizes[0]

    def body_paras(self, b: float, text: str, items: Sequence[str]) -> list[Para]:
        size = body(b, 0.9)
        paras = [Para(line, size) for line in text.split("\n")] if text else []
        paras += [
            Para(item, size, marker="✓", margin_pt=size * 1.1, hang_pt=size * 1.1, before_pt=size * 0.2)
            for item in items
        ]
        return paras

    def _layout(self, b: float, w: float):
        """(section heading height, [(row, card width, title height, body height)]) per section."""
        self._width = w
        plans = []
        cw = _cell_w(w, self.columns)
        for section in self.sections:
            head = paras_height([Para(section.heading, b, bold=True, color="tx2")], w) if section.heading else 0.0
            rows = []
            for row in _grid(len(section.cards), self.columns):
                cards = [section.cards[i] for i in row]
                th = max((paras_height(self.title_paras(b, c[0]), cw) if c[0] else 0.0) for c in cards)
                bh = max((paras_height(self.body_paras(b, c[1], c[2]), cw) if (c[1] or c[2]) else 0.0) for c in cards)
                rows.append((row, cw, th, bh))
            plans.append((section, head, rows))
        return plans

    def height(self, b: float, w: float) -> float:
        # every card row is followed by a gap, which also separates sections; not after the last
        gap = GRID_GAP
        return sum(head + sum(th + bh + gap for _, _, th, bh in rows) for _, head, rows in self._layout(b, w)) - gap

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        y = box.y
        for s, (section, head, rows) in enumerate(self._layout(b, box.w), start=1):
            if section.heading:
                text_box(
                    slide,
                    f"{self.name}見出し{s}",
                    Box(box.x, y, box.w).emu(head),
                    [Para(section.heading, b, bold=True, color="tx2")],
                )
                y += head
            for row, cw, th, bh in rows:
                for k, i in enumerate(row):
                    title, text, items = section.cards[i]
                    x = box.x + k * (cw + GRID_GAP)
                    if th:
                        filled_box(
                            slide,
                            f"{self.name}{s}-{i + 1}見出し",
                            Box(x, y, cw).emu(th),
                            self.title_paras(b, title) if title else [],
                            fill="accent1",
                            anchor=MSO_ANCHOR.MIDDLE,
                        )
                    if bh:
                        filled_box(
                            slide,
                            f"{self.name}{s}-{i + 1}",
                            Box(x, y + th, cw).emu(bh),
                            self.body_paras(b, text, items),
                            fill="bg1",
                            line="accent1",
                        )
                y += th + bh + GRID_GAP


def align_grids(blocks: Sequence[Block], w: float, b: float = 14.0) -> None:
    """One grid of columns for the cards, cases and figures of a slide, so they line up."""
    cards = next((blk for blk in blocks if isinstance(blk, Cards)), None)
    grids = [blk for blk in blocks if isinstance(blk, Grid)]
    if cards is not None:
        cards.choose_columns(w, b)
    columns = cards.columns if cards is not None else max((per_row(len(g.items)) for g in grids), default=0)
    for grid in grids:
        grid.columns = columns


# --- tables --------------------------------------------------------------------------------------
@dataclass
class TableData:
    """A table to draw: header texts (or None), rows of cell texts, column weights, emphasis."""

    header: Sequence[str] | None
    rows: Sequence[Sequence[str]]
    weights: Sequence[float]
    emphasis: Sequence[int] = ()  # columns set bold in the accent colour (KPI targets)
    result_rows: Sequence[str] = ()  # per row: a follow-up line (timeline "→ …"), or ""


def _column_widths(data: TableData, w: float, size: float) -> list[float]:
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
            one_line = max(text_fit.line_width(line, size, bold) for line in text.split("\n"))
            if whole and box(one_line) <= widths[c] * 2:
                widest = max(widest, one_line)
            widest = max(widest, text_fit.widest_phrase(text, size, bold))
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
    _widths: dict[tuple[float, float], list[float]] = field(default_factory=dict, repr=False, compare=False)

    def size(self, b: float) -> float:
        return body(b, 0.9)

    def widths(self, w: float, b: float) -> list[float]:
        """Column widths by weight, each at least as wide as its widest phrase (「2027年度まで」 is not
        broken when a wider column can give up the room)."""
        key = (w, self.size(b))
        if key not in self._widths:
            self._widths[key] = _column_widths(self.data, w, key[1])
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

    def row_heights(self, b: float, w: float) -> list[float]:
        widths = self.widths(w, b)
        return [
            max(paras_height(self.cell_paras(b, r, c), widths[c]) for c in range(len(widths)))
            for r in range(len(self.data.rows))
        ]

    def header_height(self, b: float, w: float) -> float:
        if self.data.header is None:
            return 0.0
        widths = self.widths(w, b)
        return max(paras_height(self.header_paras(b, c), widths[c]) for c in range(len(widths)))

    def height(self, b: float, w: float) -> float:
        return self.header_height(b, w) + sum(self.row_heights(b, w))

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

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        widths = self.widths(box.w, b)
        heights = ([self.header_height(b, box.w)] if self.data.header is not None else []) + self.row_heights(b, box.w)
        header = [self.header_paras(b, c) for c in range(len(widths))] if self.data.header is not None else None
        rows = [[self.cell_paras(b, r, c) for c in range(len(widths))] for r in range(len(self.data.rows))]
        grown_table(
            slide, self.name, box.emu(sum(heights)), [Pt(x) for x in widths], header, rows, [Pt(h) for h in heights]
        )

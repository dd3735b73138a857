"""Blocks on a grid: cards (under section headings), cases and figures side by side. The cards, cases
and figures of one slide share one grid of columns, rows balanced (3 + 2, never 4 + 1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide

from packetgen.render.pptx_shapes import INSET_PT, WIDTH_SAFETY, BoxLook, Para, dashed_box, filled_box, text_box
from packetgen.render.slide_blocks.base import Block, Box, body, para_splits, paras_height, small
from packetgen.render.text_fit import FontMeasure

GRID_GAP = 8.0  # between cards, cases and figures side by side
CASE_LOOK = BoxLook(fill="bg2", rounded=True)
CARD_TITLE_LOOK = BoxLook(fill="accent1", anchor=MSO_ANCHOR.MIDDLE)
CARD_LOOK = BoxLook(fill="bg1", line="accent1")


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

    def _row_h(self, b: float, w: float, row: range, font: FontMeasure) -> float:
        return max(paras_height(self.paras(b, self.items[i]), _cell_w(w, self.cols()), font) for i in row)

    def height(self, b: float, w: float, font: FontMeasure) -> float:
        rows = _grid(len(self.items), self.cols())
        return sum(self._row_h(b, w, r, font) for r in rows) + GRID_GAP * (len(rows) - 1)

    def box(
        self, slide: Slide, name: str, box: tuple[int, int, int, int], paras: list[Para], font: FontMeasure
    ) -> None:
        raise NotImplementedError

    def draw(self, slide: Slide, box: Box, b: float, font: FontMeasure) -> None:
        cell_w = _cell_w(box.w, self.cols())
        y = box.y
        for row in _grid(len(self.items), self.cols()):
            h = self._row_h(b, box.w, row, font)
            for k, i in enumerate(row):
                x = box.x + k * (cell_w + GRID_GAP)
                paras = self.paras(b, self.items[i])
                self.box(slide, f"{self.name}{i + 1}", Box(x, y, cell_w).emu(h), paras, font)
            y += h + GRID_GAP


@dataclass
class Cases(Grid):
    """Case examples whose pictures are not in the packet: small captioned boxes, place in （）."""

    def paras(self, b: float, item: tuple[str, str]) -> list[Para]:
        caption, place = item
        runs = [(f"（{place}）", True, "accent1")] if place else []
        return [Para("事例", small(b, 0.7), bold=True, color="accent2"), Para(caption, small(b, 0.85), runs=runs)]

    def box(
        self, slide: Slide, name: str, box: tuple[int, int, int, int], paras: list[Para], font: FontMeasure
    ) -> None:
        filled_box(slide, name, box, paras, CASE_LOOK, font)


@dataclass
class Figures(Grid):
    """Figures of the original that the packet does not reproduce: a dashed frame that names the
    figure and says where it is, so no caption stands under nothing."""

    name: str = "図"

    def paras(self, b: float, item: tuple[str, str]) -> list[Para]:
        return [Para(f"図：{item[0]}", small(b, 0.85), align="ctr"), Para("（原資料参照）", small(b, 0.7), align="ctr")]

    def box(
        self, slide: Slide, name: str, box: tuple[int, int, int, int], paras: list[Para], font: FontMeasure
    ) -> None:
        dashed_box(slide, name, box, paras, font)


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

    def choose_columns(self, w: float, b: float, font: FontMeasure) -> None:
        """The grid (3, 4 or 5 columns) on which the cards split the fewest phrases, then take the
        least height; never one on which a card stands alone on a row."""
        counts = [len(section.cards) for section in self.sections]
        lone = {g for g in (3, 4, 5) for n in counts if n > 1 and n % per_row(n, g) == 1}
        candidates = [g for g in (4, 5, 3) if g not in lone] or [4]
        cost = {}
        for g in candidates:
            self.columns, self._width = g, w
            inner = _cell_w(w, g) - 2 * INSET_PT
            paras = [p for sec in self.sections for card in sec.cards for p in self._paras(b, card, font)]
            cost[g] = (sum(para_splits(p, inner, font) for p in paras), round(self.height(b, w, font)))
        self.columns = min(candidates, key=cost.__getitem__)

    def _paras(self, b: float, card: tuple[str, str, Sequence[str]], font: FontMeasure) -> list[Para]:
        title, text, items = card
        return (self.title_paras(b, title, font) if title else []) + self.body_paras(b, text, items)

    def title_paras(self, b: float, title: str, font: FontMeasure) -> list[Para]:
        return [Para(title, self._title_size(b, font), bold=True, color="bg1", align="ctr")]

    def _title_size(self, b: float, font: FontMeasure) -> float:
        """Card titles one size for the block: a little smaller (down to 0.85 b) when that sets every
        title on one line, rather than one title on two (「3　誰一人取り残されないための｜取組」)."""
        inner = _cell_w(self._width, self.columns) - 2 * INSET_PT
        titles = [c[0] for section in self.sections for c in section.cards if c[0]]
        sizes = [body(b, 0.95) - 0.5 * i for i in range(5) if body(b, 0.95) - 0.5 * i >= body(b, 0.85)]
        for size in sizes:
            if all(font.line_width(t, size, bold=True) <= inner * WIDTH_SAFETY for t in titles):
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

    def _layout(self, b: float, w: float, font: FontMeasure):
        """(section heading height, [(row, card width, title height, body height)]) per section."""
        self._width = w
        plans = []
        cw = _cell_w(w, self.columns)
        for section in self.sections:
            heading = [Para(section.heading, b, bold=True, color="tx2")]
            head = paras_height(heading, w, font) if section.heading else 0.0
            rows = []
            for row in _grid(len(section.cards), self.columns):
                cards = [section.cards[i] for i in row]
                th = max((paras_height(self.title_paras(b, c[0], font), cw, font) if c[0] else 0.0) for c in cards)
                bh = max(
                    (paras_height(self.body_paras(b, c[1], c[2]), cw, font) if (c[1] or c[2]) else 0.0) for c in cards
                )
                rows.append((row, cw, th, bh))
            plans.append((section, head, rows))
        return plans

    def height(self, b: float, w: float, font: FontMeasure) -> float:
        # every card row is followed by a gap, which also separates sections; not after the last
        gap = GRID_GAP
        plans = self._layout(b, w, font)
        return sum(head + sum(th + bh + gap for _, _, th, bh in rows) for _, head, rows in plans) - gap

    def draw(self, slide: Slide, box: Box, b: float, font: FontMeasure) -> None:
        y = box.y
        for s, (section, head, rows) in enumerate(self._layout(b, box.w, font), start=1):
            if section.heading:
                text_box(
                    slide,
                    f"{self.name}見出し{s}",
                    Box(box.x, y, box.w).emu(head),
                    [Para(section.heading, b, bold=True, color="tx2")],
                    font,
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
                            self.title_paras(b, title, font) if title else [],
                            CARD_TITLE_LOOK,
                            font,
                        )
                    if bh:
                        filled_box(
                            slide,
                            f"{self.name}{s}-{i + 1}",
                            Box(x, y + th, cw).emu(bh),
                            self.body_paras(b, text, items),
                            CARD_LOOK,
                            font,
                        )
                y += th + bh + GRID_GAP


def align_grids(blocks: Sequence[Block], w: float, font: FontMeasure, b: float = 14.0) -> None:
    """One grid of columns for the cards, cases and figures of a slide, so they line up."""
    cards = next((blk for blk in blocks if isinstance(blk, Cards)), None)
    grids = [blk for blk in blocks if isinstance(blk, Grid)]
    if cards is not None:
        cards.choose_columns(w, b, font)
    columns = cards.columns if cards is not None else max((per_row(len(g.items)) for g in grids), default=0)
    for grid in grids:
        grid.columns = columns

"""The pieces a content slide is stacked from. Each block measures its height for a body size and
draws itself; the fitter (slide_fit) picks the size and the pages.

Sizes are derived from the body size ``b`` so a whole slide shrinks together; small print (cases,
footnotes) never goes below SMALL_FLOOR.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide
from pptx.util import Pt

from packetgen.render import text_fit
from packetgen.render.pptx_shapes import (
    INSET_PT,
    INSET_TB_PT,
    LINE,
    Para,
    filled_box,
    grown_table,
    text_box,
)
from packetgen.render.rich_text import plain

SMALL_FLOOR = 9.0
WIDTH_SAFETY = 0.97  # renderers kern and embolden slightly differently: keep 3 % in hand
BOX_SAFETY_PT = 2.0


def para_height(para: Para, width_pt: float) -> float:
    text = plain(para.text) + "".join(t for t, _, _ in para.runs)
    usable = (width_pt - para.margin_pt) * WIDTH_SAFETY
    # bold faces are wider: a paragraph with any bold is measured bold, which errs on the safe side
    bold = para.bold or "**" in para.text or any(b for _, b, _ in para.runs)
    lines = text_fit.line_count(text, usable, para.size, bold) if text else 1
    return lines * para.size * LINE + para.before_pt


def paras_height(paras: Sequence[Para], width_pt: float, inset_pt: float = INSET_PT) -> float:
    inner = width_pt - 2 * inset_pt
    return sum(para_height(p, inner) for p in paras) + 2 * INSET_TB_PT + BOX_SAFETY_PT


def small(b: float, factor: float = 0.85) -> float:
    return max(SMALL_FLOOR, round(b * factor * 2) / 2)


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
        sub = b * 0.93
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
        size = b * 0.95
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
def _grid(count: int, per_row: int) -> list[range]:
    return [range(i, min(i + per_row, count)) for i in range(0, count, per_row)]


@dataclass
class Cases(Block):
    """Case examples whose pictures are not in the packet: small captioned boxes, place in （）."""

    cases: Sequence[tuple[str, str]]  # (caption, place)
    name: str = "事例"
    per_row: int = 3

    def paras(self, b: float, case: tuple[str, str]) -> list[Para]:
        caption, place = case
        size = small(b, 0.85)
        runs = [(f"（{place}）", True, "accent1")] if place else []
        return [Para("事例", small(b, 0.7), bold=True, color="accent2"), Para(caption, size, runs=runs)]

    def _cell_w(self, w: float, n: int) -> float:
        gap = 6.0
        return (w - gap * (n - 1)) / n

    def _row_h(self, b: float, w: float, row: range) -> float:
        n = min(self.per_row, len(self.cases))
        return max(paras_height(self.paras(b, self.cases[i]), self._cell_w(w, n)) for i in row)

    def height(self, b: float, w: float) -> float:
        rows = _grid(len(self.cases), self.per_row)
        return sum(self._row_h(b, w, r) for r in rows) + 6.0 * (len(rows) - 1)

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        n = min(self.per_row, len(self.cases))
        cell_w = self._cell_w(box.w, n)
        y = box.y
        for row in _grid(len(self.cases), self.per_row):
            h = self._row_h(b, box.w, row)
            for k, i in enumerate(row):
                x = box.x + k * (cell_w + 6.0)
                filled_box(
                    slide,
                    f"{self.name}{i + 1}",
                    Box(x, y, cell_w).emu(h),
                    self.paras(b, self.cases[i]),
                    fill="bg2",
                    rounded=True,
                )
            y += h + 6.0


@dataclass
class CardSection:
    heading: str
    cards: Sequence[tuple[str, str, Sequence[str]]]  # (title, text, items)


@dataclass
class Cards(Block):
    sections: Sequence[CardSection]
    name: str = "カード"
    per_row: int = 4

    def title_paras(self, b: float, title: str) -> list[Para]:
        return [Para(title, b * 0.95, bold=True, color="bg1", align="ctr")]

    def body_paras(self, b: float, text: str, items: Sequence[str]) -> list[Para]:
        size = b * 0.9
        paras = [Para(line, size) for line in text.split("\n")] if text else []
        paras += [
            Para(item, size, marker="✓", margin_pt=size * 1.1, hang_pt=size * 1.1, before_pt=size * 0.2)
            for item in items
        ]
        return paras

    def _layout(self, b: float, w: float):
        """(section heading height, [(row, card width, title height, body height)]) per section."""
        plans = []
        for section in self.sections:
            n = min(self.per_row, len(section.cards))
            cw = (w - 8.0 * (n - 1)) / n
            head = paras_height([Para(section.heading, b, bold=True, color="tx2")], w) if section.heading else 0.0
            rows = []
            for row in _grid(len(section.cards), self.per_row):
                cards = [section.cards[i] for i in row]
                th = max((paras_height(self.title_paras(b, c[0]), cw) if c[0] else 0.0) for c in cards)
                bh = max((paras_height(self.body_paras(b, c[1], c[2]), cw) if (c[1] or c[2]) else 0.0) for c in cards)
                rows.append((row, cw, th, bh))
            plans.append((section, head, rows))
        return plans

    def height(self, b: float, w: float) -> float:
        # every card row is followed by an 8 pt gap, which also separates sections; not after the last
        return sum(head + sum(th + bh + 8.0 for _, _, th, bh in rows) for _, head, rows in self._layout(b, w)) - 8.0

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
                    x = box.x + k * (cw + 8.0)
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
                y += th + bh + 8.0


# --- tables --------------------------------------------------------------------------------------
@dataclass
class TableData:
    """A table to draw: header texts (or None), rows of cell texts, column weights, emphasis."""

    header: Sequence[str] | None
    rows: Sequence[Sequence[str]]
    weights: Sequence[float]
    emphasis: Sequence[int] = ()  # columns set bold in the accent colour (KPI targets)
    result_rows: Sequence[str] = ()  # per row: a follow-up line (timeline "→ …"), or ""


@dataclass
class Table(Block):
    data: TableData
    name: str = "表"

    def size(self, b: float) -> float:
        return max(10.0, round(b * 0.9 * 2) / 2)

    def widths(self, w: float) -> list[float]:
        total = sum(self.data.weights)
        return [w * x / total for x in self.data.weights]

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
        widths = self.widths(w)
        return [
            max(paras_height(self.cell_paras(b, r, c), widths[c]) for c in range(len(widths)))
            for r in range(len(self.data.rows))
        ]

    def header_height(self, b: float, w: float) -> float:
        if self.data.header is None:
            return 0.0
        widths = self.widths(w)
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
        )

    def draw(self, slide: Slide, box: Box, b: float) -> None:
        widths = self.widths(box.w)
        heights = ([self.header_height(b, box.w)] if self.data.header is not None else []) + self.row_heights(b, box.w)
        header = [self.header_paras(b, c) for c in range(len(widths))] if self.data.header is not None else None
        rows = [[self.cell_paras(b, r, c) for c in range(len(widths))] for r in range(len(self.data.rows))]
        grown_table(
            slide, self.name, box.emu(sum(heights)), [Pt(x) for x in widths], header, rows, [Pt(h) for h in heights]
        )

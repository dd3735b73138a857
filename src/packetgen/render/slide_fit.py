"""Fitting a content slide: pick the largest body size at which its blocks fit the content area,
down to a floor readable on an A4 handout; split a table that still does not fit onto continuation
slides; otherwise report the block that does not fit. Text is measured in the deck's ``FontMeasure``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from packetgen.render.slide_blocks.base import BODY_FLOOR, Block
from packetgen.render.slide_blocks.table import Table
from packetgen.render.text_fit import FontMeasure

BODY_MAX = 16.0
TABLE_SPLIT_SIZE = 12.0  # a table that runs over continues at this size rather than at the floor
STEP = 0.5
FILL_MAX = 0.95  # content takes at most 95 % of the content area's height: a page never looks crammed


def gap(b: float) -> float:
    return b * 0.6


def stack_height(blocks: Sequence[Block], b: float, width: float, font: FontMeasure) -> float:
    if not blocks:
        return 0.0
    return sum(block.height(b, width, font) for block in blocks) + gap(b) * (len(blocks) - 1)


def body_sizes() -> list[float]:
    n = int((BODY_MAX - BODY_FLOOR) / STEP)
    return [BODY_MAX - i * STEP for i in range(n + 1)]


class SlideOverflow(Exception):
    def __init__(self, block: str, needed_pt: float, available_pt: float) -> None:
        self.block, self.needed_pt, self.available_pt = block, needed_pt, available_pt
        super().__init__(block)


@dataclass
class Fitted:
    size: float
    pages: list[list[Block]]  # the first page, then continuation pages


def fit(blocks: Sequence[Block], width: float, height: float, font: FontMeasure) -> Fitted:
    height *= FILL_MAX
    for b in body_sizes():
        if stack_height(blocks, b, width, font) <= height:
            return Fitted(b, [list(blocks)])
    table = next((blk for blk in blocks if isinstance(blk, Table)), None)
    if table is None:
        raise _overflow(blocks, BODY_FLOOR, width, height, font)
    return _split(blocks, table, width, height, font)


def _overflow(blocks: Sequence[Block], b: float, width: float, height: float, font: FontMeasure) -> SlideOverflow:
    worst = max(blocks, key=lambda blk: blk.height(b, width, font))
    return SlideOverflow(worst.name, stack_height(blocks, b, width, font), height)


def _split(blocks: Sequence[Block], table: Table, width: float, height: float, font: FontMeasure) -> Fitted:
    """Rows flow over as few pages as they need, spread evenly over them (not 10 rows and then 2);
    what stands before the table opens the first page and what follows it closes the last one (or
    gets a page of its own)."""
    b = TABLE_SPLIT_SIZE
    at = blocks.index(table)
    before, after = list(blocks[:at]), list(blocks[at + 1 :])
    heights = table.row_heights(b, width, font)
    header = table.header_height(b, width, font)
    lead = stack_height(before, b, width, font) + gap(b) if before else 0.0
    rows = _rows(heights, [height - lead - header, height - header])
    if rows is None:
        tallest = max(range(len(heights)), key=heights.__getitem__)
        raise SlideOverflow(f"{table.name}（{tallest + 1}行目）", header + heights[tallest], height)
    for share in (0.5, 0.6, 0.7, 0.8, 0.9):  # the fewest pages, as even as they can be
        even = _rows(heights, [(height - lead - header) * share, (height - header) * share])
        if even is not None and len(even) == len(rows):
            rows = even
            break
    pages = [[*(before if i == 0 else []), *([table.part(r)] if len(r) else [])] for i, r in enumerate(rows)]
    if after:
        if stack_height([*pages[-1], *after], b, width, font) <= height:
            pages[-1].extend(after)
        elif stack_height(after, b, width, font) <= height:
            pages.append(after)
        else:
            raise _overflow(after, b, width, height, font)
    return Fitted(b, pages)


def _rows(heights: list[float], rooms: list[float]) -> list[range] | None:
    """Rows per page, each page taking rows while they fit its room (rooms[0] on the first page);
    None when a row does not fit a page of its own."""
    pages: list[range] = []
    start = 0
    while start < len(heights):
        room = rooms[0] if not pages else rooms[1]
        end, used = start, 0.0
        while end < len(heights) and used + heights[end] <= room:
            used += heights[end]
            end += 1
        if end == start:
            if pages or heights[start] > rooms[1]:
                return None
            pages.append(range(0, 0))  # the lead fills the first page: the table starts on the next
            continue
        pages.append(range(start, end))
        start = end
    return pages

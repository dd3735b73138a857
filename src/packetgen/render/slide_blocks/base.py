"""What every block of a content slide is (Block, and the Box it is drawn in), the size rules, and the
measuring of paragraphs (in the deck's ``FontMeasure``, which the deck renderer passes down).

Sizes are derived from the body size ``b`` so a whole slide shrinks together, in half points; body
text never goes below BODY_FLOOR, small print (cases, figures, footnotes) never below SMALL_FLOOR.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.slide import Slide
from pptx.util import Pt

from packetgen.render.pptx_shapes import INSET_PT, INSET_TB_PT, LINE, Para, break_width, para_text
from packetgen.render.text_fit import FontMeasure

BODY_FLOOR = 12.0  # body text of a slide printed on A4: 12 pt or more
SMALL_FLOOR = 9.0
BOX_SAFETY_PT = 2.0


def para_height(para: Para, width_pt: float, font: FontMeasure) -> float:
    text, bold = para_text(para)  # measured in the weights it is drawn in, broken as it is written
    lines = font.line_count(text, break_width(para, width_pt), para.size, bold) if text else 1
    return lines * para.size * LINE + para.before_pt


def para_splits(para: Para, width_pt: float, font: FontMeasure) -> int:
    """Phrases a paragraph splits in a text area ``width_pt`` wide."""
    text, bold = para_text(para)
    return font.quality(text, break_width(para, width_pt), para.size, bold).splits if text else 0


def paras_height(paras: Sequence[Para], width_pt: float, font: FontMeasure, inset_pt: float = INSET_PT) -> float:
    inner = width_pt - 2 * inset_pt
    return sum(para_height(p, inner, font) for p in paras) + 2 * INSET_TB_PT + BOX_SAFETY_PT


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
    """A block of a content slide at body size ``b``, ``w`` wide, its text measured in ``font``."""

    name: str  # the shape name the user sees in PowerPoint's selection pane and in errors

    def height(self, b: float, w: float, font: FontMeasure) -> float:
        raise NotImplementedError

    def draw(self, slide: Slide, box: Box, b: float, font: FontMeasure) -> None:
        raise NotImplementedError

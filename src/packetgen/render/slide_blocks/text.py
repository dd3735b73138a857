"""Blocks of text: the lead, bullet groups under a heading, boxed notes and footnotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide

from packetgen.render.pptx_shapes import INSET_PT, BoxLook, Para, filled_box, text_box
from packetgen.render.slide_blocks.base import Block, Box, body, paras_height, small
from packetgen.render.text_fit import FontMeasure

LEAD_LOOK = BoxLook(fill=None, line="accent1", rounded=True, anchor=MSO_ANCHOR.MIDDLE, inset_pt=INSET_PT * 2)
HEADING_LOOK = BoxLook(fill="bg2", anchor=MSO_ANCHOR.MIDDLE)
NOTE_LOOK = BoxLook(fill="bg1", line="accent1", inset_pt=INSET_PT * 2)


@dataclass
class Lead(Block):
    text: str
    name: str = "リード文"

    def paras(self, b: float) -> list[Para]:
        return [Para(line, b, color="tx2") for line in self.text.split("\n")]

    def height(self, b: float, w: float, font: FontMeasure) -> float:
        return paras_height(self.paras(b), w, font, INSET_PT * 2)

    def draw(self, slide: Slide, box: Box, b: float, font: FontMeasure) -> None:
        h = self.height(b, box.w, font)
        filled_box(slide, self.name, box.emu(h), self.paras(b), LEAD_LOOK, font)


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

    def _heading_h(self, b: float, w: float, font: FontMeasure) -> float:
        return paras_height(self.heading_paras(b), w, font) if self.heading else 0.0

    def height(self, b: float, w: float, font: FontMeasure) -> float:
        body = paras_height(self.body_paras(b), w, font) if self.bullets else 0.0
        gap = b * 0.25 if self.heading and self.bullets else 0.0
        return self._heading_h(b, w, font) + gap + body

    def draw(self, slide: Slide, box: Box, b: float, font: FontMeasure) -> None:
        y = box.y
        if self.heading:
            h = self._heading_h(b, box.w, font)
            filled_box(
                slide,
                f"{self.name}見出し",
                Box(box.x, y, box.w).emu(h),
                self.heading_paras(b),
                HEADING_LOOK,
                font,
            )
            y += h + b * 0.25
        if self.bullets:
            paras = self.body_paras(b)
            text_box(slide, self.name, Box(box.x, y, box.w).emu(paras_height(paras, box.w, font)), paras, font)


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

    def height(self, b: float, w: float, font: FontMeasure) -> float:
        return paras_height(self.paras(b), w, font, INSET_PT * 2)

    def draw(self, slide: Slide, box: Box, b: float, font: FontMeasure) -> None:
        filled_box(slide, self.name, box.emu(self.height(b, box.w, font)), self.paras(b), NOTE_LOOK, font)


@dataclass
class Footnote(Block):
    text: str
    name: str = "脚注"

    def paras(self, b: float) -> list[Para]:
        return [Para(line, small(b, 0.75), color="tx2") for line in self.text.split("\n")]

    def height(self, b: float, w: float, font: FontMeasure) -> float:
        return paras_height(self.paras(b), w, font)

    def draw(self, slide: Slide, box: Box, b: float, font: FontMeasure) -> None:
        text_box(slide, self.name, box.emu(self.height(b, box.w, font)), self.paras(b), font)

"""The typesetting report of a built deck, read back from the .pptx: how its lines break (phrase
splits, widows), how much of each content area the text fills, and its smallest body text.

It reads what the file carries (the <a:br/> the fitter wrote, the boxes' widths and insets), so it
judges the deck as PowerPoint and LibreOffice will draw it, not the fitter's intentions; widths are
those of the font the caller names (the deck's ``FontMeasure``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from packetgen.render.pptx_shapes import WIDTH_SAFETY
from packetgen.render.text_fit import FontMeasure

SMALL_PRINT = ("事例", "脚注", "図")  # shape names of print that may be smaller than the body floor
DEFAULT_INSET = Emu(91440)  # DrawingML's default left/right inset (0.1 in)


@dataclass
class SlideFacts:
    number: int
    title: str
    fill: float | None = None  # share of the content area's height the content takes (content slides)
    body_min_pt: float | None = None
    splits: int = 0
    forced: int = 0  # splits inside a phrase wider than its box
    widows: int = 0
    where: list[str] = field(default_factory=list)  # 「カード1-1：…エコシステ|ムの…」 for splits and widows


@dataclass
class DeckFacts:
    slides: list[SlideFacts]

    @property
    def content(self) -> list[SlideFacts]:
        return [s for s in self.slides if s.fill is not None]

    def total(self, what: str) -> int:
        return sum(getattr(s, what) for s in self.slides)


def _paragraph(p, width: float) -> tuple[str, list[str], float, tuple[bool, ...]] | None:
    """(text, lines, size, bold per character) of an a:p, or None when it holds no text."""
    lines, chars, flags, size = [""], [], [], 0.0
    for child in p:
        if child.tag == qn("a:r"):
            rpr = child.find(qn("a:rPr"))
            text = child.findtext(qn("a:t")) or ""
            bold = rpr is not None and rpr.get("b") == "1"
            if rpr is not None and rpr.get("sz"):
                size = size or int(rpr.get("sz")) / 100
            lines[-1] += text
            chars.append(text)
            flags.extend([bold] * len(text))
        elif child.tag == qn("a:br"):
            lines.append("")
    text = "".join(chars)
    if not text.strip() or not size:
        return None
    return text, lines, size, tuple(flags)


def _judge(facts: SlideFacts, name: str, txbody, width_emu: int, font: FontMeasure) -> None:
    for p in txbody.findall(qn("a:p")):
        found = _paragraph(p, width_emu)
        if found is None:
            continue
        text, lines, size, flags = found
        ppr = p.find(qn("a:pPr"))
        margin = Emu(int(ppr.get("marL", 0))).pt if ppr is not None else 0.0
        width = (Emu(width_emu).pt - margin) * WIDTH_SAFETY
        bold = flags if len(set(flags)) > 1 else flags[0]
        q = font.quality(text, width, size, bold, lines)
        facts.splits += q.splits
        facts.forced += q.forced
        facts.widows += q.widow
        for at, forced in q.at:
            why = "語が枠より長い" if forced else "文節の途中"
            facts.where.append(f"{name}「…{text[max(0, at - 6) : at]}｜{text[at : at + 6]}…」（{why}）")
        if q.widow:
            facts.where.append(f"{name}「…{lines[-2][-6:]}｜{lines[-1]}」（最終行が{len(lines[-1].strip())}字）")
        if not name.startswith(SMALL_PRINT):
            facts.body_min_pt = min(facts.body_min_pt or size, size)


def _inner_width(shape) -> int:
    body = shape._element.find(f".//{qn('a:bodyPr')}")
    left = int(body.get("lIns", DEFAULT_INSET)) if body is not None else DEFAULT_INSET
    right = int(body.get("rIns", DEFAULT_INSET)) if body is not None else DEFAULT_INSET
    return shape.width - left - right


def measure(pptx: bytes, font: FontMeasure) -> DeckFacts:
    """The typesetting facts of a built deck, its text measured in ``font``."""
    prs = Presentation(io.BytesIO(pptx))
    slides = []
    for number, slide in enumerate(prs.slides, start=1):
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        facts = SlideFacts(number, title)
        region = next((p for p in slide.slide_layout.placeholders if p.placeholder_format.idx == 1), None)
        content = [sh for sh in slide.shapes if not sh.is_placeholder]
        if region is not None and content and slide.slide_layout.name not in ("title", "section"):
            bottom = max(sh.top + sh.height for sh in content)
            facts.fill = (bottom - region.top) / region.height
        for shape in content:
            if shape.has_text_frame:
                _judge(facts, shape.name, shape.text_frame._txBody, _inner_width(shape), font)
            elif shape.has_table:
                for row in shape.table.rows:
                    for c, cell in enumerate(row.cells):
                        inset = (cell.margin_left or 0) + (cell.margin_right or 0)
                        width = shape.table.columns[c].width - inset
                        _judge(facts, shape.name, cell.text_frame._txBody, width, font)
        slides.append(facts)
    return DeckFacts(slides)

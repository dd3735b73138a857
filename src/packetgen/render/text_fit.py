"""Slide text measured in the slide font: ``FontMeasure``, the widths the phrase-aware line breaker
(core.linebreak) breaks slide text with.

python-pptx's fit_text breaks only at spaces, and PowerPoint and LibreOffice break Japanese between
any two characters, so slide text is broken before saving, and the deck carries the breaks
(pptx_shapes writes them as <a:br/>). The breaking (phrases, 禁則, no widows) is core.linebreak's,
with its full rules; the widths are this module's: the advance widths of the slide font (the font
setting's ゴシック, as installed), bold where the text is bold, plus the quarter em LibreOffice sets
between Japanese and Latin text. The deck renderer makes one ``FontMeasure`` and passes it to all
that measures; the findings sheet makes its own from the workbook's font.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from packetgen.core.fonts import FontSetting, Role
from packetgen.core.linebreak import phrase_lines
from packetgen.core.linebreak.kinsoku import KINSOKU
from packetgen.core.linebreak.phrase_lines import Bold, Quality

if TYPE_CHECKING:
    from packetgen.core.platform import ResolvedFont

UNITS = 1000  # widths are measured in thousandths of an em
AUTOSPACE = 0.25  # LibreOffice sets a quarter em between Japanese and Latin text; PowerPoint does not
RULES = KINSOKU  # the slides break with the full 禁則


@cache
def _font(path: str, index: int):  # PIL's FreeTypeFont: the face ``index`` of a collection (.ttc)
    from PIL import ImageFont

    return ImageFont.truetype(path, UNITS, index=index)


@cache
def _char_width(path: str | None, index: int, char: str) -> float:
    if path is not None:
        return _font(path, index).getlength(char) / UNITS
    # No font chosen (a unit test of the wrapping rules): full width for CJK, 0.65 em for the rest.
    return 1.0 if ord(char) > 0x2E80 else 0.65


def _asian(char: str) -> bool:
    return ord(char) >= 0x2E80


def autospace(before: str, after: str) -> float:
    """The space LibreOffice adds between Japanese and Latin characters (measured in its PDFs: 0.24 em
    either way, but none after Japanese before a space or a symbol such as ※)."""
    if _asian(before) == _asian(after):
        return 0.0
    if _asian(before):
        return AUTOSPACE if after.isascii() and not after.isspace() else 0.0
    return AUTOSPACE


@dataclass(frozen=True)
class FontMeasure:
    """The widths of slide text in the font files it is drawn in, regular and bold (the face
    ``index`` inside a font collection); no files: the unit-test widths (CJK one em, the rest 0.65)."""

    regular: str | None = None
    bold: str | None = None  # None: the regular file
    regular_index: int = 0
    bold_index: int = 0

    @classmethod
    def of(cls, regular: ResolvedFont, bold: ResolvedFont | None = None) -> FontMeasure:
        """Measure with these faces, as resolved on this machine."""
        heavy = bold or regular
        return cls(str(regular.file), str(heavy.file), regular.index, heavy.index)

    def char_width(self, char: str, bold: bool = False) -> float:
        """Advance width of one character in ems."""
        if bold and self.bold is not None:
            return _char_width(self.bold, self.bold_index, char)
        return _char_width(self.regular, self.regular_index, char)

    def advances(self, text: str, bold: tuple[bool, ...]) -> list[float]:
        """Advance widths of the characters of a paragraph in ems, bold where ``bold`` says."""
        file, index = self.regular, self.regular_index
        bold_file, bold_index = (self.bold, self.bold_index) if self.bold is not None else (file, index)
        return [
            _char_width(bold_file, bold_index, c) if heavy else _char_width(file, index, c)
            for c, heavy in zip(text, bold, strict=True)
        ]

    def gaps(self, text: str) -> list[float]:
        """The space LibreOffice sets before each character of a paragraph (``autospace``)."""
        return [autospace(text[k - 1], text[k]) if k else 0.0 for k in range(len(text))]

    def text_width(self, text: str, size_pt: float, bold: bool = False) -> float:
        """Width in points of the characters of ``text``, without LibreOffice's spacing."""
        return sum(self.char_width(c, bold) for c in text) * size_pt

    def line_width(self, text: str, size_pt: float, bold: Bold = False) -> float:
        """Width in points of ``text`` set on one line, the renderer's spacing of Japanese and Latin included."""
        return phrase_lines.line_width(self, RULES, text, bold) * size_pt

    def widest_phrase(self, text: str, size_pt: float, bold: Bold = False) -> float:
        """Width in points of the widest phrase of ``text``: a box narrower than this splits a phrase."""
        return phrase_lines.widest_phrase(self, RULES, text, bold) * size_pt

    def wrap(self, text: str, width_pt: float, size_pt: float, bold: Bold = False) -> list[str]:
        """Lines of ``text`` in a box ``width_pt`` wide at ``size_pt``; "\\n" separates paragraphs. Each
        paragraph's lines join back to it exactly (a space at a break stays at the end of its line)."""
        return phrase_lines.wrap(self, RULES, text, width_pt / size_pt, bold)

    def line_count(self, text: str, width_pt: float, size_pt: float, bold: Bold = False) -> int:
        return _line_count(self, text, width_pt, size_pt, bold)

    def quality(
        self, text: str, width_pt: float, size_pt: float, bold: Bold = False, lines: Sequence[str] = ()
    ) -> Quality:
        """How one paragraph (no "\\n") breaks in a box ``width_pt`` wide, or, given its ``lines`` (as a
        deck carries them), how those break: the typesetting report's view."""
        return phrase_lines.quality(self, RULES, text, width_pt / size_pt, bold, lines)


@lru_cache(maxsize=65536)  # the fitter asks the same question at every candidate size
def _line_count(measure: FontMeasure, text: str, width_pt: float, size_pt: float, bold: Bold) -> int:
    return len(measure.wrap(text, width_pt, size_pt, bold))


def slide_font(setting: FontSetting) -> FontMeasure:
    """The slides' widths: the setting's ゴシック as installed, regular and bold, so slides are fitted
    with the widths the files will really be drawn in (the build has checked they are installed)."""
    from packetgen.render import font_files

    gothic = font_files.require(setting)[Role.GOTHIC]
    return FontMeasure.of(gothic, font_files.resolve(setting.gothic, bold=True))

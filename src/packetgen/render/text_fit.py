"""CJK-aware text measurement: real font metrics, line breaks between characters with 禁則.

python-pptx's fit_text breaks only at spaces, and PowerPoint's autofit acts only when PowerPoint edits
the text, so Japanese slides are measured here, before saving: each line is filled greedily with the
advance widths of the slide font (the font setting's ゴシック), breaking between any two CJK
characters but never inside a Latin word or number, never starting a line with closing punctuation
(、。」）…) and never ending one with opening punctuation (「（…).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

# 禁則: characters that may not begin a line, and ones that may not end a line.
NO_LINE_START = set(
    "、。，．,.・：；:;？！?!）)］]｝}〕〉》」』】〙〗〟’”｠»"  # closing punctuation
    "ゝゞー々〻‐゠–〜～％%"  # iteration marks, long vowel, dashes, percent
    "ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ"  # small kana
)
NO_LINE_END = set("（(［[｛{〔〈《「『【〘〖〝‘“｟«")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%&+\-_@#'’]*|\s+|.", re.DOTALL)

UNITS = 1000  # widths are cached in thousandths of an em
_measured: dict[bool, str] = {}  # font files text is measured with, regular and bold (measure_with)


def measure_with(font_file: Path, bold_file: Path | None = None) -> None:
    """Measure with these font files from now on: the deck renderer passes the setting's ゴシック, as
    resolved by fontconfig, so slides are fitted with the widths the files will really be drawn in."""
    _measured.clear()
    _measured[False] = str(font_file)
    _measured[True] = str(bold_file or font_file)


@cache
def _font(path: str):  # PIL's FreeTypeFont
    from PIL import ImageFont

    return ImageFont.truetype(path, UNITS)


@cache
def _char_width(path: str | None, char: str) -> float:
    if path is not None:
        return _font(path).getlength(char) / UNITS
    # No font chosen (a unit test of the wrapping rules): full width for CJK, 0.65 em for the rest.
    return 1.0 if ord(char) > 0x2E80 else 0.65


def char_width(char: str, bold: bool = False) -> float:
    """Advance width of one character in ems, in the font measured with."""
    return _char_width(_measured.get(bold), char)


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    return sum(char_width(c, bold) for c in text) * size_pt


def _units(text: str) -> list[str]:
    """Unbreakable pieces: a Latin word or number, a run of spaces, or one CJK character."""
    return _WORD.findall(text)


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """Lines of ``text`` as it would wrap in a box ``width_pt`` wide at ``size_pt``."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width_pt, size_pt, bold))
    return lines


def _wrap_paragraph(text: str, width_pt: float, size_pt: float, bold: bool) -> list[str]:
    units: list[str] = []
    for unit in _units(text):  # a word wider than the whole line is broken anywhere
        long = len(unit) > 1 and text_width(unit, size_pt, bold) > width_pt
        units.extend(unit if long else [unit])
    lines: list[list[str]] = [[]]
    used = 0.0
    for unit in units:
        w = text_width(unit, size_pt, bold)
        current = lines[-1]
        if used + w <= width_pt or not current:
            current.append(unit)
            used += w
            continue
        if unit.isspace():  # a space at a break disappears
            lines.append([])
            used = 0.0
            continue
        carry: list[str] = []
        if unit[0] in NO_LINE_START:  # closing punctuation takes the character before it along
            while len(current) > 1:
                carry.insert(0, current.pop())
                if carry[0][0] not in NO_LINE_START:
                    break
        while len(current) > 1 and current[-1][-1] in NO_LINE_END:  # opening punctuation goes down too
            carry.insert(0, current.pop())
        lines.append([*carry, unit])
        used = sum(text_width(u, size_pt, bold) for u in lines[-1])
    return ["".join(line).rstrip() for line in lines]


def line_count(text: str, width_pt: float, size_pt: float, bold: bool = False) -> int:
    return _line_count(_measured.get(bold), text, width_pt, size_pt, bold)


@lru_cache(maxsize=65536)  # the fitter asks the same question at every candidate size
def _line_count(font: str | None, text: str, width_pt: float, size_pt: float, bold: bool) -> int:
    return len(wrap(text, width_pt, size_pt, bold))

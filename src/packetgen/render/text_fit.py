"""CJK-aware text measurement: real font metrics, line breaks between characters with 禁則.

python-pptx's fit_text breaks only at spaces, and PowerPoint's autofit acts only when PowerPoint edits
the text, so Japanese slides are measured here, before saving: each line is filled greedily with the
advance widths of the slide font, breaking between any two CJK characters but never inside a Latin
word or number, never starting a line with closing punctuation (、。」）…) and never ending one with
opening punctuation (「（…).
"""

from __future__ import annotations

import re
import shutil
import subprocess
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

FONT_FILES = (
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
)
UNITS = 1000  # widths are cached in thousandths of an em


@cache
def _font_path() -> str | None:
    for path in FONT_FILES:
        if Path(path).is_file():
            return path
    if shutil.which("fc-match"):
        out = subprocess.run(["fc-match", "-f", "%{file}", "IPAexGothic"], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.lower().endswith((".ttf", ".otf")):
            return out.stdout
    return None


@cache
def _font():  # PIL's FreeTypeFont, or None where the font is not installed
    path = _font_path()
    if path is None:
        return None
    from PIL import ImageFont

    return ImageFont.truetype(path, UNITS)


@cache
def char_width(char: str) -> float:
    """Advance width of one character in ems."""
    font = _font()
    if font is not None:
        return font.getlength(char) / UNITS
    # Without the font file: full width for CJK, a conservative 0.65 em for the rest.
    return 1.0 if ord(char) > 0x2E80 else 0.65


def text_width(text: str, size_pt: float) -> float:
    return sum(char_width(c) for c in text) * size_pt


def _units(text: str) -> list[str]:
    """Unbreakable pieces: a Latin word or number, a run of spaces, or one CJK character."""
    return _WORD.findall(text)


def wrap(text: str, width_pt: float, size_pt: float) -> list[str]:
    """Lines of ``text`` as it would wrap in a box ``width_pt`` wide at ``size_pt``."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width_pt, size_pt))
    return lines


def _wrap_paragraph(text: str, width_pt: float, size_pt: float) -> list[str]:
    units: list[str] = []
    for unit in _units(text):  # a word wider than the whole line is broken anywhere
        long = len(unit) > 1 and text_width(unit, size_pt) > width_pt
        units.extend(unit if long else [unit])
    lines: list[list[str]] = [[]]
    used = 0.0
    for unit in units:
        w = text_width(unit, size_pt)
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
        used = sum(text_width(u, size_pt) for u in lines[-1])
    return ["".join(line).rstrip() for line in lines]


@lru_cache(maxsize=65536)  # the fitter asks the same question at every candidate size
def line_count(text: str, width_pt: float, size_pt: float) -> int:
    return len(wrap(text, width_pt, size_pt))

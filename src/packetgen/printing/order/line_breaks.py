"""The order PDF's own line breaker (Japanese rules): anywhere between full-width characters, never
inside a run of Latin letters and digits (「No.1-1」, 「.pdf」) or of katakana (「ホチキス」), never inside
「要記入」; no line starts with closing punctuation or a small kana, none ends with an opening bracket
(the character moves along)."""

from __future__ import annotations

import re
from collections.abc import Callable

from packetgen.inputs.meeting import TO_FILL

_PIECE = re.compile(
    rf"{TO_FILL}|[A-Za-z0-9.][A-Za-z0-9.,:;/%&+\-_@#'’=~]*|[\u30a1-\u30fa\u30fc]+|[ \t\u3000]+|.", re.DOTALL
)
_NO_START = set("、。，．,.)）」』】〕〉》］]}・：；:;！？!?ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々～〜%")
_NO_END = set("（(「『【〔〈《［[{")


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (as ``measure`` gives widths)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        pieces: list[str] = []
        for piece in _PIECE.findall(paragraph):
            too_wide = measure(piece) > width and piece != TO_FILL
            pieces.extend(list(piece) if too_wide else [piece])  # a run wider than the line: by character
        line: list[str] = []
        used = 0.0
        for piece in pieces:
            w = measure(piece)
            if line and used + w > width and not piece.isspace():
                carry: list[str] = []
                if piece[0] in _NO_START and len(line) > 1:
                    carry.insert(0, line.pop())
                while len(line) > 1 and line[-1][-1] in _NO_END:
                    carry.insert(0, line.pop())
                if line[-1][-1] in _NO_END or sum(map(measure, carry)) + w > width:
                    line, carry = line + carry, []  # nothing to carry along that fits: the piece hangs
                lines.append("".join(line).rstrip())
                line, used = carry, sum(map(measure, carry))
            if not line and piece.isspace():
                continue  # no line starts with a space
            line.append(piece)
            used += w
        lines.append("".join(line).rstrip())
    return lines

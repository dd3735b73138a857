"""The order PDF's line-breaking rules (Japanese): anywhere between full-width characters, never
inside a run of Latin letters and digits (「No.1-1」, 「.pdf」) or of katakana (「ホチキス」), never inside
「要記入」; no line starts with closing punctuation or a small kana, none ends with an opening bracket
(the character moves along). The greedy breaker is core.linebreak's; the widths are reportlab's."""

from __future__ import annotations

import re
from collections.abc import Callable

from packetgen.core.linebreak import greedy_lines
from packetgen.core.linebreak.kinsoku import Rules
from packetgen.inputs.meeting import TO_FILL

RULES = Rules(
    no_line_start=frozenset(
        "、。，．,.)）」』】〕〉》］]}・：；:;！？!?ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々～〜%"
    ),
    no_line_end=frozenset("（(「『【〔〈《［[{"),
    pieces=re.compile(
        rf"{TO_FILL}|[A-Za-z0-9.][A-Za-z0-9.,:;/%&+\-_@#'’=~]*|[\u30a1-\u30fa\u30fc]+|[ \t\u3000]+|.", re.DOTALL
    ),
    whole=frozenset({TO_FILL}),  # a run wider than the line breaks by character, 「要記入」 never
)


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (as ``measure`` gives widths)."""
    return greedy_lines.wrap(text, width, measure, RULES)

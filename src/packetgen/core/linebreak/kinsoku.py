"""The character classes and 禁則 of Japanese line breaking, and ``Rules``: one caller's rules as data.

禁則: no line starts with closing punctuation, a small kana, an iteration mark or a long vowel
(、。」）ッー々), none ends with an opening bracket (「（). ``KINSOKU`` holds the full sets, as the
slides and the findings sheet break; the order sheet and the terminal keep the smaller sets and the
greedy ways they had (their ``Rules`` are theirs: printing/order/line_breaks.py, cli/japanese_help.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NO_LINE_START = frozenset(
    "、。，．,.・：；:;？！?!）)］]｝}〕〉》」』】〙〗〟’”｠»"  # closing punctuation
    "ゝゞー々〻‐゠–〜～％%"  # iteration marks, long vowel, dashes, percent
    "ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ"  # small kana
)
NO_LINE_END = frozenset("（(［[｛{〔〈《「『【〘〖〝‘“｟«")
NUMBER_PREFIX = frozenset("−△▲￥＄＃№")  # they belong to the number after them: never at a line end
LATIN_WORD = r"[A-Za-z0-9][A-Za-z0-9.,:/%&+\-_@#'’]*"  # a word, number or URL: never broken while it fits


def script(char: str) -> str:
    """kana (katakana), kanji, latin (ASCII letters and digits) or other."""
    code = ord(char)
    if 0x30A0 <= code <= 0x30FF:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF or char in "々〆":
        return "kanji"
    if char.isascii() and char.isalnum():
        return "latin"
    return "other"


@dataclass(frozen=True, eq=False)  # compared by identity: each caller's rules are one constant
class Rules:
    """One caller's line-breaking rules: its 禁則 sets and the runs it keeps whole (``pieces``), then
    how the greedy breaker (``greedy_lines``) treats wide pieces, spaces and what it carries along.
    The greedy options keep the order sheet's and the terminal's ways as they were before the
    breakers were one; the phrase-aware breaker uses only the sets and the pieces."""

    no_line_start: frozenset[str]
    no_line_end: frozenset[str]
    pieces: re.Pattern[str]  # a line breaks only between two pieces (one match is one piece)
    whole: frozenset[str] = frozenset()  # pieces never broken between characters, however wide (「要記入」)
    split_wide: bool = True  # a piece wider than a line breaks between characters; else it runs over
    chain: bool = False  # a carried piece that may not start a line takes the piece before it along too
    carry_fits: bool = True  # carry only what fits the next line with the piece; else break before the piece
    gaps: bool = False  # a run of spaces is one space between pieces: not a piece, never carried to a line's start

    def breaks(self, text: str) -> list[int]:
        """Offsets where a line of ``text`` may break at all: between two pieces, never before a space
        or a character that may not start a line, never after one that may not end a line."""
        return [
            k
            for k in (m.start() for m in self.pieces.finditer(text))
            if k and not text[k].isspace() and text[k] not in self.no_line_start and text[k - 1] not in self.no_line_end
        ]


# The full rules: Latin words whole, and no break inside a run of one dash or ellipsis (……, ——).
KINSOKU = Rules(
    NO_LINE_START,
    NO_LINE_END | NUMBER_PREFIX,
    re.compile(rf"{LATIN_WORD}|…+|‥+|—+|―+|.", re.DOTALL),
)

"""The one line breaker (packetgen.core.linebreak) against the breakers it replaced, kept here verbatim
and only here: on many random strings the order sheet's and the terminal's greedy lines, and the
slides' character breaks, are exactly what they were (issue 21: the packet stays byte for byte)."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from packetgen.cli.japanese_help import wrap as terminal_wrap
from packetgen.core.japanese import display_width
from packetgen.core.linebreak.kinsoku import KINSOKU, NO_LINE_END, NO_LINE_START, NUMBER_PREFIX
from packetgen.inputs.meeting import TO_FILL
from packetgen.printing.order.line_breaks import wrap as order_wrap

MANY = settings(max_examples=1500, deadline=None, database=None)

# --- the old breakers, as they were before issue 21 ----------------------------------------------
_OLD_PIECE = re.compile(
    rf"{TO_FILL}|[A-Za-z0-9.][A-Za-z0-9.,:;/%&+\-_@#'’=~]*|[\u30a1-\u30fa\u30fc]+|[ \t\u3000]+|.", re.DOTALL
)
_OLD_ORDER_NO_START = set(
    "、。，．,.)）」』】〕〉》］]}・：；:;！？!?ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々～〜%"
)
_OLD_ORDER_NO_END = set("（(「『【〔〈《［[{")


def old_order_wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        pieces: list[str] = []
        for piece in _OLD_PIECE.findall(paragraph):
            too_wide = measure(piece) > width and piece != TO_FILL
            pieces.extend(list(piece) if too_wide else [piece])
        line: list[str] = []
        used = 0.0
        for piece in pieces:
            w = measure(piece)
            if line and used + w > width and not piece.isspace():
                carry: list[str] = []
                if piece[0] in _OLD_ORDER_NO_START and len(line) > 1:
                    carry.insert(0, line.pop())
                while len(line) > 1 and line[-1][-1] in _OLD_ORDER_NO_END:
                    carry.insert(0, line.pop())
                if line[-1][-1] in _OLD_ORDER_NO_END or sum(map(measure, carry)) + w > width:
                    line, carry = line + carry, []
                lines.append("".join(line).rstrip())
                line, used = carry, sum(map(measure, carry))
            if not line and piece.isspace():
                continue
            line.append(piece)
            used += w
        lines.append("".join(line).rstrip())
    return lines


_OLD_TERMINAL_NO_START = set(
    "、。，．,.)）」』】〕〉》］]}’”・：；:;!?！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥"
)
_OLD_TERMINAL_NO_END = set("(（「『【〔〈《［[{‘“")
_OLD_TOKEN = re.compile(r"[!-~]+|\s+|.")


def old_terminal_wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current: list[str] = []
    for token in _OLD_TOKEN.findall(text):
        if token.isspace():
            if current:
                current.append(" ")
            continue
        if current and display_width("".join(current) + token) > width:
            carry: list[str] = []
            while len([t for t in current if t != " "]) > 1 and (
                (carry[0] if carry else token)[0] in _OLD_TERMINAL_NO_START
                or next(t for t in reversed(current) if t != " ")[-1] in _OLD_TERMINAL_NO_END
            ):
                carry.insert(0, current.pop())
                while current and current[-1] == " ":
                    current.pop()
            lines.append("".join(current).rstrip())
            current = [t for t in carry if t != " "] if carry and carry[0] == " " else carry
        current.append(token)
    if current:
        lines.append("".join(current).rstrip())
    return lines or [""]


_OLD_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%&+\-_@#'’]*")


def old_char_breaks(text: str) -> list[int]:
    inside = {k for m in _OLD_LATIN_WORD.finditer(text) for k in range(m.start() + 1, m.end())}
    return [
        k
        for k in range(1, len(text))
        if k not in inside
        and not text[k].isspace()
        and text[k] not in NO_LINE_START
        and text[k - 1] not in NO_LINE_END
        and text[k - 1] not in NUMBER_PREFIX
        and not (text[k] == text[k - 1] and text[k] in "…‥—―")
    ]


# --- random text that exercises every rule --------------------------------------------------------
KINSOKU_MARKS = sorted(
    NO_LINE_START
    | NO_LINE_END
    | NUMBER_PREFIX
    | _OLD_ORDER_NO_START
    | _OLD_ORDER_NO_END
    | _OLD_TERMINAL_NO_START
    | _OLD_TERMINAL_NO_END
)
PIECES = [
    *KINSOKU_MARKS,
    *"あいうかきくアイウカキクー漢字資料会議地方ABCxyz0123456789.,:;/%&+-_@#'’=~…‥—―・／",
    " ", "  ", "\t", "\u3000", "\n", "\r", "\x0b", TO_FILL, "要記", "No.1-1", "https://example.jp/a_b?c=d",
    "ホチキス", "資料No.1", "（案）", "「変更なし」", "2030年度", "5か年",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _order_width(piece: str) -> float:
    """Widths of several sizes, not additive (a run is a little narrower than its characters)."""
    each = sum(0.5 if c.isascii() else 1.0 if ord(c) > 0x2E80 else 0.73 for c in piece)
    return each - 0.05 * (len(piece) - 1) if piece else 0.0


@MANY
@given(texts, st.floats(min_value=0.5, max_value=25))
def test_the_order_sheet_breaks_as_it_did(text: str, width: float) -> None:
    assert order_wrap(text, width, _order_width) == old_order_wrap(text, width, _order_width)


@MANY
@given(texts, st.integers(min_value=1, max_value=40))
def test_the_terminal_breaks_as_it_did(text: str, columns: int) -> None:
    assert terminal_wrap(text, columns) == old_terminal_wrap(text, columns)


@MANY
@given(texts)
def test_the_slides_break_between_characters_where_they_did(text: str) -> None:
    assert KINSOKU.breaks(text) == old_char_breaks(text)

"""Greedy line breaking: as many pieces a line as fit, then 禁則 by carrying the end of the full line
along to the next one. The order sheet and the terminal break so, each by its own ``Rules`` (which
runs are pieces, which characters may not start or end a line, how wide pieces, spaces and carried
pieces are treated) and its own widths; the slides break between phrases (``phrase_lines``).
"""

from __future__ import annotations

from collections.abc import Callable

from packetgen.core.linebreak.kinsoku import Rules

Width = Callable[[str], float]  # the width of a piece, in the caller's units


def wrap(text: str, width: float, measure: Width, rules: Rules) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (as ``measure`` gives widths), "\\n"
    separating paragraphs; no line starts with a space, and none keeps its trailing spaces."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_paragraph(paragraph, width, measure, rules))
    return lines


def _pieces(paragraph: str, width: float, measure: Width, rules: Rules) -> list[str]:
    pieces: list[str] = []
    for piece in rules.pieces.findall(paragraph):
        if rules.gaps and piece.isspace():
            pieces.append(" ")
        elif rules.split_wide and piece not in rules.whole and measure(piece) > width:
            pieces.extend(piece)  # a run wider than a line: by character
        else:
            pieces.append(piece)
    return pieces


def _paragraph(paragraph: str, width: float, measure: Width, rules: Rules) -> list[str]:
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for piece in _pieces(paragraph, width, measure, rules):
        w = measure(piece)
        if line and used + w > width and not piece.isspace():
            full, line = _carry(line, piece, rules)
            if (
                rules.carry_fits
                and line
                and (_last(full, rules)[-1] in rules.no_line_end or _sum(line, measure) + w > width)
            ):
                full, line = full + line, []  # what would move does not fit there: the line breaks before the piece
            lines.append("".join(full).rstrip())
            used = _sum(line, measure)
        if line or not piece.isspace():  # no line starts with a space
            line.append(piece)
            used += w
    lines.append("".join(line).rstrip())
    return lines


def _carry(line: list[str], piece: str, rules: Rules) -> tuple[list[str], list[str]]:
    """A full ``line`` split before ``piece`` comes: the pieces that stay, and those that move to the
    next line so that it does not start with a piece that may not start a line and this one does not
    end with one that may not end a line. At least one piece stays."""
    kept, moved = list(line), []
    while _count(kept, rules) > 1 and (_bad_start(moved, piece, rules) or _last(kept, rules)[-1] in rules.no_line_end):
        moved.insert(0, kept.pop())
        while rules.gaps and kept[-1] == " ":  # the space before a moved piece goes with the break
            kept.pop()
    while rules.gaps and moved and moved[0] == " ":
        moved.pop(0)
    return kept, moved


def _bad_start(moved: list[str], piece: str, rules: Rules) -> bool:
    """Whether the next line would start with a piece that may not start a line: the piece that broke
    the line, or, where the rules chain, the first piece moved along with it."""
    if moved and not rules.chain:
        return False
    return (moved or [piece])[0][0] in rules.no_line_start


def _count(line: list[str], rules: Rules) -> int:
    return len([p for p in line if p != " "]) if rules.gaps else len(line)


def _last(line: list[str], rules: Rules) -> str:
    return next(p for p in reversed(line) if p != " ") if rules.gaps else line[-1]


def _sum(pieces: list[str], measure: Width) -> float:
    return sum(map(measure, pieces))

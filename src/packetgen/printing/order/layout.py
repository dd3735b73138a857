"""What the order's two printed forms (as_xlsx.py, as_pdf.py) share: the heading block's items paired
two to a row, the wrapping columns' widths balanced, numbers shown with thousands separators, and
the notice of what staff must still fill in."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from packetgen.inputs.meeting import TO_FILL
from packetgen.printing.order.model import Order


def pair_items(items: Iterable[tuple[str, str]], short: Callable[[str], bool]) -> list[list[tuple[str, str]]]:
    """The heading items in reading order, two to a row where both values are ``short`` (fit half the
    width on one line: 発注日 | 納期), alone across the row otherwise (件名, 丁合 …): a form's heading
    block, half as tall, so a usual order stays on one page."""
    rows: list[list[tuple[str, str]]] = []
    open_row = False  # the last row holds one short item and can take another
    for key, value in items:
        if short(value) and open_row:
            rows[-1].append((key, value))
            open_row = False
        else:
            rows.append([(key, value)])
            open_row = short(value)
    return rows


def shown(value: object) -> str:
    """A cell's value as printed: whole numbers with thousands separators."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def balance(
    texts: dict[str, list[str]],
    least: dict[str, float],
    most: dict[str, float],
    room: float,
    lines: Callable[[str, float], int],
    step: float,
) -> dict[str, float]:
    """Widths for the wrapping columns (``texts``: each column's values) that share ``room``: the
    fewest lines L such that every value fits in L lines at widths that add up to no more than
    ``room``, each column at the narrowest width that does it (found by halving, to ``step``); what is
    left goes to the columns in proportion to the width their longest value still lacks (``most``).
    So 資料名, ファイル and 綴じ方 take two lines each rather than one of them four."""

    def narrowest(name: str, count: int) -> float:
        low, high = least[name], max(most[name], least[name])
        if any(lines(t, high) > count for t in texts[name]):
            return math.inf
        while high - low > step:
            mid = (low + high) / 2
            low, high = (low, mid) if all(lines(t, mid) <= count for t in texts[name]) else (mid, high)
        return high

    for count in range(1, 9):
        widths = {name: narrowest(name, count) for name in texts}
        if sum(widths.values()) <= room:
            break
    else:  # not even in 8 lines: each column its least width (the text wraps by character)
        widths = dict(least)
    spare = room - sum(widths.values())
    lacking = {name: max(most[name] - widths[name], 0.0) for name in texts}
    if spare > 0:
        total = sum(lacking.values())
        for name in texts:
            widths[name] += spare * (lacking[name] / total if total else 1 / len(texts))
    return widths


def to_fill_notice(order: Order) -> str:
    return f"「{TO_FILL}」の欄（{'・'.join(order.to_fill)}）は、発注の前に記入してください。"

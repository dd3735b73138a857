"""Where a line may end between phrases: the boundaries BudouX finds, and after a space or a 「～」,
corrected where BudouX parts what belongs together: never between a number and its unit (2030｜年度,
5か｜年), after 「第」 before its number, after a heading's number (「3　誰一人…」), nor after the first
kanji of a compound (BudouX's rare 「デジタル分｜野」).

BudouX is imported on first use (its Japanese model loads in about a millisecond).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from packetgen.core.linebreak.kinsoku import NO_LINE_END, script

_LABEL = re.compile(r"\s*[(（]?[0-9０-９①-⑳]{1,2}[.．)）]?\s*$")
_NUMBER_END = re.compile(r"[0-9０-９][かヶカケ箇]?$")  # 「5か」 of 「5か年」 keeps its unit


@cache
def _parser():  # BudouX's Japanese model
    import budoux

    return budoux.load_default_japanese_parser()


@lru_cache(maxsize=16384)  # BudouX parses each paragraph once, however often it is measured
def phrase_breaks(text: str) -> frozenset[int]:
    """Offsets where a line of ``text`` may end without splitting a phrase."""
    bounds: set[int] = set()
    at = 0
    for phrase in _parser().parse(text):
        at += len(phrase)
        bounds.add(at)
    bounds.update(k for k in range(1, len(text)) if text[k - 1].isspace() or text[k - 1] == "～")  # 2022～|2026年度
    return frozenset(
        k
        for k in bounds
        if 0 < k < len(text)
        and not (_NUMBER_END.search(text, 0, k) and text[k] not in NO_LINE_END)  # 2030年度, 5か年
        and not (text[k - 1] == "第" and text[k].isdigit())
        and not _LABEL.match(text, 0, k)  # 「3　誰一人…」: a number heading a text stays with it
        and not lone_kanji(text, k)
    )


def lone_kanji(text: str, k: int) -> bool:
    """A break after a single kanji that begins a compound: BudouX's 「デジタル分｜野」「中小・中｜堅企業」."""
    before = script(text[k - 2]) if k >= 2 else ""
    return script(text[k - 1]) == script(text[k]) == "kanji" and before != "kanji"

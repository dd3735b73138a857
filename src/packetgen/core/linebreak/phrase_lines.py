"""Phrase-aware line breaking: phrases (``phrases``), 禁則 (``Rules``), the caller's widths, no widows.

A line breaks at a phrase boundary or after a space; only a phrase longer than the whole line is
broken between characters, preferring a change of script (カタカナ|漢字) or a 「・」, always within
the rules. A short bracketed group (「（鹿児島県三島村）」) is one phrase where a line holds it whole.
A last line of one or two characters is rebalanced by breaking the line before it earlier.

Widths are in ems, from a ``Measure`` the caller passes: the slides measure the advance widths of
their font plus the space LibreOffice sets between Japanese and Latin text (render/text_fit.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Protocol

from packetgen.core.linebreak.kinsoku import Rules, script
from packetgen.core.linebreak.phrases import phrase_breaks

Bold = bool | tuple[bool, ...]  # the whole paragraph, or per character


class Measure(Protocol):
    """Widths in ems as the caller's renderer sets a paragraph. Hashable (a frozen dataclass): what
    is worked out for a paragraph is kept per measure."""

    def advances(self, text: str, bold: tuple[bool, ...]) -> Sequence[float]:
        """The advance width of each character, bold where ``bold`` says."""
        ...

    def gaps(self, text: str) -> Sequence[float]:
        """The space the renderer adds before each character (0 for the first)."""
        ...


@dataclass(frozen=True)
class Quality:
    """How a paragraph broke: phrase splits (a break inside a phrase), the forced ones among them (the
    phrase is wider than the line), and whether the last line is a widow (≤ 2 characters)."""

    lines: int
    splits: int
    forced: int
    widow: bool
    at: tuple[tuple[int, bool], ...] = ()  # each split: its offset, and whether it was forced


@dataclass(frozen=True)
class _Analysis:
    """What the breaker needs of one paragraph, computed once: widths and break opportunities."""

    text: str
    prefix: tuple[float, ...]  # advance widths in ems, summed: prefix[k] = width of text[:k]
    gaps: tuple[float, ...]  # the renderer's space before each character (none at the start of a line)
    phrase: frozenset[int]  # offsets k where a line may end at text[:k] between phrases
    chars: tuple[int, ...]  # every offset where a line may break at all (禁則, Latin words whole)
    script: frozenset[int]  # char breaks at a change of script, preferred inside a long phrase
    groups: tuple[tuple[int, int], ...] = ()  # short bracketed groups: one phrase where a line holds them

    def in_whole_group(self, k: int, width_em: float) -> bool:
        """Whether offset k falls inside a bracketed group a line of ``width_em`` holds whole."""
        return any(s < k < e and self.width(s, e) <= width_em for s, e in self.groups)

    def phrase_break(self, k: int, width_em: float) -> bool:
        """A phrase boundary a line of ``width_em`` may end at: not inside a bracketed group that fits
        a line whole (「（鹿児島県｜三島村）」: BudouX splits some place names, not others)."""
        return k in self.phrase and not self.in_whole_group(k, width_em)

    def width(self, start: int, end: int) -> float:
        """Width of text[start:end] in ems, trailing spaces not counted (they hang at a break)."""
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return self.prefix[end] - self.prefix[start] - (self.gaps[start] if end > start else 0.0)


_BRACKETED = re.compile(r"（[^（）、。]{1,20}）")
_SCRIPT_CHANGES = ({"kana", "kanji"}, {"latin", "kana"}, {"latin", "kanji"})


@lru_cache(maxsize=16384)
def _analyse(measure: Measure, rules: Rules, text: str, bold: Bold) -> _Analysis:
    flags = bold if isinstance(bold, tuple) else (bold,) * len(text)
    gaps = tuple(measure.gaps(text))
    prefix = [0.0]
    for gap, advance in zip(gaps, measure.advances(text, flags), strict=True):
        prefix.append(prefix[-1] + gap + advance)
    chars = rules.breaks(text)
    allowed = set(chars)
    phrase = frozenset(k for k in phrase_breaks(text) if k in allowed)
    changes = frozenset(
        k
        for k in chars
        if {script(text[k - 1]), script(text[k])} in _SCRIPT_CHANGES
        or text[k - 1] in "・／/"  # スタートアップ・|エコシステム
    )
    groups = tuple(m.span() for m in _BRACKETED.finditer(text))
    return _Analysis(text, tuple(prefix), gaps, phrase, tuple(chars), changes, groups)


def _breaks(a: _Analysis, width_em: float) -> list[int]:
    """Line ends (offsets), greedily: as many phrases per line as fit; a phrase wider than a whole
    line fills the line and breaks between characters."""
    n = len(a.text)
    ends: list[int] = []
    start = 0
    while a.width(start, n) > width_em:
        fits = [k for k in a.phrase if start < k < n and a.width(start, k) <= width_em and a.phrase_break(k, width_em)]
        end = max(fits, default=None)
        following = min((k for k in a.phrase if k > (end or start) and a.phrase_break(k, width_em)), default=n)
        if end is None or a.width(end, following) > width_em:  # the next phrase cannot fit any line
            end = _inside_phrase(a, end or start, start, width_em) or end
        if end is None:  # not even a Latin word fits (a URL): break it anywhere
            end = _anywhere(a, start, width_em)
        ends.append(end)
        start = end
    if not ends or ends[-1] != n:  # a last character wider than the box has ended the text already
        ends.append(n)
    return ends


def _good_break(a: _Analysis, fits: list[int], good: Collection[int], width_em: float) -> int:
    """The last of ``fits``, or a better break before it (at most half the line back)."""
    near = [k for k in fits if k in good and a.width(k, fits[-1]) <= width_em * 0.5]
    return (near or fits)[-1]


def _inside_phrase(a: _Analysis, lowest: int, start: int, width_em: float) -> int | None:
    """The last character break after ``lowest`` that fits, or a phrase boundary or change of script
    close to it (デジタル|田園都市)."""
    fits = [k for k in a.chars if k >= lowest and k > start and a.width(start, k) <= width_em]
    if not fits:
        return None
    # no good break falls inside a bracketed group a line holds whole
    good = {k for k in a.script | a.phrase if not a.in_whole_group(k, width_em)}
    return _good_break(a, fits, good, width_em)


def _anywhere(a: _Analysis, start: int, width_em: float) -> int:
    n = len(a.text)
    fits = [k for k in range(start + 1, n) if a.width(start, k) <= width_em] or [start + 1]
    return _good_break(a, fits, {k for k in fits if a.text[k - 1] in "/.-_?&"}, width_em)


def _visible(a: _Analysis, start: int, end: int) -> int:
    return len(a.text[start:end].strip())


def _widow(a: _Analysis, ends: list[int]) -> bool:
    return len(ends) > 1 and _visible(a, ends[-2], ends[-1]) <= 2


def _splits(a: _Analysis, ends: list[int]) -> int:
    return sum(k not in a.phrase for k in ends[:-1])


def _no_widow(a: _Analysis, ends: list[int], width_em: float) -> list[int]:
    """A last line of ≤ 2 characters takes the last phrase(s) of the line before it along; failing
    that, the paragraph is broken narrower, keeping its number of lines and phrase splits."""
    if not _widow(a, ends):
        return ends
    n = len(a.text)
    before = ends[-3] if len(ends) > 2 else 0
    for k in sorted((k for k in a.phrase if before < k < ends[-2]), reverse=True):
        if a.width(k, n) > width_em:
            break
        if _visible(a, k, n) > 2:
            return [*ends[:-2], k, n]
    for step in range(1, 7):
        narrower = _breaks(a, width_em * (1 - 0.05 * step))
        if len(narrower) == len(ends) and not _widow(a, narrower) and _splits(a, narrower) <= _splits(a, ends):
            return narrower
    return ends


def _lines(a: _Analysis, width_em: float) -> list[int]:
    return _no_widow(a, _breaks(a, width_em), width_em)


def wrap(measure: Measure, rules: Rules, text: str, width_em: float, bold: Bold = False) -> list[str]:
    """Lines of ``text`` in a box ``width_em`` wide; "\\n" separates paragraphs. Each paragraph's
    lines join back to it exactly (a space at a break stays at the end of its line)."""
    lines: list[str] = []
    offset = 0
    for paragraph in text.split("\n"):
        flags = bold[offset : offset + len(paragraph)] if isinstance(bold, tuple) else bold
        offset += len(paragraph) + 1
        if not paragraph:
            lines.append("")
            continue
        a = _analyse(measure, rules, paragraph, flags)
        ends = _lines(a, width_em)
        lines.extend(paragraph[s:e] for s, e in zip([0, *ends], ends, strict=False))
    return lines


def quality(
    measure: Measure, rules: Rules, text: str, width_em: float, bold: Bold = False, lines: Sequence[str] = ()
) -> Quality:
    """How one paragraph (no "\\n") breaks in a box ``width_em`` wide, or, given its ``lines`` (as a
    deck carries them), how those break: the typesetting report's view."""
    if not text:
        return Quality(1, 0, 0, False)
    a = _analyse(measure, rules, text, bold)
    ends = list(accumulate(len(line) for line in lines)) if lines else _lines(a, width_em)
    at = []
    for k in ends[:-1]:
        if k not in a.phrase:
            left = max((b for b in a.phrase if b < k), default=0)
            right = min((b for b in a.phrase if b > k), default=len(text))
            at.append((k, a.width(left, right) > width_em))
    return Quality(len(ends), len(at), sum(f for _, f in at), _widow(a, ends), tuple(at))


def line_width(measure: Measure, rules: Rules, text: str, bold: Bold = False) -> float:
    """Width in ems of ``text`` set on one line, the renderer's gaps included."""
    return _analyse(measure, rules, text, bold).width(0, len(text)) if text else 0.0


def widest_phrase(measure: Measure, rules: Rules, text: str, bold: Bold = False) -> float:
    """Width in ems of the widest phrase of ``text``: a box narrower than this splits a phrase."""
    widest = 0.0
    for paragraph in text.split("\n"):
        if paragraph:
            a = _analyse(measure, rules, paragraph, bold)
            ends = sorted(a.phrase | {len(paragraph)})
            widest = max(widest, *(a.width(s, e) for s, e in zip([0, *ends], ends, strict=False)))
    return widest

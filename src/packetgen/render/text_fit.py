"""Japanese line breaking for slides: phrases (BudouX), 禁則, real font metrics, no widows.

python-pptx's fit_text breaks only at spaces, and PowerPoint and LibreOffice break Japanese between
any two characters, so slide text is broken here, before saving, and the deck carries the breaks
(pptx_shapes writes them as <a:br/>). A line breaks at a phrase boundary that BudouX finds or after a
space, never between a number and its unit nor after the first kanji of a compound (BudouX's rare
「デジタル分｜野」); only a phrase longer than the whole line is broken between characters, preferring a
change of script (カタカナ|漢字) or a 「・」, always with 禁則 (no line starts with 、。」）… and none ends
with 「（…). A last line of one or two characters is rebalanced by breaking the line before it earlier.
Widths are the advance widths of the slide font (the font setting's ゴシック), bold where the text is
bold, plus the quarter em LibreOffice sets between Japanese and Latin text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path

# 禁則: characters that may not begin a line, and ones that may not end a line.
NO_LINE_START = set(
    "、。，．,.・：；:;？！?!）)］]｝}〕〉》」』】〙〗〟’”｠»"  # closing punctuation
    "ゝゞー々〻‐゠–〜～％%"  # iteration marks, long vowel, dashes, percent
    "ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ"  # small kana
)
NO_LINE_END = set("（(［[｛{〔〈《「『【〘〖〝‘“｟«")
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


Bold = bool | tuple[bool, ...]  # the whole paragraph, or per character


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
    gaps: tuple[float, ...]  # the autospace before each character (none at the start of a line)
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
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%&+\-_@#'’]*")
_LABEL = re.compile(r"\s*[(（]?[0-9０-９①-⑳]{1,2}[.．)）]?\s*$")
_NUMBER_END = re.compile(r"[0-9０-９][かヶカケ箇]?$")  # 「5か」 of 「5か年」 keeps its unit
NUMBER_PREFIX = set("−△▲￥＄＃№")  # they belong to the number after them: never at a line end


@cache
def _parser():  # BudouX's Japanese model, loaded on first use (~1 ms)
    import budoux

    return budoux.load_default_japanese_parser()


AUTOSPACE = 0.25  # LibreOffice sets a quarter em between Japanese and Latin text; PowerPoint does not


def _asian(char: str) -> bool:
    return ord(char) >= 0x2E80


def _autospace(before: str, after: str) -> float:
    """The space LibreOffice adds between Japanese and Latin characters (measured in its PDFs: 0.24 em
    either way, but none after Japanese before a space or a symbol such as ※)."""
    if _asian(before) == _asian(after):
        return 0.0
    if _asian(before):
        return AUTOSPACE if after.isascii() and not after.isspace() else 0.0
    return AUTOSPACE


def _script(char: str) -> str:
    code = ord(char)
    if 0x30A0 <= code <= 0x30FF:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF or char in "々〆":
        return "kanji"
    if char.isascii() and char.isalnum():
        return "latin"
    return "other"


def _char_breaks(text: str) -> list[int]:
    inside = {k for m in _LATIN_WORD.finditer(text) for k in range(m.start() + 1, m.end())}
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


@lru_cache(maxsize=16384)  # BudouX parses each paragraph once, however often it is measured
def _phrase_breaks(text: str) -> frozenset[int]:
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
        and not _lone_kanji(text, k)
    )


def _lone_kanji(text: str, k: int) -> bool:
    """A break after a single kanji that begins a compound: BudouX's 「デジタル分｜野」「中小・中｜堅企業」."""
    before = _script(text[k - 2]) if k >= 2 else ""
    return _script(text[k - 1]) == _script(text[k]) == "kanji" and before != "kanji"


@lru_cache(maxsize=16384)
def _analyse(font: str | None, bold_font: str | None, text: str, bold: Bold) -> _Analysis:
    flags = bold if isinstance(bold, tuple) else (bold,) * len(text)
    gaps = tuple(_autospace(text[k - 1], text[k]) if k else 0.0 for k in range(len(text)))
    prefix = [0.0]
    for char, heavy, gap in zip(text, flags, gaps, strict=True):
        prefix.append(prefix[-1] + gap + _char_width(bold_font if heavy else font, char))
    chars = _char_breaks(text)
    allowed = set(chars)
    phrase = frozenset(k for k in _phrase_breaks(text) if k in allowed)
    script = frozenset(
        k
        for k in chars
        if {_script(text[k - 1]), _script(text[k])} in ({"kana", "kanji"}, {"latin", "kana"}, {"latin", "kanji"})
        or text[k - 1] in "・／/"  # スタートアップ・|エコシステム
    )
    groups = tuple(m.span() for m in _BRACKETED.finditer(text))
    return _Analysis(text, tuple(prefix), gaps, phrase, tuple(chars), script, groups)


def _analysis(text: str, bold: Bold) -> _Analysis:
    return _analyse(_measured.get(False), _measured.get(True), text, bold)


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


def wrap(text: str, width_pt: float, size_pt: float, bold: Bold = False) -> list[str]:
    """Lines of ``text`` in a box ``width_pt`` wide at ``size_pt``; "\\n" separates paragraphs. Each
    paragraph's lines join back to it exactly (a space at a break stays at the end of its line)."""
    lines: list[str] = []
    offset = 0
    for paragraph in text.split("\n"):
        flags = bold[offset : offset + len(paragraph)] if isinstance(bold, tuple) else bold
        offset += len(paragraph) + 1
        lines.extend(_wrap_paragraph(paragraph, width_pt, size_pt, flags))
    return lines


def _wrap_paragraph(text: str, width_pt: float, size_pt: float, bold: Bold) -> list[str]:
    if not text:
        return [""]
    a = _analysis(text, bold)
    ends = _lines(a, width_pt / size_pt)
    return [text[s:e] for s, e in zip([0, *ends], ends, strict=False)]


def quality(text: str, width_pt: float, size_pt: float, bold: Bold = False, lines: Sequence[str] = ()) -> Quality:
    """How one paragraph (no "\\n") breaks in a box ``width_pt`` wide, or, given its ``lines`` (as a
    deck carries them), how those break: the typesetting report's view."""
    if not text:
        return Quality(1, 0, 0, False)
    a = _analysis(text, bold)
    width_em = width_pt / size_pt
    ends = list(accumulate(len(line) for line in lines)) if lines else _lines(a, width_em)
    at = []
    for k in ends[:-1]:
        if k not in a.phrase:
            left = max((b for b in a.phrase if b < k), default=0)
            right = min((b for b in a.phrase if b > k), default=len(text))
            at.append((k, a.width(left, right) > width_em))
    return Quality(len(ends), len(at), sum(f for _, f in at), _widow(a, ends), tuple(at))


def line_width(text: str, size_pt: float, bold: Bold = False) -> float:
    """Width in points of ``text`` set on one line, the renderer's spacing of Japanese and Latin included."""
    return _analysis(text, bold).width(0, len(text)) * size_pt if text else 0.0


def widest_phrase(text: str, size_pt: float, bold: Bold = False) -> float:
    """Width in points of the widest phrase of ``text``: a box narrower than this splits a phrase."""
    widest = 0.0
    for paragraph in text.split("\n"):
        if paragraph:
            a = _analysis(paragraph, bold)
            ends = sorted(a.phrase | {len(paragraph)})
            widest = max(widest, *(a.width(s, e) for s, e in zip([0, *ends], ends, strict=False)))
    return widest * size_pt


def phrase_breaks(text: str) -> frozenset[int]:
    """Offsets where a line of ``text`` may end without splitting a phrase."""
    return _phrase_breaks(text)


def line_count(text: str, width_pt: float, size_pt: float, bold: Bold = False) -> int:
    return _line_count(_measured.get(False), _measured.get(True), text, width_pt, size_pt, bold)


@lru_cache(maxsize=65536)  # the fitter asks the same question at every candidate size
def _line_count(font: str | None, bold_font: str | None, text: str, width_pt: float, size_pt: float, bold: Bold) -> int:
    return len(wrap(text, width_pt, size_pt, bold))

"""Japanese punctuation of text inputs (JLReq, JIS X 4051): what a careful typesetter would fix.

Text extracted from PDFs, or typed on a half-width keyboard, carries Latin punctuation into Japanese
sentences: 「(参考)」 for 「（参考）」, 「<主要KPI>」 for 「＜主要KPI＞」, 「-1.2%」 with a hyphen for a
minus, 「12~13」 with an ASCII tilde (drawn as a raised ˜) for 「12～13」, spaces typed beside 、。 and
brackets, or between Japanese and Latin text (the renderer spaces those itself). ``normalise`` fixes
them; ``slips`` says what it would change, for `packetgen check`. Text with no Japanese in it (a URL,
an English title) is left alone, and so is a parenthesis around Latin after Latin: 「Beyond 5G (6G)」.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

PAIRS = {"(": ")", "<": ">", "[": "]"}
FULL = {"(": "（", ")": "）", "<": "＜", ">": "＞", "[": "［", "]": "］"}
FULL_OPEN = set("（＜［「『【〔〈《｛")
FULL_CLOSE = set("）＞］」』】〕〉》｝")
FULL_PUNCT = set("、。，．：；！？")
TILDES = "~˜〜"  # ASCII tilde, small tilde (what PDFs extract), WAVE DASH: all become ～ (FULLWIDTH TILDE)
MINUS = "−"
# a number heading its text, 「1 地方に」「1-4 施策」, keeps a (全角) separator
_SECTION = re.compile(r"(?:^\d{1,2}\.?|(?:^|[\s　])\d+(?:-\d+)+)$")
_URL = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+")


def japanese(char: str) -> bool:
    """Kana, kanji and Japanese punctuation (a full-width form counts as Japanese)."""
    return ord(char) >= 0x3000


def has_japanese(text: str) -> bool:
    return any(japanese(c) for c in text)


def _prev(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return text[j] if j >= 0 else ""


def _next(text: str, i: int) -> str:
    j = i + 1
    while j < len(text) and text[j] == " ":
        j += 1
    return text[j] if j < len(text) else ""


def _brackets(text: str) -> str:
    """Half-width brackets around or beside Japanese become full-width; (6G) after Latin stays."""
    text = text.replace("‹", "<").replace("›", ">")  # what PDFs extract for a half-width < >
    chars = list(text)
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for i, c in enumerate(text):
        if c in PAIRS:
            stack.append(i)
        elif c in PAIRS.values():
            while stack and PAIRS[text[stack[-1]]] != c:
                stack.pop()
            if stack:
                pairs[stack.pop()] = i
    for start, end in pairs.items():
        before = _prev(text, start)
        latin = not has_japanese(text[start + 1 : end]) and before.isascii() and before.isalnum()
        if not latin:  # 「Beyond5G (6G)」 keeps its Latin parentheses
            chars[start], chars[end] = FULL[text[start]], FULL[text[end]]
    paired = set(pairs) | set(pairs.values())
    for i, c in enumerate(text):  # an unpaired 「例)」 goes by its neighbours; a lone < > is a sign
        if i not in paired and c in "()[]" and (japanese(_prev(text, i) or "a") or japanese(_next(text, i) or "a")):
            chars[i] = FULL[c]
    return "".join(chars)


def _spaces(text: str) -> str:
    """No typed space beside full-width brackets and 、。: (the glyphs carry their own blank), none
    between Japanese and Latin (the renderer spaces them); between two Japanese words a space is a
    separator and is typed 全角 (「石山　志保」)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] != " ":
            out.append(text[i])
            i += 1
            continue
        j = i
        while j < len(text) and text[j] == " ":
            j += 1
        before = text[i - 1] if i else ""
        after = text[j] if j < len(text) else ""
        if not before or not after:
            out.append(text[i:j])
        elif before in FULL_OPEN | FULL_PUNCT | FULL_CLOSE or after in FULL_CLOSE | FULL_PUNCT | FULL_OPEN:
            pass  # dropped
        elif (japanese(before) and japanese(after)) or (japanese(after) and _SECTION.search(text, 0, i)):
            out.append("　")  # 「石山　志保」, 「1-4　施策間連携」
        elif (japanese(before) and after.isascii()) or (japanese(after) and before.isascii()):
            pass  # dropped: 「UIJ ターン」「(6G) の」
        else:
            out.append(text[i:j])
        i = j
    return "".join(out)


def _minus_and_tilde(text: str) -> str:
    chars = list(text)
    for i, c in enumerate(text):
        before, after = _prev(text, i), _next(text, i)
        if c in "-‐" and i + 1 < len(text) and text[i + 1].isdigit():
            if not before or not (before.isascii() and (before.isalnum() or before in ".-/_")):
                chars[i] = MINUS  # 「2020年度は-1.2%」: a negative figure
        elif c in TILDES and before and after and (before.isalnum() or japanese(before)):
            if after.isalnum() or japanese(after):
                chars[i] = "～"
        elif c == ":" and japanese(before or "a"):
            chars[i] = "："
    return "".join(chars)


def _fullwidth_alnum(text: str) -> str:
    return "".join(
        chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or "Ａ" <= c <= "Ｚ" or "ａ" <= c <= "ｚ" else c for c in text
    )


def normalise(text: str) -> str:
    """The text with Japanese punctuation (URLs and mail addresses untouched; text with no Japanese
    unchanged). Idempotent: normalise(normalise(t)) == normalise(t)."""
    if not has_japanese(text):
        return text
    parts, last = [], 0
    for m in _URL.finditer(text):
        parts.append((text[last : m.start()], True))
        parts.append((m.group(0), False))
        last = m.end()
    parts.append((text[last:], True))
    out = []
    for part, fix in parts:
        # a mark made 全角 makes its neighbour's neighbour Japanese (「あ))」→「あ）)」): repeat until
        # nothing changes (each pass only widens marks or drops spaces, so a few passes settle it)
        for _ in range(8) if fix else ():
            fixed = _spaces(_minus_and_tilde(_brackets(_fullwidth_alnum(part))))
            if fixed == part:
                break
            part = fixed
        out.append(part)
    return "".join(out)


@dataclass(frozen=True)
class Slip:
    """One change ``normalise`` makes, with a little context: 「追加 (P 4、5)」→「追加（P 4、5）」."""

    before: str
    after: str


def slips(text: str, context: int = 4) -> list[Slip]:
    fixed = normalise(text)
    if fixed == text:
        return []
    changes: list[list[int]] = []  # [i1, i2, j1, j2], neighbours within 2 × context merged
    matcher = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if changes and i1 - changes[-1][1] <= 2 * context:
            changes[-1][1], changes[-1][3] = i2, j2
        else:
            changes.append([i1, i2, j1, j2])
    found = []
    for i1, i2, j1, j2 in changes:
        left, right = text[max(0, i1 - context) : i1], text[i2 : i2 + context]
        found.append(Slip(left + text[i1:i2] + right, left + fixed[j1:j2] + right))
    return found

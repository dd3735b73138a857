"""What changed between two text snapshots (render/office_text.py): per document, which slides, pages or
sheets changed, and each changed line as a character-level diff that reads well in Japanese.

Text is cut into tokens — a number with its separators, sign and % (「99.9%」「△394」「2,030」), a run of
Latin letters, any other single character — so a changed figure is shown whole (「〔99.9% → 98.0%〕」)
and a changed kana is not drowned in its sentence. No LibreOffice, no Office library: snapshots only.

Two states of one meeting pair their documents by id; two meetings by 資料番号, 名称 and text
(review/pairing.py), and a document then says what it was called in the other meeting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from packetgen.core.manifest import DocumentText, Snapshot
from packetgen.review import pairing
from packetgen.review.pairing import Pair

NUMBER = r"[△▲−\-+]?[0-9０-９]+(?:[,，.．][0-9０-９]+)*[%％]?"
_TOKEN = re.compile(rf"{NUMBER}|[A-Za-zＡ-Ｚａ-ｚ]+|\s+|.", re.S)
_IS_NUMBER = re.compile(rf"^{NUMBER}$")
CONTEXT = 14  # characters of unchanged text kept on each side of a change
UNIT_NAMES = {"slide": "枚", "page": "ページ", "sheet": "シート"}


@dataclass
class Piece:
    """A stretch of a line: unchanged (before == after) or changed."""

    before: str
    after: str

    @property
    def same(self) -> bool:
        return self.before == self.after


@dataclass
class LineChange:
    status: str  # changed, added, removed
    before: str
    after: str
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class UnitChange:
    label: str  # as it is now (as it was, for a removed unit)
    before_label: str
    status: str  # changed, added, removed
    lines: list[LineChange] = field(default_factory=list)


@dataclass
class DocumentChange:
    id: str
    name: str
    title: str
    kind: str
    status: str  # changed, unchanged; added, removed (--since); new, dropped (another meeting)
    units: list[UnitChange] = field(default_factory=list)
    unit_count: int = 0
    before_id: str = ""  # the document's id, name and title in the earlier snapshot ("" if not there)
    before_name: str = ""
    before_title: str = ""
    paired_by: str = ""  # review/pairing.py's BY_ names; "" for a document in one snapshot only


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def is_number(text: str) -> bool:
    return bool(_IS_NUMBER.match(text.strip()))


def line_pieces(before: str, after: str) -> list[Piece]:
    """The two lines as unchanged and changed stretches; an unchanged single character between two
    changes joins them (「〔策定する → 改訂した〕」 reads better than three changes).

    The text both lines start and end with is set aside first: otherwise 「（パソナ）」 → 「（パソナ（テスト））」
    pairs the old 「）」 with the new one inside and reads 「〔） → （テスト））〕」, not 「〔追加：（テスト）〕」."""
    a, b = tokens(before), tokens(after)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    pieces = [Piece("".join(a[:head]), "".join(a[:head]))]
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, middle_a, middle_b, autojunk=False).get_opcodes():
        changed = "".join(middle_a[i1:i2]), "".join(middle_b[j1:j2])
        pieces.append(Piece(*changed) if op != "equal" else Piece(changed[0], changed[0]))
    pieces.append(Piece("".join(a[len(a) - tail :]), "".join(a[len(a) - tail :])))
    pieces = [piece for piece in pieces if piece.before or piece.after]
    merged: list[Piece] = []
    for n, piece in enumerate(pieces):
        between = 0 < n < len(pieces) - 1 and not pieces[n - 1].same and not pieces[n + 1].same
        glue = piece.same and between and len(piece.before) <= 1
        if merged and (glue or (not piece.same and not merged[-1].same)):
            merged[-1] = Piece(merged[-1].before + piece.before, merged[-1].after + piece.after)
        else:
            merged.append(piece)
    return merged


def _align(before: list[str], after: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs of indexes (None for an added or removed item), unchanged pairs included."""
    pairs: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            pairs += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        common = min(i2 - i1, j2 - j1)
        pairs += [(i1 + k, j1 + k) for k in range(common)]
        pairs += [(i, None) for i in range(i1 + common, i2)]
        pairs += [(None, j) for j in range(j1 + common, j2)]
    return pairs


def unit_lines(before: str, after: str) -> list[LineChange]:
    old, new = before.split("\n") if before else [], after.split("\n") if after else []
    changes = []
    for i, j in _align(old, new):
        if i is not None and j is not None:
            if old[i] != new[j]:
                changes.append(LineChange("changed", old[i], new[j], line_pieces(old[i], new[j])))
        elif i is not None:
            changes.append(LineChange("removed", old[i], ""))
        elif j is not None:
            changes.append(LineChange("added", "", new[j]))
    return changes


def document_change(doc_id: str, old: DocumentText | None, new: DocumentText | None) -> DocumentChange:
    ref: Mapping[str, Any] = new or old or {}
    result = DocumentChange(doc_id, ref.get("name", doc_id), ref.get("title", ""), ref.get("kind", "page"), "unchanged")
    result.unit_count = len(ref.get("units", []))
    if old is not None:
        result.before_name, result.before_title = old.get("name", ""), old.get("title", "")
    if old is None or new is None:
        result.status = "added" if old is None else "removed"
        return result
    a, b = old.get("units", []), new.get("units", [])
    pairs: list[tuple[int | None, int | None]]
    if result.kind == "sheet":  # sheets are matched by name
        labels = [u["label"] for u in a]
        pairs = [(labels.index(u["label"]) if u["label"] in labels else None, j) for j, u in enumerate(b)]
        kept = {i for i, _ in pairs if i is not None}
        pairs += [(i, None) for i in range(len(a)) if i not in kept]
    else:
        pairs = _align([u["text"] for u in a], [u["text"] for u in b])
    for i, j in pairs:
        if i is not None and j is not None:
            if a[i]["text"] != b[j]["text"]:
                lines = unit_lines(a[i]["text"], b[j]["text"])
                result.units.append(UnitChange(b[j]["label"], a[i]["label"], "changed", lines))
        elif j is not None:
            result.units.append(UnitChange(b[j]["label"], "", "added"))
        elif i is not None:
            result.units.append(UnitChange(a[i]["label"], a[i]["label"], "removed"))
    if result.units:
        result.status = "changed"
    return result


def compare(before: Snapshot, after: Snapshot, pairs: list[Pair] | None = None) -> list[DocumentChange]:
    """Every document of either snapshot, paired as ``pairs`` say (by default by id, as within one
    meeting): those of ``after`` in its order, then those only in ``before``."""
    changes = []
    for pair in pairing.by_id(before, after) if pairs is None else pairs:
        old = before[pair.before] if pair.before is not None else None
        new = after[pair.after] if pair.after is not None else None
        if old and new and old.get("reader") != new.get("reader") and old.get("sha256") == new.get("sha256"):
            old = new  # the same file read by an older reader: the same text, not a change
        change = document_change(pair.after or pair.before or "", old, new)
        change.before_id, change.paired_by = pair.before or "", pair.by
        changes.append(change)
    return changes


def compare_meetings(before: Snapshot, after: Snapshot) -> list[DocumentChange]:
    """Another meeting's documents (``before``) and this meeting's, paired by 資料番号, 名称 and text
    (review/pairing.py): a document in one meeting only is new to this one, or dropped from it."""
    changes = compare(before, after, pairing.across_meetings(before, after))
    for change in changes:
        change.status = {"added": "new", "removed": "dropped"}.get(change.status, change.status)
    return changes


# --- words -------------------------------------------------------------------------------------------
def _first_change(unit: UnitChange) -> str:
    for line in unit.lines:
        if line.status == "changed":
            for piece in line.pieces:
                if not piece.same:
                    return _in_context(line.pieces, piece)
        elif line.status == "added":
            return f"追加「{_short(line.after)}」"
        else:
            return f"削除「{_short(line.before)}」"
    return ""


def _in_context(pieces: list[Piece], piece: Piece) -> str:
    """「99.9% → 98.0%」; a change of a character or two takes its neighbours along, so it still says
    something on its own (「第1回 → 第2回」, not 「1 → 2」)."""
    before, after = piece.before, piece.after
    if max(len(before), len(after)) > 2 and not (before and after):  # words put in or taken out
        return f"追加「{_short(after)}」" if after else f"削除「{_short(before)}」"
    if max(len(before), len(after)) <= 2 and not (is_number(before) and is_number(after) and len(before) > 1):
        n = pieces.index(piece)
        left = pieces[n - 1].before[-2:].lstrip() if n > 0 else ""
        right = pieces[n + 1].before[:1].rstrip() if n + 1 < len(pieces) else ""
        before, after = left + before + right, left + after + right
    return f"{_short(before) or '（なし）'} → {_short(after) or '（なし）'}"


def _short(text: str, limit: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _numbers(labels: list[str], limit: int = 6) -> str:
    """スライド11・12・15 (the kind word once), 「ほか3枚」 past ``limit``."""
    head = labels[:limit]
    prefix = re.match(r"^(スライド|ページ)", head[0])
    if prefix and all(label.startswith(prefix.group(1)) for label in head):
        text = prefix.group(1) + "・".join(label[len(prefix.group(1)) :] for label in head)
    else:
        text = "・".join(head)
    return text + (f"ほか{len(labels) - limit}か所" if len(labels) > limit else "")


COMMON_AT = 3  # a line changed the same way on this many slides or pages is shown once


def common_lines(change: DocumentChange) -> dict[tuple[str, str], list[str]]:
    """Line changes repeated on several units (a footer, the meeting's number on every slide): the
    (before, after) pair → the units, shown once instead of on each."""
    seen: dict[tuple[str, str], list[str]] = {}
    for unit in change.units:
        for line in unit.lines:
            if line.status == "changed":
                seen.setdefault((line.before, line.after), []).append(unit.label)
    return {pair: labels for pair, labels in seen.items() if len(labels) >= COMMON_AT}


def renamed(change: DocumentChange) -> bool:
    """Whether a document in both snapshots has another 資料番号 or 名称 now."""
    old = change.before_name, change.before_title
    return change.status not in ("added", "removed", "new", "dropped") and old != (change.name, change.title)


def heading(change: DocumentChange) -> str:
    """How the output names a document: by its 資料番号 (else its 名称) as this meeting has it; with
    its 名称 too when it is new, dropped or renamed, and then what it was called before:
    「資料No.3 一関市企業版ふるさと納税について（前回：資料No.2）」."""
    full = change.name if change.name == change.title else f"{change.name} {change.title}"
    if change.status in ("new", "dropped"):
        return full
    if not renamed(change):
        return change.name
    number = change.name if change.name != change.title else ""  # render/office_text.py's name
    old_number = change.before_name if change.before_name != change.before_title else ""
    was = []
    if old_number != number and (old_number or change.before_title == change.title):
        was.append(old_number or "資料番号なし")
    if change.before_title != change.title:
        was.append(change.before_title)
    return f"{full}（前回：{' '.join(was)}）"


def summary(change: DocumentChange) -> str:
    """One line: 「資料No.1-1：スライド11を変更（99.9% → 98.0%）」."""
    count = f"{change.unit_count}{UNIT_NAMES.get(change.kind, '')}"
    words = {"added": f"追加（{count}）", "removed": "削除", "unchanged": "変更なし"}
    words |= {"new": f"新規（{count}）", "dropped": "なし（前回のみ）"}
    if change.status in words:
        return f"{heading(change)}：{words[change.status]}"
    parts = []
    for status, verb in (("changed", "変更"), ("added", "追加"), ("removed", "削除")):
        labels = [u.label for u in change.units if u.status == status]
        if labels:
            parts.append(f"{_numbers(labels)}を{verb}")
    changed = [u for u in change.units if u.status == "changed"]
    common = common_lines(change)
    own = [  # a change of its own says more than the footer every slide shares
        UnitChange(u.label, u.before_label, u.status, [x for x in u.lines if (x.before, x.after) not in common])
        for u in changed
    ]
    first = next((u for u in own if u.lines), changed[0] if changed else None)
    detail = _first_change(first) if first else ""
    more = sum(1 for u in changed for line in u.lines for p in (line.pieces or [line]) if not _same(p))
    if detail and more > 1:
        detail += f" ほか{more - 1}か所"
    return f"{heading(change)}：{'、'.join(parts)}" + (f"（{detail}）" if detail else "")


def _same(piece: Piece | LineChange) -> bool:
    return isinstance(piece, Piece) and piece.same


def listed_alone(change: DocumentChange) -> bool:
    """Whether the document has a line of its own (any but the unchanged, which are only listed)."""
    return change.status != "unchanged" or renamed(change)


def summaries(changes: list[DocumentChange]) -> list[str]:
    return [summary(c) for c in changes if listed_alone(c)]


# --- rendering ---------------------------------------------------------------------------------------
RED, GREEN, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"


def _mark(text: str, colour: str, use_colour: bool) -> str:
    if not use_colour:
        return text
    out = []
    for token in tokens(text):  # numbers bold and underlined inside a change
        out.append(f"{BOLD}\x1b[4m{token}\x1b[24m\x1b[22m" if is_number(token) else token)
    return colour + "".join(out).replace(RESET, "") + RESET


def inline(line: LineChange, use_colour: bool = False) -> str:
    """A changed line with each change in place: 「光ファイバの世帯カバー率 〔99.9% → 98.0%〕 2027年度」."""
    out = []
    for n, piece in enumerate(line.pieces):
        if piece.same:
            text = piece.before
            if n > 0 and n < len(line.pieces) - 1 and len(text) > 2 * CONTEXT + 1:
                text = text[:CONTEXT] + "…" + text[-CONTEXT:]
            elif n == 0 and len(text) > CONTEXT:
                text = "…" + text[-CONTEXT:]
            elif n == len(line.pieces) - 1 and n > 0 and len(text) > CONTEXT:
                text = text[:CONTEXT] + "…"
            out.append(text)
        elif not piece.before:
            out.append(f"〔追加：{_mark(piece.after, GREEN, use_colour)}〕")
        elif not piece.after:
            out.append(f"〔削除：{_mark(piece.before, RED, use_colour)}〕")
        else:
            out.append(f"〔{_mark(piece.before, RED, use_colour)} → {_mark(piece.after, GREEN, use_colour)}〕")
    return "".join(out)


def render(changes: list[DocumentChange], use_colour: bool = False) -> list[str]:
    lines: list[str] = []
    for change in changes:
        if not listed_alone(change):
            continue
        head = summary(change)
        lines.append(f"{BOLD}{head}{RESET}" if use_colour else head)
        common = common_lines(change)
        for (before, after), labels in common.items():
            line = LineChange("changed", before, after, line_pieces(before, after))
            lines.append(f"  {_numbers(labels, 3)}（{len(labels)}か所）に共通")
            lines.append(f"    {inline(line, use_colour)}")
        for unit in change.units:
            shown = [x for x in unit.lines if (x.before, x.after) not in common]
            if unit.status == "changed" and not shown:
                continue
            moved = f"（前回の{unit.before_label}）" if unit.before_label and unit.before_label != unit.label else ""
            if unit.status == "added":
                lines.append(f"  {unit.label}：追加")
                continue
            if unit.status == "removed":
                lines.append(f"  {unit.label}：削除")
                continue
            lines.append(f"  {unit.label}{moved}")
            for line in shown:
                if line.status == "changed":
                    lines.append(f"    {inline(line, use_colour)}")
                elif line.status == "added":
                    lines.append(f"    〔追加の行：{_mark(_short(line.after, 60), GREEN, use_colour)}〕")
                else:
                    lines.append(f"    〔削除した行：{_mark(_short(line.before, 60), RED, use_colour)}〕")
    same = [c.name for c in changes if not listed_alone(c)]
    if not any(listed_alone(c) for c in changes):
        lines.append("変更はありません")
    if same:
        lines.append(f"変更なし：{'、'.join(same)}")
    return lines

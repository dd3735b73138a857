"""Which document of one meeting is which of another's, for ``packetgen diff --against``.

A document's id is the name staff give it in meeting.yaml: two meetings may use different ids for the
same paper, or the same id for unrelated ones. Documents are therefore paired by what the reader sees —
the 資料番号 and the 名称 — and, when both changed, by their text. In order of preference, a document
of this meeting is paired with one of the other meeting when

1. both 資料番号 and 名称 are the same;
2. the 名称 is the same;
3. the 資料番号 is the same, the file format too, and the texts are alike (``SAME_NUMBER``);
4. the 種類 is the same and the texts are alike (``SAME_NUMBER``: the donation report renamed and
   renumbered, its sentences rewritten, is still the donation report);
5. the file format is the same and the texts are much alike (``SAME_CONTENT``).

Each document is paired at most once, the best candidates first; one left over is new to this
meeting or only in the other. Comparisons within one meeting (``--since``) pair by id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from packetgen.core.manifest import DocumentText, Snapshot

# How alike two documents are: difflib's ratio over their lines (a line is the unit a reader sees
# changed or kept; over characters a 50-slide deck took up to 0.8 s a pair, over lines 1 ms). Measured
# on the tests' meetings (2023-07-27, tests/second_meeting/2024-07-25, tests/other_shape/2024-11-21):
#   the same paper a meeting later: the deck 0.94, 人口動態 0.90, 寄附報告 0.71 (a year's new figures)
#   and 0.57 (renamed, renumbered, half its sentences rewritten), 次第・参加者名簿 0.27–0.52 (other
#   members, no explanation page);
#   unrelated papers: the decks 1-1 and 1-2 0.11 (one template, the meeting's name on every slide),
#   any other pair 0.00–0.03.
# SAME_NUMBER (also for papers of one 種類) sits well above unrelated papers, so a new deck given an old
# 資料番号 reads 新規, not one change per slide against the old deck; SAME_CONTENT, for papers with
# nothing else in common, asks for half their lines kept.
SAME_NUMBER = 0.3
SAME_CONTENT = 0.5

BY_ID = "id"
BY_NUMBER_AND_TITLE = "label_and_title"
BY_TITLE = "title"
BY_NUMBER_AND_TEXT = "label_and_text"
BY_KIND_AND_TEXT = "kind_and_text"
BY_TEXT = "text"


@dataclass(frozen=True)
class Pair:
    before: str | None  # the document's id in the earlier snapshot (None: only in the later one)
    after: str | None  # its id in the later snapshot (None: only in the earlier one)
    by: str = BY_ID  # what paired them (one of the BY_ names), "" for a document left alone


def by_id(before: Snapshot, after: Snapshot) -> list[Pair]:
    """The same meeting's two states: a document is its id. The later's order, then the removed."""
    pairs = [Pair(i, i) if i in before else Pair(None, i, "") for i in after]
    return pairs + [Pair(i, None, "") for i in before if i not in after]


def has_number(doc: DocumentText) -> bool:
    """Whether the document has a 資料番号: its name is then 「資料No.…」, else its 名称
    (render/office_text.py's document_text)."""
    return doc["name"] != doc["title"]


def lines(doc: DocumentText) -> list[str]:
    """The document's non-blank lines, in order, without their indentation."""
    return [line.strip() for unit in doc.get("units", []) for line in unit["text"].splitlines() if line.strip()]


class _Likeness:
    """How alike two documents are, computed once per pair and only when a rule needs it."""

    def __init__(self, before: Snapshot, after: Snapshot) -> None:
        self.before, self.after = before, after
        self.known: dict[tuple[str, str], float] = {}

    def __call__(self, old: str, new: str, least: float) -> float:
        """The ratio, or 0 when it is surely below ``least`` (the cheap upper bounds say so)."""
        if (old, new) not in self.known:
            matcher = SequenceMatcher(None, lines(self.before[old]), lines(self.after[new]), autojunk=False)
            if matcher.real_quick_ratio() < least or matcher.quick_ratio() < least:
                return 0.0
            self.known[old, new] = matcher.ratio()
        ratio = self.known[old, new]
        return ratio if ratio >= least else 0.0


def _same_format(old: DocumentText, new: DocumentText) -> bool:
    return Path(old["file"]).suffix == Path(new["file"]).suffix


Rule = Callable[[DocumentText, DocumentText], bool]
RULES: tuple[tuple[str, Rule, float], ...] = (  # by, what must hold, the least likeness (0: not needed)
    (BY_NUMBER_AND_TITLE, lambda o, n: o["name"] == n["name"] and o["title"] == n["title"], 0.0),
    (BY_TITLE, lambda o, n: o["title"] == n["title"], 0.0),
    (BY_NUMBER_AND_TEXT, lambda o, n: has_number(n) and o["name"] == n["name"] and _same_format(o, n), SAME_NUMBER),
    (
        BY_KIND_AND_TEXT,
        lambda o, n: bool(o.get("document_kind")) and o.get("document_kind") == n.get("document_kind"),
        SAME_NUMBER,
    ),
    (BY_TEXT, _same_format, SAME_CONTENT),
)


def across_meetings(before: Snapshot, after: Snapshot) -> list[Pair]:
    """The other meeting's documents (``before``) paired with this meeting's (``after``): this
    meeting's order, each with its pair or alone, then those only in the other meeting, in its order."""
    found: dict[str, Pair] = {}  # by this meeting's id
    taken: set[str] = set()  # the other meeting's ids already paired
    likeness = _Likeness(before, after)
    for by, holds, least in RULES:
        candidates = []
        for n, new in enumerate(i for i in after if i not in found):
            for m, old in enumerate(i for i in before if i not in taken):
                if holds(before[old], after[new]):
                    score = likeness(old, new, least) if least else 1.0
                    if score:
                        candidates.append((-score, n, m, old, new))
        for _, _, _, old, new in sorted(candidates):  # the best first; ties in the meetings' order
            if new not in found and old not in taken:
                found[new] = Pair(old, new, by)
                taken.add(old)
    pairs = [found.get(i, Pair(None, i, "")) for i in after]
    return pairs + [Pair(i, None, "") for i in before if i not in taken]

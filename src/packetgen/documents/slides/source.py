"""A deck's slide source (inputs/<DATE>/slides/<id>.yaml), read and checked against its entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext
from packetgen.inputs.slides import DeckSource
from packetgen.inputs.yaml_files import line_of, load_yaml_document


@dataclass(frozen=True)
class DeckData:
    source: DeckSource
    lines: tuple[int | None, ...]  # the YAML line of each slide, for messages
    file: str  # the source as the user finds it (inputs/<DATE>/slides/1-1.yaml), for messages
    node: Any = field(default=None, compare=False)  # the YAML node tree, for the line of any key

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        return line_of(self.node, loc)


def load_deck(ctx: BuildContext, role: str, problems: list[Problem]) -> DeckData | None:
    """The source meeting.yaml gives the deck's ``role`` (its kind's スライド)."""
    path, label = ctx.input_path(role), ctx.input_label(role)
    source, node = load_yaml_document(path, label, DeckSource, problems)
    if source is None:
        return None
    lines = tuple(line_of(node, ("slides", i)) for i in range(len(source.slides)))
    if source.deck != ctx.entry.id:
        problems.append(Problem(label, f"deck「{source.deck}」が資料の id「{ctx.entry.id}」と違います", column="deck"))
    return DeckData(source, lines, label, node)

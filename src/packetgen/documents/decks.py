"""1-1 and 1-2: the slide decks, from editable slide sources (inputs/<DATE>/slides/<id>.yaml).

Reading the sources is light; the rendering (_decks.py, python-pptx) is imported only when a deck is
really built, so a rebuild that finds nothing changed does not pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from packetgen.documents.base import BuildContext, DocumentBuilder, register
from packetgen.errors import Problem
from packetgen.inputs.slides import DeckSource
from packetgen.inputs.yaml_files import line_of, load_yaml_document

TEMPLATE = "deck.pptx"
ROLE = "スライド"


@dataclass(frozen=True)
class DeckData:
    source: DeckSource
    lines: tuple[int | None, ...]  # the YAML line of each slide, for messages


class SlideDeck(DocumentBuilder):
    suffix = ".pptx"
    roles = (ROLE,)
    templates = (TEMPLATE,)

    def load(self, ctx: BuildContext, problems: list[Problem]) -> DeckData | None:
        path, label = ctx.input_path(ROLE), ctx.input_label(ROLE)
        source, node = load_yaml_document(path, label, DeckSource, problems)
        if source is None:
            return None
        lines = tuple(line_of(node, ("slides", i)) for i in range(len(source.slides)))
        if source.deck != ctx.entry.id:
            problems.append(
                Problem(label, f"deck「{source.deck}」が資料の id「{ctx.entry.id}」と違います", column="deck")
            )
        return DeckData(source, lines)

    def render(self, ctx: BuildContext, data: DeckData) -> bytes:
        from packetgen.documents import _decks

        return _decks.render(ctx, data)


@register
class DeckOneOne(SlideDeck):
    id = "1-1"


@register
class DeckOneTwo(SlideDeck):
    id = "1-2"

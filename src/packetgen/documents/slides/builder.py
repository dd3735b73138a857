"""The slide decks (kind スライド): a deck per slide source, fitted and typeset with python-pptx."""

from __future__ import annotations

from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.documents.registry import SLIDES
from packetgen.documents.slides import render_deck, report
from packetgen.documents.slides.source import DeckData, load_deck


class SlideDeck(DocumentBuilder):
    def load(self, ctx: BuildContext, problems: list[Problem]) -> DeckData | None:
        return load_deck(ctx, problems)

    def render(self, ctx: BuildContext, data: DeckData) -> bytes:
        return render_deck.render(ctx, data)

    def report(self, ctx: BuildContext, data: DeckData, rendered: bytes) -> list[str]:
        return report.report(ctx, data, rendered)


BUILDER = SlideDeck(SLIDES)

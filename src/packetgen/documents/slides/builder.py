"""The slide decks (kind スライド): a deck per slide source, fitted and typeset with python-pptx."""

from __future__ import annotations

from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.documents.slides import render_deck, report
from packetgen.documents.slides.source import DeckData, load_deck


class Builder(DocumentBuilder):
    """スライド: the kind's one role is the slide source, its one template the deck's masters."""

    def load(self, ctx: BuildContext, problems: list[Problem]) -> DeckData | None:
        (role,) = self.kind.roles
        return load_deck(ctx, role, problems)

    def render(self, ctx: BuildContext, data: DeckData) -> bytes:
        (template,) = self.kind.templates
        return render_deck.render(ctx, data, template)

    def report(self, ctx: BuildContext, data: DeckData, rendered: bytes) -> list[str]:
        return report.report(ctx, data, rendered)

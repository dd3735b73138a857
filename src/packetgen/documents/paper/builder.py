"""文書: a Word 資料 in one of two forms, by the role meeting.yaml gives it —
(a) 本文, a YAML file of headings, paragraphs, lists, tables and pictures made into a Word paper through
templates/paper.docx (from_inputs.py); (b) 原稿, a .docx or .pdf staff already have, included as it is
with the label and page numbers (existing.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.inputs.paper_files import Paper, load_paper, named_in_source

FROM_INPUTS, EXISTING = "本文", "原稿"  # the two roles (Kind.one_of_roles: meeting.yaml gives exactly one)


class Builder(DocumentBuilder):
    """Dispatches on the role: 原稿 to existing.py, 本文 to from_inputs.py."""

    def load(self, ctx: BuildContext, problems: list[Problem]) -> Any:
        if EXISTING in ctx.entry.inputs:
            from packetgen.documents.paper import existing

            return existing.load_existing(ctx, problems)
        return load_paper(ctx.input_path(FROM_INPUTS), ctx.input_label(FROM_INPUTS), problems)

    def render(self, ctx: BuildContext, data: Any) -> bytes:
        if EXISTING in ctx.entry.inputs:
            from packetgen.documents.paper import existing

            return existing.render_existing(ctx, data)
        from packetgen.documents.paper.from_inputs import render

        assert isinstance(data, Paper)
        (template,) = self.kind.templates
        return render(ctx, data, template)

    def named_files(self, ctx: BuildContext) -> list[tuple[str, Path]]:
        """The table and picture files the 本文 names (beside it), read without validating it."""
        if FROM_INPUTS not in ctx.entry.inputs:
            return []
        source = ctx.input_path(FROM_INPUTS)
        return [(FROM_INPUTS, source.parent / name) for name in named_in_source(source)]

    def notices(self, data: Any) -> list[str]:
        """An existing paper's 注意 (existing.py): a paper size other than A4, its own headers and
        footers replaced, tracked changes or comments, page numbers of its own, a mark where it has ink."""
        from packetgen.documents.paper.existing import ExistingPaper

        return list(data.notices) if isinstance(data, ExistingPaper) else []

"""文書: a Word 資料 in one of two forms, by the role meeting.yaml gives it —
(a) 本文, a YAML file of headings, paragraphs, lists, tables and pictures made into a Word paper through
templates/paper.docx (from_inputs.py); (b) 原稿, a .docx or .pdf staff already have, included as it is
with the label and page numbers (existing.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.inputs.paper_files import Paper, load_paper

FROM_INPUTS, EXISTING = "本文", "原稿"  # the two roles: exactly one of them is given


class Builder(DocumentBuilder):
    """Dispatches on the role: 原稿 to existing.py, 本文 to from_inputs.py."""

    def load(self, ctx: BuildContext, problems: list[Problem]) -> Any:
        if not _one_form(ctx, problems):
            return None
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

    def expected_pages(self, path: Path) -> tuple[int, int | None]:
        """A paper made from 本文 is a Word file like any other; an existing .pdf is counted by
        existing.py, which knows the file it copied."""
        if path.suffix.lower() == ".pdf":
            from packetgen.documents.paper import existing

            return existing.expected_pages(path)
        return super().expected_pages(path)


def _one_form(ctx: BuildContext, problems: list[Problem]) -> bool:
    """Exactly one of 本文 and 原稿: with both, which would print? With neither, nothing would."""
    given = [role for role in (FROM_INPUTS, EXISTING) if role in ctx.entry.inputs]
    if len(given) == 1:
        return True
    number = ctx.meeting.documents.index(ctx.entry) + 1
    what = "両方が書かれています" if given else "どちらも書かれていません"
    problems.append(
        Problem(
            f"inputs/{ctx.meeting_dir.name}/meeting.yaml",
            f"資料「{ctx.entry.title}」（文書）の入力に「{FROM_INPUTS}」と「{EXISTING}」の{what}。"
            f"本文ファイル（YAML）から作るときは「{FROM_INPUTS}」、できている .docx・.pdf をそのまま綴じるときは"
            f"「{EXISTING}」の、どちらか1つを書いてください",
            column=f"資料[{number}].入力",
        )
    )
    return False

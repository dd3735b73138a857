"""What `packetgen check` says about the slide decks beyond errors: a typesetting report per deck
(phrase splits, widows, punctuation slips, how full the pages are) and warnings that name the file
and line: Japanese punctuation slips in a slide source, and two slides under one title with no
「（続き）」 to say the second continues the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from packetgen.analysis.slide_facts import deck_fact_notices
from packetgen.documents.base import BuildContext
from packetgen.documents.slides.source import DeckData
from packetgen.inputs.punctuation import slips
from packetgen.render.slide_report import measure
from packetgen.render.text_fit import slide_font

SKIPPED_KEYS = {"deck", "layout", "marker", "notes"}  # not printed text (notes: not on the slide)
CONTINUED = "（続き）"
FILL = (0.40, 0.95)  # the share of the content area the text of a content slide should take
DETAILS = 8  # slides listed per kind of finding, at most


@dataclass(frozen=True)
class SourceSlip:
    line: int
    before: str
    after: str


def punctuation_slips(tree: yaml.Node | None) -> list[SourceSlip]:
    """Every punctuation slip of a slide source's printed text (its YAML node ``tree``, as loaded),
    with its line in the file."""
    found: list[SourceSlip] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value not in SKIPPED_KEYS:
                    walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for value in node.value:
                walk(value)
        elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            block = node.style in ("|", ">")  # a block's text starts on the line after its indicator
            for i, line in enumerate(node.value.split("\n")):
                found.extend(SourceSlip(node.start_mark.line + 1 + i + block, s.before, s.after) for s in slips(line))

    if tree is not None:
        walk(tree)
    return found


def title_warnings(slides: list[Any], lines: tuple[int | None, ...], label: str) -> list[str]:
    """Two content slides under one title: the second must say it continues the first."""
    warnings = []
    seen: dict[str, int | None] = {}
    previous = None
    for slide, line in zip(slides, lines, strict=True):
        if slide.layout in ("title", "section"):
            previous = None
            continue
        title = slide.title
        if title.endswith(CONTINUED):
            base = title.removesuffix(CONTINUED)
            if base != previous:
                warnings.append(
                    f"注意：{label} {line}行目のスライド「{title}」の前のスライドのタイトルが「{base}」ではありません"
                    "（「（続き）」は前のスライドと同じタイトルの続きに付けます）"
                )
        elif title in seen:
            warnings.append(
                f"注意：{label} {line}行目のスライドのタイトル「{title}」が {seen[title]}行目のスライドと同じです。"
                f"続きのスライドなら「{title}{CONTINUED}」としてください"
            )
        seen.setdefault(title.removesuffix(CONTINUED), line)
        previous = title.removesuffix(CONTINUED)
    return warnings


def slip_warnings(found: list[SourceSlip], label: str) -> list[str]:
    by_line: dict[int, list[SourceSlip]] = {}
    for slip in found:
        by_line.setdefault(slip.line, []).append(slip)
    return [
        f"注意：{label} {line}行目：和文の約物を直してください "
        + "、".join(f"「{s.before}」→「{s.after}」" for s in items)
        for line, items in sorted(by_line.items())
    ]


def report_lines(name: str, facts, slip_count: int) -> list[str]:
    """The typesetting report of one built deck (render.slide_report.DeckFacts)."""
    content = facts.content
    fills = [s.fill for s in content]
    sizes = [s.body_min_pt for s in facts.slides if s.body_min_pt]
    lines = [
        f"組版 {name}（{len(facts.slides)}枚）：文節の途中での改行 {facts.total('splits')}"
        f"（うち語が枠より長いもの {facts.total('forced')}）、行末1～2字だけの最終行 {facts.total('widows')}、"
        f"約物の直し {slip_count}、本文の高さ {min(fills, default=0):.0%}～{max(fills, default=0):.0%}"
        f"（目安 {FILL[0]:.0%}～{FILL[1]:.0%}）、本文の最小 {min(sizes, default=0):g}pt"
    ]
    outside = [s for s in content if not FILL[0] - 0.005 <= s.fill <= FILL[1] + 0.005]
    lines += [f"  スライド{s.number}「{s.title}」本文の高さ {s.fill:.0%}" for s in outside[:DETAILS]]
    marked = [s for s in facts.slides if s.where]
    lines += [f"  スライド{s.number}：{'、'.join(s.where)}" for s in marked[:DETAILS]]
    return lines


def report(ctx: BuildContext, data: DeckData, rendered: bytes) -> list[str]:
    """The deck's warnings (punctuation slips, continued titles, its cover title and KPIs against the
    meeting file and each other) and its typesetting report, measured in the ``rendered`` deck."""
    label = data.file
    found = punctuation_slips(data.node)
    out = slip_warnings(found, label) + title_warnings(list(data.source.slides), data.lines, label)
    name = ctx.entry.short_name if ctx.entry.label else ctx.entry.id
    out += report_lines(name, measure(rendered, slide_font(ctx.fonts)), len(found))
    return out + deck_fact_notices(data.source, ctx.entry.title, label, data.line_of)

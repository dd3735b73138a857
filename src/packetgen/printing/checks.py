"""What every PDF that goes to print must pass, measured on its facts (pdf_facts.py): the expected
page count, fonts (embedded, and the font setting's), legible text sizes and A4 paper."""

from __future__ import annotations

from collections.abc import Iterable

from packetgen.core.errors import Problem
from packetgen.core.fonts import FontSetting
from packetgen.printing.pdf_facts import PageText, PdfFacts
from packetgen.render import font_files

A4 = (595.3, 841.9)  # points
# Legible on paper: no glyph under 8 pt, and most of a page's text at 10 pt or more (measured in the PDF,
# so a sheet shrunk to fit its page is caught too). SLACK absorbs the PDF's rounding of 8 pt to 7.99.
SMALLEST_PT = 8.0
MEDIAN_PT = 10.0
SLACK_PT = 0.05


def check_pdf(name: str, facts: PdfFacts, expected: tuple[int, int | None], fonts: FontSetting) -> list[Problem]:
    """The page count (``expected``: least and most, None for no most), the fonts and the text sizes."""
    problems = []
    low, high = expected
    if facts.pages < low or (high is not None and facts.pages > high):
        want = f"{low}" if low == high else f"{low}以上" if high is None else f"{low}〜{high}"
        message = f"ページ数が {facts.pages} です（想定：{want}ページ）。元のファイルが壊れていないか確認してください"
        problems.append(Problem(name, message))
    if not facts.fonts:
        problems.append(Problem(name, "文字がありません（フォントが1つも使われていません）"))
    loose = [f.name for f in facts.fonts if not f.embedded]
    if loose:
        problems.append(Problem(name, f"埋め込まれていないフォントがあります：{'、'.join(loose)}"))
    foreign = [f.name for f in facts.fonts if not f.one_of(font_files.pdf_families(fonts))]
    if foreign:  # LibreOffice drew some glyphs in a fallback font: the configured one lacks them
        problems.append(
            Problem(
                name,
                f"フォント設定（{fonts.source}）にないフォントで印刷される文字があります：{'、'.join(foreign)}"
                f"（設定：{fonts.describe()}）。設定のフォントにない文字です。文字を替えるか、"
                "その文字を持つフォントを設定してください",
            )
        )
    return problems + check_sizes(name, facts.text)


def check_sizes(name: str, pages: Iterable[PageText]) -> list[Problem]:
    """One problem per page whose text prints too small to read: the sizes, and a piece of the text."""
    problems = []
    for page in pages:
        parts = []
        if page.smallest < SMALLEST_PT - SLACK_PT:
            sample = f"（「{page.smallest_text[:20]}」など）" if page.smallest_text else ""
            parts.append(f"最小の文字が {page.smallest:.1f}pt です{sample}（{SMALLEST_PT:g}pt 以上が必要）")
        if page.median < MEDIAN_PT - SLACK_PT:
            parts.append(f"文字の大きさの中央値が {page.median:.1f}pt です（{MEDIAN_PT:g}pt 以上が必要）")
        if parts:
            problems.append(Problem(name, f"{page.page}ページ目：" + "、".join(parts)))
    return problems


def check_paper(name: str, facts: PdfFacts) -> tuple[list[Problem], bool]:
    """A4 on every page; and whether the document is landscape (its first page)."""
    landscape = bool(facts.sizes) and facts.sizes[0][0] > facts.sizes[0][1]
    for number, (width, height) in enumerate(facts.sizes, start=1):
        size = sorted((width, height))
        if abs(size[0] - A4[0]) > 3 or abs(size[1] - A4[1]) > 3:
            return [
                Problem(name, f"{number}ページ目の用紙が A4 ではありません（{size[0]:.0f}×{size[1]:.0f}pt）")
            ], landscape
    return [], landscape

"""What every PDF that goes to print must pass, measured on its facts (pdf_facts.py): the expected
page count, fonts (embedded, and the font setting's), legible text sizes and A4 paper; and what of
that a paper given as it is must pass (``check_given``)."""

from __future__ import annotations

from collections.abc import Iterable

from packetgen.core.errors import Problem
from packetgen.core.fonts import FontSetting
from packetgen.printing.pdf_facts import PageText, PdfFacts
from packetgen.render import font_files, pdf_paper

# Legible on paper: no glyph under 8 pt, and most of a page's text at 10 pt or more (measured in the PDF,
# so a sheet shrunk to fit its page is caught too). SLACK absorbs the PDF's rounding of 8 pt to 7.99.
SMALLEST_PT = 8.0
MEDIAN_PT = 10.0
SLACK_PT = 0.05


def check_pdf(name: str, facts: PdfFacts, expected: tuple[int, int | None], fonts: FontSetting) -> list[Problem]:
    """The page count (``expected``: least and most, None for no most), the fonts and the text sizes."""
    problems = check_pages(name, facts, expected) + check_embedded(name, facts)
    foreign = foreign_fonts(facts, fonts)
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


def check_pages(name: str, facts: PdfFacts, expected: tuple[int, int | None]) -> list[Problem]:
    low, high = expected
    if facts.pages < low or (high is not None and facts.pages > high):
        want = f"{low}" if low == high else f"{low}以上" if high is None else f"{low}〜{high}"
        message = f"ページ数が {facts.pages} です（想定：{want}ページ）。元のファイルが壊れていないか確認してください"
        return [Problem(name, message)]
    return []


def check_embedded(name: str, facts: PdfFacts) -> list[Problem]:
    """Some text, and every font embedded: the printing office has no other copy of them."""
    if not facts.fonts:
        return [Problem(name, "文字がありません（フォントが1つも使われていません）")]
    loose = [f.name for f in facts.fonts if not f.embedded]
    return [Problem(name, f"埋め込まれていないフォントがあります：{'、'.join(loose)}")] if loose else []


def foreign_fonts(facts: PdfFacts, fonts: FontSetting) -> list[str]:
    return [f.name for f in facts.fonts if not f.one_of(font_files.pdf_families(fonts))]


def check_given(
    name: str, facts: PdfFacts, expected: tuple[int, int | None], fonts: FontSetting, own_fonts: bool
) -> tuple[list[Problem], list[str]]:
    """A paper given as it is (a 原稿): its content, sizes and paper are its author's, so only what
    printing needs is required — the page count and every font embedded — and the rest is said as
    注意 lines: text under 8 pt, pages other than A4 (worded as `check` words it) and, for a Word paper
    (``own_fonts`` False, its fonts set to the setting), characters LibreOffice drew in another font
    (a symbol, most often). A PDF (``own_fonts``) keeps its author's fonts: only the marks packetgen
    put on it are in the setting's, and loading it checked the fonts its text prints in
    (render/pdf_paper.py) — the fonts its pages name include some no text uses (reportlab names
    Helvetica on every page), so they are not counted here. The 10 pt median rule, which catches a
    sheet packetgen shrank, is not the paper's."""
    problems = check_pages(name, facts, expected) + ([] if own_fonts else check_embedded(name, facts))
    notes = []
    foreign = [] if own_fonts else foreign_fonts(facts, fonts)
    if foreign:
        shown = "、".join(foreign)
        notes.append(f"注意：{name} はフォント設定にないフォントで印刷される文字があります：{shown}（原稿の記号など）")
    small = [page for page in facts.text if page.smallest < SMALLEST_PT - SLACK_PT]
    if small:
        pages = "・".join(str(p.page) for p in small[:5]) + (f"ほか{len(small) - 5}ページ" if len(small) > 5 else "")
        least = min(p.smallest for p in small)
        notes.append(
            f"注意：{name} の{pages}ページ目に {SMALLEST_PT:g}pt 未満の文字があります（最小 {least:.1f}pt）。"
            "原稿のままの大きさで印刷されます"
        )
    not_a4 = pdf_paper.not_a4_notice(name, facts.sizes)
    return problems, notes + ([not_a4] if not_a4 else [])


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
        if not pdf_paper.is_a4((width, height)):
            size = sorted((width, height))
            return [
                Problem(name, f"{number}ページ目の用紙が A4 ではありません（{size[0]:.0f}×{size[1]:.0f}pt）")
            ], landscape
    return [], landscape

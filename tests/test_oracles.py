"""Independent oracles: what the packet must say, written out literally (never read from the code's own
constants), so a slip in a constant or a calendar table fails here."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from conftest import DATE
from packetgen.cli.japanese_help import wrap as terminal_wrap
from packetgen.core import japanese
from packetgen.render import text_fit

# --- 禁則 ----------------------------------------------------------------------------------------
# JIS X 4051 / the city's own papers: a line never starts with these …
NEVER_START = "、。，．）」』】〕！？ーぁぃぅぇぉっゃゅょァィゥェォッャュョ・：；"
# … and never ends with these.
NEVER_END = "（「『【〔"


def _lines_of(text: str, width_chars: int) -> list[str]:
    """Slide lines with no font chosen (every CJK character one em wide): width in characters."""
    return text_fit.FontMeasure().wrap(text, width_pt=10.0 * width_chars, size_pt=10.0)  # the unit-test widths


@pytest.mark.parametrize("mark", list(NEVER_START))
def test_slide_lines_never_start_with_a_closing_mark(mark: str) -> None:
    # 10 characters fit a line; the mark is the 11th, where a naive break would put it first
    text = "あいうえおかきくけこ" + mark + "さしすせそたちつてと"
    lines = _lines_of(text, 10)
    assert "".join(lines) == text
    assert len(lines) > 1
    assert all(not line.startswith(mark) for line in lines), lines


@pytest.mark.parametrize("mark", list(NEVER_END))
def test_slide_lines_never_end_with_an_opening_mark(mark: str) -> None:
    text = "あいうえおかきくけ" + mark + "さしすせそたちつてと"  # the mark is the 10th, a line's last
    lines = _lines_of(text, 10)
    assert "".join(lines) == text
    assert all(not line.endswith(mark) for line in lines[:-1]), lines


@pytest.mark.parametrize("mark", list(NEVER_START))
def test_terminal_lines_never_start_with_a_closing_mark(mark: str) -> None:
    text = "エラーです" + mark + "修正してください"  # 10 columns before the mark, 10 columns a line
    lines = terminal_wrap(text, 10)
    assert "".join(lines) == text
    assert all(not line.startswith(mark) for line in lines), lines


@pytest.mark.parametrize("mark", list(NEVER_END))
def test_terminal_lines_never_end_with_an_opening_mark(mark: str) -> None:
    text = "エラーで" + mark + "修正してください"  # the mark ends the first 10 columns
    lines = terminal_wrap(text, 10)
    assert "".join(lines) == text
    assert all(not line.endswith(mark) for line in lines[:-1]), lines


# --- calendar ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(2023, 7, 27), "令和5年7月27日"),
    ],
)
def test_era_boundaries(day: date, expected: str) -> None:
    assert japanese.wareki(day) == expected
    assert japanese.parse_date(expected) == day


@pytest.mark.parametrize(
    ("day", "fiscal_year", "label"),
    [
        (date(2023, 3, 31), 2022, "令和4年度"),
        (date(2023, 4, 1), 2023, "令和5年度"),
        (date(2019, 3, 31), 2018, "平成30年度"),
        (date(2019, 4, 1), 2019, "令和元年度"),  # named by government convention, though 平成 on 1 April
        (date(2020, 4, 1), 2020, "令和2年度"),
        (date(1989, 3, 31), 1988, "昭和63年度"),
        (date(1989, 4, 1), 1989, "平成元年度"),
        (date(2024, 1, 15), 2023, "令和5年度"),
    ],
)
def test_fiscal_year_boundaries(day: date, fiscal_year: int, label: str) -> None:
    assert japanese.fiscal_year(day) == fiscal_year
    assert japanese.wareki_fiscal_year(fiscal_year) == label
    assert japanese.parse_wareki_fiscal_year(label) == fiscal_year


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (date(2023, 7, 27), "木"),
        (date(2019, 5, 1), "水"),
        (date(1989, 1, 8), "日"),
        (date(2000, 2, 29), "火"),
        (date(2024, 1, 1), "月"),
        (date(2023, 10, 26), "木"),
        (date(2023, 7, 29), "土"),
    ],
)
def test_weekdays_of_known_dates(day: date, weekday: str) -> None:
    assert japanese.weekday(day) == weekday
    assert japanese.wareki_with_weekday(day).endswith(f"（{weekday}）")


def test_meeting_date_line_as_the_city_writes_it() -> None:
    line = japanese.wareki_with_weekday(date(2023, 7, 27)) + japanese.time_range(time(13, 30), time(15, 0))
    assert line == "令和5年7月27日（木）13：30～15：00"
    assert japanese.wareki_with_weekday(date(2023, 7, 27), fullwidth_parens=False) == "令和5年7月27日(木)"


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (999, "999"), (1000, "1,000"), (105000, "105,000"), (-1327, "△1,327"), (1234567, "1,234,567")],
)
def test_number_formats(value: int, text: str) -> None:
    assert japanese.number(value) == text
    assert japanese.amount(value) == text + "千円"


@pytest.mark.parametrize(
    ("label", "year"),
    [("H30", 2018), ("R1", 2019), ("R元", 2019), ("令和元年度", 2019), ("Ｈ３０", 2018), ("S64", 1989), ("2019", 2019)],
)
def test_year_labels_staff_type(label: str, year: int) -> None:
    assert japanese.parse_year_label(label) == year


@pytest.mark.parametrize(("year", "label"), [(2018, "H30"), (2019, "R1"), (2020, "R2"), (1988, "S63"), (1989, "H1")])
def test_short_fiscal_year_labels(year: int, label: str) -> None:
    assert japanese.short_year(year) == label


# --- the built packet ---------------------------------------------------------------------------
WORD_BODY_PT = 10.5
SLIDE_BODY_FLOOR_PT = 12.0  # body text of a slide printed on A4
SLIDE_SMALL_FLOOR_PT = 9.0  # footers, figure captions, case notes
# shapes holding body text (the rest are titles, labels, footers, figures and cases: small print)
BODY_SHAPES = ("本文", "リード文", "カード", "注記ボックス")


def _effective_sizes(docx: Path) -> dict[float, int]:
    """Characters of the document's body per effective font size (run, then its style chain)."""
    from docx import Document

    doc = Document(str(docx))
    counts: dict[float, int] = {}

    def style_size(style) -> float | None:
        while style is not None:
            if style.font.size is not None:
                return style.font.size.pt
            style = style.base_style
        return None

    paragraphs = list(doc.paragraphs) + [p for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    for p in paragraphs:
        for run in p.runs:
            size = run.font.size.pt if run.font.size is not None else style_size(p.style)
            if size is not None and run.text.strip():
                counts[size] = counts.get(size, 0) + len(run.text.strip())
    return counts


@pytest.mark.parametrize("name", ["次第・参加者名簿.docx", "資料No.3_一関市企業版ふるさと納税について.docx"])
def test_word_body_text_is_10_5_pt(built_packet: Path, name: str) -> None:
    from docx import Document

    assert Document(str(built_packet / name)).styles["Normal"].font.size.pt == WORD_BODY_PT
    counts = _effective_sizes(built_packet / name)
    assert max(counts, key=lambda size: counts[size]) == WORD_BODY_PT, counts


def _runs(shape):
    if shape.has_text_frame:
        for p in shape.text_frame.paragraphs:
            yield from p.runs
    if getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            for cell in row.cells:
                for p in cell.text_frame.paragraphs:
                    yield from p.runs


@pytest.mark.parametrize(
    ("name", "slides"),
    [("資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pptx", 52), ("資料No.1-2_地方版総合戦略の改訂.pptx", 21)],
)
def test_fitted_decks_keep_the_body_floor(built_packet: Path, name: str, slides: int) -> None:
    from pptx import Presentation

    prs = Presentation(str(built_packet / name))
    assert len(prs.slides) == slides
    too_small = []
    body_runs = 0
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            body = shape.name.startswith(BODY_SHAPES) or (getattr(shape, "has_table", False) and shape.has_table)
            for run in _runs(shape):
                if run.font.size is None or not run.text.strip():
                    continue
                floor = SLIDE_BODY_FLOOR_PT if body else SLIDE_SMALL_FLOOR_PT
                body_runs += body
                if run.font.size.pt < floor:
                    too_small.append((number, shape.name, run.font.size.pt, run.text[:20]))
    assert body_runs > 100
    assert not too_small


@pytest.fixture(scope="module")
def printed(printed_project: Path) -> Path:
    """The print folder of the shared print of the seed inputs (read only)."""
    return printed_project / "outputs" / DATE / "print"


@pytest.mark.parametrize(
    ("pdf", "pages"),
    [
        ("次第・参加者名簿.pdf", 3),
        ("資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pdf", 52),
        ("資料No.1-2_地方版総合戦略の改訂.pdf", 21),
        ("資料No.2_人口動態について.pdf", 10),
        ("資料No.3_一関市企業版ふるさと納税について.pdf", 1),
        ("印刷発注書.pdf", 1),
        ("packet.pdf", 90),  # 87 pages and a blank after each odd-length 資料 (3, 21 and 1 pages: +3)
    ],
)
@pytest.mark.xdist_group("print")  # the worker that made the session's print for test_print
def test_page_counts_of_the_2023_07_27_packet(printed: Path, pdf: str, pages: int) -> None:
    from pypdf import PdfReader

    assert len(PdfReader(str(printed / pdf)).pages) == pages

"""Slide typesetting rules, each on purpose-made text or slides: phrase-aware breaks, no widows, the
deck carries the breaks, balanced pages, card grids, omitted figures, continued titles, the report."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from conftest import DATE, run
from packetgen.core.linebreak import phrase_lines
from packetgen.core.linebreak.kinsoku import KINSOKU, NO_LINE_END, NO_LINE_START
from packetgen.core.linebreak.phrases import phrase_breaks
from packetgen.render.font_files import resolve
from packetgen.render.pptx_shapes import INSET_PT, WIDTH_SAFETY
from packetgen.render.text_fit import FontMeasure
from test_decks import DECKS, write_deck

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(autouse=True)
def font() -> FontMeasure:
    """Measure with the slide font, as the decks do (widths below are for BIZ UDPゴシック)."""
    regular, bold = resolve("BIZ UDPゴシック"), resolve("BIZ UDPゴシック", bold=True)
    if regular is None:
        pytest.skip("BIZ UDPゴシック is not installed")
    return FontMeasure.of(regular, bold)


# --- phrase-aware breaks ---------------------------------------------------------------------------
def test_a_bracketed_place_name_stays_whole(font: FontMeasure) -> None:
    lines = font.wrap("保健師等とのオンライン相談（山梨県富士吉田市）", 14 * 14, 14)
    assert lines == ["保健師等とのオンライン相談", "（山梨県富士吉田市）"]


def test_a_number_keeps_its_unit(font: FontMeasure) -> None:
    text = "デジタルスキルの習得支援及びデジタル分野への就労支援を2022年度から3年間集中的に推進"
    for chars in range(8, 30):
        lines = font.wrap(text, 14 * chars, 14)
        assert "".join(lines) == text
        for before, after in pairwise(lines):
            assert not (before[-1].isdigit() and after[0] in "年度間か"), (chars, lines)


def test_a_counter_keeps_its_number_where_budoux_would_part_them(font: FontMeasure) -> None:
    # BudouX reads 「(5か」「年分の」: the break after 「5か」 would split 「5か年」
    lines = font.wrap("通じた移住者数\u3000〇〇人（5か年分の累計）", 100, 14)
    assert lines == ["通じた移住者数\u3000", "〇〇人", "（5か年分の", "累計）"]


def test_a_compound_is_not_cut_after_its_first_kanji_where_budoux_slips() -> None:
    # BudouX reads 「デジタル分」「野等成長分野を」 and 「中小・中」「堅企業DX」
    assert phrase_breaks("対するデジタル分野等成長分野を中心とした") == {3, 15}
    assert 4 not in phrase_breaks("中小・中堅企業DX（キャッシュレス決済、")


def test_breaks_fall_between_phrases_whenever_the_phrase_fits(font: FontMeasure) -> None:
    text = (
        "2030年度までに全ての地方公共団体がデジタル実装に取り組むことを見据え、デジタル実装に取り組む"
        "地方公共団体を、2024年度までに1,000団体、2027年度までに1,500団体とする。"
    )
    widest = font.widest_phrase(text, 14)
    for chars in range(10, 40):
        width = 14 * chars
        quality = font.quality(text, width, 14)
        assert quality.splits == 0 or widest > width, (chars, font.wrap(text, width, 14))


def test_a_space_is_a_break_and_stays_at_the_end_of_its_line(font: FontMeasure) -> None:
    assert font.wrap("スマートシティ スーパーシティ", 14 * 9, 14) == ["スマートシティ ", "スーパーシティ"]


def test_a_phrase_longer_than_the_line_breaks_between_characters_with_kinsoku(font: FontMeasure) -> None:
    text = "デジタル田園都市国家構想交付金等の活用によるサテライトオフィス等の整備、（仮称）。"
    for chars in (5, 6, 7, 8):
        lines = font.wrap(text, 14 * chars, 14)
        assert "".join(lines) == text
        assert all(line[0] not in NO_LINE_START for line in lines[1:]), lines
        assert all(line[-1] not in NO_LINE_END for line in lines[:-1]), lines
    quality = font.quality(text, 14 * 6, 14)
    assert quality.splits >= 1 and quality.forced == quality.splits  # only the too-long phrases split


def test_a_long_phrase_breaks_where_its_script_changes(font: FontMeasure) -> None:
    # 「デジタル田園都市国家構想交付金等の」 is one phrase wider than the line:
    # 「デジタル｜田園」, not 「デジタル田園都｜市」
    assert font.wrap("デジタル田園都市国家構想交付金等の", 14 * 7, 14)[0] == "デジタル"


def test_a_number_heading_its_text_is_not_left_alone_on_a_line(font: FontMeasure) -> None:
    lines = font.wrap("3　誰一人取り残されないための取組", 14 * 15, 14)
    assert not lines[0].strip().isdigit(), lines


# --- widows --------------------------------------------------------------------------------------
WIDOW_TEXT = (
    "結婚・出産・子育ての支援、仕事と子育ての両立など子育てしやすい環境づくり、"
    "こども政策におけるDX等のデジタル技術を活用した地域の様々な取組の推進　等"
)


def test_a_last_line_of_one_or_two_characters_takes_a_phrase_along(font: FontMeasure) -> None:
    a = phrase_lines._analyse(font, KINSOKU, WIDOW_TEXT, False)
    greedy = phrase_lines._breaks(a, 112 / 14)
    assert WIDOW_TEXT[greedy[-2] :] == "等"  # filled greedily, the paragraph would end on 「等」 alone
    lines = font.wrap(WIDOW_TEXT, 112, 14)
    assert lines[-2:] == ["様々な取組の", "推進　等"]
    assert len(lines) == len(greedy)  # no taller: the break before moves, no line is added


def test_no_widow_at_any_width_where_a_phrase_boundary_allows_it(font: FontMeasure) -> None:
    for width in range(90, 700, 7):
        quality = font.quality(WIDOW_TEXT, width, 14)
        assert not quality.widow, (width, font.wrap(WIDOW_TEXT, width, 14))


# --- the deck carries the breaks -----------------------------------------------------------------
LONG_BULLET = (
    "官民連携の下で、新たな技術を育てるベンチャー投資や地域課題を解決し得る社会的投資の拡充・強化、"
    "実証の場の創設・拡充等により、**スタートアップが育ちやすい環境整備等**を実施（福岡県北九州市）。"
)


def _paragraphs(slide) -> list[tuple[str, list[str]]]:
    """(whole text, lines) of every paragraph of the slide's content boxes."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame and not shape.is_placeholder:
            for p in shape.text_frame.paragraphs:
                lines = p.text.split("\v")  # python-pptx reads <a:br/> as a vertical tab
                out.append(("".join(lines), lines))
    return out


def test_the_deck_carries_the_fitters_line_breaks_and_reads_whole(project: Path, font: FontMeasure) -> None:
    write_deck(
        project,
        "1-2",
        [{"layout": "title", "title": "表紙"}, {"layout": "bullets", "title": "改行", "bullets": [LONG_BULLET]}],
    )
    assert run(project, "build", DATE, "--only", "1-2").exit_code == 0
    slide = Presentation(str(project / "outputs" / DATE / DECKS["1-2"])).slides[1]
    box = next(sh for sh in slide.shapes if sh.name == "本文1")
    p = box.text_frame._txBody.find(f"{A}p")
    assert len(p.findall(f"{A}br")) >= 1  # explicit breaks inside the one paragraph
    (whole, lines), *_ = _paragraphs(slide)
    assert whole == LONG_BULLET.replace("**", "")  # extraction joins the lines back into the paragraph
    assert "（福岡県北九州市）" in "".join(line for line in lines if "（福岡県北九州市）" in line)
    # the bold span keeps its weight on both sides of a break
    bold = "".join(r.findtext(f"{A}t") for r in p.findall(f"{A}r") if r.find(f"{A}rPr").get("b") == "1")
    assert bold == "スタートアップが育ちやすい環境整備等"
    # and they are the fitter's lines: text_fit at the box's width, insets, margin and size
    ppr = p.find(f"{A}pPr")
    size = int(p.find(f"{A}r/{A}rPr").get("sz")) / 100
    width = (Emu(box.width).pt - 2 * INSET_PT - Emu(int(ppr.get("marL", "0"))).pt) * WIDTH_SAFETY
    assert lines == font.wrap(whole, width, size, _bold_flags(LONG_BULLET))


def _bold_flags(text: str) -> tuple[bool, ...]:
    flags: list[bool] = []
    for i, part in enumerate(text.split("**")):
        flags += [i % 2 == 1] * len(part)
    return tuple(flags)


# --- balanced pages ------------------------------------------------------------------------------
def _sizes(slide) -> list[float]:
    return [int(r.get("sz")) / 100 for r in slide._element.iter(f"{A}rPr") if r.get("sz")]


def test_a_cramped_slide_is_refused_at_12_pt_rather_than_shrunk(project: Path) -> None:
    # made-up text: 11 bullets of 140 characters take 94 % at 13.5 pt; 14 of 210 fit only below 12 pt
    sentence = "番目の施策として地方公共団体と民間事業者が連携し、地域の課題解決に向けた取組を推進する（テスト用）。"
    bullets = [f"{i}{sentence}" * 3 for i in range(1, 15)]
    write_deck(
        project,
        "1-2",
        [{"layout": "title", "title": "表紙"}, {"layout": "bullets", "title": "多い", "bullets": bullets}],
    )
    result = run(project, "build", DATE, "--only", "1-2")
    assert result.exit_code == 1
    assert "スライド2" in result.stderr and "収まりません" in result.stderr


def test_body_text_is_12_pt_or_more_and_takes_at_most_95_percent(built_packet: Path, font: FontMeasure) -> None:
    from packetgen.render.slide_report import measure

    for deck_id in ("1-1", "1-2"):
        facts = measure((built_packet / DECKS[deck_id]).read_bytes(), font)
        assert min(s.body_min_pt for s in facts.slides if s.body_min_pt) >= 12.0
        fills = [s.fill for s in facts.content]
        assert min(fills) >= 0.40 and max(fills) <= 0.955, (deck_id, [round(f, 2) for f in fills])


def test_a_long_table_continues_over_evenly_filled_pages(project: Path) -> None:
    rows = [[f"{i}行目の事業（テスト用の架空データ）", f"{i * 1000:,}千円", "令和5年度"] for i in range(1, 31)]
    write_deck(
        project,
        "1-2",
        [
            {"layout": "title", "title": "表"},
            {"layout": "table", "title": "事業一覧", "columns": ["事業名", "金額", "年度"], "rows": rows},
        ],
    )
    assert run(project, "build", DATE, "--only", "1-2").exit_code == 0
    slides = list(Presentation(str(project / "outputs" / DATE / DECKS["1-2"])).slides)[1:]
    counts = [len(sh.table.rows) - 1 for s in slides for sh in s.shapes if sh.has_table]
    assert sum(counts) == 30 and len(counts) >= 2
    assert max(counts) - min(counts) <= 1, counts  # not 14 + 14 + 2


# --- card grids ----------------------------------------------------------------------------------
def _boxes(slide, prefix: str) -> list:
    return [sh for sh in slide.shapes if sh.name.startswith(prefix) and not sh.name.endswith("見出し")]


def test_cards_sit_on_one_grid_in_even_rows_of_equal_height(project: Path) -> None:
    cards = [{"title": f"カード{i}", "text": "テスト用の文" * (i % 3 + 1)} for i in range(1, 8)]
    write_deck(
        project,
        "1-2",
        [
            {"layout": "title", "title": "表紙"},
            {
                "layout": "cards",
                "title": "七枚",
                "sections": [{"heading": "＜上＞", "cards": cards[:4]}, {"heading": "＜下＞", "cards": cards[:3]}],
            },
            {"layout": "cards", "title": "七枚を一段で", "cards": cards},
        ],
    )
    assert run(project, "build", DATE, "--only", "1-2").exit_code == 0
    prs = Presentation(str(project / "outputs" / DATE / DECKS["1-2"]))
    upper = sorted(_boxes(prs.slides[1], "カード1-"), key=lambda sh: sh.left)
    lower = sorted(_boxes(prs.slides[1], "カード2-"), key=lambda sh: sh.left)
    assert [sh.left for sh in lower] == [sh.left for sh in upper][:3]  # the 3 line up with the 4 above
    assert {sh.width for sh in upper + lower} == {upper[0].width}
    seven = _boxes(prs.slides[2], "カード1-")
    rows: dict[int, list] = {}
    for sh in seven:
        rows.setdefault(sh.top, []).append(sh)
    assert sorted(len(r) for r in rows.values()) == [3, 4]  # 4 + 3, not 3 + 3 + 1
    assert all(len({sh.height for sh in r}) == 1 for r in rows.values())  # equal height in a row


def test_rows_of_cards_are_as_even_as_they_can_be(font: FontMeasure) -> None:
    from packetgen.render.slide_blocks.grids import Cards, CardSection, per_row

    assert [per_row(n) for n in range(1, 10)] == [1, 2, 3, 4, 3, 3, 4, 4, 3]  # 5 → 3 + 2, 7 → 4 + 3
    for n in range(2, 13):
        cards = Cards([CardSection("", [(f"分野{i}", "テスト用の説明文" * (i % 4), ()) for i in range(n)])])
        cards.choose_columns(770.0, 14.0, font)
        assert n % per_row(n, cards.columns) != 1, (n, cards.columns)  # no card alone on a row


def test_five_cards_are_never_four_and_one(project: Path) -> None:
    cards = [{"title": f"分野{i}", "text": "テスト用の短い説明"} for i in range(1, 6)]
    write_deck(
        project, "1-2", [{"layout": "title", "title": "表紙"}, {"layout": "cards", "title": "五枚", "cards": cards}]
    )
    assert run(project, "build", DATE, "--only", "1-2").exit_code == 0
    slide = Presentation(str(project / "outputs" / DATE / DECKS["1-2"])).slides[1]
    tops: dict[int, int] = {}
    for sh in _boxes(slide, "カード1-"):
        tops[sh.top] = tops.get(sh.top, 0) + 1
    assert 1 not in tops.values(), tops


def test_cases_and_figures_line_up_on_one_grid(project: Path) -> None:
    write_deck(
        project,
        "1-2",
        [
            {"layout": "title", "title": "表紙"},
            {
                "layout": "bullets",
                "title": "事例と図",
                "bullets": ["テスト用の本文。"],
                "cases": [{"caption": f"テスト用の事例{i}", "place": "架空県架空市"} for i in range(3)],
                "figures": ["テスト用の図A", "テスト用の図B"],
            },
        ],
    )
    assert run(project, "build", DATE, "--only", "1-2").exit_code == 0
    slide = Presentation(str(project / "outputs" / DATE / DECKS["1-2"])).slides[1]
    cases, figures = _boxes(slide, "事例"), _boxes(slide, "図")
    assert [sh.left for sh in figures] == [sh.left for sh in cases][:2]
    assert {sh.width for sh in cases + figures} == {cases[0].width}


# --- omitted figures, titles ---------------------------------------------------------------------
def test_an_omitted_figure_is_a_dashed_frame_that_says_where_it_is(project: Path) -> None:
    write_deck(
        project,
        "1-2",
        [
            {"layout": "title", "title": "表紙"},
            {
                "layout": "bullets",
                "title": "図",
                "bullets": ["テスト用の本文。"],
                "figures": ["インフラシェアリングの範囲（イメージ図）"],
            },
        ],
    )
    assert run(project, "build", DATE, "--only", "1-2").exit_code == 0
    slide = Presentation(str(project / "outputs" / DATE / DECKS["1-2"])).slides[1]
    (frame,) = [sh for sh in slide.shapes if sh.name == "図1"]
    assert frame.text_frame.text.replace("\v", "") == "図：インフラシェアリングの範囲（イメージ図）\n（原資料参照）"
    assert frame._element.find(f".//{A}ln/{A}prstDash").get("val") == "dash"


def test_a_continued_title_is_not_marked_twice(project: Path) -> None:
    rows = [[f"{i}行目の事業（テスト用）", "1千円"] for i in range(1, 41)]
    write_deck(
        project,
        "1-2",
        [
            {"layout": "title", "title": "表紙"},
            {"layout": "bullets", "title": "一覧", "bullets": ["テスト用の本文。"]},
            {"layout": "table", "title": "一覧（続き）", "columns": ["事業名", "金額"], "rows": rows},
        ],
    )
    assert run(project, "build", DATE, "--only", "1-2").exit_code == 0
    titles = [s.shapes.title.text for s in Presentation(str(project / "outputs" / DATE / DECKS["1-2"])).slides]
    assert titles[1:] == ["一覧"] + ["一覧（続き）"] * (len(titles) - 2)


# --- check: warnings and the report --------------------------------------------------------------
def test_check_names_file_and_line_of_slips_and_of_a_repeated_title(project: Path) -> None:
    write_deck(
        project,
        "1-1",
        [
            {"layout": "title", "title": "表紙"},
            {"layout": "bullets", "title": "見直しの主な内容①", "bullets": ["記載を追加 (P 4、5)、前年度は-1.2%。"]},
            {"layout": "bullets", "title": "見直しの主な内容①", "bullets": ["テスト用の本文。"]},
            {"layout": "bullets", "title": "別の内容（続き）", "bullets": ["テスト用の本文。"]},
        ],
    )
    result = run(project, "check", DATE, "--only", "1-1")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    source = f"inputs/{DATE}/slides/1-1.yaml"
    lines = (project / source).read_text("utf-8").splitlines()
    slip_line = next(n for n, line in enumerate(lines, 1) if "(P 4、5)" in line)
    assert f"注意：{source} {slip_line}行目：和文の約物を直してください" in out
    assert "「載を追加 (P 4、5)、前年度は-1.2%」→「載を追加（P 4、5）、前年度は−1.2%」" in out
    assert "のスライドのタイトル「見直しの主な内容①」が" in out and "「見直しの主な内容①（続き）」としてください" in out
    assert "「別の内容（続き）」の前のスライドのタイトルが「別の内容」ではありません" in out
    assert "組版 資料No.1-1（4枚）：文節の途中での改行 0" in out and "約物の直し 1" in out
    assert "  スライド2「見直しの主な内容①」本文の高さ 6%" in out  # a sparse page is named


@pytest.mark.slow
def test_check_of_the_2023_07_27_packet_passes_reports_the_decks_typesetting_and_writes_nothing(
    project: Path,
) -> None:
    result = run(project, "check", DATE)  # every document: the seed packet is accepted as it is
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "組版 資料No.1-1（52枚）" in out and "組版 資料No.1-2（21枚）" in out
    assert "約物の直し 0" in out
    # the only notes are the findings the data cannot confirm (資料No.2): none about the decks
    notes = [line for line in out.splitlines() if line.startswith("注意：")]
    assert notes and all(line.startswith("注意：inputs/2023-07-27/population/findings.yaml") for line in notes), notes
    assert not (project / "outputs").exists()

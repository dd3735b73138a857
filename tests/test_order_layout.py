# ruff: noqa: E501  (one text or cell a line reads best)
"""Where the 印刷発注書's text sits (printing/order/layout.py, line_breaks.py and the drawing of as_pdf.py
and as_xlsx.py): the heading's items paired two to a row where both are short, the PDF's line breaks
(Latin words, katakana and 要記入 whole, 禁則), and the order of tests/orders.py written out as drawn —
where each text sits on the PDF page and at what size, the shaded boxes and the rules; the workbook's
cells (value, size, bold, colour, fill, alignment, border), column widths, row heights and merged cells.

A layout snapshot, reviewed by eye (the PDF rendered to PNG and read, 2026-11-29): a change of the
drawing shows here cell by cell. When the layout is changed on purpose, look at the new PDF and XLSX,
then write the new values in. (It kills the mutants of printing/order/'s drawing code: scripts/mutation.sh.)
"""

from __future__ import annotations

import dataclasses
import io
from datetime import datetime

import openpyxl
import pdfplumber

from orders import FONTS, ORDER
from packetgen.printing.order import as_pdf, as_xlsx, layout
from packetgen.printing.order.layout import pair_items
from packetgen.printing.order.line_breaks import wrap

# --- the heading's pairs and the PDF's line breaks ---------------------------------------------------


def test_heading_items_pair_up_where_both_are_short() -> None:
    items = [("件名", "長い" * 10), ("発注日", "短い"), ("納期", "短い"), ("納品場所", "短い"), ("丁合", "長い" * 10)]
    rows = pair_items(items, lambda value: len(value) < 5)
    assert [[k for k, _ in row] for row in rows] == [["件名"], ["発注日", "納期"], ["納品場所"], ["丁合"]]


def test_heading_pairs_keep_the_order_and_numbers_are_shown_with_commas() -> None:
    items = [("件名", "長い件名"), ("発注日", "短"), ("納期", "短"), ("納品場所", "長い場所"), ("校正", "短")]
    rows = layout.pair_items(items, lambda v: v == "短")
    assert rows == [
        [("件名", "長い件名")],
        [("発注日", "短"), ("納期", "短")],
        [("納品場所", "長い場所")],
        [("校正", "短")],
    ]
    assert layout.pair_items([("a", "短"), ("b", "長"), ("c", "短")], lambda v: v == "短") == [
        [("a", "短")],
        [("b", "長")],
        [("c", "短")],
    ]
    assert layout.shown(1234) == "1,234" and layout.shown(True) == "True" and layout.shown("x") == "x"


def test_the_pdfs_lines_keep_words_whole_and_the_japanese_line_rules() -> None:
    def width(text: str) -> float:
        return float(len(text))  # one unit a character, for the test

    assert wrap("資料No.1-1_概要.pdf", 9, width) == ["資料No.1-1_", "概要.pdf"]  # Latin runs stay whole
    assert wrap("あいうえお、かきくけこ", 5, width) == ["あいうえ", "お、かきく", "けこ"]  # no line starts with 、
    assert wrap("あいう（えお", 4, width) == ["あいう", "（えお"]  # none ends with （
    assert wrap("担当：要記入です", 5, width) == ["担当：", "要記入です"]  # 要記入 whole
    assert wrap("左上1か所ホチキス留め", 6, width) == ["左上1か所", "ホチキス留め"]  # katakana whole
    assert wrap("abcdefghijklmnop", 5, width) == ["abcde", "fghij", "klmno", "p"]  # wider than a line: by letter
    assert wrap("一行目\n二行目", 10, width) == ["一行目", "二行目"]


# --- the order as drawn ------------------------------------------------------------------------------


def pdf_layout(data: bytes):
    page = pdfplumber.open(io.BytesIO(data)).pages[0]
    words = [
        (w["text"], round(w["x0"], 1), round(w["top"], 1), round(w["size"], 1))
        for w in page.extract_words(extra_attrs=["size"])
    ]
    rects = [
        (
            round(r["x0"], 1),
            round(r["top"], 1),
            round(r["x1"], 1),
            round(r["bottom"], 1),
            tuple(round(c, 3) for c in r["non_stroking_color"]),
        )
        for r in page.rects
    ]
    lines = [
        (round(x["x0"], 1), round(x["top"], 1), round(x["x1"], 1), round(x["bottom"], 1), round(x["linewidth"], 2))
        for x in page.lines
    ]
    return words, rects, lines


def xlsx_layout(data: bytes):
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [
        (
            c.coordinate, c.value, c.font.sz, bool(c.font.b), c.font.color.rgb if c.font.color is not None else None,
            c.fill.fgColor.rgb if c.fill.fill_type else None, c.alignment.horizontal, bool(c.alignment.wrap_text),
            c.border.left.style,
        )
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]  # fmt: skip
    widths = {k: v.width for k, v in sorted(ws.column_dimensions.items()) if v.width}
    heights = {k: v.height for k, v in sorted(ws.row_dimensions.items()) if v.height}
    return cells, widths, heights, sorted(str(r) for r in ws.merged_cells.ranges)


def test_the_order_pdf_as_drawn() -> None:
    words, rects, lines = pdf_layout(as_pdf.order_pdf(ORDER, FONTS))
    assert words == PDF_WORDS
    assert rects == PDF_RECTS
    assert lines == PDF_LINES


def test_the_order_workbook_as_laid_out() -> None:
    cells, widths, heights, merged = xlsx_layout(as_xlsx.order_xlsx(ORDER, datetime(2023, 7, 20, 9), "第1回", FONTS))
    assert cells == XLSX_CELLS
    assert widths == XLSX_WIDTHS
    assert heights == XLSX_HEIGHTS
    assert merged == XLSX_MERGED


FULL_HEADING = (
    ("件名", "有識者会議資料（テスト）"),
    ("会議", "令和5年度第1回一関市まち・ひと・しごと創生有識者会議（令和5年7月27日（木）13：30～15：00）"),
    ("発注者（課）", "市長公室政策企画課"),
    ("発注者（担当者）", "渡辺　苑子"),
    ("電話", "要記入"),
    ("メール", "seisaku@example.jp"),
    ("納期", "令和5年7月26日（水）17:00まで"),
    ("部数", "委員10名（欠席6名を除く）＋市側出席者5名＋傍聴者用5部＋報道用3部＋予備2部＝25部"),
    ("備考", "1行目\n2行目"),
    (
        "校正",
        "要（印刷前に校正刷りを確認します）。"
        + "校正刷りは政策企画課の窓口で確認し、修正があればその日のうちに連絡します。" * 2,
    ),
)


def test_a_full_heading_pairs_short_items_and_grows_rows_for_long_ones() -> None:
    order = dataclasses.replace(ORDER, details=FULL_HEADING)
    cells, _, heights, merged = xlsx_layout(as_xlsx.order_xlsx(order, datetime(2023, 7, 20, 9), "第1回", FONTS))
    # 項目 spans A:C (発注者（担当者） needs three columns); two short items share a row, the right one at I
    assert [c[0] for c in cells][:22] == [
        "A1", "A2", "A4", "D4", "A5", "D5", "A6", "D6", "I6", "K6", "A7", "D7", "I7", "K7",
        "A8", "D8", "A9", "D9", "A10", "D10", "A11", "D11",
    ]  # fmt: skip
    assert sorted(m for m in merged if int(m.split(":")[1][1:]) < 13) == [
        "A10:C10", "A11:C11", "A1:N1", "A2:N2", "A4:C4", "A5:C5", "A6:C6", "A7:C7", "A8:C8", "A9:C9",
        "D10:N10", "D11:N11", "D4:N4", "D5:N5", "D6:H6", "D7:H7", "D8:N8", "D9:N9",
        "I6:J6", "I7:J7", "K6:N6", "K7:N7",
    ]  # fmt: skip
    # one line 16.5 pt; a 要記入 row 24 pt (room to write by hand); 備考's two lines and 校正's wrapped text 29.4 pt
    heading_heights = {k: v for k, v in heights.items() if 4 <= k <= 11}
    assert heading_heights == {4: 16.5, 5: 16.5, 6: 16.5, 7: 24.0, 8: 16.5, 9: 16.5, 10: 29.4, 11: 29.4}


# fmt: off
PDF_WORDS = [('印刷発注書', 30.0, 32.0, 16.0), ('「要記入」の欄（発注日・電話）は、発注の前に記入してください。', 536.0, 38.2, 10.5), ('件名', 33.0, 64.8, 10.5),
 ('会議資料の印刷', 71.5, 64.8, 10.5), ('発注日', 429.9, 64.8, 10.5), ('要記入', 468.4, 64.8, 10.5), ('納期', 33.0, 86.8, 10.5),
 ('令和5年7月26日', 71.5, 86.8, 10.5), ('電話', 429.9, 86.8, 10.5), ('0191-21-要記入', 468.4, 86.8, 10.5),
 ('ページ', 303.0, 114.3, 10.5), ('両面/', 367.1, 114.3, 10.5), ('とじ', 410.3, 114.3, 10.5), ('カラー/', 448.6, 114.3, 10.5),
 ('1部の', 707.9, 114.3, 10.5), ('総ページ', 780.0, 114.3, 10.5), ('No', 33.2, 120.9, 10.5), ('資料番号', 55.9, 120.9, 10.5),
 ('資料名', 136.3, 120.9, 10.5), ('ファイル', 232.4, 120.9, 10.5), ('向き', 339.6, 120.9, 10.5), ('綴じ方', 567.7, 120.9, 10.5),
 ('部数', 680.4, 120.9, 10.5), ('総枚数', 742.0, 120.9, 10.5), ('数', 312.8, 127.4, 10.5), ('片面', 369.7, 127.4, 10.5),
 ('方向', 409.7, 127.4, 10.5), ('モノクロ', 447.0, 127.4, 10.5), ('枚数', 711.2, 127.4, 10.5), ('数', 795.1, 127.4, 10.5),
 ('1', 38.0, 144.6, 10.5), ('—', 71.7, 144.6, 10.5), ('次第・参加者名簿', 104.2, 144.6, 10.5), ('次第.pdf', 206.0, 144.6, 10.5),
 ('3', 325.4, 144.6, 10.5), ('縦', 344.8, 144.6, 10.5), ('両面', 369.7, 144.6, 10.5), ('長辺とじ', 399.9, 144.6, 10.5),
 ('モノクロ', 447.4, 144.6, 10.5), ('左上1か所ホチキス留め', 491.8, 144.6, 10.5), ('26', 685.7, 144.6, 10.5),
 ('2', 727.8, 144.6, 10.5), ('52', 757.8, 144.6, 10.5), ('78', 804.9, 144.6, 10.5), ('2', 37.3, 161.7, 10.5),
 ('No.1-1', 58.3, 161.7, 10.5), ('概要', 104.2, 161.7, 10.5), ('1-1.pdf', 206.0, 161.7, 10.5),
 ('52', 317.4, 161.7, 10.5), ('横', 344.8, 161.7, 10.5), ('両面', 369.7, 161.7, 10.5), ('短辺とじ', 399.9, 161.7, 10.5),
 ('カラー', 451.4, 161.7, 10.5), ('左上1か所ホチキス留め', 491.8, 161.7, 10.5), ('26', 685.7, 161.7, 10.5),
 ('26', 719.8, 161.7, 10.5), ('676', 749.8, 161.7, 10.5), ('1,352', 787.1, 161.7, 10.5), ('3', 37.3, 178.8, 10.5),
 ('No.3', 63.4, 178.8, 10.5), ('報告', 104.2, 178.8, 10.5), ('3.pdf', 206.0, 178.8, 10.5), ('5', 325.4, 178.8, 10.5),
 ('縦', 344.8, 178.8, 10.5), ('片面', 369.7, 178.8, 10.5), ('—', 414.9, 178.8, 10.5), ('モノクロ', 447.4, 178.8, 10.5),
 ('一式で綴じる', 491.8, 178.8, 10.5), ('10', 687.0, 178.8, 10.5), ('5', 727.8, 178.8, 10.5), ('50', 757.8, 178.8, 10.5),
 ('50', 804.9, 178.8, 10.5), ('計', 36.1, 195.9, 10.5), ('総枚数＝1部の枚数×部数（両面は2ページで1枚）', 55.7, 195.9, 10.5),
 ('60', 317.4, 195.9, 10.5), ('33', 719.8, 195.9, 10.5), ('778', 749.8, 195.9, 10.5), ('1,480', 786.9, 195.9, 10.5),
 ('印刷の指示', 30.0, 219.7, 11.5), ('1.資料ごとのPDFを印刷してください', 33.4, 236.9, 10.5), ('2.packet.pdf', 32.0, 251.1, 10.5),
 ('は校正用です', 112.9, 251.1, 10.5), ('第1回会議', 24.0, 569.4, 9.0), ('令和5年7月27日', 71.7, 569.4, 9.0),
 ('印刷発注書', 745.1, 569.4, 9.0), ('1', 796.0, 569.4, 9.0), ('/', 804.7, 569.4, 9.0), ('1', 812.2, 569.4, 9.0)]
PDF_RECTS = [(30.0, 59.0, 68.5, 103.0, (0.851, 0.882, 0.949)), (465.4, 59.0, 823.9, 81.0, (0.988, 0.894, 0.839)),
 (426.9, 59.0, 465.4, 81.0, (0.851, 0.882, 0.949)), (465.4, 81.0, 823.9, 103.0, (0.988, 0.894, 0.839)),
 (426.9, 81.0, 465.4, 103.0, (0.851, 0.882, 0.949)), (30.0, 111.0, 823.9, 141.3, (0.851, 0.882, 0.949)),
 (30.0, 192.6, 823.9, 209.8, (0.95, 0.95, 0.95))]
PDF_LINES = [(30.0, 59.0, 823.9, 59.0, 0.6), (30.0, 103.0, 823.9, 103.0, 0.6), (30.0, 59.0, 30.0, 103.0, 0.6),
 (823.9, 59.0, 823.9, 103.0, 0.6), (30.0, 81.0, 823.9, 81.0, 0.6), (68.5, 59.0, 68.5, 103.0, 0.6),
 (426.9, 59.0, 426.9, 103.0, 0.6), (465.4, 59.0, 465.4, 103.0, 0.6), (30.0, 111.0, 823.9, 111.0, 0.6),
 (30.0, 209.8, 823.9, 209.8, 0.6), (30.0, 111.0, 30.0, 209.8, 0.6), (823.9, 111.0, 823.9, 209.8, 0.6),
 (30.0, 141.3, 823.9, 141.3, 0.6), (30.0, 158.4, 823.9, 158.4, 0.6), (30.0, 175.5, 823.9, 175.5, 0.6),
 (30.0, 192.6, 823.9, 192.6, 0.6), (52.7, 111.0, 52.7, 209.8, 0.6), (101.2, 111.0, 101.2, 192.6, 0.6),
 (203.0, 111.0, 203.0, 192.6, 0.6), (299.7, 111.0, 299.7, 209.8, 0.6), (336.3, 111.0, 336.3, 209.8, 0.6),
 (363.8, 111.0, 363.8, 209.8, 0.6), (396.6, 111.0, 396.6, 209.8, 0.6), (443.7, 111.0, 443.7, 209.8, 0.6),
 (488.8, 111.0, 488.8, 209.8, 0.6), (677.1, 111.0, 677.1, 209.8, 0.6), (704.6, 111.0, 704.6, 209.8, 0.6),
 (738.8, 111.0, 738.8, 209.8, 0.6), (776.8, 111.0, 776.8, 209.8, 0.6), (30.0, 192.6, 823.9, 192.6, 1.2)]
XLSX_CELLS = [('A1', '印刷発注書', 14.0, True, '00000000', None, None, True, None),
 ('A2', '「要記入」の欄（発注日・電話）は、発注の前に記入してください。', 11.0, True, '00C00000', None, None, True, None),
 ('A4', '件名', 11.0, True, '00000000', '00D9E1F2', None, True, 'thin'),
 ('C4', '会議資料の印刷', 11.0, False, '00000000', None, None, True, 'thin'),
 ('I4', '発注日', 11.0, True, '00000000', '00D9E1F2', None, True, 'thin'),
 ('J4', '要記入', 11.0, True, '00C00000', '00FCE4D6', None, True, 'thin'),
 ('A5', '納期', 11.0, True, '00000000', '00D9E1F2', None, True, 'thin'),
 ('C5', '令和5年7月26日', 11.0, False, '00000000', None, None, True, 'thin'),
 ('I5', '電話', 11.0, True, '00000000', '00D9E1F2', None, True, 'thin'),
 ('J5', '0191-21-要記入', 11.0, True, '00C00000', '00FCE4D6', None, True, 'thin'),
 ('A7', 'No', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('B7', '資料番号', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('C7', '資料名', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('D7', 'ファイル', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('E7', 'ページ\n数', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('F7', '向き', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('G7', '両面/\n片面', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('H7', 'とじ\n方向', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('I7', 'カラー/\nモノクロ', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('J7', '綴じ方', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('K7', '部数', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('L7', '1部の\n枚数', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('M7', '総枚数', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('N7', '総ページ\n数', 11.0, True, '00000000', '00D9E1F2', 'center', True, 'thin'),
 ('A8', 1, 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('B8', '—', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('C8', '次第・参加者名簿', 11.0, False, '00000000', None, None, True, 'thin'),
 ('D8', '次第.pdf', 11.0, False, '00000000', None, None, True, 'thin'),
 ('E8', 3, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('F8', '縦', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('G8', '両面', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('H8', '長辺とじ', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('I8', 'モノクロ', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('J8', '左上1か所ホチキス留め', 11.0, False, '00000000', None, None, True, 'thin'),
 ('K8', 26, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('L8', 2, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('M8', 52, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('N8', 78, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('A9', 2, 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('B9', 'No.1-1', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('C9', '概要', 11.0, False, '00000000', None, None, True, 'thin'),
 ('D9', '1-1.pdf', 11.0, False, '00000000', None, None, True, 'thin'),
 ('E9', 52, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('F9', '横', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('G9', '両面', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('H9', '短辺とじ', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('I9', 'カラー', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('J9', '左上1か所ホチキス留め', 11.0, False, '00000000', None, None, True, 'thin'),
 ('K9', 26, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('L9', 26, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('M9', 676, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('N9', 1352, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('A10', 3, 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('B10', 'No.3', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('C10', '報告', 11.0, False, '00000000', None, None, True, 'thin'),
 ('D10', '3.pdf', 11.0, False, '00000000', None, None, True, 'thin'),
 ('E10', 5, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('F10', '縦', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('G10', '片面', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('H10', '—', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('I10', 'モノクロ', 11.0, False, '00000000', None, 'center', False, 'thin'),
 ('J10', '一式で綴じる', 11.0, False, '00000000', None, None, True, 'thin'),
 ('K10', 10, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('L10', 5, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('M10', 50, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('N10', 50, 11.0, False, '00000000', None, 'right', False, 'thin'),
 ('A11', '計', 11.0, True, '00000000', '00F2F2F2', 'center', False, 'thin'),
 ('B11', '総枚数＝1部の枚数×部数（両面は2ページで1枚）', 11.0, False, '00000000', '00F2F2F2', None, True, 'thin'),
 ('E11', 60, 11.0, True, '00000000', '00F2F2F2', 'right', False, 'thin'),
 ('L11', 33, 11.0, True, '00000000', '00F2F2F2', 'right', False, 'thin'),
 ('M11', 778, 11.0, True, '00000000', '00F2F2F2', 'right', False, 'thin'),
 ('N11', 1480, 11.0, True, '00000000', '00F2F2F2', 'right', False, 'thin'),
 ('A13', '印刷の指示', 11.0, True, '00000000', None, None, True, None),
 ('A14', '1.', 11.0, False, '00000000', None, 'right', False, None),
 ('B14', '資料ごとのPDFを印刷してください', 11.0, False, '00000000', None, None, True, None),
 ('A15', '2.', 11.0, False, '00000000', None, 'right', False, None),
 ('B15', 'packet.pdf は校正用です', 11.0, False, '00000000', None, None, True, None)]
XLSX_WIDTHS = {'A': 3.0,
 'B': 6.25,
 'C': 12.75,
 'D': 6.25,
 'E': 4.75,
 'F': 3.5,
 'G': 4.25,
 'H': 6.0,
 'I': 5.75,
 'J': 20.5,
 'K': 3.5,
 'L': 4.25,
 'M': 4.75,
 'N': 6.0}
XLSX_HEIGHTS = {1: 21.0,
 2: 16.5,
 3: 6.0,
 4: 24.0,
 5: 24.0,
 6: 8.0,
 7: 29.4,
 8: 29.4,
 9: 16.5,
 10: 16.5,
 11: 29.4,
 12: 8.0,
 13: 16.5,
 14: 16.5,
 15: 16.5}
XLSX_MERGED = ['A13:N13', 'A1:N1', 'A2:N2', 'A4:B4', 'A5:B5', 'B11:D11', 'B14:N14', 'B15:N15', 'C4:H4', 'C5:H5', 'J4:N4', 'J5:N5']
# fmt: on

"""The 印刷発注書 (print order) as CSV, XLSX and PDF, from a made-up order; and the validation of
meeting.yaml's 印刷 block, through the CLI.

MADE-UP DATA: the orders below are invented for the tests (titles, pages, copies, names, phone
numbers); they describe no real meeting and no real person.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from conftest import DATE, run
from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting
from packetgen.inputs.meeting import TO_FILL
from packetgen.printing.order.as_csv import order_csv
from packetgen.printing.order.as_pdf import order_pdf
from packetgen.printing.order.as_xlsx import order_xlsx
from packetgen.printing.order.layout import pair_items
from packetgen.printing.order.line_breaks import wrap
from packetgen.printing.order.model import COLUMNS, SHEETS_NOTE, Order, OrderLine
from packetgen.printing.pdf_facts import read_facts
from packetgen.render.font_files import pdf_families, resolve
from references import DEFAULT
from test_fonts import font_names

pdfplumber = pytest.importorskip("pdfplumber")
needs_fonts = pytest.mark.skipif(resolve(DEFAULT.gothic) is None, reason="BIZ UDPゴシック is not installed")

A4 = (595.28, 841.89)
WHEN = datetime(2031, 4, 1, 10, 0)  # made-up meeting start
LABEL = "令和13年4月1日(火)　第1回架空市テスト会議"  # made-up

# --- a made-up order -------------------------------------------------------------------------------
MEETING = "令和13年度第1回架空市テスト会議"
DATE_TEXT = "令和13年4月1日（火）10：00～11：30"
NOTE = "委員10名＋市側出席者4名＋予備5部＝19部"
LINES = [
    OrderLine("", "次第・参加者名簿", "次第・参加者名簿.pdf", 3, True, False, 19),
    OrderLine(
        "資料No.1",
        "架空市の長い名前の総合戦略についての概要と今後の進め方（素案）",
        "資料No.1_架空市の長い名前の総合戦略についての概要と今後の進め方（素案）.pdf",
        21,
        True,
        True,
        19,
        landscape=True,
    ),
    OrderLine("資料No.2", "テスト統計", "資料No.2_テスト統計.pdf", 4, False, False, 19, binding="クリップ留め"),
]
DETAILS = (
    ("件名", f"{MEETING} 会議資料の印刷"),
    ("会議", f"{MEETING}（{DATE_TEXT}）"),
    ("発注者（課）", "テスト課"),
    ("発注者（担当者）", "架空　太郎"),
    ("電話", "0000-00-0000"),
    ("メール", "—"),
    ("発注日", "令和13年3月25日（火）"),
    ("納期", TO_FILL),
    ("納品場所", "テスト庁舎2階 テスト課"),
    ("部数", NOTE),
    ("用紙", "A4・普通紙（コピー用紙）"),
    ("綴じ方", "資料ごとに左上1か所ホチキス留め"),
    ("丁合", "あり"),
    ("校正", "不要（PDFのとおり印刷）"),
    ("備考", "—"),
)
INSTRUCTIONS = (
    "印刷するファイル：下表の資料ごとのPDF（3ファイル）。各19部を、表のとおりに印刷してください。",
    "packet.pdf は確認用です。印刷には使いません。",
)


def made_up_order(lines: list[OrderLine] | None = None, details: tuple[tuple[str, str], ...] = DETAILS) -> Order:
    return Order(MEETING, DATE_TEXT, LINES if lines is None else lines, NOTE, details, INSTRUCTIONS, "packet.pdf", 30)


def csv_rows(order: Order) -> list[list[str]]:
    data = order_csv(order)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def no_space(text: str) -> str:
    return "".join(text.split())


# --- the model ---------------------------------------------------------------------------------------
def test_line_orientation_flip_and_sheets() -> None:
    agenda, slides, stats = LINES
    assert (agenda.orientation, agenda.flip, agenda.sheets_per_copy, agenda.sheets) == ("縦", "長辺とじ", 2, 38)
    assert (slides.orientation, slides.flip, slides.sheets_per_copy) == ("横", "短辺とじ", 11)
    assert slides.printed_pages == 399
    assert (stats.flip, stats.sheets_per_copy) == ("—", 4)
    order = made_up_order()
    assert order.totals == {"ページ数": 28, "1部の枚数": 17, "総枚数": 323, "総ページ数": 532}
    assert order.to_fill == ["納期"]
    partly = made_up_order(details=(("発注者", f"テスト課　担当：{TO_FILL}"), ("納期", "令和13年3月30日")))
    assert partly.to_fill == ["発注者"]  # a value with 要記入 in it is still to fill


def test_heading_items_pair_up_where_both_are_short() -> None:
    items = [("件名", "長い" * 10), ("発注日", "短い"), ("納期", "短い"), ("納品場所", "短い"), ("丁合", "長い" * 10)]
    rows = pair_items(items, lambda value: len(value) < 5)
    assert [[k for k, _ in row] for row in rows] == [["件名"], ["発注日", "納期"], ["納品場所"], ["丁合"]]


# --- CSV ---------------------------------------------------------------------------------------------
def test_csv_is_utf8_with_bom_and_crlf() -> None:
    data = order_csv(made_up_order())
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


def test_csv_holds_heading_table_totals_and_instructions() -> None:
    rows = csv_rows(made_up_order())
    assert rows[0] == ["項目", "内容"]
    assert rows[1] == ["件名", "令和13年度第1回架空市テスト会議 会議資料の印刷"]
    assert ["納期", "要記入"] in rows
    blank = rows.index([])
    assert blank == 1 + len(DETAILS)
    header = rows[blank + 1]
    assert header == [
        "No",
        "資料番号",
        "資料名",
        "ファイル",
        "ページ数",
        "用紙",
        "向き",
        "両面/片面",
        "とじ方向",
        "カラー/モノクロ",
        "綴じ方",
        "部数",
        "1部の枚数",
        "総枚数",
        "総ページ数",
    ]
    assert rows[blank + 2] == [
        "1", "—", "次第・参加者名簿", "次第・参加者名簿.pdf", "3", "A4", "縦", "両面", "長辺とじ", "モノクロ",
        "左上1か所ホチキス留め", "19", "2", "38", "57",
    ]  # fmt: skip
    assert rows[blank + 3][6:9] == ["横", "両面", "短辺とじ"]
    assert rows[blank + 4][7:11] == ["片面", "—", "モノクロ", "クリップ留め"]
    assert rows[blank + 5] == ["計", "", "", "", "28", "", "", "", "", "", "", "", "17", "323", "532"]
    assert rows[blank + 6] == []
    assert rows[blank + 7] == ["印刷の指示"]
    assert rows[blank + 8 :] == [["1", INSTRUCTIONS[0]], ["2", INSTRUCTIONS[1]], ["3", SHEETS_NOTE]]


def test_csv_text_a_spreadsheet_could_run_is_quoted() -> None:
    """OWASP CSV injection: = + - @ tab CR (and the full-width ＝ Japanese Excel reads as =) start a
    formula; such text is written with a leading ' so a spreadsheet shows it as text."""
    evil = [
        OrderLine("=1+1", '=HYPERLINK("http://example.invalid","x")', "+cmd.pdf", 1, True, False, 1),
        OrderLine("-2", "@SUM(A1)", "\tx.pdf", 1, True, False, 1, binding="\r綴じない"),
        OrderLine("＝A1", "普通の名前-1", "資料.pdf", 1, True, False, 1),
    ]
    rows = csv_rows(made_up_order(evil, details=(("備考", "=2*3"), ("件名", "-テスト"))))
    assert ["備考", "'=2*3"] in rows and ["件名", "'-テスト"] in rows
    table = rows[rows.index(list(COLUMNS)) + 1 :]
    assert table[0][1:4] == ["'=1+1", '\'=HYPERLINK("http://example.invalid","x")', "'+cmd.pdf"]
    assert table[1][1:4] == ["'-2", "'@SUM(A1)", "'\tx.pdf"]
    assert table[1][10] == "'\r綴じない"
    assert table[2][1:3] == ["'＝A1", "普通の名前-1"]  # a - inside the text is harmless
    assert table[3][0] == "計" and table[3][4] == "3"  # numbers stay numbers


# --- XLSX --------------------------------------------------------------------------------------------
@needs_fonts
def test_xlsx_cells_and_marks(tmp_path: Path) -> None:
    path = tmp_path / "印刷発注書.xlsx"
    path.write_bytes(order_xlsx(made_up_order(), WHEN, LABEL, DEFAULT))
    ws = openpyxl.load_workbook(path).active
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert ws["A1"].value == "印刷発注書"
    for key, value in DETAILS:
        assert key in cells and value in cells, key
    missing = [c for c in cells.values() if c.value == TO_FILL]
    assert missing and all(c.font.b and c.font.color.rgb.endswith("C00000") for c in missing)
    header = next(r for r in ws.iter_rows() if r[0].value == "No")
    assert [c.value for c in header] == [
        "No", "資料番号", "資料名", "ファイル", "ページ\n数", "向き", "両面/\n片面", "とじ\n方向",
        "カラー/\nモノクロ", "綴じ方", "部数", "1部の\n枚数", "総枚数", "総ページ\n数",
    ]  # fmt: skip
    line = [c.value for c in ws[header[0].row + 2]]
    assert line[:5] == [2, "資料No.1", LINES[1].title, LINES[1].file, 21]
    assert line[5:] == ["横", "両面", "短辺とじ", "カラー", "左上1か所ホチキス留め", 19, 11, 209, 399]
    total = ws[header[0].row + 4]
    assert [total[0].value, total[1].value, total[4].value, total[-1].value] == ["計", SHEETS_NOTE, 28, 532]
    assert INSTRUCTIONS[1] in cells
    # printed at 100 % on A4 landscape, the header row repeated on every page
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale in (None, 100)
    assert ws.print_title_rows.replace("$", "") == f"{header[0].row}:{header[0].row}"


@needs_fonts
def test_xlsx_names_only_the_configured_gothic(tmp_path: Path) -> None:
    path = tmp_path / "印刷発注書.xlsx"
    path.write_bytes(order_xlsx(made_up_order(), WHEN, LABEL, DEFAULT))
    assert set(font_names(path)) == {DEFAULT.gothic}


@needs_fonts
def test_xlsx_keeps_formula_looking_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "印刷発注書.xlsx"
    evil = [OrderLine("=1+1", "=HYPERLINK(1)", "@x.pdf", 1, True, False, 1)]
    path.write_bytes(order_xlsx(made_up_order(evil), WHEN, LABEL, DEFAULT))
    ws = openpyxl.load_workbook(path).active
    found = [c for row in ws.iter_rows() for c in row if c.value in ("=1+1", "=HYPERLINK(1)", "@x.pdf")]
    assert len(found) == 3 and all(c.data_type == "s" for c in found)


@needs_fonts
def test_xlsx_opens_without_repair(tmp_path: Path) -> None:
    pytest.importorskip("openxml_audit")
    from test_ooxml_valid import not_ours

    path = tmp_path / "印刷発注書.xlsx"
    path.write_bytes(order_xlsx(made_up_order(), WHEN, LABEL, DEFAULT))
    out = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-o", "json", "-m", "0", str(path)], capture_output=True, text=True
    )
    (report,) = json.loads(out.stdout)
    assert [e for e in report["errors"] if not not_ours(e)] == []


@needs_fonts
def test_xlsx_is_byte_identical() -> None:
    assert order_xlsx(made_up_order(), WHEN, LABEL, DEFAULT) == order_xlsx(made_up_order(), WHEN, LABEL, DEFAULT)


# --- PDF ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def order_pdf_path(tmp_path_factory) -> Path:
    if resolve(DEFAULT.gothic) is None:
        pytest.skip("BIZ UDPゴシック is not installed")
    path = tmp_path_factory.mktemp("order") / "印刷発注書.pdf"
    path.write_bytes(order_pdf(made_up_order(), DEFAULT))
    return path


def test_pdf_is_a4_and_holds_the_order(order_pdf_path: Path) -> None:
    with pdfplumber.open(order_pdf_path) as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        assert sorted((round(float(page.width), 2), round(float(page.height), 2))) == list(A4)
        assert page.width > page.height  # 14 columns at 10.5 pt need the landscape width
        text = no_space(page.extract_text())
        tables = page.extract_tables()
    for word in ("印刷発注書", "印刷の指示", "要記入", MEETING, "納期", "テスト庁舎2階", NOTE, INSTRUCTIONS[1]):
        assert no_space(word) in text, word
    # the document table: every value whole in its own cell (long ones wrapped inside it)
    documents = next(t for t in tables if t[0][0] == "No")
    header = [no_space(c) for c in documents[0]]
    assert header == [no_space(c) for c in COLUMNS if c != "用紙"]
    rows = [[no_space(c or "") for c in row] for row in documents[1:]]
    assert rows[1][:5] == ["2", "資料No.1", no_space(LINES[1].title), no_space(LINES[1].file), "21"]
    assert rows[1][5:] == ["横", "両面", "短辺とじ", "カラー", "左上1か所ホチキス留め", "19", "11", "209", "399"]
    assert "\n" in documents[2][2] and "\n" in documents[2][3]  # the long 資料名 and file wrapped …
    assert rows[3][0] == "計" and rows[3][-4:] == ["", "17", "323", "532"]
    heading = next(t for t in tables if t[0][0] == "件名")
    assert [no_space(c or "") for c in heading[0][:2]] == ["件名", no_space(DETAILS[0][1])]


def test_pdf_shows_to_fill_in_red_bold(order_pdf_path: Path) -> None:
    """In the heading table (not only in the notice above it), 要記入 is red and bold."""
    with pdfplumber.open(order_pdf_path) as pdf:
        page = pdf.pages[0]
        heading = next(t for t in page.find_tables() if (t.extract()[0][0] or "") == "件名")
        chars = page.within_bbox(heading.bbox).chars
        notice = page.crop((0, 0, page.width, heading.bbox[1])).chars
    text = "".join(c["text"] for c in chars)
    at = text.index(TO_FILL)
    assert TO_FILL not in text[at + 3 :]  # the one 要記入 value: 納期
    marks = chars[at : at + 3]
    assert all(tuple(c["non_stroking_color"]) == (0.75, 0, 0) and "Bold" in c["fontname"] for c in marks)
    others = [c for c in chars if c not in marks and c["text"].strip()]
    assert others and all(tuple(c["non_stroking_color"] or (0,)) in ((0,), (0, 0, 0)) for c in others)
    assert "「要記入」の欄（納期）は、発注の前に記入してください。" in "".join(c["text"] for c in notice)


def test_pdf_is_legible_and_embeds_only_the_gothic(order_pdf_path: Path) -> None:
    facts = read_facts(order_pdf_path)
    assert facts.text and all(p.smallest >= 8 and p.median >= 10 for p in facts.text)
    assert facts.fonts and all(f.embedded and f.one_of(pdf_families(DEFAULT)) for f in facts.fonts)
    assert {f.name for f in facts.fonts} <= {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"}


@needs_fonts
def test_pdf_follows_the_font_setting(tmp_path: Path) -> None:
    other = FontSetting(gothic="BIZ UDゴシック", mincho="BIZ UDP明朝 Medium")
    if resolve(other.gothic) is None:
        pytest.skip("BIZ UDゴシック is not installed")
    path = tmp_path / "other.pdf"
    path.write_bytes(order_pdf(made_up_order(), other))
    assert {f.name for f in read_facts(path).fonts} == {"BIZUDGothic-Regular", "BIZUDGothic-Bold"}


@pytest.mark.slow
@needs_fonts
def test_pdf_is_byte_identical_across_renders_and_processes() -> None:
    first = order_pdf(made_up_order(), DEFAULT)
    assert order_pdf(made_up_order(), DEFAULT) == first
    script = (
        "import sys, hashlib; sys.path[:0] = sys.argv[1:]; import test_order as t; "
        "from packetgen.printing.order.as_pdf import order_pdf; from references import DEFAULT; "
        "print(hashlib.sha256(order_pdf(t.made_up_order(), DEFAULT)).hexdigest())"
    )
    here = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", script, str(here), str(here.parent / "src")], env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == hashlib.sha256(first).hexdigest()


@needs_fonts
def test_pdf_long_order_runs_on_with_the_header_repeated(tmp_path: Path) -> None:
    lines = [
        OrderLine(f"資料No.{i}", f"テスト資料{i}", f"No.{i}.pdf", i % 7 + 1, i % 2 == 0, i % 3 == 0, 9)
        for i in range(1, 41)
    ]
    path = tmp_path / "long.pdf"
    path.write_bytes(order_pdf(made_up_order(lines), DEFAULT))
    facts = read_facts(path)
    assert facts.pages == 2
    assert all(p.smallest >= 8 and p.median >= 10 for p in facts.text)  # ran on, did not shrink
    with pdfplumber.open(path) as pdf:
        texts = [no_space(p.extract_text()) for p in pdf.pages]
    for text in texts:
        assert "資料名" in text and "総ページ" in text and "カラー/" in text  # the header, on each page
    assert "テスト資料40" in texts[1] and "印刷の指示" in texts[1]
    assert "2/2" in texts[1]  # the footer counts the pages


@needs_fonts
def test_pdf_refuses_a_character_the_font_lacks() -> None:
    odd = [OrderLine("資料No.1", "テスト\ue000資料", "a.pdf", 1, True, False, 1)]
    with pytest.raises(PacketError, match="U\\+E000"):
        order_pdf(made_up_order(odd), DEFAULT)


def test_wrap_keeps_words_and_japanese_line_rules() -> None:
    def width(text: str) -> float:
        return float(len(text))  # one unit a character, for the test

    assert wrap("資料No.1-1_概要.pdf", 9, width) == ["資料No.1-1_", "概要.pdf"]  # Latin runs stay whole
    assert wrap("あいうえお、かきくけこ", 5, width) == ["あいうえ", "お、かきく", "けこ"]  # no line starts with 、
    assert wrap("あいう（えお", 4, width) == ["あいう", "（えお"]  # none ends with （
    assert wrap("担当：要記入です", 5, width) == ["担当：", "要記入です"]  # 要記入 whole
    assert wrap("左上1か所ホチキス留め", 6, width) == ["左上1か所", "ホチキス留め"]  # katakana whole
    assert wrap("abcdefghijklmnop", 5, width) == ["abcde", "fghij", "klmno", "p"]  # wider than a line: by letter
    assert wrap("一行目\n二行目", 10, width) == ["一行目", "二行目"]


# --- meeting.yaml's 印刷 block, through the CLI ------------------------------------------------------
MEETING_FILE = f"inputs/{DATE}/meeting.yaml"


def with_print_block(project: Path, block: str) -> int:
    """The copy's meeting.yaml with its 印刷 block (if any) replaced by ``block`` at the end; returns the
    line number of the block's first line."""
    path = project / MEETING_FILE
    lines = path.read_text("utf-8").splitlines()
    if "印刷:" in lines:  # drop the top-level block: its line and the indented ones under it
        start = end = lines.index("印刷:")
        while end + 1 < len(lines) and lines[end + 1].startswith((" ", "\t")):
            end += 1
        del lines[start : end + 1]
    path.write_text("\n".join([*lines, block]), "utf-8")
    return len(lines) + 1


@pytest.mark.parametrize(
    ("block", "offset", "key", "words"),
    [
        ("印刷:\n  納期: 2023-07-27 14:00\n", 1, "印刷.納期", ["納期 2023-07-27 14:00", "会議の開始"]),
        ("印刷:\n  綴じ方:\n    方法: 中綴じ\n", 2, "印刷.綴じ方.方法", ["綴じ方「中綴じ」は使えません"]),
        ("印刷:\n  予備部数: -1\n", 1, "印刷.予備部数", ["0以上"]),
        ("印刷:\n  追加部数:\n    報道: -2\n", 2, "印刷.追加部数", ["追加部数「報道」", "0〜500"]),
        ("印刷:\n  発注者:\n    電話: 電話して\n", 2, "印刷.発注者.電話", ["「電話して」は電話番号として読めません"]),
    ],
    ids=["due after start", "unknown binding", "negative spares", "negative extra copies", "bad phone"],
)
def test_print_block_is_validated(project: Path, block: str, offset: int, key: str, words: list[str]) -> None:
    first = with_print_block(project, block)
    result = run(project, "check", DATE)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert MEETING_FILE in result.stderr
    assert f"{first + offset}行目" in result.stderr, result.stderr
    assert key in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_print_block_due_before_the_meeting_is_accepted(project: Path) -> None:
    with_print_block(project, "印刷:\n  納期: 2023-07-25 17:00\n  発注者:\n    電話: 0000-00-0000（内線1234）\n")
    result = run(project, "check", DATE, "--only", "agenda")  # the 印刷 block is read whatever is selected
    assert result.exit_code == 0, result.stderr

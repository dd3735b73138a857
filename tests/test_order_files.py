"""The order's three files (printing/order/as_csv.py, as_xlsx.py, as_pdf.py with pdf_fonts.py, and
files.py): what the CSV, the workbook and the PDF hold, text a spreadsheet could run kept as text, the
PDF's fonts, metadata and pages; and in a print, the three drawn once and kept in the workspace, taken
from there while the order is the same, and the PDF checked either way. No LibreOffice: the order is
drawn by reportlab and openpyxl. Where each text and cell sits: test_order_layout.py."""

from __future__ import annotations

import csv
import dataclasses
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

from conftest import DATE
from orders import (
    AGENDA,
    DETAILS,
    FONTS,
    INSTRUCTIONS,
    LABEL,
    LINES,
    MEETING,
    NOTE,
    ORDER,
    WHEN,
    csv_rows,
    made_up_order,
    no_space,
    order_for,
)
from packetgen.building.packet import Packet
from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting
from packetgen.core.platform.fonts import ResolvedFont
from packetgen.inputs.meeting import TO_FILL
from packetgen.printing import pdf_facts
from packetgen.printing.order import as_csv, as_pdf, as_xlsx, files, model
from packetgen.printing.order.as_csv import order_csv
from packetgen.printing.order.as_pdf import order_pdf
from packetgen.printing.order.as_xlsx import order_xlsx
from packetgen.printing.order.files import check_order, order_key, prepare, write_order
from packetgen.printing.order.model import COLUMNS, SHEETS_NOTE, OrderLine
from packetgen.printing.order.pdf_fonts import pdf_fonts
from packetgen.printing.pdf_facts import read_facts
from packetgen.render import font_files
from packetgen.render.font_files import pdf_families, resolve
from references import DEFAULT
from test_fonts import font_names

pdfplumber = pytest.importorskip("pdfplumber")
needs_fonts = pytest.mark.skipif(resolve(DEFAULT.gothic) is None, reason="BIZ UDPゴシック is not installed")

A4 = (595.28, 841.89)


# --- the CSV, for machines ---------------------------------------------------------------------------


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


def test_the_csv_row_by_row() -> None:
    data = as_csv.order_csv(ORDER)
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["項目", "内容"]
    assert rows[1:5] == [
        ["件名", "会議資料の印刷"],
        ["発注日", "要記入"],
        ["納期", "令和5年7月26日"],
        ["電話", "0191-21-要記入"],
    ]
    assert rows[5] == []
    assert rows[6] == list(model.COLUMNS) and rows[6][0] == "No" and rows[6][-1] == "総ページ数"
    assert rows[7][:3] == ["1", "—", "次第・参加者名簿"] and rows[9][10] == "一式で綴じる"
    assert rows[10][0] == "計" and rows[10][13] == "778"
    assert rows[11] == [] and rows[12] == ["印刷の指示"]
    assert rows[13] == ["1", "資料ごとのPDFを印刷してください"] and rows[15][1].startswith("総枚数＝")
    text = data.decode("utf-8-sig")
    assert '"件名","会議資料の印刷"\r\n' in text and '1,"—","次第・参加者名簿"' in text  # numbers unquoted


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


@pytest.mark.parametrize(
    ("value", "safe"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@a", "'@a"), ("\ta", "'\ta"), ("\ra", "'\ra"),
     ("＝1", "'＝1"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠a", "'＠a"), ("a=1", "a=1"), (-5, -5), ("", "")],
)  # fmt: skip
def test_each_formula_start_is_made_safe_in_the_csv(value: object, safe: object) -> None:
    assert as_csv.csv_safe(value) == safe


# --- the workbook, for staff to complete -------------------------------------------------------------


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


def test_the_workbook_holds_the_order_with_to_fill_marked() -> None:
    book = openpyxl.load_workbook(io.BytesIO(as_xlsx.order_xlsx(ORDER, datetime(2023, 7, 20, 9), "第1回", FONTS)))
    ws = book.active
    values = {c.value for row in ws.iter_rows() for c in row if c.value is not None}
    assert {"印刷発注書", "会議資料の印刷", "次第・参加者名簿", "一式で綴じる", "短辺とじ", "長辺とじ"} <= values
    assert {778, 1480, 676, 52} <= values and "計" in values
    assert {"資料ごとのPDFを印刷してください", "packet.pdf は校正用です"} <= {
        str(v).lstrip("0123456789. ") for v in values
    }
    missing = [c for row in ws.iter_rows() for c in row if c.value == "要記入"]
    assert missing and all(c.font.color.rgb == "00C00000" and c.font.b for c in missing)
    assert missing[0].fill.fgColor.rgb == "00FCE4D6"
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.scale == 100
    sizes = {c.font.sz for row in ws.iter_rows() for c in row if c.value is not None}
    assert min(sizes) >= 10.5 and 14 in sizes  # the title; every text legible on paper
    assert book.properties.created == datetime(2023, 7, 20, 9)


def test_the_workbook_formats_counts_centres_the_table_and_repeats_its_header() -> None:
    book = openpyxl.load_workbook(io.BytesIO(as_xlsx.order_xlsx(ORDER, datetime(2023, 7, 20, 9), "第1回", FONTS)))
    ws = book.active
    table = [c for row in ws["A7:N11"] for c in row if c.value is not None]
    counts = {c.coordinate for c in table if c.number_format == '#,##0;"△"#,##0'}
    # pages, copies, sheets and their totals with a thousands separator; the No column as it is
    assert counts == {f"{col}{r}" for col in "EKLMN" for r in (8, 9, 10)} | {"E11", "L11", "M11", "N11"}
    assert [ws[f"A{r}"].number_format for r in (8, 9, 10)] == ["General"] * 3
    assert {c.alignment.vertical for c in table} == {"center"}
    assert ws["B11"].value == "総枚数＝1部の枚数×部数（両面は2ページで1枚）" and ws["B11"].alignment.wrap_text
    assert [(ws[k].alignment.horizontal, ws[k].alignment.vertical) for k in ("A14", "A15")] == [("right", "top")] * 2
    assert ws.print_title_rows == "$7:$7"  # the table's header row on every page of a long order
    assert ws.print_area == "'印刷発注書'!$A$1:$N$15"
    assert book.properties.title == "印刷発注書"


# --- the PDF, for the printing office ----------------------------------------------------------------


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
        "import sys, hashlib; sys.path[:0] = sys.argv[1:]; import orders as t; "
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


def test_the_pdf_is_a4_landscape_in_the_gothic_and_the_same_each_time() -> None:
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(as_pdf.order_pdf(ORDER, FONTS)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 横
    text = "".join(pdf.pages[0].extract_text().split())
    for expected in (
        "印刷発注書",
        "会議資料の印刷",
        "次第・参加者名簿",
        "一式で綴じる",
        "短辺とじ",
        "778",
        "1,480",
        "要記入",
    ):
        assert expected in text, expected
    fonts = {str(f["/BaseFont"]) for f in pdf.pages[0]["/Resources"]["/Font"].values()}
    assert any("BIZUDPGothic" in f for f in fonts), fonts
    assert as_pdf.order_pdf(ORDER, FONTS) == as_pdf.order_pdf(ORDER, FONTS)  # the same order, the same bytes


def test_the_pdf_names_itself_and_its_language() -> None:
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(as_pdf.order_pdf(ORDER, FONTS)))
    meta = pdf.metadata
    assert (meta["/Title"], meta["/Subject"]) == ("印刷発注書", "第1回会議（令和5年7月27日）")
    assert (meta["/Author"], meta["/Creator"]) == ("packetgen", "packetgen")
    assert meta["/CreationDate"] == "D:20000101000000+00'00'"  # invariant: no date, the same bytes
    assert pdf.trailer["/Root"]["/Lang"] == "ja-JP"


def test_a_long_order_repeats_the_table_header_and_the_instructions_heading_on_each_page() -> None:
    from pypdf import PdfReader

    long = model.Order(
        "第1回会議",
        "令和5年7月27日",
        [AGENDA] * 45,
        "委員16名＋予備5部",
        instructions=tuple(f"指示{i}" for i in range(30)),
    )
    pdf = PdfReader(io.BytesIO(as_pdf.order_pdf(long, FONTS)))
    pages = ["".join(page.extract_text().split()) for page in pdf.pages]
    assert len(pages) == 3
    assert pages[1].startswith(
        "No資料番号資料名ファイルページ数向き両面/片面とじ方向カラー/モノクロ綴じ方部数1部の枚数総枚数総ページ数"
    )
    assert pages[2].startswith("印刷の指示8.指示7")  # the heading again, then where the instructions ran on
    for n, page in enumerate(pages, start=1):  # the footer: the meeting, its date, the title, page n of 3
        assert page.endswith(f"第1回会議令和5年7月27日印刷発注書{n}/3")
    for page in pdf.pages:  # the setting's gothic on every page, no unembedded Helvetica
        fonts = {str(f["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
        assert fonts == {"/AAAAAA+BIZUDPGothic-Regular", "/AAAAAA+BIZUDPGothic-Bold"}


# --- in a print: drawn once, kept, checked -----------------------------------------------------------


NAMES = ["印刷発注書.csv", "印刷発注書.pdf", "印刷発注書.xlsx"]


def folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def kept(project: Path) -> Path:
    return project / "outputs" / ".packetgen" / "order-cache"


def contents(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def edit_meeting(project: Path, old: str, new: str) -> Packet:
    meeting = project / "inputs" / DATE / "meeting.yaml"
    text = meeting.read_text("utf-8")
    assert old in text
    meeting.write_text(text.replace(old, new, 1), "utf-8")
    return Packet(project, DATE)


def test_an_order_is_drawn_as_three_files_and_kept_in_the_workspace(project: Path, tmp_path: Path) -> None:
    packet = Packet(project, DATE)
    order = order_for(packet)
    staging = folder(tmp_path / "staging")
    write_order(packet, order, staging)
    drawn = contents(staging)
    assert list(drawn) == NAMES
    assert drawn["印刷発注書.pdf"].startswith(b"%PDF-")
    assert drawn["印刷発注書.xlsx"].startswith(b"PK")  # a zip: the workbook
    rows = drawn["印刷発注書.csv"].decode("utf-8-sig").splitlines()
    assert rows[0] == '"項目","内容"'
    assert '1,"—","次第・参加者名簿","agenda.pdf",3,"A4","縦","両面","長辺とじ","モノクロ",' in rows[18]
    # the workspace keeps one order, under its key, with the same bytes
    assert [p.name for p in kept(project).iterdir()] == [order_key(packet, order)]
    assert contents(kept(project) / order_key(packet, order)) == drawn


def test_the_same_order_is_copied_from_the_workspace_not_drawn_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packet = Packet(project, DATE)
    order = order_for(packet)
    write_order(packet, order, folder(tmp_path / "first"))

    def no_drawing(*_: object) -> None:
        raise AssertionError("the same order was drawn again")

    monkeypatch.setattr(files, "draw_order", no_drawing)
    second = folder(tmp_path / "second")
    write_order(packet, order, second)
    assert contents(second) == contents(tmp_path / "first")
    # copies, not links: an order file opened and saved in place leaves the kept one as it was
    key = order_key(packet, order)
    for name in NAMES:
        assert (second / name).stat().st_ino != (kept(project) / key / name).stat().st_ino


def test_a_changed_order_is_drawn_again_and_only_the_last_is_kept(project: Path, tmp_path: Path) -> None:
    packet = Packet(project, DATE)
    order = order_for(packet)
    write_order(packet, order, folder(tmp_path / "first"))
    changed = dataclasses.replace(order, instructions=order.instructions[:1])
    staging = folder(tmp_path / "second")
    write_order(packet, changed, staging)
    assert [p.name for p in kept(project).iterdir()] == [order_key(packet, changed)]
    assert contents(kept(project) / order_key(packet, changed)) == contents(staging)
    assert contents(staging)["印刷発注書.csv"] != contents(tmp_path / "first")["印刷発注書.csv"]


READ_FACTS = pdf_facts.read_facts


def small_text(path: Path) -> pdf_facts.PdfFacts:
    facts = READ_FACTS(path)
    return dataclasses.replace(facts, text=(dataclasses.replace(facts.text[0], smallest=6.0, median=6.0),))


def test_a_kept_order_is_checked_again_before_it_is_used(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packet = Packet(project, DATE)
    order = order_for(packet)
    write_order(packet, order, folder(tmp_path / "first"))
    monkeypatch.setattr(pdf_facts, "read_facts", small_text)
    with pytest.raises(PacketError) as refused:
        write_order(packet, order, folder(tmp_path / "second"))
    assert str(refused.value) == "印刷発注書のPDFに問題があります"
    [problem] = refused.value.problems
    assert problem.file == "印刷発注書.pdf"
    assert problem.message.startswith("1ページ目：最小の文字が 6.0pt です")


def test_an_order_pdf_that_is_not_a4_is_refused(project: Path, tmp_path: Path, monkeypatch) -> None:
    packet = Packet(project, DATE)
    staging = folder(tmp_path / "staging")
    files.draw_order(packet, order_for(packet), staging)
    check_order(packet, staging)  # drawn as it should be: A4, one page, the setting's fonts embedded

    def a3(path: Path) -> pdf_facts.PdfFacts:
        return dataclasses.replace(READ_FACTS(path), sizes=((842.0, 1191.0),))

    monkeypatch.setattr(pdf_facts, "read_facts", a3)
    with pytest.raises(PacketError) as refused:
        check_order(packet, staging)
    assert [(p.file, p.message) for p in refused.value.problems] == [
        ("印刷発注書.pdf", "1ページ目の用紙が A4 ではありません（842×1191pt）")
    ]


def test_an_order_pdf_of_two_pages_is_accepted(project: Path, tmp_path: Path, monkeypatch) -> None:
    # a long order runs onto a second page: one page at least, no most
    packet = Packet(project, DATE)
    staging = folder(tmp_path / "staging")
    files.draw_order(packet, order_for(packet), staging)

    def two_pages(path: Path) -> pdf_facts.PdfFacts:
        facts = READ_FACTS(path)
        return dataclasses.replace(facts, pages=2, sizes=facts.sizes * 2)

    monkeypatch.setattr(pdf_facts, "read_facts", two_pages)
    check_order(packet, staging)


def fake_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[bool, Path]:
    """The gothic's regular and bold faces as two files of this test, so their times can change."""
    faces = {bold: tmp_path / f"face-{int(bold)}.ttf" for bold in (False, True)}
    for path in faces.values():
        path.write_bytes(b"font")

    def resolve(name: str, bold: bool = False) -> ResolvedFont:
        return ResolvedFont(name, faces[bold], (name,), f"Face-{int(bold)}")

    monkeypatch.setattr(font_files, "resolve", resolve)
    return faces


def test_the_order_key_changes_with_everything_the_files_are_made_of(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faces = fake_fonts(tmp_path, monkeypatch)
    packet = Packet(project, DATE)
    order = order_for(packet)
    key = order_key(packet, order)
    assert len(key) == 64 and key == order_key(Packet(project, DATE), order_for(packet))
    keys = {key}

    def new(value: str) -> None:
        assert value not in keys
        keys.add(value)

    new(order_key(packet, dataclasses.replace(order, packet_pages=85)))
    other_fonts = Packet(project, DATE)
    other_fonts.fonts = FontSetting("BIZ UDゴシック", packet.fonts.mincho)
    new(order_key(other_fonts, order))
    for bold in (False, True):  # a font file replaced in place: the same name, another time
        os.utime(faces[bold], ns=(1, 10**18 + 10 * bold))
        new(order_key(packet, order))
    new(order_key(edit_meeting(project, '開始: "13:30"', '開始: "13:00"'), order))  # the meeting's start
    new(order_key(edit_meeting(project, "回次: 1", "回次: 2"), order))  # the session's name


def test_the_order_key_leaves_out_a_face_that_is_not_installed(project: Path, monkeypatch) -> None:
    # no face at all: the key is made without font files (drawing then names the missing font)
    monkeypatch.setattr(font_files, "resolve", lambda name, bold=False: None)
    packet = Packet(project, DATE)
    assert len(order_key(packet, order_for(packet))) == 64


def test_preparing_the_order_with_a_missing_font_waits_for_the_draw_to_say_so() -> None:
    fonts = FontSetting("ない書体", "BIZ UD明朝 Medium")
    prepare(fonts)  # on a thread while LibreOffice converts: no error there
    with pytest.raises(PacketError) as missing:
        pdf_fonts(fonts)  # what drawing the order's PDF starts with
    assert str(missing.value).startswith("印刷発注書のPDFに使うゴシック「ない書体」がこのコンピューターにありません")

"""printing/order/ on a hand-made order: the lines' sheets and flips, the totals, the CSV row by row,
the heading pairs, and what the XLSX and the PDF say. (Written to kill mutants: scripts/mutation.sh.)"""

from __future__ import annotations

import csv
import io
from datetime import datetime

import openpyxl
import pytest

from packetgen.core.fonts import FontSetting
from packetgen.printing.order import as_csv, as_pdf, as_xlsx, layout, model

FONTS = FontSetting("BIZ UDPゴシック", "BIZ UD明朝 Medium")
AGENDA = model.OrderLine("", "次第・参加者名簿", "次第.pdf", 3, True, False, 26)
DECK = model.OrderLine("No.1-1", "概要", "1-1.pdf", 52, True, True, 26, landscape=True)
ONE_SIDED = model.OrderLine("No.3", "報告", "3.pdf", 5, False, False, 10, binding="一式で綴じる")
ORDER = model.Order(
    "第1回会議",
    "令和5年7月27日",
    [AGENDA, DECK, ONE_SIDED],
    "委員16名＋予備5部",
    details=(("件名", "会議資料の印刷"), ("発注日", "要記入"), ("納期", "令和5年7月26日"), ("電話", "0191-21-要記入")),
    instructions=("資料ごとのPDFを印刷してください", "packet.pdf は校正用です"),
)


def test_a_line() -> None:
    assert (AGENDA.orientation, AGENDA.flip, AGENDA.sheets_per_copy, AGENDA.sheets, AGENDA.printed_pages) == (
        "縦",
        "長辺とじ",
        2,
        52,
        78,
    )
    assert (DECK.orientation, DECK.flip, DECK.sheets_per_copy, DECK.sheets, DECK.printed_pages) == (
        "横",
        "短辺とじ",
        26,
        676,
        1352,
    )
    assert (ONE_SIDED.flip, ONE_SIDED.sheets_per_copy, ONE_SIDED.sheets) == ("—", 5, 50)
    assert AGENDA.cells(1) == [
        1, "—", "次第・参加者名簿", "次第.pdf", 3, "A4", "縦", "両面", "長辺とじ", "モノクロ",
        "左上1か所ホチキス留め", 26, 2, 52, 78,
    ]  # fmt: skip
    assert DECK.cells(2)[:3] == [2, "No.1-1", "概要"] and DECK.cells(2)[9] == "カラー"
    assert ONE_SIDED.cells(3)[7] == "片面" and ONE_SIDED.cells(3)[10] == "一式で綴じる"


def test_the_order() -> None:
    assert ORDER.totals == {"ページ数": 60, "1部の枚数": 33, "総枚数": 778, "総ページ数": 1480}
    assert ORDER.total_cells() == ["計", "", "", "", 60, "", "", "", "", "", "", "", 33, 778, 1480]
    assert ORDER.to_fill == ["発注日", "電話"]
    assert ORDER.heading == ORDER.details
    assert ORDER.notes == (*ORDER.instructions, "総枚数＝1部の枚数×部数（両面は2ページで1枚）")
    bare = model.Order("第1回会議", "令和5年7月27日", [], "委員16名")
    assert bare.heading == (("会議", "第1回会議（令和5年7月27日）"), ("部数", "委員16名"))
    assert bare.to_fill == [] and bare.rows() == []
    assert [r[0] for r in ORDER.rows()] == [1, 2, 3]


def test_the_csv() -> None:
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


@pytest.mark.parametrize(
    ("value", "safe"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@a", "'@a"), ("\ta", "'\ta"), ("\ra", "'\ra"),
     ("＝1", "'＝1"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠a", "'＠a"), ("a=1", "a=1"), (-5, -5), ("", "")],
)  # fmt: skip
def test_csv_safe(value: object, safe: object) -> None:
    assert as_csv.csv_safe(value) == safe


def test_heading_pairs() -> None:
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


def test_the_workbook() -> None:
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


def test_the_pdf() -> None:
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

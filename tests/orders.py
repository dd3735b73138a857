"""Made-up orders for the 印刷発注書's tests (test_order_content.py, test_order_files.py,
test_order_layout.py), and the order of the seed meeting with made-up page counts.

MADE-UP DATA: the orders below are invented for the tests (titles, pages, copies, names, phone
numbers); they describe no real meeting and no real person.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from packetgen.building.packet import Packet
from packetgen.core.fonts import FontSetting
from packetgen.inputs.meeting import TO_FILL
from packetgen.printing.job import PrintedDocument
from packetgen.printing.order import model
from packetgen.printing.order.as_csv import order_csv
from packetgen.printing.order.content import build_order
from packetgen.printing.order.model import Order, OrderLine

# --- a hand-made order of three lines, with every kind of heading item ---------------------------
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


# --- a made-up order of a made-up city, with long titles ----------------------------------------
WHEN = datetime(2031, 4, 1, 10, 0)  # made-up meeting start
LABEL = "令和13年4月1日(火)　第1回架空市テスト会議"  # made-up

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


# --- the seed meeting's order, with made-up page counts --------------------------------------------
PAGES = {"agenda": 3, "1-1": 45, "1-2": 22, "population": 10, "donation": 1}  # made up for the test
LANDSCAPE = {"1-1", "1-2"}


def order_for(packet: Packet):
    documents = [
        PrintedDocument(doc, f"{doc.entry.id}.pdf", PAGES[doc.entry.id], doc.entry.id in LANDSCAPE, False, "")
        for doc in packet.plan()
    ]
    return build_order(packet, documents, "packet.pdf", 84)

"""What the 印刷発注書 says, built from meeting.yaml's 印刷 block and the agenda's lists (no PDFs:
the documents' page counts are made up here)."""

from __future__ import annotations

from pathlib import Path

from conftest import DATE
from packetgen.building.packet import Packet
from packetgen.printing.job import PrintedDocument
from packetgen.printing.order.content import build_order

FULL_BLOCK = """印刷:
  件名: 有識者会議資料（テスト）
  発注者:
    課: 市長公室政策企画課
    担当者: 渡辺　苑子
    電話: 0191-21-2111（内線8421）
    メール: seisaku@example.jp
  発注日: 2023-07-20
  納期: 2023-07-26 17:00
  納品場所: 市長公室政策企画課
  用紙: {紙質: 上質紙, 再生紙: true}
  綴じ方: {単位: 一式, 方法: 左2か所ホチキス留め}
  丁合: false
  追加部数: {傍聴者用: 5, 報道用: 3}
  欠席者を除く: true
  予備部数: 2
  校正: 要
  備考: 白黒で可
"""
PAGES = {"agenda": 3, "1-1": 45, "1-2": 22, "population": 10, "donation": 1}  # made up for the test
LANDSCAPE = {"1-1", "1-2"}


def with_block(project: Path, block: str) -> Packet:
    meeting = project / "inputs" / DATE / "meeting.yaml"
    text = meeting.read_text("utf-8")
    meeting.write_text(text[: text.index("印刷:\n")] + block, "utf-8")  # the 印刷 block ends the file
    return Packet(project, DATE)


def order_for(packet: Packet):
    documents = [
        PrintedDocument(doc, f"{doc.entry.id}.pdf", PAGES[doc.entry.id], doc.entry.id in LANDSCAPE, False, "")
        for doc in packet.plan()
    ]
    return build_order(packet, documents, "packet.pdf", 84)


def test_every_field_of_a_full_block_is_on_the_order(project: Path) -> None:
    order = order_for(with_block(project, FULL_BLOCK))
    details = dict(order.details)
    assert details["件名"] == "有識者会議資料（テスト）"
    assert details["発注者（担当者）"] == "渡辺　苑子" and details["電話"] == "0191-21-2111（内線8421）"
    assert details["発注日"] == "令和5年7月20日（木）"
    assert details["納期"] == "令和5年7月26日（水）17:00まで"
    assert details["用紙"] == "A4・上質紙・再生紙"
    assert details["綴じ方"] == "一式（全資料）を左2か所ホチキス留め"
    assert details["丁合"] == "なし" and details["校正"].startswith("要") and details["備考"] == "白黒で可"
    # 16 members of whom 6 are marked 欠席, 5 staff, 5 + 3 named extras, 2 spares
    assert details["部数"] == "委員10名（欠席6名を除く）＋市側出席者5名＋傍聴者用5部＋報道用3部＋予備2部＝25部"
    assert {line.copies for line in order.lines} == {25}
    assert order.to_fill == []
    assert order.instructions[0].startswith("印刷するファイル：packet.pdf（全資料を会議の順に1つにしたもの、84ページ）")
    assert {line.binding for line in order.lines} == {"一式で綴じる"}


def test_what_no_input_gives_is_to_be_filled_in(project: Path) -> None:
    order = order_for(with_block(project, "印刷:\n  発注者:\n    課: 市長公室政策企画課\n"))
    assert order.to_fill == ["発注者（担当者）", "電話", "発注日", "納期", "納品場所"]
    details = dict(order.details)
    assert details["部数"] == "委員16名＋市側出席者5名＋予備5部＝26部"  # absent members get theirs afterwards
    assert details["綴じ方"] == "資料ごとに左上1か所ホチキス留め" and details["校正"].startswith("不要")
    assert order.instructions[0].startswith("印刷するファイル：下表の資料ごとのPDF（5ファイル）。各26部")


def test_orientation_and_flip_edge_per_document(project: Path) -> None:
    order = order_for(with_block(project, "印刷:\n  予備部数: 5\n"))
    assert [(line.orientation, line.flip) for line in order.lines] == [
        ("縦", "長辺とじ"),
        ("横", "短辺とじ"),
        ("横", "短辺とじ"),
        ("縦", "長辺とじ"),
        ("縦", "長辺とじ"),
    ]
    assert any("縦の資料は長辺とじ、横の資料は短辺とじ" in line for line in order.instructions)


def test_new_does_not_carry_over_the_last_orders_dates(project: Path) -> None:
    from conftest import run

    with_block(project, FULL_BLOCK)
    result = run(project, "new", "2023-10-26", "--from", DATE)
    assert result.exit_code == 0, result.stderr
    assert "印刷の発注日・納期（前回の値は消しました" in result.stdout
    text = (project / "inputs" / "2023-10-26" / "meeting.yaml").read_text("utf-8")
    assert "発注日:" not in text and "納期:" not in text and "納品場所: 市長公室政策企画課" in text
    order = order_for(Packet(project, "2023-10-26"))
    assert dict(order.details)["納期"] == "要記入" and "発注日" in order.to_fill

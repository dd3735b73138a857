"""What the 印刷発注書 says (printing/order/model.py and content.py): each line's orientation, flip edge,
sheets and cells, the totals and what staff must fill in; and the order built from meeting.yaml's 印刷
block and the agenda's lists (no PDFs: the documents' page counts are made up, tests/orders.py). The
block's validation is test_inputs.py's; the three files the order is written to, test_order_files.py's."""

from __future__ import annotations

from pathlib import Path

from conftest import DATE
from orders import AGENDA, DECK, LINES, ONE_SIDED, ORDER, made_up_order, order_for
from packetgen.building.packet import Packet
from packetgen.inputs.meeting import TO_FILL
from packetgen.printing.order import model
from packetgen.printing.order.content import copies, instructions
from packetgen.printing.order.model import Order, OrderLine

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


# --- the model: a line, the order --------------------------------------------------------------------


def test_a_lines_orientation_flip_sheets_and_cells() -> None:
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


def test_sheets_and_pages_of_each_line_and_in_total() -> None:
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


def test_the_orders_totals_heading_and_what_is_left_to_fill() -> None:
    assert ORDER.totals == {"ページ数": 60, "1部の枚数": 33, "総枚数": 778, "総ページ数": 1480}
    assert ORDER.total_cells() == ["計", "", "", "", 60, "", "", "", "", "", "", "", 33, 778, 1480]
    assert ORDER.to_fill == ["発注日", "電話"]
    assert ORDER.heading == ORDER.details
    assert ORDER.notes == (*ORDER.instructions, "総枚数＝1部の枚数×部数（両面は2ページで1枚）")
    bare = model.Order("第1回会議", "令和5年7月27日", [], "委員16名")
    assert bare.heading == (("会議", "第1回会議（令和5年7月27日）"), ("部数", "委員16名"))
    assert bare.to_fill == [] and bare.rows() == []
    assert [r[0] for r in ORDER.rows()] == [1, 2, 3]


# --- the order built from the meeting ----------------------------------------------------------------


def with_block(project: Path, block: str) -> Packet:
    meeting = project / "inputs" / DATE / "meeting.yaml"
    text = meeting.read_text("utf-8")
    meeting.write_text(text[: text.index("印刷:\n")] + block, "utf-8")  # the 印刷 block ends the file
    return Packet(project, DATE)


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


SEED_BINDING = "左上1か所ホチキス留め"


def seed_line(label: str, title: str, file: str, pages: int, colour: bool, landscape: bool) -> OrderLine:
    return OrderLine(label, title, file, pages, True, colour, 26, landscape, SEED_BINDING)


def test_the_seed_meetings_order_in_full(project: Path) -> None:
    # the seed's 印刷 block: 課 only, 予備5部, 資料ごとに左上1か所ホチキス留め, 丁合あり, 校正不要
    title = "令和5年度第1回一関市まち・ひと・しごと創生有識者会議"
    when = "令和5年7月27日（木）13：30～15：00"
    copies_note = "委員16名＋市側出席者5名＋予備5部＝26部"
    assert order_for(Packet(project, DATE)) == Order(
        meeting=title,
        date_text=when,
        lines=[  # slides (.pptx) and charts (.xlsx) in colour, the Word documents in black and white
            seed_line("", "次第・参加者名簿", "agenda.pdf", 3, False, False),
            seed_line("資料No.1-1", "デジタル田園都市国家構想総合戦略の概要", "1-1.pdf", 45, True, True),
            seed_line("資料No.1-2", "地方版総合戦略の改訂", "1-2.pdf", 22, True, True),
            seed_line("資料No.2", "人口動態について", "population.pdf", 10, True, False),
            seed_line("資料No.3", "一関市企業版ふるさと納税について", "donation.pdf", 1, False, False),
        ],
        copies_note=copies_note,
        details=(
            ("件名", f"{title} 会議資料の印刷"),
            ("会議", f"{title}（{when}）"),
            ("発注者（課）", "市長公室政策企画課"),
            ("発注者（担当者）", "要記入"),
            ("電話", "要記入"),
            ("メール", "—"),
            ("発注日", "要記入"),
            ("納期", "要記入"),
            ("納品場所", "要記入"),
            ("部数", copies_note),
            ("用紙", "A4・普通紙（コピー用紙）"),
            ("綴じ方", "資料ごとに左上1か所ホチキス留め"),
            ("丁合", "あり（次第・参加者名簿、資料No.1-1、資料No.1-2、資料No.2、資料No.3の順）"),
            ("校正", "不要（PDFのとおり印刷）"),
            ("備考", "—"),
        ),
        instructions=(
            "印刷するファイル：下表の資料ごとのPDF（5ファイル）。各26部を、表の両面/片面・カラー/モノクロ・"
            "とじ方向のとおりに印刷し、資料ごとに左上1か所ホチキス留めしてください。",
            "packet.pdf は全資料を会議の順に1つにしたもの（確認用、84ページ）です。印刷には使いません。",
            "packet.pdf では、各資料が用紙の表面から始まるよう、ページ数が奇数の資料の後に白紙ページを入れてあります。",
            "両面の資料は、縦の資料は長辺とじ、横の資料は短辺とじで印刷してください"
            "（左上をとめて左から開いたとき、裏面も正しい向きになります）。",
            "丁合：各部を表の順（No順）に重ねてください。",
        ),
        packet="packet.pdf",
        packet_pages=84,
    )


def test_a_documents_own_print_options_override_colour_and_duplex(project: Path) -> None:
    meeting = project / "inputs" / DATE / "meeting.yaml"
    text = meeting.read_text("utf-8")
    text = text.replace(
        "    名称: 次第・参加者名簿\n", "    名称: 次第・参加者名簿\n    印刷: {両面: false, カラー: true}\n", 1
    )
    text = text.replace("    資料番号: No.1-1\n", "    資料番号: No.1-1\n    印刷: {カラー: false}\n", 1)
    meeting.write_text(text, "utf-8")
    order = order_for(Packet(project, DATE))
    assert [(line.duplex, line.colour) for line in order.lines] == [
        (False, True),  # the agenda: 片面, in colour as the meeting file says
        (True, False),  # slides in black and white as it says
        (True, True),
        (True, True),
        (True, False),
    ]


def test_without_a_list_of_attendees_only_extras_and_spares_are_counted(project: Path) -> None:
    packet = with_block(project, "印刷:\n  追加部数: {傍聴者用: 5}\n  予備部数: 2\n")
    slides_only = [doc for doc in packet.plan() if doc.entry.id in ("1-1", "1-2")]
    assert copies(slides_only, packet.meeting.printing) == (7, "名簿なし＋傍聴者用5部＋予備2部＝7部")
    assert copies([], packet.meeting.printing.model_copy(update={"extra_copies": {}})) == (2, "名簿なし＋予備2部＝2部")


def test_copies_given_in_the_meeting_file_are_taken_as_they_are(project: Path) -> None:
    packet = with_block(project, "印刷:\n  部数: 40\n  予備部数: 2\n")
    assert copies(packet.plan(), packet.meeting.printing) == (40, "40部（会議ファイルで指定）")


def test_paper_that_is_not_recycled_and_no_collating(project: Path) -> None:
    block = "印刷:\n  用紙: {紙質: 上質紙, 再生紙: false}\n  丁合: false\n  綴じ方: {単位: 一式, 方法: クリップ留め}\n"
    order = order_for(with_block(project, block))
    details = dict(order.details)
    assert details["用紙"] == "A4・上質紙・再生紙以外"
    assert details["丁合"] == "なし" and details["綴じ方"] == "一式（全資料）をクリップ留め"
    assert details["メール"] == "—" and details["備考"] == "—"
    assert order.instructions == (
        "印刷するファイル：packet.pdf（全資料を会議の順に1つにしたもの、84ページ）。26部を両面で印刷し、"
        "一式をクリップ留めしてください。資料ごとのPDFは確認用です。",
        "packet.pdf では、各資料が用紙の表面から始まるよう、ページ数が奇数の資料の後に白紙ページを入れてあります。",
        "両面の資料は、縦の資料は長辺とじ、横の資料は短辺とじで印刷してください"
        "（左上をとめて左から開いたとき、裏面も正しい向きになります）。",
    )


def test_the_instructions_count_the_copies_of_the_first_line(project: Path) -> None:
    settings = Packet(project, DATE).meeting.printing
    one = [OrderLine("資料No.3", "寄附", "donation.pdf", 1, False, False, 12)]
    said = instructions(settings, one, "packet.pdf", 2)
    assert said[0].startswith("印刷するファイル：下表の資料ごとのPDF（1ファイル）。各12部を、")
    assert not any(s.startswith("両面の資料は") for s in said)  # no line printed on both sides
    assert instructions(settings, [], "packet.pdf", 0)[0].startswith(
        "印刷するファイル：下表の資料ごとのPDF（0ファイル）。各0部を、"
    )

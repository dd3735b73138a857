"""The order's three files in a print (印刷発注書.pdf, .csv, .xlsx; printing/order/files.py): drawn once
and kept in the workspace, taken from there while the order is the same, and the PDF checked either
way. No LibreOffice: the order is drawn by reportlab and openpyxl (about a second)."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from conftest import DATE
from packetgen.building.packet import Packet
from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting
from packetgen.core.platform.fonts import ResolvedFont
from packetgen.printing import pdf_facts
from packetgen.printing.order import files
from packetgen.printing.order.files import check_order, order_key, prepare, write_order
from packetgen.printing.order.pdf_fonts import pdf_fonts
from packetgen.render import font_files
from test_order_content import order_for

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

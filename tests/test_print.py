"""packetgen print: per-document PDFs and the merged packet with bookmarks, checked fonts and page
counts, the order sheet, previews, the zip and the manifest."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import DATE, copy_project, run
from packetgen.errors import PacketError
from packetgen.printing import bundle
from packetgen.printing.pdf_checks import PdfFacts, PdfFont, read_facts
from test_pdf import pdf_fonts, require_tools

pytestmark = pytest.mark.pdf
PAGES = {"agenda": 3, "1-1": 45, "1-2": 22, "population": 7, "donation": 1}


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    require_tools()
    project = copy_project(tmp_path_factory.mktemp("print"))
    result = run(project, "print", DATE)
    assert result.exit_code == 0, result.stderr
    assert "印刷データを作成しました" in result.stdout
    return project


def out(project: Path) -> Path:
    return project / "outputs" / DATE


def manifest(project: Path) -> dict:
    return json.loads((out(project) / "manifest.json").read_text("utf-8"))


def test_page_counts_per_document_and_in_the_packet(printed: Path) -> None:
    docs = {d["id"]: d for d in manifest(printed)["documents"]}
    assert {i: d["pages"] for i, d in docs.items()} == PAGES
    for d in docs.values():
        assert len(PdfReader(str(out(printed) / d["pdf"])).pages) == d["pages"]
    packet = PdfReader(str(out(printed) / "print" / "packet.pdf"))
    assert len(packet.pages) == sum(PAGES.values()) == manifest(printed)["print"]["pages"]


def test_one_bookmark_per_document_in_meeting_order(printed: Path) -> None:
    reader = PdfReader(str(out(printed) / "print" / "packet.pdf"))
    top = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline if not isinstance(o, list)]
    assert top == [
        ("次第・参加者名簿", 0),
        ("資料No.1-1　デジタル田園都市国家構想総合戦略の概要", 3),
        ("資料No.1-2　地方版総合戦略の改訂", 48),
        ("資料No.2　人口動態について", 70),
        ("資料No.3　一関市企業版ふるさと納税について", 77),
    ]


def test_every_font_is_embedded_and_japanese(printed: Path) -> None:
    for pdf in sorted((out(printed) / "print").glob("*.pdf")):
        fonts = pdf_fonts(pdf)  # poppler's view
        assert fonts and all(f["emb"] == "yes" for f in fonts), (pdf.name, fonts)
        facts = read_facts(pdf)  # packetgen's own check agrees
        assert all(f.embedded and f.japanese for f in facts.fonts), (pdf.name, facts.fonts)


def test_order_sheet_copies_and_totals(printed: Path) -> None:
    folder = out(printed) / "print"
    rows = list(csv.reader(io.StringIO((folder / "印刷発注書.csv").read_bytes().decode("utf-8-sig"))))
    header, *lines, total = rows
    assert header[:5] == ["No", "資料番号", "資料名", "ファイル", "ページ数"]
    # 16 members + 5 city staff + 5 spares, all from the meeting's inputs
    assert {line[header.index("部数")] for line in lines} == {"26"}
    assert [int(line[header.index("ページ数")]) for line in lines] == list(PAGES.values())
    sheets = [-(-p // 2) for p in PAGES.values()]  # duplex
    assert [int(line[header.index("1部の枚数")]) for line in lines] == sheets
    assert total[0] == "計"
    assert int(total[header.index("総枚数")]) == sum(sheets) * 26 == manifest(printed)["print"]["sheets"]
    assert int(total[header.index("総ページ数")]) == sum(PAGES.values()) * 26
    assert [line[header.index("カラー/モノクロ")] for line in lines] == [
        "モノクロ",
        "カラー",
        "カラー",
        "カラー",
        "モノクロ",
    ]
    assert len(PdfReader(str(folder / "印刷発注書.pdf")).pages) == 1
    assert (folder / "印刷発注書.xlsx").is_file()


def test_previews_and_contact_sheets(printed: Path) -> None:
    preview = out(printed) / "print" / "preview"
    for doc in manifest(printed)["documents"]:
        stem = Path(doc["pdf"]).stem
        assert len(list((preview / stem).glob("page-*.png"))) == doc["pages"]
        assert (preview / f"{stem}_一覧.png").stat().st_size > 1000
    assert (preview / "印刷発注書_一覧.png").is_file()


def test_zip_for_hand_off_and_manifest_checksums(printed: Path) -> None:
    data = manifest(printed)
    archive = out(printed) / data["print"]["zip"]
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
    assert "print/packet.pdf" in names and "print/印刷発注書.pdf" in names
    assert {f"print/{Path(d['pdf']).name}" for d in data["documents"]} <= names
    assert not any("preview" in n for n in names)
    assert bundle.sha256(archive) == data["print"]["zip_sha256"]
    for d in data["documents"]:
        assert bundle.sha256(out(printed) / d["pdf"]) == d["pdf_sha256"]
    assert not list(out(printed).glob(".print*"))  # no staging folder left behind


def test_an_unchanged_packet_reuses_every_pdf(printed: Path) -> None:
    result = run(printed, "print", DATE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("前回のPDFを使用") == 5
    assert "LibreOffice で変換中" not in result.stdout


def test_only_redoes_one_document_and_remerges(printed: Path) -> None:
    result = run(printed, "print", DATE, "--only", "1-2")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("前回のPDFを使用") == 4
    assert "1件を LibreOffice で変換中" in result.stdout
    assert len(PdfReader(str(out(printed) / "print" / "packet.pdf")).pages) == sum(PAGES.values())


def test_a_pdf_with_the_wrong_page_count_is_caught(printed: Path, monkeypatch) -> None:
    # LibreOffice exits 0 even when a file converts badly: the page count check is what catches it
    from packetgen.documents.population import Population

    monkeypatch.setattr(Population, "expected_pages", lambda self, path: (8, 8))
    before = {p.name: p.stat().st_mtime_ns for p in (out(printed) / "print").iterdir()}
    result = run(printed, "print", DATE, "--only", "population")
    assert result.exit_code == 1
    assert "資料No.2_人口動態について.pdf" in result.stderr and "ページ数が 7 です（想定：8ページ）" in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in (out(printed) / "print").iterdir()} == before


def test_font_and_page_checks() -> None:
    good = PdfFacts(3, (PdfFont("IPAexMincho", True), PdfFont("IPAexGothic", True)))
    assert bundle._check("a.pdf", good, (3, None)) == []
    bad = PdfFacts(2, (PdfFont("DejaVuSans", True), PdfFont("IPAexGothic", False)))
    messages = " ".join(p.message for p in bundle._check("a.pdf", bad, (3, 3)))
    assert "ページ数が 2 です" in messages and "DejaVuSans" in messages and "埋め込まれていない" in messages


def test_no_japanese_font_stops_with_the_package_to_install(monkeypatch) -> None:
    class Empty:
        stdout = ""

    monkeypatch.setattr(bundle.subprocess, "run", lambda *a, **k: Empty())
    with pytest.raises(PacketError, match="fonts-ipaexfont"):
        bundle.require_japanese_font()

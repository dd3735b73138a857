"""packetgen print: per-document PDFs and the merged packet with bookmarks, checked fonts and page
counts, legible text sizes, the order sheet, previews, the zip and the manifest."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
import statistics
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from conftest import DATE, copy_printed, copy_project, run, with_outputs_of
from packetgen.building.outdated import sha256
from packetgen.core.fonts import FontSetting
from packetgen.office.convert import convert_to_pdf
from packetgen.printing import checks, pdf_facts
from packetgen.printing.pdf_facts import PdfFacts, PdfFont, read_facts, text_sizes
from test_pdf import pdf_fonts, require_tools

# one worker runs this module and test_preview_page.py: they start from one print (printed_project)
pytestmark = [pytest.mark.pdf, pytest.mark.xdist_group("print")]
PAGES = {"agenda": 3, "1-1": 52, "1-2": 21, "population": 10, "donation": 1}


@pytest.fixture(scope="module")
def printed(printed_project: Path, tmp_path_factory) -> Path:
    """This module's copy of the session's print (the tests below print again into it, in order)."""
    require_tools()
    return copy_printed(printed_project, tmp_path_factory.mktemp("print") / "project")


def out(project: Path) -> Path:
    return project / "outputs" / DATE


def order_table(project: Path) -> tuple[list[str], list[list[str]], list[str]]:
    """The 印刷発注書 CSV's document table: header row, a row per document, the 計 row."""
    rows = list(csv.reader(io.StringIO((out(project) / "print" / "印刷発注書.csv").read_bytes().decode("utf-8-sig"))))
    start = next(i for i, row in enumerate(rows) if row[:2] == ["No", "資料番号"])
    end = next(i for i in range(start, len(rows)) if rows[i][:1] == ["計"])
    return rows[start], rows[start + 1 : end], rows[end]


def manifest(project: Path) -> dict:
    return json.loads((out(project) / "manifest.json").read_text("utf-8"))


@pytest.mark.slow
def test_page_counts_per_document_and_in_the_packet(printed: Path) -> None:
    docs = {d["id"]: d for d in manifest(printed)["documents"]}
    assert {i: d["pages"] for i, d in docs.items()} == PAGES
    for d in docs.values():
        assert len(PdfReader(str(out(printed) / d["pdf"])).pages) == d["pages"]
    packet = PdfReader(str(out(printed) / "print" / "packet.pdf"))
    # 87 pages and a blank after each document with an odd count (agenda 3, 1-2 21, donation 1)
    assert len(packet.pages) == 90 == manifest(printed)["print"]["pages"]


@pytest.mark.parametrize(
    ("pdf", "pages"),
    [
        ("次第・参加者名簿.pdf", 3),
        ("資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pdf", 52),
        ("資料No.1-2_地方版総合戦略の改訂.pdf", 21),
        ("資料No.2_人口動態について.pdf", 10),
        ("資料No.3_一関市企業版ふるさと納税について.pdf", 1),
        ("印刷発注書.pdf", 1),
        ("packet.pdf", 90),  # 87 pages and a blank after each odd-length 資料 (3, 21 and 1 pages: +3)
    ],
)
def test_page_counts_of_the_2023_07_27_packet(printed_project: Path, pdf: str, pages: int) -> None:
    assert len(PdfReader(str(printed_project / "outputs" / DATE / "print" / pdf)).pages) == pages


@pytest.mark.slow
def test_one_bookmark_per_document_in_meeting_order(printed: Path) -> None:
    reader = PdfReader(str(out(printed) / "print" / "packet.pdf"))
    top = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline if not isinstance(o, list)]
    assert top == [
        ("次第・参加者名簿", 0),
        ("資料No.1-1　デジタル田園都市国家構想総合戦略の概要", 4),
        ("資料No.1-2　地方版総合戦略の改訂", 56),
        ("資料No.2　人口動態について", 78),
        ("資料No.3　一関市企業版ふるさと納税について", 88),
    ]
    # every document starts on a front side (an odd page number, 1-based)
    assert all(page % 2 == 0 for _, page in top)


@pytest.mark.slow
def test_blank_pages_exactly_after_documents_with_an_odd_page_count(printed: Path) -> None:
    reader = PdfReader(str(out(printed) / "print" / "packet.pdf"))
    blank = [n for n, page in enumerate(reader.pages, start=1) if not content_of(page).strip()]
    assert blank == [4, 78, 90]
    # a blank page has its document's orientation: 1-2 is landscape, the agenda and donation portrait
    sizes = {
        n: (round(float(reader.pages[n - 1].mediabox.width)), round(float(reader.pages[n - 1].mediabox.height)))
        for n in blank
    }
    assert sizes == {4: (595, 842), 78: (842, 595), 90: (595, 842)}


@pytest.mark.slow
def test_every_font_is_embedded_and_of_the_font_setting(printed: Path) -> None:
    for pdf in sorted((out(printed) / "print").glob("*.pdf")):
        fonts = pdf_fonts(pdf)  # poppler's view
        assert fonts and all(f["emb"] == "yes" for f in fonts), (pdf.name, fonts)
        # packet.pdf embeds only BIZ UD: BIZ UDPゴシック (and its bold) and BIZ UD明朝 (Debian: BIZUDMincho)
        names = {f["name"].split("+")[-1] for f in fonts}
        assert names <= {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "BIZUDMincho-Regular"}, (pdf.name, names)
        facts = read_facts(pdf)  # packetgen's own check agrees
        assert all(f.embedded and f.one_of(("BIZUDPGothic", "BIZUDMincho")) for f in facts.fonts), pdf.name


def content_of(page) -> bytes:
    """A page's drawing operators, all its content streams decoded (b"" for a page without any)."""
    contents = page.get("/Contents")
    if contents is None:
        return b""
    streams = contents.get_object()
    streams = streams if isinstance(streams, list) else [streams]
    return b"".join(stream.get_object().get_data() for stream in streams)


def glyph_sizes(pdf: Path) -> dict[int, tuple[float, float]]:
    """PDFium's measure, independent of packetgen's: page → (smallest, median) printed size of its
    visible characters, in points (pdfplumber gives the same to 0.01 pt, twenty times slower)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pages = {}
    document = pdfium.PdfDocument(pdf)
    try:
        for number in range(1, len(document) + 1):
            text = document[number - 1].get_textpage()
            count = pdfium_c.FPDFText_CountChars(text)
            sizes = [
                pdfium_c.FPDFText_GetFontSize(text, i)
                for i in range(count)
                if chr(pdfium_c.FPDFText_GetUnicode(text, i)).strip()
            ]
            if sizes:
                pages[number] = (round(min(sizes), 2), round(statistics.median(sizes), 2))
    finally:
        document.close()
    return pages


@pytest.fixture(scope="module")
def measured(printed: Path) -> dict[str, dict[int, tuple[float, float]]]:
    folder = out(printed) / "print"
    return {name: glyph_sizes(folder / name) for name in ("packet.pdf", "印刷発注書.pdf")}


def page_names(pdf: Path) -> dict[int, str]:
    """Page number → 「document p.N」 from the packet's bookmarks (the page number alone elsewhere)."""
    reader = PdfReader(str(pdf))
    starts = [(reader.get_destination_page_number(o) + 1, o.title) for o in reader.outline if not isinstance(o, list)]
    names = {}
    for number in range(1, len(reader.pages) + 1):
        first, title = max(((s, t) for s, t in starts if s <= number), default=(1, ""))
        names[number] = f"{number}（{title} {number - first + 1}ページ目）" if title else str(number)
    return names


@pytest.mark.slow
@pytest.mark.parametrize("name", ["packet.pdf", "印刷発注書.pdf"])
def test_printed_text_is_legible(printed: Path, measured: dict, name: str) -> None:
    # every page with text, of every document: no glyph under 8 pt, a median of 10 pt or more
    pages = measured[name]
    assert pages, f"{name}: no text found"
    where = page_names(out(printed) / "print" / name)
    small = [
        f"{where[page]}: 最小 {low}pt・中央値 {mid}pt" for page, (low, mid) in pages.items() if low < 8 or mid < 10
    ]
    assert small == [], f"{name}: 文字が小さすぎるページ\n" + "\n".join(small)


@pytest.mark.slow
def test_packetgen_measures_text_as_pdfium_does(printed: Path, measured: dict) -> None:
    for name, pages in measured.items():
        ours = {p.page: (p.smallest, p.median) for p in text_sizes(out(printed) / "print" / name)}
        assert ours.keys() == pages.keys(), name
        for page, sizes in pages.items():
            assert ours[page] == pytest.approx(sizes, abs=0.02), (name, page)


@pytest.mark.slow
def test_order_sheet_text_stays_inside_its_cells(printed: Path) -> None:
    # rows are given the height their wrapped text needs: no glyph crosses a rule, nothing shows ###,
    # and every 資料名 and file name is there in full, read down its own column
    header, lines, _ = order_table(printed)
    with pdfplumber.open(out(printed) / "print" / "印刷発注書.pdf") as document:
        (page,) = document.pages
        rules = [r for r in page.lines if r["width"] > 1 or r["height"] > 1]
        assert len(rules) > 20, "the table's rules were not found"
        for c in (c for c in page.chars if c["text"].strip()):
            mid_x, mid_y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
            for r in rules:
                if r["height"] <= 1 and r["x0"] < mid_x < r["x1"]:  # a horizontal rule
                    assert not c["top"] + 1 < r["top"] < c["bottom"] - 1, (c["text"], c["top"], r["top"])
                if r["width"] <= 1 and r["top"] < mid_y < r["bottom"]:  # a vertical rule
                    assert not c["x0"] + 0.5 < r["x0"] < c["x1"] - 0.5, (c["text"], c["x0"], r["x0"])
        assert "###" not in page.extract_text()
        verticals = sorted({round(r["x0"], 1) for r in rules if r["width"] <= 1})
        for column in ("資料名", "ファイル"):
            heading = next(w for w in page.extract_words() if w["text"] == column)
            left = max(x for x in verticals if x < heading["x0"])
            right = min(x for x in verticals if x > heading["x1"])
            text = "".join(page.crop((left, 0, right, page.height)).extract_text().split())
            for line in lines:
                assert line[header.index(column)] in text, (column, line)


@pytest.mark.slow
def test_order_sheet_copies_and_totals(printed: Path) -> None:
    folder = out(printed) / "print"
    header, lines, total = order_table(printed)
    assert header[:5] == ["No", "資料番号", "資料名", "ファイル", "ページ数"]
    assert [line[header.index("向き")] for line in lines] == ["縦", "横", "横", "縦", "縦"]
    assert [line[header.index("とじ方向")] for line in lines] == [
        "長辺とじ",
        "短辺とじ",
        "短辺とじ",
        "長辺とじ",
        "長辺とじ",
    ]
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


@pytest.mark.slow
def test_previews_are_legible_and_have_contact_sheets(printed: Path) -> None:
    from PIL import Image

    preview = out(printed) / "print" / "preview"
    for doc in manifest(printed)["documents"]:
        stem = Path(doc["pdf"]).stem
        pages = sorted((preview / stem).glob("page-*.jpg"))
        assert len(pages) == doc["pages"]
        for page in pages:
            with Image.open(page) as image:
                assert max(image.size) >= 1200, (page.name, image.size)  # readable at 100 %
        assert (preview / f"{stem}_一覧.png").stat().st_size > 1000
    assert (preview / "印刷発注書_一覧.png").is_file()


@pytest.mark.slow
def test_zip_for_hand_off_and_manifest_checksums(printed: Path) -> None:
    data = manifest(printed)
    archive = out(printed) / data["print"]["zip"]
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
    pdfs = {f"print/{Path(d['pdf']).name}" for d in data["documents"]}
    order = {"print/印刷発注書.pdf", "print/印刷発注書.csv", "print/印刷発注書.xlsx"}
    assert names == pdfs | order | {"print/packet.pdf"}  # what to print, the whole set, the order
    assert sha256(archive) == data["print"]["files"][data["print"]["zip"]]
    for d in data["documents"]:
        assert sha256(out(printed) / d["pdf"]) == d["pdf_sha256"]
    assert not list(out(printed).glob(".print*"))  # no staging folder left behind


@pytest.mark.slow
def test_a_print_with_nothing_changed_converts_and_rewrites_nothing(printed: Path) -> None:
    before = {str(p): p.stat().st_mtime_ns for p in out(printed).rglob("*") if p.is_file()}
    result = run(printed, "print", DATE)
    assert result.exit_code == 0, result.stderr
    assert "印刷データは最新です" in result.stdout and "PDF変換中" not in result.stdout
    assert "印刷データは変更ありません" in result.stdout and "総枚数 1,170枚" in result.stdout
    assert {str(p): p.stat().st_mtime_ns for p in out(printed).rglob("*") if p.is_file()} == before


@pytest.mark.slow
def test_only_redoes_one_document_and_remerges(printed: Path) -> None:
    result = run(printed, "print", DATE, "--only", "1-2")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("前回のPDFを使用") == 4
    assert "PDF変換中（1/1）：資料No.1-2_地方版総合戦略の改訂" in result.stdout
    assert "プレビュー（1/2）：資料No.1-2_地方版総合戦略の改訂" in result.stdout  # and the order's
    assert len(PdfReader(str(out(printed) / "print" / "packet.pdf")).pages) == 90


@pytest.mark.slow
def test_a_pdf_with_the_wrong_page_count_is_caught(printed: Path, monkeypatch) -> None:
    # LibreOffice exits 0 even when a file converts badly: the page count check is what catches it
    from packetgen.documents.population.builder import Builder

    monkeypatch.setattr(Builder, "expected_pages", lambda self, path: (8, 8))
    before = {p.name: p.stat().st_mtime_ns for p in (out(printed) / "print").iterdir()}
    result = run(printed, "print", DATE, "--only", "population")
    assert result.exit_code == 1
    assert "資料No.2_人口動態について.pdf" in result.stderr and "ページ数が 10 です（想定：8ページ）" in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in (out(printed) / "print").iterdir()} == before


def test_font_and_page_checks() -> None:
    setting = FontSetting("BIZ UDPゴシック", "BIZ UD明朝 Medium")
    good = PdfFacts(3, (PdfFont("BIZUDMincho-Regular", True), PdfFont("BIZUDPGothic-Bold", True)))
    assert checks.check_pdf("a.pdf", good, (3, None), setting) == []
    bad = PdfFacts(2, (PdfFont("DejaVuSans", True), PdfFont("BIZUDPGothic-Regular", False)))
    messages = " ".join(p.message for p in checks.check_pdf("a.pdf", bad, (3, 3), setting))
    assert "ページ数が 2 です" in messages and "埋め込まれていない" in messages
    assert "フォント設定（templates/fonts.yaml）にないフォントで印刷される文字があります：DejaVuSans" in messages
    # a Japanese font that is not the configured one is refused too (IPAex is not BIZ UD)
    other = PdfFacts(3, (PdfFont("IPAexGothic", True),))
    assert "IPAexGothic" in " ".join(p.message for p in checks.check_pdf("a.pdf", other, (3, 3), setting))


def test_print_without_the_configured_fonts_stops_naming_the_package(project: Path) -> None:
    (project / "templates" / "fonts.yaml").write_text("ゴシック: BIZ UDPゴシック\n明朝: Noto Serif CJK JP\n", "utf-8")
    result = run(project, "print", DATE)
    assert result.exit_code == 1
    assert "明朝「Noto Serif CJK JP」" in result.stderr and "fonts-noto-cjk" in result.stderr


def test_text_sizes_follow_the_matrices_and_skip_what_does_not_print(tmp_path: Path) -> None:
    # printed size = font size × the scale of the text matrix and the page's cm; spaces and invisible
    # text (Tr 3) are not glyphs anyone reads
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    helvetica = DictionaryObject(
        {NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
         NameObject("/BaseFont"): NameObject("/Helvetica")}
    )  # fmt: skip
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): helvetica})}
    )
    content = DecodedStreamObject()
    content.set_data(
        b"BT /F1 12 Tf 72 700 Td (Twelve) Tj ET\n"
        b"q 0.5 0 0 0.5 0 0 cm BT /F1 12 Tf 72 600 Td (Six) Tj ET Q\n"
        b"BT /F1 10 Tf 2 0 0 2 72 500 Tm [(Twen) -20 (ty)] TJ ET\n"
        b"BT /F1 4 Tf 72 400 Td (    ) Tj ET\n"
        b"BT 3 Tr /F1 2 Tf 72 300 Td (hidden) Tj ET\n"
    )
    page.replace_contents(content)
    pdf = tmp_path / "matrices.pdf"
    with open(pdf, "wb") as handle:
        writer.write(handle)
    (sizes,) = text_sizes(pdf)
    # 6 glyphs at 12 pt, 3 at 6 pt, 6 at 20 pt
    assert (sizes.page, sizes.smallest, sizes.median, sizes.glyphs) == (1, 6.0, 12.0, 15)
    assert sizes.smallest_text == "Six"


def test_a_pdf_with_small_text_is_refused_naming_file_and_page(tmp_path: Path) -> None:
    require_tools()
    document = Document()
    body = document.add_paragraph().add_run("本文は読みやすい大きさです。" * 4)
    body.font.size = Pt(11)
    body.add_break(WD_BREAK.PAGE)
    small = document.add_paragraph().add_run("小さすぎる注記の文字")
    small.font.size = Pt(6)
    document.save(tmp_path / "小さい文字.docx")
    (pdf,) = convert_to_pdf([tmp_path / "小さい文字.docx"], tmp_path / "pdf")
    facts = read_facts(pdf)
    assert [p.page for p in facts.text] == [1, 2]
    problems = checks.check_sizes(pdf.name, facts.text)
    assert [p.file for p in problems] == ["小さい文字.pdf"]  # page 1 (11 pt) passes
    message = problems[0].message
    assert message.startswith("2ページ目：最小の文字が 6.0pt です（「小さすぎる注記の文字」など）（8pt 以上が必要）")
    assert "中央値が 6.0pt です（10pt 以上が必要）" in message
    assert problems[0] in checks.check_pdf(
        pdf.name, facts, (2, 2), FontSetting("BIZ UDPゴシック", "BIZ UD明朝 Medium")
    )  # what the print step runs on every PDF


@pytest.mark.slow
@pytest.mark.parametrize(
    ("pdf", "heading"),
    [
        ("資料No.3_一関市企業版ふるさと納税について.pdf", "印刷用PDFに問題があります"),
        ("印刷発注書.pdf", "印刷発注書のPDFに問題があります"),
    ],
)
def test_the_print_step_refuses_small_text(printed: Path, monkeypatch, pdf: str, heading: str) -> None:
    # the print step measures every document's PDF and the order sheet's: one of them read back with
    # 6 pt text stops the command, naming file and page, and the previous print folder stays as it was
    def read_small(path: Path) -> PdfFacts:
        facts = read_facts(path)
        if path.name != pdf:
            return facts
        return dataclasses.replace(facts, text=(dataclasses.replace(facts.text[0], smallest=6.0, median=6.0),))

    monkeypatch.setattr(pdf_facts, "read_facts", read_small)
    before = {p.name: p.stat().st_mtime_ns for p in (out(printed) / "print").iterdir()}
    result = run(printed, "print", DATE, "--only", "donation")
    assert result.exit_code == 1
    assert heading in result.stderr
    assert f"{pdf}: 1ページ目：最小の文字が 6.0pt です" in result.stderr
    assert "（8pt 以上が必要）、文字の大きさの中央値が 6.0pt です（10pt 以上が必要）" in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in (out(printed) / "print").iterdir()} == before


@pytest.mark.slow
def test_a_build_that_changes_a_document_withdraws_its_print_data(printed: Path, tmp_path: Path) -> None:
    project = tmp_path / "copy"
    shutil.copytree(printed, project)  # the printed packet, outputs included
    members = project / "inputs" / DATE / "members.csv"
    members.write_text(members.read_text("utf-8").replace("岩本", "岩元"), "utf-8")
    result = run(project, "build", DATE, "--only", "agenda")
    assert result.exit_code == 0, result.stderr
    assert "印刷データを取り下げました（次第・参加者名簿を作り直したため）" in result.stdout
    assert f"packetgen print {DATE}" in result.stdout
    folder = out(project) / "print"
    # the changed document's PDF and previews, and everything made from the whole set, are gone ...
    assert not (folder / "次第・参加者名簿.pdf").exists() and not (folder / "preview" / "次第・参加者名簿").exists()
    assert not (folder / "packet.pdf").exists() and not list(folder.glob("印刷発注書*"))
    assert not (out(project) / f"印刷データ_{DATE}.zip").exists()
    # ... the other documents' PDFs stay for the next print, and the manifest says what happened
    assert len(list(folder.glob("資料No.*.pdf"))) == 4
    data = manifest(project)
    assert "print" not in data and data["print_withdrawn"]["because"] == ["次第・参加者名簿"]
    assert "pdf" not in next(d for d in data["documents"] if d["id"] == "agenda")
    # what was printed last is kept outside print/ as the baseline of a review
    text = json.loads((out(project) / "printed" / "text.json").read_text("utf-8"))
    assert "岩本" in "".join(text["次第・参加者名簿.pdf"]) and len(text["次第・参加者名簿.pdf"]) == 3
    # printing again makes the hand-off whole, reusing the four unchanged PDFs
    again = run(project, "print", DATE)
    assert again.exit_code == 0, again.stderr
    assert again.stdout.count("前回のPDFを使用") == 4
    assert "岩元" in "".join(
        json.loads((out(project) / "printed" / "text.json").read_text("utf-8"))["次第・参加者名簿.pdf"]
    )


@pytest.mark.slow
def test_the_same_inputs_print_byte_identical_files(printed: Path, tmp_path: Path, _full_build: Path) -> None:
    # the other print starts from the session's build of the same inputs and converts all five again;
    # the Office files are compared below too (build and the build inside print must agree byte for byte)
    other = copy_project(tmp_path)
    with_outputs_of(_full_build, other)
    result = run(other, "print", DATE)
    assert result.exit_code == 0, result.stderr
    assert "前回のPDFを使用" not in result.stdout

    def files(project: Path) -> dict[str, str]:
        root = out(project)
        # the preview page marks what changed since the previous print: it depends on history, and the
        # issue (#13) exempts it from byte-identical rebuilds
        exempt = {"manifest.json", "index.html"}
        chosen = [p for p in root.rglob("*") if p.is_file() and p.name not in exempt]
        return {str(p.relative_to(root)): sha256(p) for p in chosen}

    ours, theirs = files(printed), files(other)
    assert set(ours) == set(theirs)
    different = sorted(name for name in ours if ours[name] != theirs[name])
    assert different == [], [first_difference(out(printed) / name, out(other) / name) for name in different[:5]]


def first_difference(a: Path, b: Path) -> str:
    """Where two files part: the sizes and 60 bytes of each from the first differing byte (a rare
    LibreOffice difference was seen once and could not be reproduced; this says what it was)."""
    x, y = a.read_bytes(), b.read_bytes()
    at = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    return f"{a.name}: {len(x)} / {len(y)} bytes, from byte {at}: {x[at : at + 60]!r} / {y[at : at + 60]!r}"


@pytest.mark.slow
def test_the_baseline_keeps_the_text_of_every_printed_page(printed: Path) -> None:
    printed_dir = out(printed) / "printed"
    text = json.loads((printed_dir / "text.json").read_text("utf-8"))
    assert {name: len(pages) for name, pages in text.items()} == {
        "次第・参加者名簿.pdf": 3,
        "資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pdf": 52,
        "資料No.1-2_地方版総合戦略の改訂.pdf": 21,
        "資料No.2_人口動態について.pdf": 10,
        "資料No.3_一関市企業版ふるさと納税について.pdf": 1,
    }
    assert "105,000" in "".join(text["資料No.3_一関市企業版ふるさと納税について.pdf"][0].split())
    assert len(list((printed_dir / "pages" / "資料No.2_人口動態について").glob("page-*.jpg"))) == 10

"""文書 made from its 本文 file: the blocks in order in the template's styles, tables from a CSV or XLSX
or typed, the picture with its alternative text, the label and fonts, refused inputs (file and line,
outputs untouched), and the printed pages (LibreOffice).

Everything in the 本文 file, the table and the picture below is テストデータ（架空）. Until meeting.yaml
declares a document's 種類 (issue 23), the test id ``paper`` is mapped to the kind 文書 here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from conftest import DATE, run, snapshot
from packetgen.documents import registry

PAPER = "資料No.4_地域おこし協力隊の活動について（テスト）.docx"
ENTRY = """  - id: paper
    種類: 文書
    名称: 地域おこし協力隊の活動について（テスト）
    資料番号: No.4
    入力:
      本文: paper/本文.yaml
"""
SOURCE = """\
# テストデータ（架空）
表題: 地域おこし協力隊の活動について
本文:
  - 見出し: 1　活動の概要
  - 段落: 隊員は**8名**です。
  - 小見出し: (1) 配置
  - 箇条書き:
      - 大東地域
      - 項目: 千厩地域
        小項目:
          - 観光
          - 農業
  - 表:
      表題: 隊員数の推移
      ファイル: 隊員数.csv
      出典: 資料：テストデータ（架空）
  - 表:
      列: [分野, 人数, 式]
      行:
        - [観光, 1.10, =A1*2]
        - [農業, 0123, "=1+1"]
  - 画像:
      ファイル: 写真.png
      説明: 活動の様子（架空）
  - 改ページ
  - 見出し: 2　今後の取組
  - 段落: |-
      1行目です。
      2行目です。
"""
# テストデータ（架空）: enough rows to run onto a second page
TABLE = "年度,隊員数,備考\n" + "".join(f"令和{n}年度,{n + 4},{'新規採用あり' if n % 2 else ''}\n" for n in range(1, 61))
LABEL = "令和5年7月27日(木)　第1回一関市まち・ひと・しごと創生有識者会議【資料No.4】"


def write_picture(path: Path, size: tuple[int, int] = (800, 400)) -> None:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", size, "white")
    ImageDraw.Draw(picture).ellipse((100, 50, size[0] - 100, size[1] - 50), fill="steelblue")
    picture.save(path)


@pytest.fixture
def paper_dir(project: Path) -> Path:
    """The seed meeting with one more 資料 of kind 文書 (id ``paper``), its 本文 file, table and picture."""
    meeting = project / "inputs" / DATE / "meeting.yaml"
    text = meeting.read_text("utf-8")
    meeting.write_text(text.replace("# 印刷：印刷所", ENTRY + "# 印刷：印刷所", 1), "utf-8")
    folder = project / "inputs" / DATE / "paper"
    folder.mkdir()
    (folder / "本文.yaml").write_text(SOURCE, "utf-8")
    (folder / "隊員数.csv").write_text(TABLE, "utf-8")
    write_picture(folder / "写真.png")
    return folder


def build(project: Path) -> Path:
    result = run(project, "build", DATE, "--only", "paper")
    assert result.exit_code == 0, result.stderr
    return project / "outputs" / DATE / PAPER


def body(doc: Document) -> list[tuple[str, str]]:
    """The body in order: (style, text) of each paragraph, ("表", first row) of each table."""
    out = []
    for element in doc.element.body:
        if element.tag == qn("w:p"):
            paragraph = next(p for p in doc.paragraphs if p._p is element)
            out.append((paragraph.style.name, paragraph.text))
        elif element.tag == qn("w:tbl"):
            table = next(t for t in doc.tables if t._tbl is element)
            out.append(("表", "|".join(c.text for c in table.rows[0].cells)))
    return out


def test_the_blocks_are_printed_in_order_in_the_template_s_styles(project: Path, paper_dir: Path) -> None:
    doc = Document(str(build(project)))
    assert body(doc) == [
        ("資料ラベル", LABEL),
        ("Title", "地域おこし協力隊の活動について"),
        ("Heading 1", "1　活動の概要"),
        ("Body Text", "隊員は8名です。"),
        ("Heading 2", "(1) 配置"),
        ("List Bullet", "大東地域"),
        ("List Bullet", "千厩地域"),
        ("List Bullet 2", "観光"),
        ("List Bullet 2", "農業"),
        ("表タイトル", "隊員数の推移"),
        ("表", "年度|隊員数|備考"),
        ("表出典", "資料：テストデータ（架空）"),
        ("表", "分野|人数|式"),
        ("表出典", ""),  # no 出典: an empty line still parts the table from what follows
        ("図", ""),
        ("Caption", "活動の様子（架空）"),
        ("Normal", ""),  # the page break
        ("Heading 1", "2　今後の取組"),
        ("Body Text", "1行目です。"),  # each line of a 段落 its own paragraph (justified lines stay even)
        ("Body Text", "2行目です。"),
    ]
    bold = [(r.text, r.bold) for r in doc.paragraphs[3].runs]
    assert bold == [("隊員は", None), ("8名", True), ("です。", None)]
    breaks = doc.element.body.findall(f".//{qn('w:br')}")
    assert [b.get(qn("w:type")) for b in breaks] == ["page"]
    assert "{{" not in "".join(p.text for p in doc.paragraphs)  # the template's tags are all filled


def test_tables_print_their_cells_as_written_and_repeat_the_header_row(project: Path, paper_dir: Path) -> None:
    doc = Document(str(build(project)))
    read, typed = doc.tables
    cells = [[c.text for c in row.cells] for row in read.rows]
    assert len(cells) == 61
    assert cells[:3] == [["年度", "隊員数", "備考"], ["令和1年度", "5", "新規採用あり"], ["令和2年度", "6", ""]]
    assert cells[-1] == ["令和60年度", "64", ""]
    # typed cells as typed: YAML alone would read 1.10 as 1.1 and 0123 as 83; a formula is text
    assert [[c.text for c in row.cells] for row in typed.rows] == [
        ["分野", "人数", "式"],
        ["観光", "1.10", "=A1*2"],
        ["農業", "0123", "=1+1"],
    ]
    for table in (read, typed):
        repeats = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]
        assert repeats == [True] + [False] * (len(table.rows) - 1)
    # figures right-aligned, text left, the header in its own style
    assert [c.paragraphs[0].style.name for c in read.rows[1].cells] == ["表本文", "表本文右", "表本文"]
    assert [c.paragraphs[0].style.name for c in read.rows[0].cells] == ["表見出し"] * 3
    # within the text column (A4 less 22 mm margins, less the body's indent)
    width = sum(int(col.get(qn("w:w"))) for col in read._tbl.tblGrid.iterchildren(qn("w:gridCol")))
    assert 0 < width <= (210 - 44) * 1440 / 25.4


def test_the_picture_fits_the_text_column_and_says_its_caption(project: Path, paper_dir: Path) -> None:
    write_picture(paper_dir / "写真.png", (4000, 1000))  # 55 inches wide at Word's default 72 dpi
    doc = Document(str(build(project)))
    (shape,) = doc.inline_shapes
    assert shape._inline.docPr.get("descr") == "活動の様子（架空）"
    text_width = doc.sections[0].page_width - doc.sections[0].left_margin - doc.sections[0].right_margin
    assert text_width * 0.9 < shape.width <= text_width
    assert shape.height * 4 == pytest.approx(shape.width, rel=0.01)  # its proportions kept


def test_the_paper_names_the_font_setting_s_fonts_only(project: Path, paper_dir: Path) -> None:
    from test_fonts import OTHER_FONTS, OTHER_SETTING, font_names

    assert set(font_names(project / "templates" / "paper.docx")) == {"BIZ UDPゴシック", "BIZ UD明朝 Medium"}
    assert set(font_names(build(project))) == {"BIZ UDPゴシック", "BIZ UD明朝 Medium"}
    (project / "templates" / "fonts.yaml").write_text(OTHER_SETTING, "utf-8")
    assert set(font_names(build(project))) == OTHER_FONTS


def test_a_table_can_be_read_from_an_excel_file(project: Path, paper_dir: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    for row in (["地域", "人数"], ["大東", 2], ["千厩", 1]):
        workbook.active.append(row)
    workbook.save(paper_dir / "地域.xlsx")
    source = paper_dir / "本文.yaml"
    source.write_text(source.read_text("utf-8").replace("隊員数.csv", "地域.xlsx"), "utf-8")
    doc = Document(str(build(project)))
    cells = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert cells == [["地域", "人数"], ["大東", "2"], ["千厩", "1"]]


def test_the_same_inputs_make_the_same_bytes(project: Path, paper_dir: Path) -> None:
    first = build(project).read_bytes()
    assert run(project, "build", DATE, "--only", "paper", "--force").exit_code == 0
    assert build(project).read_bytes() == first


SOURCE_FILE = f"inputs/{DATE}/paper/本文.yaml"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "ファイル: 隊員数.csv",
            "ファイル: 隊員数2023.csv",
            f"{SOURCE_FILE} 15行目 本文[5].表.ファイル: 表のファイル「隊員数2023.csv」が見つかりません"
            "（この本文のファイルがあるフォルダからの場所を書きます）",
        ),
        (
            "  - 見出し: 1　活動の概要",
            "  - 見だし: 1　活動の概要",
            f"{SOURCE_FILE} 4行目 本文[1]: 「見だし」という種類はありません。「見出し」のことですか？"
            "（使える種類：見出し、小見出し、段落、箇条書き、表、画像、改ページ）",
        ),
        ("表題: 地域おこし協力隊の活動について", '表題: ""', f"{SOURCE_FILE} 2行目 表題: 空にはできません"),
        (
            '        - [農業, 0123, "=1+1"]',
            "        - [農業, 0123]",
            f"{SOURCE_FILE} 21行目 本文[6].表.行[2]: この行の値は2個です。列（3個）と同じ数だけ書いてください",
        ),
        (
            "列: [分野, 人数, 式]",
            "列: [" + ", ".join(f"列{n}" for n in range(1, 12)) + "]",
            f"{SOURCE_FILE} 18行目 本文[6].表: 列が11列あります。A4縦の資料に収まるのは10列までです",
        ),
        (
            "  - 見出し: 1　活動の概要",
            "  - 見出し: " + "あ" * 101,
            f"{SOURCE_FILE} 4行目 本文[1].見出し: 100文字以内で入力してください",
        ),
    ],
    ids=["missing table file", "unknown block", "empty title", "short row", "too wide", "long heading"],
)
def test_a_mistake_in_the_source_is_refused_with_file_and_line(
    project: Path, paper_dir: Path, old: str, new: str, message: str
) -> None:
    before = build(project).parent
    kept = snapshot(before)
    source = paper_dir / "本文.yaml"
    assert old in source.read_text("utf-8")
    source.write_text(source.read_text("utf-8").replace(old, new), "utf-8")
    result = run(project, "build", DATE, "--only", "paper")
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(before) == kept  # the outputs as the last good build left them


@pytest.mark.parametrize(
    ("picture", "message"),
    [
        ("broken", "「写真.png」を画像として読めません。PNG か JPEG で保存し直してください"),
        ("gif", "画像「写真.png」は GIF 形式です。PNG か JPEG で保存し直してください"),
        ("cmyk", "「写真.png」は Word の文書に入れられない形式の JPEG です（CMYK など）。PNG で保存し直してください"),
    ],
)
def test_a_picture_word_cannot_take_is_refused_with_its_line(
    project: Path, paper_dir: Path, picture: str, message: str
) -> None:
    from PIL import Image

    path = paper_dir / "写真.png"  # what the name says is not what Word reads: the content is checked
    if picture == "broken":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not a picture")
    else:
        Image.new("CMYK" if picture == "cmyk" else "RGB", (60, 40)).save(path, "JPEG" if picture == "cmyk" else "GIF")
    result = run(project, "build", DATE, "--only", "paper")
    assert result.exit_code == 1
    assert f"{SOURCE_FILE} 23行目 本文[7].画像.ファイル: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "outputs" / DATE / PAPER).exists()


def test_changing_only_a_picture_the_source_names_rebuilds_the_paper(project: Path, paper_dir: Path) -> None:
    first = build(project).read_bytes()
    write_picture(paper_dir / "写真.png", (600, 600))
    assert build(project).read_bytes() != first


def test_a_table_file_the_source_names_is_not_called_unused(project: Path, paper_dir: Path) -> None:
    result = run(project, "check", DATE, "--only", "paper")
    assert result.exit_code == 0, result.stderr
    assert "隊員数.csv はどの資料も読んでいません" not in result.stdout


@pytest.mark.parametrize(
    ("what", "message"),
    [
        (
            "body",
            "テンプレート templates/paper.docx に、本文を入れる段落 {{ body }} がありません。"
            "その1行だけの段落を、表題の下に戻してください",
        ),
        (
            "style",
            "テンプレート templates/paper.docx にスタイル「表出典」がありません。"
            "文書の本文はこれらのスタイルで書きます。スタイルは削除せず、書式を変えてください",
        ),
    ],
)
def test_a_template_without_the_body_or_a_style_is_refused(
    project: Path, paper_dir: Path, what: str, message: str
) -> None:
    template = project / "templates" / "paper.docx"
    doc = Document(str(template))
    if what == "body":
        (body_paragraph,) = [p for p in doc.paragraphs if p.text == "{{ body }}"]
        body_paragraph._p.getparent().remove(body_paragraph._p)
    else:
        style = doc.styles["表出典"].element
        style.getparent().remove(style)
    doc.save(str(template))
    result = run(project, "build", DATE, "--only", "paper")
    assert result.exit_code == 1
    assert message in result.stderr


@pytest.mark.slow
def test_the_paper_opens_in_word_without_repair(project: Path, paper_dir: Path) -> None:
    """openxml-audit applies the Open XML SDK's rules (python-docx's stylesWithEffects part aside, as
    test_ooxml_valid.py filters it)."""
    import json
    import subprocess

    pytest.importorskip("openxml_audit")
    docx = build(project)
    out = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-o", "json", "-m", "0", str(docx)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    (report,) = json.loads(out.stdout)
    assert [e for e in report["errors"] if "stylesWithEffects" not in json.dumps(e)] == []


def test_a_table_file_s_own_mistake_names_its_excel_row(project: Path, paper_dir: Path) -> None:
    (paper_dir / "隊員数.csv").write_text("年度,年度\n令和1年度,5\n", "utf-8")
    result = run(project, "check", DATE, "--only", "paper")
    assert result.exit_code == 1
    assert f"inputs/{DATE}/paper/隊員数.csv 1行目 B列: 見出し「年度」が重複しています" in result.stderr


@pytest.mark.parametrize("roles", [{}, {"本文": "paper/本文.yaml", "原稿": "paper/原稿.docx"}], ids=["neither", "both"])
def test_a_paper_needs_exactly_one_of_its_two_forms(project: Path, paper_dir: Path, roles: dict[str, str]) -> None:
    meeting = project / "inputs" / DATE / "meeting.yaml"
    given = "".join(f"\n      {role}: {name}" for role, name in roles.items()) or " {}"
    text = meeting.read_text("utf-8").replace("    入力:\n      本文: paper/本文.yaml", f"    入力:{given}")
    meeting.write_text(text, "utf-8")
    result = run(project, "check", DATE, "--only", "paper")
    assert result.exit_code == 1
    what = (
        "入力「本文」と「原稿」は同時に指定できません（「本文」か「原稿」のどちらか1つにしてください）"
        if roles
        else "入力「本文」か「原稿」のどちらか1つを指定してください"
    )
    assert f"inputs/{DATE}/meeting.yaml" in result.stderr and f"資料[6].入力: {what}" in result.stderr


@pytest.mark.pdf
@pytest.mark.slow
def test_the_printed_paper_passes_the_print_checks(project: Path, paper_dir: Path, tmp_path: Path) -> None:
    """LibreOffice's PDF: A4, the font setting's fonts embedded, no text under 8 pt, every glyph inside
    the margins, the label on page 1 and the folio on each page, the table's header again on page 2."""
    import pdfplumber

    from packetgen.core.fonts import FontSetting
    from packetgen.office.convert import convert_to_pdf
    from packetgen.printing.checks import check_paper, check_pdf
    from packetgen.printing.pdf_facts import read_facts
    from test_pdf import pdf_fonts, require_tools

    require_tools()
    docx = build(project)
    (pdf,) = convert_to_pdf([docx], tmp_path / "pdf")
    expected = registry.builder(registry.PAPER).expected_pages(docx)
    assert expected == (2, None)  # one 改ページ
    fonts = FontSetting("BIZ UDPゴシック", "BIZ UD明朝 Medium")
    facts = read_facts(pdf)
    assert check_pdf(pdf.name, facts, expected, fonts) == []
    assert check_paper(pdf.name, facts) == ([], False)
    assert {f["name"].split("+")[-1] for f in pdf_fonts(pdf)} == {"BIZUDMincho-Regular", "BIZUDPGothic-Regular"}
    margin = 22 / 25.4 * 72 - 1  # points, and a point of slack
    with pdfplumber.open(pdf) as printed:
        pages = [("".join(c["text"] for c in page.chars), page) for page in printed.pages]
        for number, (text, page) in enumerate(pages, start=1):
            assert min(c["size"] for c in page.chars) >= 7.95, number
            assert all(margin <= c["x0"] and c["x1"] <= page.width - margin for c in page.chars), number
            assert text.replace(" ", "").endswith(f"－{number}－"), text[-20:]  # the folio
        first, second = pages[0][0], pages[1][0]
    assert first.startswith(LABEL + "地域おこし協力隊の活動について")  # the label above the title
    assert second.startswith("年度隊員数備考")  # the long table's header row, repeated


def test_a_cell_mixing_kanji_and_digits_is_measured_with_the_gaps_put_between_them() -> None:
    from packetgen.documents.paper.tables import half_widths

    # 令和年月: 8 half widths, 7 and 11: 3, and four changes between them, each a quarter-em gap when
    # printed (「令和 7 年 11 月」): a column sized without them wrapped 「令和7年11 / 月」
    assert half_widths("令和7年11月") == 15
    assert half_widths("パブリックコメント") == 18
    assert half_widths("2025") == 4


# テストデータ（架空）: words YAML would read as numbers or yes/no, typed where a text goes
TYPED = """\
表題: 2023
本文:
  - 見出し: 1.50
  - 小見出し: 0123
  - 段落: 0123
  - 箇条書き:
      - 1.50
      - 項目: yes
        小項目:
          - 0x1F
          - 1.0e+3
  - 表:
      表題: 1.10
      列: [年度, 値]
      行:
        - [2023, 0123]
      出典: 2.50
  - 画像:
      ファイル: 写真.png
      説明: 007
  - 段落: 2023-02-30
"""


def test_every_word_outside_tables_is_printed_as_typed(project: Path, paper_dir: Path) -> None:
    (paper_dir / "本文.yaml").write_text(TYPED, "utf-8")
    doc = Document(str(build(project)))
    assert body(doc)[1:] == [
        ("Title", "2023"),
        ("Heading 1", "1.50"),
        ("Heading 2", "0123"),
        ("Body Text", "0123"),
        ("List Bullet", "1.50"),
        ("List Bullet", "yes"),
        ("List Bullet 2", "0x1F"),
        ("List Bullet 2", "1.0e+3"),
        ("表タイトル", "1.10"),
        ("表", "年度|値"),
        ("表出典", "2.50"),
        ("図", ""),
        ("Caption", "007"),
        ("Body Text", "2023-02-30"),
    ]
    assert [c.text for c in doc.tables[0].rows[1].cells] == ["2023", "0123"]
    assert doc.inline_shapes[0]._inline.docPr.get("descr") == "007"


@pytest.mark.parametrize("value", [": false", ": 1", ": true", ": はい"])
def test_a_page_break_with_a_value_is_refused(project: Path, paper_dir: Path, value: str) -> None:
    source = paper_dir / "本文.yaml"
    source.write_text(source.read_text("utf-8").replace("  - 改ページ\n", f"  - 改ページ{value}\n"), "utf-8")
    result = run(project, "check", DATE, "--only", "paper")
    assert result.exit_code == 1
    assert (
        f"{SOURCE_FILE} 25行目 本文[8]: 改ページ には値を書きません。`- 改ページ` とだけ書いてください" in result.stderr
    )


def test_a_page_break_written_with_an_empty_colon_still_breaks(project: Path, paper_dir: Path) -> None:
    source = paper_dir / "本文.yaml"
    source.write_text(source.read_text("utf-8").replace("  - 改ページ\n", "  - 改ページ:\n"), "utf-8")
    breaks = Document(str(build(project))).element.body.findall(f".//{qn('w:br')}")
    assert [b.get(qn("w:type")) for b in breaks] == ["page"]


def write_phone_photo(path: Path) -> None:
    """800×400 as stored, the left half red and the right blue; EXIF Orientation 6: shown turned a
    quarter clockwise, 400 wide and 800 high, red on top (as a phone held upright saves it)."""
    from PIL import Image

    picture = Image.new("RGB", (800, 400), "blue")
    picture.paste((255, 0, 0), (0, 0, 400, 400))
    exif = Image.Exif()
    exif[0x0112] = 6
    picture.save(path, "JPEG", quality=90, exif=exif.tobytes(), dpi=(72, 72))


def test_a_phone_photo_is_printed_upright_and_sized_upright(project: Path, paper_dir: Path) -> None:
    import io

    from PIL import Image

    write_phone_photo(paper_dir / "写真.jpg")
    source = paper_dir / "本文.yaml"
    source.write_text(source.read_text("utf-8").replace("写真.png", "写真.jpg"), "utf-8")
    first = build(project).read_bytes()
    doc = Document(str(build(project)))
    (shape,) = doc.inline_shapes
    assert shape.height == pytest.approx(shape.width * 2, rel=0.01)  # upright: twice as high as wide
    blob = doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    with Image.open(io.BytesIO(blob)) as placed:
        assert placed.size == (400, 800)
        top, bottom = placed.convert("RGB").getpixel((200, 100)), placed.convert("RGB").getpixel((200, 700))
    assert top[0] > 200 and top[2] < 60  # red on top
    assert bottom[2] > 200 and bottom[0] < 60  # blue below
    assert run(project, "build", DATE, "--only", "paper", "--force").exit_code == 0
    assert build(project).read_bytes() == first  # turned the same way, to the same bytes, every build


def test_the_word_file_s_title_is_the_document_s_name(project: Path, paper_dir: Path) -> None:
    assert Document(str(build(project))).core_properties.title == "地域おこし協力隊の活動について（テスト）"


def test_an_excel_formula_without_a_saved_value_is_refused_with_its_cell(project: Path, paper_dir: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()  # openpyxl saves a formula without computing it, as some programs do
    for row in (["地域", "人数", "倍"], ["大東", 2, "=B2*2"], ["千厩", 1, "=B3*2"]):
        workbook.active.append(row)
    workbook.save(paper_dir / "地域.xlsx")
    source = paper_dir / "本文.yaml"
    source.write_text(source.read_text("utf-8").replace("隊員数.csv", "地域.xlsx"), "utf-8")
    result = run(project, "check", DATE, "--only", "paper")
    assert result.exit_code == 1
    assert (
        f"inputs/{DATE}/paper/地域.xlsx 2行目 C列「倍」: 式の値が保存されていません（ほかに1個のセルも同じです）。"
        "Excel で開いて保存し直してください"
    ) in result.stderr


# 9000×9000: over 80 million, under what Pillow refuses itself; 30000×30000: Pillow refuses it on opening
@pytest.mark.parametrize("side", [9000, 30000])
def test_a_picture_of_too_many_pixels_is_called_too_large(project: Path, paper_dir: Path, side: int) -> None:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    # the header of a PNG that size (what Pillow reads first); the file itself is a few bytes
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    (paper_dir / "写真.png").write_bytes(png)
    result = run(project, "check", DATE, "--only", "paper")
    assert result.exit_code == 1
    assert (
        f"{SOURCE_FILE} 23行目 本文[7].画像.ファイル: 画像「写真.png」は画素数が多すぎます（8000万画素まで）。"
        "画像を縮小して保存し直してください"
    ) in result.stderr

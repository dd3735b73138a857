"""文書 from a paper staff already have (入力.原稿: a .docx or a .pdf), included as it is with the
packet's 資料 label on its first page and 「－ n －」 on every page, and carried through print.

The papers are made here (python-docx, reportlab); their text is made up. The functions are called
with a BuildContext made here; the build and print tests go through meeting.yaml (種類: 文書).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from conftest import copy_project, run, snapshot
from packetgen.building.packet import Packet
from packetgen.core.errors import Problem
from packetgen.documents import registry
from packetgen.documents.base import BuildContext
from packetgen.documents.paper.existing import ExistingPaper, load_existing, render_existing
from packetgen.inputs.meeting import DocumentEntry
from packetgen.render import font_files
from packetgen.render.ooxml_fonts import audit

SEED = "2023-07-27"
LABEL = "令和5年7月27日(木)　第1回一関市まち・ひと・しごと創生有識者会議【資料No.4】"
MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
LETTER = (612.0, 792.0)
BODY = "県内の人口は前年より減少しました。"  # made-up text of the made-up papers


# --- the papers --------------------------------------------------------------------------------------
def _mincho() -> str:
    face = font_files.resolve("BIZ UD明朝 Medium")
    assert face is not None
    if "PaperMincho" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PaperMincho", str(face.file), subfontIndex=face.index))
    return "PaperMincho"


def make_pdf(
    path: Path,
    sizes: list[tuple[float, float]],
    corner: str = "",
    embedded: bool = True,
    foot: str = "",
    reportlab_font: bool = False,
) -> Path:
    """A paper of one page per size, 11 pt text from 25 mm in; ``corner``: text in the top right
    corner, 6 mm from the edges (where the label goes); ``foot``: the paper's own page number, its
    ``{n}`` the page, right-aligned 15 mm above the bottom edge; ``reportlab_font``: reportlab's
    initial font left as it is (Helvetica, named on every page though no text uses it)."""
    font = _mincho() if embedded else "Helvetica"
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1) if reportlab_font else Canvas(out, invariant=1, initialFontName=font)
    for number, (width, height) in enumerate(sizes, start=1):
        canvas.setPageSize((width, height))
        canvas.setFont(font, 11)
        canvas.drawString(25 * MM, height - 30 * MM, f"{number}ページ目" if embedded else f"page {number}")
        for line in range(10):
            canvas.drawString(25 * MM, height - (40 + 7 * line) * MM, BODY if embedded else "text")
        if corner:
            canvas.drawRightString(width - 6 * MM, height - 8 * MM, corner)
        if foot:
            canvas.drawRightString(width - 25 * MM, 15 * MM, foot.format(n=number, pages=len(sizes)))
        canvas.showPage()
    canvas.save()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
    return path


def make_docx(path: Path, size_mm: tuple[int, int] = (210, 297), header: str = "総務課作成") -> Path:
    """A Word paper in ＭＳ 明朝 with an Arial run, a heading, and its own header and page footer."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(size_mm[0]), Mm(size_mm[1])
    if header:
        section.header.paragraphs[0].text = header
        section.footer.paragraphs[0].text = "- 1 -"
    normal = document.styles["Normal"]
    normal.font.name = "ＭＳ 明朝"
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "ＭＳ 明朝")
    document.add_heading("地域おこし協力隊の活動報告", level=1)
    for n in range(3):
        paragraph = document.add_paragraph(f"{n + 1}　{BODY}")
        paragraph.add_run("（欧文の語）").font.name = "Arial"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def context(project: Path, original: str, label: str = "No.4") -> BuildContext:
    """The seed meeting with one more 資料 (資料[6]) whose 原稿 is ``original``."""
    packet = Packet(project, SEED)
    entry = DocumentEntry.model_validate(
        {"id": "paper", "名称": "岩手県人口移動報告年報の概要", "資料番号": label, "入力": {"原稿": original}}
    )
    meeting = packet.meeting.model_copy(update={"documents": (*packet.meeting.documents, entry)})
    return BuildContext(packet.project, packet.meeting_dir, meeting, entry, packet.fonts)


def loaded(ctx: BuildContext) -> ExistingPaper:
    problems: list[Problem] = []
    data = load_existing(ctx, problems)
    assert data is not None and not problems, problems
    return data


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


# --- a PDF paper ---------------------------------------------------------------------------------------
def test_a_pdf_paper_gets_the_label_on_page_one_and_a_page_number_on_every_page(seed: Path) -> None:
    ctx = context(seed, "papers/県の資料.pdf")
    make_pdf(ctx.input_path("原稿"), [A4, A4, A4])
    pages = PdfReader(io.BytesIO(render_existing(ctx, loaded(ctx)))).pages
    texts = [page.extract_text() for page in pages]
    assert len(texts) == 3
    assert LABEL in texts[0] and not any(LABEL in t for t in texts[1:])
    assert [t.count(f"－ {n} －") for n, t in enumerate(texts, start=1)] == [1, 1, 1]
    assert all(BODY in t for t in texts)  # the paper's own text stays


def test_a_paper_without_a_label_number_gets_page_numbers_only(seed: Path) -> None:
    ctx = context(seed, "papers/県の資料.pdf", label="")
    make_pdf(ctx.input_path("原稿"), [A4])
    (text,) = [page.extract_text() for page in PdfReader(io.BytesIO(render_existing(ctx, loaded(ctx)))).pages]
    assert "－ 1 －" in text and "有識者会議" not in text
    ctx = context(seed, "papers/課の資料.docx", label="")
    make_docx(ctx.input_path("原稿"))
    section = Document(io.BytesIO(render_existing(ctx, loaded(ctx)))).sections[0]
    assert [p.text for p in section.first_page_header.paragraphs] == [""]
    assert [p.text for p in section.first_page_footer.paragraphs] == ["－ 1 －"]


def test_the_pdf_label_sits_in_the_top_right_margin_and_the_number_at_the_foot(seed: Path) -> None:
    ctx = context(seed, "papers/県の資料.pdf")
    make_pdf(ctx.input_path("原稿"), [A4])
    with pdfplumber.open(io.BytesIO(render_existing(ctx, loaded(ctx)))) as pdf:
        words = pdf.pages[0].extract_words(keep_blank_chars=True)
    label = next(w for w in words if w["text"].endswith("【資料No.4】"))
    assert label["x1"] == pytest.approx(A4[0] - 10 * MM, abs=0.5)  # its right end 10 mm from the edge
    assert 5 * MM < label["top"] < label["bottom"] < 11 * MM  # above the paper's 30 mm of margin
    folio = next(w for w in words if w["text"] == "－ 1 －")
    assert (folio["x0"] + folio["x1"]) / 2 == pytest.approx(A4[0] / 2, abs=0.5)
    assert A4[1] - 11 * MM < folio["top"] < folio["bottom"] < A4[1] - 5 * MM


def test_the_pdf_marks_are_in_the_font_setting_s_gothic_embedded(seed: Path) -> None:
    ctx = context(seed, "papers/県の資料.pdf")
    make_pdf(ctx.input_path("原稿"), [A4, A4])
    with pdfplumber.open(io.BytesIO(render_existing(ctx, loaded(ctx)))) as pdf:
        marks = {
            (c["fontname"].split("+")[-1], c["size"]) for page in pdf.pages for c in page.chars if c["text"] == "－"
        }
        label = {c["fontname"].split("+")[-1] for c in pdf.pages[0].chars if c["text"] == "【"}
    assert marks == {("BIZUDPGothic-Regular", 9.0)} and label == {"BIZUDPGothic-Regular"}
    pdf = PdfReader(io.BytesIO(render_existing(ctx, loaded(ctx))))
    fonts = {
        str(f["/BaseFont"]).split("+")[-1]: "/FontFile2" in f["/FontDescriptor"]
        for page in pdf.pages
        for f in (ref.get_object() for ref in page["/Resources"]["/Font"].values())
    }
    assert fonts == {"BIZUDMincho-Regular": True, "BIZUDPGothic-Regular": True}  # no Helvetica of reportlab's


def test_a_pdf_paper_renders_the_same_bytes_dated_at_the_meeting(seed: Path) -> None:
    ctx = context(seed, "papers/県の資料.pdf")
    make_pdf(ctx.input_path("原稿"), [A4, A4])
    first, second = render_existing(ctx, loaded(ctx)), render_existing(ctx, loaded(ctx))
    assert first == second
    info = PdfReader(io.BytesIO(first)).metadata
    assert (info["/CreationDate"], info["/ModDate"], info["/Producer"]) == ("D:20230727133000",) * 2 + ("packetgen",)


def test_a_rotated_page_gets_its_number_upright_at_the_foot_as_shown(seed: Path) -> None:
    from packetgen.render.pdf_paper import inked

    ctx = context(seed, "papers/県の資料.pdf")
    path = make_pdf(ctx.input_path("原稿"), [A4, A4])
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.pages[1].rotate(90)
    writer.write(path)
    assert inked(path.read_bytes(), LABEL) == (False, [])  # the paper leaves the marks' places free
    out = render_existing(ctx, loaded(ctx))
    assert inked(out, LABEL) == (True, [1, 2])  # the marks are where they are looked for, page 2 shown landscape
    with pdfplumber.open(io.BytesIO(out)) as pdf:
        assert [c["upright"] for c in pdf.pages[1].chars if c["text"] == "2" and c["size"] == 9.0] == [True]


def test_a_letter_size_pdf_is_a_notice_not_an_error(seed: Path) -> None:
    ctx = context(seed, "papers/県の資料.pdf")
    make_pdf(ctx.input_path("原稿"), [A4, LETTER, LETTER])
    assert loaded(ctx).notices == (
        "注意：inputs/2023-07-27/papers/県の資料.pdf の用紙が A4 ではありません（2ページ目ほか1ページ：216×279mm）。"
        "会議資料は A4 で印刷します。A4 で保存し直すか、印刷所に用紙の扱いを伝えてください",
    )


def test_text_where_the_label_goes_is_a_notice(seed: Path) -> None:
    ctx = context(seed, "papers/県の資料.pdf")
    make_pdf(ctx.input_path("原稿"), [A4], corner="県政策地域部　令和5年7月")
    assert loaded(ctx).notices == (
        "注意：inputs/2023-07-27/papers/県の資料.pdf の1ページ目の右上（上端から10mmほど）に原稿の文字や線があり、"
        "資料番号のラベルが重なります。プレビューで確かめ、読めないときは右上を空けた原稿をもらってください",
    )


def test_a_pdf_font_named_but_used_by_no_text_is_no_reason_to_refuse(seed: Path) -> None:
    ctx = context(seed, "papers/県の資料.pdf")
    path = make_pdf(ctx.input_path("原稿"), [A4], reportlab_font=True)
    named = {str(f.get_object()["/BaseFont"]) for f in PdfReader(path).pages[0]["/Resources"]["/Font"].values()}
    assert "/Helvetica" in named  # named, not used
    assert loaded(ctx).notices == ()


@pytest.mark.parametrize("foot", ["{n}/{pages}", "- {n} -", "{n}", "P.{n}", "－ {n} －"])
def test_a_pdf_with_page_numbers_of_its_own_is_a_notice(seed: Path, foot: str) -> None:
    ctx = context(seed, "papers/県の資料.pdf")
    make_pdf(ctx.input_path("原稿"), [A4, A4], foot=foot)
    first = foot.format(n=1, pages=2)
    assert loaded(ctx).notices == (
        "注意：inputs/2023-07-27/papers/県の資料.pdf には原稿のページ番号があります"
        f"（1・2ページ目の下端：「{first}」など）。"
        "packetgen は下端中央に「－ 1 －」の形のページ番号を書き足すので、番号が2つ印刷されます。"
        "番号のない原稿をもらえるときは差し替えてください",
    )


def test_numbers_in_the_body_of_a_pdf_are_no_page_numbers(seed: Path) -> None:
    ctx = context(seed, "papers/県の資料.pdf")
    make_pdf(ctx.input_path("原稿"), [A4], corner="2023")  # a lone number, but at the top
    assert [n for n in loaded(ctx).notices if "ページ番号があります" in n] == []


def test_a_stamped_pdf_is_titled_with_the_document_s_name_and_no_author(seed: Path) -> None:
    from pypdf.generic import DecodedStreamObject, NameObject

    ctx = context(seed, "papers/県の資料.pdf")
    path = make_pdf(ctx.input_path("原稿"), [A4])
    writer = PdfWriter(clone_from=PdfReader(path))  # reportlab's info: untitled, anonymous; and an XMP packet
    xmp = DecodedStreamObject()
    xmp.set_data(XMP.encode())
    xmp.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
    writer._root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    writer.write(path)
    reader = PdfReader(io.BytesIO(render_existing(ctx, loaded(ctx))))
    assert reader.metadata.title == "岩手県人口移動報告年報の概要"
    assert "/Author" not in reader.metadata
    assert reader.xmp_metadata.dc_title == {"x-default": "岩手県人口移動報告年報の概要"}
    assert reader.xmp_metadata.dc_creator == []


XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">untitled</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>山田太郎</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


# --- refusals ------------------------------------------------------------------------------------------
def _encrypted(path: Path) -> None:
    make_pdf(path, [A4])
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.encrypt("", "owner")  # opens without a password, but locked against changes
    writer.write(path)


def _truncated(path: Path) -> None:
    data = make_pdf(path, [A4]).read_bytes()
    path.write_bytes(data[: len(data) // 3])


BROKEN = {
    "encrypted": ("papers/県の資料.pdf", _encrypted, "パスワードまたは編集の制限がかかった PDF です"),
    "not a PDF": ("papers/県の資料.pdf", lambda p: p.write_text("会議資料", "utf-8"), "PDF ではありません"),
    "damaged": ("papers/県の資料.pdf", _truncated, "PDF として読めません"),
    "fonts not embedded": (
        "papers/県の資料.pdf",
        lambda p: make_pdf(p, [A4], embedded=False),
        "埋め込まれていないフォントがあります：Helvetica",
    ),
    "a .doc": (
        "papers/課の資料.doc",
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"),
        "原稿に使えるのは Word 文書（.docx）か PDF（.pdf）です",
    ),
    "a locked .docx": (
        "papers/課の資料.docx",
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(60)),
        "パスワードで保護されたファイルか、古い形式（.doc）のファイルです",
    ),
    "a zip that is no Word file": (
        "papers/課の資料.docx",
        lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"),
        "Word 文書（.docx）ではありません",
    ),
    "missing": ("papers/県の資料.pdf", lambda p: None, "ファイルが見つかりません"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_paper_that_cannot_be_used_is_refused_naming_file_and_entry(seed: Path, case: str) -> None:
    original, make, reason = BROKEN[case]
    ctx = context(seed, original)
    ctx.input_path("原稿").parent.mkdir(parents=True, exist_ok=True)
    make(ctx.input_path("原稿"))
    problems: list[Problem] = []
    assert load_existing(ctx, problems) is None
    assert [p.file for p in problems] == [f"inputs/2023-07-27/{original}"]
    assert reason in problems[0].message
    assert "（inputs/2023-07-27/meeting.yaml の 資料[6].入力.原稿）" in problems[0].message


def test_a_build_with_a_broken_paper_fails_and_leaves_the_outputs(seed: Path) -> None:
    meeting = seed / "inputs" / SEED / "meeting.yaml"
    entry = (
        "  - id: paper\n    種類: 文書\n    名称: 岩手県人口移動報告年報の概要\n    資料番号: No.4\n"
        "    入力:\n      原稿: papers/県の資料.pdf\n"
    )
    meeting.write_text(meeting.read_text("utf-8").replace("# 印刷：", entry + "# 印刷：", 1), "utf-8")
    paper = make_pdf(seed / "inputs" / SEED / "papers" / "県の資料.pdf", [A4])
    assert run(seed, "build", SEED, "--only", "paper").exit_code == 0
    outputs = seed / "outputs" / SEED
    assert (outputs / "資料No.4_岩手県人口移動報告年報の概要.pdf").is_file()
    before = snapshot(outputs)
    paper.write_text("会議資料", "utf-8")
    result = run(seed, "build", SEED, "--only", "paper")
    assert result.exit_code == 1
    assert (
        "inputs/2023-07-27/papers/県の資料.pdf: PDF ではありません（ファイルの中身が PDF の形式ではありません）"
        "（inputs/2023-07-27/meeting.yaml の 資料[6].入力.原稿）"
    ) in result.stderr
    assert snapshot(outputs) == before


# --- a Word paper --------------------------------------------------------------------------------------
def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {n: package.read(n).decode("utf-8") for n in package.namelist() if n.endswith((".xml", ".rels"))}


def test_a_word_paper_gets_the_label_on_its_first_page_and_page_numbers_in_its_footers(seed: Path) -> None:
    ctx = context(seed, "papers/課の資料.docx")
    source = make_docx(ctx.input_path("原稿"))
    out = Document(io.BytesIO(render_existing(ctx, loaded(ctx))))
    section = out.sections[0]
    assert section.different_first_page_header_footer
    assert [p.text for p in section.first_page_header.paragraphs] == [LABEL]
    assert section.first_page_header.paragraphs[0].alignment == 2  # right
    for footer in (section.first_page_footer, section.footer):
        (paragraph,) = footer.paragraphs
        assert paragraph.text == "－ 1 －" and paragraph.alignment == 1  # centred; the 1 is Word's PAGE field
        assert " PAGE " in paragraph._p.xml
    assert [p.text for p in section.header.paragraphs] in ([], [""])  # later pages: no label
    assert [p.text for p in out.paragraphs] == [p.text for p in Document(str(source)).paragraphs]


def test_a_word_paper_s_own_header_and_footer_give_way_with_a_notice(seed: Path) -> None:
    ctx = context(seed, "papers/課の資料.docx")
    make_docx(ctx.input_path("原稿"))
    data = loaded(ctx)
    assert data.notices == (
        "注意：inputs/2023-07-27/papers/課の資料.docx のヘッダー・フッター（「総務課作成 - 1 -」）は、"
        "資料番号のラベルとページ番号に置き換えました",
    )
    parts = _parts(render_existing(ctx, data))
    assert not [name for name, xml in parts.items() if "総務課作成" in xml]
    assert sorted(n for n in parts if "header" in n or "footer" in n or "packetgen" in n) == [
        "word/packetgen-folio-first.xml",
        "word/packetgen-folio.xml",
        "word/packetgen-label.xml",
    ]


def test_a_word_paper_s_header_pictures_and_even_page_headers_go_too(seed: Path) -> None:
    from PIL import Image

    ctx = context(seed, "papers/課の資料.docx")
    path = make_docx(ctx.input_path("原稿"), header="")
    document = Document(str(path))
    section = document.sections[0]
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    section.even_page_header.paragraphs[0].text = "偶数ページの見出し"
    for paragraph, colour in ((section.first_page_header.paragraphs[0], "red"), (document.paragraphs[1], "blue")):
        picture = io.BytesIO()
        Image.new("RGB", (40, 20), colour).save(picture, "PNG")
        paragraph.add_run().add_picture(picture, width=Mm(20))
    document.save(str(path))
    parts = _parts(out := render_existing(ctx, loaded(ctx)))
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
    assert len(media) == 1  # the body's picture; the header's went with its header
    assert media[0].removeprefix("word/") in parts["word/_rels/document.xml.rels"]
    assert "evenAndOddHeaders" not in parts["word/settings.xml"]  # no even pages left without a footer
    assert not [n for n, xml in parts.items() if "偶数ページの見出し" in xml]


def test_a_word_paper_without_header_or_footer_has_no_notice(seed: Path) -> None:
    ctx = context(seed, "papers/課の資料.docx")
    make_docx(ctx.input_path("原稿"), header="")
    assert loaded(ctx).notices == ()


def test_a_word_paper_is_set_in_the_font_setting(seed: Path) -> None:
    ctx = context(seed, "papers/課の資料.docx")
    make_docx(ctx.input_path("原稿"))
    out = render_existing(ctx, loaded(ctx))
    assert audit(out, ctx.fonts) == []  # no font the setting does not name, in styles, theme or runs
    named = {
        value
        for name, xml in _parts(out).items()
        if name.startswith("word/")
        for element in re.findall(r"<w:rFonts [^>]*>|<w:font w:name=[^>]*>", xml)
        for value in re.findall(r'w:(?:ascii|hAnsi|eastAsia|cs|name)="([^"]*)"', element)
    }
    # styles, runs, headers, footers and font table; the list bullets' Symbol stays, as in every document
    assert named == {"BIZ UD明朝 Medium", "BIZ UDPゴシック", "Symbol"}
    theme = _parts(out)["word/theme/theme1.xml"]
    assert (
        re.findall(r'<a:(?:latin|ea) typeface="([^"]*)"', theme) == ["BIZ UDPゴシック"] * 2 + ["BIZ UD明朝 Medium"] * 2
    )
    document = Document(io.BytesIO(out))
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == normal.get(qn("w:ascii")) == "BIZ UD明朝 Medium"
    arial = document.paragraphs[1].runs[-1].element.rPr.rFonts  # an Arial run is a ゴシック one
    assert arial.get(qn("w:ascii")) == arial.get(qn("w:eastAsia")) == "BIZ UDPゴシック"
    label = document.sections[0].first_page_header.paragraphs[0].runs[0]
    assert (label.font.name, label.font.size.pt) == ("BIZ UD明朝 Medium", 10.0)  # as templates/donation.docx


def test_a_word_paper_renders_the_same_bytes(seed: Path) -> None:
    ctx = context(seed, "papers/課の資料.docx")
    make_docx(ctx.input_path("原稿"))
    assert render_existing(ctx, loaded(ctx)) == render_existing(ctx, loaded(ctx))


def test_a_letter_size_word_paper_is_a_notice(seed: Path) -> None:
    ctx = context(seed, "papers/課の資料.docx")
    make_docx(ctx.input_path("原稿"), size_mm=(216, 279), header="")
    assert loaded(ctx).notices == (
        "注意：inputs/2023-07-27/papers/課の資料.docx の用紙が A4 ではありません（216×279mm）。"
        "会議資料は A4 で印刷します。A4 で保存し直すか、印刷所に用紙の扱いを伝えてください",
    )


def test_later_sections_of_a_word_paper_take_the_first_one_s_footer(seed: Path) -> None:
    from docx.enum.section import WD_SECTION

    ctx = context(seed, "papers/課の資料.docx")
    path = make_docx(ctx.input_path("原稿"))
    document = Document(str(path))
    document.add_section(WD_SECTION.NEW_PAGE)
    document.sections[1].header.is_linked_to_previous = False
    document.sections[1].header.paragraphs[0].text = "第2節の見出し"
    document.add_paragraph("第2節の本文")
    document.save(str(path))
    body = _parts(render_existing(ctx, loaded(ctx)))["word/document.xml"]
    first, second = body.split("</w:sectPr>")[:2]
    assert first.count("Reference ") == 3 and "<w:titlePg/>" in first
    assert "Reference " not in second and "titlePg" not in second  # Word's rule: the previous section's
    assert "第2節の見出し" not in "".join(_parts(render_existing(ctx, loaded(ctx))).values())


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize("change", ["ins", "del", "moveTo"])
def test_a_word_paper_with_tracked_changes_is_a_notice(seed: Path, change: str) -> None:
    from docx.oxml import parse_xml

    ctx = context(seed, "papers/課の資料.docx")
    path = make_docx(ctx.input_path("原稿"), header="")
    document = Document(str(path))
    text = "w:delText" if change == "del" else "w:t"
    document.paragraphs[1]._p.append(
        parse_xml(
            f'<w:{change} xmlns:w="{W_NS}" w:id="1" w:author="山田" w:date="2023-07-01T00:00:00Z">'
            f"<w:r><{text}>追記した文</{text}></w:r></w:{change}>"
        )
    )
    document.save(str(path))
    assert loaded(ctx).notices == (
        "注意：inputs/2023-07-27/papers/課の資料.docx に変更履歴（挿入・削除）が残っています。"
        "印刷すると変更の印（下線や取り消し線）が出ます。Word で［校閲］→［承諾］→［すべての変更を反映］"
        "を選んでから保存し直してください",
    )


def test_a_word_paper_with_comments_is_a_notice_that_they_do_not_print(seed: Path) -> None:
    ctx = context(seed, "papers/課の資料.docx")
    path = make_docx(ctx.input_path("原稿"), header="")
    document = Document(str(path))
    document.add_comment(document.paragraphs[1].runs, text="数字を確認", author="山田")
    document.save(str(path))
    assert loaded(ctx).notices == (
        "注意：inputs/2023-07-27/papers/課の資料.docx にコメントがあります。コメントは印刷されません。"
        "配る内容に要るときは本文に書き入れてください",
    )


def test_a_word_paper_is_titled_with_the_document_s_name_and_no_author(seed: Path) -> None:
    ctx = context(seed, "papers/課の資料.docx")
    path = make_docx(ctx.input_path("原稿"))
    document = Document(str(path))
    document.core_properties.author = document.core_properties.last_modified_by = "山田太郎"
    document.save(str(path))
    props = Document(io.BytesIO(render_existing(ctx, loaded(ctx)))).core_properties
    assert (props.title, props.author, props.last_modified_by) == ("岩手県人口移動報告年報の概要", "", "packetgen")


def test_a_word_paper_without_core_properties_gets_them(seed: Path) -> None:
    ctx = context(seed, "papers/課の資料.docx")
    path = make_docx(ctx.input_path("原稿"))
    with zipfile.ZipFile(path) as package:
        parts = {n: package.read(n) for n in package.namelist() if n != "docProps/core.xml"}
    parts["_rels/.rels"] = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", parts["_rels/.rels"])
    with zipfile.ZipFile(path, "w") as package:
        for name, body in parts.items():
            package.writestr(name, body)
    out = render_existing(ctx, loaded(ctx))
    assert Document(io.BytesIO(out)).core_properties.title == "岩手県人口移動報告年報の概要"
    assert out == render_existing(ctx, loaded(ctx))


def test_the_page_count_of_a_built_paper(tmp_path: Path) -> None:
    expected_pages = registry.builder(registry.PAPER).expected_pages
    assert expected_pages(make_pdf(tmp_path / "a.pdf", [A4, LETTER, A4])) == (3, 3)  # the PDF's own
    assert expected_pages(make_docx(tmp_path / "a.docx")) == (1, None)  # at least its forced breaks


# --- print ---------------------------------------------------------------------------------------------
OTHER = "2024-05-30"
# a made-up meeting of two given papers: a prefecture's PDF (its last page Letter-size) and a section's
# Word paper; the print converts one file with LibreOffice (the Word paper), the PDF needs none
SMALL_MEETING = """\
会議名: 一関市まち・ひと・しごと創生有識者会議
年度: 令和6年度
回次: 1
日時:
  日付: 2024-05-30
  開始: "10:00"
  終了: "11:30"
場所: 一関市役所　特別会議室（3階）
次第:
  - 開　会
  - 報　告
  - 閉　会
資料:
  - id: prefecture
    種類: 文書
    名称: 岩手県人口移動報告年報の概要
    資料番号: No.1
    入力:
      原稿: papers/県の資料.pdf
  - id: section
    種類: 文書
    名称: 地域おこし協力隊の活動報告
    資料番号: No.2
    入力:
      原稿: papers/課の資料.docx
"""
PDF_PAPER = "資料No.1_岩手県人口移動報告年報の概要.pdf"
WORD_PAPER = "資料No.2_地域おこし協力隊の活動報告"
OTHER_LABEL = "令和6年5月30日(木)　第1回一関市まち・ひと・しごと創生有識者会議【資料No.{}】"


@pytest.mark.pdf
@pytest.mark.slow
def test_given_papers_print_with_their_marks_bookmarks_order_and_previews(tmp_path: Path) -> None:
    from test_pdf import pdf_fonts, require_tools

    require_tools()
    project = copy_project(tmp_path)
    folder = project / "inputs" / OTHER
    (folder / "papers").mkdir(parents=True)
    (folder / "meeting.yaml").write_text(SMALL_MEETING, "utf-8")
    make_pdf(folder / "papers" / "県の資料.pdf", [A4, LETTER], reportlab_font=True)  # Helvetica named, not used
    make_docx(folder / "papers" / "課の資料.docx")
    result = run(project, "print", OTHER)
    assert result.exit_code == 0, result.stderr
    assert f"PDF変換中（1/1）：{WORD_PAPER}" in result.stdout  # the one conversion
    assert f"確認  prefecture {PDF_PAPER}（2ページ）" in result.stdout
    assert (
        f"注意：{PDF_PAPER} の用紙が A4 ではありません（2ページ目：216×279mm）。"
        "会議資料は A4 で印刷します。A4 で保存し直すか、印刷所に用紙の扱いを伝えてください"
    ) in result.stdout
    out = project / "outputs" / OTHER
    assert (out / "print" / PDF_PAPER).read_bytes() == (out / PDF_PAPER).read_bytes()  # printed as built

    word = PdfReader(out / "print" / f"{WORD_PAPER}.pdf")
    assert [OTHER_LABEL.format(2) in p.extract_text() for p in word.pages] == [True]  # LibreOffice's rendering
    assert "－ 1 －" in word.pages[0].extract_text() and BODY in word.pages[0].extract_text()
    assert {f["name"].split("+")[-1] for f in pdf_fonts(out / "print" / f"{WORD_PAPER}.pdf")} <= {
        "BIZUDMincho-Regular",
        "BIZUDPGothic-Regular",
        "BIZUDPGothic-Bold",
    }

    packet = PdfReader(out / "print" / "packet.pdf")
    assert len(packet.pages) == 4  # 2 + 1, and a blank page after the odd one
    top = [(o.title, packet.get_destination_page_number(o)) for o in packet.outline if not isinstance(o, list)]
    assert top == [("資料No.1　岩手県人口移動報告年報の概要", 0), ("資料No.2　地域おこし協力隊の活動報告", 2)]
    assert OTHER_LABEL.format(1) in packet.pages[0].extract_text() and "－ 2 －" in packet.pages[1].extract_text()

    rows = list(csv.reader(io.StringIO((out / "print" / "印刷発注書.csv").read_bytes().decode("utf-8-sig"))))
    start = next(i for i, row in enumerate(rows) if row[:2] == ["No", "資料番号"])
    header, pdf_row, word_row = rows[start : start + 3]
    pages, colour = header.index("ページ数"), header.index("カラー/モノクロ")
    assert (pdf_row[pages], pdf_row[colour], word_row[pages]) == ("2", "モノクロ", "1")

    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    record = next(d for d in manifest["documents"] if d["id"] == "prefecture")
    assert (record["path"], record["pdf"], record["pages"]) == (PDF_PAPER, f"print/{PDF_PAPER}", 2)
    assert [u["label"] for u in manifest["review"]["built"]["prefecture"]["units"]] == ["ページ1", "ページ2"]
    stem = Path(PDF_PAPER).stem
    assert len(list((out / "print" / "preview" / stem).iterdir())) == 2
    assert (out / "print" / "preview" / f"{stem}_一覧.png").is_file()

    again = run(project, "print", OTHER)  # the given PDF is made the same again: nothing to do
    assert again.exit_code == 0 and "印刷データは最新です" in again.stdout


def test_print_says_a_paper_is_not_a4_as_check_does() -> None:
    from packetgen.core.fonts import FontSetting
    from packetgen.printing.checks import check_given
    from packetgen.printing.pdf_facts import PdfFacts, PdfFont

    facts = PdfFacts(3, (PdfFont("BIZUDMincho-Regular", True),), (), (A4, LETTER, LETTER))
    fonts = FontSetting("BIZ UDPゴシック", "BIZ UD明朝 Medium", "templates/fonts.yaml")
    problems, notes = check_given("資料No.4_概要.pdf", facts, (3, 3), fonts, own_fonts=True)
    assert problems == []
    assert notes == [
        "注意：資料No.4_概要.pdf の用紙が A4 ではありません（2ページ目ほか1ページ：216×279mm）。"
        "会議資料は A4 で印刷します。A4 で保存し直すか、印刷所に用紙の扱いを伝えてください"
    ]

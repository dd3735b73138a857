"""Generate templates/agenda.docx, the Word template of the 次第・参加者名簿.

The template is committed; this script documents how it was made and re-creates it. Users may
restyle the template in Word (styles 会議名, 次第項目, 表見出し, …); packetgen only fills the tags.
Run: python tools/make_agenda_template.py
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from packetgen.core.fonts import GOTHIC
from packetgen.inputs.font_setting import load_setting
from packetgen.render.docx_fonts import set_rfonts
from packetgen.render.ooxml import with_fonts

PROJECT = Path(__file__).resolve().parent.parent
OUT = PROJECT / "templates" / "agenda.docx"


@dataclass(frozen=True)
class Look:
    """A paragraph style's look: size in pt, ゴシック or the body's 明朝, spacing before and after in pt,
    indents, and whether it starts a page or keeps with the next paragraph."""

    size: float
    gothic: bool = False
    bold: bool = False
    align: WD_ALIGN_PARAGRAPH | None = None
    before: float = 0
    after: float = 0
    left_mm: float = 0.0
    first_line_pt: float = 0.0
    break_before: bool = False
    keep_next: bool = False


def paragraph_style(doc, name: str, look: Look):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    style.font.size = Pt(look.size)
    style.font.bold = look.bold
    if look.gothic:
        set_rfonts(style.element.get_or_add_rPr(), GOTHIC)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(look.before), Pt(look.after)
    if look.align is not None:
        fmt.alignment = look.align
    if look.left_mm:
        fmt.left_indent = Mm(look.left_mm)
    if look.first_line_pt:
        fmt.first_line_indent = Pt(look.first_line_pt)
    fmt.page_break_before = look.break_before
    fmt.keep_with_next = look.keep_next
    return style


def paragraph_styles(doc, looks: Mapping[str, Look]) -> None:
    """Add the styles in the order given (the order they are listed in Word)."""
    for name, look in looks.items():
        paragraph_style(doc, name, look)


# w:tcPr children come in schema order; w:shd goes before these (Word repairs the file otherwise)
_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def shade(cell, fill="D9D9D9"):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr = cell._tc.get_or_add_tcPr()
    anchor = next((el for el in tc_pr if el.tag in {qn(t) for t in _AFTER_SHD}), None)
    if anchor is None:
        tc_pr.append(shd)
    else:
        anchor.addprevious(shd)


def repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))  # no w:val: "on" by default (strict schemas reject "true")


def cant_split(row):
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


@dataclass(frozen=True)
class Column:
    """A column of a table docxtpl repeats a row of: its header, width, the data row's tag and style."""

    header: str
    width_mm: float
    cell: str
    style: str = "表本文"


def table_with_loop(doc, columns: Sequence[Column], loop: str, row_height_mm: float = 8.5):
    """Header row (shaded, repeated on each page), then docxtpl's {%tr for %} / data / {%tr endfor %}."""
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, spec in zip(table.columns, columns, strict=True):
        column.width = Mm(spec.width_mm)  # w:gridCol: LibreOffice lays tables out by the grid
    for row in table.rows:
        for cell, spec in zip(row.cells, columns, strict=True):
            cell.width = Mm(spec.width_mm)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    header, opener, data, closer = table.rows
    repeat_header(header)
    header.height = Mm(7)
    for cell, spec in zip(header.cells, columns, strict=True):
        cell.paragraphs[0].text = spec.header
        cell.paragraphs[0].style = doc.styles["表見出し"]
        shade(cell)
    opener.cells[0].paragraphs[0].text = "{%tr for " + loop + " %}"
    closer.cells[0].paragraphs[0].text = "{%tr endfor %}"
    data.height = Mm(row_height_mm)
    cant_split(data)
    for cell, spec in zip(data.cells, columns, strict=True):
        p = cell.paragraphs[0]
        p.text = spec.cell
        p.style = doc.styles[spec.style]
    return table


def add_page_number_footer(section, doc):
    p = section.footer.paragraphs[0]
    p.style = doc.styles["ページ番号"]
    p.add_run("－ ")
    run = p.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "separate")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        run._r.append(el)
    p.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    p.add_run()._r.append(end)
    p.add_run(" －")


def a4_document(top_mm: float = 25):
    """A new Word document: A4 portrait (python-docx's default is Letter), city margins, 10.5 pt
    明朝 body, black headings; fonts come from the font setting when saved (save_template)."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(top_mm), Mm(20)
    section.left_margin = section.right_margin = Mm(22)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = RGBColor(0, 0, 0)
    return doc


CENTER = WD_ALIGN_PARAGRAPH.CENTER
STYLES = {
    "会議名": Look(15, gothic=True, align=CENTER, before=24, after=30),
    "日時場所": Look(12, left_mm=38, after=6),
    "次第見出し": Look(15, gothic=True, align=CENTER, before=36, after=30),
    "次第項目": Look(12, left_mm=10, after=28),
    "次第小項目": Look(12, left_mm=22, after=22),
    "名簿見出し": Look(13, gothic=True, align=CENTER, after=12, break_before=True),
    "表見出し": Look(10, gothic=True, align=CENTER),
    "表本文": Look(10),
    "表本文中央": Look(10, align=CENTER),
    "表ふりがな": Look(9),
    "小見出し": Look(11, gothic=True, before=18, after=6, keep_next=True),
    "説明見出し": Look(12, gothic=True, after=12, break_before=True),
    "説明節見出し": Look(11, gothic=True, before=12, after=4, keep_next=True),
    "説明本文": Look(10.5, left_mm=7.5, first_line_pt=10.5, after=2),
    "参考見出し": Look(10.5, gothic=True, before=18, after=4, keep_next=True),
    "参考本文": Look(10.5, left_mm=7.5, after=2),
    "ページ番号": Look(9, align=CENTER),
}
MEMBER_COLUMNS = (
    Column("No.", 12, "{{ m.no }}", "表本文中央"),
    Column("分野", 18, "{{ m.field }}"),
    Column("団体等", 30, "{{ m.organization }}"),
    Column("職名等", 24, "{{ m.position }}"),
    Column("氏名", 30, "{{ m.name }}"),
    Column("ふりがな", 38, "{{ m.kana }}", "表ふりがな"),
    Column("備考", 14, "{{ m.remark }}", "表本文中央"),
)
STAFF_COLUMNS = (Column("役職", 100, "{{ s.role }}"), Column("氏名", 40, "{{ s.name }}"))


def build() -> None:
    doc = a4_document()
    paragraph_styles(doc, STYLES)
    doc.styles["説明本文"].paragraph_format.line_spacing = 1.35
    agenda_page(doc)
    members_page(doc)
    explanation_page(doc)
    add_page_number_footer(doc.sections[0], doc)
    props = doc.core_properties
    props.title = "次第・参加者名簿"
    props.author = props.last_modified_by = "packetgen"
    props.comments = "packetgen の次第テンプレート。波かっこのタグは残したまま、書式（スタイル）を自由に変更できます。"
    save_template(doc, OUT)


def agenda_page(doc) -> None:
    """Page 1: the 次第, items and their sub-items."""
    doc.add_paragraph("{{ meeting.full_title }}", style="会議名")
    doc.add_paragraph("日時　{{ meeting.datetime_text }}", style="日時場所")
    doc.add_paragraph("場所　{{ meeting.place }}", style="日時場所")
    doc.add_paragraph("次　第", style="次第見出し")
    doc.add_paragraph("{%p for item in agenda %}", style="次第項目")
    doc.add_paragraph("{{ item.number }}　{{ item.title }}", style="次第項目")
    doc.add_paragraph("{%p for child in item.children %}", style="次第小項目")
    doc.add_paragraph("{{ child.number }}　{{ child.title }}", style="次第小項目")
    doc.add_paragraph("{%p endfor %}", style="次第小項目")
    doc.add_paragraph("{%p endfor %}", style="次第項目")


def members_page(doc) -> None:
    """Page 2: the 参加者名簿 and the 市側出席者."""
    doc.add_paragraph("{{ meeting.session_name }}　参加者名簿", style="名簿見出し")
    table_with_loop(doc, MEMBER_COLUMNS, "m in members")
    doc.add_paragraph("■市側出席者", style="小見出し")
    table_with_loop(doc, STAFF_COLUMNS, "s in staff", row_height_mm=7.5)


def explanation_page(doc) -> None:
    """Page 3 (when the meeting has one): the 協議の説明, its sections and the 参考 list."""
    doc.add_paragraph("{%p if explanation %}", style="説明本文")
    doc.add_paragraph("{{ explanation.heading }}", style="説明見出し")
    doc.add_paragraph("{%p for section in explanation.sections %}", style="説明本文")
    doc.add_paragraph("{{ section.heading }}", style="説明節見出し")
    doc.add_paragraph("{%p for text in section.paragraphs %}", style="説明本文")
    doc.add_paragraph("{{ text }}", style="説明本文")
    doc.add_paragraph("{%p endfor %}", style="説明本文")
    doc.add_paragraph("{%p endfor %}", style="説明本文")
    doc.add_paragraph("{%p if explanation.reference %}", style="参考本文")
    doc.add_paragraph("{{ explanation.reference.heading }}", style="参考見出し")
    doc.add_paragraph("{{ explanation.reference.title }}", style="参考本文")
    doc.add_paragraph("{%p for item in explanation.reference['items'] %}", style="参考本文")
    item = doc.add_paragraph("・{{ item.name }}", style="参考本文")
    item.paragraph_format.left_indent = Mm(12)
    item.paragraph_format.tab_stops.add_tab_stop(Mm(52))
    item.add_run().add_tab()
    item.add_run("{{ item.detail }}")
    doc.add_paragraph("{%p endfor %}", style="参考本文")
    doc.add_paragraph("{%p endif %}", style="参考本文")
    doc.add_paragraph("{%p endif %}", style="説明本文")


def save_template(doc, out: Path) -> None:
    """Save with every font from the project's font setting (templates/fonts.yaml)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(with_fonts(buffer.getvalue(), load_setting(PROJECT)))
    print(f"wrote {out}")


if __name__ == "__main__":
    build()

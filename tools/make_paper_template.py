"""Generate templates/paper.docx, the Word template of a 文書 made from its 本文 file.

The template is committed; this script documents how it was made and re-creates it. packetgen fills
the 資料 label and the title, and puts the blocks of the 本文 file where the paragraph {{ body }} is,
in this template's styles. Staff may restyle them in Word: 表題 (Title), 見出し 1 and 見出し 2
(Heading 1/2), 本文 (Body Text), 箇条書き and 箇条書き 2 (List Bullet 1/2, bullets ○ and ・),
図表番号 (Caption), and 資料ラベル, 表タイトル, 表見出し, 表本文, 表本文右, 表出典, 図, ページ番号.
Run: python tools/make_paper_template.py
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from make_agenda_template import Look, a4_document, add_page_number_footer, paragraph_styles, save_template
from make_donation_template import no_auto_space

from packetgen.core.fonts import GOTHIC, MINCHO
from packetgen.render.docx_fonts import set_rfonts

OUT = Path(__file__).resolve().parent.parent / "templates" / "paper.docx"
CENTER, RIGHT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY
BODY_INDENT_MM = 3.7  # one character of 10.5 pt, as the donation report's body
CHAR = 210  # twips: one character of 10.5 pt
CELL_MARGIN = 40  # twips above and below a table cell's text (0.7 mm)

# Word's own styles, restyled: Word lists them by their Japanese names and they carry the outline
# levels (the navigation pane, the PDF's bookmarks)
BUILT_IN = {
    "Title": Look(14, gothic=True, align=CENTER, before=6, after=18),
    "Heading 1": Look(12, gothic=True, before=14, after=6, keep_next=True),
    "Heading 2": Look(10.5, gothic=True, left_mm=BODY_INDENT_MM, before=8, after=4, keep_next=True),
    "Body Text": Look(10.5, left_mm=BODY_INDENT_MM, first_line_pt=10.5, after=3),
    "List Bullet": Look(10.5, after=2),
    "List Bullet 2": Look(10.5, after=2),
    "Caption": Look(10, gothic=True, align=CENTER, after=10),  # 10 pt: a page of one picture still reads 10 pt
}
STYLES = {
    "資料ラベル": Look(10, align=RIGHT, after=12),
    "表タイトル": Look(10.5, gothic=True, left_mm=BODY_INDENT_MM, before=6, after=4, keep_next=True),
    "表見出し": Look(10, gothic=True, align=CENTER),
    "表本文": Look(10),
    "表本文右": Look(10, align=RIGHT),
    "表出典": Look(9, left_mm=BODY_INDENT_MM, before=2, after=10),
    "図": Look(10.5, align=CENTER, before=6, keep_next=True),
    "ページ番号": Look(9, align=CENTER),
}
# the bullets of List Bullet and List Bullet 2: characters of the font setting's fonts (python-docx's
# own template uses Symbol's, which the print check would refuse as a font outside the setting)
BULLETS = {"ListBullet": ("○", 2 * CHAR), "ListBullet2": ("・", 4 * CHAR)}


def restyle(doc, name: str, look: Look) -> None:
    """Give a built-in style the look: black, not bold, the role's font, no border."""
    style = doc.styles[name]
    style.font.size = Pt(look.size)
    style.font.bold = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_rfonts(style.element.get_or_add_rPr(), GOTHIC if look.gothic else MINCHO)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(look.before), Pt(look.after)
    fmt.alignment = look.align
    fmt.left_indent = Mm(look.left_mm) if look.left_mm else None
    fmt.first_line_indent = Pt(look.first_line_pt) if look.first_line_pt else None
    fmt.keep_with_next = look.keep_next or None
    ppr = style.element.pPr
    for tag in ("w:pBdr", "w:contextualSpacing"):  # Title's rule under it; lists' squeezed spacing
        for element in ppr.findall(qn(tag)):
            ppr.remove(element)
    rpr = style.element.rPr
    for tag in ("w:bCs", "w:kern", "w:spacing"):
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)


def bullets(doc) -> None:
    """The bullet character and indents of the two list levels (numbering.xml)."""
    numbering = doc.part.numbering_part.element
    for lvl in numbering.iter(qn("w:lvl")):
        pstyle = lvl.find(qn("w:pStyle"))
        if pstyle is None or pstyle.get(qn("w:val")) not in BULLETS:
            continue
        char, left = BULLETS[pstyle.get(qn("w:val"))]
        text = lvl.find(qn("w:lvlText"))
        text.set(qn("w:val"), char)
        suffix = OxmlElement("w:suff")  # the text right after the 全角 bullet, no tab to a far stop
        suffix.set(qn("w:val"), "nothing")
        text.addprevious(suffix)
        ppr = lvl.find(qn("w:pPr"))
        ppr.remove(ppr.find(qn("w:tabs")))
        ind = ppr.find(qn("w:ind"))
        ind.set(qn("w:left"), str(left))
        ind.set(qn("w:hanging"), str(CHAR))
        rpr = lvl.find(qn("w:rPr"))
        if rpr is not None:  # Symbol: the bullet takes the paragraph's font instead
            lvl.remove(rpr)


def cell_margins(doc) -> None:
    """Table Grid's cells: a little room above and below the text (its default is none)."""
    margins = doc.styles["Table Grid"].element.find(qn("w:tblPr")).find(qn("w:tblCellMar"))
    for side in ("w:top", "w:bottom"):
        margins.find(qn(side)).set(qn("w:w"), str(CELL_MARGIN))


def styles(doc) -> None:
    for name, look in BUILT_IN.items():
        restyle(doc, name, look)
    for name in ("Body Text", "List Bullet", "List Bullet 2"):
        doc.styles[name].paragraph_format.line_spacing = 1.35
    doc.styles["Body Text"].paragraph_format.alignment = JUSTIFY  # 両端揃え
    paragraph_styles(doc, STYLES)
    for name in ("表本文", "表本文右"):  # "105,000千円" stays one token (see make_donation_template)
        no_auto_space(doc.styles[name])
    bullets(doc)
    cell_margins(doc)


def build() -> None:
    doc = a4_document(top_mm=20)
    styles(doc)
    doc.add_paragraph("{%p if label %}", style="資料ラベル")
    doc.add_paragraph("{{ label }}", style="資料ラベル")
    doc.add_paragraph("{%p endif %}", style="資料ラベル")
    doc.add_paragraph("{{ title }}", style="Title")
    # the blocks of the 本文 file go here, in the styles above
    doc.add_paragraph("{{ body }}", style="Body Text")
    add_page_number_footer(doc.sections[0], doc)
    props = doc.core_properties
    props.title = "文書"
    props.author = props.last_modified_by = "packetgen"
    props.comments = (
        "packetgen の文書（本文ファイルから作る資料）のテンプレート。波かっこのタグは残したまま、"
        "書式（スタイル）を自由に変更できます。本文は {{ body }} の段落の位置に入ります。"
    )
    save_template(doc, OUT)


if __name__ == "__main__":
    build()

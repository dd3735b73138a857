"""Generate templates/donation.docx, the Word template of 一関市企業版ふるさと納税について.

The template is committed; this script documents how it was made and re-creates it. Users may
restyle it in Word (styles 報告表題, 節見出し, 報告本文, 表見出し, …) as long as the tags stay.
Run: python tools/make_donation_template.py
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from make_agenda_template import (
    Look,
    a4_document,
    add_page_number_footer,
    cant_split,
    paragraph_styles,
    repeat_header,
    save_template,
    shade,
)

OUT = Path(__file__).resolve().parent.parent / "templates" / "donation.docx"
TOTAL_FILL = "F2F2F2"  # 計 rows: lighter than the header
# Styles that print figures: Word and LibreOffice put a quarter-em between digits and kanji by
# default (autoSpaceDE/DN), which splits "105,000千円" into "105,000 千円"; the city's paper keeps
# an amount one token. Prose keeps the default spacing.
FIGURE_STYLES = ("実績見出し", "表題", "表本文", "表本文中央", "表本文右", "表補記", "表補記右")
# w:pPr children that come after autoSpaceDE/DN in the schema's order (Word rejects other orders)
_AFTER_AUTOSPACE = (
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def no_auto_space(style) -> None:
    ppr = style.element.get_or_add_pPr()
    anchor = next((el for el in ppr if el.tag in {qn(t) for t in _AFTER_AUTOSPACE}), None)
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "0")
        if anchor is None:
            ppr.append(el)
        else:
            anchor.addprevious(el)


CENTER, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
STYLES = {
    "資料ラベル": Look(10, align=RIGHT, after=12),
    "報告表題": Look(14, gothic=True, align=CENTER, before=6, after=18),
    "節見出し": Look(12, gothic=True, before=14, after=6, keep_next=True),
    "報告本文": Look(10.5, left_mm=3.7, first_line_pt=10.5, after=3),
    "報告注": Look(9, left_mm=3.7, after=3),
    "実績見出し": Look(10.5, gothic=True, left_mm=3.7, before=2, after=8, keep_next=True),
    "表題": Look(10.5, gothic=True, left_mm=3.7, before=6, after=4, keep_next=True),
    "表見出し": Look(10, gothic=True, align=CENTER),
    "表本文": Look(10),
    "表本文中央": Look(10, align=CENTER),
    "表本文右": Look(10, align=RIGHT),
    "表補記": Look(9),
    "表補記右": Look(9, align=RIGHT),
    "表後": Look(6),  # a small gap after a table (Word needs a paragraph there anyway)
    "ページ番号": Look(9, align=CENTER),
}


def styles(doc) -> None:
    paragraph_styles(doc, STYLES)
    doc.styles["報告本文"].paragraph_format.line_spacing = 1.35
    doc.styles["報告本文"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY  # 両端揃え
    for name in FIGURE_STYLES:
        no_auto_space(doc.styles[name])


def table(doc, widths_mm, rows, header_rows=1):
    """A ruled, centred table with fixed column widths; rows are lists of cells, a cell is a list of
    (text, style) paragraphs. The first ``header_rows`` are shaded and repeat on a new page."""
    t = doc.add_table(rows=len(rows), cols=len(widths_mm))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, column in enumerate(t.columns):
        column.width = Mm(widths_mm[i])  # w:gridCol: LibreOffice lays tables out by the grid
    for r, (row, cells) in enumerate(zip(t.rows, rows, strict=True)):
        cant_split(row)
        for i, (cell, paragraphs) in enumerate(zip(row.cells, cells, strict=True)):
            cell.width = Mm(widths_mm[i])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            first, *more = paragraphs
            cell.paragraphs[0].text, cell.paragraphs[0].style = first[0], doc.styles[first[1]]
            for text, style in more:
                cell.add_paragraph(text, style=doc.styles[style])
            if r < header_rows:
                shade(cell)
        if r < header_rows:
            repeat_header(row)
            row.height = Mm(7)
    return t


def loop_row(text, columns):
    """A {%tr %} row, which docxtpl removes: the tag in the first cell, the others empty."""
    return [[(text, "表本文")]] + [[("", "表本文")]] * (columns - 1)


def merge_tag_rows(t, rows):
    for index in rows:
        row = t.rows[index]
        row.cells[0].merge(row.cells[-1])


def body_section(doc, number, key):
    """A heading ①–⑤ and the section's paragraphs and notes from the text file."""
    doc.add_paragraph(f"{number}　{{{{ {key}.heading }}}}", style="節見出し")
    doc.add_paragraph(f"{{%p for text in {key}.paragraphs %}}", style="報告本文")
    doc.add_paragraph("{{ text }}", style="報告本文")
    doc.add_paragraph("{%p endfor %}", style="報告本文")
    doc.add_paragraph(f"{{%p for text in {key}.notes %}}", style="報告注")
    doc.add_paragraph("{{ text }}", style="報告注")
    doc.add_paragraph("{%p endfor %}", style="報告注")


def worked_example(doc):
    doc.add_paragraph("（計算例）寄附額{{ example.gift }}の場合", style="表題")
    t = table(
        doc,
        [62, 42, 42],
        [
            [[("区分", "表見出し")], [("寄附額に対する割合", "表見出し")], [("金額", "表見出し")]],
            [
                [("損金算入による軽減", "表本文")],
                [("約{{ example.deduction_rate }}", "表本文中央")],
                [("{{ example.deduction }}", "表本文右")],
            ],
            [
                [("税額控除", "表本文")],
                [("最大{{ example.credit_rate }}", "表本文中央")],
                [("{{ example.credit }}", "表本文右")],
            ],
            [
                [("軽減額の合計", "表本文")],
                [("最大約{{ example.max_rate }}", "表本文中央")],
                [("{{ example.relief }}", "表本文右")],
            ],
            [
                [("企業の実質負担", "表本文")],
                [("約{{ example.burden_rate }}", "表本文中央")],
                [("{{ example.burden }}", "表本文右")],
            ],
        ],
    )
    for row in t.rows[1:]:
        row.height = Mm(7)
    for cell in t.rows[3].cells:
        shade(cell, TOTAL_FILL)
    doc.add_paragraph("", style="表後")


def projects_table(doc):
    doc.add_paragraph("{{ latest.year }}寄附対象事業実績：{{ latest.amount }}", style="実績見出し")
    doc.add_paragraph("{%p if projects.plan_project %}", style="表題")
    doc.add_paragraph("{{ projects.plan_project }}", style="表題")
    doc.add_paragraph("{%p endif %}", style="表題")
    t = table(
        doc,
        [100, 20, 46],
        [
            [[("事業名", "表見出し")], [("事業数", "表見出し")], [("寄附対象事業実績額", "表見出し")]],
            loop_row("{%tr for r in latest.rows %}", 3),
            [
                [("{{ r.category }}", "表本文"), ("{% if r.project %}（{{ r.project }}）{% endif %}", "表補記")],
                [("{{ r.count }}", "表本文中央")],
                [
                    ("{{ r.amount }}", "表本文右"),
                    # one company a line: a joined list would wrap in the middle of a name
                    ("{%p for company in r.companies %}", "表補記右"),
                    ("（{{ company }}）", "表補記右"),
                    ("{%p endfor %}", "表補記右"),
                ],
            ],
            loop_row("{%tr endfor %}", 3),
            [[("計", "表本文中央")], [("{{ latest.count }}", "表本文中央")], [("{{ latest.amount }}", "表本文右")]],
        ],
    )
    merge_tag_rows(t, (1, 3))
    t.rows[2].height = Mm(12)
    t.rows[4].height = Mm(8)
    for cell in t.rows[4].cells:
        shade(cell, TOTAL_FILL)
    doc.add_paragraph("", style="表後")


def history_table(doc):
    doc.add_paragraph("{%p if history %}", style="表題")
    doc.add_paragraph("年度別の推移", style="表題")
    t = table(
        doc,
        [32, 24, 24, 40, 46],
        [
            [
                [("年度", "表見出し")],
                [("寄附件数", "表見出し")],
                [("事業数", "表見出し")],
                [("寄附額", "表見出し")],
                [("前年度からの増減", "表見出し")],
            ],
            loop_row("{%tr for y in history %}", 5),
            [
                [("{{ y.year }}", "表本文中央")],
                [("{{ y.donations }}", "表本文中央")],
                [("{{ y.count }}", "表本文中央")],
                [("{{ y.amount }}", "表本文右")],
                [("{{ y.change }}", "表本文右")],
            ],
            loop_row("{%tr endfor %}", 5),
        ],
    )
    merge_tag_rows(t, (1, 3))
    t.rows[2].height = Mm(7)
    doc.add_paragraph("", style="表後")
    doc.add_paragraph("{%p endif %}", style="表題")


def build() -> None:
    doc = a4_document(top_mm=20)
    section = doc.sections[0]
    styles(doc)

    doc.add_paragraph("{%p if label %}", style="資料ラベル")
    doc.add_paragraph("{{ label }}", style="資料ラベル")
    doc.add_paragraph("{%p endif %}", style="資料ラベル")
    doc.add_paragraph("{{ title }}", style="報告表題")

    body_section(doc, "①", "overview")
    worked_example(doc)

    doc.add_paragraph("②　{{ projects.heading }}", style="節見出し")
    projects_table(doc)
    history_table(doc)
    doc.add_paragraph("{%p for text in projects.paragraphs %}", style="報告本文")
    doc.add_paragraph("{{ text }}", style="報告本文")
    doc.add_paragraph("{%p endfor %}", style="報告本文")
    doc.add_paragraph("{%p for text in projects.notes %}", style="報告注")
    doc.add_paragraph("{{ text }}", style="報告注")
    doc.add_paragraph("{%p endfor %}", style="報告注")

    body_section(doc, "③", "kpi")
    body_section(doc, "④", "evaluation")
    body_section(doc, "⑤", "next_steps")

    add_page_number_footer(section, doc)
    props = doc.core_properties
    props.title = "一関市企業版ふるさと納税について"
    props.author = props.last_modified_by = "packetgen"
    props.comments = "packetgen の企業版ふるさと納税の報告テンプレート。波かっこのタグは残したまま、書式（スタイル）を自由に変更できます。"
    save_template(doc, OUT)


if __name__ == "__main__":
    build()

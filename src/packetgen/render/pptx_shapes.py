"""Drawing primitives for slides: rich paragraphs, boxes, tables that grow by cloning rows.

Colours are theme colours (tx2, accent1, bg2 …) so a user who recolours the template's theme
recolours the content too; fonts come from the theme (a:latin and a:ea), runs only say ja-JP.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Pt

from packetgen.render.rich_text import spans

# Arrow glyphs the slide font (IPAex) lacks would fall back to a Latin font: draw the nearest it has.
MARKER_FALLBACK = {"➢": "▶", "➤": "▶", "➣": "▶", "►": "▶", "✔": "✓"}
LINE = 1.3  # exact line pitch as a multiple of the font size, the same in PowerPoint and LibreOffice
INSET_PT = 4.0  # left/right text inset of boxes
INSET_TB_PT = 2.5


@dataclass
class Para:
    """One paragraph: rich text (with **bold**), size in pt and how it is set."""

    text: str
    size: float
    bold: bool = False
    color: str | None = None  # a theme colour name, e.g. "accent2"
    marker: str = ""  # bullet glyph, drawn as a hanging bullet
    margin_pt: float = 0.0  # left margin of the text
    hang_pt: float = 0.0  # how far the glyph hangs left of the text
    before_pt: float = 0.0
    align: str | None = None  # "l", "ctr", "r"; None keeps the placeholder's own alignment
    runs: list[tuple[str, bool, str | None]] = field(default_factory=list)  # extra (text, bold, colour) runs


def _solid(parent: etree._Element, color: str) -> None:
    fill = etree.SubElement(parent, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr")).set("val", color)


def _run(p: etree._Element, text: str, size: float, bold: bool, color: str | None) -> None:
    r = etree.SubElement(p, qn("a:r"))
    rpr = etree.SubElement(r, qn("a:rPr"), lang="ja-JP", altLang="en-US", sz=str(round(size * 100)), dirty="0")
    if bold:
        rpr.set("b", "1")
    if color:
        _solid(rpr, color)
    etree.SubElement(r, qn("a:t")).text = text


def write_paragraphs(text_frame, paras: Sequence[Para]) -> None:
    """Replace a text frame's paragraphs with ``paras`` (a:pPr built in schema order)."""
    body = text_frame._txBody
    for p in body.findall(qn("a:p")):
        body.remove(p)
    for para in paras:
        p = etree.SubElement(body, qn("a:p"))
        ppr = etree.SubElement(p, qn("a:pPr"))
        if para.align:
            ppr.set("algn", para.align)
        if para.margin_pt:
            ppr.set("marL", str(Pt(para.margin_pt)))
            ppr.set("indent", str(-Pt(para.hang_pt)))
        line = etree.SubElement(etree.SubElement(ppr, qn("a:lnSpc")), qn("a:spcPts"))
        line.set("val", str(round(para.size * LINE * 100)))
        etree.SubElement(etree.SubElement(ppr, qn("a:spcBef")), qn("a:spcPts")).set(
            "val", str(round(para.before_pt * 100))
        )
        if para.marker:
            etree.SubElement(etree.SubElement(ppr, qn("a:buClr")), qn("a:schemeClr")).set("val", "accent1")
            etree.SubElement(ppr, qn("a:buSzPct")).set("val", "90000")
            etree.SubElement(ppr, qn("a:buFont"), typeface="+mj-ea")
            etree.SubElement(ppr, qn("a:buChar")).set("char", MARKER_FALLBACK.get(para.marker, para.marker))
        else:
            etree.SubElement(ppr, qn("a:buNone"))
        for text, bold in spans(para.text):
            _run(p, text, para.size, bold or para.bold, para.color)
        for text, bold, color in para.runs:
            _run(p, text, para.size, bold, color)
        etree.SubElement(p, qn("a:endParaRPr"), lang="ja-JP", sz=str(round(para.size * 100)))


def _frame(shape, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, inset_pt: float = INSET_PT) -> None:
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = Pt(inset_pt)
    tf.margin_top = tf.margin_bottom = Pt(INSET_TB_PT)
    tf.vertical_anchor = anchor


def text_box(slide: Slide, name: str, box: tuple[int, int, int, int], paras: Sequence[Para]):
    shape = slide.shapes.add_textbox(*map(Emu, box))
    shape.name = name
    _frame(shape)
    write_paragraphs(shape.text_frame, paras)
    return shape


def filled_box(
    slide: Slide,
    name: str,
    box: tuple[int, int, int, int],
    paras: Sequence[Para],
    fill: str | None = "bg2",
    line: str | None = None,
    rounded: bool = False,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    inset_pt: float = INSET_PT,
):
    kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, *map(Emu, box))
    shape.name = name
    if rounded:
        shape.adjustments[0] = 0.08
    sppr = shape._element.spPr
    for tag in ("a:solidFill", "a:noFill", "a:ln"):
        for el in sppr.findall(qn(tag)):
            sppr.remove(el)
    if fill:
        _solid(sppr, fill)
    else:
        etree.SubElement(sppr, qn("a:noFill"))
    ln = etree.SubElement(sppr, qn("a:ln"), w=str(Pt(1)))
    if line:
        _solid(ln, line)
    else:
        etree.SubElement(ln, qn("a:noFill"))
    style = shape._element.find(qn("p:style"))
    if style is not None:  # drop the default shape style (blue fill, white text, shadow)
        shape._element.remove(style)
    _frame(shape, anchor, inset_pt)
    write_paragraphs(shape.text_frame, paras)
    return shape


def grown_table(
    slide: Slide,
    name: str,
    box: tuple[int, int, int, int],
    widths: Sequence[int],
    header: Sequence[Para] | None,
    rows: Sequence[Sequence[Sequence[Para]]],
    heights: Sequence[int],
):
    """A table with a header row (optional) and data rows cloned from one styled template row.

    python-pptx has no add-row: the first data row is made once and deep-copied for every other
    row, so row formatting set on it (or later by a user restyling the table) carries through.
    """
    n_rows = (1 if header else 0) + 1
    frame = slide.shapes.add_table(n_rows, len(widths), *map(Emu, box))
    frame.name = name
    table = frame.table
    table.first_row = header is not None
    table.horz_banding = True
    for i, width in enumerate(widths):
        table.columns[i].width = Emu(width)
    tbl = table._tbl
    template_row = tbl.tr_lst[-1]
    for _ in rows[1:]:
        tbl.append(copy.deepcopy(template_row))
    all_rows = ([header] if header else []) + list(rows)
    for r, (cells, height) in enumerate(zip(all_rows, heights, strict=True)):
        row = table.rows[r]
        row.height = Emu(height)
        for c, paras in enumerate(cells):
            cell = row.cells[c]
            cell.margin_left = cell.margin_right = Pt(INSET_PT)
            cell.margin_top = cell.margin_bottom = Pt(INSET_TB_PT)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            write_paragraphs(cell.text_frame, paras)
    return frame


def remove_shape(shape) -> None:
    shape._element.getparent().remove(shape._element)


def add_layout_placeholder(slide: Slide, ph_type: str, text_paras: Sequence[Para] | None = None) -> None:
    """Copy the layout's footer or slide-number placeholder onto the slide (python-pptx skips them).

    The copy keeps no position of its own, so it follows the layout when a user moves it.
    """
    for shape in slide.slide_layout.placeholders:
        ph = shape._element.find(f".//{qn('p:ph')}")
        if ph is not None and ph.get("type") == ph_type:
            element = copy.deepcopy(shape._element)
            sppr = element.find(qn("p:spPr"))
            for child in list(sppr):
                sppr.remove(child)
            element.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").set("id", str(slide.shapes._next_shape_id))
            slide.shapes._spTree.append(element)
            if text_paras is not None:
                body = element.find(qn("p:txBody"))
                for p in body.findall(qn("a:p")):
                    body.remove(p)
                for para in text_paras:
                    p = etree.SubElement(body, qn("a:p"))
                    _run(p, para.text, para.size, para.bold, para.color)
            return

"""Drawing primitives for slides: rich paragraphs, boxes, tables that grow by cloning rows.

Colours are theme colours (tx2, accent1, bg2 …) so a user who recolours the template's theme
recolours the content too; fonts come from the theme (a:latin and a:ea), runs only say ja-JP.

Text in a box of known width is written with the line breaks the fitter measured (text_fit, in the
deck's ``FontMeasure``), as <a:br/> inside the paragraph: PowerPoint and LibreOffice then break where
the fitter did, and a paragraph still reads whole once its line breaks are dropped.
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

from packetgen.core.linebreak.phrase_lines import Bold
from packetgen.render.rich_text import spans
from packetgen.render.text_fit import FontMeasure

# Arrow glyphs the slide font (IPAex) lacks would fall back to a Latin font: draw the nearest it has.
MARKER_FALLBACK = {"➢": "▶", "➤": "▶", "➣": "▶", "►": "▶", "✔": "✓"}
LINE = 1.3  # exact line pitch as a multiple of the font size, the same in PowerPoint and LibreOffice
INSET_PT = 4.0  # left/right text inset of boxes
INSET_TB_PT = 2.5
WIDTH_SAFETY = 0.97  # renderers kern and embolden slightly differently: keep 3 % in hand


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


def _pieces(para: Para) -> list[tuple[str, bool, str | None]]:
    """The paragraph's runs: (text, bold, colour)."""
    return [(t, b or para.bold, para.color) for t, b in spans(para.text)] + list(para.runs)


def para_text(para: Para) -> tuple[str, Bold]:
    """The plain text of a paragraph and its weight (one flag, or one per character when mixed)."""
    pieces = _pieces(para)
    text = "".join(t for t, _, _ in pieces)
    flags = tuple(b for t, b, _ in pieces for _ in t)
    return text, flags if len(set(flags)) > 1 else bool(flags and flags[0])


def break_width(para: Para, width_pt: float) -> float:
    """The width lines are broken to in a box whose text area is ``width_pt`` wide."""
    return (width_pt - para.margin_pt) * WIDTH_SAFETY


@dataclass(frozen=True)
class TextArea:
    """Where paragraphs are broken into lines: the width of a box's text area, and the font it is
    measured in."""

    width_pt: float
    font: FontMeasure


def para_lines(para: Para, area: TextArea) -> list[str]:
    text, bold = para_text(para)
    return area.font.wrap(text, break_width(para, area.width_pt), para.size, bold) if text else [""]


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


def _line_break(p: etree._Element, size: float) -> None:
    br = etree.SubElement(p, qn("a:br"))
    etree.SubElement(br, qn("a:rPr"), lang="ja-JP", altLang="en-US", sz=str(round(size * 100)), dirty="0")


def _write_runs(p: etree._Element, para: Para, lines: Sequence[str]) -> None:
    """The runs of ``para``, cut where its lines end, with <a:br/> between the lines."""
    ends, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        ends.append(at)
    pos = 0
    for text, bold, color in _pieces(para):
        while text:
            stop = next((e for e in ends if e > pos), pos + len(text))
            chunk = text[: stop - pos]
            _run(p, chunk, para.size, bold, color)
            pos += len(chunk)
            text = text[len(chunk) :]
            if ends and pos == ends[0]:
                _line_break(p, para.size)
                ends.pop(0)


def write_paragraphs(text_frame, paras: Sequence[Para], area: TextArea | None = None) -> None:
    """Replace a text frame's paragraphs with ``paras`` (a:pPr built in schema order); with its text
    area (width and font), each paragraph carries the fitter's line breaks."""
    body = text_frame._txBody
    for p in body.findall(qn("a:p")):
        body.remove(p)
    if not paras:  # an empty box (a card with a title and no text) still needs its one paragraph
        etree.SubElement(body, qn("a:p"))
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
        lines = para_lines(para, area) if area is not None else [para_text(para)[0]]
        _write_runs(p, para, lines)
        etree.SubElement(p, qn("a:endParaRPr"), lang="ja-JP", sz=str(round(para.size * 100)))


def _frame(shape, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, inset_pt: float = INSET_PT) -> None:
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = Pt(inset_pt)
    tf.margin_top = tf.margin_bottom = Pt(INSET_TB_PT)
    tf.vertical_anchor = anchor


def text_box(slide: Slide, name: str, box: tuple[int, int, int, int], paras: Sequence[Para], font: FontMeasure):
    shape = slide.shapes.add_textbox(*map(Emu, box))
    shape.name = name
    _frame(shape)
    write_paragraphs(shape.text_frame, paras, TextArea(Emu(box[2]).pt - 2 * INSET_PT, font))
    return shape


@dataclass(frozen=True)
class BoxLook:
    """How a filled box looks: theme colours of its fill and outline (None: none), its corners, where
    its text sits and the text's left/right inset."""

    fill: str | None = "bg2"
    line: str | None = None
    rounded: bool = False
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP
    inset_pt: float = INSET_PT


def filled_box(
    slide: Slide, name: str, box: tuple[int, int, int, int], paras: Sequence[Para], look: BoxLook, font: FontMeasure
):
    kind = MSO_SHAPE.ROUNDED_RECTANGLE if look.rounded else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, *map(Emu, box))
    shape.name = name
    if look.rounded:
        shape.adjustments[0] = 0.08
    sppr = shape._element.spPr
    for tag in ("a:solidFill", "a:noFill", "a:ln"):
        for el in sppr.findall(qn(tag)):
            sppr.remove(el)
    if look.fill:
        _solid(sppr, look.fill)
    else:
        etree.SubElement(sppr, qn("a:noFill"))
    ln = etree.SubElement(sppr, qn("a:ln"), w=str(Pt(1)))
    if look.line:
        _solid(ln, look.line)
    else:
        etree.SubElement(ln, qn("a:noFill"))
    style = shape._element.find(qn("p:style"))
    if style is not None:  # drop the default shape style (blue fill, white text, shadow)
        shape._element.remove(style)
    _frame(shape, look.anchor, look.inset_pt)
    write_paragraphs(shape.text_frame, paras, TextArea(Emu(box[2]).pt - 2 * look.inset_pt, font))
    return shape


DASHED_FRAME = BoxLook(fill=None, line="tx2", anchor=MSO_ANCHOR.MIDDLE)  # the dash is added to the outline


def dashed_box(slide: Slide, name: str, box: tuple[int, int, int, int], paras: Sequence[Para], font: FontMeasure):
    """A placeholder frame: no fill, a dashed outline, text centred (a figure not reproduced)."""
    shape = filled_box(slide, name, box, paras, DASHED_FRAME, font)
    ln = shape._element.spPr.find(qn("a:ln"))
    etree.SubElement(ln, qn("a:prstDash")).set("val", "dash")
    return shape


@dataclass(frozen=True)
class TableGrid:
    """A table's column widths and row heights in EMU (the header row's first when it has one)."""

    widths: Sequence[int]
    heights: Sequence[int]


@dataclass(frozen=True)
class TableText:
    """A table's paragraphs: one cell's paragraphs per column, of the header row (or None) and each row."""

    header: Sequence[Sequence[Para]] | None
    rows: Sequence[Sequence[Sequence[Para]]]


def grown_table(
    slide: Slide, name: str, box: tuple[int, int, int, int], grid: TableGrid, text: TableText, font: FontMeasure
):
    """A table with a header row (optional) and data rows cloned from one styled template row.

    python-pptx has no add-row: the first data row is made once and deep-copied for every other
    row, so row formatting set on it (or later by a user restyling the table) carries through.
    """
    widths, header, rows = grid.widths, text.header, text.rows
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
    for r, (cells, height) in enumerate(zip(all_rows, grid.heights, strict=True)):
        row = table.rows[r]
        row.height = Emu(height)
        for c, paras in enumerate(cells):
            cell = row.cells[c]
            cell.margin_left = cell.margin_right = Pt(INSET_PT)
            cell.margin_top = cell.margin_bottom = Pt(INSET_TB_PT)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            write_paragraphs(cell.text_frame, paras, TextArea(Emu(widths[c]).pt - 2 * INSET_PT, font))
    return frame


def remove_shape(shape) -> None:
    shape._element.getparent().remove(shape._element)


def add_layout_placeholder(slide: Slide, ph_type: str, text_paras: Sequence[Para] | None = None) -> None:
    """Copy the layout's footer or slide-number placeholder onto the slide (python-pptx skips them).

    The copy keeps no position of its own, so it follows the layout when a user moves it.
    """
    # the layout's XML read directly: python-pptx's placeholder objects cost an XPath query each
    for shape_element in slide.slide_layout.shapes._spTree.iterchildren(qn("p:sp")):
        ph = shape_element.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is not None and ph.get("type") == ph_type:
            element = copy.deepcopy(shape_element)
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

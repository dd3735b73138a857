"""文書 (a), made from its 本文 file: the template (templates/paper.docx) gives the 資料 label, the title
and every style; the blocks go where its paragraph {{ body }} is, in its styles, so staff restyle the
paper in Word. The words are the 本文 file's and the template's: nothing here prints one of its own."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from packetgen.core.errors import PacketError
from packetgen.documents.base import BuildContext
from packetgen.inputs.paper_files import BulletList, Heading, PageBreak, Paper, PaperBlock, Paragraph, Picture
from packetgen.render.rich_text import spans

# what {{ body }} renders to: the paragraph the blocks replace (no 本文 file can hold U+2063 twice
# around this name by chance)
BODY_MARK = "\u2063packetgen-body\u2063"
HEADINGS = {1: "Heading 1", 2: "Heading 2"}
BODY, BULLETS = "Body Text", ("List Bullet", "List Bullet 2")
TABLE_TITLE, TABLE_SOURCE = "表タイトル", "表出典"
FIGURE, CAPTION = "図", "Caption"
ORIENTATION = 0x0112  # the EXIF tag a phone sets instead of turning the photo's pixels
JPEG_QUALITY = 95  # a turned photo is saved again: fixed, so every build makes the same bytes
TALLEST_PICTURE = 0.5  # of the text's height: a portrait photo leaves room for its caption and text
STYLES = (*HEADINGS.values(), BODY, *BULLETS, TABLE_TITLE, TABLE_SOURCE, FIGURE, CAPTION)


def context(ctx: BuildContext, paper: Paper) -> dict[str, str]:
    """Plain strings only: the template is user-edited and rendered in a sandbox."""
    return {
        # the 資料 label only when the meeting file gives this document a 資料番号, as the donation report
        "label": ctx.label if ctx.entry.label else "",
        "title": paper.title,
        "body": BODY_MARK,
    }


def render(ctx: BuildContext, paper: Paper, template: str) -> bytes:
    from packetgen.render.docx_template import render_docx  # Word libraries only when building

    label = f"templates/{template}"

    def fill(doc: Any) -> None:
        write_blocks(doc, paper.blocks, label)
        # the template is every 文書's: its title (「文書」) would name them all in Word and the PDF
        doc.core_properties.title = ctx.entry.title

    return render_docx(ctx.template_path(template), context(ctx, paper), ctx.timestamp, label, ctx.fonts, fill)


def write_blocks(doc: Any, blocks: tuple[PaperBlock, ...], template_label: str) -> None:
    """Put the blocks where the template's {{ body }} paragraph is, which then goes."""
    from packetgen.documents.paper.tables import TABLE_STYLE, add_table

    anchor = next((p for p in doc.paragraphs if p.text == BODY_MARK), None)
    if anchor is None:
        raise PacketError(
            f"テンプレート {template_label} に、本文を入れる段落 {{{{ body }}}} がありません。"
            "その1行だけの段落を、表題の下に戻してください"
        )
    styles = [*STYLES, TABLE_STYLE, "表見出し", "表本文", "表本文右"]
    missing = [name for name in styles if name not in doc.styles]
    if missing:
        raise PacketError(
            f"テンプレート {template_label} にスタイル「{'」「'.join(missing)}」がありません。"
            "文書の本文はこれらのスタイルで書きます。スタイルは削除せず、書式を変えてください"
        )
    section = doc.sections[-1]
    indent = doc.styles[BODY].paragraph_format.left_indent or 0
    room = section.page_width - section.left_margin - section.right_margin
    tallest = int((section.page_height - section.top_margin - section.bottom_margin) * TALLEST_PICTURE)
    for block in blocks:
        if isinstance(block, Heading):
            _paragraph(anchor, block.text, HEADINGS[block.level])
        elif isinstance(block, Paragraph):
            # each line its own paragraph: a line break in a justified paragraph would spread its line
            for line in lines(block.text):
                _runs(anchor.insert_paragraph_before(style=BODY), line)
        elif isinstance(block, BulletList):
            for item in block.items:
                _paragraph(anchor, item.text, BULLETS[0])
                for child in item.children:
                    _paragraph(anchor, child, BULLETS[1])
        elif isinstance(block, Picture):
            _picture(anchor, block, room - indent, tallest)
        elif isinstance(block, PageBreak):
            _page_break(anchor)
        else:
            if block.title:
                _paragraph(anchor, block.title, TABLE_TITLE)
            add_table(doc, anchor, block, indent, room - indent)
            # the 出典 as written; without one an empty line of its style still parts the table from
            # the next (two tables in a row would be one to Word)
            _paragraph(anchor, block.source, TABLE_SOURCE)
    anchor._p.getparent().remove(anchor._p)


def _paragraph(anchor: Any, text: str, style: str) -> None:
    """A paragraph of ``text`` before the anchor: **bold** spans in bold, a line break as one."""
    _runs(anchor.insert_paragraph_before(style=style), spans(text))


def _runs(paragraph: Any, parts: list[tuple[str, bool]]) -> None:
    for part, bold in parts:
        run = paragraph.add_run(part)  # python-docx writes "\n" as a line break
        if bold:
            run.bold = True


def lines(text: str) -> list[list[tuple[str, bool]]]:
    """The **bold** spans of a text, line by line (a bold span may run over a line's end)."""
    out: list[list[tuple[str, bool]]] = [[]]
    for part, bold in spans(text):
        first, *rest = part.split("\n")
        out[-1].append((first, bold))
        out += [[(line, bold)] for line in rest]
    return [[(part, bold) for part, bold in line if part] for line in out]


def _picture(anchor: Any, picture: Picture, widest: int, tallest: int) -> None:
    """The picture at its own size, or smaller to fit the text's width and half its height; its
    説明 under it and as its alternative text (what a screen reader says)."""
    paragraph = anchor.insert_paragraph_before(style=FIGURE)
    shape = paragraph.add_run().add_picture(upright(picture.path))
    scale = min(1.0, widest / shape.width, tallest / shape.height)
    shape.width, shape.height = int(shape.width * scale), int(shape.height * scale)
    shape._inline.docPr.set("descr", picture.caption)
    _paragraph(anchor, picture.caption, CAPTION)


def _page_break(anchor: Any) -> None:
    from docx.enum.text import WD_BREAK

    anchor.insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)


def upright(path: Path) -> str | io.BytesIO:
    """The picture as a photo viewer shows it. A phone stores an upright photo's pixels sideways with
    an EXIF orientation, which Word ignores: such a picture is turned and saved again (a JPEG as JPEG
    at a fixed quality, a PNG as PNG), keeping its resolution and colour profile; others go as they are."""
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        if image.getexif().get(ORIENTATION, 1) == 1:
            return str(path)
        turned = ImageOps.exif_transpose(image)
        options = {k: image.info[k] for k in ("dpi", "icc_profile") if image.info.get(k)}
        out = io.BytesIO()
        if image.format == "JPEG":
            turned.save(out, "JPEG", quality=JPEG_QUALITY, **options)  # the EXIF, and its turn, left out
        else:
            turned.save(out, "PNG", **options)
    out.seek(0)
    return out

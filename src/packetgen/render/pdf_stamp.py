"""The packet's marks on a PDF paper given as it is: the 資料 label at the top right of its first page
and 「－ n －」 at the foot of every page (where: pdf_paper.py).

The marks are drawn with reportlab in the font setting's ゴシック, a subset embedded (as the order
PDF is), one overlay page per page at that page's visible size, and laid over the page with pypdf,
turned with the page's /Rotate so they read upright. Everything else of the paper — its content,
fonts, links and bookmarks — stays as it was.

Its title is the document's 名称 (the info dictionary and, when the paper has one, its XMP packet);
its author is left out. Same paper, same bytes: reportlab's invariant mode, the document's dates set
to the meeting's start, its /ID derived from what it is made of, and nothing else that changes from
run to run.
"""

from __future__ import annotations

import hashlib
import io
from datetime import datetime
from functools import cache

from packetgen.core.errors import PacketError
from packetgen.core.platform import ResolvedFont
from packetgen.render.pdf_paper import (
    FOLIO_BASELINE_MM,
    FOLIO_PT,
    LABEL_BASELINE_MM,
    LABEL_PT,
    LABEL_RIGHT_MM,
    MM,
    folio_text,
    open_pdf,
    quiet_pypdf,
    visible_box,
)


@cache  # reportlab's registry is process-wide: a face is read (0.1 s) once
def register(font: ResolvedFont) -> str:
    """Register the face with reportlab under its PostScript name, which it writes into the PDF."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = font.postscript or font.file.stem
    pdfmetrics.registerFont(TTFont(name, str(font.file), subfontIndex=font.index))
    return name


def _require_glyphs(name: str, font: ResolvedFont, texts: list[str]) -> None:
    """reportlab draws a character the font lacks as an empty box, silently: refuse instead."""
    from reportlab.pdfbase import pdfmetrics

    has = pdfmetrics.getFont(name).face.charToGlyph
    missing = sorted({c for text in texts for c in text if ord(c) not in has})
    if missing:
        raise PacketError(
            f"資料のラベル「{texts[0]}」に、ゴシック「{font.name}」にない文字があります："
            + "、".join(f"「{c}」（U+{ord(c):04X}）" for c in missing)
        )


def _overlay(sizes: list[tuple[float, float]], label: str, font: str) -> bytes:
    """One page per size (width, height as shown): the label on the first, the page number on all."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    # invariant: no dates, a fixed id; the initial font is ours, else reportlab names Helvetica (not
    # embedded) on every page
    canvas = Canvas(out, invariant=1, pageCompression=1, initialFontName=font, initialFontSize=FOLIO_PT)
    for number, (width, height) in enumerate(sizes, start=1):
        canvas.setPageSize((width, height))
        if number == 1 and label:
            canvas.setFont(font, LABEL_PT)
            canvas.drawRightString(width - LABEL_RIGHT_MM * MM, height - LABEL_BASELINE_MM * MM, label)
        canvas.setFont(font, FOLIO_PT)
        canvas.drawCentredString(width / 2, FOLIO_BASELINE_MM * MM, folio_text(number))
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _placing(left: float, bottom: float, width: float, height: float, rotation: int) -> tuple[float, ...]:
    """The matrix that takes a point of the page as shown (origin at its bottom-left corner) to the
    page's own space: its crop box's origin, and /Rotate (clockwise, as viewers turn the page) undone."""
    if rotation == 90:
        return (0, 1, -1, 0, left + width, bottom)
    if rotation == 180:
        return (-1, 0, 0, -1, left + width, bottom + height)
    if rotation == 270:
        return (0, -1, 1, 0, left, bottom + height)
    return (1, 0, 0, 1, left, bottom)


def stamp_pdf(data: bytes, label: str, title: str, font: ResolvedFont, when: datetime) -> bytes:
    """The paper ``data`` with the label (none when empty) on page 1, page numbers on every page and
    ``title`` as its title."""
    with quiet_pypdf():
        return _stamped(data, label, title, font, when)


_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DC = "http://purl.org/dc/elements/1.1/"


def _xmp(packet: bytes, title: str) -> bytes | None:
    """The XMP packet with ``title`` as dc:title and no dc:creator (as the info dictionary); None
    when it does not parse as XML (it is then left as it was)."""
    from lxml import etree

    try:
        tree = etree.parse(io.BytesIO(packet), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    for element in tree.iter(f"{{{_DC}}}title", f"{{{_DC}}}creator"):
        element.getparent().remove(element)
    description = next(tree.iter(f"{{{_RDF}}}Description"), None)
    if description is None:
        return None
    alt = etree.SubElement(etree.SubElement(description, f"{{{_DC}}}title"), f"{{{_RDF}}}Alt")
    item = etree.SubElement(alt, f"{{{_RDF}}}li")
    item.set("{http://www.w3.org/XML/1998/namespace}lang", "x-default")
    item.text = title
    return etree.tostring(tree, encoding="utf-8")


def _stamped(data: bytes, label: str, title: str, font: ResolvedFont, when: datetime) -> bytes:
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import ArrayObject, ByteStringObject

    reader = open_pdf(data)
    name = register(font)
    _require_glyphs(name, font, [label, *"－ 0123456789"])
    writer = PdfWriter(clone_from=reader)
    boxes = [visible_box(page) for page in writer.pages]
    shown = [(h, w) if r in (90, 270) else (w, h) for _, _, w, h, r in boxes]
    marks = PdfReader(io.BytesIO(_overlay(shown, label, name)))
    for page, mark, box in zip(writer.pages, marks.pages, boxes, strict=True):
        page.merge_transformed_page(mark, Transformation(_placing(*box)))
        page.compress_content_streams()
    stamp = when.strftime("D:%Y%m%d%H%M%S")
    # the title is the 名称; the author goes: the packet does not know who wrote the paper, and the
    # field holds reportlab's 「anonymous」 or, often, a staff member's computer login
    info = {key: value for key, value in (reader.metadata or {}).items() if key not in ("/Author", "/Title")}
    writer.metadata = {**info, "/Title": title, "/Producer": "packetgen", "/CreationDate": stamp, "/ModDate": stamp}
    xmp = writer.xmp_metadata
    packet = _xmp(xmp.stream.get_data(), title) if xmp is not None else None
    if packet is not None:
        writer.xmp_metadata = packet
    digest = hashlib.md5(usedforsecurity=False)
    for part in (data, label.encode(), title.encode(), font.postscript.encode(), stamp.encode()):
        digest.update(part + b"\0")
    # pypdf keeps the paper's /ID (or none) and has no public setter: this one says what the file is made of
    writer._ID = ArrayObject([ByteStringObject(digest.digest()), ByteStringObject(digest.digest())])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

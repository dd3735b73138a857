"""packet.pdf: the whole set as one PDF."""

from __future__ import annotations

from pathlib import Path

from packetgen.building.layout import PACKET_PDF
from packetgen.core import japanese
from packetgen.printing.job import PrintedDocument


def merge(documents: list[PrintedDocument], staging: Path) -> int:
    """packet.pdf: every document in meeting order, one bookmark each, and a blank page after a
    document with an odd page count so the next starts on a front side when printed double-sided.
    Returns its page count."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for doc in documents:
        entry = doc.planned.entry
        bookmark = f"{japanese.material_label(entry.label)}　{entry.title}" if entry.label else entry.title
        writer.append(str(staging / doc.pdf), outline_item=bookmark)
        if doc.pages % 2:
            last = PdfReader(str(staging / doc.pdf)).pages[-1]
            writer.add_blank_page(float(last.mediabox.width), float(last.mediabox.height))
    writer.add_metadata({"/Title": "会議資料一式", "/Producer": "packetgen"})
    with open(staging / PACKET_PDF, "wb") as handle:
        writer.write(handle)
    return len(writer.pages)

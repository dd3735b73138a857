"""The hand-off: the zip for the printing office (outputs/DATE/印刷データ_DATE.zip) and the print's
record in the manifest (which PDF was made from which Office file, what the print holds)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from packetgen.building.layout import ORDER, PACKET_PDF, PRINT_DIR
from packetgen.building.outdated import sha256
from packetgen.core.manifest import Manifest, PrintBlock, PrintedPdf
from packetgen.printing.job import PrintedDocument
from packetgen.printing.order.model import Order
from packetgen.render.ooxml import FIXED_ZIP_TIME


@dataclass(frozen=True)
class Handoff:
    key: str  # what the print was made from (building/outdated.py's print_key)
    pages: int  # of packet.pdf, blank pages included
    zip_name: str
    archive: bytes  # the zip


def zip_files(staging: Path, names: list[str]) -> bytes:
    """The hand-off: the PDFs and the order files, with fixed entry times (previews stay for staff)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(f"{PRINT_DIR}/{name}", date_time=FIXED_ZIP_TIME)
            # PDFs are compressed already: storing them costs nothing and saves a second of deflate
            info.compress_type = zipfile.ZIP_STORED if name.endswith(".pdf") else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (staging / name).read_bytes())
    return buffer.getvalue()


def print_block(documents: list[PrintedDocument], order: Order, staging: Path, handoff: Handoff) -> PrintBlock:
    """The manifest's print block: the hand-off's files and their checksums, pages, copies, sheets,
    what is still to fill in."""
    files = {f"{PRINT_DIR}/{p.name}": sha256(p) for p in sorted(staging.iterdir()) if p.is_file()}
    files[handoff.zip_name] = hashlib.sha256(handoff.archive).hexdigest()
    return PrintBlock(
        key=handoff.key,
        packet=f"{PRINT_DIR}/{PACKET_PDF}",
        pages=handoff.pages,
        documents=len(documents),
        copies=order.lines[0].copies if order.lines else 0,
        copies_note=order.copies_note,
        sheets=order.totals["総枚数"],
        order=f"{PRINT_DIR}/{ORDER}.pdf",
        zip=handoff.zip_name,
        to_fill=tuple(order.to_fill),
        files=files,
    )


def print_record(previous: Manifest, documents: list[PrintedDocument], staging: Path, block: PrintBlock) -> Manifest:
    """The manifest with this print: each document's PDF, and the print block (no longer withdrawn)."""
    data = record_documents(previous, documents, staging)
    return data.model_copy(update={"print": block, "print_withdrawn": None})


def record_documents(data: Manifest, documents: list[PrintedDocument], staging: Path) -> Manifest:
    """``data`` (the manifest) with each document's record saying which PDF was made from which
    Office file."""
    printed = {
        doc.planned.entry.id: PrintedPdf(
            pages=doc.pages,
            pdf=f"{PRINT_DIR}/{doc.pdf}",
            pdf_sha256=sha256(staging / doc.pdf),
            pdf_source_sha256=doc.source_sha256,
            pdf_landscape=doc.landscape,
        )
        for doc in documents
    }
    return data.with_printed(printed)

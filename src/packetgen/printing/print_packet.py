"""packetgen print: the hand-off folder for the printing office.

outputs/DATE/print/ holds one PDF per document, packet.pdf (all of them in meeting order, one bookmark
each, a blank page after a document with an odd page count so each starts on a front side), the
印刷発注書 (PDF, CSV, XLSX) and previews; outputs/DATE/印刷データ_DATE.zip packs the files for sending;
outputs/DATE/printed/ keeps what was printed (text per page, page images) as the baseline of a later
review. Everything is made in the outputs workspace and committed with the manifest in one atomic step
(building/outputs.py), so a failed or killed print leaves the previous print folder as it was.

Same inputs, same bytes: LibreOffice's dates and /ID are pinned (office/convert.py's pin_pdf), the
order PDF is drawn without LibreOffice, previews and the zip are reproducible — and a print with
nothing changed converts and rewrites nothing. Heavy libraries are imported only when there is work.

The steps, each a module of its own that packetgen watch's proofs (proofs.py) share: pdfs, previews,
merge, order/files, page_text, preview_page, baseline, handoff.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from packetgen.building import outdated
from packetgen.building.layout import ORDER, ORDER_FILES, PACKET_PDF, PRINT_DIR, PRINTED_DIR, zip_name
from packetgen.building.packet import Packet
from packetgen.building.run import Progress, build
from packetgen.core import japanese, manifest
from packetgen.core.manifest import PrintBlock
from packetgen.printing.baseline import write_baseline
from packetgen.printing.handoff import Handoff, print_block, print_record, zip_files
from packetgen.printing.job import PrintJob
from packetgen.printing.merge import merge
from packetgen.printing.order.content import build_order
from packetgen.printing.order.model import Order
from packetgen.printing.page_text import printed_text
from packetgen.printing.preview_page import write_preview_page
from packetgen.render import font_files
from packetgen.review.page import Printed


@dataclass(frozen=True)
class PrintResult:
    folder: Path
    zip_path: Path
    total_pages: int  # of packet.pdf, blank pages included
    documents: int
    copies: int
    sheets: int
    copies_note: str
    unchanged: bool = False
    to_fill: list[str] = field(default_factory=list)


def print_packet(packet: Packet, only: Iterable[str] = (), say: Callable[[str], None] = print) -> PrintResult:
    font_files.require(packet.fonts)  # stops naming the font and its Debian package
    only = packet.known_ids(only)  # refuses unknown ids before anything happens
    plan = packet.plan()  # the whole packet is printed; the PDFs of ``only`` are converted anew
    folder = packet.folder
    with folder.locked(say):
        made = Progress(
            built=lambda b: say(f"  作成  {japanese.pad(b.planned.id, 10)} {b.planned.output_name}"), say=say
        )
        build(packet, plan, progress=made, held=True)
        out = packet.output_dir
        previous = manifest.read(out)  # as the build just left it
        key = outdated.print_key(packet, previous)
        block = None if only else outdated.print_block_fresh(packet, key, previous)
        if block is not None:
            say("  印刷データは最新です（入力もファイルも前回の印刷から変わっていません）")
            return _result(out, packet.key, block, unchanged=True)
        work = folder.scratch("print")
        job = PrintJob(packet, plan, previous, work / PRINT_DIR, say)
        order, block = _print(job, only, key, work / PRINTED_DIR)
        shutil.rmtree(work, ignore_errors=True)
    if order.to_fill:
        say(
            f"  注意：印刷発注書に「要記入」が{len(order.to_fill)}か所あります（{'、'.join(order.to_fill)}）。"
            f"{packet.meeting_label} の「印刷」に書いてから、発注してください"
        )
    return _result(out, packet.key, block)


def _print(job: PrintJob, only: list[str], key: str, printed: Path) -> tuple[Order, PrintBlock]:
    """Everything the print hands off, made in ``job.staging`` and ``printed`` (the new printed/),
    then committed with the manifest; returns the order and the manifest's print block."""
    # imported when there is work: they bring pypdf and Pillow, which a print with nothing to do skips
    from packetgen.printing.order.files import prepare, write_order
    from packetgen.printing.pdfs import print_pdfs
    from packetgen.printing.preview import Tiles
    from packetgen.printing.previews import Previews

    packet, staging = job.packet, job.staging
    staging.mkdir()
    printed.mkdir()
    previews = Previews(staging, job.say, Tiles())
    ahead = threading.Thread(target=prepare, args=(packet.fonts,), daemon=True)
    ahead.start()  # the order's libraries and fonts, loaded while LibreOffice converts
    try:
        documents = print_pdfs(job, previews, only)
        total = merge(documents, staging)
        order = build_order(packet, documents, PACKET_PDF, total)
        ahead.join()
        write_order(packet, order, staging)
        previews([f"{ORDER}.pdf"])
        text = printed_text(documents, staging, packet.output_dir / PRINTED_DIR)
    finally:
        previews.wait()
    for line in write_preview_page(job, Printed(packet.meeting.full_title, order, documents, text), printed):
        job.say(f"  {line}")
    write_baseline(documents, text, staging, printed)
    name = zip_name(packet.key)
    archive = zip_files(staging, [d.pdf for d in documents] + [PACKET_PDF, *ORDER_FILES])
    block = print_block(documents, order, staging, Handoff(key, total, name, archive))
    data = print_record(job.previous, documents, staging, block)
    files: dict[str, bytes | Path] = {PRINT_DIR: staging, PRINTED_DIR: printed, name: archive}
    files[manifest.NAME] = manifest.dumps(data)
    packet.folder.commit(files)
    return order, block


def _result(out: Path, key: str, block: PrintBlock, unchanged: bool = False) -> PrintResult:
    return PrintResult(
        folder=out / PRINT_DIR,
        zip_path=out / zip_name(key),
        total_pages=block.pages,
        documents=block.documents,
        copies=block.copies,
        sheets=block.sheets,
        copies_note=block.copies_note,
        unchanged=unchanged,
        to_fill=list(block.to_fill),
    )

"""Proofs for ``packetgen watch``: after a save, the changed documents' PDFs, their page images and
the preview page are brought up to date in print/, so staff proofread what will be printed.

Only what a proof needs: packet.pdf, the 印刷発注書 and the zip stay withdrawn until ``packetgen
print`` (which then reuses these PDFs), and printed/ — the baseline of the last print — is left alone.
Page images are redrawn only for pages whose text changed since the last proof (or, before any
proof, since the last print); the others are hard links to the images already drawn.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from packetgen.building import outdated
from packetgen.building.layout import ORDER, PACKET_PDF, PREVIEW_DIR, PRINT_DIR, PRINTED_DIR, pages_of
from packetgen.building.packet import Packet, PlannedDocument
from packetgen.core import manifest
from packetgen.printing.handoff import record_documents
from packetgen.printing.job import WORKERS, PrintedDocument, PrintJob, link
from packetgen.printing.order.content import build_order
from packetgen.printing.page_text import page_texts, printed_text
from packetgen.printing.pdfs import print_pdfs
from packetgen.printing.preview import Tiles
from packetgen.printing.preview_page import write_preview_page
from packetgen.printing.previews import Previews
from packetgen.review.page import Printed

CACHE = "proof-pages"  # in the workspace: each document's last proof, page images and text


def stale(packet: Packet, plan: list[PlannedDocument]) -> list[str]:
    """Ids of documents whose print PDF is missing or was made from another version of the file."""
    out = packet.output_dir
    records = manifest.read(out).by_id()
    return [
        doc.id
        for doc in plan
        if not outdated.pdf_reusable(out, doc, records.get(doc.id), outdated.sha256(out / doc.output_name))
    ]


def refresh(
    packet: Packet, plan: list[PlannedDocument], say: Callable[[str], None], tiles: Tiles | None = None
) -> list[str]:
    """Bring the proofs of every stale document up to date; returns their ids (none: nothing done).
    ``tiles``: the contact sheets' tiles, kept by the watch session from one refresh to the next."""
    folder = packet.folder
    with folder.locked(say):
        ids = stale(packet, plan)
        if not ids:
            return []
        out = packet.output_dir
        work = folder.scratch("proof")
        job = PrintJob(packet, plan, manifest.read(out), work / PRINT_DIR, say)
        scrap = work / "scrap"
        job.staging.mkdir()
        scrap.mkdir()
        cache = folder.workspace / CACHE
        texts: dict[str, list[str]] = {}
        previews = Previews(job.staging, say, tiles or Tiles(), lambda pdf: _unchanged_pages(pdf, cache, out, texts))
        try:
            documents = print_pdfs(job, previews, report_reused=False)
            text = printed_text(documents, job.staging, out / PRINTED_DIR, texts)
        finally:
            previews.wait()
        total = sum(d.pages + d.pages % 2 for d in documents)
        order = build_order(packet, documents, PACKET_PDF, total)
        notice = (
            f"校正用のプレビューです（packetgen watch）。packet.pdf・{ORDER}・zip は "
            f"packetgen print {packet.key} で作ります。"
        )
        # the build has just said what changed (so the lines returned go unsaid); the page marks the
        # changes since the last print
        write_preview_page(job, Printed(packet.meeting.full_title, order, documents, text), scrap, True, notice)
        data = record_documents(job.previous, documents, job.staging)
        folder.commit({PRINT_DIR: job.staging, manifest.NAME: manifest.dumps(data)})
        _keep(cache, documents, text, out / PRINT_DIR)
        shutil.rmtree(work, ignore_errors=True)
        return ids


def _unchanged_pages(pdf: Path, cache: Path, out: Path, texts: dict[str, list[str]]) -> dict[int, Path]:
    """Page index → an image already drawn of a page with the very same text (and page count).
    The PDF's text goes into ``texts`` for the preview page."""
    stem = pdf.stem
    now = texts[pdf.name] = page_texts(pdf)
    for text_file, images in (
        (cache / f"{stem}.json", cache / stem),
        (out / PRINTED_DIR / "text.json", out / PRINTED_DIR / "pages" / stem),
    ):
        try:
            before = json.loads(text_file.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        before = before.get(pdf.name) if isinstance(before, dict) else None
        if not isinstance(before, list) or len(before) != len(now):
            continue
        drawn = pages_of(images)
        if len(drawn) != len(before):
            continue
        return {i: drawn[i] for i, page in enumerate(before) if page == now[i]}
    return {}


def _keep(cache: Path, documents: list[PrintedDocument], text: dict[str, list[str]], print_dir: Path) -> None:
    """The proof just made, for the next save to compare with (hard links, no copies)."""
    for doc in documents:
        stem = Path(doc.pdf).stem
        target = cache / stem
        shutil.rmtree(target, ignore_errors=True)
        link(print_dir / PREVIEW_DIR / stem, target)
        (cache / f"{stem}.json").write_text(json.dumps({doc.pdf: text[doc.pdf]}, ensure_ascii=False), "utf-8")


def keep_offices_warm(workspace: Path, stop: threading.Event) -> None:
    """Start both LibreOffice slots now and keep them warm until ``stop`` (they stop on their own
    some minutes after)."""
    from packetgen.office.warm import WarmOffice, idle_seconds

    idle = idle_seconds()
    if idle <= 0:
        return
    offices = [WarmOffice(workspace, n) for n in range(1, WORKERS + 1)]
    while not stop.is_set():
        for office in offices:
            office.warm_up()
        stop.wait(max(5.0, idle / 3))

"""packetgen print: the hand-off folder for the printing office.

outputs/DATE/print/ holds one PDF per document, packet.pdf (all of them in meeting order, one bookmark
each, a blank page after a document with an odd page count so each starts on a front side), the
印刷発注書 (PDF, CSV, XLSX) and previews; outputs/DATE/印刷データ_DATE.zip packs the files for sending;
outputs/DATE/printed/ keeps what was printed (text per page, page images) as the baseline of a later
review. Everything is made in the outputs workspace and committed with the manifest in one atomic step
(outputs.py), so a failed or killed print leaves the previous print folder as it was.

Same inputs, same bytes: LibreOffice's dates and /ID are pinned (libreoffice.pin_pdf), the order PDF
is drawn without LibreOffice, previews and the zip are reproducible — and a print with nothing
changed converts and rewrites nothing. Heavy libraries are imported only when there is work.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from packetgen.build import outdated
from packetgen.build.layout import (
    ORDER,
    ORDER_FILES,
    PACKET_PDF,
    PREVIEW_DIR,
    PRINT_DIR,
    PRINTED_DIR,
    zip_name,
)
from packetgen.build.outdated import pdf_reusable, sha256
from packetgen.build.packet import Packet, PlannedDocument
from packetgen.build.run import Progress, build
from packetgen.core import manifest
from packetgen.core.errors import PacketError, Problem
from packetgen.render import font_files
from packetgen.render.ooxml import FIXED_ZIP_TIME

if TYPE_CHECKING:
    from packetgen.printing.preview import Tiles

WORKERS = 2  # LibreOffice processes and preview renderers at once: the machine's two cores


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
    only = list(dict.fromkeys(only))
    packet.plan(only)  # refuses unknown ids before anything happens
    plan = packet.plan()
    folder = packet.folder
    with folder.locked(say):
        made = Progress(built=lambda b: say(f"  作成  {b.planned.id:<10} {b.planned.output_name}"), say=say)
        build(packet, plan, progress=made, held=True)
        out = packet.output_dir
        previous = manifest.read(out)  # as the build just left it
        key = outdated.print_key(packet, previous)
        block = None if only else outdated.print_block_fresh(packet, key, previous)
        if block is not None:
            say("  印刷データは最新です（入力もファイルも前回の印刷から変わっていません）")
            return _result(out, packet.key, block, unchanged=True)
        work = folder.scratch("print")
        staging, printed = work / PRINT_DIR, work / PRINTED_DIR
        staging.mkdir()
        printed.mkdir()
        records = manifest.documents_by_id(previous)
        from packetgen.printing.preview import Tiles

        previews = _Previews(staging, say, Tiles())
        from packetgen.printing.order.files import prepare, write_order

        ahead = threading.Thread(target=prepare, args=(packet.fonts,), daemon=True)
        ahead.start()  # the order's libraries and fonts, loaded while LibreOffice converts
        try:
            documents = _documents(packet, plan, records, only, staging, folder.workspace, previews, say)
            total = _merge(documents, staging)
            from packetgen.printing.order.content import build_order

            order = build_order(packet, documents, PACKET_PDF, total)
            ahead.join()
            write_order(packet, order, staging)
            previews([f"{ORDER}.pdf"])
            text = _page_text(documents, staging, out / PRINTED_DIR)
        finally:
            previews.wait()
        _review(packet, previous, documents, order, text, staging, printed, say)
        _baseline(documents, text, staging, printed)
        archive = _zip(staging, [d.pdf for d in documents] + [PACKET_PDF, *ORDER_FILES])
        name = zip_name(packet.key)
        data = _record(previous, documents, order, staging, name, archive, total, key)
        files: dict[str, bytes | Path] = {PRINT_DIR: staging, PRINTED_DIR: printed, name: archive}
        files[manifest.NAME] = manifest.dumps(data)
        folder.commit(files)
        shutil.rmtree(work, ignore_errors=True)
    if order.to_fill:
        say(
            f"  注意：印刷発注書に「要記入」が{len(order.to_fill)}か所あります（{'、'.join(order.to_fill)}）。"
            f"{packet.meeting_label} の「印刷」に書いてから、発注してください"
        )
    return _result(out, packet.key, data["print"])


def _result(out: Path, key: str, block: dict[str, Any], unchanged: bool = False) -> PrintResult:
    return PrintResult(
        folder=out / PRINT_DIR,
        zip_path=out / zip_name(key),
        total_pages=block["pages"],
        documents=block["documents"],
        copies=block["copies"],
        sheets=block["sheets"],
        copies_note=block["copies_note"],
        unchanged=unchanged,
        to_fill=list(block.get("to_fill", [])),
    )


# --- the documents' PDFs ---------------------------------------------------------------------------
def _documents(
    packet: Packet,
    plan: list[PlannedDocument],
    records: dict[str, dict[str, Any]],
    only: list[str],
    staging: Path,
    workspace: Path,
    previews: _Previews,
    say: Callable[[str], None],
    report_reused: bool = True,
):
    """Each document's PDF: reused when made from the very same Office file (unless --only names it),
    otherwise converted — two LibreOffice processes at once, previews rendered as each finishes — and
    checked. A reused PDF was checked when it was made and its checksum still holds."""
    from packetgen.office.convert import Slots, convert_in_parallel
    from packetgen.printing import checks, pdf_facts
    from packetgen.printing.order.content import PrintedDocument

    out = packet.output_dir
    final = out / PRINT_DIR
    pdf_name = {d.entry.id: Path(d.output_name).with_suffix(".pdf").name for d in plan}
    source = {d.entry.id: sha256(out / d.output_name) for d in plan}
    reuse, render = [], []
    for doc in plan:
        record = records.get(doc.entry.id, {})
        unchanged = doc.entry.id not in only and pdf_reusable(out, doc, record, source[doc.entry.id])
        (reuse if unchanged else render).append(doc)
    for doc in reuse:  # the PDF and its previews, shared by hard link
        name = pdf_name[doc.entry.id]
        _link(final / name, staging / name)
        stem = Path(name).stem
        for rel in (f"{PREVIEW_DIR}/{stem}", f"{PREVIEW_DIR}/{stem}_一覧.png"):
            if (final / rel).exists():
                _link(final / rel, staging / rel)
    by_pdf = {pdf_name[d.entry.id]: d for d in render}
    checked: dict[str, tuple[int, bool, list[Problem]]] = {}

    def ready(pdfs: list[Path]) -> None:  # in the converting thread, as soon as its PDFs exist
        for pdf in pdfs:
            doc = by_pdf[pdf.name]
            facts = pdf_facts.read_facts(pdf)
            problems = checks.check_pdf(
                pdf.name, facts, doc.builder.expected_pages(out / doc.output_name), doc.context.fonts
            )
            paper, landscape = checks.check_paper(pdf.name, facts)
            checked[pdf.name] = (facts.pages, landscape, problems + paper)
        previews([p.name for p in pdfs])

    if render:
        previews.names += list(by_pdf)
        files = [out / d.output_name for d in render]
        convert_in_parallel(files, staging, packet.meeting.start, Slots(WORKERS, workspace), say, ready)
    problems: list[Problem] = []
    documents = []
    for doc in plan:
        name = pdf_name[doc.entry.id]
        if doc in reuse:
            record = records[doc.entry.id]
            pages, landscape = record["pages"], bool(record["pdf_landscape"])
        else:
            pages, landscape, found = checked[name]
            problems += found
        documents.append(PrintedDocument(doc, name, pages, landscape, doc in reuse, source[doc.entry.id]))
        if report_reused or doc not in reuse:
            say(f"  確認  {doc.entry.id:<10} {name}（{pages}ページ）" + ("　前回のPDFを使用" if doc in reuse else ""))
    if problems:
        raise PacketError("印刷用PDFに問題があります。印刷フォルダは変更していません。", problems)
    return documents


def page_texts(pdf: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext -layout; the output ends with a page break)."""
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    return pages[:-1] if pages and pages[-1] == "" else pages


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, copy_function=os.link)
    else:
        os.link(source, target)


# --- the whole set, the order, previews, the baseline, the zip ---------------------------------------
def _merge(documents, staging: Path) -> int:
    """packet.pdf: every document in meeting order, one bookmark each, and a blank page after a
    document with an odd page count so the next starts on a front side when printed double-sided."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for doc in documents:
        entry = doc.planned.entry
        bookmark = f"資料{entry.label}　{entry.title}" if entry.label else entry.title
        writer.append(str(staging / doc.pdf), outline_item=bookmark)
        if doc.pages % 2:
            last = PdfReader(str(staging / doc.pdf)).pages[-1]
            writer.add_blank_page(float(last.mediabox.width), float(last.mediabox.height))
    writer.add_metadata({"/Title": "会議資料一式", "/Producer": "packetgen"})
    with open(staging / PACKET_PDF, "wb") as handle:
        writer.write(handle)
    return len(writer.pages)


class _Previews:
    """Page images and a contact sheet per PDF: pages rendered by two worker processes as soon as
    each PDF is handed in, while checks, packet.pdf and the order go on; numbered in the progress.
    ``wait`` makes the contact sheets once all pages are there (and raises what went wrong)."""

    def __init__(
        self,
        staging: Path,
        say: Callable[[str], None],
        tiles: Tiles,
        earlier: Callable[[Path], dict[int, Path]] | None = None,
    ) -> None:
        from packetgen.printing.preview import PreviewPool

        self.staging, self.say, self.tiles, self.earlier = staging, say, tiles, earlier
        self.names = [f"{ORDER}.pdf"]  # the documents converted this time come first, the order last
        self.pool = PreviewPool()
        self.handed: list[str] = []

    def __call__(self, pdfs: list[str]) -> None:
        for name in pdfs:
            stem = Path(name).stem
            self.say(f"  プレビュー（{self.names.index(name) or len(self.names)}/{len(self.names)}）：{stem}")
            keep = self.earlier(self.staging / name) if self.earlier else None
            self.pool.submit(self.staging / name, self.staging / PREVIEW_DIR / stem, keep)
            self.handed.append(name)

    def wait(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        from packetgen.printing.preview import contact_sheet

        try:  # two at a time: Pillow decodes, scales and encodes without holding the GIL
            with ThreadPoolExecutor(WORKERS) as sheets:
                done = []
                for name in self.handed:
                    stem = Path(name).stem
                    pages = self.pool.finish(self.staging / name)
                    target = self.staging / PREVIEW_DIR / f"{stem}_一覧.png"
                    done.append(sheets.submit(contact_sheet, pages, target, self.tiles))
                for future in done:
                    future.result()
        finally:
            self.pool.close()


def _page_text(
    documents, staging: Path, previous: Path, known: dict[str, list[str]] | None = None
) -> dict[str, list[str]]:
    """The text of every printed page (pdftotext), reused from the last print for a reused PDF;
    ``known``: texts read already, by PDF name."""
    try:
        before = json.loads((previous / "text.json").read_text("utf-8"))
    except (OSError, ValueError):
        before = {}
    text: dict[str, list[str]] = {}
    for doc in documents:
        if known and len(known.get(doc.pdf, [])) == doc.pages:
            text[doc.pdf] = known[doc.pdf]
        elif doc.reused and isinstance(before.get(doc.pdf), list) and len(before[doc.pdf]) == doc.pages:
            text[doc.pdf] = before[doc.pdf]
        else:
            text[doc.pdf] = page_texts(staging / doc.pdf)[: doc.pages]
    return text


def _review(
    packet: Packet,
    data: dict[str, Any],
    documents,
    order,
    text: dict[str, list[str]],
    staging: Path,
    printed: Path,
    say: Callable[[str], None],
    live: bool = False,
    notice: str = "",
) -> None:
    """What changed since the previous print: one line per changed document, the text per
    slide/page/sheet of what is printed now (printed/office.json, for packetgen diff), and the
    preview page with the changed pages marked (print/preview/index.html)."""
    from packetgen.render import office_text as office_text
    from packetgen.review import diff, page

    out = packet.output_dir
    snapshot = office_text.current(out, data.get("documents", []), office_text.kept(data, "built"))
    snapshot = {k: v for k, v in snapshot.items() if k in {d.planned.entry.id for d in documents}}
    before = office_text.load(out / office_text.PRINTED_OFFICE)
    for line in diff.summaries(diff.compare(before, snapshot)) if before is not None else ():
        say(f"  {line}")
    (printed / Path(office_text.PRINTED_OFFICE).name).write_bytes(office_text.dumps(snapshot))
    # a live page's version follows the PDFs too: a page image can change while the text stays
    shown = "".join(sha256(staging / d.pdf) for d in documents) if live else ""
    printed_now = page.Printed(packet.meeting.full_title, order, documents, text)
    html = page.page(printed_now, staging / PREVIEW_DIR, out / PRINTED_DIR, shown, notice)
    (staging / PREVIEW_DIR / page.PAGE_FILE).write_text(html, "utf-8")
    if live:  # what the open page polls: it reloads itself when this names another version
        (staging / PREVIEW_DIR / page.LIVE_FILE).write_text(page.live_script(html), "utf-8")


def _baseline(documents, text: dict[str, list[str]], staging: Path, printed: Path) -> None:
    """printed/: the text of every printed page and the page images, kept outside print/ so that
    withdrawing stale print data never loses what was last handed to the printer."""
    for doc in documents:
        stem = Path(doc.pdf).stem
        _link(staging / PREVIEW_DIR / stem, printed / "pages" / stem)
    (printed / "text.json").write_text(json.dumps(text, ensure_ascii=False, indent=1) + "\n", "utf-8")


def _zip(staging: Path, names: list[str]) -> bytes:
    """The hand-off: the PDFs and the order files, with fixed entry times (previews stay for staff)."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(f"{PRINT_DIR}/{name}", date_time=FIXED_ZIP_TIME)
            # PDFs are compressed already: storing them costs nothing and saves a second of deflate
            info.compress_type = zipfile.ZIP_STORED if name.endswith(".pdf") else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (staging / name).read_bytes())
    return buffer.getvalue()


def _record(previous: dict, documents, order, staging: Path, name: str, archive: bytes, total: int, key: str) -> dict:
    data = _record_documents(dict(previous), documents, staging)
    data.pop("print_withdrawn", None)
    files = {f"{PRINT_DIR}/{p.name}": sha256(p) for p in sorted(staging.iterdir()) if p.is_file()}
    files[name] = hashlib.sha256(archive).hexdigest()
    data["print"] = {
        "key": key,
        "packet": f"{PRINT_DIR}/{PACKET_PDF}",
        "pages": total,
        "documents": len(documents),
        "copies": order.lines[0].copies if order.lines else 0,
        "copies_note": order.copies_note,
        "sheets": order.totals["総枚数"],
        "order": f"{PRINT_DIR}/{ORDER}.pdf",
        "zip": name,
        "to_fill": order.to_fill,
        "files": files,
    }
    return data


def _record_documents(data: dict, documents, staging: Path) -> dict:
    """Each document's record says which PDF was made from which Office file."""
    by_id = manifest.documents_by_id(data)
    for doc in documents:
        record = by_id.get(doc.planned.entry.id)
        if record is not None:
            record |= {
                "pages": doc.pages,
                "pdf": f"{PRINT_DIR}/{doc.pdf}",
                "pdf_sha256": sha256(staging / doc.pdf),
                "pdf_source_sha256": doc.source_sha256,
                "pdf_landscape": doc.landscape,
            }
    return data

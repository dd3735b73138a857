"""packetgen print: the hand-off folder for the printing office.

outputs/DATE/print/ holds one PDF per document, packet.pdf (all of them in meeting order, one
bookmark each), the 印刷発注書 (PDF, CSV, XLSX) and previews; outputs/DATE/印刷データ_DATE.zip packs
it for sending. Everything is made in the outputs workspace and committed with the manifest in one
atomic step (outputs.py), so a failed or killed print leaves the previous print folder as it was.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from packetgen import manifest
from packetgen.documents import DocumentBuilder
from packetgen.errors import PacketError, Problem
from packetgen.packet import Packet, PlannedDocument
from packetgen.printing.libreoffice import convert_to_pdf
from packetgen.printing.order import COLUMNS, Order, OrderLine, order_csv, order_xlsx
from packetgen.printing.pdf_checks import PageText, PdfFacts, read_facts
from packetgen.printing.preview import contact_sheet, render_pages
from packetgen.render import font_files
from packetgen.render.fonts import FontSetting
from packetgen.render.ooxml import FIXED_ZIP_TIME

PRINT_DIR = "print"
PACKET_PDF = "packet.pdf"
ORDER = "印刷発注書"
A4 = (595.3, 841.9)  # points
COLOUR_SUFFIXES = (".pptx", ".xlsx")  # slides and charts print in colour unless the meeting file says
# Legible on paper: no glyph under 8 pt, and most of a page's text at 10 pt or more (measured in the PDF,
# so a sheet shrunk to fit its page is caught too). SLACK absorbs the PDF's rounding of 8 pt to 7.99.
SMALLEST_PT = 8.0
MEDIAN_PT = 10.0
SLACK_PT = 0.05


@dataclass(frozen=True)
class PrintedDocument:
    planned: PlannedDocument
    pdf: str
    pages: int
    reused: bool
    source_sha256: str  # of the Office file the PDF was made from


@dataclass(frozen=True)
class PrintResult:
    folder: Path
    documents: list[PrintedDocument]
    order: Order
    zip_path: Path
    total_pages: int


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def print_packet(packet: Packet, only: Iterable[str] = (), say: Callable[[str], None] = print) -> PrintResult:
    font_files.require(packet.fonts)  # stops naming the font and its Debian package
    only = list(dict.fromkeys(only))
    packet.plan(only)  # refuses unknown ids before anything happens
    folder = packet.folder
    with folder.locked():
        for b in packet.build(skipped=lambda d: None):
            say(f"  作成  {b.planned.entry.id:<10} {b.planned.output_name}")
        plan = packet.plan()
        out = packet.output_dir
        previous = manifest.read(out)
        staging = folder.scratch("print")
        documents = _render_documents(
            plan, out, out / PRINT_DIR, staging, manifest.documents_by_id(previous), only, say
        )
        total = _merge(documents, staging)
        order = _order(packet, documents)
        _write_order(packet, order, staging)
        _previews(staging, [d.pdf for d in documents] + [f"{ORDER}.pdf"])
        zip_name = f"印刷データ_{packet.key}.zip"
        archive = _zip(staging, PRINT_DIR)
        data = _record(previous, documents, order, staging, zip_name, archive, total)
        folder.commit({PRINT_DIR: staging, zip_name: archive, manifest.NAME: manifest.dumps(data)})
    return PrintResult(out / PRINT_DIR, documents, order, out / zip_name, total)


def _render_documents(
    plan: list[PlannedDocument],
    out: Path,
    final: Path,
    staging: Path,
    previous: dict,
    only: list[str],
    say: Callable[[str], None],
) -> list[PrintedDocument]:
    """Convert what changed in one LibreOffice call; a PDF made from the same source bytes is reused
    (unless --only names its document)."""
    pdf_name = {d.entry.id: Path(d.output_name).with_suffix(".pdf").name for d in plan}
    reuse, render = [], []
    for doc in plan:
        old_pdf = final / pdf_name[doc.entry.id]
        record = previous.get(doc.entry.id, {})
        unchanged = (
            doc.entry.id not in only
            and old_pdf.is_file()
            and record.get("pdf_sha256") == sha256(old_pdf)
            and record.get("pdf_source_sha256") == sha256(out / doc.output_name)
        )
        (reuse if unchanged else render).append(doc)
    for doc in reuse:
        shutil.copy2(final / pdf_name[doc.entry.id], staging / pdf_name[doc.entry.id])
    if render:
        say(f"  PDF   {len(render)}件を LibreOffice で変換中…")
        convert_to_pdf([out / d.output_name for d in render], staging)
    problems: list[Problem] = []
    documents = []
    for doc in plan:
        name = pdf_name[doc.entry.id]
        facts = read_facts(staging / name)
        problems += _check(name, facts, doc.builder.expected_pages(out / doc.output_name), doc.context.fonts)
        problems += _check_paper(staging / name)
        documents.append(PrintedDocument(doc, name, facts.pages, doc in reuse, sha256(out / doc.output_name)))
        say(f"  確認  {doc.entry.id:<10} {name}（{facts.pages}ページ）" + ("　前回のPDFを使用" if doc in reuse else ""))
    if problems:
        raise PacketError("印刷用PDFに問題があります。印刷フォルダは変更していません。", problems)
    return documents


def _check(name: str, facts: PdfFacts, expected: tuple[int, int | None], fonts: FontSetting) -> list[Problem]:
    problems = []
    low, high = expected
    if facts.pages < low or (high is not None and facts.pages > high):
        want = f"{low}" if low == high else f"{low}以上" if high is None else f"{low}〜{high}"
        message = f"ページ数が {facts.pages} です（想定：{want}ページ）。元のファイルが壊れていないか確認してください"
        problems.append(Problem(name, message))
    if not facts.fonts:
        problems.append(Problem(name, "文字がありません（フォントが1つも使われていません）"))
    loose = [f.name for f in facts.fonts if not f.embedded]
    if loose:
        problems.append(Problem(name, f"埋め込まれていないフォントがあります：{'、'.join(loose)}"))
    foreign = [f.name for f in facts.fonts if not f.one_of(font_files.pdf_families(fonts))]
    if foreign:  # LibreOffice drew some glyphs in a fallback font: the configured one lacks them
        problems.append(
            Problem(
                name,
                f"フォント設定（{fonts.source}）にないフォントで印刷される文字があります：{'、'.join(foreign)}"
                f"（設定：{fonts.describe()}）。設定のフォントにない文字です。文字を替えるか、"
                "その文字を持つフォントを設定してください",
            )
        )
    return problems + _check_sizes(name, facts.text)


def _check_sizes(name: str, pages: tuple[PageText, ...]) -> list[Problem]:
    """One problem per page whose text prints too small to read: the sizes, and a piece of the text."""
    problems = []
    for page in pages:
        parts = []
        if page.smallest < SMALLEST_PT - SLACK_PT:
            sample = f"（「{page.smallest_text[:20]}」など）" if page.smallest_text else ""
            parts.append(f"最小の文字が {page.smallest:.1f}pt です{sample}（{SMALLEST_PT:g}pt 以上が必要）")
        if page.median < MEDIAN_PT - SLACK_PT:
            parts.append(f"文字の大きさの中央値が {page.median:.1f}pt です（{MEDIAN_PT:g}pt 以上が必要）")
        if parts:
            problems.append(Problem(name, f"{page.page}ページ目：" + "、".join(parts)))
    return problems


def _check_paper(pdf: Path) -> list[Problem]:
    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
        if abs(size[0] - A4[0]) > 3 or abs(size[1] - A4[1]) > 3:
            return [Problem(pdf.name, f"{number}ページ目の用紙が A4 ではありません（{size[0]:.0f}×{size[1]:.0f}pt）")]
    return []


def _merge(documents: list[PrintedDocument], staging: Path) -> int:
    writer = PdfWriter()
    for doc in documents:
        entry = doc.planned.entry
        bookmark = f"資料{entry.label}　{entry.title}" if entry.label else entry.title
        writer.append(str(staging / doc.pdf), outline_item=bookmark)
    writer.add_metadata({"/Title": "会議資料一式", "/Producer": "packetgen"})
    with open(staging / PACKET_PDF, "wb") as handle:
        writer.write(handle)
    return sum(d.pages for d in documents)


def _order(packet: Packet, documents: list[PrintedDocument]) -> Order:
    settings = packet.meeting.printing
    note = None
    for doc in packet.plan():
        if type(doc.builder).attendees is not DocumentBuilder.attendees:  # this document knows who attends
            ((_, data),) = packet.check([doc.entry.id])
            note = doc.builder.attendees(data)
            if note:
                break
    if settings.copies is not None:
        copies, text = settings.copies, f"{settings.copies}部（会議ファイルで指定）"
    elif note:
        copies = note[1] + settings.spares
        text = f"{note[0]}＋予備{settings.spares}部＝{copies}部"
    else:
        copies, text = settings.spares, f"予備{settings.spares}部（名簿がないため）"
    lines = []
    for doc in documents:
        entry, suffix = doc.planned.entry, doc.planned.builder.suffix
        duplex = True if entry.print.duplex is None else entry.print.duplex
        colour = suffix in COLOUR_SUFFIXES if entry.print.colour is None else entry.print.colour
        lines.append(
            OrderLine(entry.label and f"資料{entry.label}", entry.title, doc.pdf, doc.pages, duplex, colour, copies)
        )
    return Order(packet.meeting.full_title, packet.meeting.datetime_text, lines, text)


def _write_order(packet: Packet, order: Order, staging: Path) -> None:
    (staging / f"{ORDER}.csv").write_bytes(order_csv(order))
    xlsx = staging / f"{ORDER}.xlsx"
    xlsx.write_bytes(order_xlsx(order, packet.meeting.start, packet.meeting.session_label, packet.fonts))
    with tempfile.TemporaryDirectory(dir=staging) as tmp:
        (pdf,) = convert_to_pdf([xlsx], Path(tmp))
        facts = read_facts(pdf)
        # one page for a usual meeting; a long order runs on, its header repeated, rather than shrink
        problems = _check(pdf.name, facts, (1, None), packet.fonts) + _check_paper(pdf) + _check_order_width(pdf)
        if problems:
            raise PacketError("印刷発注書のPDFに問題があります", problems)
        shutil.move(pdf, staging / f"{ORDER}.pdf")


def _check_order_width(pdf: Path) -> list[Problem]:
    """Every page of the order shows the table's last column (its header row repeats on each page):
    otherwise the table was split across pages, its right-hand columns printed apart."""
    last = COLUMNS[-1]
    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        if last not in "".join(page.extract_text().split()):
            return [
                Problem(
                    pdf.name, f"{number}ページ目に表の右端の列「{last}」がありません（表が用紙の幅に収まっていません）"
                )
            ]
    return []


def _previews(staging: Path, pdfs: list[str]) -> None:
    folder = staging / "preview"
    for name in pdfs:
        stem = Path(name).stem
        pages = render_pages(staging / name, folder / stem)
        contact_sheet(pages, folder / f"{stem}_一覧.png")


def _zip(staging: Path, root: str) -> bytes:
    """The hand-off: the PDFs and the order files (previews stay for staff), with fixed entry times."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in staging.iterdir() if p.is_file()):
            info = zipfile.ZipInfo(f"{root}/{path.name}", date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def _record(
    previous: dict,
    documents: list[PrintedDocument],
    order: Order,
    staging: Path,
    zip_name: str,
    archive: bytes,
    total: int,
) -> dict:
    data = dict(previous)
    by_id = manifest.documents_by_id(data)
    for doc in documents:
        record = by_id.get(doc.planned.entry.id)
        if record is not None:
            record |= {
                "pages": doc.pages,
                "pdf": f"{PRINT_DIR}/{doc.pdf}",
                "pdf_sha256": sha256(staging / doc.pdf),
                "pdf_source_sha256": doc.source_sha256,
            }
    data["print"] = {
        "packet": f"{PRINT_DIR}/{PACKET_PDF}",
        "packet_sha256": sha256(staging / PACKET_PDF),
        "pages": total,
        "copies": order.lines[0].copies if order.lines else 0,
        "sheets": order.totals["総枚数"],
        "order": f"{PRINT_DIR}/{ORDER}.pdf",
        "zip": zip_name,
        "zip_sha256": hashlib.sha256(archive).hexdigest(),
    }
    return data

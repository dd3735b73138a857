"""The order's three files in a print (印刷発注書.pdf, .csv, .xlsx): drawn, or taken from the workspace
when the order is the same as last time, and its PDF checked like every PDF that goes to print."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from pathlib import Path

from packetgen.building.layout import ORDER, ORDER_FILES
from packetgen.building.outdated import code_version
from packetgen.building.packet import Packet
from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting
from packetgen.printing import checks, pdf_facts
from packetgen.printing.order.model import Order
from packetgen.render import font_files

ORDER_CACHE = "order-cache"  # in the workspace: the last order's files, by what they are made from


def prepare(fonts: FontSetting) -> None:
    """What drawing an order costs before it knows its lines: the libraries and the fonts. print runs
    it on a thread while LibreOffice converts (the wait leaves a core free); errors wait for the draw."""
    import openpyxl  # noqa: F401
    import reportlab.platypus  # noqa: F401

    from packetgen.printing.order.pdf_fonts import pdf_fonts

    with contextlib.suppress(PacketError):  # said again, and stopped on, when the order is drawn
        pdf_fonts(fonts)


def order_key(packet: Packet, order: Order) -> str:
    """Everything the order files are made from: the order's content, the meeting's date and name,
    the font setting and the font files it resolves to, and packetgen itself."""
    files = [font_files.resolve(packet.fonts.gothic, bold) for bold in (False, True)]
    stamps = [(f.file, Path(f.file).stat().st_mtime_ns) for f in files if f is not None]
    made_of = (code_version(), repr(order), packet.meeting.start, packet.meeting.session_label, packet.fonts, stamps)
    return hashlib.sha256(repr(made_of).encode()).hexdigest()


def write_order(packet: Packet, order: Order, staging: Path) -> None:
    """The 印刷発注書 as PDF, CSV and XLSX in ``staging``. An order the same as last time (an edit that
    changed no page count) is taken from the workspace: drawing it costs about a second (reportlab
    reads the font files, openpyxl and reportlab are imported)."""
    key = order_key(packet, order)
    cache = packet.folder.workspace / ORDER_CACHE
    # copies, not links: an order file opened and saved in place must not change the kept one
    if all((cache / key / name).is_file() for name in ORDER_FILES):
        for name in ORDER_FILES:
            shutil.copyfile(cache / key / name, staging / name)
        check_order(packet, staging)
        return
    draw_order(packet, order, staging)
    check_order(packet, staging)
    shutil.rmtree(cache, ignore_errors=True)  # one order kept: the last
    (cache / key).mkdir(parents=True)
    for name in ORDER_FILES:
        shutil.copyfile(staging / name, cache / key / name)


def draw_order(packet: Packet, order: Order, staging: Path) -> None:
    """The three files drawn (the formats' libraries are imported here, when an order is drawn)."""
    from packetgen.printing.order.as_csv import order_csv
    from packetgen.printing.order.as_pdf import order_pdf
    from packetgen.printing.order.as_xlsx import order_xlsx

    (staging / f"{ORDER}.csv").write_bytes(order_csv(order))
    (staging / f"{ORDER}.xlsx").write_bytes(
        order_xlsx(order, packet.meeting.start, packet.meeting.session_label, packet.fonts)
    )
    (staging / f"{ORDER}.pdf").write_bytes(order_pdf(order, packet.fonts))


def check_order(packet: Packet, staging: Path) -> None:
    """The order's PDF is measured like every PDF that goes to print, drawn now or kept (40 ms)."""
    pdf = staging / f"{ORDER}.pdf"
    facts = pdf_facts.read_facts(pdf)
    problems = checks.check_pdf(pdf.name, facts, (1, None), packet.fonts) + checks.check_paper(pdf.name, facts)[0]
    if problems:
        raise PacketError("印刷発注書のPDFに問題があります", problems)

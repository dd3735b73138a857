"""What the 印刷発注書 says: the Order (model.py) built from meeting.yaml's 印刷 settings, the agenda's
lists and the PDFs (as_csv.py, as_xlsx.py and as_pdf.py write it). Nothing is invented: a value no
input gives is 「要記入」, and print warns.

Orientation and flip edge: every copy is stapled top left and turned like a book from its left edge,
so a 縦 document prints 長辺とじ and a 横 one 短辺とじ — the back of each sheet is then upright.
"""

from __future__ import annotations

from packetgen.building.packet import Packet, PlannedDocument
from packetgen.core import japanese
from packetgen.inputs.meeting import TO_FILL, PrintSettings
from packetgen.printing.job import PrintedDocument
from packetgen.printing.order.model import Order, OrderLine

# slides and charts print in colour unless the meeting file says; Word documents and PDFs given as
# they are (a 原稿, whose colours packetgen does not know) in black and white
COLOUR_SUFFIXES = (".pptx", ".xlsx")


def copies(plan: list[PlannedDocument], settings: PrintSettings) -> tuple[int, str]:
    """Copies and how they were counted: the agenda's members and staff, named extras and spares."""
    if settings.copies is not None:
        return settings.copies, f"{settings.copies}部（会議ファイルで指定）"
    # the first document of a kind that lists who attends (次第) counts them
    lists = next((doc for doc in plan if doc.kind.lists_attendees), None)
    note = lists.builder.attendees(lists.context, settings.without_absent) if lists is not None else None
    parts, total = ([note[0]], note[1]) if note else (["名簿なし"], 0)
    for name, count in settings.extra_copies.items():
        parts.append(f"{name}{count}部")
        total += count
    parts.append(f"予備{settings.spares}部")
    total += settings.spares
    return total, "＋".join(parts) + f"＝{total}部"


def _or_fill(value: str | None) -> str:
    return value if value else TO_FILL


def details(packet: Packet, settings: PrintSettings, copies_note: str) -> tuple[tuple[str, str], ...]:
    meeting = packet.meeting
    who = settings.orderer
    paper = f"{settings.paper.size}・{settings.paper.quality}"
    if settings.paper.recycled is not None:
        paper += "・再生紙" if settings.paper.recycled else "・再生紙以外"
    binding = settings.binding
    bound = f"資料ごとに{binding.method}" if binding.unit == "資料ごと" else f"一式（全資料）を{binding.method}"
    order_names = "、".join(e.short_name for e in meeting.documents)
    due = settings.due
    return (
        ("件名", settings.subject or f"{meeting.full_title} 会議資料の印刷"),
        ("会議", f"{meeting.full_title}（{meeting.datetime_text}）"),
        ("発注者（課）", _or_fill(who.section)),
        ("発注者（担当者）", _or_fill(who.person)),
        ("電話", _or_fill(who.phone)),
        ("メール", who.mail or "—"),
        ("発注日", japanese.wareki_with_weekday(settings.ordered_on) if settings.ordered_on else TO_FILL),
        ("納期", f"{japanese.wareki_with_weekday(due.date())}{due:%H:%M}まで" if due else TO_FILL),
        ("納品場所", _or_fill(settings.delivery)),
        ("部数", copies_note),
        ("用紙", paper),
        ("綴じ方", bound),
        ("丁合", f"あり（{order_names}の順）" if settings.collate else "なし"),
        ("校正", "要（印刷前に校正刷りを確認します）" if settings.proof == "要" else "不要（PDFのとおり印刷）"),
        ("備考", settings.note or "—"),
    )


def instructions(
    settings: PrintSettings, lines: list[OrderLine], packet_pdf: str, packet_pages: int
) -> tuple[str, ...]:
    count = lines[0].copies if lines else 0
    method = settings.binding.method
    said = []
    if settings.binding.unit == "資料ごと":
        said.append(
            f"印刷するファイル：下表の資料ごとのPDF（{len(lines)}ファイル）。各{count}部を、表の両面/片面・"
            f"カラー/モノクロ・とじ方向のとおりに印刷し、資料ごとに{method}してください。"
        )
        said.append(
            f"{packet_pdf} は全資料を会議の順に1つにしたもの（確認用、{packet_pages}ページ）です。印刷には使いません。"
        )
    else:
        said.append(
            f"印刷するファイル：{packet_pdf}（全資料を会議の順に1つにしたもの、{packet_pages}ページ）。"
            f"{count}部を両面で印刷し、一式を{method}してください。資料ごとのPDFは確認用です。"
        )
    said.append(
        f"{packet_pdf} では、各資料が用紙の表面から始まるよう、ページ数が奇数の資料の後に白紙ページを入れてあります。"
    )
    if any(line.duplex for line in lines):
        said.append(
            "両面の資料は、縦の資料は長辺とじ、横の資料は短辺とじで印刷してください"
            "（左上をとめて左から開いたとき、裏面も正しい向きになります）。"
        )
    if settings.collate:
        said.append("丁合：各部を表の順（No順）に重ねてください。")
    return tuple(said)


def build_order(packet: Packet, documents: list[PrintedDocument], packet_pdf: str, packet_pages: int) -> Order:
    settings = packet.meeting.printing
    count, note = copies([d.planned for d in documents], settings)
    binding = settings.binding.method if settings.binding.unit == "資料ごと" else "一式で綴じる"
    lines = []
    for doc in documents:
        entry = doc.planned.entry
        suffix = doc.planned.kind.output_suffix(entry)  # a paper included as it is keeps its own
        lines.append(
            OrderLine(
                label=entry.label and japanese.material_label(entry.label),
                title=entry.title,
                file=doc.pdf,
                pages=doc.pages,
                duplex=True if entry.print.duplex is None else entry.print.duplex,
                colour=suffix in COLOUR_SUFFIXES if entry.print.colour is None else entry.print.colour,
                copies=count,
                landscape=doc.landscape,
                binding=binding,
            )
        )
    return Order(
        meeting=packet.meeting.full_title,
        date_text=packet.meeting.datetime_text,
        lines=lines,
        copies_note=note,
        details=details(packet, settings, note),
        instructions=instructions(settings, lines, packet_pdf, packet_pages),
        packet=packet_pdf,
        packet_pages=packet_pages,
    )

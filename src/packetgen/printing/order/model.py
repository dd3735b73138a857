"""The 印刷発注書's model: the print order — the heading block (件名, 発注者, 納期, 用紙, 綴じ方 …), per
document its 資料 label, file, pages, 向き, sides and とじ方向, colour, binding and copies with the
totals of sheets and pages, and the instructions in words. content.py builds it from the packet;
as_csv.py, as_xlsx.py and as_pdf.py write it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from packetgen.inputs.meeting import TO_FILL

TITLE = "印刷発注書"
PAPER = "A4"


@dataclass(frozen=True)
class Column:
    name: str  # the CSV's header, and the key of a line's cells
    header: str  # the printed header: broken where the name is wider than the column's values
    align: str = "left"  # left, center or right
    wraps: bool = False  # long text: the column takes a share of the width the others leave
    printed: bool = True  # False: in the CSV only (用紙 is the same for every line: the heading says it)


TABLE = (
    Column("No", "No", "center"),
    Column("資料番号", "資料番号", "center"),
    Column("資料名", "資料名", wraps=True),
    Column("ファイル", "ファイル", wraps=True),
    Column("ページ数", "ページ\n数", "right"),
    Column("用紙", "用紙", "center", printed=False),
    Column("向き", "向き", "center"),
    Column("両面/片面", "両面/\n片面", "center"),
    Column("とじ方向", "とじ\n方向", "center"),
    Column("カラー/モノクロ", "カラー/\nモノクロ", "center"),
    Column("綴じ方", "綴じ方", wraps=True),
    Column("部数", "部数", "right"),
    Column("1部の枚数", "1部の\n枚数", "right"),
    Column("総枚数", "総枚数", "right"),
    Column("総ページ数", "総ページ\n数", "right"),
)
COLUMNS = tuple(c.name for c in TABLE)  # the CSV's header row; the last is the printed table's last column
PRINTED = tuple(c for c in TABLE if c.printed)
INSTRUCTIONS = "印刷の指示"
SHEETS_NOTE = "総枚数＝1部の枚数×部数（両面は2ページで1枚）"  # printed in the 計 row's empty cells


@dataclass(frozen=True)
class OrderLine:
    label: str
    title: str
    file: str  # the PDF to print for this document
    pages: int
    duplex: bool
    colour: bool
    copies: int
    landscape: bool = False  # the document's pages are A4 横
    binding: str = "左上1か所ホチキス留め"  # how each copy of this document is bound ("一式で綴じる" …)

    @property
    def orientation(self) -> str:
        return "横" if self.landscape else "縦"

    @property
    def flip(self) -> str:
        """The duplex flip that keeps the back upright when the copy is turned like a book from its
        left edge (the staple is top left): 長辺とじ for 縦 pages, 短辺とじ for 横 ones."""
        if not self.duplex:
            return "—"
        return "短辺とじ" if self.landscape else "長辺とじ"

    @property
    def sheets_per_copy(self) -> int:
        return -(-self.pages // 2) if self.duplex else self.pages

    @property
    def sheets(self) -> int:
        return self.sheets_per_copy * self.copies

    @property
    def printed_pages(self) -> int:
        return self.pages * self.copies

    def cells(self, number: int) -> list[object]:
        """The line's values in ``COLUMNS`` order."""
        values: dict[str, object] = {
            "No": number,
            "資料番号": self.label or "—",
            "資料名": self.title,
            "ファイル": self.file,
            "ページ数": self.pages,
            "用紙": PAPER,
            "向き": self.orientation,
            "両面/片面": "両面" if self.duplex else "片面",
            "とじ方向": self.flip,
            "カラー/モノクロ": "カラー" if self.colour else "モノクロ",
            "綴じ方": self.binding,
            "部数": self.copies,
            "1部の枚数": self.sheets_per_copy,
            "総枚数": self.sheets,
            "総ページ数": self.printed_pages,
        }
        return [values[name] for name in COLUMNS]


@dataclass(frozen=True)
class Order:
    meeting: str
    date_text: str
    lines: list[OrderLine]
    copies_note: str  # how the copies were counted, e.g. 委員16名＋市側出席者5名＋予備5部
    # The order's heading block, (項目, 内容) in the order a printing office reads them: 件名, 発注者,
    # 発注日, 納期, 納品場所, 用紙, 綴じ方, 丁合, 校正, 備考 …; TO_FILL where no input gives the value.
    details: tuple[tuple[str, str], ...] = ()
    # What to print, in words: which files, and how (e.g. 「資料ごとのPDF（5ファイル）を各26部…」).
    instructions: tuple[str, ...] = ()
    packet: str = "packet.pdf"  # the whole set as one PDF, with blank pages so each 資料 starts on a front
    packet_pages: int = 0

    @property
    def to_fill(self) -> list[str]:
        """The heading items still marked 要記入 (the whole value, or a part of it): print warns about each."""
        return [label for label, value in self.details if TO_FILL in value]

    @property
    def heading(self) -> tuple[tuple[str, str], ...]:
        """The heading block as printed: the details, or (an order built without them) the meeting and
        how the copies were counted."""
        if self.details:
            return self.details
        return (("会議", f"{self.meeting}（{self.date_text}）"), ("部数", self.copies_note))

    @property
    def notes(self) -> tuple[str, ...]:
        """The CSV's instructions: the order's, then how the totals are counted (which the printed forms
        say in the 計 row)."""
        return (*self.instructions, SHEETS_NOTE)

    @property
    def totals(self) -> dict[str, int]:
        return {
            "ページ数": sum(line.pages for line in self.lines),
            "1部の枚数": sum(line.sheets_per_copy for line in self.lines),
            "総枚数": sum(line.sheets for line in self.lines),
            "総ページ数": sum(line.printed_pages for line in self.lines),
        }

    def total_cells(self) -> list[object]:
        """The totals row in ``COLUMNS`` order (blank where a sum means nothing)."""
        t = self.totals
        return [t.get(name, "") if name != "No" else "計" for name in COLUMNS]

    def rows(self) -> list[list[object]]:
        return [line.cells(i) for i, line in enumerate(self.lines, start=1)]

"""A PDF paper given as it is (a 原稿 from the prefecture or another section): read and checked before
the packet's marks are put on it (pdf_stamp.py draws them).

What is read: whether it is a PDF that opens without a password, its pages' visible sizes, the fonts
its printing text does not embed (the printing office would print those in fonts of its own), and
whether the places of the marks are free of the paper's ink. Reasons are in Japanese: the caller names the file.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

MM = 72 / 25.4  # points per millimetre
A4 = (595.3, 841.9)  # points; printing/checks.py holds every print PDF to it (is_a4)
A4_SLACK = 3.0  # points either way, as the print check allows

# Where the marks go, measured from the page's visible edges (its crop box as shown, /Rotate applied).
# As near the edge as office and on-demand printers still print (they leave ~4–5 mm), so a paper
# laid out with the usual 15–30 mm margins keeps its content clear of them.
LABEL_PT = 10.0  # the 資料 label, as in the Word documents (templates/donation.docx's 資料ラベル)
FOLIO_PT = 9.0  # 「－ n －」, as the Word documents' footers (ページ番号)
LABEL_RIGHT_MM = 10.0  # the label's right end, from the right edge
LABEL_BASELINE_MM = 10.0  # its baseline, from the top edge
FOLIO_BASELINE_MM = 7.0  # the folio's baseline, from the bottom edge
PAD_MM = 1.0  # around a mark, the room that must be free of ink too
INK = 160  # a grey level (0 black … 255 white) darker than this is ink; paper tints and scan haze are lighter
INK_SHARE = 0.003  # a mark's place is taken when this share of its pixels is ink (a rule, a word); specks are not
DPI = 100  # resolution of the ink check: 1 mm is 4 pixels


DAMAGED = "PDF として読めません（ファイルが壊れているようです）"


class Unreadable(Exception):
    """The file is not a PDF packetgen can use; the message says why, in Japanese."""


@dataclass(frozen=True)
class PdfPaper:
    pages: int
    sizes: tuple[tuple[float, float], ...]  # each page's visible (width, height) in points
    loose_fonts: tuple[str, ...]  # fonts of printing text that are not embedded (``_loose_fonts``)


@dataclass(frozen=True)
class Box:
    """A rectangle on the visible page, in points from its bottom-left corner."""

    left: float
    bottom: float
    right: float
    top: float


def text_width(text: str, size: float) -> float:
    """An upper bound of ``text``'s width in a Japanese proportional font: an em for a full-width
    character, 0.6 em for any other (BIZ UDPゴシック's Latin letters and digits are narrower)."""
    wide = sum(1 for c in text if unicodedata.east_asian_width(c) in "WF")
    return (wide + 0.6 * (len(text) - wide)) * size


def folio_text(number: int) -> str:
    """The page number as the packet's Word documents print it (templates/donation.docx's footer)."""
    return f"－ {number} －"


def label_box(width: float, height: float, label: str) -> Box:
    """Where the label goes on a page of ``width``×``height`` points: right-aligned at the top."""
    right = width - LABEL_RIGHT_MM * MM
    baseline = height - LABEL_BASELINE_MM * MM
    return Box(right - text_width(label, LABEL_PT), baseline - 0.2 * LABEL_PT, right, baseline + 0.9 * LABEL_PT)


def folio_box(width: float, number: int) -> Box:
    """Where the page number goes: centred at the foot."""
    half = text_width(folio_text(number), FOLIO_PT) / 2
    baseline = FOLIO_BASELINE_MM * MM
    return Box(width / 2 - half, baseline - 0.2 * FOLIO_PT, width / 2 + half, baseline + 0.9 * FOLIO_PT)


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf mends a damaged cross-reference table and logs a warning to the console (``incorrect
    startxref pointer``): staff could do nothing with it, and what cannot be mended is refused."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def open_pdf(data: bytes):
    """The PDF as pypdf reads it; Unreadable when it is not a PDF, needs a password or does not open."""
    from pypdf import PdfReader

    if b"%PDF-" not in data[:1024]:
        raise Unreadable("PDF ではありません（ファイルの中身が PDF の形式ではありません）")
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        pages = len(reader.pages) if not encrypted else 0
    except Exception:  # pypdf raises many kinds of errors on a damaged file
        raise Unreadable(DAMAGED) from None
    if encrypted:
        raise Unreadable("パスワードまたは編集の制限がかかった PDF です。制限のない PDF を作成元からもらってください")
    if pages == 0:
        raise Unreadable("ページが1つもない PDF です")
    return reader


def visible_box(page) -> tuple[float, float, float, float, int]:
    """(left, bottom, width, height, rotation) of the page's crop box before /Rotate."""
    box = page.cropbox
    rotation = int(page.get("/Rotate", 0) or 0) % 360
    return float(box.left), float(box.bottom), float(box.width), float(box.height), rotation


def read_pdf(data: bytes) -> PdfPaper:
    """The paper's pages, their visible sizes and its fonts not embedded; Unreadable if it cannot be used."""
    sizes = []
    try:
        with quiet_pypdf():
            for page in open_pdf(data).pages:
                _, _, width, height, rotation = visible_box(page)
                sizes.append((height, width) if rotation in (90, 270) else (width, height))
    except Unreadable:
        raise
    except Exception:
        raise Unreadable(DAMAGED) from None
    return PdfPaper(len(sizes), tuple(sizes), _loose_fonts(data))


def _loose_fonts(data: bytes) -> tuple[str, ...]:
    """The fonts of the text that prints (PDFium's text objects, forms' included, invisible text such
    as a scan's OCR layer left out) that carry no font program; a Type 3 font counts as embedded.
    Not the fonts a page's resources name: reportlab names Helvetica on every page for an empty
    BT/ET, and a printer never draws it."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise Unreadable(DAMAGED) from None
    names: dict[str, None] = {}
    try:
        for index in range(len(document)):
            page = document[index]
            for text in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
                if pdfium_c.FPDFTextObj_GetTextRenderMode(text.raw) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                    continue
                font = pdfium_c.FPDFTextObj_GetFont(text.raw)
                if not font or pdfium_c.FPDFFont_GetIsEmbedded(font):
                    continue
                size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
                buffer = ctypes.create_string_buffer(max(size, 1))
                pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
                names[buffer.value.decode("latin-1").split("+", 1)[-1] or "?"] = None
            page.close()
    finally:
        document.close()
    return tuple(names)


def inked(data: bytes, label: str) -> tuple[bool, list[int]]:
    """Whether the paper's ink lies where the label goes on page 1, and the pages (1-based) where it
    lies where the page number goes.

    The rule, kept simple so it holds for any PDF (text, drawings, scanned pages alike): each page
    is rendered in grey at 100 dpi as it prints (PDFium), and a mark's place, with 1 mm around it,
    is taken when more than 0.3 % of its pixels are darker than mid-grey (160 of 255) — a line of
    text or a rule crossing it is well over that, a pale tint, scan haze or a speck is not."""
    import pypdfium2 as pdfium

    try:  # the previews render with PDFium too: a PDF it cannot open could not be proofread
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise Unreadable(DAMAGED) from None
    label_taken, folios = False, []
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()  # as shown, /Rotate applied, as the page renders
            image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if _has_ink(image, folio_box(width, index + 1), height):
                folios.append(index + 1)
            if index == 0 and label:
                label_taken = _has_ink(image, label_box(width, height, label), height)
    except pdfium.PdfiumError:
        raise Unreadable(DAMAGED) from None
    finally:
        document.close()
    return label_taken, folios


# A line of its own that reads as a page number: 1, 1/3, - 1 -, －1－, (1), P.1, Page 1, 1ページ (after NFKC)
_OWN_FOLIO = re.compile(
    r"(?:p\.?|page|[-‐–—―ー(]|)\s*\d{1,3}(?:\s*/\s*\d{1,3})?\s*(?:[-‐–—―ー)]|ページ|頁|)", re.IGNORECASE
)
OWN_FOLIO_MM = 20.0  # how far above the bottom edge a paper's own page number is looked for


def own_folios(data: bytes) -> list[tuple[int, str]]:
    """The pages (1-based) whose foot — the bottom 20 mm as shown — has a line of text alone that
    reads as a page number, each with that text. Lines with other words (a footer 「岩手県 3」) and
    numbers higher up the page are not taken for one."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise Unreadable(DAMAGED) from None
    found = []
    try:
        for index in range(len(document)):
            page = document[index]
            text = page.get_textpage().get_text_bounded(*_foot(page.get_cropbox(), page.get_rotation()))
            page.close()
            lines = [line.strip() for line in text.splitlines()]
            number = next((s for s in lines if s and _OWN_FOLIO.fullmatch(unicodedata.normalize("NFKC", s))), None)
            if number is not None:
                found.append((index + 1, number))
    except pdfium.PdfiumError:
        raise Unreadable(DAMAGED) from None
    finally:
        document.close()
    return found


def _foot(crop: tuple[float, float, float, float], rotation: int) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in the page's own space of the strip that shows as its bottom 20 mm:
    /Rotate turns the page clockwise, so a page turned 90° shows its right edge at the bottom."""
    left, bottom, right, top = crop
    strip = OWN_FOLIO_MM * MM
    if rotation == 90:
        return right - strip, bottom, right, top
    if rotation == 180:
        return left, top - strip, right, top
    if rotation == 270:
        return left, bottom, left + strip, top
    return left, bottom, right, bottom + strip


def _has_ink(image, box: Box, height: float) -> bool:
    scale, pad = DPI / 72, PAD_MM * MM
    left, right = max(0, int((box.left - pad) * scale)), min(image.width, int((box.right + pad) * scale) + 1)
    top, bottom = (
        max(0, int((height - box.top - pad) * scale)),
        min(image.height, int((height - box.bottom + pad) * scale) + 1),
    )
    if right <= left or bottom <= top:
        return False
    histogram = image.crop((left, top, right, bottom)).histogram()
    return sum(histogram[:INK]) > INK_SHARE * (right - left) * (bottom - top)


NOT_A4 = "会議資料は A4 で印刷します。A4 で保存し直すか、印刷所に用紙の扱いを伝えてください"


def not_a4_notice(file: str, sizes: tuple[tuple[float, float], ...]) -> str | None:
    """The 注意 for pages (visible sizes in points) other than A4, as `check` and `print` both say it:
    the first such page, how many more, and its size in millimetres; None when every page is A4."""
    other = [(n, size) for n, size in enumerate(sizes, start=1) if not is_a4(size)]
    if not other:
        return None
    number, (width, height) = other[0]
    pages = f"{number}ページ目" + (f"ほか{len(other) - 1}ページ" if len(other) > 1 else "")
    return f"注意：{file} の用紙が A4 ではありません（{pages}：{width / MM:.0f}×{height / MM:.0f}mm）。{NOT_A4}"


def is_a4(size: tuple[float, float]) -> bool:
    short, long = sorted(size)
    return abs(short - A4[0]) <= A4_SLACK and abs(long - A4[1]) <= A4_SLACK

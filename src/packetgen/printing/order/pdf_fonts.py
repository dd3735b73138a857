"""The order PDF's fonts: the font setting's ゴシック (regular and bold) registered with reportlab under
their PostScript names, text widths in them, and a refusal of characters they lack.

reportlab reads the whole font file (0.1 s each) and keeps what it registered for the whole process:
a face is registered once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting
from packetgen.render.font_files import resolve


@dataclass(frozen=True)
class PdfFonts:
    regular: str  # names registered with reportlab (the faces' PostScript names)
    bold: str
    setting: str  # the font setting's name, for messages

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return _string_width(text, self.bold if bold else self.regular, size)


@cache
def _string_width(text: str, font: str, size: float) -> float:
    """reportlab's width of a text, remembered: the column layout wraps the same pieces many times."""
    return pdfmetrics.stringWidth(text, font, size)


def _face_index(file: Path, postscript: str) -> int:
    """The face of a collection (.ttc) whose PostScript name is ``postscript``; 0 for a single font."""
    if file.suffix.lower() != ".ttc":
        return 0
    for index in range(32):
        try:
            if TTFontFace(str(file), subfontIndex=index).name.decode("latin-1") == postscript:
                return index
        except Exception:  # past the last face
            break
    return 0


@cache  # once a process per face: reportlab's registry is process-wide
def _register(file: str, postscript: str) -> str:
    """Register a TrueType face under its PostScript name, which reportlab writes into the PDF: the
    print check accepts the font setting's families by that name (e.g. BIZUDPGothic-Regular)."""
    path = Path(file)
    name = postscript or path.stem
    pdfmetrics.registerFont(TTFont(name, file, subfontIndex=_face_index(path, name)))
    return name


def pdf_fonts(fonts: FontSetting) -> PdfFonts:
    """The setting's ゴシック (regular and bold) registered with reportlab; a missing font stops here,
    naming it (without it the PDF would have to use another font the print check refuses)."""
    regular = resolve(fonts.gothic)
    if regular is None:
        raise PacketError(
            f"印刷発注書のPDFに使うゴシック「{fonts.gothic}」がこのコンピューターにありません"
            f"（フォント設定：{fonts.source}）"
        )
    bold = resolve(fonts.gothic, bold=True)
    if bold is None or bold.file == regular.file:
        bold = regular  # a family without a bold face: bold text is set in the regular one
    return PdfFonts(
        _register(str(regular.file), regular.postscript), _register(str(bold.file), bold.postscript), fonts.gothic
    )


def check_glyphs(fonts: PdfFonts, texts: Iterable[str]) -> None:
    """reportlab draws a character the font lacks as an empty box, silently: refuse instead."""
    missing: dict[str, str] = {}
    for name in dict.fromkeys((fonts.regular, fonts.bold)):
        has = pdfmetrics.getFont(name).face.charToGlyph
        for text in texts:
            for char in text:
                if char not in "\n\r\t" and ord(char) not in has and char not in missing:
                    missing[char] = text
    if missing:
        shown = "、".join(f"「{c}」（U+{ord(c):04X}、「{t[:20]}」）" for c, t in missing.items())
        raise PacketError(
            f"印刷発注書に、ゴシック「{fonts.setting}」にない文字があります：{shown}。"
            "その文字を入力から替えるか、その文字を持つフォントを設定してください"
        )

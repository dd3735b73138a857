"""What a rendered PDF really holds: its page count and its fonts (embedded or not, Japanese or not).

LibreOffice exits 0 whatever happens and substitutes fonts silently, so every PDF is read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

# Families that carry Japanese glyphs; anything else in a packet PDF is a fallback font.
JAPANESE_FAMILIES = (
    "IPAex",
    "IPA",
    "NotoSansCJK",
    "NotoSerifCJK",
    "SourceHan",
    "TakaoGothic",
    "TakaoMincho",
    "VL-Gothic",
    "MS-Mincho",
    "MS-Gothic",
    "YuGothic",
    "YuMincho",
)
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class PdfFont:
    name: str  # without the subset prefix (ABCDEF+)
    embedded: bool

    @property
    def japanese(self) -> bool:
        return self.name.replace(" ", "").startswith(JAPANESE_FAMILIES)


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    fonts: tuple[PdfFont, ...]


def _descriptor(font) -> dict | None:
    if "/FontDescriptor" in font:
        return font["/FontDescriptor"].get_object()
    for descendant in font.get("/DescendantFonts", []):
        d = descendant.get_object()
        if "/FontDescriptor" in d:
            return d["/FontDescriptor"].get_object()
    return None


def read_facts(path: Path) -> PdfFacts:
    reader = PdfReader(str(path))
    fonts: dict[str, PdfFont] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for font_ref in resources.get_object().get("/Font", {}).values():
            font = font_ref.get_object()
            base = str(font.get("/BaseFont", "?")).lstrip("/")
            name = base.split("+", 1)[-1]
            if font.get("/Subtype") == "/Type3":
                embedded = True  # drawn from glyph procedures inside the PDF
            else:
                descriptor = _descriptor(font)
                embedded = descriptor is not None and any(k in descriptor for k in _FONT_FILES)
            fonts[base] = PdfFont(name, embedded)
    return PdfFacts(len(reader.pages), tuple(sorted(fonts.values(), key=lambda f: f.name)))

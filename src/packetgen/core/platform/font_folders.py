"""Fonts found without fontconfig: every font file in the system's and the user's font folders, read
by its name table (fontTools, imported only here), and matched by family name as fontconfig matches
(without case, width or spaces). A font names its family in each language it supports, so
「BIZ UDPゴシック」 is found by the Japanese name of the family Debian and Windows call BIZ UDPGothic.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from packetgen.core.fonts import normalized

SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
FAMILY_IDS = (16, 1)  # the typographic family first, as fontconfig lists it, then the legacy one
ENGLISH = ((3, 0x409), (1, 0))  # (platform, language) of US English: Windows, Macintosh
REGULAR, BOLD = 400, 700
JIS_CODE_PAGE = 1 << 17  # OS/2 ulCodePageRange1: cp932, Japan
# A face that has these covers Japanese (fontconfig's "ja" asks for all of JIS X 0208's kanji)
JAPANESE = "".join(map(chr, range(0x3041, 0x3094))) + "".join(map(chr, range(0x30A1, 0x30F7))) + "日本語漢字会議資料市"


@dataclass(frozen=True)
class Face:
    file: Path
    index: int  # in a collection (.ttc)
    families: tuple[str, ...]
    postscript: str


def font_folders() -> tuple[Path, ...]:
    """Where fonts are installed for everyone and for this user, as this system keeps them."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(home / "AppData" / "Local")))
        return (windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts")
    if sys.platform == "darwin":
        return (Path("/Library/Fonts"), home / "Library" / "Fonts", Path("/System/Library/Fonts"))
    return (
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    )


def search_font_folders(name: str, bold: bool, alias: str | None) -> Face | None:
    """The Japanese face of family ``name`` or ``alias`` nearest to regular (or bold) weight."""
    wanted = {normalized(name), normalized(alias or name)}
    family = [f for f in faces(font_folders()) if wanted & {normalized(n) for n in f.families}]
    best = min(family, key=lambda f: style_distance(f, BOLD if bold else REGULAR), default=None)
    return best if best is not None and is_japanese(best.file, best.index) else None


@cache
def faces(folders: tuple[Path, ...]) -> tuple[Face, ...]:
    """Every face of every font file under ``folders`` (read once per process)."""
    found: list[Face] = []
    for folder in folders:
        if folder.is_dir():
            files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            found += [face for path in files for face in faces_of(path)]
    return tuple(found)


def faces_of(path: Path) -> list[Face]:
    from fontTools.ttLib import TTCollection, TTFont

    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            with TTCollection(path, lazy=True) as collection:
                return [face_of(path, i, font) for i, font in enumerate(collection.fonts)]
        with TTFont(path, lazy=True) as font:
            return [face_of(path, 0, font)]
    except Exception:  # a damaged or unusual file (fontTools raises many kinds): not a candidate
        return []


def face_of(path: Path, index: int, font) -> Face:
    names = font["name"]
    postscript = names.getDebugName(6) or ""
    return Face(path, index, family_names(names), postscript)


def family_names(names) -> tuple[str, ...]:
    """A name table's family names: the typographic family before the legacy one, English first."""
    found: list[str] = []
    for name_id in FAMILY_IDS:
        records = [r for r in names.names if r.nameID == name_id and r.getEncoding() is not None]
        records.sort(key=lambda r: (r.platformID, r.langID) not in ENGLISH)  # stable: else as stored
        for record in records:
            text = record.toUnicode(errors="replace").strip()
            if text and normalized(text) not in {normalized(f) for f in found}:
                found.append(text)
    return tuple(found)


@cache
def style(file: Path, index: int) -> tuple[int, bool]:
    """The face's weight class (400 regular, 700 bold) and whether it is italic."""
    from fontTools.ttLib import TTFont

    with TTFont(file, fontNumber=index, lazy=True) as font:
        os2 = font.get("OS/2")
        weight = os2.usWeightClass if os2 is not None else (BOLD if font["head"].macStyle & 1 else REGULAR)
        italic = bool(os2.fsSelection & 1) if os2 is not None else bool(font["head"].macStyle & 2)
    return weight, italic


def style_distance(face: Face, weight: int) -> tuple[int, bool]:
    """How far a face is from the asked weight, upright before italic (fontconfig's preference)."""
    try:
        found, italic = style(face.file, face.index)
    except Exception:  # as in faces_of
        return (10_000, True)
    return (abs(found - weight), italic)


@cache
def is_japanese(file: Path, index: int) -> bool:
    """Whether the face covers Japanese: it says so (the JIS code page in its OS/2 table), or it has
    the kana and common kanji (fontconfig's "ja" language; reading the whole cmap costs ~0.2 s)."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(file, fontNumber=index, lazy=True) as font:
            if getattr(font.get("OS/2"), "ulCodePageRange1", 0) & JIS_CODE_PAGE:
                return True
            cmap = font.getBestCmap() or {}
    except Exception:  # as in faces_of
        return False
    return all(ord(c) in cmap for c in JAPANESE)

"""Finding an installed font's file by its family name, and the environment in which LibreOffice
finds the same one.

Linux: fontconfig, as LibreOffice there finds fonts (``fc-match``), with packetgen's aliases of the
Windows names of BIZ UD (``alias_file``, render/fonts-alias.conf) given to it in a conf file.
Portable: the system's font folders, matched by the family names in the files' own name tables
(``font_folders``); the aliases are applied here, and LibreOffice finds fonts its own way.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from packetgen.core.fonts import normalized
from packetgen.core.platform.selection import portable


@dataclass(frozen=True)
class ResolvedFont:
    name: str  # as the setting names it
    file: Path
    families: tuple[str, ...]  # the face's family names (English first, then Japanese), as fontconfig gives them
    postscript: str  # e.g. BIZUDPGothic-Regular: how the face is named inside a PDF
    index: int = 0  # the face's number in a font collection (.ttc: Windows ships BIZ UD so)


def can_find_fonts() -> bool:
    """False where fontconfig's ``fc-match`` is needed (Linux) and missing."""
    return portable() or shutil.which("fc-match") is not None


def find_font(name: str, bold: bool, alias: str | None, alias_file: Path) -> ResolvedFont | None:
    """The installed Japanese face of family ``name`` (or of ``alias``, the family the alias file
    maps it to), bold or regular; None when there is none. Results are kept for the process."""
    if portable():
        from packetgen.core.platform.font_folders import search_font_folders

        face = search_font_folders(name, bold, alias)
        return None if face is None else ResolvedFont(name, face.file, face.families, face.postscript, face.index)
    return fc_match(name, bold, alias, alias_file)


def font_environment(alias_file: Path) -> dict[str, str]:
    """The environment for subprocesses that look fonts up (fc-match, LibreOffice): on Linux the
    system's fontconfig plus our aliases, so 「BIZ UD明朝 Medium」 is found even where setup could not
    install the alias system-wide; elsewhere this process's own environment."""
    if portable():
        return dict(os.environ)
    base = os.environ.get("FONTCONFIG_FILE", "/etc/fonts/fonts.conf")
    return {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file(alias_file, base))}


@cache
def fontconfig_file(alias_file: Path, base: str) -> Path:
    """A fontconfig conf in the temp folder that includes ``base`` and ``alias_file`` (written once,
    shared by this user's processes)."""
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{base}</include>\n'
        f'  <include ignore_missing="yes">{alias_file}</include>\n</fontconfig>\n'
    )
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / f"packetgen-fonts-{os.getuid()}-{digest}.conf"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path


@cache
def fc_match(name: str, bold: bool, alias: str | None, alias_file: Path) -> ResolvedFont | None:
    """The face fontconfig gives for ``name``, or None when it would give another family (fontconfig
    always answers: with a fallback such as DejaVu Sans when the font is missing) or no Japanese one."""
    command = shutil.which("fc-match")
    if command is None:
        return None
    pattern = name.replace("-", r"\-").replace(":", r"\:") + (":weight=bold" if bold else "")
    out = subprocess.run(
        [command, "-f", "%{file}\n%{family}\n%{postscriptname}\n%{lang}\n%{index}", pattern],
        capture_output=True,
        text=True,
        env=font_environment(alias_file),
    )
    lines = out.stdout.split("\n")
    if out.returncode != 0 or len(lines) < 4:
        return None
    file, families, postscript, langs = lines[0], tuple(lines[1].split(",")), lines[2], lines[3]
    wanted = {normalized(name), normalized(alias or name)}
    if not wanted & {normalized(f) for f in families} or "ja" not in langs.split("|"):
        return None
    index = int(lines[4]) & 0xFFFF if len(lines) > 4 and lines[4].isdigit() else 0  # high bits: an instance
    return ResolvedFont(name, Path(file), families, postscript, index)

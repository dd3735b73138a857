"""Where the setting's fonts really are on this machine, found the way LibreOffice finds them
(fontconfig), with the Windows names of BIZ UD aliased to Debian's (``fonts-alias.conf``).

The slide fitter measures with these files and the print check accepts exactly these families, so a
font that is not installed stops the build here, with the Debian package that provides it, instead of
LibreOffice quietly drawing another font with other widths.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting, Role, normalized

ALIAS_FILE = Path(__file__).with_name("fonts-alias.conf")

# Debian packages of Japanese fonts, for the message when one is missing.
DEBIAN_PACKAGES = (
    (r"bizudp?(ゴシック|gothic)", "fonts-morisawa-bizud-gothic"),
    (r"bizudp?(明朝|mincho)", "fonts-morisawa-bizud-mincho"),
    (r"ipaex", "fonts-ipaexfont"),
    (r"ipa(p?)(ゴシック|gothic|明朝|mincho)", "fonts-ipafont"),
    (r"noto(sans|serif)cjk", "fonts-noto-cjk"),
    (r"takao", "fonts-takao"),
    (r"vl(p?)(ゴシック|gothic)", "fonts-vlgothic"),
)


@dataclass(frozen=True)
class ResolvedFont:
    name: str  # as the setting names it
    file: Path
    families: tuple[str, ...]  # fontconfig's names of the matched face (English and Japanese)
    postscript: str  # e.g. BIZUDPGothic-Regular: how the face is named inside a PDF


@cache
def aliases() -> dict[str, str]:
    """Windows family name → the family fontconfig knows, from fonts-alias.conf."""
    from lxml import etree

    root = etree.parse(str(ALIAS_FILE)).getroot()
    return {
        normalized(alias.findtext("family")): alias.findtext("prefer/family")
        for alias in root.iter("alias")
        if alias.findtext("family") and alias.findtext("prefer/family")
    }


@cache
def fontconfig_environment() -> dict[str, str]:
    """The environment for fc-match and LibreOffice: the system's fontconfig plus our aliases, so
    packetgen finds 「BIZ UD明朝 Medium」 even where setup could not install the alias system-wide."""
    base = os.environ.get("FONTCONFIG_FILE", "/etc/fonts/fonts.conf")
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{base}</include>\n'
        f'  <include ignore_missing="yes">{ALIAS_FILE}</include>\n</fontconfig>\n'
    )
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / f"packetgen-fonts-{os.getuid()}-{digest}.conf"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return {**os.environ, "FONTCONFIG_FILE": str(path)}


def debian_package(name: str) -> str | None:
    key = normalized(name)
    return next((package for pattern, package in DEBIAN_PACKAGES if re.search(pattern, key)), None)


@cache
def resolve(name: str, bold: bool = False) -> ResolvedFont | None:
    """The installed face fontconfig gives for ``name``, or None when it would give another family
    (fontconfig always answers: with a fallback such as DejaVu Sans when the font is missing)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pattern = name.replace("-", r"\-").replace(":", r"\:") + (":weight=bold" if bold else "")
    out = subprocess.run(
        [fc_match, "-f", "%{file}\n%{family}\n%{postscriptname}\n%{lang}", pattern],
        capture_output=True,
        text=True,
        env=fontconfig_environment(),
    )
    lines = out.stdout.split("\n")
    if out.returncode != 0 or len(lines) < 4:
        return None
    file, families, postscript, langs = lines[0], tuple(lines[1].split(",")), lines[2], lines[3]
    wanted = {normalized(name), normalized(aliases().get(normalized(name), name))}
    if not wanted & {normalized(f) for f in families} or "ja" not in langs.split("|"):
        return None
    return ResolvedFont(name, Path(file), families, postscript)


def require(setting: FontSetting) -> dict[Role, ResolvedFont]:
    """Both fonts of the setting, installed and Japanese; otherwise stop, naming font and package."""
    if shutil.which("fc-match") is None:
        raise PacketError(
            "フォントを探す fontconfig（fc-match）がありません。"
            "`apt-get install fontconfig` でインストールしてください（scripts/setup.sh も入れます）"
        )
    found: dict[Role, ResolvedFont] = {}
    missing = []
    for role in Role:
        name = setting.name(role)
        face = resolve(name)
        if face is None:
            package = debian_package(name)
            how = f"`apt-get install {package}` でインストールする" if package else "インストールする"
            missing.append(f"{role.value}「{name}」（{how}か、{setting.source} で別のフォントを指定してください）")
        else:
            found[role] = face
    if missing:
        raise PacketError(
            f"フォント設定（{setting.source}）のフォントがこのコンピューターにありません："
            + "、".join(missing)
            + "。このままでは別の字幅のフォントで印刷され、スライドの文字が収まりません"
        )
    return found


def pdf_families(setting: FontSetting) -> tuple[str, ...]:
    """PostScript family prefixes of the setting's faces (regular and bold), as a PDF names them."""
    names = []
    for role in Role:
        for bold in (False, True):
            face = resolve(setting.name(role), bold)
            if face is not None and face.postscript:
                names.append(face.postscript.split("-")[0])
    return tuple(dict.fromkeys(names))

"""Where the setting's fonts really are on this machine, found the way LibreOffice finds them: on
Linux through fontconfig, elsewhere in the system's font folders (``core.platform``), with the Windows
names of BIZ UD aliased to Debian's (``fonts-alias.conf``).

The slide fitter measures with these files and the print check accepts exactly these families, so a
font that is not installed stops the build here (on Linux naming the Debian package that provides
it) instead of LibreOffice quietly drawing another font with other widths.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from packetgen.core import platform
from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting, Role, normalized
from packetgen.core.platform import ResolvedFont

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


@cache
def aliases() -> dict[str, str]:
    """Windows family name → the family of the same design in Debian's font files, from fonts-alias.conf."""
    from lxml import etree

    root = etree.parse(str(ALIAS_FILE)).getroot()
    return {
        normalized(alias.findtext("family")): alias.findtext("prefer/family")
        for alias in root.iter("alias")
        if alias.findtext("family") and alias.findtext("prefer/family")
    }


def fontconfig_environment() -> dict[str, str]:
    """The environment for LibreOffice: it finds the fonts as ``resolve`` does (the aliases too)."""
    return platform.font_environment(ALIAS_FILE)


def debian_package(name: str) -> str | None:
    key = normalized(name)
    return next((package for pattern, package in DEBIAN_PACKAGES if re.search(pattern, key)), None)


def resolve(name: str, bold: bool = False) -> ResolvedFont | None:
    """The installed Japanese face of ``name`` (or of the family the alias file maps it to), or None
    when there is none (fontconfig's fallback, such as DejaVu Sans, is not a match)."""
    return platform.find_font(name, bold, aliases().get(normalized(name)), ALIAS_FILE)


def require(setting: FontSetting) -> dict[Role, ResolvedFont]:
    """Both fonts of the setting, installed and Japanese; otherwise stop, naming font and package."""
    if not platform.can_find_fonts():
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
            package = None if platform.portable() else debian_package(name)  # no apt-get on Windows
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

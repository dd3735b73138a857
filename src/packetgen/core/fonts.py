"""The packet's two typefaces, a ゴシック and a 明朝, from one setting: ``templates/fonts.yaml``.

Renderers never name a font: they name a role (``GOTHIC`` or ``MINCHO`` below), and the package pass
in ``ooxml_fonts`` writes the setting's family into every place an Office file can name one. So the
Word, PowerPoint and Excel files, the slide fitter (``font_files``) and the print check all follow
the same two names, and changing the setting changes every document.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

SETTING_FILE = "fonts.yaml"  # under the project's templates/


class Role(StrEnum):
    GOTHIC = "ゴシック"  # headings, slides, tables, the workbook
    MINCHO = "明朝"  # body text of Word documents


# What renderers write where a font name goes; never left in a finished file (a test checks).
GOTHIC = "packetgen-ゴシック"
MINCHO = "packetgen-明朝"
ROLE_TOKENS = {GOTHIC: Role.GOTHIC, MINCHO: Role.MINCHO}


@dataclass(frozen=True)
class FontSetting:
    gothic: str
    mincho: str
    source: str = f"templates/{SETTING_FILE}"  # where the user changes it, for messages

    def name(self, role: Role) -> str:
        return self.gothic if role is Role.GOTHIC else self.mincho

    @property
    def names(self) -> tuple[str, str]:
        return (self.gothic, self.mincho)

    def describe(self) -> str:
        return f"ゴシック「{self.gothic}」、明朝「{self.mincho}」"


# Fonts that carry symbols (list bullets, dingbats), not text: they stay as a template names them.
SYMBOL_FONTS = frozenset({"symbol", "wingdings", "wingdings2", "wingdings3", "webdings", "marlett"})

_SANS = ("ゴシック", "ｺﾞｼｯｸ", "gothic", "sans", "メイリオ", "meiryo", "arial", "calibri", "helvetica", "segoe",
         "verdana", "tahoma", "丸ゴ", "hgp創英角", "ud デジタル", "udデジタル")  # fmt: skip
_SERIF = ("明朝", "mincho", "serif", "times", "cambria", "century", "georgia", "教科書", "garamond")


def normalized(name: str) -> str:
    """Font names compare without case, width or spaces (「ＭＳ Ｐゴシック」 = 「MS Pゴシック」)."""
    return unicodedata.normalize("NFKC", name).casefold().replace(" ", "")


def is_symbol_font(name: str) -> bool:
    return normalized(name) in SYMBOL_FONTS


def role_of(name: str, default: Role, setting: FontSetting | None = None) -> Role:
    """Which of the two roles a font name stands for: a role token, one of the setting's names, or
    by its kind (a 明朝/serif name or a ゴシック/sans one); ``default`` when the name says neither."""
    if name in ROLE_TOKENS:
        return ROLE_TOKENS[name]
    key = normalized(name)
    if setting is not None:
        if key == normalized(setting.gothic):
            return Role.GOTHIC
        if key == normalized(setting.mincho):
            return Role.MINCHO
    if "sans" in key:  # "Sans Serif" is a sans
        return Role.GOTHIC
    if any(normalized(m) in key for m in _SERIF):
        return Role.MINCHO
    if any(normalized(m) in key for m in _SANS):
        return Role.GOTHIC
    return default

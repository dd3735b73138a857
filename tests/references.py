"""What the tests compare against and the package itself does not use: the font setting the project
ships with (templates/fonts.yaml), and an independent check that Word styles name an East Asian font."""

from __future__ import annotations

from typing import TYPE_CHECKING

from packetgen.core.fonts import FontSetting

if TYPE_CHECKING:
    from docx.document import Document

# Morisawa's BIZ UD, on the city's Windows 10 (1903+) / 11 PCs and free on Debian.
DEFAULT = FontSetting(gothic="BIZ UDPゴシック", mincho="BIZ UD明朝 Medium")

THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def missing_east_asian_fonts(document: Document) -> list[str]:
    """Names of styles (and 'docDefaults') whose fonts would fall back to theme or Latin fonts."""
    from docx.oxml.ns import qn

    missing = []
    styles = document.styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    if default is None or not default.get(qn("w:eastAsia")):
        missing.append("docDefaults")
    for rfonts in styles.iter(qn("w:rFonts")):
        if any(rfonts.get(qn(a)) for a in THEME_ATTRS) or (
            rfonts.get(qn("w:ascii")) and not rfonts.get(qn("w:eastAsia"))
        ):
            style = rfonts.getparent().getparent()
            name = style.find(qn("w:name"))
            missing.append(name.get(qn("w:val")) if name is not None else style.tag)
    return missing

"""East Asian fonts in Word styles.

python-docx's ``font.name`` sets only w:ascii/w:hAnsi, so Japanese text falls back to whatever the
reader has. Here every style that carries fonts gets ascii/hAnsi/eastAsia/cs set explicitly, the
theme attributes (which win over explicit names in Word) are dropped, and the East Asian language is
ja-JP so Word applies Japanese line breaking.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from packetgen.render.fonts import GOTHIC, MINCHO

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
# Styles that are headings by nature get ゴシック; the rest inherit 明朝 from docDefaults.
_GOTHIC_STYLES = ("Title", "Subtitle", "Heading")


def set_rfonts(rpr: etree._Element, font: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = etree.SubElement(rpr, qn("w:rFonts"))
        rstyle = rpr.find(qn("w:rStyle"))
        rpr.remove(rfonts)
        rpr.insert(1 if rstyle is not None else 0, rfonts)
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        # a font the user chose in Word stays; only what would fall back to a theme font is filled
        if not rfonts.get(qn(attr)):
            rfonts.set(qn(attr), font)


def set_japanese_lang(rpr: etree._Element) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = etree.Element(qn("w:lang"))
        anchor = next((rpr.find(qn(t)) for t in _AFTER_LANG if rpr.find(qn(t)) is not None), None)
        if anchor is None:
            rpr.append(lang)
        else:
            anchor.addprevious(lang)
    lang.set(qn("w:val"), lang.get(qn("w:val"), "en-US"))
    lang.set(qn("w:eastAsia"), "ja-JP")


def apply_east_asian_fonts(document: Document, body: str = MINCHO, heading: str = GOTHIC) -> None:
    """Give docDefaults and every style that names fonts explicit Latin + East Asian fonts.

    Fonts already named explicitly are kept (the user restyled the template in Word)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(qn("w:docDefaults"))
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.SubElement(defaults, qn("w:rPrDefault"))
        defaults.remove(rpr_default)
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, qn("w:rPr"))
    set_rfonts(rpr, body)
    set_japanese_lang(rpr)
    for style in styles.iterfind(qn("w:style")):
        name_el = style.find(qn("w:name"))
        name = name_el.get(qn("w:val")) if name_el is not None else ""
        is_heading = name.startswith(_GOTHIC_STYLES) or name.lower().startswith(("heading", "title"))
        if is_heading and style.find(qn("w:rPr")) is None:
            etree.SubElement(style, qn("w:rPr"))
        # every rPr that names fonts, including table styles' conditional formats (w:tblStylePr)
        for rpr in style.iter(qn("w:rPr")):
            if is_heading and rpr.getparent() is style:
                set_rfonts(rpr, heading)
            elif rpr.find(qn("w:rFonts")) is not None:
                set_rfonts(rpr, body)


def missing_east_asian_fonts(document: Document) -> list[str]:
    """Names of styles (and 'docDefaults') whose fonts would fall back to theme or Latin fonts."""
    missing = []
    styles = document.styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    if default is None or not default.get(qn("w:eastAsia")):
        missing.append("docDefaults")
    for rfonts in styles.iter(qn("w:rFonts")):
        if any(rfonts.get(qn(a)) for a in _THEME_ATTRS) or (
            rfonts.get(qn("w:ascii")) and not rfonts.get(qn("w:eastAsia"))
        ):
            style = rfonts.getparent().getparent()
            name = style.find(qn("w:name"))
            missing.append(name.get(qn("w:val")) if name is not None else style.tag)
    return missing

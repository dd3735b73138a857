"""East Asian fonts in Word styles: the XML details the font pass (``ooxml_fonts``) relies on.

python-docx's ``font.name`` sets only w:ascii/w:hAnsi, so Japanese text falls back to whatever the
reader has. The pass gives docDefaults and every style ascii/hAnsi/eastAsia/cs explicitly, drops the
theme attributes (which win over explicit names in Word), and sets the East Asian language to ja-JP so
Word applies Japanese line breaking. Element order inside w:rPr matters to Word.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def _child(parent: etree._Element, tag: str, index: int = 0) -> etree._Element:
    element = parent.find(qn(tag))
    if element is None:
        element = etree.Element(qn(tag))
        parent.insert(index, element)
    return element


def ensure_rfonts(styles: etree._Element, style: etree._Element | None) -> etree._Element:
    """The w:rFonts of a style's run properties (docDefaults when ``style`` is None), made if absent."""
    if style is None:
        defaults = _child(styles, "w:docDefaults")
        rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    else:
        rpr = style.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.SubElement(style, qn("w:rPr"))
            table_props = [t for t in ("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr") if style.find(qn(t)) is not None]
            if table_props:  # w:rPr comes before the table properties
                style.find(qn(table_props[0])).addprevious(rpr)
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = etree.Element(qn("w:rFonts"))
        rpr.insert(1 if rpr.find(qn("w:rStyle")) is not None else 0, rfonts)
    return rfonts


def set_rfonts(rpr: etree._Element, font: str) -> None:
    """Name ``font`` (a role token from ``fonts``) for Latin and East Asian text of one w:rPr."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = etree.Element(qn("w:rFonts"))
        rpr.insert(1 if rpr.find(qn("w:rStyle")) is not None else 0, rfonts)
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
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

"""Every font an Office package names follows the font setting: the one place fonts are written.

Runs on the finished .docx/.pptx/.xlsx bytes, whatever library or template put a name there:
Word's docDefaults, styles (built-in ones and table styles' conditional formats), runs, headers and
footers, numbering and font table; the DrawingML theme (major/minor latin, ea and the Jpan script
font) of Word, PowerPoint and Excel; PowerPoint's slides, layouts, masters and notes; Excel's cell
fonts, rich-text runs, header/footer codes and chart text. Each name becomes the setting's ゴシック
or 明朝: a role token (``fonts.GOTHIC``/``MINCHO``) as the renderers write, or any other name by its
kind (a 明朝/serif name is 明朝), so a template restyled in Word keeps its headings ゴシック.

Left as they are, by design: symbol fonts (list bullets such as Symbol or Wingdings), theme references
(``+mn-ea``), and a theme's fonts for scripts other than Japanese (Hang, Hans, Thai…), which no
Japanese text uses. ``audit`` lists the names a template chose that the setting overrides.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from packetgen.core.fonts import ROLE_TOKENS, FontSetting, Role, is_symbol_font, normalized, role_of

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RFONT_ATTRS = tuple(f"{{{W}}}{a}" for a in ("ascii", "hAnsi", "eastAsia", "cs"))
_THEME_ATTRS = tuple(f"{{{W}}}{a}" for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))
_HEADING_STYLES = ("title", "subtitle", "heading", "見出し", "表題", "副題")
_HEADER_FONT = re.compile(r'&"([^",]*),([^"]*)"')
_HEADER_TAGS = tuple(
    f"{{{X}}}{t}" for t in ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")
)


@dataclass(frozen=True)
class FontUse:
    """A font name a package gives that the setting does not: where, and which."""

    part: str
    name: str


@dataclass
class _Pass:
    setting: FontSetting
    kind: str  # "docx", "pptx" or "xlsx"
    found: list[FontUse] = field(default_factory=list)
    part: str = ""
    changed: bool = False

    @property
    def body_role(self) -> Role:
        return Role.MINCHO if self.kind == "docx" else Role.GOTHIC

    def name_for(self, name: str, default: Role) -> str:
        """The setting's family for a name found in the package (theme references and symbol fonts
        stay as they are)."""
        if not name or name.startswith("+") or is_symbol_font(name):
            return name
        if name not in ROLE_TOKENS and normalized(name) not in {normalized(n) for n in self.setting.names}:
            self.found.append(FontUse(self.part, name))
        return self.setting.name(role_of(name, default, self.setting))

    def set(self, element: etree._Element, attr: str, value: str) -> None:
        if element.get(attr) != value:
            element.set(attr, value)
            self.changed = True

    # --- DrawingML: PowerPoint text, chart text, themes -----------------------------------------
    def drawingml(self, root: etree._Element) -> None:
        for tag in ("latin", "ea", "cs", "buFont"):
            for element in root.iter(f"{{{A}}}{tag}"):
                if element.getparent() is not None and element.getparent().tag in (
                    f"{{{A}}}majorFont",
                    f"{{{A}}}minorFont",
                ):
                    continue  # the theme's own slots: see theme()
                typeface = element.get("typeface")
                if typeface:
                    new = self.name_for(typeface, self.body_role)
                    if new != typeface:
                        self.set(element, "typeface", new)
                        for stale in ("panose", "pitchFamily", "charset"):  # they describe the old font
                            element.attrib.pop(stale, None)
        for element in root.iter(f"{{{A}}}sym"):  # symbol runs: only our own tokens are ours to fill
            typeface = element.get("typeface", "")
            if typeface in ROLE_TOKENS:
                self.set(element, "typeface", self.setting.name(ROLE_TOKENS[typeface]))

    def theme(self, root: etree._Element) -> None:
        for slot, role in (("majorFont", Role.GOTHIC), ("minorFont", self.body_role)):
            for fonts in root.iter(f"{{{A}}}{slot}"):
                for tag in ("latin", "ea"):
                    element = fonts.find(f"{{{A}}}{tag}")
                    if element is not None:
                        self.name_for(element.get("typeface", ""), role)  # note a template's own choice
                        self.set(element, "typeface", self.setting.name(role))
                        for stale in ("panose", "pitchFamily", "charset"):
                            if element.attrib.pop(stale, None) is not None:
                                self.changed = True
                for script in fonts.iter(f"{{{A}}}font"):
                    if script.get("script") == "Jpan":
                        self.name_for(script.get("typeface", ""), role)
                        self.set(script, "typeface", self.setting.name(role))

    # --- WordprocessingML ------------------------------------------------------------------------
    def rfonts(self, element: etree._Element, default: Role) -> None:
        names = [element.get(a) for a in (_RFONT_ATTRS[2], _RFONT_ATTRS[0], _RFONT_ATTRS[1], _RFONT_ATTRS[3])]
        named = [n for n in names if n]
        if named and all(is_symbol_font(n) for n in named):
            return  # a bullet's symbol font
        themes = [element.get(a) for a in _THEME_ATTRS if element.get(a)]
        if named:
            role = role_of(named[0], default, self.setting)
        elif themes:
            role = Role.GOTHIC if themes[0].startswith("major") else default
        else:
            role = default
        for name in dict.fromkeys(named):
            self.name_for(name, role)
        for attr in _THEME_ATTRS:  # a theme attribute wins over an explicit name in Word
            if element.attrib.pop(attr, None) is not None:
                self.changed = True
        for attr in _RFONT_ATTRS:
            self.set(element, attr, self.setting.name(role))

    def word_part(self, root: etree._Element) -> None:
        for element in root.iter(f"{{{W}}}rFonts"):
            self.rfonts(element, Role.MINCHO)

    def word_styles(self, root: etree._Element) -> None:
        from packetgen.render.docx_fonts import ensure_rfonts, set_japanese_lang

        defaults = ensure_rfonts(root, None)
        self.rfonts(defaults, Role.MINCHO)
        set_japanese_lang(defaults.getparent())
        for style in root.iterfind(f"{{{W}}}style"):
            name = style.find(f"{{{W}}}name")
            label = (name.get(f"{{{W}}}val") if name is not None else "") or ""
            own = style.find(f"{{{W}}}rPr/{{{W}}}rFonts")
            heading = label.casefold().startswith(_HEADING_STYLES)
            if heading and own is None:
                own = ensure_rfonts(root, style)
            role = Role.GOTHIC if heading else Role.MINCHO
            for rfonts in style.iter(f"{{{W}}}rFonts"):  # table styles' conditional formats too
                self.rfonts(rfonts, role)

    def font_table(self, root: etree._Element) -> None:
        """Word's list of the fonts a document uses: the setting's two (and symbol fonts)."""
        kept = [f for f in root.iterfind(f"{{{W}}}font") if is_symbol_font(f.get(f"{{{W}}}name", ""))]
        for element in list(root):
            root.remove(element)
        for role, family in ((Role.GOTHIC, "modern"), (Role.MINCHO, "roman")):
            font = etree.SubElement(root, f"{{{W}}}font", {f"{{{W}}}name": self.setting.name(role)})
            etree.SubElement(font, f"{{{W}}}charset", {f"{{{W}}}val": "80"})  # SHIFTJIS_CHARSET: Japanese
            etree.SubElement(font, f"{{{W}}}family", {f"{{{W}}}val": family})
        root.extend(kept)
        self.changed = True

    # --- SpreadsheetML ---------------------------------------------------------------------------
    def xlsx_styles(self, root: etree._Element) -> None:
        for font in root.iter(f"{{{X}}}font"):
            name = font.find(f"{{{X}}}name")
            if name is not None:
                self.set(name, "val", self.name_for(name.get("val", ""), Role.GOTHIC))
            scheme = font.find(f"{{{X}}}scheme")
            if scheme is not None:  # a scheme font follows the theme, not its name
                font.remove(scheme)
                self.changed = True

    def xlsx_runs(self, root: etree._Element) -> None:
        for rfont in root.iter(f"{{{X}}}rFont"):
            self.set(rfont, "val", self.name_for(rfont.get("val", ""), Role.GOTHIC))
        for scheme in list(root.iter(f"{{{X}}}scheme")):
            scheme.getparent().remove(scheme)
            self.changed = True

    def xlsx_header_footer(self, root: etree._Element) -> None:
        for tag in _HEADER_TAGS:
            for element in root.iter(tag):
                text = element.text or ""
                new = _HEADER_FONT.sub(
                    lambda m: f'&"{self.name_for(m.group(1), Role.GOTHIC) if m.group(1) != "-" else "-"},{m.group(2)}"',
                    text,
                )
                if new != text:
                    element.text = new
                    self.changed = True


def _kind(names: set[str]) -> str:
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise ValueError("not a Word, PowerPoint or Excel package")


def _visit(font_pass: _Pass, name: str, root: etree._Element) -> None:
    """Apply to one XML part whatever font places its kind of part can hold."""
    if "/theme/" in name:
        font_pass.theme(root)
    if font_pass.kind == "docx":
        if name == "word/styles.xml":
            font_pass.word_styles(root)
        elif name == "word/fontTable.xml":
            font_pass.font_table(root)
        elif name.startswith("word/"):
            font_pass.word_part(root)
    elif font_pass.kind == "xlsx":
        if name == "xl/styles.xml":
            font_pass.xlsx_styles(root)
        elif name == "xl/sharedStrings.xml" or name.startswith("xl/worksheets/"):
            font_pass.xlsx_runs(root)
            font_pass.xlsx_header_footer(root)
    font_pass.drawingml(root)


def apply_fonts(entries: list[tuple[str, bytes]], setting: FontSetting) -> list[tuple[str, bytes]]:
    """A package's parts (name, bytes) with every font name set from ``setting``."""
    return _run(entries, setting)[1]


def audit(data: bytes, setting: FontSetting) -> list[str]:
    """Font names a package (a template) chooses that the setting overrides, in order of appearance."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = [(info.filename, package.read(info.filename)) for info in package.infolist()]
    return list(dict.fromkeys(use.name for use in _run(entries, setting)[0].found))


def _run(entries: list[tuple[str, bytes]], setting: FontSetting) -> tuple[_Pass, list[tuple[str, bytes]]]:
    font_pass = _Pass(setting, _kind({name for name, _ in entries}))
    parts = []
    for name, body in entries:
        if name.endswith(".xml") and name != "[Content_Types].xml" and not name.startswith("docProps/"):
            root = etree.fromstring(body)
            font_pass.part, font_pass.changed = name, False
            _visit(font_pass, name, root)
            if font_pass.changed:
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        parts.append((name, body))
    return font_pass, parts

"""Generate templates/deck.pptx, the PowerPoint template of the slide decks (資料No.1-1, No.1-2).

The template is committed; this script documents how it was made and re-creates it. Users may
restyle it in PowerPoint (theme colours and fonts, the master's header band, the layouts' placeholder
positions): packetgen places content inside each layout's content placeholder and fills the title,
category, label and footer placeholders.

Slide size: A4 landscape, 297 × 210 mm. The packet is printed on A4 handouts, so an A4 slide prints
at 100 % with no letterboxing and no scaling of the type sizes the fitter chose (PowerPoint's own
"A4" preset is 275 × 190 mm, which would be enlarged by 8 % and leave uneven margins).
Run: python tools/make_deck_template.py
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Mm

from packetgen.core.fonts import GOTHIC
from packetgen.inputs.font_setting import load_setting
from packetgen.render.ooxml import with_fonts

PROJECT = Path(__file__).resolve().parent.parent
OUT = PROJECT / "templates" / "deck.pptx"
NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
W, H = 297, 210
MARGIN = 12
BAND = 24  # header band height (mm)

# name → (geometry in mm, placeholder type, idx, text properties)
CONTENT_PLACEHOLDERS = {
    "category": ((MARGIN, 2.5, W - 2 * MARGIN, 6.5), "body", 13, {"sz": 1050, "color": "bg1"}),
    "title": ((MARGIN, 8, W - 2 * MARGIN, 14), "title", None, None),
    "content": ((MARGIN, BAND + 5, W - 2 * MARGIN, 166), "body", 1, None),
    "footer": ((MARGIN, 200, 200, 7), "ftr", 11, {"sz": 900, "color": "tx2"}),
    "number": ((W - MARGIN - 30, 200, 30, 7), "sldNum", 12, {"sz": 1000, "color": "tx2", "algn": "r"}),
}
CONTENT_LAYOUTS = ("bullets", "kpi", "table", "cards", "timeline", "note")
SCHEME = {  # a sober navy scheme; users recolour through the theme
    "dk2": "1F3864",
    "lt2": "E9EEF6",
    "accent1": "2F5597",
    "accent2": "C55A11",
    "accent3": "7F7F7F",
    "accent4": "BF9000",
    "accent5": "5B9BD5",
    "accent6": "70AD47",
}


def emu(mm: float) -> int:
    return int(Mm(mm))


def placeholder_xml(shape_id: int, name: str, geometry, ph_type: str, idx, text) -> str:
    x, y, w, h = (emu(v) for v in geometry)
    idx_attr = f' idx="{idx}"' if idx is not None else ""
    type_attr = f' type="{ph_type}"' if ph_type != "body" or idx is None else ' type="body"'
    lst = ""
    body = '<a:p><a:endParaRPr lang="ja-JP"/></a:p>'
    if text:
        algn = f' algn="{text.get("algn", "l")}"'
        lst = (
            f'<a:lstStyle><a:lvl1pPr marL="0" indent="0"{algn}><a:buNone/>'
            f'<a:defRPr sz="{text["sz"]}"><a:solidFill><a:schemeClr val="{text["color"]}"/></a:solidFill>'
            "</a:defRPr></a:lvl1pPr></a:lstStyle>"
        )
    if ph_type == "sldNum":
        body = '<a:p><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="ja-JP"/><a:t>‹#›</a:t></a:fld></a:p>'
    anchor = ' anchor="ctr"' if ph_type in ("title", "ftr", "sldNum") or idx == 13 else ""
    outline = ""
    if text and text.get("frame"):
        outline = '<a:ln w="9525"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill></a:ln>'
    inset = (
        ' lIns="72000" tIns="36000" rIns="72000" bIns="36000"' if outline else ' lIns="0" tIns="0" rIns="0" bIns="0"'
    )
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f"<p:nvPr><p:ph{type_attr}{idx_attr}/></p:nvPr></p:nvSpPr>"
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>{outline}</p:spPr>'
        f"<p:txBody><a:bodyPr{inset}{anchor}><a:noAutofit/></a:bodyPr>{lst}{body}</p:txBody></p:sp>"
    )


def band_xml(shape_id: int) -> str:
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="ヘッダー帯"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(W)}" cy="{emu(BAND)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="tx2"/></a:solidFill>'
        "<a:ln><a:noFill/></a:ln></p:spPr>"
        '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="ja-JP"/></a:p></p:txBody></p:sp>'
    )


def accent_rule_xml(shape_id: int) -> str:
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="ヘッダー下線"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="0" y="{emu(BAND)}"/><a:ext cx="{emu(W)}" cy="{emu(1.2)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent2"/></a:solidFill>'
        "<a:ln><a:noFill/></a:ln></p:spPr>"
        '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="ja-JP"/></a:p></p:txBody></p:sp>'
    )


def reset_tree(owner, shapes: list[str]) -> None:
    """Replace every shape of a master/layout spTree (keeping the group properties) with ``shapes``."""
    tree = owner._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    for child in list(tree)[2:]:
        tree.remove(child)
    for xml in shapes:
        tree.append(etree.fromstring(xml))


def content_shapes(start_id: int = 2) -> list[str]:
    names = {
        "category": "分類",
        "title": "タイトル",
        "content": "本文領域",
        "footer": "フッター",
        "number": "ページ番号",
    }
    return [
        placeholder_xml(start_id + i, names[key], geo, ph_type, idx, text)
        for i, (key, (geo, ph_type, idx, text)) in enumerate(CONTENT_PLACEHOLDERS.items())
    ]


def style_theme(prs) -> None:
    master_part = prs.slide_master.part
    theme_part = next(r.target_part for r in master_part.rels.values() if r.reltype.endswith("/theme"))
    theme = etree.fromstring(theme_part.blob)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    theme.set("name", "packetgen")
    for font_kind in ("majorFont", "minorFont"):
        font = theme.find(f".//{a}{font_kind}")
        font.find(f"{a}latin").set("typeface", GOTHIC)
        font.find(f"{a}ea").set("typeface", GOTHIC)
        for script_font in font.findall(f"{a}font"):
            if script_font.get("script") == "Jpan":
                script_font.set("typeface", GOTHIC)
    scheme = theme.find(f".//{a}clrScheme")
    scheme.set("name", "packetgen")
    for name, rgb in SCHEME.items():
        slot = scheme.find(f"{a}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{a}srgbClr").set("val", rgb)
    theme_part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def style_master_text(master) -> None:
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(f"{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    title.set("algn", "l")
    rpr = title.find(qn("a:defRPr"))
    rpr.set("sz", "2000")
    rpr.set("b", "1")
    fill = rpr.find(qn("a:solidFill"))
    fill.find(qn("a:schemeClr")).set("val", "bg1")
    body = styles.find(qn("p:bodyStyle"))
    for level, size in zip(range(1, 10), (1600, 1400, 1300, 1200, 1200, 1200, 1200, 1200, 1200), strict=True):
        lvl = body.find(qn(f"a:lvl{level}pPr"))
        lvl.find(qn("a:defRPr")).set("sz", str(size))


def name_layout(layout, name: str) -> None:
    layout._element.find(qn("p:cSld")).set("name", name)


# the layouts of python-pptx's default template that become packetgen's, by packetgen's name
PLAN = {
    "title": "Title Slide",
    "section": "Section Header",
    "bullets": "Title and Content",
    "kpi": "Title Only",
    "table": "Two Content",
    "cards": "Comparison",
    "timeline": "Content with Caption",
    "note": "Picture with Caption",
}
LEFTOVER_LAYOUTS = ("Blank", "Title and Vertical Text", "Vertical Title and Text")


def build() -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Mm(W), Mm(H)
    style_theme(prs)
    master = prs.slide_master
    style_master_text(master)
    reset_tree(master, [band_xml(2), accent_rule_xml(3), *content_shapes(4)])

    by_default_name = {layout.name: layout for layout in prs.slide_layouts}
    for name in CONTENT_LAYOUTS:
        layout = by_default_name[PLAN[name]]
        name_layout(layout, name)
        reset_tree(layout, content_shapes())
    cover_layout(by_default_name[PLAN["title"]])
    section_layout(by_default_name[PLAN["section"]])
    for leftover in LEFTOVER_LAYOUTS:
        prs.slide_layouts.remove(by_default_name[leftover])

    props = prs.core_properties
    props.title = "packetgen スライドテンプレート"
    props.author = props.last_modified_by = "packetgen"
    props.comments = "packetgen の資料スライドのテンプレート。テーマ・マスター・レイアウトを自由に変更できます。"
    buffer = io.BytesIO()
    prs.save(buffer)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_bytes(with_fonts(buffer.getvalue(), load_setting(PROJECT)))  # every font from the setting
    print(f"wrote {OUT}")


def cover_layout(cover) -> None:
    """The cover: the framed 資料 label, a note, the title and subtitle over a thin band, no header."""
    name_layout(cover, "title")
    cover._element.set("showMasterSp", "0")
    reset_tree(
        cover,
        [
            placeholder_xml(
                2,
                "資料ラベル",
                (W - MARGIN - 140, 8, 140, 15),
                "body",
                13,
                {"sz": 1050, "color": "tx1", "algn": "r", "frame": True},
            ),
            placeholder_xml(3, "補足", (MARGIN, 8, 80, 10), "body", 14, {"sz": 1400, "color": "tx2"}),
            placeholder_xml(
                4,
                "タイトル",
                (MARGIN + 10, 78, W - 2 * MARGIN - 20, 30),
                "ctrTitle",
                None,
                {"sz": 2800, "color": "tx2", "algn": "ctr"},
            ),
            placeholder_xml(
                5,
                "サブタイトル",
                (MARGIN + 10, 112, W - 2 * MARGIN - 20, 14),
                "subTitle",
                1,
                {"sz": 1800, "color": "tx2", "algn": "ctr"},
            ),
            band_xml(6)
            .replace("ヘッダー帯", "表紙の帯")
            .replace(
                f'y="0"/><a:ext cx="{emu(W)}" cy="{emu(BAND)}"', f'y="{emu(130)}"/><a:ext cx="{emu(W)}" cy="{emu(3)}"'
            ),
        ],
    )


def section_layout(section) -> None:
    """A section's title page: title and subtitle, with the footer and page number of content slides."""
    name_layout(section, "section")
    reset_tree(
        section,
        [
            placeholder_xml(
                2, "タイトル", (MARGIN + 10, 80, W - 2 * MARGIN - 20, 24), "title", None, {"sz": 2800, "color": "tx2"}
            ),
            placeholder_xml(
                3, "サブタイトル", (MARGIN + 10, 106, W - 2 * MARGIN - 20, 14), "body", 1, {"sz": 1800, "color": "tx2"}
            ),
            *content_shapes()[3:],
        ],
    )


if __name__ == "__main__":
    build()

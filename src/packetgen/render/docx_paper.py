"""A Word paper given as it is (a 原稿 another section wrote): the packet's marks put on it and the font
setting applied; its content, styles and page set-up stay as they were.

- Its own headers and footers go. The first page's header holds the 資料 label at the right and every
  page's footer 「－ n －」 centred, as the packet's Word documents print them (templates/donation.docx:
  資料ラベル 10 pt right, ページ番号 9 pt centred, both 明朝). In the header rather than the body, the
  label moves none of the paper's lines to another page.
- Sections after the first have no headers or footers of their own, so by Word's rule they take the
  first section's; page numbers run on through the document (no restart, no other number format).
- Fonts: ``ooxml.normalize_package``'s pass, as every Office file packetgen makes; it also fixes the
  zip's times, so the same paper gives the same bytes.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from lxml import etree

from packetgen.core.fonts import MINCHO, FontSetting
from packetgen.render.ooxml import normalize_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
HEADER_FOOTER = {f"{R}/header": "header", f"{R}/footer": "footer"}
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
A4_TWIPS = (11906, 16838)
A4_SLACK_TWIPS = 60  # about 1 mm either way
MM_PER_TWIP = 25.4 / 1440
OLE = b"\xd0\xcf\x11\xe0"  # a .doc, or a .docx locked with a password (Word encrypts it into this container)
# w:sectPr children that come after w:titlePg (the schema's order, which Word holds to)
_AFTER_TITLE_PG = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
# the marks' parts: (part name, relationship id, header or footer, reference type)
_LABEL = ("word/packetgen-label.xml", "rIdPacketgenLabel", "header", "first")
_FOLIO_FIRST = ("word/packetgen-folio-first.xml", "rIdPacketgenFolioFirst", "footer", "first")
_FOLIO = ("word/packetgen-folio.xml", "rIdPacketgenFolio", "footer", "default")
_PARAGRAPH = (
    '<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    '<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>'
)
_RUN_PROPERTIES = (
    f'<w:rPr><w:rFonts w:ascii="{MINCHO}" w:hAnsi="{MINCHO}" w:eastAsia="{MINCHO}" w:cs="{MINCHO}"/>'
    '<w:b w:val="0"/><w:i w:val="0"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
)


class Unreadable(Exception):
    """The file is not a Word document packetgen can use; the message says why, in Japanese."""


@dataclass(frozen=True)
class DocxPaper:
    sizes: tuple[tuple[float, float], ...]  # each section's page (width, height) in mm
    own_marks: str | None  # the text of its own headers and footers; None when it had none
    tracked: bool = False  # tracked changes left in what prints (LibreOffice prints their markup)
    comments: bool = False  # comments on the body (LibreOffice's PDF leaves them out)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _entries(data: bytes) -> dict[str, bytes]:
    if data[:4] == OLE:
        raise Unreadable(
            "パスワードで保護されたファイルか、古い形式（.doc）のファイルです。Word で開いてパスワードを外し、"
            "「Word 文書（*.docx）」として保存し直してください"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return {info.filename: package.read(info.filename) for info in package.infolist()}
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise Unreadable("Word 文書（.docx）として開けません。ファイルが壊れていないか確認してください") from None


def _parts(data: bytes) -> dict[str, bytes]:
    """The package's parts, each XML part checked to parse; Unreadable when it is no Word document."""
    parts = _entries(data)
    if DOCUMENT not in parts or "[Content_Types].xml" not in parts:
        raise Unreadable("Word 文書（.docx）ではありません（本文 word/document.xml がありません）")
    for name, body in parts.items():
        if name.endswith((".xml", ".rels")):
            try:
                root = etree.fromstring(body)
            except etree.XMLSyntaxError:
                raise Unreadable(f"Word 文書（.docx）の中身（{name}）が壊れています") from None
            if name == DOCUMENT and root.tag != _w("document"):
                raise Unreadable(
                    "Word の「Strict Open XML 文書」形式です。Word で「Word 文書（*.docx）」として保存し直してください"
                )
    return parts


def _sections(document: etree._Element) -> list[etree._Element]:
    """The w:sectPr of each section in order (not those a tracked change keeps)."""
    return [s for s in document.iter(_w("sectPr")) if s.getparent().tag in (_w("pPr"), _w("body"))]


def _header_footer_rels(parts: dict[str, bytes]) -> list[etree._Element]:
    rels = parts.get(DOCUMENT_RELS)
    if rels is None:
        return []
    return [r for r in etree.fromstring(rels) if r.get("Type") in HEADER_FOOTER]


def _target(relationship: etree._Element, base: str = "word") -> str:
    return posixpath.normpath(posixpath.join(base, relationship.get("Target", "")))


def read_docx(data: bytes) -> DocxPaper:
    """Its sections' page sizes, the text of its own headers and footers, and whether tracked changes
    or comments are left in it."""
    parts = _parts(data)
    document = etree.fromstring(parts[DOCUMENT])
    sizes = []
    for section in _sections(document):
        size = section.find(_w("pgSz"))
        if size is not None and size.get(_w("w")) and size.get(_w("h")):
            twips = (int(float(size.get(_w("w")))), int(float(size.get(_w("h")))))
            sizes.append((round(twips[0] * MM_PER_TWIP), round(twips[1] * MM_PER_TWIP)))
    texts, marked = [], False
    for relationship in _header_footer_rels(parts):
        body = parts.get(_target(relationship))
        if body is None:
            continue
        root = etree.fromstring(body)
        texts += [t.text for t in root.iter(_w("t")) if t.text and t.text.strip()]
        marked = marked or any(True for _ in root.iter(_w("drawing"), _w("pict"), _w("object"), _w("fldSimple")))
    own = " ".join(" ".join(texts).split())
    tracked = any(_has(etree.fromstring(parts[name]), _CHANGES) for name in _PRINTED if name in parts)
    return DocxPaper(tuple(sizes), own if own or marked else None, tracked, _has(document, ("commentReference",)))


# The parts that print as they are and may hold tracked changes: the body and its notes. The headers
# and footers are replaced by the marks (``stamp_docx``), so their changes never print.
_PRINTED = (DOCUMENT, "word/footnotes.xml", "word/endnotes.xml")
_CHANGES = ("ins", "del", "moveFrom", "moveTo")


def _has(root: etree._Element, tags: tuple[str, ...]) -> bool:
    return any(True for _ in root.iter(*(_w(tag) for tag in tags)))


def is_a4(size_mm: tuple[float, float]) -> bool:
    short, long = sorted(size_mm)
    slack = A4_SLACK_TWIPS * MM_PER_TWIP
    return abs(short - A4_TWIPS[0] * MM_PER_TWIP) <= slack and abs(long - A4_TWIPS[1] * MM_PER_TWIP) <= slack


def _paragraph(align: str, size: int, runs: list[str]) -> str:
    props = _RUN_PROPERTIES.format(size=size)
    body = "".join(f"<w:r>{props}{run}</w:r>" for run in runs)
    return f"<w:p>{_PARAGRAPH.format(align=align)}{body}</w:p>"


def _part_xml(root: str, paragraph: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{root} xmlns:w="{W}" xmlns:r="{R}">'
        f"{paragraph}</w:{root}>"
    ).encode()


def _marks(label: str) -> dict[str, bytes]:
    """The label's header and the two page-number footers (the first page's and the others')."""
    label_runs = [f'<w:t xml:space="preserve">{escape(label)}</w:t>'] if label else []
    folio = [
        '<w:t xml:space="preserve">－ </w:t>',
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>1</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
        '<w:t xml:space="preserve"> －</w:t>',
    ]
    footer = _part_xml("ftr", _paragraph("center", 18, folio))
    return {
        _LABEL[0]: _part_xml("hdr", _paragraph("right", 20, label_runs)),
        _FOLIO_FIRST[0]: footer,
        _FOLIO[0]: footer,
    }


def _set_sections(document: etree._Element) -> None:
    """Every section without headers, footers or page numbering of its own; the first with the marks."""
    sections = _sections(document)
    if not sections:  # Word allows a body without one: its page set-up is then the application's
        body = document.find(_w("body"))
        sections = [etree.SubElement(body if body is not None else document, _w("sectPr"))]
    for section in sections:
        for child in list(section):
            if child.tag in (_w("headerReference"), _w("footerReference"), _w("titlePg"), _w("pgNumType")):
                section.remove(child)
    first = sections[0]
    for index, (_, rid, kind, which) in enumerate((_LABEL, _FOLIO_FIRST, _FOLIO)):
        reference = etree.Element(_w(f"{kind}Reference"))
        reference.set(_w("type"), which)
        reference.set(f"{{{R}}}id", rid)
        first.insert(index, reference)
    title_page = etree.Element(_w("titlePg"))  # the first page has its own header: the label
    anchor = next((c for c in first if isinstance(c.tag, str) and etree.QName(c).localname in _AFTER_TITLE_PG), None)
    if anchor is None:
        first.append(title_page)
    else:
        anchor.addprevious(title_page)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels_of(part: str) -> str:
    return posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")


def _internal_targets(rels: bytes, base: str) -> set[str]:
    return {_target(r, base) for r in etree.fromstring(rels) if r.get("TargetMode") != "External"}


def _drop_own_marks(parts: dict[str, bytes], rels: etree._Element) -> set[str]:
    """Remove the paper's header and footer parts, their relationships and the images only they used;
    returns the parts removed."""
    dropped = set()
    for relationship in [r for r in rels if r.get("Type") in HEADER_FOOTER]:
        rels.remove(relationship)
        dropped.add(_target(relationship))
    used_by_them: set[str] = set()
    for part in dropped:
        parts.pop(part, None)
        own = parts.pop(_rels_of(part), None)
        if own is not None:
            used_by_them |= _internal_targets(own, posixpath.dirname(part))
    used = set()
    for name, body in parts.items():
        if name.endswith(".rels") and name not in (DOCUMENT_RELS, "_rels/.rels"):
            used |= _internal_targets(body, posixpath.dirname(posixpath.dirname(name)))
    used |= {_target(r) for r in rels if r.get("TargetMode") != "External"}
    for part in used_by_them - used:
        parts.pop(part, None)
    return dropped | (used_by_them - used)


def _add_marks(parts: dict[str, bytes], rels: etree._Element, dropped: set[str], label: str) -> None:
    """The marks' parts, their relationships and content types (the removed parts' types gone)."""
    types = etree.fromstring(parts["[Content_Types].xml"])
    for override in list(types):
        if override.get("PartName", "").lstrip("/") in dropped:
            types.remove(override)
    taken = {r.get("Id") for r in rels}
    for (name, rid, kind, _), body in zip((_LABEL, _FOLIO_FIRST, _FOLIO), _marks(label).values(), strict=True):
        if rid in taken:
            raise Unreadable(f"Word 文書（.docx）の中に packetgen の印と同じ名前（{rid}）があります")
        etree.SubElement(
            rels, f"{{{PKG}}}Relationship", Id=rid, Type=f"{R}/{kind}", Target=posixpath.relpath(name, "word")
        )
        etree.SubElement(types, f"{{{CT}}}Override", PartName=f"/{name}", ContentType=CONTENT_TYPE.format(kind))
        parts[name] = body
    parts["[Content_Types].xml"] = _xml(types)
    parts[DOCUMENT_RELS] = _xml(rels)


def _one_header_set(parts: dict[str, bytes]) -> None:
    """Word's 「奇数/偶数ページ別指定」 off: even pages would look for even headers, and there are none."""
    settings = parts.get("word/settings.xml")
    if settings is None:
        return
    root = etree.fromstring(settings)
    for element in root.findall(_w("evenAndOddHeaders")):
        root.remove(element)
    parts["word/settings.xml"] = _xml(root)


CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
_CORE = (  # the core properties of a package that has none; normalize_package pins the two times
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<cp:coreProperties xmlns:cp="{CP}" xmlns:dc="{DC}" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<dcterms:created xsi:type="dcterms:W3CDTF"></dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF"></dcterms:modified></cp:coreProperties>'
).encode()


def _set_core(parts: dict[str, bytes], title: str) -> None:
    """The document's title is its 名称; its author is emptied, as the packet does not know who wrote
    it and the field often names a staff member's computer login; last saved by packetgen, as the
    packet's other Word documents."""
    rels = etree.fromstring(parts.get("_rels/.rels", _EMPTY_RELS))
    core = next((r for r in rels if r.get("Type") == CORE_REL), None)
    name = _target(core, "") if core is not None else "docProps/core.xml"
    if core is None or name not in parts:
        if core is None:
            etree.SubElement(rels, f"{{{PKG}}}Relationship", Id="rIdPacketgenCore", Type=CORE_REL, Target=name)
            parts["_rels/.rels"] = _xml(rels)
        types = etree.fromstring(parts["[Content_Types].xml"])
        etree.SubElement(types, f"{{{CT}}}Override", PartName=f"/{name}", ContentType=CORE_TYPE)
        parts["[Content_Types].xml"] = _xml(types)
        parts[name] = _CORE
    root = etree.fromstring(parts[name])
    for tag, value in ((f"{{{DC}}}title", title), (f"{{{DC}}}creator", ""), (f"{{{CP}}}lastModifiedBy", "packetgen")):
        element = root.find(tag)
        (element if element is not None else etree.SubElement(root, tag)).text = value
    parts[name] = _xml(root)


_EMPTY_RELS = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}"/>'.encode()


def stamp_docx(data: bytes, label: str, title: str, fonts: FontSetting, when: datetime) -> bytes:
    """The paper with the label (none when empty) on its first page, page numbers on every page,
    ``title`` as its title and the setting's fonts; Unreadable when it is no Word document."""
    parts = _parts(data)
    names = list(parts)  # the package's order, the marks' parts after it
    rels = etree.fromstring(parts.get(DOCUMENT_RELS, _EMPTY_RELS))
    dropped = _drop_own_marks(parts, rels)
    _add_marks(parts, rels, dropped, label)
    document = etree.fromstring(parts[DOCUMENT])
    _set_sections(document)
    parts[DOCUMENT] = _xml(document)
    _one_header_set(parts)
    _set_core(parts, title)
    order = [n for n in names if n in parts] + [n for n in parts if n not in names]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in order:
            package.writestr(name, parts[name])
    return normalize_package(out.getvalue(), when, fonts)

"""The text of each slide, page or sheet of a built Office file, read with the Office libraries (no
LibreOffice), or of each page of a PDF given as it is (pypdf): what ``packetgen diff`` compares.

A snapshot is ``{document id: {"name", "title", "file", "kind", "units": [{"label", "text"}]}}``:
one unit per slide (pptx), per page as the document's forced page breaks make them (docx), per sheet
(xlsx), per page (pdf). A unit's text is one line per paragraph (a table row's cells joined by 「　」), so a diff can
say which line changed. Build keeps the snapshot of the files it leaves in the manifest's ``review``
block (``built``: so the folder still holds only the documents and their manifest, and depends on
nothing but them); print keeps the snapshot of what it printed in ``printed/office.json`` (next to
``printed/text.json``, the PDF text per page). The entries' types live with the manifest
(core/manifest.py's ``DocumentText``), which keeps them.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path

from packetgen.core import japanese
from packetgen.core.manifest import DocumentRecord, DocumentText, Snapshot, TextUnit

PRINTED_OFFICE = "printed/office.json"

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

READER = 2  # raised when the extraction changes, so a kept entry is read again rather than reused


def _lines(lines: list[str]) -> str:
    return "\n".join(line for line in (" ".join(part.split()) for part in lines) if line)


def _drawing_paragraph(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{A}t"))


def pptx_units(data: bytes) -> list[TextUnit]:
    from pptx import Presentation

    units = []
    for number, slide in enumerate(Presentation(io.BytesIO(data)).slides, start=1):
        lines: list[str] = []
        for element in slide.shapes._spTree.iter(f"{A}tbl", f"{P}txBody", f"{A}txBody"):
            if element.tag == f"{A}tbl":
                for row in element.iter(f"{A}tr"):
                    cells = ["".join(_drawing_paragraph(p) for p in tc.iter(f"{A}p")) for tc in row.iter(f"{A}tc")]
                    lines.append("　".join(c for c in cells if c))
            elif not any(parent.tag == f"{A}tbl" for parent in element.iterancestors()):
                lines += [_drawing_paragraph(p) for p in element.iter(f"{A}p")]
        units.append(TextUnit(label=f"スライド{number}", text=_lines(lines)))
    return units


def docx_units(data: bytes) -> list[TextUnit]:
    """Pages as the document's forced breaks make them (a paragraph or style with 「改ページ」 before,
    or a page break); text that flows onto a next page on its own stays on its page here."""
    from docx import Document

    document = Document(io.BytesIO(data))
    breaking = {s.style_id for s in document.styles if _style_breaks(s)}
    pages: list[list[str]] = [[]]
    for element in document.element.body.iterchildren():
        if element.tag == f"{W}p":
            style = element.find(f"{W}pPr/{W}pStyle")
            own = element.find(f"{W}pPr/{W}pageBreakBefore")
            starts = (own is not None and own.get(f"{W}val") not in ("0", "false")) or (
                own is None and style is not None and style.get(f"{W}val") in breaking
            )
            if starts and any(pages[-1]):
                pages.append([])
            text = ""
            for node in element.iter(f"{W}t", f"{W}br", f"{W}tab"):
                if node.tag == f"{W}br" and node.get(f"{W}type") == "page":
                    pages[-1].append(text)
                    pages.append([])
                    text = ""
                elif node.tag == f"{W}tab":
                    text += " "
                elif node.tag == f"{W}t":
                    text += node.text or ""
            pages[-1].append(text)
        elif element.tag == f"{W}tbl":
            for row in element.iter(f"{W}tr"):
                cells = ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in row.iter(f"{W}tc")]
                pages[-1].append("　".join(c for c in cells if c))
    return [TextUnit(label=f"ページ{n}", text=_lines(lines)) for n, lines in enumerate(pages, start=1)]


def _style_breaks(style) -> bool:
    seen = 0
    while style is not None and seen < 20:
        fmt = getattr(style, "paragraph_format", None)
        if fmt is not None and fmt.page_break_before is not None:
            return bool(fmt.page_break_before)
        style = getattr(style, "base_style", None)
        seen += 1
    return False


def xlsx_units(data: bytes) -> list[TextUnit]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True)
    units = []
    for sheet in workbook.worksheets:
        lines = []
        for row in sheet.iter_rows():
            # a formula's text is the same whatever the figures are: the figures typed are what changes
            cells = [_cell(c.value) for c in row if c.data_type != "f" and c.value is not None and str(c.value).strip()]
            lines.append("　".join(cells))
        units.append(TextUnit(label=f"シート「{sheet.title}」", text=_lines(lines)))
    workbook.close()
    return units


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def pdf_units(data: bytes) -> list[TextUnit]:
    """A PDF given as it is: one unit per page, its text as pypdf extracts it (in the order the PDF
    draws it, which for most papers is the reading order)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [
        TextUnit(label=f"ページ{n}", text=_lines(page.extract_text().splitlines()))
        for n, page in enumerate(reader.pages, start=1)
    ]


KINDS = {
    ".pptx": ("slide", pptx_units),
    ".docx": ("page", docx_units),
    ".xlsx": ("sheet", xlsx_units),
    ".pdf": ("page", pdf_units),
}


def units_of(name: str, data: bytes) -> list[TextUnit]:
    """The text units of the Office file ``name`` (by its suffix) whose bytes are ``data``."""
    return KINDS[Path(name).suffix][1](data)


def document_text(record: DocumentRecord, units: list[TextUnit]) -> DocumentText:
    """One document's entry of a snapshot, from its manifest record and its file's ``units_of``."""
    text = DocumentText(
        name=japanese.material_label(record.label) if record.label else record.title,
        title=record.title,
        file=record.path,
        sha256=record.sha256,
        reader=READER,
        kind=KINDS[Path(record.path).suffix][0],
        units=units,
    )
    if record.kind:
        text["document_kind"] = record.kind
    return text


def load(path: Path) -> Snapshot | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def dumps(snapshot: Snapshot) -> bytes:
    return (json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def current(output_dir: Path, records: Iterable[DocumentRecord], known: Snapshot | None = None) -> Snapshot:
    """The snapshot of the Office files the manifest lists: an entry of ``known`` is reused when made
    from the same bytes, any other file is read (a packet built before snapshots existed)."""
    known = known or {}
    result: Snapshot = {}
    for record in records:
        if Path(record.path).suffix not in KINDS:
            continue
        old = known.get(record.id)
        if old and (old["sha256"], old["file"], old["reader"]) == (record.sha256, record.path, READER):
            result[record.id] = old
            if record.kind:  # a snapshot kept from before the manifest recorded the 種類
                result[record.id]["document_kind"] = record.kind
            continue
        try:
            data = (output_dir / record.path).read_bytes()
        except OSError:
            continue
        result[record.id] = document_text(record, units_of(record.path, data))
    return result

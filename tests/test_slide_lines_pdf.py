"""The decks as LibreOffice draws them break lines exactly where the fitter did (the <a:br/> they
carry), so the PDF has no phrase split or widow the typesetting report does not know of.

Skipped where LibreOffice or pdfplumber is absent; CI sets PACKETGEN_REQUIRE_PDF=1 (see test_pdf)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from test_decks import DECKS
from test_pdf import require_tools

pytestmark = pytest.mark.pdf
EMU_PER_PT = 12700


def _areas(slide):
    """(rectangle in points, [lines of each paragraph]) of every content text box and table cell."""
    for shape in slide.shapes:
        if shape.is_placeholder:
            continue
        if shape.has_text_frame:
            paras = [p.text.split("\v") for p in shape.text_frame.paragraphs]
            yield _rect(shape.left, shape.top, shape.width, shape.height), paras
        elif shape.has_table:
            top = shape.top
            for row in shape.table.rows:
                left = shape.left
                for c, cell in enumerate(row.cells):
                    width = shape.table.columns[c].width
                    yield _rect(left, top, width, row.height), [p.text.split("\v") for p in cell.text_frame.paragraphs]
                    left += width
                top += row.height


def _rect(*emu: int) -> tuple[float, float, float, float]:
    x, y, w, h = (v / EMU_PER_PT for v in emu)
    return x, y, x + w, y + h


def _rendered_lines(page, rect) -> list[str]:
    x0, top, x1, bottom = rect
    chars = [
        c
        for c in page.chars
        if not c["text"].isspace()
        and x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1
        and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1
    ]
    lines: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["bottom"]), c["x0"])):
        if lines and abs(lines[-1][-1]["bottom"] - c["bottom"]) < c["size"] * 0.5:
            lines[-1].append(c)
        else:
            lines.append([c])
    return ["".join(c["text"] for c in sorted(line, key=lambda c: c["x0"])) for line in lines]


@pytest.mark.slow
@pytest.mark.xdist_group("print")  # built_pdfs: the session print, made on that worker
@pytest.mark.parametrize("deck_id", ["1-1", "1-2"])
def test_libreoffice_breaks_every_line_where_the_deck_says(
    built_packet: Path, built_pdfs: dict[str, Path], deck_id: str
) -> None:
    require_tools()
    pdfplumber = pytest.importorskip("pdfplumber")
    deck = built_packet / DECKS[deck_id]
    pdf = built_pdfs[deck.name]  # LibreOffice's PDF (the session print) of the shared build's deck
    checked = 0
    with pdfplumber.open(pdf) as document:
        for number, (slide, page) in enumerate(zip(Presentation(str(deck)).slides, document.pages, strict=True), 1):
            for rect, paras in _areas(slide):
                carried = ["".join(line.split()) for para in paras for line in para if line.strip()]
                if not carried:
                    continue
                # bullet glyphs (▶ ・ ✓ ◇) are drawn by the renderer, not held in the text
                drawn = [line for line in _rendered_lines(page, rect) if line]
                drawn = [
                    line[1:] if line[0] in "▶・✓◇-➤" and not want.startswith(line[0]) else line
                    for line, want in zip(drawn, carried, strict=False)
                ]
                assert drawn == carried, (number, carried)
                checked += len(carried)
    assert checked > 300 if deck_id == "1-1" else checked > 150

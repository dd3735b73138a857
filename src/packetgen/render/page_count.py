"""How many pages a built file (an Office file, or a PDF given as it is) prints on, as its format
declares it: the print step holds the print PDF to this. One function per format, chosen by the
file's suffix; each imports its format's library only when it is called.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

PageRange = tuple[int, int | None]  # (fewest, most); None: no upper bound


def slide_pages(path: Path) -> PageRange:
    """One page per slide."""
    from pptx import Presentation

    slides = len(Presentation(str(path)).slides)
    return (slides, slides)


def sheet_pages(path: Path) -> PageRange:
    """The pages each sheet's print set-up declares (render/xlsx.py's ``declared_pages``)."""
    from openpyxl import load_workbook

    from packetgen.render.xlsx import declared_pages

    # not read_only: a read-only sheet does not read its page breaks
    pages = sum(declared_pages(ws) for ws in load_workbook(path).worksheets)
    return (pages, pages)


def word_pages(path: Path) -> PageRange:
    """At least one page per forced page break; how far the text runs on only Word's layout knows."""
    from packetgen.render.docx_template import docx_min_pages

    return (docx_min_pages(path), None)


def pdf_pages(path: Path) -> PageRange:
    """A PDF (a paper given as it is) prints as it is: its own page count."""
    from pypdf import PdfReader

    pages = len(PdfReader(path).pages)
    return (pages, pages)


BY_SUFFIX: dict[str, Callable[[Path], PageRange]] = {
    ".pptx": slide_pages,
    ".xlsx": sheet_pages,
    ".docx": word_pages,
    ".pdf": pdf_pages,
}


def expected_pages(path: Path) -> PageRange:
    """The file's pages by its format; a format not in the table prints on at least one page."""
    count = BY_SUFFIX.get(path.suffix)
    return count(path) if count else (1, None)

"""The text of every printed page (pdftotext): what the preview page compares page by page, and what
printed/text.json keeps for the next print to compare with."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from packetgen.printing.job import PrintedDocument


def page_texts(pdf: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext -layout; the output ends with a page break)."""
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    return pages[:-1] if pages and pages[-1] == "" else pages


def printed_text(
    documents: list[PrintedDocument], staging: Path, previous: Path, known: dict[str, list[str]] | None = None
) -> dict[str, list[str]]:
    """By PDF name, the text of its pages: read from the PDFs in ``staging``, reused from the last
    print (``previous``: its printed/ folder) for a reused PDF; ``known``: texts read already."""
    try:
        before = json.loads((previous / "text.json").read_text("utf-8"))
    except (OSError, ValueError):
        before = {}
    text: dict[str, list[str]] = {}
    for doc in documents:
        if known and len(known.get(doc.pdf, [])) == doc.pages:
            text[doc.pdf] = known[doc.pdf]
        elif doc.reused and isinstance(before.get(doc.pdf), list) and len(before[doc.pdf]) == doc.pages:
            text[doc.pdf] = before[doc.pdf]
        else:
            text[doc.pdf] = page_texts(staging / doc.pdf)[: doc.pages]
    return text

"""printed/: the baseline of the next print's review, kept outside print/ so that withdrawing stale
print data never loses what was last handed to the printer."""

from __future__ import annotations

import json
from pathlib import Path

from packetgen.building.layout import PREVIEW_DIR
from packetgen.printing.job import PrintedDocument, link


def write_baseline(documents: list[PrintedDocument], text: dict[str, list[str]], staging: Path, printed: Path) -> None:
    """The text of every printed page (text.json) and the page images (pages/, hard links to the
    previews in ``staging``) into ``printed``."""
    for doc in documents:
        stem = Path(doc.pdf).stem
        link(staging / PREVIEW_DIR / stem, printed / "pages" / stem)
    (printed / "text.json").write_text(json.dumps(text, ensure_ascii=False, indent=1) + "\n", "utf-8")

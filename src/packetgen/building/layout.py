"""The outputs folder of a meeting, outputs/DATE/: the names of what build, print and watch leave there.

manifest.json              what was made, from what (core.manifest)
<資料>.docx|.pptx|.xlsx     the Office files (build)
print/                     the print hand-off: one PDF per document, packet.pdf, the 印刷発注書,
print/preview/             page images per document (page-N.jpg), contact sheets, the preview page
printed/                   the baseline of the last print (text per page, page images)
印刷データ_DATE.zip          the files for the printing office
"""

from __future__ import annotations

from pathlib import Path

PRINT_DIR = "print"
PACKET_PDF = "packet.pdf"
ORDER = "印刷発注書"
ORDER_FILES = tuple(f"{ORDER}{suffix}" for suffix in (".pdf", ".csv", ".xlsx"))
PREVIEW_DIR = "preview"
PRINTED_DIR = "printed"  # the baseline of the last print (text per page, page images)


def zip_name(key: str) -> str:
    return f"印刷データ_{key}.zip"


def pages_of(folder: Path) -> list[Path]:
    """A document's page images in page order (page-N.jpg, N padded to the page count's digits)."""
    return sorted(folder.glob("page-*.jpg"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))

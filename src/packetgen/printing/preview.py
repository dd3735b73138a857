"""Previews for a person to check the packet before it goes out: PNG pages and a contact sheet."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw

from packetgen.errors import PacketError

DPI = 40
COLUMNS = 4
GAP = 8


def render_pages(pdf: Path, folder: Path, timeout: float = 300) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise PacketError("pdftoppm が見つかりません。`apt-get install poppler-utils` でインストールしてください")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(folder / "page")],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return sorted(folder.glob("page-*.png"))


def contact_sheet(pages: list[Path], target: Path) -> None:
    """All pages of one document on one image, numbered, in reading order."""
    images = [Image.open(p).convert("RGB") for p in pages]
    w = max(i.width for i in images)
    h = max(i.height for i in images)
    cols = min(COLUMNS, len(images))
    rows = -(-len(images) // cols)
    sheet = Image.new("RGB", (cols * (w + GAP) + GAP, rows * (h + GAP) + GAP), (128, 128, 128))
    draw = ImageDraw.Draw(sheet)
    for n, image in enumerate(images):
        x = GAP + (n % cols) * (w + GAP)
        y = GAP + (n // cols) * (h + GAP)
        sheet.paste(image, (x, y))
        draw.rectangle((x, y, x + 22, y + 12), fill=(0, 0, 0))
        draw.text((x + 2, y + 1), str(n + 1), fill=(255, 255, 255))
    sheet.save(target, optimize=True)

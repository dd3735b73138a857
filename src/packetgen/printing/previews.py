"""A print's previews, made while it goes on: each PDF's pages rendered as soon as it is handed in
(preview.py's worker processes), its contact sheet once all are there."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packetgen.building.layout import ORDER, PREVIEW_DIR
from packetgen.printing.job import WORKERS
from packetgen.printing.preview import PreviewPool, Tiles, contact_sheet


class Previews:
    """Page images and a contact sheet per PDF: pages rendered by two worker processes as soon as
    each PDF is handed in, while checks, packet.pdf and the order go on; numbered in the progress.
    ``wait`` makes the contact sheets once all pages are there (and raises what went wrong).
    ``tiles``: the contact sheets' tiles, kept by the print or the watch session; ``earlier``: for a
    PDF, the images already drawn of its unchanged pages (page index → image), linked, not redrawn."""

    def __init__(
        self,
        staging: Path,
        say: Callable[[str], None],
        tiles: Tiles,
        earlier: Callable[[Path], dict[int, Path]] | None = None,
    ) -> None:
        self.staging, self.say, self.tiles, self.earlier = staging, say, tiles, earlier
        self.names = [f"{ORDER}.pdf"]  # the documents converted this time come first, the order last
        self.pool = PreviewPool()
        self.handed: list[str] = []

    def __call__(self, pdfs: list[str]) -> None:
        for name in pdfs:
            stem = Path(name).stem
            self.say(f"  プレビュー（{self.names.index(name) or len(self.names)}/{len(self.names)}）：{stem}")
            keep = self.earlier(self.staging / name) if self.earlier else None
            self.pool.submit(self.staging / name, self.staging / PREVIEW_DIR / stem, keep)
            self.handed.append(name)

    def wait(self) -> None:
        try:  # two at a time: Pillow decodes, scales and encodes without holding the GIL
            with ThreadPoolExecutor(WORKERS) as sheets:
                done = []
                for name in self.handed:
                    stem = Path(name).stem
                    pages = self.pool.finish(self.staging / name)
                    target = self.staging / PREVIEW_DIR / f"{stem}_一覧.png"
                    done.append(sheets.submit(contact_sheet, pages, target, self.tiles))
                for future in done:
                    future.result()
        finally:
            self.pool.close()

"""What the print steps share: the job they work on (one print, or one proof refresh of packetgen
watch), each document's printed PDF, how many processes work at once, and hard links."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from packetgen.building.packet import Packet, PlannedDocument
from packetgen.core import platform
from packetgen.core.manifest import Manifest

WORKERS = 2  # LibreOffice processes and preview renderers at once: the machine's two cores


@dataclass(frozen=True)
class PrintJob:
    """One print (or proof refresh): the meeting and its plan, the manifest as the build left it, and
    the print folder being made (in the outputs workspace, committed at the end)."""

    packet: Packet
    plan: list[PlannedDocument]
    previous: Manifest  # manifest.json as the build left it
    staging: Path  # the new print/ folder
    say: Callable[[str], None]


@dataclass(frozen=True)
class PrintedDocument:
    planned: PlannedDocument
    pdf: str
    pages: int
    landscape: bool
    reused: bool
    source_sha256: str  # of the Office file the PDF was made from

    @property
    def name(self) -> str:
        return self.planned.entry.short_name


def link(source: Path, target: Path) -> None:
    """A file or a folder's files shared by hard link (a copy where links are impossible): PDFs and
    page images are never changed in place, only replaced."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, copy_function=platform.share_file)
    else:
        platform.share_file(source, target)

"""Print data is never stale: when a build changes a document, what was printed from the old file
goes in the same atomic commit.

A build that changes a document withdraws its PDF and previews and everything made from the whole
set — packet.pdf, the 印刷発注書, the zip — while PDFs of unchanged documents stay (the next print
reuses them). What was printed last (text per page and page images) lives in ``printed/``, outside
``print/``, so a later review still has its baseline. Kept free of Office and PDF libraries: every
build imports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from packetgen.building.layout import ORDER, ORDER_FILES, PACKET_PDF, PREVIEW_DIR, PRINT_DIR, zip_name
from packetgen.core.manifest import Manifest, Withdrawn


@dataclass
class Withdrawal:
    """What a build removes from the print hand-off, and the manifest without it."""

    manifest: Manifest
    files: set[str] = field(default_factory=set)  # paths relative to outputs/DATE
    documents: list[str] = field(default_factory=list)  # the changed documents, as the user names them

    @property
    def any(self) -> bool:
        return bool(self.files)


def _pdf_files(pdf: str, output_dir: Path) -> set[str]:
    """A document's PDF and its previews (page images and contact sheet)."""
    stem = Path(pdf).stem
    files = {pdf, f"{PRINT_DIR}/{PREVIEW_DIR}/{stem}", f"{PRINT_DIR}/{PREVIEW_DIR}/{stem}_一覧.png"}
    return {f for f in files if (output_dir / f).exists()}


def withdraw(output_dir: Path, key: str, manifest: Manifest, changed: dict[str, tuple[str, str]]) -> Withdrawal:
    """``changed``: document id → (name for messages, sha256 of its new Office file). Returns what to
    remove so no print file shows an old version, and a new manifest to match (``manifest`` stays as
    it is)."""
    files: set[str] = set()
    names: list[str] = []
    ids: list[str] = []
    for record in manifest.documents:
        new = changed.get(record.id)
        if new is None or record.printed is None:
            continue
        pdf = record.printed.pdf
        if record.printed.pdf_source_sha256 == new[1] and (output_dir / pdf).is_file():
            continue  # rebuilt to the same bytes (--force): its PDF is still true
        files |= _pdf_files(pdf, output_dir)
        names.append(new[0])
        ids.append(record.id)
    if not names:
        return Withdrawal(manifest, files)
    whole_set = [f"{PRINT_DIR}/{PACKET_PDF}", zip_name(key)]
    whole_set += [f"{PRINT_DIR}/{name}" for name in ORDER_FILES]
    whole_set += [f"{PRINT_DIR}/{PREVIEW_DIR}/{ORDER}", f"{PRINT_DIR}/{PREVIEW_DIR}/{ORDER}_一覧.png"]
    files |= {f for f in whole_set if (output_dir / f).exists()}
    withdrawn = manifest.with_printed(dict.fromkeys(ids))
    if manifest.print is not None:
        was = Withdrawn(because=tuple(names), was=manifest.print)
        withdrawn = withdrawn.model_copy(update={"print": None, "print_withdrawn": was})
    return Withdrawal(withdrawn, files, names)


def message(withdrawal: Withdrawal, key: str) -> str:
    """One line for the build summary."""
    return (
        f"印刷データを取り下げました（{'・'.join(withdrawal.documents)}を作り直したため）："
        f"その資料のPDF、packet.pdf、印刷発注書、{zip_name(key)}。"
        f"印刷所に渡す前に packetgen print {key} を実行してください"
    )

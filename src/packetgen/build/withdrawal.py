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
from typing import Any

from packetgen.build.layout import ORDER, ORDER_FILES, PACKET_PDF, PDF_KEYS, PREVIEW_DIR, PRINT_DIR, zip_name


@dataclass
class Withdrawal:
    """What a build removes from the print hand-off, and the manifest without it."""

    files: set[str] = field(default_factory=set)  # paths relative to outputs/DATE
    documents: list[str] = field(default_factory=list)  # the changed documents, as the user names them
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return bool(self.files)


def _pdf_files(pdf: str, output_dir: Path) -> set[str]:
    """A document's PDF and its previews (page images and contact sheet)."""
    stem = Path(pdf).stem
    files = {pdf, f"{PRINT_DIR}/{PREVIEW_DIR}/{stem}", f"{PRINT_DIR}/{PREVIEW_DIR}/{stem}_一覧.png"}
    return {f for f in files if (output_dir / f).exists()}


def withdraw(output_dir: Path, key: str, manifest: dict[str, Any], changed: dict[str, tuple[str, str]]) -> Withdrawal:
    """``changed``: document id → (name for messages, sha256 of its new Office file). Returns what to
    remove so no print file shows an old version, and ``manifest`` updated to match."""
    result = Withdrawal(manifest=manifest)
    for record in manifest.get("documents", []):
        new = changed.get(record.get("id"))
        pdf = record.get("pdf")
        if new is None or not isinstance(pdf, str):
            continue
        if record.get("pdf_source_sha256") == new[1] and (output_dir / pdf).is_file():
            continue  # rebuilt to the same bytes (--force): its PDF is still true
        result.files |= _pdf_files(pdf, output_dir)
        result.documents.append(new[0])
        for name in PDF_KEYS:
            record.pop(name, None)
    if result.documents:
        whole_set = [f"{PRINT_DIR}/{PACKET_PDF}", zip_name(key)]
        whole_set += [f"{PRINT_DIR}/{name}" for name in ORDER_FILES]
        whole_set += [f"{PRINT_DIR}/{PREVIEW_DIR}/{ORDER}", f"{PRINT_DIR}/{PREVIEW_DIR}/{ORDER}_一覧.png"]
        result.files |= {f for f in whole_set if (output_dir / f).exists()}
        if "print" in manifest:
            manifest["print_withdrawn"] = {"because": result.documents, "was": manifest.pop("print")}
    return result


def message(withdrawal: Withdrawal, key: str) -> str:
    """One line for the build summary."""
    return (
        f"印刷データを取り下げました（{'・'.join(withdrawal.documents)}を作り直したため）："
        f"その資料のPDF、packet.pdf、印刷発注書、{zip_name(key)}。"
        f"印刷所に渡す前に packetgen print {key} を実行してください"
    )

"""Every built Office file passes the Open XML SDK's rules (openxml-audit), so Word, PowerPoint and
Excel open it without a repair prompt. Known findings of the libraries are filtered: python-docx's
default stylesWithEffects part and openpyxl's font element order (DESIGN §4), and openpyxl's inline
strings, which Excel reads and turns into a shared-string table only when the user saves."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

KNOWN = ("stylesWithEffects",)


def not_ours(error: dict) -> bool:
    text = json.dumps(error, ensure_ascii=False)
    if any(k in text for k in KNOWN):
        return True
    if "inline-string cell" in text:
        return True
    # openpyxl writes <font> children out of schema order; Excel reads them without complaint
    return "/xl/styles.xml" in text and "/fonts[" in text


@pytest.fixture(scope="module")
def reports(built_packet: Path) -> dict[str, dict]:
    """openxml-audit's report of every Office file of the shared build, by file name (one process for
    all: its start is most of the time)."""
    pytest.importorskip("openxml_audit")
    out = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-o", "json", "-m", "0", "-r", str(built_packet)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return {Path(report["file"]).name: report for report in json.loads(out.stdout)}


@pytest.mark.slow
@pytest.mark.parametrize("pattern", ["*.docx", "*.pptx", "*.xlsx"])
def test_outputs_open_without_repair(built_packet: Path, reports: dict[str, dict], pattern: str) -> None:
    files = sorted(path.name for path in built_packet.glob(pattern))
    assert files
    for name in files:
        errors = [e for e in reports[name]["errors"] if not not_ours(e)]
        assert errors == [], (name, errors[:5])

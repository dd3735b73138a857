"""The 分析結果 sheet breaks its own lines (Calc wraps cells without 禁則, so a lone 「。」 once
started a line): between phrases, never before a closing mark, in Calc's PDF too."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from packetgen.office.soffice import find_soffice

CLOSING = tuple("、。，．）」』】〕！？ー")  # literal: what may never start a line


def _findings(built: Path) -> list[str]:
    ws = load_workbook(next(built.glob("資料No.2_*.xlsx")))["分析結果"]
    return [str(ws.cell(r, 2).value) for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "▶"]


def test_findings_are_broken_into_lines_that_never_start_with_a_closing_mark(built_packet: Path) -> None:
    findings = _findings(built_packet)
    assert len(findings) == 6
    assert findings[3].split("\n") == [  # finding 4, as the seed reads, broken between phrases
        "自然動態（出生・死亡）の推移は、年々出生数が減少傾向、死亡者数は増加傾向にあり、自然減が",
        "加速している。",
    ]
    for text in findings:
        lines = text.split("\n")
        assert len(lines) >= 2
        assert not any(line.startswith(CLOSING) for line in lines), lines


@pytest.mark.pdf
@pytest.mark.skipif(
    find_soffice() is None and not os.environ.get("PACKETGEN_REQUIRE_PDF"), reason="LibreOffice not installed"
)
@pytest.mark.xdist_group("print")  # built_pdfs: the session print, made on that worker
def test_calc_keeps_the_breaks(built_packet: Path, built_pdfs: dict[str, Path]) -> None:
    pdf = built_pdfs[next(built_packet.glob("資料No.2_*.xlsx")).name]
    text = subprocess.run(["pdftotext", "-f", "10", "-l", "10", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "加速している。" in lines
    assert not any(line.startswith(CLOSING) for line in lines), lines
    for finding in _findings(built_packet):  # every line as written, none wrapped again
        for line in finding.split("\n"):
            assert line.replace("▶", "").strip() in {x.replace("▶", "").strip() for x in lines}, line

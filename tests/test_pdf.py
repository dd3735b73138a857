"""Render through LibreOffice: page count, A4, embedded Japanese fonts, real text.

Skipped only where LibreOffice or poppler is absent; CI sets PACKETGEN_REQUIRE_PDF=1, which turns
that skip into a failure so the PDF checks always run there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from packetgen.office.convert import convert_to_pdf
from packetgen.office.soffice import find_soffice

pytestmark = pytest.mark.pdf


def require_tools() -> None:
    missing = [t for t in ("pdffonts", "pdfinfo", "pdftotext") if not shutil.which(t)]
    if find_soffice() is None:
        missing.append("soffice")
    if missing:
        if os.environ.get("PACKETGEN_REQUIRE_PDF"):
            pytest.fail(f"PDF tools missing: {missing}")
        pytest.skip(f"PDF tools missing: {missing}")


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type… encoding emb sub uni object id: read from the right, names have no spaces
        rows.append({"name": parts[0], "emb": parts[-5], "uni": parts[-3]})
    return rows


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


@pytest.mark.slow
@pytest.mark.xdist_group("print")  # built_pdfs: the session print, made on that worker
def test_agenda_renders_to_three_a4_pages_with_embedded_japanese_fonts(built_pdfs: dict[str, Path]) -> None:
    require_tools()
    pdf = built_pdfs["次第・参加者名簿.docx"]  # LibreOffice's PDF (the session print) of the shared build's agenda
    info = pdf_info(pdf)
    assert info["Pages"] == "3"
    assert "(A4)" in info["Page size"]
    fonts = pdf_fonts(pdf)
    assert fonts, "no fonts in the PDF"
    assert all(f["emb"] == "yes" for f in fonts), fonts
    # the font setting's 明朝 (BIZ UD明朝 Medium, Debian's BIZ UDMincho) and ゴシック, nothing else
    assert {f["name"].split("+")[-1] for f in fonts} == {"BIZUDMincho-Regular", "BIZUDPGothic-Regular"}, fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    text = "".join(text.split())  # pdftotext spaces out digits between Japanese characters
    assert "令和5年7月27日（木）13：30～15：00" in text
    assert "中机" in text and "欠席" in text


@pytest.mark.slow
def test_missing_input_is_caught_even_though_libreoffice_exits_zero(built_packet: Path, tmp_path: Path) -> None:
    require_tools()
    from packetgen.core.errors import PacketError

    with pytest.raises(PacketError, match=r"missing\.docx"):
        convert_to_pdf([built_packet / "次第・参加者名簿.docx", tmp_path / "missing.docx"], tmp_path / "out")


@pytest.mark.slow
@pytest.mark.xdist_group("print")  # built_pdfs: the session print, made on that worker
def test_decks_render_one_page_per_slide_in_the_japanese_font(built_packet: Path, built_pdfs: dict[str, Path]) -> None:
    require_tools()
    from pptx import Presentation

    decks = sorted(built_packet.glob("資料No.1-*.pptx"))
    assert len(decks) == 2
    pdfs = [built_pdfs[deck.name] for deck in decks]  # the session print's PDFs of the decks
    for deck, pdf in zip(decks, pdfs, strict=True):
        info = pdf_info(pdf)
        assert int(info["Pages"]) == len(Presentation(str(deck)).slides)
        assert "(A4)" in info["Page size"]
        fonts = pdf_fonts(pdf)
        assert all(f["emb"] == "yes" for f in fonts), fonts
        # every font is the slide font, BIZ UDPゴシック and its real bold: no fallback (e.g. DejaVu for
        # a glyph the font lacks)
        assert {f["name"].split("+")[-1] for f in fonts} == {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"}, fonts


@pytest.mark.slow
@pytest.mark.xdist_group("print")  # built_pdfs: the session print, made on that worker
def test_workbook_prints_at_full_size_on_the_pages_it_declares(built_packet: Path, built_pdfs: dict[str, Path]) -> None:
    require_tools()
    import openpyxl

    (workbook,) = built_packet.glob("資料No.2_*.xlsx")
    pdf = built_pdfs[workbook.name]  # LibreOffice's PDF (the session print) of the shared build's workbook
    assert len(openpyxl.load_workbook(workbook, read_only=True).sheetnames) == 7
    info = pdf_info(pdf)
    # laid out for A4 at 100 %: 人口推移, 地域別人口 and 人口構造 take two pages each, the others one
    assert int(info["Pages"]) == 10
    assert "(A4)" in info["Page size"] and info["Page size"].startswith("595")  # portrait
    assert {f["name"].split("+")[-1] for f in pdf_fonts(pdf)} <= {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"}
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "△1,634" in text and "174,342人をピーク" in text

"""The fewest pages a Word file prints on (print holds LibreOffice's PDF to it): one, plus one per
forced break — a style that breaks before its paragraphs counts as much as a typed break."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK

from packetgen.render.docx_template import docx_min_pages


def test_page_break_styles_and_typed_breaks_both_count(tmp_path: Path) -> None:
    doc = Document()
    heading = doc.styles.add_style("NewPageHeading", 1)  # a paragraph style
    heading.paragraph_format.page_break_before = True
    doc.add_paragraph("表紙")
    doc.add_paragraph("第1章", style="NewPageHeading")  # page 2
    doc.add_paragraph("本文").add_run().add_break(WD_BREAK.PAGE)  # page 3
    doc.add_paragraph("第2章", style="NewPageHeading")  # page 4
    path = tmp_path / "pages.docx"
    doc.save(str(path))
    assert docx_min_pages(path) == 4


def test_the_seed_agenda_and_report(built_packet: Path) -> None:
    assert docx_min_pages(built_packet / "次第・参加者名簿.docx") == 3
    assert docx_min_pages(built_packet / "資料No.3_一関市企業版ふるさと納税について.docx") == 1

"""The population workbook: computed differences equal the seed, charts point at the right cells,
A4 print set-up with the label, Japanese fonts, findings computed and broken into lines with 禁則 (in
Calc's PDF too), bad figures refused. The figures themselves: test_population_figures.py."""

from __future__ import annotations

import os
import statistics
import subprocess
from collections import Counter
from pathlib import Path

import openpyxl
import pandas as pd
import pdfplumber
import pytest
from openpyxl import load_workbook

from conftest import DATE, ROOT, run, snapshot, with_outputs_of
from packetgen.analysis import population as pa
from packetgen.documents import registry
from packetgen.office.soffice import find_soffice
from packetgen.render.xlsx import declared_pages
from test_pdf import require_tools

GOTHIC = "BIZ UDPゴシック"  # the font setting's ゴシック (templates/fonts.yaml)
WORKBOOK = "資料No.2_人口動態について.xlsx"
NATURAL_SEED = [-1327, -1404, -1244, -1416, -1634]
SOCIAL_SEED = [-394, -621, -591, -387, -417]
# pages each sheet prints on (A4 portrait, 100 %): tables, then charts where both do not fit one page
PAGES = {"人口推移": 2, "地域別人口": 2, "人口構造": 2, "自然動態": 1, "社会動態": 1, "転入・転出": 1, "分析結果": 1}


@pytest.fixture(scope="module")
def built(built_packet: Path) -> Path:
    return built_packet


@pytest.fixture(scope="module")
def wb(built: Path):
    return openpyxl.load_workbook(built / WORKBOOK)


def frame(name: str, columns: dict[str, str]) -> pd.DataFrame:
    raw = pd.read_csv(ROOT / "inputs" / DATE / "population" / name)
    return raw.rename(columns=columns).assign(row=range(2, len(raw) + 2))


def test_pandas_differences_equal_the_seed() -> None:
    natural = pa.dynamics(
        frame("natural.csv", {"年度": "year", "出生": "births", "死亡": "deaths"}), "births", "deaths"
    )
    social = pa.dynamics(
        frame("social.csv", {"年度": "year", "転入": "moves_in", "転出": "moves_out"}), "moves_in", "moves_out"
    )
    assert natural["diff"].tolist() == NATURAL_SEED
    assert social["diff"].tolist() == SOCIAL_SEED
    assert list(natural.index) == ["H30", "R1", "R2", "R3", "R4"]


def evaluate(ws, ref: str) -> int:
    """Evaluate the workbook's own difference formula (=B5-B6) from the cells it names."""
    formula = ws[ref].value
    assert isinstance(formula, str) and formula.startswith("="), formula
    left, right = formula[1:].split("-")
    return ws[left].value - ws[right].value


@pytest.mark.parametrize(("sheet", "expected"), [("自然動態", NATURAL_SEED), ("社会動態", SOCIAL_SEED)])
def test_the_workbook_computes_the_differences_itself(wb, sheet: str, expected: list[int]) -> None:
    ws = wb[sheet]
    assert [ws.cell(row=4, column=c).value for c in range(2, 7)] == ["H30", "R1", "R2", "R3", "R4"]
    assert ws["A7"].value == "差"
    assert [evaluate(ws, f"{col}7") for col in "BCDEF"] == expected
    assert ws["B7"].number_format == '#,##0;"△"#,##0'


def test_charts_and_their_ranges(wb) -> None:
    counts = {ws.title: len(ws._charts) for ws in wb.worksheets}
    assert counts == {
        "人口推移": 2,
        "地域別人口": 2,
        "人口構造": 2,
        "自然動態": 1,
        "社会動態": 1,
        "転入・転出": 0,
        "分析結果": 0,
    }
    natural = wb["自然動態"]._charts[0]
    assert [s.val.numRef.f for s in natural.series] == ["'自然動態'!$B$5:$F$5", "'自然動態'!$B$6:$F$6"]
    line = natural._charts[1]  # the 差 line on a secondary axis, combined with the columns
    assert [s.val.numRef.f for s in line.series] == ["'自然動態'!$B$7:$F$7"]
    assert line.y_axis.axId == 200
    trend = wb["人口推移"]._charts[0]
    assert trend.series[0].val.numRef.f.startswith("'人口推移'!$C$")


def test_print_setup_header_and_fonts(wb) -> None:
    # A4 portrait at 100 %: never fitted to a page, which shrank the wide sheets to 5–7 pt
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "portrait", ws.title
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert not ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(ws.page_setup.scale) == 100
        assert ws.print_area
        assert "第1回一関市まち・ひと・しごと創生有識者会議【資料No.2】" in ws.oddHeader.right.text
        assert int(ws.oddHeader.right.size) >= 8 and int(ws.oddFooter.center.size) >= 8
        fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
        assert fonts == {GOTHIC}, (ws.title, fonts)
        # every printed row has its height: LibreOffice would not grow a row to its wrapped text
        assert all(ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)), ws.title


def test_sheets_declare_their_pages_and_the_print_check_expects_them(built: Path, wb) -> None:
    assert {ws.title: declared_pages(ws) for ws in wb.worksheets} == PAGES
    assert registry.builder(registry.POPULATION).expected_pages(built / WORKBOOK) == (10, 10)
    # the breaks fall between blocks: 人口推移's two charts print together, after the tables
    ws = wb["人口推移"]
    (page_break,) = ws.row_breaks.brk
    charts = sorted(chart.anchor._from.row + 1 for chart in ws._charts)
    assert charts == [page_break.id + 1, page_break.id + 2]


def test_charts_have_rows_of_their_own(wb) -> None:
    # a chart sits in an empty row as tall as the chart: no table runs under it, no break cuts it
    for ws in wb.worksheets:
        for chart in ws._charts:
            row = chart.anchor._from.row + 1
            assert all(cell.value is None for cell in ws[row]), (ws.title, row)
            assert ws.row_dimensions[row].height * 2.54 / 72 >= chart.height, (ws.title, row)


def test_findings_rows_are_as_tall_as_their_wrapped_text(wb) -> None:
    ws = wb["分析結果"]
    width = ws.column_dimensions["B"].width
    assert ws.column_dimensions["A"].width + width <= 64  # the printable width of portrait A4
    for r in range(4, 10):
        text = ws.cell(row=r, column=2).value
        assert ws.cell(row=r, column=1).value == "▶"
        assert ws.cell(row=r, column=2).alignment.wrap_text
        assert ws.cell(row=r, column=2).font.size == 12
        lines = -(-len(text) // 50)  # at most 50 full-width characters of 12 pt fit the line
        assert ws.row_dimensions[r].height >= lines * 12, (r, lines)


# the 分析結果 sheet breaks its own lines (Calc wraps cells without 禁則, so a lone 「。」 once started a
# line): between phrases, never before a closing mark, in Calc's PDF too
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
def test_calc_keeps_the_findings_line_breaks(built_packet: Path, built_pdfs: dict[str, Path]) -> None:
    pdf = built_pdfs[next(built_packet.glob("資料No.2_*.xlsx")).name]
    text = subprocess.run(["pdftotext", "-f", "10", "-l", "10", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "加速している。" in lines
    assert not any(line.startswith(CLOSING) for line in lines), lines
    for finding in _findings(built_packet):  # every line as written, none wrapped again
        for line in finding.split("\n"):
            assert line.replace("▶", "").strip() in {x.replace("▶", "").strip() for x in lines}, line


def test_chart_text_names_the_japanese_font(built: Path) -> None:
    import zipfile

    with zipfile.ZipFile(built / WORKBOOK) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 8
        for name in charts:
            xml = z.read(name).decode("utf-8")
            assert f'<a:ea typeface="{GOTHIC}"' in xml and f'<a:latin typeface="{GOTHIC}"' in xml, name


def test_findings_cite_computed_numbers(wb) -> None:
    # each finding's lines are broken by packetgen (禁則, phrases): the text is the lines joined
    texts = [wb["分析結果"].cell(row=r, column=2).value.replace("\n", "") for r in range(4, 10)]
    assert "1955年（昭和30年）の174,342人をピーク" in texts[0]
    assert "大東地域は1955年（昭和30年）以降の20年間" in texts[0]
    assert "令和2年の人口を112,500人と推計" in texts[1] and "111,932人となり" in texts[1]
    # the seed's words, except 「令和4年から」→「令和4年度から」: the 社会動態 table is kept by 年度
    assert texts[3] == (
        "自然動態（出生・死亡）の推移は、年々出生数が減少傾向、死亡者数は増加傾向にあり、自然減が加速している。"
    )
    assert texts[4] == "社会動態（転入・転出）の推移は、令和4年度から転入も転出も増加したが、転出超過が続いている。"
    assert all("{" not in t for t in texts)


def test_area_table_and_totals(wb) -> None:
    ws = wb["地域別人口"]
    areas = [ws.cell(row=r, column=1).value for r in range(5, 13)]
    assert areas == ["一関", "花泉", "大東", "千厩", "東山", "室根", "川崎", "藤沢"]
    headers = [ws.cell(row=4, column=c).value for c in range(2, 6)]
    assert headers[1] == "2017年\n住民基本台帳"
    assert ws["C13"].value == "=SUM(C5:C12)"
    assert sum(ws.cell(row=r, column=3).value for r in range(5, 13)) == 121069
    # 室根 has no 2020 estimate in the seed: the cell stays empty, never filled in
    assert ws["E10"].value is None


def test_unknown_migration_figures_stay_blank(wb) -> None:
    ws = wb["転入・転出"]
    assert [ws.cell(row=r, column=1).value for r in range(5, 9)] == ["東京圏", "仙台市", "盛岡市", "奥州市"]
    assert all(ws.cell(row=r, column=c).value is None for r in range(5, 9) for c in (2, 3))
    assert "確認できないため空欄" in ws["A10"].value


def test_rebuild_is_byte_identical(project: Path, _full_build: Path) -> None:
    built = with_outputs_of(_full_build, project)  # a copy: the shared build is never written
    before = snapshot(built)
    assert run(project, "build", DATE, "--only", "population", "--force").exit_code == 0
    assert snapshot(built) == before


@pytest.mark.parametrize(
    ("file", "old", "new", "words"),
    [
        (
            "natural.csv",
            "R2,555,1799,-1244",
            "R2,555,1799,-1200",
            ["natural.csv 4行目 D列「差」", "差（△1,200）が 出生−死亡（△1,244）と合いません"],
        ),
        ("social.csv", "R4,2513,2930,-417", "R4,2513,2930,△400", ["social.csv 6行目 D列「差」", "（△417）"]),
        (
            "series.csv",
            "一関市,2017,121069",
            "一関市,2017,121000",
            ["series.csv 10行目 C列「人口」", "8地域の合計（121,069）"],
        ),
        ("natural.csv", "H30,626", "H30,六百", ["natural.csv 2行目 B列「出生」", "整数"]),
        ("natural.csv", "R1,545", "R13,545", []),
        ("age.csv", "全国,2020年国勢調査,0-4,2311189", "全国,2020年国勢調査,0-4,2311000", ["age.csv 2行目", "男＋女"]),
        ("age.csv", "0-4,", "10-19,", ["年齢の区分"]),
        ("series.csv", "一関市,1985,146065,国勢調査", "一関市,1985,146065,国調", ["series.csv 3行目 D列「種別」"]),
    ],
)
def test_inconsistent_figures_are_refused_naming_file_and_row(
    project: Path, file: str, old: str, new: str, words: list[str]
) -> None:
    path = project / "inputs" / DATE / "population" / file
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    result = run(project, "build", DATE, "--only", "population")
    if not words:  # R13 is a valid label (a future year): nothing to refuse
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 1
    for word in words:
        assert word in result.stderr, result.stderr
    assert not (project / "outputs" / DATE).exists()


def test_unknown_placeholder_in_findings_is_named(project: Path) -> None:
    path = project / "inputs" / DATE / "population" / "findings.yaml"
    path.write_text(path.read_text("utf-8").replace("{city_peak}", "{city_top}"), "utf-8")
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert "{city_top}" in result.stderr and "分析結果[1]" in result.stderr


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.xdist_group("print")  # built_pdfs: the session print, made on that worker
def test_printed_workbook_is_a4_and_readable_on_every_page(built: Path, built_pdfs: dict[str, Path]) -> None:
    # measured in the PDF LibreOffice makes (chart text too): no glyph under 8 pt, a median of 10 pt or
    # more on every page, A4 portrait, as many pages as the workbook declares, nothing cut off
    require_tools()
    pdf = built_pdfs[WORKBOOK]  # LibreOffice's PDF (the session print) of the shared build's workbook
    sheets = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            assert (round(page.width), round(page.height)) == (595, 842), number  # A4 portrait
            sizes = [c["size"] for c in page.chars if c["text"].strip()]
            assert sizes, f"page {number} is empty"
            low, median = min(sizes), statistics.median(sizes)
            assert low >= 8 and median >= 10, f"page {number}: smallest {low:.2f} pt, median {median:.2f} pt"
            text = page.extract_text()
            assert "###" not in text, number  # a number too wide for its column
            sheets.append(text.split()[0])  # the header's left part names the sheet
            if sheets[-1] == "分析結果":
                findings = "".join(text.split())
    assert len(sheets) == 10 == registry.builder(registry.POPULATION).expected_pages(built / WORKBOOK)[0]
    assert dict(Counter(sheets)) == PAGES
    wb = openpyxl.load_workbook(built / WORKBOOK)
    for r in range(4, 10):  # every finding printed in full: no line lost under a short row
        assert "".join(wb["分析結果"].cell(row=r, column=2).value.split()) in findings, r

"""The donation report: seed figures and totals, checked 計 rows, the worked example from the rates,
the year-on-year table, refused inputs, typography, A4, determinism and the PDF rendering.

Figures marked 「テストデータ」 below are made up for the tests; the seed figures come from
inputs/2023-07-27/donation/ (transcribed from the 2023-07-27 packet).
"""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import DATE, run, snapshot
from packetgen.analysis.donation import rate_text, worked_example, year_on_year
from packetgen.inputs.donation import DonationRecord
from packetgen.inputs.donation_totals import totals_by_year
from references import missing_east_asian_fonts

REPORT = "資料No.3_一関市企業版ふるさと納税について.docx"
RECORDS = "donation/records.csv"
TEXT = "donation/report.yaml"
HEADER = "年度,対象事業の区分,事業名,寄附企業,寄附額（千円）,事業数,出典\n"
# テストデータ（架空）: two years, to show the year-on-year table
TWO_YEARS = HEADER + (
    "令和3年度,テスト区分甲,テスト事業A,テスト企業1株式会社,3000,1,テストデータ（架空）\n"
    "令和3年度,テスト区分乙,テスト事業B,テスト企業2株式会社,1200,1,テストデータ（架空）\n"
    "令和4年度,テスト区分甲,テスト事業A,テスト企業1株式会社,2000,1,テストデータ（架空）\n"
    "令和4年度,テスト区分甲,テスト事業A,テスト企業3株式会社,500,1,テストデータ（架空）\n"
    "令和4年度,,計,,2500,1,テストデータ（架空）\n"
)


def build(project: Path) -> Document:
    result = run(project, "build", DATE, "--only", "donation")
    assert result.exit_code == 0, result.stderr
    return Document(str(project / "outputs" / DATE / REPORT))


@pytest.fixture
def report(built_packet: Path) -> Document:
    """The seed report, as the session's build of the seed inputs made it (read, never written)."""
    return Document(str(built_packet / REPORT))


def paragraphs(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text.strip()]


def rows(table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), "utf-8")


# --- the seed: every figure appears and adds up ---------------------------------------------------


def test_seed_report_has_title_sections_and_text(report: Document) -> None:
    texts = paragraphs(report)
    assert texts[0] == "令和5年7月27日(木)　第1回一関市まち・ひと・しごと創生有識者会議【資料No.3】"
    assert texts[1] == "3.　一関市企業版ふるさと納税について"
    headings = [t for t in texts if t[:1] in "①②③④⑤"]
    assert headings == [
        "①　企業版ふるさと納税（地方創生応援税制）の概要",
        "②　寄附対象事業の状況",
        "③　地域再生計画のKPI*の状況について",
        "④　事業の評価",
        "⑤　今後の取組について",
    ]
    assert "損金算入による軽減効果（寄附額の約3割）と合わせて、最大で寄附額の約9割が軽減されます。" in texts
    assert "令和4年度寄附対象事業実績：105,000千円" in texts
    assert "一関市まち・ひと・しごと創生推進事業" in texts
    assert "（KPI*：施策ごとの進捗状況を検証するために設定する指標）" in texts
    assert "令和4年度は、市内外から人が集うまちをつくる事業に対する寄附がありました。" in texts
    assert any(t.startswith("この寄附を活用し2事業を実施したところであり") for t in texts)
    assert texts[-1].startswith("一関市まち・ひと・しごと創生有識者会議等での評価を踏まえ")  # ⑤ as the seed
    assert not any("{" in t for t in texts + [c for t in report.tables for r in rows(t) for c in r])


def test_seed_table_rows_and_computed_total(report: Document) -> None:
    _, projects = report.tables  # the worked example, then ②; one year: no year-on-year table
    assert rows(projects) == [
        ["事業名", "事業数", "寄附対象事業実績額"],
        [
            "市内外から人が集うまちをつくる事業\n（TGC teen 一関推進委員会負担金）",
            "1",
            "100,000千円\n（株式会社SHOEI）",
        ],
        ["市内外から人が集うまちをつくる事業\n（いちのせき起業応援事業）", "1", "5,000千円\n（株式会社パソナ）"],
        ["計", "2", "105,000千円"],
    ]


def test_totals_come_from_the_records(project: Path, meeting_dir: Path) -> None:
    # テストデータ: another amount and no 計 row; the printed totals follow the records
    records = meeting_dir / RECORDS
    edit(records, "株式会社パソナ,5000,", "株式会社パソナ,7000,")
    records.write_text("\n".join(records.read_text("utf-8").splitlines()[:-1]) + "\n", "utf-8")
    doc = build(project)
    assert "令和4年度寄附対象事業実績：107,000千円" in paragraphs(doc)
    assert rows(doc.tables[1])[-1] == ["計", "2", "107,000千円"]


def test_totals_by_year_groups_projects_and_companies() -> None:
    def gift(year: str, project: str, company: str, amount: int) -> DonationRecord:  # テストデータ
        return DonationRecord.model_validate(
            {
                "年度": year,
                "対象事業の区分": "区分",
                "事業名": project,
                "寄附企業": company,
                "寄附額（千円）": amount,
                "事業数": 1,
            }
        )

    years = totals_by_year(
        [gift("令和4年度", "B", "丙", 10), gift("令和3年度", "A", "甲", 5), gift("令和4年度", "B", "丁", 7)]
    )
    assert [y.fiscal_year for y in years] == [2021, 2022]
    (b,) = years[1].projects
    assert (b.project, b.companies, b.amount, b.donations) == ("B", ("丙", "丁"), 17, 2)
    assert (years[1].amount, years[1].project_count, years[1].donations) == (17, 1, 2)
    assert [c.change for c in year_on_year(years)] == [None, 12]


# --- stated totals that disagree are refused ------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            ",,計,,105000,2,",
            ",,計,,105001,2,",
            ["4行目", "E列「寄附額（千円）」", "計 105,001千円", "合計 105,000千円"],
        ),
        (",,計,,105000,2,", ",,計,,105000,3,", ["4行目", "F列「事業数」", "計 3", "合計 2"]),
        ("令和4年度,,計,", "令和3年度,,計,", ["4行目", "A列「年度」", "令和3年度の寄附のデータ行がありません"]),
    ],
    ids=["amount", "project count", "year without records"],
)
def test_mismatched_stated_total_is_refused_and_outputs_stay(
    project: Path, built: Path, meeting_dir: Path, old: str, new: str, words: list[str]
) -> None:
    before = snapshot(built)
    edit(meeting_dir / RECORDS, old, new)
    result = run(project, "build", DATE)
    assert result.exit_code == 1
    assert "inputs/2023-07-27/donation/records.csv" in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert snapshot(built) == before


BAD_RECORDS = [
    ("negative amount", ("SHOEI,100000,", "SHOEI,-100000,"), ["2行目", "E列「寄附額（千円）」", "0より大きい値"]),
    ("zero amount", ("SHOEI,100000,", "SHOEI,0,"), ["2行目", "E列「寄附額（千円）」", "0より大きい値"]),
    ("decimal comma", ("SHOEI,100000,", 'SHOEI,"1,5",'), ["2行目", "E列「寄附額（千円）」", "千円単位の整数", "1,5"]),
    ("amount in yen", ("SHOEI,100000,", "SHOEI,1億円,"), ["2行目", "E列「寄附額（千円）」", "千円単位の整数"]),
    ("year without 度", ("令和4年度,市内外", "令和4年,市内外"), ["2行目", "A列「年度」", "年度として読めません"]),
    ("no company", (",株式会社SHOEI,", ",,"), ["2行目", "D列「寄附企業」", "値がありません"]),
    ("zero projects", ("SHOEI,100000,1,", "SHOEI,100000,0,"), ["2行目", "F列「事業数」", "0より大きい値"]),
    ("company on the 計 row", (",,計,,", ",,計,株式会社X,"), ["4行目", "D列「寄附企業」", "計の行には寄附企業"]),
    ("missing column", ("寄附企業,", ""), ["1行目", "必要な列がありません", "寄附企業"]),
]


@pytest.mark.parametrize(("case", "change", "words"), BAD_RECORDS, ids=[c[0] for c in BAD_RECORDS])
def test_bad_records_are_refused_with_row_and_column(
    project: Path, meeting_dir: Path, case: str, change: tuple[str, str], words: list[str]
) -> None:
    edit(meeting_dir / RECORDS, *change)
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert "inputs/2023-07-27/donation/records.csv" in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert "Traceback" not in result.stderr


def test_same_project_with_different_project_counts_is_refused(project: Path, meeting_dir: Path) -> None:
    records = meeting_dir / RECORDS
    records.write_text(
        HEADER
        + "令和4年度,区分,事業A,テスト企業1,100,1,テストデータ\n令和4年度,区分,事業A,テスト企業2,50,2,テストデータ\n",
        "utf-8",
    )
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert "3行目 F列「事業数」" in result.stderr and "2行目と事業数が違います" in result.stderr


def test_invalid_rows_do_not_trigger_a_misleading_total_message(project: Path, meeting_dir: Path) -> None:
    edit(meeting_dir / RECORDS, "パソナ,5000,", "パソナ,five,")
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert "3行目 E列「寄附額（千円）」" in result.stderr
    assert "合いません" not in result.stderr  # the 計 is checked once the rows are valid


def test_xlsx_records_are_accepted(project: Path, meeting_dir: Path) -> None:
    wb = openpyxl.Workbook()
    for line in (meeting_dir / RECORDS).read_text("utf-8").splitlines():
        wb.active.append([int(c) if c.isdigit() else (c or None) for c in line.split(",")])
    wb.save(meeting_dir / "donation" / "records.xlsx")
    edit(meeting_dir / "meeting.yaml", "donation/records.csv", "donation/records.xlsx")
    assert rows(build(project).tables[1])[-1] == ["計", "2", "105,000千円"]


# --- the worked example ---------------------------------------------------------------------------


def test_worked_example_of_the_seed_rates(report: Document) -> None:
    example = report.tables[0]
    assert rows(example) == [
        ["区分", "寄附額に対する割合", "金額"],
        ["損金算入による軽減", "約3割", "300千円"],
        ["税額控除", "最大6割", "600千円"],
        ["軽減額の合計", "最大約9割", "900千円"],
        ["企業の実質負担", "約1割", "100千円"],
    ]
    assert "（計算例）寄附額1,000千円の場合" in paragraphs(report)


def test_worked_example_follows_the_rates_in_the_input(project: Path, meeting_dir: Path) -> None:
    # テストデータ: other rates and gift; every figure of the example and the text follows them
    text = meeting_dir / TEXT
    edit(text, "寄附額（千円）: 1000", "寄附額（千円）: 2500")
    edit(text, "損金算入による軽減: 3割", "損金算入による軽減: 20%")
    edit(text, "最大の軽減: 9割", "最大の軽減: 8割")
    doc = build(project)
    assert rows(doc.tables[0])[1:] == [
        ["損金算入による軽減", "約2割", "500千円"],
        ["税額控除", "最大6割", "1,500千円"],
        ["軽減額の合計", "最大約8割", "2,000千円"],
        ["企業の実質負担", "約2割", "500千円"],
    ]
    assert "損金算入による軽減効果（寄附額の約2割）と合わせて、最大で寄附額の約8割が軽減されます。" in paragraphs(doc)


def test_worked_example_adds_up_after_rounding() -> None:
    ex = worked_example(333, Decimal("0.275"), Decimal("0.9"))  # テストデータ
    assert (ex.deduction, ex.credit, ex.relief, ex.burden) == (92, 208, 300, 33)
    assert ex.deduction + ex.credit == ex.relief and ex.relief + ex.burden == ex.gift
    assert rate_text(Decimal("0.3")) == "3割" and rate_text(Decimal("0.275")) == "27.5%"


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("最大の軽減: 9割", "最大の軽減: 0.9", ["最大の軽減", "「3割」か「30%」"]),
        ("最大の軽減: 9割", "最大の軽減: 2割", ["計算例", "0 < 損金算入による軽減 < 最大の軽減"]),
        ("寄附額（千円）: 1000", "寄附額（千円）: 0", ["計算例.寄附額（千円）", "0より大きい値"]),
        ("約{最大軽減}", "約{最大控除}", ["制度の概要.本文[2]", "差し込み「{最大控除}」は使えません"]),
        ("  見出し: 事業の評価\n", "", ["事業の評価.見出し", "値がありません"]),
    ],
    ids=["bare number", "rates out of order", "zero gift", "unknown placeholder", "missing heading"],
)
def test_bad_report_text_is_refused_with_line_and_key(
    project: Path, meeting_dir: Path, old: str, new: str, words: list[str]
) -> None:
    edit(meeting_dir / TEXT, old, new)
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert "inputs/2023-07-27/donation/report.yaml" in result.stderr and "行目" in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)


def test_a_section_without_text_prints_its_heading_only(project: Path, meeting_dir: Path) -> None:
    text = meeting_dir / TEXT
    lines = text.read_text("utf-8").split("今後の取組:\n")
    text.write_text(lines[0] + "今後の取組:\n  見出し: 今後の取組について\n出典: テスト\n", "utf-8")
    texts = paragraphs(build(project))
    assert texts[-1] == "⑤　今後の取組について"


# --- several years --------------------------------------------------------------------------------


def test_two_years_add_a_year_on_year_table(project: Path, meeting_dir: Path) -> None:
    (meeting_dir / RECORDS).write_text(TWO_YEARS, "utf-8")
    doc = build(project)
    texts = paragraphs(doc)
    assert "令和4年度寄附対象事業実績：2,500千円" in texts  # the latest year in detail
    _, projects, history = doc.tables
    assert rows(projects)[1:] == [
        ["テスト区分甲\n（テスト事業A）", "1", "2,500千円\n（テスト企業1株式会社）\n（テスト企業3株式会社）"],
        ["計", "1", "2,500千円"],
    ]
    assert "年度別の推移" in texts
    assert rows(history) == [
        ["年度", "寄附件数", "事業数", "寄附額", "前年度からの増減"],
        ["令和3年度", "2", "2", "4,200千円", "－"],
        ["令和4年度", "2", "1", "2,500千円", "△1,700千円"],
    ]
    assert any(t.startswith("この寄附を活用し1事業を実施した") for t in texts)  # {事業数} follows the data


# --- label, registry, manifest --------------------------------------------------------------------


def test_label_is_printed_when_the_meeting_gives_a_number(report: Document, project: Path, meeting_dir: Path) -> None:
    first = report.paragraphs[0]
    assert first.text == "令和5年7月27日(木)　第1回一関市まち・ひと・しごと創生有識者会議【資料No.3】"
    assert first.style.name == "資料ラベル"
    edit(meeting_dir / "meeting.yaml", "    資料番号: No.3\n", "")
    assert run(project, "build", DATE, "--only", "donation").exit_code == 0
    plain = Document(str(project / "outputs" / DATE / REPORT.removeprefix("資料No.3_")))
    assert "【資料" not in plain.paragraphs[0].text


def test_listed_and_in_the_manifest(project: Path) -> None:
    listing = run(project, "list", DATE)
    assert "donation" in listing.stdout and "records.csv" in listing.stdout
    result = run(project, "build", DATE, "--only", "donation")
    assert result.exit_code == 0 and "1件の資料を作成しました" in result.stdout
    manifest = json.loads((project / "outputs" / DATE / "manifest.json").read_text("utf-8"))
    (entry,) = manifest["documents"]
    assert (entry["id"], entry["title"], entry["path"]) == ("donation", "一関市企業版ふるさと納税について", REPORT)


# --- typography, page, determinism ----------------------------------------------------------------


def test_fonts_a4_and_page_numbers(report: Document) -> None:
    assert missing_east_asian_fonts(report) == []
    default = report.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert default.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "BIZ UD明朝 Medium"
    for name in ("報告表題", "節見出し", "表見出し"):
        assert report.styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "BIZ UDPゴシック"
    assert report.styles["報告本文"].font.size.pt == 10.5
    section = report.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert "PAGE" in section.footer._element.xml


def test_rebuild_is_byte_identical(project: Path, built: Path) -> None:
    first = (built / REPORT).read_bytes()  # the session's build of the same inputs, copied
    assert run(project, "build", DATE, "--only", "donation", "--force").exit_code == 0
    assert (built / REPORT).read_bytes() == first


@pytest.mark.slow
@pytest.mark.pdf
@pytest.mark.xdist_group("print")  # built_pdfs: the session print, made on that worker
def test_pdf_is_one_a4_page_in_embedded_ipaex_fonts(built_pdfs: dict[str, Path]) -> None:
    from test_pdf import pdf_fonts, pdf_info, require_tools

    require_tools()
    pdf = built_pdfs[REPORT]  # LibreOffice's PDF (the session print) of the shared build's report (the seed inputs)
    info = pdf_info(pdf)
    assert info["Pages"] == "1" and "(A4)" in info["Page size"]
    fonts = pdf_fonts(pdf)
    assert all(f["emb"] == "yes" for f in fonts), fonts
    assert {f["name"].split("+")[-1] for f in fonts} == {"BIZUDMincho-Regular", "BIZUDPGothic-Regular"}, fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = "".join(text.split())  # pdftotext spaces out digits between Japanese characters
    for figure in ("105,000千円", "100,000千円", "5,000千円", "株式会社SHOEI", "株式会社パソナ", "900千円"):
        assert figure in text, figure

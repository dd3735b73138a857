"""A made-up second meeting (tests/second_meeting/, test data, not real figures): a new year, 次第,
members and documents, one more year of population and donation data. The whole packet builds,
every computed sentence is true of that data, and the first meeting's fixed words are refused."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import ROOT, copy_project, run

SECOND = "2024-07-25"
DATA = Path(__file__).parent / "second_meeting" / SECOND


@pytest.fixture
def second(tmp_path: Path) -> Path:
    project = copy_project(tmp_path)
    shutil.copytree(DATA, project / "inputs" / SECOND)
    return project


def findings(project: Path) -> list[str]:
    wb = openpyxl.load_workbook(project / "outputs" / SECOND / "資料No.2_人口動態について.xlsx")
    ws = wb["分析結果"]
    # each finding's lines are broken by packetgen: the sentence is its lines joined
    cells = [ws.cell(row=r, column=2).value for r in range(4, ws.max_row + 1)]
    return [value.replace("\n", "") for value in cells if value]


@pytest.mark.slow
def test_the_whole_second_packet_builds_with_true_sentences(second: Path) -> None:
    result = run(second, "build", SECOND)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (second / "outputs" / SECOND).glob("*.*x")) == [
        "次第・参加者名簿.docx",
        "資料No.1_デジタル田園都市国家構想総合戦略の概要.pptx",
        "資料No.2_人口動態について.xlsx",
        "資料No.3_一関市企業版ふるさと納税について.docx",
    ]
    # social.csv R4 → R5 (made-up): 転入 2,513 → 2,400, 転出 2,930 → 2,850; 転出超過 every year H30–R5
    # natural.csv (made-up R5): 出生 626, 545, 555, 482, 444, 410 (410 the least); 死亡 rising on the fitted line
    assert findings(second) == [
        "当市の人口は、1955年（昭和30年）の174,342人をピークに減少している。",
        "自然動態（出生・死亡）の推移は、出生数が減少傾向、死亡者数は増加傾向にある。"
        "令和5年度の出生数は410人で、平成30年度以降で最少となった。",
        "社会動態（転入・転出）の推移は、令和5年度は転入が前年度から113人減少、転出が前年度から80人減少し、"
        "転出超過が平成30年度から6年連続となっている。",
        "自然減は拡大が続いている。",
    ]
    report = docx.Document(second / "outputs" / SECOND / "資料No.3_一関市企業版ふるさと納税について.docx")
    texts = [p.text for p in report.paragraphs]
    # records.csv (made-up 令和5年度): 30,000 + 20,000 = 50,000千円, against 105,000千円 in 令和4年度
    assert (
        "令和5年度は、市内外から人が集うまちをつくる事業及び安心して暮らせるまちをつくる事業に対する寄附が"
        "ありました。寄附額の合計は50,000千円で、前年度から55,000千円減少しました。"
    ) in texts


def column(name: str, key: str) -> dict[str, int]:
    """A column of the made-up test data by 年度, read with the csv module (not packetgen)."""
    with (DATA / name).open(encoding="utf-8") as f:
        return {row["年度"]: int(row[key]) for row in csv.DictReader(f)}


def test_the_computed_sentences_agree_with_the_test_data_itself() -> None:
    # what the sentences above say, recomputed from the CSV files without packetgen
    moves_in, moves_out = column("population/social.csv", "転入"), column("population/social.csv", "転出")
    assert moves_in["R4"] - moves_in["R5"] == 113 and moves_out["R4"] - moves_out["R5"] == 80
    assert all(moves_out[y] > moves_in[y] for y in moves_in) and len(moves_in) == 6  # 6年連続 from H30
    births = column("population/natural.csv", "出生")
    assert births["R5"] == 410 == min(births.values()) and list(births.values()).count(410) == 1
    with (DATA / "donation" / "records.csv").open(encoding="utf-8") as f:
        gifts = [r for r in csv.DictReader(f) if r["事業名"] != "計"]
    by_year = {y: sum(int(r["寄附額（千円）"]) for r in gifts if r["年度"] == y) for y in ("令和4年度", "令和5年度")}
    assert by_year == {"令和4年度": 105000, "令和5年度": 50000}  # 前年度から55,000千円減少


def test_the_first_meetings_fixed_words_are_refused_on_the_new_data(second: Path) -> None:
    findings_file = second / "inputs" / SECOND / "population" / "findings.yaml"
    shutil.copy(ROOT / "inputs" / "2023-07-27" / "population" / "findings.yaml", findings_file)
    result = run(second, "build", SECOND)
    assert result.exit_code == 1
    message = "".join(result.stderr.split())
    assert "findings.yaml25行目分析結果[5].主張.転入:「転入:増加」とありますが、データと合いません" in message
    assert "転入は前年度から113人減少（令和4年度2,513人（inputs/2024-07-25/population/social.csv6行目）" in message
    assert "findings.yaml26行目分析結果[5].主張.転出:「転出:増加」" in message
    assert not (second / "outputs" / SECOND).exists()


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("{増減:寄附額}しました", "前年度から増加しました", ["「増加」と書かれていますが"]),
        # 事業数 is 2 in both years: neither a most nor a least
        ("寄附額の合計は", "事業数は{記録:事業数}で、合計は", ["令和5年度は事業数の最多でも最少でもありません"]),
    ],
    ids=["fixed word", "impossible record"],
)
def test_false_donation_sentences_are_refused(second: Path, old: str, new: str, words: list[str]) -> None:
    report = second / "inputs" / SECOND / "donation" / "report.yaml"
    report.write_text(report.read_text("utf-8").replace(old, new), "utf-8")
    result = run(second, "check", SECOND)
    assert result.exit_code == 1
    assert "inputs/2024-07-25/donation/report.yaml" in result.stderr and "事業の評価.本文[1]" in result.stderr
    for word in words:
        assert word in "".join(result.stderr.split()), result.stderr


def test_a_declared_donation_claim_is_checked(second: Path) -> None:
    report = second / "inputs" / SECOND / "donation" / "report.yaml"
    text = report.read_text("utf-8").replace(
        "    - この寄附を活用し",
        "    - 文: 寄附額は前年度より増えました。\n      主張:\n        寄附額: 増加\n    - この寄附を活用し",
    )
    report.write_text(text, "utf-8")
    result = run(second, "check", SECOND)
    assert result.exit_code == 1
    message = "".join(result.stderr.split())
    assert "事業の評価.本文[2].主張.寄附額:「寄附額:増加」とありますが、データと合いません" in message
    assert (
        "寄附額は前年度から55,000千円減少（令和4年度105,000千円（inputs/2024-07-25/donation/records.csv2・3行目）"
        in message
    )


def test_the_first_meetings_explanation_page_is_refused_as_stale(second: Path) -> None:
    # the 2023-07-27 page cites 資料No.1-2 (id 1-2), which this meeting does not have
    shutil.copy(ROOT / "inputs" / "2023-07-27" / "explanation.yaml", second / "inputs" / SECOND / "explanation.yaml")
    result = run(second, "check", SECOND)
    assert result.exit_code == 1
    message = "".join(result.stderr.split())
    assert (
        "inputs/2024-07-25/explanation.yaml11行目節[2].資料[1]:資料「1-2」はこの会議の資料にありません"
        "（今回の資料：agenda、1-1、population、donation）"
    ) in message


def test_an_explanation_of_an_item_not_on_the_agenda_is_refused(second: Path) -> None:
    path = second / "inputs" / SECOND / "explanation.yaml"
    path.write_text(path.read_text("utf-8").replace("次第: デジタル", "次第: 地方版総合戦略の改訂とデジタル"), "utf-8")
    result = run(second, "build", SECOND)
    assert result.exit_code == 1
    message = "".join(result.stderr.split())
    assert (
        "explanation.yaml2行目次第:次第「地方版総合戦略の改訂とデジタル田園都市国家構想総合戦略について」は" in message
    )
    assert "meeting.yamlの次第にありません（今回の次第：開会、協議、デジタル田園都市国家構想総合戦略について、" in (
        message
    )

"""A made-up meeting of another shape (tests/other_shape/, test data, not real figures): 報告 before
協議, both decks of 2023-07-27 dropped, a new deck under a new id, a 文書 made from its 本文, a paper
the prefecture sent taken as it is (.docx), 資料番号 in a new order. It builds and prints by inputs
alone, and its documents carry no sentence of the 2023-07-27 packet over, except those listed below."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import DATE, ROOT, copy_project, run
from packetgen.render.office_text import units_of

OTHER = "2024-11-21"
DATA = Path(__file__).parent / "other_shape" / OTHER
FILES = [  # (id, file) in the order meeting.yaml lists them
    ("次第", "次第・参加者名簿.docx"),
    ("寄附", "資料No.1_企業版ふるさと納税の実績.docx"),
    ("progress", "資料No.2_第2期総合戦略の進捗状況.pptx"),
    ("population", "資料No.3_人口の動き.xlsx"),
    ("policy", "資料No.4_次期総合戦略の策定方針（案）.docx"),
    ("prefecture", "参考資料_県の総合戦略の改訂について.docx"),
]


@pytest.fixture(scope="module")
def printed_other(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from test_pdf import require_tools

    require_tools()
    project = copy_project(tmp_path_factory.mktemp("other"))
    shutil.copytree(DATA, project / "inputs" / OTHER)
    built = run(project, "build", OTHER)
    assert built.exit_code == 0, built.stderr
    printed = run(project, "print", OTHER)
    assert printed.exit_code == 0, printed.stderr
    return project


@pytest.mark.pdf
@pytest.mark.slow
def test_a_meeting_of_another_shape_builds_and_prints_in_its_own_order(printed_other: Path) -> None:
    out = printed_other / "outputs" / OTHER
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert [(d["id"], d["path"]) for d in manifest["documents"]] == FILES
    packet = PdfReader(out / "print" / "packet.pdf")
    assert [item.title for item in packet.outline if not isinstance(item, list)] == [  # documents, then their pages
        "次第・参加者名簿",
        "資料No.1　企業版ふるさと納税の実績",
        "資料No.2　第2期総合戦略の進捗状況",
        "資料No.3　人口の動き",
        "資料No.4　次期総合戦略の策定方針（案）",
        "参考資料　県の総合戦略の改訂について",
    ]
    order = (out / "print" / "印刷発注書.csv").read_text("utf-8-sig")
    at = [order.index(label) for label in ("資料No.1", "資料No.2", "資料No.3", "資料No.4", "参考資料")]
    assert at == sorted(at), "the order sheet lists the documents in the meeting's order"
    prefecture = PdfReader(out / "print" / "参考資料_県の総合戦略の改訂について.pdf")
    first = prefecture.pages[0].extract_text()
    assert "【参考資料】" in first and "県の総合戦略の改訂について" in first
    assert "－ 1 －" in first or "－1－" in first


# Sentences of 2023-07-27 this meeting prints again on purpose: the council's and the city's own names
# and staff, the donation scheme's description and worked example (still true), the workbook's headings
# that name what a table or chart shows, and the sources of the population rows copied unchanged.
CARRIED_ON_PURPOSE = {
    "一関市まち・ひと・しごと創生有識者会議",
    "一関市まち・ひと・しごと創生推進事業",
    "企業版ふるさと納税（地方創生応援税制）の概要",
    "国の認定を受けた地方創生プロジェクトに対して、企業が寄附を行った場合に法人関係税が税額控除される仕組みです",
    "損金算入による軽減効果（寄附額の約3割）と合わせて、最大で寄附額の約9割が軽減されます",
    "（KPI*：施策ごとの進捗状況を検証するために設定する指標）",
    "地域再生計画のKPI*の状況について",
    "（計算例）寄附額1,000千円の場合",
    "市内外から人が集うまちをつくる事業",
    "市長公室政策企画課主任主事",
    "市長公室政策企画課長補佐兼政策推進係長",
    "市長公室次長兼政策企画課長",
    "その他の数値（一関市）",
    "一関市は年齢3区分で比較しています",
    "一関市（1985年=100）",
    "全国（1985年=100）",
    "人口の推移（一関市・全国）",
    "人口増減（社会動態）",
    "人口増減（自然動態）",
    "人口構造（一関市・全国）",
    "全国の男女・5歳階級別人口（人口ピラミッド）",
    "国勢調査と独自推計の差",
    "国勢調査人口（判明分）",
    "地域別人口の推移（8地域）",
    "年少人口（0〜14歳）",
    "生産年齢人口（15〜64歳）",
    "老年人口（65歳以上）",
    "転入・転出の主な相手先",
    "構成比は年齢の判明している人口に対する割合です",
    "資料：一関市地域再生計画（岩手県「人口移動報告年報」を引用）、総務省「国勢調査」2020年（年齢不詳を除く）",
    "資料：住民基本台帳、各町村の推計人口・国勢調査、一関市人口ビジョン（独自推計）",
    "※種別の異なる数値は比較に注意",
}
# Notes the workbook prints from code about how the 2023-07-27 inputs were transcribed, and a source
# fixed to 2022: issue 24 makes every such word come from an input and takes these out. Listed exactly,
# so the list shrinks as they go.
CARRIED_UNTIL_ISSUE_24 = {
    "※2005年推計人口：一関・室根・藤沢の値なし（合計は表示しません）",
    "※2020年独自推計：室根の値なし（合計は表示しません）",
    "※一関の2000年は国勢調査（速報）の値",
    "※一関市の男女・5歳階級別人口（人口ピラミッド）は、会議資料の出典（岩手県人口移動報告年報",
    "令和3年10月1日現在）の数値が得られないため掲載していません",
    "※一関市（現市域）の1960〜1980年の国勢調査人口は出典が得られないため空欄（1955年は会議資料の値）",
    "※全国は会議資料では総務省「人口推計」2021年10月1日現在ですが、5歳階級別の数値が得られないため"
    "2020年国勢調査（年齢不詳を除く）で代替しています",
    "※相手先別の人数は会議資料の図にのみあり、本文・公開資料で確認できないため空欄としています",
    "文中の数値は各シートの入力データから計算しています",
    "相手先の並びは入力（転入転出の表）の順です",
    "出典の詳細は入力ファイルの「出典」列",
    "資料：総務省「住民基本台帳人口移動報告」2022年（会議資料の出典）",
    "資料：総務省「国勢調査」（各年10月1日現在、一関市は現市域）ほか",
}
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _sentences(text: str) -> set[str]:
    """Sentences, and cells of a table, of 10 or more characters with Japanese in them (figures and
    years alone are data, not sentences)."""
    pieces = (piece.strip() for piece in re.split(r"[。！？\s]+", text))
    return {piece for piece in pieces if len(piece) >= 10 and _JAPANESE.search(piece)}


def _texts(folder: Path) -> list[str]:
    return [unit["text"] for path in sorted(folder.glob("*.*x")) for unit in units_of(path.name, path.read_bytes())]


@pytest.mark.pdf
@pytest.mark.slow
def test_no_sentence_of_the_last_packet_is_carried_over_unless_on_purpose(
    printed_other: Path, built_packet: Path
) -> None:
    before = set().union(*(_sentences(text) for text in _texts(built_packet)))
    after = re.sub(r"\s+", "", "\n".join(_texts(printed_other / "outputs" / OTHER)))
    carried = {s for s in before if s in after}
    assert sorted(carried - CARRIED_ON_PURPOSE - CARRIED_UNTIL_ISSUE_24) == []
    assert sorted(CARRIED_UNTIL_ISSUE_24 - carried) == [], "gone from the workbook: take it off the list"


def test_the_test_meeting_is_not_in_the_real_inputs() -> None:
    assert not (ROOT / "inputs" / OTHER).exists()


@pytest.mark.pdf
@pytest.mark.slow
def test_diff_against_the_last_meeting_pairs_papers_by_what_they_are_not_by_id(
    printed_other: Path, built_packet: Path
) -> None:
    shutil.copytree(built_packet, printed_other / "outputs" / DATE)  # 2023-07-27 as the session built it
    result = run(printed_other, "diff", OTHER, "--against", DATE)
    assert result.exit_code == 0, result.stderr
    headings = [line.split("：")[0] for line in result.stdout.splitlines()[1:] if not line.startswith(" ")]
    assert headings == [
        "次第・参加者名簿",
        # renamed and renumbered, its sentences rewritten: still the donation report (same 種類, alike)
        "資料No.1 企業版ふるさと納税の実績（前回",
        "資料No.2 第2期総合戦略の進捗状況",
        "資料No.3 人口の動き（前回",
        "資料No.4 次期総合戦略の策定方針（案）",
        "参考資料 県の総合戦略の改訂について",
        "資料No.1-1 デジタル田園都市国家構想総合戦略の概要",
        "資料No.1-2 地方版総合戦略の改訂",
    ]
    assert (
        "資料No.1 企業版ふるさと納税の実績（前回：資料No.3 一関市企業版ふるさと納税について）：ページ1を変更"
        in result.stdout
    )
    assert "資料No.2 第2期総合戦略の進捗状況：新規（6枚）" in result.stdout
    assert "資料No.1-2 地方版総合戦略の改訂：なし（前回のみ）" in result.stdout

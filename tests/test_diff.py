"""packetgen diff: what changed since the last build, the last print or another meeting, per
document, slide, page or sheet, from the text build and print keep (no LibreOffice); and the one-line
summaries of build."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATE, run
from packetgen.core import manifest
from packetgen.review import diff

DONATION = """  - id: donation
    種類: 寄附報告
    名称: 一関市企業版ふるさと納税について
    資料番号: No.3
    入力:
      寄附実績: donation/records.csv
      報告本文: donation/report.yaml
"""


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text("utf-8")
    assert content.count(old) == 1, old
    path.write_text(content.replace(old, new), "utf-8")


def edit_kpi(meeting_dir: Path, value: str = "98.0%") -> None:
    """資料No.1-1 スライド11: 光ファイバの世帯カバー率 99.9% → ``value``."""
    edit(meeting_dir / "slides" / "1-1.yaml", 'value: "**99.9%**"', f'value: "**{value}**"')


NOT_BUILT = (
    "（{}は前回の作成から入力・テンプレート・packetgen のいずれかが変わっているため、入力から組み立てて比べました。"
    f"ファイルにするには packetgen build {DATE}）"
)


@pytest.mark.slow
def test_diff_since_build_names_the_slide_and_both_values(built: Path, meeting_dir: Path) -> None:
    project = built.parent.parent
    edit_kpi(meeting_dir)
    # before building: the edited deck is assembled from its inputs in memory (no LibreOffice)
    result = run(project, "diff", DATE, "--since", "build")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"変更の確認：前回の作成（outputs/{DATE}/）→ 現在の入力",
        "資料No.1-1：スライド11を変更（99.9% → 98.0%）",
        "  スライド11",
        "    光ファイバの世帯カバー率 〔99.9% → 98.0%〕 2027年度",
        "変更なし：次第・参加者名簿、資料No.1-2、資料No.2、資料No.3",
        NOT_BUILT.format("資料No.1-1"),
    ]
    assert not list(project.glob("outputs/.packetgen/*.tmp"))  # diff writes nothing

    rebuilt = run(project, "build", DATE)
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert "  資料No.1-1：スライド11を変更（99.9% → 98.0%）\n" in rebuilt.stdout  # the build's summary line
    after = run(project, "diff", DATE, "--since", "build")
    assert after.stdout.splitlines()[1:] == [
        "変更はありません",
        "変更なし：次第・参加者名簿、資料No.1-1、資料No.1-2、資料No.2、資料No.3",
    ]


def test_diff_json_gives_the_same_change(built: Path, meeting_dir: Path) -> None:
    project = built.parent.parent
    edit_kpi(meeting_dir, "97.5%")
    result = run(project, "diff", DATE, "--since", "build", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["not_built_yet"] == ["資料No.1-1"]
    changed = [d for d in data["documents"] if d["status"] != "unchanged"]
    assert [(d["id"], d["summary"]) for d in changed] == [("1-1", "資料No.1-1：スライド11を変更（99.9% → 97.5%）")]
    (unit,) = changed[0]["units"]
    assert unit["label"] == "スライド11"
    (line,) = unit["lines"]
    assert line["changes"] == [{"before": "99.9%", "after": "97.5%"}]
    assert line["after"] == "光ファイバの世帯カバー率 97.5% 2027年度"


@pytest.mark.slow
def test_diff_shows_a_removed_and_an_added_document(built: Path, meeting_dir: Path) -> None:
    project = built.parent.parent
    meeting = meeting_dir / "meeting.yaml"
    edit(meeting, DONATION, "")
    removed = run(project, "diff", DATE, "--since", "build")
    assert removed.exit_code == 0, removed.stderr
    assert removed.stdout.splitlines()[1:3] == [
        "資料No.3：削除",
        "変更なし：次第・参加者名簿、資料No.1-1、資料No.1-2、資料No.2",
    ]
    build = run(project, "build", DATE)
    assert "  資料No.3：削除\n" in build.stdout

    edit(meeting, "印刷:\n", DONATION + "印刷:\n")
    added = run(project, "diff", DATE, "--since", "build")
    assert added.stdout.splitlines()[1:3] == [
        "資料No.3：追加（1ページ）",
        "変更なし：次第・参加者名簿、資料No.1-1、資料No.1-2、資料No.2",
    ]
    back = run(project, "build", DATE)
    assert back.exit_code == 0, back.stderr
    assert "  資料No.3：追加（1ページ）\n" in back.stdout


def test_diff_against_another_meeting(built: Path, meeting_dir: Path) -> None:
    project = built.parent.parent
    assert run(project, "new", "2023-10-26", "--from", DATE).exit_code == 0
    edit_kpi(project / "inputs" / "2023-10-26")  # not built: the new meeting is assembled from its inputs

    result = run(project, "diff", "2023-10-26", "--against", DATE)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "変更の確認：2023-07-27 の会議の資料 → 2023-10-26 の会議の資料（この会議で変わったもの）"
    # the one KPI, under its slide
    at = lines.index("  スライド11")
    assert lines[at + 1] == "    光ファイバの世帯カバー率 〔99.9% → 98.0%〕 2027年度"
    # the date and the meeting's number: on the agenda, and on every slide's label (shown once)
    assert "    日時 令和5年〔7月27 → 10月26〕日（木）13：30～15：0…" in lines
    assert "  スライド2・3・4ほか48か所（51か所）に共通" in lines
    assert lines[-2] == "変更なし：資料No.2"
    assert lines[-1].startswith("（次第・参加者名簿、資料No.1-1、資料No.1-2、資料No.2、資料No.3は前回の作成から")

    missing = run(project, "diff", "2023-10-26", "--against", "2023-01-05")
    assert missing.exit_code == 1
    assert (
        missing.stderr
        == "エラー：outputs/2023-01-05/ に資料がありません。先に packetgen build 2023-01-05 を実行してください\n"
    )


def test_diff_without_a_baseline_says_so_and_exits_0(built: Path) -> None:
    project = built.parent.parent
    result = run(project, "diff", DATE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        f"前回の印刷の記録がありません（packetgen print {DATE} で作られます）。前回の作成との比較は --since build"
    )


def test_diff_before_any_build_is_refused_in_japanese(project: Path) -> None:
    result = run(project, "diff", DATE)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"エラー：outputs/{DATE}/ に資料がありません")


def test_build_keeps_the_text_of_every_slide_page_and_sheet(built: Path) -> None:
    snapshot = manifest.read(built).built_text
    assert snapshot is not None
    assert {k: (v["kind"], len(v["units"])) for k, v in snapshot.items()} == {
        "agenda": ("page", 3),
        "1-1": ("slide", 52),
        "1-2": ("slide", 21),
        "population": ("sheet", 7),
        "donation": ("page", 1),
    }
    assert snapshot["population"]["units"][0]["label"] == "シート「人口推移」"
    assert "光ファイバの世帯カバー率 99.9% 2027年度" in snapshot["1-1"]["units"][10]["text"].splitlines()


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        (
            "光ファイバの世帯カバー率 99.9% 2027年度",
            "光ファイバの世帯カバー率 98.0% 2027年度",
            "光ファイバの世帯カバー率 〔99.9% → 98.0%〕 2027年度",
        ),
        ("人口は△1,953人", "人口は△2,103人", "人口は〔△1,953 → △2,103〕人"),
        ("5か年の戦略を策定する。", "5か年の戦略を改訂した。", "5か年の戦略を〔策定する → 改訂した〕。"),
        ("総合戦略を策定", "総合戦略を新たに策定", "総合戦略を〔追加：新たに〕策定"),
        # brackets put inside brackets: the new 「）」 is not paired with the old one
        ("千円（株式会社パソナ）", "千円（株式会社パソナ（テスト））", "千円（株式会社パソナ〔追加：（テスト）〕）"),
        ("（株式会社パソナ（テスト））", "（株式会社パソナ）", "（株式会社パソナ〔削除：（テスト）〕）"),
    ],
)
def test_a_changed_line_reads_well_in_japanese(before: str, after: str, shown: str) -> None:
    line = diff.LineChange("changed", before, after, diff.line_pieces(before, after))
    assert diff.inline(line) == shown


def test_the_summary_names_words_put_in_or_taken_out() -> None:
    def first(before: str, after: str) -> str:
        unit = diff.UnitChange("ページ1", "ページ1", "changed")
        unit.lines = [diff.LineChange("changed", before, after, diff.line_pieces(before, after))]
        return diff._first_change(unit)

    assert first("（株式会社パソナ）", "（株式会社パソナ（テスト））") == "追加「（テスト）」"
    assert first("総合戦略を新たに策定", "総合戦略を策定") == "削除「新たに」"
    assert first("第1回", "第2回") == "第1回 → 第2回"  # a short change keeps its neighbours


def test_diff_names_the_sheets_of_the_workbook(built: Path, meeting_dir: Path) -> None:
    project = built.parent.parent
    edit(meeting_dir / "population" / "series.csv", "一関市,1955,174342,", "一関市,1955,174340,")
    result = run(project, "diff", DATE, "--since", "build")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:5] == [
        "資料No.2：シート「人口推移」・シート「分析結果」を変更（174342 → 174340 ほか1か所）",
        "  シート「人口推移」",
        "    1955 昭和30年 〔174342 → 174340〕 90076594 119.…",
        "  シート「分析結果」",
    ]
    assert "の〔174,342 → 174,340〕人をピークに" in result.stdout  # the finding's computed figure too


# --- the line diff, on many pairs of lines (Hypothesis) ----------------------------------------------
lines = st.text(alphabet="（）()パソナ株式会社テスト、。 0123456789,.%△", max_size=30)


@settings(max_examples=150, deadline=None, database=None)
@given(lines, lines)
def test_a_line_diff_gives_back_both_lines_and_never_two_changes_in_a_row(before: str, after: str) -> None:
    from packetgen.review.diff import line_pieces

    pieces = line_pieces(before, after)
    assert "".join(p.before for p in pieces) == before
    assert "".join(p.after for p in pieces) == after
    assert all(p.before or p.after for p in pieces)  # no empty stretch
    assert not any(not a.same and not b.same for a, b in itertools.pairwise(pieces))
    assert (before == after) == all(p.same for p in pieces)

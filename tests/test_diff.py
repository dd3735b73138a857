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


NEXT = "2023-10-26"
# `diff 2023-10-26 --against 2023-07-27` right after `new 2023-10-26 --from 2023-07-27`: the date, the
# meeting's number and the cleared 欠席・Web marks, nothing else
NEXT_MEETING = [
    "次第・参加者名簿：ページ1・2を変更（度第1回 → 度第2回 ほか10か所）",
    "  ページ1",
    "    令和5年度第〔1 → 2〕回一関市まち・ひと・しごと創…",
    "    日時 令和5年〔7月27 → 10月26〕日（木）13：30～15：0…",
    "  ページ2",
    "    第〔1 → 2〕回一関市まち・ひと・しごと創…",
    "    …々木 雅則 ささき まさのり〔削除： 欠席〕",
    "    …鈴木 明宏 すずき あきひろ〔削除： 欠席〕",
    "    …上 亜寿香 たきがみ あすか〔削除： 欠席〕",
    "    … 純子 なかつくえ じゅんこ〔削除： Web〕",
    "    …1 野村 勉 のむら つとむ〔削除： 欠席〕",
    "    …橋本 華恵 はしもと はなえ〔削除： 欠席〕",
    "    …船山 賢治 ふなやま けんじ〔削除： Web〕",
    "    …三浦 孝浩 みうら たかひろ〔削除： 欠席〕",
    "資料No.1-1：スライド1・2・3・4・5・6ほか46か所を変更（7月27 → 10月26 ほか52か所）",
    "  スライド2・3・4ほか48か所（51か所）に共通",
    "    第〔1 → 2〕回一関市まち・ひと・しごと創…",
    "  スライド1",
    "    令和5年〔7月27 → 10月26〕日(木)",
    "    第〔1 → 2〕回一関市まち・ひと・しごと創…",
    "資料No.1-2：スライド1・2・3・4・5・6ほか15か所を変更（7月27 → 10月26 ほか21か所）",
    "  スライド2・3・4ほか17か所（20か所）に共通",
    "    第〔1 → 2〕回一関市まち・ひと・しごと創…",
    "  スライド1",
    "    令和5年〔7月27 → 10月26〕日(木)",
    "    第〔1 → 2〕回一関市まち・ひと・しごと創…",
    "資料No.3：ページ1を変更（7月27 → 10月26 ほか1か所）",
    "  ページ1",
    "    令和5年〔7月27 → 10月26〕日(木) 第〔1 → 2〕回一関市まち・ひと・しごと創…",
    "変更なし：資料No.2",
]


def next_meeting(built: Path) -> tuple[Path, Path]:
    """The project with 2023-07-27 built and 2023-10-26 made from it; and 2023-10-26's folder."""
    project = built.parent.parent
    assert run(project, "new", NEXT, "--from", DATE).exit_code == 0
    return project, project / "inputs" / NEXT


def against(project: Path, built: bool = False) -> list[str]:
    """What ``diff 2023-10-26 --against 2023-07-27`` says, without its first line (what is compared)
    and, unless 2023-10-26 was ``built``, its last (which documents were assembled from their inputs)."""
    result = run(project, "diff", NEXT, "--against", DATE)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"変更の確認：{DATE} の会議の資料 → {NEXT} の会議の資料（この会議で変わったもの）"
    if built:
        return lines[1:]
    assert lines[-1].startswith("（") and lines[-1].endswith(f"ファイルにするには packetgen build {NEXT}）")
    return lines[1:-1]


def build_next(project: Path) -> None:
    """Build 2023-10-26, so that the text and the JSON diff read its files instead of each assembling it."""
    result = run(project, "build", NEXT)
    assert result.exit_code == 0, result.stderr


@pytest.mark.slow
def test_against_pairs_documents_by_number_and_name_not_by_id(built: Path) -> None:
    project, meeting_dir = next_meeting(built)
    # the two decks swap ids: 1-2 is now 資料No.1-1 (概要), 1-1 資料No.1-2 (改訂)
    edit(meeting_dir / "meeting.yaml", '  - id: "1-1"\n', '  - id: "1-2x"\n')
    edit(meeting_dir / "meeting.yaml", '  - id: "1-2"\n', '  - id: "1-1"\n')
    edit(meeting_dir / "meeting.yaml", '  - id: "1-2x"\n', '  - id: "1-2"\n')
    edit(meeting_dir / "slides" / "1-1.yaml", 'deck: "1-1"', 'deck: "1-2"')
    edit(meeting_dir / "slides" / "1-2.yaml", 'deck: "1-2"', 'deck: "1-1"')

    build_next(project)
    assert (
        against(project, built=True) == NEXT_MEETING
    )  # as if the ids had not changed: no slide compared with another deck's

    data = json.loads(run(project, "diff", NEXT, "--against", DATE, "--json").stdout)
    assert [(d["id"], d["name"], d["paired_by"], d["before"]) for d in data["documents"]] == [
        (
            "agenda",
            "次第・参加者名簿",
            "label_and_title",
            {"id": "agenda", "name": "次第・参加者名簿", "title": "次第・参加者名簿"},
        ),
        (
            "1-2",
            "資料No.1-1",
            "label_and_title",
            {"id": "1-1", "name": "資料No.1-1", "title": "デジタル田園都市国家構想総合戦略の概要"},
        ),
        ("1-1", "資料No.1-2", "label_and_title", {"id": "1-2", "name": "資料No.1-2", "title": "地方版総合戦略の改訂"}),
        (
            "population",
            "資料No.2",
            "label_and_title",
            {"id": "population", "name": "資料No.2", "title": "人口動態について"},
        ),
        (
            "donation",
            "資料No.3",
            "label_and_title",
            {"id": "donation", "name": "資料No.3", "title": "一関市企業版ふるさと納税について"},
        ),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("number", "name", "heading", "paired_by"),
    # the 22 changes NEXT_MEETING shows in 資料No.1-2 (「ほか21か所」), plus the new 資料番号 on each of its 21
    # slides and the new 名称 on its first
    [
        (
            "No.4",
            "地方版総合戦略の改訂",
            "資料No.4 地方版総合戦略の改訂（前回：資料No.1-2）："
            "スライド1・2・3・4・5・6ほか15か所を変更（7月27 → 10月26 ほか42か所）",
            "title",
        ),
        (
            "No.1-2",
            "地方版総合戦略の改訂について",
            "資料No.1-2 地方版総合戦略の改訂について（前回：地方版総合戦略の改訂）："
            "スライド1・2・3・4・5・6ほか15か所を変更（7月27 → 10月26 ほか22か所）",
            "label_and_text",
        ),
        (
            "No.4",
            "地方版総合戦略の改訂について",
            "資料No.4 地方版総合戦略の改訂について（前回：資料No.1-2 地方版総合戦略の改訂）："
            "スライド1・2・3・4・5・6ほか15か所を変更（7月27 → 10月26 ほか43か所）",
            "kind_and_text",  # both スライド, and alike
        ),
    ],
    ids=["number changed", "name changed", "both changed"],
)
def test_against_pairs_a_renumbered_or_renamed_document(
    built: Path, number: str, name: str, heading: str, paired_by: str
) -> None:
    project, meeting_dir = next_meeting(built)
    edit(
        meeting_dir / "meeting.yaml",
        "名称: 地方版総合戦略の改訂\n    資料番号: No.1-2\n",
        f"名称: {name}\n    資料番号: {number}\n",
    )

    build_next(project)
    lines = against(project, built=True)
    assert heading in lines
    assert not any("新規" in line or "前回のみ" in line or line.endswith(("：追加", "：削除")) for line in lines)
    data = json.loads(run(project, "diff", NEXT, "--against", DATE, "--json").stdout)
    (deck,) = [d for d in data["documents"] if d["id"] == "1-2"]
    assert (deck["status"], deck["paired_by"], deck["before"]["name"]) == ("changed", paired_by, "資料No.1-2")


@pytest.mark.slow
def test_against_a_new_deck_under_an_old_number_is_new_not_compared_slide_by_slide(built: Path) -> None:
    project, meeting_dir = next_meeting(built)
    # 資料No.1-1 (id 1-1) is now another deck: here the 1-2 deck's slides (21, on the same template as
    # the old 資料No.1-1's 52) under a new 名称
    edit(meeting_dir / "meeting.yaml", "名称: デジタル田園都市国家構想総合戦略の概要\n", "名称: 総合戦略の進捗状況\n")
    deck = (meeting_dir / "slides" / "1-2.yaml").read_text("utf-8").replace('deck: "1-2"', 'deck: "1-1"')
    (meeting_dir / "slides" / "1-1.yaml").write_text(deck, "utf-8")

    lines = against(project)
    assert [line for line in lines if not line.startswith(" ")] == [
        "次第・参加者名簿：ページ1・2を変更（度第1回 → 度第2回 ほか10か所）",
        "資料No.1-1 総合戦略の進捗状況：新規（21枚）",
        "資料No.1-2：スライド1・2・3・4・5・6ほか15か所を変更（7月27 → 10月26 ほか21か所）",
        "資料No.3：ページ1を変更（7月27 → 10月26 ほか1か所）",
        "資料No.1-1 デジタル田園都市国家構想総合戦略の概要：なし（前回のみ）",
        "変更なし：資料No.2",
    ]
    assert not any("削除" in line and "スライド" in line for line in lines)  # no 「スライドN：削除」


@pytest.mark.slow
def test_against_follows_this_meetings_order(built: Path) -> None:
    project, meeting_dir = next_meeting(built)
    # 資料No.3 moves before the decks (the entry's text is the DONATION block, comments aside)
    meeting = meeting_dir / "meeting.yaml"
    edit(meeting, DONATION, "")
    edit(meeting, '  - id: "1-1"\n', DONATION + '  - id: "1-1"\n')

    assert [line for line in against(project) if not line.startswith(" ")] == [
        "次第・参加者名簿：ページ1・2を変更（度第1回 → 度第2回 ほか10か所）",
        "資料No.3：ページ1を変更（7月27 → 10月26 ほか1か所）",
        "資料No.1-1：スライド1・2・3・4・5・6ほか46か所を変更（7月27 → 10月26 ほか52か所）",
        "資料No.1-2：スライド1・2・3・4・5・6ほか15か所を変更（7月27 → 10月26 ほか21か所）",
        "変更なし：資料No.2",
    ]


def paper(number: str, name: str, file: str, *lines: str) -> manifest.DocumentText:
    """A document's entry of a text snapshot, as render/office_text.py makes it (one unit)."""
    return manifest.DocumentText(
        name=f"資料{number}" if number else name,
        title=name,
        file=file,
        sha256=file,
        reader=2,
        kind="slide",
        units=[manifest.TextUnit(label="スライド1", text="\n".join(lines))],
    )


PLAN = ("市の総合計画の概要", "計画期間は令和2年度から令和6年度まで", "重点施策は子育て支援と移住定住")
BUDGET = ("当初予算の編成方針", "歳入は市税が前年度並み", "歳出は扶助費が増える見込み")
ROADS = ("道路の維持管理について", "橋りょうの点検を5年ごとに行う", "舗装の補修は優先度の高い路線から")


def test_documents_of_two_meetings_pair_by_number_and_name_then_name_then_number_and_text_then_text() -> None:
    before = {
        "plan": paper("No.1", "総合計画", "plan.pptx", *PLAN),
        "budget": paper("No.2", "予算", "budget.pptx", *BUDGET),
        "roads": paper("No.3", "道路", "roads.docx", *ROADS),
        "old": paper("No.4", "旧資料", "old.pptx", "庁舎の建て替えの検討", "候補地は三か所", "市民説明会を秋に開く"),
        "agenda": paper("", "次第", "agenda.docx", "開会", "協議", "閉会"),
    }
    after = {
        "a": paper("", "次第", "a.docx", "開会", "報告", "閉会"),  # 名称 (and no 資料番号) as before
        "b": paper("No.4", "予算", "b.pptx", *BUDGET),  # renumbered: its 名称
        "c": paper("No.1", "総合計画", "c.pptx", *PLAN[:2], "重点施策は子育て支援"),  # both: preferred to b's 名称
        "d": paper("No.3", "道路の維持管理", "d.docx", *ROADS[:2], "舗装の補修は予算の範囲で"),  # its number, like text
        "e": paper("No.5", "インフラ", "e.pptx", *ROADS),  # the roads' text, already d's
        "f": paper("No.6", "総合計画", "f.pptx", *PLAN),  # the 名称 of plan, already paired with c
    }
    assert diff.summaries(diff.compare_meetings(before, after)) == [
        "次第：スライド1を変更（協議 → 報告）",
        "資料No.4 予算（前回：資料No.2）：変更なし",
        "資料No.1：スライド1を変更（削除「と移住定住」）",
        "資料No.3 道路の維持管理（前回：道路）：スライド1を変更（優先度の高い路線から → 予算の範囲で）",
        "資料No.5 インフラ：新規（1枚）",
        "資料No.6 総合計画：新規（1枚）",
        "資料No.4 旧資料：なし（前回のみ）",
    ]
    changes = diff.compare_meetings(before, after)
    assert [(c.id, c.before_id, c.paired_by) for c in changes] == [
        ("a", "agenda", "label_and_title"),
        ("b", "budget", "title"),
        ("c", "plan", "label_and_title"),
        ("d", "roads", "label_and_text"),
        ("e", "", ""),
        ("f", "", ""),
        ("old", "old", ""),
    ]


def test_a_document_renamed_and_renumbered_pairs_by_its_text_only_when_much_alike_and_of_its_format() -> None:
    before = {"roads": paper("No.3", "道路", "roads.pptx", *ROADS)}
    kept = {"x": paper("No.9", "インフラの維持", "x.pptx", *ROADS[:2], "舗装の補修は優先度の高い路線から順に")}
    other = {"x": paper("No.3", "インフラの維持", "x.pptx", *BUDGET)}  # its 資料番号, another text
    word = {"x": paper("No.9", "インフラの維持", "x.docx", *ROADS)}  # its text, in a Word file
    assert diff.summaries(diff.compare_meetings(before, kept))[0].startswith(
        "資料No.9 インフラの維持（前回：資料No.3 道路）：スライド1を変更"
    )
    assert diff.summaries(diff.compare_meetings(before, other)) == [
        "資料No.3 インフラの維持：新規（1枚）",
        "資料No.3 道路：なし（前回のみ）",
    ]
    assert diff.summaries(diff.compare_meetings(before, word)) == [
        "資料No.9 インフラの維持：新規（1枚）",
        "資料No.3 道路：なし（前回のみ）",
    ]
    numbered = {"x": paper("No.3", "道路", "x.pptx", *ROADS)}
    assert diff.summaries(diff.compare_meetings({"roads": paper("", "道路", "r.pptx", *ROADS)}, numbered)) == [
        "資料No.3 道路（前回：資料番号なし）：変更なし"
    ]


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

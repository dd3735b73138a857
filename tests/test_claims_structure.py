"""Claims about rankings and the age pyramid (分析結果 findings 3 and 6): verified when the inputs hold
the figures, a 注意 naming what is missing when they do not, refused when the figures contradict them.

Migration counts and the city's five-year bands below are made-up test data. The rules themselves are
tested in test_claims.py."""

from __future__ import annotations

from pathlib import Path

from conftest import DATE, run

FINDINGS = Path("inputs") / DATE / "population" / "findings.yaml"
MIGRATION = Path("inputs") / DATE / "population" / "migration.csv"
SOURCE = "テスト用の架空の人数"


def test_the_seed_findings_name_the_claims_the_inputs_cannot_decide(project: Path) -> None:
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("注意：")]
    label = f"inputs/{DATE}/population/findings.yaml"
    assert lines == [
        f"注意：{label} 19行目：「ベビーブーム世代（一関市）: 第2次が第1次より少ない」をデータで確かめられません。"
        "一関市の5歳階級別の人口が人口構造の表にありません。元の資料で確かめてから使ってください",
        f"注意：{label} 30行目：「移動の多い順: 東京圏、仙台市、盛岡市、奥州市」をデータで確かめられません。"
        f"転入の人数が空欄です（東京圏・仙台市・盛岡市・奥州市：inputs/{DATE}/population/migration.csv 2行目ほか3行）。"
        "元の資料で確かめてから使ってください",
        f"注意：{label} 31行目：「元資料のみ: 転入・転出に占める20歳代の割合が高い」をデータで確かめられません。"
        "この数値は入力のどの表にもありません。元の資料で確かめてから使ってください",
    ]
    assert run(project, "check", DATE, "--only", "population", "--strict").exit_code == 1


def _migration(project: Path, rows: list[tuple[str, int, int]]) -> None:
    text = "相手先,転入,転出,出典\n" + "".join(f"{p},{i},{o},{SOURCE}\n" for p, i, o in rows)
    (project / MIGRATION).write_text(text, "utf-8")


def test_filled_migration_figures_verify_or_refuse_the_order(project: Path) -> None:
    _migration(project, [("東京圏", 900, 1200), ("仙台市", 500, 700), ("盛岡市", 300, 350), ("奥州市", 200, 300)])
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 0, result.stderr
    assert "移動の多い順" not in result.stdout  # verified: no 注意 left for it

    _migration(project, [("東京圏", 900, 1200), ("仙台市", 500, 300), ("盛岡市", 300, 350), ("奥州市", 200, 300)])
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 1
    assert f"inputs/{DATE}/population/findings.yaml 30行目" in result.stderr
    assert "転出の多い順は「東京圏、盛岡市、仙台市、奥州市」です" in result.stderr


def test_city_bands_that_contradict_the_pyramid_sentence_are_refused(project: Path) -> None:
    age = project / "inputs" / DATE / "population" / "age.csv"
    age.write_text(
        age.read_text("utf-8")
        + f"一関市,2020年国勢調査,45-49,,,9800,{SOURCE}\n一関市,2020年国勢調査,70-74,,,9500,{SOURCE}\n",
        "utf-8",
    )
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 1
    assert "一関市の第2次ベビーブーム世代は第1次より少なくありません" in result.stderr
    assert "45～49歳 9,800人" in result.stderr and "70～74歳 9,500人" in result.stderr


def test_an_order_written_without_a_claim_is_refused(project: Path) -> None:
    findings = project / FINDINGS
    text = findings.read_text("utf-8")
    findings.write_text(text + "  - 転入は東京圏、仙台市の順で多い。\n", "utf-8")
    result = run(project, "check", DATE, "--only", "population")
    assert result.exit_code == 1
    assert "「の順で」と書かれていますが、データで確かめる主張がありません" in result.stderr

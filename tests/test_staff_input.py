"""Input as staff type it: dates, times, katakana ふりがな, full-width digits and one number rule.

Each form that says one thing is accepted and normalised; each that needs a guess is refused with
the file, line or row, key or column, and the forms that are understood.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATE, run


def docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if line.lstrip().startswith(start))


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        ("2023/7/27", "13時30分", "15時"),
        ("2023年7月27日", "１３：３０", "１５：００"),
        ("令和5年7月27日（木）", "午後1時30分", "午後3時"),
        ("R5.7.27", "13時半", "15:00"),
        ("２０２３－０７－２７", "13:30", "15時00分"),
    ],
)
def test_dates_and_times_as_staff_type_them(project: Path, meeting_dir: Path, day: str, start: str, end: str) -> None:
    meeting = meeting_dir / "meeting.yaml"
    edit(meeting, "日付: 2023-07-27", f"日付: {day}")
    edit(meeting, '開始: "13:30"', f"開始: {start}")
    edit(meeting, '終了: "15:00"', f"終了: {end}")
    result = run(project, "build", DATE, "--only", "agenda")
    assert result.exit_code == 0, result.stderr
    assert "令和5年7月27日（木）13：30～15：00" in docx_text(project / "outputs" / DATE / "次第・参加者名簿.docx")


@pytest.mark.parametrize(
    ("key", "old", "new", "message"),
    [
        (
            "日付",
            "日付: 2023-07-27",
            "日付: 7/27/2023",
            "「7/27/2023」は日付として読めません（例：2023-07-27、2023/7/27、2023年7月27日、令和5年7月27日、R5.7.27）",
        ),
        ("日付", "日付: 2023-07-27", "日付: 23/7/27", "「23/7/27」は日付として読めません"),
        (
            "日付",
            "日付: 2023-07-27",
            "日付: 令和5年7月27日（金）",
            "「令和5年7月27日（金）」の曜日が違います（令和5年7月27日は木曜日）",
        ),
        (
            "日付",
            "日付: 2023-07-27",
            "日付: 平成35年7月27日",
            "「平成35年7月27日」は平成の期間にない日付です（2023-07-27 は 令和5年7月27日）",
        ),
        ("日付", "日付: 2023-07-27", "日付: 20230727", "「20230727」は日付として読めません"),
        (
            "開始",
            '開始: "13:30"',
            "開始: 午後12時",
            "「午後12時」は読めません。午後を付けるときは0〜11時で書いてください",
        ),
        ("開始", '開始: "13:30"', "開始: 13", "「13」は時刻として読めません（例：13:30、13時30分、午後1時30分）"),
        ("開始", '開始: "13:30"', "開始: 1330", "「1330」は時刻として読めません"),
    ],
)
def test_ambiguous_dates_and_times_are_refused(
    project: Path, meeting_dir: Path, key: str, old: str, new: str, message: str
) -> None:
    meeting = meeting_dir / "meeting.yaml"
    edit(meeting, old, new)
    result = run(project, "check", DATE, "--only", "agenda")
    assert result.exit_code == 1
    line = line_of(meeting, f"{key}:")
    assert f"inputs/2023-07-27/meeting.yaml {line}行目 日時.{key}: {message}" in result.stderr, result.stderr


def test_katakana_furigana_and_full_width_numbers_in_the_member_list(project: Path, meeting_dir: Path) -> None:
    members = meeting_dir / "members.csv"
    edit(members, "1,,,,岩本　幸一,いわもと　さいいち,", "１,,,,岩本　幸一,イワモト　サイイチ,")
    edit(members, "2,,,,大崎　望美,おおさき　のぞみ,", "2,,,,大崎　望美,ｵｵｻｷ ﾉｿﾞﾐ,")
    result = run(project, "build", DATE, "--only", "agenda")
    assert result.exit_code == 0, result.stderr
    text = docx_text(project / "outputs" / DATE / "次第・参加者名簿.docx")
    assert "いわもと　さいいち" in text and "おおさき　のぞみ" in text
    assert "イワモト" not in text and "ｵｵｻｷ" not in text


def test_the_same_member_no_typed_full_width_is_a_duplicate(project: Path, meeting_dir: Path) -> None:
    edit(meeting_dir / "members.csv", "\n2,,,,", "\n１,,,,")
    result = run(project, "check", DATE, "--only", "agenda")
    assert result.exit_code == 1
    assert "members.csv 3行目 A列「No」: No 1 が 2行目と重複しています" in result.stderr


def test_one_thousands_rule_in_every_table(project: Path, meeting_dir: Path) -> None:
    edit(meeting_dir / "population" / "series.csv", "一関市,1990,144896,", '一関市,1990,"14,4896",')
    edit(meeting_dir / "donation" / "records.csv", "株式会社パソナ,5000,", '株式会社パソナ,"50,00",')
    result = run(project, "check", DATE, "--only", "population", "--only", "donation")
    assert result.exit_code == 1
    rule = "桁区切りの「,」は3桁ごとに入れてください"
    assert f"series.csv 4行目 C列「人口」: {rule}（入力値：「14,4896」）。整数で入力してください" in result.stderr
    what = "千円単位の整数（例：100,000）"
    assert (
        f"records.csv 3行目 E列「寄附額（千円）」: {rule}（入力値：「50,00」）。{what}で入力してください"
        in result.stderr
    )


def test_grouped_and_full_width_figures_build(project: Path, meeting_dir: Path) -> None:
    edit(meeting_dir / "population" / "series.csv", "一関市,1990,144896,", '一関市,1990,"１４４，８９６",')
    edit(meeting_dir / "donation" / "records.csv", "株式会社パソナ,5000,", '株式会社パソナ,"5,000千円",')
    result = run(project, "check", DATE, "--only", "population", "--only", "donation")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [("令和５年度", "令和5年度"), ("令和5年度", "令和5年度")],
)
def test_fiscal_year_with_full_width_digits_is_printed_half_width(
    project: Path, meeting_dir: Path, text: str, expected: str
) -> None:
    edit(meeting_dir / "meeting.yaml", "年度: 令和5年度", f"年度: {text}")
    result = run(project, "list", DATE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"{expected}第1回一関市まち・ひと・しごと創生有識者会議（2023-07-27）"

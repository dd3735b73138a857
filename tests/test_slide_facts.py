"""One source for each fact on the slides: check warns (注意) when a deck's cover title differs from its
名称 in meeting.yaml, and when two slides give one labelled figure (a KPI and its year) two values."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATE, run


@pytest.mark.slow
def test_the_2023_decks_agree_with_the_meeting_file(project: Path) -> None:
    result = run(project, "check", DATE)
    assert result.exit_code == 0, result.stderr
    about_decks = [line for line in result.stdout.splitlines() if line.startswith("注意") and "/slides/" in line]
    assert about_decks == []


@pytest.mark.slow
def test_a_typed_cover_title_and_a_figure_edited_on_one_slide_are_named(project: Path, meeting_dir: Path) -> None:
    meeting = meeting_dir / "meeting.yaml"
    meeting.write_text(
        meeting.read_text("utf-8").replace("名称: デジタル田園都市国家構想総合戦略の概要", "名称: 総合戦略の概要"),
        "utf-8",
    )
    deck = meeting_dir / "slides" / "1-1.yaml"
    # slide 18 types the figure instead of using the 数値: value slide 10 uses
    text = deck.read_text("utf-8").replace(
        '        value: "{企業版ふるさと納税活用団体_2027年度}"\n', "        value: 1,600団体\n"
    )
    assert "value: 1,600団体" in text
    # a cover title typed in the slide source overrides 名称: check says the two differ
    text = text.replace(
        "  - layout: title\n", "  - layout: title\n    title: デジタル田園都市国家構想総合戦略の概要\n", 1
    )
    deck.write_text(text, "utf-8")
    result = run(project, "check", DATE)
    assert result.exit_code == 0, result.stderr
    out = "".join(result.stdout.split())
    assert (
        "注意：inputs/2023-07-27/slides/1-1.yaml11行目：表紙のタイトル「デジタル田園都市国家構想総合戦略の概要」が"
        "meeting.yamlの名称「総合戦略の概要」と違います。"
    ) in out
    assert (
        "注意：inputs/2023-07-27/slides/1-1.yaml438行目：スライド18の「企業版ふるさと納税を活用したことのある地方公共団体」"
        "（2027年度まで）は「1,600団体」ですが、スライド10（225行目）では「1,500団体」です。"
    ) in out
    assert run(project, "check", DATE, "--strict").exit_code == 1


def test_the_cover_title_comes_from_meeting_yaml(project: Path) -> None:
    """Renaming a document renames its deck's cover: the title is typed once, in meeting.yaml."""
    from pptx import Presentation

    meeting = project / "inputs" / DATE / "meeting.yaml"
    meeting.write_text(
        meeting.read_text("utf-8").replace("名称: 地方版総合戦略の改訂", "名称: 地方版総合戦略の改訂について"), "utf-8"
    )
    result = run(project, "build", DATE, "--only", "1-2")
    assert result.exit_code == 0, result.stderr
    (deck,) = (project / "outputs" / DATE).glob("資料No.1-2_*.pptx")
    cover = Presentation(str(deck)).slides[0]
    assert cover.shapes.title.text_frame.text == "地方版総合戦略の改訂について"

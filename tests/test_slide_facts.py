"""One source for each fact on the slides: check warns (注意) when a deck's cover title differs from its
名称 in meeting.yaml, and when two slides give one labelled figure (a KPI and its year) two values."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATE, run


@pytest.mark.slow
def test_the_2023_decks_agree_with_the_meeting_file(project: Path) -> None:
    result = run(project, "check", DATE, "--only", "1-1", "--only", "1-2")  # the two decks
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
    result = run(project, "check", DATE, "--only", "1-1")  # the deck edited
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
    assert run(project, "check", DATE, "--only", "1-1", "--strict").exit_code == 1


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


# --- the notices on made-up deck sources -------------------------------------------------------------


def deck(**raw) -> object:
    from packetgen.inputs.slides import DeckSource

    return DeckSource.model_validate({"deck": "1-1", **raw})


def lines_of(loc: tuple) -> int:
    """The YAML line of each key path the notices may name (0 for any other path)."""
    return {
        ("title",): 2,
        ("slides", 0, "title"): 5,
        ("slides", 1, "title"): 104,
        ("数値", "未使用"): 9,
        ("slides", 3, "kpis", 0, "value"): 108,
        ("slides", 4, "kpis", 0, "value"): 109,
    }.get(loc, 0)


def test_a_figure_is_read_from_plain_text() -> None:
    from packetgen.analysis import slide_facts as f

    assert f._plain(" **総合戦略** ") == "総合戦略"
    assert f._figures("全国展開（1,741市区町村）を目指す　等 2027.5年") == ("1,741", "2027.5")
    assert f._figures("なし") == ()


def test_no_notice_where_every_slide_agrees() -> None:
    from packetgen.analysis.slide_facts import deck_fact_notices

    source = deck(
        title="総合戦略",
        数値={"団体": "1,500団体"},
        slides=[
            {"layout": "title", "title": "**総合戦略**"},
            {"layout": "kpi", "title": "KPI", "kpis": [{"label": "実装", "value": "{団体}", "year": "2027年度"}]},
            {
                "layout": "kpi",
                "title": "KPI",
                "kpis": [{"label": "**実装**", "value": "約1,500団体", "year": " 2027年度 "}],
            },
            {"layout": "kpi", "title": "KPI", "kpis": [{"label": "実装", "value": "2,000団体", "year": "2030年度"}]},
        ],
    )
    assert deck_fact_notices(source, "総合戦略", "s.yaml", lines_of) == []
    assert deck_fact_notices(deck(slides=[{"layout": "title"}]), "総合戦略", "s.yaml", lines_of) == []


def test_notices_name_the_title_an_unused_value_and_a_figure() -> None:
    from packetgen.analysis.slide_facts import deck_fact_notices

    source = deck(
        title="戦略",
        数値={"未使用": "3"},
        slides=[
            {"layout": "section", "title": "章"},
            {"layout": "title", "title": "表紙"},
            {"layout": "title", "title": "二枚目の表紙"},
            {
                "layout": "kpi",
                "title": "KPI",
                "kpis": [{"label": "実装", "value": "1,500団体"}, {"label": "別", "value": "1"}],
            },
            {"layout": "kpi", "title": "KPI", "kpis": [{"label": "実装", "value": "1,600団体"}]},
        ],
    )
    assert deck_fact_notices(source, "総合戦略", "s.yaml", lines_of) == [
        "注意：s.yaml 2行目：表紙のタイトル「戦略」が meeting.yaml の名称「総合戦略」と違います。"
        "名称を変えたときはここも直してください（違うのが意図どおりならそのままで構いません）",
        "注意：s.yaml 104行目：表紙のタイトル「表紙」が meeting.yaml の名称「総合戦略」と違います。"
        "名称を変えたときはここも直してください（違うのが意図どおりならそのままで構いません）",
        "注意：s.yaml 9行目：数値「未使用」はどのスライドでも使われていません（使うときは {未使用} と書きます。要らなければ消してください）",  # noqa: E501
        "注意：s.yaml 109行目：スライド5の「実装」（年の記載なし）は「1,600団体」ですが、スライド4（108行目）では「1,500団体」です。"  # noqa: E501
        "同じ数値は一か所で決め、両方を合わせてください",
    ]

"""A short bracketed group (a place name above all) is kept on one line when a line holds it whole;
BudouX splits some (「（鹿児島県｜三島村）」) and not others. Widths: the fitter's unit-test metrics
(no font chosen: CJK 1 em), so the expected lines are exact."""

from __future__ import annotations

from packetgen.render.text_fit import FontMeasure

UNIT_METRICS = FontMeasure()  # no font file: CJK one em


def test_a_place_name_in_brackets_stays_whole() -> None:
    # 12 em a line: 「遠隔合同授業（鹿児島県」 fits, but the place name is not broken
    assert UNIT_METRICS.wrap("オンラインによる遠隔合同授業（鹿児島県三島村）", 12 * 14, 14) == [
        "オンラインによる",
        "遠隔合同授業",
        "（鹿児島県三島村）",
    ]


def test_a_group_wider_than_its_line_still_breaks_between_phrases() -> None:
    # 7 em: 「（5か年分の累計）」 (9 em) cannot be whole, so its phrases break as usual
    lines = UNIT_METRICS.wrap("通じた移住者数\u3000〇〇人（5か年分の累計）", 100, 14)
    assert lines == ["通じた移住者数\u3000", "〇〇人", "（5か年分の", "累計）"]

"""Japanese punctuation of text inputs (JLReq, JIS X 4051): the slips of PDF-extracted text."""

from __future__ import annotations

import pytest

from packetgen.inputs.punctuation import normalise, slips


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("( 参考 )", "（参考）"),  # full-width brackets, no space inside
        ("<主要KPI>", "＜主要KPI＞"),  # one style of sub-heading bracket
        ("‹ 主要 KPI>", "＜主要KPI＞"),  # what a PDF extracts for the same
        ("記載を追加 (P 4、5)", "記載を追加（P 4、5）"),
        ("目標と基本的方向 (P 12~13)", "目標と基本的方向（P 12～13）"),  # ～ for a range
        ("(P 12˜13)の記載", "（P 12～13）の記載"),
        ("2020年度は-1.2%", "2020年度は−1.2%"),  # a minus, not a hyphen
        ("、 2024年度までに", "、2024年度までに"),  # no space after 、
        ("UIJ ターンによる起業", "UIJターンによる起業"),  # the renderer spaces Japanese and Latin
        ("顧客予約管理システム (PMS) の導入", "顧客予約管理システム（PMS）の導入"),
        ("石山 志保", "石山\u3000志保"),  # a space between Japanese words is a 全角 separator
        ("1 地方に仕事をつくる", "1\u3000地方に仕事をつくる"),  # so is the one after a heading number
        ("手引き(抄)\u30001-4 施策間連携", "手引き（抄）\u30001-4\u3000施策間連携"),
        ("例) ・地域産業のイノベーション", "例）・地域産業のイノベーション"),
        ("(1) デジタルの力を活用した", "（1）デジタルの力を活用した"),
        ("ＰＭＳを導入", "PMSを導入"),  # half-width Latin and digits
    ],
)
def test_slips_are_fixed(text: str, fixed: str) -> None:
    assert normalise(text) == fixed
    assert normalise(fixed) == fixed  # idempotent: fixed text has no slip left
    assert slips(fixed) == []


@pytest.mark.parametrize(
    "text",
    [
        "Beyond5G (6G)",  # Latin in Latin parentheses
        "https://www.chisou.go.jp/sousei/about/chihouban/",
        "【電話】03-6257-1421（内閣官房）",  # a hyphen between digits stays
        "第1回　令和3年11月11日",
        "R5～R9",
        "a < b",
        "g.osei-hotline@cas.go.jp",
    ],
)
def test_text_without_slips_is_left_alone(text: str) -> None:
    assert normalise(text) == text
    assert slips(text) == []


def test_a_url_inside_japanese_text_is_not_touched() -> None:
    text = "以下のホームページに掲載しています。 https://example.jp/a~b-1"  # the space sets the URL off
    assert normalise(text) == text


def test_slips_say_what_changes_with_a_little_context() -> None:
    (slip,) = slips("国の総合戦略(※)に倣い")
    assert (slip.before, slip.after) == ("総合戦略(※)に倣い", "総合戦略（※）に倣い")

"""Japanese punctuation of text inputs (inputs/punctuation.py; JLReq, JIS X 4051): the slips of
PDF-extracted text fixed (brackets, ranges, minus signs, colons, spaces, full-width Latin), what is left
alone (Latin text, URLs, mail addresses), the slips reported with a little context, and a fixed text
that has no slip left."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from packetgen.inputs import punctuation
from packetgen.inputs.punctuation import normalise, slips

FAST = settings(max_examples=150, deadline=None, database=None)


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


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("[注]の記載", "［注］の記載"),
        ("注)", "注）"),
        ("(注", "（注"),
        ("a ) b", "a ) b"),
        ("(a(b)c]", "(a(b)c]"),
        ("([ア)", "（［ア）"),
        ("a[b", "a[b"),
        ("[あ", "［あ"),
        ("x (y)", "x (y)"),
        (". (y)の", ".（y）の"),
        ("(6G) の対応", "（6G）の対応"),
        ("5G (6G) の対応", "5G (6G)の対応"),
        ("12~13日", "12～13日"),
        ("1〜2日", "1～2日"),
        ("日~", "日~"),
        ("~日", "~日"),
        ("日 ~ 月", "日\u3000～\u3000月"),
        ("!~日", "!~日"),
        ("日~!", "日~!"),
        ("日:月", "日：月"),
        (":日", ":日"),
        ("a:日", "a:日"),
        ("-5人", "−5人"),
        ("‐5人", "−5人"),
        ("日-5", "日−5"),
        ("a-5の", "a-5の"),
        ("5-5の", "5-5の"),
        (".-5の", ".-5の"),
        ("/-5の", "/-5の"),
        ("_-5の", "_-5の"),
        ("--5の", "--5の"),
        ("!-5の", "!−5の"),
        ("-a人", "-a人"),
        ("日-", "日-"),
        ("ａｂｃ０９ＡＺｚ日", "abc09AZz日"),
        ("＠日", "＠日"),
        ("日  月", "日\u3000月"),
        (" 日 ", " 日 "),
        ("日 。", "日。"),
        ("「 日", "「日"),
        ("日 」", "日」"),
        ("a b日", "a b日"),
        ("1. 日本", "1.\u3000日本"),
        ("12 日本", "12\u3000日本"),
        ("123 日本", "123日本"),
        ("x 1-4 日本", "x 1-4\u3000日本"),
        ("x1-4 日本", "x1-4日本"),
        ("‹注›の記載", "＜注＞の記載"),
        ("5G (あG)", "5G（あG）"),
        ("Xの値", "Xの値"),
        ("あ a)", "あa)"),
        ("あ a(", "あa("),
    ],
)
def test_each_slip_is_fixed_and_the_rest_left_alone(text: str, fixed: str) -> None:
    assert punctuation.normalise(text) == fixed


def test_normalise_leaves_letters_and_fullwidth_symbols_alone() -> None:
    assert punctuation.normalise("日X1") == "日X1"
    assert punctuation.normalise("日＿月＾") == "日＿月＾"
    assert punctuation.normalise("ＡＺａｚ０９の") == "AZaz09の"


def test_normalise_keeps_mail_addresses_and_several_urls() -> None:
    text = "連絡先 a.b-c+d@e-f.go.jp と http://x.jp/~a と https://y.jp/(b)"
    assert punctuation.normalise(text) == text  # the spaces that set a URL off stay too
    assert punctuation.normalise("日(注) x@y.jp (注)") == "日（注） x@y.jp （注）"


def test_japanese_starts_at_the_ideographic_space() -> None:
    assert punctuation.japanese("\u3000")
    assert not punctuation.japanese("\u2fff")
    assert punctuation.has_japanese("abcあ")
    assert not punctuation.has_japanese("abc")
    assert not punctuation.has_japanese("")


def test_the_characters_around_a_slip_are_read_past_spaces() -> None:
    assert punctuation._prev("ab  c", 4) == "b"
    assert punctuation._prev("  c", 2) == ""
    assert punctuation._prev("abc", 0) == ""
    assert punctuation._next("a  bc", 0) == "b"
    assert punctuation._next("a  ", 0) == ""
    assert punctuation._next("ab", 1) == ""


def test_slips_merge_close_changes_and_split_far_ones() -> None:
    assert punctuation.slips("日(月)火") == [punctuation.Slip("日(月)火", "日（月）火")]
    far = "(注)" + "あ" * 12 + "(注)"
    assert punctuation.slips(far) == [
        punctuation.Slip("(注)ああああ", "（注）ああああ"),
        punctuation.Slip("ああああ(注)", "ああああ（注）"),
    ]
    near = "(注)" + "あ" * 8 + "(注)"
    assert punctuation.slips(near) == [punctuation.Slip(near, "（注）" + "あ" * 8 + "（注）")]
    assert punctuation.slips("(注)あ", context=1) == [punctuation.Slip("(注)あ", "（注）あ")]
    assert punctuation.slips("ああああ(注)ああああ", context=2) == [punctuation.Slip("ああ(注)ああ", "ああ（注）ああ")]


def test_slips_in_a_long_text_are_found_exactly() -> None:
    text = "あ" * 150 + "(注)" + "い" * 100
    assert punctuation.slips(text) == [punctuation.Slip("ああああ(注)いいいい", "ああああ（注）いいいい")]


@FAST
@given(st.text(alphabet="あいう漢字カナ（）()「」、。，．,. 　-－−~～1１aＡ：:/", max_size=40))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@pytest.mark.parametrize("text", ["あ))", "))\u3000", "あ)) ", "\u3000::"])
def test_normalise_is_idempotent_on_two_brackets_in_a_row(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once

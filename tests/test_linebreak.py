"""The line breaker of core/linebreak/: where the slides' lines break (phrase_lines, phrases, kinsoku;
no font chosen, so CJK is one em and Latin 0.65 em and every expected line is exact): between phrases,
never inside a bracketed group a line holds whole, never before a closing mark or after an opening one,
no widow where a phrase can join it, with the quality the fitter compares; the terminal's greedy lines
under the same 禁則; and the one breaker against the breakers it replaced, kept here verbatim and only
here: on many random strings the order sheet's and the terminal's greedy lines, and the slides'
character breaks, are exactly what they were (issue 21: the packet stays byte for byte). The widths
themselves (the slide font, bold, the space between scripts) are test_text_fit.py's."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from packetgen.cli.japanese_help import wrap as terminal_wrap
from packetgen.core.japanese import display_width
from packetgen.core.linebreak import kinsoku, phrase_lines, phrases
from packetgen.core.linebreak.kinsoku import KINSOKU, NO_LINE_END, NO_LINE_START, NUMBER_PREFIX
from packetgen.core.linebreak.phrase_lines import Quality
from packetgen.inputs.meeting import TO_FILL
from packetgen.printing.order.line_breaks import wrap as order_wrap
from packetgen.render import text_fit
from packetgen.render.text_fit import FontMeasure

# the old breakers against the new: 1,500 examples each proved the redesign (issue 21); 300 keep
# guarding it at a fifth of the time
MANY = settings(max_examples=300, deadline=None, database=None)
NO_FONT = FontMeasure()  # the rules alone: no font file measured


# --- lines of the slides, written out ----------------------------------------------------------
WRAPPED = [
    (
        "地方からデジタルの実装を進め、新たな変革の波を起こす",
        4,
        ["地方から", "デジタル", "の実装を", "進め、", "新たな変", "革の波を", "起こす"],
    ),
    (
        "地方からデジタルの実装を進め、新たな変革の波を起こす",
        6,
        ["地方から", "デジタルの", "実装を進め、", "新たな変革の", "波を起こす"],
    ),
    (
        "地方からデジタルの実装を進め、新たな変革の波を起こす",
        9,
        ["地方からデジタルの", "実装を進め、", "新たな変革の波を", "起こす"],
    ),
    (
        "地方からデジタルの実装を進め、新たな変革の波を起こす",
        13,
        ["地方からデジタルの実装を", "進め、新たな変革の波を", "起こす"],
    ),
    ("デジタル田園都市国家構想総合戦略", 4, ["デジタル", "田園都市", "国家構想", "総合戦略"]),
    ("デジタル田園都市国家構想総合戦略", 6, ["デジタル", "田園都市国家", "構想総合戦略"]),
    ("デジタル田園都市国家構想総合戦略", 9, ["デジタル田園都市国", "家構想総合戦略"]),
    ("デジタル田園都市国家構想総合戦略", 13, ["デジタル田園都市国家構想総", "合戦略"]),
    ("KPIとロードマップ（工程表）を位置付け。", 4, ["KPIと", "ロード", "マップ", "（工程", "表）を", "位置付", "け。"]),
    ("KPIとロードマップ（工程表）を位置付け。", 6, ["KPIと", "ロードマップ", "（工程表）を", "位置付け。"]),
    ("KPIとロードマップ（工程表）を位置付け。", 9, ["KPIと", "ロードマップ", "（工程表）を", "位置付け。"]),
    ("KPIとロードマップ（工程表）を位置付け。", 13, ["KPIとロードマップ", "（工程表）を位置付け。"]),
    (
        "サテライトオフィス等を設置した地方公共団体 1,000団体",
        4,
        ["サテライ", "トオフィ", "ス等を", "設置した", "地方", "公共団体 ", "1,000", "団体"],
    ),
    (
        "サテライトオフィス等を設置した地方公共団体 1,000団体",
        6,
        ["サテライトオ", "フィス等を", "設置した地方", "公共団体 ", "1,000団体"],
    ),
    (
        "サテライトオフィス等を設置した地方公共団体 1,000団体",
        9,
        ["サテライトオフィス", "等を設置した地方", "公共団体 ", "1,000団体"],
    ),
    (
        "サテライトオフィス等を設置した地方公共団体 1,000団体",
        13,
        ["サテライトオフィス等を", "設置した地方公共団体 ", "1,000団体"],
    ),
    (
        "2022～2026年度の5か年計画を第2期として策定する",
        4,
        ["2022～", "2026", "年度の", "5か年計", "画を第2", "期として", "策定する"],
    ),
    (
        "2022～2026年度の5か年計画を第2期として策定する",
        6,
        ["2022～", "2026年度の", "5か年計画を", "第2期と", "して策定する"],
    ),
    (
        "2022～2026年度の5か年計画を第2期として策定する",
        9,
        ["2022～", "2026年度の", "5か年計画を", "第2期として", "策定する"],
    ),
    ("2022～2026年度の5か年計画を第2期として策定する", 13, ["2022～2026年度の", "5か年計画を第2期として", "策定する"]),
    (
        "3\u3000誰一人取り残されない社会の実現を目指します",
        4,
        ["3\u3000誰一", "人取り残", "されない", "社会の", "実現を", "目指しま", "す"],
    ),
    (
        "3\u3000誰一人取り残されない社会の実現を目指します",
        6,
        ["3\u3000誰一人取", "り残されない", "社会の実現を", "目指します"],
    ),
    (
        "3\u3000誰一人取り残されない社会の実現を目指します",
        9,
        ["3\u3000誰一人取り残さ", "れない社会の実現を", "目指します"],
    ),
    (
        "3\u3000誰一人取り残されない社会の実現を目指します",
        13,
        ["3\u3000誰一人取り残されない", "社会の実現を目指します"],
    ),
    ("スタートアップ・エコシステムの確立を図る", 4, ["スタート", "アップ・", "エコシス", "テムの", "確立を", "図る"]),
    ("スタートアップ・エコシステムの確立を図る", 6, ["スタートアッ", "プ・エコシス", "テムの", "確立を図る"]),
    ("スタートアップ・エコシステムの確立を図る", 9, ["スタートアップ・", "エコシステムの", "確立を図る"]),
    ("スタートアップ・エコシステムの確立を図る", 13, ["スタートアップ・", "エコシステムの確立を図る"]),
    (
        "https://www.chisou.go.jp/sousei/about/chihouban/",
        4,
        ["https:", "//www.", "chisou", ".go.", "jp/", "sousei", "/about", "/chiho", "uban/"],
    ),
    (
        "https://www.chisou.go.jp/sousei/about/chihouban/",
        6,
        ["https://", "www.chiso", "u.go.jp/", "sousei/", "about/", "chihouban", "/"],
    ),
    (
        "https://www.chisou.go.jp/sousei/about/chihouban/",
        9,
        ["https://www.", "chisou.go.jp/", "sousei/about/", "chihouban/"],
    ),
    (
        "https://www.chisou.go.jp/sousei/about/chihouban/",
        13,
        ["https://www.chisou.", "go.jp/sousei/about/", "chihouban/"],
    ),
    (
        "地方に仕事をつくり、安心して働けるようにする。",
        4,
        ["地方に", "仕事を", "つくり、", "安心して", "働けるよ", "うにす", "る。"],
    ),
    (
        "地方に仕事をつくり、安心して働けるようにする。",
        6,
        ["地方に仕事を", "つくり、", "安心して", "働けるように", "する。"],
    ),
    ("地方に仕事をつくり、安心して働けるようにする。", 9, ["地方に仕事を", "つくり、安心して", "働けるようにする。"]),
    ("地方に仕事をつくり、安心して働けるようにする。", 13, ["地方に仕事をつくり、", "安心して働けるようにする。"]),
    ("移住者数は△1,327人となりました", 4, ["移住者数", "は", "△1,327", "人と", "なりまし", "た"]),
    ("移住者数は△1,327人となりました", 6, ["移住者数は", "△1,327", "人と", "なりました"]),
    ("移住者数は△1,327人となりました", 9, ["移住者数は", "△1,327人と", "なりました"]),
    ("移住者数は△1,327人となりました", 13, ["移住者数は△1,327人と", "なりました"]),
    ("……といった意見が出された", 4, ["……と", "いった", "意見が", "出された"]),
    ("……といった意見が出された", 6, ["……といった", "意見が", "出された"]),
    ("……といった意見が出された", 9, ["……といった意見が", "出された"]),
    ("……といった意見が出された", 13, ["……といった意見が出された"]),
    ("Beyond 5G (6G) の研究開発を進めます", 4, ["Beyond ", "5G ", "(6G) ", "の研究開", "発を", "進めます"]),
    ("Beyond 5G (6G) の研究開発を進めます", 6, ["Beyond 5G ", "(6G) の", "研究開発を", "進めます"]),
    ("Beyond 5G (6G) の研究開発を進めます", 9, ["Beyond 5G ", "(6G) の", "研究開発を進めます"]),
    ("Beyond 5G (6G) の研究開発を進めます", 13, ["Beyond 5G (6G) の", "研究開発を進めます"]),
    (
        "（1）地域の魅力を高める取組の推進について",
        4,
        ["（1）", "地域の", "魅力を", "高める", "取組の", "推進に", "ついて"],
    ),
    ("（1）地域の魅力を高める取組の推進について", 6, ["（1）地域", "の魅力を", "高める取組の", "推進について"]),
    ("（1）地域の魅力を高める取組の推進について", 9, ["（1）地域の", "魅力を高める取組の", "推進について"]),
    ("（1）地域の魅力を高める取組の推進について", 13, ["（1）地域の魅力を高める", "取組の推進について"]),
    ("第2期総合戦略", 4, ["第2", "期総", "合戦略"]),
    ("第2期総合戦略", 6, ["第2", "期総合戦略"]),
    ("第2期総合戦略", 9, ["第2期総合戦略"]),
    ("第2期総合戦略", 13, ["第2期総合戦略"]),
    ("あ/い-う_え?お&か", 4, ["あ/い", "-う", "_え?", "お&か"]),
    ("あ/い-う_え?お&か", 6, ["あ/い-う", "_え?", "お&か"]),
    ("あ/い-う_え?お&か", 9, ["あ/い-う_え?", "お&か"]),
    ("あ/い-う_え?お&か", 13, ["あ/い-う_え?お&か"]),
    ("abcdefghijklmnopqrstuvwxyz", 4, ["abcdef", "ghijkl", "mnopqr", "stuvwx", "yz"]),
    ("abcdefghijklmnopqrstuvwxyz", 6, ["abcdefghi", "jklmnopqr", "stuvwxyz"]),
    ("abcdefghijklmnopqrstuvwxyz", 9, ["abcdefghijklm", "nopqrstuvwxyz"]),
    ("abcdefghijklmnopqrstuvwxyz", 13, ["abcdefghijklmnopqrs", "tuvwxyz"]),
    ("地方創生推進交付金事業の効果検証を行い", 4, ["地方創生", "推進交付", "金事業の", "効果", "検証を", "行い"]),
    ("地方創生推進交付金事業の効果検証を行い", 6, ["地方創生推進", "交付金事業の", "効果", "検証を行い"]),
    ("地方創生推進交付金事業の効果検証を行い", 9, ["地方創生推進交付金", "事業の効果", "検証を行い"]),
    ("地方創生推進交付金事業の効果検証を行い", 13, ["地方創生推進交付金事業の", "効果検証を行い"]),
]


@pytest.mark.parametrize(("text", "chars", "lines"), WRAPPED)
def test_lines_in_a_box_of_n_full_width_characters(text: str, chars: int, lines: list[str]) -> None:
    assert NO_FONT.wrap(text, 14 * chars, 14) == lines
    assert NO_FONT.line_count(text, 14 * chars, 14) == len(lines)


BOLD_LINES = [
    (
        "地方からデジタルの実装を進め、新たな変革の波を起こす",
        7,
        ["地方から", "デジタルの", "実装を進め、", "新たな変革の", "波を起こす"],
    ),
    ("デジタル田園都市国家構想総合戦略", 7, ["デジタル", "田園都市国家構", "想総合戦略"]),
    ("KPIとロードマップ（工程表）を位置付け。", 7, ["KPIと", "ロードマップ", "（工程表）を", "位置付け。"]),
    (
        "サテライトオフィス等を設置した地方公共団体 1,000団体",
        7,
        ["サテライトオ", "フィス等を", "設置した地方", "公共団体 ", "1,000団体"],
    ),
]


@pytest.mark.parametrize(("text", "chars", "lines"), BOLD_LINES)
def test_wrap_bold_without_a_font_measures_the_same(text: str, chars: int, lines: list[str]) -> None:
    assert NO_FONT.wrap(text, 14 * chars, 14, True) == lines
    assert NO_FONT.wrap(text, 14 * chars, 14, (True,) * len(text)) == lines


def test_paragraphs_and_empty_lines_are_kept() -> None:
    assert NO_FONT.wrap("あいう\nえお", 14 * 5, 14) == ["あいう", "えお"]
    assert NO_FONT.wrap("", 100, 10) == [""]
    assert NO_FONT.wrap("あ\n\nい", 100, 10) == ["あ", "", "い"]
    bold = (False,) * 4 + (True,) * 4
    assert NO_FONT.wrap("地方から\nデジタル", 14 * 4, 14, (*bold[:4], False, *bold[4:])) == ["地方から", "デジタル"]


@pytest.mark.parametrize(
    ("text", "em", "lines"),
    [
        (
            "**1人1台端末を授業でほぼ毎日活用している学校の割合**",
            6,
            ["**1人1", "台端末を", "授業でほぼ", "毎日", "活用している", "学校の", "割合**"],
        ),
        ("ab/cdefg", 1.3, ["ab", "/", "cd", "ef", "g"]),  # a box of exactly two Latin letters
        ("abcdef", 1.3, ["ab", "cd", "ef"]),
        ("https://www.x.jp", 2.6, ["http", "s://", "www", ".x.", "jp"]),
        ("abXdefghijk", 3, ["abXd", "efgh", "ijk"]),
        ("**デジタル教科書・教材等の活用**", 3, ["**デ", "ジタル", "教科", "書・", "教材等", "の活用", "**"]),
        (
            "caption: DXによる魚価向上・漁業の担い手確保",
            4,
            ["captio", "n: ", "DXに", "よる", "魚価向", "上・", "漁業の", "担い", "手確保"],
        ),
        ("**95%**", 3, ["**", "95%*", "*"]),
    ],
)
def test_lines_in_boxes_narrower_than_a_word(text: str, em: float, lines: list[str]) -> None:
    assert NO_FONT.wrap(text, 10 * em, 10) == lines


def test_a_box_narrower_than_a_letter_takes_one_letter_a_line_and_adds_no_empty_line() -> None:
    assert NO_FONT.wrap("abcd", 3, 10)[:4] == ["a", "b", "c", "d"]
    assert NO_FONT.wrap("abcd", 3, 10) == ["a", "b", "c", "d"]


# --- phrases, 禁則 and widows ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("ア", "kana"),
        ("\u30a0", "kana"),
        ("\u30ff", "kana"),
        ("\u3100", "other"),
        ("あ", "other"),
        ("一", "kanji"),
        ("\u9fff", "kanji"),
        ("\u4dff", "other"),
        ("\ua000", "other"),
        ("々", "kanji"),
        ("〆", "kanji"),
        ("A", "latin"),
        ("1", "latin"),
        ("é", "other"),
        ("・", "kana"),
        ("…", "other"),
        (" ", "other"),
    ],
)
def test_the_script_of_each_kind_of_character(char: str, script: str) -> None:
    assert kinsoku.script(char) == script


def test_char_breaks_keep_words_numbers_and_kinsoku() -> None:
    assert KINSOKU.breaks("KPIとロードマップ（工程表）、1,000団体") == [3, 4, 6, 7, 9, 10, 12, 13, 16, 21, 22]
    assert KINSOKU.breaks("あ いう") == [2, 3]
    assert KINSOKU.breaks("……あ——い") == [2, 3, 5]
    assert KINSOKU.breaks("△5あ") == [2]
    assert KINSOKU.breaks("あ「い」う") == [1, 4]


def test_phrase_breaks_keep_numbers_with_their_counters() -> None:
    assert sorted(phrases.phrase_breaks("地方からデジタルの実装を進め、2030年度に5か年計画を第2期で")) == [
        4,
        9,
        12,
        15,
        22,
        28,
    ]
    assert phrases.phrase_breaks("3\u3000誰一人取り残さない") == frozenset()
    assert sorted(phrases.phrase_breaks("令和5年度 地方創生の推進")) == [5, 6, 11]
    assert sorted(phrases.phrase_breaks("2022～2026年度の計画")) == [5, 12]
    assert sorted(phrases.phrase_breaks("第2期の5か年計画（案）")) == [4, 9]


def test_a_lone_kanji_before_a_compound_is_found() -> None:
    assert phrases.lone_kanji("デジタル分野", 5)
    assert phrases.lone_kanji("分野", 1)
    assert not phrases.lone_kanji("中小分野", 3)
    assert not phrases.lone_kanji("分の", 1)
    assert not phrases.lone_kanji("あ野", 1)


def test_lone_kanji_looks_two_characters_back() -> None:
    assert phrases.lone_kanji("漢ア分野", 3)
    assert not phrases.lone_kanji("漢分野", 2)
    assert kinsoku.script("X") == "latin"


def test_a_widow_takes_the_last_phrase_of_the_line_before() -> None:
    assert NO_FONT.wrap("地方に仕事をつくり、人を呼ぶ", 14 * 6, 14) == ["地方に仕事を", "つくり、", "人を呼ぶ"]
    assert NO_FONT.wrap("安心して働けるようにする", 14 * 10, 14) == ["安心して", "働けるようにする"]
    assert NO_FONT.wrap("地域の魅力を高める取組の推進", 14 * 7, 14) == ["地域の魅力を", "高める", "取組の推進"]
    # a last line of two characters that no phrase can join: kept when nothing narrower helps
    assert NO_FONT.wrap("安心して働けるようにする", 14 * 6, 14) == ["安心して", "働けるように", "する"]
    assert NO_FONT.wrap("地域の魅力を高める取組の推進", 14 * 4, 14) == ["地域の", "魅力を", "高める", "取組の", "推進"]


@pytest.mark.parametrize(
    ("text", "chars", "lines"),
    [
        ("000団体、2027年度までに1", 4, ["000", "団体、", "2027", "年度ま", "でに1"]),
        ("000団体、2027年度までに1", 7, ["000団体、", "2027", "年度までに1"]),
        (
            "1421（内閣官房デジタル田園都市国家構想実現会議事務局内）",
            8,
            ["1421（内閣官", "房デジタル", "田園都市国家構", "想実現会議事務", "局内）"],
        ),
        (
            "1421（内閣官房デジタル田園都市国家構想実現会議事務局内）",
            10,
            ["1421（内閣官房", "デジタル田園都市国", "家構想実現会議事務", "局内）"],
        ),
    ],
)
def test_a_widow_no_phrase_can_join_is_set_narrower(text: str, chars: int, lines: list[str]) -> None:
    assert NO_FONT.wrap(text, 14 * chars, 14) == lines


def test_a_line_is_as_wide_as_its_text_without_the_trailing_space() -> None:
    assert NO_FONT.line_width("地方A", 10) == pytest.approx(29.0)
    assert NO_FONT.line_width("地方  ", 10) == pytest.approx(20.0)
    assert NO_FONT.line_width("", 10) == 0.0
    assert NO_FONT.widest_phrase("地方からデジタルの実装\nを進め", 10) == pytest.approx(50.0)
    assert NO_FONT.widest_phrase("\nを進め", 10) == pytest.approx(20.0)
    assert NO_FONT.widest_phrase("", 10) == 0.0


def test_widest_phrase_keeps_a_numbered_heading_whole_and_counts_from_the_start() -> None:
    assert NO_FONT.widest_phrase("3\u3000誰一人取り残さない", 10) == pytest.approx(109.0)
    assert NO_FONT.widest_phrase("3\nあいう", 10) == pytest.approx(30.0)
    assert NO_FONT.widest_phrase("デジタル", 10) == pytest.approx(40.0)


def test_analysis_width_of_an_empty_span_is_zero() -> None:
    a = phrase_lines._analyse(NO_FONT, KINSOKU, "a 地A", False)
    assert a.width(2, 2) == 0.0
    assert a.width(3, 3) == 0.0
    assert a.width(0, 2) == pytest.approx(0.65)
    assert a.width(2, 4) == pytest.approx(1.9)
    assert a.width(3, 4) == pytest.approx(0.65)


# --- bracketed groups ---------------------------------------------------------------------------


def test_a_place_name_in_brackets_stays_whole() -> None:
    # 12 em a line: 「遠隔合同授業（鹿児島県」 fits, but the place name is not broken
    assert NO_FONT.wrap("オンラインによる遠隔合同授業（鹿児島県三島村）", 12 * 14, 14) == [
        "オンラインによる",
        "遠隔合同授業",
        "（鹿児島県三島村）",
    ]


def test_a_group_wider_than_its_line_still_breaks_between_phrases() -> None:
    # 7 em: 「（5か年分の累計）」 (9 em) cannot be whole, so its phrases break as usual
    lines = NO_FONT.wrap("通じた移住者数\u3000〇〇人（5か年分の累計）", 100, 14)
    assert lines == ["通じた移住者数\u3000", "〇〇人", "（5か年分の", "累計）"]


def test_a_bracketed_place_name_that_fits_a_line_stays_whole() -> None:
    text = "離島の事例（鹿児島県三島村）を参考に"
    assert phrase_lines._analyse(NO_FONT, KINSOKU, text, False).groups == ((5, 14),)
    assert NO_FONT.wrap(text, 100, 10) == ["離島の事例", "（鹿児島県三島村）を", "参考に"]
    # a box narrower than the group splits it
    assert NO_FONT.wrap(text, 50, 10) == ["離島の事例", "（鹿児島県", "三島村）を", "参考に"]


def test_a_bracketed_group_exactly_as_wide_as_the_line_stays_whole() -> None:
    lines = NO_FONT.wrap("離島の事例（鹿児島県三島村）を参考に", 90, 10)
    assert any("（鹿児島県三島村）" in line for line in lines), lines


# --- the quality the fitter compares -------------------------------------------------------------


QUALITY = [
    (
        "地方からデジタルの実装を進め、新たな変革の波を起こす",
        5,
        Quality(lines=7, splits=1, forced=1, widow=False, at=((20, True),)),
    ),
    (
        "地方からデジタルの実装を進め、新たな変革の波を起こす",
        8,
        Quality(lines=5, splits=0, forced=0, widow=False, at=()),
    ),
    (
        "デジタル田園都市国家構想総合戦略",
        5,
        Quality(lines=4, splits=3, forced=3, widow=False, at=((4, True), (8, True), (12, True))),
    ),
    (
        "デジタル田園都市国家構想総合戦略",
        8,
        Quality(lines=3, splits=2, forced=2, widow=False, at=((4, True), (12, True))),
    ),
    (
        "KPIとロードマップ（工程表）を位置付け。",
        5,
        Quality(lines=5, splits=2, forced=2, widow=False, at=((9, True), (13, True))),
    ),
    ("KPIとロードマップ（工程表）を位置付け。", 8, Quality(lines=4, splits=0, forced=0, widow=False, at=())),
    (
        "サテライトオフィス等を設置した地方公共団体 1,000団体",
        5,
        Quality(lines=8, splits=3, forced=3, widow=True, at=((5, True), (9, True), (27, True))),
    ),
    (
        "サテライトオフィス等を設置した地方公共団体 1,000団体",
        8,
        Quality(lines=4, splits=1, forced=1, widow=False, at=((8, True),)),
    ),
    (
        "2022～2026年度の5か年計画を第2期として策定する",
        5,
        Quality(lines=8, splits=2, forced=2, widow=False, at=((9, True), (17, True))),
    ),
    ("2022～2026年度の5か年計画を第2期として策定する", 8, Quality(lines=5, splits=0, forced=0, widow=False, at=())),
    (
        "3\u3000誰一人取り残されない社会の実現を目指します",
        5,
        Quality(lines=5, splits=2, forced=2, widow=False, at=((5, True), (10, True))),
    ),
    (
        "3\u3000誰一人取り残されない社会の実現を目指します",
        8,
        Quality(lines=3, splits=1, forced=1, widow=False, at=((8, True),)),
    ),
    (
        "スタートアップ・エコシステムの確立を図る",
        5,
        Quality(lines=5, splits=3, forced=3, widow=False, at=((4, True), (8, True), (13, True))),
    ),
    ("スタートアップ・エコシステムの確立を図る", 8, Quality(lines=3, splits=1, forced=1, widow=False, at=((8, True),))),
    (
        "https://www.chisou.go.jp/sousei/about/chihouban/",
        5,
        Quality(
            lines=8,
            splits=7,
            forced=7,
            widow=False,
            at=((7, True), (12, True), (19, True), (25, True), (32, True), (38, True), (45, True)),
        ),
    ),
    (
        "https://www.chisou.go.jp/sousei/about/chihouban/",
        8,
        Quality(lines=5, splits=4, forced=4, widow=False, at=((12, True), (22, True), (32, True), (38, True))),
    ),
    (
        "地方に仕事をつくり、安心して働けるようにする。",
        5,
        Quality(lines=6, splits=1, forced=1, widow=False, at=((19, True),)),
    ),
    (
        "地方に仕事をつくり、安心して働けるようにする。",
        8,
        Quality(lines=4, splits=1, forced=1, widow=True, at=((21, True),)),
    ),
    ("移住者数は△1,327人となりました", 5, Quality(lines=4, splits=1, forced=1, widow=False, at=((11, True),))),
    ("移住者数は△1,327人となりました", 8, Quality(lines=3, splits=0, forced=0, widow=False, at=())),
    ("……といった意見が出された", 5, Quality(lines=4, splits=0, forced=0, widow=False, at=())),
    ("……といった意見が出された", 8, Quality(lines=2, splits=0, forced=0, widow=False, at=())),
    ("Beyond 5G (6G) の研究開発を進めます", 5, Quality(lines=5, splits=0, forced=0, widow=False, at=())),
    ("Beyond 5G (6G) の研究開発を進めます", 8, Quality(lines=4, splits=0, forced=0, widow=False, at=())),
    (
        "（1）地域の魅力を高める取組の推進について",
        5,
        Quality(lines=6, splits=1, forced=1, widow=False, at=((4, True),)),
    ),
    ("（1）地域の魅力を高める取組の推進について", 8, Quality(lines=4, splits=0, forced=0, widow=False, at=())),
    ("第2期総合戦略", 5, Quality(lines=2, splits=1, forced=1, widow=False, at=((2, True),))),
    ("第2期総合戦略", 8, Quality(lines=1, splits=0, forced=0, widow=False, at=())),
    ("あ/い-う_え?お&か", 5, Quality(lines=3, splits=0, forced=0, widow=False, at=())),
    ("あ/い-う_え?お&か", 8, Quality(lines=2, splits=0, forced=0, widow=False, at=())),
    (
        "abcdefghijklmnopqrstuvwxyz",
        5,
        Quality(lines=4, splits=3, forced=3, widow=False, at=((7, True), (14, True), (21, True))),
    ),
    ("abcdefghijklmnopqrstuvwxyz", 8, Quality(lines=3, splits=2, forced=2, widow=False, at=((11, True), (22, True)))),
    (
        "地方創生推進交付金事業の効果検証を行い",
        5,
        Quality(lines=4, splits=2, forced=2, widow=False, at=((5, True), (10, True))),
    ),
    ("地方創生推進交付金事業の効果検証を行い", 8, Quality(lines=3, splits=1, forced=1, widow=False, at=((8, True),))),
]


@pytest.mark.parametrize(("text", "chars", "expected"), QUALITY)
def test_the_quality_of_the_lines_counts_lines_splits_and_widows(text: str, chars: int, expected: Quality) -> None:
    assert NO_FONT.quality(text, 14 * chars, 14) == expected


def test_quality_of_given_lines_and_of_nothing() -> None:
    assert NO_FONT.quality("", 100, 10) == Quality(1, 0, 0, False)
    assert NO_FONT.quality("地方からデジタル", 1000, 10, lines=["地方から", "デジタル"]) == Quality(2, 0, 0, False, ())
    assert NO_FONT.quality("地方からデジタル", 1000, 10, lines=["地方", "からデジタル"]) == Quality(
        2, 1, 0, False, ((2, False),)
    )
    assert NO_FONT.quality("地方からデジタル", 30, 10, lines=["地方から", "デジタ", "ル"]) == Quality(
        3, 1, 1, True, ((7, True),)
    )


def test_quality_tells_a_forced_split_from_a_chosen_one() -> None:
    text = "label: デジタル技術も活用し相談援助等を行うこども家庭センター設置市区町村"
    assert NO_FONT.quality(text, 90, 10) == Quality(6, 2, 1, False, ((21, False), (34, True)))


# --- 禁則, written out: JIS X 4051 and the city's own papers ----------------------------------------
# JIS X 4051 / the city's own papers: a line never starts with these …
NEVER_START = "、。，．）」』】〕！？ーぁぃぅぇぉっゃゅょァィゥェォッャュョ・：；"
# … and never ends with these.
NEVER_END = "（「『【〔"


def _lines_of(text: str, width_chars: int) -> list[str]:
    """Slide lines with no font chosen (every CJK character one em wide): width in characters."""
    return text_fit.FontMeasure().wrap(text, width_pt=10.0 * width_chars, size_pt=10.0)  # the unit-test widths


@pytest.mark.parametrize("mark", list(NEVER_START))
def test_slide_lines_never_start_with_a_closing_mark(mark: str) -> None:
    # 10 characters fit a line; the mark is the 11th, where a naive break would put it first
    text = "あいうえおかきくけこ" + mark + "さしすせそたちつてと"
    lines = _lines_of(text, 10)
    assert "".join(lines) == text
    assert len(lines) > 1
    assert all(not line.startswith(mark) for line in lines), lines


@pytest.mark.parametrize("mark", list(NEVER_END))
def test_slide_lines_never_end_with_an_opening_mark(mark: str) -> None:
    text = "あいうえおかきくけ" + mark + "さしすせそたちつてと"  # the mark is the 10th, a line's last
    lines = _lines_of(text, 10)
    assert "".join(lines) == text
    assert all(not line.endswith(mark) for line in lines[:-1]), lines


@pytest.mark.parametrize("mark", list(NEVER_START))
def test_terminal_lines_never_start_with_a_closing_mark(mark: str) -> None:
    text = "エラーです" + mark + "修正してください"  # 10 columns before the mark, 10 columns a line
    lines = terminal_wrap(text, 10)
    assert "".join(lines) == text
    assert all(not line.startswith(mark) for line in lines), lines


@pytest.mark.parametrize("mark", list(NEVER_END))
def test_terminal_lines_never_end_with_an_opening_mark(mark: str) -> None:
    text = "エラーで" + mark + "修正してください"  # the mark ends the first 10 columns
    lines = terminal_wrap(text, 10)
    assert "".join(lines) == text
    assert all(not line.endswith(mark) for line in lines[:-1]), lines


# --- the old breakers, as they were before issue 21 ----------------------------------------------
_OLD_PIECE = re.compile(
    rf"{TO_FILL}|[A-Za-z0-9.][A-Za-z0-9.,:;/%&+\-_@#'’=~]*|[\u30a1-\u30fa\u30fc]+|[ \t\u3000]+|.", re.DOTALL
)
_OLD_ORDER_NO_START = set(
    "、。，．,.)）」』】〕〉》］]}・：；:;！？!?ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々～〜%"
)
_OLD_ORDER_NO_END = set("（(「『【〔〈《［[{")


def old_order_wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        pieces: list[str] = []
        for piece in _OLD_PIECE.findall(paragraph):
            too_wide = measure(piece) > width and piece != TO_FILL
            pieces.extend(list(piece) if too_wide else [piece])
        line: list[str] = []
        used = 0.0
        for piece in pieces:
            w = measure(piece)
            if line and used + w > width and not piece.isspace():
                carry: list[str] = []
                if piece[0] in _OLD_ORDER_NO_START and len(line) > 1:
                    carry.insert(0, line.pop())
                while len(line) > 1 and line[-1][-1] in _OLD_ORDER_NO_END:
                    carry.insert(0, line.pop())
                if line[-1][-1] in _OLD_ORDER_NO_END or sum(map(measure, carry)) + w > width:
                    line, carry = line + carry, []
                lines.append("".join(line).rstrip())
                line, used = carry, sum(map(measure, carry))
            if not line and piece.isspace():
                continue
            line.append(piece)
            used += w
        lines.append("".join(line).rstrip())
    return lines


_OLD_TERMINAL_NO_START = set(
    "、。，．,.)）」』】〕〉》］]}’”・：；:;!?！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥"
)
_OLD_TERMINAL_NO_END = set("(（「『【〔〈《［[{‘“")
_OLD_TOKEN = re.compile(r"[!-~]+|\s+|.")


def old_terminal_wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current: list[str] = []
    for token in _OLD_TOKEN.findall(text):
        if token.isspace():
            if current:
                current.append(" ")
            continue
        if current and display_width("".join(current) + token) > width:
            carry: list[str] = []
            while len([t for t in current if t != " "]) > 1 and (
                (carry[0] if carry else token)[0] in _OLD_TERMINAL_NO_START
                or next(t for t in reversed(current) if t != " ")[-1] in _OLD_TERMINAL_NO_END
            ):
                carry.insert(0, current.pop())
                while current and current[-1] == " ":
                    current.pop()
            lines.append("".join(current).rstrip())
            current = [t for t in carry if t != " "] if carry and carry[0] == " " else carry
        current.append(token)
    if current:
        lines.append("".join(current).rstrip())
    return lines or [""]


_OLD_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%&+\-_@#'’]*")


def old_char_breaks(text: str) -> list[int]:
    inside = {k for m in _OLD_LATIN_WORD.finditer(text) for k in range(m.start() + 1, m.end())}
    return [
        k
        for k in range(1, len(text))
        if k not in inside
        and not text[k].isspace()
        and text[k] not in NO_LINE_START
        and text[k - 1] not in NO_LINE_END
        and text[k - 1] not in NUMBER_PREFIX
        and not (text[k] == text[k - 1] and text[k] in "…‥—―")
    ]


# --- random text that exercises every rule --------------------------------------------------------
KINSOKU_MARKS = sorted(
    NO_LINE_START
    | NO_LINE_END
    | NUMBER_PREFIX
    | _OLD_ORDER_NO_START
    | _OLD_ORDER_NO_END
    | _OLD_TERMINAL_NO_START
    | _OLD_TERMINAL_NO_END
)
PIECES = [
    *KINSOKU_MARKS,
    *"あいうかきくアイウカキクー漢字資料会議地方ABCxyz0123456789.,:;/%&+-_@#'’=~…‥—―・／",
    " ", "  ", "\t", "\u3000", "\n", "\r", "\x0b", TO_FILL, "要記", "No.1-1", "https://example.jp/a_b?c=d",
    "ホチキス", "資料No.1", "（案）", "「変更なし」", "2030年度", "5か年",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _order_width(piece: str) -> float:
    """Widths of several sizes, not additive (a run is a little narrower than its characters)."""
    each = sum(0.5 if c.isascii() else 1.0 if ord(c) > 0x2E80 else 0.73 for c in piece)
    return each - 0.05 * (len(piece) - 1) if piece else 0.0


@MANY
@given(texts, st.floats(min_value=0.5, max_value=25))
def test_the_order_sheet_breaks_as_it_did(text: str, width: float) -> None:
    assert order_wrap(text, width, _order_width) == old_order_wrap(text, width, _order_width)


@MANY
@given(texts, st.integers(min_value=1, max_value=40))
def test_the_terminal_breaks_as_it_did(text: str, columns: int) -> None:
    assert terminal_wrap(text, columns) == old_terminal_wrap(text, columns)


@MANY
@given(texts)
def test_the_slides_break_between_characters_where_they_did(text: str) -> None:
    assert KINSOKU.breaks(text) == old_char_breaks(text)

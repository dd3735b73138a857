"""Literal line breaks of packetgen.render.text_fit and packetgen.core.linebreak without a font file
(CJK one em, Latin 0.65 em), written to kill mutmut survivors (docs/mutation.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from packetgen.core.linebreak import kinsoku, phrase_lines, phrases
from packetgen.core.linebreak.kinsoku import KINSOKU
from packetgen.core.linebreak.phrase_lines import Quality
from packetgen.core.platform import ResolvedFont
from packetgen.render import text_fit
from packetgen.render.text_fit import FontMeasure

NO_FONT = FontMeasure()  # the rules alone: no font file measured


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
def test_wrap_in_a_box_of_n_full_width_characters(text: str, chars: int, lines: list[str]) -> None:
    assert NO_FONT.wrap(text, 14 * chars, 14) == lines
    assert NO_FONT.line_count(text, 14 * chars, 14) == len(lines)


BOLD = [
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


@pytest.mark.parametrize(("text", "chars", "lines"), BOLD)
def test_wrap_bold_without_a_font_measures_the_same(text: str, chars: int, lines: list[str]) -> None:
    assert NO_FONT.wrap(text, 14 * chars, 14, True) == lines
    assert NO_FONT.wrap(text, 14 * chars, 14, (True,) * len(text)) == lines


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
def test_quality(text: str, chars: int, expected: Quality) -> None:
    assert NO_FONT.quality(text, 14 * chars, 14) == expected


def test_widths_without_a_font() -> None:
    assert NO_FONT.char_width("地") == 1.0
    assert NO_FONT.char_width("A") == 0.65
    assert NO_FONT.char_width("\u2e80") == 0.65  # the first CJK radical is still measured as Latin
    assert NO_FONT.char_width("\u2e81") == 1.0
    assert NO_FONT.char_width("地", bold=True) == 1.0
    assert NO_FONT.text_width("地A", 10) == pytest.approx(16.5)
    assert NO_FONT.text_width("", 10) == 0


def test_a_font_measure_records_regular_and_bold() -> None:
    regular = ResolvedFont("r", Path("/r.ttf"), (), "R", 0)
    bold = ResolvedFont("b", Path("/b.ttf"), (), "B", 2)
    assert FontMeasure.of(regular, bold) == FontMeasure("/r.ttf", "/b.ttf", 0, 2)
    assert FontMeasure.of(regular) == FontMeasure("/r.ttf", "/r.ttf", 0, 0)


def test_autospace_between_japanese_and_latin() -> None:
    assert text_fit.AUTOSPACE == 0.25
    assert text_fit.autospace("地", "A") == 0.25
    assert text_fit.autospace("A", "地") == 0.25
    assert text_fit.autospace(" ", "地") == 0.25
    assert text_fit.autospace("地", " ") == 0.0
    assert text_fit.autospace("地", "※") == 0.0
    assert text_fit.autospace("地", "é") == 0.0
    assert text_fit.autospace("地", "方") == 0.0
    assert text_fit.autospace("A", "B") == 0.0
    assert text_fit._asian("\u2e80")
    assert not text_fit._asian("\u2e7f")


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
def test_script(char: str, script: str) -> None:
    assert kinsoku.script(char) == script


def test_char_breaks_keep_words_numbers_and_kinsoku() -> None:
    assert KINSOKU.breaks("KPIとロードマップ（工程表）、1,000団体") == [3, 4, 6, 7, 9, 10, 12, 13, 16, 21, 22]
    assert KINSOKU.breaks("あ いう") == [2, 3]
    assert KINSOKU.breaks("……あ——い") == [2, 3, 5]
    assert KINSOKU.breaks("△5あ") == [2]
    assert KINSOKU.breaks("あ「い」う") == [1, 4]


def test_phrase_breaks() -> None:
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


def test_lone_kanji() -> None:
    assert phrases.lone_kanji("デジタル分野", 5)
    assert phrases.lone_kanji("分野", 1)
    assert not phrases.lone_kanji("中小分野", 3)
    assert not phrases.lone_kanji("分の", 1)
    assert not phrases.lone_kanji("あ野", 1)


def test_wrap_keeps_paragraphs_and_empty_lines() -> None:
    assert NO_FONT.wrap("あいう\nえお", 14 * 5, 14) == ["あいう", "えお"]
    assert NO_FONT.wrap("", 100, 10) == [""]
    assert NO_FONT.wrap("あ\n\nい", 100, 10) == ["あ", "", "い"]
    bold = (False,) * 4 + (True,) * 4
    assert NO_FONT.wrap("地方から\nデジタル", 14 * 4, 14, (*bold[:4], False, *bold[4:])) == ["地方から", "デジタル"]


def test_quality_of_given_lines_and_of_nothing() -> None:
    assert NO_FONT.quality("", 100, 10) == Quality(1, 0, 0, False)
    assert NO_FONT.quality("地方からデジタル", 1000, 10, lines=["地方から", "デジタル"]) == Quality(2, 0, 0, False, ())
    assert NO_FONT.quality("地方からデジタル", 1000, 10, lines=["地方", "からデジタル"]) == Quality(
        2, 1, 0, False, ((2, False),)
    )
    assert NO_FONT.quality("地方からデジタル", 30, 10, lines=["地方から", "デジタ", "ル"]) == Quality(
        3, 1, 1, True, ((7, True),)
    )


def test_line_width_and_widest_phrase() -> None:
    assert NO_FONT.line_width("地方A", 10) == pytest.approx(29.0)
    assert NO_FONT.line_width("地方  ", 10) == pytest.approx(20.0)
    assert NO_FONT.line_width("", 10) == 0.0
    assert NO_FONT.widest_phrase("地方からデジタルの実装\nを進め", 10) == pytest.approx(50.0)
    assert NO_FONT.widest_phrase("\nを進め", 10) == pytest.approx(20.0)
    assert NO_FONT.widest_phrase("", 10) == 0.0


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


def test_widest_phrase_keeps_a_numbered_heading_whole_and_counts_from_the_start() -> None:
    assert NO_FONT.widest_phrase("3\u3000誰一人取り残さない", 10) == pytest.approx(109.0)
    assert NO_FONT.widest_phrase("3\nあいう", 10) == pytest.approx(30.0)
    assert NO_FONT.widest_phrase("デジタル", 10) == pytest.approx(40.0)


REGULAR = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


@pytest.mark.skipif(not (REGULAR.is_file() and BOLD.is_file()), reason="needs the DejaVu Sans fonts")
def test_widths_come_from_the_regular_font_unless_bold() -> None:
    font = FontMeasure(str(REGULAR), str(BOLD))
    assert font.char_width("A") == pytest.approx(0.684078125)
    assert font.char_width("A", True) == pytest.approx(0.773921875)
    assert font.text_width("AB", 10) == pytest.approx(13.70109375)
    assert font.text_width("AB", 10, True) == pytest.approx(15.36125)
    assert font.line_width("AB", 10) == pytest.approx(13.70109375)
    assert font.line_width("AB", 10, True) == pytest.approx(15.36125)
    assert font.widest_phrase("AB CD", 10) == pytest.approx(14.68265625)
    assert font.widest_phrase("AB CD", 10, True) == pytest.approx(15.6396875)


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
def test_wrap_in_narrow_boxes(text: str, em: float, lines: list[str]) -> None:
    assert NO_FONT.wrap(text, 10 * em, 10) == lines


def test_a_box_narrower_than_a_letter_takes_one_letter_a_line() -> None:
    assert NO_FONT.wrap("abcd", 3, 10)[:4] == ["a", "b", "c", "d"]


def test_a_box_narrower_than_a_letter_adds_no_empty_line() -> None:
    assert NO_FONT.wrap("abcd", 3, 10) == ["a", "b", "c", "d"]


def test_quality_tells_a_forced_split_from_a_chosen_one() -> None:
    text = "label: デジタル技術も活用し相談援助等を行うこども家庭センター設置市区町村"
    assert NO_FONT.quality(text, 90, 10) == Quality(6, 2, 1, False, ((21, False), (34, True)))


def test_analysis_width_of_an_empty_span_is_zero() -> None:
    a = phrase_lines._analyse(NO_FONT, KINSOKU, "a 地A", False)
    assert a.width(2, 2) == 0.0
    assert a.width(3, 3) == 0.0
    assert a.width(0, 2) == pytest.approx(0.65)
    assert a.width(2, 4) == pytest.approx(1.9)
    assert a.width(3, 4) == pytest.approx(0.65)


def test_lone_kanji_looks_two_characters_back() -> None:
    assert phrases.lone_kanji("漢ア分野", 3)
    assert not phrases.lone_kanji("漢分野", 2)
    assert kinsoku.script("X") == "latin"


@pytest.mark.skipif(not (REGULAR.is_file() and BOLD.is_file()), reason="needs the DejaVu Sans fonts")
def test_bold_per_paragraph_and_per_font() -> None:
    font = FontMeasure(str(REGULAR), str(BOLD))
    text = "Mobile Wireless Networks"
    assert font.wrap(text, 80, 10) == ["Mobile Wireless ", "Networks"]
    assert font.wrap(text, 80, 10, True) == ["Mobile ", "Wireless ", "Networks"]
    assert font.line_count(text, 130, 10) == 1
    assert font.line_count(text, 130, 10, True) == 2
    assert font.quality(text, 130, 10) == Quality(1, 0, 0, False, ())
    assert font.quality(text, 130, 10, True) == Quality(2, 0, 0, False, ())
    paragraphs = "Mobile Wireless\nNetworks Mobile\nMobile Wireless"
    flags = (False,) * 16 + (True,) * 15 + (False,) * 16
    assert font.wrap(paragraphs, 80, 10, flags) == ["Mobile Wireless", "Networks ", "Mobile", "Mobile Wireless"]
    assert font.wrap(paragraphs, 90, 10, flags) == ["Mobile Wireless", "Networks ", "Mobile", "Mobile Wireless"]
    assert font.wrap(paragraphs, 90, 10) == ["Mobile Wireless", "Networks Mobile", "Mobile Wireless"]


SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


@pytest.mark.skipif(not (REGULAR.is_file() and BOLD.is_file() and SERIF.is_file()), reason="needs DejaVu fonts")
def test_line_count_is_not_remembered_across_fonts() -> None:
    text = "Mobile Wireless Networks Mobile Wireless Networks"
    font = FontMeasure(str(REGULAR), str(BOLD))
    assert font.line_count(text, 130, 10) == 2
    assert font.line_count(text, 140, 10, True) == 3
    font = FontMeasure(str(SERIF), str(BOLD))
    assert font.line_count(text, 130, 10) == 3
    font = FontMeasure(str(REGULAR), str(SERIF))
    assert font.line_count(text, 140, 10, True) == 2


def test_a_bracketed_place_name_that_fits_a_line_stays_whole() -> None:
    text = "離島の事例（鹿児島県三島村）を参考に"
    assert phrase_lines._analyse(NO_FONT, KINSOKU, text, False).groups == ((5, 14),)
    assert NO_FONT.wrap(text, 100, 10) == ["離島の事例", "（鹿児島県三島村）を", "参考に"]
    # a box narrower than the group splits it
    assert NO_FONT.wrap(text, 50, 10) == ["離島の事例", "（鹿児島県", "三島村）を", "参考に"]


def test_a_bracketed_group_exactly_as_wide_as_the_line_stays_whole() -> None:
    lines = NO_FONT.wrap("離島の事例（鹿児島県三島村）を参考に", 90, 10)
    assert any("（鹿児島県三島村）" in line for line in lines), lines

"""Property tests (Hypothesis): calendars, number formats, what staff type, and the slide line breaker."""

from __future__ import annotations

import itertools
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from packetgen.core import japanese
from packetgen.inputs.numbers import parse_integer
from packetgen.inputs.punctuation import normalise
from packetgen.render import text_fit

FAST = settings(max_examples=150, deadline=None, database=None)

# first days of the eras, written out (not read from japanese.ERAS)
ERA_STARTS = [
    ("明治", "M", date(1868, 10, 23)),
    ("大正", "T", date(1912, 7, 30)),
    ("昭和", "S", date(1926, 12, 25)),
    ("平成", "H", date(1989, 1, 8)),
    ("令和", "R", date(2019, 5, 1)),
]
FIRST = date(1868, 10, 23)
LAST = date(2099, 12, 31)
# dates on or next to an era boundary, where a calendar table goes wrong
BOUNDARIES = [s + timedelta(days=k) for _, _, s in ERA_STARTS for k in (-1, 0, 1) if s + timedelta(days=k) >= FIRST]
dates = st.one_of(st.sampled_from(BOUNDARIES), st.dates(min_value=FIRST, max_value=LAST))


def expected_era(d: date) -> tuple[str, str, int]:
    name, letter, start = [e for e in ERA_STARTS if e[2] <= d][-1]
    return name, letter, d.year - start.year + 1


def fullwidth(text: str) -> str:
    return text.translate(str.maketrans("0123456789:/-.", "０１２３４５６７８９：／－．"))


@FAST
@given(dates)
def test_wareki_round_trips_and_names_the_right_era(d: date) -> None:
    name, letter, year = expected_era(d)
    text = japanese.wareki(d)
    assert text == f"{name}{'元' if year == 1 else year}年{d.month}月{d.day}日"
    assert japanese.parse_date(text) == d
    assert japanese.parse_date(f"{letter}{year}.{d.month}.{d.day}") == d
    assert japanese.parse_date(fullwidth(text)) == d
    assert japanese.parse_date(f"{name}{year}年{d.month}月{d.day}日") == d  # 1 as well as 元


@FAST
@given(dates)
def test_western_forms_and_the_weekday_round_trip(d: date) -> None:
    day = "月火水木金土日"[d.weekday()]
    for text in (d.isoformat(), f"{d.year}/{d.month}/{d.day}", f"{d.year}年{d.month}月{d.day}日"):
        assert japanese.parse_date(text) == d
        assert japanese.parse_date(fullwidth(text)) == d
        assert japanese.parse_date(f"{text}（{day}）") == d
    wrong = "月火水木金土日"[(d.weekday() + 1) % 7]
    with pytest.raises(ValueError, match="曜日が違います"):
        japanese.parse_date(f"{d.isoformat()}（{wrong}）")


@pytest.mark.parametrize(("name", "start"), [(n, s) for n, _, s in ERA_STARTS[1:]])
def test_the_day_before_an_era_written_in_it_is_refused(name: str, start: date) -> None:
    before = start - timedelta(days=1)
    with pytest.raises(ValueError, match="の期間にない日付です"):
        japanese.parse_date(f"{name}元年{before.month}月{before.day}日")
    assert japanese.parse_date(f"{name}元年{start.month}月{start.day}日") == start


@FAST
@given(dates)
def test_fiscal_year_starts_in_april(d: date) -> None:
    fy = japanese.fiscal_year(d)
    assert date(fy, 4, 1) <= d < date(fy + 1, 4, 1)


@FAST
@given(st.integers(min_value=1927, max_value=2099))
def test_wareki_fiscal_year_round_trips(fy: int) -> None:
    label = japanese.wareki_fiscal_year(fy)
    assert label.endswith("年度")
    assert japanese.parse_wareki_fiscal_year(label) == fy
    if fy == 2019:
        assert label == "令和元年度"
    else:
        name, _, year = expected_era(date(fy, 4, 1))
        assert label == f"{name}{'元' if year == 1 else year}年度"


@FAST
@given(st.integers(min_value=1869, max_value=2099))
def test_short_year_labels_round_trip(year: int) -> None:
    label = japanese.short_year(year)
    assert label[0] in "MTSHR" and label[1:].isdigit()
    assert japanese.parse_year_label(label) == year
    assert japanese.parse_year_label(fullwidth(label)) == year or not label.startswith(("H", "R", "S"))


@FAST
@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_number_format_round_trips(value: int) -> None:
    text = japanese.number(value)
    digits = text.removeprefix("△")
    assert text.startswith("△") == (value < 0)
    groups = digits.split(",")
    assert 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    assert int(digits.replace(",", "")) == abs(value)
    assert parse_integer(text) == value
    assert parse_integer(fullwidth(text).replace(",", "，")) == value
    assert parse_integer(japanese.amount(value), unit="千円") == value


@FAST
@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_times_as_staff_type_them_round_trip(hour: int, minute: int) -> None:
    t = time(hour, minute)
    assert japanese.parse_time(japanese.clock(t)) == t
    assert japanese.parse_time(f"{hour}:{minute:02d}") == t
    assert japanese.parse_time(fullwidth(f"{hour}:{minute:02d}")) == t
    assert japanese.parse_time(f"{hour}時{minute}分") == t
    half, h12 = ("午前", hour) if hour < 12 else ("午後", hour - 12)
    assert japanese.parse_time(f"{half}{h12}時{minute}分") == t
    if minute == 30:
        assert japanese.parse_time(f"{hour}時半") == t


hiragana = st.text(alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x3094), min_size=1, max_size=20)


@FAST
@given(hiragana)
def test_katakana_to_hiragana_round_trips_and_is_idempotent(text: str) -> None:
    katakana = "".join(chr(ord(c) + 0x60) for c in text)
    assert japanese.to_hiragana(katakana) == text
    assert japanese.to_hiragana(text) == text
    assert japanese.to_hiragana(japanese.to_hiragana(katakana)) == japanese.to_hiragana(katakana)


@FAST
@given(st.text(alphabet="あいう漢字カナ（）()「」、。，．,. 　-－−~～1１aＡ：:/", max_size=40))
def test_punctuation_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@pytest.mark.parametrize("text", ["あ))", "))\u3000", "あ)) ", "\u3000::"])
def test_normalise_is_idempotent_on_two_brackets_in_a_row(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@FAST
@given(st.text(alphabet="あア漢aA1 、", max_size=20), st.integers(min_value=0, max_value=60))
def test_pad_fills_terminal_columns(text: str, width: int) -> None:
    padded = japanese.pad(text, width)
    assert padded.startswith(text)
    assert japanese.display_width(padded) == max(width, japanese.display_width(text))


# --- the slide line breaker ----------------------------------------------------------------------
GOTHIC = Path("/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf")
CLOSING = "、。，．）」』】〕！？ーぁぃぅぇぉっゃゅょァィゥェォッャュョ"
OPENING = "（「『【〔"
KANA_KANJI = "あいうえおかきくけこさしすせそたちつてとなにぬねのまちづくりデジタル田園都市国家構想総合戦略人口動態"

word = st.text(alphabet=KANA_KANJI, min_size=1, max_size=5)
token = st.one_of(
    st.tuples(word, st.sampled_from(["", *CLOSING])).map("".join),  # 文字、 — a closing mark after a word
    st.tuples(st.sampled_from(OPENING), word).map("".join),  # 「文字 — an opening mark before one
    st.text(alphabet="abcXYZ0123", min_size=1, max_size=4),  # a short Latin word or number
    st.just(" "),
)
paragraphs = st.lists(token, min_size=1, max_size=30).map("".join).filter(lambda t: t.strip() != "")


@pytest.fixture(scope="module")
def gothic() -> Path:
    if not GOTHIC.is_file():
        pytest.skip("BIZ UDPゴシック がありません")
    return GOTHIC


def _pil_width_pt(text: str, size: float, font_file: Path) -> float:
    """The line measured again, independently: PIL advance widths of the font file, plus the quarter em
    LibreOffice sets between Japanese and Latin characters (0 when the line is all one script)."""
    from PIL import ImageFont

    face = ImageFont.truetype(str(font_file), 1000)
    text = text.rstrip()  # a space at a break hangs past the margin
    width = sum(face.getlength(c) for c in text) / 1000
    asian = [ord(c) >= 0x2E80 for c in text]
    width += 0.25 * sum(1 for a, b, c in zip(asian, asian[1:], text[1:], strict=False) if a != b and not c.isspace())
    return width * size


@settings(max_examples=120, deadline=None, database=None)
@given(paragraphs, st.floats(min_value=8, max_value=30), st.sampled_from([12.0, 14.0, 16.0]))
def test_wrapped_slide_lines_fit_their_box_with_kinsoku(gothic: Path, text: str, width_em: float, size: float) -> None:
    font = text_fit.FontMeasure(str(gothic))
    width_pt = width_em * size
    lines = font.wrap(text, width_pt, size)
    assert "".join(lines) == text
    for line in lines:
        assert font.line_width(line.rstrip(), size) <= width_pt + 1e-6, (line, width_pt)
        assert _pil_width_pt(line, size, gothic) <= width_pt + 0.3 * size, (line, width_pt)
    for line in lines[1:]:
        assert not line.startswith(tuple(CLOSING)), lines
    for line in lines[:-1]:
        assert not line.rstrip().endswith(tuple(OPENING)), lines
    assert font.line_count(text, width_pt, size) == len(lines)


# --- the change list's line diff --------------------------------------------------------------------
lines = st.text(alphabet="（）()パソナ株式会社テスト、。 0123456789,.%△", max_size=30)


@FAST
@given(lines, lines)
def test_a_line_diff_gives_back_both_lines_and_never_two_changes_in_a_row(before: str, after: str) -> None:
    from packetgen.review.diff import line_pieces

    pieces = line_pieces(before, after)
    assert "".join(p.before for p in pieces) == before
    assert "".join(p.after for p in pieces) == after
    assert all(p.before or p.after for p in pieces)  # no empty stretch
    assert not any(not a.same and not b.same for a, b in itertools.pairwise(pieces))
    assert (before == after) == all(p.same for p in pieces)

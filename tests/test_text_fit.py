"""The slide font's measures (render/text_fit.py): widths without a font file (CJK one em, Latin
0.65 em) and in the setting's ゴシック, regular and bold, the quarter em between Japanese and Latin, and
lines that fit their box with 禁則 in either. Where the breaker puts each break is test_linebreak.py's."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from packetgen.core.linebreak.kinsoku import NO_LINE_END, NO_LINE_START
from packetgen.core.linebreak.phrase_lines import Quality
from packetgen.core.platform import ResolvedFont
from packetgen.render import text_fit
from packetgen.render.font_files import resolve
from packetgen.render.text_fit import FontMeasure

NO_FONT = FontMeasure()  # the rules alone: no font file measured

SAMPLE = (
    "地方からデジタルの実装を進め、新たな変革の波を起こし、地方と都市の差を縮めていくことで、世界とつながる"
    "「デジタル田園都市国家構想」の実現に向け、KPIとロードマップ（工程表）を位置付け。"
)


@pytest.fixture(params=["no font", "BIZ UDPゴシック"])
def font(request: pytest.FixtureRequest) -> FontMeasure:
    if request.param == "no font":
        return FontMeasure()
    regular, bold = resolve(request.param), resolve(request.param, bold=True)
    if regular is None:
        pytest.skip(f"{request.param} is not installed")
    return FontMeasure.of(regular, bold)


@pytest.mark.parametrize("chars", [7, 9, 10, 11, 13, 17, 20])
def test_lines_fit_and_respect_kinsoku(font: FontMeasure, chars: int) -> None:
    width = 14 * chars
    lines = font.wrap(SAMPLE, width, 14)
    assert "".join(lines) == SAMPLE
    for i, line in enumerate(lines):
        # a carried character may exceed by one glyph, never more
        assert font.text_width(line, 14) <= width + 14 * 2
        if i:
            assert line[0] not in NO_LINE_START, (chars, lines)
        if i < len(lines) - 1:
            assert line[-1] not in NO_LINE_END, (chars, lines)


def test_latin_words_and_numbers_are_not_broken(font: FontMeasure) -> None:
    lines = font.wrap("サテライトオフィス等を設置した地方公共団体 1,000団体 KPI", 14 * 12, 14)
    assert all("1,0" not in line or "1,000" in line for line in lines)
    assert any("KPI" in line for line in lines)


def test_word_longer_than_the_line_breaks_anywhere(font: FontMeasure) -> None:
    url = "https://www.chisou.go.jp/sousei/about/chihouban/"
    lines = font.wrap(url, 14 * 8, 14)
    assert "".join(lines) == url and len(lines) > 1


def test_full_width_characters_are_one_em(font: FontMeasure) -> None:
    assert font.text_width("地方創生", 10) == pytest.approx(40)
    assert font.text_width("ABC", 10) < 30


def test_the_slide_font_is_the_settings_gothic_as_installed_regular_and_bold() -> None:
    from pathlib import Path

    from packetgen.core.errors import PacketError
    from packetgen.core.fonts import FontSetting
    from packetgen.render.text_fit import slide_font

    if resolve("BIZ UDPゴシック") is None:
        pytest.skip("BIZ UDPゴシック is not installed")
    measure = slide_font(FontSetting("BIZ UDPゴシック", "BIZ UD明朝 Medium"))
    assert (Path(measure.regular).name, measure.regular_index) == ("BIZUDPGothic-Regular.ttf", 0)
    assert (Path(measure.bold).name, measure.bold_index) == ("BIZUDPGothic-Bold.ttf", 0)
    with pytest.raises(PacketError, match="ゴシック「ない書体」"):  # the build stops before fitting with another font
        slide_font(FontSetting("ない書体", "BIZ UD明朝 Medium"))


def test_advances_take_each_characters_weight_and_gaps_the_space_between_scripts() -> None:
    from PIL import ImageFont

    regular, bold = resolve("BIZ UDPゴシック"), resolve("BIZ UDPゴシック", bold=True)
    if regular is None or bold is None:
        pytest.skip("BIZ UDPゴシック is not installed")

    def em(path, char: str) -> float:  # read from the font file directly
        return ImageFont.truetype(str(path), 1000).getlength(char) / 1000

    measure = FontMeasure.of(regular, bold)
    assert em(regular.file, "W") != em(bold.file, "W")
    assert measure.advances("WW漢", (False, True, False)) == [em(regular.file, "W"), em(bold.file, "W"), 1.0]
    no_bold_face = FontMeasure(str(regular.file))
    assert no_bold_face.advances("W", (True,)) == [em(regular.file, "W")]  # bold set in the regular face
    with pytest.raises(ValueError):
        measure.advances("WW", (True,))
    assert measure.gaps("漢a b") == [0.0, 0.25, 0.0, 0.0]  # a quarter em between Japanese and Latin only


# --- without a font file ---------------------------------------------------------------------------


def test_widths_without_a_font_are_one_em_for_cjk_and_065_for_the_rest() -> None:
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


def test_a_quarter_em_between_japanese_and_latin() -> None:
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


# --- in a font file: DejaVu Sans, whose Latin regular and bold differ ----------------------------------
REGULAR = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


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


@pytest.mark.skipif(not (REGULAR.is_file() and BOLD.is_file()), reason="needs the DejaVu Sans fonts")
def test_bold_is_measured_per_paragraph_and_per_font() -> None:
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


# --- in the slide font, measured again independently (Hypothesis) ---------------------------------
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

"""CJK line breaking with 禁則, without a font file and with the slide font's real metrics."""

from __future__ import annotations

import pytest

from packetgen.core.linebreak.kinsoku import NO_LINE_END, NO_LINE_START
from packetgen.render.font_files import resolve
from packetgen.render.text_fit import FontMeasure

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

"""数値: a figure used on several slides is typed once in the slide source and referenced as {名前}."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from conftest import DATE, run

SLIDES = Path("inputs") / DATE / "slides" / "1-1.yaml"


def _slide_texts(deck: Path) -> list[str]:
    def texts(shapes):
        for shape in shapes:
            if shape.shape_type == 6:  # a group
                yield from texts(shape.shapes)
            if shape.has_text_frame:
                yield shape.text_frame.text
            if getattr(shape, "has_table", False) and shape.has_table:
                yield from (cell.text for row in shape.table.rows for cell in row.cells)

    return [" ".join(texts(slide.shapes)) for slide in Presentation(str(deck)).slides]


def test_one_edit_of_a_value_changes_every_slide_that_shows_it(project: Path) -> None:
    source = project / SLIDES
    text = source.read_text("utf-8")
    assert text.count("企業版ふるさと納税活用団体_2027年度: 1,500団体") == 1
    assert text.count("{企業版ふるさと納税活用団体_2027年度}") == 2
    source.write_text(text.replace("活用団体_2027年度: 1,500団体", "活用団体_2027年度: 1,600団体"), "utf-8")
    result = run(project, "build", DATE, "--only", "1-1")
    assert result.exit_code == 0, result.stderr
    slides = _slide_texts(next((project / "outputs" / DATE).glob("資料No.1-1_*.pptx")))
    assert "1,600団体" in slides[9] and "1,600団体" in slides[17]  # slides 10 and 18
    assert "1,500団体" not in slides[9] and "1,500団体" not in slides[17]
    assert "2027年度までに1,500団体とする" in slides[12]  # the box of slide 13 is another fact


def test_an_undefined_name_is_refused_with_its_line_and_the_nearest_name(project: Path) -> None:
    source = project / SLIDES
    text = source.read_text("utf-8")
    lines = text.split("\n")
    typo = next(n for n, line in enumerate(lines, start=1) if "{企業版ふるさと納税活用団体_2027年度}" in line)
    name = "企業版ふるさと納税活用団体_2027年度"
    source.write_text(text.replace(f"{{{name}}}", "{企業版ふるさと納税活用団体_2028年度}", 1), "utf-8")
    result = run(project, "check", DATE, "--only", "1-1")
    assert result.exit_code == 1
    assert f"inputs/{DATE}/slides/1-1.yaml {typo}行目" in result.stderr, result.stderr
    assert "「{企業版ふるさと納税活用団体_2028年度}」は 数値: で決めていません" in result.stderr
    assert "（「企業版ふるさと納税活用団体_2027年度」のことですか？）" in result.stderr


def test_a_value_no_slide_uses_is_a_warning(project: Path) -> None:
    source = project / SLIDES
    text = source.read_text("utf-8")
    source.write_text(text.replace("数値:\n", "数値:\n  使わない数値: 42団体\n", 1), "utf-8")
    result = run(project, "check", DATE, "--only", "1-1")
    assert result.exit_code == 0, result.stderr
    line = next(n for n, t in enumerate(source.read_text("utf-8").split("\n"), start=1) if "使わない数値" in t)
    expected = f"注意：inputs/{DATE}/slides/1-1.yaml {line}行目：数値「使わない数値」はどのスライドでも使われていません"
    assert expected in result.stdout, result.stdout
    assert run(project, "check", DATE, "--only", "1-1", "--strict").exit_code == 1


def test_an_empty_value_is_refused(project: Path) -> None:
    source = project / SLIDES
    text = source.read_text("utf-8")
    empty = text.replace("サテライトオフィス_2024年度: 1,000団体", "サテライトオフィス_2024年度: ''")
    source.write_text(empty, "utf-8")
    result = run(project, "check", DATE, "--only", "1-1")
    assert result.exit_code == 1
    assert "数値「サテライトオフィス_2024年度」の値が空です" in result.stderr

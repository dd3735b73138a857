"""The bad-input catalog across every document's inputs: each refused with a Japanese message that
names file, row/line and column/key, a non-zero exit, no traceback, previous outputs unchanged."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import DATE, run, snapshot

M = f"inputs/{DATE}"


def replace(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text("utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def put_bytes(project: Path, rel: str, data: bytes) -> None:
    (project / rel).write_bytes(data)


CATALOG = [
    # (case, edit, words the message must hold)
    (
        "slides: broken YAML",
        lambda p: replace(p, f"{M}/slides/1-1.yaml", "slides:", "slides: ["),
        ["slides/1-1.yaml", "YAMLの書式"],
    ),
    (
        "slides: binary garbage",
        lambda p: put_bytes(p, f"{M}/slides/1-2.yaml", bytes(range(256)) * 4),
        ["slides/1-2.yaml", "バイナリ"],
    ),
    ("slides: empty file", lambda p: put_bytes(p, f"{M}/slides/1-2.yaml", b""), ["slides/1-2.yaml", "空"]),
    (
        "slides: control character",
        lambda p: replace(p, f"{M}/slides/1-2.yaml", "見直しの主な内容", "見直し\x0bの主な内容"),
        ["slides/1-2.yaml", "行目", "\\x0b"],
    ),
    (
        "slides: unknown key",
        lambda p: replace(
            p, f"{M}/slides/1-2.yaml", "    title: 見直しの主な内容①\n", "    titel: 見直しの主な内容①\n"
        ),
        ["titel", "使えません"],
    ),
    (
        "slides: over-long title",
        lambda p: replace(
            p, f"{M}/slides/1-2.yaml", "    title: 見直しの主な内容①\n", "    title: " + "見直し" * 30 + "\n"
        ),
        ["資料No.1-2 スライド", "タイトル", "長すぎて"],
    ),
    (
        "slides: wrong deck id",
        lambda p: replace(p, f"{M}/slides/1-2.yaml", 'deck: "1-2"', 'deck: "1-1"'),
        ["deck「1-1」", "1-2"],
    ),
    (
        "population: text in a number cell",
        lambda p: replace(p, f"{M}/population/social.csv", "R2,2281", "R2,多数"),
        ["social.csv 4行目 B列「転入」", "整数"],
    ),
    (
        "population: negative count",
        lambda p: replace(p, f"{M}/population/natural.csv", "R3,482", "R3,-482"),
        ["natural.csv 5行目 B列「出生」", "0以上の値"],
    ),
    (
        "population: duplicated key",
        lambda p: replace(p, f"{M}/population/natural.csv", "R1,545", "H30,545"),
        ["natural.csv 3行目 A列「年度」", "重複"],
    ),
    (
        "population: year that does not exist",
        lambda p: replace(p, f"{M}/population/natural.csv", "R1,545", "X9,545"),
        ["natural.csv 3行目 A列「年度」", "年度として読めません"],
    ),
    (
        "population: missing column",
        lambda p: replace(p, f"{M}/population/age.csv", "地域,時点,年齢,男,女,計,出典", "地域,時点,年齢,男,女,出典"),
        ["age.csv", "必要な列がありません：計"],
    ),
    (
        "population: unknown area",
        lambda p: replace(p, f"{M}/population/series.csv", "室根,2017", "室根町,2017"),
        ["series.csv", "A列「地域」", "いずれか"],
    ),
    (
        "population: missing file",
        lambda p: (p / f"{M}/population/migration.csv").unlink(),
        ["migration.csv: ファイルが見つかりません"],
    ),
    (
        "donation: amount as text",
        lambda p: replace(p, f"{M}/donation/records.csv", "100000", "十万"),
        ["records.csv", "寄附額"],
    ),
    (
        "template: corrupt deck",
        lambda p: put_bytes(p, "templates/deck.pptx", b"PK\x03\x04garbage"),
        ["templates/deck.pptx", "PowerPointファイルとして読めません"],
    ),
    (
        "template: wrong kind for the agenda",
        lambda p: (p / "templates/agenda.docx").write_bytes((p / "templates/deck.pptx").read_bytes()),
        ["templates/agenda.docx"],
    ),
]


@pytest.mark.parametrize(("case", "edit", "words"), CATALOG, ids=[c[0] for c in CATALOG])
def test_catalog(project: Path, built: Path, case: str, edit, words: list[str]) -> None:
    out = built  # a copy of the session's full build (built once, not once per case)
    before = snapshot(out)
    edit(project)
    result = run(project, "build", DATE)
    assert result.exit_code == 1, (case, result.stdout)
    assert "Traceback" not in result.stdout + result.stderr
    for word in words:
        assert word in result.stderr, (case, result.stderr)
    assert snapshot(out) == before


def test_deck_template_without_a_layout(project: Path) -> None:
    from pptx import Presentation

    prs = Presentation(str(project / "templates" / "deck.pptx"))
    for layout in prs.slide_layouts:
        if layout.name == "timeline":
            layout._element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cSld").set(
                "name", "年表"
            )
    prs.save(project / "templates" / "deck.pptx")
    result = run(project, "build", DATE, "--only", "1-1")
    assert result.exit_code == 1
    assert "templates/deck.pptx にレイアウト「timeline」がありません" in result.stderr


def test_every_problem_of_every_document_at_once(project: Path) -> None:
    replace(project, f"{M}/members.csv", "大崎　望美", "大崎望美")
    replace(project, f"{M}/population/natural.csv", "R2,555,1799,-1244", "R2,555,1799,-1")
    replace(project, f"{M}/slides/1-2.yaml", "layout: note", "layout: chart")
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    for where in ("members.csv 3行目", "natural.csv 4行目", "slides/1-2.yaml"):
        assert where in result.stderr


def test_cp932_and_bom_yaml_simply_work(project: Path) -> None:
    path = project / M / "explanation.yaml"
    text = path.read_text("utf-8")
    path.write_bytes(text.encode("cp932"))
    assert run(project, "build", DATE, "--only", "agenda").exit_code == 0
    path.write_bytes(text.encode("utf-8-sig"))
    assert run(project, "build", DATE, "--only", "agenda").exit_code == 0
    path = project / M / "population" / "natural.csv"
    path.write_bytes(path.read_text("utf-8").encode("cp932"))
    assert run(project, "build", DATE, "--only", "population").exit_code == 0


def test_a_slide_source_saved_in_cp932_is_checked_like_utf8(project: Path) -> None:
    path = project / M / "slides" / "1-2.yaml"
    utf8 = run(project, "check", DATE, "--only", "1-2")
    path.write_bytes(path.read_text("utf-8").encode("cp932"))
    cp932 = run(project, "check", DATE, "--only", "1-2")
    assert cp932.exit_code == 0, cp932.stderr
    assert cp932.stdout == utf8.stdout
    assert "組版 資料No.1-2（21枚）" in cp932.stdout


@pytest.mark.slow
def test_formula_looking_text_stays_text_in_every_output(project: Path) -> None:
    replace(project, f"{M}/members.csv", "中机　純子,なかつくえ　じゅんこ,Web", "中机　純子,なかつくえ　じゅんこ,=1+1")
    migration = project / M / "population" / "migration.csv"  # a fifth partner: the four are claimed in order
    migration.write_text(migration.read_text("utf-8") + '"=HYPERLINK(""http://x"")",,,テスト\n', "utf-8")
    replace(project, f"{M}/slides/1-2.yaml", "    title: 見直しの主な内容①\n", '    title: "@SUM(A1)"\n')
    # the three documents that read those inputs (1-1 and the donation report read none of them)
    result = run(project, "build", DATE, "--only", "agenda", "--only", "1-2", "--only", "population")
    assert result.exit_code == 0, result.stderr
    out = project / "outputs" / DATE
    from docx import Document
    from pptx import Presentation

    doc = Document(str(out / "次第・参加者名簿.docx"))
    assert "=1+1" in [c.text for r in doc.tables[0].rows for c in r.cells]
    wb = openpyxl.load_workbook(out / "資料No.2_人口動態について.xlsx")
    cell = wb["転入・転出"]["A9"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(out / "資料No.2_人口動態について.xlsx") as z:
        sheets = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    assert "<f>HYPERLINK" not in sheets
    prs = Presentation(str(out / "資料No.1-2_地方版総合戦略の改訂.pptx"))
    assert any(s.shapes.title is not None and s.shapes.title.text == "@SUM(A1)" for s in prs.slides)

"""The slide decks 資料No.1-1 and No.1-2: content, label, fonts, fitting, tables, determinism."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from lxml import etree
from pptx import Presentation
from pptx.util import Mm

from conftest import DATE, ROOT, run, with_outputs_of

SEED = ROOT.parent / "shared" / "seed" / "000_69eb5e0440d188ec.txt"
DECKS = {"1-1": "資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pptx", "1-2": "資料No.1-2_地方版総合戦略の改訂.pptx"}
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def deck(built: Path, deck_id: str):
    return Presentation(str(built / DECKS[deck_id]))


def slide_texts(slide) -> list[str]:
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts += [c.text for r in shape.table.rows for c in r.cells]
    return texts


def all_text(prs) -> str:
    return "\n".join(t for s in prs.slides for t in slide_texts(s))


def source(deck_id: str) -> dict:
    return yaml.safe_load((ROOT / "inputs" / DATE / "slides" / f"{deck_id}.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def built(built_packet: Path) -> Path:
    return built_packet


@pytest.mark.parametrize("deck_id", ["1-1", "1-2"])
def test_one_slide_per_source_slide_on_a4(built: Path, deck_id: str) -> None:
    prs = deck(built, deck_id)
    assert len(prs.slides) == len(source(deck_id)["slides"])
    assert (prs.slide_width, prs.slide_height) == (Mm(297), Mm(210))


def test_slide_counts_of_the_2023_07_27_decks(built: Path) -> None:
    assert len(deck(built, "1-1").slides) == 52
    assert len(deck(built, "1-2").slides) == 21


@pytest.mark.parametrize("deck_id", ["1-1", "1-2"])
def test_first_slide_carries_the_meeting_label_only_once(built: Path, deck_id: str) -> None:
    prs = deck(built, deck_id)
    first = slide_texts(prs.slides[0])
    label = f"令和5年7月27日(木)\n第1回一関市まち・ひと・しごと創生有識者会議【資料No.{deck_id}】"
    assert label in first
    assert all("【資料" not in t for s in list(prs.slides)[1:] for t in slide_texts(s))


@pytest.mark.parametrize("deck_id", ["1-1", "1-2"])
def test_every_kpi_value_of_the_sources_is_on_a_slide(built: Path, deck_id: str) -> None:
    text = re.sub(r"\s", "", all_text(deck(built, deck_id)))
    raw = source(deck_id)
    values = {str(k): str(v) for k, v in raw.get("数値", {}).items()}  # {名前} stands for its 数値: value
    kpis = [k for s in raw["slides"] for k in s.get("kpis", [])]
    for kpi in kpis:
        for key in ("label", "value", "year", "current"):
            typed = re.sub(r"\{([^{}]+)\}", lambda m: values[m.group(1)], str(kpi.get(key, "")))
            value = re.sub(r"\s", "", typed.replace("**", ""))
            assert value in text, (key, value)


@pytest.mark.skipif(not SEED.is_file() and not os.environ.get("CI"), reason="shared/seed not beside the checkout")
@pytest.mark.parametrize(("deck_id", "lines"), [("1-1", (78, 1458)), ("1-2", (1459, 1829))])
def test_every_number_and_date_of_the_seed_deck_is_on_a_slide(built: Path, deck_id: str, lines) -> None:
    seed = SEED.read_text("utf-8").splitlines()[lines[0] : lines[1]]
    text = re.sub(r"\s", "", all_text(deck(built, deck_id)))
    pattern = re.compile(
        r"(?:令和|平成)?\d[\d,.]*(?:年度|年|月|日|団体|地域|か所|都市|校|市区町村|万人|人|%|事業者|回)?"
    )
    tokens = {m.group(0) for line in seed for m in pattern.finditer(line.replace(" ", ""))}
    assert len(tokens) > 50 if deck_id == "1-1" else len(tokens) > 20
    missing = sorted(t for t in tokens if t not in text)
    assert missing == []


def test_bold_spans_of_the_seed_stay_bold(built: Path) -> None:
    prs = deck(built, "1-1")
    bold = set()
    for p in (p for s in prs.slides for sh in s.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs):
        span = ""
        for r in p.runs:  # a line break (<a:br/>) inside a bold span cuts it into two runs
            span = span + r.text if r.font.bold else ""
            if r.font.bold:
                bold.add(span)
    assert "2023年度から2027年度までの5か年の新たな総合戦略" in bold
    assert "KPIとロードマップ（工程表）" in bold


@pytest.mark.parametrize("deck_id", ["1-1", "1-2"])
def test_theme_sets_latin_and_east_asian_fonts(built: Path, deck_id: str) -> None:
    prs = deck(built, deck_id)
    master = prs.slide_master.part
    theme_part = next(r.target_part for r in master.rels.values() if r.reltype.endswith("/theme"))
    theme = etree.fromstring(theme_part.blob)
    for kind in ("majorFont", "minorFont"):
        font = theme.find(f".//{A}{kind}")
        assert font.find(f"{A}latin").get("typeface") == "BIZ UDPゴシック"
        assert font.find(f"{A}ea").get("typeface") == "BIZ UDPゴシック"


@pytest.mark.parametrize("deck_id", ["1-1", "1-2"])
def test_no_text_below_the_readable_floor_and_every_slide_numbered(built: Path, deck_id: str) -> None:
    prs = deck(built, deck_id)
    sizes = [int(rpr.get("sz")) for s in prs.slides for rpr in s._element.iter(f"{A}rPr") if rpr.get("sz")]
    assert min(sizes) >= 900  # 9 pt for small print; the body floor is 10.5 pt
    for slide in list(prs.slides)[1:]:
        assert slide._element.findall(f".//{A}fld[@type='slidenum']"), "page number missing"


def write_deck(project: Path, deck_id: str, slides: list[dict]) -> None:
    path = project / "inputs" / DATE / "slides" / f"{deck_id}.yaml"
    data = {"deck": deck_id, "title": "テスト", "slides": slides}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def test_tables_grow_and_continue_on_a_copy_of_the_slide(project: Path) -> None:
    rows = [[f"{i}行目の事業（テスト用の架空データ）", f"{i * 1000:,}千円", "令和5年度"] for i in range(1, 31)]
    write_deck(
        project,
        "1-2",
        [
            {"layout": "title", "title": "表のテスト"},
            {"layout": "table", "title": "事業一覧", "columns": ["事業名", "金額", "年度"], "rows": rows},
        ],
    )
    result = run(project, "build", DATE, "--only", "1-2")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(project / "outputs" / DATE / DECKS["1-2"]))
    slides = list(prs.slides)[1:]
    assert len(slides) >= 2
    assert slides[0].shapes.title.text == "事業一覧"
    assert all(s.shapes.title.text == "事業一覧（続き）" for s in slides[1:])
    tables = [sh.table for s in slides for sh in s.shapes if sh.has_table]
    assert all(t.rows[0].cells[0].text == "事業名" for t in tables)  # the header repeats
    body = [r.cells[0].text for t in tables for r in list(t.rows)[1:]]
    assert body == [r[0] for r in rows]
    # data rows are clones of one styled row
    props = {etree.tostring(r._tr.tc_lst[0].tcPr) for t in tables for r in list(t.rows)[1:]}
    assert len(props) == 1


def test_too_long_content_fails_naming_deck_slide_and_shape(project: Path) -> None:
    bullets = ["地方創生の取組を推進するための長い説明文です。" * 12] * 14
    write_deck(
        project,
        "1-1",
        [
            {"layout": "title", "title": "表紙"},
            {"layout": "bullets", "title": "短い", "bullets": ["一つだけ"]},
            {"layout": "bullets", "title": "長すぎるスライド", "groups": [{"heading": "施策", "bullets": bullets}]},
        ],
    )
    assert "収まりません" in run(project, "check", DATE, "--only", "1-1").stderr  # check renders in memory too
    result = run(project, "build", DATE, "--only", "1-1")
    assert result.exit_code == 1
    message = result.stderr
    assert "資料No.1-1 スライド3" in message
    assert "slides/1-1.yaml" in message and "行目" in message
    assert "「本文1（施策）」が収まりません" in message
    assert not (project / "outputs" / DATE).exists()


def test_unclosed_bold_and_unknown_layout_are_refused(project: Path) -> None:
    write_deck(
        project,
        "1-2",
        [
            {"layout": "title", "title": "表紙"},
            {"layout": "bullets", "title": "太字", "bullets": ["**閉じていない"]},
            {"layout": "chart", "title": "未知"},
        ],
    )
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert "太字の ** が閉じていません" in result.stderr
    assert "slides[3].layout" in result.stderr


def test_only_rebuilds_that_deck(project: Path, _full_build: Path) -> None:
    out = with_outputs_of(_full_build, project)  # a copy of the session's full build
    unchanged = run(project, "build", DATE, "--only", "1-2")
    assert "変更なし 1-2" in unchanged.stdout and "0件の資料を作成しました" in unchanged.stdout
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.iterdir()}
    source = project / "inputs" / DATE / "slides" / "1-2.yaml"
    source.write_text(source.read_text("utf-8").replace("見直しの主な内容①", "見直しの主な内容（１）"), "utf-8")
    result = run(project, "build", DATE, "--only", "1-2")
    assert result.exit_code == 0
    assert "1件の資料を作成しました" in result.stdout
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.iterdir()}
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {DECKS["1-2"], "manifest.json"}
    texts = all_text(Presentation(str(out / DECKS["1-2"])))
    assert "見直しの主な内容（１）" in texts


SLIDE_BODY_FLOOR_PT = 12.0  # body text of a slide printed on A4
SLIDE_SMALL_FLOOR_PT = 9.0  # footers, figure captions, case notes
# shapes holding body text (the rest are titles, labels, footers, figures and cases: small print)
BODY_SHAPES = ("本文", "リード文", "カード", "注記ボックス")


def _runs(shape):
    if shape.has_text_frame:
        for p in shape.text_frame.paragraphs:
            yield from p.runs
    if getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            for cell in row.cells:
                for p in cell.text_frame.paragraphs:
                    yield from p.runs


@pytest.mark.parametrize(
    ("name", "slides"),
    [("資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pptx", 52), ("資料No.1-2_地方版総合戦略の改訂.pptx", 21)],
)
def test_fitted_decks_keep_the_body_floor(built_packet: Path, name: str, slides: int) -> None:
    from pptx import Presentation

    prs = Presentation(str(built_packet / name))
    assert len(prs.slides) == slides
    too_small = []
    body_runs = 0
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            body = shape.name.startswith(BODY_SHAPES) or (getattr(shape, "has_table", False) and shape.has_table)
            for text_run in _runs(shape):
                if text_run.font.size is None or not text_run.text.strip():
                    continue
                floor = SLIDE_BODY_FLOOR_PT if body else SLIDE_SMALL_FLOOR_PT
                body_runs += body
                if text_run.font.size.pt < floor:
                    too_small.append((number, shape.name, text_run.font.size.pt, text_run.text[:20]))
    assert body_runs > 100
    assert not too_small


def test_the_deck_source_checks_bold_and_puts_values_in() -> None:
    from packetgen.inputs import slides

    assert slides._balanced("a **b** c") == "a **b** c"
    with pytest.raises(ValueError) as info:
        slides._balanced("a **b")
    assert str(info.value) == "太字の ** が閉じていません"
    assert slides._strings("a") == ["a"]
    assert slides._strings(("a", ["b", {"k": "c", "n": 1}], 2, None)) == ["a", "b", "c"]
    assert slides._strings({"k": ("x",)}) == ["x"]
    assert slides._strings(3) == []
    values = {"人口": "11万人", "率": "3割"}
    assert slides._put_values({"a": ["{人口}と{率}", {"b": "{未定義}"}], "n": 5, "t": ("{人口}",)}, values) == {
        "a": ["11万人と3割", {"b": "{未定義}"}],
        "n": 5,
        "t": ("{人口}",),
    }
    assert slides._put_values("{ 人口}", values) == "{ 人口}"
    assert slides.LAYOUTS == ("title", "section", "bullets", "kpi", "table", "cards", "timeline", "note")

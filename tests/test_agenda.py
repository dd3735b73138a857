"""The agenda document: content, typography, page set-up, determinism, atomic outputs."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import DATE, run, snapshot
from references import missing_east_asian_fonts

AGENDA = "次第・参加者名簿.docx"


@pytest.fixture
def agenda(built_agenda: Path) -> Document:
    return Document(str(built_agenda / AGENDA))


def paragraphs(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text.strip()]


def test_first_page_is_the_agenda(agenda: Document) -> None:
    texts = paragraphs(agenda)
    assert texts[0] == "令和5年度第1回一関市まち・ひと・しごと創生有識者会議"
    assert "日時　令和5年7月27日（木）13：30～15：00" in texts
    assert "場所　一関市役所　特別会議室（3階）" in texts
    start = texts.index("次　第")
    assert texts[start + 1 : start + 9] == [
        "1　開　会",
        "2　協　議",
        "(1)　デジタル田園都市国家構想総合戦略について",
        "(2)　人口動態について",
        "(3)　企業版ふるさと納税について",
        "3　その他",
        "4　閉　会",
        "第1回一関市まち・ひと・しごと創生有識者会議　参加者名簿",
    ]
    # no template tag survives rendering
    assert not any("{{" in t or "{%" in t for t in texts)


def test_member_list_with_absence_and_web_marks(agenda: Document) -> None:
    members, staff = agenda.tables
    header = [c.text for c in members.rows[0].cells]
    assert header == ["No.", "分野", "団体等", "職名等", "氏名", "ふりがな", "備考"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in members.rows[1:]}
    assert len(rows) == 16
    assert rows["1"][4:6] == ["岩本　幸一", "いわもと　さいいち"]
    absent = sorted(int(no) for no, r in rows.items() if r[6] == "欠席")
    web = sorted(int(no) for no, r in rows.items() if r[6] == "Web")
    assert absent == [6, 7, 8, 11, 12, 16]
    assert web == [10, 14]
    assert [c.text for c in staff.rows[1].cells] == ["市長公室長", "菅原　稔"]
    assert [c.text for c in staff.rows[-1].cells] == ["市長公室政策企画課主任主事", "谷藤　義拓"]
    assert len(staff.rows) == 6


def test_header_row_is_shaded_and_repeats(agenda: Document) -> None:
    first = agenda.tables[0].rows[0]
    assert first._tr.trPr.find(qn("w:tblHeader")) is not None
    fills = {c._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for c in first.cells}
    assert fills == {"D9D9D9"}


def test_explanation_of_the_first_deliberation(agenda: Document) -> None:
    texts = paragraphs(agenda)
    assert "1.　デジタル田園都市国家構想総合戦略について" in texts
    for heading in ("①　デジタル田園都市国家構想総合戦略の概要", "④　一関市における地方版総合戦略（改訂時期）"):
        assert heading in texts
    assert any("令和3年度から令和7年度までの5か年計画" in t for t in texts)
    assert "次期総合計画の期間（予定）" in texts
    assert "・基本構想\t令和8年度から令和17年度まで" in texts
    assert "・前期基本計画\t令和8年度から令和12年度まで" in texts


def test_a4_portrait_with_page_numbers(agenda: Document) -> None:
    section = agenda.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert section.left_margin >= Mm(15) and section.top_margin >= Mm(15)
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml


def test_east_asian_fonts_in_defaults_and_styles(agenda: Document) -> None:
    assert missing_east_asian_fonts(agenda) == []
    styles = agenda.styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = default.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "BIZ UD明朝 Medium"
    assert fonts.get(qn("w:ascii")) == "BIZ UD明朝 Medium"
    assert default.find(qn("w:lang")).get(qn("w:eastAsia")) == "ja-JP"
    for name in ("Heading 1", "Title", "会議名", "表見出し"):
        rfonts = agenda.styles[name].element.rPr.find(qn("w:rFonts"))
        assert rfonts.get(qn("w:eastAsia")) == "BIZ UDPゴシック", name


@pytest.mark.slow
def test_rebuild_is_byte_identical_and_manifest_matches(project: Path, built: Path) -> None:
    first = snapshot(built)
    rebuilt = run(project, "build", DATE, "--force")  # really render again, not skip
    assert rebuilt.exit_code == 0 and "5件の資料を作成しました" in rebuilt.stdout
    assert snapshot(built) == first
    manifest = json.loads((built / "manifest.json").read_text("utf-8"))
    assert manifest["meeting"] == {"date": DATE, "title": "令和5年度第1回一関市まち・ひと・しごと創生有識者会議"}
    (entry,) = [d for d in manifest["documents"] if d["id"] == "agenda"]
    assert entry["title"] == "次第・参加者名簿"
    assert entry["path"] == AGENDA
    assert entry["sha256"] == hashlib.sha256((built / AGENDA).read_bytes()).hexdigest()


def test_only_builds_the_selected_document(project: Path) -> None:
    result = run(project, "build", DATE, "--only", "agenda")
    assert result.exit_code == 0, result.stderr
    assert "agenda" in result.stdout and "1件の資料を作成しました" in result.stdout
    assert (project / "outputs" / DATE / AGENDA).is_file()


def test_list_writes_nothing(project: Path) -> None:
    # check of the whole packet passes and writes nothing: test_slide_typesetting, with its report
    listing = run(project, "list", DATE)
    assert listing.exit_code == 0
    assert "agenda" in listing.stdout and "members.csv" in listing.stdout
    assert not (project / "outputs").exists()


def test_no_stray_temporary_files(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text("utf-8"))
    expected = {d["path"] for d in manifest["documents"]} | {"manifest.json"}
    assert {p.name for p in built.iterdir()} == expected
    assert [d["id"] for d in manifest["documents"]] == ["agenda", "1-1", "1-2", "population", "donation"]


@pytest.mark.parametrize(
    ("good", "bad"),
    [(b"{{ meeting.place }}", b"{{ meeting.place | nosuchfilter }}"), (b"{{ meeting.place }}", b"{% if %}")],
)
def test_broken_template_tag_is_named_and_outputs_stay(project: Path, built: Path, good: bytes, bad: bytes) -> None:
    import shutil
    import zipfile

    before = snapshot(built)
    template = project / "templates" / "agenda.docx"
    broken = project / "broken.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(good, bad)
            dst.writestr(item, data)
    shutil.move(broken, template)
    result = run(project, "build", DATE)
    assert result.exit_code == 1
    assert "templates/agenda.docx" in result.stderr and "タグ" in result.stderr
    assert snapshot(built) == before


def test_corrupt_template_is_refused(project: Path) -> None:
    (project / "templates" / "agenda.docx").write_bytes(b"not a zip")
    result = run(project, "build", DATE)
    assert result.exit_code == 1
    assert "templates/agenda.docx" in result.stderr and "Word文書として読めません" in result.stderr


def test_sandbox_blocks_python_internals(project: Path, meeting_dir: Path) -> None:
    # text from the inputs is data, never template code; and a tag reaching internals is refused
    staff = meeting_dir / "staff.csv"
    staff.write_text("役職,氏名\n{{ meeting.__class__ }},=HYPERLINK　太郎\n", "utf-8")
    assert run(project, "build", DATE, "--only", "agenda").exit_code == 0
    doc = Document(str(project / "outputs" / DATE / AGENDA))
    assert [c.text for c in doc.tables[1].rows[1].cells] == ["{{ meeting.__class__ }}", "=HYPERLINK　太郎"]


def test_a_renamed_document_leaves_no_stale_file(project: Path, built_agenda: Path) -> None:
    meeting = project / "inputs" / DATE / "meeting.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace("名称: 次第・参加者名簿", "名称: 次第"), "utf-8")
    stray = built_agenda / "notes-by-staff.txt"
    stray.write_text("not ours", "utf-8")
    assert run(project, "build", DATE, "--only", "agenda").exit_code == 0
    assert (built_agenda / "次第.docx").is_file()
    assert not (built_agenda / AGENDA).exists()
    assert stray.is_file()  # files packetgen did not make are never touched

"""Hostile inputs: a Word template that reaches for Python internals or other files, text that a
spreadsheet would run as a formula, and a DATE or input name that points outside the project."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from conftest import DATE, copy_printed, run, snapshot

M = f"inputs/{DATE}"


def files(project: Path) -> dict[str, bytes]:
    """Every file of the project but packetgen's own lock files (outputs/.packetgen/)."""
    return {k: v for k, v in snapshot(project).items() if not k.startswith("outputs/.packetgen/")}


def edit_template(path: Path, old: str, new: str) -> None:
    """Replace text in a .docx template's document.xml (as Word would store a typed tag)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    escaped = new.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), escaped.encode(), 1)
            target.writestr(info, data)


def replace(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text("utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


# --- hostile Word templates -----------------------------------------------------------------------
UNSAFE = "は安全のため使えません"
OTHER_FILE = "他のファイルを読み込むタグ（include・import・extends）は使えません"
TOO_BIG = "安全のため使えない書き方です"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("{{ ''.__class__.__mro__ }}", "「__class__」" + UNSAFE),
        ("{{ ''.__class__.__subclasses__() }}", "「__class__」" + UNSAFE),
        ("{{ cycler.__init__.__globals__ }}", "「__init__」" + UNSAFE),
        ("{{ self.__init__.__globals__ }}", "「__init__」" + UNSAFE),
        ("{{ lipsum.__globals__ }}", "「__globals__」" + UNSAFE),
        ("{{ meeting.place.format.__globals__ }}", "「__globals__」" + UNSAFE),
        ("{{ ''|attr('__class__') }}", "「__class__」" + UNSAFE),
        ("{{ meeting._private }}", "名前「_private」はありません"),
        ("{{ meeting.__dict__ }}", "名前「__dict__」はありません"),
        ("{% include '/etc/passwd' %}", OTHER_FILE),
        ("{% import '/etc/passwd' as x %}", OTHER_FILE),
        ("{% extends '/etc/passwd' %}", OTHER_FILE),
        ("{% from '/etc/passwd' import x %}", OTHER_FILE),
        ("{{ 'A' * 100000000 }}", TOO_BIG),
        ("{{ 9 ** 999999999 }}", TOO_BIG),
        ("{{ range(10 ** 9) | list }}", "range の範囲が大きすぎます"),
    ],
)
def test_a_hostile_word_template_is_refused(project: Path, tag: str, expected: str) -> None:
    edit_template(project / "templates" / "agenda.docx", "{{ meeting.place }}", tag)
    before = files(project)
    result = run(project, "build", DATE, "--only", "agenda")
    assert result.exit_code == 1, result.stdout
    message = "".join(result.stderr.split())
    assert "エラー：テンプレートtemplates/agenda.docx" in message, result.stderr
    assert "".join(expected.split()) in message, result.stderr
    assert "Traceback" not in result.stderr
    assert "root:" not in result.stdout + result.stderr  # /etc/passwd
    assert "<class" not in result.stdout + result.stderr
    assert "unsafe" not in result.stderr  # Jinja's English is not shown
    assert not (project / "outputs" / DATE).exists()
    assert files(project) == before


def test_the_donation_template_is_sandboxed_too(project: Path) -> None:
    edit_template(project / "templates" / "donation.docx", "{{ overview.heading }}", "{{ overview.heading.__class__ }}")
    result = run(project, "check", DATE, "--only", "donation")  # the one document that reads the template
    assert result.exit_code == 1, result.stdout
    assert "templates/donation.docx" in result.stderr and "「__class__」" + UNSAFE in result.stderr
    assert "Traceback" not in result.stderr


# --- formula injection --------------------------------------------------------------------------
DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
FORMULA = DANGEROUS  # each gets Excel's quote prefix too


def _hostile_inputs(project: Path) -> None:
    replace(
        project,
        f"{M}/members.csv",
        "1,,,,岩本　幸一,いわもと　さいいち,",
        '1,=1+1,+2+3,-4+5,岩本　幸一,いわもと　さいいち,"@SUM(A1)"',
    )
    replace(project, f"{M}/members.csv", "2,,,,大崎", '2,"\t=1+1",＝3+3,＠4,大崎')
    replace(project, f"{M}/staff.csv", "市長公室長,", '"=HYPERLINK(""http://x"")",')
    replace(project, f"{M}/meeting.yaml", "場所: 一関市役所　特別会議室（3階）", '場所: "=1+1 特別会議室"')
    replace(
        project,
        f"{M}/meeting.yaml",
        "    課: 市長公室政策企画課",
        '    課: "=cmd|\' /C calc\'!A0"\n    担当者: "+1+1"\n    メール: "=1+2@x.co"\n    電話: "-0191-21-2111"',
    )
    replace(
        project,
        f"{M}/meeting.yaml",
        "  予備部数: 5",
        '  予備部数: 5\n  件名: "@SUM(1)"\n  納品場所: "\\t=1+1"\n  備考: "＝2+2"\n  追加部数:\n    "-3+3": 1',
    )
    replace(project, f"{M}/donation/records.csv", "株式会社SHOEI", '"=HYPERLINK(""http://x"")"')
    replace(project, f"{M}/donation/records.csv", "いちのせき起業応援事業", "+SUM(1)")
    # migration.csv's 相手先 is named by the findings' claims: its formula text is tested in test_bad_inputs


@pytest.fixture(scope="module")
def hostile_print(printed_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One `packetgen print` of inputs full of formula-looking text; returns outputs/DATE. It starts from
    the session's print: the decks, which no hostile text reaches, keep their PDFs (checked below), and
    the agenda, the report, the workbook and the order files are made again."""
    project = copy_printed(printed_project, tmp_path_factory.mktemp("hostile") / "project")
    _hostile_inputs(project)
    result = run(project, "print", DATE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("前回のPDFを使用") == 3, result.stdout  # the decks and the workbook
    return project / "outputs" / DATE


def _files(out: Path, suffix: str) -> Iterator[tuple[str, bytes]]:
    """Every file with the suffix the project wrote: in the folder, in the print zip, inside decks."""
    for path in sorted(out.rglob("*")):
        if path.suffix == suffix:
            yield str(path.relative_to(out)), path.read_bytes()
        if path.suffix in (".zip", ".pptx", ".docx"):
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    if name.endswith(suffix):
                        yield f"{path.name}:{name}", z.read(name)


@pytest.mark.pdf
@pytest.mark.xdist_group("print")  # hostile_print starts from the session print
def test_every_excel_cell_of_input_text_stays_text(hostile_print: Path) -> None:
    workbooks = list(_files(hostile_print, ".xlsx"))
    assert {name for name, _ in workbooks} >= {"資料No.2_人口動態について.xlsx", "print/印刷発注書.xlsx"}
    seen: dict[str, tuple[str, bool]] = {}
    for _name, data in workbooks:
        for ws in openpyxl.load_workbook(io.BytesIO(data)):
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.data_type != "f":
                        seen[cell.value] = (cell.data_type, bool(cell.quotePrefix))
                    if cell.data_type == "f":  # the workbook's own formulas only: none holds input text
                        assert not any(p in cell.value for p in ("HYPERLINK", "SUM(A1)", "SUM(1)", "cmd|")), cell.value
    expected = {
        "@SUM(1)",  # 印刷.件名
        "=cmd|' /C calc'!A0",  # 印刷.発注者.課
        "+1+1",
        "=1+2@x.co",
        "-0191-21-2111",
    }
    assert expected <= set(seen), sorted(seen)
    for value, (data_type, quoted) in seen.items():
        if value.startswith(DANGEROUS):
            assert data_type == "s", value
        if value.startswith(FORMULA):
            assert quoted, f"{value!r}: Excel would run it when the cell is edited"
    assert seen["\t=1+1"][0] == "s"  # 印刷.納品場所


@pytest.mark.pdf
@pytest.mark.xdist_group("print")  # hostile_print starts from the session print
def test_every_output_csv_neutralises_formula_text(hostile_print: Path) -> None:
    tables = list(_files(hostile_print, ".csv"))
    assert "print/印刷発注書.csv" in {name for name, _ in tables}
    for name, data in tables:
        text = data.decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline="")):
            for field in row:
                assert not field.startswith(DANGEROUS), (name, field)
        cells = dict(row[:2] for row in csv.reader(io.StringIO(text, newline="")) if len(row) >= 2)
        assert cells["発注者（課）"] == "'=cmd|' /C calc'!A0"
        assert cells["発注者（担当者）"] == "'+1+1"
        assert cells["電話"] == "'-0191-21-2111"
        assert cells["メール"] == "'=1+2@x.co"
        assert cells["件名"] == "'@SUM(1)"
        assert cells["納品場所"] == "'\t=1+1"
        assert cells["備考"] == "'＝2+2"
        # OWASP: every text field is quoted, so a comma, quote or line break cannot start a new cell
        assert '"発注者（課）","\'=cmd|\' /C calc\'!A0"\r\n' in text
        assert '"納品場所","\'\t=1+1"\r\n' in text


@pytest.mark.pdf
@pytest.mark.xdist_group("print")  # hostile_print starts from the session print
def test_formula_text_in_word_and_slides_is_printed_as_typed(hostile_print: Path) -> None:
    from docx import Document

    doc = Document(str(hostile_print / "次第・参加者名簿.docx"))
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert {"=1+1", "+2+3", "-4+5", "@SUM(A1)", '=HYPERLINK("http://x")'} <= cells
    report = Document(str(hostile_print / "資料No.3_一関市企業版ふるさと納税について.docx"))
    text = "\n".join(p.text for p in report.paragraphs)
    text += "\n".join(c.text for t in report.tables for r in t.rows for c in r.cells)
    assert '=HYPERLINK("http://x")' in text


def test_a_carriage_return_in_the_print_block_stays_text(project: Path) -> None:
    # the input is accepted as it is …
    replace(project, f"{M}/meeting.yaml", "  予備部数: 5", '  予備部数: 5\n  備考: "\\r=2+2"')
    result = run(project, "check", DATE, "--only", "agenda")
    assert result.exit_code == 0, result.stderr
    # … and the order files keep it as text: the workbook measured it (PIL refused a \r once)
    from datetime import datetime

    from packetgen.core.fonts import FontSetting
    from packetgen.printing.order.as_csv import order_csv
    from packetgen.printing.order.as_xlsx import order_xlsx
    from packetgen.printing.order.model import Order

    order = Order("会議", "令和5年7月27日", [], "", details=(("備考", "\r=2+2"),))
    text = order_csv(order).decode("utf-8-sig")
    assert '"備考","\'\r=2+2"' in text
    fonts = FontSetting("BIZ UDPゴシック", "BIZ UD明朝 Medium")
    book = order_xlsx(order, datetime(2023, 7, 27, 13, 30), "第1回", fonts)
    ws = openpyxl.load_workbook(io.BytesIO(book)).active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "\r=2+2")
    assert cell.data_type == "s" and cell.quotePrefix


# --- paths that leave the project ---------------------------------------------------------------
def _around(project: Path) -> dict[str, list[str]]:
    """What is next to the project, and whether the targets named in /tmp exist (other programs write
    to /tmp meanwhile, so only those): a refused command must add nothing."""
    targets = ("/tmp/x", "/tmp/evil", "/tmp/x.csv")
    return {str(project.parent): sorted(os.listdir(project.parent))} | {t: [str(Path(t).exists())] for t in targets}


@pytest.mark.parametrize(
    "date_text",
    [*("../x", "/tmp/x", f"{DATE}/../../x", f"{DATE}\0", f"{DATE}\n", "..", ".", "", f"{DATE}/"), "２０２３-０７-２７"],
)
@pytest.mark.parametrize("command", ["build", "check", "print", "new"])
def test_a_path_like_date_is_refused(project: Path, date_text: str, command: str) -> None:
    before, around = files(project), _around(project)
    extra = ["--from", DATE] if command == "new" else []
    result = run(project, command, date_text, *extra)
    assert result.exit_code in (1, 2), result.stdout
    assert "日付" in result.stderr and "2023-07-27" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert files(project) == before
    assert _around(project) == around


@pytest.mark.parametrize("previous", ["../x", "/tmp/x", f"{DATE}/../../x", f"{DATE}\0"])
def test_a_path_like_previous_meeting_is_refused(project: Path, previous: str) -> None:
    before, around = files(project), _around(project)
    result = run(project, "new", "2023-10-26", "--from", previous)
    assert result.exit_code in (1, 2)
    assert "日付" in result.stderr and "Traceback" not in result.stderr
    assert files(project) == before and _around(project) == around


def test_full_width_date_is_not_called_nonexistent(project: Path) -> None:
    result = run(project, "build", "２０２３-０７-２７")
    assert result.exit_code == 1
    assert "存在しない日付" not in result.stderr, result.stderr
    assert "YYYY-MM-DD" in result.stderr or "2023-07-27 の形" in result.stderr


@pytest.mark.parametrize(
    "path",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "../2023-07-27/members.csv",
        "slides/../../x.csv",
        "C:/x.csv",
        "'..\\\\..\\\\x.csv'",
        '"\\\\\\\\server\\\\share\\\\x.csv"',
    ],
)
def test_an_input_outside_the_meeting_folder_is_refused(project: Path, path: str) -> None:
    replace(project, f"{M}/meeting.yaml", "参加者名簿: members.csv", f"参加者名簿: {path}")
    before, around = files(project), _around(project)
    for command in (("check", DATE), ("build", DATE, "--only", "agenda")):
        result = run(project, *command)
        assert result.exit_code == 1, result.stdout
        assert "は会議フォルダの中を指してください" in result.stderr, result.stderr
        assert "meeting.yaml" in result.stderr and "Traceback" not in result.stderr
        assert "root:" not in result.stdout + result.stderr
    assert files(project) == before and _around(project) == around


def test_a_nul_in_an_input_name_is_refused(project: Path) -> None:
    replace(project, f"{M}/meeting.yaml", "参加者名簿: members.csv", '参加者名簿: "members.csv\\0"')
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert "制御文字" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("title", ["../../../evil", "/tmp/evil", "..", "a\\\\..\\\\..\\\\evil"])
def test_a_document_title_never_names_a_file_outside_the_outputs(project: Path, title: str) -> None:
    replace(project, f"{M}/meeting.yaml", "名称: 次第・参加者名簿", f'名称: "{title}"')
    around = _around(project)
    result = run(project, "build", DATE, "--only", "agenda")
    out = (project / "outputs" / DATE).resolve()
    if result.exit_code == 0:
        written = [p.resolve() for p in (project / "outputs").rglob("*") if p.is_file() and ".packetgen" not in p.parts]
        assert written and all(p.is_relative_to(out) for p in written), written
    else:
        assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert sorted(p.name for p in project.iterdir()) in (["inputs", "outputs", "templates"], ["inputs", "templates"])
    assert _around(project) == around


def test_an_input_linked_to_a_file_outside_the_project_is_refused(project: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "members.csv"
    members = project / M / "members.csv"
    outside.write_bytes(members.read_bytes())
    members.unlink()
    members.symlink_to(outside)
    before = files(project)
    result = run(project, "build", DATE)
    assert result.exit_code == 1
    assert f"inputs/{DATE}/members.csv" in result.stderr
    assert "プロジェクトの外のファイル" in result.stderr and "へのリンクです" in result.stderr
    assert files(project) == before

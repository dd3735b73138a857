"""The command line speaks Japanese: help pages, usage errors, --version, aligned columns."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATE, ROOT, add_deck, run
from packetgen.cli.app import app
from packetgen.cli.japanese_help import wrap

COMMANDS = ("build", "list", "check", "new", "print", "diff", "watch")
HELP_PAGES = [[], ["--help"], ["-h"], *([name, "--help"] for name in COMMANDS)]
# Words of Click's and Typer's English boilerplate, and their type hints
ENGLISH = ["Usage", "Options", "Arguments", "Commands", "Show this message", "required", "default", "Error",
           "Try ", "Missing", "No such", "Invalid", "unexpected", "<str>", "<bool>", "list[str]", "DATE"]  # fmt: skip
# The English words a help page may hold: the program, its commands and options, file and folder names
ALLOWED = {"packetgen", "build", "list", "check", "new", "print", "only", "force", "project", "from", "help",
           "version", "inputs", "outputs", "templates", "Word", "PowerPoint", "Excel", "PDF", "zip", "Web", "No",
           "agenda", "population", "ID", "diff", "since", "against", "json", "JSON", "LibreOffice",
           "strict", "watch", "Ctrl", "packet", "pdf", "preview", "index", "html"}  # fmt: skip


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def invoke(*args: str, columns: int = 80):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})


@pytest.mark.parametrize("args", HELP_PAGES, ids=lambda a: " ".join(a) or "(none)")
def test_help_pages_are_japanese_only(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("使い方：packetgen")
    for word in ENGLISH:
        assert word not in text, (args, word)
    assert set(re.findall(r"[A-Za-z]{2,}", text)) <= ALLOWED, set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED
    assert "…" not in text  # nothing cut off


def test_build_help_reads_as_written() -> None:
    text = invoke("build", "--help").stdout
    assert text.splitlines()[0] == "使い方：packetgen build 日付 [オプション]"
    assert "入力ファイル・テンプレート・packetgen が前回から変わっていない資料は作り直さず\n「変更なし」と" in text
    assert "  --force             変更のない資料も作り直します\n" in text
    assert "  -h, --help          この説明を表示して終了します\n" in text
    assert "例：\n  packetgen build 2023-07-27\n" in text


def test_required_option_is_in_the_usage_line() -> None:
    text = invoke("new", "--help").stdout
    assert text.splitlines()[0] == "使い方：packetgen new 日付 --from 日付 [オプション]"
    assert "  --from 日付         元にする会議の日付（例：2023-07-27）（必須）\n" in text


@pytest.mark.parametrize("columns", [50, 80, 120])
def test_help_columns_line_up_and_fit_the_terminal(columns: int) -> None:
    text = invoke("--help", columns=columns).stdout
    before_examples = text[: text.index("例：")]
    assert max(width(line) for line in before_examples.splitlines()) <= min(columns, 100)
    rows = text[text.index("コマンド：\n") : text.index("\n\nオプション：")].splitlines()[1:]
    # where each description (or its continuation) starts, in terminal columns
    starts = {width(re.match(r"  \S+ +| +", row).group()) for row in rows}
    assert starts == {9}, rows  # "  build  " / "  check  ": the longest command name is 5 wide
    check = "".join(row.strip() for row in rows if row.startswith("  check") or row.startswith("         "))
    assert "入力ファイルを確認し、資料を保存せずに組み立てて、スライドに収まらない文章なども確かめます。" in check


def test_version() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"packetgen {version}\n"


USAGE_ERRORS = [
    (
        ["build", DATE, "--foce"],
        "エラー：「--foce」というオプションはありません（--force のことですか？）。"
        "使えるオプション：--only、--force、--project、-h, --help",
        "使い方：packetgen build 日付 [オプション]",
    ),
    (
        ["build"],
        "エラー：日付を指定してください：会議の日付。2023-07-27 の形で書きます"
        "（入力フォルダ inputs/2023-07-27/ の名前）",
        "使い方：packetgen build 日付 [オプション]",
    ),
    (
        ["bild", DATE],
        "エラー：「bild」というコマンドはありません（build のことですか？）。"
        "使えるコマンド：build、list、check、new、print、diff、watch",
        "使い方：packetgen コマンド [オプション]",
    ),
    (
        ["new", "2023-10-26"],
        "エラー：--from 日付 を指定してください：元にする会議の日付（例：2023-07-27）",
        "使い方：packetgen new 日付 --from 日付 [オプション]",
    ),
    (
        ["build", DATE, "--only"],
        "エラー：--only の後に資料IDを指定してください",
        "使い方：packetgen build 日付 [オプション]",
    ),
    (
        ["build", DATE, "--force=yes"],
        "エラー：--force には値を付けられません（--force だけで指定します）",
        "使い方：packetgen build 日付 [オプション]",
    ),
    (
        ["list", DATE, "資料"],
        'エラー：余分な引数「資料」があります（値に空白があるときは "…" で囲みます）',
        "使い方：packetgen list 日付 [オプション]",
    ),
    (
        ["--project", ".", "build", DATE],
        "エラー：--project はコマンドの後に書いてください（例：packetgen build 2023-07-27 --project …）",
        "使い方：packetgen コマンド [オプション]",
    ),
]


@pytest.mark.parametrize(
    ("args", "message", "usage"), USAGE_ERRORS, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_usage_errors_in_japanese(args: list[str], message: str, usage: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == message
    assert lines[1] == usage
    assert lines[2].startswith("説明は packetgen") and lines[2].endswith("--help で表示できます")
    assert result.stdout == ""
    for word in ENGLISH:
        assert word not in result.stderr, word


def test_no_arguments_shows_the_help() -> None:
    result = invoke()
    assert result.exit_code == 0
    assert "コマンド：\n  build" in result.stdout


def test_a_staff_typed_date_on_the_command_line_gets_its_iso_form(project: Path) -> None:
    result = run(project, "build", "令和5年7月27日")
    assert result.exit_code == 1
    assert result.stderr == "エラー：日付は 2023-07-27 の形で指定してください（inputs/ のフォルダ名と同じ形です）\n"


def test_list_columns_line_up_by_display_width(project: Path) -> None:
    result = run(project, "list", DATE)
    assert result.exit_code == 0
    rows = result.stdout.splitlines()[1:]
    assert rows[3].startswith("  population  人口動態  資料No.2    人口動態について  ")
    title_columns = {width(row[: row.index(title)]) for row, title in zip(rows, TITLES, strict=True)}
    input_columns = {width(row[: row.index("[")]) for row in rows}
    assert title_columns == {36} and len(input_columns) == 1, result.stdout


TITLES = [
    "次第・参加者名簿",
    "デジタル田園都市国家構想",
    "地方版総合戦略の改訂",
    "人口動態について",
    "一関市企業版ふるさと",
]


def test_build_progress_lines_up(project: Path) -> None:
    run(project, "build", DATE, "--only", "agenda")
    result = run(project, "build", DATE, "--only", "agenda", "--only", "population")
    lines = result.stdout.splitlines()
    assert "  変更なし agenda      次第・参加者名簿.docx" in lines
    assert any(line.startswith("  作成     population  資料No.2_人口動態について.xlsx（") for line in lines)


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), COLUMNS="80")
    for args, code, first in (
        (["build", "--bogus"], 2, "エラー：「--bogus」というオプションはありません。"),
        (["build", DATE, "--project", str(tmp_path)], 1, "エラー：会議フォルダ inputs/2023-07-27/ がありません"),
    ):
        done = subprocess.run([sys.executable, "-m", "packetgen", *args], capture_output=True, text=True, env=env)
        assert done.returncode == code, (args, done.stderr)
        assert done.stderr.startswith(first), done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("text", "columns", "lines"),
    [
        # 。 never starts a line: す goes down with it
        ("会議の資料を作成して保存します。", 10, ["会議の資料", "を作成して", "保存しま", "す。"]),
        # 「 never ends a line: it goes down with 変
        ("資料は作り直さず「変更なし」と表示", 18, ["資料は作り直さず", "「変更なし」と表示"]),
        # ASCII words stay whole; Japanese breaks anywhere else
        ("inputs/ templates/ outputs/ のあるフォルダ", 20, ["inputs/ templates/", "outputs/ のあるフォ", "ルダ"]),
    ],
)
def test_wrap_breaks_japanese_between_characters_with_kinsoku(text: str, columns: int, lines: list[str]) -> None:
    assert wrap(text, columns) == lines


@pytest.mark.parametrize("command", ["build", "check", "print"])
def test_an_id_the_meeting_lacks_is_refused_before_anything_is_made(project: Path, command: str) -> None:
    result = run(project, command, DATE, "--only", "agenda", "--only", "2-1")
    assert result.exit_code == 1
    assert result.stderr == (
        "エラー：資料 id「2-1」はこの会議にありません（この会議の資料：agenda、1-1、1-2、population、donation）\n"
    )
    assert not (project / "outputs").exists()


def test_only_selects_a_document_by_the_id_its_entry_declares(project: Path) -> None:
    add_deck(project / "inputs" / DATE, "進捗", "No.4", "総合戦略の進捗")
    result = run(project, "build", DATE, "--only", "進捗")
    assert result.exit_code == 0, result.stderr
    assert [line.split("（")[0] for line in result.stdout.splitlines()[1:-1]] == [
        "  作成     進捗        資料No.4_総合戦略の進捗.pptx"
    ]
    refused = run(project, "build", DATE, "--only", "進ちょく")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "エラー：資料 id「進ちょく」はこの会議にありません"
        "（この会議の資料：agenda、1-1、1-2、population、donation、進捗）\n"
    )

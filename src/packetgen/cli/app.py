"""The packetgen command line: thin commands over the Packet API."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import time
from collections.abc import Callable
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from packetgen import __version__
from packetgen.cli.japanese_help import JapaneseCommand, JapaneseGroup
from packetgen.core.errors import PacketError
from packetgen.core.japanese import display_width, material_label, pad, parse_date

app = typer.Typer(
    cls=JapaneseGroup,  # help and command-line errors in Japanese (japanese_help.py)
    name="packetgen",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="一関市まち・ひと・しごと創生有識者会議の会議資料（Word・PowerPoint・Excel）を、"
    "inputs/日付/ の入力ファイルから作成します。",
    epilog="""例：
  packetgen check 2023-07-27              入力ファイルを確認する（何も保存しません）
  packetgen build 2023-07-27              資料を作成する
  packetgen build 2023-07-27 --only 1-1   資料No.1-1 だけ作り直す
  packetgen print 2023-07-27              印刷業者に渡すPDF一式を作る
  packetgen watch 2023-07-27              保存のたびに作り直してプレビューを更新する

各コマンドの説明は packetgen build --help のように表示できます。""",
)
command = partial(app.command, cls=JapaneseCommand)

T = TypeVar("T")
ProjectOption = Annotated[
    Path,
    typer.Option(
        "--project", metavar="フォルダ", help="inputs/ templates/ outputs/ のあるフォルダ（既定：現在のフォルダ）"
    ),
]
DateArgument = Annotated[
    str,
    typer.Argument(
        metavar="日付",
        help="会議の日付。2023-07-27 の形で書きます（入力フォルダ inputs/2023-07-27/ の名前）",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"packetgen {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="バージョンを表示して終了します")
    ] = False,
) -> None:
    """Options of packetgen itself (before the command)."""


def _run(action: Callable[[], T]) -> T:
    """User errors become one Japanese paragraph on stderr and exit 1 — never a traceback."""
    try:
        return action()
    except PacketError as exc:
        typer.echo(f"エラー：{exc.render()}", err=True)
        raise typer.Exit(1) from None
    except OSError as exc:
        typer.echo(f"エラー：ファイルを読み書きできません（{exc.filename or ''}：{exc.strerror or exc}）", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:  # Ctrl+C: every output is written aside and swapped in whole
        typer.echo("中断しました（出力は変更されていません）", err=True)
        raise typer.Exit(130) from None


def _packet(project: Path, date: str):
    from packetgen.building.packet import Packet  # imported late so --help stays fast

    _iso_date_hint(date)
    return Packet(project, date)


def _iso_date_hint(date: str) -> None:
    """DATE names the folder, so it stays ISO; a date typed as in a document gets its ISO form."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return
    try:
        day = parse_date(date)
    except ValueError:
        return  # not a date at all: the packet's own message says what DATE should look like
    raise PacketError(f"日付は {day.isoformat()} の形で指定してください（inputs/ のフォルダ名と同じ形です）")


@command(
    epilog="""例：
  packetgen build 2023-07-27
  packetgen build 2023-07-27 --only 1-1 --only population""",
)
def build(
    date: DateArgument,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            metavar="資料ID",
            help="この資料だけ作成します（複数指定可）。資料ID は packetgen list で確認できます",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="変更のない資料も作り直します")] = False,
    project: ProjectOption = Path("."),
) -> None:
    """会議の資料を作成して outputs/日付/ に保存します。

    入力ファイル・テンプレート・packetgen が前回から変わっていない資料は作り直さず「変更なし」と表示します。
    作成に失敗したときは、前回の出力がそのまま残ります。
    """
    started = time.perf_counter()
    unchanged = []
    id_width = 10  # set from the meeting's documents, so the file names line up

    def report(result) -> None:
        doc = result.planned
        typer.echo(f"  {pad('作成', 8)} {pad(doc.entry.id, id_width)}  {doc.output_name}（{result.seconds:.2f}秒）")

    def skip(doc) -> None:
        unchanged.append(doc)
        typer.echo(f"  {pad('変更なし', 8)} {pad(doc.entry.id, id_width)}  {doc.output_name}")

    def action():
        nonlocal id_width
        from packetgen.building.notices import font_notices
        from packetgen.building.run import Progress
        from packetgen.building.run import build as build_packet
        from packetgen.review.summary import build_lines

        packet = _packet(project, date)
        id_width = max(display_width(d.id) for d in packet.meeting.documents)
        typer.echo(f"{packet.meeting.full_title}（{packet.key}）")
        sys.stdout.flush()  # keep the heading above any error message on a shared terminal
        result = build_packet(packet, packet.plan(only or ()), force, Progress(report, skip, typer.echo))
        for line in build_lines(result, packet.key):
            typer.echo(line)
        for notice in font_notices(packet, [b.planned for b in result.built]):
            typer.echo(notice)
        return packet, result.built

    packet, built = _run(action)
    elapsed = time.perf_counter() - started
    note = f"、{len(unchanged)}件は入力に変更がないためそのまま（--force で作り直し）" if unchanged else ""
    typer.echo(f"{len(built)}件の資料を作成しました{note}（{elapsed:.1f}秒）：{packet.output_dir}")


@command("list")
def list_documents(date: DateArgument, project: ProjectOption = Path(".")) -> None:
    """会議の資料の一覧（資料ID・種類・資料番号・名称・入力ファイル）を表示します。"""
    packet = _run(lambda: _packet(project, date))
    typer.echo(f"{packet.meeting.full_title}（{packet.key}）")
    docs = _run(packet.plan)
    rows = [
        (d.entry.id, d.kind.name, material_label(d.entry.label) if d.entry.label else "-", d.entry.title) for d in docs
    ]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row, doc in zip(rows, docs, strict=True):
        cells = "  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True))
        typer.echo(f"  {cells}  [{'、'.join(doc.entry.inputs.values())}]")


@command()
def check(
    date: DateArgument,
    only: Annotated[
        list[str] | None, typer.Option("--only", metavar="資料ID", help="この資料だけ確認します（複数指定可）")
    ] = None,
    project: ProjectOption = Path("."),
    strict: Annotated[
        bool, typer.Option("--strict", help="注意（警告）もエラーとして扱います（終了コード 1）")
    ] = False,
) -> None:
    """入力ファイルを確認し、資料を保存せずに組み立てて、スライドに収まらない文章なども確かめます。

    見つかった問題はまとめて表示します。outputs/ は変更しません。
    """

    def action():
        from packetgen.building.assemble import verify
        from packetgen.building.notices import check_notices

        packet = _packet(project, date)
        checked = verify(packet, packet.plan(only or ()))
        return checked, check_notices(packet, checked)

    checked, notices = _run(action)
    for notice in notices:
        typer.echo(notice)
    warnings = sum(1 for n in notices if n.startswith("注意："))  # the warnings kind (docs/guide/05-errors.md)
    if strict and warnings:
        typer.echo(f"エラー：注意が{warnings}件あります（--strict では注意もエラーです）", err=True)
        raise typer.Exit(1)
    typer.echo(f"入力に問題はありません（{len(checked)}件の資料を確認、出力は変更していません）")


@command(epilog="例：\n  packetgen new 2023-10-26 --from 2023-07-27")
def new(
    date: DateArgument,
    previous: Annotated[
        str,
        typer.Option("--from", metavar="日付", help="元にする会議の日付（例：2023-07-27）", show_default=False),
    ],
    project: ProjectOption = Path("."),
) -> None:
    """前回の会議の入力をコピーして、新しい会議のフォルダ inputs/日付/ を作ります。

    日付・回次・年度を新しい会議に合わせ、欠席・Web の記入を消します。既にあるフォルダは上書きしません。
    """

    def action():
        from packetgen.building.new_meeting import create

        _iso_date_hint(date)
        _iso_date_hint(previous)
        return create(project, date, previous)

    made = _run(action)
    typer.echo(f"{made.folder} を作成しました：{made.title}（欠席・Web の記入 {made.cleared}件を消去）")
    typer.echo("次に編集してください：")
    for item in made.to_edit:
        typer.echo(f"  - {item}")
    typer.echo(f"確認は packetgen check {made.folder.name}、作成は packetgen build {made.folder.name}")


@command("print")
def print_command(
    date: DateArgument,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only", metavar="資料ID", help="この資料のPDFだけ作り直します（ほかは前回のPDFを使います。複数指定可）"
        ),
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """印刷業者に渡すPDF一式（資料ごとのPDF・一式PDF・印刷発注書・プレビュー・zip）を作成します。

    先に build と同じように資料を作成し、outputs/日付/print/ に保存します。
    """
    started = time.perf_counter()

    def action():
        from packetgen.printing.print_packet import print_packet

        packet = _packet(project, date)
        typer.echo(f"{packet.meeting.full_title}（{packet.key}）印刷データ")
        sys.stdout.flush()
        return print_packet(packet, only or (), say=typer.echo)

    result = _run(action)
    done = "印刷データは変更ありません" if result.unchanged else "印刷データを作成しました"
    typer.echo(
        f"{done}（{time.perf_counter() - started:.1f}秒）：{result.folder}\n"
        f"  一式 {result.total_pages}ページ（白紙を含む）・{result.documents}資料、{result.copies}部、"
        f"総枚数 {result.sheets:,}枚（{result.copies_note}）\n  受け渡し用：{result.zip_path}"
    )


class Since(StrEnum):
    print = "print"
    build = "build"


@command(
    epilog="""例：
  packetgen diff 2023-07-27                          前回の印刷から変わったところ
  packetgen diff 2023-07-27 --since build            前回の作成から変わったところ（まだ作成していない編集）
  packetgen diff 2023-10-26 --against 2023-07-27     前回の会議の資料と比べる
  packetgen diff 2023-07-27 --json                   機械で読む形（JSON）で表示する""",
)
def diff(
    date: DateArgument,
    since: Annotated[
        Since,
        typer.Option(
            "--since",
            metavar="print|build",
            help="比べる相手：print は前回の印刷（既定）、build は前回の作成",
        ),
    ] = Since.print,
    against: Annotated[
        str | None,
        typer.Option("--against", metavar="日付", help="この日付の会議の資料と比べます（例：2023-07-27）"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="結果を JSON で表示します")] = False,
    project: ProjectOption = Path("."),
) -> None:
    """資料の変更点（どのスライド・ページ・シートの、どの文字が変わったか）を表示します。

    build と print が保存した文字の記録と、現在の入力の資料を比べます。LibreOffice は使わず、出力は変更しません。
    """

    def action():
        from packetgen.review.baseline import compare

        _iso_date_hint(date)
        if against:
            _iso_date_hint(against)
        return compare(project, date, since.value, against)

    result = _run(action)
    if as_json:
        import json

        typer.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=1))
        return
    from packetgen.review.diff import render

    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    typer.echo(f"変更の確認：{result.description}")
    for line in [result.note] if result.note else render(result.changes, colour):
        typer.echo(line)
    if result.unbuilt:
        typer.echo(
            f"（{'、'.join(result.unbuilt)}は前回の作成から入力・テンプレート・packetgen のいずれかが変わっているため、"
            f"入力から組み立てて比べました。ファイルにするには packetgen build {date}）"
        )


@command(epilog="例：\n  packetgen watch 2023-07-27")
def watch(date: DateArgument, project: ProjectOption = Path(".")) -> None:
    """入力ファイルやテンプレートを保存するたびに資料を作り直し、PDF とプレビューを更新します。

    プレビューのページ（outputs/日付/print/preview/index.html）をブラウザで開いておくと、自動で再読み込みされます。
    入力に問題があればエラーを表示して次の保存を待ちます。終了は Ctrl+C です。
    packet.pdf・印刷発注書・zip は作りません。印刷所に渡す前に packetgen print を実行してください。
    """
    import threading

    from packetgen.watch import watch as watch_meeting

    stopping = threading.Event()

    def stop(*_: object) -> None:
        # Ctrl-C or a polite kill asks the watch to end after the step it is in (each is atomic); an
        # exception raised wherever the signal lands could leave the process unable to exit. A second
        # Ctrl-C interrupts at once.
        if stopping.is_set():
            raise KeyboardInterrupt
        stopping.set()

    def action() -> None:
        _packet(project, date)  # a wrong DATE or project stops here, before anything is watched
        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        with contextlib.suppress(KeyboardInterrupt):  # the second Ctrl-C
            watch_meeting(project, date, say=typer.echo, stop=stopping)
        typer.echo("監視を終了しました（出力は最後に作成した状態のままです）")

    _run(action)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("中断しました（出力は変更されていません）", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of packetgen, not of the user's data: say so, keep the screen clean
        if os.environ.get("PACKETGEN_DEBUG"):
            raise
        typer.echo(
            f"packetgen の内部エラーです（{type(exc).__name__}: {exc}）。出力は変更されていません。"
            "PACKETGEN_DEBUG=1 を付けて再実行すると詳細が表示されます",
            err=True,
        )
        sys.exit(3)  # 1: a problem in the inputs, 2: a mistake on the command line

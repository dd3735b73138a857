"""The packetgen command line: thin commands over the Packet API."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from packetgen.errors import PacketError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="一関市まち・ひと・しごと創生有識者会議の会議資料（Word・PowerPoint・Excel）を作成します。",
)

T = TypeVar("T")
ProjectOption = Annotated[
    Path, typer.Option("--project", help="inputs/ templates/ outputs/ のあるフォルダ（既定：現在のフォルダ）")
]
DateArgument = Annotated[str, typer.Argument(help="会議の日付（例：2023-07-27）", show_default=False)]


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


def _packet(project: Path, date: str):
    from packetgen.packet import Packet  # imported late so --help stays fast

    return Packet(project, date)


@app.command()
def build(
    date: DateArgument,
    only: Annotated[list[str] | None, typer.Option("--only", help="作成する資料の id（複数指定可）")] = None,
    force: Annotated[bool, typer.Option("--force", help="入力が変わっていない資料も作り直します")] = False,
    project: ProjectOption = Path("."),
) -> None:
    """会議の資料を作成して outputs/DATE/ に保存します（入力が変わっていない資料はそのまま）。"""
    started = time.perf_counter()
    unchanged = []

    def report(result) -> None:
        doc = result.planned
        typer.echo(f"  作成  {doc.entry.id:<10} {doc.output_name}（{result.seconds:.2f}秒）")

    def skip(doc) -> None:
        unchanged.append(doc)
        typer.echo(f"  変更なし {doc.entry.id:<8} {doc.output_name}")

    def action():
        packet = _packet(project, date)
        typer.echo(f"{packet.meeting.full_title}（{packet.key}）")
        sys.stdout.flush()  # keep the heading above any error message on a shared terminal
        built = packet.build(only or (), progress=report, force=force, skipped=skip)
        for notice in packet.font_notices([b.planned.entry.id for b in built]) if built else ():
            typer.echo(notice)
        return packet, built

    packet, built = _run(action)
    elapsed = time.perf_counter() - started
    note = f"、{len(unchanged)}件は入力に変更がないためそのまま（--force で作り直し）" if unchanged else ""
    typer.echo(f"{len(built)}件の資料を作成しました{note}（{elapsed:.1f}秒）：{packet.output_dir}")


@app.command("list")
def list_documents(date: DateArgument, project: ProjectOption = Path(".")) -> None:
    """会議の資料の一覧（id・資料番号・名称・入力ファイル）を表示します。"""
    packet = _run(lambda: _packet(project, date))
    typer.echo(f"{packet.meeting.full_title}（{packet.key}）")
    for doc in _run(packet.plan):
        inputs = "、".join(doc.entry.inputs.values())
        label = f"資料{doc.entry.label}" if doc.entry.label else "-"
        typer.echo(f"  {doc.entry.id:<10} {label:<12} {doc.entry.title}  [{inputs}]")


@app.command()
def check(
    date: DateArgument,
    only: Annotated[list[str] | None, typer.Option("--only", help="確認する資料の id（複数指定可）")] = None,
    project: ProjectOption = Path("."),
) -> None:
    """入力ファイルを確認し、資料を（保存せずに）組み立てて、収まらないスライドなども確かめます。"""

    def action():
        packet = _packet(project, date)
        return packet.verify(only or ()), packet.font_notices(only or ())

    checked, notices = _run(action)
    for notice in notices:
        typer.echo(notice)
    typer.echo(f"入力に問題はありません（{len(checked)}件の資料を確認、出力は変更していません）")


@app.command()
def new(
    date: DateArgument,
    previous: Annotated[str, typer.Option("--from", help="元にする会議の日付（例：2023-07-27）", show_default=False)],
    project: ProjectOption = Path("."),
) -> None:
    """前回の会議の入力をコピーして、新しい会議の inputs/DATE/ を作ります。"""

    def action():
        from packetgen.new_meeting import create

        return create(project, date, previous)

    made = _run(action)
    typer.echo(f"{made.folder} を作成しました：{made.title}（欠席・Web の記入 {made.cleared}件を消去）")
    typer.echo("次に編集してください：")
    for item in made.to_edit:
        typer.echo(f"  - {item}")
    typer.echo(f"確認は packetgen check {made.folder.name}、作成は packetgen build {made.folder.name}")


@app.command("print")
def print_command(
    date: DateArgument,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="PDFを作り直す資料の id（ほかは前回のPDFを使います）")
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """印刷業者に渡すPDF一式（資料ごとのPDF・一式PDF・印刷発注書・プレビュー・zip）を作成します。"""
    started = time.perf_counter()

    def action():
        from packetgen.printing.bundle import print_packet

        packet = _packet(project, date)
        typer.echo(f"{packet.meeting.full_title}（{packet.key}）印刷データ")
        sys.stdout.flush()
        return print_packet(packet, only or (), say=typer.echo)

    result = _run(action)
    t = result.order.totals
    typer.echo(
        f"印刷データを作成しました（{time.perf_counter() - started:.1f}秒）：{result.folder}\n"
        f"  一式 {result.total_pages}ページ・{len(result.documents)}資料、{result.order.lines[0].copies}部、"
        f"総枚数 {t['総枚数']:,}枚（{result.order.copies_note}）\n  受け渡し用：{result.zip_path}"
    )


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
        sys.exit(2)

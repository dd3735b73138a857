"""Japanese help pages and command-line errors for the Typer app.

Why own the text rather than translate Click's: the Typer in use carries its own copy of Click whose
strings no longer go through gettext, so a translation catalogue would not reach them; and Click's
formatter measures text in characters, which misaligns and over-fills lines of Japanese (two terminal
columns a character). Two small subclasses of Typer's command classes — passed with ``cls=``, the
extension point Typer documents — render the help from the commands' own parameters and turn each
Click error, by its class and attributes (never by its English wording), into one Japanese message.
"""

from __future__ import annotations

import difflib
import importlib
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from packetgen.core.japanese import display_width, pad
from packetgen.core.linebreak import greedy_lines
from packetgen.core.linebreak.kinsoku import Rules

# Click's exception classes: click.exceptions, or the copy of it inside newer Typer releases.
_click = importlib.import_module(typer.BadParameter.__module__)
UsageError = _click.UsageError
USAGE_EXIT = 2  # a mistake on the command line (Click's convention); 1 is a problem in the inputs

HELP_TEXT = "この説明を表示して終了します"
# The terminal's line breaking (core.linebreak's greedy breaker, by display width): a run of ASCII (a
# word, an option, a path) stays on one line however long; spaces are single gaps between pieces; a
# piece that may not start a line takes the one before it along, and the one before that if need be.
RULES = Rules(
    no_line_start=frozenset(
        "、。，．,.)）」』】〕〉》］]}’”・：；:;!?！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥"
    ),
    no_line_end=frozenset("(（「『【〔〈《［[{‘“"),
    pieces=re.compile(r"[!-~]+|\s+|."),
    split_wide=False,
    chain=True,
    carry_fits=False,
    gaps=True,
)


class JapaneseUsageError(UsageError):
    """A command-line mistake whose message is already Japanese."""


def _width() -> int:
    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns))


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most ``width`` terminal columns, between characters, with 禁則:
    no line starts with 、。）」 and the like, none ends with （「; ASCII words are never split."""
    one_paragraph = text.replace("\n", " ")  # a newline is a space, as the terminal's wrap has always read it
    return greedy_lines.wrap(one_paragraph, width, display_width, RULES)


def _definitions(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    """Two columns, terms left and descriptions aligned by display width, wrapped, never cut."""
    term_width = min(max(display_width(term) for term, _ in rows), 22)
    indent = 2 + term_width + 2
    out = []
    for term, text in rows:
        lines = wrap(text, width - indent) if text else [""]
        if display_width(term) > term_width:  # a long term gets the line to itself
            out.append(f"  {term}")
            out.extend(" " * indent + line for line in lines)
            continue
        out.append(f"  {pad(term, term_width)}  {lines[0]}".rstrip())
        out.extend(" " * indent + line for line in lines[1:])
    return out


def _is_argument(param: Any) -> bool:
    return param.param_type_name == "argument"


def _metavar(param: Any) -> str:
    return param.metavar or param.name.upper()


def _option_term(param: Any) -> str:
    names = ", ".join(sorted([*param.opts, *param.secondary_opts], key=len))
    return names if param.is_flag or param.count else f"{names} {_metavar(param)}"


def _visible(command: Any, ctx: Any) -> list[Any]:
    return [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]


def _is_help(param: Any, ctx: Any) -> bool:
    return bool(set(param.opts) & set(ctx.help_option_names))


def usage(command: Any, ctx: Any) -> str:
    """packetgen build 日付 [オプション] — arguments and required options as they are typed."""
    pieces = [ctx.command_path]
    params = _visible(command, ctx)
    if isinstance(command, TyperGroup):
        pieces.append("コマンド")
    pieces += [_metavar(p) for p in params if _is_argument(p)]
    pieces += [_option_term(p) for p in params if not _is_argument(p) and p.required]
    if any(not _is_argument(p) and not p.required for p in params):
        pieces.append("[オプション]")
    return " ".join(pieces)


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one: a space between English words, none between Japanese ones."""
    text = ""
    for line in (line.strip() for line in lines):
        wide = text and (display_width(text[-1]) == 2 or display_width(line[:1]) == 2)
        text += line if not text or wide else f" {line}"
    return text


def _paragraphs(text: str | None) -> list[str]:
    """A docstring's paragraphs, each one line (Typer keeps the docstring's own line breaks)."""
    return [_join(p.splitlines()) for p in (text or "").strip().split("\n\n") if p.strip()]


def render_help(command: Any, ctx: Any) -> str:
    width = _width()
    out = [f"使い方：{usage(command, ctx)}", ""]
    for paragraph in _paragraphs(command.help):
        out += [*wrap(paragraph, width), ""]
    if isinstance(command, TyperGroup):
        rows = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                rows.append((name, (_paragraphs(sub.short_help or sub.help) or [""])[0]))
        out += ["コマンド：", *_definitions(rows, width), ""]
    params = _visible(command, ctx)
    arguments = [(_metavar(p), getattr(p, "help", None) or "") for p in params if _is_argument(p)]
    if arguments:
        out += ["引数：", *_definitions(arguments, width), ""]
    options = []
    for p in params:
        if not _is_argument(p):
            text = HELP_TEXT if _is_help(p, ctx) else (p.help or "")
            options.append((_option_term(p), text + ("（必須）" if p.required else "")))
    if options:
        out += ["オプション：", *_definitions(options, width), ""]
    if command.epilog:
        out += [line.rstrip() for line in command.epilog.strip("\n").splitlines()]
    return "\n".join(out).rstrip() + "\n"


# --- errors ------------------------------------------------------------------------------------


def _find_option(ctx: Any, name: str) -> Any:
    return next((p for p in ctx.command.get_params(ctx) if name in (*p.opts, *p.secondary_opts)), None)


def _options_list(ctx: Any) -> str:
    return "、".join(", ".join(sorted(p.opts, key=len)) for p in _visible(ctx.command, ctx) if not _is_argument(p))


def _is_command_option(ctx: Any, name: str) -> bool:
    """Is ``name`` an option of one of the group's commands (typed before the command)?"""
    commands = (ctx.command.get_command(ctx, n) for n in ctx.command.list_commands(ctx))
    return any(name in (*p.opts, *p.secondary_opts) for c in commands if c is not None for p in c.params)


def message_of(exc: Exception) -> str:
    """A Click usage error in Japanese, from its class and attributes."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, JapaneseUsageError):
        return exc.message
    if isinstance(exc, _click.NoSuchOption):
        if ctx is not None and isinstance(ctx.command, TyperGroup) and _is_command_option(ctx, exc.option_name):
            example = f"{ctx.command_path} build 2023-07-27 {exc.option_name} …"
            return f"{exc.option_name} はコマンドの後に書いてください（例：{example}）"
        text = f"「{exc.option_name}」というオプションはありません"
        close = difflib.get_close_matches(exc.option_name, list(exc.possibilities or ()) or [], n=1)
        if close:
            text += f"（{close[0]} のことですか？）"
        return f"{text}。使えるオプション：{_options_list(ctx)}" if ctx else text
    if isinstance(exc, _click.BadOptionUsage):
        option = _find_option(ctx, exc.option_name) if ctx else None
        if option is not None and option.is_flag:
            return f"{exc.option_name} には値を付けられません（{exc.option_name} だけで指定します）"
        what = _metavar(option) if option is not None else "値"
        return f"{exc.option_name} の後に{what}を指定してください"
    if isinstance(exc, _click.MissingParameter):
        param = exc.param
        if param is None:
            return "必要な引数が足りません"
        what = _metavar(param) if _is_argument(param) else f"{_option_term(param)} "
        explained = getattr(param, "help", None)
        return f"{what}を指定してください：{explained}" if explained else f"{what}を指定してください"
    if isinstance(exc, _click.BadParameter):
        where = _metavar(exc.param) if exc.param is not None else "引数"
        return f"{where}の値が正しくありません"
    if ctx is not None and isinstance(ctx.command, TyperGroup):
        return "コマンドを指定してください（build、check など）"
    return "コマンドの指定が正しくありません"


def report(exc: Exception) -> int:
    """Print a usage error (with the usage line and where help is) on stderr; the exit status."""
    ctx = getattr(exc, "ctx", None)
    lines = [f"エラー：{message_of(exc)}"]
    if ctx is not None:
        lines.append(f"使い方：{usage(ctx.command, ctx)}")
        lines.append(f"説明は {ctx.command_path} --help で表示できます")
    typer.echo("\n".join(lines), err=True)
    return USAGE_EXIT


@contextmanager
def _with_context(ctx: Any) -> Iterator[None]:
    """Click's parser raises some errors without the context; attach it, for the usage line."""
    try:
        yield
    except UsageError as exc:
        if exc.ctx is None:
            exc.ctx, exc.cmd = ctx, ctx.command
        raise


class JapaneseCommand(TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(render_help(self, ctx))

    def get_usage(self, ctx: Any) -> str:
        return f"使い方：{usage(self, ctx)}"

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True  # extra words are reported below
        try:
            with _with_context(ctx):
                rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed:
            words = "」「".join(rest)
            raise JapaneseUsageError(f'余分な引数「{words}」があります（値に空白があるときは "…" で囲みます）', ctx)
        return rest


class JapaneseGroup(TyperGroup):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(render_help(self, ctx))

    def get_usage(self, ctx: Any) -> str:
        return f"使い方：{usage(self, ctx)}"

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        with _with_context(ctx):
            return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if not name.startswith("-") and self.get_command(ctx, name) is None:
            names = self.list_commands(ctx)
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"（{close[0]} のことですか？）" if close else ""
            raise JapaneseUsageError(
                f"「{name}」というコマンドはありません{hint}。使えるコマンド：{'、'.join(names)}", ctx
            )
        return super().resolve_command(ctx, args)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run with Click's own error printing off, and print the errors in Japanese instead."""
        try:
            result = super().main(args, prog_name or "packetgen", complete_var, standalone_mode=False, **extra)
        except getattr(_click, "NoArgsIsHelpError", ()) as exc:  # `packetgen` alone asks for help
            typer.echo(exc.ctx.get_help())
            code = 0
        except UsageError as exc:
            if not standalone_mode:
                raise
            code = report(exc)
        except _click.ClickException as exc:
            typer.echo(f"エラー：コマンドを実行できません（{exc.format_message()}）", err=True)
            code = 1
        else:
            if not standalone_mode:
                return result
            code = result if isinstance(result, int) else 0
        sys.exit(code)

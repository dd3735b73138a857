"""YAML mistakes in Japanese, on the line where the user made them.

The parser notices a slip where it stops making sense, which is often the line after it (a 全角
colon leaves the key unfinished until the next line) and always in English. So the lines around
the parser's position are read for the slips staff make — a tab or a 全角 space in the
indentation, a 全角 colon after a key, an unclosed quote, a value starting with a YAML sign — and
the first one found is named with its fix; other parser errors get a Japanese translation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

ZENKAKU_SPACE = "\u3000"
_INDENT = re.compile(r"^[ \t\u3000]*")
_KEY_ZENKAKU_COLON = re.compile(r"^[ ]*(?:-[ ]+)?([^\s:：#\"'{}\[\]&*!|>%@`-][^:：#\"']{0,40}?)[ 　]*：")
_SIGNS = "{[*&!%@`|>"
_LOOKBACK = 5  # a slip shows up in the parser at most a few lines later
PREFIX = "YAMLの書式の誤り："  # every message says what kind of problem it is, then the slip and its fix


@dataclass(frozen=True)
class Slip:
    line: int  # 1-based
    column: int | None  # 1-based character position, when known
    detail: str

    @property
    def message(self) -> str:
        return PREFIX + self.detail


def _shown(line: str) -> str:
    """The line as the message quotes it, with invisible indentation made visible."""
    indent = _INDENT.match(line).group()
    visible = indent.replace("\t", "［タブ］").replace(ZENKAKU_SPACE, "［全角空白］")
    return f"行の内容：「{visible}{line[len(indent) :].rstrip()}」"


def _quoted_example(key: str | None, value: str) -> str:
    quote = "'" if '"' in value else '"'
    return f"{key}: {quote}{value}{quote}" if key else f"- {quote}{value}{quote}"


def _split_value(line: str) -> tuple[str | None, str]:
    """(key, value) of a `key: value` or `- value` line (key None for a list item)."""
    start = len(_INDENT.match(line).group())
    while line[start : start + 2] == "- ":
        start += 2
        while line[start : start + 1] == " ":
            start += 1
    rest = line[start:]
    m = re.match(r"([^\"'#:][^#:]*?):(?:[ \t]+|$)", rest)
    if m:
        return m.group(1).strip(), rest[m.end() :].rstrip()
    return None, rest.rstrip()


def _sign_message(sign: str, key: str | None, value: str) -> str:
    fix = f"値全体を引用符で囲んでください（例：{_quoted_example(key, value)}）"
    if sign == "{":
        return f"値が「{{」で始まっています。YAMLでは {{ }} で囲んだ部分が「項目: 値」の組として読まれるため、{fix}"
    if sign == "*":
        return f"値が「*」で始まっています。YAMLでは「*」は別の場所の値を指す記号のため、{fix}"
    return f"値が「{sign}」で始まっています。YAMLでは「{sign}」は特別な記号のため、{fix}"


def _unclosed_quote(value: str) -> str | None:
    if not value or value[0] not in "\"'":
        return None
    quote, body = value[0], value[1:]
    body = body.replace("\\\\", "").replace('\\"', "") if quote == '"' else body.replace("''", "")
    return None if quote in body else quote


def zenkaku_colon(key: str, line: str = "") -> str:
    fixed = re.sub(r"[ 　]*：[ 　]*", ": ", line.strip(), count=1) if line else f"{key}: 値"
    return f"「{key}」の後のコロンが全角（：）です。半角の「:」と半角スペースにしてください（例：{fixed}）"


def _well_formed_flow(value: str) -> bool:
    """[a, b] or {a: b} as the slide sources use them: YAML, not a slip."""
    try:
        yaml.safe_load(value)
    except yaml.YAMLError:
        return False
    return True


def sign_slip(line: str) -> str | None:
    """The message for a value that starts with a YAML sign ({ [ * & ! % @ ` | >), or None."""
    key, value = _split_value(line)
    if value and value[0] in _SIGNS and not re.fullmatch(r"[|>][-+0-9]*", value):
        return _sign_message(value[0], key, value)
    return None


def line_slip(line: str) -> str | None:
    """The slip on one line, as a Japanese message with its fix, or None."""
    indent = _INDENT.match(line).group()
    if "\t" in indent:
        return "行頭にタブ文字があります。YAMLの字下げには使えないので、半角スペースに置き換えてください"
    if ZENKAKU_SPACE in indent:
        return (
            "行頭に全角スペースがあります。字下げは半角スペースで入れてください（全角スペースは値の中だけで使えます）"
        )
    m = _KEY_ZENKAKU_COLON.match(line)
    if m:
        return zenkaku_colon(m.group(1).strip(), line)
    _, value = _split_value(line)
    quote = _unclosed_quote(value)
    if quote:
        return f"引用符「{quote}」が閉じられていません。値の終わりにも「{quote}」を付けてください"
    if value[:1] in ("[", "{") and _well_formed_flow(value):
        return None
    return sign_slip(line)


def _translate(problem: str, char: str) -> str:
    """The parser's own (English) complaint in Japanese, for errors that are not a known slip."""
    if "could not find expected ':'" in problem:
        return "「項目: 値」の「:」が見つかりません。項目名の後に半角の「:」と半角スペースを入れてください"
    if "mapping values are not allowed" in problem:
        return 'この位置に「: 」は書けません。値の中に「: 」があるときは値全体を引用符（"…"）で囲んでください'
    if "expected '-' indicator" in problem or "found '?'" in problem:
        return "一覧（- で始まる行）の途中に字下げの違う行か「項目: 値」の行があります。字下げをそろえてください"
    if "expected key" in problem or "expected <block end>" in problem:
        return "字下げがそろっていません。同じ階層の項目は同じ数の半角スペースで字下げしてください"
    if "escape character" in problem:
        return "\"…\" の中の「\\」は特別な意味になります。値を '…'（一重引用符）で囲むか、「\\」を「/」にしてください"
    if "end of stream" in problem:
        return "引用符が閉じられていません。値の終わりにも同じ引用符を付けてください"
    if "undefined alias" in problem or "alphabetic or numeric" in problem:
        return _sign_message(char if char and char in "*&" else "*", "項目", f"{char or '*'}…")
    if "constructor for the tag" in problem:
        return '値が「!」で始まっています。YAMLでは「!」は特別な記号のため、値全体を引用符（"…"）で囲んでください'
    if "cannot start any token" in problem:
        return f'「{char}」はこの位置に書けません。値全体を引用符（"…"）で囲んでください'
    if "expected ',' or" in problem or "expected ','" in problem:
        return '[ ] や { } が閉じられていません。値全体を引用符（"…"）で囲んでください'
    return "YAMLの書式が正しくありません。この行か直前の行の字下げ・「:」・引用符を確認してください"


def _char_at(lines: list[str], mark: yaml.Mark | None) -> str:
    if mark is None or mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if mark.column < len(line) else ""


def describe(exc: yaml.YAMLError, text: str) -> Slip:
    """Where (line, column) and what the user should fix, for a parser error in ``text``."""
    lines = text.split("\n")
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", "") or exc)
    if problem_mark is None:
        return Slip(1, None, _translate(problem, ""))
    last = min(problem_mark.line, len(lines) - 1)
    first = max(0, last - _LOOKBACK)
    if context_mark is not None and first <= context_mark.line <= last:
        first = context_mark.line
    if context_mark is not None and _char_at(lines, context_mark) in ('"', "'") and "end of stream" in problem:
        n = context_mark.line  # the quote was opened here and never closed
        message = line_slip(lines[n]) or _translate(problem, "")
        return Slip(n + 1, context_mark.column + 1, f"{message}　{_shown(lines[n])}")
    text_lines = _text_lines(text)
    for n in range(last, first - 1, -1):  # nearest first: the slip that stopped the parser
        message = None if n in text_lines else line_slip(lines[n])
        if message:
            return Slip(n + 1, None, f"{message}　{_shown(lines[n])}")
    mark = context_mark if "could not find expected ':'" in problem and context_mark else problem_mark
    n = min(mark.line, len(lines) - 1)
    char = _char_at(lines, problem_mark) or _char_at(lines, context_mark)
    message = _translate(problem, char)
    if "mapping values are not allowed" in problem and _deeper_than_previous(lines, n):
        message = (
            "字下げが前の行より深いため、前の行の値の続きとして読まれています。同じ階層の項目と字下げをそろえてください"
        )
    return Slip(n + 1, mark.column + 1, f"{message}　{_shown(lines[n])}")


def _text_lines(text: str) -> set[int]:
    """Lines inside a `|` / `>` block or a quoted text running over several lines, as far as the
    parser got: their 全角 spaces, colons and braces are the user's text, not slips."""
    inside: set[int] = set()
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">", '"', "'"):
                quoted = token.style in ('"', "'")  # a block ends at the start of the next line
                inside.update(range(token.start_mark.line + 1, token.end_mark.line + quoted))
    except yaml.YAMLError:
        pass  # the tokens before the error are the ones that matter
    return inside


def _deeper_than_previous(lines: list[str], n: int) -> bool:
    """Is line n indented deeper than the `key: value` line before it (so it continues that value)?"""
    previous = next((p for p in reversed(lines[:n]) if p.strip() and not p.lstrip().startswith("#")), None)
    if previous is None or not _split_value(previous)[1]:
        return False
    return len(_INDENT.match(lines[n]).group()) > len(_INDENT.match(previous).group())


def _scalar(node: yaml.Node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def key_slips(node: yaml.Node | None, text: str) -> Iterator[Slip]:
    """Slips that still parse: a key typed after a 全角 space or with a 全角 colon, a repeated key."""
    if node is None:
        return
    lines = text.split("\n")
    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:  # an alias points back at a node already read
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key, value in current.value:
                name, line = _scalar(key), key.start_mark.line
                if name is not None and (name.startswith(ZENKAKU_SPACE) or "：" in name):
                    message = line_slip(lines[line]) or f"項目名「{name}」に全角のコロン（：）か空白があります"
                    yield Slip(line + 1, None, f"{message}　{_shown(lines[line])}")
                elif name is not None and name in first_line:
                    yield Slip(
                        line + 1,
                        None,
                        f"「{name}」が{first_line[name] + 1}行目にもあります。同じ項目は1回だけ書いてください"
                        "（後の値で前の値が消えてしまいます）",
                    )
                first_line.setdefault(name or "", line)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)

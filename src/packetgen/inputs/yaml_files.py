"""YAML input files: parse with line numbers, validate into models, report by key and line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from packetgen.core.errors import Problem
from packetgen.inputs import yaml_errors
from packetgen.inputs.tables import decode_text
from packetgen.inputs.text_rules import describe_illegal
from packetgen.inputs.validation import japanese_message, key_path

M = TypeVar("M", bound=BaseModel)


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: slide sources are long


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader that leaves dates and clock times as the strings the user wrote.

    YAML 1.1 reads 13:30 as the base-60 integer 810 and 2023-02-30 as a crash; the models parse
    both and give a Japanese message instead.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
for _first, _resolvers in _Loader.yaml_implicit_resolvers.items():
    _resolvers[:] = [(t, r) for t, r in _resolvers if not (t == "tag:yaml.org,2002:int" and ":" in r.pattern)]
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    list("-+0123456789"),
)


class _TextLoader(_Loader):
    """_Loader that also leaves numbers and yes/no as typed: for a file whose every value is printed
    (a 文書's 本文), where YAML would print 0123 as 83 and 1.50 as 1.5. Empty stays empty (None)."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag.rsplit(":", 1)[-1] not in ("int", "float", "bool")]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


def load_as_typed(text: str) -> Any:
    """The document in ``text`` with every scalar the text typed (None when empty); yaml.YAMLError
    when it does not parse."""
    loader = _TextLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _line_of(node: yaml.Node | None, loc: Sequence[str | int]) -> int | None:
    """Line (1-based) of the YAML node at a pydantic error location, as close as it can be found."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        else:
            break
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _node_at(node: yaml.Node | None, loc: Sequence[str | int]) -> yaml.Node | None:
    """The YAML node at a pydantic error location, or None when the path leaves the document."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return None
    return node


def _slip_message(error: dict, node: yaml.Node | None, lines: list[str]) -> str | None:
    """A slip that parsed into the wrong shape: `{…}` read as a mapping, `項目：値` read as a text."""
    if node is None:
        return None
    if error["type"] == "string_type" and getattr(node, "flow_style", False):
        return yaml_errors.sign_slip(lines[node.start_mark.line])
    if error["type"] in ("model_type", "dict_type") and isinstance(node, yaml.ScalarNode) and "：" in node.value:
        return yaml_errors.zenkaku_colon(node.value.split("：", 1)[0].strip(), lines[node.start_mark.line])
    return None


def _illegal_text(value: Any, loc: tuple, label: str, node: yaml.Node | None, problems: list[Problem]) -> None:
    if isinstance(value, str):
        bad = describe_illegal(value)
        if bad:
            problems.append(Problem(label, bad, _line_of(node, loc), key_path(loc)))
    elif isinstance(value, dict):
        for k, v in value.items():
            _illegal_text(v, (*loc, k), label, node, problems)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _illegal_text(v, (*loc, i), label, node, problems)


def load_yaml(path: Path, label: str, model: type[M], problems: list[Problem]) -> M | None:
    """Parse and validate a YAML file; on any problem append it (with line and key) and return None."""
    return load_yaml_document(path, label, model, problems)[0]


def load_yaml_document(
    path: Path, label: str, model: type[M], problems: list[Problem], as_typed: bool = False
) -> tuple[M | None, yaml.Node | None]:
    """Like load_yaml, and also the parsed node tree, for messages that point at a line later.
    ``as_typed``: every scalar is the text as typed (load_as_typed), for a model of texts only."""
    if not path.is_file():
        problems.append(Problem(label, "ファイルが見つかりません"))
        return None, None
    data = path.read_bytes()
    if b"\x00" in data:
        problems.append(Problem(label, "テキストファイルではありません（バイナリデータが含まれています）"))
        return None, None
    try:
        text, _ = decode_text(data)  # UTF-8 (with or without BOM), else CP932 as Notepad may save
    except UnicodeDecodeError:
        problems.append(Problem(label, "文字コードを読み取れません。UTF-8 で保存し直してください"))
        return None, None
    lines = text.split("\n")
    bad_lines = [(n, describe_illegal(line)) for n, line in enumerate(lines, start=1)]
    bad_lines = [(n, message) for n, message in bad_lines if message]
    if bad_lines:  # the YAML parser would refuse them too, but without saying where
        problems.extend(Problem(label, message, n) for n, message in bad_lines)
        return None, None
    try:
        loader = (_TextLoader if as_typed else _Loader)(text)
        try:
            node = loader.get_single_node()
            raw = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        slip = yaml_errors.describe(exc, text)  # in Japanese, on the line of the slip, not of the parser
        problems.append(Problem(label, slip.message, slip.line, f"{slip.column}文字目" if slip.column else None))
        return None, None
    if not isinstance(raw, dict):
        problems.append(Problem(label, "中身が空か、「項目: 値」の形になっていません"))
        return None, None
    before = len(problems)
    problems.extend(Problem(label, slip.message, slip.line) for slip in yaml_errors.key_slips(node, text))
    _illegal_text(raw, (), label, node, problems)
    if len(problems) > before:
        return None, node
    try:
        return model.model_validate(raw), node
    except ValidationError as exc:
        for error in exc.errors():
            loc = error["loc"]
            slip = _slip_message(error, _node_at(node, loc), lines)
            message = yaml_errors.PREFIX + slip if slip else japanese_message(error)
            problems.append(Problem(label, message, _line_of(node, loc), key_path(loc) or None))
        return None, node


def line_of(node: yaml.Node | None, loc: Sequence[str | int]) -> int | None:
    """The line (1-based) of a key path in a parsed YAML document."""
    return _line_of(node, loc)

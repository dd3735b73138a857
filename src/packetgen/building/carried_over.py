"""Texts carried over unchanged from the last meeting (元の会議 in meeting.yaml, set by ``packetgen new``)
that name a year, a date, a 年度 or a 資料 label: each a 注意 of ``check``, so staff review exactly those."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from packetgen.building.packet import Packet
from packetgen.inputs.tables import decode_text

# A text carried over unchanged that names a year, a date, a 年度 or a 資料 label is probably stale.
DATED = re.compile(
    r"(?:\d{4}|[０-９]{4})年|(?:令和|平成|昭和)(?:\d+|[０-９]+|元)年"
    r"|今年度|前年度|昨年度|本年度|来年度|\d+月\d+日|資料No"
)
TEXT_ROLES_SKIPPED = ("スライド",)  # decks quote the national government's material, dated on purpose


def _scalars(node: yaml.Node, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str, int]]:
    """Every text of a YAML node tree with its key path and line (1-based)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*loc, str(key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            yield from _scalars(value, (*loc, i))
    elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
        yield loc, node.value, node.start_mark.line + 1


def _texts(path: Path) -> list[tuple[tuple[str | int, ...], str, int]]:
    try:
        text, _ = decode_text(path.read_bytes())
        return list(_scalars(yaml.compose(text, Loader=yaml.SafeLoader)))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # check reports an unreadable file itself


def carried_over(packet: Packet) -> list[str]:
    """注意 lines: each text part of this meeting's text files still as in 元の会議 that mentions a year,
    a date, 今年度/前年度 or a 資料 label, so staff review exactly those."""
    from packetgen.inputs.validation import key_path

    source = packet.meeting.previous
    if not source:
        return []
    before_dir = packet.project / "inputs" / source
    if not before_dir.is_dir():
        return [f"注意：{packet.meeting_label} の元の会議 inputs/{source}/ がないため、前回のままの文を確認できません"]
    out = []
    for entry in packet.meeting.documents:
        for role, name in entry.inputs.items():
            if role in TEXT_ROLES_SKIPPED or not name.lower().endswith((".yaml", ".yml")):
                continue
            before = {(loc, text) for loc, text, _ in _texts(before_dir / name)}
            for loc, text, line in _texts(packet.meeting_dir / name):
                found = DATED.search(text)
                if (loc, text) not in before or not found or loc[-1:] == ("出典",):  # a source stays dated
                    continue
                start = max(0, found.start() - 12)
                shown = ("…" if start else "") + text[start : start + 40] + ("…" if len(text) > start + 40 else "")
                out.append(
                    f"注意：inputs/{packet.key}/{name} {line}行目 {key_path(loc)}：前回（{source}）のままです。"
                    f"年・日付・年度・資料番号が今回に合っているか確認してください：「{shown}」"
                )
    return out

"""Packet = one meeting: its inputs/<DATE>/meeting.yaml and font setting read and checked, and the
documents it declares planned. Every command starts here; what it does next lives beside this module:
assemble (validate and render in memory), outdated (what is up to date), run (build and commit).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from packetgen.building.outputs import OutputFolder
from packetgen.core.errors import InputError, PacketError, Problem
from packetgen.documents import registry
from packetgen.documents.base import BuildContext, DocumentBuilder, Kind
from packetgen.inputs.font_setting import load_setting
from packetgen.inputs.meeting import DocumentEntry, Meeting
from packetgen.inputs.yaml_files import line_of, load_yaml_document

MEETING_FILE = "meeting.yaml"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)  # ASCII digits only; whole text (fullmatch)
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s]+')


def parse_meeting_date(text: str) -> date:
    """The DATE argument: an ISO date that exists (and nothing that could leave the project)."""
    if not _ISO_DATE.fullmatch(text):
        raise PacketError(f"日付「{text}」は YYYY-MM-DD の形で指定してください（例：2023-07-27）")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PacketError(f"日付「{text}」は存在しない日付です") from None


@dataclass(frozen=True)
class PlannedDocument:
    entry: DocumentEntry
    kind: Kind
    context: BuildContext

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def builder(self) -> DocumentBuilder:
        """The kind's builder (its module is imported now, on first use)."""
        return registry.builder(self.kind)

    @property
    def output_name(self) -> str:
        """資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pptx; the agenda has no 資料 label."""
        stem = f"資料{self.entry.label}_{self.entry.title}" if self.entry.label else self.entry.title
        return _UNSAFE_NAME.sub("_", stem) + self.kind.suffix


class Packet:
    def __init__(self, project: Path, date_text: str) -> None:
        self.date = parse_meeting_date(date_text)
        self.project = project.resolve()
        self.key = self.date.isoformat()
        self.meeting_dir = self.project / "inputs" / self.key
        self.output_dir = self.project / "outputs" / self.key
        self.meeting_label = f"inputs/{self.key}/{MEETING_FILE}"
        if not self.meeting_dir.is_dir():
            raise PacketError(
                f"会議フォルダ inputs/{self.key}/ がありません（プロジェクト：{self.project}）。"
                "日付を確認するか --project でプロジェクトのフォルダを指定してください"
            )
        problems: list[Problem] = []
        meeting, node = load_yaml_document(self.meeting_dir / MEETING_FILE, self.meeting_label, Meeting, problems)
        if meeting is not None:
            problems += self._meeting_problems(meeting, node)
        try:
            self.fonts = load_setting(self.project)
        except InputError as exc:
            problems += exc.problems
        if problems or meeting is None:
            raise InputError(problems)
        self.meeting: Meeting = meeting
        self.folder = OutputFolder(self.project / "outputs", self.key)

    def _meeting_problems(self, meeting: Meeting, node: object) -> list[Problem]:
        problems = []
        due = meeting.printing.due
        if due is not None and due >= meeting.start:
            problems.append(
                Problem(
                    self.meeting_label,
                    f"納期 {due:%Y-%m-%d %H:%M} が会議の開始（{meeting.start:%Y-%m-%d %H:%M}）より前になっていません",
                    line_of(node, ("印刷", "納期")),
                    "印刷.納期",
                )
            )
        if meeting.when.day != self.date:
            problems.append(
                Problem(
                    self.meeting_label,
                    f"日時.日付（{meeting.when.day.isoformat()}）がフォルダ名の日付と違います",
                    column="日時.日付",
                )
            )
        return problems + self._entry_problems(meeting)

    def _entry_problems(self, meeting: Meeting) -> list[Problem]:
        problems = []
        for i, entry in enumerate(meeting.documents, start=1):
            where = f"資料[{i}]"
            kind = registry.kind_of(entry.id)
            if kind is None:
                problems.append(
                    Problem(
                        self.meeting_label,
                        f"id「{entry.id}」の文書はありません（使える id：{'、'.join(registry.IDS)}）",
                        column=f"{where}.id",
                    )
                )
                continue
            for role in kind.roles:
                if role not in entry.inputs:
                    problems.append(
                        Problem(
                            self.meeting_label, f"入力「{role}」のファイルを指定してください", column=f"{where}.入力"
                        )
                    )
            known = kind.roles + kind.optional_roles
            for role in entry.inputs:
                if role not in known:  # a misspelt optional role would drop its page without a word
                    message = f"資料「{entry.id}」に入力「{role}」はありません（使える入力：{'、'.join(known)}）"
                    problems.append(Problem(self.meeting_label, message, column=f"{where}.入力.{role}"))
        return problems

    def known_ids(self, only: Iterable[str]) -> list[str]:
        """``only`` without repeats, each an id of this meeting's documents (an unknown one is refused):
        for a command that plans every document but works on some."""
        wanted = list(dict.fromkeys(only))
        known = [e.id for e in self.meeting.documents]
        unknown = [i for i in wanted if i not in known]
        if unknown:
            raise PacketError(
                f"資料 id「{'、'.join(unknown)}」はこの会議にありません（この会議の資料：{'、'.join(known)}）"
            )
        return wanted

    def plan(self, only: Iterable[str] = ()) -> list[PlannedDocument]:
        """The documents to build, in meeting order; ``only`` selects ids (unknown ids are refused)."""
        wanted = self.known_ids(only)
        return [
            PlannedDocument(entry, registry.IDS[entry.id], self.context(entry))
            for entry in self.meeting.documents
            if not wanted or entry.id in wanted
        ]

    def context(self, entry: DocumentEntry) -> BuildContext:
        return BuildContext(self.project, self.meeting_dir, self.meeting, entry, self.fonts)

    def roles(self) -> dict[str, tuple[str, str]]:
        """Each input file (relative to the meeting folder) → (document id, role)."""
        return {name: (e.id, role) for e in self.meeting.documents for role, name in e.inputs.items()}

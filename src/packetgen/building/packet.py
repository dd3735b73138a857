"""Packet = one meeting: its inputs/<DATE>/meeting.yaml and font setting read and checked, and the
documents it declares planned. Every command starts here; what it does next lives beside this module:
assemble (validate and render in memory), outdated (what is up to date), run (build and commit).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from packetgen.building.layout import ORDER, PACKET_PDF, PRINT_DIR
from packetgen.building.outputs import OutputFolder
from packetgen.core import japanese
from packetgen.core.errors import InputError, PacketError, Problem
from packetgen.documents import registry
from packetgen.documents.base import BuildContext, DocumentBuilder, Kind
from packetgen.inputs.font_setting import load_setting
from packetgen.inputs.meeting import DocumentEntry, Meeting
from packetgen.inputs.yaml_files import line_of, load_yaml_document

MEETING_FILE = "meeting.yaml"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)  # ASCII digits only; whole text (fullmatch)
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s]+')
PRINT_NAMES = (PACKET_PDF, f"{ORDER}.pdf")  # what print makes beside each document's PDF in print/


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
        return file_stem(self.entry) + self.kind.output_suffix(self.entry)

    @property
    def pdf_name(self) -> str:
        """Its print PDF, relative to print/: the built file's name with .pdf."""
        return file_stem(self.entry) + ".pdf"


def file_stem(entry: DocumentEntry) -> str:
    """The name of the document's files without suffix (its Office file, its print PDF and previews):
    from its 資料番号 and 名称, never from its id."""
    stem = f"{japanese.material_label(entry.label)}_{entry.title}" if entry.label else entry.title
    return _UNSAFE_NAME.sub("_", stem)


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
        # each document's kind by id: every entry has one, or the meeting file was refused above
        self.kinds = {e.id: kind for e in meeting.documents if (kind := registry.kind_of(e)) is not None}
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
        return problems + self._entry_problems(meeting, node) + self._name_problems(meeting, node)

    def _entry_problems(self, meeting: Meeting, node: object) -> list[Problem]:
        problems = []
        for i, entry in enumerate(meeting.documents):
            kind = registry.kind_of(entry)
            if kind is None:
                problems.append(self._kind_problem(entry, i, node))
                continue
            where = f"資料[{i + 1}].入力"
            problems += [
                Problem(self.meeting_label, message, line_of(node, ("資料", i, "入力")), where)
                for message in role_problems(kind, entry)
            ]
            known = "、".join(kind.known_roles)
            for role in entry.inputs:
                if role not in kind.known_roles:  # a misspelt optional role would drop its page without a word
                    message = f"資料「{entry.id}」に入力「{role}」はありません（使える入力：{known}）"
                    problems.append(Problem(self.meeting_label, message, column=f"{where}.{role}"))
        return problems

    def _kind_problem(self, entry: DocumentEntry, index: int, node: object) -> Problem:
        """An entry whose kind is unknown: a 種類 no kind has, or no 種類 and an id that was no kind."""
        names = "、".join(registry.KINDS)
        if entry.kind is not None:
            message = f"種類「{entry.kind}」はありません（使える種類：{names}）"
            line = line_of(node, ("資料", index, "種類"))
        else:
            message = (
                f"資料「{entry.id}」には種類が要ります。「種類: スライド」のように書いてください（使える種類：{names}）"
            )
            line = line_of(node, ("資料", index, "id"))
        return Problem(self.meeting_label, message, line, f"資料[{index + 1}].種類")

    def _name_problems(self, meeting: Meeting, node: object) -> list[Problem]:
        """Two documents whose files would have the same name (Windows does not tell case apart), one
        named as a file print makes beside their PDFs (the later file would overwrite the other), a
        name too long for a file, or a 資料番号 given twice (which 【資料No.3】 is meant?)."""
        taken = {_same_file(Path(name).stem): f"印刷用のファイル（{PRINT_DIR}/{name}）" for name in PRINT_NAMES}
        numbers: dict[str, str] = {}
        problems = []
        for i, entry in enumerate(meeting.documents):
            stem, message, key = file_stem(entry), "", "名称"
            if entry.label and entry.label in numbers:
                message = f"資料番号「{entry.label}」が資料「{numbers[entry.label]}」と同じです。"
                message, key = message + "資料番号は資料ごとに変えてください", "資料番号"
            elif len(f"{stem}.pdf".encode()) > MAX_FILE_NAME_BYTES:
                message = f"資料「{entry.id}」のファイル名「{stem}」が長すぎます（ファイル名の上限を超えます）。"
                message += "名称を短くしてください"
            elif _same_file(stem) in taken:
                message = (
                    f"資料「{entry.id}」のファイル名「{stem}」が{taken[_same_file(stem)]}と同じになり、"
                    "上書きされてしまいます。名称か資料番号を変えてください"
                )
            numbers.setdefault(entry.label, entry.id)
            taken.setdefault(_same_file(stem), f"資料「{entry.id}」")
            if message:
                where = line_of(node, ("資料", i, key))
                problems.append(Problem(self.meeting_label, message, where, f"資料[{i + 1}].{key}"))
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
            PlannedDocument(entry, self.kinds[entry.id], self.context(entry))
            for entry in self.meeting.documents
            if not wanted or entry.id in wanted
        ]

    def context(self, entry: DocumentEntry) -> BuildContext:
        return BuildContext(self.project, self.meeting_dir, self.meeting, entry, self.fonts)

    def roles(self) -> dict[str, tuple[str, str]]:
        """Each input file (relative to the meeting folder) → (document id, role); a file named inside
        an input (a 本文's table) has the role of the input that names it."""
        roles = {name: (e.id, role) for e in self.meeting.documents for role, name in e.inputs.items()}
        for doc in self.plan():
            if doc.kind.names_files:
                for role, path in doc.builder.named_files(doc.context):
                    if path.is_relative_to(self.meeting_dir):
                        roles.setdefault(path.relative_to(self.meeting_dir).as_posix(), (doc.id, role))
        return roles


def role_problems(kind: Kind, entry: DocumentEntry) -> list[str]:
    """What is wrong with the 入力 roles ``entry`` gives for ``kind``: a required one missing, or not
    exactly one of its ``one_of_roles``."""
    problems = [f"入力「{role}」のファイルを指定してください" for role in kind.roles if role not in entry.inputs]
    if kind.one_of_roles:
        given = [role for role in kind.one_of_roles if role in entry.inputs]
        choices = "か".join(f"「{role}」" for role in kind.one_of_roles)
        which = "どちらか" if len(kind.one_of_roles) == 2 else "どれか"
        if not given:
            problems.append(f"入力{choices}の{which}1つを指定してください")
        elif len(given) > 1:
            both = "と".join(f"「{role}」" for role in given)
            problems.append(f"入力{both}は同時に指定できません（{choices}の{which}1つにしてください）")
    return problems


# a file name's most bytes on Linux (255, UTF-8: a kanji takes 3) with room for the print step's
# temporary suffixes; Windows counts 255 UTF-16 characters, which this bound keeps too
MAX_FILE_NAME_BYTES = 240


def _same_file(stem: str) -> str:
    """Names one folder cannot hold both of (Windows and macOS do not tell case or Unicode forms apart)."""
    return unicodedata.normalize("NFC", stem).casefold()

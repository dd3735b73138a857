"""What every document of the packet is: a builder of one kind that loads its inputs and renders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any

from packetgen.core.errors import Problem
from packetgen.core.fonts import FontSetting
from packetgen.inputs.meeting import DocumentEntry, Meeting
from packetgen.render import page_count


@dataclass(frozen=True)
class Kind:
    """What planning, fingerprints and messages know of a kind without importing its module."""

    name: str  # 次第, スライド, 人口動態, 寄附報告, 文書: what meeting.yaml's 資料[].種類 says, the registry's key
    module: str  # the module whose ``Builder`` class makes it (documents/registry.py imports it)
    suffix: str  # ".docx", ".pptx", ".xlsx": the file it makes (unless ``suffix_from_role`` says otherwise)
    roles: tuple[str, ...]  # the 入力 roles meeting.yaml must give
    templates: tuple[str, ...] = ()  # files under templates/ it reads
    optional_roles: tuple[str, ...] = ()  # 入力 roles it reads when given; any other role is refused
    lists_attendees: bool = False  # its builder counts who attends (the order's copies): ``attendees``
    one_of_roles: tuple[str, ...] = ()  # 入力 roles of which exactly one must be given (two forms of a kind)
    # a role whose file the document is made from as it is (an existing .pdf paper): the output keeps
    # that file's suffix when the entry gives the role
    suffix_from_role: str | None = None
    # its inputs name further files (a 本文's tables and pictures): the builder's ``named_files`` lists
    # them, so they count in its fingerprint; only such kinds have their module imported for it
    names_files: bool = False
    cites_documents: bool = False  # its inputs cite other 資料 by id (the explanation page): checked on load

    @property
    def known_roles(self) -> tuple[str, ...]:
        """Every 入力 role a document of this kind may be given."""
        return self.roles + self.optional_roles + self.one_of_roles

    def output_suffix(self, entry: DocumentEntry) -> str:
        """The suffix of the file a document of this kind makes for ``entry``: that of the ``suffix_from_role``
        file when the entry gives one (lowercased: .PDF → .pdf), otherwise ``suffix``."""
        given = entry.inputs.get(self.suffix_from_role) if self.suffix_from_role else None
        return (PurePath(given).suffix.lower() if given else "") or self.suffix


@dataclass(frozen=True)
class BuildContext:
    """Everything a document builder may look at: the meeting, its entry and where files are."""

    project: Path
    meeting_dir: Path
    meeting: Meeting
    entry: DocumentEntry
    fonts: FontSetting  # the project's ゴシック and 明朝 (templates/fonts.yaml)

    @property
    def timestamp(self) -> datetime:
        """The meeting's start: used as the documents' creation time, so rebuilds are identical."""
        return self.meeting.start

    @property
    def label(self) -> str:
        """The 資料 label line for the top right of the first page or slide."""
        return self.meeting.document_label(self.entry)

    def input_path(self, role: str) -> Path:
        return self.meeting_dir / self.entry.inputs[role]

    def input_label(self, role: str) -> str:
        """The input file as the user finds it from the project folder."""
        return f"inputs/{self.meeting_dir.name}/{self.entry.inputs[role]}"

    def template_path(self, name: str) -> Path:
        return self.project / "templates" / name


class DocumentBuilder:
    """Loads and renders the documents of one kind. A kind's module defines ``Builder``, a subclass
    the registry makes with the kind; the builder reads its roles and templates from ``self.kind``."""

    def __init__(self, kind: Kind) -> None:
        self.kind = kind

    def load(self, ctx: BuildContext, problems: list[Problem]) -> Any:
        """Read and validate the inputs; append every problem; return the validated data."""
        raise NotImplementedError

    def render(self, ctx: BuildContext, data: Any) -> bytes:
        """The finished file's bytes (deterministic for the same data)."""
        raise NotImplementedError

    def notices(self, data: Any) -> list[str]:
        """注意 lines about loaded data that are not errors (a claim the inputs hold no figures for)."""
        return []

    def report(self, ctx: BuildContext, data: Any, rendered: bytes) -> list[str]:
        """What `packetgen check` says of the rendered document beyond errors (a deck's typesetting)."""
        return []

    def named_files(self, ctx: BuildContext) -> list[tuple[str, Path]]:
        """The files beyond its 入力 that the document reads, each with the role of the input that names
        it (``Kind.names_files``); best effort: an input that does not parse names none (loading it
        reports the mistake)."""
        return []

    def expected_pages(self, path: Path) -> tuple[int, int | None]:
        """(fewest, most) pages the printed PDF of the built file may have (None: no upper bound); the
        print step holds LibreOffice's output to this. What the file's format declares
        (render/page_count.py); a kind that knows better may override it."""
        return page_count.expected_pages(path)

    def attendees(self, ctx: BuildContext, without_absent: bool = False) -> tuple[str, int]:
        """Who receives the packet — (「委員16名＋市側出席者5名」, 21) — read from this document's lists;
        ``without_absent`` leaves out members marked 欠席. Only a kind whose ``lists_attendees`` is true
        has it."""
        raise NotImplementedError

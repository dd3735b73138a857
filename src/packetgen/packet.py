"""Packet = one meeting: loads inputs/<DATE>/, knows its documents, checks and builds them.

Data flows one way: inputs → validated models → document builders → render → atomic commit.
All documents are validated and rendered in memory, then the outputs folder changes in one atomic
step (outputs.py), so a failed or killed build leaves the previous outputs untouched. A document
whose inputs, templates and packetgen version are unchanged is not rebuilt.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from packetgen import __version__, manifest
from packetgen.documents import REGISTRY, BuildContext, DocumentBuilder
from packetgen.errors import InputError, PacketError, Problem
from packetgen.inputs.meeting import DocumentEntry, Meeting
from packetgen.inputs.yaml_files import line_of, load_yaml_document
from packetgen.outputs import OutputFolder
from packetgen.printing import staleness
from packetgen.render import font_files
from packetgen.render.fonts import SETTING_FILE, load_setting

MEETING_FILE = "meeting.yaml"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)  # ASCII digits only; whole text (fullmatch)
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s]+')


@functools.cache
def code_version() -> str:
    """packetgen's version and a digest of its own source: a changed renderer must rebuild even
    when nobody remembered to raise the version number."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


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
    builder: DocumentBuilder
    context: BuildContext

    @property
    def output_name(self) -> str:
        """資料No.1-1_デジタル田園都市国家構想総合戦略の概要.pptx; the agenda has no 資料 label."""
        stem = f"資料{self.entry.label}_{self.entry.title}" if self.entry.label else self.entry.title
        return _UNSAFE_NAME.sub("_", stem) + self.builder.suffix


@dataclass(frozen=True)
class BuiltDocument:
    planned: PlannedDocument
    data: bytes
    seconds: float

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


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
        due = meeting.printing.due if meeting is not None else None
        if meeting is not None and due is not None and due >= meeting.start:
            problems.append(
                Problem(
                    self.meeting_label,
                    f"納期 {due:%Y-%m-%d %H:%M} が会議の開始（{meeting.start:%Y-%m-%d %H:%M}）より前になっていません",
                    line_of(node, ("印刷", "納期")),
                    "印刷.納期",
                )
            )
        if meeting is not None and meeting.when.day != self.date:
            problems.append(
                Problem(
                    self.meeting_label,
                    f"日時.日付（{meeting.when.day.isoformat()}）がフォルダ名の日付と違います",
                    column="日時.日付",
                )
            )
        if meeting is not None:
            problems += self._entry_problems(meeting)
        try:
            self.fonts = load_setting(self.project)
        except InputError as exc:
            problems += exc.problems
        if problems or meeting is None:
            raise InputError(problems)
        self.meeting: Meeting = meeting

    def _entry_problems(self, meeting: Meeting) -> list[Problem]:
        problems = []
        for i, entry in enumerate(meeting.documents, start=1):
            where = f"資料[{i}]"
            builder = REGISTRY.get(entry.id)
            if builder is None:
                problems.append(
                    Problem(
                        self.meeting_label,
                        f"id「{entry.id}」の文書はありません（使える id：{'、'.join(REGISTRY)}）",
                        column=f"{where}.id",
                    )
                )
                continue
            for role in builder.roles:
                if role not in entry.inputs:
                    problems.append(
                        Problem(
                            self.meeting_label, f"入力「{role}」のファイルを指定してください", column=f"{where}.入力"
                        )
                    )
        return problems

    # --- the documents -----------------------------------------------------------------------
    def plan(self, only: Iterable[str] = ()) -> list[PlannedDocument]:
        """The documents to build, in meeting order; ``only`` selects ids (unknown ids are refused)."""
        wanted = list(dict.fromkeys(only))
        known = [e.id for e in self.meeting.documents]
        unknown = [i for i in wanted if i not in known]
        if unknown:
            raise PacketError(
                f"資料 id「{'、'.join(unknown)}」はこの会議にありません（この会議の資料：{'、'.join(known)}）"
            )
        return [
            PlannedDocument(entry, REGISTRY[entry.id](), self._context(entry))
            for entry in self.meeting.documents
            if not wanted or entry.id in wanted
        ]

    def _context(self, entry: DocumentEntry) -> BuildContext:
        return BuildContext(self.project, self.meeting_dir, self.meeting, entry, self.meeting_label, self.fonts)

    def check(self, only: Iterable[str] = ()) -> list[tuple[PlannedDocument, Any]]:
        """Load and validate every selected document's inputs; raise one error listing all problems."""
        problems: list[Problem] = []
        plan = self.plan(only)
        problems += self._outside_links(plan)
        if problems:
            raise InputError(problems)
        loaded = [(doc, doc.builder.load(doc.context, problems)) for doc in plan]
        if problems:
            raise InputError([self._with_hint(p) for p in problems])
        font_files.require(self.fonts)  # the fonts the files name must be here: fitting and print use them
        return loaded

    def _outside_links(self, plan: list[PlannedDocument]) -> list[Problem]:
        """An input or template that is a link to a file outside the project is refused: what a
        meeting reads stays in its project (meeting.yaml's paths are checked for .. already)."""
        root = self.project.resolve()
        problems = []
        for doc in plan:
            paths = [(doc.context.input_label(r), doc.context.input_path(r)) for r in sorted(doc.entry.inputs)]
            paths += [(f"templates/{n}", doc.context.template_path(n)) for n in doc.builder.templates]
            for label, path in paths:
                target = path.resolve()
                if path.exists() and not target.is_relative_to(root):
                    message = f"プロジェクトの外のファイル（{target}）へのリンクです。ファイルをコピーしてください"
                    problems.append(Problem(label, message))
        return problems

    # --- inputs no document reads, and a missing input's look-alike -----------------------------
    def _roles(self) -> dict[str, tuple[str, str]]:
        """Each input file (relative to the meeting folder) → (document id, role)."""
        return {name: (e.id, role) for e in self.meeting.documents for role, name in e.inputs.items()}

    def _with_hint(self, problem: Problem) -> Problem:
        """A missing input file: name a file of the folder that looks like it and how to point at it."""
        prefix = f"inputs/{self.key}/"
        if not problem.message.startswith("ファイルが見つかりません") or not problem.file.startswith(prefix):
            return problem
        name = problem.file.removeprefix(prefix)
        doc_id, role = self._roles().get(name, ("", ""))
        path = Path(name)
        found = sorted(p for p in (self.meeting_dir / path.parent).glob(f"{path.stem}.*") if p.name != path.name)
        if not found or not role:
            return problem
        other = (path.parent / found[0].name).as_posix()
        hint = (
            f"。同じフォルダに {found[0].name} があります。これを使うときは {MEETING_FILE} の資料「{doc_id}」の"
            f" 入力.{role} を「{other}」にしてください"
        )
        return Problem(problem.file, problem.message + hint, problem.row, problem.column)

    def deck_fact_notices(self, only: Iterable[str] = ()) -> list[str]:
        """注意 lines: a deck's cover title that differs from its 名称, a KPI two slides disagree on."""
        from packetgen.analysis.slide_facts import deck_fact_notices
        from packetgen.inputs.slides import DeckSource

        out = []
        for doc in self.plan(only):
            role = "スライド"
            if role not in doc.entry.inputs:
                continue
            label = doc.context.input_label(role)
            source, node = load_yaml_document(doc.context.input_path(role), label, DeckSource, [])
            if source is not None:
                out += deck_fact_notices(source, doc.entry.title, label, lambda loc, n=node: line_of(n, loc))
        return out

    def unused_inputs(self) -> list[str]:
        """注意 lines: a table or text file of the meeting folder that no document reads (with the role
        it probably fills: a document's input of the same name with another extension)."""
        used = self._roles()
        by_stem = {Path(name).with_suffix("").as_posix(): name for name in used}
        out = []
        for path in sorted(self.meeting_dir.rglob("*")):
            name = path.relative_to(self.meeting_dir).as_posix()
            if (
                not path.is_file()
                or path.suffix.lower() not in (".csv", ".xlsx", ".yaml", ".yml", ".txt")
                or name == MEETING_FILE
                or name in used
                or any(part.startswith(".") for part in Path(name).parts)
            ):
                continue
            twin = by_stem.get(Path(name).with_suffix("").as_posix())
            guess = (
                f"資料「{used[twin][0]}」の{used[twin][1]}（今は {twin} を読んでいます）の別の版のようです。"
                f"こちらを使うときは {MEETING_FILE} の入力.{used[twin][1]} を「{name}」にしてください"
                if twin
                else f"使うときは {MEETING_FILE} の資料の入力に書いてください"
            )
            out.append(f"注意：inputs/{self.key}/{name} はどの資料も読んでいません。{guess}")
        return out

    def font_notices(self, only: Iterable[str] = ()) -> list[str]:
        """One line per template that chooses fonts the font setting overrides (never silently)."""
        from packetgen.render.ooxml_fonts import audit  # lxml only when templates are read

        notices = []
        templates = dict.fromkeys(name for doc in self.plan(only) for name in doc.builder.templates)
        for name in templates:
            path = self.project / "templates" / name
            try:
                chosen = audit(path.read_bytes(), self.fonts)
            except Exception:
                continue  # a missing or broken template is reported by the build itself
            if chosen:
                notices.append(
                    f"注意：templates/{name} はフォント「{'」「'.join(chosen)}」を指定していますが、"
                    f"フォント設定（{self.fonts.source}）の{self.fonts.describe()}で作成します。"
                    f"書体を変えるときは {self.fonts.source} を編集してください"
                )
        return notices

    def verify(self, only: Iterable[str] = (), notices: list[str] | None = None) -> list[PlannedDocument]:
        """Validate the inputs and render every selected document in memory (so a slide that does
        not fit is reported too), writing nothing; the builders' 注意 go into ``notices``."""
        loaded = self.check(only)
        for doc, data in loaded:
            doc.builder.render(doc.context, data)
            if notices is not None:
                notices += doc.builder.notices(data)
        return [doc for doc, _ in loaded]

    def fingerprint(self, doc: PlannedDocument) -> str | None:
        """A hash of everything a document is made from: its inputs, the meeting file, its templates
        and packetgen itself. None when an input is missing (the build then reports it)."""
        digest = hashlib.sha256(f"{code_version()}\0{doc.entry.model_dump_json()}\0".encode())
        paths = [self.meeting_dir / MEETING_FILE, self.project / "templates" / SETTING_FILE]
        paths += [doc.context.input_path(role) for role in sorted(doc.entry.inputs)]
        paths += [doc.context.template_path(name) for name in doc.builder.templates]
        for path in paths:
            try:
                digest.update(path.read_bytes())
            except OSError:
                return None
            digest.update(b"\0")
        return digest.hexdigest()

    @property
    def folder(self) -> OutputFolder:
        return OutputFolder(self.project / "outputs", self.key)

    def build(
        self,
        only: Iterable[str] = (),
        progress: Callable[[BuiltDocument], None] | None = None,
        force: bool = False,
        skipped: Callable[[PlannedDocument], None] | None = None,
        notice: Callable[[str], None] | None = None,
    ) -> list[BuiltDocument]:
        """Build the selected documents whose inputs changed (all with ``force``); the outputs folder
        changes in one atomic step, after every document validated and rendered."""
        folder = self.folder
        with folder.locked():
            previous = manifest.read(self.output_dir)
            records = manifest.documents_by_id(previous)
            plan = self.plan(only)
            prints = {d.entry.id: self.fingerprint(d) for d in plan}
            todo = []
            for doc in plan:
                record = records.get(doc.entry.id, {})
                current = self.output_dir / doc.output_name
                fresh = (
                    not force
                    and prints[doc.entry.id] is not None
                    and record.get("inputs_sha256") == prints[doc.entry.id]
                    and record.get("path") == doc.output_name
                    and current.is_file()
                    and hashlib.sha256(current.read_bytes()).hexdigest() == record.get("sha256")
                )
                if fresh:
                    if skipped:
                        skipped(doc)
                else:
                    todo.append(doc)
            if not todo:
                return []
            built = []
            for doc, data in self.check([d.entry.id for d in todo]):
                started = time.perf_counter()
                result = BuiltDocument(doc, doc.builder.render(doc.context, data), time.perf_counter() - started)
                built.append(result)
            # print data made from an older version of a rebuilt document goes in the same commit
            changed = {b.planned.entry.id: (b.planned.entry.short_name, b.sha256) for b in built}
            withdrawal = staleness.withdraw(self.output_dir, self.key, copy.deepcopy(previous), changed)
            files: dict[str, bytes | Path] = {b.planned.output_name: b.data for b in built}
            data, stale = self._manifest(withdrawal.manifest, built, prints)
            changes = self._text_snapshot(previous, data, built)  # for packetgen diff and the summary
            files[manifest.NAME] = manifest.dumps(data)
            if withdrawal.any:  # the preview page shows the withdrawn previews: it goes with them
                withdrawal.files |= {f for f in ("print/preview/index.html",) if (self.output_dir / f).exists()}
            folder.commit(files, remove=stale | withdrawal.files)
        for result in built:
            if progress:
                progress(result)
        for line in changes if notice else ():
            notice(f"  {line}")
        if withdrawal.any and notice:
            notice(staleness.message(withdrawal, self.key))
        return built

    def _text_snapshot(self, previous: dict[str, Any], data: dict[str, Any], built: list[BuiltDocument]) -> list[str]:
        """The text per slide/page/sheet of the files this build leaves, in the manifest's review block
        (for packetgen diff); returns one line per document whose text changed, for the summary."""
        from packetgen.review import diff, text

        kept = text.kept(previous, "built")
        before = kept if kept is not None else text.current(self.output_dir, previous.get("documents", []))
        known = dict(before)
        records = manifest.documents_by_id(data)
        for b in built:
            known[b.planned.entry.id] = text.document_text(records[b.planned.entry.id], b.data)
        after = text.current(self.output_dir, data["documents"], known)
        data[text.REVIEW] = {"built": after}
        return diff.summaries(diff.compare(before, after)) if before else []

    def _manifest(
        self, previous: dict[str, Any], built: list[BuiltDocument], prints: dict[str, str | None]
    ) -> tuple[dict[str, Any], set[str]]:
        """The next manifest, and the files of earlier builds that no document makes any more."""
        records = manifest.documents_by_id(previous)
        fresh = {
            b.planned.entry.id: {
                "id": b.planned.entry.id,
                "title": b.planned.entry.title,
                "label": b.planned.entry.label,
                "path": b.planned.output_name,
                "sha256": b.sha256,
                "bytes": len(b.data),
                "inputs_sha256": prints.get(b.planned.entry.id),
            }
            for b in built
        }
        for doc_id, record in fresh.items():  # a PDF still made from these very bytes stays described
            old = records.get(doc_id, {})
            if old.get("pdf_source_sha256") == record["sha256"]:
                record |= {k: old[k] for k in staleness.PDF_KEYS if k in old}
        documents = []
        for entry in self.meeting.documents:  # meeting order; keep documents this build did not touch
            record = fresh.get(entry.id) or records.get(entry.id)
            if (record and (self.output_dir / record["path"]).is_file()) or entry.id in fresh:
                documents.append(record)
        # a file an earlier build made under another name (a renamed or removed document) goes away;
        # only files the manifest lists as ours are ever deleted
        current = {d["path"] for d in documents}
        stale = {
            old["path"]
            for old in records.values()
            if isinstance(old.get("path"), str) and old["path"] not in current and "/" not in old["path"]
        }
        data = {
            "meeting": {"date": self.key, "title": self.meeting.full_title},
            "generator": {"name": "packetgen", "version": code_version()},
            "documents": documents,
        }
        for block in ("print", "print_withdrawn"):  # the print hand-off stays described until redone
            if block in previous:
                data[block] = previous[block]
        return data, stale

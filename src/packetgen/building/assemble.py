"""Assemble documents in memory: read and validate every selected document's inputs, reporting all
problems at once, then render them to bytes. Nothing here writes a file.

A build loads every document, then renders each, on the machine's cores (``made``;
core/platform/workers.py): a worker imports only what its documents need, while the others load.
The error told: all the input problems (nothing is rendered then), then a missing font, then the
first document in meeting order that did not render.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from packetgen.building.packet import MEETING_FILE, Packet, PlannedDocument
from packetgen.core.errors import InputError, PacketError, Problem
from packetgen.core.platform.workers import map_in_two_steps
from packetgen.render import font_files

R = TypeVar("R")


@dataclass(frozen=True)
class Loaded:
    doc: PlannedDocument
    data: Any  # what the document's builder loaded: validated inputs


def load(packet: Packet, plan: list[PlannedDocument]) -> list[Loaded]:
    """Load and validate every planned document's inputs, here; raise one error listing all problems
    (or the missing font: the fonts the files name must be here, fitting and print use them)."""
    return made(packet, plan, _as_loaded, on_cores=False)


def render(item: Loaded) -> bytes:
    return item.doc.builder.render(item.doc.context, item.data)


def made(packet: Packet, plan: list[PlannedDocument], make: Callable[[Loaded], R], on_cores: bool = True) -> list[R]:
    """Load and validate every planned document, then ``make`` each (render it, say), side by side
    where the machine has the cores (``on_cores``: else here, one by one); raise all the input problems
    (nothing is made then), then a missing font, then the first error of ``make`` in meeting order."""
    problems = outside_links(packet, plan)
    if problems:
        raise InputError(problems)
    try:
        font_files.require(packet.fonts)
        fonts = None
    except PacketError as error:
        fonts = error  # said after the input problems
    finish = partial(_make_loaded, make) if fonts is None else None
    reports, results = map_in_two_steps(_load_one, finish, plan, on_cores)
    problems = [p for report in reports for p in report]
    if problems:
        raise InputError([_with_hint(packet, p) for p in problems])
    if fonts is not None:
        raise fonts
    return results  # type: ignore[return-value]


def _as_loaded(item: Loaded) -> Loaded:
    return item


def _load_one(doc: PlannedDocument) -> tuple[list[Problem], Any]:
    problems: list[Problem] = []
    data = doc.builder.load(doc.context, problems)
    return problems, data


def _make_loaded(make: Callable[[Loaded], R], doc: PlannedDocument, data: Any) -> R:
    return make(Loaded(doc, data))


def outside_links(packet: Packet, plan: list[PlannedDocument]) -> list[Problem]:
    """An input or template that is a link to a file outside the project is refused: what a
    meeting reads stays in its project (meeting.yaml's paths are checked for .. already)."""
    root = packet.project.resolve()
    problems = []
    for doc in plan:
        paths = [(doc.context.input_label(r), doc.context.input_path(r)) for r in sorted(doc.entry.inputs)]
        paths += [(f"templates/{n}", doc.context.template_path(n)) for n in doc.kind.templates]
        for label, path in paths:
            target = path.resolve()
            if path.exists() and not target.is_relative_to(root):
                message = f"プロジェクトの外のファイル（{target}）へのリンクです。ファイルをコピーしてください"
                problems.append(Problem(label, message))
    return problems


def _with_hint(packet: Packet, problem: Problem) -> Problem:
    """A missing input file: name a file of the folder that looks like it and how to point at it."""
    prefix = f"inputs/{packet.key}/"
    if not problem.message.startswith("ファイルが見つかりません") or not problem.file.startswith(prefix):
        return problem
    name = problem.file.removeprefix(prefix)
    doc_id, role = packet.roles().get(name, ("", ""))
    path = Path(name)
    found = sorted(p for p in (packet.meeting_dir / path.parent).glob(f"{path.stem}.*") if p.name != path.name)
    if not found or not role:
        return problem
    other = (path.parent / found[0].name).as_posix()
    hint = (
        f"。同じフォルダに {found[0].name} があります。これを使うときは {MEETING_FILE} の資料「{doc_id}」の"
        f" 入力.{role} を「{other}」にしてください"
    )
    return Problem(problem.file, problem.message + hint, problem.row, problem.column)


@dataclass(frozen=True)
class Verified:
    """A document checked in memory: its builder's 注意 about the data and about what it rendered."""

    doc: PlannedDocument
    notices: list[str]
    report: list[str]


def verify(packet: Packet, plan: list[PlannedDocument]) -> list[Verified]:
    """Validate the inputs and render every planned document in memory (so a slide that does not fit
    is reported too), on the machine's cores as a build does, writing nothing."""
    said = made(packet, plan, _notices_and_report)
    return [Verified(doc, notices, report) for doc, (notices, report) in zip(plan, said, strict=True)]


def _notices_and_report(item: Loaded) -> tuple[list[str], list[str]]:
    builder = item.doc.builder
    report = builder.report(item.doc.context, item.data, render(item))
    return list(builder.notices(item.data)), list(report)

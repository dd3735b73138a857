"""Build: render the planned documents whose inputs changed (side by side on the machine's cores:
assemble.made), and commit them with the manifest and the withdrawal of print data they make stale,
in one atomic step (building/outputs.py). A failed or killed build leaves the previous outputs
untouched.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from packetgen.building import assemble, outdated, withdrawal
from packetgen.building.outputs import say_now
from packetgen.building.packet import Packet, PlannedDocument
from packetgen.core import manifest
from packetgen.core.manifest import DocumentRecord, Generator, Manifest, Meeting, Review, TextUnit
from packetgen.render import office_text


@dataclass(frozen=True)
class BuiltDocument:
    planned: PlannedDocument
    data: bytes
    seconds: float
    units: list[TextUnit]  # its text per slide, page or sheet (the manifest's review block)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Progress:
    """What a build tells as it goes: each document made, each left as it was, and waits."""

    built: Callable[[BuiltDocument], None] = lambda _: None
    unchanged: Callable[[PlannedDocument], None] = lambda _: None
    say: Callable[[str], None] = say_now


@dataclass
class BuildResult:
    built: list[BuiltDocument] = field(default_factory=list)
    before: office_text.Snapshot | None = None  # the text of the documents before, and after, this build
    after: office_text.Snapshot | None = None
    withdrawn: withdrawal.Withdrawal | None = None  # print data this build made stale and removed


def build(
    packet: Packet,
    plan: list[PlannedDocument],
    force: bool = False,
    progress: Progress = Progress(),
    held: bool = False,
) -> BuildResult:
    """Build the planned documents whose inputs changed (all with ``force``); the outputs folder
    changes in one atomic step, after every document validated and rendered. ``held``: the caller
    holds the meeting's lock already (print builds first)."""
    if held:
        result = _build(packet, plan, force, progress)
    else:
        with packet.folder.locked(progress.say):
            result = _build(packet, plan, force, progress)
    for built in result.built:
        progress.built(built)
    return result


def _build(packet: Packet, plan: list[PlannedDocument], force: bool, progress: Progress) -> BuildResult:
    previous = manifest.read(packet.output_dir)
    records = previous.by_id()
    prints = {d.id: outdated.fingerprint(packet, d) for d in plan}
    todo = []
    for doc in plan:
        if not force and outdated.office_file_fresh(packet, doc, records.get(doc.id), prints[doc.id]):
            progress.unchanged(doc)
        else:
            todo.append(doc)
    if not todo:
        return BuildResult()
    built = [BuiltDocument(doc, *made) for doc, made in zip(todo, assemble.made(packet, todo, _made), strict=True)]
    # print data made from an older version of a rebuilt document goes in the same commit
    changed = {b.planned.id: (b.planned.entry.short_name, b.sha256) for b in built}
    withdrawn = withdrawal.withdraw(packet.output_dir, packet.key, previous, changed)
    files = {b.planned.output_name: b.data for b in built}
    data, stale = _manifest(packet, withdrawn.manifest, built, prints)
    before, after = _text_snapshot(packet, previous, data, built)
    data = data.model_copy(update={"review": Review(built=after)})
    files[manifest.NAME] = manifest.dumps(data, review_last=True)
    if withdrawn.any:  # the preview page shows the withdrawn previews: it goes with them
        withdrawn.files |= {f for f in ("print/preview/index.html",) if (packet.output_dir / f).exists()}
    packet.folder.commit(files, remove=stale | withdrawn.files)
    return BuildResult(built, before, after, withdrawn)


def _made(item: assemble.Loaded) -> tuple[bytes, float, list[TextUnit]]:
    """One document rendered (in a worker process where the machine has cores to spare): its bytes,
    the seconds it took, and its text units."""
    started = time.perf_counter()
    data = assemble.render(item)
    seconds = time.perf_counter() - started
    return data, seconds, office_text.units_of(item.doc.output_name, data)


def _text_snapshot(
    packet: Packet, previous: Manifest, data: Manifest, built: list[BuiltDocument]
) -> tuple[office_text.Snapshot | None, office_text.Snapshot]:
    """The text per slide/page/sheet of the files this build leaves (``data``: the next manifest,
    whose review block keeps it for packetgen diff), and the text before this build (None before
    any build)."""
    out = packet.output_dir
    kept = previous.built_text
    before = kept if kept is not None else office_text.current(out, previous.documents)
    known = dict(before)
    records = data.by_id()
    for b in built:
        known[b.planned.id] = office_text.document_text(records[b.planned.id], b.units)
    after = office_text.current(out, data.documents, known)
    return (before or None), after


def _manifest(
    packet: Packet, previous: Manifest, built: list[BuiltDocument], prints: dict[str, str | None]
) -> tuple[Manifest, set[str]]:
    """The next manifest (its review block still to add), and the files of earlier builds that no
    document makes any more."""
    records = previous.by_id()
    fresh = {b.planned.id: _record(b, prints.get(b.planned.id), records.get(b.planned.id)) for b in built}
    documents = []
    for entry in packet.meeting.documents:  # meeting order; keep documents this build did not touch
        record = fresh.get(entry.id) or records.get(entry.id)
        if record is not None and (entry.id in fresh or (packet.output_dir / record.path).is_file()):
            documents.append(record)
    # a file an earlier build made under another name (a renamed or removed document) goes away;
    # only files the manifest lists as ours are ever deleted
    current = {d.path for d in documents}
    stale = {old.path for old in records.values() if old.path not in current and "/" not in old.path}
    data = Manifest(
        meeting=Meeting(date=packet.key, title=packet.meeting.full_title),
        generator=Generator(name="packetgen", version=outdated.code_version()),
        documents=tuple(documents),
        print=previous.print,  # the print hand-off stays described until redone
        print_withdrawn=previous.print_withdrawn,
    )
    return data, stale


def _record(built: BuiltDocument, made_of: str | None, old: DocumentRecord | None) -> DocumentRecord:
    """A built document's record; a PDF still made from these very bytes stays described."""
    entry = built.planned.entry
    sha256 = built.sha256
    printed = old.printed if old is not None else None
    return DocumentRecord(
        id=entry.id,
        title=entry.title,
        label=entry.label,
        kind=built.planned.kind.name,
        path=built.planned.output_name,
        sha256=sha256,
        bytes=len(built.data),
        inputs_sha256=made_of,
        printed=printed if printed is not None and printed.pdf_source_sha256 == sha256 else None,
    )

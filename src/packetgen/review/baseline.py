"""What ``packetgen diff`` compares: the meeting's documents as they are now — the text the last build
kept, or, for a document whose inputs, templates or packetgen changed since, the document assembled
in memory from its inputs (as ``check`` does; no LibreOffice, nothing written) — with the text kept
by the last print (printed/office.json, the default), by the last build (the manifest's review block,
``--since build``), or by another meeting's build (``--against``: its documents paired with this
meeting's by 資料番号, 名称 and text, review/pairing.py, not by id).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packetgen.building import assemble, outdated
from packetgen.building.packet import Packet, parse_meeting_date
from packetgen.core import manifest
from packetgen.core.errors import PacketError
from packetgen.core.manifest import DocumentRecord
from packetgen.render import office_text as text
from packetgen.review import diff


@dataclass
class Comparison:
    meeting: str
    since: str  # print, build, or the other meeting's date
    description: str
    changes: list[diff.DocumentChange] = field(default_factory=list)
    note: str = ""  # said instead of changes when there is no baseline
    unbuilt: list[str] = field(default_factory=list)  # documents compared as assembled from their inputs

    def as_json(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting,
            "since": self.since,
            "description": self.description,
            "note": self.note,
            "not_built_yet": self.unbuilt,
            "documents": [document_json(change) for change in self.changes],
        }


def document_json(change: diff.DocumentChange) -> dict[str, Any]:
    """A document's entry of ``--json``: its name, how it was paired with the document it is compared
    with (``before``: that one's id, name and title; null when it is new) and what changed."""
    units = []
    for unit in change.units:
        entry: dict[str, Any] = {"label": unit.label, "status": unit.status}
        if unit.before_label and unit.before_label != unit.label:
            entry["before_label"] = unit.before_label
        if unit.lines:
            entry["lines"] = [
                {
                    "status": line.status,
                    "before": line.before,
                    "after": line.after,
                    "changes": [{"before": p.before, "after": p.after} for p in line.pieces if not p.same],
                }
                for line in unit.lines
            ]
        units.append(entry)
    before = {"id": change.before_id, "name": change.before_name, "title": change.before_title}
    return {
        "id": change.id,
        "name": change.name,
        "title": change.title,
        "status": change.status,
        "summary": diff.summary(change),
        "paired_by": change.paired_by,
        "before": before if change.before_id else None,
        "units": units,
    }


def _built_text(output_dir: Path, key: str) -> text.Snapshot:
    data = manifest.read(output_dir)
    if not data.documents:
        raise PacketError(f"outputs/{key}/ に資料がありません。先に packetgen build {key} を実行してください")
    return text.current(output_dir, data.documents, data.built_text)


def current_text(project: Path, key: str) -> tuple[text.Snapshot, list[str]]:
    """The text of every document of the meeting as its inputs make it now, and the names of those
    not built yet in that state (assembled in memory for the comparison)."""
    packet = Packet(project, key)
    plan = packet.plan()
    kept = manifest.read(packet.output_dir)
    built = text.current(packet.output_dir, kept.documents, kept.built_text)
    records = kept.by_id()
    result: text.Snapshot = {}
    stale = []
    for doc in plan:
        made_of = outdated.fingerprint(packet, doc)
        if doc.id in built and outdated.office_file_fresh(packet, doc, records.get(doc.id), made_of):
            result[doc.id] = built[doc.id]
        else:
            stale.append(doc)
    names = []
    for item in assemble.load(packet, stale) if stale else ():
        rendered = assemble.render(item)
        entry = item.doc.entry
        digest = hashlib.sha256(rendered).hexdigest()
        path, size = item.doc.output_name, len(rendered)
        record = DocumentRecord(
            id=entry.id,
            title=entry.title,
            label=entry.label,
            kind=item.doc.kind.name,
            path=path,
            sha256=digest,
            bytes=size,
        )
        result[entry.id] = text.document_text(record, text.units_of(path, rendered))
        names.append(result[entry.id]["name"])
    return {d.id: result[d.id] for d in plan if d.id in result}, names


def compare(project: Path, key: str, since: str = "print", against: str | None = None) -> Comparison:
    parse_meeting_date(key)
    outputs = project.resolve() / "outputs"
    if against is not None:
        parse_meeting_date(against)
        before = _built_text(outputs / against, against)
        after, unbuilt = current_text(project, key)
        described = f"{against} の会議の資料 → {key} の会議の資料（この会議で変わったもの）"
        return Comparison(key, against, described, diff.compare_meetings(before, after), unbuilt=unbuilt)
    if since == "build":
        before = _built_text(outputs / key, key)
        after, unbuilt = current_text(project, key)
        described = f"前回の作成（outputs/{key}/）→ 現在の入力"
        return Comparison(key, since, described, diff.compare(before, after), unbuilt=unbuilt)
    described = f"前回の印刷（outputs/{key}/printed/）→ 現在の入力"
    kept = text.load(outputs / key / text.PRINTED_OFFICE)
    if kept is None:
        _built_text(outputs / key, key)  # before any build, say to build first
        note = f"前回の印刷の記録がありません（packetgen print {key} で作られます）。前回の作成との比較は --since build"
        return Comparison(key, since, described, note=note)
    after, unbuilt = current_text(project, key)
    return Comparison(key, since, described, diff.compare(kept, after), unbuilt=unbuilt)

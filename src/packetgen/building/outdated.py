"""Is it up to date? The one place that decides, for every kind of output:

- an Office file: made from these very inputs, templates and packetgen, and still the recorded bytes;
- a print PDF: made from the Office file now there, and still the recorded bytes (it was checked when
  it was made);
- the print hand-off as a whole: made from the current meeting file, font setting and Office files.

Each answer compares what the manifest records with what the files are now; nothing here writes.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from packetgen import __version__
from packetgen.building.layout import PRINT_DIR
from packetgen.building.packet import MEETING_FILE, Packet, PlannedDocument
from packetgen.core.fonts import SETTING_FILE
from packetgen.core.manifest import DocumentRecord, Manifest, PrintBlock


@functools.cache
def code_version() -> str:
    """packetgen's version and a digest of its own source: a changed renderer must rebuild even
    when nobody remembered to raise the version number."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fingerprint(packet: Packet, doc: PlannedDocument) -> str | None:
    """A hash of everything a document is made from: its inputs, the meeting file, its templates
    and packetgen itself. None when an input is missing (the build then reports it)."""
    meeting = _meeting_as_read(packet, with_ids=doc.kind.cites_documents)
    digest = hashlib.sha256(f"{code_version()}\0{doc.entry.model_dump_json()}\0{meeting}\0".encode())
    paths = [packet.project / "templates" / SETTING_FILE]
    paths += [doc.context.input_path(role) for role in sorted(doc.entry.inputs)]
    paths += [doc.context.template_path(name) for name in doc.kind.templates]
    if doc.kind.names_files:
        paths += [path for _, path in doc.builder.named_files(doc.context)]
    for path in paths:
        try:
            digest.update(path.read_bytes())
        except OSError:
            return None
        digest.update(b"\0")
    return digest.hexdigest()


def _meeting_as_read(packet: Packet, with_ids: bool) -> str:
    """What a document may read of meeting.yaml: all of it but the 資料 entries (its own is hashed
    apart), the print order and 元の会議 (read by print and check); ``with_ids``: the ids of every 資料,
    for a kind that cites them (a document removed must be checked against the citing page). A comment,
    the 部数 or another document's 名称 changed rebuilds no document; a new date or 場所 rebuilds all."""
    meeting = packet.meeting
    read = meeting.model_dump(mode="json", exclude={"documents", "printing", "previous"})
    if with_ids:
        read["ids"] = [entry.id for entry in meeting.documents]
    return json.dumps(read, ensure_ascii=False, sort_keys=True)


def office_file_fresh(packet: Packet, doc: PlannedDocument, record: DocumentRecord | None, made_of: str | None) -> bool:
    """Whether the document's Office file is there as recorded and made from what ``made_of`` (its
    fingerprint) says it is made of now."""
    current = packet.output_dir / doc.output_name
    return (
        made_of is not None
        and record is not None
        and record.inputs_sha256 == made_of
        and record.path == doc.output_name
        and current.is_file()
        and sha256(current) == record.sha256
    )


def pdf_reusable(out: Path, doc: PlannedDocument, record: DocumentRecord | None, source_sha256: str) -> bool:
    """Whether the document's print PDF is there, as recorded, and made from the Office file whose
    checksum is ``source_sha256`` (a reused PDF was checked when it was made)."""
    name = f"{PRINT_DIR}/{doc.pdf_name}"
    printed = record.printed if record is not None else None
    return (
        (out / name).is_file()
        and printed is not None
        and printed.pdf == name
        and printed.pdf_sha256 == sha256(out / name)
        and printed.pdf_source_sha256 == source_sha256
    )


def print_key(packet: Packet, data: Manifest) -> str:
    """Everything the print data is made from: packetgen, the meeting file (its 印刷 settings), the
    font setting and each Office file (as the manifest ``data`` records them)."""
    digest = hashlib.sha256(code_version().encode())
    for path in (packet.meeting_dir / MEETING_FILE, packet.project / "templates" / SETTING_FILE):
        digest.update(path.read_bytes() + b"\0")
    for record in data.documents:
        digest.update(f"{record.id}\0{record.sha256}\0".encode())
    return digest.hexdigest()


def print_block_fresh(packet: Packet, key: str, data: Manifest) -> PrintBlock | None:
    """The print block when every print file is there as recorded and made from the current inputs."""
    block = data.print
    if block is None or block.key != key:
        return None
    for rel, digest in block.files.items():
        path = packet.output_dir / rel
        if not path.is_file() or sha256(path) != digest:
            return None
    return block

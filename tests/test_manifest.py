"""The typed manifest (core/manifest.py): the JSON read and written back byte for byte, the record's
flat print part, what a damaged file reads as, and a withdrawal that leaves the manifest it is given
as it was. Unit-level (no build), so mutation testing runs it; the manifests of a real build and print
are test_manifest_files.py's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import DATE
from packetgen.building import withdrawal
from packetgen.core import manifest

PRINT_PART = {
    "pages": 3,
    "pdf": "print/次第.pdf",
    "pdf_sha256": "p" * 64,
    "pdf_source_sha256": "a" * 64,
    "pdf_landscape": False,
}
RECORD = {
    "id": "agenda",
    "title": "次第・参加者名簿",
    "label": "",
    "kind": "次第",
    "path": "次第.docx",
    "sha256": "a" * 64,
    "bytes": 40417,
    "inputs_sha256": None,
}
PRINT_BLOCK = {
    "key": "k" * 64,
    "packet": "print/packet.pdf",
    "pages": 4,
    "documents": 1,
    "copies": 26,
    "copies_note": "委員16名＋予備10部＝26部",
    "sheets": 52,
    "order": "print/印刷発注書.pdf",
    "zip": f"印刷データ_{DATE}.zip",
    "to_fill": ["電話"],
    "files": {"print/packet.pdf": "f" * 64},
}
TEXT = {
    "name": "次第・参加者名簿",
    "title": "次第・参加者名簿",
    "file": "次第.docx",
    "sha256": "a" * 64,
    "reader": 2,
    "kind": "page",
    "units": [{"label": "ページ1", "text": "次 第\n1 開 会"}],
}


def as_file(data: dict) -> bytes:
    """The JSON as the build writes it."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def whole(**blocks: object) -> dict:
    return {
        "meeting": {"date": DATE, "title": "有識者会議"},
        "generator": {"name": "packetgen", "version": "0.1.0+0123456789abcdef"},
        "documents": [RECORD | PRINT_PART, {**RECORD, "id": "1-1", "path": "1-1.pptx", "inputs_sha256": "i" * 64}],
        "review": {"built": {"agenda": TEXT}},
    } | blocks


# --- the JSON, byte for byte ---------------------------------------------------------------------


def test_every_block_round_trips_in_one_key_order() -> None:
    for blocks in ({"print": PRINT_BLOCK}, {"print_withdrawn": {"because": ["次第・参加者名簿"], "was": PRINT_BLOCK}}):
        raw = as_file(whole(**blocks))
        assert manifest.dumps(manifest.parse(raw)) == raw
    # whatever order a file had, a manifest is written meeting, generator, documents, review, print
    shuffled = dict(reversed(whole(print=PRINT_BLOCK).items()))
    assert manifest.dumps(manifest.parse(as_file(shuffled))) == as_file(whole(print=PRINT_BLOCK))


# --- the record's print part ---------------------------------------------------------------------


def test_the_print_part_is_one_object_in_python_and_flat_in_the_json() -> None:
    record = manifest.parse(as_file(whole())).documents[0]
    assert record.printed == manifest.PrintedPdf(**PRINT_PART)
    assert record.model_dump(mode="json") == RECORD | PRINT_PART
    assert list(record.model_dump(mode="json")) == list(RECORD) + list(PRINT_PART)
    unprinted = record.model_copy(update={"printed": None})
    assert unprinted.model_dump(mode="json") == RECORD
    assert tuple(PRINT_PART) == manifest.PRINT_PART


def test_a_partial_or_damaged_print_part_reads_as_not_printed() -> None:
    partial = {k: v for k, v in (RECORD | PRINT_PART).items() if k != "pdf_landscape"}
    damaged = RECORD | PRINT_PART | {"pages": "3"}  # strict: text is not a page count
    for record in (partial, damaged):
        (read,) = manifest.parse(json.dumps({"documents": [record]})).documents
        assert read.printed is None and read.sha256 == RECORD["sha256"]
        assert read.model_dump(mode="json") == RECORD


# --- what a damaged file reads as ----------------------------------------------------------------


def test_a_damaged_block_reads_as_absent_and_the_rest_is_kept() -> None:
    data = manifest.parse(as_file(whole(print={"key": "k"}, review={"built": {"agenda": {"name": 1}}}, meeting=[])))
    assert data.print is None and data.review is None and data.built_text is None and data.meeting is None
    assert data.generator is not None and [d.id for d in data.documents] == ["agenda", "1-1"]


def test_a_missing_or_unreadable_manifest_reads_as_empty(tmp_path: Path) -> None:
    assert manifest.read(tmp_path) == manifest.Manifest()
    assert manifest.read(tmp_path).built_text is None
    (tmp_path / manifest.NAME).write_bytes(as_file(whole())[:-20])  # cut short
    assert manifest.read(tmp_path) == manifest.Manifest()
    with pytest.raises(ValueError):
        manifest.parse(b'"documents"')


def test_the_models_are_frozen() -> None:
    data = manifest.parse(as_file(whole(print=PRINT_BLOCK)))
    with pytest.raises(ValidationError):
        data.print = None  # type: ignore[misc]
    with pytest.raises(ValidationError):
        data.documents[0].sha256 = "b" * 64  # type: ignore[misc]


# --- changes make a new manifest -----------------------------------------------------------------


def test_with_printed_sets_or_clears_print_parts_of_a_copy() -> None:
    data = manifest.parse(as_file(whole()))
    before = manifest.dumps(data)
    pdf = manifest.PrintedPdf(**(PRINT_PART | {"pdf": "print/1-1.pdf"}))
    changed = data.with_printed({"agenda": None, "1-1": pdf})
    assert [d.printed for d in changed.documents] == [None, pdf]
    assert manifest.dumps(data) == before


def test_withdrawal_returns_a_new_manifest_and_leaves_its_input_alone(tmp_path: Path) -> None:
    (tmp_path / "print").mkdir()
    for name in ("次第.pdf", "packet.pdf"):
        (tmp_path / "print" / name).write_bytes(b"%PDF")
    data = manifest.parse(as_file(whole(print=PRINT_BLOCK)))
    before = manifest.dumps(data)
    result = withdrawal.withdraw(tmp_path, DATE, data, {"agenda": ("次第・参加者名簿", "b" * 64)})
    assert manifest.dumps(data) == before  # the manifest given is as it was
    assert result.documents == ["次第・参加者名簿"]
    assert result.files == {"print/次第.pdf", "print/packet.pdf"}
    assert result.manifest.documents[0].printed is None and result.manifest.print is None
    assert result.manifest.print_withdrawn == manifest.Withdrawn(because=("次第・参加者名簿",), was=data.print)
    assert list(json.loads(manifest.dumps(result.manifest)))[-1] == "print_withdrawn"


def test_a_document_rebuilt_to_the_same_bytes_keeps_its_pdf_and_the_print(tmp_path: Path) -> None:
    (tmp_path / "print").mkdir()
    (tmp_path / "print" / "次第.pdf").write_bytes(b"%PDF")
    data = manifest.parse(as_file(whole(print=PRINT_BLOCK)))
    result = withdrawal.withdraw(tmp_path, DATE, data, {"agenda": ("次第・参加者名簿", "a" * 64)})
    assert not result.any and result.documents == [] and result.manifest is data


# --- an older or damaged file, and the JSON as written -----------------------------------------------


# a record as the first builds wrote it, before inputs_sha256
OLD_RECORD = {"id": "資料", "title": "t", "label": "", "path": "a.docx", "sha256": "s", "bytes": 1}


def test_a_missing_damaged_or_older_manifest_is_read_as_far_as_it_goes(tmp_path: Path) -> None:
    empty = manifest.Manifest()
    assert manifest.NAME == "manifest.json"
    assert manifest.read(tmp_path) == empty
    (tmp_path / "manifest.json").write_text("{not json", "utf-8")
    assert manifest.read(tmp_path) == empty
    (tmp_path / "manifest.json").write_text("[1, 2]", "utf-8")
    assert manifest.read(tmp_path) == empty
    (tmp_path / "manifest.json").write_text('{"documents": {"id": "agenda"}}', "utf-8")
    assert manifest.read(tmp_path) == empty
    # an older shape: a key no longer written is ignored, a record without inputs_sha256 is read
    (tmp_path / "manifest.json").write_text('{"version": "0.1.0"}', "utf-8")
    assert manifest.read(tmp_path) == empty
    older = {"version": "0.1.0", "documents": [OLD_RECORD]}
    (tmp_path / "manifest.json").write_text(json.dumps(older, ensure_ascii=False), "utf-8")
    (record,) = manifest.read(tmp_path).documents
    assert (record.id, record.path, record.sha256, record.bytes) == ("資料", "a.docx", "s", 1)
    assert record.inputs_sha256 is None and record.printed is None and record.kind == ""  # 種類 not recorded then
    (tmp_path / "manifest.json").write_bytes("{}".encode("cp932") + b"\xff")
    assert manifest.read(tmp_path) == empty


def test_by_id_skips_damaged_records() -> None:
    agenda = OLD_RECORD | {"id": "agenda", "inputs_sha256": "i"}
    data = {"documents": [agenda, {"name": "x"}, "text", OLD_RECORD | {"id": "1-1"}, {"id": "2"}]}
    by_id = manifest.parse(json.dumps(data)).by_id()
    assert {k: (r.id, r.inputs_sha256) for k, r in by_id.items()} == {"agenda": ("agenda", "i"), "1-1": ("1-1", None)}
    assert manifest.Manifest().by_id() == {}


def test_dumps_is_readable_japanese_with_a_final_newline() -> None:
    data = manifest.Manifest(meeting=manifest.Meeting(date="2023-07-27", title="次第"))
    expected = '{\n  "meeting": {\n    "date": "2023-07-27",\n    "title": "次第"\n  },\n  "documents": []\n}\n'
    assert manifest.dumps(data) == expected.encode()


def test_dumps_writes_the_review_block_last_for_a_build_and_before_the_print_for_a_print() -> None:
    block = manifest.PrintBlock(
        key="k", packet="packet.pdf", pages=1, documents=1, copies=1, copies_note="1部", sheets=1,
        order="印刷発注書.pdf", zip="印刷データ.zip", to_fill=(), files={},
    )  # fmt: skip
    data = manifest.Manifest(review=manifest.Review(built={}), print=block)
    assert list(json.loads(manifest.dumps(data))) == ["documents", "review", "print"]  # as a print writes it
    assert list(json.loads(manifest.dumps(data, review_last=True))) == ["documents", "print", "review"]  # a build
    no_review = manifest.Manifest(print=block)
    assert list(json.loads(manifest.dumps(no_review, review_last=True))) == ["documents", "print"]

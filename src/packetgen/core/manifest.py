"""outputs/DATE/manifest.json: what a build (and a print) produced, with checksums — typed.

The one module that reads or writes the JSON. A build writes ``meeting``, ``generator``, each
``documents`` record and the ``review`` block (the text of what it left, for ``packetgen diff``); a
print adds each record's print part and the ``print`` block; a build that makes print data stale
moves ``print`` to ``print_withdrawn``. The models are frozen: whoever changes a manifest makes a new
one (``model_copy``, ``with_printed``).

Reading forgives: a missing, unreadable or invalid file reads as an empty manifest (what it described
is rebuilt from what is known), and so does a file whose ``documents`` is not a list. Within a valid
file, a damaged record is left out (its document is built again), a damaged block reads as absent,
and a record's damaged or partial print part as not printed (its PDF is made again). Keys a model does
not know (an older shape's) are ignored, and a record from before ``inputs_sha256`` reads with None
(nothing says what it was made from, so it is rebuilt).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, NotRequired

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_serializer,
    model_validator,
)
from typing_extensions import TypedDict  # pydantic reads typing's TypedDict only from Python 3.12

NAME = "manifest.json"


def _or_none(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """A damaged part reads as absent rather than spoiling what holds it."""
    try:
        return handler(value)
    except ValidationError:
        return None


Lenient = WrapValidator(_or_none)


class _Model(BaseModel):
    # strict: a hand-edited "3" is not a page count; the field order is the JSON's key order
    model_config = ConfigDict(frozen=True, strict=True)


class Meeting(_Model):
    date: str
    title: str


class Generator(_Model):
    name: str
    version: str  # packetgen's version and source digest (building/outdated.py's code_version)


class PrintedPdf(_Model):
    """A record's print part: the document's PDF in print/ and the Office file it was made from. In
    the JSON these keys sit flat in the record, all of them or none."""

    pages: int
    pdf: str  # relative to outputs/DATE
    pdf_sha256: str
    pdf_source_sha256: str  # of the Office file the PDF was made from
    pdf_landscape: bool


PRINT_PART = tuple(PrintedPdf.model_fields)


class DocumentRecord(_Model):
    """One document's Office file, and once printed its PDF (``printed``)."""

    id: str
    title: str
    label: str
    kind: str = ""  # its 種類 (次第, スライド …); "" in a manifest written before it was recorded
    path: str  # relative to outputs/DATE
    sha256: str
    bytes: int
    inputs_sha256: str | None = None  # building/outdated.py's fingerprint; None when not known
    printed: Annotated[PrintedPdf | None, Lenient] = None

    @model_validator(mode="before")
    @classmethod
    def _gather_print_part(cls, data: Any) -> Any:
        """The flat print keys of the JSON into ``printed``; a partial print part is dropped."""
        if not isinstance(data, dict) or "printed" in data:
            return data
        part = {key: data[key] for key in PRINT_PART if key in data}
        rest = {key: value for key, value in data.items() if key not in PRINT_PART}
        return rest | {"printed": part} if len(part) == len(PRINT_PART) else rest

    @model_serializer(mode="wrap")
    def _flat_print_part(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        printed = data.pop("printed")
        return data | printed if printed is not None else data


class TextUnit(TypedDict):
    label: str  # スライド3, ページ2, シート「人口推移」
    text: str  # a line per paragraph or table row


class DocumentText(TypedDict):
    """A document's entry of a text snapshot (render/office_text.py makes them)."""

    name: str
    title: str
    file: str
    sha256: str  # of the Office file read
    reader: int  # office_text.READER when read
    kind: str  # slide, page or sheet
    document_kind: NotRequired[str]  # its 種類, when the manifest it was read with recorded it
    units: list[TextUnit]


Snapshot = dict[str, DocumentText]  # document id → its text


class Review(_Model):
    built: Snapshot  # the text of the Office files the last build left


class PrintBlock(_Model):
    """What the last print handed off, and what it was made from (building/outdated.py's print_key)."""

    key: str
    packet: str
    pages: int  # of packet.pdf, blank pages included
    documents: int
    copies: int
    copies_note: str
    sheets: int
    order: str
    zip: str
    to_fill: tuple[str, ...] = Field(strict=False)  # what the 印刷発注書 still asks for
    files: dict[str, str]  # every file of the hand-off → its sha256


class Withdrawn(_Model):
    """The print block a build withdrew, and the documents whose change made it stale."""

    because: tuple[str, ...] = Field(strict=False)
    was: PrintBlock


def _readable(value: Any) -> Any:
    """The records that validate (a damaged one is left out and its document built again)."""
    if not isinstance(value, list | tuple):
        return value  # and fails: a manifest whose documents are not a list reads as empty
    records = []
    for item in value:
        try:
            records.append(DocumentRecord.model_validate(item))
        except ValidationError:
            continue
    return tuple(records)


class Manifest(_Model):
    """The whole file; empty (no meeting, no documents) before any build."""

    meeting: Annotated[Meeting | None, Lenient] = None
    generator: Annotated[Generator | None, Lenient] = None
    documents: Annotated[tuple[DocumentRecord, ...], BeforeValidator(_readable)] = ()
    review: Annotated[Review | None, Lenient] = None
    print: Annotated[PrintBlock | None, Lenient] = None
    print_withdrawn: Annotated[Withdrawn | None, Lenient] = None

    @model_serializer(mode="wrap")
    def _present_blocks(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return {key: value for key, value in handler(self).items() if value is not None}

    def by_id(self) -> dict[str, DocumentRecord]:
        return {record.id: record for record in self.documents}

    @property
    def built_text(self) -> Snapshot | None:
        """The text of the files the last build left (None before builds kept it)."""
        return self.review.built if self.review is not None else None

    def with_printed(self, printed: Mapping[str, PrintedPdf | None]) -> Manifest:
        """A copy whose records named in ``printed`` (by id) have that print part (None: none)."""
        documents = tuple(
            record.model_copy(update={"printed": printed[record.id]}) if record.id in printed else record
            for record in self.documents
        )
        return self.model_copy(update={"documents": documents})


def parse(text: str | bytes) -> Manifest:
    """A manifest from its JSON; raises ValueError when it is not one (see the module's docstring)."""
    return Manifest.model_validate(json.loads(text))


def read(folder: Path) -> Manifest:
    """The manifest, or an empty one when it is missing or damaged (it is rebuilt from what is known)."""
    try:
        return parse((folder / NAME).read_text("utf-8"))
    except (OSError, ValueError):  # pydantic's ValidationError is a ValueError
        return Manifest()


def dumps(manifest: Manifest, review_last: bool = False) -> bytes:
    """The JSON: readable Japanese, two-space indents, a final newline; absent blocks left out. Every
    field is a JSON type already (a tuple is written as a list). ``review_last``: a build writes its
    review block after the print blocks it keeps, a print its print block after the review, as the
    file has always been written."""
    data = manifest.model_dump()
    if review_last and "review" in data:
        data["review"] = data.pop("review")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

"""The kinds of document a packet can hold, each declared once and found by its name (meeting.yaml's
資料[].種類): where its builder lives, the file it makes, the input roles meeting.yaml must (or may) give
it and the templates it reads.

Planning, fingerprints and messages need only this table. A kind's module (python-docx, python-pptx,
pandas …) is imported here, in ``builder``, when a document of that kind is really loaded or rendered,
as pip's command table imports a command only when it runs; and as pip's commands do not import that
table, a kind's module never imports this one: its builder is given its Kind.
"""

from __future__ import annotations

import importlib

from packetgen.documents.base import DocumentBuilder, Kind
from packetgen.inputs.meeting import DocumentEntry

AGENDA = Kind(
    "次第",
    "packetgen.documents.agenda",
    ".docx",
    ("参加者名簿", "市側出席者"),
    ("agenda.docx",),
    optional_roles=("協議説明",),  # the 協議 page, printed only when given
    lists_attendees=True,
    cites_documents=True,
)
SLIDES = Kind("スライド", "packetgen.documents.slides.builder", ".pptx", ("スライド",), ("deck.pptx",))
POPULATION = Kind(
    "人口動態",
    "packetgen.documents.population.builder",
    ".xlsx",
    ("人口推移", "自然動態", "社会動態", "転入転出", "人口構造", "分析結果"),
)
DONATION = Kind("寄附報告", "packetgen.documents.donation", ".docx", ("寄附実績", "報告本文"), ("donation.docx",))
# a Word paper, from a 本文 file (YAML) or an existing .docx/.pdf (原稿): exactly one of the two
PAPER = Kind(
    "文書",
    "packetgen.documents.paper.builder",
    ".docx",
    (),
    ("paper.docx",),
    one_of_roles=("本文", "原稿"),
    suffix_from_role="原稿",
    names_files=True,  # its 本文 names tables and pictures
)

# every kind, by the name meeting.yaml's 資料[].種類 gives it
KINDS = {kind.name: kind for kind in (AGENDA, SLIDES, POPULATION, DONATION, PAPER)}

# the ids that were fixed kinds before meeting.yaml named 種類: an entry without 種類 keeps its id's kind,
# so a meeting file written then builds as it did
LEGACY_IDS = {"agenda": "次第", "1-1": "スライド", "1-2": "スライド", "population": "人口動態", "donation": "寄附報告"}


def kind_of(entry: DocumentEntry) -> Kind | None:
    """The entry's kind: the one its 種類 names, else its legacy id's. None when its 種類 names no kind
    or it has neither 種類 nor a legacy id."""
    name = entry.kind if entry.kind is not None else LEGACY_IDS.get(entry.id)
    return KINDS.get(name) if name is not None else None


def builder(kind: Kind) -> DocumentBuilder:
    """The kind's builder: its module is imported now (once a process: Python keeps it), on first use."""
    builder_class: type[DocumentBuilder] = importlib.import_module(kind.module).Builder
    return builder_class(kind)

"""Each document's print PDF: reused when made from the very same built file, otherwise converted by
LibreOffice (two processes at once, previews rendered as each finishes) or, for a PDF paper given as
it is (its built file is the PDF), taken as it is; then checked (checks.py)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from packetgen.building.layout import PREVIEW_DIR, PRINT_DIR
from packetgen.building.outdated import pdf_reusable, sha256
from packetgen.building.packet import PlannedDocument
from packetgen.core import japanese
from packetgen.core.errors import PacketError, Problem
from packetgen.core.manifest import PrintedPdf
from packetgen.documents.paper.existing import is_given
from packetgen.printing import checks, pdf_facts
from packetgen.printing.job import WORKERS, PrintedDocument, PrintJob, link
from packetgen.printing.previews import Previews


def print_pdfs(
    job: PrintJob, previews: Previews, only: Collection[str] = (), report_reused: bool = True
) -> list[PrintedDocument]:
    """Each document's PDF in ``job.staging``: reused when made from the very same Office file (unless
    ``only`` names it), otherwise converted and checked. A reused PDF was checked when it was made and
    its checksum still holds. ``report_reused``: say the reused ones too (print does, watch does not)."""
    out = job.packet.output_dir
    source = {d.entry.id: sha256(out / d.output_name) for d in job.plan}
    reuse = _reusable(job, only, source)
    _link_reused(job, [doc for doc in job.plan if doc.entry.id in reuse])
    render = [doc for doc in job.plan if doc.entry.id not in reuse]
    previews.names += [d.pdf_name for d in render]
    checked = _take_as_is(job, [d for d in render if _is_pdf(d)], previews)
    office = [d for d in render if not _is_pdf(d)]
    checked |= _convert(job, office, previews) if office else {}
    problems: list[Problem] = []
    documents = []
    for doc in job.plan:
        name = doc.pdf_name
        kept = reuse.get(doc.entry.id)
        if kept is not None:
            pages, landscape, notes = kept.pages, kept.pdf_landscape, []
        else:
            pages, landscape, notes = checked[name].pages, checked[name].landscape, checked[name].notes
            problems += checked[name].problems
        documents.append(PrintedDocument(doc, name, pages, landscape, kept is not None, source[doc.entry.id]))
        if report_reused or kept is None:
            reused = "　前回のPDFを使用" if kept is not None else ""
            job.say(f"  確認  {japanese.pad(doc.entry.id, 10)} {name}（{pages}ページ）{reused}")
        for note in notes:
            job.say(f"  {note}")
    if problems:
        raise PacketError("印刷用PDFに問題があります。印刷フォルダは変更していません。", problems)
    return documents


def _reusable(job: PrintJob, only: Collection[str], source: dict[str, str]) -> dict[str, PrintedPdf]:
    """By document id, the print part of the PDFs reused as they are (``source``: each Office file's
    sha256 now)."""
    out = job.packet.output_dir
    records = job.previous.by_id()
    reuse = {}
    for doc in job.plan:
        record = records.get(doc.entry.id)
        printed = record.printed if record is not None else None
        if doc.entry.id not in only and printed is not None and pdf_reusable(out, doc, record, source[doc.entry.id]):
            reuse[doc.entry.id] = printed
    return reuse


def _is_pdf(doc: PlannedDocument) -> bool:
    """A document built as a PDF (a paper given as a PDF): it prints as it is, without LibreOffice."""
    return Path(doc.output_name).suffix.lower() == ".pdf"


@dataclass(frozen=True)
class Checked:
    """A PDF just made for print: its pages, whether landscape, what stops the print and what is said."""

    pages: int
    landscape: bool
    problems: list[Problem]
    notes: list[str] = field(default_factory=list)


def _link_reused(job: PrintJob, reuse: list[PlannedDocument]) -> None:
    """The reused PDFs and their previews, shared with the current print folder by hard link."""
    final = job.packet.output_dir / PRINT_DIR
    for doc in reuse:
        name = doc.pdf_name
        link(final / name, job.staging / name)
        stem = Path(name).stem
        for rel in (f"{PREVIEW_DIR}/{stem}", f"{PREVIEW_DIR}/{stem}_一覧.png"):
            if (final / rel).exists():
                link(final / rel, job.staging / rel)


def _take_as_is(job: PrintJob, given: list[PlannedDocument], previews: Previews) -> dict[str, Checked]:
    """The PDFs built as they print: shared into the print folder (a hard link: neither is ever
    changed in place) and checked; their previews start at once, while LibreOffice converts the rest."""
    out = job.packet.output_dir
    checked = {}
    for doc in given:
        name = doc.pdf_name
        link(out / doc.output_name, job.staging / name)
        checked[name] = _check(job, doc, job.staging / name)
    if given:
        previews([d.pdf_name for d in given])
    return checked


def _convert(job: PrintJob, render: list[PlannedDocument], previews: Previews) -> dict[str, Checked]:
    """Convert ``render``'s Office files; by PDF name: what its check found."""
    from packetgen.office.convert import Slots, convert_in_parallel

    out = job.packet.output_dir
    by_pdf = {d.pdf_name: d for d in render}
    checked: dict[str, Checked] = {}

    def ready(pdfs: list[Path]) -> None:  # in the converting thread, as soon as its PDFs exist
        for pdf in pdfs:
            checked[pdf.name] = _check(job, by_pdf[pdf.name], pdf)
        previews([p.name for p in pdfs])

    files = [out / d.output_name for d in render]
    slots = Slots(WORKERS, job.packet.folder.workspace)
    convert_in_parallel(files, job.staging, job.packet.meeting.start, slots, job.say, ready)
    return checked


def _check(job: PrintJob, doc: PlannedDocument, pdf: Path) -> Checked:
    facts = pdf_facts.read_facts(pdf)
    expected = doc.builder.expected_pages(job.packet.output_dir / doc.output_name)
    paper, landscape = checks.check_paper(pdf.name, facts)
    if is_given(doc.entry):  # a 原稿: its paper, sizes and (as a PDF) fonts are its author's
        problems, notes = checks.check_given(pdf.name, facts, expected, doc.context.fonts, _is_pdf(doc))
        return Checked(facts.pages, landscape, problems, notes)
    problems = checks.check_pdf(pdf.name, facts, expected, doc.context.fonts)
    return Checked(facts.pages, landscape, problems + paper)

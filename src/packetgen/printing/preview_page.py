"""What changed since the previous print: one line per changed document, the text per slide, page or
sheet of what is printed now (printed/office.json, for packetgen diff), and the preview page with
the changed pages marked (print/preview/index.html; review/page.py draws it)."""

from __future__ import annotations

from pathlib import Path

from packetgen.building.layout import PREVIEW_DIR, PRINTED_DIR
from packetgen.building.outdated import sha256
from packetgen.printing.job import PrintJob
from packetgen.render import office_text
from packetgen.review import diff, page


def write_preview_page(
    job: PrintJob, printed: page.Printed, office_dir: Path, live: bool = False, notice: str = ""
) -> list[str]:
    """The preview page into ``job.staging``, this print's Office text into ``office_dir`` (the new
    printed/ folder); returns what changed, a line per document. ``live``: the page reloads itself
    when the proofs change (packetgen watch), ``notice`` heads it."""
    out = job.packet.output_dir
    data = job.previous
    snapshot = office_text.current(out, data.documents, data.built_text)
    snapshot = {k: v for k, v in snapshot.items() if k in {d.planned.entry.id for d in printed.documents}}
    before = office_text.load(out / office_text.PRINTED_OFFICE)
    changes = diff.summaries(diff.compare(before, snapshot)) if before is not None else []
    (office_dir / Path(office_text.PRINTED_OFFICE).name).write_bytes(office_text.dumps(snapshot))
    # a live page's version follows the PDFs too: a page image can change while the text stays
    shown = "".join(sha256(job.staging / d.pdf) for d in printed.documents) if live else ""
    html = page.page(printed, job.staging / PREVIEW_DIR, out / PRINTED_DIR, shown, notice)
    (job.staging / PREVIEW_DIR / page.PAGE_FILE).write_text(html, "utf-8")
    if live:  # what the open page polls: it reloads itself when this names another version
        (job.staging / PREVIEW_DIR / page.LIVE_FILE).write_text(page.live_script(html), "utf-8")
    return changes

"""LibreOffice headless conversion to PDF: one batched call, a private profile, a timeout.

LibreOffice exits 0 even when a file is missing or corrupt, and two inputs with the same stem
overwrite one PDF, so the caller gets the expected PDF paths and every one is checked here.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from packetgen.core.errors import PacketError
from packetgen.office.soffice import find_soffice
from packetgen.office.warm import WarmOffice
from packetgen.render.font_files import fontconfig_environment


def convert_to_pdf(
    files: Sequence[Path],
    out_dir: Path,
    timeout: float = 300,
    when: datetime | None = None,
    profile: Path | None = None,
    warm: WarmOffice | None = None,
) -> list[Path]:
    """Convert Office files to PDFs in out_dir in one LibreOffice call; return the PDFs in order.
    With ``when`` the PDFs are made reproducible (``pin_pdf``). ``profile``: a private LibreOffice
    profile folder to reuse (a warm start is ~0.3 s faster); without it a fresh one is made.
    ``warm``: an office kept running (warm.py) tried first; any trouble there falls back to
    starting LibreOffice here."""
    soffice = find_soffice()
    if soffice is None:
        raise PacketError(
            "LibreOffice が見つかりません。Debian/Ubuntu では "
            "`apt-get install libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui` "
            "でインストールしてください"
        )
    stems = [f.stem for f in files]
    clashes = sorted({s for s in stems if stems.count(s) > 1})
    if clashes:
        raise PacketError(f"同じ名前のファイルは同時に変換できません：{'、'.join(clashes)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    expected = [out_dir / f"{f.stem}.pdf" for f in files]

    def missing() -> list[str]:
        return [f.name for f, pdf in zip(files, expected, strict=True) if not pdf.is_file() or pdf.stat().st_size == 0]

    for pdf in expected:
        pdf.unlink(missing_ok=True)  # a stale PDF must not pass for a fresh one
    if warm is None or not warm.convert(files, out_dir, timeout) or missing():
        for pdf in expected:
            pdf.unlink(missing_ok=True)  # half a batch from a failed warm office: convert it all again
        if profile is not None:
            _run(soffice, profile, files, out_dir, timeout)
            if missing():  # a profile left broken by a killed run: start over with a fresh one
                shutil.rmtree(profile, ignore_errors=True)
        if profile is None or missing():
            _run_fresh(soffice, files, out_dir, timeout)
    if missing():
        raise PacketError(f"PDF に変換できなかったファイルがあります：{'、'.join(missing())}")
    if when is not None:
        for pdf in expected:
            pdf.write_bytes(pin_pdf(pdf.read_bytes(), when))
    return expected


def _run_fresh(soffice: str, files: Sequence[Path], out_dir: Path, timeout: float) -> None:
    with tempfile.TemporaryDirectory(prefix="packetgen-lo-") as fresh:
        _run(soffice, Path(fresh), files, out_dir, timeout)


def _run(soffice: str, profile: Path, files: Sequence[Path], out_dir: Path, timeout: float) -> None:
    command = [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore"]
    command += ["--convert-to", "pdf", "--outdir", str(out_dir), *map(str, files)]
    try:
        # fontconfig with packetgen's aliases: the files name 「BIZ UD明朝 Medium」 as Windows does
        subprocess.run(command, check=False, capture_output=True, timeout=timeout, env=fontconfig_environment())
    except subprocess.TimeoutExpired:
        raise PacketError(f"LibreOffice の変換が {timeout:.0f} 秒以内に終わりませんでした") from None


# LibreOffice's cost per file beyond its start (measured here): Word and Excel files are cheap,
# a deck costs about 30 ms a slide. Used to deal files out to the processes evenly.
def _cost(path: Path) -> float:
    return path.stat().st_size * (2.0 if path.suffix == ".pptx" else 1.0)


@dataclass(frozen=True)
class Slots:
    """Where parallel conversions run: how many LibreOffice processes at once, and the workspace where
    each slot keeps its profile and its warm office (none: fresh profiles, no warm office)."""

    count: int = 2
    workspace: Path | None = None


def convert_in_parallel(
    files: Sequence[Path],
    out_dir: Path,
    when: datetime,
    slots: Slots = Slots(),
    say: Callable[[str], None] = lambda _: None,
    done: Callable[[list[Path]], None] = lambda _: None,
) -> list[Path]:
    """Like convert_to_pdf, in one LibreOffice process per slot at once: one process uses one core,
    and start-up (~1 s) is much of a small file's cost. Files are dealt out by cost, so the processes
    finish at about the same time; ``done`` gets each process's PDFs as soon as they are ready (the
    caller renders previews while the other process still converts)."""
    order = sorted(range(len(files)), key=lambda i: -_cost(files[i]))
    groups: list[list[int]] = [[] for _ in range(max(1, min(slots.count, len(files))))]
    load = [0.0] * len(groups)
    for i in order:
        g = load.index(min(load))
        groups[g].append(i)
        load[g] += _cost(files[i])
    results: dict[int, Path] = {}
    workspace = slots.workspace

    def run(n: int, group: list[int]) -> None:
        names = "、".join(files[i].stem for i in group)
        say(f"  PDF変換中（{n}/{len(groups)}）：{names}")
        profile = workspace / f"libreoffice-profile-{n}" if workspace else None
        warm = WarmOffice(workspace, n) if workspace else None
        pdfs = convert_to_pdf([files[i] for i in group], out_dir, when=when, profile=profile, warm=warm)
        results.update(zip(group, pdfs, strict=True))
        done(pdfs)

    with ThreadPoolExecutor(len(groups)) as pool:
        for future in [pool.submit(run, n, g) for n, g in enumerate(groups, start=1)]:
            future.result()
    return [results[i] for i in range(len(files))]


_DATES = re.compile(rb"/(CreationDate|ModDate)\(D:(\d{14})")
_ID = re.compile(rb"/ID \[ <([0-9A-F]{32})>\s*<([0-9A-F]{32})> \]")
_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-F]{32})")


def pin_pdf(data: bytes, when: datetime) -> bytes:
    """A LibreOffice PDF made reproducible: its dates set to ``when`` and its /ID and checksum derived
    from the content. Each is rewritten at the same length, so the cross-reference offsets hold."""
    stamp = when.strftime("%Y%m%d%H%M%S").encode()
    data = _DATES.sub(lambda m: b"/" + m.group(1) + b"(D:" + stamp, data)
    blank = _CHECKSUM.sub(
        b"/DocChecksum /" + b"0" * 32, _ID.sub(b"/ID [ <" + b"0" * 32 + b"> <" + b"0" * 32 + b"> ]", data)
    )
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode()
    data = _ID.sub(lambda m: m.group(0).replace(m.group(1), digest).replace(m.group(2), digest), data)
    return _CHECKSUM.sub(b"/DocChecksum /" + digest, data)

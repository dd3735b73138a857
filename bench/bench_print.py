"""Benchmark of `packetgen print` (a script, not a test): ratios measured in one run on this machine.

  python bench/bench_print.py [--repeat N]

Reports, each as a ratio so machines compare:
- a full print (PDFs, packet.pdf, order, legible previews, zip; the packet already built) over one
  bare LibreOffice conversion (a one-line text file, fresh profile): aim ≤ 5×;
- a print with nothing changed over a build with nothing changed: aim ≤ 1.5× (it converts and
  rewrites nothing: the print files keep their modification times);
- `print --only agenda` after an agenda edit over a full print (with and without the agenda's
  build inside it): aim ≤ 0.4×;
- for reference, the five Office files in one LibreOffice call, and in two processes at once.
Prints run twice over: with LibreOffice started by each print (cold: PACKETGEN_OFFICE_IDLE=0) and
with it kept warm between prints (office/warm.py, as when staff print again within minutes).
Works on a copy of inputs/ and templates/ in a temporary folder; nothing here touches outputs/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATE = "2023-07-27"


def run(project: Path, *args: str, warm: bool = False) -> float:
    env = {**os.environ, "PACKETGEN_OFFICE_IDLE": "120" if warm else "0"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "packetgen", *args, "--project", str(project)], capture_output=True, text=True, env=env
    )
    if done.returncode:
        raise SystemExit(f"failed: {args}\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def bare_conversion(tmp: Path) -> float:
    """One LibreOffice start converting a one-line text file with a fresh profile."""
    text = tmp / "one.txt"
    text.write_text("packetgen\n", "utf-8")
    profile = tmp / "profile"
    shutil.rmtree(profile, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(text),
        ],
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - started


def mtimes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from packetgen.render.font_files import fontconfig_environment

    fontconfig_environment()
    with tempfile.TemporaryDirectory(prefix="packetgen-bench-") as tmp_name:
        tmp = Path(tmp_name)
        project = tmp / "project"
        for folder in ("inputs", "templates"):
            shutil.copytree(ROOT / folder, project / folder)
        run(project, "build", DATE)
        out = project / "outputs" / DATE
        files = sorted(p for p in out.iterdir() if p.suffix in (".docx", ".pptx", ".xlsx"))
        bare = statistics.median(bare_conversion(tmp) for _ in range(args.repeat))
        one_call, two_procs = conversions(files, tmp, args.repeat)
        figures = {}
        for warm in (False, True):
            if warm:
                run(project, "print", DATE, "--only", "agenda", warm=True)  # starts the warm offices
            figures[warm] = prints(project, args.repeat, warm)
        before = mtimes(out / "print")
        noop_print = statistics.median(run(project, "print", DATE) for _ in range(args.repeat))
        rewritten = sum(1 for k, v in mtimes(out / "print").items() if before.get(k) != v)
        noop_build = statistics.median(run(project, "build", DATE) for _ in range(args.repeat))
        stop_warm_offices(project)
        print(f"bare LibreOffice conversion (one-line text, fresh profile): {bare:6.2f} s")
        print(f"5 Office files, one LibreOffice call                     : {one_call:6.2f} s")
        print(f"5 Office files, two LibreOffice processes                : {two_procs:6.2f} s")
        print(f"build, nothing changed                                   : {noop_build:6.2f} s")
        print(
            f"print, nothing changed                                   : {noop_print:6.2f} s = "
            f"{noop_print / noop_build:5.2f}x the no-op build ({rewritten} print files rewritten)"
        )
        for warm, (f, a, b) in figures.items():
            how = "LibreOffice kept warm" if warm else "LibreOffice started by each print"
            print(f"-- {how}")
            print(f"full print                                               : {f:6.2f} s = {f / bare:5.2f}x bare")
            print(f"print --only agenda after an agenda edit (builds it too) : {a:6.2f} s = {a / f:5.2f}x full print")
            print(f"print --only agenda after the edit was built            : {b:6.2f} s = {b / f:5.2f}x full print")


def conversions(files: list[Path], tmp: Path, repeat: int) -> tuple[float, float]:
    """Median seconds to convert ``files`` in one LibreOffice call, and in two processes at once."""
    from packetgen.office.convert import convert_in_parallel, convert_to_pdf

    one_call, two_procs = [], []
    for n in range(repeat):
        started = time.perf_counter()
        convert_to_pdf(files, tmp / f"one{n}")
        one_call.append(time.perf_counter() - started)
        started = time.perf_counter()
        convert_in_parallel(files, tmp / f"two{n}", when=datetime(2023, 7, 27, 13, 30))
        two_procs.append(time.perf_counter() - started)
    return statistics.median(one_call), statistics.median(two_procs)


def prints(project: Path, repeat: int, warm: bool) -> tuple[float, float, float]:
    """Median seconds of a full print (its print data removed first), of `print --only agenda` after
    an edit of the member list, and of the same after the edit was built."""
    out = project / "outputs" / DATE
    full = []
    for _ in range(repeat):
        for stale in (out / "print", out / "printed", out / f"印刷データ_{DATE}.zip"):
            if stale.is_dir():
                shutil.rmtree(stale)
            else:
                stale.unlink(missing_ok=True)
        full.append(run(project, "print", DATE, warm=warm))
    agenda, agenda_built = [], []
    members = project / "inputs" / DATE / "members.csv"
    original = members.read_text("utf-8")
    for n in range(2 * repeat):
        members.write_text(original.replace("岩本", "岩本" if n % 2 else "岩元"), "utf-8")
        if n < repeat:  # the edit, then print: print builds the agenda itself
            agenda.append(run(project, "print", DATE, "--only", "agenda", warm=warm))
        else:  # the edit, build, then print
            run(project, "build", DATE, "--only", "agenda")
            agenda_built.append(run(project, "print", DATE, "--only", "agenda", warm=warm))
    members.write_text(original, "utf-8")
    run(project, "print", DATE, warm=warm)
    return statistics.median(full), statistics.median(agenda), statistics.median(agenda_built)


def stop_warm_offices(project: Path) -> None:
    from packetgen.building.outputs import OutputFolder
    from packetgen.office.warm import WarmOffice

    workspace = OutputFolder(project / "outputs", DATE).workspace
    for slot in (1, 2):
        WarmOffice(workspace, slot).stop()


if __name__ == "__main__":
    main()

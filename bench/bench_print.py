"""Benchmark: packetgen's batched LibreOffice conversion against the naive way (one call per file).

Run from the project folder after a build:  python bench/bench_print.py [DATE] [--repeat N]
Prints seconds for both and their ratio, measured in one run on this machine (not a test).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from packetgen.printing.libreoffice import convert_to_pdf


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("date", nargs="?", default="2023-07-27")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    folder = Path("outputs") / args.date
    files = sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".pptx", ".xlsx"))
    if not files:
        raise SystemExit(f"no built documents in {folder}: run `packetgen build {args.date}` first")
    batch, naive = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            batch.append(timed(lambda tmp=tmp: convert_to_pdf(files, Path(tmp))))
        with tempfile.TemporaryDirectory() as tmp:
            naive.append(timed(lambda tmp=tmp: [convert_to_pdf([f], Path(tmp)) for f in files]))
    b, n = statistics.median(batch), statistics.median(naive)
    print(f"files: {len(files)} ({', '.join(f.suffix for f in files)})")
    print(f"batched, one LibreOffice call : {b:6.2f} s (median of {args.repeat})")
    print(f"naive, one call per file      : {n:6.2f} s")
    print(f"naive / batched               : {n / b:6.2f}x")


if __name__ == "__main__":
    main()

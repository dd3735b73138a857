"""Benchmark of `packetgen watch` (a script, not a test): save-to-refreshed-preview for one slide edit.

  python bench/bench_watch.py [--repeat N]

A copy of the project is built and printed (the baseline staff proofread against), then `packetgen
watch` runs while one value on slide 11 of 資料No.1-1 is edited and saved again and again. Each figure
is the time from the save to the preview page's live.js naming the new version (the open page reloads
itself then): the deck rebuilt, its PDF converted by the warm LibreOffice, the changed page redrawn.
Reported in seconds (aim ≤ 3 s here) and over one bare LibreOffice conversion.
Nothing here touches the project's own outputs/.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_print import DATE, ROOT, bare_conversion, run, stop_warm_offices

SLIDES = f"inputs/{DATE}/slides/1-1.yaml"
VALUES = ('"**99.9%**"', '"**98.0%**"')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="packetgen-bench-") as tmp_name:
        tmp = Path(tmp_name)
        bare = statistics.median(bare_conversion(tmp) for _ in range(3))
        project = tmp / "project"
        for folder in ("inputs", "templates"):
            shutil.copytree(ROOT / folder, project / folder)
        run(project, "print", DATE)
        env = {**os.environ, "PACKETGEN_OFFICE_IDLE": "120"}
        watcher = subprocess.Popen(
            [sys.executable, "-m", "packetgen", "watch", DATE, "--project", str(project)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        lines: queue.Queue[str] = queue.Queue()
        assert watcher.stdout is not None
        threading.Thread(target=lambda: [lines.put(line) for line in watcher.stdout], daemon=True).start()
        while not lines.get(timeout=300).startswith("監視中："):
            pass
        time.sleep(3)  # the warm offices start in the background
        live = project / "outputs" / DATE / "print" / "preview" / "live.js"
        slides = project / SLIDES
        seconds = []
        try:
            for n in range(args.repeat):
                old, new = VALUES[n % 2], VALUES[(n + 1) % 2]
                before = live.read_text("utf-8") if live.exists() else ""
                started = time.perf_counter()
                slides.write_text(slides.read_text("utf-8").replace(old, new), "utf-8")
                while not live.exists() or live.read_text("utf-8") == before:
                    if time.perf_counter() - started > 120:
                        raise SystemExit("watch did not refresh the preview within 120 s")
                    time.sleep(0.02)
                seconds.append(time.perf_counter() - started)
                while not lines.get(timeout=60).startswith("プレビューを更新しました"):
                    pass
        finally:
            watcher.send_signal(signal.SIGINT)
            watcher.wait(timeout=60)
            stop_warm_offices(project)
        s = statistics.median(seconds)
        print(f"bare LibreOffice conversion (one-line text, fresh profile): {bare:6.2f} s")
        print(f"watch: save → refreshed preview, one slide of 資料No.1-1     : {s:6.2f} s = {s / bare:5.2f}x bare")
        print(f"  each: {', '.join(f'{x:.2f}' for x in seconds)} s")


if __name__ == "__main__":
    main()

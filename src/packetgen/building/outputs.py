"""outputs/<DATE>/ as one unit that changes all at once.

A build or a print prepares the complete next version of the meeting's folder in a hidden workspace
(outputs/.packetgen/), sharing unchanged files by hard link, and then swaps it with the current
folder in one atomic rename (Linux renameat2 RENAME_EXCHANGE; ``core.platform``). Killed at any
moment, the meeting folder is the old version or the new one, never a mix, and never holds a
temporary file; what a killed run left in the workspace is removed by the next command. Where the
system has no such exchange (Windows), two renames follow each other; a run killed between them
leaves the previous version in the workspace, and the next command puts it back. A lock per meeting
makes two runs at once take turns.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from packetgen.core import platform
from packetgen.core.errors import PacketError

WORKSPACE = ".packetgen"
LOCK_WAIT_SECONDS = 600
QUIET_WAIT_SECONDS = 1.0


def _link_tree(source: Path, target: Path, skip: set[str], prefix: str = "") -> None:
    """Recreate ``source`` under ``target`` with hard links (copies where links are impossible)."""
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        rel = f"{prefix}{item.name}"
        if rel in skip:
            continue
        if item.is_dir() and not item.is_symlink():
            _link_tree(item, target / item.name, skip, rel + "/")
        else:
            platform.share_file(item, target / item.name)


def _test_point(name: str) -> None:
    """Test-only hooks (tests/test_robustness.py), inert unless their variables are set:
    PACKETGEN_TEST_KILL_AT=<name> kills this process at that point (SIGKILL);
    PACKETGEN_TEST_PAUSE_AT=<name> with PACKETGEN_TEST_PAUSE_FILE=<path> creates <path>.reached there and
    waits (at most 120 s) until <path> exists. Points of ``commit``, in order: commit (nothing staged),
    staging (after each staged file), manifest (before the manifest, staged last), exchange (the next
    version complete, not swapped in), swapped (swapped in, the previous one not yet removed)."""
    if os.environ.get("PACKETGEN_TEST_KILL_AT") == name:
        platform.kill_now()
    if os.environ.get("PACKETGEN_TEST_PAUSE_AT") == name:
        gate = Path(os.environ["PACKETGEN_TEST_PAUSE_FILE"])
        Path(f"{gate}.reached").touch()
        deadline = time.monotonic() + 120
        while not gate.exists() and time.monotonic() < deadline:
            time.sleep(0.02)


def _lock_within(handle: IO[bytes], seconds: float) -> bool:
    """Lock ``handle``'s file, trying for at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while not platform.try_lock(handle):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def say_now(text: str) -> None:
    """A line for the user, shown at once (also when stdout is a pipe)."""
    print(text, flush=True)


class OutputFolder:
    def __init__(self, root: Path, key: str) -> None:
        self.root = root  # outputs/
        self.key = key
        self.path = root / key
        self.workspace = root / WORKSPACE

    @contextmanager
    def locked(self, say: Callable[[str], None] = say_now) -> Iterator[None]:
        """One run per meeting at a time; a second one waits (and ``say``s so) rather than interleave.
        Not re-entrant: a step run inside another's lock is told so (``held``), never locks again."""
        self.workspace.mkdir(parents=True, exist_ok=True)
        with open(self.workspace / f"{self.key}.lock", "a+b") as handle:
            # a lock held for a moment (a child process between its start and its exec still holds a
            # copy) is waited out quietly; only a real wait is announced
            if not _lock_within(handle, QUIET_WAIT_SECONDS):
                say(f"別の packetgen が {self.key} を作成中です。終わるのを待っています…")
                if not _lock_within(handle, LOCK_WAIT_SECONDS):
                    raise PacketError(f"別の packetgen が {self.key} を使用中のため実行できません")
            self._sweep()
            yield

    def _sweep(self) -> None:
        """Remove what a killed run of this meeting left in the workspace (we hold the lock); a
        previous version moved aside by the two renames of ``commit`` goes back in place first."""
        if not self.path.exists():
            for aside in self.workspace.glob(f"{self.key}.old-*.tmp"):
                os.replace(aside, self.path)
                break
        for stale in self.workspace.glob(f"{self.key}.*.tmp"):
            shutil.rmtree(stale, ignore_errors=True)

    def scratch(self, name: str) -> Path:
        """A private folder in the workspace for intermediate files (same file system as outputs/)."""
        path = self.workspace / f"{self.key}.{name}-{os.getpid()}.tmp"
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    def commit(self, files: Mapping[str, bytes | Path], remove: set[str] = frozenset()) -> None:
        """Make the next version: current content, minus ``remove``, plus ``files`` (relative paths to
        bytes, or to a file or folder to move in) — then swap it in atomically."""
        _test_point("commit")  # nothing staged yet
        stage = self.scratch("next")
        if self.path.is_dir():
            _link_tree(self.path, stage, set(files) | set(remove))
        for rel, content in files.items():
            if rel == "manifest.json":
                _test_point("manifest")  # every other file of the next version staged (the manifest goes last)
            target = stage / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                os.replace(content, target)
            else:
                with open(target, "wb") as handle:
                    handle.write(content)
                    handle.flush()
                    os.fsync(handle.fileno())
            _test_point("staging")  # one file (the first, at a kill) of the next version staged
        platform.sync_folder(stage)
        _test_point("exchange")  # the next version complete in the workspace, not yet swapped in
        if self.path.is_dir():
            if not platform.exchange(stage, self.path):
                old = self.scratch("old")
                os.rmdir(old)
                os.replace(self.path, old)
                os.replace(stage, self.path)
                stage = old
            _test_point("swapped")  # the new version in place, the previous one not yet removed
            shutil.rmtree(stage, ignore_errors=True)  # now the previous version
        else:
            self.root.mkdir(parents=True, exist_ok=True)
            os.replace(stage, self.path)
        platform.sync_folder(self.root)

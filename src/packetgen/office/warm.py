"""A warm LibreOffice between commands: each conversion slot of a project has an office kept running
by ``daemon.py`` for a while after its last use, so the next print or watch refresh skips the
office's start (about a second per process, most of a small document's conversion).

``soffice --convert-to`` cannot do this itself: a second call with the same profile is handed to the
running office, which then quits. The daemon talks UNO, which Debian gives only to its own Python
(python3-uno), so it runs in that Python, found here; without one every conversion starts cold.
A warm office is kept on Linux only (a Unix socket, /proc: ``core.platform``); elsewhere (Windows)
``convert`` answers False at once and every conversion starts cold.

``PACKETGEN_OFFICE_IDLE``: seconds an office stays warm after its last use (default 300; 0 = never
keep one running). Anything going wrong with a warm office only costs a cold conversion.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from packetgen.core import platform
from packetgen.office.soffice import find_soffice
from packetgen.render.font_files import fontconfig_environment

IDLE_ENV = "PACKETGEN_OFFICE_IDLE"
DEFAULT_IDLE = 300.0
PYTHON_ENV = "PACKETGEN_UNO_PYTHON"
DAEMON = Path(__file__).with_name("daemon.py")


def idle_seconds() -> float:
    """How long an office stays warm after its last use; 0: none is kept (so asked, or not possible
    on this system)."""
    if not platform.can_keep_office_warm():
        return 0.0
    try:
        return max(0.0, float(os.environ.get(IDLE_ENV, DEFAULT_IDLE)))
    except ValueError:
        return DEFAULT_IDLE


@functools.cache
def uno_python() -> str | None:
    """A Python that can import LibreOffice's uno module, or None."""
    candidates = [os.environ.get(PYTHON_ENV, ""), "/usr/bin/python3", "/usr/lib/libreoffice/program/python"]
    for python in filter(None, candidates):
        if not Path(python).is_file():
            continue
        probe = subprocess.run([python, "-c", "import uno"], capture_output=True, env=_clean_env(), check=False)
        if probe.returncode == 0:
            return python
    return None


def _clean_env() -> dict[str, str]:
    # LibreOffice's Python must not import this interpreter's packages
    env = fontconfig_environment()
    for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP"):
        env.pop(name, None)
    return env


class WarmOffice:
    """The warm office of one conversion slot of a project (``workspace``: outputs/.packetgen)."""

    def __init__(self, workspace: Path, slot: int) -> None:
        self.profile = workspace / f"office-warm-{slot}"
        self.lock = workspace / f"office-warm-{slot}.lock"
        self.log = workspace / f"office-warm-{slot}.log"
        self.pid_file = workspace / f"office-warm-{slot}.pid"
        # Unix socket paths are short (108 bytes): a name in the temp folder, unique per workspace
        digest = hashlib.sha256(str(self.profile.resolve()).encode()).hexdigest()[:16]
        self.socket = Path(tempfile.gettempdir()) / f"packetgen-office-{digest}.sock"

    def convert(self, files: Sequence[Path], out_dir: Path, timeout: float) -> bool:
        """Convert in the warm office (starting it if need be); False when that was not possible."""
        idle = idle_seconds()
        if idle <= 0:
            return False
        connection = self._connect() or self._start(idle)
        if connection is None:
            return False
        request = {"files": [str(f.resolve()) for f in files], "out_dir": str(out_dir.resolve())}
        try:
            with connection:
                connection.settimeout(timeout)
                connection.sendall(json.dumps(request).encode() + b"\n")
                reply = json.loads(connection.makefile("r", encoding="utf-8").readline() or "{}")
        except (OSError, ValueError):
            return False
        return reply.get("ok") is True

    def warm_up(self) -> None:
        """Start the office if it is not running, so the next conversion finds it warm."""
        idle = idle_seconds()
        if idle > 0 and (connection := self._connect() or self._start(idle)) is not None:
            connection.close()  # an empty request: the daemon's idle time starts again

    def stop(self) -> None:
        """Stop this slot's office now (tests, and anyone who wants the memory back)."""
        pid = self._pid()
        if pid:
            platform.terminate(pid)

    def _end_orphans(self) -> None:
        """End the office a killed daemon left running (kill -9 reaches the daemon only): its processes
        are in the daemon's process group, and name this slot's profile on their command line."""
        pid = self._pid()
        if not pid:
            return
        platform.end_group(pid, f"-env:UserInstallation={self.profile.resolve().as_uri()}".encode())

    def _pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text())
        except (OSError, ValueError):
            return None

    def _connect(self) -> socket.socket | None:
        return platform.connect_local(self.socket)

    def _start(self, idle: float) -> socket.socket | None:
        python, soffice = uno_python(), find_soffice()
        if python is None or soffice is None:
            return None
        self.profile.parent.mkdir(parents=True, exist_ok=True)
        with self.lock.open("w") as lock:
            platform.wait_lock(lock)  # one start per slot, however many commands ask at once
            if (connection := self._connect()) is not None:
                return connection
            self._end_orphans()
            with self.log.open("w") as log:
                daemon = subprocess.Popen(
                    [python, str(DAEMON), soffice, str(self.profile), str(self.socket), str(idle)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    env=_clean_env(),
                    start_new_session=True,  # outlives this command; Ctrl-C here does not reach it
                )
            assert daemon.stdout is not None
            ready = daemon.stdout.readline().strip() == b"ready"
            daemon.stdout.close()
            if not ready:
                daemon.kill()
                return None
            self.pid_file.write_text(str(daemon.pid))
            return self._connect()

"""Ending processes, and the warm office's Unix socket: what keeping a helper process between
commands needs. Linux only (a Unix socket, ``/proc``, process groups); on the portable path no warm
office is kept and every conversion starts LibreOffice cold.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
from pathlib import Path

from packetgen.core.platform.selection import portable


def can_keep_office_warm() -> bool:
    """Whether a LibreOffice can be kept running between commands and reached here."""
    return not portable()


def connect_local(path: Path) -> socket.socket | None:
    """A connection to the Unix socket at ``path``; None when nothing listens there (or no warm
    office can be kept here)."""
    if not can_keep_office_warm():
        return None
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.connect(str(path))
        return client
    except OSError:
        client.close()
        return None


def terminate(pid: int) -> None:
    """Ask a kept process ``pid`` to end (SIGTERM); nothing if it is gone already, or none is kept."""
    if not can_keep_office_warm():
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)


def end_group(group: int, argument: bytes) -> None:
    """Kill (SIGKILL) the processes of process group ``group`` that have ``argument`` on their command
    line. Linux reads them from /proc; elsewhere there is no such group to end (no warm office)."""
    if not can_keep_office_warm():
        return
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            found = int(stat.read_text().rsplit(")", 1)[1].split()[2])  # pid (comm) state ppid pgrp …
            if found == group and argument in (stat.parent / "cmdline").read_bytes().split(b"\0"):
                os.kill(int(stat.parent.name), signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile, or not ours to read


def kill_now() -> None:
    """End this process at once, with no clean-up (the tests' kill points). Windows has no SIGKILL:
    there ``os.kill`` terminates the process outright whatever the signal."""
    os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))

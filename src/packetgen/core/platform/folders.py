"""Swapping two folders at once, making a folder's changes durable, and sharing a file by hard link.

Linux: ``renameat2(RENAME_EXCHANGE)`` swaps two paths in one atomic step, and a folder opened
read-only can be fsynced. Portable: no exchange (the caller renames twice, ``os.replace``), and a
folder is synced where the system allows it (Windows opens no folder as a file).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
from pathlib import Path

from packetgen.core.platform.selection import portable

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False where the system cannot (then the caller falls back)."""
    if portable():
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def sync_folder(path: Path) -> None:
    """Write a folder's entries (files renamed in or out) to disk."""
    if portable():
        with contextlib.suppress(OSError):  # Windows cannot open a folder; NTFS journals its renames
            _fsync(path)
        return
    _fsync(path)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def share_file(source: Path, target: Path) -> None:
    """``target`` as the same file as ``source`` (a hard link), or a copy where the file system has no
    hard links (FAT, some network drives): files shared this way are never changed in place."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)

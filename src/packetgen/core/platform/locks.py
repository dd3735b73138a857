"""Exclusive locks on an open file, released when the file is closed (or its process ends, however).

Linux: ``flock``, as before. Portable: portalocker (``LockFileEx`` on Windows, ``flock`` elsewhere),
imported only there.
"""

from __future__ import annotations

from typing import IO

from packetgen.core.platform.selection import portable


def try_lock(handle: IO[bytes] | IO[str]) -> bool:
    """Lock ``handle``'s file without waiting; False while another process holds it."""
    if portable():
        import portalocker

        try:
            portalocker.lock(handle, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING)
        except portalocker.AlreadyLocked:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def wait_lock(handle: IO[bytes] | IO[str]) -> None:
    """Lock ``handle``'s file, waiting as long as another process holds it."""
    if portable():
        import portalocker

        portalocker.lock(handle, portalocker.LockFlags.EXCLUSIVE)
        return
    import fcntl

    fcntl.flock(handle, fcntl.LOCK_EX)

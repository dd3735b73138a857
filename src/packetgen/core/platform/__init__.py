"""The one seam between packetgen and the operating system: locks, the atomic exchange of a folder,
processes and the warm office's socket, and finding font files. Nothing else in packetgen makes a
Linux-only call.

Two paths. On Linux, Linux's own calls, as packetgen always made them: ``flock``, ``renameat2``'s
RENAME_EXCHANGE, a Unix socket and ``/proc`` for the warm office, fontconfig for fonts. Elsewhere (the
city's Windows PCs, a Mac) a portable one: a lock through portalocker, two renames for the exchange,
no warm office (every conversion starts LibreOffice cold), fonts found by the name tables of the files
in the system's font folders. ``PACKETGEN_PLATFORM=portable`` takes the portable path on Linux too.
"""

from packetgen.core.platform.folders import exchange, share_file, sync_folder
from packetgen.core.platform.fonts import ResolvedFont, can_find_fonts, find_font, font_environment
from packetgen.core.platform.locks import try_lock, wait_lock
from packetgen.core.platform.processes import can_keep_office_warm, connect_local, end_group, kill_now, terminate
from packetgen.core.platform.selection import PLATFORM_ENV, portable

__all__ = [
    "PLATFORM_ENV",
    "ResolvedFont",
    "can_find_fonts",
    "can_keep_office_warm",
    "connect_local",
    "end_group",
    "exchange",
    "find_font",
    "font_environment",
    "kill_now",
    "portable",
    "share_file",
    "sync_folder",
    "terminate",
    "try_lock",
    "wait_lock",
]

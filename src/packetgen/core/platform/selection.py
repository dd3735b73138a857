"""Which of the two paths this process takes: Linux's own calls, or the portable ones."""

from __future__ import annotations

import os
import sys

PLATFORM_ENV = "PACKETGEN_PLATFORM"
PORTABLE = "portable"


def portable() -> bool:
    """True off Linux (the city's Windows PCs, a Mac), or where ``PACKETGEN_PLATFORM=portable`` asks
    for the portable path on Linux (the tests run it there). Read at each call: a test may switch."""
    return os.environ.get(PLATFORM_ENV) == PORTABLE or not sys.platform.startswith("linux")

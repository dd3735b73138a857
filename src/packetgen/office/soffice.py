"""Where LibreOffice is: the first of its command names on the PATH."""

from __future__ import annotations

import shutil

CANDIDATES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    return next((path for name in CANDIDATES if (path := shutil.which(name))), None)

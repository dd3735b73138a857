"""Where LibreOffice is: the first of its command names on the PATH, else where its installer puts it
(Windows' Program Files, a Mac's Applications), since neither adds it to the PATH."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CANDIDATES = ("soffice", "libreoffice")
INSTALLED = (  # (environment variable naming a folder, or "" for an absolute path; the path below it)
    ("ProgramFiles", "LibreOffice/program/soffice.exe"),
    ("ProgramFiles(x86)", "LibreOffice/program/soffice.exe"),
    ("", "/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)


def find_soffice() -> str | None:
    on_path = next((path for name in CANDIDATES if (path := shutil.which(name))), None)
    return on_path or next((str(path) for path in installed() if path.is_file()), None)


def installed() -> list[Path]:
    """The places LibreOffice's installers use, on this machine's terms."""
    places = []
    for variable, below in INSTALLED:
        if not variable:
            places.append(Path(below))
        elif folder := os.environ.get(variable):
            places.append(Path(folder) / below)
    return places

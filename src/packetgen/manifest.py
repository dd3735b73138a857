"""outputs/DATE/manifest.json: what a build (and a print) produced, with checksums."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from packetgen.render.atomic import write_atomic

NAME = "manifest.json"


def read(folder: Path) -> dict[str, Any]:
    """The manifest, or an empty one when it is missing or damaged (it is rebuilt from what is known)."""
    try:
        data = json.loads((folder / NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("documents", []), list) else {}


def documents_by_id(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in manifest.get("documents", []) if isinstance(d, dict) and "id" in d}


def write(folder: Path, manifest: dict[str, Any]) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    write_atomic(folder / NAME, text.encode("utf-8"))

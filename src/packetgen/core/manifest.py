"""outputs/DATE/manifest.json: what a build (and a print) produced, with checksums."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def dumps(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

"""The one inline markup of slide sources: **bold** spans."""

from __future__ import annotations


def spans(text: str) -> list[tuple[str, bool]]:
    """'a**b**c' → [('a', False), ('b', True), ('c', False)]; empty spans are dropped."""
    parts = text.split("**")
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


def plain(text: str) -> str:
    return text.replace("**", "")

"""Rules for text typed in inputs: characters that cannot go into Office XML, length limits, and file
paths that would leave their folder."""

from __future__ import annotations

import re

# XML 1.0 forbids these; Excel exports carry \x0b (vertical tab) from cells pasted out of Word.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def illegal_characters(text: str) -> list[str]:
    """The illegal control characters in a text, shown as \\x0b etc. (empty when clean)."""
    return sorted({f"\\x{ord(c):02x}" for c in _ILLEGAL.findall(text)})


def describe_illegal(text: str) -> str | None:
    found = illegal_characters(text)
    if not found:
        return None
    return f"使用できない制御文字（{'、'.join(found)}）が含まれています。セルの内容を打ち直してください"


def leaves_folder(path: str) -> bool:
    """Whether a path typed in an input points outside the folder it is relative to: absolute (``/``,
    ``\\``, a drive ``C:``) or going up (``..``), with either slash."""
    return path.startswith(("/", "\\")) or ".." in path.replace("\\", "/").split("/") or ":" in path

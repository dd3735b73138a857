"""Numbers as staff type them in Excel: 1,234 / １２３４ / △394 / ▲394 / −394."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．－", "0123456789,.-")
_MINUS = ("△", "▲", "−", "ー", "－", "-")


def clean_int(value: Any) -> Any:
    """Text of an integer → int; anything else is left for pydantic to refuse with its message."""
    if not isinstance(value, str):
        return value
    text = value.strip().translate(_FULLWIDTH).replace(",", "")
    negative = text.startswith(_MINUS)
    if negative:
        text = text[1:]
    if text.isdigit():
        return -int(text) if negative else int(text)
    if text.endswith(".0") and text[:-2].isdigit():  # 1234.0 from a spreadsheet cell
        return -int(text[:-2]) if negative else int(text[:-2])
    return value


Count = Annotated[int, BeforeValidator(clean_int)]

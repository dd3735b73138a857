"""Numbers as staff type them in Excel: 1,234 / １，２３４ / △394 / ▲394 / −394 / 100,000千円.

One rule for every table: digits, optionally with a thousands comma every three digits. 14,4896 or
1,5 is refused (a slip, or a decimal comma) with the same sentence whichever file it is in.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import BeforeValidator

MINUS = ("-", "−", "‐", "ー", "△", "▲")  # NFKC has already turned － into -
_WHOLE = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.0+)?$")  # 1234, 1,234, 1234.0 (from a cell)
_COMMAS = re.compile(r"^[\d,]*\d,[\d,]*(?:\.\d+)?$")  # digits with commas somewhere else
SEPARATOR_RULE = "桁区切りの「,」は3桁ごとに入れてください"


def parse_integer(value: str, what: str = "整数", unit: str = "") -> int:
    """'１，２３４' → 1234, '△394' → -394, '100,000千円' (unit='千円') → 100000; else ValueError.

    ``what`` names the expected value in the message (e.g. '千円単位の整数（例：100,000）').
    """
    text = unicodedata.normalize("NFKC", value).strip()  # full-width digits, commas, signs → ASCII
    if unit:
        text = text.removesuffix(unit).rstrip()
    sign = -1 if text.startswith(MINUS) else 1
    if text.startswith((*MINUS, "+")):
        text = text[1:].lstrip()
    if _WHOLE.match(text):
        return sign * int(text.split(".")[0].replace(",", ""))
    if _COMMAS.match(text):
        raise ValueError(f"{SEPARATOR_RULE}（入力値：「{value}」）。{what}で入力してください")
    raise ValueError(f"{what}で入力してください（入力値：「{value}」）")


def clean_int(value: Any) -> Any:
    """Text of an integer → int; numbers and empty cells (None) are left for pydantic to check."""
    return parse_integer(value) if isinstance(value, str) else value


Count = Annotated[int, BeforeValidator(clean_int)]

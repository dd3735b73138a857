"""Pydantic errors → Japanese problems that name the file, row and column the user edits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from packetgen.core.errors import Problem
from packetgen.inputs.tables import Table

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "値がありません",
    "string_type": "文字列で入力してください",
    "int_parsing": "整数で入力してください",
    "int_type": "整数で入力してください",
    "int_from_float": "整数で入力してください",
    "float_parsing": "数値で入力してください",
    "float_type": "数値で入力してください",
    "bool_parsing": "はい/いいえ（true/false）で入力してください",
    "date_parsing": "日付として読めません（例：2023-07-27、令和5年7月27日）",
    "date_from_datetime_parsing": "日付として読めません（例：2023-07-27、令和5年7月27日）",
    "date_from_datetime_inexact": "日付として読めません（例：2023-07-27、令和5年7月27日）",
    "date_type": "日付として読めません（例：2023-07-27、令和5年7月27日）",
    "time_parsing": "時刻として読めません（例：13:30、13時30分）",
    "time_type": "時刻として読めません（例：13:30、13時30分）",
    "list_type": "一覧（- で始まる行の並び）で書いてください",
    "dict_type": "「項目: 値」の形で書いてください",
    "model_type": "「項目: 値」の形で書いてください",
    "extra_forbidden": "この項目は使えません（綴りを確認してください）",
    "string_too_short": "空にはできません",
    "too_short": "1件以上必要です",
}


def japanese_message(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind.endswith("_type") and error.get("input", "") is None:
        kind = "missing"  # an empty cell or an empty YAML value
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind == "string_too_long":
        return f"{ctx.get('max_length')}文字以内で入力してください"
    bounds = {
        "greater_than_equal": ("ge", "以上の"),
        "greater_than": ("gt", "より大きい"),
        "less_than_equal": ("le", "以下の"),
        "less_than": ("lt", "未満の"),
    }
    if kind in bounds:
        key, words = bounds[kind]
        return f"{ctx.get(key)}{words}値を入力してください"
    if kind == "literal_error":
        return f"次のいずれかを入力してください：{ctx.get('expected', '')}"
    if kind in ("int_parsing", "float_parsing", "int_from_float") and error.get("input") not in (None, ""):
        return f"{_MESSAGES[kind]}（入力値：「{error['input']}」）"
    return _MESSAGES.get(kind, error["msg"])


def validate_rows(table: Table, model: type[M], problems: list[Problem]) -> list[tuple[int, M]]:
    """Validate each row of a table (model fields aliased by the Japanese column names)."""
    valid: list[tuple[int, M]] = []
    for row in table.rows:
        data = {k: (v if v != "" else None) for k, v in row.values.items()}
        try:
            valid.append((row.number, model.model_validate(data)))
        except ValidationError as exc:
            for error in exc.errors():
                column = str(error["loc"][0]) if error["loc"] else None
                problems.append(table.problem(japanese_message(error), row.number, column))
    return valid


def key_path(loc: Sequence[str | int]) -> str:
    """('次第', 1, '小項目') → 次第[2].小項目 (list positions 1-based, as people count)."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text

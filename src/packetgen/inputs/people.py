"""参加者名簿 (members) and 市側出席者 (city staff): tables staff keep in Excel."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from packetgen.core import japanese
from packetgen.core.errors import Problem
from packetgen.inputs.numbers import Count
from packetgen.inputs.tables import read_table
from packetgen.inputs.validation import validate_rows

MEMBER_COLUMNS = ("No", "分野", "団体等", "職名等", "氏名", "ふりがな", "備考")
STAFF_COLUMNS = ("役職", "氏名")
_KANA = re.compile(r"^[\u3041-\u309f\u30fc 　]+$")
_WEB = re.compile(r"^(web|ｗｅｂ|ウェブ|オンライン)$", re.IGNORECASE)


def is_web_mark(remark: str) -> bool:
    """Web written as the list has written it (web, ＷＥＢ, ウェブ, オンライン …): the member attends online."""
    return bool(_WEB.match(remark))


def is_per_meeting_mark(remark: str) -> bool:
    """欠席 or a Web mark: a remark that holds for one meeting only."""
    return remark == "欠席" or is_web_mark(remark)


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _spaced_name(value: str) -> str:
    if not re.search(r"[ 　]", value.strip()):
        raise ValueError("姓と名の間に空白を入れてください（例：岩本　幸一）")
    return japanese.spaced_name(value)


class Member(_Row):
    no: Count = Field(alias="No", ge=1, le=9999)
    field_name: str = Field(default="", alias="分野", max_length=40)
    organization: str = Field(default="", alias="団体等", max_length=60)
    position: str = Field(default="", alias="職名等", max_length=60)
    name: str = Field(alias="氏名", max_length=30)
    kana: str = Field(alias="ふりがな", max_length=40)
    remark: str = Field(default="", alias="備考", max_length=20)

    @field_validator("field_name", "organization", "position", "remark", mode="before")
    @classmethod
    def _blank(cls, value: str | None) -> str:
        return value or ""

    @field_validator("name")
    @classmethod
    def _spaced(cls, value: str) -> str:
        return _spaced_name(value)

    @field_validator("kana")
    @classmethod
    def _hiragana(cls, value: str) -> str:
        kana = japanese.to_hiragana(value)  # イワモト　サイイチ or ｲﾜﾓﾄ ｻｲｲﾁ as pasted from another list
        if not _KANA.match(kana):
            raise ValueError(f"ひらがなかカタカナで入力してください（入力値：「{value}」、例：いわもと　さいいち）")
        return japanese.spaced_name(kana)

    @field_validator("remark")
    @classmethod
    def _remark(cls, value: str) -> str:
        # 欠席 and Web are the marks the list has used; other short notes (代理出席 …) are allowed.
        return "Web" if is_web_mark(value) else value

    @property
    def absent(self) -> bool:
        return self.remark == "欠席"


class StaffMember(_Row):
    role: str = Field(alias="役職", min_length=1, max_length=60)
    name: str = Field(alias="氏名", max_length=30)

    @field_validator("name")
    @classmethod
    def _spaced(cls, value: str) -> str:
        return _spaced_name(value)


def load_members(path: Path, label: str, problems: list[Problem]) -> list[Member]:
    table = read_table(path, label, MEMBER_COLUMNS, problems)
    if table is None:
        return []
    rows = validate_rows(table, Member, problems)
    first_row: dict[str, int] = {}
    for row in table.rows:  # on the raw text, so a duplicate is found even in a row with other errors
        no = unicodedata.normalize("NFKC", row.values["No"]).strip()  # ３ and 3 are the same No
        if no and no in first_row:
            problems.append(table.problem(f"No {no} が {first_row[no]}行目と重複しています", row.number, "No"))
        first_row.setdefault(no, row.number)
    return [m for _, m in rows]


def load_staff(path: Path, label: str, problems: list[Problem]) -> list[StaffMember]:
    table = read_table(path, label, STAFF_COLUMNS, problems)
    if table is None:
        return []
    return [s for _, s in validate_rows(table, StaffMember, problems)]

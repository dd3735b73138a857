"""文書 from inputs: the 本文 file (YAML) — a title and blocks in order: headings, paragraphs, bullet
lists, tables (typed, or a CSV/XLSX beside it), images (PNG/JPEG beside it) and page breaks.

The format is documented in docs/guide/06-inputs.md. Every printed word is the user's: the file is
read with every scalar as typed (yaml_files.load_as_typed: ``1.10`` stays ``1.10``, ``0123`` stays
``0123``), so every field here is a text; ``=SUM(A1)`` stays text too, nothing is computed.
Reading the files a block names, and the resolved blocks the renderer gets: ``paper_files.py``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from packetgen.inputs.slides import Rich
from packetgen.inputs.text_rules import leaves_folder

PAGE_BREAK = "改ページ"
# the kinds of block, each a key of one `- ` item of 本文, in the order the guide lists them
BLOCK_KINDS = ("見出し", "小見出し", "段落", "箇条書き", "表", "画像", PAGE_BREAK)
# keys that belong inside a 表 or 画像 (or a bullet): written one indent too shallow, they would read
# as a kind of block; the message says where they go
_INNER_KEYS = {
    "ファイル": ("表", "画像"),
    "列": ("表",),
    "行": ("表",),
    "出典": ("表",),
    "表題": ("表",),
    "説明": ("画像",),
    "項目": ("箇条書き",),
    "小項目": ("箇条書き",),
}
TABLE_SUFFIXES = (".csv", ".xlsx")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_COLUMNS = 10  # an A4 portrait column holds about ten columns of 10 pt text
MAX_ROWS = 1000  # about 25 pages of table: more is a mistake (or a whole database) rather than a paper


def too_wide(columns: int) -> str:
    return f"列が{columns}列あります。A4縦の資料に収まるのは{MAX_COLUMNS}列までです"


def too_long(rows: int) -> str:
    return f"行が{rows}行あります。表は{MAX_ROWS}行までです"


def _text(limit: int, markup: Any = str) -> Any:
    """A text of at most ``limit`` characters, not blank (``markup``: Rich for **bold**). The limit is
    checked here: on an optional field, pydantic's own would count "items", in English."""

    def check(value: str) -> str:
        if not value.strip():
            raise ValueError("空にはできません")
        if len(value) > limit:
            raise ValueError(f"{limit}文字以内で入力してください")
        return value.strip(" \t\r\n")  # a 全角 space at the start is the user's own indent: kept

    return Annotated[markup, AfterValidator(check)]


Title = _text(100)
Heading = _text(100)
Caption = _text(200)
ParagraphText = _text(3000, Rich)
ItemText = _text(500, Rich)


def _cell(value: Any) -> Any:
    """A typed cell: its text (the loader reads every scalar as typed); empty is ""."""
    return "" if value is None else value


Cell = Annotated[str, BeforeValidator(_cell)]


def _inside(value: str) -> str:
    if leaves_folder(value):
        raise ValueError(f"ファイル「{value}」は、本文のファイルと同じフォルダか、その下のフォルダを指してください")
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bullet(_Model):
    """One item of a bullet list, with its own items one level down."""

    text: ItemText = Field(alias="項目")
    children: tuple[ItemText, ...] = Field(default=(), alias="小項目")

    @model_validator(mode="before")
    @classmethod
    def _plain_item(cls, value: Any) -> Any:
        return {"項目": value} if isinstance(value, str) else value


def _file_of(suffixes: tuple[str, ...], what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = _inside(value)
        if not value.lower().endswith(suffixes):
            raise ValueError(f"{what}のファイルは {'・'.join(suffixes)} で用意してください（「{value}」）")
        return value

    return check


TableFile = Annotated[str, AfterValidator(_file_of(TABLE_SUFFIXES, "表"))]
ImageFile = Annotated[str, AfterValidator(_file_of(IMAGE_SUFFIXES, "画像"))]


class TableBlock(_Model):
    """A table typed in the file (列 and 行) or read from a CSV/XLSX file beside it (ファイル)."""

    title: str = Field(default="", alias="表題", max_length=100)
    file: TableFile = Field(default="", alias="ファイル")
    columns: tuple[Cell, ...] = Field(default=(), alias="列")
    rows: tuple[tuple[Cell, ...], ...] = Field(default=(), alias="行")
    source: str = Field(default="", alias="出典", max_length=300)

    @model_validator(mode="after")
    def _one_way(self) -> TableBlock:
        typed = bool(self.columns or self.rows)
        if self.file and typed:
            raise ValueError("表は「ファイル」か、「列」と「行」の、どちらか一方で書いてください")
        if not self.file and not typed:
            raise ValueError("表の中身がありません。「ファイル」（CSV・Excel）か、「列」と「行」を書いてください")
        if typed and not (self.columns and self.rows):
            missing = "列" if not self.columns else "行"
            raise ValueError(f"「{missing}」がありません。書いた表には「列」（見出し）と「行」の両方が必要です")
        if len(self.columns) > MAX_COLUMNS:
            raise ValueError(too_wide(len(self.columns)))
        if len(self.rows) > MAX_ROWS:
            raise ValueError(too_long(len(self.rows)))
        return self


class ImageBlock(_Model):
    """A PNG or JPEG beside the file; 説明 is printed under it and is its alternative text."""

    file: ImageFile = Field(alias="ファイル", min_length=1)
    caption: Caption = Field(alias="説明")


class Block(_Model):
    """One `- ` item of 本文: exactly one kind of block."""

    heading: Heading | None = Field(default=None, alias="見出し")
    subheading: Heading | None = Field(default=None, alias="小見出し")
    paragraph: ParagraphText | None = Field(default=None, alias="段落")
    bullets: tuple[Bullet, ...] | None = Field(default=None, alias="箇条書き", min_length=1)
    table: TableBlock | None = Field(default=None, alias="表")
    image: ImageBlock | None = Field(default=None, alias="画像")
    page_break: bool = Field(default=False, alias=PAGE_BREAK)

    @model_validator(mode="before")
    @classmethod
    def _one_kind(cls, value: Any) -> Any:
        return block_shape(value)


def block_shape(value: Any) -> Any:
    """`- 改ページ` alone, or a mapping of one known kind to its content; else a message that says
    what to write instead."""
    kinds = "、".join(BLOCK_KINDS)
    if value == PAGE_BREAK:
        return {PAGE_BREAK: True}
    if isinstance(value, str):
        shown = str(value) if len(str(value)) <= 20 else str(value)[:20] + "…"
        raise ValueError(
            f"種類の名前がありません。段落なら「- 段落: {shown}」のように書いてください（使える種類：{kinds}）"
        )
    if not isinstance(value, dict):
        return value  # the model reports the wrong shape
    for key in value:
        if key in _INNER_KEYS:
            raise ValueError(
                f"「{key}」は{'か'.join(f'「{k}」' for k in _INNER_KEYS[key])}の中に書く項目です。"
                f"「- {_INNER_KEYS[key][0]}:」の次の行から、字下げを深くして書いてください"
            )
        if key not in BLOCK_KINDS:
            close = difflib.get_close_matches(str(key), BLOCK_KINDS, n=1, cutoff=0.4)
            hint = f"「{close[0]}」のことですか？" if close else ""
            raise ValueError(f"「{key}」という種類はありません。{hint}（使える種類：{kinds}）")
    if len(value) != 1:
        raise ValueError(
            f"1つの「- 」に{'と'.join(f'「{k}」' for k in value)}が並んでいます。種類ごとに「- 」を付けて分けてください"
        )
    (kind,) = value
    if kind == PAGE_BREAK:
        if value[kind] is not None:  # `- 改ページ: false` would still break: refused, not guessed
            raise ValueError("改ページ には値を書きません。`- 改ページ` とだけ書いてください")
        return {PAGE_BREAK: True}  # `- 改ページ:` (empty) means the same
    if value[kind] is None:
        raise ValueError(f"「{kind}」の中身がありません")
    return value


class PaperSource(_Model):
    """The 本文 file: the document's title and its blocks, in order."""

    title: Title = Field(alias="表題")
    blocks: tuple[Block, ...] = Field(alias="本文")

    @field_validator("blocks")
    @classmethod
    def _some_blocks(cls, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        # here, not min_length: pydantic would also call a list whose one block is wrong too short
        if not blocks:
            raise ValueError("「本文」が空です。見出しや段落を「- 種類: 中身」の形で書いてください")
        return blocks

"""Reading a 本文 file (inputs/paper.py) into the blocks a 文書 prints: tables read from their CSV or
XLSX file, images opened to be sure Word can show them.

Files a block names are found beside the 本文 file (its folder, or below it). Every problem names the
file and line the user edits: the 本文 file's line of the block, or the table file's Excel row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from packetgen.core.errors import Problem, column_letter
from packetgen.inputs.paper import MAX_COLUMNS, MAX_ROWS, Block, ImageBlock, PaperSource, TableBlock, too_long, too_wide
from packetgen.inputs.tables import read_table, unsaved_formulas
from packetgen.inputs.validation import key_path
from packetgen.inputs.yaml_files import line_of, load_as_typed, load_yaml_document

MAX_IMAGE_BYTES = 20 * 1024 * 1024  # a photo straight from a camera is smaller; Word files stay mailable
# a 64-megapixel phone photo fits; more would take gigabytes to decode (Pillow refuses twice its own
# 89 million anyway, before this could say why)
MAX_IMAGE_PIXELS = 80_000_000


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: 見出し, 2: 小見出し


@dataclass(frozen=True)
class Paragraph:
    text: str  # may hold **bold** spans and line breaks


@dataclass(frozen=True)
class BulletItem:
    text: str
    children: tuple[str, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[BulletItem, ...]


@dataclass(frozen=True)
class TableData:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: str


@dataclass(frozen=True)
class Picture:
    path: Path
    caption: str  # printed under the picture and its alternative text


@dataclass(frozen=True)
class PageBreak:
    pass


PaperBlock = Heading | Paragraph | BulletList | TableData | Picture | PageBreak


@dataclass(frozen=True)
class Paper:
    title: str
    blocks: tuple[PaperBlock, ...]


@dataclass(frozen=True)
class _Where:
    """The 本文 file being read: where its blocks' files are, and its lines for messages."""

    folder: Path
    label: str  # inputs/DATE/…/本文.yaml
    node: yaml.Node | None

    def problem(self, message: str, *loc: str | int) -> Problem:
        return Problem(self.label, message, line_of(self.node, ("本文", *loc)), key_path(("本文", *loc)))

    def file(self, name: str) -> tuple[Path, str]:
        """The path of a file the 本文 names, and how the user finds it from the project folder."""
        folder_label = self.label.rsplit("/", 1)[0]
        return self.folder / name, f"{folder_label}/{name}"

    def inside(self, path: Path) -> bool:
        """Not a link out of the 本文's folder (the name itself was checked when validated)."""
        return path.resolve().is_relative_to(self.folder.resolve())


def named_in_source(path: Path) -> list[str]:
    """The ファイル of every 表 and 画像 block of the 本文 file, as written (relative to its folder);
    none when the file does not read as YAML blocks (loading it tells what is wrong)."""
    try:
        source = load_as_typed(path.read_text("utf-8"))
    except (OSError, UnicodeError, yaml.YAMLError):
        return []
    blocks = source.get("本文") if isinstance(source, dict) else None
    names = []
    for block in blocks if isinstance(blocks, list) else []:
        for kind in ("表", "画像"):
            value = block.get(kind) if isinstance(block, dict) else None
            name = value.get("ファイル") if isinstance(value, dict) else None
            if isinstance(name, str) and name.strip():
                names.append(name.strip())
    return names


def load_paper(path: Path, label: str, problems: list[Problem]) -> Paper | None:
    """Read, validate and resolve a 本文 file; every problem is appended, None when there is any."""
    start = len(problems)
    source, node = load_yaml_document(path, label, PaperSource, problems, as_typed=True)
    if source is None:
        return None
    where = _Where(path.parent, label, node)
    blocks = [_resolve(i, block, where, problems) for i, block in enumerate(source.blocks)]
    if len(problems) > start:
        return None
    return Paper(source.title, tuple(b for b in blocks if b is not None))


def _resolve(i: int, block: Block, where: _Where, problems: list[Problem]) -> PaperBlock | None:
    if block.heading is not None:
        return Heading(block.heading, 1)
    if block.subheading is not None:
        return Heading(block.subheading, 2)
    if block.paragraph is not None:
        return Paragraph(block.paragraph)
    if block.bullets is not None:
        return BulletList(tuple(BulletItem(b.text, b.children) for b in block.bullets))
    if block.table is not None:
        return _table(i, block.table, where, problems)
    if block.image is not None:
        return _picture(i, block.image, where, problems)
    return PageBreak()


def _table(i: int, table: TableBlock, where: _Where, problems: list[Problem]) -> TableData | None:
    if table.file:
        return _table_file(i, table, where, problems)
    for r, row in enumerate(table.rows):
        if len(row) != len(table.columns):
            message = f"この行の値は{len(row)}個です。列（{len(table.columns)}個）と同じ数だけ書いてください"
            problems.append(where.problem(message, i, "表", "行", r))
    return TableData(table.title, table.columns, table.rows, table.source)


def _table_file(i: int, table: TableBlock, where: _Where, problems: list[Problem]) -> TableData | None:
    path, label = where.file(table.file)
    if not path.is_file() or not where.inside(path):
        problems.append(where.problem(_not_found("表", table.file), i, "表", "ファイル"))
        return None
    read = read_table(path, label, None, problems)
    if read is None:
        return None
    if len(read.header) > MAX_COLUMNS:
        problems.append(read.problem(too_wide(len(read.header)), 1))
        return None
    if len(read.rows) > MAX_ROWS:
        problems.append(read.problem(too_long(len(read.rows)), read.rows[MAX_ROWS].number))
        return None
    unsaved = unsaved_formulas(path) if path.suffix.lower() == ".xlsx" else []
    if unsaved:  # else printed blank, silently
        (row, column), more = unsaved[0], len(unsaved) - 1
        others = f"（ほかに{more}個のセルも同じです）" if more else ""
        ref = read.column_ref(read.header[column]) if column < len(read.header) else f"{column_letter(column)}列"
        message = f"式の値が保存されていません{others}。Excel で開いて保存し直してください"
        problems.append(Problem(read.label, message, row, ref))
        return None
    rows = tuple(tuple(row.values[c] for c in read.header) for row in read.rows)
    return TableData(table.title, tuple(read.header), rows, table.source)


def _not_found(what: str, name: str) -> str:
    return f"{what}のファイル「{name}」が見つかりません（この本文のファイルがあるフォルダからの場所を書きます）"


def _picture(i: int, image: ImageBlock, where: _Where, problems: list[Problem]) -> Picture | None:
    path, _ = where.file(image.file)
    if not path.is_file() or not where.inside(path):
        problems.append(where.problem(_not_found("画像", image.file), i, "画像", "ファイル"))
        return None
    unreadable = image_problem(path, image.file)
    if unreadable:
        problems.append(where.problem(unreadable, i, "画像", "ファイル"))
        return None
    return Picture(path, image.caption)


def image_problem(path: Path, name: str) -> str | None:
    """Why Word could not show the image ``name`` (at ``path``), or None: a PNG or JPEG that decodes
    to its end."""
    from PIL import Image, UnidentifiedImageError  # only a 文書 with pictures pays for Pillow

    if path.stat().st_size > MAX_IMAGE_BYTES:
        megabytes = MAX_IMAGE_BYTES // 1024 // 1024
        return f"画像「{name}」が大きすぎます（{megabytes}MBまで）。画像を縮小して保存し直してください"
    too_many = f"画像「{name}」は画素数が多すぎます（8000万画素まで）。画像を縮小して保存し直してください"
    try:
        with Image.open(path) as picture:
            kind, (width, height) = picture.format, picture.size
            if width * height > MAX_IMAGE_PIXELS:
                return too_many
            picture.load()
    except Image.DecompressionBombError:  # Pillow's own limit (twice its 89 million), met on opening
        return too_many
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return f"「{name}」を画像として読めません。PNG か JPEG で保存し直してください"
    if kind not in ("PNG", "JPEG"):
        return f"画像「{name}」は {kind} 形式です。PNG か JPEG で保存し直してください"
    return _word_problem(path, name)


def _word_problem(path: Path, name: str) -> str | None:
    """python-docx, which puts the picture into the paper, reads a JPEG only with a JFIF or Exif header:
    not a CMYK JPEG from a print designer (Adobe header) or one whose header was stripped."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image as WordImage

    try:
        WordImage.from_file(str(path))
    except UnrecognizedImageError:
        return f"「{name}」は Word の文書に入れられない形式の JPEG です（CMYK など）。PNG で保存し直してください"
    return None

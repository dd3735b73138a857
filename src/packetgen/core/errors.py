"""User-facing errors: each names the file, row and column as the user sees them in Excel."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def column_letter(index: int) -> str:
    """0-based column index → Excel column letters (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One problem in one input: where it is and what is wrong (in Japanese)."""

    file: str
    message: str
    row: int | None = None  # 1-based, as Excel numbers rows (the header is row 1)
    column: str | None = None  # e.g. 'E列「氏名」' or a YAML key path

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" {self.row}行目"
        if self.column:
            where += f" {self.column}"
        return f"{where}: {self.message}"


class PacketError(Exception):
    """An error the user can fix (bad input, unknown id, bad date): printed without traceback."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        self.problems = list(problems)
        super().__init__(message)

    def __reduce__(self):  # so an error raised in a worker process (core.platform.workers) comes back whole
        return _rebuilt, (type(self), self.args[0], self.problems)

    SHOWN = 50  # beyond this a list helps nobody: say how many more there are

    def render(self) -> str:
        lines = [str(self.args[0])]
        lines += [f"  - {p}" for p in self.problems[: self.SHOWN]]
        if len(self.problems) > self.SHOWN:
            lines.append(f"  …ほか {len(self.problems) - self.SHOWN}件（最初の{self.SHOWN}件を表示しています）")
        return "\n".join(lines)


class InputError(PacketError):
    """One or more problems in the meeting's input files."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        problems = list(problems)
        files = list(dict.fromkeys(p.file for p in problems))
        problems.sort(key=lambda p: (files.index(p.file), p.row or 0))  # as the user reads the file
        super().__init__(f"入力ファイルに{len(problems)}件の問題があります。修正してから再実行してください。", problems)


def _rebuilt(kind: type[PacketError], message: str, problems: list[Problem]) -> PacketError:
    error = PacketError.__new__(kind)
    PacketError.__init__(error, message, problems)
    return error

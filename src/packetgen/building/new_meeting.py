"""packetgen new DATE --from PREVIOUS: start a meeting's inputs from the previous meeting's.

The copy gets the new date, the 回次 advanced (or 1 in a new fiscal year) with its 年度, and the
per-meeting marks (欠席/Web in the member list, the print order's 発注日 and 納期) cleared; everything
else stays for staff to edit. meeting.yaml records 元の会議, so `check` can list the dated texts still
as they were there (carried_over).
The new folder appears only when complete (built aside, then renamed).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from packetgen.building.packet import MEETING_FILE, Packet, parse_meeting_date
from packetgen.core import japanese
from packetgen.core.errors import PacketError
from packetgen.inputs.people import is_per_meeting_mark  # the member list reader's own rule
from packetgen.inputs.tables import decode_text

REMARK_COLUMN = "備考"


def _per_meeting(value: object) -> bool:
    """欠席 or a Web mark as the member list's reader understands it (web/ＷＥＢ/オンライン too), so
    `new` never carries over a mark the agenda would print."""
    text = str(value).strip() if value is not None else ""
    return is_per_meeting_mark(text)


@dataclass(frozen=True)
class NewMeeting:
    folder: Path
    title: str
    cleared: int  # 欠席/Web marks removed
    to_edit: list[str]


def _set_line(text: str, key: str, value: str) -> str:
    """Replace the value of the first `key:` line, keeping indentation and any comment after it."""
    pattern = re.compile(rf"^(\s*{re.escape(key)}:\s*)([^#\n]*?)(\s*#.*)?$", re.MULTILINE)
    if not pattern.search(text):
        raise PacketError(f"{MEETING_FILE} に「{key}:」の行がありません")
    return pattern.sub(lambda m: f"{m.group(1)}{value}{m.group(3) or ''}", text, count=1)


PER_MEETING_KEYS = ("発注日", "納期")  # the print order's dates belong to the last meeting


def _drop_lines(text: str, keys: tuple[str, ...]) -> tuple[str, list[str]]:
    """Remove the `key: value` lines of ``keys`` (a value of the last meeting that must not carry over)."""
    dropped = []
    for key in keys:
        pattern = re.compile(rf"^[ \t]*{re.escape(key)}:[^\n]*\n?", re.MULTILINE)
        if pattern.search(text):
            text = pattern.sub("", text, count=1)
            dropped.append(key)
    return text, dropped


def _clear_marks_csv(path: Path) -> int:
    data = path.read_bytes()
    text, encoding = decode_text(data)
    newline = "\r\n" if "\r\n" in text else "\n"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or REMARK_COLUMN not in rows[0]:
        return 0
    col = rows[0].index(REMARK_COLUMN)
    cleared = 0
    for row in rows[1:]:
        if col < len(row) and _per_meeting(row[col]):
            row[col] = ""
            cleared += 1
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    bom = data.startswith(b"\xef\xbb\xbf")
    path.write_bytes(out.getvalue().encode("utf-8-sig" if bom else encoding))
    return cleared


def _clear_marks_xlsx(path: Path) -> int:
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    header = [str(c.value).strip() if c.value is not None else "" for c in sheet[1]]
    if REMARK_COLUMN not in header:
        return 0
    col = header.index(REMARK_COLUMN) + 1
    cleared = 0
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=col)
        if isinstance(cell.value, str) and _per_meeting(cell.value):
            cell.value = None
            cleared += 1
    workbook.save(path)
    return cleared


def create(project: Path, date_text: str, previous_text: str) -> NewMeeting:
    day = parse_meeting_date(date_text)
    parse_meeting_date(previous_text)
    previous = Packet(project, previous_text)  # the source must itself be a valid meeting
    target = project / "inputs" / day.isoformat()
    if target.exists():
        raise PacketError(f"inputs/{day.isoformat()}/ は既にあります（上書きはしません）")
    if day <= previous.date:
        raise PacketError(f"新しい会議の日付 {day.isoformat()} が元の会議 {previous.key} より前です")
    staging = project / "inputs" / f".{day.isoformat()}.new"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        shutil.copytree(previous.meeting_dir, staging)
        meeting = staging / MEETING_FILE
        text, _ = decode_text(meeting.read_bytes())  # the reader check uses: UTF-8 (BOM) or CP932
        fiscal = japanese.fiscal_year(day)
        same_year = fiscal == japanese.fiscal_year(previous.date)
        session = previous.meeting.session + 1 if same_year else 1
        text = _set_line(text, "日付", day.isoformat())
        text = _set_line(text, "回次", str(session))
        text = _set_line(text, "年度", japanese.wareki_fiscal_year(fiscal))
        text, dropped = _drop_lines(text, PER_MEETING_KEYS)
        note = f"# packetgen new {day.isoformat()} --from {previous.key} で作成（日付・回次・年度は更新済み）\n"
        if re.search(r"^元の会議:", text, re.MULTILINE):
            text = _set_line(text, "元の会議", previous.key)
        else:
            line = f"元の会議: {previous.key}  # check が前回のままの文を示します\n"
            text += line if text.endswith("\n") else "\n" + line
        meeting.write_text(note + text, "utf-8")
        cleared = 0
        for entry in previous.meeting.documents:
            member_list = entry.inputs.get("参加者名簿")
            if member_list:
                path = staging / member_list
                cleared += _clear_marks_xlsx(path) if path.suffix.lower() == ".xlsx" else _clear_marks_csv(path)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    created = Packet(project, day.isoformat())
    to_edit = [
        f"inputs/{day.isoformat()}/{MEETING_FILE}：日時（開始・終了）、場所、次第、資料の構成",
        "参加者名簿の 備考（欠席・Web）と委員の異動、市側出席者",
        "各資料の入力（スライド・人口動態・寄附実績など）を今回の内容に",
    ]
    if dropped:
        to_edit.append(f"印刷の{'・'.join(dropped)}（前回の値は消しました。発注書には「要記入」と出ます）")
    return NewMeeting(target, created.meeting.full_title, cleared, to_edit)

"""agenda: 次第 (page 1), 参加者名簿 and 市側出席者 (page 2), and the 協議 explanation (page 3)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from packetgen.core.errors import InputError, Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.inputs.explanation import Explanation
from packetgen.inputs.meeting import Meeting
from packetgen.inputs.people import Member, StaffMember, load_members, load_staff
from packetgen.inputs.validation import key_path
from packetgen.inputs.yaml_files import line_of, load_yaml_document

EXPLANATION = "協議説明"  # an optional role: the 協議 page is printed only when meeting.yaml gives it


@dataclass(frozen=True)
class AgendaData:
    members: list[Member]
    staff: list[StaffMember]
    explanation: Explanation | None


class Builder(DocumentBuilder):
    """次第: its roles 参加者名簿 and 市側出席者 (the kind's) are required, 協議説明 is optional."""

    def load(self, ctx: BuildContext, problems: list[Problem]) -> AgendaData:
        members, staff = self.lists(ctx, problems)
        explanation = None
        if EXPLANATION in ctx.entry.inputs:
            label = ctx.input_label(EXPLANATION)
            explanation, node = load_yaml_document(ctx.input_path(EXPLANATION), label, Explanation, problems)
            if explanation is not None:
                problems += tie_problems(explanation, ctx.meeting, node, label)
        return AgendaData(members, staff, explanation)

    def lists(self, ctx: BuildContext, problems: list[Problem]) -> tuple[list[Member], list[StaffMember]]:
        """参加者名簿 and 市側出席者, read and validated."""
        members_role, staff_role = self.kind.roles
        members = load_members(ctx.input_path(members_role), ctx.input_label(members_role), problems)
        return members, load_staff(ctx.input_path(staff_role), ctx.input_label(staff_role), problems)

    def attendees(self, ctx: BuildContext, without_absent: bool = False) -> tuple[str, int]:
        """Only the two lists are read: the rest of the document does not change who attends."""
        problems: list[Problem] = []
        members, staff = self.lists(ctx, problems)
        if problems:  # the print step builds first, so its lists were valid a moment ago
            raise InputError(problems)
        return attendance(members, staff, without_absent)

    def render(self, ctx: BuildContext, data: AgendaData) -> bytes:
        from packetgen.render.docx_template import render_docx  # Word libraries only when building

        (template,) = self.kind.templates
        return render_docx(
            ctx.template_path(template), context(ctx, data), ctx.timestamp, f"templates/{template}", ctx.fonts
        )


def attendance(members: list[Member], staff: list[StaffMember], without_absent: bool) -> tuple[str, int]:
    """(「委員16名＋市側出席者5名」, 21): by default every member gets a packet, absent ones too (it is
    sent to them afterwards)."""
    count = len(members)
    note = f"委員{count}名"
    if without_absent:
        absent = sum(1 for m in members if m.absent)
        count -= absent
        note = f"委員{count}名（欠席{absent}名を除く）" if absent else note
    return f"{note}＋市側出席者{len(staff)}名", count + len(staff)


def tie_problems(explanation: Explanation, meeting: Meeting, node: yaml.Node | None, label: str) -> list[Problem]:
    """The explanation must explain an item of this meeting's 次第 and cite documents of this packet:
    a page carried over from the last meeting is refused, not printed stale."""
    items = [t for item in meeting.agenda for t in (item.title, *item.children)]
    ids = [d.id for d in meeting.documents]
    problems = []
    if explanation.item not in items:
        problems.append(
            Problem(
                label,
                f"次第「{explanation.item}」は meeting.yaml の次第にありません"
                f"（今回の次第：{'、'.join(items)}）。この説明が今回の会議のものか確認してください",
                line_of(node, ("次第",)),
                "次第",
            )
        )
    for i, section in enumerate(explanation.sections):
        for j, doc in enumerate(section.documents):
            if doc not in ids:
                loc = ("節", i, "資料", j)
                problems.append(
                    Problem(
                        label,
                        f"資料「{doc}」はこの会議の資料にありません（今回の資料：{'、'.join(ids)}）",
                        line_of(node, loc),
                        key_path(loc),
                    )
                )
    return problems


def context(ctx: BuildContext, data: AgendaData) -> dict[str, Any]:
    """Plain values only: the template is user-edited and rendered in a sandbox."""
    meeting = ctx.meeting
    agenda = [
        {
            "number": str(i),
            "title": item.title,
            "children": [{"number": f"({j})", "title": t} for j, t in enumerate(item.children, start=1)],
        }
        for i, item in enumerate(meeting.agenda, start=1)
    ]
    explanation = None
    if data.explanation is not None:
        ex = data.explanation
        explanation = {
            "heading": ex.heading,
            "sections": [{"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in ex.sections],
            "reference": (
                {
                    "heading": ex.reference.heading,
                    "title": ex.reference.title,
                    "items": [{"name": i.name, "detail": i.detail} for i in ex.reference.items],
                }
                if ex.reference
                else None
            ),
        }
    return {
        "meeting": {
            "full_title": meeting.full_title,
            "session_name": meeting.session_name,
            "datetime_text": meeting.datetime_text,
            "date_text": meeting.date_text,
            "place": meeting.place,
        },
        "agenda": agenda,
        "members": [
            {
                "no": m.no,
                "field": m.field_name,
                "organization": m.organization,
                "position": m.position,
                "name": m.name,
                "kana": m.kana,
                "remark": m.remark,
            }
            for m in data.members
        ],
        "staff": [{"role": s.role, "name": s.name} for s in data.staff],
        "explanation": explanation,
    }

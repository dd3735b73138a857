"""agenda: 次第 (page 1), 参加者名簿 and 市側出席者 (page 2), and the 協議 explanation (page 3)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from packetgen.core.errors import Problem
from packetgen.documents.base import BuildContext, DocumentBuilder
from packetgen.documents.registry import AGENDA
from packetgen.inputs.explanation import Explanation
from packetgen.inputs.meeting import Meeting
from packetgen.inputs.people import Member, StaffMember, load_members, load_staff
from packetgen.inputs.validation import key_path
from packetgen.inputs.yaml_files import line_of, load_yaml_document

TEMPLATE = AGENDA.templates[0]


@dataclass(frozen=True)
class AgendaData:
    members: list[Member]
    staff: list[StaffMember]
    explanation: Explanation | None


class Agenda(DocumentBuilder):
    """Its roles 参加者名簿 and 市側出席者 are required, 協議説明 is optional."""

    def load(self, ctx: BuildContext, problems: list[Problem]) -> AgendaData:
        members = load_members(ctx.input_path("参加者名簿"), ctx.input_label("参加者名簿"), problems)
        staff = load_staff(ctx.input_path("市側出席者"), ctx.input_label("市側出席者"), problems)
        explanation = None
        if "協議説明" in ctx.entry.inputs:
            label = ctx.input_label("協議説明")
            explanation, node = load_yaml_document(ctx.input_path("協議説明"), label, Explanation, problems)
            if explanation is not None:
                problems += tie_problems(explanation, ctx.meeting, node, label)
        return AgendaData(members, staff, explanation)

    def attendees(self, data: AgendaData, without_absent: bool = False) -> tuple[str, int]:
        # by default every member gets a packet, absent ones too (it is sent to them afterwards)
        members = len(data.members)
        note = f"委員{members}名"
        if without_absent:
            absent = sum(1 for m in data.members if m.absent)
            members -= absent
            note = f"委員{members}名（欠席{absent}名を除く）" if absent else note
        return f"{note}＋市側出席者{len(data.staff)}名", members + len(data.staff)

    def render(self, ctx: BuildContext, data: AgendaData) -> bytes:
        from packetgen.render.docx_template import render_docx  # Word libraries only when building

        return render_docx(
            ctx.template_path(TEMPLATE), context(ctx, data), ctx.timestamp, f"templates/{TEMPLATE}", ctx.fonts
        )


def tie_problems(explanation: Explanation, meeting: Meeting, node: Any, label: str) -> list[Problem]:
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


BUILDER = Agenda(AGENDA)

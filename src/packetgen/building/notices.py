"""What `packetgen check` (and a build) says beyond errors: 注意 lines about the templates' fonts, the
documents' own reports (a deck's typesetting, a claim with no figures), input files no document reads,
and texts carried over unchanged from the last meeting.
"""

from __future__ import annotations

from pathlib import Path

from packetgen.building.assemble import Verified
from packetgen.building.carried_over import carried_over
from packetgen.building.packet import MEETING_FILE, Packet, PlannedDocument


def check_notices(packet: Packet, verified: list[Verified]) -> list[str]:
    """Every 注意 of a check, in the order staff read them: the documents' data, the templates' fonts,
    each document's report, the meeting folder's unread files, texts carried over."""
    out = [line for v in verified for line in v.notices]
    out += font_notices(packet, [v.doc for v in verified])
    out += [line for v in verified for line in v.report]
    return out + unused_inputs(packet) + carried_over(packet)


def font_notices(packet: Packet, plan: list[PlannedDocument]) -> list[str]:
    """One line per template that chooses fonts the font setting overrides (never silently)."""
    from packetgen.render.ooxml_fonts import audit  # lxml only when templates are read

    notices = []
    fonts = packet.fonts
    for name in dict.fromkeys(name for doc in plan for name in doc.kind.templates):
        path = packet.project / "templates" / name
        try:
            chosen = audit(path.read_bytes(), fonts)
        except Exception:
            continue  # a missing or broken template is reported by the build itself
        if chosen:
            notices.append(
                f"注意：templates/{name} はフォント「{'」「'.join(chosen)}」を指定していますが、"
                f"フォント設定（{fonts.source}）の{fonts.describe()}で作成します。"
                f"書体を変えるときは {fonts.source} を編集してください"
            )
    return notices


def unused_inputs(packet: Packet) -> list[str]:
    """注意 lines: a table or text file of the meeting folder that no document reads (with the role
    it probably fills: a document's input of the same name with another extension)."""
    used = packet.roles()
    by_stem = {Path(name).with_suffix("").as_posix(): name for name in used}
    out = []
    for path in sorted(packet.meeting_dir.rglob("*")):
        name = path.relative_to(packet.meeting_dir).as_posix()
        if (
            not path.is_file()
            or path.suffix.lower() not in (".csv", ".xlsx", ".yaml", ".yml", ".txt")
            or name == MEETING_FILE
            or name in used
            or any(part.startswith(".") for part in Path(name).parts)
        ):
            continue
        twin = by_stem.get(Path(name).with_suffix("").as_posix())
        guess = (
            f"資料「{used[twin][0]}」の{used[twin][1]}（今は {twin} を読んでいます）の別の版のようです。"
            f"こちらを使うときは {MEETING_FILE} の入力.{used[twin][1]} を「{name}」にしてください"
            if twin
            else f"使うときは {MEETING_FILE} の資料の入力に書いてください"
        )
        out.append(f"注意：inputs/{packet.key}/{name} はどの資料も読んでいません。{guess}")
    return out

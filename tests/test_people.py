"""The member and staff lists (inputs/people.py): names spaced with a 全角 space, ふりがな in hiragana
from either kana, Web attendance however it is typed, the remarks that hold for one meeting only, the
limits of a row, and each bad row named by row and column."""

# ruff: noqa: E501  (the expected messages are literal Japanese sentences, kept whole)

from __future__ import annotations

from pathlib import Path

import pytest

from packetgen.core.errors import Problem
from packetgen.inputs.people import Member

MEMBERS = """No,分野,団体等,職名等,氏名,ふりがな,備考
1,産業,一関商工会議所,会頭,岩本 幸一,イワモト ｺｳｲﾁ,web
２,,,,石山　志保,いしやま しほ,欠席
3,,,,佐藤太郎,さとう たろう,ＷＥＢ
3,,,,鈴木 花子,すずき はなこ1,代理出席
0,,,,高橋 一,たかはし はじめ,オンライン
,,,,田中 一,たなか はじめ,ウェブ
"""


def test_a_member_list_is_read_and_each_bad_row_named(tmp_path: Path) -> None:
    from packetgen.inputs import people

    (tmp_path / "members.csv").write_text(MEMBERS, "utf-8")
    problems: list[Problem] = []
    members = people.load_members(tmp_path / "members.csv", "members.csv", problems)
    assert [(m.no, m.field_name, m.organization, m.position, m.name, m.kana, m.remark) for m in members] == [
        (1, "産業", "一関商工会議所", "会頭", "岩本\u3000幸一", "いわもと\u3000こういち", "Web"),
        (2, "", "", "", "石山\u3000志保", "いしやま\u3000しほ", "欠席"),
    ]
    assert [(m.absent, m.remark == "Web") for m in members] == [(False, True), (True, False)]
    assert [str(p) for p in problems] == [
        "members.csv 4行目 E列「氏名」: 姓と名の間に空白を入れてください（例：岩本　幸一）",
        "members.csv 5行目 F列「ふりがな」: ひらがなかカタカナで入力してください（入力値：「すずき はなこ1」、例：いわもと　さいいち）",
        "members.csv 6行目 A列「No」: 1以上の値を入力してください",
        "members.csv 7行目 A列「No」: 値がありません",
        "members.csv 5行目 A列「No」: No 3 が 4行目と重複しています",
    ]
    assert people.MEMBER_COLUMNS == ("No", "分野", "団体等", "職名等", "氏名", "ふりがな", "備考")
    assert people.load_members(tmp_path / "none.csv", "none.csv", []) == []


@pytest.mark.parametrize(
    ("remark", "kept"),
    [
        ("ＷＥＢ", "Web"),
        ("Web", "Web"),
        ("オンライン", "Web"),
        ("ウェブ", "Web"),
        ("ｗｅｂ", "Web"),
        ("webinar", "webinar"),
        ("代理出席", "代理出席"),
        ("", ""),
    ],
)
def test_web_attendance_is_marked_however_it_is_typed(remark: str, kept: str) -> None:
    from packetgen.inputs.people import Member

    member = Member.model_validate(
        {"No": "1", "氏名": "岩本 幸一", "ふりがな": "いわもと こういち", "備考": remark or None}
    )
    assert member.remark == kept
    assert (member.remark == "Web") is (kept == "Web")
    assert member.absent is False


@pytest.mark.parametrize(
    ("remark", "one_meeting"),
    [
        ("欠席", True),
        ("web", True),
        ("ＷＥＢ", True),
        ("オンライン", True),
        ("代理出席", False),
        ("欠席予定", False),
        ("", False),
    ],
)
def test_absent_and_web_are_remarks_for_one_meeting_only(remark: str, one_meeting: bool) -> None:
    # `packetgen new` clears these when it carries the member list over to the next meeting
    from packetgen.inputs.people import is_per_meeting_mark

    assert is_per_meeting_mark(remark) is one_meeting


def test_the_limits_of_a_member_row() -> None:
    from pydantic import ValidationError

    from packetgen.inputs.people import Member

    ok = Member.model_validate({"No": 9999, "氏名": "岩本 幸一", "ふりがな": "いわもと　ー"})
    assert (ok.no, ok.kana, ok.field_name) == (9999, "いわもと　ー", "")
    for data in (
        {"No": 10000, "氏名": "岩本 幸一", "ふりがな": "いわもと こういち"},
        {"No": 1, "氏名": "岩本 幸一", "ふりがな": "iwamoto"},
        {"No": 1, "氏名": "岩本" + "あ" * 30, "ふりがな": "いわもと こういち"},
        {"No": 1, "氏名": " 岩本 ", "ふりがな": "いわもと"},
        {"No": 1, "氏名": "岩本 幸一", "ふりがな": "いわもと", "備考": "あ" * 21},
    ):
        with pytest.raises(ValidationError):
            Member.model_validate(data)
    assert (
        Member.model_validate({"No": 1, "氏名": "岩本 幸一", "ふりがな": "いわもと", "備考": "あ" * 20}).remark
        == "あ" * 20
    )


def test_member_model_normalises_kana() -> None:
    member = Member.model_validate({"No": "１２", "氏名": "岩本 幸一", "ふりがな": "イワモト　ヴァーチャ"})
    assert (member.no, member.kana) == (12, "いわもと　ゔぁーちゃ")


def test_a_staff_list_is_read_and_each_bad_row_named(tmp_path: Path) -> None:
    from packetgen.inputs import people

    (tmp_path / "staff.csv").write_text("役職,氏名\n市長,佐藤 善仁\n,佐藤 一\n副市長,佐藤\n", "utf-8")
    problems: list[Problem] = []
    staff = people.load_staff(tmp_path / "staff.csv", "staff.csv", problems)
    assert [(s.role, s.name) for s in staff] == [("市長", "佐藤\u3000善仁")]
    assert [str(p) for p in problems] == [
        "staff.csv 3行目 A列「役職」: 値がありません",
        "staff.csv 4行目 B列「氏名」: 姓と名の間に空白を入れてください（例：岩本　幸一）",
    ]
    assert people.STAFF_COLUMNS == ("役職", "氏名")
    assert people.load_staff(tmp_path / "none.csv", "none.csv", []) == []

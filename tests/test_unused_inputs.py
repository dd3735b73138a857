"""A table or text of the meeting folder that no document reads is a warning (注意) naming the role it
probably fills; a missing input names the look-alike that exists and how to point meeting.yaml at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATE, members_as_xlsx, run


@pytest.mark.slow
def test_an_unread_member_list_is_named_with_its_role(project: Path, meeting_dir: Path) -> None:
    (meeting_dir / "members.xlsx").unlink(missing_ok=True)
    meeting = (meeting_dir / "meeting.yaml").read_text("utf-8")
    members_as_xlsx(meeting_dir)  # also points meeting.yaml at the workbook: put the .csv back
    (meeting_dir / "meeting.yaml").write_text(meeting, "utf-8")
    (meeting_dir / "notes.txt").write_text("メモ", "utf-8")
    # the meeting folder's unread files are told whatever documents are checked: the agenda, whose member
    # list it is, is enough (the other four would only be rendered again)
    result = run(project, "check", DATE, "--only", "agenda")
    assert result.exit_code == 0, result.stderr
    out = "".join(result.stdout.split())
    assert (
        "注意：inputs/2023-07-27/members.xlsxはどの資料も読んでいません。資料「agenda」の参加者名簿"
        "（今はmembers.csvを読んでいます）の別の版のようです。こちらを使うときはmeeting.yamlの入力.参加者名簿を"
        "「members.xlsx」にしてください"
    ) in out
    assert "注意：inputs/2023-07-27/notes.txtはどの資料も読んでいません。" in out
    assert run(project, "check", DATE, "--only", "agenda", "--strict").exit_code == 1


def test_a_missing_input_names_the_file_that_is_there(project: Path, meeting_dir: Path) -> None:
    meeting = (meeting_dir / "meeting.yaml").read_text("utf-8")
    members_as_xlsx(meeting_dir)
    (meeting_dir / "meeting.yaml").write_text(meeting, "utf-8")  # still reads members.csv …
    (meeting_dir / "members.csv").unlink()  # … which is gone
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert (
        "inputs/2023-07-27/members.csv:ファイルが見つかりません。同じフォルダにmembers.xlsxがあります。"
        "これを使うときはmeeting.yamlの資料「agenda」の入力.参加者名簿を「members.xlsx」にしてください"
    ) in "".join(result.stderr.split())

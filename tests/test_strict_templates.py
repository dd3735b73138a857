"""A Word template's tag slip fails the build, naming the template, the tag, its paragraph as Word shows
it and the nearest known name, instead of printing an empty title (render/docx_template.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import DATE, run


def edit_template(path: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            target.writestr(info, data)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("template", "old", "new", "expected"),
    [
        (
            "agenda.docx",
            "meeting.full_title",
            "meeting.full_titel",
            "テンプレート templates/agenda.docx の段落「{{ meeting.full_titel }}」のタグ {{ meeting.full_titel }}："
            "名前「full_titel」はありません（full_title のことですか？）",
        ),
        (
            "agenda.docx",
            "{{ meeting.place }}",
            "{{ meeting.place }",
            "テンプレート templates/agenda.docx の段落「場所　{{ meeting.place }」のタグ {{ meeting.place } に"
            "書き方の誤りがあります",
        ),
        (
            "donation.docx",
            "{%p for company in r.companies %}",
            "{%p fro company in r.companies %}",
            "テンプレート templates/donation.docx の段落「{%p fro company in r.companies %}」のタグ "
            "{%p fro company in r.companies %}に書き方の誤りがあります：Encountered unknown tag 'fro'.",
        ),
    ],
    ids=["misspelt name", "unclosed tag", "unknown block tag"],
)
def test_a_tag_slip_fails_naming_where_it_is(project: Path, template: str, old: str, new: str, expected: str) -> None:
    edit_template(project / "templates" / template, old, new)
    document = template.removesuffix(".docx")  # the one document that reads the template
    for command in ("build", "check"):
        result = run(project, command, DATE, "--only", document)
        assert result.exit_code == 1, (command, result.stdout)
        assert "".join(expected.split()) in "".join(result.stderr.split()), result.stderr
        assert "Traceback" not in result.stderr
    assert not (project / "outputs" / DATE).exists()

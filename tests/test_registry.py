"""The registry of kinds: each kind's builder made with its Kind, no kind's module importing the
registry back, and the Kind's metadata agreeing with what the kind's inputs read."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATE, run
from packetgen.documents import registry
from packetgen.documents.base import DocumentBuilder, Kind

DOCUMENTS = Path(registry.__file__).parent
KINDS = sorted(registry.KINDS.values(), key=lambda kind: kind.module)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.module)
def test_the_registry_makes_each_kind_s_builder_with_its_kind(kind: Kind) -> None:
    builder = registry.builder(kind)
    assert isinstance(builder, DocumentBuilder)
    assert builder.kind is kind


def imports_registry(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import) and any(a.name == registry.__name__ for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (
            node.module == registry.__name__
            or (node.module == "packetgen.documents" and any(a.name == "registry" for a in node.names))
        ):
            return True
    return False


def test_no_module_of_a_kind_imports_the_registry() -> None:
    # a builder is given its Kind: importing the registry back would be a cycle behind its lazy import
    modules = [p for p in DOCUMENTS.rglob("*.py") if p.name != "registry.py"]
    assert modules
    assert [p.relative_to(DOCUMENTS).as_posix() for p in modules if imports_registry(p)] == []


def test_only_the_agenda_lists_who_attends() -> None:
    assert [kind.name for kind in KINDS if kind.lists_attendees] == ["次第"]


def test_the_population_kind_declares_the_roles_its_inputs_read() -> None:
    from packetgen.inputs.population_tables import FINDINGS_ROLE, TABLE_ROLES

    assert registry.POPULATION.roles == (*TABLE_ROLES, FINDINGS_ROLE)


def test_the_agenda_kind_declares_the_optional_role_its_builder_reads() -> None:
    from packetgen.documents.agenda import EXPLANATION

    assert registry.AGENDA.optional_roles == (EXPLANATION,) == ("協議説明",)


def test_a_role_no_document_of_its_kind_reads_is_refused(project: Path) -> None:
    """A misspelt 協議説明 would drop the 協議 page without a word: it is an error naming the roles."""
    meeting = project / "inputs" / DATE / "meeting.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace("協議説明:", "協議説明文:"), "utf-8")
    result = run(project, "check", DATE, "--only", "agenda")
    assert result.exit_code == 1
    assert (
        "inputs/2023-07-27/meeting.yaml 資料[1].入力.協議説明文: 資料「agenda」に入力「協議説明文」はありません"
        "（使える入力：参加者名簿、市側出席者、協議説明）"
    ) in result.stderr


@pytest.mark.parametrize("command", ["check", "build"])
def test_one_document_loads_only_the_libraries_its_kind_needs(project: Path, command: str) -> None:
    """`check --only agenda` (and its build) pays for Word's libraries, not for pandas or the decks."""
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['packetgen', {command!r}, {DATE!r}, '--only', 'agenda', '--project', {str(project)!r}]\n"
        "try:\n    runpy.run_module('packetgen', run_name='__main__')\n"
        "except SystemExit as end:\n    assert not end.code, end.code\n"
        "print(' '.join(sorted(m for m in sys.modules if '.' not in m)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=project)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stderr.split())
    assert {"docx", "docxtpl"} <= loaded
    assert not loaded & {"pandas", "numpy", "pptx", "openpyxl", "budoux"}


# --- a kind of two forms (made from inputs, or a paper included as it is): exactly one role, its suffix ---

PAPER = Kind(
    "テスト資料",
    "packetgen.documents.agenda",  # never loaded here: meeting.yaml is checked before any builder runs
    ".docx",
    (),
    one_of_roles=("本文", "既存の資料"),
    suffix_from_role="既存の資料",
)


def with_paper(project: Path, monkeypatch: pytest.MonkeyPatch, inputs: str) -> Path:
    """The test kind in the registry's table and an entry of it at the end of meeting.yaml's 資料."""
    monkeypatch.setitem(registry.KINDS, PAPER.name, PAPER)
    meeting = project / "inputs" / DATE / "meeting.yaml"
    entry = f"  - id: paper\n    種類: テスト資料\n    名称: 県の資料\n    資料番号: No.5\n    入力: {inputs}\n"
    text = meeting.read_text("utf-8")
    meeting.write_text(text.replace("\n印刷:\n", f"\n{entry}印刷:\n", 1), "utf-8")
    return meeting


@pytest.mark.parametrize(
    ("inputs", "name"),
    [
        ("{本文: papers/report.yaml}", "資料No.5_県の資料.docx"),
        ("{既存の資料: papers/Report.PDF}", "資料No.5_県の資料.pdf"),  # an existing paper stays a PDF
        ("{既存の資料: papers/報告.docx}", "資料No.5_県の資料.docx"),
    ],
)
def test_a_kind_s_output_takes_the_suffix_of_the_paper_it_includes(
    project: Path, monkeypatch: pytest.MonkeyPatch, inputs: str, name: str
) -> None:
    from packetgen.building.packet import Packet

    with_paper(project, monkeypatch, inputs)
    (paper,) = Packet(project, DATE).plan(["paper"])
    assert paper.output_name == name


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ("{}", "入力「本文」か「既存の資料」のどちらか1つを指定してください"),
        (
            "{本文: papers/report.yaml, 既存の資料: papers/report.pdf}",
            "入力「本文」と「既存の資料」は同時に指定できません（「本文」か「既存の資料」のどちらか1つにしてください）",
        ),
    ],
    ids=["neither", "both"],
)
def test_a_kind_of_two_forms_needs_exactly_one_of_them(
    project: Path, monkeypatch: pytest.MonkeyPatch, inputs: str, message: str
) -> None:
    meeting = with_paper(project, monkeypatch, inputs)
    line = meeting.read_text("utf-8").splitlines().index(f"    入力: {inputs}") + 1
    result = run(project, "check", DATE, "--only", "agenda")
    assert result.exit_code == 1
    assert f"  - inputs/2023-07-27/meeting.yaml {line}行目 資料[6].入力: {message}\n" in result.stderr, result.stderr

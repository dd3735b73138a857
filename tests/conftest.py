"""Shared fixtures: a throw-away copy of the project, and the CLI run in-process.

Builds and prints that tests only start from are made once per test process (session fixtures; with
pytest-xdist, once per worker) and copied into each test's own project, so a test still gets a
private, writable project in exactly the state a build (or a print) of the seed inputs leaves.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATE = "2023-07-27"

# This machine sets PYTHONDONTWRITEBYTECODE, so every test process and each of the ~100 packetgen
# subprocesses would compile packetgen and re-rewrite the test modules' asserts from source (several
# seconds of the suite). Caches go to the __pycache__ folders .gitignore names; packetgen is imported
# only after this line (run() imports the CLI).
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Each test project would otherwise leave two LibreOffices running for minutes after a print
# (office/warm.py); the tests of the warm office turn it on themselves.
os.environ["PACKETGEN_OFFICE_IDLE"] = "0"

# xdist already keeps both cores busy: a build that forked two render workers of its own in every test
# cost about 15 % more CPU (forks of a process holding pandas and python-pptx, results sent back). Builds
# render in the test's process; the tests of the workers themselves (test_workers.py) lift the cap.
os.environ.setdefault("PACKETGEN_WORKERS", "1")


def _import_what_builds_use() -> None:
    """Import every packetgen module and the libraries they import lazily, once per test process. A
    build forks its render workers from this process (core/platform/workers.py): without this, each
    build a test runs would import pandas, python-pptx and the rest again in fresh workers (~0.7 s a
    build), where a user's one build imports them once. What a lone command imports is tested in
    subprocesses (test_registry.py)."""
    import importlib
    import pkgutil

    import packetgen

    for module in pkgutil.walk_packages(packetgen.__path__, "packetgen."):
        if module.name not in ("packetgen.__main__", "packetgen.office.daemon"):  # the CLI; LibreOffice's Python
            importlib.import_module(module.name)
    for library in ("budoux", "docx", "docxtpl", "openpyxl", "pandas", "pptx", "pypdf"):
        importlib.import_module(library)


def pytest_configure(config: pytest.Config) -> None:
    if getattr(config, "workerinput", None) is None and config.getoption("numprocesses", None):
        return  # xdist's controller: it runs no test, its workers import for themselves
    _import_what_builds_use()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With pytest-xdist (--dist loadgroup), a test that uses a module-scoped fixture of its own module
    (such as a print made with LibreOffice) runs on the worker of that module's other such tests, so the
    fixture is made once, not once per worker. Tests with an explicit xdist_group keep theirs."""
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        module = item.nodeid.split("::")[0]
        fixtures = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        if any(d.scope == "module" and d.baseid == module for defs in fixtures.values() for d in defs):
            item.add_marker(pytest.mark.xdist_group(module))


UNGROUPED = pytest.StashKey[bool]()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Fail loudly, not slowly: if xdist's loadgroup did not group the tests marked xdist_group (as with
    pytest 9.2, pytest-dev/pytest-xdist#1386), the session print and every module print would be made
    on each worker and the suite would run far over its time budget."""
    if not getattr(session.config.option, "loadgroup", False):  # set in each worker of --dist loadgroup
        return
    marked = [item for item in session.items if item.get_closest_marker("xdist_group")]
    session.config.stash[UNGROUPED] = bool(marked) and not any("@" in item.nodeid for item in marked)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.config.stash.get(UNGROUPED, False) and item.get_closest_marker("xdist_group"):
        pytest.fail(
            "pytest-xdist's --dist loadgroup does not group tests with this pytest (pytest-dev/pytest-xdist#1386):"
            " install the pytest that pyproject.toml's test extra pins",
            pytrace=False,
        )


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def copy_project(target: Path) -> Path:
    """A copy of inputs/ and templates/ in ``target`` (outputs/ starts empty)."""
    for name in ("inputs", "templates"):
        shutil.copytree(ROOT / name, target / name)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project so tests can break inputs freely."""
    return copy_project(tmp_path)


def _made(tmp_path_factory, name: str, *args: str) -> Path:
    """A fresh project where ``packetgen *args`` ran successfully (one per session fixture)."""
    project = copy_project(tmp_path_factory.mktemp(name))
    result = run(project, *args)
    assert result.exit_code == 0, result.stderr
    return project


def with_outputs_of(source: Path, project: Path) -> Path:
    """Copy ``source``'s outputs/DATE (a real copy, no hard links) into ``project``; returns it."""
    target = project / "outputs" / DATE
    shutil.copytree(source / "outputs" / DATE, target)
    return target


@pytest.fixture(scope="session")
def _full_build(tmp_path_factory) -> Path:
    """A project after one full build of the seed inputs. Never written: tests get copies."""
    return _made(tmp_path_factory, "full-build", "build", DATE)


@pytest.fixture(scope="session")
def _agenda_build(tmp_path_factory) -> Path:
    """A project after ``build --only agenda``. Never written: tests get copies."""
    return _made(tmp_path_factory, "agenda-build", "build", DATE, "--only", "agenda")


@pytest.fixture(scope="session")
def printed_project(tmp_path_factory) -> Path:
    """A project after one ``packetgen print`` of the seed inputs (LibreOffice, so it is made once).
    Never written: a test that prints again or edits starts from ``copy_printed``."""
    from test_pdf import require_tools

    require_tools()
    project = copy_project(tmp_path_factory.mktemp("printed"))
    result = run(project, "print", DATE)
    assert result.exit_code == 0, result.stderr
    assert "印刷データを作成しました" in result.stdout
    return project


def copy_printed(printed_project: Path, target: Path) -> Path:
    """A private copy of the printed project (inputs, templates and outputs) in ``target``."""
    shutil.copytree(printed_project, target, symlinks=True)
    return target


@pytest.fixture(scope="session")
def built_packet(_full_build: Path) -> Path:
    """One full build shared by the tests that only read the outputs; returns outputs/DATE."""
    return _full_build / "outputs" / DATE


@pytest.fixture(scope="session")
def built_pdfs(built_packet: Path, printed_project: Path) -> dict[str, Path]:
    """The PDFs LibreOffice made of the five documents, by file name of the Office file; for the tests
    that only read the rendering. They are the session print's (the same inputs give the same Office
    files as the shared build, byte for byte), so the users are in xdist_group("print") too."""
    files = sorted(p.name for p in built_packet.iterdir() if p.suffix in (".docx", ".pptx", ".xlsx"))
    assert len(files) == 5, files
    printed = printed_project / "outputs" / DATE
    for name in files:
        assert (printed / name).read_bytes() == (built_packet / name).read_bytes(), name
    return {name: printed / "print" / f"{Path(name).stem}.pdf" for name in files}


@pytest.fixture
def meeting_dir(project: Path) -> Path:
    return project / "inputs" / DATE


def run(project: Path, *args: str) -> Result:
    from packetgen.cli.app import app

    result = CliRunner().invoke(app, [*args, "--project", str(project)], catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def built(project: Path, _full_build: Path) -> Path:
    """The project after a successful full build (a copy of the session's build: the same inputs make
    the same bytes and the same manifest); returns outputs/DATE."""
    return with_outputs_of(_full_build, project)


@pytest.fixture
def built_agenda(project: Path, _agenda_build: Path) -> Path:
    """Only the agenda built (a copy of the session's ``build --only agenda``); returns outputs/DATE."""
    return with_outputs_of(_agenda_build, project)


def members_as_xlsx(meeting_dir: Path) -> Path:
    """Save the meeting's member list as an Excel workbook and point meeting.yaml at it."""
    import csv
    import io

    import openpyxl

    rows = list(csv.reader(io.StringIO((meeting_dir / "members.csv").read_text("utf-8"))))
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append([int(c) if c.isdigit() else (c or None) for c in row])
    workbook.save(meeting_dir / "members.xlsx")
    meeting = meeting_dir / "meeting.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace("members.csv", "members.xlsx"), "utf-8")
    return meeting_dir / "members.xlsx"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes, to prove a failed build changed nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def add_deck(meeting_dir: Path, deck_id: str, label: str, title: str, before: str | None = None) -> None:
    """A new スライド entry in meeting.yaml under ``deck_id``, its source a copy of slides/1-2.yaml saying
    ``deck: deck_id``; at the end of 資料, or before the entry whose id is ``before``."""
    source = (meeting_dir / "slides" / "1-2.yaml").read_text("utf-8").replace('deck: "1-2"', f'deck: "{deck_id}"', 1)
    (meeting_dir / "slides" / f"{deck_id}.yaml").write_text(source, "utf-8")
    entry = (
        f'  - id: "{deck_id}"\n    種類: スライド\n    名称: {title}\n    資料番号: {label}\n'
        f"    入力:\n      スライド: slides/{deck_id}.yaml\n"
    )
    meeting = meeting_dir / "meeting.yaml"
    lines = meeting.read_text("utf-8").splitlines(keepends=True)
    if before is None:  # after the last line of the 資料 block
        at = lines.index("資料:\n") + 1
        while at < len(lines) and lines[at].startswith(" "):
            at += 1
    else:
        at = next(i for i, line in enumerate(lines) if line.strip() in (f"- id: {before}", f'- id: "{before}"'))
    meeting.write_text("".join([*lines[:at], entry, *lines[at:]]), "utf-8")

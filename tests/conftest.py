"""Shared fixtures: a throw-away copy of the project, and the CLI run in-process."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from packetgen.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATE = "2023-07-27"

# Each test project would otherwise leave two LibreOffices running for minutes after a print
# (warm_office.py); the tests of the warm office turn it on themselves.
os.environ["PACKETGEN_OFFICE_IDLE"] = "0"


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


@pytest.fixture(scope="session")
def built_packet(tmp_path_factory) -> Path:
    """One full build shared by the tests that only read the outputs; returns outputs/DATE."""
    project = copy_project(tmp_path_factory.mktemp("packet"))
    result = run(project, "build", DATE)
    assert result.exit_code == 0, result.stderr
    return project / "outputs" / DATE


@pytest.fixture
def meeting_dir(project: Path) -> Path:
    return project / "inputs" / DATE


def run(project: Path, *args: str) -> Result:
    result = CliRunner().invoke(app, [*args, "--project", str(project)], catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def built(project: Path) -> Path:
    """The project after a successful full build; returns outputs/DATE."""
    result = run(project, "build", DATE)
    assert result.exit_code == 0, result.stderr
    return project / "outputs" / DATE


@pytest.fixture
def built_agenda(project: Path) -> Path:
    """Only the agenda built (fast); returns outputs/DATE."""
    result = run(project, "build", DATE, "--only", "agenda")
    assert result.exit_code == 0, result.stderr
    return project / "outputs" / DATE


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

"""The manifests a real build and a real print write read back into the typed model and write out
again byte for byte (core/manifest.py; test_manifest.py has the model's unit tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATE
from packetgen.core import manifest


def test_a_built_manifest_reads_and_writes_back_byte_for_byte(built_packet: Path) -> None:
    raw = (built_packet / manifest.NAME).read_bytes()
    data = manifest.read(built_packet)
    assert [d.id for d in data.documents] == ["agenda", "1-1", "1-2", "population", "donation"]
    assert data.built_text is not None and set(data.built_text) == {d.id for d in data.documents}
    assert manifest.dumps(data) == raw


@pytest.mark.pdf
@pytest.mark.xdist_group("print")
def test_a_printed_manifest_reads_and_writes_back_byte_for_byte(printed_project: Path) -> None:
    out = printed_project / "outputs" / DATE
    raw = (out / manifest.NAME).read_bytes()
    data = manifest.read(out)
    assert all(d.printed is not None for d in data.documents) and data.print is not None
    assert list(json.loads(raw)) == ["meeting", "generator", "documents", "review", "print"]
    assert manifest.dumps(data) == raw


@pytest.mark.pdf
@pytest.mark.xdist_group("print")
def test_a_build_after_a_print_writes_its_review_block_last(printed_project: Path, tmp_path: Path) -> None:
    """The order a build has always written: the print blocks it keeps, then the review block."""
    from conftest import copy_printed, run

    project = copy_printed(printed_project, tmp_path / "project")
    members = project / "inputs" / DATE / "members.csv"
    members.write_text(members.read_text("utf-8").replace("岩本　幸一", "岩元　幸一", 1), "utf-8")
    assert run(project, "build", DATE).exit_code == 0
    out = project / "outputs" / DATE
    raw = (out / manifest.NAME).read_bytes()
    assert list(json.loads(raw)) == ["meeting", "generator", "documents", "print_withdrawn", "review"]
    assert manifest.dumps(manifest.read(out), review_last=True) == raw

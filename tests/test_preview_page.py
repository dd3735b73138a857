"""The preview page (print/preview/index.html) opened in a real browser — headless Chromium, from the
file system, with the network closed — and the print side of the review: diff since the last print,
the print's one-line summary, printed/office.json."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from conftest import DATE, copy_printed, run
from test_diff import edit_kpi
from test_pdf import require_tools

# one worker runs this module and test_print.py: they start from one print (printed_project)
pytestmark = [pytest.mark.pdf, pytest.mark.slow, pytest.mark.xdist_group("print")]
PAGE_IMAGES = 3 + 52 + 21 + 10 + 1  # every page of the five documents


@dataclass
class Reviewed:
    project: Path
    diff_before_print: str  # packetgen diff after the edit and a build, before printing again
    second_print: str  # the stdout of the print after the edit

    @property
    def page(self) -> Path:
        return self.project / "outputs" / DATE / "print" / "preview" / "index.html"


@pytest.fixture(scope="module")
def reviewed(printed_project: Path, tmp_path_factory) -> Reviewed:
    """Printed, one KPI edited (資料No.1-1 スライド11: 99.9% → 98.0%), built, diffed, printed again."""
    require_tools()
    project = copy_printed(printed_project, tmp_path_factory.mktemp("review") / "project")  # printed once
    page = project / "outputs" / DATE / "print" / "preview" / "index.html"
    assert page.is_file()
    edit_kpi(project / "inputs" / DATE)
    assert run(project, "build", DATE).exit_code == 0
    assert not page.exists()  # withdrawn with the previews it shows
    diffed = run(project, "diff", DATE)
    assert diffed.exit_code == 0, diffed.stderr
    printed = run(project, "print", DATE)
    assert printed.exit_code == 0, printed.stderr
    return Reviewed(project, diffed.stdout, printed.stdout)


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("PACKETGEN_REQUIRE_PDF"):
            pytest.fail("chromium is missing (apt-get install chromium)")
        pytest.skip("chromium is missing")
    return found


def headless(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    profile.mkdir(parents=True, exist_ok=True)
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=10000",  # let every image load before the DOM or screen is taken
        "--window-size=1280,2000",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def test_diff_since_the_last_print_names_the_slide_and_both_values(reviewed: Reviewed) -> None:
    assert reviewed.diff_before_print.splitlines() == [
        f"変更の確認：前回の印刷（outputs/{DATE}/printed/）→ 現在の入力",
        "資料No.1-1：スライド11を変更（99.9% → 98.0%）",
        "  スライド11",
        "    光ファイバの世帯カバー率 〔99.9% → 98.0%〕 2027年度",
        "変更なし：次第・参加者名簿、資料No.1-2、資料No.2、資料No.3",
    ]
    assert "  資料No.1-1：スライド11を変更（99.9% → 98.0%）\n" in reviewed.second_print
    after = run(reviewed.project, "diff", DATE)  # the print is the new baseline
    assert after.stdout.splitlines()[1:] == [
        "変更はありません",
        "変更なし：次第・参加者名簿、資料No.1-1、資料No.1-2、資料No.2、資料No.3",
    ]


def test_the_page_marks_the_changed_page_with_its_text_diff(reviewed: Reviewed) -> None:
    html = reviewed.page.read_text("utf-8")
    assert html.count('<div class="page changed"') == 1
    assert '<div class="page changed" id="doc2-p11">' in html
    assert "光ファイバの世帯カバー率 <del><b>99.9%</b></del><ins><b>98.0%</b></ins> 2027 年度" in html  # the PDF text
    assert html.count('<img class="overlay" src="data:image/png;base64,') == 1  # the pixel difference
    assert '<a href="#doc2-p11">11ページ：変更</a>' in html  # from the table of contents
    assert "http://" not in html and "https://" not in html  # nothing remote


def test_the_page_loads_in_headless_chromium_with_no_broken_image(reviewed: Reviewed, tmp_path: Path) -> None:
    dom = headless(reviewed.page, tmp_path / "profile", "--dump-dom").stdout
    # set by the page's own script once loaded: every <img>, the overlay included, decoded
    assert f'data-images="{PAGE_IMAGES + 1} loaded, 0 broken"' in dom


def test_the_screenshot_is_not_blank(reviewed: Reviewed, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    headless(reviewed.page, tmp_path / "profile", f"--screenshot={shot}")
    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        rgb = image.convert("RGB")
        assert max(ImageStat.Stat(rgb).stddev) > 30  # text and pages, not one colour
        assert len(rgb.getcolors(1_000_000) or []) > 500
        # the table of contents' red 「変更 1」 badge (#d0002a) is on screen
        reds = sum(n for n, (r, g, b) in rgb.getcolors(1_000_000) if r > 190 and g < 40 and b < 70)
        assert reds > 50


def test_print_keeps_the_office_text_of_what_it_printed(reviewed: Reviewed) -> None:
    from packetgen.render import office_text as text

    kept = text.load(reviewed.project / "outputs" / DATE / text.PRINTED_OFFICE)
    assert kept is not None
    assert "光ファイバの世帯カバー率 98.0% 2027年度" in kept["1-1"]["units"][10]["text"].splitlines()

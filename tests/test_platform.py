"""core.platform's portable path, the one Windows takes, forced here with PACKETGEN_PLATFORM=portable:
the same fonts as fontconfig finds, the same packet, a lock that still makes a second run wait, no warm
office. And packetgen starts, checks, builds, makes a new meeting and compares where ``fcntl`` does not
exist."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import DATE, ROOT, copy_project, run, snapshot, with_outputs_of
from packetgen.building.outputs import OutputFolder
from packetgen.core import platform
from packetgen.core.errors import PacketError
from packetgen.core.fonts import FontSetting
from packetgen.core.platform import font_folders
from packetgen.core.platform import fonts as platform_fonts
from packetgen.render.font_files import require, resolve

BIZ_UD = ["BIZ UDPゴシック", "BIZ UD明朝 Medium", "BIZ UDゴシック", "BIZ UDP明朝 Medium"]


@pytest.fixture
def portable(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process on the portable path, fontconfig out of reach."""
    monkeypatch.setenv(platform.PLATFORM_ENV, "portable")

    def no_fc_match(*args: object) -> None:
        raise AssertionError("the portable path asked fontconfig")

    monkeypatch.setattr(platform_fonts, "fc_match", no_fc_match)


def packetgen(project: Path, *args: str, env: dict[str, str] | None = None, stdout=subprocess.PIPE) -> subprocess.Popen:
    """``packetgen *args`` on the portable path in its own process (extra environment ``env``), with
    no program on PATH (no fc-match: the fonts must be found in the font folders)."""
    nothing = project / "no-programs"
    nothing.mkdir(exist_ok=True)
    env = dict(
        os.environ, PYTHONPATH=str(ROOT / "src"), PATH=str(nothing), PACKETGEN_PLATFORM="portable", **(env or {})
    )
    command = [sys.executable, "-m", "packetgen", *args, "--project", str(project)]
    return subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, env=env)


def finished(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err.decode("utf-8")
    return (out or b"").decode("utf-8")


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "inputs" / DATE / name
    text = path.read_text("utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


# --- fonts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
@pytest.mark.parametrize("name", BIZ_UD)
def test_the_font_folders_give_the_face_fontconfig_gives(name: str, bold: bool, monkeypatch, request) -> None:
    monkeypatch.delenv(platform.PLATFORM_ENV, raising=False)
    linux = resolve(name, bold)
    assert linux is not None, f"{name} is not installed"
    request.getfixturevalue("portable")
    assert resolve(name, bold) == linux  # file, families, PostScript name: the slides fit with the same widths


def test_a_font_that_is_not_installed_is_named_without_apt_get(portable: None) -> None:
    assert resolve("メイリオ") is None
    with pytest.raises(PacketError) as info:
        require(FontSetting(gothic="BIZ UDPゴシック", mincho="ＢＩＺ ＵＤＰ明朝 Ｘ"))
    message = str(info.value)
    assert (
        "明朝「ＢＩＺ ＵＤＰ明朝 Ｘ」（インストールするか、templates/fonts.yaml で別のフォントを指定してください）"
        in message
    )
    assert "apt-get" not in message and "fc-match" not in message


def test_require_needs_no_fontconfig_on_the_portable_path(portable: None, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert set(require(FontSetting(gothic="BIZ UDPゴシック", mincho="BIZ UD明朝 Medium")))
    assert platform.font_environment(Path("aliases.conf")) == dict(os.environ)  # no fontconfig file for LibreOffice


def make_font(family: dict[str, str], postscript: str, weight: int, japanese: bool = True, advance: int = 500):
    """A tiny TrueType face with ``family`` names by language ({"en": …, "ja": …}); 「a」 is
    ``advance`` thousandths of an em wide."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "a"])
    builder.setupCharacterMap({ord("a"): "a"})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((500, 0))
    pen.closePath()
    builder.setupGlyf({".notdef": pen.glyph(), "a": pen.glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "a": (advance, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    style = "Bold" if weight >= 700 else "Regular"
    builder.setupNameTable({"familyName": family, "styleName": style, "psName": postscript})
    builder.setupOS2(usWeightClass=weight, ulCodePageRange1=(1 << 17) if japanese else 1, fsSelection=0x40)
    builder.setupPost()
    return builder.font


def test_a_face_is_found_by_its_japanese_family_name_in_a_collection(tmp_path: Path, monkeypatch) -> None:
    """As Windows ships BIZ UD: one .ttc with the fixed and the proportional family, a bold file."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection()
    collection.fonts = [
        make_font({"en": "Test UDGothic", "ja": "テストUDゴシック"}, "TestUDGothic-Regular", 400),
        make_font({"en": "Test UDPGothic", "ja": "テストUDPゴシック"}, "TestUDPGothic-Regular", 400),
    ]
    (tmp_path / "Fonts").mkdir()
    collection.save(tmp_path / "Fonts" / "TestUD-R.ttc")
    make_font({"en": "Test UDPGothic", "ja": "テストUDPゴシック"}, "TestUDPGothic-Bold", 700).save(
        tmp_path / "Fonts" / "TestUDP-B.ttf"
    )
    make_font({"en": "Test Latin"}, "TestLatin-Regular", 400, japanese=False).save(tmp_path / "Fonts" / "latin.ttf")
    monkeypatch.setattr(font_folders, "font_folders", lambda: (tmp_path / "Fonts",))
    face = font_folders.search_font_folders("テスト UDP ゴシック", False, None)
    assert face == font_folders.Face(
        tmp_path / "Fonts" / "TestUD-R.ttc", 1, ("Test UDPGothic", "テストUDPゴシック"), "TestUDPGothic-Regular"
    )
    bold = font_folders.search_font_folders("テストUDPゴシック", True, None)
    assert bold is not None and (bold.file.name, bold.postscript) == ("TestUDP-B.ttf", "TestUDPGothic-Bold")
    alias = font_folders.search_font_folders("テスト明朝 Medium", False, "Test UDGothic")  # as fonts-alias.conf maps
    assert alias is not None and (alias.index, alias.postscript) == (0, "TestUDGothic-Regular")
    assert font_folders.search_font_folders("Test Latin", False, None) is None  # not a Japanese font


def test_text_is_measured_in_the_face_of_a_collection_it_was_found_as(tmp_path: Path) -> None:
    """Windows ships BIZ UD as .ttc files: the slides and the workbook measure the face found (its
    index), not the collection's first."""
    from fontTools.ttLib import TTCollection

    from packetgen.render.text_fit import FontMeasure
    from packetgen.render.xlsx import Metrics

    collection = TTCollection()
    collection.fonts = [
        make_font({"en": "Test UDGothic"}, "TestUDGothic-Regular", 400, advance=500),
        make_font({"en": "Test UDPGothic"}, "TestUDPGothic-Regular", 400, advance=800),
    ]
    collection.save(tmp_path / "TestUD-R.ttc")
    ttc = str(tmp_path / "TestUD-R.ttc")
    assert FontMeasure(ttc, ttc, 0, 1).char_width("a") == pytest.approx(0.5)
    assert FontMeasure(ttc, ttc, 0, 1).char_width("a", bold=True) == pytest.approx(0.8)
    assert FontMeasure(ttc, ttc, 1, 0).text_width("aa", 10) == pytest.approx(16.0)
    assert Metrics(ttc, ttc, 1, 0).width_pt("a", 10) == pytest.approx(8.0)
    assert Metrics(ttc, ttc, 1, 0).width_pt("a", 10, bold=True) == pytest.approx(5.0 * 1.02)


def test_the_order_pdf_draws_in_the_face_of_a_collection_it_was_found_as(tmp_path: Path, monkeypatch) -> None:
    """reportlab opens a .ttc at its first face unless told: the order PDF registers the face whose
    PostScript name the font search found, regular and bold; a family without a bold face is bold in
    the regular one."""
    from fontTools.ttLib import TTCollection

    from packetgen.core.platform.fonts import ResolvedFont
    from packetgen.printing.order import pdf_fonts

    collection = TTCollection()
    collection.fonts = [
        make_font({"en": "Order UDGothic"}, "OrderUDGothic-Regular", 400, advance=500),
        make_font({"en": "Order UDPGothic"}, "OrderUDPGothic-Regular", 400, advance=800),
    ]
    collection.save(tmp_path / "OrderUD-R.TTC")  # as a Windows folder may spell it
    ttc = tmp_path / "OrderUD-R.TTC"
    faces = {
        "Order UDPGothic": ResolvedFont("Order UDPGothic", ttc, ("Order UDPGothic",), "OrderUDPGothic-Regular", 1),
        "Order UDGothic": ResolvedFont("Order UDGothic", ttc, ("Order UDGothic",), "OrderUDGothic-Regular", 0),
    }
    monkeypatch.setattr(pdf_fonts, "resolve", lambda name, bold=False: faces.get(name))
    proportional = pdf_fonts.pdf_fonts(FontSetting("Order UDPGothic", "BIZ UD明朝 Medium"))
    assert proportional == pdf_fonts.PdfFonts("OrderUDPGothic-Regular", "OrderUDPGothic-Regular", "Order UDPGothic")
    assert proportional.width("a", 10) == pytest.approx(8.0)  # the second face's advance, not the first's
    assert proportional.width("a", 10, bold=True) == pytest.approx(8.0)
    fixed = pdf_fonts.pdf_fonts(FontSetting("Order UDGothic", "BIZ UD明朝 Medium"))
    assert (fixed.regular, fixed.width("a", 10)) == ("OrderUDGothic-Regular", pytest.approx(5.0))


def test_the_font_folders_of_each_system(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setattr(sys, "platform", "win32")
    assert font_folders.font_folders() == (tmp_path / "Windows" / "Fonts", tmp_path / "Local/Microsoft/Windows/Fonts")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert font_folders.font_folders() == (
        Path("/Library/Fonts"),
        tmp_path / "home/Library/Fonts",
        Path("/System/Library/Fonts"),
    )
    monkeypatch.setattr(sys, "platform", "freebsd14")
    assert font_folders.font_folders()[:2] == (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))


# --- outputs/DATE ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["linux", "portable"])
def test_a_lock_is_held_until_its_file_is_closed(tmp_path: Path, monkeypatch, path: str) -> None:
    if path == "portable":
        monkeypatch.setenv(platform.PLATFORM_ENV, "portable")
    lock = tmp_path / "x.lock"
    with open(lock, "a+b") as one, open(lock, "a+b") as two:
        assert platform.try_lock(one)
        assert not platform.try_lock(two)
    with open(lock, "a+b") as three:
        assert platform.try_lock(three)


@pytest.mark.parametrize("path", ["linux", "portable"])
def test_wait_lock_waits_until_the_holder_closes_its_file(tmp_path: Path, monkeypatch, path: str) -> None:
    # the warm office's start lock: one start per slot, however many commands ask at once
    if path == "portable":
        monkeypatch.setenv(platform.PLATFORM_ENV, "portable")
    lock = tmp_path / "x.lock"
    with open(lock, "a+b") as holder, open(lock, "a+b") as waiter, open(lock, "a+b") as third:
        platform.wait_lock(holder)  # free: taken at once
        assert not platform.try_lock(third)
        waiting = threading.Thread(target=platform.wait_lock, args=(waiter,), daemon=True)
        waiting.start()
        waiting.join(0.3)
        assert waiting.is_alive()  # still waiting while the holder's file is open
        holder.close()
        waiting.join(10)
        assert not waiting.is_alive()
        assert not platform.try_lock(third)  # the waiter holds it now


def test_no_atomic_exchange_on_the_portable_path(tmp_path: Path, portable: None) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "in_a").touch()
    (tmp_path / "b").mkdir()
    assert platform.exchange(tmp_path / "a", tmp_path / "b") is False
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["in_a"]
    platform.sync_folder(tmp_path / "missing")  # a folder Windows will not open: not synced, no error


def test_exchange_swaps_two_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "in_a").touch()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "in_b").touch()
    if platform.exchange(tmp_path / "a", tmp_path / "b"):
        assert [p.name for p in (tmp_path / "a").iterdir()] == ["in_b"]
        assert [p.name for p in (tmp_path / "b").iterdir()] == ["in_a"]
    with pytest.raises(OSError):
        platform.exchange(tmp_path / "a", tmp_path / "missing")


def test_exchange_names_the_error_of_the_system(tmp_path: Path) -> None:
    import errno

    (tmp_path / "a").mkdir()
    with pytest.raises(OSError) as info:
        platform.exchange(tmp_path / "a", tmp_path / "missing")
    assert info.value.errno == errno.ENOENT
    assert info.value.strerror == os.strerror(errno.ENOENT)
    assert info.value.filename == str(tmp_path / "missing")


def test_exchange_of_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a").mkdir()
    Path("a", "in_a").touch()
    Path("b").mkdir()
    assert platform.exchange(Path("a"), Path("b")) is True
    assert [p.name for p in Path("b").iterdir()] == ["in_a"]


def test_a_file_is_shared_by_hard_link_or_else_copied(tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF")
    platform.share_file(source, tmp_path / "linked.pdf")
    assert (tmp_path / "linked.pdf").stat().st_ino == source.stat().st_ino

    def no_links(*_: object) -> None:
        raise OSError("no hard links on this drive")

    monkeypatch.setattr(os, "link", no_links)  # FAT, some network shares
    platform.share_file(source, tmp_path / "copied.pdf")
    copied = tmp_path / "copied.pdf"
    assert copied.read_bytes() == b"%PDF" and copied.stat().st_ino != source.stat().st_ino


def test_a_version_moved_aside_by_a_killed_commit_is_put_back(tmp_path: Path) -> None:
    """Killed between the two renames that stand for the exchange: no meeting folder, the previous
    version in the workspace. The next command puts it back, and removes the rest."""
    folder = OutputFolder(tmp_path / "outputs", "d")
    folder.commit({"a": b"1"})
    os.replace(folder.path, folder.workspace / "d.old-999.tmp")
    (folder.workspace / "d.next-999.tmp").mkdir()
    (folder.workspace / "d.next-999.tmp" / "a").write_bytes(b"2")
    with folder.locked():
        assert (folder.path / "a").read_bytes() == b"1"
    assert sorted(p.name for p in folder.workspace.iterdir()) == ["d.lock"]


@pytest.mark.slow
def test_a_build_through_the_portable_path_makes_the_same_packet(project: Path, _full_build: Path, tmp_path) -> None:
    assert "5件の資料を作成しました" in finished(packetgen(project, "build", DATE))
    out = project / "outputs" / DATE
    assert snapshot(out) == snapshot(_full_build / "outputs" / DATE)
    # a second version replaces the first: two renames, not renameat2's exchange
    edit(project, "members.csv", "岩本　幸一", "岩元　幸一")
    assert "1件の資料を作成しました" in finished(packetgen(project, "build", DATE))
    linux = copy_project(tmp_path / "linux")
    with_outputs_of(_full_build, linux)
    edit(linux, "members.csv", "岩本　幸一", "岩元　幸一")
    assert run(linux, "build", DATE).exit_code == 0
    assert snapshot(out) == snapshot(linux / "outputs" / DATE)
    assert [p.name for p in (project / "outputs" / ".packetgen").iterdir()] == [f"{DATE}.lock"]


def wait_for(condition, process: subprocess.Popen, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, f"{what}: the process ended first: {process.stderr.read()!r}"
        assert time.monotonic() < deadline, f"{what}: not within {timeout}s"
        time.sleep(0.02)


@pytest.mark.slow
def test_on_the_portable_path_a_second_build_waits_for_the_first(project: Path, built: Path, tmp_path: Path) -> None:
    edit(project, "members.csv", "岩本　幸一", "岩元　幸一")
    edit(project, "donation/records.csv", "株式会社パソナ,", "株式会社パソナ（テスト）,")
    before = snapshot(built)
    gate = tmp_path / "gate"
    pause = {"PACKETGEN_TEST_PAUSE_AT": "exchange", "PACKETGEN_TEST_PAUSE_FILE": str(gate)}
    first = packetgen(project, "build", DATE, "--only", "agenda", env=pause)  # stops holding the lock, staged
    second = None
    try:
        wait_for(Path(f"{gate}.reached").exists, first, "the first build reaching its commit")
        log = tmp_path / "second.out"
        with open(log, "wb") as stdout:
            second = packetgen(project, "build", DATE, "--only", "donation", stdout=stdout)
        wait_for(lambda: "終わるのを待っています".encode() in log.read_bytes(), second, "the second build waiting")
        time.sleep(0.5)
        assert second.poll() is None and snapshot(built) == before
        gate.touch()
        assert "1件の資料を作成しました" in finished(first)
        finished(second)
        assert "1件の資料を作成しました" in log.read_text("utf-8")
    finally:
        gate.touch()
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.communicate()
    after = snapshot(built)
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {"次第・参加者名簿.docx", "資料No.3_一関市企業版ふるさと納税について.docx", "manifest.json"}


# --- the warm office, and a Python without fcntl -------------------------------------------------


def test_no_warm_office_on_the_portable_path(tmp_path: Path, portable: None, monkeypatch) -> None:
    from packetgen.office.warm import WarmOffice, idle_seconds

    monkeypatch.setenv("PACKETGEN_OFFICE_IDLE", "300")
    assert idle_seconds() == 0
    office = WarmOffice(tmp_path, 1)
    (tmp_path / "a.docx").write_bytes(b"")
    assert office.convert([tmp_path / "a.docx"], tmp_path / "out", 10) is False
    office.warm_up()
    assert not office.profile.exists() and not office.socket.exists()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        office.pid_file.write_text(str(sleeper.pid))
        office.stop()  # no office is kept here: nothing to stop, and no process is signalled
        time.sleep(0.2)
        assert sleeper.poll() is None
    finally:
        sleeper.kill()
        sleeper.wait()


WITHOUT_FCNTL = "import sys; sys.modules['fcntl'] = None; "  # `import fcntl` raises ImportError, as on Windows


def python_without_fcntl(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-c", WITHOUT_FCNTL + code], capture_output=True, text=True, env=env)


def test_packetgen_imports_without_fcntl() -> None:
    result = python_without_fcntl(
        "import packetgen, packetgen.cli.app, packetgen.building.outputs, packetgen.office.warm"
    )
    assert result.returncode == 0, result.stderr


# portalocker as on Windows, where its lock is LockFileEx: on Linux the real one imports fcntl, so the
# build below locks through this one (a single process: a lock that is always free)
WINDOWS_PORTALOCKER = """
import enum


class LockFlags(enum.IntFlag):
    EXCLUSIVE = 2
    NON_BLOCKING = 4


class AlreadyLocked(Exception):
    pass


def lock(handle, flags):
    pass
"""


@pytest.mark.slow
def test_check_build_new_and_diff_run_without_fcntl_on_the_portable_path(project: Path, tmp_path: Path) -> None:
    (tmp_path / "windows").mkdir()
    (tmp_path / "windows" / "portalocker.py").write_text(WINDOWS_PORTALOCKER, "utf-8")
    env = dict(
        os.environ, PYTHONPATH=f"{tmp_path / 'windows'}{os.pathsep}{ROOT / 'src'}", PACKETGEN_PLATFORM="portable"
    )
    for args, said in (
        (["check", DATE, "--only", "agenda"], "入力に問題はありません（1件の資料を確認、出力は変更していません）"),
        (["build", DATE, "--only", "agenda"], "1件の資料を作成しました"),
        (["new", "2023-10-26", "--from", DATE], "inputs/2023-10-26 を作成しました"),
        (["diff", DATE], "前回の印刷の記録がありません"),
    ):
        argv = ["packetgen", *args, "--project", str(project)]
        code = f"{WITHOUT_FCNTL}sys.argv = {argv!r}; from packetgen.cli.app import main; main()"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        assert said in result.stdout, result.stdout
    assert (project / "outputs" / DATE / "次第・参加者名簿.docx").is_file()
    assert [p.name for p in (project / "outputs" / ".packetgen").iterdir()] == [f"{DATE}.lock"]
    assert (project / "inputs" / "2023-10-26" / "meeting.yaml").is_file()


def test_libreoffice_is_found_where_its_windows_installer_puts_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Windows' LibreOffice is not on the PATH: print finds it under Program Files."""
    from packetgen.office.soffice import find_soffice

    program = tmp_path / "Program Files"
    exe = program / "LibreOffice" / "program" / "soffice.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    monkeypatch.setenv("ProgramFiles", str(program))
    assert find_soffice() == str(exe)
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "elsewhere"))
    assert find_soffice() is None

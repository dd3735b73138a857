"""One font setting (templates/fonts.yaml) names every font of every document, the fitter measures
with it, and a font that is not installed stops the build naming the font and its Debian package."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

from conftest import DATE, run
from packetgen.core.fonts import FontSetting, Role, role_of
from packetgen.render import text_fit
from packetgen.render.font_files import resolve
from references import DEFAULT

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DEFAULT_FONTS = {"BIZ UDPゴシック", "BIZ UD明朝 Medium"}
OTHER_SETTING = "ゴシック: BIZ UDゴシック\n明朝: BIZ UDP明朝 Medium\n"  # both ship in the BIZ UD packages
OTHER_FONTS = {"BIZ UDゴシック", "BIZ UDP明朝 Medium"}
# Names a file may keep, by design: symbol fonts of list bullets, theme references, a theme's empty
# complex-script slot, and its fonts for scripts other than Japanese.
SYMBOL_FONTS = {"Symbol", "Wingdings"}
THEME_REFERENCE = re.compile(r"^\+m[nj]-(lt|ea|cs)$")


def font_names(path: Path) -> dict[str, set[str]]:
    """Every font name an Office file gives, with where (part and element), except the exceptions."""
    found: dict[str, set[str]] = defaultdict(set)
    with zipfile.ZipFile(path) as package:
        for part in package.namelist():
            if not part.endswith(".xml"):
                continue
            root = etree.fromstring(package.read(part))
            for element in root.iter():
                if not isinstance(element.tag, str):
                    continue
                ns, _, tag = element.tag[1:].partition("}")
                if ns == A and "typeface" in element.attrib:
                    name = element.get("typeface")
                    other_script = tag == "font" and element.get("script") != "Jpan"
                    empty_cs = tag == "cs" and name == ""
                    if not (other_script or empty_cs or THEME_REFERENCE.match(name) or name in SYMBOL_FONTS):
                        found[name].add(f"{part} a:{tag}")
                elif ns == W and tag == "rFonts":
                    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
                        name = element.get(f"{{{W}}}{attr}")
                        if name and name not in SYMBOL_FONTS:
                            found[name].add(f"{part} w:rFonts")
                    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                        if element.get(f"{{{W}}}{attr}"):
                            found["(theme font)"].add(f"{part} w:rFonts@{attr}")
                elif ns == W and tag == "font" and element.get(f"{{{W}}}name") not in SYMBOL_FONTS:
                    found[element.get(f"{{{W}}}name")].add(f"{part} w:font")
                elif (
                    ns == X and tag in ("name", "rFont") and element.getparent().tag in (f"{{{X}}}font", f"{{{X}}}rPr")
                ):
                    found[element.get("val")].add(f"{part} {tag}")
                elif ns == X and tag == "scheme":
                    found["(theme font)"].add(f"{part} scheme")
                elif ns == X and tag in ("oddHeader", "oddFooter", "evenHeader", "evenFooter"):
                    for match in re.finditer(r'&"([^",]*),', element.text or ""):
                        found[match.group(1)].add(f"{part} {tag}")
    return found


def test_default_setting_is_biz_ud() -> None:
    text = (Path(__file__).resolve().parent.parent / "templates" / "fonts.yaml").read_text("utf-8")
    assert re.search(r"^ゴシック: BIZ UDPゴシック$", text, re.M)
    assert re.search(r"^明朝: BIZ UD明朝 Medium$", text, re.M)
    assert (DEFAULT.gothic, DEFAULT.mincho) == ("BIZ UDPゴシック", "BIZ UD明朝 Medium")


def test_every_document_names_only_the_configured_fonts(built_packet: Path) -> None:
    files = sorted(p for p in built_packet.iterdir() if p.suffix in (".docx", ".pptx", ".xlsx"))
    assert len(files) == 5
    for path in files:
        names = font_names(path)
        assert set(names) <= DEFAULT_FONTS, (path.name, {n: sorted(w)[:3] for n, w in names.items()})
        expected = DEFAULT_FONTS if path.suffix == ".docx" else {"BIZ UDPゴシック"}
        assert set(names) == expected, path.name


def test_the_templates_name_only_the_configured_fonts() -> None:
    templates = Path(__file__).resolve().parent.parent / "templates"
    for name in ("agenda.docx", "donation.docx", "deck.pptx"):
        assert set(font_names(templates / name)) <= DEFAULT_FONTS, name


@pytest.mark.slow
def test_another_setting_changes_every_document_and_rebuilds_them(project: Path, built: Path) -> None:
    # built: a copy of the session's full build with the default setting
    (project / "templates" / "fonts.yaml").write_text(OTHER_SETTING, "utf-8")
    result = run(project, "build", DATE)  # the setting is an input of every document: nothing is 変更なし
    assert result.exit_code == 0, result.stderr
    assert "変更なし" not in result.stdout and result.stdout.count("作成  ") == 5
    out = project / "outputs" / DATE
    for path in sorted(out.glob("*.*x")):
        names = set(font_names(path))
        assert names <= OTHER_FONTS and names, (path.name, names)
    # the templates still name BIZ UDPゴシック etc.: the build says it overrides them
    assert "注意：templates/deck.pptx はフォント「BIZ UDPゴシック」を指定していますが" in result.stdout


@pytest.mark.slow
def test_a_font_chosen_in_a_template_is_overridden_and_named(project: Path) -> None:
    from pptx import Presentation

    deck = project / "templates" / "deck.pptx"
    prs = Presentation(str(deck))
    theme_part = next(r.target_part for r in prs.slide_master.part.rels.values() if r.reltype.endswith("/theme"))
    theme_part._blob = theme_part.blob.replace(
        b'typeface="BIZ UDP\xe3\x82\xb4\xe3\x82\xb7\xe3\x83\x83\xe3\x82\xaf"', 'typeface="メイリオ"'.encode()
    )
    assert "メイリオ".encode() in theme_part.blob
    prs.save(str(deck))
    # 1-2: the shorter of the two decks made from templates/deck.pptx
    result = run(project, "build", DATE, "--only", "1-2")
    assert result.exit_code == 0, result.stderr
    assert "注意：templates/deck.pptx はフォント「メイリオ」を指定していますが" in result.stdout
    assert "templates/fonts.yaml" in result.stdout
    (pptx,) = (project / "outputs" / DATE).glob("資料No.1-2_*.pptx")
    assert set(font_names(pptx)) == {"BIZ UDPゴシック"}
    check = run(project, "check", DATE, "--only", "1-2")
    assert check.exit_code == 0 and "メイリオ" in check.stdout


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        (
            "ゴシック: メイリオ\n明朝: BIZ UD明朝 Medium\n",
            ["ゴシック「メイリオ」", "インストールするか、templates/fonts.yaml"],
        ),
        (
            "ゴシック: BIZ UDPゴシック\n明朝: Noto Serif CJK JP\n",
            ["明朝「Noto Serif CJK JP」", "apt-get install fonts-noto-cjk"],
        ),
    ],
)
def test_a_font_that_is_not_installed_stops_the_build(project: Path, setting: str, named: list[str]) -> None:
    if (
        shutil.which("fc-list")
        and "Noto Serif CJK" in subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    ):
        pytest.skip("Noto Serif CJK is installed here")
    (project / "templates" / "fonts.yaml").write_text(setting, "utf-8")
    result = run(project, "build", DATE)
    assert result.exit_code == 1
    assert "フォント設定（templates/fonts.yaml）のフォントがこのコンピューターにありません" in result.stderr
    for text in named:
        assert text in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "outputs" / DATE).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("ゴシック: BIZ UDPゴシック\n", ["templates/fonts.yaml", "明朝"]),
        ("ゴシック: [BIZ UDPゴシック\n明朝: x\n", ["templates/fonts.yaml", "YAMLの書式"]),
        ("ゴシック: BIZ UDPゴシック\n明朝: BIZ UD明朝 Medium\n見出し: メイリオ\n", ["templates/fonts.yaml", "見出し"]),
    ],
)
def test_a_broken_setting_file_is_refused_with_file_and_key(project: Path, content: str, message: list[str]) -> None:
    (project / "templates" / "fonts.yaml").write_text(content, "utf-8")
    result = run(project, "build", DATE)
    assert result.exit_code == 1
    for text in message:
        assert text in result.stderr, result.stderr


def test_a_missing_setting_file_is_refused(project: Path) -> None:
    (project / "templates" / "fonts.yaml").unlink()
    result = run(project, "check", DATE)
    assert result.exit_code == 1
    assert "templates/fonts.yaml: フォント設定のファイルがありません" in result.stderr


def test_the_windows_mincho_name_resolves_here_through_the_alias() -> None:
    face = resolve("BIZ UD明朝 Medium")
    assert face is not None and face.file.name == "BIZUDMincho-Regular.ttf"
    assert resolve("BIZ UDPゴシック").file.name == "BIZUDPGothic-Regular.ttf"
    assert resolve("BIZ UDPゴシック", bold=True).file.name == "BIZUDPGothic-Bold.ttf"
    assert resolve("メイリオ") is None  # fontconfig would answer with a fallback: that is not a match


def test_the_fitter_measures_with_the_configured_font() -> None:
    proportional, fixed = resolve("BIZ UDPゴシック"), resolve("BIZ UDゴシック")
    font = text_fit.FontMeasure.of(proportional)
    # BIZ UDPゴシック: proportional Latin (A = 0.76 em, 1 = 0.63 em)
    assert font.text_width("A", 10) == pytest.approx(7.6, abs=0.05)
    assert font.text_width("1", 10) == pytest.approx(6.3, abs=0.05)
    assert font.line_count("A" * 60, 200, 10) == 3  # 456 pt of text in 200 pt lines
    font = text_fit.FontMeasure.of(fixed)
    # BIZ UDゴシック: every Latin letter and digit is half the em
    assert font.text_width("A1", 10) == pytest.approx(10.0, abs=0.05)
    assert font.line_count("A" * 60, 200, 10) == 2  # 300 pt


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("ＭＳ Ｐゴシック", Role.GOTHIC),
        ("メイリオ", Role.GOTHIC),
        ("Noto Sans CJK JP", Role.GOTHIC),
        ("Calibri", Role.GOTHIC),
        ("游明朝", Role.MINCHO),
        ("Times New Roman", Role.MINCHO),
        ("Cambria", Role.MINCHO),
        ("BIZ UD明朝 Medium", Role.MINCHO),
    ],
)
def test_a_template_font_keeps_its_kind(name: str, role: Role) -> None:
    assert role_of(name, Role.MINCHO if role is Role.GOTHIC else Role.GOTHIC) is role


def test_role_falls_back_to_the_documents_body_font() -> None:
    assert role_of("Courier", Role.MINCHO) is Role.MINCHO
    assert role_of("Courier", Role.GOTHIC) is Role.GOTHIC
    assert role_of("Foo", Role.MINCHO, FontSetting("Foo", "Bar")) is Role.GOTHIC


@pytest.mark.slow
@pytest.mark.pdf
def test_a_deck_built_with_another_setting_prints_with_that_font(project: Path, tmp_path: Path) -> None:
    from packetgen.office.convert import convert_to_pdf
    from test_pdf import pdf_fonts, require_tools

    require_tools()
    (project / "templates" / "fonts.yaml").write_text(OTHER_SETTING, "utf-8")
    assert run(project, "build", DATE, "--only", "1-2", "--only", "agenda").exit_code == 0
    out = project / "outputs" / DATE
    deck, agenda = convert_to_pdf([next(out.glob("資料No.1-2_*.pptx")), out / "次第・参加者名簿.docx"], tmp_path)
    assert {f["name"].split("+")[-1] for f in pdf_fonts(deck)} == {"BIZUDGothic-Regular", "BIZUDGothic-Bold"}
    # BIZ UDP明朝 Medium is Windows' name; the alias gives Debian's BIZ UDPMincho
    assert {f["name"].split("+")[-1] for f in pdf_fonts(agenda)} == {"BIZUDPMincho-Regular", "BIZUDGothic-Regular"}


def test_the_deck_is_fitted_with_the_font_of_the_setting(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from packetgen.documents.slides import render_deck

    fitted_with: list[text_fit.FontMeasure] = []

    def slide_font(setting: FontSetting) -> text_fit.FontMeasure:
        fitted_with.append(text_fit.slide_font(setting))
        return fitted_with[-1]

    monkeypatch.setattr(render_deck, "slide_font", slide_font)  # the deck renderer's font, recorded
    (project / "templates" / "fonts.yaml").write_text(OTHER_SETTING, "utf-8")
    assert run(project, "build", DATE, "--only", "1-2").exit_code == 0
    assert Path(fitted_with[-1].regular).name == "BIZUDGothic-Regular.ttf"
    assert Path(fitted_with[-1].bold).name == "BIZUDGothic-Bold.ttf"


def test_word_defaults_themes_and_headings_follow_the_setting(tmp_path: Path) -> None:
    """python-docx's own template: theme-font attributes (which win over names in Word), Calibri and
    Cambria in the theme, and a heading style without fonts — all become the setting's fonts."""
    import io

    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    from packetgen.render.ooxml import with_fonts

    doc = Document()
    doc.styles.add_style("表題（小）", WD_STYLE_TYPE.PARAGRAPH)  # a heading by name, naming no font
    doc.add_paragraph("見出し", style="Heading 1")
    buffer = io.BytesIO()
    doc.save(buffer)
    data = with_fonts(buffer.getvalue(), DEFAULT)
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"))

    def east_asia(style_name: str) -> str | None:
        for style in styles.iterfind(f"{{{W}}}style"):
            if style.find(f"{{{W}}}name").get(f"{{{W}}}val") == style_name:
                rfonts = style.find(f"{{{W}}}rPr/{{{W}}}rFonts")
                return None if rfonts is None else rfonts.get(f"{{{W}}}eastAsia")
        raise KeyError(style_name)

    assert east_asia("heading 1") == "BIZ UDPゴシック"
    assert east_asia("Title") == "BIZ UDPゴシック"
    assert east_asia("表題（小）") == "BIZ UDPゴシック"
    default = styles.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr/{{{W}}}rFonts")
    assert default.get(f"{{{W}}}eastAsia") == default.get(f"{{{W}}}ascii") == "BIZ UD明朝 Medium"
    assert not [
        e for e in styles.iter(f"{{{W}}}rFonts") if e.get(f"{{{W}}}asciiTheme") or e.get(f"{{{W}}}eastAsiaTheme")
    ]
    target = tmp_path / "python-docx-default.docx"
    target.write_bytes(data)
    assert set(font_names(target)) == DEFAULT_FONTS


WORD_BODY_PT = 10.5


def _effective_sizes(docx: Path) -> dict[float, int]:
    """Characters of the document's body per effective font size (text_run, then its style chain)."""
    from docx import Document

    doc = Document(str(docx))
    counts: dict[float, int] = {}

    def style_size(style) -> float | None:
        while style is not None:
            if style.font.size is not None:
                return style.font.size.pt
            style = style.base_style
        return None

    paragraphs = list(doc.paragraphs) + [p for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    for p in paragraphs:
        for text_run in p.runs:
            size = text_run.font.size.pt if text_run.font.size is not None else style_size(p.style)
            if size is not None and text_run.text.strip():
                counts[size] = counts.get(size, 0) + len(text_run.text.strip())
    return counts


@pytest.mark.parametrize("name", ["次第・参加者名簿.docx", "資料No.3_一関市企業版ふるさと納税について.docx"])
def test_word_body_text_is_10_5_pt(built_packet: Path, name: str) -> None:
    from docx import Document

    assert Document(str(built_packet / name)).styles["Normal"].font.size.pt == WORD_BODY_PT
    counts = _effective_sizes(built_packet / name)
    assert max(counts, key=lambda size: counts[size]) == WORD_BODY_PT, counts


def test_the_setting_file_is_read_and_each_bad_name_refused(tmp_path: Path) -> None:
    from packetgen.core.errors import InputError
    from packetgen.inputs.font_setting import read_font_setting

    (tmp_path / "fonts.yaml").write_text("ゴシック: ' BIZ UDPゴシック '\n明朝: BIZ UD明朝 Medium\n", "utf-8")
    setting = read_font_setting(tmp_path / "fonts.yaml", "x/fonts.yaml")
    assert (setting.gothic, setting.mincho, setting.source) == (
        "BIZ UDPゴシック",
        "BIZ UD明朝 Medium",
        "x/fonts.yaml",
    )
    with pytest.raises(InputError) as info:
        read_font_setting(tmp_path / "none.yaml", "templates/fonts.yaml")
    assert [str(p) for p in info.value.problems] == [
        "templates/fonts.yaml: フォント設定のファイルがありません。「ゴシック: BIZ UDPゴシック」「明朝: BIZ UD明朝 Medium」"  # noqa: E501
        "の2行を書いたファイルを作ってください"
    ]
    (tmp_path / "fonts.yaml").write_text("ゴシック: A,B\n明朝: '\"x\"'\n", "utf-8")
    with pytest.raises(InputError) as info:
        read_font_setting(tmp_path / "fonts.yaml", "f.yaml")
    assert [str(p) for p in info.value.problems] == [
        "f.yaml 1行目 ゴシック: 「A,B」はフォント名として使えません（例：BIZ UDPゴシック）",
        'f.yaml 2行目 明朝: 「"x"」はフォント名として使えません（例：BIZ UDPゴシック）',
    ]

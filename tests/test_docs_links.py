"""The documentation stays navigable: every relative link of README.md and docs/ leads to a file that
exists and every #anchor to a heading of its page, the README stays short, and docs/architecture.md
places every module of src/packetgen."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide"
SOURCE = ROOT / "src" / "packetgen"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
README_MAX_LINES = 250

FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
INLINE_LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
REFERENCE_LINK = re.compile(r"^\s*\[[^\]\n]+\]:\s*(\S+)", re.MULTILINE)
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # https:, mailto:, file:


def link_targets(markdown: str) -> list[str]:
    """The relative link targets of a Markdown text as written (with any #anchor); links in code are
    not links."""
    text = CODE_SPAN.sub("", FENCE.sub("", markdown))
    targets = INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)
    return [target for target in targets if not EXTERNAL.match(target)]


def relative_links(markdown: str) -> list[str]:
    """The relative link targets of a Markdown text, anchors cut off; links in code are not links."""
    paths = [target.split("#", 1)[0] for target in link_targets(markdown)]
    return [path for path in paths if path]  # a bare "#anchor" is a link within the page


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens."""
    kept = "".join(c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """The anchors of a Markdown page's headings (a # line in a code block is not a heading)."""
    text = FENCE.sub("", page.read_text("utf-8"))
    return {slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def links() -> list[tuple[Path, str, Path]]:
    """(document, link as written, the path it resolves to) for every relative link."""
    found = []
    for document in documents():
        for link in relative_links(document.read_text("utf-8")):
            found.append((document, link, (document.parent / link).resolve()))
    return found


def broken(selected: list[tuple[Path, str, Path]]) -> list[str]:
    return [f"{doc.relative_to(ROOT)}: {link}" for doc, link, target in selected if not target.exists()]


def test_the_link_reader_skips_code_external_links_and_anchors() -> None:
    markdown = (
        "See [the guide](docs/guide/README.md#目次) and [a site](https://example.org/x.md).\n"
        '[Within the page](#tests), `[not](a-link.md)`, [spaced](docs/a.md "title")\n'
        "```\n[in code](code.md)\n```\n"
        "[ref]: ../other.md\n"
    )
    assert relative_links(markdown) == ["docs/guide/README.md", "docs/a.md", "../other.md"]


def test_every_relative_link_leads_to_a_file() -> None:
    found = links()
    assert len(found) > 10  # the README and docs/ link to each other
    assert any(target.is_relative_to(GUIDE) for _, _, target in found), "the README links to the staff guide"
    assert broken(found) == []


def test_every_anchor_names_a_heading_of_its_page() -> None:
    missing = []
    for document in documents():
        for target in link_targets(document.read_text("utf-8")):
            path, _, anchor = target.partition("#")
            page = (document.parent / path).resolve() if path else document
            if anchor and page.suffix == ".md" and page.is_file() and anchor not in anchors(page):
                missing.append(f"{document.relative_to(ROOT)}: {target}")
    assert missing == []


def test_the_readme_is_at_most_250_lines() -> None:
    lines = (ROOT / "README.md").read_text("utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES


def modules() -> list[str]:
    """Every module of src/packetgen as a path below it; a subpackage's __init__.py only gathers."""
    paths = [p.relative_to(SOURCE).as_posix() for p in sorted(SOURCE.rglob("*.py"))]
    return [p for p in paths if not p.endswith("/__init__.py")]


def placed(module: str, lines: list[str]) -> bool:
    """Named in full (`building/run.py`), or by its file name on a line that names its folder
    (`documents/slides/builder.py`, `source.py`)."""
    folder, _, name = module.rpartition("/")
    return any(f"`{module}`" in line or (folder and f"{folder}/" in line and f"`{name}`" in line) for line in lines)


def test_every_module_of_the_package_is_placed_in_the_architecture() -> None:
    lines = ARCHITECTURE.read_text("utf-8").splitlines()
    assert [module for module in modules() if not placed(module, lines)] == []


def test_every_path_the_architecture_names_exists() -> None:
    """A module path is below src/packetgen (`building/run.py`); any other is below the checkout."""
    named = re.findall(r"`([a-z_]+/[a-z_/]*(?:\.py)?)`", ARCHITECTURE.read_text("utf-8"))
    assert len(named) > 50
    missing = {path for path in named if not (SOURCE / path).exists() and not (ROOT / path).exists()}
    assert sorted(missing) == []

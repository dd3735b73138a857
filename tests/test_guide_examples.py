"""The staff guide (docs/guide/) stays true: every input example in it passes `packetgen check`, every
mistake it shows gets the message it quotes, and its reference page names every input the code reads.

An input example is a fenced ```yaml or ```csv block with a marker on the line before it:

    <!-- example: PATH MODE [id=NAME] [after=NAME] -->        check must accept it (exit 0)
    <!-- example-error: PATH MODE [id=NAME] [after=NAME] -->  the next fenced block is what check says

PATH is relative to the project (inputs/2023-07-27/members.csv, templates/fonts.yaml). A meeting other
than the seed's (inputs/2023-10-26/…) is first made as the guide makes it: `packetgen new DATE --from
2023-07-27`. MODE says how the block goes into the file:

- ``replace``: the block is the whole file;
- ``merge``: a YAML fragment merged into the file's mapping at the keys it gives (mappings key by key;
  any other value, a list too, replaces the file's);
- ``append``: CSV rows added at the end (the block's first line is the file's header);
- ``line=N``: the block's lines replace the file's lines from line N on; in an example each line must
  keep the key of the line it replaces (the text before ``:``, or a CSV line's first cell), so an
  excerpt that no longer matches its file fails. For a mistake in place (line numbers as staff see
  them), also one YAML cannot parse.

``after=NAME`` splices the example marked ``id=NAME`` first (a fix shown after a mistake).
``file=PATH`` (repeatable) makes a small made-up paper at PATH first, a .pdf or a .docx by its suffix,
for an example whose 入力.原稿 names one (a file the guide cannot show as text). An error's
message block is matched line by line in what check prints; ``…`` in a line stands for any text. The
exit status must be 1, or 0 when every line of the message is a 注意.

Check runs on the documents that read the changed file (``--only``): on the agenda for meeting.yaml
(any check validates all of it) and each document whose 資料 entry the example changes; on the
agenda for templates/fonts.yaml naming the seed's fonts (any check reads it and finds its fonts), and
on all of them for other fonts or templates/.
"""

from __future__ import annotations

import csv
import re
import typing
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from conftest import DATE, ROOT, copy_project, run
from packetgen.analysis import claims
from packetgen.analysis.population import findings_values
from packetgen.building.packet import Packet
from packetgen.core.fonts import Role
from packetgen.documents import agenda, registry
from packetgen.inputs import donation, people, population, population_tables, slides
from packetgen.inputs.explanation import Explanation
from packetgen.inputs.meeting import BINDING_METHODS, BINDING_UNITS, Meeting
from packetgen.inputs.paper import BLOCK_KINDS, PaperSource
from test_paper_existing import A4, make_docx, make_pdf

GUIDE = ROOT / "docs" / "guide"
REFERENCE = GUIDE / "06-inputs.md"
MARKER = re.compile(
    r"^<!-- (?P<kind>example|example-error): (?P<path>\S+) (?P<mode>merge|replace|append|line=\d+)"
    r"(?P<options>(?: (?:id|after|file)=\S+)*) -->\n```(?P<lang>\w+)\n(?P<body>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)
FENCE = re.compile(r"^```\w*\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Example:
    page: str
    line: int
    kind: str
    path: str
    mode: str
    lang: str
    body: str
    options: dict[str, str]
    message: str  # for an example-error: the fenced block after it
    files: tuple[str, ...] = ()  # papers to make (file=PATH)

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"


def _examples() -> list[Example]:
    found = []
    for page in sorted(GUIDE.glob("*.md")):
        text = page.read_text("utf-8")
        for m in MARKER.finditer(text):
            options = dict(o.split("=", 1) for o in m["options"].split() if not o.startswith("file="))
            files = tuple(o.removeprefix("file=") for o in m["options"].split() if o.startswith("file="))
            message = ""
            if m["kind"] == "example-error":
                after = FENCE.search(text, m.end() + 1)
                assert after, f"{page.name}: an example-error needs the message block after it"
                message = after["body"]
            line = text.count("\n", 0, m.start()) + 1
            body, lang = m["body"], m["lang"]
            found.append(Example(page.name, line, m["kind"], m["path"], m["mode"], lang, body, options, message, files))
    return found


EXAMPLES = _examples()
BY_ID = {e.options["id"]: e for e in EXAMPLES if "id" in e.options}


# --- splicing -------------------------------------------------------------------------------------
class _Loader(yaml.SafeLoader):
    """Reads dates and clock times as the text written, as packetgen's reader does (13:30 is not 810)."""


_INT = "tag:yaml.org,2002:int"
_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, rx)
        for tag, rx in resolvers
        if tag != "tag:yaml.org,2002:timestamp" and not (tag == _INT and ":" in rx.pattern)
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789"))


def _merge(base: object, fragment: object) -> object:
    if isinstance(base, dict) and isinstance(fragment, dict):
        return {**base, **{k: _merge(base.get(k), v) for k, v in fragment.items()}}
    return fragment


def _line_key(line: str, is_csv: bool) -> str:
    if is_csv:
        return next(csv.reader([line]), [""])[0]
    return re.split("[:：]", line, maxsplit=1)[0].strip(" \t\u3000").removeprefix("- ").strip()


def _splice(file: Path, example: Example) -> None:
    is_csv = file.suffix == ".csv"
    if example.mode == "replace":  # a new file, in a new folder too (the guide says to make them)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(example.body, "utf-8")
    elif example.mode == "merge":
        assert not is_csv, f"{example.name}: merge is for YAML"
        merged = _merge(yaml.load(file.read_text("utf-8"), _Loader), yaml.load(example.body, _Loader))
        file.write_text(yaml.safe_dump(merged, allow_unicode=True, sort_keys=False), "utf-8")
    elif example.mode == "append":
        assert is_csv, f"{example.name}: append is for CSV"
        lines = file.read_text("utf-8-sig").splitlines()
        header, *rows = example.body.splitlines()
        assert header == lines[0], f"{example.name}: the header is not {file.name}'s: {lines[0]}"
        file.write_text("\n".join([*lines, *rows]) + "\n", "utf-8")
    else:
        start = int(example.mode.removeprefix("line=")) - 1
        lines = file.read_text("utf-8").splitlines()
        new = example.body.splitlines()
        old = lines[start : start + len(new)]
        keys = [(_line_key(a, is_csv), _line_key(b, is_csv)) for a, b in zip(old, new, strict=True)]
        if example.kind == "example":  # a mistake may misspell the key on purpose; its message pins it
            assert all(a == b for a, b in keys), f"{example.name}: the excerpt no longer matches {file.name}: {keys}"
        lines[start : start + len(new)] = new
        file.write_text("\n".join(lines) + "\n", "utf-8")


def _apply(project: Path, example: Example) -> str:
    """Splice the example (and the one it follows) into the project; returns its meeting's date."""
    if "after" in example.options:
        _apply(project, BY_ID[example.options["after"]])
    date = example.path.split("/")[1] if example.path.startswith("inputs/") else DATE
    if not (project / "inputs" / date).is_dir():
        made = run(project, "new", date, "--from", DATE)
        assert made.exit_code == 0, made.stderr
    _splice(project / example.path, example)
    for name in example.files:
        if name.endswith(".pdf"):
            make_pdf(project / name, [A4, A4])
        else:
            make_docx(project / name)
    return date


def _readers(project: Path, date: str, example: Example) -> list[str]:
    """`--only` for each document whose inputs include the file. Any document's check validates the
    whole of meeting.yaml, so its examples are checked with the agenda (the quickest, and it lists
    every 資料), and with each document whose 資料 entry they change (every document in a meeting the
    guide makes with `new`). Any check reads templates/fonts.yaml and finds its fonts,
    so a setting naming the seed's fonts is checked with the agenda; other fonts change how every
    slide fits (every document then), as do the other templates/."""
    prefix, path = f"inputs/{date}/", example.path
    if path == f"{prefix}meeting.yaml":
        if not re.search(r"^資料:", example.body, re.MULTILINE):
            return ["--only", "agenda"]
        return ["--only", "agenda", *_changed_entries(project / path)] if date == DATE else []
    if path == "templates/fonts.yaml":
        seed = yaml.safe_load((ROOT / path).read_text("utf-8"))
        return ["--only", "agenda"] if yaml.safe_load(example.body) == seed else []
    if not path.startswith(prefix):
        return []
    relative = path.removeprefix(prefix)
    meeting = yaml.load((project / prefix / "meeting.yaml").read_text("utf-8"), _Loader)
    ids = [d["id"] for d in meeting["資料"] if relative in d.get("入力", {}).values()]
    # a file no document reads yet (a new deck, before the example that lists it in 資料) says nothing
    # to a check: the agenda's is the quickest, and the example that adds it to 資料 checks it
    return [arg for i in ids or ["agenda"] for arg in ("--only", i)]


def _changed_entries(meeting: Path) -> list[str]:
    """`--only` for each 資料 entry of the seed meeting's spliced meeting.yaml that the seed's has not."""
    before = yaml.load((ROOT / "inputs" / DATE / "meeting.yaml").read_text("utf-8"), _Loader)["資料"]
    after = yaml.load(meeting.read_text("utf-8"), _Loader)["資料"]
    changed = [d["id"] for d in after if d not in before and d["id"] != "agenda"]
    return [arg for i in changed for arg in ("--only", i)]


def _said(message_line: str, output: list[str]) -> bool:
    parts = [p for p in message_line.split("…") if p]
    for line in output:
        at = 0
        for part in parts:
            at = line.find(part, at)
            if at < 0:
                break
            at += len(part)
        else:
            return True
    return False


# An example of a 文書's files (under paper/) is checked as the 本文 of a 資料 of kind 文書 added here.
PAPER_FOLDER = f"inputs/{DATE}/paper/"
PAPER_ENTRY = (
    "  - id: paper\n    種類: 文書\n    名称: 文書の例\n    資料番号: No.4\n    入力:\n      本文: paper/本文.yaml\n"
)


def _declare_paper(project: Path) -> list[str]:
    (project / PAPER_FOLDER).mkdir()
    meeting = project / "inputs" / DATE / "meeting.yaml"
    text = meeting.read_text("utf-8")
    meeting.write_text(text.replace("\n印刷:", "\n" + PAPER_ENTRY + "印刷:", 1), "utf-8")
    return ["--only", "paper"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_guide_example_gets_what_the_guide_says(tmp_path: Path, example: Example) -> None:
    project = copy_project(tmp_path)
    paper = example.path.startswith(PAPER_FOLDER)
    readers = _declare_paper(project) if paper else []
    date = _apply(project, example)
    result = run(project, "check", date, *(readers or _readers(project, date, example)))
    output = (result.stdout + result.stderr).splitlines()
    if example.kind == "example":
        assert result.exit_code == 0, f"{example.name} ({example.path}):\n{result.stderr}"
        return
    expected = [line.strip().removeprefix("- ") for line in example.message.splitlines() if line.strip()]
    missing = [line for line in expected if not _said(line, output)]
    assert not missing, f"{example.name}: check did not say\n{missing}\nit said:\n" + "\n".join(output)
    warnings_only = all(line.startswith("注意") for line in expected)
    assert result.exit_code == (0 if warnings_only else 1), result.stderr


def test_guide_has_examples_of_both_kinds() -> None:
    kinds = {e.kind for e in EXAMPLES}
    assert kinds == {"example", "example-error"}
    assert len(EXAMPLES) >= 20


def test_every_yaml_or_csv_block_of_the_guide_is_a_checked_example() -> None:
    unmarked = []
    for page in sorted(GUIDE.glob("*.md")):
        lines = page.read_text("utf-8").splitlines()
        for n, line in enumerate(lines):
            if line in ("```yaml", "```csv") and not lines[n - 1].startswith("<!-- example"):
                unmarked.append(f"{page.name}:{n + 1}")
    assert not unmarked, f"input blocks without an example marker: {unmarked}"


def test_every_after_names_an_example() -> None:
    assert all(e.options["after"] in BY_ID for e in EXAMPLES if "after" in e.options)


# --- the reference names what the code reads ------------------------------------------------------
def _keys(model: type[BaseModel]) -> set[str]:
    """Every key of a YAML input: the model's fields (by the alias the file uses) and their models'."""
    keys = set()
    for name, field in model.model_fields.items():
        keys.add(field.alias or name)
        keys |= {k for sub in _models_in(field.annotation) for k in _keys(sub)}
    return keys


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


# Each input role (meeting.yaml 資料[].入力) → what its file holds: a model's keys or a table's columns.
SCHEMAS: dict[str, type[BaseModel] | tuple[str, ...]] = {
    "参加者名簿": people.MEMBER_COLUMNS,
    "市側出席者": people.STAFF_COLUMNS,
    agenda.EXPLANATION: Explanation,
    "スライド": slides.DeckSource,
    **{role: spec.columns for role, spec in population_tables.TABLE_ROLES.items()},
    population_tables.FINDINGS_ROLE: population.Findings,
    "寄附実績": donation.RECORD_COLUMNS,
    "報告本文": donation.DonationReport,
    "本文": PaperSource,
    "原稿": (),  # a .docx or .pdf taken as it is: no keys of its own
}


def _sections() -> dict[str, str]:
    """06-inputs.md by its `## ` headings (a file's section is the one whose heading names it)."""
    parts = re.split(r"^## ", REFERENCE.read_text("utf-8"), flags=re.MULTILINE)
    return {part.splitlines()[0]: part for part in parts[1:]}


def _section_of(file: str) -> str:
    found = [body for heading, body in _sections().items() if file in heading]
    assert found, f"06-inputs.md has no section whose heading names {file}"
    return "\n".join(found)


def _unnamed(names: typing.Iterable[str], text: str) -> list[str]:
    return sorted(n for n in names if f"`{n}`" not in text)


def test_every_input_role_of_the_code_has_a_schema_here() -> None:
    roles = {role for kind in registry.KINDS.values() for role in kind.known_roles}
    assert roles == set(SCHEMAS)


def test_the_reference_names_every_file_and_key_of_the_seed_meeting() -> None:
    """Each key or column in the section of its file, each role, 種類 and legacy id anywhere on the page."""
    packet = Packet(ROOT, DATE)
    reference = REFERENCE.read_text("utf-8")
    missing = {
        "files": _unnamed(["meeting.yaml", "templates/fonts.yaml"], reference),
        "meeting.yaml": _unnamed(_keys(Meeting), _section_of("meeting.yaml")),
        "templates/fonts.yaml": _unnamed([r.value for r in Role], _section_of("templates/fonts.yaml")),
        "kinds": _unnamed(registry.KINDS, reference),
        "ids": _unnamed(registry.LEGACY_IDS, reference),
    }
    for entry in packet.meeting.documents:
        for role, file in entry.inputs.items():
            schema = SCHEMAS[role]
            names = schema if isinstance(schema, tuple) else _keys(schema)
            missing["roles"] = missing.get("roles", []) + _unnamed([role], reference)
            missing[file] = _unnamed(names, _section_of(file))
    assert not {k: v for k, v in missing.items() if v}, "not in 06-inputs.md (as `name`)"


def test_the_reference_names_every_key_and_block_of_a_paper_s_source() -> None:
    """A 文書's 本文 file is in no seed meeting: its section names what the code reads all the same."""
    assert not _unnamed({*_keys(PaperSource), *BLOCK_KINDS}, _section_of("本文.yaml"))


def test_every_file_of_the_seed_meeting_is_in_the_reference() -> None:
    folder = ROOT / "inputs" / DATE
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    assert not _unnamed(files, REFERENCE.read_text("utf-8"))


def test_the_reference_names_every_word_staff_may_write() -> None:
    """Layouts, computed names and phrases, claims and the print order's choices, from the code."""
    packet = Packet(ROOT, DATE)
    entry = next(e for e in packet.meeting.documents if e.id == "population")
    problems: list = []
    tables = population_tables.load_inputs(packet.context(entry), problems)
    assert tables is not None, problems
    values = findings_values(tables.tables.series, tables.tables.natural, tables.tables.social)
    words = [
        *slides.LAYOUTS,
        *values,
        *claims.PHRASES,
        *claims.CLAIMS,
        *donation.PLACEHOLDERS,
        *BINDING_UNITS,
        *BINDING_METHODS,
        *typing.get_args(population.Kind),
        *population.AREAS,
    ]
    assert not _unnamed(words, REFERENCE.read_text("utf-8"))


# --- the guide renders ----------------------------------------------------------------------------
def _cells(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))


@pytest.mark.parametrize("page", sorted(p.name for p in GUIDE.glob("*.md")))
def test_guide_page_renders_its_tables_and_code_blocks(page: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    text = (GUIDE / page).read_text("utf-8")
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    fences = [t for t in tokens if t.type == "fence"]
    assert len(fences) * 2 == sum(1 for line in text.splitlines() if line.lstrip().startswith("```")), "unbalanced ```"
    in_fence = {n for t in fences for n in range(t.map[0], t.map[1])}
    table_lines = {n for t in tokens if t.type == "table_open" for n in range(t.map[0], t.map[1])}
    lines = text.splitlines()
    loose = [n + 1 for n, line in enumerate(lines) if line.startswith("|") and n not in table_lines | in_fence]
    assert not loose, f"{page}: lines that look like a table but are not one: {loose}"
    for t in (t for t in tokens if t.type == "table_open"):
        rows = lines[t.map[0] : t.map[1]]
        widths = {_cells(row) for row in rows}
        assert len(widths) == 1, f"{page}:{t.map[0] + 1}: table rows of different widths {widths}"


# that every link of the guide reaches its page and heading: test_docs_links.py


def test_guide_index_links_every_page() -> None:
    index = (GUIDE / "README.md").read_text("utf-8")
    pages = sorted(p.name for p in GUIDE.glob("*.md") if p.name != "README.md")
    assert pages and all(f"({name})" in index for name in pages)

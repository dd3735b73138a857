"""The size and privacy habits of packetgen's code (docs/architecture.md), checked in CI.

    python3 scripts/check_structure.py            # exit 1 and one line per breach

- a module (src/, tools/, bench/, scripts/) has at most 400 lines;
- a function has at most 60 lines and 6 parameters (self and cls not counted);
- no module uses another module's private names (``from x import _y`` or ``x._y`` where x is a
  packetgen module imported by name).

Layers and import cycles are import-linter's (.importlinter).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "packetgen"
MODULE_LINES = 400
FUNCTION_LINES = 60
PARAMETERS = 6


def _parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    args = node.args
    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
    names += [a.arg for a in (args.vararg, args.kwarg) if a is not None]
    return len([n for n in names if n not in ("self", "cls")])


def _private_uses(tree: ast.Module) -> list[tuple[int, str]]:
    """Private names taken from another packetgen module."""
    found = []
    modules: set[str] = set()  # local names bound to packetgen modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("packetgen"):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
                modules.add(alias.asname or alias.name)  # may be a module (from packetgen.x import y)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("packetgen"):
                    modules.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append((node.lineno, f"{node.value.id}.{node.attr}"))
    return found


def breaches(files: list[Path]) -> list[str]:
    out = []
    for path in files:
        text = path.read_text("utf-8")
        rel = path.relative_to(ROOT).as_posix()
        lines = len(text.splitlines())
        if lines > MODULE_LINES:
            out.append(f"{rel}: {lines} lines (at most {MODULE_LINES})")
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES:
                    out.append(f"{rel}:{node.lineno} {node.name}: {length} lines (at most {FUNCTION_LINES})")
                count = _parameters(node)
                if count > PARAMETERS:
                    out.append(f"{rel}:{node.lineno} {node.name}: {count} parameters (at most {PARAMETERS})")
        out += [f"{rel}:{line} uses another module's private name {name}" for line, name in _private_uses(tree)]
    return out


def main() -> None:
    files = sorted(SOURCE.rglob("*.py"))
    files += sorted(p for folder in ("tools", "bench", "scripts") for p in (ROOT / folder).glob("*.py"))
    found = breaches(files)
    for line in found:
        print(line)
    if found:
        sys.exit(f"{len(found)} breaches of the code's size and privacy habits (docs/architecture.md)")
    print("sizes and private names: all within bounds")


if __name__ == "__main__":
    main()

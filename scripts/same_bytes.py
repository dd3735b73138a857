"""The redesign's proof (issues 21 and 22): the packet is byte-identical to the one made before it.

    python3 scripts/same_bytes.py record [--checkout DIR]   # hashes -> scripts/same_bytes.json
    python3 scripts/same_bytes.py compare [--office]        # exit 1 and a list when a file differs

Builds and prints the 2023-07-27 meeting and the made-up meeting of tests/second_meeting/ in throw-away
projects with the packetgen of ``--checkout`` (default: this one), then hashes every file of
outputs/DATE. Only what must change with any code change is set aside: the preview page (index.html,
live.js) and, in manifest.json, the digests of packetgen's own source (generator.version and the
fingerprints made with it: inputs_sha256, print.key). ``--office`` builds only, without LibreOffice.

Delete this script and its JSON once issues 21 and 22 have landed: later issues change the packet.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(__file__).with_suffix(".json")
MEETINGS = {"2023-07-27": "inputs/2023-07-27", "2024-07-25": "tests/second_meeting/2024-07-25"}
EXEMPT = ("print/preview/index.html", "print/preview/live.js")
CODE_DIGESTS = ("inputs_sha256", "key")  # made with packetgen's source digest


def _normalised_manifest(data: bytes) -> bytes:
    """The manifest's own bytes with only the code digests blanked, in place: nothing is parsed and
    written again, so a change of indentation, key order or escaping still shows."""
    text = re.sub(r'("version": ")[^"]*(")', r"\1*\2", data.decode("utf-8"))
    return re.sub(rf'("(?:{"|".join(CODE_DIGESTS)})": ")[0-9a-f]{{64}}(")', r"\1*\2", text).encode("utf-8")


def _hashes(folder: Path) -> dict[str, str]:
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel in EXEMPT:
            continue
        data = path.read_bytes()
        if rel == "manifest.json":
            data = _normalised_manifest(data)
        out[rel] = hashlib.sha256(data).hexdigest()
    return out


def _make(checkout: Path, date: str, source: str, office_only: bool) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="same-bytes-") as tmp:
        project = Path(tmp)
        shutil.copytree(checkout / "templates", project / "templates")
        shutil.copytree(ROOT / source, project / "inputs" / date)
        env = {**os.environ, "PYTHONPATH": str(checkout / "src"), "PACKETGEN_OFFICE_IDLE": "0"}
        for command in ["build"] if office_only else ["build", "print"]:
            run = [sys.executable, "-m", "packetgen", command, date, "--project", str(project)]
            done = subprocess.run(run, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                sys.exit(f"{' '.join(run[2:5])} failed:\n{done.stdout}{done.stderr}")
        return _hashes(project / "outputs" / date)


def _all(checkout: Path, office_only: bool) -> dict[str, dict[str, str]]:
    return {date: _make(checkout, date, source, office_only) for date, source in MEETINGS.items()}


def _office(files: dict[str, str]) -> dict[str, str]:
    return {
        rel: digest for rel, digest in files.items() if rel.endswith((".docx", ".pptx", ".xlsx")) and "/" not in rel
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("record", "compare"))
    parser.add_argument("--checkout", type=Path, default=ROOT)
    parser.add_argument("--office", action="store_true", help="build only: compare the Office files")
    args = parser.parse_args()
    made = _all(args.checkout.resolve(), args.office)
    if args.action == "record":
        REFERENCE.write_text(json.dumps(made, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"recorded {sum(map(len, made.values()))} files in {REFERENCE.relative_to(ROOT)}")
        return
    reference = json.loads(REFERENCE.read_text("utf-8"))
    differ = []
    for date, files in made.items():
        want = {k: v for k, v in reference[date].items()}
        if args.office:
            want, files = _office(want), _office(files)
        for rel in sorted(set(want) | set(files)):
            if want.get(rel) != files.get(rel):
                state = "missing" if rel not in files else "new" if rel not in want else "differs"
                differ.append(f"{date}/{rel}: {state}")
    if differ:
        print("\n".join(differ))
        sys.exit(f"{len(differ)} files are not the same bytes")
    print(f"same bytes: {sum(map(len, made.values()))} files of {len(made)} meetings")


if __name__ == "__main__":
    main()

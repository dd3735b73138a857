#!/usr/bin/env bash
# Mutation testing of packetgen's core with mutmut 3 (not run in CI). See docs/mutation.md.
#
#   scripts/mutation.sh                       # the whole scope (~8,300 mutants: about an hour at one child)
#   scripts/mutation.sh core.japanese inputs.numbers printing.order.content   # only these modules
#   MUTMUT_CHILDREN=2 scripts/mutation.sh core.japanese             # more parallel children
#   scripts/mutation.sh --report [MODULE…]    # only print the score table of the last runs
#
# The scope, the test selection (fast unit-test files only) and the pytest options are in
# pyproject.toml [tool.mutmut]. mutmut copies the project into ./mutants/ (git-ignored) and keeps its
# results there, so a second run only re-tests what changed; a change of the test selection or of the
# pytest options makes it forget every result. At the end the per-module score table (killed /
# survived / timeout / other / checked / not checked, and the score) is printed. Do not edit this
# file while it runs: bash reads it as it goes.
set -euo pipefail
cd "$(dirname "$0")/.."

report_only=false
if [[ "${1:-}" == "--report" ]]; then
  report_only=true
  shift
fi
children="${MUTMUT_CHILDREN:-1}"  # the build machines have 2 cores shared with others
patterns=()
for module in "$@"; do
  module="${module#packetgen.}"
  patterns+=("packetgen.${module}.*")
done

# the *.py globs of [tool.mutmut] only_mutate; a name pattern narrows the run to some modules
if ! $report_only; then
  mutmut run --max-children "$children" "${patterns[@]}"
fi

# score table, from mutmut's own result store
python3 - "${patterns[@]}" <<'PY'
import fnmatch
import subprocess
import sys
from collections import Counter, defaultdict

patterns = sys.argv[1:] or ["*"]
out = subprocess.run(["mutmut", "results", "--all", "true"], capture_output=True, text=True, check=True).stdout
table: dict[str, Counter] = defaultdict(Counter)
for line in out.splitlines():
    name, sep, status = line.strip().rpartition(": ")
    if not sep or "__mutmut_" not in name or not any(fnmatch.fnmatch(name, p) for p in patterns):
        continue
    table[name.rsplit(".", 1)[0]][status] += 1  # packetgen.core.japanese.x_wareki__mutmut_3, …xǁClassǁmethod__mutmut_1


def row(label: str, c: Counter) -> str:
    checked = sum(c.values()) - c["not checked"]
    other = checked - c["killed"] - c["survived"] - c["timeout"]  # no tests, suspicious, segfault, …
    score = f"{100 * (c['killed'] + c['timeout']) / checked:6.1f}%" if checked else "      -"
    return f"{label:36} {c['killed']:7} {c['survived']:9} {c['timeout']:8} {other:6} {checked:8} {c['not checked']:12} {score}"


print(f"{'module':36} {'killed':>7} {'survived':>9} {'timeout':>8} {'other':>6} {'checked':>8} {'not checked':>12} {'score':>7}")
total: Counter = Counter()
for module in sorted(table):
    total.update(table[module])
    print(row(module, table[module]))
print(row("all", total))
print("score = (killed + timeout) / checked; 'other' (no tests, suspicious) counts as not killed")
PY

"""What a build tells after its list of documents: one line per document whose text changed, and the
print data it withdrew."""

from __future__ import annotations

from packetgen.building import withdrawal
from packetgen.building.run import BuildResult
from packetgen.review import diff


def build_lines(result: BuildResult, key: str) -> list[str]:
    lines = []
    if result.before and result.after is not None:
        lines += [f"  {line}" for line in diff.summaries(diff.compare(result.before, result.after))]
    if result.withdrawn is not None and result.withdrawn.any:
        lines.append(withdrawal.message(result.withdrawn, key))
    return lines

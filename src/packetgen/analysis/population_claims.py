"""The 人口動態 分析結果 checked and filled: each finding's declared claims checked against the
tables (元資料のみ, 移動の多い順, ベビーブーム世代（…）, the series), a claim word written as plain
text refused, and its computed values and phrases filled in (analysis/claims.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from packetgen.analysis import claims
from packetgen.analysis import population as pa
from packetgen.core.errors import Problem
from packetgen.inputs.population_tables import PopulationInputs, PopulationTables
from packetgen.inputs.validation import key_path
from packetgen.inputs.yaml_files import line_of

_BOOM_KEY = re.compile(r"ベビーブーム世代（(.+)）")


@dataclass(frozen=True)
class Facts:
    """What a declared claim of the 分析結果 is checked against."""

    series: dict[str, claims.Series]
    rankings: tuple[claims.Ranked, ...]
    pyramids: dict[str, claims.Pyramid]

    def check(self, name: str, claim: str) -> None:
        if name == "元資料のみ":  # a statement whose figures the inputs do not keep at all
            raise claims.Unverifiable("この数値は入力のどの表にもありません")
        if name == "移動の多い順":
            claims.check_order(self.rankings, claim)
        elif match := _BOOM_KEY.fullmatch(name):
            region = match.group(1)
            claims.check_booms(self.pyramids.get(region, claims.Pyramid(region, None, {})), claim)
        else:
            claims.check_claim(self.series, name, claim)


def facts_of(tables: PopulationTables) -> Facts:
    return Facts(
        pa.claim_series(tables.series, tables.natural, tables.social, tables.files),
        pa.claim_rankings(tables.migration, tables.files),
        pa.claim_pyramids(tables.age, tables.files),
    )


@dataclass(frozen=True)
class FilledFindings:
    texts: list[str]  # each finding with its values and phrases filled in
    notices: list[str]  # 注意: claims the inputs hold no figures for


def fill_findings(inputs: PopulationInputs, problems: list[Problem]) -> FilledFindings | None:
    """Each finding with its computed values and phrases filled in; every declared claim checked,
    and a claim word written as plain text without a declared claim refused (analysis/claims.py).
    A claim the inputs hold no figures for is a 注意. None when the tables lack a figure the texts
    are filled from."""
    tables, node, label = inputs.tables, inputs.node, inputs.findings_file
    try:
        values = pa.findings_values(tables.series, tables.natural, tables.social)
    except (KeyError, ValueError) as exc:
        problems.append(Problem(tables.files["series"], f"分析結果に使う数値が足りません（{exc}）"))
        return None
    facts = facts_of(tables)
    filled = FilledFindings([], [])
    for i, item in enumerate(inputs.findings.items):
        text, declared = item.text, item.claims
        # the finding's 文: its line, or a plain item's own line (line_of stops at the nearest node)
        loc: tuple[str | int, ...] = ("分析結果", i, "文") if line_of(node, ("分析結果", i, "文")) else ("分析結果", i)

        def problem(message: str, where: tuple[str | int, ...] = loc) -> None:
            problems.append(Problem(label, message, line_of(node, where), key_path(where)))

        for word in claims.unclaimed_words(text, declared)[:1]:
            problem(
                f"「{word}」と書かれていますが、データで確かめる主張がありません。{{方向:転入}} などの計算語句に"
                "するか、文: と 主張:（例：転入: 増加）の形にしてください"
                "（説明書 docs/guide/06-inputs.md の「findings.yaml — 分析結果」）"
            )
        for name, claim in declared.items():
            try:
                facts.check(name, claim)
            except claims.Unverifiable as exc:
                where = line_of(node, ("分析結果", i, "主張", name))
                filled.notices.append(
                    f"注意：{label} {where}行目：「{name}: {claim}」をデータで確かめられません。{exc}。"
                    "元の資料で確かめてから使ってください"
                )
            except claims.ClaimError as exc:
                problem(f"{exc}（文は{line_of(node, loc)}行目）", ("分析結果", i, "主張", name))
        try:
            filled.texts.append(claims.fill(text, values, facts.series))
        except claims.ClaimError as exc:
            problem(str(exc))
    return filled

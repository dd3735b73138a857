"""One source for each fact on the slides (pure): a deck's cover title against the document's 名称 in
meeting.yaml, a value of 数値: no slide uses, and a labelled figure (a KPI's label and year) that two
slides give different values (typed twice instead of once under 数値:).

The decks quote the national government's material, so these are warnings (注意) for `check`, not
claims checked against data."""

from __future__ import annotations

import re
from collections.abc import Callable

from packetgen.inputs.slides import DeckSource

_FIGURE = re.compile(r"\d[\d,.]*")


def _plain(text: str) -> str:
    return text.replace("**", "").strip()


def _figures(text: str) -> tuple[str, ...]:
    """The numbers a value states (「全国展開（1,741市区町村）を目指す　等」 → 1,741): wording may differ."""
    return tuple(_FIGURE.findall(text))


def deck_fact_notices(
    source: DeckSource, title: str, label: str, line: Callable[[tuple[str | int, ...]], int | None]
) -> list[str]:
    """注意 lines for one deck; ``line`` gives the YAML line of a key path of the slide source."""
    out = []
    covers = [("title",)] if source.title else []
    covers += [("slides", i, "title") for i, s in enumerate(source.slides) if s.layout == "title" and s.title][:1]
    for loc in covers:
        text = source.title if loc == ("title",) else _plain(source.slides[loc[1]].title)  # type: ignore[index]
        if text != title:
            out.append(
                f"注意：{label} {line(loc)}行目：表紙のタイトル「{text}」が meeting.yaml の名称「{title}」と"
                "違います。名称を変えたときはここも直してください（違うのが意図どおりならそのままで構いません）"
            )
    for name in source.values:
        if name not in source.used_values:
            out.append(
                f"注意：{label} {line(('数値', name))}行目：数値「{name}」はどのスライドでも使われていません"
                f"（使うときは {{{name}}} と書きます。要らなければ消してください）"
            )
    seen: dict[tuple[str, str], tuple[str, int, int | None]] = {}
    for i, slide in enumerate(source.slides):
        for j, kpi in enumerate(slide.kpis):
            key, value = (_plain(kpi.label), kpi.year.strip()), _plain(kpi.value)
            where = line(("slides", i, "kpis", j, "value"))
            first = seen.setdefault(key, (value, i + 1, where))
            if _figures(first[0]) != _figures(value):
                out.append(
                    f"注意：{label} {where}行目：スライド{i + 1}の「{key[0]}」（{key[1] or '年の記載なし'}）は"
                    f"「{value}」ですが、スライド{first[1]}（{first[2]}行目）では「{first[0]}」です。"
                    "同じ数値は一か所で決め、両方を合わせてください"
                )
    return out

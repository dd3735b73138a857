"""Slide sources (inputs/<DATE>/slides/<deck>.yaml): the content of a deck, slide by slide.

The format is documented in docs/slide-sources.md. Text may hold **bold** spans; glyphs and the
meeting label are drawn by the renderer, never typed.
"""

from __future__ import annotations

import difflib
import re
from contextvars import ContextVar
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

# {名前}: a value defined once under 数値: and used on any number of slides (one source for each fact)
REFERENCE = re.compile(r"\{([^{}\s]{1,40})\}")


def _balanced(text: str) -> str:
    if text.count("**") % 2:
        raise ValueError("太字の ** が閉じていません")
    return text


Rich = Annotated[str, AfterValidator(_balanced)]  # text that may hold **bold** spans

LAYOUTS = ("title", "section", "bullets", "kpi", "table", "cards", "timeline", "note")
Layout = Literal["title", "section", "bullets", "kpi", "table", "cards", "timeline", "note"]
ShortText = Field(default="", max_length=200)
LongText = Field(default="", max_length=2000)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_unknown_reference(cls, value: Any) -> Any:
        """A {名前} left after DeckSource put in the values of 数値: names nothing defined."""
        for text in _strings(value):
            if match := REFERENCE.search(text):
                name = match.group(1)
                near = difflib.get_close_matches(name, _DEFINED.get(), n=1, cutoff=0.5)
                hint = f"（「{near[0]}」のことですか？）" if near else "（数値: に「名前: 値」を書いてください）"
                raise ValueError(f"「{{{name}}}」は 数値: で決めていません{hint}")
        return value


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple | list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    return []


# The names 数値: defines, while a slide source is validated (for 「…のことですか？」)
_DEFINED: ContextVar[tuple[str, ...]] = ContextVar("defined_values", default=())


def _put_values(raw: Any, values: dict[str, str]) -> Any:
    """Every {名前} of a defined name replaced by its value, through the whole slide source."""
    if isinstance(raw, str):
        return REFERENCE.sub(lambda m: values.get(m.group(1), m.group(0)), raw)
    if isinstance(raw, list):
        return [_put_values(item, values) for item in raw]
    if isinstance(raw, dict):
        return {key: _put_values(item, values) for key, item in raw.items()}
    return raw


class Bullet(_Model):
    text: Rich = Field(min_length=1, max_length=1000)
    items: tuple[Rich, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Group(_Model):
    heading: Rich = ShortText
    marker: str | None = Field(default=None, max_length=2)
    bullets: tuple[Bullet, ...] = ()


class Case(_Model):
    caption: Rich = Field(min_length=1, max_length=300)
    place: str = Field(default="", max_length=60)


class Kpi(_Model):
    label: Rich = Field(min_length=1, max_length=300)
    value: Rich = Field(min_length=1, max_length=200)
    year: str = Field(default="", max_length=60)
    current: str = Field(default="", max_length=200)


class Card(_Model):
    title: Rich = ShortText
    text: Rich = LongText
    items: tuple[Rich, ...] = ()


class CardSection(_Model):
    heading: str = ShortText
    cards: tuple[Card, ...] = Field(min_length=1)


class TimelineEntry(_Model):
    label: str = Field(default="", max_length=40)
    date: str = Field(default="", max_length=40)
    text: Rich = Field(min_length=1, max_length=300)
    tag: str = Field(default="", max_length=40)
    result: str = Field(default="", max_length=300)


class Slide(_Model):
    layout: Layout
    title: str = ShortText
    subtitle: str = ShortText
    kicker: str = ShortText
    category: str = ShortText
    lead: Rich = LongText
    groups: tuple[Group, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    cards: tuple[Card, ...] = ()
    sections: tuple[CardSection, ...] = ()
    entries: tuple[TimelineEntry, ...] = ()
    box_title: str = ShortText
    box: Rich = Field(default="", max_length=3000)
    cases: tuple[Case, ...] = ()
    figures: tuple[Annotated[str, Field(min_length=1, max_length=200)], ...] = ()
    footnote: str = Field(default="", max_length=500)
    notes: str = Field(default="", max_length=5000)

    @model_validator(mode="before")
    @classmethod
    def _single_group(cls, value: Any) -> Any:
        """`bullets:` directly on a slide is one group without a heading."""
        if isinstance(value, dict) and "bullets" in value:
            value = dict(value)
            if "groups" in value:
                raise ValueError("bullets と groups は同時に書けません（bullets を groups の中に入れてください）")
            value["groups"] = [{"bullets": value.pop("bullets")}]
        return value

    @model_validator(mode="before")
    @classmethod
    def _cell_text(cls, value: Any) -> Any:
        """Numbers in table cells (YAML reads 2025 as an int) are text on a slide."""
        if isinstance(value, dict) and isinstance(value.get("rows"), list):
            value = dict(value)
            value["rows"] = [
                [str(c) if isinstance(c, int | float) else c for c in row] if isinstance(row, list) else row
                for row in value["rows"]
            ]
        return value

    @model_validator(mode="after")
    def _layout_needs(self) -> Slide:
        needs = {
            "title": (),  # the cover's title is the document's 名称 in meeting.yaml unless typed here
            "section": ("title",),
            "bullets": ("title", "groups"),
            "kpi": ("title", "kpis"),
            "table": ("title", "columns", "rows"),
            "cards": ("title",),
            "timeline": ("title", "entries"),
            "note": ("title", "box"),
        }[self.layout]
        missing = [n for n in needs if not getattr(self, n)]
        if missing:
            raise ValueError(f"レイアウト {self.layout} には {'、'.join(missing)} が必要です")
        if self.layout == "cards" and not (self.cards or self.sections):
            raise ValueError("レイアウト cards には cards か sections が必要です")
        if self.cards and self.sections:
            raise ValueError("cards と sections は同時に書けません")
        for i, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(f"rows の{i}行目の列数（{len(row)}）が columns（{len(self.columns)}）と違います")
        return self

    @property
    def card_sections(self) -> tuple[CardSection, ...]:
        return self.sections or ((CardSection(cards=self.cards),) if self.cards else ())


class DeckSource(_Model):
    deck: str = Field(min_length=1, max_length=30)  # its entry's id (meeting.yaml 資料[].id)
    title: str = Field(default="", max_length=100)
    source: str = Field(default="", max_length=300)
    # 数値: a figure used on several slides, typed once: 「実装団体_2027: 1,500団体」, used as {実装団体_2027}
    values: dict[str, str] = Field(default_factory=dict, alias="数値")
    slides: tuple[Slide, ...] = Field(min_length=1)
    used_values: frozenset[str] = frozenset()  # the names some slide uses (check names the others)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _values_in_place(cls, raw: Any) -> Any:
        _DEFINED.set(())
        if not isinstance(raw, dict) or not isinstance(raw.get("数値"), dict):
            return raw
        values = {str(k): "" if v is None else str(v) for k, v in raw["数値"].items()}
        for name in values:
            if not REFERENCE.fullmatch(f"{{{name}}}"):
                raise ValueError(f"数値: の名前「{name}」には空白や {{ }} を使えません")
        rest = {k: v for k, v in raw.items() if k != "数値"}
        used = {m.group(1) for text in _strings(rest) for m in REFERENCE.finditer(text)}
        _DEFINED.set(tuple(values))
        return {**_put_values(rest, values), "数値": values, "used_values": frozenset(used & set(values))}

    @field_validator("values", mode="after")
    @classmethod
    def _values_are_text(cls, values: dict[str, str]) -> dict[str, str]:
        for name, value in values.items():
            if not value.strip():
                raise ValueError(f"数値「{name}」の値が空です")
            if len(value) > 200:
                raise ValueError(f"数値「{name}」の値が長すぎます（200文字まで）")
        return values

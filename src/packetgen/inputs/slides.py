"""Slide sources (inputs/<DATE>/slides/<deck>.yaml): the content of a deck, slide by slide.

The format is documented in docs/slide-sources.md. Text may hold **bold** spans; glyphs and the
meeting label are drawn by the renderer, never typed.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


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
    deck: str = Field(min_length=1, max_length=20)
    title: str = Field(default="", max_length=100)
    source: str = Field(default="", max_length=300)
    slides: tuple[Slide, ...] = Field(min_length=1)

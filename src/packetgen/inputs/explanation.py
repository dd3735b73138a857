"""The 協議 explanation text printed after the member list (e.g. 協議(1) ①–④ with ※参考)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Section(_Model):
    heading: str = Field(alias="見出し", min_length=1, max_length=100)
    paragraphs: tuple[str, ...] = Field(alias="本文", min_length=1)
    # the documents the section cites, by id (meeting.yaml 資料.id): each must be in the packet
    documents: tuple[str, ...] = Field(default=(), alias="資料")


class ReferenceItem(_Model):
    name: str = Field(alias="名称", min_length=1, max_length=50)
    detail: str = Field(alias="内容", min_length=1, max_length=200)


class Reference(_Model):
    heading: str = Field(default="※ 参考", alias="見出し", max_length=50)
    title: str = Field(default="", alias="表題", max_length=100)
    items: tuple[ReferenceItem, ...] = Field(default=(), alias="項目")


class Explanation(_Model):
    # the 次第 item (or 小項目) this page explains, as meeting.yaml writes it: it must be on the 次第
    item: str = Field(alias="次第", min_length=1, max_length=100)
    heading: str = Field(alias="見出し", min_length=1, max_length=100)
    sections: tuple[Section, ...] = Field(alias="節", min_length=1)
    reference: Reference | None = Field(default=None, alias="参考")
    source: str = Field(default="", alias="出典", max_length=200)

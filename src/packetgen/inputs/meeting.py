"""The meeting file (meeting.yaml): what the meeting is and which documents its packet holds."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from packetgen import japanese

Text = Field(min_length=1, max_length=200)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clock(value: Any) -> Any:
    if isinstance(value, str):  # 13:30 or 13：30 as typed in a Japanese IME
        return value.strip().replace("：", ":")
    return value


class When(_Model):
    day: date = Field(alias="日付")
    start: time = Field(alias="開始")
    end: time = Field(alias="終了")

    _clocks = field_validator("start", "end", mode="before")(_clock)

    @field_validator("day", mode="before")
    @classmethod
    def _real_day(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"「{value}」は存在する日付として読めません（例：2023-07-27）") from None
        return value

    @model_validator(mode="after")
    def _ordered(self) -> When:
        if self.end <= self.start:
            raise ValueError("終了時刻は開始時刻より後にしてください")
        return self


class AgendaItem(_Model):
    """One 次第 item; 小項目 are the nested (1), (2), … items (e.g. under 協議)."""

    title: str = Field(alias="項目", min_length=1, max_length=100)
    children: tuple[str, ...] = Field(default=(), alias="小項目")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"項目": value} if isinstance(value, str) else value

    @field_validator("children")
    @classmethod
    def _short_children(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for text in value:
            if not text.strip() or len(text) > 100:
                raise ValueError("小項目は1〜100文字で入力してください")
        return value


class PrintOptions(_Model):
    """How the printing office prints one document (defaults: 両面; colour for slides and charts)."""

    duplex: bool | None = Field(default=None, alias="両面")
    colour: bool | None = Field(default=None, alias="カラー")


class PrintSettings(_Model):
    """Copies: members + city staff (from the agenda's lists) + spares, unless 部数 is given."""

    spares: int = Field(default=5, alias="予備部数", ge=0, le=500)
    copies: int | None = Field(default=None, alias="部数", ge=1, le=5000)


class DocumentEntry(_Model):
    """One document of the packet: its id (registry key), title, 資料 label and the inputs it reads."""

    id: str = Field(min_length=1, max_length=30)
    title: str = Field(alias="名称", min_length=1, max_length=100)
    label: str = Field(default="", alias="資料番号", max_length=30)
    inputs: dict[str, str] = Field(default_factory=dict, alias="入力")
    print: PrintOptions = Field(default_factory=PrintOptions, alias="印刷")

    @field_validator("inputs")
    @classmethod
    def _relative_inputs(cls, value: dict[str, str]) -> dict[str, str]:
        for role, path in value.items():
            parts = path.replace("\\", "/").split("/")
            if path.startswith(("/", "\\")) or ".." in parts or ":" in path:
                raise ValueError(f"入力「{role}」のパス「{path}」は会議フォルダの中を指してください")
        return value


class Meeting(_Model):
    name: str = Field(alias="会議名", min_length=1, max_length=100)
    fiscal_year_text: str = Field(alias="年度")
    session: int = Field(alias="回次", ge=1, le=99)
    when: When = Field(alias="日時")
    place: str = Field(alias="場所", min_length=1, max_length=100)
    agenda: tuple[AgendaItem, ...] = Field(alias="次第", min_length=1)
    documents: tuple[DocumentEntry, ...] = Field(alias="資料", min_length=1)
    printing: PrintSettings = Field(default_factory=PrintSettings, alias="印刷")

    @field_validator("fiscal_year_text")
    @classmethod
    def _fiscal_year(cls, value: str) -> str:
        japanese.parse_wareki_fiscal_year(value)
        return value.strip()

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        fy = japanese.parse_wareki_fiscal_year(self.fiscal_year_text)
        actual = japanese.fiscal_year(self.when.day)
        if fy != actual:
            raise ValueError(
                f"年度「{self.fiscal_year_text}」が日付 {self.when.day.isoformat()} の年度"
                f"（{japanese.wareki_fiscal_year(actual)}）と合いません"
            )
        ids = [d.id for d in self.documents]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"資料の id が重複しています：{'、'.join(dupes)}")
        return self

    # --- derived texts: typed once here, used by every document -------------------------------
    @property
    def session_name(self) -> str:
        """第1回一関市まち・ひと・しごと創生有識者会議"""
        return f"第{self.session}回{self.name}"

    @property
    def full_title(self) -> str:
        """令和5年度第1回一関市まち・ひと・しごと創生有識者会議"""
        return f"{self.fiscal_year_text}{self.session_name}"

    @property
    def date_text(self) -> str:
        """令和5年7月27日（木）"""
        return japanese.wareki_with_weekday(self.when.day)

    @property
    def datetime_text(self) -> str:
        """令和5年7月27日（木）13：30～15：00"""
        return self.date_text + japanese.time_range(self.when.start, self.when.end)

    @property
    def session_label(self) -> str:
        """令和5年7月27日(木)　第1回一関市まち・ひと・しごと創生有識者会議 (half-width parens, as the seed)."""
        return f"{japanese.wareki_with_weekday(self.when.day, fullwidth_parens=False)}　{self.session_name}"

    @property
    def start(self) -> datetime:
        """The meeting's start: the creation time of every file, so rebuilds are identical."""
        return datetime.combine(self.when.day, self.when.start)

    def document_label(self, entry: DocumentEntry) -> str:
        """令和5年7月27日(木)　第1回一関市まち・ひと・しごと創生有識者会議【資料No.1-1】 (as the seed)."""
        return f"{self.session_label}【資料{entry.label}】" if entry.label else self.session_label

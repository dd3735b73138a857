"""The meeting file (meeting.yaml): what the meeting is and which documents its packet holds."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from packetgen.core import japanese
from packetgen.inputs.text_rules import leaves_folder

Text = Field(min_length=1, max_length=200)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clock(value: Any) -> Any:
    # 13:30, １３：３０, 13時30分, 午後1時30分 as staff type them; a bare 13 is refused, not read as seconds
    return japanese.parse_time(value) if value is not None else value


class When(_Model):
    day: date = Field(alias="日付")
    start: time = Field(alias="開始")
    end: time = Field(alias="終了")

    _clocks = field_validator("start", "end", mode="before")(_clock)

    @field_validator("day", mode="before")
    @classmethod
    def _real_day(cls, value: Any) -> Any:
        # 2023-07-27, 2023/7/27, 令和5年7月27日, R5.7.27 …; 20230727 would be read as Unix seconds
        return japanese.parse_date(value) if value is not None else value

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


TO_FILL = "要記入"  # printed where the order needs a value no source gives; print warns about each
BINDING_UNITS = ("資料ごと", "一式")
BINDING_METHODS = ("左上1か所ホチキス留め", "左2か所ホチキス留め", "クリップ留め", "綴じない")
_PHONE = re.compile(r"^[0-9０-９()（）\-－‐ー 　]{6,20}(（?内線[0-9０-９]{1,6}）?)?$")
_MAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Orderer(_Model):
    """発注者: who orders the print job and how the printing office reaches them."""

    section: str | None = Field(default=None, alias="課", min_length=1, max_length=60)
    person: str | None = Field(default=None, alias="担当者", min_length=1, max_length=40)
    phone: str | None = Field(default=None, alias="電話", max_length=30)
    mail: str | None = Field(default=None, alias="メール", max_length=100)

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not _PHONE.match(value.strip()):
            raise ValueError(f"「{value}」は電話番号として読めません（例：0191-21-2111（内線8421））")
        return value.strip() if value else value

    @field_validator("mail")
    @classmethod
    def _mail(cls, value: str | None) -> str | None:
        if value is not None and not _MAIL.match(value.strip()):
            raise ValueError(f"「{value}」はメールアドレスとして読めません")
        return value.strip() if value else value


class Paper(_Model):
    size: str = Field(default="A4", alias="サイズ")
    quality: str = Field(default="普通紙（コピー用紙）", alias="紙質", min_length=1, max_length=40)
    recycled: bool | None = Field(default=None, alias="再生紙")

    @field_validator("size")
    @classmethod
    def _a4(cls, value: str) -> str:
        if value.strip().upper().replace("Ａ", "A").replace("４", "4") != "A4":
            raise ValueError("用紙サイズは A4 だけです（すべての資料が A4 で作られます）")
        return "A4"


class Binding(_Model):
    """綴じ方: each 資料 stapled on its own (the usual hand-out) or the whole set as one."""

    unit: str = Field(default="資料ごと", alias="単位")
    method: str = Field(default="左上1か所ホチキス留め", alias="方法")

    @field_validator("unit")
    @classmethod
    def _unit(cls, value: str) -> str:
        if value not in BINDING_UNITS:
            raise ValueError(f"綴じ方の単位「{value}」は使えません（{'・'.join(BINDING_UNITS)}のどれか）")
        return value

    @field_validator("method")
    @classmethod
    def _method(cls, value: str) -> str:
        if value not in BINDING_METHODS:
            raise ValueError(f"綴じ方「{value}」は使えません（{'・'.join(BINDING_METHODS)}のどれか）")
        return value


class PrintSettings(_Model):
    """The print order: copies (members + city staff from the agenda's lists + named extras + spares,
    unless 部数 is given) and what the printing office needs to act on it. Every key is optional."""

    spares: int = Field(default=5, alias="予備部数", ge=0, le=500)
    copies: int | None = Field(default=None, alias="部数", ge=1, le=5000)
    extra_copies: dict[str, int] = Field(default_factory=dict, alias="追加部数")
    without_absent: bool = Field(default=False, alias="欠席者を除く")
    subject: str | None = Field(default=None, alias="件名", min_length=1, max_length=100)
    orderer: Orderer = Field(default_factory=Orderer, alias="発注者")
    ordered_on: date | None = Field(default=None, alias="発注日")
    due: datetime | None = Field(default=None, alias="納期")
    delivery: str | None = Field(default=None, alias="納品場所", min_length=1, max_length=100)
    paper: Paper = Field(default_factory=Paper, alias="用紙")
    binding: Binding = Field(default_factory=Binding, alias="綴じ方")
    collate: bool = Field(default=True, alias="丁合")
    proof: str = Field(default="不要", alias="校正")
    note: str | None = Field(default=None, alias="備考", max_length=200)

    @field_validator("extra_copies")
    @classmethod
    def _extras(cls, value: dict[str, int]) -> dict[str, int]:
        for name, count in value.items():
            if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= 500:
                raise ValueError(f"追加部数「{name}」は 0〜500 の整数で入力してください")
        return value

    @field_validator("ordered_on", mode="before")
    @classmethod
    def _day(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"「{value}」は存在する日付として読めません（例：2023-07-20）") from None
        return value

    @field_validator("due", mode="before")
    @classmethod
    def _due(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip().replace("：", ":").replace("　", " ")
            try:
                moment = datetime.strptime(text, "%Y-%m-%d %H:%M")
            except ValueError:
                raise ValueError(f"納期「{value}」は日付と時刻で書いてください（例：2023-07-25 17:00）") from None
            return moment
        if isinstance(value, date) and not isinstance(value, datetime):
            raise ValueError("納期は日付と時刻で書いてください（例：2023-07-25 17:00）")
        return value

    @field_validator("proof")
    @classmethod
    def _proof(cls, value: str) -> str:
        if value not in ("要", "不要"):
            raise ValueError(f"校正「{value}」は「要」か「不要」で入力してください")
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> PrintSettings:
        if self.ordered_on and self.due and self.due.date() < self.ordered_on:
            raise ValueError("納期が発注日より前になっています")
        return self


# an id is typed on the command line (--only) and kept safe in file names too: letters (Japanese as
# well), digits, - _ . and no leading - or . (it would read as an option, or a hidden file)
_ID = re.compile(r"\w[\w.\-]*")


class DocumentEntry(_Model):
    """One document of the packet: its id (a short name staff choose), its 種類 (the kind, by name: the
    registry checks it), title, 資料 label and the inputs it reads. Without 種類 the kind is the one the
    id named when ids were fixed kinds (agenda, 1-1 …)."""

    id: str = Field(min_length=1, max_length=30)
    kind: str | None = Field(default=None, alias="種類", min_length=1, max_length=30)
    title: str = Field(alias="名称", min_length=1, max_length=100)
    label: str = Field(default="", alias="資料番号", max_length=30)
    inputs: dict[str, str] = Field(default_factory=dict, alias="入力")
    print: PrintOptions = Field(default_factory=PrintOptions, alias="印刷")

    @property
    def short_name(self) -> str:
        """How messages and the order name the document: 資料No.1-1, or its 名称 when it has no label."""
        return japanese.material_label(self.label) if self.label else self.title

    @field_validator("id", mode="before")
    @classmethod
    def _text_id(cls, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):  # YAML reads id: 4 as a number
            raise ValueError('id が数として読まれました。数字の id は id: "4" のように " で囲んでください')
        return value

    @field_validator("id")
    @classmethod
    def _safe_id(cls, value: str) -> str:
        if not _ID.fullmatch(value):
            raise ValueError(
                f"id「{value}」には文字・数字と - _ . だけを使ってください（空白や / などは使えません。"
                "先頭に - と . は置けません。例：1-1、progress、人口）"
            )
        return value

    @field_validator("inputs")
    @classmethod
    def _relative_inputs(cls, value: dict[str, str]) -> dict[str, str]:
        for role, path in value.items():
            if leaves_folder(path):
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
    # the meeting `packetgen new` copied this one from: check lists the texts carried over unchanged
    previous: str = Field(default="", alias="元の会議", pattern=r"^(\d{4}-\d{2}-\d{2})?$")

    @field_validator("fiscal_year_text")
    @classmethod
    def _fiscal_year(cls, value: str) -> str:
        japanese.parse_wareki_fiscal_year(value)
        return unicodedata.normalize("NFKC", value).strip()  # 令和５年度 is printed 令和5年度

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
        return f"{self.session_label}【{entry.short_name}】" if entry.label else self.session_label

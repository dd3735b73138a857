"""templates/fonts.yaml: the project's ゴシック and 明朝, validated with the file's line and key."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from packetgen.core.errors import InputError, Problem
from packetgen.core.fonts import ROLE_TOKENS, SETTING_FILE, FontSetting
from packetgen.inputs.yaml_files import load_yaml


class _FontSettingFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    gothic: str = Field(alias="ゴシック", min_length=1, max_length=64)
    mincho: str = Field(alias="明朝", min_length=1, max_length=64)

    @field_validator("gothic", "mincho", mode="before")
    @classmethod
    def _family_name(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            if value in ROLE_TOKENS or "," in value or '"' in value:
                raise ValueError(f"「{value}」はフォント名として使えません（例：BIZ UDPゴシック）")
        return value


def read_font_setting(path: Path, label: str) -> FontSetting:
    problems: list[Problem] = []
    model = load_yaml(path, label, _FontSettingFile, problems)
    if model is None:
        if not path.is_file():
            problems = [
                Problem(
                    label,
                    "フォント設定のファイルがありません。「ゴシック: BIZ UDPゴシック」「明朝: BIZ UD明朝 Medium」"
                    "の2行を書いたファイルを作ってください",
                )
            ]
        raise InputError(problems)
    return FontSetting(gothic=model.gothic, mincho=model.mincho, source=label)


def load_setting(project: Path) -> FontSetting:
    """The project's font setting (templates/fonts.yaml); a missing or wrong file is refused."""
    return read_font_setting(project / "templates" / SETTING_FILE, f"templates/{SETTING_FILE}")

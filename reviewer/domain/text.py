"""Bilingual text: every text a person reads exists in Dutch and English."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")


class Text(BaseModel):
    """A text in Dutch (`nl`) and English (`en`); both are required and non-empty."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nl: str
    en: str

    @field_validator("nl", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    def get(self, lang: Lang) -> str:
        return self.nl if lang == "nl" else self.en

    def __str__(self) -> str:
        return self.nl


def t(nl: str, en: str) -> Text:
    """Short constructor used by the domain for its own messages."""
    return Text(nl=nl, en=en)

"""Bilingual text: every text a person reads exists in Dutch and English."""

from __future__ import annotations

import functools
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, field_validator

# Limits on what a person writes, checked by the models (files, YAML, CLI and app alike):
# a name, address or other one-line text, and a note, measure or reason.
MAX_NAME_CHARS = 200
MAX_TEXT_CHARS = 20_000

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
        return repair_text(value)

    def get(self, lang: Lang) -> str:
        return self.nl if lang == "nl" else self.en

    def __str__(self) -> str:
        return self.nl


def repair_text(value: str) -> str:
    """`value` with every lone surrogate replaced by U+FFFD, so it can be written as UTF-8.

    A JSON escape such as \\ud800, a YAML "\\ud800" or a file name with undecodable bytes
    gives a string Python holds but UTF-8 cannot encode, and every save would fail. A
    high and a low surrogate in a row (YAML decodes "\\ud83d\\ude00" to two) are joined
    into the one character they stand for. Repair, not refusal: the rest of the text
    survives. Plain text costs one check.
    """
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value


def _repaired(value: object) -> object:
    return repair_text(value) if isinstance(value, str) else value


# Text is repaired (see `repair_text`) before anything else checks it, whatever route it
# comes by: a file, YAML, the command line, or the app. Constraints go before `Repaired`
# in an Annotated type (Annotated[str, Field(max_length=9), Repaired]), so that pydantic
# keeps them on the string and its messages say "characters".
Repaired = BeforeValidator(_repaired)
Str = Annotated[str, Repaired]
Name = Annotated[str, Field(max_length=MAX_NAME_CHARS), Repaired]  # one line
LongText = Annotated[str, Field(max_length=MAX_TEXT_CHARS), Repaired]  # notes, reasons


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata])  # type: ignore[misc]


def checked_field(model: type[BaseModel], name: str, value: Any) -> Any:
    """`value` as field `name` of `model` stores it (text repaired, limits checked).

    For a field set on its own, without validating the whole model (a workshop's title,
    where validating the workshop would compare both reviews): what the app stores is
    what a file load would accept. Models that change as a whole validate the change
    themselves (`Assessment.changed`). Raises pydantic's ValidationError.
    """
    return _field_adapter(model, name).validate_python(value)


def t(nl: str, en: str) -> Text:
    """Short constructor used by the domain for its own messages."""
    return Text(nl=nl, en=en)


def plural(n: int, one: str, many: str) -> str:
    """The form of a phrase that agrees with `n`, with `{n}` filled in:
    plural(1, "{n} criterium is", "{n} criteria zijn") -> "1 criterium is"."""
    return (one if n == 1 else many).format(n=n)


def plural_text(n: int, one: Text, many: Text) -> Text:
    """`plural` in both languages: the Dutch and English forms that agree with `n`."""
    return Text(nl=plural(n, one.nl, many.nl), en=plural(n, one.en, many.en))

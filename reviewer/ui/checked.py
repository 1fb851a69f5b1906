"""Edits checked as a document holds them, for the review and the workshop sessions alike:
a text repaired and within its limit, a model changed through its own validation. What
does not fit raises TextError, which the editing views show in the interface language."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from reviewer.domain.text import checked_field

# an Assessment or a JointConclusion: models with a validating `changed(**update)`
Changeable = TypeVar("Changeable", bound=BaseModel)


class TextError(ValueError):
    """A text the document cannot hold (too long); `limit` is the most characters allowed.
    The document keeps the last text that fitted."""

    def __init__(self, message: str, limit: int | None = None) -> None:
        super().__init__(message)
        self.limit = limit


def validation_text(exc: ValidationError) -> str:
    """The first error's message, as pydantic words it, without its "Value error, "."""
    err = exc.errors()[0]
    msg = err["msg"]
    return msg.removeprefix("Value error, ")


def _text_error(exc: ValidationError) -> TextError:
    limit = (exc.errors()[0].get("ctx") or {}).get("max_length")
    return TextError(validation_text(exc), limit)


def checked_text(model: type[BaseModel], field: str, value: str) -> str:
    """`value` as `model` stores it in `field`: repaired (a paste can hold broken
    characters) and within its length limit, else TextError."""
    try:
        return checked_field(model, field, value)
    except ValidationError as exc:
        raise _text_error(exc) from None


def checked_change(model: Changeable, **update: Any) -> Changeable:
    """`model.changed(**update)`, the model's own validating change (an assessment, a
    joint conclusion), with a text over its limit raised as TextError. Other refusals,
    such as an override without a reason, pass on as the model raises them."""
    try:
        return model.changed(**update)
    except ValidationError as exc:
        raise _text_error(exc) from None

"""A plan through its stages: the status of a measure, and the reviews before this one.

A measure (a condition or recommendation of the advice) is followed from the review that
agreed it to handover: `open` → `processed` (in the drawings) → `verified` (at handover),
or `withdrawn` with a reason. Every change is recorded with its date and the name of
who made it; the status is the last change's (no change yet: open).

A review made for the next stage (see `reviewer.domain.next_stage`) keeps a reference to
the reviews before it, so the dossier shows the plan's timeline, and holds the previous
review's verdicts so the adviser can adopt one per criterion.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from reviewer.domain.checklist import OutcomeResult, Perspective
from reviewer.domain.plan import Stage
from reviewer.domain.text import LongText, Name, Text, t
from reviewer.domain.verdict import Verdict

STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)

STAGE_LABELS: dict[Stage, Text] = {
    Stage.SKETCH: t("schetsontwerp", "sketch design"),
    Stage.PRELIMINARY_DESIGN: t("voorlopig ontwerp", "preliminary design"),
    Stage.FINAL_DESIGN: t("definitief ontwerp", "final design"),
    Stage.SPECIFICATION: t("bestek", "specification"),
    Stage.HANDOVER: t("oplevering", "handover"),
}


def stage_index(stage: Stage) -> int:
    return STAGE_ORDER.index(stage)


class MeasureStatus(StrEnum):
    OPEN = "open"
    PROCESSED = "processed"  # processed in the drawings
    VERIFIED = "verified"  # verified at handover
    WITHDRAWN = "withdrawn"  # with a reason

    @property
    def label(self) -> Text:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[MeasureStatus, Text] = {
    MeasureStatus.OPEN: t("open", "open"),
    MeasureStatus.PROCESSED: t("verwerkt in de tekeningen", "processed in the drawings"),
    MeasureStatus.VERIFIED: t("gecontroleerd bij oplevering", "verified at handover"),
    MeasureStatus.WITHDRAWN: t("ingetrokken", "withdrawn"),
}

# The pydantic error types of the status rules (in a file, or a change).
WITHDRAWN_WITHOUT_REASON = "withdrawn_without_reason"
STATUS_WITHOUT_NAME = "status_without_name"
STATUS_UNCHANGED = "status_unchanged"


class WithdrawnWithoutReason(ValueError):
    """A measure was withdrawn without saying why."""


class StatusWithoutName(ValueError):
    """A status change without the name of who made it."""


class StatusUnchanged(ValueError):
    """A status change to the status the measure already has."""


class StatusChange(BaseModel):
    """One change of a measure's status: to what, when, by whom (and why, for withdrawn)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: MeasureStatus
    on: date
    by: Name
    reason: LongText = ""
    stage: Stage | None = None  # the stage of the review in which it was made

    @model_validator(mode="after")
    def _signed_and_reasoned(self) -> StatusChange:
        if not self.by.strip():
            raise PydanticCustomError(
                STATUS_WITHOUT_NAME,
                "the change to '{status}' needs the name of who made it",
                {"status": str(self.status)},
            )
        if self.status is MeasureStatus.WITHDRAWN and not self.reason.strip():
            raise PydanticCustomError(
                WITHDRAWN_WITHOUT_REASON, "a measure is withdrawn only with a reason", {}
            )
        return self


def check_history(history: list[StatusChange]) -> None:
    """Each change changes the status: no two changes in a row to the same status, and
    the first is not to `open` (a measure starts open)."""
    current = MeasureStatus.OPEN
    for change in history:
        if change.status is current:
            raise PydanticCustomError(
                STATUS_UNCHANGED,
                "the measure is already '{status}'",
                {"status": str(current)},
            )
        current = change.status


class PreviousVerdict(BaseModel):
    """A criterion's verdict in the previous review, as the adviser can adopt it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verdict: Verdict
    override_reason: LongText = ""
    justification: LongText = ""


class PreviousReview(BaseModel):
    """A review of the same plan before this one: where it is, its stage, date and outcome."""

    model_config = ConfigDict(extra="forbid")

    file_name: Name = ""  # the file it was read from, as the adviser saved it
    stage: Stage | None = None
    perspective: Perspective
    reviewer: Name = ""
    made_on: date  # when the review was made (or its letter sent)
    outcome: OutcomeResult
    # the verdicts per criterion; kept only for the review directly before this one
    verdicts: dict[str, PreviousVerdict] = Field(default_factory=dict)

    def stage_label(self, lang: str) -> str:
        return STAGE_LABELS[self.stage].get(lang) if self.stage else "–"

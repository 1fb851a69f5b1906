"""A review: one plan assessed against one checklist from one perspective.

The review embeds a snapshot of the checklist it was made with, so it stays readable
when the checklist file changes. It holds one assessment per criterion.

Scope: the checklist is one combined check, so every criterion can be assessed. A
criterion is *in scope* for a review when it is tagged with the review's perspective and
applies to the plan's type and stage; progress and the outcome count the in-scope
criteria, and out-of-scope criteria the reviewer did assess are reported alongside. A
criterion outside the plan's type or stage is "not applicable by scope": its automatic
verdict is not applicable, with the reason as evidence.

The procedure record says how the review was made (who took part, whether a joint
session on both perspectives was held): it is not a criterion, because it scores the
review rather than the plan.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from reviewer.domain.checklist import Checklist, Criterion, OutcomeResult, Perspective
from reviewer.domain.dossier import Dossier
from reviewer.domain.drawing import Pin, Sheet, check_sheets, measured_note
from reviewer.domain.plan import SUGGESTED_ELEMENT, Plan, Stage
from reviewer.domain.rules import Evidence, Rule, RuleResult
from reviewer.domain.stages import (
    STATUS_UNCHANGED,
    STATUS_WITHOUT_NAME,
    WITHDRAWN_WITHOUT_REASON,
    MeasureStatus,
    PreviousReview,
    StatusChange,
    StatusUnchanged,
    StatusWithoutName,
    WithdrawnWithoutReason,
    check_history,
)
from reviewer.domain.suggestion import confirmed_view, suggestion_evidence
from reviewer.domain.text import LongText, Name, Str, Text
from reviewer.domain.verdict import Verdict

ATTACHMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class MeasureKind(StrEnum):
    """What a finding's measure is in the advice: a condition the advice depends on, or a
    recommendation. Conditions and recommendations are numbered separately in the letter."""

    CONDITION = "condition"
    RECOMMENDATION = "recommendation"


class PhotoRef(BaseModel):
    """A photo stored in the review file under attachments/<name>."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    caption: LongText = ""

    @field_validator("name")
    @classmethod
    def _safe_name(cls, value: str) -> str:
        if not ATTACHMENT_NAME.match(value) or ".." in value:
            raise ValueError(f"attachment name {value!r} is not a plain file name")
        return value


class ReplyKind(StrEnum):
    COMMENT = "comment"  # a comment written on the topic
    STATUS = "status"  # the topic's status was changed (e.g. to Closed)


MAX_REPLIES = 1000  # per criterion


class Reply(BaseModel):
    """The architect's answer to a finding, read back from a BCF file a BIM tool wrote:
    a comment on the finding's topic, or a change of its status. Read-only history: it is
    imported (see `reviewer.domain.findings.apply_replies`) and shown, never edited."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    guid: Str  # the comment's GUID; for a status change, "status:" + the status + its date
    kind: ReplyKind
    author: Name = ""
    date: datetime | None = None
    text: LongText = ""  # the comment
    status: Name = ""  # the topic's status after the change (kind "status")


class OverrideWithoutReason(ValueError):
    """An automatic verdict was overridden without saying why."""


class PartlyWithoutJustification(ValueError):
    """'Voldoet gedeeltelijk' was given without its motivering."""


class NoMeasure(ValueError):
    """A status change for a criterion without a measure."""


_STATUS_ERRORS: dict[str, type[ValueError]] = {
    WITHDRAWN_WITHOUT_REASON: WithdrawnWithoutReason,
    STATUS_WITHOUT_NAME: StatusWithoutName,
    STATUS_UNCHANGED: StatusUnchanged,
}


# The pydantic error types of an override without a reason and of "partly" without a
# justification (in a file, or a change).
OVERRIDE_WITHOUT_REASON = "override_without_reason"
PARTLY_WITHOUT_JUSTIFICATION = "partly_without_justification"


class Assessment(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    criterion_id: Str
    verdict: Verdict = Verdict.NOT_ASSESSED
    auto_verdict: Verdict | None = None  # None: the criterion has no rule
    evidence: list[Evidence] = Field(default_factory=list)
    override_reason: LongText = ""
    justification: LongText = ""  # the local constraint behind a `partly` verdict
    notes: LongText = ""
    measure: LongText = ""  # recommended measure
    priority: Priority | None = None
    photos: list[PhotoRef] = Field(default_factory=list)
    # the measure in the advice: a condition (what, who acts, by which stage) or a
    # recommendation; a measure without a kind is a recommendation
    measure_kind: MeasureKind | None = None
    actor: Name = ""  # who acts on the measure
    due_stage: Stage | None = None  # by which stage
    # the measure followed through the stages: its status changes (none: open), the stage
    # of the review that agreed it, and the stage of the review it was carried from
    measure_history: list[StatusChange] = Field(default_factory=list, max_length=200)
    measure_agreed_at: Stage | None = None
    measure_carried_from: Stage | None = None
    # the architect's replies from a BIM tool (BCF), oldest first; read-only history
    replies: list[Reply] = Field(default_factory=list, max_length=MAX_REPLIES)

    @property
    def is_condition(self) -> bool:
        """A condition with its text that is not withdrawn: it answers a failed requirement
        in the outcome."""
        return (
            self.measure_kind is MeasureKind.CONDITION
            and bool(self.measure.strip())
            and self.measure_status is not MeasureStatus.WITHDRAWN
        )

    @property
    def has_measure(self) -> bool:
        return bool(self.measure.strip())

    @property
    def measure_status(self) -> MeasureStatus:
        return self.measure_history[-1].status if self.measure_history else MeasureStatus.OPEN

    @property
    def last_status_change(self) -> StatusChange | None:
        return self.measure_history[-1] if self.measure_history else None

    @model_validator(mode="after")
    def _history_changes_status(self) -> Assessment:
        check_history(self.measure_history)
        return self

    @property
    def is_override(self) -> bool:
        return is_override(self.auto_verdict, self.verdict)

    @model_validator(mode="after")
    def _override_needs_reason(self) -> Assessment:
        if self.is_override and not self.override_reason.strip():
            raise PydanticCustomError(
                OVERRIDE_WITHOUT_REASON,
                "{criterion_id}: the automatic verdict '{auto_verdict}' was changed to "
                "'{verdict}' without a reason",
                # the id last: values go in one after another, so "{verdict}" in an id stays
                {
                    "auto_verdict": str(self.auto_verdict),
                    "verdict": str(self.verdict),
                    "criterion_id": self.criterion_id,
                },
            )
        return self

    @model_validator(mode="after")
    def _partly_needs_justification(self) -> Assessment:
        """'Voldoet gedeeltelijk' is accepted only with its motivering: the local constraint
        (or, for an override, the reason). A rule's own 'partly' carries its evidence (the
        compensating measure) and needs none."""
        if (
            self.verdict is Verdict.PARTLY
            and self.auto_verdict is not Verdict.PARTLY
            and not self.justification.strip()
            and not self.override_reason.strip()
        ):
            raise PydanticCustomError(
                PARTLY_WITHOUT_JUSTIFICATION,
                "{criterion_id}: 'partly' needs its justification (the local constraint)",
                {"criterion_id": self.criterion_id},
            )
        return self

    def changed(self, **update: Any) -> Assessment:
        """This assessment with the fields in `update` changed: the one way to change one.

        The result is validated as a file load validates it (`model_copy(update=...)`
        validates nothing): text repaired and within its limits, and an automatic verdict
        overridden only with a reason. Raises OverrideWithoutReason for an override
        without a reason, pydantic's ValidationError for anything else; `self` is
        unchanged either way.
        """
        try:
            return type(self).model_validate({**dict(self), **update})
        except ValidationError as exc:
            error = exc.errors()[0]
            if error["type"] == OVERRIDE_WITHOUT_REASON:
                raise OverrideWithoutReason(error["msg"]) from None
            if error["type"] == PARTLY_WITHOUT_JUSTIFICATION:
                raise PartlyWithoutJustification(error["msg"]) from None
            status_error = _STATUS_ERRORS.get(error["type"])
            if status_error is not None:
                raise status_error(error["msg"]) from None
            raise

    def with_status(
        self,
        status: MeasureStatus,
        *,
        by: str,
        on: date,
        reason: str = "",
        stage: Stage | None = None,
    ) -> Assessment:
        """This assessment with its measure moved to `status`, signed by `by` on `on`.

        Raises NoMeasure when there is no measure, WithdrawnWithoutReason,
        StatusWithoutName or StatusUnchanged; `self` is unchanged either way."""
        if not self.has_measure:
            raise NoMeasure(f"{self.criterion_id}: there is no measure to change")
        change = {"status": status, "on": on, "by": by, "reason": reason, "stage": stage}
        return self.changed(measure_history=[*self.measure_history, change])

    @property
    def has_content(self) -> bool:
        return bool(self.notes.strip() or self.measure.strip() or self.photos)


def is_override(auto: Verdict | None, verdict: Verdict) -> bool:
    """A verdict differs from a definite automatic verdict (meets / fails / not applicable).

    Filling in a criterion whose rule could not decide (`not_assessed`, a fact missing)
    is not an override; neither is leaving a criterion unassessed.
    """
    if auto is None or auto is Verdict.NOT_ASSESSED:
        return False
    return verdict != auto and verdict is not Verdict.NOT_ASSESSED


class Participant(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name = ""
    organisation: Name = ""
    role: Name = ""


class Procedure(BaseModel):
    """How the review was made: who took part, and whether both perspectives met."""

    model_config = ConfigDict(extra="forbid")

    participants: list[Participant] = Field(default_factory=list, max_length=200)
    cohesion_included: bool | None = None  # cohesion was part of this (safety) review
    joint_session: bool | None = None  # a joint session on safety and cohesion was held
    joint_session_date: date | None = None
    notes: LongText = ""


OUTCOME_WITHOUT_REASON = "outcome_without_reason"


class OutcomeChoice(BaseModel):
    """The adviser's own outcome instead of the one the checklist's rules propose: only
    with a written reason, which the report prints."""

    model_config = ConfigDict(extra="forbid")

    result: OutcomeResult
    reason: LongText = ""

    @model_validator(mode="after")
    def _needs_reason(self) -> OutcomeChoice:
        if not self.reason.strip():
            raise PydanticCustomError(
                OUTCOME_WITHOUT_REASON,
                "the outcome '{result}' was chosen instead of the proposed one without a reason",
                {"result": str(self.result)},
            )
        return self


class Reviewer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name = ""
    role: Name = ""
    organisation: Name = ""


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# The namespace of a review's derived identity (below) and of the BCF topic GUIDs
# (`reviewer.domain.findings`): fixed forever, or exported topics would change.
REVIEWER_NAMESPACE = uuid.UUID("0b6c7a52-3f0e-5b8e-9d63-6f1d2c4e8a17")


class Review(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # The review's own identity: made once when the review is started and saved with it,
    # so what is derived from it (the GUIDs of BCF topics) stays the same on every export.
    # A file from before format 5 has none: it gets one derived from when the review was
    # started, its perspective and the plan's name, which is then saved.
    uid: uuid.UUID | None = None
    plan: Plan
    checklist: Checklist
    perspective: Perspective
    reviewer: Reviewer = Field(default_factory=Reviewer)
    created: datetime = Field(default_factory=_now)
    modified: datetime = Field(default_factory=_now)
    assessments: dict[str, Assessment] = Field(default_factory=dict)
    sheets: list[Sheet] = Field(default_factory=list)  # plan drawings, see domain/drawing.py
    procedure: Procedure = Field(default_factory=Procedure)
    dossier: Dossier = Field(default_factory=Dossier)
    outcome_choice: OutcomeChoice | None = None  # None: the proposed outcome stands
    # the reviews of this plan before this one, oldest first (see domain/next_stage.py)
    previous: list[PreviousReview] = Field(default_factory=list, max_length=100)

    @model_validator(mode="after")
    def _has_identity(self) -> Review:
        if self.uid is None:
            seed = f"{self.created.isoformat()}|{self.perspective}|{self.plan.identity.name}"
            self.uid = uuid.uuid5(REVIEWER_NAMESPACE, seed)
        return self

    @property
    def identity(self) -> uuid.UUID:
        assert self.uid is not None  # filled in on validation
        return self.uid

    @model_validator(mode="after")
    def _sheets_refer_to_the_checklist(self) -> Review:
        check_sheets(self.sheets, [c.id for c in self.checklist.criteria()])
        return self

    @model_validator(mode="after")
    def _one_assessment_per_criterion(self) -> Review:
        ids = [c.id for c in self.checklist.criteria()]
        unknown = sorted(set(self.assessments) - set(ids))
        if unknown:
            raise ValueError(
                f"assessments for criteria that are not in the checklist: {', '.join(unknown)}"
            )
        for key, assessment in self.assessments.items():
            if assessment.criterion_id != key:
                raise ValueError(
                    f"assessment under {key!r} names criterion {assessment.criterion_id!r}"
                )
        for cid in ids:
            self.assessments.setdefault(cid, Assessment(criterion_id=cid))
        # keep checklist order
        self.assessments = {cid: self.assessments[cid] for cid in ids}
        return self

    def criteria(self) -> list[Criterion]:
        return self.checklist.criteria()

    def assessment(self, criterion_id: str) -> Assessment:
        return self.assessments[criterion_id]

    def in_scope(self, criterion: Criterion) -> bool:
        """Tagged with the review's perspective, and applies to the plan's type and stage."""
        return (
            self.perspective in criterion.perspectives and self.scope_exclusion(criterion) is None
        )

    def scope_exclusion(self, criterion: Criterion) -> Text | None:
        """Why the criterion does not apply to this plan's type or stage (None: it does)."""
        identity = self.plan.identity
        return criterion.applies.excludes(identity.plan_type, identity.stage)

    def sheet(self, sheet_id: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.id == sheet_id:
                return sheet
        raise KeyError(f"there is no sheet {sheet_id!r}")

    def pins_for(self, criterion_id: str) -> list[tuple[Sheet, Pin]]:
        """The pins placed for a criterion, with their sheets, in pin-number order."""
        found = [(s, p) for s in self.sheets for p in s.pins if p.criterion_id == criterion_id]
        return sorted(found, key=lambda sp: sp[1].number)


def apply_rules(review: Review, only: Collection[str] | None = None) -> list[str]:
    """Re-evaluate every rule against the plan and update automatic verdicts.

    With `only` (element types, "site" among them), only the rules that read one of
    those types are evaluated: after an edit of one element's facts the others cannot
    have changed, and a plan of thousands of elements is not read again for each edit.

    A verdict that followed the old automatic verdict (or was not assessed) follows the
    new one; a reasoned override stays, and its reason is kept. A criterion outside the
    review's perspective gets its automatic verdict and evidence, but its verdict is only
    filled in when the reviewer adopts it: otherwise a safety review would "agree" with a
    cohesion review on criteria nobody on the safety side looked at. Returns the ids of
    the criteria whose verdict or evidence changed.
    """
    changed: list[str] = []
    wanted = None if only is None else set(only)
    view: Plan | None = None  # the plan as the rules see it, made when first needed
    for criterion in review.criteria():
        if wanted is not None and (
            criterion.rule is None or wanted.isdisjoint(criterion.rule.collections())
        ):
            continue
        excluded = review.scope_exclusion(criterion)
        old = review.assessments[criterion.id]
        if excluded is not None:
            result = RuleResult(
                Verdict.NOT_APPLICABLE,
                [Evidence(element="", verdict=Verdict.NOT_APPLICABLE, text=excluded)],
            )
        elif criterion.rule is None:
            if old.auto_verdict is Verdict.NOT_APPLICABLE:  # back in scope
                verdict = Verdict.NOT_ASSESSED if old.verdict == old.auto_verdict else old.verdict
                review.assessments[criterion.id] = old.changed(
                    auto_verdict=None, evidence=[], verdict=verdict
                )
                changed.append(criterion.id)
            continue
        else:
            if view is None:
                view = confirmed_view(review.plan)
            result = evaluate_confirmed(criterion.rule, review.plan, view)
            result.evidence = _with_provenance(criterion.rule, result.evidence, review)
        if old.verdict is Verdict.NOT_ASSESSED:
            own = review.perspective in criterion.perspectives
            verdict = result.verdict if own or excluded else Verdict.NOT_ASSESSED
        elif old.verdict == old.auto_verdict:
            verdict = result.verdict
        else:
            verdict = old.verdict
        if (
            old.auto_verdict == result.verdict
            and old.evidence == result.evidence
            and old.verdict == verdict
        ):
            continue
        try:
            new = old.changed(
                auto_verdict=result.verdict, evidence=result.evidence, verdict=verdict
            )
        except OverrideWithoutReason:
            # a verdict the reviewer filled in while the rule could not decide, kept against
            # the new automatic verdict, would be an override without a reason: the reviewer
            # never gave one, so the verdict follows the rule
            new = old.changed(
                auto_verdict=result.verdict, evidence=result.evidence, verdict=result.verdict
            )
        review.assessments[criterion.id] = new
        changed.append(criterion.id)
    return changed


def evaluate_confirmed(rule: Rule, plan: Plan, view: Plan | None = None) -> RuleResult:
    """The rule over what a person gave or confirmed: suggestions from a BIM model are
    unknown (see `reviewer.domain.suggestion`). While a suggestion the rule reads awaits
    confirmation the rule is never met: it is "not assessed", and the evidence names each
    suggestion to confirm with its GlobalId. `view` is `confirmed_view(plan)` when the
    caller has it already (it reads the whole plan: once per evaluation, not per rule)."""
    if view is None:
        view = confirmed_view(plan)
    result = rule.evaluate(view)
    if view is plan:
        return result
    read = rule.facts()
    collections = set(rule.collections()) | {c for c, _ in read}
    relevant = [
        Evidence(element=element_id, verdict=Verdict.NOT_ASSESSED, text=text)
        for element_id, text, element in suggestion_evidence(plan, collections, read)
        if SUGGESTED_ELEMENT in element.suggested
        or any((c, f) in read for c in collections for f in element.suggested)
    ]
    if not relevant:
        return result
    if result.verdict is Verdict.MEETS or result.verdict is Verdict.NOT_ASSESSED:
        verdict = Verdict.NOT_ASSESSED
    else:
        verdict = result.verdict  # a confirmed element fails, whatever the suggestions say
    # "not filled in yet" is wrong for a list that holds suggestions: they say what to do
    hidden = {c for c in collections if view.is_unknown(c) and not plan.is_unknown(c)}
    kept = [e for e in result.evidence if not (e.element == "" and hidden)]
    return RuleResult(verdict, [*kept, *relevant])


def _with_provenance(rule: Rule, evidence: list[Evidence], review: Review) -> list[Evidence]:
    """Evidence whose fact was measured on a drawing says on which sheet."""
    if not review.sheets:
        return evidence
    out = []
    for item in evidence:
        note = measured_note(rule, item.element, review.sheets, review.plan)
        if note is not None:
            text = Text(nl=f"{item.text.nl} {note.nl}", en=f"{item.text.en} {note.en}")
            item = item.model_copy(update={"text": text})
        out.append(item)
    return out


def new_review(
    plan: Plan,
    checklist: Checklist,
    perspective: Perspective | str,
    reviewer: Reviewer | None = None,
) -> Review:
    """Start a review of `plan` with the automatic verdicts filled in."""
    review = Review(
        uid=uuid.uuid4(),
        plan=plan,
        checklist=checklist,
        perspective=Perspective(perspective),
        reviewer=reviewer or Reviewer(),
    )
    apply_rules(review)
    return review


def set_verdict(
    review: Review,
    criterion_id: str,
    verdict: Verdict,
    *,
    override_reason: str | None = None,
    justification: str | None = None,
) -> Assessment:
    """Set a verdict (and the reason of an override, the constraint behind `partly`).

    Raises OverrideWithoutReason when an automatic verdict is overridden without a
    reason, pydantic's ValidationError for a text over its limit; the review is then
    unchanged. Returns the new assessment.
    """
    update: dict[str, object] = {"verdict": verdict}
    if override_reason is not None:
        update["override_reason"] = override_reason
    if justification is not None:
        update["justification"] = justification
    new = review.assessments[criterion_id].changed(**update)
    review.assessments[criterion_id] = new
    return new

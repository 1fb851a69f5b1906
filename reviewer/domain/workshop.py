"""A joint workshop: a safety review and a cohesion review of one plan, and the joint
conclusions recorded per discussed criterion (the essay's tenth thesis).

Who was there: an attendance list (name, role, organisation, as a review's procedure
records its participants) and the chair. The older free-text `participants` stays for
remarks ("afgemeld: …") and for files made before the list.

A joint conclusion with an agreed measure is a **joint decision**: what (the measure),
its owner (`actor`, who acts), its deadline and whether it becomes a condition or a
recommendation in the advice. The deadline is a design *stage* ("before the final
design"), not a calendar date: conditions in an advice are checked at the next stage the
plan is submitted at, dates shift with the planning while stages do not, and a
review's own conditions (`Assessment.due_stage`) say "by which stage" too, so a decision
carries over without translation.

`carry_decisions` writes the joint decisions into both reviews as each assessment's
measure with its kind, actor and stage, validated through `Assessment.changed`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from reviewer.domain.compare import (
    Comparison,
    ComparisonError,
    ItemStatus,
    compare_reviews,
    same_plan,
)
from reviewer.domain.plan import Stage
from reviewer.domain.review import Assessment, MeasureKind, Participant, Review
from reviewer.domain.text import LongText, Name, Str, Text, t
from reviewer.domain.verdict import Verdict


class JointConclusion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    criterion_id: Str
    verdict: Verdict = Verdict.NOT_ASSESSED  # the agreed verdict
    measure: LongText = ""  # the agreed measure
    actor: Name = ""  # who acts: the decision's owner
    note: LongText = ""
    # the deadline: the stage by which it is done (None: none agreed)
    due_stage: Stage | None = None
    # what the agreed measure becomes in both reviews
    measure_kind: MeasureKind = MeasureKind.RECOMMENDATION

    @property
    def is_decision(self) -> bool:
        """An agreed measure: what `carry_decisions` carries into both reviews."""
        return bool(self.measure.strip())

    def changed(self, **update: Any) -> JointConclusion:
        """This conclusion with the fields in `update` changed, validated as a file load
        validates it (text repaired and within its limits); raises ValidationError."""
        return type(self).model_validate({**dict(self), **update})


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Workshop(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Name = ""
    date: datetime = Field(default_factory=_now)
    participants: LongText = ""  # remarks on attendance; free text of older files
    attendees: list[Participant] = Field(default_factory=list, max_length=200)
    chair: Name = ""
    place: Name = ""  # where the workshop was held
    review_a: Review
    review_b: Review
    conclusions: dict[str, JointConclusion] = Field(default_factory=dict)
    # the person who made the workshop confirmed that the reviews are of one plan,
    # although they name it differently (name, address or municipality)
    same_plan_confirmed: bool = False

    @model_validator(mode="after")
    def _same_plan_and_known_criteria(self) -> Workshop:
        if not self.same_plan_confirmed and not same_plan(self.review_a, self.review_b):
            raise ValueError("the two reviews of a workshop must be of the same plan")
        known = set(self.review_a.assessments) & set(self.review_b.assessments)
        for key, conclusion in self.conclusions.items():
            if key != conclusion.criterion_id or key not in known:
                raise ValueError(f"a joint conclusion names an unknown criterion: {key!r}")
        return self

    def decisions(self) -> list[JointConclusion]:
        """The joint decisions (conclusions with an agreed measure), in checklist order."""
        order = {c.id: n for n, c in enumerate(self.review_a.criteria())}
        found = [c for c in self.conclusions.values() if c.is_decision]
        return sorted(found, key=lambda c: (order.get(c.criterion_id, len(order)), c.criterion_id))

    def comparison(self) -> Comparison:
        return compare_reviews(
            self.review_a, self.review_b, same_plan_confirmed=self.same_plan_confirmed
        )

    def open_differences(self) -> int:
        """Differences, conflicts and one-sided findings without a joint conclusion yet."""
        to_discuss = {ItemStatus.DIFFER, ItemStatus.CONFLICT, ItemStatus.ONLY_A, ItemStatus.ONLY_B}
        return sum(
            1
            for item in self.comparison().items
            if item.status in to_discuss
            and self.conclusions.get(item.criterion_id, JointConclusion(criterion_id="-")).verdict
            is Verdict.NOT_ASSESSED
        )


def new_workshop(
    a: Review, b: Review, title: str = "", *, same_plan_confirmed: bool = False
) -> Workshop:
    """Put two reviews side by side; raises DifferentPlansError (a ComparisonError) when
    they name different plans, unless a person confirmed they are of one plan."""
    # raises with a clear message when they cannot be compared
    compare_reviews(a, b, same_plan_confirmed=same_plan_confirmed)
    try:
        return Workshop(
            title=title or a.plan.identity.name,
            review_a=a,
            review_b=b,
            same_plan_confirmed=same_plan_confirmed,
        )
    except ValueError as exc:  # pragma: no cover - compare_reviews refused it already
        raise ComparisonError(str(exc)) from None


# the deadline of a decision or condition, as a report and the app write it
DEADLINE_LABELS: dict[Stage, Text] = {
    Stage.SKETCH: t("vóór het schetsontwerp", "before the sketch design"),
    Stage.PRELIMINARY_DESIGN: t("vóór het voorlopig ontwerp", "before the preliminary design"),
    Stage.FINAL_DESIGN: t("vóór het definitief ontwerp", "before the final design"),
    Stage.SPECIFICATION: t("vóór het bestek", "before the specification"),
    Stage.HANDOVER: t("vóór de oplevering", "before handover"),
}
MEASURE_KIND_LABELS: dict[MeasureKind, Text] = {
    MeasureKind.CONDITION: t("voorwaarde", "condition"),
    MeasureKind.RECOMMENDATION: t("aanbeveling", "recommendation"),
}


class CarryStatus(StrEnum):
    CARRIED = "carried"  # the assessment had no measure, or this one: it now has the decision
    APPENDED = "appended"  # the adviser's own, different measure kept, the decision after it
    UNCHANGED = "unchanged"  # the decision was there already (carried before)
    MISSING = "missing"  # the review has no such criterion (another checklist version)
    REFUSED = "refused"  # the result would not be a valid assessment (e.g. too long)

    @property
    def changed(self) -> bool:
        return self in (CarryStatus.CARRIED, CarryStatus.APPENDED)


@dataclass(frozen=True)
class CarriedDecision:
    """What carrying one decision into one review did."""

    criterion_id: str
    side: str  # "A" or "B"
    status: CarryStatus
    reason: str = ""  # why it was refused (English, from validation)


def _carried_measure(existing: str, decision: str) -> tuple[str, CarryStatus]:
    """The measure after carrying: the decision, or the adviser's own text with the
    decision after it when they differ; never the adviser's words lost."""
    own, agreed = existing.strip(), decision.strip()
    if not own or own == agreed:
        return agreed, CarryStatus.CARRIED
    if agreed in own:  # carried before, perhaps after the adviser's own text
        return existing, CarryStatus.CARRIED
    return f"{existing.rstrip()}\n\n{agreed}", CarryStatus.APPENDED


def _carry_one(assessment: Assessment, decision: JointConclusion) -> tuple[Assessment, CarryStatus]:
    measure, status = _carried_measure(assessment.measure, decision.measure)
    update: dict[str, Any] = {
        "measure": measure,
        "measure_kind": decision.measure_kind,
        "actor": decision.actor.strip() or assessment.actor,
        "due_stage": decision.due_stage or assessment.due_stage,
    }
    if all(getattr(assessment, k) == v for k, v in update.items()):
        return assessment, CarryStatus.UNCHANGED
    return assessment.changed(**update), status


def carry_decisions(workshop: Workshop) -> tuple[Review, Review, list[CarriedDecision]]:
    """Both reviews with every joint decision written into them, and what happened.

    Each decision becomes the measure of its criterion's assessment in review A and in
    review B, with the decision's kind (condition or recommendation), owner (actor) and
    deadline (due stage). An adviser's own measure that differs is kept, the decision
    after it (APPENDED): the adviser's words are never lost, and both stay visible to
    be edited into one. An owner or deadline left empty in the decision keeps the
    assessment's own. Carrying twice changes nothing the second time (UNCHANGED).

    The workshop and its reviews are not changed: the results are copies (with a new
    `modified` time when something changed). A criterion a review lacks is reported as
    MISSING, an assessment the decision would make invalid (a text over its limit) as
    REFUSED; neither stops the others.
    """
    sides = (("A", workshop.review_a), ("B", workshop.review_b))
    assessments = {side: dict(review.assessments) for side, review in sides}
    report: list[CarriedDecision] = []
    for decision in workshop.decisions():
        cid = decision.criterion_id
        for side, _review in sides:
            current = assessments[side].get(cid)
            if current is None:
                report.append(CarriedDecision(cid, side, CarryStatus.MISSING))
                continue
            try:
                new, status = _carry_one(current, decision)
            except ValidationError as exc:
                reason = exc.errors()[0]["msg"]
                report.append(CarriedDecision(cid, side, CarryStatus.REFUSED, reason))
                continue
            except ValueError as exc:  # an override or 'partly' without its reason
                reason = str(exc)
                report.append(CarriedDecision(cid, side, CarryStatus.REFUSED, reason))
                continue
            assessments[side][cid] = new
            report.append(CarriedDecision(cid, side, status))
    results = []
    for side, review in sides:
        if any(r.side == side and r.status.changed for r in report):
            review = review.model_copy(
                update={"assessments": assessments[side], "modified": _now()}
            )
        results.append(review)
    return results[0], results[1], report

"""The next review of the same plan: at a later stage, or from the other perspective.

`next_review` makes a new review that carries over what holds for the plan as a whole —
the plan facts, the drawings with their calibration and pins, the dossier details, the
procedure participants, the checklist and its profile — and the measures still to be
followed (open and processed ones, with their history, marked as carried from the
previous stage). The verdicts start fresh: the rules run again, and the adviser adopts a
previous verdict per criterion (`adopt_verdict`) or for all (`adopt_all`). The carrying
itself is `reviewer.domain.upgrade.upgrade_review` onto the review's own checklist.

The new review refers to the reviews before it (`Review.previous`): the timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reviewer.domain.checklist import Perspective
from reviewer.domain.dossier import Dossier
from reviewer.domain.outcome import compute_outcome
from reviewer.domain.plan import Stage
from reviewer.domain.review import Assessment, Review, apply_rules, is_override
from reviewer.domain.stages import (
    STAGE_LABELS,
    MeasureStatus,
    PreviousReview,
    PreviousVerdict,
    stage_index,
)
from reviewer.domain.upgrade import upgrade_review
from reviewer.domain.verdict import Verdict

CARRIED_STATUSES = (MeasureStatus.OPEN, MeasureStatus.PROCESSED)


class StageNotLater(ValueError):
    """The next stage is not later than the review's own stage."""

    def __init__(self, current: Stage, requested: Stage) -> None:
        self.current = current
        self.requested = requested
        super().__init__(
            f"the review is at the {STAGE_LABELS[current].en} stage; the next review must be "
            f"at a later stage, not at the {STAGE_LABELS[requested].en} stage"
        )


class NoStage(ValueError):
    """The review has no stage, so no later stage can be told."""


def reference_to(review: Review, file_name: str, *, keep_verdicts: bool = True) -> PreviousReview:
    """A reference to `review` for the timeline of the review after it."""
    made_on = review.dossier.dispatch_date or review.modified.date()
    verdicts = {}
    if keep_verdicts:
        verdicts = {
            cid: PreviousVerdict(
                verdict=a.verdict,
                override_reason=a.override_reason,
                justification=a.justification,
            )
            for cid, a in review.assessments.items()
            if a.verdict.is_assessed
        }
    return PreviousReview(
        file_name=file_name[:200],
        stage=review.plan.identity.stage,
        perspective=review.perspective,
        reviewer=review.reviewer.name,
        made_on=made_on,
        outcome=compute_outcome(review).result,
        verdicts=verdicts,
    )


def _carried_measure(old: Assessment, stage: Stage | None) -> Assessment:
    """A fresh assessment holding only the measure of `old` (for a carried measure)."""
    return Assessment(
        criterion_id=old.criterion_id,
        measure=old.measure,
        measure_kind=old.measure_kind,
        actor=old.actor,
        due_stage=old.due_stage,
        priority=old.priority,
        measure_history=list(old.measure_history),
        measure_agreed_at=old.measure_agreed_at or stage,
        measure_carried_from=stage,
    )


@dataclass
class NextReview:
    review: Review
    carried_measures: list[str]  # criterion ids
    adopted: list[str]  # criterion ids whose previous verdict was adopted


def next_review(
    review: Review,
    *,
    stage: Stage | None = None,
    perspective: Perspective | None = None,
    file_name: str = "",
    adopt_verdicts: bool = False,
    today: date | None = None,
) -> NextReview:
    """A new review of `review`'s plan at `stage` (None: the same stage, for "new review of
    this plan") from `perspective` (None: the same). A `stage` must be later than the
    review's own: raises NoStage when the review has none, StageNotLater otherwise.
    `review` is not changed."""
    current = review.plan.identity.stage
    if stage is not None:
        if current is None:
            raise NoStage("the review has no stage; set the plan's stage first")
        if stage_index(stage) <= stage_index(current):
            raise StageNotLater(current, stage)
    upgraded = upgrade_review(review, review.checklist, stage=stage).review
    procedure = upgraded.procedure.model_copy(deep=True)
    # the participants stay; what was said about this review's session is its own
    procedure.joint_session = None
    procedure.joint_session_date = None
    procedure.notes = ""
    dossier: Dossier = review.dossier.model_copy(deep=True)
    dossier.dispatch_date = None  # the new letter is dated when it is sent
    assessments = {
        cid: _carried_measure(a, current)
        for cid, a in review.assessments.items()
        if a.has_measure and a.measure_status in CARRIED_STATUSES
    }
    earlier = [p.model_copy(update={"verdicts": {}}) for p in review.previous]
    new = Review(
        plan=upgraded.plan,
        checklist=upgraded.checklist,
        perspective=perspective or review.perspective,
        reviewer=review.reviewer.model_copy(),
        assessments=assessments,
        sheets=upgraded.sheets,
        procedure=procedure,
        dossier=dossier,
        previous=[*earlier, reference_to(review, file_name)],
    )
    apply_rules(new)
    adopted = adopt_all(new) if adopt_verdicts else []
    return NextReview(new, sorted(assessments), adopted)


def previous_verdict(review: Review, criterion_id: str) -> PreviousVerdict | None:
    """The verdict the review directly before this one gave the criterion, if any."""
    if not review.previous:
        return None
    return review.previous[-1].verdicts.get(criterion_id)


def adopted_assessment(review: Review, criterion_id: str) -> Assessment | None:
    """The criterion's assessment with the previous review's verdict adopted (None: there
    is no previous verdict, or it is the verdict already). An adopted verdict that differs
    from the rule's keeps its reason, or gets one saying where it came from; a 'partly'
    keeps its justification."""
    prev = previous_verdict(review, criterion_id)
    old = review.assessments[criterion_id]
    if prev is None or prev.verdict == old.verdict:
        return None
    update: dict[str, object] = {"verdict": prev.verdict}
    where = review.previous[-1]
    if is_override(old.auto_verdict, prev.verdict):
        update["override_reason"] = prev.override_reason.strip() or (
            f"Oordeel overgenomen uit de beoordeling van het {where.stage_label('nl')} / "
            f"verdict adopted from the review of the {where.stage_label('en')}."
        )
    if prev.verdict is Verdict.PARTLY and prev.justification.strip():
        update["justification"] = prev.justification
    return old.changed(**update)


def adopt_verdict(review: Review, criterion_id: str) -> bool:
    """Adopt the previous verdict for one criterion; True when it changed anything."""
    new = adopted_assessment(review, criterion_id)
    if new is None:
        return False
    review.assessments[criterion_id] = new
    return True


def adopt_all(review: Review) -> list[str]:
    """Adopt every previous verdict; returns the ids of the criteria that changed."""
    return [cid for cid in list(review.assessments) if adopt_verdict(review, cid)]


def is_overdue(assessment: Assessment, stage: Stage | None) -> bool:
    """An open measure due by a stage the plan has reached (or passed)."""
    return (
        assessment.has_measure
        and assessment.measure_status is MeasureStatus.OPEN
        and assessment.due_stage is not None
        and stage is not None
        and stage_index(assessment.due_stage) <= stage_index(stage)
    )


def measures(review: Review) -> list[Assessment]:
    """The assessments with a measure, in checklist order."""
    return [a for a in review.assessments.values() if a.has_measure]

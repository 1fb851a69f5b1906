"""The content of the advice letter, for every format (PDF, Word) to print the same.

The letter states the outcome in one sentence, then the numbered **conditions** (what
must change for the advice to hold: what, who acts, by which stage) and, numbered
separately, the **recommendations**. Appendix 1 holds the findings per criterion.

- A condition is an assessment whose measure is of kind "condition" and has its text.
- A recommendation is any other measure, and every finding (partly / does not meet)
  without a condition: a finding never disappears from the letter for want of a measure
  (its criterion's title then says what it is about).
- A withdrawn measure is no condition and no recommendation of its own; its finding
  stays (as a recommendation titled by its criterion), and appendix 1 lists the
  withdrawal with its reason.
- Items come from the criteria in the review's scope and from any other criterion the
  adviser assessed; only in-scope criteria decide the proposed outcome (domain/outcome).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.domain.checklist import Criterion
from reviewer.domain.outcome import Outcome, compute_outcome
from reviewer.domain.plan import Stage
from reviewer.domain.review import Assessment, MeasureKind, Priority, Review
from reviewer.domain.stages import MeasureStatus
from reviewer.domain.text import Text
from reviewer.domain.verdict import Verdict

FINDINGS = (Verdict.PARTLY, Verdict.FAILS)
LETTER_RECOMMENDATIONS = 10  # more than this, and the letter names only the high-priority ones


@dataclass(frozen=True)
class AdviceItem:
    """A numbered condition or recommendation."""

    number: int
    criterion: Criterion
    assessment: Assessment

    @property
    def measure(self) -> str:
        """What is asked, as the adviser wrote it ('' when only the finding is known, or
        the measure was withdrawn: appendix 1 lists it with the reason)."""
        if self.assessment.measure_status is MeasureStatus.WITHDRAWN:
            return ""
        return self.assessment.measure.strip()

    @property
    def actor(self) -> str:
        return self.assessment.actor.strip()

    @property
    def due_stage(self) -> Stage | None:
        return self.assessment.due_stage

    def text(self, lang: str) -> str:
        """The measure, or the criterion's title when the adviser wrote none."""
        return self.measure or self.criterion.title.get(lang)  # type: ignore[arg-type]


@dataclass
class Advice:
    review: Review
    outcome: Outcome
    conditions: list[AdviceItem] = field(default_factory=list)
    recommendations: list[AdviceItem] = field(default_factory=list)
    findings: list[tuple[Criterion, Assessment]] = field(default_factory=list)
    out_of_scope: list[tuple[Criterion, Text]] = field(default_factory=list)

    @property
    def conclusion(self) -> Text:
        """The outcome in one sentence a municipality can quote."""
        return self.outcome.text

    def letter_recommendations(
        self, limit: int = LETTER_RECOMMENDATIONS
    ) -> tuple[list[AdviceItem], list[AdviceItem]]:
        """The recommendations the letter spells out, and the rest it refers to appendix 1
        for. Up to `limit` the letter has them all; beyond, the high-priority ones (or,
        when the adviser set no priorities, the first `limit`), so that a plan with fifty
        findings still gets a letter of a few pages. Numbers stay those of the whole list."""
        items = self.recommendations
        if len(items) <= limit:
            return list(items), []
        shown = [i for i in items if i.assessment.priority is Priority.HIGH] or items[:limit]
        numbers = {i.number for i in shown}
        return shown, [i for i in items if i.number not in numbers]


def _counts(review: Review, criterion: Criterion) -> bool:
    return review.in_scope(criterion) or review.assessments[criterion.id].verdict.is_assessed


def build_advice(review: Review, *, all_criteria: bool = False) -> Advice:
    """The letter's content. `all_criteria`: appendix 1 lists every criterion in scope,
    not only those with a finding or the adviser's text."""
    advice = Advice(review, compute_outcome(review))
    for criterion in review.criteria():
        assessment = review.assessments[criterion.id]
        excluded = review.scope_exclusion(criterion)
        if excluded is not None and not assessment.verdict.is_assessed:
            advice.out_of_scope.append((criterion, excluded))
            continue
        if excluded is not None and assessment.verdict is Verdict.NOT_APPLICABLE:
            advice.out_of_scope.append((criterion, excluded))
            continue
        if not _counts(review, criterion):
            continue
        finding = assessment.verdict in FINDINGS
        if assessment.is_condition:
            advice.conditions.append(AdviceItem(len(advice.conditions) + 1, criterion, assessment))
        elif finding or (
            assessment.measure.strip()
            and assessment.measure_kind is not MeasureKind.CONDITION
            and assessment.measure_status is not MeasureStatus.WITHDRAWN
        ):
            advice.recommendations.append(
                AdviceItem(len(advice.recommendations) + 1, criterion, assessment)
            )
        if finding or assessment.has_content or assessment.is_condition or all_criteria:
            advice.findings.append((criterion, assessment))
    return advice

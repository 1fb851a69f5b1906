"""The outcome of a review, computed from its verdicts by the checklist's outcome rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.domain.checklist import Criterion, Level, OutcomeCondition, OutcomeResult
from reviewer.domain.review import Review
from reviewer.domain.text import Text
from reviewer.domain.verdict import Verdict


@dataclass
class SectionTally:
    section_id: str
    title: Text
    counts: dict[Verdict, int]
    in_scope: int


@dataclass
class Outcome:
    result: OutcomeResult
    text: Text
    tallies: list[SectionTally]
    counts: dict[Verdict, int]  # in-scope criteria by verdict
    failing_requirements: list[Criterion] = field(default_factory=list)
    assessed: int = 0
    applicable: int = 0  # in scope: the fixed denominator of the progress count
    proposed: OutcomeResult | None = None  # what the checklist's rules give
    reason: str = ""  # why the adviser chose `result` instead of `proposed`

    @property
    def is_chosen(self) -> bool:
        """The adviser chose another outcome than the rules propose (with `reason`)."""
        return self.proposed is not None and self.result is not self.proposed


def progress(review: Review) -> tuple[int, int]:
    """(assessed, in scope): a criterion judged not applicable counts as assessed.

    The denominator is every criterion in scope (perspective, plan type and stage), so it
    stays the same while facts are entered: entering the entrances decides criteria, it
    does not make them disappear from the count.
    """
    assessed = applicable = 0
    for criterion in review.criteria():
        if not review.in_scope(criterion):
            continue
        applicable += 1
        if review.assessments[criterion.id].verdict.is_assessed:
            assessed += 1
    return assessed, applicable


def compute_outcome(review: Review) -> Outcome:
    spec = review.checklist.outcome
    counts = {v: 0 for v in Verdict}
    tallies: list[SectionTally] = []
    failing: list[Criterion] = []
    for section in review.checklist.sections:
        section_counts = {v: 0 for v in Verdict}
        in_scope = 0
        for criterion in section.criteria:
            if not review.in_scope(criterion):
                continue
            in_scope += 1
            verdict = review.assessments[criterion.id].verdict
            section_counts[verdict] += 1
            counts[verdict] += 1
            if criterion.level is Level.REQUIREMENT and verdict is Verdict.FAILS:
                failing.append(criterion)
        tallies.append(SectionTally(section.id, section.title, section_counts, in_scope))
    result, text = spec.default, spec.default_text
    for rule in spec.rules:
        if _matches(review, rule.when):
            result, text = rule.result, rule.text
            break
    assessed, applicable = progress(review)
    outcome = Outcome(
        result=result,
        text=text,
        tallies=tallies,
        counts=counts,
        failing_requirements=failing,
        assessed=assessed,
        applicable=applicable,
        proposed=result,
    )
    choice = review.outcome_choice
    if choice is not None and choice.result is not result:
        outcome.result = choice.result
        outcome.text = outcome_text(review, choice.result)
        outcome.reason = choice.reason
    return outcome


def _matches(review: Review, when: OutcomeCondition) -> bool:
    matching = 0
    for criterion in review.criteria():
        if not review.in_scope(criterion):
            continue
        if when.level is not None and criterion.level is not when.level:
            continue
        assessment = review.assessments[criterion.id]
        if when.verdicts is not None and assessment.verdict not in when.verdicts:
            continue
        if when.condition is not None and assessment.is_condition is not when.condition:
            continue
        matching += 1
    return matching >= when.min_count


def outcome_text(review: Review, result: OutcomeResult) -> Text:
    """The checklist's sentence for an outcome: its first rule with that result, or the
    default's; a plain name of the result when the checklist has none."""
    spec = review.checklist.outcome
    for rule in spec.rules:
        if rule.result is result:
            return rule.text
    if spec.default is result:
        return spec.default_text
    return result.label


OUTCOME_COLOURS: dict[OutcomeResult, str] = {
    OutcomeResult.POSITIVE: "#2e7d32",
    OutcomeResult.CONDITIONAL: "#e69500",
    OutcomeResult.NEGATIVE: "#c62828",
    OutcomeResult.INCOMPLETE: "#5f6b7a",
}

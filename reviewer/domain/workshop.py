"""A joint workshop: a safety review and a cohesion review of one plan, and the joint
conclusions recorded per discussed criterion (the essay's tenth thesis)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reviewer.domain.compare import (
    Comparison,
    ComparisonError,
    ItemStatus,
    compare_reviews,
    same_plan,
)
from reviewer.domain.review import Review
from reviewer.domain.text import LongText, Name, Str
from reviewer.domain.verdict import Verdict


class JointConclusion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    criterion_id: Str
    verdict: Verdict = Verdict.NOT_ASSESSED  # the agreed verdict
    measure: LongText = ""  # the agreed measure
    actor: Name = ""  # who acts
    note: LongText = ""

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
    participants: LongText = ""
    review_a: Review
    review_b: Review
    conclusions: dict[str, JointConclusion] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _same_plan_and_known_criteria(self) -> Workshop:
        if not same_plan(self.review_a, self.review_b):
            raise ValueError("the two reviews of a workshop must be of the same plan")
        known = set(self.review_a.assessments) & set(self.review_b.assessments)
        for key, conclusion in self.conclusions.items():
            if key != conclusion.criterion_id or key not in known:
                raise ValueError(f"a joint conclusion names an unknown criterion: {key!r}")
        return self

    def comparison(self) -> Comparison:
        return compare_reviews(self.review_a, self.review_b)

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


def new_workshop(a: Review, b: Review, title: str = "") -> Workshop:
    """Put two reviews side by side; raises ComparisonError for different plans."""
    compare_reviews(a, b)  # raises with a clear message when they cannot be compared
    try:
        return Workshop(title=title or a.plan.identity.name, review_a=a, review_b=b)
    except ValueError as exc:  # pragma: no cover - compare_reviews refused it already
        raise ComparisonError(str(exc)) from None

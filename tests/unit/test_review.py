"""Reviews: automatic verdicts, overrides need a reason, re-evaluation, outcome rules."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.outcome import compute_outcome, progress
from reviewer.domain.review import (
    Assessment,
    OverrideWithoutReason,
    apply_rules,
    set_verdict,
)
from reviewer.domain.summary import summary_data
from reviewer.domain.text import MAX_TEXT_CHARS
from reviewer.domain.verdict import Verdict


def test_new_review_fills_in_automatic_verdicts_with_evidence(review):
    entrance = review.assessments["GEB-ENTREE-01"]
    assert entrance.auto_verdict is Verdict.FAILS
    assert entrance.verdict is Verdict.FAILS
    assert [e.text.nl for e in entrance.evidence] == [
        "Entree A: 8 woningen; norm: ten hoogste 10",
        "Entree B: 14 woningen; norm: ten hoogste 10",
    ]
    # criteria without a rule start unassessed and have no automatic verdict
    assert review.assessments["OR-HOF-01"].auto_verdict is None
    assert review.assessments["OR-HOF-01"].verdict is Verdict.NOT_ASSESSED
    assert list(review.assessments) == [c.id for c in review.criteria()]


def test_override_without_reason_is_rejected(review):
    with pytest.raises(OverrideWithoutReason):
        set_verdict(review, "GEB-ENTREE-01", Verdict.MEETS)
    with pytest.raises(OverrideWithoutReason):
        set_verdict(review, "GEB-ENTREE-01", Verdict.MEETS, override_reason="   ")
    assert review.assessments["GEB-ENTREE-01"].verdict is Verdict.FAILS
    with pytest.raises(ValidationError, match="without a reason"):
        Assessment(criterion_id="X-1", auto_verdict=Verdict.FAILS, verdict=Verdict.MEETS)


@pytest.mark.parametrize("reason", [{}, {"override_reason": ""}, {"override_reason": "  "}])
def test_a_change_cannot_put_fails_over_an_automatic_meets_without_a_reason(review, reason):
    """The override rule lives in the model and holds for every change of an assessment:
    `changed` validates the result (`model_copy(update=...)` would not), and set_verdict
    goes through it."""
    lit = review.assessments["OR-LICHT-01"]
    assert (lit.auto_verdict, lit.verdict) == (Verdict.MEETS, Verdict.MEETS)
    with pytest.raises(OverrideWithoutReason, match="OR-LICHT-01"):
        lit.changed(verdict=Verdict.FAILS, **reason)
    with pytest.raises(OverrideWithoutReason):
        set_verdict(review, "OR-LICHT-01", Verdict.FAILS, **reason)
    assert review.assessments["OR-LICHT-01"] is lit
    # with a reason the override is kept; emptying the reason later is refused the same way
    overridden = lit.changed(verdict=Verdict.FAILS, override_reason="De armaturen verblinden")
    assert overridden.is_override
    assert lit.verdict is Verdict.MEETS  # a change makes a new assessment
    with pytest.raises(OverrideWithoutReason):
        overridden.changed(override_reason=" ")


def test_a_change_repairs_text_and_keeps_the_limits(review):
    lit = review.assessments["OR-LICHT-01"]
    assert lit.changed(notes="a\ud800b").notes == "a\ufffdb"
    with pytest.raises(ValidationError, match="at most"):
        lit.changed(notes="x" * (MAX_TEXT_CHARS + 1))
    with pytest.raises(ValidationError):
        lit.changed(no_such_field="x")


def test_override_with_reason_is_kept_through_re_evaluation(review):
    set_verdict(
        review, "GEB-ENTREE-01", Verdict.PARTLY, override_reason="Entree B krijgt een tweede deur"
    )
    review.plan.entrances[0].dwellings_served = 12
    apply_rules(review)
    a = review.assessments["GEB-ENTREE-01"]
    assert a.auto_verdict is Verdict.FAILS
    assert a.verdict is Verdict.PARTLY
    assert a.override_reason == "Entree B krijgt een tweede deur"


def test_filling_in_a_rule_that_could_not_decide_is_not_an_override(review):
    review.plan.entrances[1].dwellings_served = None
    apply_rules(review)
    assert review.assessments["GEB-ENTREE-01"].auto_verdict is Verdict.NOT_ASSESSED
    set_verdict(review, "GEB-ENTREE-01", Verdict.MEETS)  # no reason needed
    assert review.assessments["GEB-ENTREE-01"].verdict is Verdict.MEETS


def test_verdict_that_followed_the_rule_follows_new_facts(review):
    review.plan.entrances[1].dwellings_served = 10
    changed = apply_rules(review)
    assert "GEB-ENTREE-01" in changed
    assert review.assessments["GEB-ENTREE-01"].verdict is Verdict.MEETS
    assert apply_rules(review) == []  # nothing changes the second time


def test_outcome_rules_in_order(review):
    # failing requirement (entrances, plinth) -> negative
    outcome = compute_outcome(review)
    assert outcome.result is OutcomeResult.NEGATIVE
    assert [c.id for c in outcome.failing_requirements] == ["GEB-ENTREE-01", "GEB-PLINT-01"]
    review.plan.entrances[1].dwellings_served = 9
    review.plan.plinth_segments[0].length_m = 10
    apply_rules(review)
    # lighting requirement met; nothing red; safety scope has no unassessed requirement
    assert compute_outcome(review).result is OutcomeResult.POSITIVE
    set_verdict(review, "GEB-PLINT-01", Verdict.PARTLY, override_reason="bergingen deels")
    assert compute_outcome(review).result is OutcomeResult.CONDITIONAL
    review.plan.lighting[0].ra = None
    apply_rules(review)
    assert compute_outcome(review).result is OutcomeResult.INCOMPLETE


def test_recommendations_do_not_block_positive_advice(review):
    review.plan.entrances[1].dwellings_served = 9
    review.plan.plinth_segments[0].length_m = 10
    apply_rules(review)
    set_verdict(review, "OR-HOF-01", Verdict.FAILS)
    outcome = compute_outcome(review)
    assert outcome.result is OutcomeResult.POSITIVE
    assert outcome.text.en == "Positive advice."


def test_scope_follows_perspective_and_tally_counts_per_section(review):
    # safety review: cohesion-only criteria (gallery, play space, mix) are out of scope
    outcome = compute_outcome(review)
    tallies = {t.section_id: t for t in outcome.tallies}
    assert tallies["GEB"].in_scope == 2
    assert tallies["GEB"].counts[Verdict.FAILS] == 2
    assert tallies["OR"].counts[Verdict.MEETS] == 1
    assert progress(review) == (3, 5)
    # judged not applicable is assessed: the denominator stays the criteria in scope
    set_verdict(review, "STR-PART-01", Verdict.NOT_APPLICABLE)
    assert progress(review) == (4, 5)


def test_summary_json_shape(review):
    data = summary_data(review, "en")
    assert set(data) >= {"plan", "perspective", "verdicts", "rules", "outcome"}
    assert set(data["verdicts"]) == {v.value for v in Verdict}
    assert sum(data["verdicts"].values()) == len(review.criteria())
    assert data["perspective"] == "safety"
    row = next(r for r in data["rules"] if r["element"] == "B")
    assert row == {
        "criterion": "GEB-ENTREE-01",
        "title": "At most ten per entrance",
        "element": "B",
        "verdict": "fails",
        "evidence": "Entrance B: 14 dwellings; norm: at most 10",
    }
    assert data["outcome"]["result"] == "negative"

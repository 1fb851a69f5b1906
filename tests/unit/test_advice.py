"""The advice: conditions and recommendations, the three outcomes, the adviser's choice,
and 'voldoet gedeeltelijk' only with its justification."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from reviewer.domain.advice import build_advice
from reviewer.domain.checklist import OutcomeResult, checklist_from_data
from reviewer.domain.outcome import compute_outcome
from reviewer.domain.review import (
    MeasureKind,
    OutcomeChoice,
    PartlyWithoutJustification,
    new_review,
    set_verdict,
)
from reviewer.domain.verdict import Verdict

OUTCOME_2 = {
    "rules": [
        {
            "result": "negative",
            "when": {"level": "requirement", "verdicts": ["fails"], "condition": False},
            "text": {"nl": "Negatief.", "en": "Negative."},
        },
        {
            "result": "incomplete",
            "when": {"level": "requirement", "verdicts": ["not_assessed"]},
            "text": {"nl": "Onvolledig.", "en": "Incomplete."},
        },
        {
            "result": "conditional",
            "when": {"condition": True},
            "text": {"nl": "Positief, mits.", "en": "Positive on conditions."},
        },
    ],
    "default": "positive",
    "default_text": {"nl": "Positief.", "en": "Positive."},
}


@pytest.fixture
def review(plan, checklist_data):
    data = copy.deepcopy(checklist_data)
    data["outcome"] = OUTCOME_2
    r = new_review(plan, checklist_from_data(data), "safety")
    # settle everything but the entrance requirement (B: 14 dwellings, max. 10)
    for cid, a in r.assessments.items():
        if a.verdict is Verdict.NOT_ASSESSED and r.in_scope(r.checklist.criterion(cid)):
            set_verdict(r, cid, Verdict.MEETS)
    plinth = r.assessments["GEB-PLINT-01"]
    r.assessments["GEB-PLINT-01"] = plinth.changed(
        verdict=Verdict.MEETS, override_reason="Bergingen krijgen een etalage"
    )
    return r


def test_a_failed_requirement_without_a_condition_is_negative(review):
    assert review.assessments["GEB-ENTREE-01"].verdict is Verdict.FAILS
    assert compute_outcome(review).result is OutcomeResult.NEGATIVE


def test_a_condition_that_answers_it_makes_the_advice_positive_on_conditions(review):
    a = review.assessments["GEB-ENTREE-01"]
    review.assessments["GEB-ENTREE-01"] = a.changed(
        measure="Entree B splitsen in twee portieken van zeven woningen",
        measure_kind=MeasureKind.CONDITION,
        actor="architect",
        due_stage="final_design",
    )
    outcome = compute_outcome(review)
    assert outcome.result is OutcomeResult.CONDITIONAL
    advice = build_advice(review)
    assert [(i.number, i.criterion.id) for i in advice.conditions] == [(1, "GEB-ENTREE-01")]
    assert advice.conditions[0].actor == "architect"
    assert advice.conditions[0].due_stage.value == "final_design"
    assert "GEB-ENTREE-01" not in {i.criterion.id for i in advice.recommendations}
    # a condition kind without its text answers nothing
    empty = review.assessments["GEB-ENTREE-01"].changed(measure="  ")
    review.assessments["GEB-ENTREE-01"] = empty
    assert compute_outcome(review).result is OutcomeResult.NEGATIVE


def test_recommendations_are_numbered_apart_and_every_finding_is_in_the_letter(review):
    hof = review.assessments["OR-HOF-01"]
    review.assessments["OR-HOF-01"] = hof.changed(
        measure="Poort overdag open", measure_kind=MeasureKind.RECOMMENDATION
    )
    advice = build_advice(review)
    ids = [i.criterion.id for i in advice.recommendations]
    # the entrance finding has no measure: it is listed under its own title
    assert "GEB-ENTREE-01" in ids and "OR-HOF-01" in ids
    assert [i.number for i in advice.recommendations] == list(range(1, len(ids) + 1))
    entree = next(i for i in advice.recommendations if i.criterion.id == "GEB-ENTREE-01")
    assert entree.text("en") == "At most ten per entrance"
    assert {c.id for c, _a in advice.findings} >= {"GEB-ENTREE-01", "OR-HOF-01"}


def test_the_adviser_may_choose_another_outcome_only_with_a_reason(review):
    with pytest.raises(ValidationError, match="without a reason"):
        OutcomeChoice(result=OutcomeResult.CONDITIONAL, reason=" ")
    review.outcome_choice = OutcomeChoice(
        result=OutcomeResult.CONDITIONAL, reason="De corporatie heeft splitsing toegezegd."
    )
    outcome = compute_outcome(review)
    assert outcome.proposed is OutcomeResult.NEGATIVE
    assert outcome.result is OutcomeResult.CONDITIONAL and outcome.is_chosen
    assert outcome.text.en == "Positive on conditions."
    assert outcome.reason == "De corporatie heeft splitsing toegezegd."


def test_partly_is_accepted_only_with_its_justification(review):
    with pytest.raises(PartlyWithoutJustification):
        set_verdict(review, "OR-HOF-01", Verdict.PARTLY)
    assert review.assessments["OR-HOF-01"].verdict is Verdict.MEETS  # unchanged
    set_verdict(review, "OR-HOF-01", Verdict.PARTLY, justification="Monumentale gevel")
    assert review.assessments["OR-HOF-01"].verdict is Verdict.PARTLY


def test_summary_json_carries_the_letter(review):
    from reviewer.domain.summary import summary_data

    a = review.assessments["GEB-ENTREE-01"]
    review.assessments["GEB-ENTREE-01"] = a.changed(
        measure="Entree B splitsen", measure_kind=MeasureKind.CONDITION, actor="architect"
    )
    review.dossier.reference = "2026-0142"
    data = summary_data(review, "nl")
    assert data["outcome"]["result"] == data["outcome"]["proposed"] == "conditional"
    assert data["outcome"]["conditions"] == [
        {
            "number": 1,
            "criterion": "GEB-ENTREE-01",
            "text": "Entree B splitsen",
            "actor": "architect",
            "due_stage": None,
        }
    ]
    assert data["dossier"]["reference"] == "2026-0142"


def test_a_long_list_of_recommendations_names_the_high_priority_ones_in_the_letter(review):
    from reviewer.domain.review import Priority

    for cid in list(review.assessments):
        a = review.assessments[cid]
        review.assessments[cid] = a.changed(measure=f"maatregel {cid}")
    advice = build_advice(review)
    shown, rest = advice.letter_recommendations(limit=3)
    assert len(advice.recommendations) > 3
    assert shown == advice.recommendations[:3]  # no priorities: the first ones
    assert [i.number for i in rest] == [i.number for i in advice.recommendations[3:]]
    last = advice.recommendations[-1].criterion.id
    review.assessments[last] = review.assessments[last].changed(priority=Priority.HIGH)
    shown, rest = build_advice(review).letter_recommendations(limit=3)
    assert [i.criterion.id for i in shown] == [last]  # numbers keep their place in the list
    assert shown[0].number == len(advice.recommendations)
    everything, none = build_advice(review).letter_recommendations(limit=100)
    assert len(everything) == len(advice.recommendations) and none == []

"""Suggested facts (from a BIM model): never met until a person confirms them."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from reviewer.domain.plan import SUGGESTED_ELEMENT, Plan
from reviewer.domain.review import apply_rules, new_review
from reviewer.domain.suggestion import (
    confirm,
    confirmed_view,
    has_suggestions,
    merge_update,
)
from reviewer.domain.verdict import Verdict

GUID = "2OBrcmyk58NupXoVOHUuXp"


def _plan(plan_data, **entrance_a):  # type: ignore[no-untyped-def]
    data = copy.deepcopy(plan_data)
    data["entrances"] = [{"id": "A", "dwellings_served": 8, **entrance_a}]
    return Plan.model_validate(data)


def test_a_suggested_element_is_not_assessed_not_met(plan_data, checklist):
    plan = _plan(plan_data, ifc_guid=GUID, suggested=[SUGGESTED_ELEMENT, "dwellings_served"])
    review = new_review(plan, checklist, "safety")
    assessment = review.assessment("GEB-ENTREE-01")
    assert assessment.auto_verdict is Verdict.NOT_ASSESSED  # 8 <= 10, but not confirmed
    texts = [e.text.en for e in assessment.evidence]
    assert any("Entrance A: from IFC — confirm" in t and GUID in t for t in texts)
    assert not any("not filled in yet" in t for t in texts)  # the suggestion says what to do
    nl = [e.text.nl for e in assessment.evidence]
    assert any("uit IFC — bevestigen" in t for t in nl)


def test_confirming_lets_the_rule_count_it(plan_data, checklist):
    plan = _plan(plan_data, ifc_guid=GUID, suggested=[SUGGESTED_ELEMENT, "dwellings_served"])
    review = new_review(plan, checklist, "safety")
    review.plan = confirm(review.plan, "entrances", "A")
    assert not has_suggestions(review.plan)
    apply_rules(review)
    assert review.assessment("GEB-ENTREE-01").auto_verdict is Verdict.MEETS


def test_a_suggested_fact_of_a_confirmed_element_is_unknown(plan_data, checklist):
    plan = _plan(plan_data, ifc_guid=GUID, suggested=["dwellings_served"])
    assert confirmed_view(plan).entrances[0].dwellings_served is None
    assert plan.entrances[0].dwellings_served == 8  # the plan itself keeps the suggestion
    review = new_review(plan, checklist, "safety")
    assert review.assessment("GEB-ENTREE-01").auto_verdict is Verdict.NOT_ASSESSED


def test_a_confirmed_failure_is_not_hidden_by_a_suggestion(plan_data, checklist):
    data = copy.deepcopy(plan_data)
    data["entrances"] = [
        {"id": "A", "dwellings_served": 14},  # typed by a person: fails
        {"id": "B", "dwellings_served": 4, "suggested": [SUGGESTED_ELEMENT]},
    ]
    review = new_review(Plan.model_validate(data), checklist, "safety")
    assert review.assessment("GEB-ENTREE-01").auto_verdict is Verdict.FAILS


def test_a_plan_without_suggestions_is_evaluated_as_before(plan, checklist):
    assert confirmed_view(plan) is plan
    assert not has_suggestions(plan)


def test_only_facts_of_the_element_can_be_suggested(plan_data):
    with pytest.raises(ValidationError, match="not a fact here"):
        _plan(plan_data, suggested=["colour"])
    with pytest.raises(ValidationError, match="not a fact here"):
        _plan(plan_data, suggested=["suggested"])


def test_merge_keeps_what_a_person_gave_and_follows_the_model_elsewhere(plan_data):
    data = copy.deepcopy(plan_data)
    data["entrances"] = [
        {"id": "A", "dwellings_served": 12, "ifc_guid": "g-a", "suggested": []},  # confirmed
        {"id": "B", "dwellings_served": 6, "ifc_guid": "g-b", "suggested": ["dwellings_served"]},
        {"id": "C", "ifc_guid": "g-c", "suggested": []},  # confirmed, gone in the model
        {"id": "D", "ifc_guid": "g-x", "suggested": [SUGGESTED_ELEMENT]},  # gone in the model
    ]
    data["identity"]["suggested"] = ["name"]
    plan = Plan.model_validate(data)
    both = [SUGGESTED_ELEMENT, "dwellings_served"]
    newer_data = copy.deepcopy(data)
    newer_data["identity"]["name"] = "Merelhof fase 2"
    newer_data["entrances"] = [
        {"id": "A", "dwellings_served": 9, "ifc_guid": "g-a", "suggested": both},
        {"id": "B", "dwellings_served": 7, "ifc_guid": "g-b", "suggested": both},
        {"id": "C", "ifc_guid": "g-d", "suggested": [SUGGESTED_ELEMENT]},  # new; C is taken
    ]
    merged, changes = merge_update(plan, Plan.model_validate(newer_data))
    by_id = {e.id: e for e in merged.entrances}
    assert by_id["A"].dwellings_served == 12  # confirmed: kept
    assert by_id["B"].dwellings_served == 7  # a suggestion: follows the model
    assert "D" not in by_id  # an unconfirmed suggestion the model dropped
    assert by_id["C"].ifc_guid == "g-c"  # confirmed: stays though the model dropped it
    assert by_id["C-2"].ifc_guid == "g-d" and SUGGESTED_ELEMENT in by_id["C-2"].suggested
    assert merged.identity.name == "Merelhof fase 2"
    found = {(c.collection, c.element, c.fact): c for c in changes}
    assert found[("entrances", "A", "dwellings_served")].kept
    assert found[("entrances", "A", "dwellings_served")].new == 9
    assert not found[("entrances", "B", "dwellings_served")].kept
    assert found[("entrances", "C", SUGGESTED_ELEMENT)].kept
    assert not found[("entrances", "D", SUGGESTED_ELEMENT)].kept
    assert found[("entrances", "C-2", SUGGESTED_ELEMENT)].old is None
    assert plan.entrances[0].dwellings_served == 12  # the plan given is not changed


def test_merge_never_overwrites_a_typed_identity(plan_data):
    data = copy.deepcopy(plan_data)
    plan = Plan.model_validate(data)  # the name was typed: not suggested
    newer = copy.deepcopy(data)
    newer["identity"]["name"] = "Model name"
    newer["identity"]["suggested"] = ["name"]
    merged, changes = merge_update(plan, Plan.model_validate(newer))
    assert merged.identity.name == "Testplan Merelhof"
    assert changes[0].kept

"""Updating a review to a newer checklist, scope by plan type and stage, and profiles."""

from __future__ import annotations

import copy

import pytest

from reviewer.domain.checklist import Level, checklist_from_data
from reviewer.domain.drawing import Pin, Sheet
from reviewer.domain.outcome import progress
from reviewer.domain.plan import PlanType, Stage
from reviewer.domain.profile import Profile, ProfileError, apply_profile
from reviewer.domain.review import PhotoRef, apply_rules, set_verdict
from reviewer.domain.upgrade import upgrade_review
from reviewer.domain.verdict import Verdict


@pytest.fixture
def newer(checklist_data):
    """Version 0.2: PB-like STR-PART-01 removed, a criterion added, a level raised, a
    threshold changed, the lighting requirement only for new build from the final design."""
    data = copy.deepcopy(checklist_data)
    data["version"] = "0.2"
    sections = {s["id"]: s for s in data["sections"]}
    strs = sections["STR"]["criteria"]
    strs[:] = [c for c in strs if c["id"] != "STR-PART-01"]
    geb = {c["id"]: c for c in sections["GEB"]["criteria"]}
    geb["GEB-GALERIJ-01"]["level"] = "requirement"
    geb["GEB-ENTREE-01"]["rule"]["all_of"][0]["value"] = 8
    orr = {c["id"]: c for c in sections["OR"]["criteria"]}
    orr["OR-LICHT-01"]["applies"] = {
        "plan_types": ["new_build"],
        "stages": ["final_design", "specification", "handover"],
    }
    sections["GEB"]["criteria"].append(
        {
            "id": "GEB-ROOK-01",
            "title": {"nl": "Rookmelders", "en": "Smoke alarms"},
            "guidance": {"nl": "Op elke verdieping.", "en": "On every floor."},
            "perspectives": ["safety"],
            "level": "requirement",
            "source": {"nl": "Bbl", "en": "Bbl"},
            "rule": {
                "kind": "each",
                "applies_to": "buildings",
                "all_of": [{"fact": "smoke_alarms", "op": "eq", "value": True}],
            },
        }
    )
    return checklist_from_data(data, source="v0.2")


def test_upgrade_lists_every_change_and_carries_the_work(review, newer):
    set_verdict(review, "OR-HOF-01", Verdict.FAILS)
    hof = review.assessments["OR-HOF-01"]
    review.assessments["OR-HOF-01"] = hof.changed(
        notes="Hof dicht", photos=[PhotoRef(name="hof.jpg", caption="poort")]
    )
    set_verdict(review, "STR-PART-01", Verdict.MEETS)
    part = review.assessments["STR-PART-01"]
    review.assessments["STR-PART-01"] = part.changed(notes="Bewonersavond gehouden")
    result = upgrade_review(review, newer)
    kinds = {(c.kind, c.criterion_id) for c in result.changes}
    assert kinds == {
        ("added", "GEB-ROOK-01"),
        ("removed", "STR-PART-01"),
        ("level", "GEB-GALERIJ-01"),
        ("rule", "GEB-ENTREE-01"),
        ("scope", "OR-LICHT-01"),
    }
    new = result.review
    assert new.checklist.version == "0.2"
    carried = new.assessments["OR-HOF-01"]
    assert (carried.verdict, carried.notes, carried.photos[0].name) == (
        Verdict.FAILS,
        "Hof dicht",
        "hof.jpg",
    )
    # the removed criterion's text is kept in the procedure record, not lost
    assert "STR-PART-01" in new.procedure.notes
    assert "Bewonersavond gehouden" in new.procedure.notes
    # the rules ran again: 8 is the new threshold, entrance A (8) meets, B (14) fails
    entree = new.assessments["GEB-ENTREE-01"]
    assert entree.auto_verdict is Verdict.FAILS
    assert "at most 8" in entree.evidence[-1].text.en
    # the new rule has no facts yet: buildings are unknown, so not assessed
    assert new.assessments["GEB-ROOK-01"].verdict is Verdict.NOT_ASSESSED
    # the old review is untouched
    assert review.checklist.version == "0.1"
    assert "STR-PART-01" in review.assessments


def test_upgrade_drops_pins_of_removed_criteria_and_says_so(review, newer):
    review.sheets = [
        Sheet(
            id="S1",
            name="Begane grond",
            attachment="bg.png",
            width=100,
            height=100,
            pins=[
                Pin(number=1, criterion_id="STR-PART-01", position=(10, 10)),
                Pin(number=2, criterion_id="OR-HOF-01", position=(20, 20)),
            ],
        )
    ]
    result = upgrade_review(review, newer)
    assert [p.criterion_id for p in result.review.sheets[0].pins] == ["OR-HOF-01"]
    assert [t.en for t in result.not_carried] == [
        "Pin 1 on Begane grond for removed criterion STR-PART-01"
    ]


def test_a_verdict_given_by_hand_survives_a_new_rule_with_a_reason(review, checklist_data):
    # OR-HOF-01 has no rule in 0.1; the adviser said "fails". 0.2 gives it a rule that
    # passes: the adviser's verdict stays, marked as carried over (an override needs one).
    set_verdict(review, "OR-HOF-01", Verdict.FAILS)
    data = copy.deepcopy(checklist_data)
    data["version"] = "0.2"
    for section in data["sections"]:
        for c in section["criteria"]:
            if c["id"] == "OR-HOF-01":
                c["rule"] = {
                    "kind": "each",
                    "applies_to": "outdoor_spaces",
                    "all_of": [{"fact": "area_m2", "op": "ge", "value": 1}],
                }
    result = upgrade_review(review, checklist_from_data(data))
    hof = result.review.assessments["OR-HOF-01"]
    assert hof.auto_verdict is Verdict.MEETS
    assert hof.verdict is Verdict.FAILS
    assert "carried over from the review with checklist 0.1" in hof.override_reason


def test_plan_type_and_stage_put_criteria_out_of_scope_not_met(review, newer):
    result = upgrade_review(
        review, newer, plan_type=PlanType.RENOVATION, stage=Stage.PRELIMINARY_DESIGN
    )
    new = result.review
    licht = next(c for c in new.criteria() if c.id == "OR-LICHT-01")
    assert not new.in_scope(licht)
    assessment = new.assessments["OR-LICHT-01"]
    assert assessment.auto_verdict is Verdict.NOT_APPLICABLE
    assert assessment.evidence[0].text.nl == "Niet van toepassing: alleen bij nieuwbouw"
    # never counted as met: not in the tally, not in the progress denominator
    done, total = progress(new)
    in_scope = [c for c in new.criteria() if new.in_scope(c)]
    assert total == len(in_scope) and "OR-LICHT-01" not in {c.id for c in in_scope}
    assert done <= total
    # back to new build at the final design: in scope again, judged by its rule
    new.plan.identity.plan_type = PlanType.NEW_BUILD
    new.plan.identity.stage = Stage.FINAL_DESIGN
    apply_rules(new)
    assert new.in_scope(licht)
    assert new.assessments["OR-LICHT-01"].auto_verdict is Verdict.MEETS


def test_a_stage_outside_the_criterion_names_the_stages():
    from reviewer.domain.checklist import Applies

    applies = Applies(stages=[Stage.FINAL_DESIGN, Stage.HANDOVER])
    assert applies.excludes(None, Stage.SKETCH).en == (
        "Not applicable: only at final design, handover"
    )
    assert applies.excludes(None, None) is None  # unknown stage: it applies
    assert applies.excludes(PlanType.RENOVATION, Stage.HANDOVER) is None


def profile(**changes) -> Profile:
    data = {
        "id": "label-test",
        "version": "1",
        "title": {"nl": "Testlabel", "en": "Test label"},
        "checklist": {"id": "test-checklist", "version": "0.1"},
        **changes,
    }
    return Profile.model_validate(data)


def test_a_profile_raises_levels_sets_thresholds_and_leaves_criteria_out(checklist):
    p = profile(
        exclude=["OR-HOF-01"],
        criteria={
            "GEB-GALERIJ-01": {
                "level": "requirement",
                "thresholds": {"length_m": 40},
                "note": {"nl": "Het essay: zo kort mogelijk.", "en": "The essay: short."},
            }
        },
    )
    narrowed = apply_profile(checklist, p)
    assert narrowed.profile is not None and narrowed.profile.id == "label-test"
    assert "OR-HOF-01" not in {c.id for c in narrowed.criteria()}
    gallery = narrowed.criterion("GEB-GALERIJ-01")
    assert gallery.level is Level.REQUIREMENT
    assert gallery.rule.all_of[1].value == 40
    assert gallery.profile_note.en == (
        "Profile Test label: a requirement in this profile (a recommendation in the "
        "checklist); length_m: 40 (checklist: 50). The essay: short."
    )
    # the source checklist is not changed
    assert checklist.criterion("GEB-GALERIJ-01").level is Level.RECOMMENDATION


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"exclude": ["XX-NOPE-01"]}, "exclude: XX-NOPE-01 is not a criterion"),
        (
            {"criteria": {"GEB-ENTREE-01": {"level": "recommendation"}}},
            "cannot lower a requirement",
        ),
        (
            {"criteria": {"GEB-ENTREE-01": {"thresholds": {"storeys": 3}}}},
            "threshold 'storeys' is not in its rule (thresholds: dwellings_served)",
        ),
        (
            {"criteria": {"GEB-ENTREE-01": {"thresholds": {"dwellings_served": "veel"}}}},
            "must be a number",
        ),
        ({"checklist": {"id": "other", "version": "0.1"}}, "made for checklist 'other'"),
    ],
)
def test_a_profile_that_does_not_fit_is_refused_with_the_reason(checklist, changes, message):
    with pytest.raises(ProfileError) as info:
        apply_profile(checklist, profile(**changes), "p.yaml")
    assert any(message in problem for problem in info.value.problems), info.value.problems


def test_a_criterion_from_a_stage_on_says_so():
    from reviewer.domain.checklist import Applies

    applies = Applies(stages=[Stage.FINAL_DESIGN, Stage.SPECIFICATION, Stage.HANDOVER])
    assert applies.excludes(None, Stage.PRELIMINARY_DESIGN).nl == (
        "Niet van toepassing: pas vanaf de fase definitief ontwerp"
    )
    assert applies.excludes(None, Stage.SPECIFICATION) is None

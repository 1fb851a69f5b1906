"""Comparison of two reviews: statuses, tensions, one-sided findings, agreement and kappa."""

from __future__ import annotations

import pytest

from reviewer.domain.compare import (
    ComparisonError,
    ItemStatus,
    RevisionStatus,
    compare_reviews,
    compare_revisions,
    comparison_data,
    item_status,
    revision_status,
    weighted_kappa,
)
from reviewer.domain.review import new_review, set_verdict
from reviewer.domain.verdict import Verdict

M, P, F, NA, NOT = (
    Verdict.MEETS,
    Verdict.PARTLY,
    Verdict.FAILS,
    Verdict.NOT_APPLICABLE,
    Verdict.NOT_ASSESSED,
)


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        (M, M, ItemStatus.AGREE),
        (F, F, ItemStatus.AGREE),
        (NA, NA, ItemStatus.AGREE),
        (M, P, ItemStatus.DIFFER),
        (P, F, ItemStatus.DIFFER),
        (M, F, ItemStatus.CONFLICT),
        (F, M, ItemStatus.CONFLICT),
        (M, NOT, ItemStatus.ONLY_A),
        (NOT, F, ItemStatus.ONLY_B),
        (NOT, NOT, ItemStatus.NEITHER),
        (NA, M, ItemStatus.DIFFER),  # n/a on one side only is a difference, not agreement
        (F, NA, ItemStatus.DIFFER),
    ],
)
def test_item_status(a, b, status):
    assert item_status(a, b)[0] is status


def test_weighted_kappa_hand_computed():
    # Linear weights 1 / 0.5 / 0. Rows are A, columns B (meets, partly, fails):
    #   meets [1 1 0]   partly [0 1 0]   fails [1 0 1]          n = 5
    # observed = (1 + 0.5 + 1 + 0 + 1) / 5 = 0.7
    # marginals A = (.4 .2 .4), B = (.4 .4 .2)
    # expected = .16+.08 + .04+.08+.02 + .08+.08 = 0.54  ->  kappa = 0.16 / 0.46
    pairs = [(M, M), (M, P), (P, P), (F, F), (F, M)]
    assert weighted_kappa(pairs) == pytest.approx(0.16 / 0.46)
    assert weighted_kappa([(M, M), (P, P), (F, F)]) == pytest.approx(1.0)
    assert weighted_kappa([(M, F), (F, M)]) == pytest.approx(-1.0)


def test_weighted_kappa_edge_cases_do_not_divide_by_zero():
    assert weighted_kappa([(M, M), (M, M), (M, M)]) is None  # one category on both sides
    assert weighted_kappa([]) is None
    # one side constant, the other not: expected < 1, kappa defined (0: no better than chance)
    assert weighted_kappa([(M, M), (M, F)]) == pytest.approx(0.0)


@pytest.fixture
def pair(plan, checklist):
    a = new_review(plan, checklist, "safety")
    b = new_review(plan.model_copy(deep=True), checklist, "cohesion")
    return a, b


def test_compare_reviews(pair):
    a, b = pair
    # automatic verdicts fill in each side's own perspective only
    set_verdict(a, "OR-HOF-01", M)
    set_verdict(b, "OR-HOF-01", F)  # conflict
    set_verdict(a, "STR-PART-01", P, justification="lokale beperking")  # only A, a finding
    set_verdict(b, "GEB-ENTREE-01", P, override_reason="tweede voordeur gepland")  # differ
    result = compare_reviews(a, b)
    assert result.item("OR-HOF-01").status is ItemStatus.CONFLICT
    assert result.item("STR-PART-01").status is ItemStatus.ONLY_A
    assert result.item("GEB-ENTREE-01").status is ItemStatus.DIFFER
    assert result.item("GEB-PLINT-01").status is ItemStatus.AGREE
    # a cohesion-only rule is filled in on the cohesion side only
    assert result.item("GEB-GALERIJ-01").status is ItemStatus.ONLY_B
    assert result.item("OR-LICHT-01").status is ItemStatus.ONLY_A
    assert result.only_a_findings == ["STR-PART-01"]
    assert result.only_b_findings == ["GEB-GALERIJ-01", "OR-SPEEL-01", "STR-MIX-01"]
    # both assessed: entrances (differ), plinth (agree), courtyard (conflict)
    assert result.agreement_n == 3
    assert result.agreement == pytest.approx(1 / 3)
    assert result.kappa_n == 3
    (tension,) = result.tensions
    assert (tension.first, tension.second) == ("OR-SPEEL-01", "OR-HOF-01")
    assert tension.verdicts["OR-HOF-01"] == (M, F)
    data = comparison_data(result)
    assert {"agreement", "kappa", "n", "items"} <= set(data)
    assert {"criterion": "OR-HOF-01", "a": "meets", "b": "fails", "status": "conflict"} in data[
        "items"
    ]


def test_all_agree(pair):
    a, b = pair
    result = compare_reviews(a, b)
    assert result.agreement == 1.0
    assert result.count(ItemStatus.AGREE) == result.agreement_n == 2


def test_different_plans_are_refused(pair):
    a, b = pair
    b.plan.identity.name = "Een heel ander plan"
    with pytest.raises(ComparisonError, match="different plans"):
        compare_reviews(a, b)


def test_revision_label_may_differ_and_checklist_version_warns(pair, checklist):
    a, b = pair
    b.plan.identity.revision = "VO-2"
    b.checklist = checklist.model_copy(update={"version": "0.2"})
    result = compare_reviews(a, b)
    assert any("different versions of the checklist" in w.en for w in result.warnings)
    assert any("verschillende versies van het toetskader" in w.nl for w in result.warnings)


@pytest.mark.parametrize(
    ("old", "new", "status"),
    [
        (F, M, RevisionStatus.RESOLVED),
        (P, NA, RevisionStatus.RESOLVED),
        (M, F, RevisionStatus.NEW),
        (NOT, P, RevisionStatus.NEW),
        (F, F, RevisionStatus.STILL_OPEN),
        (F, P, RevisionStatus.CHANGED),
        (M, NA, RevisionStatus.CHANGED),
        (M, M, RevisionStatus.UNCHANGED),
        (F, NOT, RevisionStatus.CHANGED),
    ],
)
def test_revision_status(old, new, status):
    assert revision_status(old, new) is status


def test_compare_revisions(plan, checklist):
    old = new_review(plan, checklist, "safety")
    newer_plan = plan.model_copy(deep=True)
    newer_plan.identity.revision = "VO-2"
    newer_plan.entrances[1].dwellings_served = 8  # entrance B split
    new = new_review(newer_plan, checklist, "safety")
    items, warnings = compare_revisions(old, new)
    by_id = {i.criterion_id: i.status for i in items}
    assert by_id["GEB-ENTREE-01"] is RevisionStatus.RESOLVED
    assert by_id["GEB-PLINT-01"] is RevisionStatus.STILL_OPEN
    assert warnings == []


def test_criteria_outside_the_plan_type_on_both_sides_are_not_compared(plan, checklist_data):
    import copy

    from reviewer.domain.checklist import checklist_from_data
    from reviewer.domain.plan import PlanType

    data = copy.deepcopy(checklist_data)
    for section in data["sections"]:
        for c in section["criteria"]:
            if c["id"] == "OR-LICHT-01":
                c["applies"] = {"plan_types": ["new_build"]}
    scoped = checklist_from_data(data)
    plan.identity.plan_type = PlanType.RENOVATION
    a = new_review(plan, scoped, "safety")
    b = new_review(plan.model_copy(deep=True), scoped, "cohesion")
    for side in (a, b):
        assert side.assessments["OR-LICHT-01"].verdict is Verdict.NOT_APPLICABLE
    comparison = compare_reviews(a, b)
    assert "OR-LICHT-01" not in {i.criterion_id for i in comparison.items}
    assert comparison.warnings == []
    # one side calls it new build: the criterion is compared, and the reviews are warned
    b.plan.identity.plan_type = PlanType.NEW_BUILD
    comparison = compare_reviews(a, b)
    assert "OR-LICHT-01" in {i.criterion_id for i in comparison.items}
    assert "a different type or stage" in comparison.warnings[-1].en


def test_reviews_under_different_profiles_are_compared_with_a_warning(plan, checklist):
    from reviewer.domain.profile import Profile, apply_profile

    profile = Profile.model_validate(
        {
            "id": "label",
            "version": "1",
            "title": {"nl": "Label", "en": "Label"},
            "checklist": {"id": checklist.id, "version": checklist.version},
            "exclude": ["OR-HOF-01"],
        }
    )
    a = new_review(plan, checklist, "safety")
    b = new_review(plan.model_copy(deep=True), apply_profile(checklist, profile), "cohesion")
    comparison = compare_reviews(a, b)
    assert "OR-HOF-01" not in {i.criterion_id for i in comparison.items}
    assert comparison.warnings[0].en.startswith(
        "The reviews were made under different profiles (no profile and Label)"
    )


# ---------------------------------------------------------------- identity and plan facts


def test_a_different_address_is_named_with_both_values(pair):
    """The refusal names the field that differs, not the (equal) names twice."""
    from reviewer.domain.compare import DifferentPlansError, IdentityDifference

    a, b = pair
    b.plan.identity.address = "Merelhof 3"
    with pytest.raises(DifferentPlansError) as caught:
        compare_reviews(a, b)
    assert caught.value.differences == (IdentityDifference("address", "Merelhof 1", "Merelhof 3"),)
    message = str(caught.value)
    assert "address" in message and "'Merelhof 1'" in message and "'Merelhof 3'" in message
    assert "Testplan Merelhof" not in message
    assert isinstance(caught.value, ComparisonError)  # callers that catch the base still do


def test_confirmed_identity_differences_compare_with_a_warning(pair):
    a, b = pair
    b.plan.identity.address = "Merelhof 3"
    b.plan.identity.municipality = "utrecht "  # case and spacing aside: the same
    result = compare_reviews(a, b, same_plan_confirmed=True)
    assert any("Merelhof 3" in w.en and "address" in w.en for w in result.warnings)
    assert any("adres" in w.nl for w in result.warnings)
    (difference,) = result.plan_differences
    assert (difference.collection, difference.fact) == ("identity", "address")
    assert (difference.a.en, difference.b.en) == ("Merelhof 1", "Merelhof 3")


def _differing_pair(plan_data, checklist):
    """Side B's facts differ: a value, a fact given on A only, an element on B only, a
    confirmed-none on A only, the plan type."""
    import copy

    from reviewer.domain.plan import Plan

    data_a = copy.deepcopy(plan_data)
    data_a["identity"]["plan_type"] = "new_build"
    data_a["confirmed_none"] = ["cameras"]
    data_b = copy.deepcopy(plan_data)
    data_b["identity"]["plan_type"] = "renovation"
    data_b["entrances"][1]["dwellings_served"] = 9
    del data_b["galleries"][0]["length_m"]
    data_b["lighting"].append({"id": "L2", "eh_avg_lx": 1})
    a = new_review(Plan.model_validate(data_a), checklist, "safety")
    b = new_review(Plan.model_validate(data_b), checklist, "cohesion")
    return a, b


def test_plan_differences_list_every_fact_that_differs(plan_data, checklist):
    from reviewer.domain.compare import plan_differences

    a, b = _differing_pair(plan_data, checklist)
    found = plan_differences(a.plan, b.plan)
    rows = [(d.collection, d.element, d.fact, d.a.en, d.b.en) for d in found]
    assert rows == [
        ("identity", "", "plan_type", "new build", "renovation of existing housing"),
        ("entrances", "B", "dwellings_served", "14", "9"),
        ("galleries", "G1", "length_m", "70 m", "not given"),
        ("lighting", "L2", "", "not in the plan", "in the plan"),
        ("cameras", "", "confirmed_none", "none in the plan", "not filled in"),
    ]
    labels = [(d.element_label.en, d.fact_label.en if d.fact_label else "") for d in found]
    assert labels == [
        ("Plan", "plan type"),
        ("Entrance B", "dwellings"),
        ("Gallery G1", "length"),
        ("Measuring point L2", ""),
        ("Cameras", "confirmed none"),
    ]
    assert found[1].element_label.nl == "Entree B" and found[2].b.nl == "niet ingevuld"
    assert plan_differences(a.plan, a.plan.model_copy(deep=True)) == []


def test_criteria_whose_rules_read_differing_facts_are_marked(plan_data, checklist):
    a, b = _differing_pair(plan_data, checklist)
    comparison = compare_reviews(a, b)
    assert len(comparison.plan_differences) == 5
    marked = {
        cid: [d.fact or d.element for d in found]
        for cid, found in comparison.on_differing_facts.items()
    }
    # each rule reads exactly one of the differing facts; OR-HOF-01 and STR-PART-01 have
    # no rule, STR-MIX-01 and OR-SPEEL-01 read nothing that differs; no rule reads cameras
    assert marked == {
        "GEB-ENTREE-01": ["dwellings_served"],
        "GEB-GALERIJ-01": ["length_m"],
        "OR-LICHT-01": ["L2"],
    }
    assert comparison.rests_on_differences("GEB-ENTREE-01")[0].element == "B"
    assert comparison.rests_on_differences("OR-HOF-01") == []
    # the warning says the facts differ and what that means for the verdicts
    assert any("4 plan facts" in w.en for w in comparison.warnings)  # the type: its own


def test_a_revision_item_names_the_other_parts_that_differ(plan, checklist):
    from reviewer.domain.review import MeasureKind, PhotoRef

    old = new_review(plan, checklist, "safety")
    new = new_review(plan.model_copy(deep=True), checklist, "safety")
    cid = "OR-HOF-01"
    a = old.assessments[cid]
    old.assessments[cid] = a.model_copy(update={"notes": "Poort open", "measure": "Poort"})
    new.assessments[cid] = a.model_copy(
        update={
            "notes": " Poort open\n",  # white space around it is no change
            "measure": "Poort",
            "measure_kind": MeasureKind.CONDITION,  # the same text, now a condition
            "photos": [PhotoRef(name="hof.jpg")],
        }
    )
    items, _warnings = compare_revisions(old, new)
    by_id = {i.criterion_id: i for i in items}
    item = by_id[cid]
    assert item.status is RevisionStatus.UNCHANGED  # the verdicts did not change
    assert item.edits == ("measure", "photos")
    assert item.edits_label("nl") == "maatregel, foto's"
    assert item.edits_label("en") == "measure, photos"
    assert all(i.edits == () for i in items if i.criterion_id != cid)

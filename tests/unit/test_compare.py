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

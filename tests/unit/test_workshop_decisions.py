"""Joint decisions of a workshop carried into both reviews (`carry_decisions`), and the
workshop's attendance, chair and decision fields in its file."""

from __future__ import annotations

import pytest

from reviewer.domain.plan import Stage
from reviewer.domain.review import MeasureKind, Participant, Reviewer, new_review, set_verdict
from reviewer.domain.text import MAX_TEXT_CHARS
from reviewer.domain.verdict import Verdict
from reviewer.domain.workshop import (
    CarryStatus,
    JointConclusion,
    Workshop,
    carry_decisions,
    new_workshop,
)
from reviewer.storage.workshop_file import workshop_from_payload, workshop_payload


@pytest.fixture
def workshop(plan, checklist) -> Workshop:
    a = new_review(plan, checklist, "safety", Reviewer(name="Marieke"))
    b = new_review(plan.model_copy(deep=True), checklist, "cohesion", Reviewer(name="Jeroen"))
    set_verdict(a, "OR-HOF-01", Verdict.MEETS, override_reason="Gezien")
    set_verdict(b, "OR-HOF-01", Verdict.FAILS, override_reason="Gezien")
    return new_workshop(a, b)


def decide(workshop: Workshop, criterion_id: str, **fields) -> JointConclusion:
    conclusion = JointConclusion(criterion_id=criterion_id, **fields)
    workshop.conclusions[criterion_id] = conclusion
    return conclusion


def test_both_reviews_get_the_decision_as_condition_with_owner_and_stage(workshop):
    decide(
        workshop,
        "OR-HOF-01",
        verdict=Verdict.PARTLY,
        measure="Hof overdag open, 's nachts dicht",
        actor="Woonstichting",
        due_stage=Stage.FINAL_DESIGN,
        measure_kind=MeasureKind.CONDITION,
    )
    decide(workshop, "STR-PART-01", measure="Bewonersavond", actor="gemeente")
    decide(workshop, "GEB-ENTREE-01", note="Besproken, geen besluit")  # not a decision
    before = (workshop.review_a.assessments.copy(), workshop.review_b.assessments.copy())

    a, b, report = carry_decisions(workshop)

    for review in (a, b):
        hof = review.assessments["OR-HOF-01"]
        assert hof.measure == "Hof overdag open, 's nachts dicht"
        assert hof.measure_kind is MeasureKind.CONDITION and hof.is_condition
        assert (hof.actor, hof.due_stage) == ("Woonstichting", Stage.FINAL_DESIGN)
        part = review.assessments["STR-PART-01"]
        assert (part.measure, part.measure_kind, part.actor) == (
            "Bewonersavond",
            MeasureKind.RECOMMENDATION,
            "gemeente",
        )
        assert part.due_stage is None
        assert review.assessments["GEB-ENTREE-01"].measure == ""
    # verdicts are the advisers' own: carrying a decision leaves them alone
    assert a.assessments["OR-HOF-01"].verdict is Verdict.MEETS
    assert b.assessments["OR-HOF-01"].verdict is Verdict.FAILS
    assert {(r.criterion_id, r.side, r.status) for r in report} == {
        (cid, side, CarryStatus.CARRIED)
        for cid in ("OR-HOF-01", "STR-PART-01")
        for side in ("A", "B")
    }
    # the workshop itself is unchanged: the results are new reviews
    assert (workshop.review_a.assessments, workshop.review_b.assessments) == before
    assert a is not workshop.review_a and a.modified >= workshop.review_a.modified


def test_an_advisers_own_measure_is_kept_and_carrying_twice_changes_nothing(workshop):
    own = workshop.review_a.assessments["OR-HOF-01"].changed(measure="Hek met sluitplan")
    workshop.review_a.assessments["OR-HOF-01"] = own
    decide(workshop, "OR-HOF-01", measure="Hof overdag open", measure_kind="condition")

    a, b, report = carry_decisions(workshop)
    assert a.assessments["OR-HOF-01"].measure == "Hek met sluitplan\n\nHof overdag open"
    assert b.assessments["OR-HOF-01"].measure == "Hof overdag open"
    statuses = {r.side: r.status for r in report}
    assert statuses == {"A": CarryStatus.APPENDED, "B": CarryStatus.CARRIED}

    workshop.review_a, workshop.review_b = a, b
    again_a, again_b, again = carry_decisions(workshop)
    assert {r.status for r in again} == {CarryStatus.UNCHANGED}
    assert (again_a, again_b) == (a, b)
    assert again_a is a  # nothing changed: not even its modified time


def test_an_empty_owner_or_deadline_keeps_the_assessments_own(workshop):
    own = workshop.review_b.assessments["OR-HOF-01"].changed(
        actor="architect", due_stage=Stage.SPECIFICATION
    )
    workshop.review_b.assessments["OR-HOF-01"] = own
    decide(workshop, "OR-HOF-01", measure="Poort")
    _a, b, _report = carry_decisions(workshop)
    carried = b.assessments["OR-HOF-01"]
    assert (carried.actor, carried.due_stage) == ("architect", Stage.SPECIFICATION)


def test_a_criterion_one_review_lacks_is_reported_not_a_crash(workshop):
    decide(workshop, "OR-HOF-01", measure="Poort", measure_kind="condition")
    # a review made with another version of the checklist: B has no OR-HOF-01
    del workshop.review_b.assessments["OR-HOF-01"]
    a, b, report = carry_decisions(workshop)
    assert {(r.side, r.status) for r in report} == {
        ("A", CarryStatus.CARRIED),
        ("B", CarryStatus.MISSING),
    }
    assert a.assessments["OR-HOF-01"].is_condition
    assert b is workshop.review_b


def test_a_measure_that_would_be_too_long_is_refused_and_reported(workshop):
    long_own = "x" * (MAX_TEXT_CHARS - 5)
    workshop.review_a.assessments["OR-HOF-01"] = workshop.review_a.assessments["OR-HOF-01"].changed(
        measure=long_own
    )
    decide(workshop, "OR-HOF-01", measure="Poort overdag open")
    a, b, report = carry_decisions(workshop)
    refused = [r for r in report if r.status is CarryStatus.REFUSED]
    assert [r.side for r in refused] == ["A"] and "at most" in refused[0].reason
    assert a.assessments["OR-HOF-01"].measure == long_own
    assert b.assessments["OR-HOF-01"].measure == "Poort overdag open"


def test_decisions_are_the_conclusions_with_a_measure_in_checklist_order(workshop, checklist):
    decide(workshop, "STR-PART-01", measure="b")
    decide(workshop, "GEB-ENTREE-01", measure="a")
    decide(workshop, "OR-HOF-01", verdict=Verdict.FAILS)
    order = [c.id for c in checklist.criteria()]
    ids = [d.criterion_id for d in workshop.decisions()]
    assert ids == sorted(["STR-PART-01", "GEB-ENTREE-01"], key=order.index)


def test_attendance_chair_and_decision_fields_survive_the_file(workshop):
    workshop.attendees = [Participant(name="Ans <b>&", role="voorzitter", organisation="Gemeente")]
    workshop.chair = "Ans"
    workshop.place = "Zwolle"
    decide(
        workshop,
        "OR-HOF-01",
        measure="Poort",
        due_stage=Stage.HANDOVER,
        measure_kind=MeasureKind.CONDITION,
    )
    loaded = workshop_from_payload(workshop_payload(workshop))
    assert loaded.attendees == workshop.attendees
    assert (loaded.chair, loaded.place) == ("Ans", "Zwolle")
    assert loaded.conclusions == workshop.conclusions


def test_a_workshop_file_without_the_new_fields_still_loads(workshop):
    payload = workshop_payload(workshop)
    for key in ("attendees", "chair", "place"):
        del payload["workshop"][key]
    loaded = workshop_from_payload(payload)
    assert (loaded.attendees, loaded.chair, loaded.place) == ([], "", "")

"""The workshop session: joint conclusions on one undo stack, saving, and building a workshop.

`workshop_reviews` is the pair the other workshop tests use too: a safety review A and a
cohesion review B of the small test plan, with a crafted conflict, difference and
one-sided verdicts.
"""

from __future__ import annotations

import pytest

from reviewer.domain.compare import ComparisonError, ItemStatus
from reviewer.domain.plan import Plan
from reviewer.domain.review import Reviewer, new_review, set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import ReviewDocument
from reviewer.storage.workshop_file import load_workshop
from reviewer.ui.workshop.session import (
    WorkshopSession,
    workshop_from_reviews,
)

N = Verdict.NOT_ASSESSED
# criterion: (A safety, B cohesion, the status they give)
CRAFTED = {
    "GEB-ENTREE-01": (Verdict.FAILS, Verdict.FAILS, ItemStatus.AGREE),
    "GEB-GALERIJ-01": (N, Verdict.FAILS, ItemStatus.ONLY_B),
    "GEB-PLINT-01": (Verdict.FAILS, Verdict.FAILS, ItemStatus.AGREE),
    "OR-LICHT-01": (Verdict.MEETS, N, ItemStatus.ONLY_A),
    "OR-SPEEL-01": (N, Verdict.FAILS, ItemStatus.ONLY_B),
    "OR-HOF-01": (Verdict.MEETS, Verdict.FAILS, ItemStatus.CONFLICT),
    "STR-MIX-01": (N, N, ItemStatus.NEITHER),
    "STR-PART-01": (Verdict.PARTLY, Verdict.MEETS, ItemStatus.DIFFER),
}
OPEN = ["GEB-GALERIJ-01", "OR-LICHT-01", "OR-SPEEL-01", "OR-HOF-01", "STR-PART-01"]


def _set(review, cid: str, verdict: Verdict) -> None:
    set_verdict(review, cid, verdict, override_reason="Besproken ter plaatse")


def workshop_reviews(plan, checklist) -> tuple[ReviewDocument, ReviewDocument]:
    """A safety review A and a cohesion review B of one plan with the CRAFTED verdicts."""
    a = new_review(plan, checklist, "safety", Reviewer(name="Marieke Hofstra", role="politie"))
    b = new_review(plan, checklist, "cohesion", Reviewer(name="Jeroen Wessels", role="gemeente"))
    for cid, (va, vb, _status) in CRAFTED.items():
        _set(a, cid, va)
        _set(b, cid, vb)
    a.assessments["OR-HOF-01"] = a.assessments["OR-HOF-01"].model_copy(
        update={"notes": "Hek houdt vreemden buiten", "measure": "Poort dicht houden"}
    )
    b.assessments["OR-HOF-01"] = b.assessments["OR-HOF-01"].model_copy(
        update={"measure": "Poort overdag open voor de buurt"}
    )
    set_verdict(b, "STR-PART-01", Verdict.MEETS)
    set_verdict(a, "STR-PART-01", Verdict.PARTLY, justification="Geen bewonersgroep")
    return ReviewDocument(a), ReviewDocument(b)


def make_session(plan, checklist) -> WorkshopSession:
    a, b = workshop_reviews(plan, checklist)
    document, warnings = workshop_from_reviews(a, b)
    assert warnings == []
    return WorkshopSession(document)


@pytest.fixture
def session(plan, checklist):
    return make_session(plan, checklist)


def test_the_crafted_reviews_give_every_status(session):
    statuses = {i.criterion_id: i.status for i in session.comparison.items}
    assert statuses == {cid: status for cid, (_a, _b, status) in CRAFTED.items()}
    assert [cid for cid in statuses if session.is_open(cid)] == OPEN
    assert session.open_differences() == len(OPEN) == session.workshop.open_differences()
    assert session.tension_partners("OR-HOF-01") == ["OR-SPEEL-01"]


def test_the_safety_review_becomes_a_whichever_order(plan, checklist):
    a, b = workshop_reviews(plan, checklist)
    document, _ = workshop_from_reviews(b, a)
    assert document.workshop.review_a.perspective == "safety"
    assert document.workshop.title == "Testplan Merelhof"


def test_different_plans_are_refused(plan, plan_data, checklist):
    a, _ = workshop_reviews(plan, checklist)
    plan_data["identity"]["name"] = "Een ander plan"
    other = new_review(Plan.model_validate(plan_data), checklist, "cohesion")
    with pytest.raises(ComparisonError, match="different plans"):
        workshop_from_reviews(a, ReviewDocument(other))


def test_a_conclusion_is_one_undo_step_and_closes_the_difference(session, qtbot):
    with qtbot.waitSignal(session.conclusionChanged) as blocker:
        session.set_conclusion("OR-HOF-01", verdict=Verdict.PARTLY)
    assert blocker.args == ["OR-HOF-01"]
    assert session.conclusion("OR-HOF-01").verdict is Verdict.PARTLY
    assert not session.is_open("OR-HOF-01")
    assert session.open_differences() == len(OPEN) - 1
    assert session.is_modified
    session.undo_stack.undo()
    assert session.conclusion("OR-HOF-01") is None
    assert session.is_open("OR-HOF-01")
    assert not session.is_modified
    session.undo_stack.redo()
    assert session.conclusion("OR-HOF-01").verdict is Verdict.PARTLY


def test_typing_merges_into_one_undo_step(session):
    session.set_conclusion("OR-HOF-01", verdict=Verdict.PARTLY)
    for text in ("P", "Po", "Poort", "Poort overdag open"):
        session.set_conclusion("OR-HOF-01", measure=text)
    session.set_conclusion("OR-HOF-01", actor="w")
    session.set_conclusion("OR-HOF-01", actor="woningcorporatie")
    assert session.undo_stack.count() == 3  # verdict, measure, actor
    conclusion = session.conclusion("OR-HOF-01")
    assert (conclusion.measure, conclusion.actor) == ("Poort overdag open", "woningcorporatie")
    session.undo_stack.undo()
    assert session.conclusion("OR-HOF-01").actor == ""
    session.undo_stack.undo()
    assert session.conclusion("OR-HOF-01").measure == ""


def test_an_emptied_conclusion_is_no_conclusion(session):
    session.set_conclusion("STR-PART-01", note="even kijken")
    assert session.conclusion("STR-PART-01") is not None
    assert session.is_open("STR-PART-01")  # a note is no agreed verdict
    session.set_conclusion("STR-PART-01", note="")
    assert session.conclusion("STR-PART-01") is None
    assert session.undo_stack.count() == 0  # typed and deleted again: nothing to undo
    session.set_conclusion("STR-PART-01", verdict=Verdict.MEETS, measure="Bewonersavond")
    session.clear_conclusion("STR-PART-01")
    assert session.conclusion("STR-PART-01") is None
    session.undo_stack.undo()
    assert session.conclusion("STR-PART-01").measure == "Bewonersavond"


def test_bad_edits_are_refused(session):
    with pytest.raises(KeyError):
        session.set_conclusion("XX-NIETS-01", verdict=Verdict.MEETS)
    with pytest.raises(ValueError):
        session.set_conclusion("OR-HOF-01", colour="red")
    with pytest.raises(ValueError):
        session.set_conclusion("OR-HOF-01", verdict="maybe")
    assert session.undo_stack.count() == 0


def test_title_and_participants(session, qtbot):
    with qtbot.waitSignal(session.detailsChanged):
        session.set_detail("participants", "M")
    session.set_detail("participants", "Marieke, Jeroen")
    assert session.undo_stack.count() == 1
    assert session.workshop.participants == "Marieke, Jeroen"
    session.undo_stack.undo()
    assert session.workshop.participants == ""


def test_save_and_load_round_trip(session, tmp_path, qtbot):
    session.set_conclusion(
        "OR-HOF-01", verdict=Verdict.PARTLY, measure="Poort overdag open", actor="VvE"
    )
    path = tmp_path / "merelhof.workshop"
    with qtbot.waitSignal(session.pathChanged):
        session.save(path)
    assert not session.is_modified and session.path == path
    assert session.display_name() == "merelhof.workshop"
    loaded = load_workshop(path)
    conclusion = loaded.workshop.conclusions["OR-HOF-01"]
    assert (conclusion.verdict, conclusion.measure, conclusion.actor) == (
        Verdict.PARTLY,
        "Poort overdag open",
        "VvE",
    )
    assert loaded.workshop.review_a.assessments["OR-HOF-01"].notes == "Hek houdt vreemden buiten"

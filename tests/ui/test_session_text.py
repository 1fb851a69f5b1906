"""Text typed or pasted into the app always stays savable.

A lone surrogate (half of a UTF-16 pair, as a broken paste or a foreign program can
deliver) is repaired by the sessions where it enters: it becomes U+FFFD and the rest of
the text is kept, so saving, save-as and autosave never fail on it.
"""

from __future__ import annotations

from reviewer.domain.review import set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import ReviewDocument, document_to_bytes, load_review
from reviewer.storage.workshop_file import load_workshop
from reviewer.ui.session import ReviewSession
from tests.ui.test_workshop_session import make_session

BROKEN = "Poort \ud83d dicht"
REPAIRED = "Poort \ufffd dicht"


def test_texts_typed_into_a_review_are_repaired_and_the_review_saves(review, tmp_path, qtbot):
    session = ReviewSession(ReviewDocument(review))
    for field in ("notes", "measure", "justification"):
        session.set_text("OR-HOF-01", field, BROKEN)
    session.set_verdict("GEB-ENTREE-01", Verdict.MEETS, override_reason=BROKEN)
    session.set_text("GEB-ENTREE-01", "override_reason", BROKEN + "!")
    session.set_verdict("OR-HOF-01", Verdict.PARTLY, justification="\ud800")
    session.set_identity("address", BROKEN)
    session.set_fact("entrances", 0, "note", BROKEN)
    session.set_fact("galleries", 0, "building", "\udcff")  # a surrogate-escaped byte

    hof = session.review.assessments["OR-HOF-01"]
    assert (hof.notes, hof.measure, hof.justification) == (REPAIRED, REPAIRED, "\ufffd")
    assert session.review.assessments["GEB-ENTREE-01"].override_reason == REPAIRED + "!"
    assert session.review.plan.identity.address == REPAIRED
    assert session.review.plan.entrances[0].note == REPAIRED
    assert session.review.plan.galleries[0].building == "\ufffd"
    path = tmp_path / "typed.review"
    session.save(path)  # raised UnicodeEncodeError before
    assert load_review(path).review == session.review


def test_the_domain_set_verdict_repairs_its_texts(review):
    set_verdict(
        review, "GEB-ENTREE-01", Verdict.PARTLY, override_reason=BROKEN, justification=BROKEN
    )
    assessment = review.assessments["GEB-ENTREE-01"]
    assert (assessment.override_reason, assessment.justification) == (REPAIRED, REPAIRED)
    document_to_bytes(ReviewDocument(review))


def test_texts_typed_into_a_workshop_are_repaired_and_the_workshop_saves(
    plan, checklist, tmp_path, qtbot
):
    session = make_session(plan, checklist)
    session.set_conclusion("OR-HOF-01", verdict=Verdict.PARTLY, measure=BROKEN)
    session.set_conclusion("OR-HOF-01", actor=BROKEN)
    session.set_conclusion("OR-HOF-01", note=BROKEN)
    session.set_detail("title", BROKEN)
    session.set_detail("participants", BROKEN)

    conclusion = session.conclusion("OR-HOF-01")
    assert (conclusion.measure, conclusion.actor, conclusion.note) == (REPAIRED,) * 3
    assert (session.workshop.title, session.workshop.participants) == (REPAIRED, REPAIRED)
    session.to_bytes()  # autosave
    path = tmp_path / "typed.workshop"
    session.save(path)
    assert load_workshop(path).workshop == session.workshop

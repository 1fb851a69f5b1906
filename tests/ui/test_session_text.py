"""Text typed or pasted into the app always stays savable.

A lone surrogate (half of a UTF-16 pair, as a broken paste or a foreign program can
deliver) is repaired by the sessions where it enters: it becomes U+FFFD and the rest of
the text is kept, so saving, save-as and autosave never fail on it.
"""

from __future__ import annotations

import pytest

from reviewer.domain.review import OverrideWithoutReason, set_verdict
from reviewer.domain.text import MAX_NAME_CHARS, MAX_TEXT_CHARS
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import ReviewDocument, document_to_bytes, load_review
from reviewer.storage.workshop_file import load_workshop
from reviewer.ui.checked import TextError
from reviewer.ui.review.session import FactError, ReviewSession
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


# ---------------------------------------------------------------- length limits


def test_a_text_over_the_limit_is_refused_and_the_last_that_fitted_is_kept(review, qtbot):
    session = ReviewSession(ReviewDocument(review))
    fits = "x" * MAX_TEXT_CHARS
    session.set_text("OR-HOF-01", "notes", fits)
    with pytest.raises(TextError) as info:
        session.set_text("OR-HOF-01", "notes", fits + "y")
    assert info.value.limit == MAX_TEXT_CHARS
    assert session.review.assessments["OR-HOF-01"].notes == fits
    with pytest.raises(TextError):
        session.set_verdict("OR-HOF-01", Verdict.PARTLY, justification=fits + "y")
    assert session.review.assessments["OR-HOF-01"].verdict is not Verdict.PARTLY
    with pytest.raises(FactError, match=f"at most {MAX_NAME_CHARS} characters"):
        session.set_identity("address", "x" * (MAX_NAME_CHARS + 1))


def test_a_workshop_text_over_the_limit_is_refused(plan, checklist, qtbot):
    session = make_session(plan, checklist)
    with pytest.raises(TextError) as info:
        session.set_conclusion("OR-HOF-01", note="x" * (MAX_TEXT_CHARS + 1))
    assert info.value.limit == MAX_TEXT_CHARS
    assert session.conclusion("OR-HOF-01") is None
    with pytest.raises(TextError):
        session.set_detail("title", "x" * (MAX_NAME_CHARS + 1))
    assert session.workshop.title == "Testplan Merelhof"
    assert not session.is_modified


def test_the_criterion_panel_says_when_a_pasted_text_is_too_long(opened, qtbot):
    window = opened
    panel = window.criterion_panel
    window.navigator.select("OR-HOF-01")
    session = window.session
    panel.notes_edit.setPlainText("kort")
    assert session.review.assessments["OR-HOF-01"].notes == "kort"
    assert not panel.notes_edit.limit_label.isVisibleTo(panel)

    panel.notes_edit.setPlainText("x" * (MAX_TEXT_CHARS + 5))  # a paste
    assert panel.notes_edit.limit_label.isVisibleTo(panel)
    assert f"{MAX_TEXT_CHARS:,}" in panel.notes_edit.limit_label.text()
    assert session.review.assessments["OR-HOF-01"].notes == "kort"
    assert len(panel.notes_edit.toPlainText()) == MAX_TEXT_CHARS + 5  # still there to shorten

    panel.notes_edit.setPlainText("x" * MAX_TEXT_CHARS)
    assert not panel.notes_edit.limit_label.isVisibleTo(panel)
    assert session.review.assessments["OR-HOF-01"].notes == "x" * MAX_TEXT_CHARS


def test_the_workshop_editor_says_when_a_pasted_note_is_too_long(plan, checklist, qtbot):
    from reviewer.ui.workshop.view import WorkshopView

    session = make_session(plan, checklist)
    view = WorkshopView()
    qtbot.addWidget(view)
    view.set_session(session)
    view.select("OR-HOF-01")
    note = view.detail.note_edit
    note.setPlainText("x" * (MAX_TEXT_CHARS + 1))
    assert note.limit_label.isVisibleTo(view.detail)
    assert session.conclusion("OR-HOF-01") is None
    note.setPlainText("afgesproken")
    assert not note.limit_label.isVisibleTo(view.detail)
    assert session.conclusion("OR-HOF-01").note == "afgesproken"


def test_one_line_fields_hold_no_more_than_the_model_allows(review, plan, checklist, qtbot):
    """Qt's own limit on line edits: a paste is cut at the limit, never refused later."""
    from reviewer.ui.review.new_review_dialog import NewReviewDialog
    from reviewer.ui.review.plan_models import columns_for
    from reviewer.ui.review.plan_panel import PlanPanel
    from reviewer.ui.workshop.view import WorkshopView

    panel = PlanPanel()
    qtbot.addWidget(panel)
    panel.set_session(ReviewSession(ReviewDocument(review)))
    assert {e.maxLength() for e in panel._identity_edits.values()} == {MAX_NAME_CHARS}
    columns = {c.key: c for c in columns_for("buildings")}
    assert (columns["id"].max_chars, columns["name"].max_chars) == (40, MAX_NAME_CHARS)
    assert columns["note"].max_chars == MAX_TEXT_CHARS
    assert columns["storeys"].max_chars is None
    view = WorkshopView()
    qtbot.addWidget(view)
    view.set_session(make_session(plan, checklist))
    assert view.detail.actor_edit.maxLength() == MAX_NAME_CHARS
    assert view.header.title_edit.maxLength() == MAX_NAME_CHARS
    assert view.header.chair_edit.maxLength() == MAX_NAME_CHARS
    assert view.header.place_edit.maxLength() == MAX_NAME_CHARS
    dialog = NewReviewDialog(None, checklist=checklist)
    qtbot.addWidget(dialog)
    assert dialog.identity_edit("address").maxLength() == MAX_NAME_CHARS
    assert dialog.reviewer_name_edit.maxLength() == MAX_NAME_CHARS


# ---------------------------------------------------------------- the model decides


def test_the_session_refuses_an_override_without_a_reason_and_pushes_nothing(review, qtbot):
    session = ReviewSession(ReviewDocument(review))
    lit = review.assessments["OR-LICHT-01"]
    assert (lit.auto_verdict, lit.verdict) == (Verdict.MEETS, Verdict.MEETS)
    with pytest.raises(OverrideWithoutReason):
        session.set_verdict("OR-LICHT-01", Verdict.FAILS)
    with pytest.raises(OverrideWithoutReason):
        session.set_verdict("OR-LICHT-01", Verdict.FAILS, override_reason=" ")
    assert session.undo_stack.count() == 0
    session.set_verdict("OR-LICHT-01", Verdict.FAILS, override_reason="De armaturen verblinden")
    with pytest.raises(OverrideWithoutReason):
        session.set_text("OR-LICHT-01", "override_reason", "")
    assert session.review.assessments["OR-LICHT-01"].override_reason == "De armaturen verblinden"
    assert session.undo_stack.count() == 1

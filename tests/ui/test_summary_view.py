"""The summary view shows what compute_outcome says, and follows every change live."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewer.domain.outcome import OUTCOME_COLOURS, compute_outcome
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import ReviewDocument
from reviewer.ui import i18n
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.review.summary_view import TALLY_VERDICTS, SummaryView, TallyModel


@pytest.fixture
def session(review, qtbot):
    return ReviewSession(ReviewDocument(review))


@pytest.fixture
def view(qtbot, session):
    widget = SummaryView()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.set_session(session)
    return widget


def shown_counts(view: SummaryView) -> list[list[int]]:
    model = view._tally_model
    return [
        [int(model.data(model.index(row, 2 + i))) for i in range(len(TALLY_VERDICTS))]
        for row in range(model.rowCount())
    ]


def expected_counts(session: ReviewSession) -> list[list[int]]:
    outcome = compute_outcome(session.review)
    rows = [[t.counts[v] for v in TALLY_VERDICTS] for t in outcome.tallies]
    rows.append([outcome.counts[v] for v in TALLY_VERDICTS])
    return rows


def failing_ids(view: SummaryView) -> list[str]:
    items = [view._failing.item(i) for i in range(view._failing.count())]
    return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.data(Qt.ItemDataRole.UserRole)]


def test_tally_model_passes_the_model_tester(qtmodeltester, session):
    model = TallyModel()
    model.set_outcome(compute_outcome(session.review))
    qtmodeltester.check(model, force_py=True)
    model.set_outcome(None)
    qtmodeltester.check(model, force_py=True)


def test_numbers_match_compute_outcome(view, session):
    outcome = compute_outcome(session.review)
    assert shown_counts(view) == expected_counts(session)
    model = view._tally_model
    for row, tally in enumerate(outcome.tallies):
        assert model.data(model.index(row, 0)) == tally.title.get(i18n.current_lang())
        assert model.data(model.index(row, 1)) == str(tally.in_scope)
    assert failing_ids(view) == [c.id for c in outcome.failing_requirements]
    assert failing_ids(view) == ["GEB-ENTREE-01", "GEB-PLINT-01"]
    assert view._outcome_text.text() == outcome.text.get(i18n.current_lang())
    assert OUTCOME_COLOURS[outcome.result] in view._badge.styleSheet()
    assert view._progress.value() == outcome.assessed
    assert view._progress.maximum() == outcome.applicable
    assert f"{outcome.assessed} of {outcome.applicable}" in view._progress_label.text()


def test_updates_after_a_verdict_change(qtbot, view, session):
    session.set_verdict("OR-HOF-01", Verdict.MEETS)
    qtbot.waitUntil(lambda: shown_counts(view) == expected_counts(session))
    assert view.outcome.assessed == compute_outcome(session.review).assessed
    session.set_verdict(
        "GEB-ENTREE-01", Verdict.PARTLY, override_reason="Two lifts", justification="x"
    )
    qtbot.waitUntil(lambda: "GEB-ENTREE-01" not in failing_ids(view))
    assert failing_ids(view) == ["GEB-PLINT-01"]
    assert shown_counts(view) == expected_counts(session)
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: "GEB-ENTREE-01" in failing_ids(view))


def test_updates_after_a_plan_change_and_the_outcome_turns(qtbot, view, session):
    # fix both failing requirements through the plan: the advice stops being negative
    session.set_fact("entrances", 1, "dwellings_served", 9)
    session.set_fact("plinth_segments", 0, "function", "social")
    qtbot.waitUntil(lambda: failing_ids(view) == [])
    outcome = compute_outcome(session.review)
    assert outcome.result.value != "negative"
    assert view._outcome_text.text() == outcome.text.get(i18n.current_lang())
    assert OUTCOME_COLOURS[outcome.result] in view._badge.styleSheet()
    assert shown_counts(view) == expected_counts(session)
    assert view._failing.count() == 1  # the "none" line, not selectable
    assert not view._failing.item(0).flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_burst_of_signals_is_drawn_once(qtbot, view, session, monkeypatch):
    calls = []
    original = view.refresh
    monkeypatch.setattr(view, "refresh", lambda: (calls.append(1), original()))
    view._timer.timeout.disconnect()
    view._timer.timeout.connect(view.refresh)
    session.set_fact("entrances", 1, "dwellings_served", 9)  # one planChanged, many verdicts
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert shown_counts(view) == expected_counts(session)


def test_clicking_a_failing_requirement_opens_it(qtbot, view):
    view.show()
    qtbot.waitExposed(view)
    item = view._failing.item(1)
    rect = view._failing.visualItemRect(item)
    with qtbot.waitSignal(view.criterionActivated) as blocker:
        qtbot.mouseClick(view._failing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["GEB-PLINT-01"]


def test_language_change_rereads_labels(view, session):
    model = view._tally_model
    try:
        i18n.set_language("en")
        assert model.data(model.index(0, 0)) == "Building"
        assert model.headerData(2, Qt.Orientation.Horizontal) == "Meets"
        assert view._outcome_text.text() == "Negative advice."
        i18n.set_language("nl")
        assert model.data(model.index(0, 0)) == "Gebouw"
        assert model.headerData(2, Qt.Orientation.Horizontal) == "Voldoet"
        assert view._outcome_text.text() == "Negatief advies."
        assert view._badge.text() == "Negatief"
    finally:
        i18n.set_language("en")


def test_without_a_session(view):
    view.set_session(None)
    assert view.outcome is None
    assert view._tally_model.rowCount() == 0
    assert view._outcome_frame.isHidden()


def test_screenshot(qtbot, view, tmp_path):
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    assert view.grab().save(str(tmp_path / "summary.png"))
    header = view._tally.horizontalHeader()
    model = view._tally_model
    for col in range(1, model.columnCount() - 1):
        text = model.headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(text), text

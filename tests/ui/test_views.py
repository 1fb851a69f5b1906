"""The plan and summary views are the real ones, made when first shown, and linked back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.domain.verdict import Verdict


def test_views_are_made_when_first_shown_and_are_the_real_widgets(opened, qtbot):
    from reviewer.ui.review.plan_panel import PlanPanel
    from reviewer.ui.review.summary_view import SummaryView

    window = opened
    assert not window.plan_page.is_created and not window.summary_page.is_created
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    assert window.view_actions[1].isChecked()
    assert isinstance(window.plan_page.widget(), PlanPanel)
    qtbot.keyClick(window.tabs, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.summary_page.widget(), SummaryView)


def test_choosing_a_criterion_in_the_summary_or_plan_opens_it(opened):
    window = opened
    window.show_view(2)
    window.summary_page.widget().criterionActivated.emit("OR-SPEEL-01")
    assert window.tabs.currentIndex() == 0
    assert window.criterion_panel.criterion_id == "OR-SPEEL-01"
    window.show_view(1)
    window.plan_page.widget().criterionActivated.emit("GEB-GALERIJ-01")
    assert window.criterion_panel.criterion_id == "GEB-GALERIJ-01"


def test_plan_edits_reach_the_navigator_and_the_panel(opened):
    window = opened
    window.navigator.select("GEB-ENTREE-01")
    assert window.criterion_panel.verdict_buttons[Verdict.FAILS].isChecked()
    window.session.set_fact("entrances", 1, "dwellings_served", 9)  # B: 14 → 9
    assert window.session.review.assessments["GEB-ENTREE-01"].verdict is Verdict.MEETS
    assert window.criterion_panel.verdict_buttons[Verdict.MEETS].isChecked()
    index = window.navigator.model.criterion_index("GEB-ENTREE-01")
    assert index.data(0x0100 + 3) == "meets"  # Role.VERDICT
    window.undo_action.trigger()
    assert window.criterion_panel.verdict_buttons[Verdict.FAILS].isChecked()


def test_views_follow_the_open_review(opened, review_path, qtbot):
    window = opened
    window.show_view(2)
    summary = window.summary_page.widget()
    window.close_document()
    window.open_file(review_path)
    assert window.summary_page.widget() is summary
    assert window.summary_page._session is window.session


def test_about(opened, fake_dialogs):
    opened.about_action.trigger()
    ((_, title, text),) = fake_dialogs.called("show_about")
    assert "Safety &amp; Cohesion Reviewer" in text and "About" in title

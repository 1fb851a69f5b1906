"""Checklist 2.0 in the window: plan type and stage decide which criteria apply, an element
list nobody filled in is unknown until the user confirms the plan has none."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from reviewer.domain.plan import PlanType
from reviewer.domain.verdict import Verdict
from reviewer.ui import i18n
from reviewer.ui.review.navigator import Role
from reviewer.ui.review.pages import CRITERION, PLAN, SUMMARY
from reviewer.ui.review.plan_models import COUNT_ROLE, IDENTITY


@pytest.fixture
def checklist_data(checklist_data: dict[str, Any]) -> dict[str, Any]:
    """The test checklist with the entrance criterion for new build only."""
    entrance = checklist_data["sections"][0]["criteria"][0]
    assert entrance["id"] == "GEB-ENTREE-01"
    entrance["applies"] = {"plan_types": ["new_build"]}
    return checklist_data


@pytest.fixture
def plan_data(plan_data: dict[str, Any]) -> dict[str, Any]:
    """The test plan without galleries: an element list nobody filled in."""
    del plan_data["galleries"]
    return plan_data


def show_plan(window, qtbot):  # type: ignore[no-untyped-def]
    window.show_view(PLAN)
    panel = window.plan_page.widget()
    qtbot.waitUntil(panel.isVisible)  # made on first show, shown after the event loop runs
    return panel


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def test_choosing_renovation_takes_new_build_criteria_out_of_scope_in_one_step(opened, qtbot):
    window = opened
    session = window.session
    stack = session.undo_stack
    progress = window.navigator.progress
    assert progress.format() == "3 of 5 assessed"
    assert session.review.assessments["GEB-ENTREE-01"].verdict is Verdict.FAILS

    panel = show_plan(window, qtbot)
    panel.show_collection(IDENTITY)
    combo = panel._identity_form.combo("plan_type")
    assert combo.currentText() == "not given"
    combo.setFocus()
    qtbot.keyClicks(combo, "r")  # renovation
    assert session.review.plan.identity.plan_type is PlanType.RENOVATION
    assert stack.count() == 1  # one undoable step

    # the rules ran again: the criterion is not applicable by scope, with the reason
    assessment = session.review.assessments["GEB-ENTREE-01"]
    assert assessment.auto_verdict is Verdict.NOT_APPLICABLE
    assert assessment.evidence[0].text.en == "Not applicable: only for new build"
    # the navigator greys it and says why; progress counts only criteria in scope
    index = window.navigator.model.criterion_index("GEB-ENTREE-01")
    assert index.data(Role.IN_SCOPE) is False
    assert "Not applicable: only for new build" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert progress.format() == "2 of 4 assessed"
    # the criterion panel says it prominently
    window.show_view(CRITERION)
    window.navigator.select("GEB-ENTREE-01")
    banner = window.criterion_panel.scope_label
    assert banner.isVisible()
    assert banner.text().startswith("Not applicable: only for new build")
    assert "This plan: renovation of existing housing." in banner.text()
    # the summary no longer fails the plan on it
    window.show_view(SUMMARY)
    summary = window.summary_page.widget()
    summary.refresh()
    assert "GEB-ENTREE-01" not in [c.id for c in summary.outcome.failing_requirements]

    window.undo_action.trigger()
    assert session.review.plan.identity.plan_type is None
    assert session.review.assessments["GEB-ENTREE-01"].verdict is Verdict.FAILS
    assert progress.format() == "3 of 5 assessed"
    assert combo.currentText() == "not given"
    summary.refresh()
    assert "GEB-ENTREE-01" in [c.id for c in summary.outcome.failing_requirements]
    window.redo_action.trigger()
    assert combo.currentData() == "renovation"
    window.navigator.select("GEB-ENTREE-01")
    window.show_view(CRITERION)
    assert banner.isVisible()


def test_the_stage_keeps_the_old_phase_text(opened, qtbot):
    session = opened.session
    panel = show_plan(opened, qtbot)
    panel.show_collection(IDENTITY)
    assert "phase" not in panel._identity_edits  # the stage replaced the free-text phase
    session.set_identity("phase", "concept januari")  # as an old file would hold it
    combo = panel._identity_form.combo("stage")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # handover
    assert session.review.plan.identity.stage.value == "handover"
    assert session.review.plan.identity.phase == "concept januari"


def test_an_unknown_list_can_be_confirmed_empty_in_one_click(opened, qtbot):
    window = opened
    session = window.session
    stack = session.undo_stack
    panel = show_plan(window, qtbot)
    panel.show_collection("galleries")
    rows = panel._list_model
    galleries = rows.index(rows.keys.index("galleries"))
    entrances = rows.index(rows.keys.index("entrances"))
    assert galleries.data(COUNT_ROLE) == "?" and entrances.data(COUNT_ROLE) == 2
    assert "not filled in yet" in galleries.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.none_state_text().startswith("Not filled in yet")
    auto = session.review.assessments["GEB-GALERIJ-01"]
    assert auto.auto_verdict is Verdict.NOT_ASSESSED
    assert auto.evidence[0].text.en.startswith("Galleries: not filled in yet")

    check = panel.none_check()
    assert check.isVisible() and check.text() == "This plan has no galleries"
    click(qtbot, check)
    assert session.review.plan.confirmed_none == ["galleries"]
    assert session.review.assessments["GEB-GALERIJ-01"].auto_verdict is Verdict.NOT_APPLICABLE
    assert panel.none_state_text().startswith("Confirmed: the plan has no galleries")
    assert galleries.data(COUNT_ROLE) == 0
    assert stack.count() == 1

    # adding one takes the confirmation away, in the same undo step
    click(qtbot, panel._add_button)
    assert len(session.review.plan.galleries) == 1
    assert session.review.plan.confirmed_none == []
    assert not panel._none_box.isVisible()
    assert stack.count() == 2
    window.undo_action.trigger()
    assert session.review.plan.galleries == []
    assert session.review.plan.confirmed_none == ["galleries"]
    assert check.isVisible() and check.isChecked()
    window.undo_action.trigger()
    assert session.review.plan.confirmed_none == []
    assert not check.isChecked()
    assert session.review.assessments["GEB-GALERIJ-01"].auto_verdict is Verdict.NOT_ASSESSED


def test_the_confirmation_is_saved_in_the_file(opened, qtbot, tmp_path):
    from reviewer.storage.review_file import load_review

    session = opened.session
    session.set_confirmed_none("galleries", True)
    target = tmp_path / "saved.review"
    assert opened._save_to(target)
    assert load_review(target).review.plan.confirmed_none == ["galleries"]


def test_the_empty_list_line_speaks_dutch(opened, qtbot):
    panel = show_plan(opened, qtbot)
    panel.show_collection("galleries")
    i18n.set_language("nl")
    assert panel.none_check().text() == "Dit plan heeft geen galerijen"
    assert panel.none_state_text().startswith("Nog niet ingevuld")


# ---------------------------------------------------------------- procedure record


def test_the_procedure_record_is_edited_undone_and_saved(opened, qtbot, tmp_path):
    from datetime import date

    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    from reviewer.storage.review_file import load_review

    window = opened
    session = window.session
    stack = session.undo_stack
    panel = show_plan(window, qtbot)
    panel.show_collection(IDENTITY)
    box = panel.procedure_box
    assert box.isVisible()
    table = box.participants
    assert table.rowCount() == 0

    click(qtbot, box.add_button)
    assert table.rowCount() == 1
    assert table.state() == QAbstractItemView.State.EditingState  # ready to type the name
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, "M. Jansen")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop
    qtbot.waitUntil(lambda: session.review.procedure.participants[0].name == "M. Jansen")
    table.item(0, 1).setText("Gemeente Utrecht")  # as a committed cell edit
    assert session.review.procedure.participants[0].organisation == "Gemeente Utrecht"

    box.cohesion.setFocus()
    qtbot.keyClicks(box.cohesion, "y")  # yes
    assert session.review.procedure.cohesion_included is True
    box.joint.setFocus()
    qtbot.keyClicks(box.joint, "n")  # no
    assert session.review.procedure.joint_session is False
    assert not box.joint_date.isEnabled()  # no session held: no date to give
    qtbot.keyClick(box.joint, Qt.Key.Key_Up)  # yes
    assert session.review.procedure.joint_session is True
    assert box.joint_date.isEnabled()
    box.joint_date.setDate(box.joint_date.date().fromString("2026-03-12", "yyyy-MM-dd"))
    assert session.review.procedure.joint_session_date == date(2026, 3, 12)
    box.notes.setFocus()
    qtbot.keyClicks(box.notes, "Sessie met wijkagent")
    assert session.review.procedure.notes == "Sessie met wijkagent"
    steps = stack.count()
    window.undo_action.trigger()  # the notes typed: one step
    assert session.review.procedure.notes == "" and box.notes.toPlainText() == ""
    assert stack.index() == steps - 1

    target = tmp_path / "procedure.review"
    assert window._save_to(target)
    saved = load_review(target).review.procedure
    assert saved.participants[0].name == "M. Jansen"
    assert saved.cohesion_included is True and saved.joint_session is True
    assert saved.joint_session_date == date(2026, 3, 12)

    table.selectRow(0)
    click(qtbot, box.remove_button)
    assert session.review.procedure.participants == []
    assert table.rowCount() == 0
    window.undo_action.trigger()
    assert table.rowCount() == 1 and table.item(0, 0).text() == "M. Jansen"


def test_every_site_fact_can_be_entered_and_undone(opened, qtbot):
    from PySide6.QtWidgets import QComboBox, QLineEdit

    session = opened.session
    panel = show_plan(opened, qtbot)
    panel.show_collection(IDENTITY)
    basis = panel.findChild(QComboBox, "site_play_norm_basis")
    analysis = panel.findChild(QComboBox, "site_crime_analysis")
    repair = panel.findChild(QLineEdit, "site_lighting_repair_days")
    assert basis.isVisible() and analysis.isVisible() and repair.isVisible()
    analysis.setFocus()
    qtbot.keyClicks(analysis, "y")  # yes
    assert session.review.plan.site.crime_analysis is True
    repair.setFocus()
    qtbot.keyClicks(repair, "5")
    qtbot.keyClick(repair, Qt.Key.Key_Return)
    assert session.review.plan.site.lighting_repair_days == 5
    qtbot.keyClicks(repair, "q")
    qtbot.keyClick(repair, Qt.Key.Key_Return)
    assert "is not a number" in panel.message_text()
    assert session.review.plan.site.lighting_repair_days == 5
    opened.undo_action.trigger()
    assert session.review.plan.site.lighting_repair_days is None
    assert repair.text() == ""
    opened.undo_action.trigger()
    assert analysis.currentText() == "unknown"


def test_a_stage_cleared_on_purpose_stays_cleared_whatever_the_phase_says(opened, qtbot):
    session = opened.session
    panel = show_plan(opened, qtbot)
    panel.show_collection(IDENTITY)
    session.set_identity("phase", "VO")  # an old file's phase that names a stage
    combo = panel._identity_form.combo("stage")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert session.review.plan.identity.stage.value == "handover"
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # "not given"
    assert session.review.plan.identity.stage is None
    assert combo.currentIndex() == 0  # "not given", and it stays

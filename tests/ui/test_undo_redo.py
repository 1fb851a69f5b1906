"""Undo and redo of every kind of edit, through the window's shortcuts and the panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.domain.review import Priority
from reviewer.domain.verdict import Verdict


def undo(qtbot, widget=None):
    qtbot.keyClick(
        widget or QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )


def redo(qtbot, widget=None):
    qtbot.keyClick(
        widget or QApplication.focusWidget(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "entree B.jpg"
    Image.new("RGB", (64, 48), "#c62828").save(path, "JPEG")
    return path


def test_undo_redo_verdict(opened, qtbot):
    window = opened
    window.navigator.select("OR-HOF-01")
    assessments = window.session.review.assessments
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_1)
    assert assessments["OR-HOF-01"].verdict is Verdict.MEETS
    assert window.isWindowModified()
    assert "OR-HOF-01" in window.undo_action.text()
    undo(qtbot)
    assert assessments["OR-HOF-01"].verdict is Verdict.NOT_ASSESSED
    assert not window.criterion_panel.verdict_buttons[Verdict.MEETS].isChecked()
    assert not window.isWindowModified()  # back at the saved state
    redo(qtbot)
    assert assessments["OR-HOF-01"].verdict is Verdict.MEETS
    assert window.criterion_panel.verdict_buttons[Verdict.MEETS].isChecked()
    assert window.isWindowModified()


def test_typing_is_one_undo_step_and_ctrl_z_in_the_field_undoes_the_document(opened, qtbot):
    window = opened
    panel = window.criterion_panel
    cid = panel.criterion_id
    panel.focus_notes()
    qtbot.keyClicks(panel.notes_edit, "blinde gevel")
    assert window.session.review.assessments[cid].notes == "blinde gevel"
    assert window.session.undo_stack.count() == 1  # merged
    undo(qtbot, panel.notes_edit)
    assert window.session.review.assessments[cid].notes == ""
    assert panel.notes_edit.toPlainText() == ""
    redo(qtbot, panel.notes_edit)
    assert panel.notes_edit.toPlainText() == "blinde gevel"
    # measure: its own step
    qtbot.keyClicks(panel.measure_edit, "ramen toevoegen")
    assert window.session.undo_stack.count() == 2
    window.undo_action.trigger()
    assert panel.measure_edit.toPlainText() == ""
    assert panel.notes_edit.toPlainText() == "blinde gevel"


def test_undo_redo_priority(opened, qtbot):
    window = opened
    panel = window.criterion_panel
    cid = panel.criterion_id
    panel.priority_combo.setCurrentIndex(panel.priority_combo.findData("high"))
    assert window.session.review.assessments[cid].priority is Priority.HIGH
    window.undo_action.trigger()
    assert window.session.review.assessments[cid].priority is None
    assert panel.priority_combo.currentData() is None
    window.redo_action.trigger()
    assert panel.priority_combo.currentData() == "high"


def test_undo_redo_photo(opened, qtbot, photo, fake_dialogs):
    window = opened
    panel = window.criterion_panel
    cid = panel.criterion_id
    fake_dialogs.reply("ask_photo_paths", [photo])
    panel.add_photo_button.click()
    photos = window.session.review.assessments[cid].photos
    assert len(photos) == 1 and photos[0].caption == "entree B"
    assert photos[0].name in window.session.document.attachments
    assert panel.photo_list.count() == 1
    window.undo_action.trigger()
    assert window.session.review.assessments[cid].photos == []
    assert panel.photo_list.count() == 0
    window.redo_action.trigger()
    assert panel.photo_list.count() == 1
    # removing is undoable too
    panel.photo_list.setCurrentRow(0)
    panel.remove_photo_button.click()
    assert window.session.review.assessments[cid].photos == []
    window.undo_action.trigger()
    assert len(window.session.review.assessments[cid].photos) == 1
    assert not fake_dialogs.called("show_error")


def test_undo_of_an_edit_on_another_criterion_updates_the_list(opened, qtbot):
    window = opened
    window.navigator.select("OR-HOF-01")
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_4)
    window.navigator.select("STR-PART-01")
    progress = window.navigator.progress
    assert progress.format() == "4 of 5 assessed"
    window.undo_action.trigger()
    assert progress.format() == "3 of 5 assessed"
    assert window.criterion_panel.criterion_id == "STR-PART-01"  # stays where it was

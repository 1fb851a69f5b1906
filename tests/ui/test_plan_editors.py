"""The plan table's editors driven like a person: one click opens a dropdown, the
dropdown keeps its own keys (Alt+Down opens it, it does not move to another criterion),
and typed text finds the item by its beginning and then anywhere in its label."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from reviewer.ui.i18n import set_language
from reviewer.ui.review.pages import PLAN


def keyboard():
    """Where a key press goes: the open popup, or the widget with the focus."""
    popup = QApplication.activePopupWidget()
    if popup is not None:  # a dropdown's open list
        combo = popup.parentWidget()
        return combo.view() if isinstance(combo, QComboBox) else popup
    return QApplication.focusWidget()


def type_text(qtbot, text: str) -> None:
    for ch in text:
        qtbot.keyClick(keyboard(), ch)


@pytest.fixture
def plinths(opened, qtbot):
    window = opened
    window.show_view(PLAN)
    panel = window.plan_page.widget()
    panel.show_collection("plinth_segments")
    table = panel.table("plinth_segments")
    qtbot.waitExposed(table)
    return window, panel, table


def click_cell(qtbot, table, row: int, column: int) -> None:
    index = table.model().index(row, column)
    rect = table.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def function_column(panel) -> int:
    return panel.model("plinth_segments").column_of("function")


def test_one_click_opens_the_dropdown(plinths, qtbot):
    window, panel, table = plinths
    click_cell(qtbot, table, 1, function_column(panel))
    editor = table.indexWidget(table.model().index(1, function_column(panel)))
    assert isinstance(editor, QComboBox)
    qtbot.waitUntil(lambda: editor.view().isVisible())
    # choosing an item in the open list writes it
    view = editor.view()
    target = editor.findData("blank")
    rect = view.visualRect(view.model().index(target, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.review.plan.plinth_segments[1].function == "blank"


def test_alt_down_opens_the_dropdown_instead_of_moving_on(plinths, qtbot):
    window, panel, table = plinths
    before = window.criterion_panel.criterion_id
    index = table.model().index(0, function_column(panel))
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit: the dropdown, closed
    editor = table.indexWidget(index)
    assert isinstance(editor, QComboBox)
    assert not editor.view().isVisible()
    qtbot.keyClick(keyboard(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: editor.view().isVisible())
    assert window.tabs.currentIndex() == PLAN
    assert window.criterion_panel.criterion_id == before
    qtbot.keyClick(keyboard(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.view().isVisible())
    # outside an editor Alt+Down still steps through the criteria
    qtbot.keyClick(keyboard(), Qt.Key.Key_Escape)  # leave the cell editor
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.criterion_panel.criterion_id != before


@pytest.mark.parametrize(
    ("typed", "value"),
    [("blinde", "blank"), ("gevel", "blank"), ("garage", "parking"), ("berg", "storage")],
)
def test_typing_in_a_cell_picks_the_item_by_prefix_then_substring(plinths, qtbot, typed, value):
    set_language("nl")
    window, panel, table = plinths
    index = table.model().index(1, function_column(panel))  # P2: dwelling
    table.setFocus()
    table.setCurrentIndex(index)
    type_text(qtbot, typed)  # the first key opens the dropdown editor
    qtbot.keyClick(keyboard(), Qt.Key.Key_Return)  # the delegate commits queued
    qtbot.waitUntil(lambda: window.session.review.plan.plinth_segments[1].function == value)


def test_typing_in_the_open_list_finds_by_substring(plinths, qtbot):
    set_language("nl")
    window, panel, table = plinths
    click_cell(qtbot, table, 1, function_column(panel))
    editor = table.indexWidget(table.model().index(1, function_column(panel)))
    qtbot.waitUntil(lambda: editor.view().isVisible())
    type_text(qtbot, "garage")
    qtbot.keyClick(keyboard(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.review.plan.plinth_segments[1].function == "parking")


def test_alt_down_in_a_site_dropdown_stays_there(plinths, qtbot):
    window, panel, _table = plinths
    before = window.criterion_panel.criterion_id
    panel.show_collection("identity")
    combo = panel.findChild(QComboBox, "site_play_norm_basis")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    assert window.criterion_panel.criterion_id == before
    qtbot.keyClick(keyboard(), Qt.Key.Key_Escape)


def test_find_label_prefix_then_word_then_substring():
    from reviewer.ui.widgets.choice_combo import find_label

    labels = ["onbekend", "woning", "bergingen", "parkeren/garages", "blinde gevel"]
    assert find_label(labels, "b") == 2
    assert find_label(labels, "bl") == 4
    assert find_label(labels, "Blinde") == 4
    assert find_label(labels, "garages") == 3  # a word after the slash
    assert find_label(labels, "evel") == 4  # anywhere in the label
    assert find_label(labels, "xyz") == -1
    assert find_label(labels, "") == -1

"""A whole checklist done from the keyboard: next unassessed, verdict keys, notes, moving on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.domain.outcome import progress
from reviewer.domain.verdict import Verdict


def focused():
    return QApplication.focusWidget()


def test_complete_checklist_by_keyboard_only(opened, qtbot, fake_dialogs):
    window = opened
    session = window.session
    review = session.review
    done, total = progress(review)
    assert done < total
    fake_dialogs.reply("ask_text", "Narrow site: the corner cannot be opened up.")

    visited = []
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_4]
    for step in range(total - done):
        # F3: the next criterion without a verdict; focus in the list, not a text field
        qtbot.keyClick(focused(), Qt.Key.Key_F3)
        current = window.criterion_panel.criterion_id
        assert current is not None
        assert current not in visited
        assert not review.assessments[current].verdict.is_assessed
        assert focused() is window.navigator.tree
        visited.append(current)

        qtbot.keyClick(focused(), keys[step % len(keys)])
        # the verdict is given and the focus waits in the notes
        assert review.assessments[current].verdict.is_assessed
        assert focused() is window.criterion_panel.notes_edit
        qtbot.keyClicks(focused(), f"note {step}")
        assert review.assessments[current].notes == f"note {step}"
        # digits typed in the notes are text, not verdicts
        qtbot.keyClicks(focused(), " 3")
        assert review.assessments[current].notes == f"note {step} 3"

    assert progress(review) == (total, total)
    assert window.isWindowModified()
    # the partly verdict asked for the local constraint
    partly = [cid for cid in visited if review.assessments[cid].verdict is Verdict.PARTLY]
    assert partly
    assert review.assessments[partly[0]].justification.startswith("Narrow site")

    # nothing left: F3 stays put and says so
    before = window.criterion_panel.criterion_id
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_F3)
    assert window.criterion_panel.criterion_id == before
    assert "verdict" in window.statusBar().currentMessage()


def test_ctrl_return_from_notes_moves_on_and_alt_arrows_step(opened, qtbot):
    window = opened
    tree = window.navigator.tree
    qtbot.keyClick(tree, Qt.Key.Key_F3)
    first = window.criterion_panel.criterion_id
    qtbot.keyClick(tree, Qt.Key.Key_1)
    assert focused() is window.criterion_panel.notes_edit
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    second = window.criterion_panel.criterion_id
    assert second != first
    assert focused() is tree
    assert window.session.review.assessments[first].notes == ""  # Ctrl+Return is not a newline

    ids = window.navigator.visible_ids()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.criterion_panel.criterion_id == ids[ids.index(second) - 1]
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.criterion_panel.criterion_id == second


def test_verdict_keys_do_nothing_outside_the_criterion_view(opened, qtbot):
    window = opened
    cid = window.criterion_panel.criterion_id
    before = window.session.review.assessments[cid].verdict
    window.show_view(2)
    qtbot.keyClick(window.tabs, Qt.Key.Key_1)
    assert window.session.review.assessments[cid].verdict == before
    assert not window.verdict_actions[Verdict.MEETS].isEnabled()
    window.show_view(0)
    assert window.verdict_actions[Verdict.MEETS].isEnabled()


def test_typing_in_the_search_field_is_not_a_verdict(opened, qtbot):
    window = opened
    cid = window.criterion_panel.criterion_id
    before = window.session.review.assessments[cid].verdict
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.navigator.search
    qtbot.keyClicks(window.navigator.search, "3")
    assert window.navigator.search.text() == "3"
    assert window.session.review.assessments[cid].verdict == before

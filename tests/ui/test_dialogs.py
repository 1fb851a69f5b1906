"""The questions about locks, conflicts and recovery, as real message boxes: the buttons
they offer and the answer each gives. (Other tests replace these functions.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

# the real functions, taken before the autouse fixture replaces them for every test
from reviewer.ui.dialogs import ask_conflict, ask_locked, ask_recover


def answer_with(text: str | None, seen: list[list[str]]) -> None:
    """When the box shows, note its buttons and click the one labelled `text` (None:
    close it with Escape)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append([b.text() for b in box.buttons()])
        if text is None:
            box.reject()
            return
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(0, click)


@pytest.mark.parametrize(
    ("can_take_over", "click", "answer"),
    [
        (True, "Take over", "take_over"),
        (True, "Open read-only", "read_only"),
        (False, "Cancel", "cancel"),
        (False, None, "cancel"),
    ],
)
def test_a_locked_file(qapp, can_take_over, click, answer):
    seen: list[list[str]] = []
    answer_with(click, seen)
    assert (
        ask_locked(None, "plan.review", "anna on pc-17", "2026-11-30 09:15", can_take_over)
        == answer
    )
    assert ("Take over" in seen[0]) is can_take_over
    assert "Open read-only" in seen[0] and "Cancel" in seen[0]


@pytest.mark.parametrize(
    ("can_compare", "click", "answer"),
    [(True, "Compare", "compare"), (True, "Save as…", "save_as"), (False, "Cancel", "cancel")],
)
def test_a_file_changed_by_someone_else_is_never_overwritten(qapp, can_compare, click, answer):
    seen: list[list[str]] = []
    answer_with(click, seen)
    assert ask_conflict(None, "plan.review", "2026-11-30 10:02", can_compare) == answer
    assert not any("overwrite" in b.lower() for b in seen[0])  # not offered
    assert ("Compare" in seen[0]) is can_compare


@pytest.mark.parametrize(
    ("click", "answer"), [("Recover", "recover"), ("Discard", "discard"), ("Later", "later")]
)
def test_a_recovery_copy(qapp, click, answer):
    seen: list[list[str]] = []
    answer_with(click, seen)
    assert ask_recover(None, "plan.review", "/x/plan.review", "2026-11-30 10:00", "newer") == answer
    assert sorted(seen[0]) == ["Discard", "Later", "Recover"]

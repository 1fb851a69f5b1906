"""An afternoon of edits through the real window, checking that Python's own singletons
keep their reference counts.

PySide6 6.12.0 took one reference from `None` at every Qt call that returns nothing and
one from `True` at every signal emit; the app aborted ("Fatal Python error:
none_dealloc") after about a hundred verdict changes. Offscreen tests that made a few
edits each never noticed. This test makes more than 2,000 edits the way a person does —
verdict keys, typed notes, plan facts typed into the table, undo and redo, moving through
the list — and checks the counts every few dozen edits, so a leaking binding fails here
with a message long before it could abort the test run.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

EDITS = 2_000
CHECK_EVERY = 50
# Legitimate work moves the counts a little (undo history keeps assessments whose empty
# fields are None); a leaking binding moves them down by one or more per Qt call.
MAY_FALL = 200

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
VERDICT_KEYS = [Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_2, Qt.Key.Key_0]


def _counts() -> dict[str, int]:
    # what earlier tests left behind (deleteLater'd widgets, pydantic models in cycles)
    # goes first, so that its references to False and None do not count as drift
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
    }


class Soak:
    def __init__(self, window, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.qtbot = qtbot
        self.edits = 0
        self.start = _counts()

    def check(self) -> None:
        now = _counts()
        for name, before in self.start.items():
            assert now[name] - before > -MAY_FALL, (
                f"the reference count of {name} fell by {before - now[name]} after "
                f"{self.edits} edits: the Qt bindings lose references and would abort Python"
            )

    def edited(self, count: int = 1) -> None:
        before = self.edits
        self.edits += count
        if self.edits // CHECK_EVERY != before // CHECK_EVERY:
            self.check()

    def key(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        self.qtbot.keyClick(widget, key, modifier)

    def verdicts_and_notes(self, step: int) -> None:
        window = self.window
        tree = window.navigator.tree
        tree.setFocus()
        self.key(tree, Qt.Key.Key_Down, ALT)  # navigation
        self.key(tree, VERDICT_KEYS[step % len(VERDICT_KEYS)])
        self.edited()
        notes = window.criterion_panel.notes_edit
        notes.setFocus()
        self.qtbot.keyClicks(notes, f"n{step % 10}")  # every character is an edit
        self.edited(2)
        self.key(notes, Qt.Key.Key_Backspace)
        self.edited()

    def plan_fact(self, step: int) -> None:
        window = self.window
        self.key(window, Qt.Key.Key_2, CTRL)  # the plan view
        panel = window.plan_page.widget()
        panel.show_collection("entrances")
        table = panel.table("entrances")
        model = panel.model("entrances")
        index = model.index(step % 2, model.column_of("dwellings_served"))
        table.setFocus()
        table.setCurrentIndex(index)
        self.key(table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        session = window.session
        current = session.review.plan.entrances[step % 2].dwellings_served or 0
        value = 6 + (current - 5) % 9  # 6 … 14, never the value it had
        self.qtbot.keyClicks(editor, str(value))
        self.key(editor, Qt.Key.Key_Return)
        self.qtbot.waitUntil(
            lambda: session.review.plan.entrances[step % 2].dwellings_served == value
        )
        self.edited()
        self.key(window, Qt.Key.Key_1, CTRL)  # back to the criterion view

    def undo_redo(self) -> None:
        tree = self.window.navigator.tree
        tree.setFocus()
        for _ in range(3):
            self.key(tree, Qt.Key.Key_Z, CTRL)
        for _ in range(2):
            self.key(tree, Qt.Key.Key_Z, CTRL_SHIFT)
        self.edited(5)


def test_two_thousand_edits_leave_none_true_and_false_alone(opened, qtbot, fake_dialogs):
    window = opened
    stack = window.session.undo_stack
    # overriding an automatic verdict, and "partly", ask for a reason
    fake_dialogs.reply("ask_text", *(["the local constraint"] * (EDITS // 4)))
    soak = Soak(window, qtbot)
    step = 0
    while soak.edits < EDITS:
        soak.verdicts_and_notes(step)
        if step % 5 == 0:
            soak.plan_fact(step)
        if step % 7 == 0:
            soak.undo_redo()
        step += 1
    soak.check()
    # the edits were real: the window kept them on its undo stack and is still usable
    assert stack.count() > EDITS // 10
    assert window.isWindowModified()
    assert window.isVisible()

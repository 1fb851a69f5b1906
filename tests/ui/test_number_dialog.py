"""The number dialog (a real distance, a drawing scale) shows numbers as the tables do
("2,5" in Dutch) and accepts both "," and "." as the decimal separator."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from reviewer.ui.dialogs import ask_number as real_ask_number  # before fake_dialogs
from reviewer.ui.i18n import set_language

OUT = Path(__file__).resolve().parents[2] / "out"


def run_dialog(qtbot, steps, **kwargs):
    """Open the real dialog and act on it like a person: each step gets the dialog."""
    seen: dict[str, object] = {}

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        edit = dialog.findChild(QLineEdit)
        seen["shown"] = edit.text()
        for step in steps:
            step(dialog, edit)
        seen["message"] = " ".join(
            label.text() for label in dialog.findChildren(QLabel) if label.isVisible()
        )

    QTimer.singleShot(0, act)
    args = {"value": 1.0, "minimum": 0.01, "maximum": 100000.0, "decimals": 2, **kwargs}
    seen["result"] = real_ask_number(None, "Kalibreren", "Werkelijke afstand (m):", **args)
    return seen


def typed(text: str):
    def step(dialog, edit) -> None:
        edit.selectAll()
        qtbot_keys(edit, text)
        qtbot_keys(edit, Qt.Key.Key_Return)

    return step


_bot: list = []


def qtbot_keys(widget, keys) -> None:
    bot = _bot[0]
    if isinstance(keys, str):
        bot.keyClicks(widget, keys)
    else:
        bot.keyClick(widget, keys)


@pytest.fixture(autouse=True)
def _remember_qtbot(qtbot):
    _bot[:] = [qtbot]


@pytest.mark.parametrize("text", ["44,95", "44.95", " 44,95 m"])
def test_both_separators_are_accepted_in_dutch(qtbot, text):
    set_language("nl")
    seen = run_dialog(qtbot, [typed(text)], value=2.5)
    assert seen["shown"] == "2,5"  # as the tables show it
    assert seen["result"] == pytest.approx(44.95)


def test_english_shows_a_decimal_point_and_accepts_a_comma(qtbot):
    set_language("en")
    seen = run_dialog(qtbot, [typed("3,5")], value=2.5)
    assert seen["shown"] == "2.5"
    assert seen["result"] == pytest.approx(3.5)


def test_a_whole_number_shows_without_decimals(qtbot):
    set_language("nl")
    seen = run_dialog(qtbot, [typed("100")], value=100.0, minimum=1, decimals=0)
    assert seen["shown"] == "100"
    assert seen["result"] == 100


def test_a_wrong_number_is_said_in_dutch_and_the_dialog_stays(qtbot):
    set_language("nl")
    messages: list[str] = []

    def read_message(dialog, edit) -> None:
        assert dialog.isVisible()  # not closed by a wrong number
        messages.append(dialog.findChild(QLabel, "numberMessage").text())
        if len(messages) == 1:
            OUT.mkdir(exist_ok=True)
            QApplication.processEvents()
            assert dialog.grab().save(str(OUT / "ux14-number-dialog-nl.png"))

    def cancel(dialog, edit) -> None:
        qtbot.keyClick(edit, Qt.Key.Key_Escape)

    seen = run_dialog(
        qtbot, [typed("abc"), read_message, typed("0"), read_message, cancel], value=1.0
    )
    assert seen["result"] is None
    assert "geen getal" in messages[0]
    assert "0,01" in messages[1]  # the least it may be, written the Dutch way

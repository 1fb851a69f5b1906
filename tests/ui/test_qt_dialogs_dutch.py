"""Qt's own dialogs speak Dutch in the Dutch interface: Qt's translation (qtbase_nl)
lacks some of Qt 6's texts (the file dialog's "&Look in:" and "Files of &type:"), which
the app's qt_extra_nl adds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton

from reviewer.ui.i18n import set_language

OUT = Path(__file__).resolve().parents[2] / "out"


def labels(dialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel) if label.text()]


def buttons(dialog) -> list[str]:
    return [b.text() for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]


@pytest.fixture
def file_dialog(qtbot, tmp_path):
    def make(mode: QFileDialog.AcceptMode) -> QFileDialog:
        dialog = QFileDialog(None, "Open", str(tmp_path), "Reviews (*.review)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def test_the_file_dialog_is_dutch_in_the_dutch_interface(file_dialog, qtbot):
    set_language("nl")
    dialog = file_dialog(QFileDialog.AcceptMode.AcceptOpen)
    texts = labels(dialog)
    assert "&Zoeken in:" in texts
    assert "Bestands&type:" in texts
    assert "Bestands&naam:" in texts
    assert {"&Openen", "Annuleren"} <= set(buttons(dialog))
    assert not any(english in " ".join(texts) for english in ("Look in", "Files of", "File name"))
    OUT.mkdir(exist_ok=True)
    dialog.resize(760, 460)
    QApplication.processEvents()
    assert dialog.grab().save(str(OUT / "ux14-file-dialog-nl.png"))

    save = file_dialog(QFileDialog.AcceptMode.AcceptSave)
    assert "Op&slaan" in buttons(save)


def test_the_file_dialog_is_english_again_in_english(file_dialog):
    set_language("nl")
    set_language("en")
    dialog = file_dialog(QFileDialog.AcceptMode.AcceptOpen)
    assert "&Look in:" in labels(dialog)
    assert "Files of &type:" in labels(dialog)


def test_message_box_buttons_are_dutch(qtbot):
    set_language("nl")
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    assert {b.text() for b in box.buttons()} == {"Opslaan", "Annuleren", "Verwerpen"}

"""The criterion panel: overrides need a reason, partly needs a local constraint, photos."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reviewer.domain.verdict import Verdict
from reviewer.ui.i18n import set_language


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims to be width×height (the header is all check_image reads)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + ihdr
        + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
        + struct.pack(">I", 0)
        + b"IEND"
        + struct.pack(">I", zlib.crc32(b"IEND"))
    )


def test_shows_the_criterion_and_the_rule_evidence(opened):
    window = opened
    panel = window.criterion_panel
    window.navigator.select("GEB-ENTREE-01")
    assert panel.title_label.text() == "At most ten per entrance"
    assert "GEB-ENTREE-01" in panel.id_label.text()
    assert "Requirement" in panel.meta_label.text()
    assert panel.guidance_label.text() == "Few dwellings."
    assert panel.rule_box.isVisible()
    assert "does not meet" in panel.auto_label.text()
    rows = [(e.text(), t.text()) for _, e, t in panel.evidence._rows if e.isVisible()]
    assert [r[0] for r in rows] == ["A", "B"]
    assert "14" in rows[1][1]
    assert panel.verdict_buttons[Verdict.FAILS].isChecked()
    # no rule: no rule box
    window.navigator.select("OR-HOF-01")
    assert not panel.rule_box.isVisible()
    assert "Outside" not in panel.meta_label.text()
    window.navigator.select("GEB-GALERIJ-01")
    assert "outside the perspective" in panel.meta_label.text()


def test_texts_follow_the_language(opened):
    window = opened
    panel = window.criterion_panel
    window.navigator.select("GEB-ENTREE-01")
    set_language("nl")
    assert panel.title_label.text() == "Maximaal tien woningen per entree"
    assert panel.verdict_buttons[Verdict.MEETS].text() == "Voldoet"
    assert window.navigator.model.index(0, 0).data() == "Gebouw"
    set_language("en")
    assert panel.title_label.text() == "At most ten per entrance"


def test_overriding_asks_for_a_reason_and_cancel_changes_nothing(opened, qtbot, fake_dialogs):
    window = opened
    panel = window.criterion_panel
    window.navigator.select("GEB-ENTREE-01")  # the rule says: fails
    assessments = window.session.review.assessments

    panel.verdict_buttons[Verdict.MEETS].click()  # the dialog is cancelled
    assert len(fake_dialogs.called("ask_text")) == 1
    assert assessments["GEB-ENTREE-01"].verdict is Verdict.FAILS
    assert panel.verdict_buttons[Verdict.FAILS].isChecked()
    assert not panel.verdict_buttons[Verdict.MEETS].isChecked()
    assert window.session.undo_stack.count() == 0
    assert not panel.override_edit.isVisible()

    fake_dialogs.reply("ask_text", "Entrance B gets a second stair: 7 dwellings each.")
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_1)
    assert assessments["GEB-ENTREE-01"].verdict is Verdict.MEETS
    assert assessments["GEB-ENTREE-01"].override_reason.startswith("Entrance B")
    assert panel.override_edit.isVisible()
    assert panel.override_edit.toPlainText().startswith("Entrance B")
    assert QApplication.focusWidget() is panel.notes_edit

    # the reason stays editable, but cannot be emptied
    panel.override_edit.setPlainText("Second stair in the revised plan.")
    assert assessments["GEB-ENTREE-01"].override_reason == "Second stair in the revised plan."
    panel.override_edit.setPlainText("  ")
    assert panel.override_warning.isVisible()
    assert assessments["GEB-ENTREE-01"].override_reason == "Second stair in the revised plan."

    # going back to the rule's verdict is not an override: no question
    asked = len(fake_dialogs.called("ask_text"))
    panel.verdict_buttons[Verdict.FAILS].click()
    assert len(fake_dialogs.called("ask_text")) == asked
    assert not panel.override_edit.isVisible()


def test_partly_asks_for_the_local_constraint(opened, fake_dialogs):
    window = opened
    panel = window.criterion_panel
    window.navigator.select("OR-HOF-01")  # no rule
    panel.verdict_buttons[Verdict.PARTLY].click()  # cancelled
    assert window.session.review.assessments["OR-HOF-01"].verdict is Verdict.NOT_ASSESSED
    fake_dialogs.reply("ask_text", "Fire brigade needs access through the gate.")
    panel.verdict_buttons[Verdict.PARTLY].click()
    assessment = window.session.review.assessments["OR-HOF-01"]
    assert assessment.verdict is Verdict.PARTLY
    assert assessment.justification.startswith("Fire brigade")
    assert panel.justification_edit.isVisible()
    panel.justification_edit.setPlainText("Gate opens for the fire brigade.")
    assert (
        window.session.review.assessments["OR-HOF-01"].justification
        == "Gate opens for the fire brigade."
    )
    panel.clear_button.click()
    assert window.session.review.assessments["OR-HOF-01"].verdict is Verdict.NOT_ASSESSED
    assert not panel.justification_edit.isVisible()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_photos_that_are_too_large_or_not_photos_are_refused(opened, tmp_path, fake_dialogs):
    window = opened
    panel = window.criterion_panel
    huge = tmp_path / "a1-scan.png"
    huge.write_bytes(png_header(10_000, 9_500))
    fake = tmp_path / "notes.jpg"
    fake.write_bytes(b"this is no jpeg")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    good = tmp_path / "ok.png"
    Image.new("RGB", (30, 20), "#2e7d32").save(good)
    assert panel.add_photo_files([huge, fake, text, good]) == 1
    (args,) = fake_dialogs.called("show_error")
    message = args[2]
    assert "a1-scan.png" in message and "90 megapixels" in message
    assert "notes.jpg" in message and "notes.txt" in message
    assert len(window.session.review.assessments[panel.criterion_id].photos) == 1


def test_a_named_pipe_is_not_read_as_a_photo(opened, tmp_path, fake_dialogs):
    from tests.storage.test_regular_files import deadline

    panel = opened.criterion_panel
    pipe = tmp_path / "gevel.jpg"
    os.mkfifo(pipe)
    with deadline():
        assert panel.add_photo_files([pipe]) == 0
    (args,) = fake_dialogs.called("show_error")
    assert "gevel.jpg: it is a named pipe (FIFO), not a file" in args[2]


def test_drop_photos_on_the_panel(opened, tmp_path):
    window = opened
    panel = window.criterion_panel
    path = tmp_path / "gevel.png"
    Image.new("RGB", (30, 20), "#e69500").save(path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        panel.rect().center(),  # a QPoint: PySide6 before 6.12 takes no QPointF here
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(panel.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, drop)
    photos = window.session.review.assessments[panel.criterion_id].photos
    assert [p.caption for p in photos] == ["gevel"]
    assert panel.photo_list.count() == 1


def test_photo_thumbnails_survive_save_and_reopen(opened, tmp_path, fake_dialogs):
    window = opened
    panel = window.criterion_panel
    path = tmp_path / "hek.jpg"
    Image.new("RGB", (80, 60), "#8a8f98").save(path, "JPEG")
    panel.add_photo_files([path])
    cid = panel.criterion_id
    assert window.save()
    assert window.open_file(window.session.path)
    window.navigator.select(cid)
    assert window.criterion_panel.photo_list.count() == 1
    icon = window.criterion_panel.photo_list.item(0).icon()
    assert not icon.isNull()


def test_panel_without_criterion_shows_a_hint(qtbot):
    from reviewer.ui.review.criterion_panel import CriterionPanel

    panel = CriterionPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.placeholder.isVisible()
    assert panel.choose_verdict(Verdict.MEETS) is False
    assert panel.add_photo_files([Path("x.png")]) == 0

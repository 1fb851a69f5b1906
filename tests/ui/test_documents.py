"""New, open, save, save as, recent files, unsaved changes, and files that are not right."""

from __future__ import annotations

import json
import zipfile

import pytest
from PySide6.QtCore import QSettings, Qt

from reviewer.domain.verdict import Verdict
from reviewer.storage import container, review_file
from reviewer.storage.review_file import load_review
from reviewer.ui import main_window as main_window_module
from reviewer.ui.main_window import APP_NAME, MainWindow


def edit(window: MainWindow) -> None:
    window.session.set_verdict("OR-HOF-01", Verdict.MEETS)


def test_title_shows_name_and_unsaved_mark(opened, review_path):
    window = opened
    assert window.windowTitle() == f"merelhof.review[*] — {APP_NAME}"
    assert not window.isWindowModified()
    edit(window)
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_close_with_unsaved_changes_cancel_keeps_the_window(opened, fake_dialogs):
    window = opened
    edit(window)
    fake_dialogs.reply("ask_save_changes", "cancel")
    assert window.close() is False
    assert window.isVisible()
    assert fake_dialogs.called("ask_save_changes") == [(window, "merelhof.review")]


def test_close_with_unsaved_changes_discard(opened, review_path, fake_dialogs):
    window = opened
    before = review_path.read_bytes()
    edit(window)
    fake_dialogs.reply("ask_save_changes", "discard")
    assert window.close() is True
    assert review_path.read_bytes() == before


def test_close_with_unsaved_changes_save(opened, review_path, fake_dialogs):
    window = opened
    edit(window)
    fake_dialogs.reply("ask_save_changes", "save")
    assert window.close() is True
    assert load_review(review_path).review.assessments["OR-HOF-01"].verdict is Verdict.MEETS


def test_close_without_changes_does_not_ask(opened, fake_dialogs):
    assert opened.close() is True
    assert not fake_dialogs.called("ask_save_changes")


def test_save_with_ctrl_s(opened, qtbot, review_path):
    window = opened
    edit(window)
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert load_review(review_path).review.assessments["OR-HOF-01"].verdict is Verdict.MEETS


def test_open_other_file_asks_about_unsaved_changes(opened, tmp_path, review, fake_dialogs):
    window = opened
    other = tmp_path / "other.review"
    review_file.save_review(review_file.ReviewDocument(review), other)
    edit(window)
    fake_dialogs.reply("ask_save_changes", "cancel")
    assert window.open_file(other) is False
    assert window.session.path.name == "merelhof.review"
    fake_dialogs.reply("ask_save_changes", "discard")
    fake_dialogs.reply("ask_open_path", other)
    window.open_action.trigger()
    assert window.session.path == other
    assert not window.isWindowModified()


def test_corrupt_file_shows_a_clear_error_and_keeps_the_open_review(opened, tmp_path, fake_dialogs):
    window = opened
    bad = tmp_path / "broken.review"
    bad.write_bytes(b"PK\x03\x04 this is not a zip")
    assert window.open_file(bad) is False
    (args,) = fake_dialogs.called("show_error")
    assert args[1] == "The review cannot be opened"
    assert "broken.review" in args[2] and "Traceback" not in args[2]
    assert window.session.path.name == "merelhof.review"


def test_file_from_a_newer_version_says_so(window, review_path, tmp_path, fake_dialogs):
    newer = tmp_path / "newer.review"
    with zipfile.ZipFile(review_path) as zin, zipfile.ZipFile(newer, "w") as zout:
        payload = json.loads(zin.read("review.json"))
        payload["schema_version"] = 99
        zout.writestr("review.json", json.dumps(payload))
    assert window.open_file(newer) is False
    (args,) = fake_dialogs.called("show_error")
    assert "newer version" in args[2]
    assert window.session is None
    assert window.stack.currentWidget() is window.start_page


def test_missing_file(window, tmp_path, fake_dialogs):
    assert window.open_file(tmp_path / "nowhere.review") is False
    assert "does not exist" in fake_dialogs.called("show_error")[0][2]


def test_failed_save_keeps_the_old_file_and_the_changes(
    opened, review_path, monkeypatch, fake_dialogs
):
    window = opened
    before = review_path.read_bytes()
    edit(window)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(container.os, "fsync", disk_full)
    assert window.save() is False
    (args,) = fake_dialogs.called("show_error")
    assert args[1] == "The review was not saved"
    assert "No space left on device" in args[2]
    assert review_path.read_bytes() == before
    assert window.isWindowModified()
    assert window.session.review.assessments["OR-HOF-01"].verdict is Verdict.MEETS


def test_save_as_into_a_folder_that_cannot_be_written(opened, tmp_path, fake_dialogs):
    window = opened
    edit(window)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    fake_dialogs.reply("ask_save_path", blocker / "copy.review")
    assert window.save_as() is False
    assert "copy.review" in fake_dialogs.called("show_error")[0][2]
    assert window.session.path.name == "merelhof.review"
    assert window.isWindowModified()


def test_save_as_changes_the_title_and_recent_files(opened, tmp_path, fake_dialogs):
    window = opened
    target = tmp_path / "copy.review"
    fake_dialogs.reply("ask_save_path", target)
    window.save_as_action.trigger()
    assert window.session.path == target
    assert window.windowTitle().startswith("copy.review[*]")
    assert window.recent_files()[0] == target.resolve()
    window._fill_recent_menu()
    names = [a.text() for a in window.recent_menu.actions()]
    assert names[:2] == ["copy.review", "merelhof.review"]


def test_new_review_is_unsaved_and_save_asks_where(
    window, review, tmp_path, fake_dialogs, monkeypatch
):
    monkeypatch.setattr(main_window_module, "ask_new_review", lambda parent: review)
    window.new_action.trigger()
    assert window.session is not None and window.session.path is None
    assert window.windowTitle() == f"Testplan Merelhof[*] — {APP_NAME}"
    assert window.isWindowModified()
    target = tmp_path / "nieuw.review"
    fake_dialogs.reply("ask_save_path", target)
    assert window.save()
    assert fake_dialogs.called("ask_save_path")[0][1].endswith("Testplan Merelhof.review")
    assert target.exists() and not window.isWindowModified()


def test_cancelled_new_review_keeps_the_current_one(opened, monkeypatch):
    monkeypatch.setattr(main_window_module, "ask_new_review", lambda parent: None)
    assert opened.new_review() is False
    assert opened.session.path.name == "merelhof.review"


def test_bundled_example_opens_as_an_unsaved_copy(
    window, review_path, tmp_path, monkeypatch, fake_dialogs
):
    examples = tmp_path / "examples"
    examples.mkdir()
    example = examples / "voorbeeld.review"
    example.write_bytes(review_path.read_bytes())
    monkeypatch.setattr(main_window_module, "EXAMPLES", examples)
    monkeypatch.setattr(main_window_module, "EXAMPLE_REVIEW", example)
    window.example_action.trigger()
    assert window.session.path is None
    assert window.recent_files() == []
    edit(window)
    fake_dialogs.reply("ask_save_path", None)  # Save goes to Save As, cancelled
    assert window.save() is False
    assert example.read_bytes() == review_path.read_bytes()


def test_close_review_shows_the_start_page(opened):
    assert opened.close_document()
    assert opened.session is None
    assert opened.stack.currentWidget() is opened.start_page
    assert not opened.save_action.isEnabled()
    assert opened.windowTitle() == APP_NAME
    assert opened.start_page.recent.count() == 1


def test_window_geometry_and_splitter_are_remembered(qtbot, opened, review_path):
    opened.resize(760, 560)  # the offscreen screen is 800×600
    opened.splitter.setSizes([300, 440])
    sizes = opened.splitter.sizes()
    assert opened.close()
    assert QSettings().value("window/geometry") is not None
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.open_file(review_path)
    assert again.size().width() == 760
    assert again.splitter.sizes()[0] == pytest.approx(sizes[0], abs=2)


def test_default_split_gives_the_navigator_about_a_third(qtbot, review_path):
    window = MainWindow(remember=False)
    qtbot.addWidget(window)
    window.open_file(review_path)
    window.show()
    qtbot.waitExposed(window)
    left, right = window.splitter.sizes()
    assert 0.28 < left / (left + right) < 0.36


def test_drop_a_review_file_on_the_window_opens_it(window, review_path):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(review_path))])
    enter = QDragEnterEvent(
        QPoint(10, 10),  # a QPoint: PySide6 before 6.12 takes no QPointF here
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert window.session is not None and window.session.path == review_path

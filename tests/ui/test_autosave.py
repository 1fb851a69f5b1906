"""Autosave to the recovery folder, a crash, and recovery at the next start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.domain.verdict import Verdict
from reviewer.paths import ROOT
from reviewer.storage.review_file import load_review
from reviewer.ui.autosave import AutosaveManager, leftover_recoveries, recovery_dir
from reviewer.ui.main_window import MainWindow

CRASH = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from reviewer.domain.verdict import Verdict
    from reviewer.ui.app import configure_application

    app = QApplication([])
    configure_application(app)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
    from reviewer.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    assert window.open_file(sys.argv[1])
    window.session.set_verdict("OR-HOF-01", Verdict.MEETS)
    window.session.set_text("OR-HOF-01", "notes", "Hek staat open")
    print(window.autosave.save_now(), flush=True)
    os._exit(3)  # a crash: no close, no cleanup
    """
)


def files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def new_window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_recovery_folder_comes_from_the_environment(tmp_path):
    assert recovery_dir() == tmp_path / "recovery"


def test_autosave_runs_every_minute_while_modified(opened, qtbot):
    window = opened
    autosave = window.autosave
    assert autosave.timer.interval() == 60_000 and autosave.timer.isActive()
    assert autosave.save_now() is None  # nothing unsaved: nothing written
    window.session.set_verdict("OR-HOF-01", Verdict.MEETS)
    autosave.timer.setInterval(10)
    with qtbot.waitSignal(autosave.saved, timeout=5000) as blocker:
        pass
    path = blocker.args[0]
    assert path.exists()
    meta = json.loads(path.with_suffix(".json").read_text())
    assert meta["original"] == str(window.session.path)
    recovered = load_review(path)
    assert recovered.review.assessments["OR-HOF-01"].verdict is Verdict.MEETS


def test_autosave_when_the_app_loses_focus(opened):
    window = opened
    window.session.set_verdict("OR-HOF-01", Verdict.MEETS)
    window.autosave._state_changed(Qt.ApplicationState.ApplicationInactive)
    assert window.autosave.path.exists()


def test_clean_save_removes_the_recovery_file(opened):
    window = opened
    window.session.set_verdict("OR-HOF-01", Verdict.MEETS)
    path = window.autosave.save_now()
    assert path.exists()
    assert window.save()
    assert not path.exists() and not path.with_suffix(".json").exists()


def test_discarding_on_close_removes_the_recovery_file(opened, fake_dialogs):
    window = opened
    folder = window.autosave.folder
    window.session.set_verdict("OR-HOF-01", Verdict.MEETS)
    window.autosave.save_now()
    assert any(name.endswith(".review") for name in files(folder))
    fake_dialogs.reply("ask_save_changes", "discard")
    assert window.close()
    assert files(folder) == set()


def test_crash_then_recovery_at_next_start(qtbot, review_path, tmp_path, fake_dialogs):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", CRASH, str(review_path), str(tmp_path / "settings")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 3, result.stderr
    recovery_file = Path(result.stdout.strip().splitlines()[-1])
    assert recovery_file.exists()
    assert recovery_file.parent == tmp_path / "recovery"

    window = new_window(qtbot)
    fake_dialogs.reply("ask_recover", "recover")
    assert window.offer_recovery()
    ((_, name, original, _when, note),) = fake_dialogs.called("ask_recover")
    assert "before this copy" in note  # the file on disk is older than the recovery
    assert name == "merelhof.review" and original == str(review_path)
    assessment = window.session.review.assessments["OR-HOF-01"]
    assert assessment.verdict is Verdict.MEETS and assessment.notes == "Hek staat open"
    assert window.session.path == review_path  # Save goes back to the original
    assert window.isWindowModified()
    # the original file still has the old state until saved
    assert load_review(review_path).review.assessments["OR-HOF-01"].verdict is Verdict.NOT_ASSESSED
    assert window.save()
    assert load_review(review_path).review.assessments["OR-HOF-01"].notes == "Hek staat open"
    assert not recovery_file.exists()


def test_recovery_can_be_discarded_or_postponed(opened, qtbot, fake_dialogs):
    window = opened
    window.session.set_verdict("OR-HOF-01", Verdict.MEETS)
    path = window.autosave.save_now()
    # the open window holds the lock: a second instance does not offer its file
    assert leftover_recoveries(path.parent) == []
    window.autosave._lock.unlock()  # as if its process had died
    window.autosave._lock = None

    second = new_window(qtbot)
    fake_dialogs.reply("ask_recover", "later")
    assert second.offer_recovery() is False
    assert path.exists()  # kept for next time
    fake_dialogs.reply("ask_recover", "discard")
    assert second.offer_recovery() is False
    assert not path.exists()
    assert second.session is None


def test_broken_recovery_file_is_reported_and_removed(qtbot, tmp_path, fake_dialogs):
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "abc.review").write_bytes(b"garbage")
    (folder / "abc.json").write_text(json.dumps({"original": "", "name": "kapot"}))
    (folder / "junk.json").write_text("{not json")
    window = new_window(qtbot)
    fake_dialogs.reply("ask_recover", "recover")
    assert window.offer_recovery() is False
    assert fake_dialogs.called("show_error")
    assert files(folder) == set()


@pytest.mark.parametrize("interval", [1000])
def test_manager_without_session_does_nothing(qtbot, interval):
    manager = AutosaveManager(interval_ms=interval)
    assert manager.save_now() is None
    assert manager.path is None
    manager.track(None)
    assert not manager.timer.isActive()


def test_the_examples_recovered_changes_are_still_the_example(qtbot, fake_dialogs):
    from reviewer.paths import EXAMPLE_REVIEW

    window = new_window(qtbot)
    assert window.open_file(EXAMPLE_REVIEW)
    assert window.document.example
    cid = next(iter(window.session.review.assessments))
    window.session.set_text(cid, "notes", "proefje")
    path = window.autosave.save_now()
    window.autosave._lock.unlock()  # as if its process had died
    window.autosave._lock = None

    second = new_window(qtbot)
    fake_dialogs.reply("ask_recover", "recover")
    assert second.offer_recovery()
    assert second.session.review.assessments[cid].notes == "proefje"
    # still marked as the example: the title says so, and Save asks for a name of one's own
    assert second.document.example and second.session.path is None
    assert "(example)" in second.windowTitle()
    assert path.exists()

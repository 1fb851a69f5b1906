"""Starting the app: first document, screenshots, language, and unexpected errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from reviewer.paths import ROOT
from reviewer.ui import app as app_module
from reviewer.ui import main_window as main_window_module
from reviewer.ui.main_window import MainWindow


def run_reviewer(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def window_only(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("view", ["criterion", "plan", "summary", "drawings"])
def test_screenshot_of_each_view(review_path, tmp_path, view):
    out = tmp_path / f"{view}.png"
    result = run_reviewer(
        str(review_path), "--screenshot", str(out), "--view", view, "--lang", "en"
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    # nothing left beside the file: the screenshot lets go of its lock (as a person closing)
    assert not list(review_path.parent.glob(".~lock.*"))


def test_screenshot_of_a_corrupt_file_fails_cleanly(tmp_path):
    bad = tmp_path / "kapot.review"
    bad.write_text("nonsense")
    result = run_reviewer(str(bad), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "kapot.review" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_startup_probe_reports_and_reportlab_stays_unloaded(review_path):
    result = run_reviewer(str(review_path), env={app_module.PROBE_ENV: "1"})
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("REVIEWER_SHOWN"))
    assert line.endswith("reportlab=0")


def test_first_document_is_the_given_file(window_only, review_path):
    assert app_module.open_first_document(window_only, review_path)
    assert window_only.session.path == review_path


def test_first_document_is_the_last_review_then_the_example(
    window_only, review_path, tmp_path, monkeypatch
):
    examples = tmp_path / "examples"
    examples.mkdir()
    example = examples / "voorbeeld.review"
    example.write_bytes(review_path.read_bytes())
    monkeypatch.setattr(app_module, "EXAMPLE_REVIEW", example)
    monkeypatch.setattr(main_window_module, "EXAMPLES", examples)
    # no recent files: the example, as an unsaved copy
    assert app_module.open_first_document(window_only, None)
    assert window_only.session.path is None
    # with a recent file: that one
    window_only.add_recent(review_path)
    assert app_module.open_first_document(window_only, None)
    assert window_only.session.path == review_path


def test_first_document_missing_everything_gives_the_start_page(window_only, tmp_path, monkeypatch):
    monkeypatch.setattr(app_module, "EXAMPLE_REVIEW", tmp_path / "none.review")
    window_only.add_recent(tmp_path / "gone.review")
    assert app_module.open_first_document(window_only, None) is False
    assert window_only.session is None


def test_language_comes_from_the_option_then_the_settings():
    assert app_module._choose_language(None) == "nl"  # the default
    QSettings().setValue("language", "en")
    assert app_module._choose_language(None) == "en"
    assert app_module._choose_language("nl") == "nl"


def test_unexpected_errors_show_a_dialog_and_the_app_keeps_running(fake_dialogs, capsys):
    try:
        raise RuntimeError("the plan has no floors")
    except RuntimeError as exc:
        app_module._excepthook(RuntimeError, exc, exc.__traceback__)
    ((_parent, title, message, details),) = fake_dialogs.called("show_error")
    assert title == "Unexpected error"
    assert "the plan has no floors" in message
    assert "Traceback" in details
    assert "RuntimeError" in capsys.readouterr().err


def test_excepthook_is_installed(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    app_module.install_excepthook()
    assert sys.excepthook is app_module._excepthook


def test_application_names_for_settings(qapp):
    app_module.configure_application(qapp)
    assert qapp.organizationName() == app_module.ORGANIZATION
    assert QSettings.defaultFormat() == QSettings.Format.IniFormat
    assert Path(QSettings().fileName()).suffix == ".ini"


def test_the_application_names_its_desktop_entry(qapp):
    desktop = ROOT / "packaging" / "linux" / f"{app_module.DESKTOP_FILE}.desktop"
    assert qapp.desktopFileName() == app_module.DESKTOP_FILE
    assert desktop.exists()

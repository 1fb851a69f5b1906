"""UI test fixtures: settings, recovery and configuration folders per test, and dialogs
that never block.

Every question the app asks goes through reviewer.ui.dialogs; `fake_dialogs` replaces
those functions with ones that record the call and give a prepared answer (or a
harmless default), so no test ever waits on a modal dialog.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reviewer.storage.review_file import ReviewDocument, save_review
from reviewer.ui import dialogs

DEFAULTS: dict[str, Any] = {
    "ask_save_changes": "discard",
    "ask_text": None,
    "ask_open_path": None,
    "ask_save_path": None,
    "ask_export_path": None,
    "ask_photo_paths": [],
    "ask_image_path": None,
    "ask_yes_no": False,
    "ask_confirm": False,
    "ask_recover": "later",
    "ask_locked": "read_only",
    "ask_conflict": "cancel",
    "show_error": None,
    "show_info": None,
    "show_about": None,
    "open_url": True,
    "ask_drawing_paths": [],
    "ask_number": None,
    "ask_choice": None,
    "ask_assignment": None,
    "ask_certificate": None,
    "ask_passphrase": None,
    "ask_ifc_path": None,
}


class FakeDialogs:
    """Records every dialog call; `reply(name, *answers)` queues the answers to give."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self._replies: dict[str, list[Any]] = defaultdict(list)

    def reply(self, name: str, *answers: Any) -> None:
        self._replies[name].extend(answers)

    def called(self, name: str) -> list[tuple[Any, ...]]:
        return [args for n, args in self.calls if n == name]

    def make(self, name: str):  # type: ignore[no-untyped-def]
        def fake(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args))
            queue = self._replies[name]
            answer = queue.pop(0) if queue else DEFAULTS[name]
            return answer(*args) if callable(answer) else answer

        return fake


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    # The offscreen platform plugin warns whenever a window's size constraints change
    # ("This plugin does not support propagateSizeHints()"): a plugin limit, not a bug.
    # An open dropdown list (a popup) makes it say the same of raise() and keyboard grabs.
    here = Path(__file__).parent
    limits = ("propagateSizeHints", r"does not support raise\(\)", "grabbing the keyboard")
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_ignore(*limits))


@pytest.fixture(autouse=True)
def fake_dialogs(monkeypatch: pytest.MonkeyPatch) -> FakeDialogs:
    fake = FakeDialogs()
    for name in DEFAULTS:
        monkeypatch.setattr(dialogs, name, fake.make(name))
    return fake


@pytest.fixture(autouse=True)
def ui_env(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Settings and the recovery folder live in the test's temporary folder; English UI."""
    from reviewer.ui.app import configure_application
    from reviewer.ui.i18n import set_language

    configure_application(qapp)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    monkeypatch.setenv("REVIEWER_RECOVERY_DIR", str(tmp_path / "recovery"))
    # the organisation profile: never the real user folder
    monkeypatch.setattr("reviewer.storage.organisation.config_dir", lambda: tmp_path / "config")
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def review_path(tmp_path: Path, review) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "merelhof.review"
    save_review(ReviewDocument(review), path)
    return path


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    from reviewer.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture
def opened(window, review_path: Path):  # type: ignore[no-untyped-def]
    """The main window with the small test review open."""
    assert window.open_file(review_path)
    return window

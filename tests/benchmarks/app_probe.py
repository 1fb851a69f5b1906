"""Child processes that time the window with a large review: run as a script.

    python tests/benchmarks/app_probe.py app FILE.review     the reviewer's window with the
                                                             review, its plan view showing
                                                             the longest element table
    python tests/benchmarks/app_probe.py bare                a bare QMainWindow
    python tests/benchmarks/app_probe.py summary FILE        `reviewer summary` without a
                                                             process of its own

Each prints `SHOWN <unix time>` once its window is shown and painted (or the summary
printed); the caller times from its launch. Offscreen, with settings in a temporary
place (the caller sets QT_QPA_PLATFORM and XDG_* in the environment).
"""

from __future__ import annotations

import sys
import time


def _shown() -> None:
    print(f"SHOWN {time.time():.6f}", flush=True)


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()

    def done() -> None:
        window.grab()  # painted, as the app's window is
        _shown()
        app.exit(0)

    QTimer.singleShot(0, done)
    return app.exec()


def app(path: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reviewer.ui import dialogs
    from reviewer.ui.app import VIEWS, configure_application, open_first_document
    from reviewer.ui.i18n import set_language
    from reviewer.ui.main_window import MainWindow

    qapp = QApplication(sys.argv[:1])
    configure_application(qapp)
    set_language("nl")
    dialogs.ask_locked = lambda *args: "read_only"
    window = MainWindow(remember=False, autosave=False)
    window.resize(1280, 800)
    if not open_first_document(window, __import__("pathlib").Path(path), interactive=False):
        return 2
    window.show_view(VIEWS["plan"])
    window.show()
    panel = window.plan_page.widget()
    session = window.session
    assert session is not None
    plan = session.review.plan
    from reviewer.domain.plan import COLLECTIONS

    longest = max(COLLECTIONS, key=lambda c: len(getattr(plan, c)))
    panel.show_collection(longest)  # type: ignore[attr-defined]

    def done() -> None:
        window.grab()
        _shown()
        window.set_document(None)
        qapp.exit(0)

    QTimer.singleShot(0, done)
    return qapp.exec()


def summary(path: str) -> int:
    from reviewer.cli import main

    code = main(["summary", path])
    _shown()
    return code


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "bare":
        sys.exit(bare())
    if kind == "app":
        sys.exit(app(sys.argv[2]))
    sys.exit(summary(sys.argv[2]))

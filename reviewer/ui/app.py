"""Start the desktop app: QApplication, language, the main window, and the first document.

    reviewer                      the recovered document, else the last review, else the example
    reviewer FILE.review          that file (a problem → a clear dialog, the app keeps running)
    reviewer FILE.workshop        that workshop, in the workshop view
    reviewer FILE --screenshot OUT.png [--view criterion|plan|summary|drawings]
                                  render the window offscreen at 1280×800, save it, exit
                                  (a .workshop file renders the workshop view)

With REVIEWER_STARTUP_PROBE=1 in the environment the app prints when its window is
shown (`REVIEWER_SHOWN <unix time>` and whether reportlab was loaded) and exits: the
startup benchmark uses it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QSize, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from reviewer.paths import EXAMPLE_REVIEW

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow

ORGANIZATION = "SafetyCohesion"
APPLICATION = "Reviewer"
DISPLAY_NAME = "Safety & Cohesion Reviewer"
VIEWS = {"criterion": 0, "plan": 1, "summary": 2, "drawings": 3}
SCREENSHOT_SIZE = QSize(1280, 800)
PROBE_ENV = "REVIEWER_STARTUP_PROBE"


DESKTOP_FILE = "nl.safety-cohesion.Reviewer"


def configure_application(app: QCoreApplication) -> None:
    """Names that QSettings and QStandardPaths use; INI settings on every platform."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(DISPLAY_NAME)
        # matches packaging/linux/nl.safety-cohesion.Reviewer.desktop, so that a Wayland
        # desktop shows the window with the menu entry's name and icon
        app.setDesktopFileName(DESKTOP_FILE)
    from reviewer import __version__

    app.setApplicationVersion(__version__)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error: print it, show it in a dialog, and keep running."""
    import traceback  # imported here: it brings linecache and tokenize, ~10 ms at start

    text = "".join(traceback.format_exception(kind, value, tb))
    sys.stderr.write(text)
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    try:
        from reviewer.ui import dialogs

        window = QApplication.activeWindow()
        dialogs.show_error(
            window,
            QCoreApplication.translate("app", "Unexpected error"),
            QCoreApplication.translate(
                "app",
                "Something went wrong: {0}\n\nYour review is still open. Save it under a new "
                "name if you are unsure it is intact, and please report this problem.",
            ).format(str(value) or kind.__name__),
            text,
        )
    except Exception:  # the dialog itself failed: the traceback is on stderr already
        pass


def _print_error(parent: object, title: str, message: str, details: str = "") -> None:
    print(f"reviewer: {message}", file=sys.stderr)


def _bindings_sound(*, show_dialog: bool) -> bool:
    """Refuse to start on Qt bindings that would abort Python mid-review."""
    from reviewer.ui.bindings import defect_message

    message = defect_message()
    if message is None:
        return True
    print(f"reviewer: {message}", file=sys.stderr)
    if show_dialog:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, DISPLAY_NAME, message)
    return False


def install_excepthook() -> None:
    sys.excepthook = _excepthook


def _choose_language(lang: str | None) -> str:
    if lang:
        return lang
    value = QSettings().value("language", "nl")
    return value if value in ("nl", "en") else "nl"


def open_first_document(window: MainWindow, file: Path | None, *, interactive: bool = True) -> bool:
    """What the app shows first: FILE; else a recovered document, the last review, or the
    bundled example. Returns whether a document was opened. A file that cannot be opened
    gives a message and the start page, never an exit."""
    if file is not None:
        return window.open_file(file)
    if interactive:
        if window.offer_recovery():
            return True
        recent = [p for p in window.recent_files() if p.exists()]
        if recent:
            # a file that fails (damaged since) has said why; the window stays empty
            # rather than showing something the person did not ask for
            return window.open_file(recent[0])
    return EXAMPLE_REVIEW.exists() and window.open_file(EXAMPLE_REVIEW)


def _screenshot(window: MainWindow, out: Path, view: str | None) -> int:
    """Render the window with its document at `view` and save a PNG."""
    window.resize(SCREENSHOT_SIZE)
    window.show()
    app = QApplication.instance()
    app.processEvents()
    session = window.session
    if window.workshop is not None:
        # the first conflict shows the most: two opposite verdicts, maybe a tension
        workshop = window.workshop
        items = workshop.comparison.items
        order = ("conflict", "differ", "only_a", "only_b", "agree", "neither")
        items = sorted(items, key=lambda i: (order.index(i.status.value), not i.a.is_assessed))
        if items:
            table = window.workshop_view.table
            window.workshop_view.select(items[0].criterion_id)
            table.scrollTo(table.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter)
    elif session is not None:
        review = session.review
        # a criterion whose rule measured several plan elements shows the most
        with_evidence = [c.id for c in review.criteria() if review.assessments[c.id].evidence]
        several = [c for c in with_evidence if len(review.assessments[c].evidence) > 1]
        target = (several or with_evidence or [None])[0]
        if target:
            window.navigator.select(target)
            window.navigator.tree.scrollTo(
                window.navigator.tree.currentIndex(),
                QAbstractItemView.ScrollHint.PositionAtCenter,
            )
    if window.workshop is None:
        window.show_view(VIEWS.get(view or "criterion", 0))
    for _ in range(3):
        app.processEvents()
    if view == "drawings" and window.drawing_page.is_created:
        sheet_view = window.drawing_page.widget().view  # type: ignore[attr-defined]
        sheet_view.render_drawing()
        sheet_view.wait_for_render(30.0)  # rendered in a worker process, not here
        app.processEvents()
    pixmap = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(out), "PNG"):
        print(f"reviewer: cannot write {out}", file=sys.stderr)
        return 2
    print(f"{out}: {pixmap.width()}×{pixmap.height()} screenshot")
    return 0


def run_gui(
    file: Path | None,
    *,
    screenshot: Path | None = None,
    view: str | None = None,
    lang: str | None = None,
) -> int:
    """Run the desktop app; returns the exit status."""
    probe = os.environ.get(PROBE_ENV) == "1"
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    if not _bindings_sound(show_dialog=screenshot is None and not probe):
        return 2

    from reviewer.ui import dialogs, icons
    from reviewer.ui.i18n import set_language
    from reviewer.ui.main_window import MainWindow

    app.setWindowIcon(icons.icon("app"))
    set_language(_choose_language(lang))
    if screenshot is None and not probe:
        install_excepthook()

    headless = screenshot is not None or probe
    if headless:  # no modal dialogs without a person to answer them
        dialogs.show_error = _print_error
        # a file open elsewhere is only looked at; a recovery copy waits for a person
        dialogs.ask_locked = lambda *args: "read_only"
        dialogs.ask_recover = lambda *args: "later"
    window = MainWindow(remember=not headless, autosave=not headless)
    opened = open_first_document(window, file, interactive=not headless)

    if screenshot is not None:
        if file is not None and not opened:
            return 2
        try:
            return _screenshot(window, screenshot, view)
        finally:
            window.set_document(None)  # lets go of the file's lock: nothing left beside it
    if view in VIEWS and window.session is not None:
        window.show_view(VIEWS[view])
    window.show()
    if probe:

        def report() -> None:
            loaded = int("reportlab" in sys.modules)
            print(f"REVIEWER_SHOWN {time.time():.6f} reportlab={loaded}", flush=True)
            app.exit(0)

        QTimer.singleShot(0, report)
    elif not window.isVisible():  # pragma: no cover - defensive
        dialogs.show_error(None, DISPLAY_NAME, "The window could not be shown.")
        return 2
    code = app.exec()
    if probe:  # closed by the probe, not by a person: the lock is let go of here
        window.set_document(None)
    return code

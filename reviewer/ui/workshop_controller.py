"""The main window's side of the workshop cycle: putting two reviews of one plan side by
side (a new workshop, the example workshop), and comparing the open review with the
review of an earlier revision (or with a colleague's copy of the same one), with its PDF.
Kept out of `main_window.py`, which only delegates here; the workshop's own modules are
imported when first used, so the app starts without them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QWidget

from reviewer.paths import EXAMPLES
from reviewer.storage.review_file import ReviewDocument
from reviewer.ui import dialogs, export
from reviewer.ui.document import file_stem
from reviewer.ui.i18n import current_lang

if TYPE_CHECKING:
    from reviewer.storage.workshop_file import WorkshopDocument
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.workshop.session import WorkshopSession
    from reviewer.ui.workshop.view import WorkshopView

# the example workshop: the bundled safety and cohesion reviews of one plan
EXAMPLE_WORKSHOP = (
    EXAMPLES / "galerijflat-veiligheid.review",
    EXAMPLES / "galerijflat-cohesie.review",
)


def example_workshop_installed() -> bool:
    return all(p.exists() for p in EXAMPLE_WORKSHOP)


class WorkshopController(QObject):
    """Workshops and revision comparisons for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.revision_dialog: QWidget | None = None  # the comparison shown, if any
        self._view: WorkshopView | None = None  # made when first needed

    # ------------------------------------------------------------ the workshop view
    @property
    def view(self) -> WorkshopView:
        """The workshop view, made the first time it is needed (the app starts faster)."""
        if self._view is None:
            from reviewer.ui.workshop.view import WorkshopView  # the app starts without it

            window = self.window
            view = WorkshopView(window)
            view.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
            for action in view.actions_for_menu():
                if action is None:
                    window.workshop_menu.addSeparator()
                else:
                    window.workshop_menu.addAction(action)
            window.toolbar.insertAction(window.next_unassessed_action, view.next_open_action)
            window.stack.addWidget(view)
            self._view = view
        return self._view

    def show(self, workshop: WorkshopSession | None, old: WorkshopSession | None) -> None:
        """The workshop view follows the open workshop."""
        window = self.window
        if old is not None:
            old.detailsChanged.disconnect(window._update_title)
        if workshop is None and old is None:
            return
        view = self.view
        view.set_session(workshop)
        if workshop is not None:
            workshop.detailsChanged.connect(window._update_title)
            window.stack.setCurrentWidget(view)
            view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_next_open_action(self, visible: bool) -> None:
        """The toolbar's "next open difference", while a workshop is open."""
        if self._view is not None:
            self._view.next_open_action.setVisible(visible)

    # ------------------------------------------------------------ workshops
    def _workshop_from(self, a: Path, b: Path) -> WorkshopDocument | None:
        """Two reviews put side by side; says why not (different plans, a bad file)."""
        from reviewer.ui.review.session import ReviewSession
        from reviewer.ui.workshop import dialogs as workshop_dialogs

        return workshop_dialogs.workshop_from_pair(
            self.window,
            a,
            b,
            lambda exc, path: self.window._open_error(ReviewSession.cannot_open_title(), exc, path),
        )

    def new_workshop(self) -> bool:
        """Ask for two .review files of one plan and put them side by side."""
        from reviewer.ui.workshop import dialogs as workshop_dialogs

        window = self.window
        start = ""
        if window.document is not None and window.document.path is not None:
            start = str(window.document.path.parent)
        elif window.recent_files():
            start = str(window.recent_files()[0].parent)
        # the review that is open (as saved) is one of the two, most likely
        review = window.session
        current = review.path if review is not None else None
        perspective = review.review.perspective.value if review is not None else ""
        pair = workshop_dialogs.ask_review_pair(
            window, start, current=current, perspective=perspective
        )
        if pair is None:
            return False
        document = self._workshop_from(*pair)
        if document is None or not window.maybe_save():
            return False
        from reviewer.ui.workshop.session import WorkshopSession

        workshop = WorkshopSession(document, None)
        workshop.undo_stack.resetClean()  # never saved: closing asks
        window.set_document(workshop)
        return True

    def open_example(self) -> bool:
        """The bundled safety and cohesion reviews of one plan, as an unsaved workshop."""
        window = self.window
        missing = [p for p in EXAMPLE_WORKSHOP if not p.exists()]
        if missing:
            dialogs.show_error(
                window,
                QCoreApplication.translate("MainWindow", "No example"),
                QCoreApplication.translate(
                    "MainWindow", "The example review is not installed ({0})."
                ).format(missing[0]),
            )
            return False
        document = self._workshop_from(*EXAMPLE_WORKSHOP)
        if document is None or not window.maybe_save():
            return False
        from reviewer.ui.workshop.session import WorkshopSession

        workshop = WorkshopSession(document, None)
        workshop.example = True
        window.set_document(workshop)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "The example workshop: press F3 for the next open difference."
            ),
            8000,
        )
        return True

    # ------------------------------------------------------------ revisions
    def compare_revision(self, path: Path | None = None) -> bool:
        """Compare the open review with the review of an earlier revision of the plan
        (or with `path`: the version somebody else saved of the same file)."""
        from reviewer.ui.workshop import dialogs as workshop_dialogs

        session = self.window.session
        if session is None:
            return False
        start = str(session.path.parent) if session.path else ""
        path = path or workshop_dialogs.ask_earlier_revision(self.window, start)
        if path is None:
            return False
        old = self.window._load(path)
        if old is None:
            return False
        return self.compare_with(old, path)

    def compare_with(self, old: ReviewDocument, path: Path) -> bool:
        """Show the comparison of `old` (read from `path`, or named so) with the open review."""
        from reviewer.ui.workshop import export as workshop_export
        from reviewer.ui.workshop.revision import revision_dialog

        window = self.window
        if window.session is None:
            return False
        self.close_revision_dialog()
        dialog = revision_dialog(window, old.review, window.session.review, path)
        if dialog is None:
            return False
        dialog.criterionActivated.connect(window.show_criterion)
        old_document = export.snapshot(old)
        dialog.exportRequested.connect(lambda: self._export_revision(old_document))
        dialog.set_export_available(workshop_export.revision_report_available())
        self.revision_dialog = dialog
        dialog.destroyed.connect(self._revision_dialog_gone)
        dialog.show()
        return True

    def _revision_dialog_gone(self) -> None:
        self.revision_dialog = None

    def close_revision_dialog(self) -> None:
        dialog, self.revision_dialog = self.revision_dialog, None
        if dialog is not None:
            dialog.close()

    def _export_revision(self, old: ReviewDocument) -> None:
        from reviewer.ui.workshop import export as workshop_export

        window = self.window
        session = window.session
        if not workshop_export.revision_report_available() or session is None:
            return
        if window.exporting:
            return
        stem = file_stem(session.suggested_stem(), "review")
        folder = session.path.parent if session.path else Path.home()
        out = dialogs.ask_export_path(window, str(folder / f"{stem} revisions.pdf"))
        if out is None:
            return
        window.start_report(
            workshop_export.revision_job(window, old, session.document, out, current_lang())
        )

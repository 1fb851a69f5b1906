"""The main window's IFC commands: File → Import IFC Model… and Review → Update from IFC….

The model is read by `ifc_import_job` (reviewer/ui/review/ifc_import.py) off the GUI
thread; this controller asks what to read, and turns the result into a new review or an
update of the open one (one undo step). Kept out of `main_window.py`, which delegates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from reviewer.storage.review_file import ReviewDocument
from reviewer.ui import dialogs
from reviewer.ui.error_text import error_text
from reviewer.ui.i18n import current_lang
from reviewer.ui.review.session import ReviewSession

if TYPE_CHECKING:
    from reviewer.ui.background import BackgroundJob
    from reviewer.ui.main_window import MainWindow


class IfcController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: BackgroundJob | None = None  # the model being read, if any

    def _start(self) -> Path | None:
        """The model to read, or None: the extra missing (said how to add it), another
        import running, or cancelled."""
        from reviewer.ui.review.ifc_import import extra_missing_text

        if self.job is not None:
            return None
        missing = extra_missing_text()
        if missing is not None:
            dialogs.show_info(self.window, self.tr("IFC import is not installed"), missing)
            return None
        start = ""
        document = self.window.document
        if document is not None and document.path is not None:
            start = str(document.path.parent)
        return dialogs.ask_ifc_path(self.window, start)

    def _run(self, path: Path, done: Any) -> None:
        from reviewer.ui.review.ifc_import import ifc_import_job

        job = ifc_import_job(self.window, path)
        self.job = job

        def finished(result: Any) -> None:
            self.job = None
            done(result)

        def failed(message: str) -> None:
            self.job = None
            dialogs.show_error(
                self.window,
                self.tr("The IFC model was not imported"),
                self.tr("The model could not be imported: {0}").format(error_text(message)),
            )

        def cancelled() -> None:
            self.job = None
            self.window.statusBar().showMessage(self.tr("IFC import cancelled"), 5_000)

        job.finished.connect(finished)
        job.failed.connect(failed)
        job.cancelled.connect(cancelled)
        job.start()

    def wait(self) -> None:
        """Let a running import end (the window is closing)."""
        if self.job is not None:
            self.job.wait()

    def import_model(self) -> bool:
        """A new review of a model, each storey a drawing, its facts suggestions to
        confirm. The model is read off the GUI thread."""
        path = self._start()
        if path is None:
            return False
        from reviewer.domain.checklist import Perspective

        perspectives = list(Perspective)
        lang = current_lang()
        choice = dialogs.ask_choice(
            self.window,
            self.tr("Import IFC model"),
            self.tr("Review the model from the perspective of:"),
            [p.label.get(lang) for p in perspectives],
        )
        if choice is None:
            return False
        self._run(path, lambda result: self._new_review(result, perspectives[choice]))
        return True

    def _new_review(self, result: Any, perspective: Any) -> None:
        from reviewer.bim.ifc_import import new_review_from_ifc
        from reviewer.paths import DEFAULT_CHECKLIST
        from reviewer.storage.yamlfile import load_checklist

        window = self.window
        if not window.maybe_save():
            return
        review, attachments = new_review_from_ifc(
            result, load_checklist(DEFAULT_CHECKLIST), perspective
        )
        session = ReviewSession(ReviewDocument(review, attachments), None)
        session.undo_stack.resetClean()  # never saved: closing asks
        window.set_document(session)
        window.review_pages.show_view(3)  # the drawings: what came in
        lines = [
            self.tr("{0} drawing sheets, one per storey, with their scale.").format(
                len(review.sheets)
            ),
            self.tr(
                "The plan facts read from the model are suggestions: confirm them in the "
                "Plan view (Confirm, Ctrl+Shift+K). Until then the rules do not count them."
            ),
        ]
        if result.warning:
            lines.append(error_text(result.warning))
        lines += [error_text(note) for note in result.notes]
        dialogs.show_info(window, self.tr("IFC model imported"), "\n\n".join(lines))

    def update(self) -> bool:
        """A newer model's suggestions and drawings into the open review, as one undo
        step; what a person typed or confirmed stays."""
        session = self.window.session
        if session is None:
            return False
        path = self._start()
        if path is None:
            return False
        self._run(path, lambda result: self._update(session, result))
        return True

    def _update(self, session: ReviewSession, result: Any) -> None:
        from reviewer.bim.ifc_import import update_review_from_ifc
        from reviewer.ui.review.ifc_import import change_lines

        window = self.window
        if session is not window.session:  # the review was closed meanwhile
            return
        update = update_review_from_ifc(session.review, session.document.attachments, result)
        changes = update.changes
        lines = change_lines(changes, current_lang())
        text = "\n".join(lines[:40]) or self.tr("No suggested fact changed.")
        if len(lines) > 40:
            text += "\n" + self.tr("… and {0} more").format(len(lines) - 40)
        if update.pins_added:
            text += "\n" + self.tr("Pins for new entrances: {0}").format(
                ", ".join(map(str, update.pins_added))
            )
        if update.pins_removed:
            text += "\n" + self.tr("Pins of entrances no longer in the model, removed: {0}").format(
                ", ".join(map(str, update.pins_removed))
            )
        if not dialogs.ask_confirm(
            window,
            self.tr("Update from IFC"),
            self.tr("Update the review from {0}?").format(_model_name(result, session)),
            text,
            self.tr("Update"),
        ):
            return
        session.apply_ifc_update(update.review, update.attachments, self.tr("Update from IFC"))
        window.statusBar().showMessage(
            self.tr("Updated from the IFC model: {0} changes").format(len(changes)), 10_000
        )


def _model_name(result: Any, session: ReviewSession) -> str:
    """The model's storeys as the update dialog names them."""
    names = ", ".join(s.sheet.name for s in result.sheets)
    return f"{session.review.plan.identity.name} ({names})" if names else session.display_name()

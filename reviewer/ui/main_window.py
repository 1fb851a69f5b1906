"""The main window: one open document at a time, a review or a workshop.

A review shows the navigator on the left and the criterion, plan, summary, drawings and
dossier views on the right; a workshop shows the workshop view. Every kind of document is a
`DocumentSession` (reviewer.ui.document): opening, saving, autosave, recovery and export
go one way for all of them. The actions and menus are built (and enabled) by
`reviewer.ui.actions`, the start page by `reviewer.ui.start_page`; locks and recovery
copies are asked about by `reviewer.ui.file_guard` and recovered by `reviewer.ui.recovery`.
Workshops and revision comparisons (`workshop_controller`), the register
(`register.controller`) and IFC models (`ifc_controller`) have controllers of their own;
the window delegates to them.

Keys make a whole checklist doable from the keyboard: F3 / Ctrl+Return goes to the next
criterion without a verdict, 1–4 give a verdict (focus then lands in the notes), Alt+Up
/ Alt+Down step through the list. In a workshop the same keys walk the open differences.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from reviewer import __version__
from reviewer.domain.review import Review
from reviewer.paths import EXAMPLE_REVIEW, EXAMPLES
from reviewer.storage.ownership import Fingerprint, same_file
from reviewer.storage.review_file import ReviewDocument, load_review
from reviewer.ui import dialogs, export
from reviewer.ui.actions import WindowActions
from reviewer.ui.autosave import AutosaveManager, Recovery, local_time
from reviewer.ui.document import DocumentSession, file_stem, free_name
from reviewer.ui.error_text import error_text
from reviewer.ui.file_guard import FileGuard
from reviewer.ui.i18n import current_lang, notifier, set_language
from reviewer.ui.ifc_controller import IfcController
from reviewer.ui.kinds import SUFFIXES as DOCUMENT_SUFFIXES
from reviewer.ui.kinds import kind_of
from reviewer.ui.register.controller import RegisterController
from reviewer.ui.review.pages import ReviewPages
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.start_page import APP_NAME, StartPage
from reviewer.ui.workshop_controller import WorkshopController, example_workshop_installed

if TYPE_CHECKING:  # a workshop's modules are imported when a workshop opens
    from reviewer.ui.background import BackgroundJob
    from reviewer.ui.workshop.session import WorkshopSession
    from reviewer.ui.workshop.view import WorkshopView

MAX_RECENT = 8
DEFAULT_SIZE = QSize(1280, 800)
NAVIGATOR_SHARE = 0.32


def ask_new_review(parent: QWidget | None) -> Review | None:
    """The New Review dialog; tests replace this."""
    from reviewer.ui.review.new_review_dialog import ask_new_review as ask

    return ask(parent)


class MainWindow(QMainWindow):
    """The application window; holds at most one open document (a `DocumentSession`):
    a review (`ReviewSession`) or a workshop (`WorkshopSession`)."""

    sessionChanged = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        remember: bool = True,
        autosave: bool = True,
    ) -> None:
        super().__init__(parent)
        self._document: DocumentSession | None = None
        self._remember = remember
        self._export_job: export.ReportJob | None = None
        self.ifc = IfcController(self)  # File → Import IFC, Review → Update from IFC
        self.workshops = WorkshopController(self)  # workshops and revision comparisons
        self._bcf_job: BackgroundJob | None = None  # a running BCF export (review/bcf.py)
        from reviewer.ui import icons

        self.setWindowIcon(icons.icon("app"))
        self.setAcceptDrops(True)

        self.undo_group = QUndoGroup(self)
        self.autosave = AutosaveManager(self)
        self.autosave.failed.connect(self._autosave_failed)
        self._autosave_enabled = autosave
        self.guard = FileGuard(self, lambda: self.autosave.folder)

        self.review_pages = pages = ReviewPages(self)
        pages.viewChanged.connect(self._view_changed)
        pages.verdictTargetChanged.connect(self._update_verdict_actions)
        pages.message.connect(self.statusBar().showMessage)
        pages.newReviewRequested.connect(self.new_review)
        pages.compareRequested.connect(lambda path: self.compare_revision(path))
        # the review's pages, as the rest of the app and the tests know them
        self.splitter = pages
        self.navigator, self.criterion_panel, self.tabs = (
            pages.navigator,
            pages.criterion_panel,
            pages.tabs,
        )
        self.plan_page, self.summary_page, self.drawing_page, self.dossier_page = (
            pages.plan_page,
            pages.summary_page,
            pages.drawing_page,
            pages.dossier_page,
        )
        self.show_view, self.show_criterion = pages.show_view, pages.show_criterion

        self.start_page = StartPage(self)
        self.start_page.openRecent.connect(self.open_file)
        self.start_page.newReview.connect(self.new_review)
        self.start_page.openReview.connect(self.open_dialog)
        self.start_page.openExample.connect(self.open_example)
        self.start_page.newWorkshop.connect(self.new_workshop)
        self.start_page.openExampleWorkshop.connect(self.open_example_workshop)
        self.start_page.openRegister.connect(self.open_register)
        self.registers = RegisterController(self)  # connected when first used
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)

        self.window_actions = WindowActions(self)
        self.retranslate()
        notifier.changed.connect(self.retranslate)

        self.resize(DEFAULT_SIZE)
        self.splitter.setSizes(
            [
                int(DEFAULT_SIZE.width() * NAVIGATOR_SHARE),
                int(DEFAULT_SIZE.width() * (1 - NAVIGATOR_SHARE)),
            ]
        )
        if remember:
            self._restore_settings()
        self._update_state()

    def retranslate(self, *_: object) -> None:
        self.window_actions.retranslate()
        self.start_page.examples = (
            EXAMPLE_REVIEW.exists(),
            example_workshop_installed(),
        )
        self.start_page.retranslate()
        self._update_export_action()
        self._update_title()
        self._update_status()

    # ------------------------------------------------------------ the open document
    @property
    def document(self) -> DocumentSession | None:
        """The open document: a review or a workshop (or None)."""
        return self._document

    @property
    def session(self) -> ReviewSession | None:
        """The open review, if a review is open."""
        document = self._document
        return document if isinstance(document, ReviewSession) else None

    @property
    def workshop(self) -> WorkshopSession | None:
        """The open workshop, if a workshop is open."""
        document = self._document
        return document if document is not None and document.kind == "workshop" else None  # type: ignore[return-value]

    def set_document(
        self, document: DocumentSession | None, recovery: Recovery | None = None
    ) -> None:
        """Show `document` (None: the start page). The caller has dealt with unsaved
        changes; whatever was open is let go of, with its lock."""
        self._close_revision_dialog()
        old = self._document
        if old is not None:
            old.modifiedChanged.disconnect(self._update_state)
            old.pathChanged.disconnect(self._update_state)
            self.undo_group.removeStack(old.undo_stack)
            if old.claim is not None:
                old.claim.release()
        self._document = document
        if document is not None:
            document.setParent(self)
            self.undo_group.addStack(document.undo_stack)
            self.undo_group.setActiveStack(document.undo_stack)
            document.modifiedChanged.connect(self._update_state)
            document.pathChanged.connect(self._update_state)
        self._show_review(self.session, old if isinstance(old, ReviewSession) else None)
        old_workshop = old if old is not None and old.kind == "workshop" else None
        self.workshops.show(self.workshop, old_workshop)  # type: ignore[arg-type]
        if self._autosave_enabled:
            self.autosave.track(document, recovery)
        elif recovery is not None:
            recovery.release()
        if old is not None:
            old.setParent(None)
            old.deleteLater()
        if document is None:
            self.stack.setCurrentWidget(self.start_page)
        self._update_state()
        self.sessionChanged.emit()

    def set_session(self, session: ReviewSession | None) -> None:
        self.set_document(session)

    def _show_review(self, session: ReviewSession | None, old: ReviewSession | None) -> None:
        """The review's pages follow the open review (or show nothing)."""
        if old is not None:
            old.assessmentChanged.disconnect(self._update_status)
        if session is not None:
            session.assessmentChanged.connect(self._update_status)
        if session is not None or old is not None:
            self.review_pages.set_session(session)
        if session is not None:
            self.stack.setCurrentWidget(self.review_pages)

    @property
    def workshop_view(self) -> WorkshopView:
        """The workshop view, made the first time it is needed (the app starts faster)."""
        return self.workshops.view

    def _view_changed(self, index: int) -> None:
        if 0 <= index < len(self.view_actions):
            self.view_actions[index].setChecked(True)

    def _update_state(self, *_: object) -> None:
        document = self.document
        self.window_actions.update_state()  # what is enabled and shown for the document
        self._update_title()
        self._update_status()
        session = self.session
        self.review_pages.set_example(session is not None and session.example)
        if document is None:
            self.start_page.set_recent(self.recent_files())

    def _update_verdict_actions(self) -> None:
        self.window_actions.update_verdict_actions()

    def _update_export_action(self) -> None:
        self.window_actions.update_export_action()

    def _update_title(self, *_: object) -> None:
        document = self.document
        if document is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        name = document.display_name()
        if document.example:
            name = self.tr("{0} (example)").format(name)
        if document.read_only:
            name = self.tr("{0} (read-only)").format(name)
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(document.is_modified)

    def _update_status(self, *_: object) -> None:
        document = self.document
        self.status_label.setText(document.status_text(current_lang()) if document else "")

    def _autosave_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed: {0}").format(message), 10_000)

    # ------------------------------------------------------------ documents
    @staticmethod
    def _is_bundled(path: Path) -> bool:
        try:
            return path.resolve().is_relative_to(EXAMPLES.resolve())
        except OSError:
            return False

    def maybe_save(self) -> bool:
        """Deal with unsaved changes before they would be lost; False: the user cancelled."""
        document = self.document
        if document is None or not document.is_modified:
            return True
        choice = dialogs.ask_save_changes(self, document.display_name())
        if choice == "cancel":
            return False
        if choice == "save":
            return self.save()
        return True

    def _load(self, path: Path) -> ReviewDocument | None:
        """A review file for a comparison; a problem is said, never raised."""
        try:
            return load_review(path)
        except Exception as exc:  # DocumentFileError, OSError, or a defect in a loader
            self._open_error(ReviewSession.cannot_open_title(), exc, path)
        return None

    def _open_error(self, title: str, exc: Exception, path: Path) -> None:
        """Say why a file did not open; a defect in a loader is a message too, never an
        exit (a damaged last-opened file must not stop the app at every start)."""
        from reviewer.storage.container import DocumentFileError

        if isinstance(exc, DocumentFileError):
            message = error_text(str(exc))
        elif isinstance(exc, OSError):
            message = self.tr("Cannot open {0}: {1}").format(path.name, exc.strerror or exc)
        else:
            message = self.tr("Cannot open {0}: it is damaged or not a file of this app ({1}).")
            message = message.format(path.name, type(exc).__name__)
        dialogs.show_error(self, title, message)

    def open_file(self, path: Path | str) -> bool:
        """Open a .review or .workshop file; on any problem say why and keep what was open.

        A crash's recovery copy of the file is offered first, whichever way the file is
        opened; a file open elsewhere can be opened read-only."""
        path = Path(path)
        bundled = self._is_bundled(path)
        recovery = None if bundled else self.guard.recovery_for(path)
        if recovery is not None:
            choice = self.guard.offer(recovery)
            if choice == "recover":
                if not self.maybe_save():
                    recovery.release()
                    return False
                return self.recover(recovery)
            if choice == "discard":
                recovery.discard()
            else:
                recovery.release()
        kind = kind_of(path)
        fingerprint = Fingerprint.of_file(path)  # before loading: a later change is caught
        try:
            loaded = kind.load(path)
        except Exception as exc:  # DocumentFileError, OSError, or a defect in a loader
            self._open_error(kind.session.cannot_open_title(), exc, path)
            return False
        how = "copy" if bundled else self.guard.ask_lock(path)
        if how is None or not self.maybe_save():
            return False
        document = kind.session(loaded, None if bundled else path)  # type: ignore[call-arg]
        document.example = bundled
        if not bundled:
            document.claim = self.guard.claim(path, fingerprint, how)
            self.add_recent(path)
        self.set_document(document)
        self.guard.opened(path, document.claim)
        return True

    def open_dialog(self) -> None:
        document = self.document
        start = str(document.path.parent) if document and document.path else ""
        if not start and self.recent_files():
            start = str(self.recent_files()[0].parent)
        path = dialogs.ask_open_path(self, start)
        if path is not None:
            self.open_file(path)

    def open_example(self) -> bool:
        if not EXAMPLE_REVIEW.exists():
            dialogs.show_error(
                self,
                self.tr("No example"),
                self.tr("The example review is not installed ({0}).").format(EXAMPLE_REVIEW),
            )
            return False
        return self.open_file(EXAMPLE_REVIEW)

    def new_review(self) -> bool:
        if not self.maybe_save():
            return False
        review = ask_new_review(self)
        if review is None:
            return False
        session = ReviewSession(ReviewDocument(review), None)
        session.undo_stack.resetClean()  # never saved: closing asks
        self.set_document(session)
        return True

    def upgrade_checklist(self) -> bool:
        """Carry the open review over to the bundled checklist, as a new unsaved review."""
        from reviewer.ui.review.upgrade_dialog import upgraded_session

        if self.session is None:
            return False
        result = upgraded_session(self, self.session)
        if result is None or not self.maybe_save():
            return False
        session, message = result
        self.set_document(session)
        self.statusBar().showMessage(message, 10_000)
        return True

    def next_stage(self, *, same_stage: bool = False) -> bool:
        """A new review of the open plan at a later stage (or, `same_stage`, from another
        perspective), as a new unsaved review; the open file is not changed."""
        from reviewer.ui.review.next_stage_dialog import next_stage_session

        if self.session is None:
            return False
        # first the open review as it is saved: the new one refers to that file
        if not self.maybe_save() or self.session is None:
            return False
        result = next_stage_session(self, self.session, same_stage=same_stage)
        if result is None:
            return False
        session, message = result
        self.set_document(session)
        self.statusBar().showMessage(message, 10_000)
        return True

    def new_review_of_plan(self) -> bool:
        return self.next_stage(same_stage=True)

    # ------------------------------------------------------------ IFC models
    def import_ifc(self) -> bool:
        """File → Import IFC Model… (reviewer/ui/ifc_controller.py)."""
        return self.ifc.import_model()

    def update_from_ifc(self) -> bool:
        """Review → Update from IFC…"""
        return self.ifc.update()

    # ------------------------------------------------------------ workshops, revisions
    def new_workshop(self) -> bool:
        return self.workshops.new_workshop()

    def open_example_workshop(self) -> bool:
        return self.workshops.open_example()

    def compare_revision(self, path: Path | None = None) -> bool:
        return self.workshops.compare_revision(path)

    def compare_with(self, old: ReviewDocument, path: Path) -> bool:
        return self.workshops.compare_with(old, path)

    @property
    def revision_dialog(self) -> QWidget | None:
        """The revision comparison shown (reviewer/ui/workshop_controller.py), if any."""
        return self.workshops.revision_dialog

    def _close_revision_dialog(self) -> None:
        self.workshops.close_revision_dialog()

    # ------------------------------------------------------------ recovery
    def recover(self, recovery: Recovery) -> bool:
        """Open an autosaved copy (reviewer/ui/recovery.py)."""
        from reviewer.ui.recovery import recover

        return recover(self, recovery)

    def offer_recovery(self) -> bool:
        """Offer every recovery file a crash left behind; True if one was opened."""
        from reviewer.ui.recovery import offer_recoveries

        return offer_recoveries(self)

    # ------------------------------------------------------------ the register
    @property
    def register_window(self) -> Any:
        """The register window, once shown (reviewer.ui.register.window.RegisterWindow)."""
        return self.registers.register_window

    def open_register(self) -> bool:
        return self.registers.show()

    def open_from_register(self, document_id: str, register: Any = None) -> bool:
        return self.registers.open(document_id, register)

    def save_to_register(self) -> bool:
        return self.registers.save_to_register()

    def save(self) -> bool:
        document = self.document
        if document is None:
            return False
        if document.register_ref is not None:
            return self.registers.save(document)
        if document.path is None or self._is_bundled(document.path):
            return self.save_as()
        if document.read_only:
            self.statusBar().showMessage(
                self.tr("{0} is open read-only: save your version under another name.").format(
                    document.path.name
                ),
                8000,
            )
            return self.save_as()
        return self._save_to(document.path)

    def save_as(self, *, suggest_new_name: bool = False) -> bool:
        document = self.document
        if document is None:
            return False
        if document.path is not None and not self._is_bundled(document.path):
            suggested = free_name(document.path) if suggest_new_name else document.path
        else:
            folder = self.recent_files()[0].parent if self.recent_files() else Path.home()
            stem = file_stem(document.suggested_stem(), document.kind)
            suggested = folder / f"{stem}{document.file_suffix}"
        path = document.ask_save_path(self, str(suggested))
        if path is None:
            return False
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Write the document to `path`, never over somebody else's work: a file that
        changed on disk since it was opened, or that another app has open, is refused."""
        from reviewer.storage.container import DocumentFileError

        document = self.document
        assert document is not None
        title = document.not_saved_title()
        claim = document.claim
        same = claim is not None and same_file(path, claim.path)
        if same and document.read_only:
            dialogs.show_error(
                self,
                title,
                self.tr(
                    "{0} is open read-only because someone else has it open. Save your "
                    "version under another name."
                ).format(path.name),
            )
            return False
        if same and claim is not None:
            changed = claim.conflict()
            if changed is not None:
                return self._save_conflict(path, changed)
        elif self.guard.refuse_foreign(path, title):
            return False
        try:
            data = document.save(path)
        except (DocumentFileError, OSError) as exc:
            message = (
                error_text(str(exc))
                if isinstance(exc, DocumentFileError)
                else (exc.strerror or str(exc))
            )
            dialogs.show_error(self, title, message)
            return False
        document.register_ref = None  # saved as a file: the file is its place now
        if not same:  # a new name: lock it, let go of the old one
            if claim is not None:
                claim.release()
            claim = document.claim = self.guard.claim(path, None, "lock")
            self._update_title()
        claim.saved(data)
        self.guard.discard_older_recoveries(path)
        self.add_recent(path)
        self.statusBar().showMessage(self.tr("Saved {0}").format(path.name), 4000)
        return True

    def _save_conflict(self, path: Path, changed: Fingerprint) -> bool:
        """The file was saved by someone else after it was opened here: not over it."""
        choice = dialogs.ask_conflict(
            self, path.name, local_time(changed.modified), self.session is not None
        )
        if choice == "save_as":
            return self.save_as(suggest_new_name=True)
        if choice == "compare":
            self.compare_revision(path)
        return False

    def close_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.set_document(None)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        from reviewer.ui.background import is_waiting

        if is_waiting():  # a save to the register is under way: close when it is done
            event.ignore()
            return
        if not self.maybe_save():
            event.ignore()
            return
        if self._export_job is not None:
            self._export_job.wait()
        self.ifc.wait()
        if self._bcf_job is not None:  # stopped: a cancelled export writes nothing
            self._bcf_job.wait()
        self.save_settings()
        self.autosave.discard()
        if self.document is not None and self.document.claim is not None:
            self.document.claim.release()
        event.accept()

    # ------------------------------------------------------------ export
    def export_pdf(self) -> None:
        document = self.document
        if document is None or self._export_job is not None or not document.report_available():
            return
        out = dialogs.ask_export_path(self, str(self.suggested_output(document, ".pdf")))
        if out is not None:
            self.start_report(document.export_job(self, out, current_lang()))

    def suggested_output(self, document: DocumentSession, suffix: str) -> Path:
        """Where an export of `document` is suggested: beside its file, else at home."""
        if document.path is not None and not self._is_bundled(document.path):
            return document.path.with_suffix(suffix)
        return Path.home() / f"{file_stem(document.suggested_stem(), document.kind)}{suffix}"

    def _exported(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Exported {0}").format(path.name))

    def sign_and_export(self) -> None:
        """Export the review's advice signed with the user's certificate: the certificate
        is opened first, so a wrong passphrase is said before any report work."""
        from reviewer.ui.review.signing import signed_export_job

        session = self.session
        if session is None or self._export_job is not None or not session.report_available():
            return
        job = signed_export_job(self, session)
        if job is not None:
            self.start_report(job)

    def _export_done(self) -> None:
        self._export_job = None

    def export_bcf(self) -> None:
        """The review's findings as BCF topics, written off the GUI thread (review/bcf.py)."""
        from reviewer.ui.review import bcf

        session = self.session
        if session is None or self._bcf_job is not None:
            return
        suggested = self.suggested_output(session, ".bcf")
        self._bcf_job = bcf.start_export(self, session, suggested, current_lang())
        if self._bcf_job is not None:
            self._bcf_job.destroyed.connect(self._bcf_done)
            self._bcf_job.finished.connect(self._exported)

    def _bcf_done(self) -> None:
        self._bcf_job = None

    def import_bcf_replies(self) -> None:
        """Read the architect's replies from a BCF file onto the criteria (one undo step)."""
        from reviewer.ui.review import bcf

        session = self.session
        if session is None:
            return
        directory = str(session.path.parent) if session.path is not None else ""
        bcf.import_replies(self, session, directory)

    @property
    def exporting(self) -> bool:
        """Whether a report is being written (one at a time)."""
        return self._export_job is not None

    def start_report(self, job: export.ReportJob) -> None:
        job.destroyed.connect(self._export_done)
        job.finished.connect(self._exported)
        self._export_job = job
        job.start()

    # ------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_settings(self) -> None:
        if not self._remember:
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())

    def recent_files(self) -> list[Path]:
        value = QSettings().value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in value or [] if v]

    def add_recent(self, path: Path) -> None:
        if self._is_bundled(path):
            return
        path = path.resolve()
        paths = [p for p in self.recent_files() if p != path]
        paths.insert(0, path)
        QSettings().setValue("recentFiles", [str(p) for p in paths[:MAX_RECENT]])
        self.start_page.set_recent(self.recent_files())

    def _fill_recent_menu(self) -> None:
        self.window_actions.fill_recent_menu()

    def clear_recent(self) -> None:
        QSettings().setValue("recentFiles", [])
        self.start_page.set_recent([])

    # ------------------------------------------------------------ language, help
    def set_ui_language(self, lang: str) -> None:
        set_language(lang)
        if self._remember:
            QSettings().setValue("language", lang)

    def edit_organisation(self) -> bool:
        """The organisation settings (letterhead, contact, signatory, standard texts)."""
        from reviewer.ui.organisation_dialog import edit_organisation

        saved = edit_organisation(self)
        if saved:
            self.statusBar().showMessage(self.tr("Organisation settings saved."), 5000)
        return saved

    def show_about(self) -> None:
        dialogs.show_about(
            self,
            self.tr("About {0}").format(APP_NAME),
            self.tr(
                "<h3>{0}</h3><p>Version {1}</p>"
                "<p>Review a building plan against the combined Safety &amp; Cohesion "
                "checklist, from the safety or the cohesion perspective, and export the "
                "assessment as a PDF report.</p>"
                "<p>For police building-plan advisers, architects and planners.</p>"
            ).format(APP_NAME.replace("&", "&amp;"), __version__),
        )

    # ------------------------------------------------------------ drop a review file
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() and u.toLocalFile().endswith(DOCUMENT_SUFFIXES) for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().endswith(DOCUMENT_SUFFIXES):
                event.acceptProposedAction()
                self.open_file(Path(url.toLocalFile()))
                return
        event.ignore()

    def open_url(self, url: QUrl) -> None:  # pragma: no cover - convenience
        dialogs.open_url(url)

"""The main window's side of the register: connecting, the register window, opening a
document from it, saving to it (a new version, refused over a colleague's newer one) and
what to do then. Kept out of `main_window.py`, which only delegates here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject

from reviewer.ui import dialogs
from reviewer.ui.autosave import local_time
from reviewer.ui.document import DocumentSession, RegisterLocation
from reviewer.ui.i18n import current_lang

T = TypeVar("T")

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.register.window import RegisterWindow


class RegisterController(QObject):
    """The register for one main window. Registers are connected once per URL, when
    first used; none is touched at start-up."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.register_window: RegisterWindow | None = None
        self._registers: dict[str, Any] = {}  # URL -> Register

    def connect(self, url: str | None = None) -> Any:
        """The register at `url` (the settings' register when None); None after telling
        the user why it cannot be reached."""
        from reviewer.ui.register.connect import connect_register, register_key

        key = register_key(url)
        if key is None or key not in self._registers:
            register = connect_register(self.window, url)
            if register is None:
                return None
            key = register_key(url) or ""
            self._registers[key] = register
        return self._registers[key]

    def show(self) -> bool:
        """Show the register window (the register of the settings)."""
        if self.register_window is not None:
            self._bring_up(self.register_window)
            return True
        from reviewer.ui.register.window import RegisterWindow

        register = self.connect()
        if register is None:
            return False
        self.register_window = RegisterWindow(register, current_lang(), self.window)
        self.register_window.openRequested.connect(self.open)
        self._bring_up(self.register_window)
        return True

    @staticmethod
    def _bring_up(register_window: RegisterWindow) -> None:
        """Shown in front, ready to type a search."""
        register_window.show()
        register_window.raise_()
        register_window.activateWindow()
        register_window.search_field.setFocus()

    def open(self, document_id: str, register: Any = None) -> bool:
        """Open a document of the register; Save then saves it there."""
        if not self.window.maybe_save():
            return False
        if register is None:
            assert self.register_window is not None
            register = self.register_window.register
        if not self.load(register, document_id):
            return False
        self.window.raise_()  # the document in front; the register stays open behind it
        self.window.activateWindow()
        return True

    def load(self, register: Any, document_id: str) -> bool:
        from reviewer.storage.register import RegisterError
        from reviewer.ui.kinds import kind_named

        try:
            opened = self._wait(
                lambda: register.open_document(document_id),
                self.tr("Opening from the register {0}…").format(register.shown_url),
            )
        except RegisterError as exc:
            dialogs.show_error(self.window, self.tr("The document cannot be opened"), str(exc))
            return False
        document = kind_named(opened.stored.kind).session(opened.document, None)  # type: ignore[call-arg]
        document.register_ref = RegisterLocation(
            _plain_url(register), document_id, opened.stored.dossier_id, opened.stored.version
        )
        self.window.set_document(document)
        document.undo_stack.setClean()
        self.window.statusBar().showMessage(
            self.tr("Opened from the register: version {0}, saved by {1} on {2}").format(
                opened.stored.version,
                opened.stored.saved_by or "?",
                local_time(opened.stored.saved_at),
            ),
            8000,
        )
        return True

    def save_to_register(self) -> bool:
        """Save the open document to the register: a new version of a register document,
        or a new document (in the dossier of its plan) for one from a file."""
        from reviewer.storage.register import RegisterError, default_user

        document = self.window.document
        if document is None:
            return False
        if document.register_ref is not None:
            return self.save(document)
        register = self.connect()
        if register is None:
            return False
        try:
            stored = self._wait(
                lambda: register.add(document.document, saved_by=default_user()),
                self._saving_label(register),
            )
        except RegisterError as exc:
            dialogs.show_error(self.window, document.not_saved_title(), str(exc))
            return False
        document.register_ref = RegisterLocation(
            _plain_url(register), stored.document_id, stored.dossier_id, stored.version
        )
        self._saved(document, stored.version)
        return True

    def save(self, document: DocumentSession) -> bool:
        """A new version of a register document, from the version it was opened at."""
        from reviewer.storage.register import RegisterConflict, RegisterError, default_user

        ref = document.register_ref
        assert ref is not None
        register = self.connect(ref.url)
        if register is None:
            return False
        try:
            stored = self._wait(
                lambda: register.save(
                    ref.document_id,
                    document.document,
                    base_version=ref.version,
                    saved_by=default_user(),
                ),
                self._saving_label(register),
            )
        except RegisterConflict as conflict:
            return self._conflict(document, register, conflict)
        except RegisterError as exc:
            dialogs.show_error(self.window, document.not_saved_title(), str(exc))
            return False
        self._saved(document, stored.version)
        return True

    def _wait(self, work: Callable[[], T], label: str) -> T:
        """The register's work off the GUI thread: a slow or unreachable server (up to
        its connect timeout) leaves the window repainting, with a busy dialog."""
        from reviewer.ui.background import wait_for

        return wait_for(self.window, work, title=self.tr("Register"), label=label)

    def _saving_label(self, register: Any) -> str:
        return self.tr("Saving to the register {0}…").format(register.shown_url)

    def _saved(self, document: DocumentSession, version: int) -> None:
        assert document.register_ref is not None
        document.register_ref.version = version
        document.undo_stack.setClean()
        self.window._update_state()
        self.window.statusBar().showMessage(
            self.tr("Saved to the register (version {0})").format(version), 4000
        )
        if self.register_window is not None:  # the table shows the new version
            self.register_window.run_search()

    def _conflict(self, document: DocumentSession, register: Any, conflict: Any) -> bool:
        """Someone saved a newer version: never over it. Compare the two, reload theirs,
        save this one as a new document in the same dossier, or cancel; whatever is
        chosen but a save, the document stays open and unsaved."""
        from reviewer.storage.register import RegisterError, default_user

        ref = document.register_ref
        assert ref is not None
        choice = dialogs.ask_register_conflict(
            self.window,
            document.display_name(),
            conflict.saved_by,
            local_time(conflict.saved_at),
            can_compare=self.window.session is document,
        )
        if choice == "compare":
            self._compare(register, ref, document)
            return False
        if choice == "reload":
            document.undo_stack.setClean()  # the user chose to drop these changes
            return self.load(register, ref.document_id)
        if choice == "save_new":
            try:
                stored = self._wait(
                    lambda: register.add(
                        document.document, saved_by=default_user(), dossier_id=ref.dossier_id
                    ),
                    self._saving_label(register),
                )
            except RegisterError as exc:
                dialogs.show_error(self.window, document.not_saved_title(), str(exc))
                return False
            ref.document_id, ref.version = stored.document_id, stored.version
            self._saved(document, stored.version)
            return True
        return False

    def _compare(self, register: Any, ref: RegisterLocation, document: DocumentSession) -> None:
        """The revision comparison of the colleague's newer version with the open one."""
        from reviewer.storage.register import RegisterError

        try:
            theirs = self._wait(
                lambda: register.open_document(ref.document_id),
                self.tr("Opening from the register {0}…").format(register.shown_url),
            )
        except RegisterError as exc:
            dialogs.show_error(self.window, self.tr("The document cannot be opened"), str(exc))
            return
        label = self.tr("{0}, version {1} in the register").format(
            document.display_name(), theirs.stored.version
        )
        self.window.compare_with(theirs.document, Path(label))


def _plain_url(register: Any) -> str:
    """The register's URL as kept with a document: never with its password."""
    from reviewer.storage.register.database import without_password

    return without_password(register.url).render_as_string(hide_password=False)

"""Opening what a crash left behind: the autosaved copies (`reviewer.ui.autosave`) offered
at start or when their file is opened, each recovered as an unsaved document whose Save
goes where the lost work belonged: its file (never over a newer version of it: the copy
remembers what it started from), the register, or a name of one's own for the example.
`MainWindow.recover` and `MainWindow.offer_recovery` delegate here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reviewer.ui.autosave import Recovery, leftover_recoveries
from reviewer.ui.document import RegisterLocation
from reviewer.ui.kinds import kind_of

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow


def recover(window: MainWindow, recovery: Recovery) -> bool:
    """Open an autosaved copy in `window`; it stays unsaved. False, with a message where
    it cannot be read, when the person cancels over a lock."""
    try:
        loaded = recovery.load()
    except Exception as exc:  # DocumentFileError, or a defect in a loader
        title = QCoreApplication.translate("MainWindow", "The changes cannot be recovered")
        window._open_error(title, exc, recovery.path)
        recovery.discard()
        return False
    guard = window.guard
    original = recovery.original
    # the example's lost changes: still the example, to be saved as one's own
    example = recovery.example or (original is not None and window._is_bundled(original))
    if example:
        original = None
    claim = None
    if original is not None:
        how = guard.ask_lock(original)
        if how is None:
            recovery.release()
            return False
        claim = guard.claim(original, guard.recovery_base(recovery, original), how)
    document = kind_of(recovery.path).session(loaded, original)  # type: ignore[call-arg]
    document.claim = claim
    document.example = example
    if original is None and recovery.register is not None:
        # Save goes to the register, from the version the lost work started from
        document.register_ref = RegisterLocation.from_json(recovery.register)
    document.undo_stack.resetClean()
    window.set_document(document, recovery)
    return True


def offer_recoveries(window: MainWindow) -> bool:
    """Offer every recovery file a crash left behind; True if one was opened (the others
    wait for a later start)."""
    opened = False
    for recovery in leftover_recoveries(window.autosave.folder):
        if opened:
            recovery.release()
            continue
        choice = window.guard.offer(recovery)
        if choice == "recover":
            opened = recover(window, recovery)
        elif choice == "discard":
            recovery.discard()
        else:
            recovery.release()
    return opened

"""The window's side of "nobody's work is overwritten": asking about locks, claiming a
file for an open document, and relating a crash's recovery copy to its file on disk.

The mechanisms (lock files, fingerprints) live in `reviewer.storage.ownership`; this
module decides what to ask the person, through `reviewer.ui.dialogs`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from reviewer.storage.ownership import (
    FileClaim,
    Fingerprint,
    LockedError,
    LockOwner,
    acquire_lock,
    read_owner,
    same_file,
)
from reviewer.ui import dialogs
from reviewer.ui.autosave import Recovery, leftover_recoveries, local_time

# matches no file: a save over the original always asks first
UNKNOWN_BASE = Fingerprint(-1, -1, "0" * 64)


def holder_elsewhere(path: Path) -> LockOwner | None:
    """Who else has `path` open: another live app (not this one, not a crashed one)."""
    owner = read_owner(path)
    return None if owner is None or owner.this_process or owner.is_stale else owner


class FileGuard(QObject):
    """Locks and recovery copies for the documents one window opens."""

    def __init__(self, window: QMainWindow, recovery_folder: Callable[[], Path]) -> None:
        super().__init__(window)
        self._window = window
        self._folder = recovery_folder

    def _status(self, text: str, ms: int) -> None:
        self._window.statusBar().showMessage(text, ms)

    # ------------------------------------------------------------ locks
    def ask_lock(self, path: Path) -> str | None:
        """Before opening `path`: "lock" it, open it "read_only", "take_over" somebody's
        lock, or None when the person cancels."""
        owner = holder_elsewhere(path)
        if owner is None:
            return "lock"
        who = self.tr("{0} on {1}").format(owner.user, owner.host)
        choice = dialogs.ask_locked(
            self._window, path.name, who, local_time(owner.since), not owner.on_this_host
        )
        return None if choice == "cancel" else choice

    def claim(self, path: Path, fingerprint: Fingerprint | None, how: str) -> FileClaim:
        """Lock `path` for the document opened from it (as `ask_lock` decided)."""
        if how == "read_only":
            return FileClaim(path, None, fingerprint, read_only=True)
        try:
            lock = acquire_lock(path, take_over=how == "take_over")
        except LockedError as exc:  # somebody opened it in the meantime
            self._status(
                self.tr("{0} was opened read-only: {1} has just opened it.").format(
                    path.name, exc.owner.user
                ),
                10_000,
            )
            return FileClaim(path, None, fingerprint, read_only=True)
        return FileClaim(path, lock, fingerprint)

    def opened(self, path: Path, claim: FileClaim | None) -> None:
        """Say that `path` was opened, and whose stale lock was taken over."""
        message = self.tr("Opened {0}").format(path.name)
        if claim is not None and claim.lock is not None and claim.lock.took_over is not None:
            took = self.tr("Took over the lock {0} left on {1}.")
            message += " — " + took.format(claim.lock.took_over.user, path.name)
        self._status(message, 8000)

    def refuse_foreign(self, path: Path, title: str) -> bool:
        """Before saving under a new name: True (and a message) when another app has the
        file open."""
        owner = holder_elsewhere(path)
        if owner is None:
            return False
        dialogs.show_error(
            self._window,
            title,
            self.tr(
                "{0} is open by {1} on {2}; saving over it would lose their changes. "
                "Choose another name."
            ).format(path.name, owner.user, owner.host),
        )
        return True

    # ------------------------------------------------------------ recovery
    def recovery_for(self, path: Path) -> Recovery | None:
        """A recovery a crash left of the file at `path`, locked for this window."""
        found = None
        for recovery in leftover_recoveries(self._folder()):
            if found is None and recovery.original and same_file(recovery.original, path):
                found = recovery
            else:
                recovery.release()
        return found

    @staticmethod
    def recovery_base(recovery: Recovery, original: Path) -> Fingerprint | None:
        """The version of `original` the recovered work started from, so that saving
        over a newer version is refused. An old recovery that did not record it counts
        the file as changed when it was saved after the copy was made."""
        if recovery.base is not None:
            return recovery.base
        disk = Fingerprint.of_file(original)
        if (
            disk is not None
            and recovery.saved is not None
            and disk.modified > recovery.saved + timedelta(seconds=1)  # saved to the second
        ):
            return UNKNOWN_BASE
        return disk

    def recovery_note(self, recovery: Recovery) -> str:
        """How a recovery copy relates to its file on disk: which is newer, with dates."""
        if recovery.original is None:
            return ""
        disk = Fingerprint.of_file(recovery.original)
        if disk is None:
            return ""
        if self.recovery_base(recovery, recovery.original) != disk:
            return self.tr(
                "The file on disk is newer: it was saved {0}, after this copy. Recovering "
                "brings back the older work; save it under another name to keep both."
            ).format(local_time(disk.modified))
        return self.tr("The file on disk was last saved {0}, before this copy.").format(
            local_time(disk.modified)
        )

    def offer(self, recovery: Recovery) -> str:
        """Ask whether to recover, discard or keep a recovery copy for later."""
        return dialogs.ask_recover(
            self._window,
            recovery.name,
            str(recovery.original or ""),
            recovery.when(),
            self.recovery_note(recovery),
        )

    def discard_older_recoveries(self, path: Path) -> None:
        """`path` was just saved: a crash's copy of it from before then is superseded."""
        for recovery in leftover_recoveries(self._folder()):
            if recovery.original and same_file(recovery.original, path):
                recovery.discard()
            else:
                recovery.release()
